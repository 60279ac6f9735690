"""Errors a user can act on. Each prints as one line naming the input; none is a traceback."""


class InputError(Exception):
    """A document that cannot be read: `source` names the file (and line), `reason` says why."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class SkippedDocument(InputError):
    """A record that is not an article to read (not Vietnamese, not HTML, an HTTP error page): counted and
    named in the summary, never an error."""
