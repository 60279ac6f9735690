"""REST API and web UI: FastAPI over the store's query functions (never raw SQL here)."""
from .app import create_app  # noqa: F401
