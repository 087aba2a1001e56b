"""The check on a Dask cluster (factcheck --scheduler, factcheck.dask) gives exactly the
local run's output: on a LocalCluster of two worker processes, also when a worker is killed
mid-run; and an input that cannot be read fails as it does locally. The README's recipe for
a Dask DataFrame of texts is run here as it is written there.

The three checks of the acceptance (20,000 distinct statements in 200 files against a local
FACTCHECK_JOBS=1 run, byte for byte; a worker killed mid-run; a missing file) are the slow
part of the suite (two and a half minutes on two idle cores, eight on a busy machine) and
run in CI, which installs the extra."""

from __future__ import annotations

import json
import os
import pickle
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

distributed = pytest.importorskip(
    "distributed", reason='the Dask extra is not installed (pip install -e ".[dask]")'
)

from factcheck.checker import Checker  # noqa: E402
from factcheck.dask import LOCAL_HTTP, PIECE_CHARS, check_bag, check_files, pieces  # noqa: E402
from factcheck.errors import FactcheckError, InputError  # noqa: E402
from factcheck.inputs import read_file  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FACTCHECK = [sys.executable, "-m", "factcheck"]
FILES, STATEMENTS = 200, 20_000


def _sentences() -> list[str]:
    """The record's English phrasings and the article's Japanese sentences."""
    data = yaml.safe_load((ROOT / "claims.yaml").read_text(encoding="utf-8"))
    article = (ROOT / "sources" / "tencent-2024-03-06.txt").read_text(encoding="utf-8")
    ja = [s.strip() for s in re.split(r"(?<=。)", article) if len(s.strip()) > 10]
    return [c["text"]["en"] for c in data["claims"]] + ja


def _numbered(sentence: str, i: int) -> str:
    """A sentence made distinct: a reference number before its final stop."""
    body, stop = (sentence[:-1], sentence[-1]) if sentence[-1:] in ".。" else (sentence, "")
    return f"{body}（第{i}号）{stop}" if stop == "。" else f"{body} (no. {i}){stop}"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20,000 distinct statements in 200 files: the first one large enough to be cut into
    pieces, every tenth one Markdown (with an ignore comment and a code block)."""
    folder = tmp_path_factory.mktemp("archive")
    pool = _sentences()
    sizes = [4_000] + [(STATEMENTS - 4_000) // (FILES - 1)] * (FILES - 1)
    sizes[-1] += STATEMENTS - sum(sizes)
    n = 0
    for k, size in enumerate(sizes):
        lines = []
        for _ in range(size):
            lines.append(_numbered(pool[n % len(pool)], n))
            n += 1
        if k % 10 == 5:
            text = "# Notes\n\n" + "\n\n".join(lines[:-1])
            text += "\n\n```\ncode is not checked.\n```\n\n<!-- factcheck: ignore -->\n"
            (folder / f"doc{k:03}.md").write_text(text + lines[-1] + "\n", encoding="utf-8")
        else:
            (folder / f"doc{k:03}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    assert n == STATEMENTS
    return folder


def _factcheck(*args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*FACTCHECK, *args], capture_output=True, check=False,
                          env={**os.environ, **env}, cwd=ROOT)  # fmt: skip


@pytest.fixture(scope="module")
def local_json(archive: Path) -> bytes:
    proc = _factcheck("--files", str(archive), "--format", "json", FACTCHECK_JOBS="1")
    assert proc.returncode == 1, proc.stderr  # the archive has contradicted statements
    return proc.stdout


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.Client]:
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                 dashboard_address=None, scheduler_kwargs=LOCAL_HTTP) as local,
        distributed.Client(local) as client,
    ):  # fmt: skip
        yield client


def _checked(stream: distributed.get_task_stream) -> list[dict[str, object]]:
    """The tasks of factcheck.dask that the cluster finished while ``stream`` recorded."""
    return [t for t in stream.data if str(t["key"]).startswith("check_piece-")]


def test_the_archive_is_checked_as_a_local_run_checks_it(
    archive: Path, local_json: bytes, cluster: distributed.Client
) -> None:
    assert read_file(str(archive / "doc000.txt")).text.count("\n\n") + 1 == 4_000
    cut = len(pieces(read_file(str(archive / "doc000.txt"))))
    assert cut > 1  # cut on statement ends
    with distributed.get_task_stream(client=cluster) as stream:
        proc = _factcheck("--files", str(archive), "--format", "json",
                          "--scheduler", cluster.scheduler.address)  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == b""
    assert proc.stdout == local_json
    tasks = _checked(stream)  # every piece checked once, on both workers
    assert len(tasks) == FILES - 1 + cut
    assert {t["worker"] for t in tasks} == set(cluster.scheduler_info()["workers"])
    results = json.loads(local_json)["results"]
    assert len(results) >= STATEMENTS  # (a few sentences are two statements)
    assert len({r["statement"] for r in results}) > 0.99 * STATEMENTS  # judged, not recalled


def test_a_worker_killed_mid_run_changes_nothing(
    archive: Path, local_json: bytes, cluster: distributed.Client, tmp_path: Path
) -> None:
    pids = cluster.run(os.getpid)  # worker address -> its process
    address = sorted(pids)[0]
    victim = pids[address]
    out = tmp_path / "out.json"
    with out.open("wb") as fh:
        proc = subprocess.Popen([*FACTCHECK, "--files", str(archive), "--format", "json",
                                 "--scheduler", cluster.scheduler.address],
                                stdout=fh, stderr=subprocess.PIPE, cwd=ROOT)  # fmt: skip
        deadline = time.monotonic() + 60
        # findings are coming back, and the scheduler has given the victim a task
        while out.stat().st_size < 50_000 or not cluster.run_on_scheduler(_tasks_of, address):
            assert proc.poll() is None and time.monotonic() < deadline, "finished too soon"
            time.sleep(0.05)
        written = out.stat().st_size
        os.kill(victim, signal.SIGKILL)
        _, err = proc.communicate(timeout=300)
    assert written < len(local_json) / 2  # killed mid-run
    assert proc.returncode == 1, err
    assert out.read_bytes() == local_json
    cluster.wait_for_workers(2, timeout=60)  # the nanny started a new one
    assert victim not in cluster.run(os.getpid).values()


def _tasks_of(address: str, dask_scheduler: distributed.Scheduler) -> int:
    """On the scheduler: how many tasks the worker at ``address`` is processing."""
    worker = dask_scheduler.workers.get(address)
    return len(worker.processing) if worker is not None else 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "missing.txt: no such file"),
        (b"caf\xe9 au lait.\n", "missing.txt: not UTF-8 text (invalid byte 0xe9 at byte offset 3, line 1)"),
    ],
)  # fmt: skip
def test_an_unreadable_file_fails_as_locally(
    archive: Path, cluster: distributed.Client, tmp_path: Path, content: bytes | None,
    message: str,
) -> None:  # fmt: skip
    bad = tmp_path / "missing.txt"
    if content is not None:
        bad.write_bytes(content)
    args = ["--files", str(archive / "doc001.txt"), str(bad), "--format", "json"]
    local = _factcheck(*args)
    proc = _factcheck(*args, "--scheduler", cluster.scheduler.address)
    assert (proc.returncode, proc.stdout) == (local.returncode, local.stdout) == (2, b"")
    assert proc.stderr == local.stderr == f"factcheck: {bad.parent}/{message}\n".encode()


def test_check_files_and_check_bag_give_the_local_findings(
    archive: Path, cluster: distributed.Client
) -> None:
    import dask.bag

    import factcheck

    names = [str(archive / f"doc{k:03}.{'md' if k == 5 else 'txt'}") for k in range(3, 7)]
    local = [f for n in names for f in Checker.open().check(*_text_of(n))]
    assert list(check_files(names, client=cluster)) == local
    texts = [read_file(n).text for n in names if n.endswith(".txt")]
    bag = dask.bag.from_sequence(texts, npartitions=2)
    assert check_bag(bag).compute() == [f for t in texts for f in factcheck.check(t)]
    named = dask.bag.from_sequence([(n, read_file(n).text) for n in names], npartitions=3)
    assert check_bag(named).compute() == local


def _text_of(name: str) -> tuple[str, str, bool]:
    doc = read_file(name)
    return doc.text, doc.name, doc.markdown


def test_a_large_document_is_cut_where_its_statements_stay_whole(archive: Path) -> None:
    doc = read_file(str(archive / "doc000.txt"))
    parts = pieces(doc)
    assert len(parts) == len(doc.text) // PIECE_CHARS + 1
    assert "".join(p.text for p in parts) == doc.text
    ends = [sum(len(p.text) for p in parts[:k]) for k in range(len(parts))]
    assert [p.offset for p in parts] == ends
    assert [p.first for p in parts] == [True] + [False] * (len(parts) - 1)


def test_a_checker_is_sent_by_its_key_not_its_record() -> None:
    checker = Checker.open()
    sent = pickle.dumps(checker)
    assert len(sent) < 1_000
    assert pickle.loads(sent) == checker
    other = Checker(checker.claims, checker.extra, "0" * 40)  # another record, or factcheck
    with pytest.raises(FactcheckError, match="differs from where the check was started"):
        other.check("Musk donated $44M to OpenAI.")
    gone = Checker("/nonexistent/claims.yaml", (), "1" * 40)
    with pytest.raises(FactcheckError, match="no such claims file"):
        gone.check("Musk donated $44M to OpenAI.")


def test_an_unreachable_scheduler_is_one_line() -> None:
    with pytest.raises(InputError):
        list(check_files(["/nonexistent/file.txt"]))
    proc = _factcheck("Musk donated $44M to OpenAI.", "--scheduler", "tcp://127.0.0.1:9",
                      DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="1s")  # fmt: skip
    assert proc.returncode == 2
    assert proc.stderr.decode().startswith("factcheck: cannot reach the Dask scheduler")
    assert proc.stderr.count(b"\n") == 1


@pytest.mark.parametrize("fmt", ["text", "github", "sarif", "rdjsonl"])
def test_every_format_is_written_as_locally(
    archive: Path, cluster: distributed.Client, fmt: str, tmp_path: Path
) -> None:
    stops = tmp_path / "stops.md"  # an unclosed fence: a warning, the rest not checked
    stops.write_text("Musk donated $44M to OpenAI.\n\n```\nMusk donated $5M.\n", encoding="utf-8")
    files = [str(archive / name) for name in ("doc004.txt", "doc005.md", "doc004.txt")]
    args = ["--files", *files, str(stops), "--format", fmt, "--fail-on", "unknown", "--explain"]
    local = _factcheck(*args, GITHUB_STEP_SUMMARY="")
    proc = _factcheck(*args, "--scheduler", cluster.scheduler.address, GITHUB_STEP_SUMMARY="")
    assert local.returncode == 1 and local.stdout.count(b"doc005.md") > 10
    assert b"stops.md:3: " in local.stderr and local.stderr.count(b"\n") == 1
    assert (proc.returncode, proc.stdout, proc.stderr) == (1, local.stdout, local.stderr)


def test_scheduler_local_starts_a_cluster_for_the_run(archive: Path) -> None:
    args = ["--files", str(archive / "doc004.txt"), str(archive / "doc005.md"), "--format", "json"]
    local = _factcheck(*args)
    proc = _factcheck(*args, "--scheduler", "local", FACTCHECK_JOBS="2")  # two workers
    assert local.returncode == 1
    assert (proc.returncode, proc.stdout, proc.stderr) == (1, local.stdout, local.stderr)


def _readme_recipe() -> str:
    """The README's recipe for a Dask DataFrame of texts: its Python block that calls
    map_partitions, as written there."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```$", readme, re.DOTALL | re.MULTILINE)
    found = [block for block in blocks if ".map_partitions(" in block]
    assert len(found) == 1, "the README has one DataFrame recipe"
    return found[0]


def test_the_readmes_dataframe_recipe_gives_the_local_findings(
    archive: Path, cluster: distributed.Client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reason = 'pandas is not installed (the test extra brings it: pip install -e ".[test,dask]")'
    pd = pytest.importorskip("pandas", reason=reason)
    dd = pytest.importorskip("dask.dataframe", reason=reason)
    texts = {f"story-{k}": read_file(str(archive / f"doc{k:03}.txt")).text
             for k in range(10, 20) if k % 10 != 5}  # fmt: skip
    texts["story-x"] = "Musk donated $50M to OpenAI.\n\nマスクはOpenAIに5000万ドルを寄付した。\n"
    texts["story-y"] = 'Nothing to check here, "quoted", and a comma.\n'
    frame = pd.DataFrame({"id": list(texts), "text": list(texts.values())})
    stories = dd.from_pandas(frame, npartitions=4)
    monkeypatch.chdir(tmp_path)  # the recipe writes contradicted-*.csv here
    with distributed.get_task_stream(client=cluster) as stream:
        exec(compile(_readme_recipe(), "README.md", "exec"), {"__name__": "recipe", "stories": stories})  # fmt: skip
    assert {t["worker"] for t in stream.data} <= set(cluster.scheduler_info()["workers"])
    assert stream.data  # checked on the cluster's workers
    written = sorted(tmp_path.glob("contradicted-*.csv"), key=lambda p: int(p.stem.split("-")[1]))
    assert len(written) == stories.npartitions
    got = pd.concat([pd.read_csv(p, dtype=str, keep_default_na=False) for p in written])
    checker = Checker.open()
    expected = [(story, f.statement, "contradicted", f.claim_id or "", f.reason)  # (CSV: "")
                for story, text in texts.items() for f in checker.check(text)
                if f.verdict == "contradicted"]  # fmt: skip
    assert len(expected) > 2 and {e[0] for e in expected} > {"story-x"}
    assert list(got.itertuples(index=False, name=None)) == expected
