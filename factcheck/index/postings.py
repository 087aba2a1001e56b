"""The inverted index: for each key ("en:word", "ja:bigram", "e:entity") the claims that
have it, in record order."""

from __future__ import annotations

from array import array
from collections.abc import Mapping, Sequence


class Postings:
    """One array of claim numbers and one offset per key: read from the cache in one piece,
    not as thousands of small lists."""

    def __init__(self, lists: Mapping[str, Sequence[int]]) -> None:
        self._slot: dict[str, int] = {}
        flat = array("i")
        bounds = array("q", [0])
        for k, (key, ids) in enumerate(lists.items()):
            self._slot[key] = k
            flat.extend(ids)
            bounds.append(len(flat))
        self._flat, self._bounds = flat, bounds
        self._view = memoryview(flat)

    def get(self, key: str, default: Sequence[int] = ()) -> Sequence[int]:
        k = self._slot.get(key)
        if k is None:
            return default
        return self._view[self._bounds[k] : self._bounds[k + 1]]

    def __len__(self) -> int:
        return len(self._slot)

    def __getstate__(self) -> tuple[dict[str, int], bytes, bytes]:
        return self._slot, self._flat.tobytes(), self._bounds.tobytes()

    def __setstate__(self, state: tuple[dict[str, int], bytes, bytes]) -> None:
        self._slot = state[0]
        self._flat, self._bounds = array("i"), array("q")
        self._flat.frombytes(state[1])
        self._bounds.frombytes(state[2])
        self._view = memoryview(self._flat)
