"""The inverted index's shortlist changes cost, never verdicts."""

from __future__ import annotations

import pytest

from factcheck import match, scoring
from factcheck.pipeline import index_for, judge_statement
from tests.helpers import bundled


def test_verdicts_are_the_same_with_and_without_the_shortlist(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rec = bundled()
    index = index_for(rec)
    sample = [t for c in rec.claims for t in (*c.supported_examples, *c.contradicted_examples)]
    sample += [c.text_en for c in rec.claims] + [c.quote for c in rec.claims][:50]
    with_index = [(j.verdict, j.claim_id) for j in (judge_statement(index, t) for t in sample)]
    monkeypatch.setattr(match.candidates, "__defaults__", (6, None))  # score every claim
    without = [(j.verdict, j.claim_id) for j in (judge_statement(index, t) for t in sample)]
    assert len(sample) > 600
    assert with_index == without


def test_the_shortlist_really_shortens(monkeypatch: pytest.MonkeyPatch) -> None:
    index = index_for(bundled())
    f = index.features("Musk gave OpenAI money.")
    scored: list[int] = []
    original = match._Query.score
    monkeypatch.setattr(match._Query, "score", lambda q, *a: scored.append(1) or original(q, *a))
    match.candidates(index, f)
    assert 0 < len(scored) <= match.SHORTLIST


def test_worker_processes_give_the_same_findings_in_the_same_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from factcheck import pipeline

    rec = bundled()
    sample = [t for c in rec.claims[:40] for t in (c.text_en, *c.contradicted_examples[:1])]
    sample += sample[:15]  # repeats, judged once
    text = "\n\n".join(sample)
    serial = pipeline.check_text(text, rec)
    if "fork" not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip("worker processes need fork")
    monkeypatch.setattr(pipeline, "_workers", lambda: 2)
    monkeypatch.setattr(pipeline, "PARALLEL_AFTER", 10)
    monkeypatch.setattr(pipeline, "CHUNK", 7)
    started: list[int] = []
    original = pipeline._check_in_parallel
    monkeypatch.setattr(pipeline, "_check_in_parallel",
                        lambda *a: started.append(1) or original(*a))  # fmt: skip
    parallel = pipeline.check_text(text, rec)
    assert started and len(serial) == len(sample)
    assert parallel == serial


def test_a_short_input_starts_no_process(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import pipeline

    monkeypatch.setattr(pipeline, "_check_in_parallel", lambda *a: pytest.fail("forked"))
    assert len(pipeline.check_text("Musk donated $44M to OpenAI. " * 3, bundled())) == 3


def test_without_worker_processes_the_check_goes_on_here(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing.context

    from factcheck import pipeline

    rec = bundled()
    text = "\n\n".join(c.text_en for c in rec.claims[:30])
    serial = pipeline.check_text(text, rec)

    asked: list[int] = []

    def no_semaphores(*args: object, **kwargs: object) -> None:
        asked.append(1)
        raise PermissionError("no /dev/shm")

    monkeypatch.setattr(multiprocessing.context.ForkContext, "Pool", no_semaphores, raising=False)
    monkeypatch.setattr(pipeline, "_workers", lambda: 2)
    monkeypatch.setattr(pipeline, "PARALLEL_AFTER", 5)
    assert pipeline.check_text(text, rec) == serial
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
    index = index_for(bundled())
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
    index = index_for(bundled())
    for pp in index.passages[:60]:
        for cut in (0, len(pp.norm) // 3, len(pp.norm) // 2):
            f = index.features(pp.norm[cut:])
            n = len(f.text)
            near = [p.norm for p in index.passages
                    if abs(len(p.norm) - n) <= 0.4 * max(len(p.norm), n)]  # fmt: skip
            found = match.closest_passage(index, f)
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
