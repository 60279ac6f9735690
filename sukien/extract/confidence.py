"""Event confidence: the observed precision of events with the same type and signals on annotated data
(lexicons/confidence.tsv, written by bench/calibrate.py), with a prior where the table has no row."""
from __future__ import annotations

from functools import lru_cache

from ..lexicons import HERE, read_tsv

PRIOR = {"VISIT": 0.75, "TALKS": 0.8, "PHONE_CALL": 0.8, "MEETING": 0.7, "CONGRATULATE": 0.65,
         "CONDOLENCE": 0.65, "SIGN_AGREEMENT": 0.6, "AID": 0.4, "SUPPORT": 0.5, "ROLE_CHANGE": 0.5}


@lru_cache(maxsize=1)
def table() -> dict[tuple[str, str], float]:
    if not (HERE / "confidence.tsv").exists():
        return {}
    return {(row[0], row[1]): float(row[2]) for row in read_tsv("confidence.tsv")}


def calibrated_confidence(event_type: str, signals: str) -> float:
    t = table()
    if (event_type, signals) in t:
        return t[(event_type, signals)]
    if (event_type, "*") in t:
        return t[(event_type, "*")]
    named = int(signals[:1] or 0)
    value = PRIOR.get(event_type, 0.5) + 0.05 * named + (0.05 if "d" in signals else 0) - (0.1 if "t" in signals else 0)
    return round(max(0.05, min(value, 0.99)), 3)
