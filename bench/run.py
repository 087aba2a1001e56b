"""factcheck benchmarks: whole-process wall time and peak memory, seeded and deterministic.

    python bench/run.py            # all cases, 5 runs each, results as Markdown on stdout
    python bench/run.py --quick    # fewer runs and sizes, for a quick look
    python bench/run.py --large    # also a 10 MB and a 100 MB input (several minutes)
    python bench/run.py --cluster  # only: a local Dask cluster beside local runs (factcheck[dask])

Each case runs the installed ``factcheck`` command in a subprocess; times are medians of
interleaved runs, peak memory is the child's maximum resident set size. Ratios are taken
within the same run, since absolute times drift on shared machines.
"""

from __future__ import annotations

import argparse
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "sources" / "tencent-2024-03-06.txt"
FLOOR = [sys.executable, "-c", "import typer, rich.console, rapidfuzz.process, yaml"]


def factcheck_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "factcheck"
    return [str(exe)] if exe.exists() else [shutil.which("factcheck") or "factcheck"]


TIME = shutil.which("time", path="/usr/bin:/bin")


def measure(cmd: list[str], stdin_path: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS in MB of one run (GNU time's %M where available: the
    child's own peak, not the pages it shares with this process before exec)."""
    if TIME:
        with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
            stdin = stdin_path.open("rb") if stdin_path else subprocess.DEVNULL
            start = time.perf_counter()
            proc = subprocess.run([TIME, "-f", "%M", "-o", rss.name, *cmd], stdin=stdin,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)  # fmt: skip
            wall = time.perf_counter() - start
            if stdin_path:
                stdin.close()  # type: ignore[union-attr]
            _check(cmd, proc.returncode, proc.stderr)
            return wall, int(rss.read().strip().splitlines()[-1]) / 1024
    stdin = stdin_path.open("rb") if stdin_path else subprocess.DEVNULL
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if stdin_path:
        stdin.close()  # type: ignore[union-attr]
    return wall, usage.ru_maxrss / 1024


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
    """``n`` statements drawn from the article, a third with a number changed; with
    ``distinct``, every statement is made different (a running number in each), so that
    none is answered from the memo of repeated sentences."""
    rng = random.Random(seed)
    en, ja = article_sentences()
    pool = en + ja
    lines = []
    for i in range(n):
        s = pool[rng.randrange(len(pool))]
        if i % 3 == 0:
            s = change_number(s, rng)
        if distinct:
            s = _numbered(s, i)
        lines.append(s)
    path = folder / f"statements_{n}{'_distinct' if distinct else ''}.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return path


def _numbered(sentence: str, i: int) -> str:
    """The sentence with a reference number before its final stop ("… (no. 12)."/"…(第12号)。")."""
    body, stop = (sentence[:-1], sentence[-1]) if sentence[-1:] in ".。" else (sentence, "")
    return f"{body}（第{i}号）{stop}" if stop == "。" else f"{body} (no. {i}){stop}"


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


def synthetic_record(n: int, folder: Path, seed: int = 11) -> Path:
    """A record of ``n`` generated claims (with the bundled source), in the record's format."""
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
        people.append((eid, f"{first} {last}{i}"))
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
        eid, name = rng.choice(people)
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
    return path


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


def cluster_cases(fc: list[str], folder: Path, runs: int, sizes: list[int]) -> Iterator[str]:
    """The same archives checked locally and on a local Dask cluster (one worker process per
    core): --scheduler local (the cluster's start included) and a running cluster. A row as
    each case is measured (the large ones take minutes)."""
    from distributed import LocalCluster

    cores = len(os.sched_getaffinity(0))
    with LocalCluster(n_workers=cores, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:  # fmt: skip
        address = cluster.scheduler_address
        for n in sizes:
            archive = archive_folder(n, folder)
            one = statements_file(n, folder, distinct=True)
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
                w, m = median_of({key: ([*fc, "--format", "json", *args], None)}, runs)[key]
                wall[key] = w
                base = "local1" if key.endswith("1") else "local"
                ratio = f"{w / wall[base]:.2f} × local" if key != base else ""
                yield f"| {label} | {w:.2f} | {m:.0f} | {ratio} |"
            shutil.rmtree(archive)


def median_of(
    cmds: dict[str, tuple[list[str], Path | None]], runs: int
) -> dict[str, tuple[float, float]]:
    """Interleave the commands run by run; median wall time and max peak memory of each."""
    walls: dict[str, list[float]] = {k: [] for k in cmds}
    mems: dict[str, float] = dict.fromkeys(cmds, 0.0)
    for _ in range(runs):
        for name, (cmd, stdin) in cmds.items():
            w, m = measure(cmd, stdin)
            walls[name].append(w)
            mems[name] = max(mems[name], m)
    return {k: (statistics.median(v), mems[k]) for k, v in walls.items()}


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--large", action="store_true", help="also 10 MB and 100 MB inputs (slow)")
    ap.add_argument(
        "--cluster",
        action="store_true",
        help="only the local Dask cluster beside local runs (needs factcheck[dask])",
    )
    ap.add_argument("--sizes", type=lambda v: [int(n) for n in v.split(",")],
                    default=[20_000, 200_000], help="with --cluster: statements per case")  # fmt: skip
    args = ap.parse_args()
    runs = 2 if args.quick else args.runs
    fc = factcheck_cmd()
    # every run reads compiled modules, as from an installed package (an editable install
    # with PYTHONDONTWRITEBYTECODE set would otherwise compile the package in every run)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "factcheck")],
                   check=False, stdout=subprocess.DEVNULL)  # fmt: skip
    out = [
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.platform()}",
        "",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.cluster:
            out.append("| case | median wall s | peak MB (one process) | ratio |")
            out.append("| --- | ---: | ---: | ---: |")
            print("\n".join(out), flush=True)
            for row in cluster_cases(fc, folder, max(1, runs // 2), args.sizes):
                print(row, flush=True)
            return 0
        one = folder / "one.txt"
        one.write_text("Musk donated $44M to OpenAI.\n", encoding="utf-8")
        r = median_of(
            {"floor": (FLOOR, None), "one": ([*fc, "--format", "json"], one),
             "text": ([*fc, "--no-color"], one)},
            max(runs, 7),
        )  # fmt: skip
        out.append("| case | median wall s | peak MB | ratio |")
        out.append("| --- | ---: | ---: | ---: |")
        out.append(
            f"| import floor (typer, rich, rapidfuzz, yaml) | {r['floor'][0]:.3f} | {r['floor'][1]:.0f} | 1.00 |"
        )
        out.append(
            f"| one statement (JSON) | {r['one'][0]:.3f} | {r['one'][1]:.0f} | {r['one'][0] / r['floor'][0]:.2f} × floor |"
        )
        out.append(
            f"| one statement (the text report) | {r['text'][0]:.3f} | {r['text'][1]:.0f} | {r['text'][0] / r['floor'][0]:.2f} × floor |"
        )
        r = median_of({"article": ([*fc, "--format", "json", "-f", str(SOURCE)], None)}, runs)
        out.append(f"| the source article | {r['article'][0]:.3f} | {r['article'][1]:.0f} | |")
        files = {
            "2000": statements_file(2000, folder),
            "20000": statements_file(20000, folder),
            "2000d": statements_file(2000, folder, distinct=True),
            "20000d": statements_file(20000, folder, distinct=True),
        }
        r = median_of({n: ([*fc, "--format", "json", "-f", str(p)], None) for n, p in files.items()},
                      max(1, runs // 2))  # fmt: skip
        for key, label, base in [
            ("2000", "2,000 statements", ""),
            ("20000", "20,000 statements", "2000"),
            ("2000d", "2,000 statements, all distinct", ""),
            ("20000d", "20,000 statements, all distinct", "2000d"),
        ]:
            ratio = f"{r[key][0] / r[base][0]:.2f} × 2,000" if base else ""
            out.append(f"| {label} | {r[key][0]:.2f} | {r[key][1]:.0f} | {ratio} |")
        thousand = statements_file(1000, folder, seed=3)
        recs = {
            "bundled": None,
            **{str(n): synthetic_record(n, folder) for n in (1000, 10000, 50000)},
        }
        cmds = {}
        for name, rec in recs.items():
            extra = ["--claims", str(rec)] if rec else []
            cmds[name] = ([*fc, "--format", "json", "-f", str(thousand), *extra], None)
        # one warm-up run each, so that a content-keyed cache (if any) is filled
        for cmd, _ in cmds.values():
            measure(cmd)
        r = median_of(cmds, max(1, runs // 2))
        for name in recs:
            ratio = f"{r[name][0] / r['bundled'][0]:.2f} × bundled" if name != "bundled" else ""
            label = "bundled record" if name == "bundled" else f"{int(name):,}-claim record"
            out.append(
                f"| 1,000 statements, {label} | {r[name][0]:.2f} | {r[name][1]:.0f} | {ratio} |"
            )
        if args.large:
            for mb in (10, 100):
                big = large_file(mb, folder)
                w, m = measure([*fc, "--format", "json", "-f", str(big)])
                out.append(f"| a {mb} MB input (one run) | {w:.1f} | {m:.0f} | |")
                big.unlink()
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
