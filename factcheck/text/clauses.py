"""The clauses of a compound statement ("…, but …", 「…が、…」), each judged on its own as well
as the whole (``pipeline.judge_statement``), and the words that set two of them against each
other."""

from __future__ import annotations

import re

from factcheck.normalize.regex import LazyPattern

_EN_CLAUSE = LazyPattern(
    r",\s*(?:and|but|while|yet|whereas|although|though)\s+|;\s+|\s+but\s+"
    r"|,\s+(?=(?:which|who|a claim|a charge|an accusation|a move|a decision|a step)\b)"
    # a participle clause (", billing it as ...", ", saying ..."), not a preposition in -ing
    r"|,\s+(?=(?!(?:including|according|following|during|regarding|concerning|excluding|"
    r"notwithstanding|pending|considering)\b)[a-z]+ing\b)"
    r"|\s+(?:when|while|whereas|although|though|because)\s+"
    r"|\s+and\s+(?=(?:later\s+|also\s+|then\s+)?[a-z]+ed\b|(?:gave|took|wrote|told|made|left|kept|"
    r"sold|began|led|met|won|lost|built|paid|sent|said|became|went|ran)\b)",
)
_EN_LEAD = LazyPattern(r"^(?:although|though|while|after|before|when|as|since|because|despite)\b[^,]{8,}?,\s*",
                      re.IGNORECASE)  # fmt: skip
CONTRAST = LazyPattern(r"\b(?:but|while|whereas|although|though|yet)\b|が、|ものの|一方")
_JA_CLAUSE = LazyPattern(r"が、|ものの、|一方、|。|(?<=[しり])、(?=[^、。]{8,}[たるだ]。?$)")


def _long_enough(part: str, japanese: bool) -> bool:
    """A part that can state something of its own: four words or so, twelve characters of
    Japanese."""
    return len(part) >= 12 if japanese else len(part.split()) + len(part) // 8 >= 4


# a relative clause set off by commas after a short subject: "Musk, who gave OpenAI $44M,
# says ...": the subject does both
_EN_RELATIVE = LazyPattern(
    r"^(?P<who>[^,]{2,40}?),\s+(?:who|which)\s+(?P<rel>[^,]{6,}?),\s+(?P<main>[^,].+)$"
)


def clauses(text: str, japanese: bool) -> list[str]:
    """Split a compound statement into its parts (each still a sentence fragment)."""
    relative = None if japanese else _EN_RELATIVE.match(text)
    if relative is not None:
        who = relative.group("who")
        return [f"{who} {relative.group('rel')}.", f"{who} {relative.group('main')}"]
    if japanese:
        parts = [p for p in _JA_CLAUSE.split(text) if p.strip()]
    else:
        lead = _EN_LEAD.match(text)
        head = [text[: lead.end()].rstrip(", ")] if lead else []
        rest = text[lead.end() :] if lead else text
        parts = head + _EN_CLAUSE.split(rest)
    parts = [p.strip(" ,;") for p in parts if p and _long_enough(p, japanese)]
    if len(parts) < 2:
        return [text]
    # a later clause with no subject of its own shares the first one's (「アルトマン氏は…中退し、
    # Looptを創業した」; "Musk co-founded OpenAI and later left its board")
    topic = (_JA_TOPIC if japanese else _EN_SUBJECT).match(parts[0])
    if topic is not None:
        lone = _JA_HAS_SUBJECT if japanese else _EN_LONE_VERB
        parts[1:] = [
            (topic.group(0) + " " * (not japanese) + p) if _needs(p, lone, japanese) else p
            for p in parts[1:]
        ]
    return parts


_JA_TOPIC = LazyPattern(r"^[^、。]{1,20}?(?:氏|さん|社)?は(?=[^、。])")
_JA_HAS_SUBJECT = LazyPattern(r"[はが]")
_EN_SUBJECT = LazyPattern(r"^(?:[A-Z][\w'’.-]*\s+){1,3}?(?=[a-z])")
_EN_LONE_VERB = LazyPattern(r"^(?:later\s+|also\s+|then\s+)?(?:[a-z]+ed|gave|took|wrote|told|made|left|"
                           r"kept|sold|began|led|met|won|lost|built|paid|sent|said|became|went|ran)\b")  # fmt: skip


def _needs(part: str, pattern: LazyPattern, japanese: bool) -> bool:
    """Does a later clause lack a subject of its own?"""
    if japanese:
        return not pattern.search(part)
    return bool(pattern.match(part))
