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

MAX_RECORD_BYTES = 64 * 1024 * 1024
MAX_NODES = 5_000_000
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
    """Values with their position: plain Python data plus a map id -> (line, col)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.marks: dict[int, tuple[int, int]] = {}
        self.key_marks: dict[tuple[int, str], tuple[int, int]] = {}
        self.nodes = 0

    def where(self, obj: object, key: str | None = None) -> str:
        mark = self.key_marks.get((id(obj), key)) if key is not None else None
        line, col = mark or self.marks.get(id(obj), (0, 0))
        return f"{self.path}:{line}:{col}"


def _convert(node: yaml.Node, loc: _Loc, problems: list[str]) -> Any:
    loc.nodes += 1
    if loc.nodes > MAX_NODES:
        raise RecordError([f"{loc.path}: too many YAML nodes (aliases expanding without bound?)"])
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
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
            if key in value:
                problems.append(f"{loc.path}:{key_node.start_mark.line + 1}: duplicate key {key!r}")
            value[key] = _convert(value_node, loc, problems)
            loc.key_marks[(id(value), key)] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
    elif isinstance(node, yaml.SequenceNode):
        value = [_convert(child, loc, problems) for child in node.value]
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


def _load_yaml(path: Path, problems: list[str]) -> tuple[Any, _Loc]:
    loc = _Loc(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise RecordError([f"{path}: cannot read claims database: {exc.strerror or exc}"]) from None
    if size > MAX_RECORD_BYTES:
        raise RecordError([f"{path}: claims database is larger than {MAX_RECORD_BYTES} bytes"])
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RecordError([f"{path}: not UTF-8 at byte {exc.start}"]) from None
    except OSError as exc:
        raise RecordError([f"{path}: cannot read claims database: {exc.strerror or exc}"]) from None
    try:
        node = yaml.compose(raw, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise RecordError([f"{where}: invalid YAML: {exc.problem}"]) from None
    except yaml.YAMLError as exc:
        raise RecordError([f"{path}: invalid YAML: {exc}"]) from None
    if node is None:
        raise RecordError([f"{path}: claims database is empty"])
    return _convert(node, loc, problems), loc


# --------------------------------------------------------------------------- sources


def _load_sources(root: Path, problems: list[str]) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    folder = root / "sources"
    if not folder.is_dir():
        return sources
    for meta_path in sorted(folder.glob("*.yaml")):
        meta, loc = _load_yaml(meta_path, problems)
        if not isinstance(meta, dict):
            problems.append(f"{meta_path}:1:1: source metadata must be a mapping")
            continue
        sid, fname = meta.get("id"), meta.get("file")
        if not isinstance(sid, str) or not isinstance(fname, str):
            problems.append(f"{loc.where(meta)}: source metadata needs 'id' and 'file'")
            continue
        text_path = folder / fname
        try:
            text = text_path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(f"{loc.where(meta, 'file')}: source file {text_path} unreadable: {exc}")
            continue
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        rel = f"sources/{fname}"
        sources[sid] = Source(sid, rel, text, dict(meta), tuple(starts))
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


def _entities(data: Any, loc: _Loc, problems: list[str]) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    owner: dict[str, str] = {}
    if not isinstance(data, list):
        problems.append(f"{loc.where(data)}: 'entities' must be a list")
        return entities
    for item in data:
        if not isinstance(item, dict):
            problems.append(f"{loc.where(item)}: an entity must be a mapping")
            continue
        for key in item.keys() - ENTITY_KEYS:
            problems.append(f"{loc.where(item, key)}: unknown entity key {key!r}")
        eid, kind, name = item.get("id"), item.get("kind"), item.get("name")
        if not isinstance(eid, str) or not re.fullmatch(r"[a-z0-9_]+", eid):
            problems.append(f"{loc.where(item)}: entity id missing or not [a-z0-9_]+: {eid!r}")
            continue
        if eid in entities:
            problems.append(f"{loc.where(item, 'id')}: duplicate entity id {eid!r}")
        if kind not in ENTITY_KINDS:
            problems.append(f"{loc.where(item, 'kind')}: entity {eid}: kind must be one of "
                            f"{', '.join(sorted(ENTITY_KINDS))}")  # fmt: skip
        if not isinstance(name, dict) or not all(
            isinstance(name.get(k), str) for k in ("en", "ja")
        ):
            problems.append(f"{loc.where(item, 'name')}: entity {eid}: name needs 'en' and 'ja'")
            name = {"en": eid, "ja": eid}
        aliases = _str_list(item.get("aliases"))
        if aliases is None:
            problems.append(f"{loc.where(item, 'aliases')}: entity {eid}: aliases must be strings")
            aliases = ()
        all_names = {name["en"], name["ja"], *aliases}
        for alias in sorted(all_names):
            folded = alias.casefold()
            if folded in owner and owner[folded] != eid:
                problems.append(
                    f"{loc.where(item, 'aliases')}: alias {alias!r} of {eid} "
                    f"is also an alias of {owner[folded]}"
                )
            owner[folded] = eid
        entities[eid] = Entity(eid, str(kind), name["en"], name["ja"], tuple(sorted(all_names)))
    return entities


def _check_values(
    cid: str, values: Any, item: dict[str, Any], loc: _Loc, problems: list[str]
) -> None:
    if values is None:
        return
    if not isinstance(values, dict):
        problems.append(f"{loc.where(item, 'values')}: claim {cid}: values must be a mapping")
        return
    for key in values.keys() - VALUE_KINDS:
        problems.append(f"{loc.where(values, key)}: claim {cid}: unknown value kind {key!r}")
    for date in values.get("dates") or []:
        if not isinstance(date, str | int) or not _DATE_RE.match(str(date)):
            problems.append(f"{loc.where(values, 'dates')}: claim {cid}: date {date!r} is not "
                            "YYYY, YYYY-MM or YYYY-MM-DD")  # fmt: skip
    for amount in values.get("amounts") or []:
        ok = isinstance(amount, dict) and (
            isinstance(amount.get("value"), int | float)
            or (
                isinstance(amount.get("min"), int | float)
                and isinstance(amount.get("max"), int | float)
            )
        )
        if not ok:
            problems.append(f"{loc.where(values, 'amounts')}: claim {cid}: amount {amount!r} "
                            "needs a numeric 'value' (or 'min' and 'max')")  # fmt: skip


def _claims(
    data: Any,
    loc: _Loc,
    entities: dict[str, Entity],
    sources: dict[str, Source],
    problems: list[str],
) -> list[Claim]:
    claims: list[Claim] = []
    seen: set[str] = set()
    if not isinstance(data, list):
        problems.append(f"{loc.where(data)}: 'claims' must be a list")
        return claims
    for item in data:
        if not isinstance(item, dict):
            problems.append(f"{loc.where(item)}: a claim must be a mapping")
            continue
        here = loc.where(item)
        for key in sorted(item.keys() - CLAIM_KEYS):
            problems.append(f"{loc.where(item, key)}: unknown claim key {key!r}")
        cid = item.get("id")
        if not isinstance(cid, str) or not _ID_RE.match(cid):
            problems.append(f"{here}: claim id missing or not dotted lowercase: {cid!r}")
            continue
        if cid in seen:
            problems.append(f"{loc.where(item, 'id')}: duplicate claim id {cid!r}")
        seen.add(cid)
        text = item.get("text")
        if not isinstance(text, dict) or not all(
            isinstance(text.get(k), str) for k in ("en", "ja")
        ):
            problems.append(f"{loc.where(item, 'text') if 'text' in item else here}: "
                            f"claim {cid}: 'text' needs 'en' and 'ja' strings")  # fmt: skip
            text = {"en": "", "ja": ""}
        sid, quote = item.get("source"), item.get("quote")
        passage = None
        if not isinstance(quote, str) or not quote.strip():
            problems.append(f"{here}: claim {cid}: 'quote' is missing")
        elif sid not in sources:
            problems.append(f"{loc.where(item, 'source') if 'source' in item else here}: "
                            f"claim {cid}: unknown source {sid!r}")  # fmt: skip
        else:
            src = sources[str(sid)]
            at = src.text.find(quote)
            if at < 0:
                problems.append(f"{loc.where(item, 'quote')}: claim {cid}: quote is not verbatim "
                                f"in {src.path}")  # fmt: skip
            else:
                passage = Passage(src.id, src.line_of(at), quote, at)
        ents = _str_list(item.get("entities"))
        if ents is None:
            problems.append(f"{loc.where(item, 'entities')}: claim {cid}: entities must be ids")
            ents = ()
        for role in ("subject", "object"):
            ref = item.get(role)
            if ref is not None and ref not in entities:
                problems.append(f"{loc.where(item, role)}: claim {cid}: unknown {role} {ref!r}")
        for ref in ents:
            if ref not in entities:
                problems.append(
                    f"{loc.where(item, 'entities')}: claim {cid}: unknown entity {ref!r}"
                )
        values = item.get("values")
        _check_values(cid, values, item, loc, problems)
        terms: dict[str, Any] = item["terms"] if isinstance(item.get("terms"), dict) else {}
        examples: dict[str, Any] = (
            item["examples"] if isinstance(item.get("examples"), dict) else {}
        )
        t_en, t_ja = _str_list(terms.get("en")), _str_list(terms.get("ja"))
        ex_s, ex_c = _str_list(examples.get("supported")), _str_list(examples.get("contradicted"))
        if None in (t_en, t_ja, ex_s, ex_c):
            problems.append(f"{here}: claim {cid}: terms and examples must be lists of strings")
        negated = item.get("negated", False)
        if not isinstance(negated, bool):
            problems.append(
                f"{loc.where(item, 'negated')}: claim {cid}: negated must be true/false"
            )
        claims.append(
            Claim(
                id=cid,
                source=str(sid),
                quote=quote if isinstance(quote, str) else "",
                text_en=text["en"],
                text_ja=text["ja"],
                subject=item.get("subject"),
                obj=item.get("object"),
                entities=tuple(ents),
                negated=bool(negated),
                values=dict(values) if isinstance(values, dict) else {},
                terms_en=t_en or (),
                terms_ja=t_ja or (),
                supported_examples=ex_s or (),
                contradicted_examples=ex_c or (),
                passage=passage,
            )
        )
    return claims


def load_record(path: str | Path | None = None, extra: list[str | Path] | None = None) -> Record:
    """Load ``path`` (the bundled record when None); raise RecordError listing every problem."""
    record_path = Path(path) if path is not None else bundled_record_path()
    if record_path.is_dir():
        record_path = record_path / "claims.yaml"
    if not record_path.is_file():
        raise RecordError([f"{record_path}: claims database not found"])
    problems: list[str] = []
    data, loc = _load_yaml(record_path, problems)
    if not isinstance(data, dict):
        raise RecordError([f"{record_path}:1:1: claims database must be a mapping with 'claims'"])
    for key in sorted(data.keys() - TOP_KEYS):
        problems.append(f"{loc.where(data, key)}: unknown top-level key {key!r}")
    if "claims" not in data:
        problems.append(f"{record_path}:1:1: claims database has no 'claims' list")
    root = record_path.parent
    sources = _load_sources(root, problems)
    entities = _entities(data.get("entities") or [], loc, problems)
    claims = _claims(data.get("claims") or [], loc, entities, sources, problems)
    for extra_path in extra or []:
        other = load_record(extra_path)
        entities.update(other.entities)
        sources.update(other.sources)
        claims.extend(other.claims)
    if problems:
        raise RecordError(problems)
    passages = [p for src in sources.values() for p in source_passages(src)]
    return Record(root, record_path, entities, claims, sources, passages)
