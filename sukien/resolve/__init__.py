"""Resolve: link near-duplicate documents, actors across documents, events across reports."""
