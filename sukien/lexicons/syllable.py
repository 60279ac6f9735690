"""The shape of one Vietnamese syllable (onset, glide, nucleus, coda), on folded letters: what tells a
Vietnamese word from a foreign one, and Vietnamese text from bytes read in the wrong code page."""
from __future__ import annotations

import re
from functools import lru_cache

from .fold import fold

# One Vietnamese syllable, folded (no marks): onset, glide, nucleus, coda.
_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?"
    r"(o|u)?(a|e|i|o|u|y|ie|ia|ua|uo|ye|ya|ai|ao|au|ay|eo|eu|ia|iu|oi|ui|uu|oa|oe|uy|uye|uya|ieu|yeu|uoi|uou|oai|oay|uay|uoi|oo)?"
    r"(ch|ng|nh|c|m|n|p|t|i|y|o|u)?$")


@lru_cache(maxsize=4096)
def is_vietnamese_syllable(token: str) -> bool:
    folded = fold(token)
    if not folded.isalpha() or len(folded) > 7:
        return False
    return bool(_SYLLABLE.match(folded)) and any(c in "aeiouy" for c in folded)
