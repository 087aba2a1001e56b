"""The record's schema: entities and claims checked, every problem located."""

from __future__ import annotations

import re
from typing import Any

from factcheck.model import STATUSES, Claim, Entity, Passage, Source
from factcheck.record.yamlsafe import _Loc

ENTITY_KINDS = frozenset({"person", "org", "product", "place", "role"})
VALUE_KINDS = frozenset({"amounts", "dates", "counts", "ages", "percents", "durations"})
CLAIM_KEYS = frozenset(
    {
        "id", "source", "quote", "text", "subject", "object", "entities",
        "negated", "values", "terms", "examples", "status", "speaker", "note", "derived",
        "also",
    }
)  # fmt: skip
ENTITY_KEYS = frozenset({"id", "kind", "name", "aliases", "ambiguous", "scoped"})
TOP_KEYS = frozenset({"version", "entities", "claims", "unchecked"})
UNCHECKED_KEYS = frozenset({"source", "line", "reason"})
_ID_RE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)*$")
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _str_list(value: object) -> tuple[str, ...] | None:
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return tuple(str(v) for v in value)  # a bare 2015 in a list of terms means "2015"
    return None


def _entity(item: Any, at: str, loc: _Loc, owner: dict[str, str],
            problems: list[str]) -> Entity | None:  # fmt: skip
    """One entity of the list (``at`` is its position); None when it has no usable id."""
    if not isinstance(item, dict):
        problems.append(f"{at}: an entity must be a mapping")
        return None
    for key in sorted(item.keys() - ENTITY_KEYS):
        problems.append(f"{loc.where(item, key)}: unknown entity key {key!r}")
    eid, kind, name = item.get("id"), item.get("kind"), item.get("name")
    if not isinstance(eid, str) or not re.fullmatch(r"[a-z0-9_]+", eid):
        problems.append(f"{loc.where(item, 'id') if 'id' in item else at}: "
                        f"entity id missing or not [a-z0-9_]+: {eid!r}")  # fmt: skip
        return None
    if kind not in ENTITY_KINDS:
        problems.append(f"{loc.where(item, 'kind') if 'kind' in item else at}: entity {eid}: "
                        f"kind must be one of {', '.join(sorted(ENTITY_KINDS))}")  # fmt: skip
    if not isinstance(name, dict) or not all(isinstance(name.get(k), str) for k in ("en", "ja")):
        problems.append(f"{loc.where(item, 'name') if 'name' in item else at}: "
                        f"entity {eid}: name needs 'en' and 'ja' strings")  # fmt: skip
        name = {"en": eid, "ja": eid}
    aliases = _str_list(item.get("aliases"))
    if aliases is None:
        problems.append(f"{loc.where(item, 'aliases')}: entity {eid}: aliases must be strings")
        aliases = ()
    for alias in aliases:
        if not alias.strip() or (len(alias.strip()) == 1 and not ("A" <= alias.strip() <= "Z")):
            problems.append(f"{loc.where(item, 'aliases')}: entity {eid}: alias {alias!r} would "
                            "match ordinary text (an alias needs two characters, or one capital "
                            "letter, matched as written)")  # fmt: skip
    ambiguous = _str_list(item.get("ambiguous"))
    if ambiguous is None:
        problems.append(f"{loc.where(item, 'ambiguous')}: entity {eid}: ambiguous must be a "
                        "list of strings")  # fmt: skip
        ambiguous = ()
    scoped = _scoped(item, eid, loc, problems)
    all_names = {name["en"], name["ja"], *aliases}
    for alias in sorted(all_names | set(ambiguous) | {a for _, a in scoped}):
        folded = alias.casefold()
        if owner.setdefault(folded, eid) != eid:
            problems.append(f"{loc.where(item, 'aliases' if 'aliases' in item else 'name')}: "
                            f"alias {alias!r} of {eid} is also an alias of {owner[folded]}")  # fmt: skip
    for alias in sorted(set(ambiguous) & set(aliases)):
        problems.append(f"{loc.where(item, 'ambiguous')}: entity {eid}: {alias!r} is listed "
                        "both in aliases and in ambiguous")  # fmt: skip
    # a name may itself be ambiguous ("Grok", "ソラ"): then it is read only in context too
    return Entity(eid, str(kind), name["en"], name["ja"], tuple(sorted(all_names - set(ambiguous))),
                  tuple(sorted(set(ambiguous))), scoped)  # fmt: skip


def _scoped(item: dict[str, Any], eid: str, loc: _Loc,
            problems: list[str]) -> tuple[tuple[str, str], ...]:  # fmt: skip
    """``scoped: {source id: [alias, ...]}``: forms read only in that source's context."""
    block = item.get("scoped")
    if block is None:
        return ()
    if not isinstance(block, dict):
        problems.append(f"{loc.where(item, 'scoped')}: entity {eid}: scoped must map a source "
                        "id to a list of aliases")  # fmt: skip
        return ()
    out: list[tuple[str, str]] = []
    for sid, names in block.items():
        listed = _str_list(names)
        if listed is None:
            problems.append(f"{loc.where(block, sid)}: entity {eid}: scoped aliases must be "
                            "strings")  # fmt: skip
            continue
        out += [(str(sid), a) for a in listed]
    return tuple(sorted(out))


def _entities(data: Any, at: str, loc: _Loc, problems: list[str]) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    owner: dict[str, str] = {}
    if not isinstance(data, list):
        problems.append(f"{at}: 'entities' must be a list")
        return entities
    for i, item in enumerate(data):
        entity = _entity(item, loc.where(data, i), loc, owner, problems)
        if entity is None:
            continue
        if entity.id in entities:
            problems.append(f"{loc.where(item, 'id')}: duplicate entity id {entity.id!r}")
        entities[entity.id] = entity
    return entities


def _valid_date(value: object) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day."""
    import datetime as dt

    if not isinstance(value, str | int) or isinstance(value, bool):
        return False
    text = str(value)
    if not _DATE_RE.match(text):
        return False
    parts = [int(x) for x in text.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


QUANTITY_KEYS = frozenset({"value", "min", "max", "currency", "unit", "approx", "older",
                           "younger"})  # fmt: skip
APPROX = ("more_than", "at_least", "less_than", "at_most", "about")  # (index/profile.py)
MAX_VALUE = 1e18  # larger than any amount, count or age a statement states


def _number(value: object, signed: bool = True) -> bool:
    """A number checking can compare: finite, at most MAX_VALUE in size (10**400 is not),
    and not below zero unless ``signed``."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return False
    return -MAX_VALUE <= value <= MAX_VALUE and (signed or value >= 0)


def _valid_quantity(item: object, signed: bool = True) -> bool:
    """A mapping with a numeric 'value' (null: unspecified) or numeric 'min' <= 'max'."""
    if not isinstance(item, dict):
        return False
    if "min" in item or "max" in item:
        low, high = item.get("min"), item.get("max")
        return _number(low, signed) and _number(high, signed) and low <= high  # type: ignore[operator]
    return "value" in item and (item["value"] is None or _number(item["value"], signed))


def _qualified_dates(cid: str, values: Any, loc: _Loc,
                     problems: list[str]) -> tuple[Any, dict[str, str]]:  # fmt: skip
    """Dates given as ``{date: "2018", qualifier: late}`` become the plain date (what is
    compared) and its qualifier (kept with the claim): the values and the qualifiers."""
    if not isinstance(values, dict) or not isinstance(values.get("dates"), list):
        return values, {}
    dates, qualifiers = [], {}
    for i, entry in enumerate(values["dates"]):
        if not isinstance(entry, dict):
            dates.append(entry)
            continue
        if entry.keys() - {"date", "qualifier"} or not isinstance(entry.get("qualifier"), str):
            problems.append(f"{loc.where(values['dates'], i)}: claim {cid}: a qualified "
                            "date is {date: YYYY[-MM[-DD]], qualifier: text}")  # fmt: skip
        date = entry.get("date")
        if isinstance(date, str | int) and isinstance(entry.get("qualifier"), str):
            qualifiers[str(date)] = entry["qualifier"]
        dates.append(date)
    return {**values, "dates": dates}, qualifiers


def _check_values(cid: str, values: Any, item: dict[str, Any], loc: _Loc,
                  problems: list[str]) -> None:  # fmt: skip
    if values is None:
        return
    if not isinstance(values, dict):
        problems.append(f"{loc.where(item, 'values')}: claim {cid}: values must be a mapping")
        return
    for kind in sorted(values):
        entries = values[kind]
        if kind not in VALUE_KINDS:
            problems.append(f"{loc.where(values, kind)}: claim {cid}: unknown value kind {kind!r}")
            continue
        if not isinstance(entries, list):
            problems.append(f"{loc.where(values, kind)}: claim {cid}: {kind} must be a list")
            continue
        signed = kind == "percents"  # a change may be negative; an amount or a count not
        for i, given in enumerate(entries):
            at = loc.where(entries, i)
            qualified = kind == "dates" and isinstance(given, dict)  # {date, qualifier}
            entry = given.get("date") if qualified else given
            if kind == "dates" and not _valid_date(entry):
                problems.append(f"{at}: claim {cid}: date {entry!r} is not YYYY, YYYY-MM or "
                                "YYYY-MM-DD naming a real day")  # fmt: skip
            elif kind != "dates" and not (_number(entry, signed) or _valid_quantity(entry, signed)):
                problems.append(f"{at}: claim {cid}: {kind[:-1]} {entry!r} needs a numeric "
                                f"'value' (or 'min' and 'max', min <= max){'' if signed else ', not below 0'}"
                                f", at most {MAX_VALUE:.0e} in size")  # fmt: skip
            if isinstance(entry, dict):
                if entry.get("approx", "about") not in APPROX:
                    problems.append(f"{loc.where(entry, 'approx')}: claim {cid}: approx "
                                    f"{entry['approx']!r} is not one of {', '.join(APPROX)}")  # fmt: skip
                for key in sorted(entry.keys() - QUANTITY_KEYS):
                    problems.append(f"{loc.where(entry, key)}: claim {cid}: unknown {kind[:-1]} "
                                    f"key {key!r} (known: {', '.join(sorted(QUANTITY_KEYS))})")  # fmt: skip


def _claim_passage(item: dict[str, Any], cid: str, at: str, loc: _Loc,
                   sources: dict[str, Source], problems: list[str]) -> Passage | None:  # fmt: skip
    """The claim's quote located in its source; a problem when it is not there verbatim."""
    sid, quote = item.get("source"), item.get("quote")
    if not isinstance(quote, str) or not quote.strip():
        problems.append(f"{loc.where(item, 'quote') if 'quote' in item else at}: "
                        f"claim {cid}: 'quote' is missing or not text")  # fmt: skip
        return None
    if not isinstance(sid, str) or sid not in sources:
        problems.append(f"{loc.where(item, 'source') if 'source' in item else at}: "
                        f"claim {cid}: unknown source {sid!r}")  # fmt: skip
        return None
    src = sources[sid]
    found = src.text.find(quote)
    if found < 0:
        problems.append(f"{loc.where(item, 'quote')}: claim {cid}: quote is not verbatim in "
                        f"{src.path}")  # fmt: skip
        return None
    return Passage(src.id, src.line_of(found), quote, found)


def _claim_entities(item: dict[str, Any], cid: str, loc: _Loc, entities: dict[str, Entity],
                    problems: list[str]) -> tuple[str, ...]:  # fmt: skip
    ents = _str_list(item.get("entities"))
    if ents is None:
        problems.append(f"{loc.where(item, 'entities')}: claim {cid}: entities must be ids")
        ents = ()
    for role in ("subject", "object"):
        ref = item.get(role)
        if ref is not None and (not isinstance(ref, str) or ref not in entities):
            problems.append(f"{loc.where(item, role)}: claim {cid}: unknown {role} {ref!r}")
    for ref in ents:
        if ref not in entities:
            problems.append(f"{loc.where(item, 'entities')}: claim {cid}: unknown entity {ref!r}")
    return ents


def _pair(item: dict[str, Any], key: str, names: tuple[str, str], cid: str, loc: _Loc,
          problems: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:  # fmt: skip
    """``terms`` (en, ja) or ``examples`` (supported, contradicted): two lists of strings."""
    block = item.get(key)
    if block is None:
        return (), ()
    if not isinstance(block, dict):
        problems.append(f"{loc.where(item, key)}: claim {cid}: {key} must be a mapping")
        return (), ()
    for extra in sorted(block.keys() - set(names)):
        problems.append(f"{loc.where(block, extra)}: claim {cid}: unknown {key} key {extra!r}")
    out: list[tuple[str, ...]] = []
    for name in names:
        values = _str_list(block.get(name))
        if values is None:
            problems.append(f"{loc.where(block, name)}: claim {cid}: {key}.{name} must be a "
                            "list of strings")  # fmt: skip
        out.append(values or ())
    return out[0], out[1]


def _claim(item: dict[str, Any], cid: str, at: str, loc: _Loc, entities: dict[str, Entity],
           sources: dict[str, Source], problems: list[str]) -> Claim:  # fmt: skip
    text = item.get("text")
    if not isinstance(text, dict) or not all(isinstance(text.get(k), str) for k in ("en", "ja")):
        problems.append(f"{loc.where(item, 'text') if 'text' in item else at}: "
                        f"claim {cid}: 'text' needs 'en' and 'ja' strings")  # fmt: skip
        text = {"en": "", "ja": ""}
    passage = _claim_passage(item, cid, at, loc, sources, problems)
    ents = _claim_entities(item, cid, loc, entities, problems)
    _check_values(cid, item.get("values"), item, loc, problems)
    values, qualifiers = _qualified_dates(cid, item.get("values"), loc, problems)
    status, speaker, note, derived = _status(item, cid, at, loc, problems)
    also = _also(item, cid, loc, sources, problems)
    terms = _pair(item, "terms", ("en", "ja"), cid, loc, problems)
    examples = _pair(item, "examples", ("supported", "contradicted"), cid, loc, problems)
    negated = item.get("negated", False)
    if not isinstance(negated, bool):
        problems.append(f"{loc.where(item, 'negated')}: claim {cid}: negated must be true/false")
    quote = item.get("quote")
    return Claim(
        id=cid, source=str(item.get("source")), quote=quote if isinstance(quote, str) else "",
        text_en=text["en"], text_ja=text["ja"], subject=item.get("subject"),
        obj=item.get("object"), entities=ents, negated=bool(negated),
        values=dict(values) if isinstance(values, dict) else {},  # dates plain
        terms_en=terms[0], terms_ja=terms[1],
        supported_examples=examples[0], contradicted_examples=examples[1], passage=passage,
        status=status, speaker=speaker, note=note, derived=derived, qualifiers=qualifiers,
        also=also,
    )  # fmt: skip


def _text(item: dict[str, Any], key: str) -> str | None:
    value = item.get(key)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _status(item: dict[str, Any], cid: str, at: str, loc: _Loc,
            problems: list[str]) -> tuple[str, str | None, str | None, dict[str, str]]:  # fmt: skip
    """The claim's status with its speaker (attributed) or note (source_error), and the
    values it derives (each value's text mapped to how it was worked out)."""
    status = item.get("status", "stated")
    where = loc.where(item, "status") if "status" in item else at
    if status not in STATUSES:
        problems.append(f"{where}: claim {cid}: status must be one of {', '.join(STATUSES)}")
        status = "stated"
    speaker, note = _text(item, "speaker"), _text(item, "note")
    if status == "attributed" and speaker is None:
        problems.append(f"{where}: claim {cid}: an attributed claim needs its 'speaker' "
                        "(who says it: 'the complaint', 'people close to Altman')")  # fmt: skip
    if status == "source_error" and note is None:
        problems.append(f"{where}: claim {cid}: a source_error claim needs a 'note' saying "
                        "what is wrong in the source")  # fmt: skip
    for key in ("speaker", "note"):
        if key in item and _text(item, key) is None:
            problems.append(f"{loc.where(item, key)}: claim {cid}: {key} must be text")
    derived: dict[str, str] = {}
    block = item.get("derived")
    if block is not None:
        if isinstance(block, dict) and all(isinstance(v, str) for v in block.values()):
            derived = {str(k): v for k, v in block.items()}
        else:
            problems.append(f"{loc.where(item, 'derived')}: claim {cid}: derived maps a value "
                            "(as written in values) to how it was worked out")  # fmt: skip
    return str(status), speaker, note, derived


def _also(item: dict[str, Any], cid: str, loc: _Loc, sources: dict[str, Source],
          problems: list[str]) -> tuple[Passage, ...]:  # fmt: skip
    """Further passages (``also: [{source, quote}]``) that state the same fact."""
    block = item.get("also")
    if block is None:
        return ()
    if not isinstance(block, list):
        problems.append(f"{loc.where(item, 'also')}: claim {cid}: also must be a list of "
                        "{source, quote}")  # fmt: skip
        return ()
    out = []
    for i, extra in enumerate(block):
        at = loc.where(block, i)
        if not isinstance(extra, dict) or extra.keys() - {"source", "quote"}:
            problems.append(f"{at}: claim {cid}: each of also is {{source, quote}}")
            continue
        found = _claim_passage(extra, cid, at, loc, sources, problems)
        if found is not None:
            out.append(found)
    return tuple(out)


def _claims(data: Any, at: str, loc: _Loc, entities: dict[str, Entity],
            sources: dict[str, Source], problems: list[str]) -> list[Claim]:  # fmt: skip
    claims: list[Claim] = []
    seen: set[str] = set()
    if not isinstance(data, list):
        problems.append(f"{at}: 'claims' must be a list")
        return claims
    for i, item in enumerate(data):
        here = loc.where(data, i)
        if not isinstance(item, dict):
            problems.append(f"{here}: a claim must be a mapping")
            continue
        for key in sorted(item.keys() - CLAIM_KEYS):
            problems.append(f"{loc.where(item, key)}: unknown claim key {key!r}")
        cid = item.get("id")
        if not isinstance(cid, str) or not _ID_RE.match(cid):
            problems.append(f"{loc.where(item, 'id') if 'id' in item else here}: "
                            f"claim id missing or not dotted lowercase: {cid!r}")  # fmt: skip
            continue
        if cid in seen:
            problems.append(f"{loc.where(item, 'id')}: duplicate claim id {cid!r}")
        seen.add(cid)
        claims.append(_claim(item, cid, here, loc, entities, sources, problems))
    return claims
