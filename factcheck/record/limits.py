"""Bounds on what a record may hold, checked while it is read.

Kept apart from the YAML reader (``yamlsafe``) so that ``factcheck.record`` can name them
without importing yaml: a run that takes the prepared record from the cache parses no YAML.
"""

from __future__ import annotations

MAX_RECORD_BYTES = (
    64 * 1024 * 1024
)  # per file; the bundled claims.yaml is 0.2 MB, 50,000 claims ~30 MB
MAX_NODES = 8_000_000  # YAML nodes once aliases are expanded; the bundled record has 10,000
MAX_DEPTH = 64  # levels of nested values; the bundled record has 5
