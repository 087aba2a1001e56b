#!/usr/bin/env python3
"""Write every verdict the checker gives on a fixed body of text, one JSON line each, so
that a change meant to keep behaviour can be compared with the code before it.

The body: the bundled source article, each claim's own examples, the tampered copies of
the article the tests build, and any labelled sets or documents named on the command line
(YAML lists of {text} items, or Markdown/text files).

    python scripts/snapshot.py eval/*.yaml eval/*.md > before.jsonl
    # ... change the code ...
    python scripts/snapshot.py eval/*.yaml eval/*.md > after.jsonl
    diff before.jsonl after.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _texts(paths: list[str]) -> list[tuple[str, str]]:
    import yaml

    from factcheck.record import load_record
    from tests.test_tampered import tampered

    record = load_record()
    out = [("article", src.text) for src in record.sources.values()]
    for c in record.claims:
        out += [(f"example:{c.id}", e) for e in (*c.supported_examples, *c.contradicted_examples)]
    out += [(f"tampered:{seed}", tampered(seed)[0]) for seed in range(6)]
    for p in paths:
        path = Path(p)
        if path.suffix in (".yaml", ".yml"):
            items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
            out += [(f"{path.name}:{i}", str(item["text"])) for i, item in enumerate(items)]
        else:
            out.append((path.name, path.read_text(encoding="utf-8")))
    return out


def main() -> int:
    from factcheck.index.store import build_index
    from factcheck.pipeline import check_text
    from factcheck.record import load_record
    from factcheck.text.markdown import prose_mask

    index = build_index(load_record())
    for name, text in _texts(sys.argv[1:]):
        masked = prose_mask(text) if name.endswith(".md") else None
        for f in check_text(text, index, name, analysis_text=masked):
            row = {"in": name, "at": [f.span.start, f.span.end], "verdict": f.verdict.value,
                   "claim": f.claim_id, "reason": f.reason}  # fmt: skip
            print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
