"""Lexicons are reviewed data files beside this module, each entry with a source note; loaded once."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a TSV lexicon, comments (#) and blank lines skipped."""
    rows = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@lru_cache(maxsize=None)
def load_yaml(name: str):
    return yaml.safe_load((HERE / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def outlets() -> dict[str, str]:
    return {row[0]: row[1] for row in read_tsv("outlets.tsv")}
