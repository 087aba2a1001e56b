"""factcheck benchmarks: whole-process wall time and peak memory, seeded and deterministic.

    python bench/run.py            # all cases, 5 runs each, results as Markdown on stdout
    python bench/run.py --quick    # fewer runs and sizes, for a quick look
    python bench/run.py --large    # also a 100 MB input (several minutes)
    python bench/run.py --cluster  # only: a local Dask cluster beside local runs (factcheck[dask])
    python bench/run.py --cluster --sizes 200000 --cases local,started   # some of its cases

Each case runs the installed ``factcheck`` command in a subprocess; times are medians of
interleaved runs, peak memory is the child's maximum resident set size. The machine's own
floor is measured in the same run (the import floor of the stack, and the bare rapidfuzz
``cdist`` pass of the statements against the claim texts, which needs numpy) and times are
given as ratios to it, since absolute times drift on shared machines. The load the machine
carried besides the measured process is read from /proc/stat during every run: a suite
started on a busy machine is refused (``--busy-ok`` runs it anyway), and a case measured
while something else used more than a tenth of the machine is marked. The cluster cases
also give CPU seconds, which others' load moves far less than wall time: those of the
factcheck process and of the processes it waited for (the workers of ``--scheduler local``),
and those of the running cluster the suite started (its scheduler and workers).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "sources" / "tencent-2024-03-06.txt"
FLOOR = [sys.executable, "-c", "import typer, rich.console, rapidfuzz.process, yaml"]
# the bare work of matching: every statement scored against every claim text in one
# rapidfuzz call, on every core (statements and claim texts one per line)
CDIST = r"""
import sys
from rapidfuzz import fuzz, process
statements = [s for s in open(sys.argv[1], encoding="utf-8").read().split("\n\n") if s.strip()]
claims = open(sys.argv[2], encoding="utf-8").read().splitlines()
process.cdist(statements, claims, scorer=fuzz.token_set_ratio, workers=-1)
"""
BUSY = 0.10  # share of the machine used by others during a run above which it is marked
REFUSE = 0.25  # ... and before the suite, above which it is refused


def factcheck_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "factcheck"
    return [str(exe)] if exe.exists() else [shutil.which("factcheck") or "factcheck"]


TIME = shutil.which("time", path="/usr/bin:/bin")
TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
CORES = os.cpu_count() or 1


def cpu_busy() -> float | None:
    """Seconds of CPU time the whole machine has spent busy since boot (/proc/stat)."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            fields = [int(x) for x in fh.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle and iowait
    guest = sum(fields[8:10]) if len(fields) > 9 else 0  # already counted in user time
    return (sum(fields) - idle - guest) / TICK


def helpers_cpu() -> float:
    """CPU seconds spent so far by this process and the processes it started that are still
    running (a running cluster's scheduler and workers): the suite's own work, not others'.
    0 without psutil (distributed's dependency)."""
    try:
        import psutil
    except ImportError:
        return 0.0
    me = psutil.Process()
    total = 0.0
    for proc in [me, *me.children(recursive=True)]:
        try:
            times = proc.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


def others_load(seconds: float = 2.0) -> float | None:
    """The share of the machine busy over ``seconds`` while this process sleeps."""
    before = cpu_busy()
    time.sleep(seconds)
    after = cpu_busy()
    if before is None or after is None:
        return None
    return max(0.0, (after - before) / (seconds * CORES))


@dataclass
class Run:
    wall: float
    rss: float  # MB
    others: float | None  # share of the machine busy with other work during the run
    cpu: float = 0.0  # CPU seconds of the run and the processes it waited for
    helpers: float = 0.0  # ... and of this process and a cluster it runs, meanwhile


def measure(
    cmd: list[str], stdin_path: Path | None = None, env: dict[str, str] | None = None
) -> Run:
    """Wall seconds and peak RSS in MB of one run (GNU time's %M where available: the
    child's own peak, not the pages it shares with this process before exec), and the load
    the rest of the machine carried meanwhile (busy CPU time from /proc/stat less the
    run's own, and less that of this process and of a cluster it runs)."""
    stdin = stdin_path.open("rb") if stdin_path else subprocess.DEVNULL
    full_env = {**os.environ, **(env or {})}
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        wrapped = [TIME, "-f", "%M", "-o", rss.name, *cmd] if TIME else cmd
        busy0, helpers0 = cpu_busy(), helpers_cpu()
        start = time.perf_counter()
        proc = subprocess.Popen(wrapped, stdin=stdin, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, env=full_env)  # fmt: skip
        assert proc.stderr is not None
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        busy1, helpers1 = cpu_busy(), helpers_cpu()
        proc.returncode = os.waitstatus_to_exitcode(status)
        if stdin_path:
            stdin.close()  # type: ignore[union-attr]
        _check(cmd, proc.returncode, err)
        peak = int(rss.read().strip().splitlines()[-1]) / 1024 if TIME else usage.ru_maxrss / 1024
    own = usage.ru_utime + usage.ru_stime  # the run and every process it waited for
    helpers = helpers1 - helpers0
    others = None
    if busy0 is not None and busy1 is not None:
        others = max(0.0, (busy1 - busy0 - own - helpers) / (wall * CORES))
    return Run(wall, peak, others, own, helpers)


def _check(cmd: list[str], code: int, err: bytes) -> None:
    if code not in (0, 1):
        sys.exit(
            f"benchmark run failed ({code}): {' '.join(cmd)}\n{err.decode(errors='replace')[-500:]}"
        )


def article_sentences() -> tuple[list[str], list[str]]:
    """English phrasings of the record's claims and the article's own Japanese sentences."""
    import yaml

    data = yaml.safe_load((ROOT / "claims.yaml").read_text(encoding="utf-8"))
    en = [c["text"]["en"] for c in data["claims"]]
    ja = [
        s for s in re.split(r"(?<=。)", SOURCE.read_text(encoding="utf-8")) if len(s.strip()) > 10
    ]
    return en, [s.strip() for s in ja]


def change_number(sentence: str, rng: random.Random) -> str:
    def bump(m: re.Match[str]) -> str:
        n = int(m.group(0))
        return str(n + rng.choice([1, 2, 3, 7]) if n < 1900 else n + rng.choice([-2, -1, 1, 2]))

    return re.sub(r"\d+", bump, sentence, count=1)


def statements_file(n: int, folder: Path, seed: int = 7, distinct: bool = False) -> Path:
    """``n`` statements drawn from the article, a third with a number changed: many repeat
    (a repeated sentence is judged once); with ``distinct``, every statement is made
    different (a running number in each)."""
    rng = random.Random(seed)
    en, ja = article_sentences()
    pool = en + ja
    lines = []
    for i in range(n):
        s = pool[rng.randrange(len(pool))]
        if i % 3 == 0:
            s = change_number(s, rng)
        lines.append(_numbered(s, i) if distinct else s)
    path = folder / f"statements_{n}{'_distinct' if distinct else ''}.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return path


def _numbered(sentence: str, i: int) -> str:
    """The sentence with a reference number before its final stop ("… (no. 12)."/"…(第12号)。")."""
    body, stop = (sentence[:-1], sentence[-1]) if sentence[-1:] in ".。" else (sentence, "")
    return f"{body}（第{i}号）{stop}" if stop == "。" else f"{body} (no. {i}){stop}"


Names = list[tuple[str, str]]  # (English, Japanese)

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
EN_FORMS = [
    "{p} invested ${a} million in {o} in {y}.",
    "In {y}, {o} paid {p} ${a}M for a stake in the company.",
    "{p} joined {o} as chief executive in {m} {y}.",
    "{o} raised ${a} million from {p} in {m} {y}.",
    "{p} left the board of {o} in {y}, {k} years after founding it.",
    "{p} donated ${a} million to {o} between {y} and {y2}.",
    "{o} was valued at ${b} billion in {y}, according to {p}.",
    "{p} did not sell his {k}% stake in {o} in {y}.",
    "{p} and {p2} founded {o} in {y} with ${a} million.",
    "{o} hired {k} engineers from {o2} in {y}, {p} said.",
]
JA_FORMS = [
    "{p}は{y}年に{o}に{a}00万ドルを投資した。",
    "{o}は{y}年{mo}月に{p}を最高経営責任者に任命した。",
    "{p}は{y}年に{o}の取締役会を去った。",
    "{o}は{y}年に{p}から{a}億円を調達した。",
    "{p}によれば、{o}の評価額は{y}年に{b}0億ドルに達した。",
    "{p}と{p2}は{y}年に{o}を共同で設立した。",
]


def distinct_statements(n: int, people: Names, orgs: Names, seed: int = 13) -> list[str]:
    """``n`` different statements (every line distinct, a quarter in Japanese) about the
    given people and organisations, with amounts and years: what users write, none of it
    answered from the memo of repeated sentences."""
    rng = random.Random(seed)
    seen: set[str] = set()
    out = []
    while len(out) < n:
        japanese = len(out) % 4 == 0
        (p, pj), (p2, p2j) = rng.sample(people, 2)
        (o, oj), (o2, _) = rng.sample(orgs, 2)
        year = rng.randrange(1995, 2025)
        values = {"a": rng.randrange(1, 900), "b": rng.randrange(1, 90), "k": rng.randrange(2, 40),
                  "y": year, "y2": year + rng.randrange(1, 6), "m": rng.choice(MONTHS),
                  "mo": rng.randrange(1, 13)}  # fmt: skip
        if japanese:
            s = rng.choice(JA_FORMS).format(p=pj, p2=p2j, o=oj, **values)
        else:
            s = rng.choice(EN_FORMS).format(p=p, p2=p2, o=o, o2=o2, **values)
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out


def bundled_names() -> tuple[Names, Names]:
    """The people and organisations of the bundled record, in both languages."""
    import yaml

    data = yaml.safe_load((ROOT / "claims.yaml").read_text(encoding="utf-8"))
    pick = [(e["kind"], e["name"]["en"], e["name"].get("ja") or e["name"]["en"])
            for e in data["entities"]]  # fmt: skip
    return [(en, ja) for k, en, ja in pick if k == "person"], [
        (en, ja) for k, en, ja in pick if k == "org"
    ]


def write_statements(lines: list[str], path: Path) -> Path:
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return path


def claim_texts(path: Path) -> Path:
    """The bundled record's claim texts (English), one per line: the floor's choices."""
    import yaml

    data = yaml.safe_load((ROOT / "claims.yaml").read_text(encoding="utf-8"))
    path.write_text("\n".join(c["text"]["en"] for c in data["claims"]) + "\n", encoding="utf-8")
    return path


def large_file(mb: int, folder: Path, seed: int = 5) -> Path:
    """About ``mb`` megabytes of article statements (as in statements_file), for the memory
    of very large inputs."""
    rng = random.Random(seed)
    en, ja = article_sentences()
    pool = en + ja
    path = folder / f"large_{mb}mb.txt"
    size, target = 0, mb * 2**20
    with path.open("w", encoding="utf-8") as fh:
        i = 0
        while size < target:
            s = pool[rng.randrange(len(pool))]
            s = change_number(s, rng) if i % 3 == 0 else s
            chunk = s + "\n\n"
            fh.write(chunk)
            size += len(chunk.encode())
            i += 1
    return path


FIRST = ["Alice", "Bruno", "Chen", "Dana", "Emeka", "Farah", "Goro", "Hana", "Ivan", "Jun"]
LAST = ["Moreau", "Tanaka", "Okafor", "Silva", "Kowalski", "Nakamura", "Haddad", "Larsen"]
ORGS = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne"]


def synthetic_record(n: int, folder: Path, seed: int = 11) -> tuple[Path, Names]:
    """A record of ``n`` generated claims (with the bundled source), in the record's format,
    and the generated people (English and Japanese names)."""
    import yaml

    rng = random.Random(seed)
    base = yaml.safe_load((ROOT / "claims.yaml").read_text(encoding="utf-8"))
    rec_dir = folder / f"record_{n}"
    (rec_dir / "sources").mkdir(parents=True, exist_ok=True)
    for f in (ROOT / "sources").iterdir():
        shutil.copy(f, rec_dir / "sources" / f.name)
    source_text = SOURCE.read_text(encoding="utf-8")
    quotes = [s for s in re.split(r"(?<=。)", source_text) if len(s) > 10 and "\n" not in s]
    entities = list(base["entities"])
    people = []
    for i in range(max(20, n // 50)):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        eid = f"p{i}"
        people.append((eid, f"{first} {last}{i}", f"人物{i}"))
        entities.append(
            {
                "id": eid,
                "kind": "person",
                "name": {"en": f"{first} {last}{i}", "ja": f"人物{i}"},
                "aliases": [f"{last}{i}"],
            }
        )
    claims = list(base["claims"])
    for i in range(n - len(claims)):
        eid, name, _ = rng.choice(people)
        org = rng.choice(ORGS)
        amount = rng.randrange(1, 900)
        year = rng.randrange(1990, 2024)
        quote = rng.choice(quotes).strip()
        claims.append(
            {
                "id": f"synthetic.c{i}",
                "source": base["claims"][0]["source"],
                "quote": quote,
                "text": {
                    "en": f"{name} invested ${amount} million in {org} in {year}.",
                    "ja": f"{name}は{year}年に{org}に{amount}00万ドルを投資した。",
                },
                "subject": eid,
                "entities": [eid],
                "negated": False,
                "values": {
                    "amounts": [{"value": amount * 1_000_000, "currency": "USD"}],
                    "dates": [str(year)],
                },
                "terms": {"en": ["invest", org.lower()], "ja": ["投資"]},
                "examples": {
                    "supported": [f"{name} put ${amount}M into {org}."],
                    "contradicted": [f"{name} put ${amount + 5}M into {org}."],
                },
            }
        )
    path = rec_dir / "claims.yaml"
    path.write_text(
        yaml.safe_dump(
            {"version": 1, "entities": entities, "claims": claims},
            allow_unicode=True,
            sort_keys=False,
        ),
        encoding="utf-8",
    )
    return path, [(en, ja) for _, en, ja in people]


def archive_folder(n: int, folder: Path, per_file: int = 100, seed: int = 13) -> Path:
    """``n`` distinct statements (as in statements_file) in files of ``per_file`` each."""
    rng = random.Random(seed)
    en, ja = article_sentences()
    pool = en + ja
    out = folder / f"archive_{n}"
    out.mkdir()
    for k in range(0, n, per_file):
        lines = []
        for i in range(k, min(n, k + per_file)):
            s = pool[rng.randrange(len(pool))]
            lines.append(_numbered(change_number(s, rng) if i % 3 == 0 else s, i))
        (out / f"story_{k // per_file:05}.txt").write_text(
            "\n\n".join(lines) + "\n", encoding="utf-8"
        )
    return out


CLUSTER_CASES = ("local", "running", "started", "local1", "running1")


def cluster_cases(fc: list[str], folder: Path, runs: int, sizes: list[int],
                  chosen: tuple[str, ...] = CLUSTER_CASES) -> Iterator[str]:  # fmt: skip
    """The same archives checked locally (FACTCHECK_JOBS as set, by default a process per
    core) and on a local Dask cluster (one single-threaded worker process per core): a
    running cluster, and --scheduler local (the cluster's start included); the ``chosen``
    cases only. A row as each case is measured (the large ones take minutes)."""
    from distributed import LocalCluster

    from factcheck.dask import LOCAL_HTTP

    cores = len(os.sched_getaffinity(0))
    running = {"running", "running1"} & set(chosen)
    with (LocalCluster(n_workers=cores, threads_per_worker=1, processes=True,
                       dashboard_address=None, scheduler_kwargs=LOCAL_HTTP)
          if running else contextlib.nullcontext()) as cluster:  # fmt: skip
        address = cluster.scheduler_address if cluster is not None else ""
        for n in sizes:
            archive = archive_folder(n, folder)
            one = (
                statements_file(n, folder, distinct=True)
                if {"local1", "running1"} & set(chosen)
                else None
            )
            files = f"{n:,} statements in {n // 100:,} files"
            cases = [
                ("local", f"{files}, local", ["--files", str(archive)]),
                ("running", f"{files}, a running local cluster ({cores} workers)",
                 ["--files", str(archive), "--scheduler", address]),
                ("started", f"{files}, --scheduler local ({cores} workers, started by the run)",
                 ["--files", str(archive), "--scheduler", "local"]),
                ("local1", f"{n:,} statements in one file, local", ["-f", str(one)]),
                ("running1", f"{n:,} statements in one file, a running local cluster",
                 ["-f", str(one), "--scheduler", address]),
            ]  # fmt: skip
            wall: dict[str, float] = {}
            for key, label, args in cases:
                if key not in chosen:
                    continue
                r = median_of({key: ([*fc, "--format", "json", *args], None, None)}, runs)[key]
                wall[key] = r.wall
                base = "local1" if key.endswith("1") else "local"
                ratio = f"{r.wall / wall[base]:.2f} × local" if key != base and base in wall else ""
                load = (
                    ""
                    if r.others is None
                    else f"{100 * r.others:.0f}%" + (" (busy)" if r.busy else "")
                )
                cluster_cpu = f"{r.helpers:.1f}" if key.startswith("running") else ""
                yield (f"| {label} | {r.wall:.2f} | {r.cpu:.1f} | {cluster_cpu} | {r.rss:.0f} "
                       f"| {ratio} | {load} |")  # fmt: skip
            shutil.rmtree(archive)
            if one is not None:
                one.unlink()


Case = tuple[list[str], Path | None, dict[str, str] | None]


@dataclass
class Result:
    wall: float  # median
    rss: float  # max
    others: float | None  # max share of the machine used by other work in any run
    cpu: float = 0.0  # median CPU seconds (Run.cpu)
    helpers: float = 0.0  # median (Run.helpers)

    @property
    def busy(self) -> bool:
        return self.others is not None and self.others > BUSY


def median_of(cmds: dict[str, Case], runs: int) -> dict[str, Result]:
    """Interleave the commands run by run; median wall time and max peak memory of each."""
    done: dict[str, list[Run]] = {k: [] for k in cmds}
    for _ in range(runs):
        for name, (cmd, stdin, env) in cmds.items():
            done[name].append(measure(cmd, stdin, env))
    out = {}
    for k, rs in done.items():
        loads = [r.others for r in rs if r.others is not None]
        out[k] = Result(statistics.median(r.wall for r in rs), max(r.rss for r in rs),
                        max(loads) if loads else None, statistics.median(r.cpu for r in rs),
                        statistics.median(r.helpers for r in rs))  # fmt: skip
    return out


class Table:
    def __init__(self) -> None:
        self.rows = ["| case | median wall s | peak MB | ratio | others' load |",
                     "| --- | ---: | ---: | ---: | ---: |"]  # fmt: skip
        self.marked = False

    def add(self, label: str, r: Result, ratio: str = "", digits: int = 2) -> None:
        load = "" if r.others is None else f"{100 * r.others:.0f}%"
        if r.busy:
            load += " (busy)"
            self.marked = True
        self.rows.append(f"| {label} | {r.wall:.{digits}f} | {r.rss:.0f} | {ratio} | {load} |")


SINGLE = {"FACTCHECK_JOBS": "1"}


def startup(t: Table, fc: list[str], runs: int, folder: Path) -> None:
    """One statement beside the import floor of the stack; the source article."""
    one = folder / "one.txt"
    one.write_text("Musk donated $44M to OpenAI.\n", encoding="utf-8")
    r = median_of({"floor": (FLOOR, None, None), "one": ([*fc, "--format", "json"], one, None),
                   "text": ([*fc, "--no-color"], one, None)}, max(runs, 7))  # fmt: skip
    floor = r["floor"].wall
    t.add("import floor (typer, rich, rapidfuzz, yaml)", r["floor"], "1.00", 3)
    t.add("one statement (JSON)", r["one"], f"{r['one'].wall / floor:.2f} × floor", 3)
    t.add("one statement (the text report)", r["text"], f"{r['text'].wall / floor:.2f} × floor", 3)
    r = median_of({"article": ([*fc, "--format", "json", "-f", str(SOURCE)], None, None)}, runs)
    t.add("the source article", r["article"], "", 3)


def throughput(t: Table, fc: list[str], runs: int, folder: Path) -> None:
    """Distinct statements about the bundled record's people and organisations beside the
    bare cdist pass over the same statements; repeating statements."""
    people, orgs = bundled_names()
    sizes = (2000, 20000)
    distinct = {n: write_statements(distinct_statements(n, people, orgs), folder / f"d{n}.txt")
                for n in sizes}  # fmt: skip
    texts = claim_texts(folder / "claims.txt")
    cmds: dict[str, Case] = {
        "cdist": ([sys.executable, "-c", CDIST, str(distinct[20000]), str(texts)], None, None),
        **{f"d{n}": ([*fc, "--format", "json", "-f", str(p)], None, None) for n, p in distinct.items()},
        "d20000-1": ([*fc, "--format", "json", "-f", str(distinct[20000])], None, SINGLE),
        **{str(n): ([*fc, "--format", "json", "-f", str(statements_file(n, folder))], None, None)
           for n in sizes},
    }  # fmt: skip
    r = median_of(cmds, max(1, runs // 2))
    bare = r["cdist"].wall
    t.add("bare cdist: 20,000 distinct statements × the claim texts, all cores", r["cdist"], "1.00")
    t.add("2,000 distinct statements", r["d2000"], f"{r['d2000'].wall / bare:.2f} × cdist")
    growth = r["d20000"].wall / r["d2000"].wall
    t.add("20,000 distinct statements", r["d20000"],
          f"{r['d20000'].wall / bare:.2f} × cdist, {growth:.2f} × 2,000")  # fmt: skip
    t.add("20,000 distinct statements, FACTCHECK_JOBS=1", r["d20000-1"],
          f"{r['d20000-1'].wall / bare:.2f} × cdist")  # fmt: skip
    t.add("2,000 statements, repeating", r["2000"])
    t.add(
        "20,000 statements, repeating",
        r["20000"],
        f"{r['20000'].wall / r['2000'].wall:.2f} × 2,000",
    )


def records(t: Table, fc: list[str], runs: int, folder: Path) -> None:
    """Realistic distinct statements (about the generated people as well as the bundled
    record's) against the bundled record and a generated 50,000-claim record."""
    people, orgs = bundled_names()
    sizes = (2000, 20000)
    big, synthetic = synthetic_record(50000, folder)
    mixed = synthetic[: len(people) * 4] + people
    every_org = [*orgs, *[(o, o) for o in ORGS]]
    realistic = {n: write_statements(distinct_statements(n, mixed, every_org, seed=17), folder / f"r{n}.txt")
                 for n in sizes}  # fmt: skip
    # the first run prepares the record (parse, validate, index) and fills the cache
    warm = measure([*fc, "--format", "json", "--claims", str(big), "hello"], None, SINGLE)
    t.add("preparing the 50,000-claim record (first run, one statement)",
          Result(warm.wall, warm.rss, warm.others), "", 1)  # fmt: skip
    cmds: dict[str, Case] = {}
    for n, p in realistic.items():
        cmds[f"b{n}"] = ([*fc, "--format", "json", "-f", str(p)], None, SINGLE)
        cmds[f"l{n}"] = (
            [*fc, "--format", "json", "-f", str(p), "--claims", str(big)],
            None,
            SINGLE,
        )
    r = median_of(cmds, max(1, runs // 2))
    for n in sizes:
        t.add(f"{n:,} realistic distinct statements, bundled record, JOBS=1", r[f"b{n}"])
        t.add(f"{n:,} realistic distinct statements, 50,000-claim record, JOBS=1", r[f"l{n}"],
              f"{r[f'l{n}'].wall / r[f'b{n}'].wall:.2f} × bundled")  # fmt: skip


def report_formats(t: Table, fc: list[str], folder: Path) -> None:
    """The text report beside JSON on a 10 MB input."""
    ten = large_file(10, folder)
    r = median_of({"json": ([*fc, "--format", "json", "-f", str(ten)], None, None),
                   "text": ([*fc, "--no-color", "-f", str(ten)], None, None)}, 1)  # fmt: skip
    t.add("a 10 MB input, JSON (one run)", r["json"], "", 1)
    t.add("a 10 MB input, the text report (one run)", r["text"],
          f"{r['text'].wall / r['json'].wall:.2f} × JSON", 1)  # fmt: skip
    ten.unlink()


def _cases(value: str) -> tuple[str, ...]:
    chosen = tuple(c.strip() for c in value.split(",") if c.strip())
    unknown = sorted(set(chosen) - set(CLUSTER_CASES))
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"cases are {', '.join(CLUSTER_CASES)}, not {value!r}")
    return chosen


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--large", action="store_true", help="also a 100 MB input (slow)")
    ap.add_argument("--busy-ok", action="store_true",
                    help="run even when the machine is busy (the busy cases are marked)")  # fmt: skip
    ap.add_argument(
        "--cluster",
        action="store_true",
        help="only the local Dask cluster beside local runs (needs factcheck[dask])",
    )
    ap.add_argument("--sizes", type=lambda v: [int(n) for n in v.split(",")],
                    default=[20_000, 200_000], help="with --cluster: statements per case")  # fmt: skip
    ap.add_argument("--cases", type=_cases, default=CLUSTER_CASES,
                    help="with --cluster: the cases to run, of " + ",".join(CLUSTER_CASES))  # fmt: skip
    args = ap.parse_args()
    try:
        import numpy  # noqa: F401  (rapidfuzz's cdist, the floor of the matching work)
    except ImportError:
        sys.exit("bench/run.py measures rapidfuzz's cdist as the floor: pip install numpy")
    load = others_load()
    if load is not None and load > REFUSE and not args.busy_ok:
        sys.exit(f"the machine is busy ({100 * load:.0f}% of {CORES} cores in use by others): "
                 "absolute times would be noise; run it on a quiet machine, or pass --busy-ok")  # fmt: skip
    runs = 2 if args.quick else args.runs
    fc = factcheck_cmd()
    # every run reads compiled modules, as from an installed package (an editable install
    # with PYTHONDONTWRITEBYTECODE set would otherwise compile the package in every run)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "factcheck")],
                   check=False, stdout=subprocess.DEVNULL)  # fmt: skip
    out = [
        f"machine: {platform.machine()}, {CORES} cores, Python {platform.python_version()}, "
        f"{platform.platform()}; others' load before the suite: "
        + ("unknown" if load is None else f"{100 * load:.0f}%"),
        "",
    ]
    t = Table()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # a cache folder of the suite's own: the user's is pruned to its 16 most recent
        # entries, and other runs on the machine (another checkout, its tests) would push the
        # 50,000-claim record out, so that a case silently paid for preparing it again
        os.environ["FACTCHECK_CACHE_DIR"] = str(folder / "cache")
        # filled before anything is measured: the bundled record's entry, the patterns' code
        subprocess.run([*fc, "--format", "json", "hello"], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        if args.cluster:
            out.append("| case | median wall s | CPU s (factcheck) | CPU s (running cluster) "
                       "| peak MB (one process) | ratio | others' load |")  # fmt: skip
            out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
            print("\n".join(out), flush=True)
            for row in cluster_cases(fc, folder, max(1, runs // 2), args.sizes, args.cases):
                print(row, flush=True)
            return 0
        startup(t, fc, runs, folder)
        throughput(t, fc, runs, folder)
        records(t, fc, runs, folder)
        if not args.quick:
            report_formats(t, fc, folder)
        if args.large:
            hundred = large_file(100, folder)
            r = median_of({"json": ([*fc, "--format", "json", "-f", str(hundred)], None, None)}, 1)
            t.add("a 100 MB input, JSON (one run)", r["json"], "", 1)
    out += t.rows
    if t.marked:
        out += ["", f"(busy): another process used more than {100 * BUSY:.0f}% of the machine "
                "during at least one run of the case; its times are not to be trusted."]  # fmt: skip
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
