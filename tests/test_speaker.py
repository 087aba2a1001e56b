"""Who says it (verdict/rules/speaker.py): a claim the record holds as attributed is checked
as "X said Y". The phrasings are this project's own illustrations, on a small record."""

from __future__ import annotations

import pytest

from factcheck.decide import judge
from factcheck.evidence import evidence_of_claim
from factcheck.index.store import build_index
from factcheck.model import Verdict
from factcheck.verdict.base import Outcome
from factcheck.verdict.rules.speaker import attribution, speaker
from tests.records import claim, tiny_record

ENVY = claim(
    "musk.envy",
    "According to people close to Altman, Musk envied Altman's fame.",
    "アルトマン氏に近い人々によると、マスク氏はアルトマン氏の名声を妬んでいた。",
    entities=["musk", "altman"],
    status="attributed",
    speaker="people close to Altman",
)
RECORD = tiny_record(
    ENVY,
    claim("openai.memo", "In a memo to staff, Altman wrote that Google was far ahead.",
          "アルトマン氏は社内メモで、グーグルがはるかに先行していると書いた。",
          entities=["altman", "google"], status="attributed", speaker="Altman's memo to staff"),
)  # fmt: skip
INDEX = build_index(RECORD)


def _outcome(statement: str, cid: str) -> Outcome:
    profile = next(p for p in INDEX.profiles if p.claim.id == cid)
    return speaker(INDEX.features(statement), evidence_of_claim(profile), INDEX.matcher)


SAME = [
    ("According to people close to Altman, Musk envied Altman's fame.", "musk.envy"),
    ("People close to Altman say Musk was envious of his fame.", "musk.envy"),
    ("アルトマン氏に近い関係者によると、マスク氏は彼の名声を妬んでいた。", "musk.envy"),
    ("Altman wrote in a staff memo that Google was far ahead.", "openai.memo"),
    ("Altman wrote in an internal memo that Google was far ahead.", "openai.memo"),
    ("アルトマン氏は社内メモで、グーグルがはるかに先行していると書いた。", "openai.memo"),
    ("アルトマン氏は、グーグルがはるかに先行していると社員に書いた。", "openai.memo"),
    # a phrase that sets the scene before the speaker
    ("In a memo to staff, Altman wrote that Google was far ahead.", "openai.memo"),
]
OTHER = [
    # where it was said is part of who says it: a tweet is not the memo
    ("Altman wrote in a tweet that Google was far ahead.", "openai.memo"),
    ("アルトマン氏はツイートで、グーグルがはるかに先行していると書いた。", "openai.memo"),
    ("According to people close to Musk, Musk envied Altman's fame.", "musk.envy"),
    ("Musk said he envied Altman's fame.", "musk.envy"),
    ("マスク氏に近い関係者によると、マスク氏はアルトマン氏の名声を妬んでいた。", "musk.envy"),
    ("According to the lawsuit, Altman wrote that Google was far ahead.", "openai.memo"),
    ("訴状によると、グーグルははるかに先行していた。", "openai.memo"),
    ("In a memo to staff, Musk wrote that Google was far ahead.", "openai.memo"),
]


@pytest.mark.parametrize(("statement", "cid"), SAME)
def test_the_same_speaker_is_confirmed(statement: str, cid: str) -> None:
    out = _outcome(statement, cid)
    assert out.agreed and not out.unmatched and out.found is None


@pytest.mark.parametrize(("statement", "cid"), OTHER)
def test_another_speaker_is_not_confirmed(statement: str, cid: str) -> None:
    out = _outcome(statement, cid)
    assert out.unmatched and not out.agreed and out.found is None


@pytest.mark.parametrize(
    "statement",
    ["Musk envied Altman's fame.", "It is thought that Musk told Altman he envied his fame."],
)
def test_no_attribution_is_no_speaker(statement: str) -> None:
    out = _outcome(statement, "musk.envy")
    assert not out.agreed and not out.unmatched


def test_attribution_reads_the_speakers_words() -> None:
    found = attribution(INDEX.features("According to the complaint, Musk paid the rent."))
    assert found is not None and found[0] == "the complaint"


def test_the_verdict_names_what_the_record_lacks() -> None:
    j = judge(INDEX, INDEX.features("People close to Musk say he was envious of Altman's fame."))
    assert j.verdict is Verdict.UNKNOWN and j.reason and "speaker" in j.reason
    j = judge(INDEX, INDEX.features("People close to Altman say Musk was envious of his fame."))
    assert j.verdict is Verdict.SUPPORTED and j.reason and "people close to Altman" in j.reason


SPEAKERS = build_index(tiny_record(
    ENVY,
    claim("musk.safety", "According to people close to Musk, Musk feared Altman's AI plans.",
          "マスク氏に近い人々によると、マスク氏はアルトマン氏のAI計画を恐れていた。",
          entities=["musk", "altman"], status="attributed", speaker="people close to Musk"),
))  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "People close to Musk say Musk envied Altman's fame.",
        "マスク氏に近い関係者によれば、マスク氏はアルトマン氏の名声を妬んでいたという。",
    ],
)
def test_who_says_it_is_the_cited_claims_to_confirm(text: str) -> None:
    """A claim on other words from the statement's speaker does not make the cited claim
    theirs: Musk's camp is quoted on his fears, not on his envy."""
    j = judge(SPEAKERS, SPEAKERS.features(text))
    assert j.verdict is Verdict.UNKNOWN and j.reason and "speaker" in j.reason
