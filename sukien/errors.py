"""Errors a user can act on. Each prints as one line naming the input; none is a traceback."""


def printable(text) -> str:
    """Text that can be printed and stored: bytes of a file name that are not UTF-8 (surrogate escapes) become
    U+FFFD."""
    return str(text).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


class InputError(Exception):
    """A document that cannot be read: `source` names the file (and line), `reason` says why."""

    def __init__(self, source: str, reason: str):
        source = printable(source)      # a file name with bytes that are not UTF-8 still prints
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class SkippedDocument(InputError):
    """A record that is not an article to read (not Vietnamese, not HTML, an HTTP error page): counted and
    named in the summary, never an error."""


class StoreError(Exception):
    """A store that cannot be opened or written: one line naming the path or URL and why."""
