import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers import run_factcheck


def run(*args: str, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    result = run_factcheck(*args, input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_supported_text_exits_0_and_cites_the_passage() -> None:
    code, out, _ = run("Musk donated $44M to OpenAI.", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    (r,) = doc["results"]
    assert r["verdict"] == "supported"
    assert "4400万ドル" in r["citation"]["passage"]
    assert r["citation"]["path"].startswith("sources/")
    assert (r["line"], r["column"], r["end_line"], r["end_column"]) == (1, 1, 1, 29)
    assert doc["summary"] == {"statements": 1, "supported": 1, "contradicted": 0, "unknown": 0}


def test_contradicted_japanese_exits_1_with_a_reason() -> None:
    code, out, _ = run("マスクはOpenAIに5000万ドルを寄付した。", "--format", "json")
    assert code == 1
    (r,) = json.loads(out)["results"]
    assert r["verdict"] == "contradicted"
    assert "$50M" in r["reason"] and "$44M" in r["reason"]


def test_unknown_exits_0_and_fail_on_unknown_exits_1() -> None:
    text = "Tesla was founded in 2003 by Martin Eberhard."
    code, out, _ = run(text, "--format", "json")
    assert code == 0
    (r,) = json.loads(out)["results"]
    assert r["verdict"] == "unknown" and r["citation"] is None and r["claim"] is None
    assert run(text, "--fail-on", "unknown")[0] == 1


def test_stdin_and_dash() -> None:
    code, out, _ = run("--format", "json", stdin="Musk donated $44M to OpenAI.\n")
    assert code == 0
    assert json.loads(out)["results"][0]["input"] == "<stdin>"
    code, out, _ = run("-", "--format", "json", stdin="Musk donated $44M to OpenAI.\n")
    assert json.loads(out)["results"][0]["input"] == "<stdin>"


def test_empty_input_says_nothing_to_check() -> None:
    code, out, err = run("--format", "json", stdin="  \n\n")
    assert code == 2
    assert json.loads(out)["results"] == []
    assert "nothing to check" in err


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Musk donated \xff\xfe money.")
    code, _, err = run("--file", str(bad))
    assert code == 2
    assert err.strip().count("\n") == 0 and "offset 13" in err and "bad.txt" in err
    binary = tmp_path / "bin.dat"
    binary.write_bytes(b"abc\x00def")
    code, _, err = run("-f", str(binary))
    assert code == 2 and "binary" in err
    code, _, err = run("-f", str(tmp_path / "missing.md"))
    assert code == 2 and "no such file" in err
    code, _, err = run("x", "--claims", str(tmp_path / "nowhere.yaml"))
    assert code == 2 and "not found" in err


def test_text_format_shows_verdict_reason_and_citation() -> None:
    code, out, _ = run("Musk donated $50M to OpenAI in total.", "--no-color")
    assert code == 1
    assert "contradicted" in out and "$44M" in out and "tencent-2024-03-06.txt:34" in out
    assert "\x1b[" not in out


def test_installed_command_from_another_directory(tmp_path: Path) -> None:
    exe = shutil.which("factcheck", path=str(Path(sys.executable).parent)) or shutil.which(
        "factcheck"
    )
    assert exe, "the factcheck command is not installed"
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run([exe, "Musk donated $44M to OpenAI.", "--format", "json"],
                          cwd=tmp_path, capture_output=True, text=True, env=env, check=False)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["results"][0]["verdict"] == "supported"
    proc = subprocess.run([exe, "-f", "nope.txt"], cwd=tmp_path, capture_output=True, text=True,
                          env=env, check=False)  # fmt: skip
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
