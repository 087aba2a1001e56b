"""One run: statements -> candidates -> comparison -> findings. Never prints."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from factcheck.decide import Judgement, judge
from factcheck.index.store import Index
from factcheck.marks import locate_conflict
from factcheck.model import POLAR, ConflictKind, Finding, Span, Statement, Verdict
from factcheck.normalize.regex import LazyPattern
from factcheck.normalize.words import opens_with
from factcheck.order import ordered
from factcheck.text.clauses import CONTRAST, clauses
from factcheck.text.segment import iter_statements
from factcheck.verdict.names import AGENTS

_SPACES = LazyPattern(r"[ \t]{2,}")
MEMO_LIMIT = 50_000  # distinct statements remembered within one input

if TYPE_CHECKING:
    from factcheck.features import Features

# what joins two names of a list ("A, B and C", "A and the CTO B"), not an appositive that
# describes the first ("Luke Nosek, a co-founder of PayPal": its last word a preposition)
_LIST_JOIN = LazyPattern(
    r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:[\w'’.-]+\s+){0,3}$"
    r"(?<!\bof\s)(?<!\bin\s)(?<!\bat\s)(?<!\bfor\s)(?<!\bfrom\s)(?<!\bwith\s)(?<!\bby\s)"
)


def distributed(f: Features, kind: dict[str, str]) -> list[str]:
    """One statement for each name of a list the verb acts on: "Altman recruited Brockman
    and Sutskever" is "Altman recruited Brockman" and "Altman recruited Sutskever", each
    judged on its own (English; a list after the statement's first name, not its subject)."""
    if f.japanese:
        return [f.text]
    named = [m for m in f.mentions if kind.get(m.entity) in AGENTS]
    if len(named) < 3:
        return [f.text]
    text = f.text
    if not opens_with(text, named[0].start):  # the statement must open with its subject
        return [f.text]
    items = [named[1]]
    for m in named[2:]:
        if not _LIST_JOIN.fullmatch(text[items[-1].end : m.start]):
            break
        items.append(m)
    if len(items) < 2 or text[named[0].end : items[0].start].strip(" ,").count(" ") > 3:
        return [f.text]
    head, tail = text[: items[0].start], text[items[-1].end :]
    return [head + text[m.start : m.end] + tail for m in items]


def _added(index: Index, f: Features, j: Judgement) -> Judgement:
    """A list item judged alone and contradicted by a name the list itself also gives
    ("$44M to OpenAI and Apple": Apple where the record has OpenAI) adds a name rather
    than swapping one: unknown, not contradicted."""
    c = j.conflict
    if c is None or c.kind is not ConflictKind.NAME or not c.source_value:
        return j
    if not {m.entity for m in index.matcher.find(c.source_value)} & f.entities:
        return j
    return replace(j, verdict=Verdict.UNKNOWN, conflict=None, citation=None, claim_id=None,
                   claim_text=None, reason=f"the record does not state “{c.statement_value}” here")  # fmt: skip


_SEVERITY = {Verdict.CONTRADICTED: 2, Verdict.SUPPORTED: 1, Verdict.UNKNOWN: 0}


def judge_statement(index: Index, text: str) -> Judgement:
    """Judge a whole statement and its parts: contradicted if any part is, supported if the
    whole (or every part) is."""
    f = index.features(text)
    whole = judge(index, f)
    if (order := ordered(index, f, whole, judge)) is not None:
        return order
    parts = clauses(f.text, f.japanese)
    listed = len(parts) == 1
    if listed:
        parts = distributed(f, index.matcher.kind)
    if len(parts) == 1 or (whole.near_copy and whole.verdict is Verdict.SUPPORTED):
        return whole
    judged = [judge(index, index.features(p)) for p in parts]
    if listed:  # a name the record has in its place that the list also names: an addition
        judged = [_added(index, f, j) for j in judged]
    contra = [j for j in judged if j.verdict is Verdict.CONTRADICTED]
    if whole.verdict is Verdict.CONTRADICTED and not (
        whole.conflict is not None
        and whole.conflict.kind in POLAR
        and all(j.verdict is Verdict.SUPPORTED for j in judged)
    ):
        # (a negation or opposite read over the whole, while each part is supported on its
        # own, belongs to a part where it agrees: "…, a claim OpenAI strongly rejects")
        return whole
    if whole.verdict is Verdict.SUPPORTED and f.japanese and CONTRAST.search(f.text):
        # a negation or opposite read in one part, while the whole is supported, belongs
        # to the other side of a contrast the part has lost ("A was praised, but B worried")
        contra = [j for j in contra if j.conflict is None or j.conflict.kind not in POLAR]
    if contra:
        return max(contra, key=lambda j: j.score)
    untold = [j for j in judged if j.verdict is Verdict.UNKNOWN]
    if listed and untold:  # every name of the list must be told: one the record lacks
        return max(untold, key=lambda j: j.score)
    if whole.verdict is Verdict.SUPPORTED and f.japanese and CONTRAST.search(f.text):
        return whole
    if all(j.verdict is Verdict.SUPPORTED for j in judged):
        return max(judged, key=lambda j: j.score)
    return whole


PARALLEL_AFTER = 500  # distinct statements judged in this process before sharing the rest
CHUNK = 256  # statements sent to a worker at a time
_INHERITED: list[Index] = []  # in a worker process: the index it was forked with


def _workers() -> int:
    """Worker processes worth starting: the cores this process may use (at most 8, or
    FACTCHECK_JOBS), and none where processes cannot be forked (the index is inherited,
    never sent) or FACTCHECK_JOBS is 1."""
    import multiprocessing
    import os

    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    wanted = os.environ.get("FACTCHECK_JOBS", "").strip()
    limit = int(wanted) if wanted.isdigit() else 8
    n = min(cores, limit)
    return n if n > 1 else 0


def _worker_start(index: Index) -> None:
    """In a worker process: keep the index it was forked with (handed to the initializer,
    inherited, never pickled); Ctrl-C is the parent's to handle (it stops the workers), so
    a worker never prints a traceback of its own."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _INHERITED[:] = [index]


def _judge_all(texts: list[str]) -> list[Judgement]:
    """In a worker process: judge each text (a :func:`_key`) against the inherited index."""
    index = _INHERITED[0]
    return [_judge_key(index, t) for t in texts]


_SEP = "\x00"  # between a statement and what it is judged as, in a key


def _key(st: Statement) -> str:
    """What a statement is remembered and sent to a worker by: its text, and what it is
    judged as when that differs."""
    return st.text if st.judged is None else st.text + _SEP + st.judged


def _judge_key(index: Index, key: str) -> Judgement:
    """A statement that nearly copies a source passage is judged as written (a passage is
    read with its own source's dates); otherwise as what it stands for ("He" as the name)."""
    text, _, judged = key.partition(_SEP)
    first = judge_statement(index, text)
    if not judged or first.near_copy:
        return first
    return judge_statement(index, judged)


def _shared(j: Judgement, canon: dict[object, Any]) -> Judgement:
    """A judgement from a worker with its claim id, claim text and citation shared with the
    judgements before it (each arrives as a fresh copy): the memo stays small."""
    one = canon.setdefault
    considered = tuple((one(cid, cid), score) for cid, score in j.considered)
    return replace(j, claim_id=one(j.claim_id, j.claim_id), claim_text=one(j.claim_text, j.claim_text),
                   citation=one(j.citation, j.citation), considered=considered)  # fmt: skip


def _finding(input_name: str, st: Statement, j: Judgement) -> Finding:
    conflict = j.conflict
    if conflict is not None:  # where each side's value is, for the reports to mark
        conflict = locate_conflict(conflict, st.text, j.citation.passage if j.citation else "")
    return Finding(input_name, st.text, st.span, j.verdict, j.score, j.claim_id, j.claim_text,
                   j.reason, j.citation, j.considered, conflict, j.disagreement)  # fmt: skip


def check_statements(index: Index, statements: Iterable[Statement], input_name: str,
                     progress: Callable[[int], None] | None = None,
                     parallel: bool = True) -> Iterator[Finding]:  # fmt: skip
    """A finding for each statement, in order, as it is judged.

    A long input (more than ``PARALLEL_AFTER`` distinct statements) is shared among worker
    processes for the rest of the way, when there are several cores; a short one never
    starts a process."""
    seen: dict[str, Judgement] = {}  # a sentence repeated in the input is judged once
    rest = _resolved(index, statements)
    yield from _check_here(index, rest, input_name, progress, seen,
                           PARALLEL_AFTER if parallel else None)  # fmt: skip
    if len(seen) < PARALLEL_AFTER or not parallel:
        return  # the input ended first (multiprocessing is not even imported)
    workers = _workers()
    if workers:
        yield from _check_in_parallel(index, rest, input_name, progress, seen, workers)
    else:
        yield from _check_here(index, rest, input_name, progress, seen)


def _remember(seen: dict[str, Judgement], text: str, j: Judgement) -> None:
    if len(seen) < MEMO_LIMIT:
        seen[text] = j


_PRONOUN = LazyPattern(r"\b(?:[Hh]e|[Ss]he)\b(?!')|^(?:His|Her)\b|彼女?(?=[はがもの])")
_THE_ORG = LazyPattern(
    r"(?:The|the) (?:company|lab|laboratory|startup|start-up|firm|nonprofit|organi[sz]ation)\b(?!')"
    r"|同社|同組織|同団体"
)
_LOOK_BACK = 6  # statements searched for the person (or organisation) a pronoun stands for


def _resolved(index: Index, statements: Iterable[Statement]) -> Iterator[Statement]:
    """Statements whose subject is "he" or "she" ("His", "Her" opening them) and that name no
    person, judged as about the person the nearest statement before them names first ("Musk
    founded X. He gave $44M." judges "Musk gave $44M."); one that opens with "The company"
    (the lab, the startup) as about the organisation named last. The finding still quotes
    the statement as written."""
    before: list[str] = []
    names: dict[str, list[tuple[str, str | None]]] = {}  # the window's texts, read once each

    def named(text: str, kind: str) -> list[str]:
        if text not in names:
            kinds = index.matcher.kind
            names[text] = [(m.entity, kinds.get(m.entity)) for m in index.matcher.find(text)]
        return [e for e, k in names[text] if k == kind]

    for given in statements:
        st = given
        m = _PRONOUN.search(st.text)
        if m is not None and not named(st.text, "person"):
            who = next((p for t in reversed(before) if (p := named(t, "person"))), None)
            if who is not None:
                japanese = m.group(0).startswith("彼")
                name = index.matcher.display(who[0], "ja" if japanese else "en")
                said = name + ("'s" if m.group(0) in ("His", "Her") else "")
                st = replace(st, judged=st.text[: m.start()] + said + st.text[m.end() :])
        base = st.judged or st.text  # (with "he" already read: "The company said he ...")
        m = _THE_ORG.match(base)
        if m is not None:
            which = next((o for t in reversed(before) if (o := named(t, "org"))), None)
            if which is not None:
                lang = "ja" if m.group(0).startswith("同") else "en"
                name = index.matcher.display(which[0], lang)
                st = replace(st, judged=name + base[m.end() :])
        before = [*before[-(_LOOK_BACK - 1) :], st.text]
        for gone in names.keys() - set(before):
            del names[gone]
        yield st


def _check_here(index: Index, statements: Iterator[Statement], input_name: str,
                progress: Callable[[int], None] | None, seen: dict[str, Judgement],
                stop_after: int | None = None) -> Iterator[Finding]:  # fmt: skip
    """Judge statements in this process, until ``stop_after`` distinct ones (if given)."""
    for st in statements:
        if progress is not None:
            progress(1)  # one more statement under way (the CLI's progress display)
        said = _key(st)
        j = seen.get(said)
        if j is None:
            j = _judge_key(index, said)
            _remember(seen, said, j)
            if stop_after is not None and len(seen) == stop_after:
                yield _finding(input_name, st, j)
                return
        yield _finding(input_name, st, j)


def _check_in_parallel(index: Index, statements: Iterator[Statement], input_name: str,
                       progress: Callable[[int], None] | None,
                       seen: dict[str, Judgement], workers: int) -> Iterator[Finding]:  # fmt: skip
    """The rest of the statements, judged by ``workers`` processes a chunk at a time;
    findings in input order. At most two chunks per worker are under way: memory stays
    bounded."""
    import multiprocessing
    from collections import deque
    from itertools import islice

    canon: dict[object, Any] = {}  # one copy of each claim id, claim text and citation
    pending: deque[tuple[list[Statement], list[str], Any]] = deque()
    try:  # (forked: the initializer's argument is inherited, not pickled)
        pool = multiprocessing.get_context("fork").Pool(workers, initializer=_worker_start,
                                                        initargs=(index,))  # fmt: skip
    except OSError:  # no process semaphores here (a sandbox without /dev/shm): carry on
        yield from _check_here(index, statements, input_name, progress, seen)
        return
    with pool:
        while True:
            chunk = list(islice(statements, CHUNK))
            if chunk:
                texts = list(dict.fromkeys(k for k in map(_key, chunk) if k not in seen))
                pending.append((chunk, texts, pool.apply_async(_judge_all, (texts,))))
            while pending and (not chunk or len(pending) > 2 * workers):
                done, texts, result = pending.popleft()
                fresh = {t: _shared(j, canon) for t, j in zip(texts, result.get(), strict=True)}
                for st in done:
                    if progress is not None:
                        progress(1)
                    j = seen.get(_key(st)) or fresh[_key(st)]
                    yield _finding(input_name, st, j)
                for text, j in fresh.items():
                    _remember(seen, text, j)
            if not chunk:
                break


def iter_findings(text: str, index: Index, input_name: str = "<text>",
                  regions: list[Span] | None = None, *,
                  analysis_text: str | None = None,
                  statements: Iterable[Statement] | None = None,
                  progress: Callable[[int], None] | None = None) -> Iterator[Finding]:  # fmt: skip
    """Check ``text`` (or only ``regions`` of it) against ``index`` (the prepared record),
    finding by finding: memory stays bounded whatever the size of the input.

    ``analysis_text`` (same length as ``text``, e.g. a Markdown prose mask) is split and judged
    instead; each finding still quotes ``text`` at the statement's span. ``statements`` of
    such a text (``markdown.Prose(text).statements()``) are judged the same way, without
    that text ever being whole in memory."""
    masked = analysis_text is not None or statements is not None
    if statements is None:
        source = text if analysis_text is None else analysis_text
        spans = [Span(0, len(source))] if regions is None else regions
        statements = (s for r in spans for s in iter_statements(source, r.start, r.end))
    if masked:  # masked markup leaves runs of spaces: judge words only
        statements = (Statement(_SPACES.sub(" ", s.text), s.span) for s in statements)
    for f in check_statements(index, statements, input_name, progress):
        yield replace(f, statement=text[f.span.start : f.span.end]) if masked else f


def check_text(text: str, index: Index, input_name: str = "<text>",
               regions: list[Span] | None = None, *,
               analysis_text: str | None = None,
               progress: Callable[[int], None] | None = None) -> list[Finding]:  # fmt: skip
    """Every finding of :func:`iter_findings`, in input order."""
    return list(iter_findings(text, index, input_name, regions,
                              analysis_text=analysis_text, progress=progress))  # fmt: skip


def document_findings(name: str, text: str, markdown: bool, index: Index,
                      progress: Callable[[int], None] | None = None,
                      on_stop: Callable[[str], object] | None = None) -> Iterator[Finding]:  # fmt: skip
    """The findings of one document, as they are judged; in Markdown only the prose is
    checked and the ignore switches are honoured. ``on_stop`` hears where a Markdown
    document's checking stopped early, if it did."""
    if not markdown:
        yield from iter_findings(text, index, name, progress=progress)
        return
    from factcheck.guide import drop_ignored
    from factcheck.text.markdown import Prose

    prose = Prose(text)  # the prose mask made and split piece by piece, never whole
    found = iter_findings(text, index, name, statements=prose.statements(), progress=progress)
    yield from drop_ignored(found, text, prose.ignored)  # filled as it is read
    stopped = prose.stopped_at()
    if stopped is not None and on_stop is not None:
        on_stop(f"{name}:{stopped[0]}: {stopped[1]}: the rest of the file is not checked")
