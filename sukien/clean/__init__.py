"""Clean: normalise Unicode, strip page furniture, keep captions apart, find title, lead, outlet, date."""
from .cleaner import clean  # noqa: F401
