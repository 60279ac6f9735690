"""Near-duplicate documents: MinHash LSH over word shingles finds candidates; exact Jaccard and containment
(for a truncated copy, the share of its shingles found in the other) decide."""
from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..lexicons.fold import fold

NUM_PERM = 128
SHINGLE = 5
LSH_THRESHOLD = 0.3       # low, so that truncated copies (low Jaccard, high containment) become candidates
SAME_JACCARD = 0.6
SAME_CONTAINMENT = 0.8
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    words = _WORD.findall(fold(text))
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def minhash_of(shingle_set: set[str]) -> MinHash:
    m = MinHash(num_perm=NUM_PERM)
    m.update_batch([s.encode("utf-8") for s in shingle_set])
    return m


def to_bytes(m: MinHash) -> bytes:
    return m.hashvalues.astype(np.uint64).tobytes()


_DEFAULT = MinHash(num_perm=NUM_PERM)      # the scheme and dtype this datasketch version hashes with


def from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype=np.uint64).astype(_DEFAULT.hashvalues.dtype)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=_DEFAULT.scheme)


def similarity(a: set[str], b: set[str]) -> tuple[float, float]:
    """(Jaccard, containment of the smaller in the larger)."""
    if not a or not b:
        return 0.0, 0.0
    inter = len(a & b)
    return inter / len(a | b), inter / min(len(a), len(b))


class DuplicateIndex:
    """Holds the MinHash of every original document; `find` returns (doc_id, score) of the one it copies."""

    def __init__(self, load_text):
        self.lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self.load_text = load_text          # doc_id -> cleaned text, for the exact check
        self.size = 0

    def add(self, doc_id: int, m: MinHash) -> None:
        key = str(doc_id)
        if key not in self.lsh:
            self.lsh.insert(key, m)
            self.size += 1

    def find(self, text: str, m: MinHash) -> tuple[int, float] | None:
        if not self.size:
            return None
        mine = shingles(text)
        best = None
        for key in self.lsh.query(m):
            other = shingles(self.load_text(int(key)) or "")
            jaccard, containment = similarity(mine, other)
            if jaccard >= SAME_JACCARD or containment >= SAME_CONTAINMENT:
                score = max(jaccard, containment)
                if best is None or score > best[1]:
                    best = (int(key), round(score, 3))
        return best
