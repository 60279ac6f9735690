"""sukien: events, actors and sources from Vietnamese political and diplomatic news."""
__version__ = "0.1.0"
