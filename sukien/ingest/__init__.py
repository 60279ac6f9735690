"""Ingest: turn files, directories, globs, JSON Lines and stdin into RawDocuments."""
from .readers import iter_documents, ReadResult  # noqa: F401
