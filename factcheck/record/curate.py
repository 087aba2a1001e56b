"""Tools for the curators of a record: which checkable sentences of a source no claim cites
(coverage), a skeleton of claims for a new source (draft), and the checks ``validate`` adds
to the schema's (review): values and names not in the passage, near-duplicate claims, aliases
that occur inside other words.

Nothing here changes a record: it reads one and reports.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from factcheck.model import Claim, Entity, Passage, Source
from factcheck.normalize.dates import DateValue, extract_dates, parse_iso
from factcheck.normalize.names import EntityMatcher, related_entities
from factcheck.normalize.numbers import extract_counts, extract_money, extract_percents
from factcheck.record import Record, source_passages

NAMED_KINDS = ("person", "org", "product", "place")
# Common words that contain, or are, a possible alias: an alias found in one of them is only a
# name in context (list it under the entity's ``ambiguous``). A short list of the loanwords
# met so far; ``review`` also looks for aliases inside the longer words of the sources.
COMMON_WORDS = (
    "マスク", "マスク着用", "テスラ", "グロック", "メタバース", "メタデータ", "ウインドウ",
    "スティール", "エックス線", "ストライプ", "スクエア", "ボード", "ディレクター", "ソラ",
    "stripe", "board", "director", "square", "collab", "grok", "meta", "dojo", "x-ray",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a source with what makes it checkable (nothing: nothing to check)."""

    source: str
    path: str
    line: int
    text: str
    start: int
    names: tuple[str, ...]  # entity ids, in order
    values: tuple[str, ...]  # the values as written ("4400万ドル", "2018年2月")
    asserts: bool = False  # a full sentence (a predicate, its end mark), not a heading

    @property
    def checkable(self) -> bool:
        return bool(self.names or self.values or self.asserts)


_ENDS = ("。", "！", "？", ".", "!", "?")


def _asserts(text: str) -> bool:
    """Does the text read as a statement: a full sentence with its end mark, long enough to
    say something (a heading has no end mark; "Highlights" says nothing)?"""
    body = text.strip().rstrip("」』\"'”’) ")
    if not body.endswith(_ENDS):
        return False
    return len(body.split()) >= 4 if body.isascii() else len(body) >= 10


def _date(source: Source) -> date | None:
    raw = source.meta.get("date")
    try:
        return date.fromisoformat(str(raw)) if raw else None
    except ValueError:
        return None


def matcher_of(record: Record) -> EntityMatcher:
    return EntityMatcher(record.entities.values(), related_entities(record.claims))


def sentences(record: Record, source: Source, matcher: EntityMatcher) -> list[Sentence]:
    """Every sentence of ``source`` with the names (its own aliases included) and values it
    holds: a sentence with a name of a person, organisation, product or place, a value, or
    a predicate of its own (a full sentence, not a heading) has something to check."""
    ref = _date(source)
    out = []
    for p in source_passages(source):
        text = unicodedata.normalize("NFKC", p.text)
        if text.startswith("!["):  # an image
            out.append(Sentence(source.id, source.path, p.line, p.text, p.start, (), ()))
            continue
        names = [m.entity for m in matcher.find(text, source.id)
                 if matcher.kind.get(m.entity) in NAMED_KINDS]  # fmt: skip
        found: list[Any] = [*extract_money(text), *extract_counts(text), *extract_percents(text)]
        found += extract_dates(text, ref)
        out.append(Sentence(source.id, source.path, p.line, p.text, p.start,
                            tuple(dict.fromkeys(names)),
                            tuple(dict.fromkeys(v.text for v in found if v.text)),
                            _asserts(text)))  # fmt: skip
    return out


def _cited(record: Record, source_id: str) -> list[tuple[int, int]]:
    """The spans of ``source_id`` that claims cite (their quotes and further passages)."""
    spans = []
    for c in record.claims:
        for p in (c.passage, *c.also):
            if p is not None and p.source == source_id:
                spans.append((p.start, p.start + len(p.text)))
    return spans


@dataclass(frozen=True, slots=True)
class Coverage:
    source: Source
    uncited: list[Sentence]  # checkable, cited by no claim, not excused
    excused: list[tuple[Sentence, str]]  # checkable, uncited, listed as unchecked (the reason)
    checkable: int
    cited: int


def coverage(record: Record, source: Source, matcher: EntityMatcher | None = None) -> Coverage:
    """The checkable sentences of ``source`` no claim cites, and those the record excuses."""
    matcher = matcher or matcher_of(record)
    spans = _cited(record, source.id)
    excuse = {line: why for sid, line, why in record.unchecked if sid == source.id}
    uncited, excused = [], []
    checkable = cited = 0
    for s in sentences(record, source, matcher):
        end = s.start + len(s.text)
        if any(a < end and s.start < b for a, b in spans):
            cited += 1
            checkable += 1
            continue
        if not s.checkable:
            continue
        checkable += 1
        if s.line in excuse:
            excused.append((s, excuse[s.line]))
        else:
            uncited.append(s)
    return Coverage(source, uncited, excused, checkable, cited)


# --------------------------------------------------------------------------- draft


def _amount(q: Any) -> dict[str, Any]:
    if q.lo == q.hi:
        return {"value": int(q.lo) if q.lo == int(q.lo) else q.lo, "currency": "USD"}
    return {"min": int(q.lo), "max": int(q.hi), "currency": "USD"}


def _count(q: Any) -> dict[str, Any]:
    value: dict[str, Any] = (
        {"value": int(q.lo)} if q.lo == q.hi else {"min": int(q.lo), "max": int(q.hi)}
    )
    return {**value, "unit": q.unit or "items"}


def draft(record: Record, source: Source, include_cited: bool = False) -> list[dict[str, Any]]:
    """A skeleton claim for each checkable sentence of ``source`` (not yet cited, unless
    ``include_cited``): the quote, its line, the names and values filled in, the phrasings
    and examples left for the curator. Relative dates are resolved against the source's date
    and marked as derived."""
    matcher = matcher_of(record)
    spans = _cited(record, source.id)
    unchecked = {(sid, line) for sid, line, _ in record.unchecked}
    ref = _date(source)
    out: list[dict[str, Any]] = []
    for s in sentences(record, source, matcher):
        end = s.start + len(s.text)
        if not s.checkable:
            continue
        if not include_cited and any(a < end and s.start < b for a, b in spans):
            continue
        if (source.id, s.line) in unchecked:
            continue  # deliberately left without a claim
        text = unicodedata.normalize("NFKC", s.text)
        values: dict[str, list[Any]] = {}
        derived: dict[str, str] = {}
        money = extract_money(text)
        if money:
            values["amounts"] = [_amount(q) for q in money]
        counts = extract_counts(text)
        if counts:
            values["counts"] = [_count(q) for q in counts]
        percents = extract_percents(text)
        if percents:
            values["percents"] = [q.lo for q in percents]
        dates = extract_dates(text, ref)
        if dates:
            values["dates"] = [d.iso() for d in dates]
            for d in dates:
                if not any(ch.isdigit() for ch in d.text):  # "last week", "昨年"
                    derived[d.iso()] = f"{d.text} in a source dated {ref}"
        people = [n for n in s.names if matcher.kind.get(n) in ("person", "org")]
        claim: dict[str, Any] = {
            "id": f"{source.id.replace('-', '_')}.line{s.line}_{len(out) + 1}",
            "source": source.id,
            "status": "stated",
            "quote": s.text,
            "text": {"en": "", "ja": ""},
        }
        if people:
            claim["subject"] = people[0]
        claim["entities"] = list(s.names)
        claim["negated"] = False
        if values:
            claim["values"] = values
        if derived:
            claim["derived"] = derived
        claim["terms"] = {"en": [], "ja": []}
        claim["examples"] = {"supported": [], "contradicted": []}
        out.append(claim)
    return out


# --------------------------------------------------------------------------- review


def _passages_of(c: Claim) -> list[Passage]:
    return [p for p in (c.passage, *c.also) if p is not None]


def _in_text(kind: str, value: Any, text: str, ref: date | None) -> bool:
    """Is this value of a claim written in ``text`` (in any of the ways the normaliser
    reads)?"""
    if kind == "dates":
        want = parse_iso(str(value))
        return any(_same_date(want, d) for d in extract_dates(text, ref))
    if kind == "percents":
        return any(q.lo <= float(value) <= q.hi for q in extract_percents(text))
    if not isinstance(value, dict):
        return True
    lo, hi = value.get("value", value.get("min")), value.get("value", value.get("max"))
    if not isinstance(lo, int | float) or not isinstance(hi, int | float):
        return True  # "for years": nothing to find
    found = extract_money(text) if kind == "amounts" else extract_counts(text)
    return any(abs(q.lo - lo) <= 0.011 * max(1, lo) and abs(q.hi - hi) <= 0.011 * max(1, hi)
               for q in found)  # fmt: skip


def _same_date(want: DateValue, got: DateValue) -> bool:
    """The claim's date as the passage gives it: the same year and, as far as the claim
    goes, the same month and day."""
    return (want.year, want.month or got.month, want.day or got.day) == (
        got.year,
        got.month,
        got.day,
    )


def _value_text(kind: str, value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("value", value.get("min")))
    return str(value)


def review(record: Record) -> tuple[list[str], list[str]]:
    """What ``validate`` checks beyond the schema: (problems, warnings), each located.

    Problems: a value of a claim that none of its passages gives and that is not marked
    derived. Warnings: the claim's subject or object not named in its passages (a pronoun, a
    name the sentence before gives), near-duplicate claims, aliases that are common words or
    occur inside longer words of the sources."""
    problems: list[str] = []
    warnings: list[str] = []
    matcher = matcher_of(record)
    for c in record.claims:
        where = f"{record.path}: claim {c.id}"
        src = record.sources.get(c.source)
        ref = _date(src) if src is not None else None
        texts = [unicodedata.normalize("NFKC", p.text) for p in _passages_of(c)]
        for kind, items in c.values.items():
            if kind == "durations" or not isinstance(items, list):
                continue
            for value in items:
                kind_read = "counts" if kind == "ages" else kind  # "14歳年上": years, counted
                shown = _value_text(kind, value)
                if shown in c.derived or str(value) in c.derived:
                    continue
                if not any(_in_text(kind_read, value, t, ref) for t in texts):
                    problems.append(f"{where}: {kind[:-1]} {shown} is not in its passage; "
                                    "mark it derived (with how) if it is worked out")  # fmt: skip
        # names: those of the passage's whole line (a pronoun's name is often a sentence back)
        lines = [_line_of(record, p) for p in _passages_of(c)]
        named = {m.entity for t in lines for m in matcher.find(t, c.source, context=False)}
        for role, eid in (("subject", c.subject), ("object", c.obj)):
            if (
                eid
                and matcher.kind.get(eid) in NAMED_KINDS
                and eid not in named
                and eid not in c.derived
            ):
                warnings.append(f"{where}: its {role} {eid} is not named in its passage")
    warnings += _near_duplicates(record)
    warnings += _alias_warnings(record)
    return problems, warnings


def _line_of(record: Record, p: Passage) -> str:
    src = record.sources[p.source]
    starts = [*src.line_starts, len(src.text) + 1]
    return unicodedata.normalize("NFKC", src.text[starts[p.line - 1] : starts[p.line]])


def _near_duplicates(record: Record) -> list[str]:
    """Claims that say the same thing: the same English text, or near-identical texts
    citing the same passage."""
    from rapidfuzz import fuzz

    out = []
    by_text: dict[str, str] = {}
    by_quote: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in record.claims:
        key = " ".join(c.text_en.casefold().split())
        if key and key in by_text:
            out.append(f"{record.path}: claims {by_text[key]} and {c.id} have the same text")
        by_text.setdefault(key, c.id)
        by_quote[(c.source, c.quote)].append(c)
    for group in by_quote.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                same = " ".join(a.text_en.casefold().split()) == " ".join(
                    b.text_en.casefold().split()
                )
                if not same and a.values == b.values and fuzz.ratio(a.text_en, b.text_en) >= 90:
                    out.append(f"{record.path}: claims {a.id} and {b.id} are near duplicates "
                               "(the same passage, almost the same text)")  # fmt: skip
    return out


def _alias_warnings(record: Record) -> list[str]:
    """Aliases that are (or are inside) common words, or that occur inside longer words of
    the sources where the matcher does not read them."""
    out = []
    plain = [(e.id, a) for e in record.entities.values() for a in e.aliases]
    for eid, alias in plain:
        folded = alias.casefold()
        for word in COMMON_WORDS:
            if len(folded) >= 2 and (folded == word or _read_inside(folded, word)):
                out.append(f"{record.path}: alias {alias!r} of {eid} is the common word (or "
                           f"part of) {word!r}: list it under ambiguous")  # fmt: skip
                break
    for src in record.sources.values():
        out += _inside_words(record, src, plain)
    return out


def _read_inside(alias: str, word: str) -> bool:
    """Would the matcher read ``alias`` inside ``word`` (a non-ASCII alias, not inside a
    longer katakana run)?"""
    if alias.isascii():
        return False
    found = EntityMatcher([Entity("a", "person", alias, alias, (alias,))]).find(word)
    return bool(found)


def _inside_words(record: Record, src: Source, aliases: Iterable[tuple[str, str]]) -> list[str]:
    """Aliases read as names inside a longer word of the source ("資金" in "資金調達"): a
    katakana or ASCII alias never is (the matcher keeps to whole words), a kanji one may be."""
    matcher = matcher_of(record)
    text = unicodedata.normalize("NFKC", src.text)
    read = {(m.start, m.end, m.entity) for m in matcher.find(text, src.id, context=False)}
    out = []
    for eid, alias in aliases:
        if len(alias) < 2:
            continue
        i = text.find(alias)
        while i >= 0:
            j = i + len(alias)
            glued = (_script(text[i - 1 : i]) == _script(alias[0]) != "") or (
                _script(text[j : j + 1]) == _script(alias[-1]) != ""
            )
            if glued and (i, j, eid) in read:
                word = _word_around(text, i, j)
                out.append(f"{src.path}:{src.line_of(i)}: alias {alias!r} of {eid} is read "
                           f"inside the word {word!r}")  # fmt: skip
                break  # once per alias and source
            i = text.find(alias, j)
    return out


def _script(ch: str) -> str:
    """The kind of letter that continues a word: kanji, katakana, ASCII (or none)."""
    if not ch:
        return ""
    if "\u4e00" <= ch <= "\u9fff" or ch == "々":
        return "kanji"
    if "\u30a1" <= ch <= "\u30fa" or ch == "ー":
        return "kana"
    return "ascii" if ch.isascii() and ch.isalnum() else ""


def _word_around(text: str, i: int, j: int) -> str:
    while i > 0 and _script(text[i - 1]) == _script(text[i]) != "":
        i -= 1
    while j < len(text) and _script(text[j]) == _script(text[j - 1]) != "":
        j += 1
    return text[i:j]
