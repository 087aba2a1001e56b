"""Safe YAML with positions: plain data only, aliases bounded, every value located."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import RecordError
from factcheck.record.limits import MAX_DEPTH, MAX_NODES, MAX_RECORD_BYTES

_STD_TAGS = frozenset(
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)


class _Loc:
    """Where each value came from: containers by id, map keys and list items by parent."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.marks: dict[int, tuple[int, int]] = {}
        self.key_marks: dict[tuple[int, str | int], tuple[int, int]] = {}
        self.nodes = 0

    def where(self, obj: object, key: str | int | None = None) -> str:
        """``path:line:col`` of ``obj[key]`` (its key, for a mapping) or of ``obj`` itself."""
        mark = self.key_marks.get((id(obj), key)) if key is not None else None
        line, col = mark or self.marks.get(id(obj), (1, 1))
        return f"{self.path}:{line}:{col}"


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_expansion(root: yaml.Node, path: Path) -> None:
    """Refuse, before building anything, a document whose aliases expand beyond MAX_NODES
    nodes or refer to themselves, or whose values nest deeper than MAX_DEPTH levels (no
    record needs it, and the prepared record could not be stored). Each distinct node is
    visited once: a "billion laughs" document is refused in milliseconds."""
    sizes: dict[int, int] = {}
    heights: dict[int, int] = {}  # levels of nesting below each node, aliases expanded
    active: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            active.discard(key)
            sizes[key] = 1 + sum(sizes[id(c)] for c in _children(node))
            heights[key] = 1 + max((heights[id(c)] for c in _children(node)), default=0)
            if sizes[key] > MAX_NODES:
                raise RecordError([f"{path}: too many YAML nodes once aliases are expanded "
                                   f"(more than {MAX_NODES:,})"])  # fmt: skip
            if heights[key] > MAX_DEPTH:
                line, col = _mark(node)
                raise RecordError([f"{path}:{line}:{col}: values nested more than {MAX_DEPTH} "
                                   "levels deep"])  # fmt: skip
        elif key in active:
            line, col = _mark(node)
            raise RecordError([f"{path}:{line}:{col}: an alias refers to itself"])
        elif key not in sizes:
            active.add(key)
            stack.append((node, True))
            stack.extend((c, False) for c in _children(node))


def _convert(node: yaml.Node, loc: _Loc, problems: list[str]) -> Any:
    loc.nodes += 1
    if loc.nodes > MAX_NODES:
        raise RecordError([f"{loc.path}: too many YAML nodes (aliases expanding without bound?)"])
    line, col = _mark(node)
    if node.tag not in _STD_TAGS:
        problems.append(f"{loc.path}:{line}:{col}: YAML tag {node.tag!r} is not allowed")
        return None
    value: Any
    if isinstance(node, yaml.MappingNode):
        value = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, loc, problems)
            if not isinstance(key, str):
                key = str(key)
            kline, kcol = _mark(key_node)
            if key in value:
                problems.append(f"{loc.path}:{kline}:{kcol}: duplicate key {key!r}")
            value[key] = _convert(value_node, loc, problems)
            loc.key_marks[(id(value), key)] = (kline, kcol)
    elif isinstance(node, yaml.SequenceNode):
        value = []
        for i, child in enumerate(node.value):
            value.append(_convert(child, loc, problems))
            loc.key_marks[(id(value), i)] = _mark(child)
    else:
        value = yaml.SafeLoader.construct_scalar(_SCALAR_LOADER, node)  # type: ignore[arg-type]
        value = _resolve_scalar(node.tag, value)
    loc.marks[id(value)] = (line, col)
    return value


class _ScalarLoader(yaml.SafeLoader):
    def __init__(self) -> None:
        super().__init__("")


_SCALAR_LOADER = _ScalarLoader()


def _resolve_scalar(tag: str, raw: str) -> Any:
    kind = tag.rsplit(":", 1)[-1]
    if kind == "int":
        try:
            return int(raw.replace("_", ""), 0)
        except ValueError:
            return raw
    if kind == "float":
        try:
            return float(raw.replace("_", ""))
        except ValueError:
            return raw
    if kind == "bool":
        return raw.lower() in {"yes", "true", "on", "y"}
    if kind == "null":
        return None
    return raw  # str and timestamp stay text: dates are parsed by the record's own rules


def _read_text(path: Path, what: str) -> str:
    """A record file as text: bounded in size, UTF-8 (a BOM is allowed)."""
    try:
        if path.stat().st_size > MAX_RECORD_BYTES:
            raise RecordError([f"{path}: {what} is larger than {MAX_RECORD_BYTES // 2**20} MB"])
        data = path.read_bytes()
    except OSError as exc:
        raise RecordError([f"{path}: cannot read {what}: {exc.strerror or exc}"]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise RecordError([f"{path}:{line}: not UTF-8 (invalid byte 0x{data[exc.start]:02x} "
                           f"at byte {exc.start})"]) from None  # fmt: skip


# libyaml's parser where PyYAML was built with it (marks, errors and nodes are the same; it
# parses a large record about ten times faster), the pure-Python one otherwise
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(raw: str, path: Path) -> yaml.Node | None:
    try:
        return yaml.compose(raw, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        problem = "nested too deeply" if "nesting depth" in str(exc.problem) else exc.problem
        raise RecordError([f"{where}: invalid YAML: {problem}"]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. NUL
        line = raw.count("\n", 0, exc.position) + 1
        col = exc.position - (raw.rfind("\n", 0, exc.position) + 1) + 1
        raise RecordError([f"{path}:{line}:{col}: invalid YAML: character "
                           f"U+{exc.character if isinstance(exc.character, int) else ord(exc.character):04X} "
                           "is not allowed"]) from None  # fmt: skip
    except yaml.YAMLError as exc:
        raise RecordError([f"{path}: invalid YAML: {' '.join(str(exc).split())}"]) from None
    except RecursionError:
        raise RecordError([f"{path}: invalid YAML: nested too deeply"]) from None


class _NotPlain(Exception):
    """The document is not plain data (see :func:`_plain`): it is read through its nodes."""


_NODE_EVENTS = (yaml.ScalarEvent, yaml.CollectionStartEvent, yaml.CollectionEndEvent)


def _awaits_key(frame: tuple[Any, list[Any]]) -> bool:
    return isinstance(frame[0], dict) and frame[1][0] is None


def _started(loader: Any, event: yaml.ScalarEvent | yaml.CollectionStartEvent,
             same: dict[str, str]) -> Any:  # fmt: skip
    """The value a scalar event gives, or the empty container a start event opens."""
    tag = event.tag
    if isinstance(event, yaml.ScalarEvent):
        if tag is None or tag == "!":
            tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag not in _STD_TAGS:
            raise _NotPlain
        value = _resolve_scalar(tag, event.value)
        return (
            same.setdefault(value, value) if isinstance(value, str) and len(value) <= 32 else value
        )
    mapping = isinstance(event, yaml.MappingStartEvent)
    if tag is None or tag == "!":
        kind = yaml.MappingNode if mapping else yaml.SequenceNode
        tag = loader.resolve(kind, None, event.implicit)
    if tag not in _STD_TAGS:
        raise _NotPlain
    return {} if mapping else []


def _plain(raw: str) -> Any:
    """The value of a document of plain data, built straight from the parser's events: one
    document of standard tags, without anchors, aliases, duplicate or complex keys, within
    MAX_DEPTH and MAX_NODES. No node tree and no marks are kept, so a large record is read
    in a fraction of the memory; equal short strings (keys, ids, units) are one object.
    Anything else (a problem to report included) raises _NotPlain, and the document is read
    the located way (:func:`_load_yaml`), which gives the same value or the located problem."""
    loader = _LOADER(raw)
    same: dict[str, str] = {}
    stack: list[tuple[Any, list[Any]]] = []  # open containers, each with its pending key
    root: list[Any] = []
    nodes = 0
    try:
        for expected in (yaml.StreamStartEvent, yaml.DocumentStartEvent):
            if not isinstance(loader.get_event(), expected):
                raise _NotPlain
        while isinstance(event := loader.get_event(), _NODE_EVENTS):
            if isinstance(event, yaml.CollectionEndEvent):
                stack.pop()  # (added to its parent when it started)
                continue
            nodes += 1
            if event.anchor is not None or nodes > MAX_NODES or len(stack) >= MAX_DEPTH:
                raise _NotPlain
            value = _started(loader, event, same)
            if not stack:
                root.append(value)
            elif isinstance(stack[-1][0], list):
                stack[-1][0].append(value)
            elif _awaits_key(stack[-1]):
                key = value if isinstance(value, str) else str(value)
                if key in stack[-1][0] or not isinstance(value, str | int | float | bool | None):
                    raise _NotPlain  # a duplicate key, or a container as a key
                stack[-1][1][0] = same.setdefault(key, key)
            else:
                stack[-1][0][stack[-1][1][0]] = value
                stack[-1][1][0] = None
            if isinstance(event, yaml.CollectionStartEvent):
                stack.append((value, [None]))
        # the document ends here, once: not at an alias, nor before another document
        if len(root) != 1 or not isinstance(event, yaml.DocumentEndEvent):
            raise _NotPlain
        if not isinstance(loader.get_event(), yaml.StreamEndEvent):
            raise _NotPlain
        return root[0]
    except yaml.YAMLError:
        raise _NotPlain from None
    finally:
        loader.dispose()


def _load_yaml(path: Path, problems: list[str], what: str,
               located: bool = True) -> tuple[Any, _Loc]:  # fmt: skip
    """The document's value and where each of its values came from. ``located=False``: a
    document of plain data is read without the places (``where`` then says its first line),
    for a caller that reads it again located when it finds a problem."""
    loc = _Loc(path)
    raw = _read_text(path, what)
    if not located:
        try:
            return _plain(raw), loc
        except _NotPlain:
            pass
    node = _compose(raw, path)
    del raw
    if node is None:
        raise RecordError([f"{path}: {what} is empty"])
    _check_expansion(node, path)
    try:
        return _convert(node, loc, problems), loc
    except RecursionError:
        raise RecordError([f"{path}: invalid YAML: nested too deeply"]) from None
