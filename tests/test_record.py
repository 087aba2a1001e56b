from pathlib import Path

import pytest

from factcheck.errors import RecordError
from factcheck.record import bundled_record_path, load_record
from tests.helpers import bundled


def test_bundled_record_loads_and_every_quote_is_verbatim() -> None:
    rec = bundled()
    assert len(rec.claims) >= 80
    ids = [c.id for c in rec.claims]
    assert len(ids) == len(set(ids))
    for c in rec.claims:
        src = rec.sources[c.source]
        assert c.quote in src.text, c.id
        assert c.passage is not None
        line = src.text.splitlines()[c.passage.line - 1]
        assert c.quote.split("。")[0] in line, c.id


def test_every_claim_has_both_phrasings_and_examples() -> None:
    for c in bundled().claims:
        assert c.text_en.strip() and c.text_ja.strip(), c.id
        assert c.supported_examples and c.contradicted_examples, c.id


def test_aliases_see_through_garbled_names_in_their_own_source() -> None:
    rec = bundled()
    owners = {a: e.id for e in rec.entities.values() for a in e.aliases}
    scoped = {(sid, a): e.id for e in rec.entities.values() for sid, a in e.scoped}
    for garbled in ("オートマン", "アウトマン", "ウルトラマン", "OTO"):
        assert scoped[("tencent-2024-03-06", garbled)] == owners["Altman"]
        assert garbled not in owners  # never read outside that source
    assert owners["アルトマン"] == owners["Sam Altman"] == owners["Altman"]
    assert scoped[("tencent-2024-03-06", "Collab")] == owners["LinkedIn"]
    assert owners["イリヤ・サッツケバー"] == owners["Ilya Sutskever"]


def test_source_metadata() -> None:
    (src,) = bundled().sources.values()
    assert src.meta["date"] in ("2024-03-06",) or str(src.meta["date"]) == "2024-03-06"
    assert src.meta["language"] == "ja"
    assert bundled_record_path().is_file()


BROKEN = """\
version: 1
entities:
  - id: musk
    kind: person
    name: {en: Elon Musk, ja: イーロン・マスク}
    aliases: [Musk]
  - id: other
    kind: alien
    name: {en: Other, ja: 他}
    aliases: [Musk]
claims:
  - id: a.one
    source: s
    quote: not in the source
    text: {en: A, ja: あ}
    colour: red
  - id: a.one
    source: nowhere
    quote: x
    text: {en: B}
    subject: nobody
    values: {dates: [soon], amounts: [{value: lots}]}
  - id: Bad Id
"""


def test_a_broken_record_reports_every_problem_with_a_location(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "s.txt").write_text("The source text.\n", encoding="utf-8")
    (tmp_path / "sources" / "s.yaml").write_text("id: s\nfile: s.txt\n", encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(RecordError) as err:
        load_record(path)
    problems = err.value.problems
    assert len(problems) >= 10, problems
    assert all(p.startswith((str(path), str(tmp_path))) for p in problems)
    joined = "\n".join(problems)
    for needle in ("kind must be", "also an alias", "not verbatim", "unknown claim key",
                   "duplicate claim id", "unknown source", "'text' needs", "unknown subject",
                   "not YYYY", "numeric 'value'", "not dotted"):  # fmt: skip
        assert needle in joined, needle


def test_yaml_tags_and_alias_bombs_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text("claims: !!python/object/apply:os.system ['true']\n", encoding="utf-8")
    with pytest.raises(RecordError, match="not allowed"):
        load_record(path)
    bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n"
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        bomb += f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
    bomb += "claims: *i\n"
    path.write_text(bomb, encoding="utf-8")
    with pytest.raises(RecordError, match="too many YAML nodes"):
        load_record(path)
