"""The record as curators keep it: what the claims say against their passages, statuses,
scoped and ambiguous aliases, and the curator commands (coverage, draft-claims, validate)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import commands
from factcheck.pipeline import check_text
from tests.helpers import bundled, bundled_index, one

ROOT = Path(__file__).parent.parent
ARTICLE = "tencent-2024-03-06"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(commands.app, list(args), env={"COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


def claim(cid: str):  # type: ignore[no-untyped-def]
    c = bundled().claim(cid)
    assert c is not None, cid
    return c


# --------------------------------------------------------------------------- what claims say


def test_no_claim_gives_the_lawsuit_a_day_the_source_never_gives() -> None:
    for cid in ("musk.lawsuit.accuses_altman", "altman.memo.disappointment"):
        assert "2024-02-29" not in claim(cid).values.get("dates", []), cid
        assert "February 29" not in claim(cid).text_en
    assert one("Musk sued OpenAI on March 1, 2024.").verdict.value != "contradicted"


def test_claims_use_the_passages_own_words() -> None:
    assert bundled().claim("musk.called_researcher_jackass") is None
    assert "idiot" in claim("musk.called_researcher_idiot").text_en
    assert "jackass" not in claim("musk.called_researcher_idiot").text_en.casefold()
    assert "standard for holding to my beliefs" in claim("altman.spacex_visit_quote").text_en
    assert '"passionate about the nonprofit."' in claim("altman.still_passionate_nonprofit").text_en
    assert "team" not in claim("musk.grok_sf_office_space").text_en
    assert "merger" not in claim("tesla.only_rival_to_google").text_en


def test_worked_out_values_say_how_and_qualifiers_are_kept() -> None:
    derived = {
        "musk.urged_1b_announcement": "2024-03-05", "musk.recognized_for_profit_need": "2024-03-05",
        "musk.unveiled_grok": "2023-11", "google.transformer_paper": "2017",
        "altman.open_letter_us_government": "2015-03", "altman.manhattan_project_email": "2015-05",
    }  # fmt: skip
    for cid, value in derived.items():
        assert claim(cid).derived.get(value), cid
    for word, cid in (("火曜日", "musk.urged_1b_announcement"), ("昨年", "musk.unveiled_grok"),
                      ("同じ頃", "google.transformer_paper")):  # fmt: skip
        assert word in claim(cid).derived[next(iter(claim(cid).derived))]
    assert claim("musk.late_2018_email").qualifiers == {"2018": "late"}
    assert claim("openai.rejected_musk_takeover").qualifiers == {"2018-02": "by"}
    assert claim("musk.stepped_down_co_chair").text_en.startswith("By February 2018")


def test_several_is_read_the_same_way_for_money_and_people() -> None:
    # 数千万 and 数十: from one to 9.99 times the scale (10M to 99.99M; 10 to 99)
    (money,) = claim("musk.initial_funding").values["amounts"]
    (people,) = claim("article.sources").values["counts"]
    assert (money["min"], people["min"]) == (10_000_000, 10)
    assert money["max"] // 1_000_000 == people["max"] == 99


ERRORS = {  # line of the article: a claim marking what the source gets wrong there
    52: "openai.acquired_x", 39: "musk.email_ultimatum", 14: "openai.will_refute",
    9: "altman.denied_profit_accusation", 21: "altman.loopt_sold_as_early_investor",
    41: "tesla.only_rival_to_google",
}  # fmt: skip


@pytest.mark.parametrize(("line", "cid"), sorted(ERRORS.items()))
def test_source_errors_are_marked_with_a_note(line: int, cid: str) -> None:
    c = claim(cid)
    assert c.status == "source_error" and c.note and c.passage and c.passage.line == line


def test_a_source_error_supports_and_contradicts_nothing() -> None:
    note = claim("openai.acquired_x").note or ""
    for text in ("OpenAIはXを買収した。", "OpenAI acquired the social media platform X."):
        f = one(text)
        assert f.verdict.value == "unknown" and note in (f.reason or ""), (text, f.reason)
    assert bundled().claim("musk.acquired_x") is None  # no claim the passage does not make


def test_attributed_claims_name_who_says_it() -> None:
    attributed = [c for c in bundled().claims if c.status == "attributed"]
    assert len(attributed) >= 20 and all(c.speaker for c in attributed)
    assert claim("musk.jealousy_claim").speaker == "people close to Altman"
    f = one("According to the complaint, Musk donated $44 million to OpenAI in total.")
    assert f.verdict.value == "supported" and "according to the complaint" in (f.reason or "")


# --------------------------------------------------------------------------- aliases


@pytest.mark.parametrize(
    "text",
    [
        "マスク着用のために5000万ドルの寄付が集まった。",  # a mask
        "メタバースの市場は5000万ドル規模だ。",
        "ウインドウを開けて換気した。",
        "スティール製の机を買った。",
        "He drives a Model X.",
        "エックス線で胸を撮影した。",
        "Microsoft and OpenAI announced a collab.",
        "OpenAI LP was founded in 2019.",
        "Google DeepMind was founded by Hassabis.",
        "ウルトラマンが怪獣と戦った。",
        "Altman was Musk's funder.",  # a role the record gives to someone else
        "アルトマン氏はマスク氏の資金提供者だった。",
    ],
)
def test_common_words_and_wrong_aliases_are_not_names(text: str) -> None:
    f = one(text)
    assert f.verdict.value == "unknown", f.reason


def test_garbled_forms_resolve_in_their_source_only() -> None:
    index = bundled_index()
    line = "ウルトラマンとOpenAIを訴えると脅した"
    assert "altman" not in index.features(line).entities
    assert "altman" in index.features(line, ARTICLE).entities
    assert "linkedin" in index.features("Collabの共同設立者", ARTICLE).entities
    assert "linkedin" not in index.features("Collabの共同設立者").entities


# --------------------------------------------------------------------------- coverage


def test_the_article_is_covered_sentence_by_sentence() -> None:
    code, out, _ = run("coverage")
    assert code == 0, out
    assert "0 uncited" in out and out.count("unchecked (") == 2
    code, out, _ = run("coverage", ARTICLE, "--json")
    (report,) = json.loads(out)
    assert code == 0 and report["uncited"] == [] and report["checkable"] > 100
    assert {u["line"] for u in report["unchecked"]} == {19, 20}


def _copy_record(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    shutil.copy(ROOT / "claims.yaml", tmp_path / "claims.yaml")
    return tmp_path / "claims.yaml"


def _without_claim(tmp_path: Path, cid: str) -> Path:
    """A copy of the bundled record without one claim."""
    path = _copy_record(tmp_path)
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {cid}\n")
    end = text.index("  - id: ", start + 10)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    return path


def test_coverage_fails_on_a_sentence_no_claim_cites(tmp_path: Path) -> None:
    path = _without_claim(tmp_path, "musk.worried_rapid_ai_development")  # line 22's first
    code, out, _ = run("coverage", "--claims", str(path))
    assert code == 1
    assert "tencent-2024-03-06.txt:22: no claim cites: マスク氏は、人工知能技術の急速な発展" in out
    assert "1 uncited" in out


# --------------------------------------------------------------------------- draft-claims


def test_draft_claims_gives_a_skeleton_and_writes_nothing(tmp_path: Path) -> None:
    import yaml

    article = tmp_path / "new-story.txt"
    article.write_text("Musk met Altman in Palo Alto last week.\nShort heading\n"
                       "OpenAI raised $10 million in 2016.\n", encoding="utf-8")  # fmt: skip
    (tmp_path / "new-story.yaml").write_text("id: new-story\ndate: 2024-05-20\n", encoding="utf-8")
    before = (ROOT / "claims.yaml").read_bytes()
    code, out, err = run("draft-claims", str(article))
    assert code == 0, err
    drafted = yaml.safe_load(out)["claims"]
    assert [c["quote"] for c in drafted] == ["Musk met Altman in Palo Alto last week.",
                                             "OpenAI raised $10 million in 2016."]  # fmt: skip
    first, second = drafted
    assert first["id"].startswith("new_story.line1") and first["source"] == "new-story"
    assert first["entities"] == ["musk", "altman", "palo_alto"] and first["subject"] == "musk"
    assert first["values"]["dates"] == ["2024-05"] and "last week" in first["derived"]["2024-05"]
    assert second["values"] == {"amounts": [{"value": 10000000, "currency": "USD"}],
                                "dates": ["2016"]}  # fmt: skip
    assert first["text"] == {"en": "", "ja": ""}  # the phrasing is the curator's
    assert (ROOT / "claims.yaml").read_bytes() == before


def test_draft_claims_of_the_bundled_source_has_nothing_left_to_draft() -> None:
    code, out, _ = run("draft-claims", ARTICLE)
    assert code == 0 and "claims: []" in out


# --------------------------------------------------------------------------- validate


def _with_claim(tmp_path: Path, extra: str) -> Path:
    path = _copy_record(tmp_path)
    text = path.read_text(encoding="utf-8")
    at = text.index("\n# Sentences of the sources deliberately")
    path.write_text(text[:at] + "\n" + extra + text[at:], encoding="utf-8")
    return path


VALUE_NOT_IN_PASSAGE = """\
  - id: musk.donations.made_up
    source: tencent-2024-03-06
    quote: 'OpenAIに4400万ドルを寄付した。'
    text: {en: Musk donated $45 million to OpenAI in 2019., ja: マスク氏は2019年にOpenAIに4500万ドルを寄付した。}
    subject: musk
    entities: [musk, openai]
    values: {amounts: [{value: 45000000, currency: USD}], dates: ["2019"]}
"""


def test_validate_catches_values_not_in_the_passage_unless_derived(tmp_path: Path) -> None:
    code, out, _ = run("validate", "--claims", str(_with_claim(tmp_path, VALUE_NOT_IN_PASSAGE)))
    assert code == 1
    assert "musk.donations.made_up: amount 45000000 is not in its passage" in out
    assert "musk.donations.made_up: date 2019 is not in its passage" in out
    derived = VALUE_NOT_IN_PASSAGE + '    derived: {"45000000": a sum, "2019": a guess}\n'
    code, out, _ = run("validate", "--claims", str(_with_claim(tmp_path / "b", derived)))
    assert code == 0, out


def test_validate_needs_a_speaker_and_a_note_and_warns_of_near_duplicates(tmp_path: Path) -> None:
    extra = """\
  - id: musk.rent.attributed
    source: tencent-2024-03-06
    status: attributed
    quote: 'マスクは今でもOpenAIの家賃を支払っている。'
    text: {en: Musk still pays OpenAI's rent., ja: マスク氏は今でもOpenAIの家賃を支払っている。}
  - id: musk.rent.wrong
    source: tencent-2024-03-06
    status: source_error
    quote: 'マスクは今でもOpenAIの家賃を支払っている。'
    text: {en: Musk still pays OpenAI's rent!, ja: マスク氏は今でもOpenAIの家賃を払っている。}
"""
    code, out, _ = run("validate", "--claims", str(_with_claim(tmp_path, extra)))
    assert code == 1
    assert "claim musk.rent.attributed: an attributed claim needs its 'speaker'" in out
    assert "claim musk.rent.wrong: a source_error claim needs a 'note'" in out
    fixed = extra.replace(
        "status: attributed\n", "status: attributed\n    speaker: the complaint\n"
    )
    fixed = fixed.replace("status: source_error\n", "status: source_error\n    note: a test\n")
    code, out, _ = run("validate", "--claims", str(_with_claim(tmp_path / "b", fixed)))
    assert code == 0, out
    assert (
        "warning:" in out
        and "musk.still_pays_rent and musk.rent.attributed have the same text" in out
    )
    assert "musk.rent.attributed and musk.rent.wrong are near duplicates" in out


def test_validate_warns_about_aliases_inside_other_words(tmp_path: Path) -> None:
    path = _copy_record(tmp_path)
    text = path.read_text(encoding="utf-8")
    text = text.replace("aliases: [Loopt, ループト]", "aliases: [Loopt, ループト, 資金]")
    path.write_text(text, encoding="utf-8")
    code, out, _ = run("validate", "--claims", str(path))
    assert code == 0, out
    assert "alias '資金' of loopt is read inside the word '資金注入'" in out
    assert "warning:" in out


def test_validate_help_documents_the_schema_statuses_and_curator_commands() -> None:
    code, out, _ = run("validate", "--help")
    assert code == 0
    for word in ("status", "attributed", "source_error", "speaker", "note", "derived",
                 "ambiguous", "scoped", "unchecked", "factcheck coverage",
                 "factcheck draft-claims"):  # fmt: skip
        assert word in out, word


def test_the_article_checks_against_itself() -> None:
    source = bundled().sources[ARTICLE].text
    findings = check_text(source, bundled_index(), "article.txt")
    assert not [f for f in findings if f.verdict.value == "contradicted"]
    unknown = [f for f in findings if f.verdict.value == "unknown"]
    errors = [f for f in unknown if (f.reason or "").startswith("the source's wording here is")]
    headings = [f for f in unknown if (f.reason or "").startswith("a heading or fragment")]
    assert len(errors) >= 6 and len(errors) + len(headings) == len(unknown)


def test_a_sentence_without_names_or_values_is_checkable_when_it_states_something(
    tmp_path: Path,
) -> None:
    path = _without_claim(tmp_path, "transformer.llm_foundation")  # line 38's second sentence
    code, out, _ = run("coverage", "--claims", str(path))
    assert code == 1 and ".txt:38: no claim cites: 「この新しいAIモデルは" in out
    assert "[a statement]" in out
