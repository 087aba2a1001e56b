"""Load and validate the claims database (claims.yaml) and the sources it quotes.

Every problem is reported with file, line and column, all at once. Only plain YAML is
accepted: tags that construct objects are refused and alias expansion is bounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import RecordError
from factcheck.model import Claim, Entity, Passage, Source

MAX_RECORD_BYTES = 64 * 1024 * 1024  # per file; the bundled claims.yaml is 0.2 MB, 50,000 claims ~30 MB
MAX_NODES = 8_000_000  # YAML nodes once aliases are expanded; the bundled record has 10,000
ENTITY_KINDS = frozenset({"person", "org", "product", "place", "role"})
VALUE_KINDS = frozenset({"amounts", "dates", "counts", "ages", "percents", "durations"})
CLAIM_KEYS = frozenset(
    {
        "id", "source", "quote", "text", "subject", "object", "entities",
        "negated", "values", "terms", "examples",
    }
)  # fmt: skip
ENTITY_KEYS = frozenset({"id", "kind", "name", "aliases"})
TOP_KEYS = frozenset({"version", "entities", "claims"})
_STD_TAGS = frozenset(
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)
_ID_RE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)*$")
_LOCATED = re.compile(r"^(.*?):(\d+)(?::(\d+))?: ")
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(slots=True)
class Record:
    """The loaded record: entities, claims, sources and their passages."""

    root: Path
    path: Path
    entities: dict[str, Entity]
    claims: list[Claim]
    sources: dict[str, Source]
    passages: list[Passage] = field(default_factory=list)

    def claim(self, claim_id: str) -> Claim | None:
        return next((c for c in self.claims if c.id == claim_id), None)


def bundled_record_path() -> Path:
    """The claims database shipped with the package (wheel) or beside it (source checkout)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "data" / "claims.yaml", here.parent / "claims.yaml"):
        if candidate.is_file():
            return candidate
    return here / "data" / "claims.yaml"


# --------------------------------------------------------------------------- YAML


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
    nodes or refer to themselves. Each distinct node is visited once: a "billion laughs"
    document is refused in milliseconds."""
    sizes: dict[int, int] = {}
    active: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            active.discard(key)
            sizes[key] = 1 + sum(sizes[id(c)] for c in _children(node))
            if sizes[key] > MAX_NODES:
                raise RecordError([f"{path}: too many YAML nodes once aliases are expanded "
                                   f"(more than {MAX_NODES:,})"])  # fmt: skip
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


def _compose(raw: str, path: Path) -> yaml.Node | None:
    try:
        return yaml.compose(raw, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise RecordError([f"{where}: invalid YAML: {exc.problem}"]) from None
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


def _load_yaml(path: Path, problems: list[str], what: str) -> tuple[Any, _Loc]:
    loc = _Loc(path)
    node = _compose(_read_text(path, what), path)
    if node is None:
        raise RecordError([f"{path}: {what} is empty"])
    _check_expansion(node, path)
    try:
        return _convert(node, loc, problems), loc
    except RecursionError:
        raise RecordError([f"{path}: invalid YAML: nested too deeply"]) from None


# --------------------------------------------------------------------------- sources


def _source_text(folder: Path, fname: str) -> str:
    """The text of a source file under ``folder`` (never outside it); RecordError if not."""
    path = folder / fname
    try:
        inside = path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        inside = False
    if not inside:
        raise RecordError([f"source file {fname!r} is outside {folder}"])
    if not path.is_file():
        raise RecordError([f"source file sources/{fname} not found"])
    return _read_text(path, "source file")


def _load_source(meta_path: Path, problems: list[str]) -> Source | None:
    try:
        meta, loc = _load_yaml(meta_path, problems, "source metadata")
    except RecordError as exc:
        problems.extend(exc.problems)
        return None
    if not isinstance(meta, dict):
        problems.append(f"{meta_path}:1:1: source metadata must be a mapping")
        return None
    sid, fname = meta.get("id"), meta.get("file")
    if not isinstance(sid, str) or not isinstance(fname, str):
        problems.append(f"{loc.where(meta)}: source metadata needs 'id' and 'file' strings")
        return None
    try:
        text = _source_text(meta_path.parent, fname)
    except RecordError as exc:
        problems.extend(f"{loc.where(meta, 'file')}: {p}" for p in exc.problems)
        return None
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return Source(sid, f"sources/{fname}", text, dict(meta), tuple(starts))


def _load_sources(root: Path, problems: list[str]) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    folder = root / "sources"
    if not folder.is_dir():
        return sources
    for meta_path in sorted(folder.glob("*.yaml")):
        src = _load_source(meta_path, problems)
        if src is None:
            continue
        if src.id in sources:
            problems.append(f"{meta_path}:1:1: duplicate source id {src.id!r}")
        sources[src.id] = src
    return sources


def source_passages(source: Source) -> list[Passage]:
    """Split a source into sentence passages, each with its 1-based line."""
    from factcheck.text.segment import split_statements

    return [
        Passage(source.id, source.line_of(st.span.start), st.text, st.span.start)
        for st in split_statements(source.text)
    ]


# --------------------------------------------------------------------------- validation


def _str_list(value: object) -> tuple[str, ...] | None:
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return tuple(str(v) for v in value)  # a bare 2015 in a list of terms means "2015"
    return None


def _entity(item: Any, at: str, loc: _Loc, owner: dict[str, str],
            problems: list[str]) -> Entity | None:  # fmt: skip
    """One entity of the list (``at`` is its position); None when it has no usable id."""
    if not isinstance(item, dict):
        problems.append(f"{at}: an entity must be a mapping")
        return None
    for key in sorted(item.keys() - ENTITY_KEYS):
        problems.append(f"{loc.where(item, key)}: unknown entity key {key!r}")
    eid, kind, name = item.get("id"), item.get("kind"), item.get("name")
    if not isinstance(eid, str) or not re.fullmatch(r"[a-z0-9_]+", eid):
        problems.append(f"{loc.where(item, 'id') if 'id' in item else at}: "
                        f"entity id missing or not [a-z0-9_]+: {eid!r}")  # fmt: skip
        return None
    if kind not in ENTITY_KINDS:
        problems.append(f"{loc.where(item, 'kind') if 'kind' in item else at}: entity {eid}: "
                        f"kind must be one of {', '.join(sorted(ENTITY_KINDS))}")  # fmt: skip
    if not isinstance(name, dict) or not all(isinstance(name.get(k), str) for k in ("en", "ja")):
        problems.append(f"{loc.where(item, 'name') if 'name' in item else at}: "
                        f"entity {eid}: name needs 'en' and 'ja' strings")  # fmt: skip
        name = {"en": eid, "ja": eid}
    aliases = _str_list(item.get("aliases"))
    if aliases is None:
        problems.append(f"{loc.where(item, 'aliases')}: entity {eid}: aliases must be strings")
        aliases = ()
    all_names = {name["en"], name["ja"], *aliases}
    for alias in sorted(all_names):
        folded = alias.casefold()
        if owner.setdefault(folded, eid) != eid:
            problems.append(f"{loc.where(item, 'aliases' if 'aliases' in item else 'name')}: "
                            f"alias {alias!r} of {eid} is also an alias of {owner[folded]}")  # fmt: skip
    return Entity(eid, str(kind), name["en"], name["ja"], tuple(sorted(all_names)))


def _entities(data: Any, at: str, loc: _Loc, problems: list[str]) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    owner: dict[str, str] = {}
    if not isinstance(data, list):
        problems.append(f"{at}: 'entities' must be a list")
        return entities
    for i, item in enumerate(data):
        entity = _entity(item, loc.where(data, i), loc, owner, problems)
        if entity is None:
            continue
        if entity.id in entities:
            problems.append(f"{loc.where(item, 'id')}: duplicate entity id {entity.id!r}")
        entities[entity.id] = entity
    return entities


def _valid_date(value: object) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day."""
    import datetime as dt

    if not isinstance(value, str | int) or isinstance(value, bool):
        return False
    text = str(value)
    if not _DATE_RE.match(text):
        return False
    parts = [int(x) for x in text.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _valid_quantity(item: object) -> bool:
    """A mapping with a numeric 'value' (null: unspecified) or numeric 'min' <= 'max'."""
    if not isinstance(item, dict):
        return False
    if "min" in item or "max" in item:
        low, high = item.get("min"), item.get("max")
        return _number(low) and _number(high) and low <= high  # type: ignore[operator]
    return "value" in item and (item["value"] is None or _number(item["value"]))


def _check_values(cid: str, values: Any, item: dict[str, Any], loc: _Loc,
                  problems: list[str]) -> None:  # fmt: skip
    if values is None:
        return
    if not isinstance(values, dict):
        problems.append(f"{loc.where(item, 'values')}: claim {cid}: values must be a mapping")
        return
    for kind in sorted(values):
        entries = values[kind]
        if kind not in VALUE_KINDS:
            problems.append(f"{loc.where(values, kind)}: claim {cid}: unknown value kind {kind!r}")
            continue
        if not isinstance(entries, list):
            problems.append(f"{loc.where(values, kind)}: claim {cid}: {kind} must be a list")
            continue
        for i, entry in enumerate(entries):
            at = loc.where(entries, i)
            if kind == "dates" and not _valid_date(entry):
                problems.append(f"{at}: claim {cid}: date {entry!r} is not YYYY, YYYY-MM or "
                                "YYYY-MM-DD naming a real day")  # fmt: skip
            elif kind != "dates" and not (_number(entry) or _valid_quantity(entry)):
                problems.append(f"{at}: claim {cid}: {kind[:-1]} {entry!r} needs a numeric "
                                "'value' (or 'min' and 'max', min <= max)")  # fmt: skip


def _claim_passage(item: dict[str, Any], cid: str, at: str, loc: _Loc,
                   sources: dict[str, Source], problems: list[str]) -> Passage | None:  # fmt: skip
    """The claim's quote located in its source; a problem when it is not there verbatim."""
    sid, quote = item.get("source"), item.get("quote")
    if not isinstance(quote, str) or not quote.strip():
        problems.append(f"{loc.where(item, 'quote') if 'quote' in item else at}: "
                        f"claim {cid}: 'quote' is missing or not text")  # fmt: skip
        return None
    if not isinstance(sid, str) or sid not in sources:
        problems.append(f"{loc.where(item, 'source') if 'source' in item else at}: "
                        f"claim {cid}: unknown source {sid!r}")  # fmt: skip
        return None
    src = sources[sid]
    found = src.text.find(quote)
    if found < 0:
        problems.append(f"{loc.where(item, 'quote')}: claim {cid}: quote is not verbatim in "
                        f"{src.path}")  # fmt: skip
        return None
    return Passage(src.id, src.line_of(found), quote, found)


def _claim_entities(item: dict[str, Any], cid: str, loc: _Loc, entities: dict[str, Entity],
                    problems: list[str]) -> tuple[str, ...]:  # fmt: skip
    ents = _str_list(item.get("entities"))
    if ents is None:
        problems.append(f"{loc.where(item, 'entities')}: claim {cid}: entities must be ids")
        ents = ()
    for role in ("subject", "object"):
        ref = item.get(role)
        if ref is not None and (not isinstance(ref, str) or ref not in entities):
            problems.append(f"{loc.where(item, role)}: claim {cid}: unknown {role} {ref!r}")
    for ref in ents:
        if ref not in entities:
            problems.append(f"{loc.where(item, 'entities')}: claim {cid}: unknown entity {ref!r}")
    return ents


def _pair(item: dict[str, Any], key: str, names: tuple[str, str], cid: str, loc: _Loc,
          problems: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:  # fmt: skip
    """``terms`` (en, ja) or ``examples`` (supported, contradicted): two lists of strings."""
    block = item.get(key)
    if block is None:
        return (), ()
    if not isinstance(block, dict):
        problems.append(f"{loc.where(item, key)}: claim {cid}: {key} must be a mapping")
        return (), ()
    for extra in sorted(block.keys() - set(names)):
        problems.append(f"{loc.where(block, extra)}: claim {cid}: unknown {key} key {extra!r}")
    out: list[tuple[str, ...]] = []
    for name in names:
        values = _str_list(block.get(name))
        if values is None:
            problems.append(f"{loc.where(block, name)}: claim {cid}: {key}.{name} must be a "
                            "list of strings")  # fmt: skip
        out.append(values or ())
    return out[0], out[1]


def _claim(item: dict[str, Any], cid: str, at: str, loc: _Loc, entities: dict[str, Entity],
           sources: dict[str, Source], problems: list[str]) -> Claim:  # fmt: skip
    text = item.get("text")
    if not isinstance(text, dict) or not all(isinstance(text.get(k), str) for k in ("en", "ja")):
        problems.append(f"{loc.where(item, 'text') if 'text' in item else at}: "
                        f"claim {cid}: 'text' needs 'en' and 'ja' strings")  # fmt: skip
        text = {"en": "", "ja": ""}
    passage = _claim_passage(item, cid, at, loc, sources, problems)
    ents = _claim_entities(item, cid, loc, entities, problems)
    values = item.get("values")
    _check_values(cid, values, item, loc, problems)
    terms = _pair(item, "terms", ("en", "ja"), cid, loc, problems)
    examples = _pair(item, "examples", ("supported", "contradicted"), cid, loc, problems)
    negated = item.get("negated", False)
    if not isinstance(negated, bool):
        problems.append(f"{loc.where(item, 'negated')}: claim {cid}: negated must be true/false")
    quote = item.get("quote")
    return Claim(
        id=cid, source=str(item.get("source")), quote=quote if isinstance(quote, str) else "",
        text_en=text["en"], text_ja=text["ja"], subject=item.get("subject"),
        obj=item.get("object"), entities=ents, negated=bool(negated),
        values=dict(values) if isinstance(values, dict) else {},
        terms_en=terms[0], terms_ja=terms[1],
        supported_examples=examples[0], contradicted_examples=examples[1], passage=passage,
    )  # fmt: skip


def _claims(data: Any, at: str, loc: _Loc, entities: dict[str, Entity],
            sources: dict[str, Source], problems: list[str]) -> list[Claim]:  # fmt: skip
    claims: list[Claim] = []
    seen: set[str] = set()
    if not isinstance(data, list):
        problems.append(f"{at}: 'claims' must be a list")
        return claims
    for i, item in enumerate(data):
        here = loc.where(data, i)
        if not isinstance(item, dict):
            problems.append(f"{here}: a claim must be a mapping")
            continue
        for key in sorted(item.keys() - CLAIM_KEYS):
            problems.append(f"{loc.where(item, key)}: unknown claim key {key!r}")
        cid = item.get("id")
        if not isinstance(cid, str) or not _ID_RE.match(cid):
            problems.append(f"{loc.where(item, 'id') if 'id' in item else here}: "
                            f"claim id missing or not dotted lowercase: {cid!r}")  # fmt: skip
            continue
        if cid in seen:
            problems.append(f"{loc.where(item, 'id')}: duplicate claim id {cid!r}")
        seen.add(cid)
        claims.append(_claim(item, cid, here, loc, entities, sources, problems))
    return claims


def _position(problem: str) -> tuple[str, int, int]:
    """(file, line, column) of a located problem, to list problems in reading order."""
    m = _LOCATED.match(problem)
    return (m[1], int(m[2]), int(m[3] or 0)) if m else (problem, 0, 0)


def load_record(path: str | Path | None = None, extra: list[str | Path] | None = None) -> Record:
    """Load ``path`` (the bundled record when None); raise RecordError listing every problem
    (of this record and of the ``extra`` ones), each as ``file:line:col: message``."""
    record_path = Path(path) if path is not None else bundled_record_path()
    if record_path.is_dir():
        record_path = record_path / "claims.yaml"
    if not record_path.is_file():
        raise RecordError([f"{record_path}: claims database not found"])
    problems: list[str] = []
    data, loc = _load_yaml(record_path, problems, "claims database")
    if not isinstance(data, dict):
        raise RecordError([f"{record_path}:1:1: claims database must be a mapping with 'claims'"])
    for key in sorted(data.keys() - TOP_KEYS):
        problems.append(f"{loc.where(data, key)}: unknown top-level key {key!r}")
    if "claims" not in data:
        problems.append(f"{record_path}:1:1: claims database has no 'claims' list")
    sources = _load_sources(record_path.parent, problems)
    entities = _entities(data.get("entities") or [], loc.where(data, "entities"), loc, problems)
    claims = _claims(data.get("claims") or [], loc.where(data, "claims"), loc, entities,
                     sources, problems)  # fmt: skip
    for extra_path in extra or []:
        try:
            other = load_record(extra_path)
        except RecordError as exc:
            problems.extend(exc.problems)
            continue
        entities.update(other.entities)
        sources.update(other.sources)
        claims.extend(other.claims)
    if problems:
        raise RecordError(sorted(problems, key=_position))
    passages = [p for src in sources.values() for p in source_passages(src)]
    return Record(record_path.parent, record_path, entities, claims, sources, passages)
