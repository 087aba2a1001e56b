"""The index: its shortlist changes cost, never verdicts (on the bundled record); how it
profiles, lists, finds and splits claims (on small in-memory records)."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck import scoring
from factcheck.index import search
from factcheck.index.store import Index, build_index
from factcheck.pipeline import judge_statement
from tests.helpers import bundled, bundled_index
from tests.records import claim, tiny_record


def test_verdicts_are_the_same_with_and_without_the_shortlist(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rec = bundled()
    index = bundled_index()
    sample = [t for c in rec.claims for t in (*c.supported_examples, *c.contradicted_examples)]
    sample += [c.text_en for c in rec.claims] + [c.quote for c in rec.claims][:50]
    with_index = [(j.verdict, j.claim_id) for j in (judge_statement(index, t) for t in sample)]
    monkeypatch.setattr(search.candidates, "__defaults__", (6, None))  # score every claim
    without = [(j.verdict, j.claim_id) for j in (judge_statement(index, t) for t in sample)]
    assert len(sample) > 600
    assert with_index == without


def test_the_shortlist_really_shortens(monkeypatch: pytest.MonkeyPatch) -> None:
    index = bundled_index()
    f = index.features("Musk gave OpenAI money.")
    scored: list[int] = []
    original = search._Query._score
    monkeypatch.setattr(search._Query, "_score", lambda q, *a: scored.append(1) or original(q, *a))
    search.candidates(index, f)
    assert 0 < len(scored) <= search.SHORTLIST


def test_worker_processes_give_the_same_findings_in_the_same_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from factcheck import pipeline

    rec = bundled()
    sample = [t for c in rec.claims[:40] for t in (c.text_en, *c.contradicted_examples[:1])]
    sample += sample[:15]  # repeats, judged once
    text = "\n\n".join(sample)
    serial = pipeline.check_text(text, bundled_index())
    if "fork" not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip("worker processes need fork")
    monkeypatch.setattr(pipeline, "_workers", lambda: 2)
    monkeypatch.setattr(pipeline, "PARALLEL_AFTER", 10)
    monkeypatch.setattr(pipeline, "CHUNK", 7)
    started: list[int] = []
    original = pipeline._check_in_parallel
    monkeypatch.setattr(pipeline, "_check_in_parallel",
                        lambda *a: started.append(1) or original(*a))  # fmt: skip
    parallel = pipeline.check_text(text, bundled_index())
    assert started and len(serial) == len(sample)
    assert parallel == serial


def test_a_short_input_starts_no_process(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import pipeline

    monkeypatch.setattr(pipeline, "_check_in_parallel", lambda *a: pytest.fail("forked"))
    assert len(pipeline.check_text("Musk donated $44M to OpenAI. " * 3, bundled_index())) == 3


def test_without_worker_processes_the_check_goes_on_here(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing.context

    from factcheck import pipeline

    rec = bundled()
    text = "\n\n".join(c.text_en for c in rec.claims[:30])
    serial = pipeline.check_text(text, bundled_index())

    asked: list[int] = []

    def no_semaphores(*args: object, **kwargs: object) -> None:
        asked.append(1)
        raise PermissionError("no /dev/shm")

    monkeypatch.setattr(multiprocessing.context.ForkContext, "Pool", no_semaphores, raising=False)
    monkeypatch.setattr(pipeline, "_workers", lambda: 2)
    monkeypatch.setattr(pipeline, "PARALLEL_AFTER", 5)
    assert pipeline.check_text(text, bundled_index()) == serial
    assert asked


def test_factcheck_jobs_caps_the_worker_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import pipeline

    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    monkeypatch.setattr("os.cpu_count", lambda: 4)
    monkeypatch.delenv("FACTCHECK_JOBS", raising=False)
    if not pipeline._workers():
        pytest.skip("no fork here")
    assert pipeline._workers() == 4
    monkeypatch.setenv("FACTCHECK_JOBS", "2")
    assert pipeline._workers() == 2
    monkeypatch.setenv("FACTCHECK_JOBS", "1")
    assert pipeline._workers() == 0


def test_a_short_check_does_not_even_import_multiprocessing() -> None:
    import subprocess
    import sys

    code = ("import sys; from factcheck import check; check('Musk donated $44M to OpenAI.'); "
            "print('multiprocessing' in sys.modules)")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_prepared_statement_scores_as_the_plain_functions() -> None:
    index = bundled_index()
    texts = ["Musk gave OpenAI $44M between 2016 and 2020.", "マスクはOpenAIに5000万ドルを寄付した。",
             "Altman and Brockman", "It was a rainy day."]  # fmt: skip
    for text in texts:
        f = index.features(text)
        query = scoring._Query(index, f)
        together = query.similarity(index.profiles)
        for prof, fz in zip(index.profiles, together, strict=True):
            assert query.score(prof) == scoring.score(index, f, prof)
            assert query.score(prof, fz) == query.score(prof)
            assert query.coverage(prof) == scoring.content_coverage(index, f, prof)
            if f.content:
                assert query.content is not None
                idf, default = query.idf, query.default
                vocab = prof.ja_vocab if f.japanese else prof.en_vocab
                assert query.content.share(vocab) == scoring._coverage(
                    f.content, vocab, idf, default
                )


def test_near_copies_are_looked_for_among_passages_of_a_similar_length() -> None:
    index = bundled_index()
    for pp in index.passages[:60]:
        for cut in (0, len(pp.norm) // 3, len(pp.norm) // 2):
            f = index.features(pp.norm[cut:])
            n = len(f.text)
            near = [p.norm for p in index.passages
                    if abs(len(p.norm) - n) <= 0.4 * max(len(p.norm), n)]  # fmt: skip
            found = search.closest_passage(index, f)
            if not near:
                assert found is None
                continue
            assert found is not None
            best = max(fuzz_ratio(f.text, t) for t in near)
            assert found[1] == best
            assert found[0].norm == next(t for t in near if fuzz_ratio(f.text, t) == best)


def fuzz_ratio(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return float(fuzz.ratio(a, b))


# Unit tests of the index on small in-memory records (tests/records.py).


def _tiny() -> Index:
    return build_index(tiny_record(
        claim("c.gift", "Musk donated $44M to OpenAI.", "マスク氏はOpenAIに4400万ドルを寄付した。",
              subject="musk", object="openai", entities=["musk", "openai"],
              values={"amounts": [{"value": 44000000, "currency": "USD"}]}),
        claim("c.ceo", "Altman became chief executive of OpenAI in 2019.",
              "アルトマン氏は2019年にOpenAIの最高経営責任者になった。",
              subject="altman", object="openai", entities=["altman", "openai"],
              values={"dates": ["2019"]}),
        claim("c.phone", "Apple sold a phone in India.", "アップルはインドで電話を売った。",
              subject="apple", entities=["apple", "india"]),
    ))  # fmt: skip


def test_profiles_hold_each_claims_words_names_and_values() -> None:
    index = _tiny()
    gift, ceo, phone = index.profiles
    assert [p.claim.id for p in index.profiles] == ["c.gift", "c.ceo", "c.phone"]
    assert gift.entities == {"musk", "openai"} and phone.entities == {"apple", "india"}
    assert [q.lo for q in gift.money] == [44_000_000]
    assert [d.iso() for d in ceo.dates] == ["2019"]
    assert gift.en_vocab == {"donat", "musk", "openai"} and "寄付" in gift.ja_vocab
    assert index.reference == date(2024, 3, 6)  # the source's date


def test_the_postings_list_the_claims_of_each_word_and_name_in_record_order() -> None:
    index = _tiny()
    assert list(index.postings.get("e:openai")) == [0, 1]
    assert list(index.postings.get("e:india")) == [2]
    assert list(index.postings.get("e:nobody")) == []
    assert list(index.postings.get("en:phon")) == [2]  # words as stems ("phone")
    assert list(index.postings.get("en:openai")) == [0, 1]
    # a word in one claim of three weighs more than one in two
    assert index.idf_en["phon"] > index.idf_en["openai"]


def test_candidates_are_the_claims_sharing_words_or_names_strongest_first() -> None:
    index = _tiny()
    found = search.candidates(index, index.features("Musk gave OpenAI $50M."))
    assert [c.profile.claim.id for c in found] == ["c.gift", "c.ceo"]  # c.phone shares nothing
    assert found[0].score > found[1].score
    ja = search.candidates(index, index.features("アルトマン氏はOpenAIのCEOになった。"))
    assert ja[0].profile.claim.id == "c.ceo"
    assert search.candidates(index, index.features("It rained all day.")) == []


def test_the_shortlist_keeps_the_heaviest_claims() -> None:
    index = _tiny()
    f = index.features("Musk donated money to OpenAI.")
    weights = search._weights(index, f, None)
    assert set(weights) == {0, 1} and weights[0] > weights[1]
    assert [c.profile.claim.id for c in search.candidates(index, f, shortlist=1)] == ["c.gift"]


def test_a_common_word_only_adds_weight_to_claims_found_through_rarer_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index = _tiny()
    monkeypatch.setattr(search, "COMMON", 1)  # a name in two claims is common
    f = index.features("Musk and OpenAI")
    assert set(search._weights(index, f, 1)) == {0}  # musk finds c.gift: openai only weighs it
    assert set(search._weights(index, f, None)) == {0, 1}  # walked in full


def test_a_near_copy_of_a_passage_is_found() -> None:
    index = _tiny()
    found = search.closest_passage(index, index.features("Apple sold a phone in India"))
    assert found is not None and found[0].about == ("c.phone", "Apple sold a phone in India.")
    assert found[1] > 95


def test_the_cache_head_and_its_profiles_make_a_new_index() -> None:
    index = _tiny()
    head, profiles = index.split()
    assert head.profiles == [] and list(head.record.claims) == []
    assert len(index.record.claims) == 3  # the index split is left whole
    joined = head.join(profiles)
    assert joined is not head and head.profiles == [] and list(head.record.claims) == []
    assert [c.id for c in joined.record.claims] == ["c.gift", "c.ceo", "c.phone"]
    assert joined.record.claims[1] is profiles[1].claim
    assert [c.id for c in joined.record.claims[1:]] == ["c.ceo", "c.phone"]


def test_each_claim_and_passage_reads_relative_dates_against_its_own_source() -> None:
    from pathlib import Path

    from factcheck.record import load_record

    index = build_index(
        load_record(Path(__file__).parent / "fixtures" / "two_sources" / "claims.yaml")
    )
    by_id = {p.claim.id: p for p in index.profiles}
    assert [d.iso() for d in by_id["a.acme.osaka_lab"].dates] == ["2024-02"]  # wire-a: 2024-03-06
    assert [d.iso() for d in by_id["b.acme.kyoto_lab"].dates] == ["2024-04"]  # wire-b: 2024-05-20
    text = "The company opened a lab last month."
    assert [d.iso() for d in index.features(text, "wire-a").dates] == ["2024-02"]
    assert [d.iso() for d in index.features(text, "wire-b").dates] == ["2024-04"]
    kyoto = next(pp for pp in index.passages if "Kyoto" in pp.norm)
    assert [d.iso() for d in index.passage_features(kyoto).dates] == ["2024-04"]


@pytest.mark.parametrize("common", [2, 10, 200])
def test_the_shortlist_drawn_in_arrays_is_the_one_drawn_claim_by_claim(
    monkeypatch: pytest.MonkeyPatch, common: int
) -> None:
    pytest.importorskip("numpy")
    index = bundled_index()
    monkeypatch.setattr(search, "COMMON", common)  # every word in more claims is common
    rec = index.record
    texts = [c.text_en for c in rec.claims[::3]] + [c.text_ja for c in rec.claims[1::5]]
    texts += ["Musk gave OpenAI money in 2018.", "マスクはOpenAIに5000万ドルを寄付した。"]
    for text in texts:
        f = index.features(text)
        for shortlist in (1, 5, search.SHORTLIST):
            claim_by_claim = search._shortlist(index, f, shortlist)
            assert search._shortlist_arrays(index, f, shortlist) == claim_by_claim, text
