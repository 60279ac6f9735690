"""Near-duplicate documents: MinHash LSH over word shingles finds candidates; exact Jaccard and containment
(for a truncated copy, the share of its shingles found in the other) decide."""
from __future__ import annotations

import re
from collections import OrderedDict

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
    """Holds the MinHash of every original document; `find` returns (doc_id, score) of the one it copies.

    Near-linear on archives of similar articles: the LSH's candidates are first ranked by the Jaccard their
    signatures estimate (and the containment that follows from it and the shingle counts), and only the few
    that could pass are compared exactly, from shingle sets kept in memory (each stored text is read and cut
    into shingles once per process, not once per new document)."""

    MARGIN = 0.15           # 3.5 standard deviations of a 128-permutation estimate near the thresholds
    EXACT_AT_MOST = 8       # candidates compared exactly, best estimates first
    CACHED_TEXTS = 20_000   # shingle sets kept in memory

    def __init__(self, load_text):
        self.lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self.load_text = load_text          # doc_id -> cleaned text, for the exact check
        self.size = 0
        self.signatures: dict[int, np.ndarray] = {}
        self.counts: dict[int, int] = {}     # doc_id -> number of shingles, once known
        self.shingle_sets: OrderedDict[int, set[str]] = OrderedDict()

    def add(self, doc_id: int, m: MinHash, shingle_set: set[str] | None = None) -> None:
        key = str(doc_id)
        if key not in self.lsh:
            self.lsh.insert(key, m)
            self.signatures[doc_id] = m.hashvalues
            self.size += 1
        if shingle_set is not None:
            self._remember(doc_id, shingle_set)

    def _remember(self, doc_id: int, shingle_set: set[str]) -> None:
        self.counts[doc_id] = len(shingle_set)
        self.shingle_sets[doc_id] = shingle_set
        self.shingle_sets.move_to_end(doc_id)
        while len(self.shingle_sets) > self.CACHED_TEXTS:
            self.shingle_sets.popitem(last=False)

    def _shingles_of(self, doc_id: int) -> set[str]:
        found = self.shingle_sets.get(doc_id)
        if found is None:
            found = shingles(self.load_text(doc_id) or "")
            self._remember(doc_id, found)
        return found

    def _worth_checking(self, mine: set[str], m: MinHash, keys: list[int]) -> list[int]:
        """Candidates whose estimated Jaccard or containment could reach the thresholds, best first."""
        if not keys:
            return []
        estimates = (np.vstack([self.signatures[k] for k in keys]) == m.hashvalues).mean(axis=1)
        ranked = []
        for k, j in zip(keys, estimates):
            size = self.counts.get(k)
            containment = None
            if size and mine:
                inter = j * (len(mine) + size) / (1 + j)
                containment = inter / min(len(mine), size)
            if j >= SAME_JACCARD - self.MARGIN or containment is None or containment >= SAME_CONTAINMENT - self.MARGIN:
                ranked.append((max(j, containment or 0.0), k))
        ranked.sort(reverse=True)
        return [k for _, k in ranked[:self.EXACT_AT_MOST]]

    def find(self, text: str, m: MinHash) -> tuple[int, float] | None:
        if not self.size:
            return None
        mine = shingles(text)
        best = None
        for key in self._worth_checking(mine, m, [int(k) for k in self.lsh.query(m)]):
            jaccard, containment = similarity(mine, self._shingles_of(key))
            if jaccard >= SAME_JACCARD or containment >= SAME_CONTAINMENT:
                score = max(jaccard, containment)
                if best is None or score > best[1] or (score == best[1] and key < best[0]):
                    best = (key, round(score, 3))
        return best
