"""Who says it: a claim the record holds as what someone says (``status: attributed``) is
checked as "X said Y". A statement that gives it another speaker ("according to Musk" where
the record has it from people close to Altman, 「訴状によると」 where it is Altman's memo) is
not confirmed: the speaker is left unmatched and the verdict is unknown.

The speaker is read from the statement's attribution ("according to X", "X said/wrote/
alleged", 「Xによると」, 「Xは…と述べた」) as the names in it and the kind of source it
names (a complaint, an email, a memo, people close to someone). The claim's speaker is
read the same way from its ``speaker`` field.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck.normalize.regex import LazyPattern
from factcheck.verdict.base import Outcome
from factcheck.verdict.rules import Rule

if TYPE_CHECKING:
    from factcheck.features import Features
    from factcheck.normalize.names import EntityMatcher
    from factcheck.verdict.base import Evidence

_EN_SAYS = (
    r"say|said|says|write|wrote|writes|claim|claimed|claims|allege|alleged|alleges|argue|"
    r"argued|argues|insist|insisted|insists|told|tells|state|stated|states|contend|contended|"
    r"contends|maintain|maintained|maintains|assert|asserted|asserts"
)  # (not "warned" or "noted": what a claim reports someone warning of is its content)
_EN_ATTRIBUTION = LazyPattern(
    rf"\baccording to (?P<a>[^,.;:]+)"
    # (after a phrase that sets the scene: "In a May 2018 tweet, Altman said")
    rf"|^(?:(?:in|on|at|during|after|before|later|then|last|this|earlier)\b[^,.;:\"“]{{0,40}},\s*)?"
    rf"(?P<b>(?:(?!\bthat\b|\bwhich\b|\bwho\b)[^,.;:\"“]){{2,40}}?)\s+(?:{_EN_SAYS})\b",
    re.IGNORECASE,
)
_JA_ATTRIBUTION = LazyPattern(
    r"(?P<a>[^、。「」]{1,30}?)(?:によると|によれば|の話では)"
    r"|^(?P<b>[^、。「」]{1,30}?)は[^。]*?(?:と|って)[^。]{0,8}?(?:述べ|語っ|語り|主張|書い|記し|明かし|話し)"
)

# the kinds of source a speaker may be; a statement and a claim that name different kinds
# have different speakers
_KINDS: dict[str, tuple[str, ...]] = {
    "close": (
        "close to",
        "people near",
        "associates",
        "allies",
        "camp",
        "aides",
        "confidant",
        "friends of",
        "familiar with",
        "に近い",
        "近い人",
        "関係者",
        "側近",
        "周辺",
        "周囲",
        "陣営",
        "関係筋",
    ),
    "complaint": ("complaint", "lawsuit", "suit", "filing", "court", "訴状", "訴訟", "提訴"),
    "email": ("email", "e-mail", "mail", "メール"),
    "memo": ("memo", "メモ", "社内文書"),
    "blog": ("blog", "post", "ブログ", "投稿"),
    "tweet": ("tweet", "twitter", "a post on x", "ツイート"),
    "employees": ("employee", "staff", "従業員", "社員", "元社員", "スタッフ"),
}


def _speaker(text: str, matcher: EntityMatcher) -> tuple[frozenset[str], frozenset[str]]:
    """The people and the kinds of source in ``text`` (an organisation beside a speaker only
    says where they work: "former OpenAI employees")."""
    low = text.lower()
    kinds = frozenset(k for k, forms in _KINDS.items() if any(f in low for f in forms))
    people = frozenset(
        m.entity for m in matcher.find(text) if matcher.kind.get(m.entity) == "person"
    )
    return people, kinds


# where the speaker said it: "Altman wrote in a tweet that ...", "In a memo, Altman wrote",
# 「アルトマン氏はツイートで…と書いた」
_EN_MEDIUM = LazyPattern(
    r"\bin\s+(?:a|an|the|his|her|its|their|one)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:tweet|memo|e-?mail|blog(?:\s+post)?|post|letter|interview|complaint|filing|lawsuit|podcast)\b",
    re.IGNORECASE,
)
_JA_MEDIUM = LazyPattern(
    r"[^、。「」]{0,12}?(?:ツイート|メモ|メール|ブログ|投稿|訴状|書簡|インタビュー)(?:の中)?で"
)


def attribution(f: Features) -> tuple[str, int] | None:
    """The statement's attribution: the words that name its speaker (with where it was
    said, when the statement gives it), and where they start."""
    pattern = _JA_ATTRIBUTION if f.japanese else _EN_ATTRIBUTION
    m = pattern.search(f.text)
    if m is None:
        return None
    group = "a" if m.group("a") else "b"
    said = m.group(group)
    if group == "b":
        where = (_JA_MEDIUM if f.japanese else _EN_MEDIUM).search(f.text, 0, m.end() + 60)
        if where is not None:
            said += " " + where.group(0)
    return said, m.start(group)


def attribution_spans(f: Features) -> list[tuple[int, int]]:
    """Where the statement's attribution stands ("Altman told staff in a memo", "according
    to people close to Musk", 「訴状によると」; in 「アルトマン氏はメモで…と書いた」 the speaker,
    where it was said and the verb of saying): the words that frame what it reports."""
    m = (_JA_ATTRIBUTION if f.japanese else _EN_ATTRIBUTION).search(f.text)
    if m is None:
        return []
    if f.japanese and m.group("b"):
        head = (m.start("b"), m.end("b") + 1)  # 「アルトマン氏は」
        where = _JA_MEDIUM.match(f.text, head[1])
        if where is not None:
            head = (head[0], where.end())
        tail = max(f.text.rfind("と", head[1], m.end()), f.text.rfind("って", head[1], m.end()))
        return [head, (tail, len(f.text))] if tail > head[1] else [head]
    end = m.end()
    if m.group("b"):
        where = (_JA_MEDIUM if f.japanese else _EN_MEDIUM).search(f.text, 0, end + 60)
        if where is not None and where.start() <= end + 12:
            end = max(end, where.end())
    return [(m.start(), end)]


def speaker(f: Features, ev: Evidence, matcher: EntityMatcher) -> Outcome:
    if not ev.speaker:
        return Outcome()
    found = attribution(f)
    if found is None:
        return Outcome()
    said, at = found
    names, kinds = _speaker(said, matcher)
    if not names and not kinds:  # "he said", "it was said": no one in particular
        return Outcome()
    their_names, their_kinds = _speaker(ev.speaker, matcher)
    same = (
        names <= their_names
        and kinds <= their_kinds
        and ("close" in kinds) == ("close" in their_kinds)
    )
    key = frozenset({f"speaker:{at}"})
    return Outcome(agreed=key) if same else Outcome(unmatched=key)


RULE = Rule("speaker", 95, lambda f, ev, matcher, so_far: speaker(f, ev, matcher))

EXAMPLES: list[tuple[str, str, None]] = []  # no conflict of its own: tests/test_speaker.py
