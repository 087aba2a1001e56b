"""GitHub Actions workflow commands: an annotation per problem, grouped per file.

Contradicted statements become ``::error``, unknown ones ``::notice``; supported statements
are not annotated. :func:`step_summary` is the Markdown table for ``$GITHUB_STEP_SUMMARY``
(the command line appends it; formatters never write files). A file name reaches the output
with its control characters and undecodable bytes as visible escapes (``\\x1b``), as in the
other formats: a workflow log is shown on a terminal too.
"""

from __future__ import annotations

from factcheck.errors import one_line
from factcheck.model import Finding, Verdict
from factcheck.report import Context, summary
from factcheck.report.positions import locate

PSEUDO_INPUTS = ("<text>", "<stdin>")
_LEVEL = {Verdict.CONTRADICTED: "error", Verdict.UNKNOWN: "notice"}


def escape_data(value: str) -> str:
    """The message of a workflow command: %, CR and LF percent-encoded."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A property value: as the message, plus ':' and ','."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def message(f: Finding) -> str:
    """The annotation text: the reason, the claim and the cited passage, one per line."""
    lines = [f.reason or f"{f.verdict.value}: the record does not address this statement"]
    if f.claim_id:
        lines.append(f"Claim {f.claim_id}: {f.claim_text or ''}".rstrip())
    if f.citation:
        c = f.citation
        lines.append(f"Source {c.path}:{c.line}: {c.passage}")
    return "\n".join(lines)


def title(f: Finding) -> str:
    word = "Contradicted" if f.verdict is Verdict.CONTRADICTED else "Unknown"
    return f"factcheck: {word} ({f.claim_id})" if f.claim_id else f"factcheck: {word}"


def command(f: Finding, ctx: Context) -> str:
    """One ``::error`` or ``::notice`` line for a finding."""
    props: list[tuple[str, str]] = []
    if f.input not in PSEUDO_INPUTS:
        line, col, end_line, end_col = locate(ctx.texts.get(f.input, ""), f.span)
        single = end_line == line  # GitHub takes columns only for a range within one line
        props += [("file", one_line(f.input.replace("\\", "/"))), ("line", str(line)),
                  *([("col", str(col))] if single else []), ("endLine", str(end_line)),
                  *([("endColumn", str(max(col, end_col - 1)))] if single else [])]  # fmt: skip
    props.append(("title", title(f)))
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{_LEVEL[f.verdict]} {head}::{escape_data(message(f))}"


def render(findings: list[Finding], ctx: Context) -> str:
    by_input: dict[str, list[Finding]] = {}
    for f in findings:
        by_input.setdefault(f.input, []).append(f)
    out: list[str] = []
    for name, group in by_input.items():
        counts = summary(group)
        out.append(f"::group::factcheck {escape_data(one_line(name))}: {_counts(counts)}")
        out.extend(command(f, ctx) for f in group if f.verdict in _LEVEL)
        out.append("::endgroup::")
    out.append(f"factcheck: {_counts(summary(findings))}")
    return "\n".join(out) + "\n"


def _counts(counts: dict[str, int]) -> str:
    return (f"{counts['statements']} statements, {counts['supported']} supported, "
            f"{counts['contradicted']} contradicted, {counts['unknown']} unknown")  # fmt: skip


def _cell(value: str) -> str:
    return " ".join(value.split()).replace("|", "\\|")


# GitHub shows at most this many annotations of each kind (error, notice) per step, and
# refuses a step summary larger than 1 MiB.
ANNOTATIONS_SHOWN = 10
SUMMARY_CAP = 1024 * 1024
_SUMMARY_ROOM = SUMMARY_CAP - 4096  # kept for the closing note and earlier steps' lines


def _annotation_note(findings: list[Finding]) -> list[str]:
    """A line saying which problems GitHub does not annotate (past 10 of a kind)."""
    left = {
        word: max(0, sum(1 for f in findings if f.verdict is verdict) - ANNOTATIONS_SHOWN)
        for verdict, word in ((Verdict.CONTRADICTED, "contradicted"), (Verdict.UNKNOWN, "unknown"))
    }
    parts = [f"{n} {word}" for word, n in left.items() if n]
    if not parts:
        return []
    return [f"GitHub annotates at most {ANNOTATIONS_SHOWN} errors and {ANNOTATIONS_SHOWN} "
            f"notices per step: {' and '.join(parts)} statements are not marked on their "
            "lines; the table lists them.", ""]  # fmt: skip


def step_summary(findings: list[Finding], ctx: Context) -> str:
    """A Markdown summary: the counts, then a table of the contradicted and unknown statements.

    It stays under GitHub's 1 MiB cap: rows that would pass it are left out, and a line says
    how many; it also says which problems GitHub left without an annotation."""
    counts = summary(findings)
    out = [
        "### factcheck",
        "",
        f"{counts['statements']} statements: {counts['supported']} supported, "
        f"**{counts['contradicted']} contradicted**, {counts['unknown']} unknown.",
        "",
    ]
    problems = [f for f in findings if f.verdict in _LEVEL]
    out += _annotation_note(problems)
    if problems:
        out += ["| | Where | Statement | Why | Claim |", "| --- | --- | --- | --- | --- |"]
        size = sum(len(line.encode("utf-8")) + 1 for line in out)
        for shown, f in enumerate(problems):
            line = locate(ctx.texts.get(f.input, ""), f.span)[0]
            mark = "❌ contradicted" if f.verdict is Verdict.CONTRADICTED else "❔ unknown"
            claim = f"`{f.claim_id}`" if f.claim_id else ""
            row = (f"| {mark} | `{_cell(one_line(f.input))}:{line}` | {_cell(f.statement)} "
                   f"| {_cell(f.reason or '')} | {claim} |")  # fmt: skip
            size += len(row.encode("utf-8")) + 1
            if size > _SUMMARY_ROOM:
                out += ["", f"{len(problems) - shown} more rows left out: a step summary is "
                        "capped at 1 MiB (`--format json -o FILE` keeps every finding)."]  # fmt: skip
                break
            out.append(row)
        out.append("")
    return "\n".join(out) + "\n"
