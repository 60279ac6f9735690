"""Readers for plain text, HTML, JSON Lines, directories, globs and stdin (archives: `archives.py`).

Every reader yields `ReadResult`s: either a RawDocument or an InputError for one document, so one bad
file or line never stops a batch.
"""
from __future__ import annotations

import glob
import json
import os
import re
import stat
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError, printable
from ..model import RawDocument
from .archives import archive_kind, table_or_warc
from .decode import MAX_BYTES, decode_bytes, looks_binary, too_large

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# What a directory walk reads; a file named explicitly is read whatever its name.
ARTICLE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.I)


@dataclass
class ReadResult:
    doc: RawDocument | None = None
    error: InputError | None = None
    skipped: tuple[str, str] | None = None     # (record, reason): not an article, and not an error either


# Day first, as Vietnamese sites print it: "21/11/2025 20:01 GMT+7", "Thứ ba, 29/4/2025 19:27 (GMT+7)",
# "29-04-2025 - 19:27"; an optional weekday and time around it.
_DAY_FIRST = re.compile(r"^(?:(?:thứ\s+\w+|chủ\s+nhật|cn)\s*,?\s*)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b", re.I)


def parse_date(value) -> date | None:
    """ISO date or date-time (with offset), or a day-first date of a Vietnamese site, to a date; None for
    anything else."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    day, month, year = (m[3], m[2], m[1]) if m else (None, None, None)
    if not m and (m := _DAY_FIRST.match(value)):
        day, month, year = m[1], m[2], m[3]
    if m:
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            return None
    return None


def _sidecar_metadata(path: Path) -> dict[str, dict]:
    """Metadata kept beside a folder of articles: `<folder>.metadata.jsonl` or `<folder>/metadata.jsonl`,
    one object per file with `file` and any of `date`, `url`, `outlet`, `title`."""
    out: dict[str, dict] = {}
    folder = path.parent
    for candidate in (folder.parent / f"{folder.name}.metadata.jsonl", folder / "metadata.jsonl"):
        if candidate.is_file():
            with candidate.open(encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError:
                        continue
                    if isinstance(rec, dict) and rec.get("file"):
                        out[rec["file"]] = rec
    return out


_sidecar_cache: dict[Path, dict[str, dict]] = {}


def _metadata_for(path: Path) -> dict:
    folder = path.parent.resolve()
    if folder not in _sidecar_cache:
        _sidecar_cache[folder] = _sidecar_metadata(path.resolve())
    return _sidecar_cache[folder].get(path.name, {})


def read_html(html: str, key: str, source: str, url: str | None = None) -> RawDocument:
    import trafilatura  # imported lazily: it is slow to import and only HTML needs it

    try:
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                             include_tables=False, favor_precision=True)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(source, f"HTML could not be parsed ({type(exc).__name__})") from None
    data = result.as_dict() if hasattr(result, "as_dict") else (result or {})
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError(source, "HTML page with no article text")
    return RawDocument(key=key, source=source, raw_text=html, kind="html", title=data.get("title"),
                       pub_date=parse_date(data.get("date")), url=data.get("url") or url,
                       outlet=data.get("sitename"), prepared_text=text)


def read_text_file(path: Path, data: bytes) -> RawDocument:
    source = printable(path)
    text = decode_bytes(data, source)
    meta = _metadata_for(path)
    if path.suffix.lower() in HTML_SUFFIXES or _HTML_START.match(text):
        doc = read_html(text, printable(path.name), source, url=meta.get("url"))
    else:
        doc = RawDocument(key=printable(path.name), source=source, raw_text=text, kind="text")
    doc.pub_date = doc.pub_date or parse_date(meta.get("date"))
    doc.url = doc.url or meta.get("url")
    doc.outlet = doc.outlet or meta.get("outlet")
    doc.title = doc.title or (meta.get("title") if meta.get("first_line_is_title") in (None, "no") else None)
    return doc


def read_jsonl_lines(lines: Iterable[tuple[int, str]], name: str) -> Iterator[ReadResult]:
    for number, line in lines:
        if not line.strip():
            continue
        source = f"{name}:{number}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadResult(error=InputError(source, f"invalid JSON ({exc.msg} at column {exc.colno})"))
            continue
        except RecursionError:
            yield ReadResult(error=InputError(source, "JSON nested too deeply"))
            continue
        if not isinstance(rec, dict):
            yield ReadResult(error=InputError(source, "JSON line is not an object"))
            continue
        wrong = [f for f in ("id", "title", "date", "url", "outlet") if rec.get(f) is not None
                 and not isinstance(rec[f], (str, int) if f == "id" else str)]
        if wrong:
            yield ReadResult(error=InputError(source, f"'{wrong[0]}' is a {type(rec[wrong[0]]).__name__}, not text"))
            continue
        key = str(rec.get("id") or rec.get("url") or source)
        try:
            if isinstance(rec.get("text"), str) and rec["text"].strip():
                doc = RawDocument(key=key, source=source, raw_text=rec["text"], kind="jsonl")
            elif isinstance(rec.get("html"), str) and rec["html"].strip():
                doc = read_html(rec["html"], key, source, url=rec.get("url"))
            else:
                raise InputError(source, "no 'text' or 'html' field")
        except InputError as exc:
            yield ReadResult(error=exc)
            continue
        if rec.get("date") and not parse_date(rec.get("date")):
            yield ReadResult(error=InputError(source, f"unreadable date {rec.get('date')!r}"))
            continue
        doc.title = rec.get("title") if isinstance(rec.get("title"), str) else doc.title
        doc.pub_date = parse_date(rec.get("date")) or doc.pub_date
        doc.url = rec.get("url") or doc.url
        doc.outlet = rec.get("outlet") or doc.outlet
        yield ReadResult(doc=doc)


def _not_regular(path: Path) -> str | None:
    """Why `path` cannot be read as a file: only regular files are read (a device such as /dev/zero or a FIFO
    would be read without end or block for ever)."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot read ({exc.strerror or type(exc).__name__})"
    if stat.S_ISREG(mode):
        return None
    kind = "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else \
        "a socket" if stat.S_ISSOCK(mode) else "a directory" if stat.S_ISDIR(mode) else "not a file"
    return f"not a regular file ({kind}), not read"


def read_path(path: Path, columns: dict[str, str] | None = None) -> Iterator[ReadResult]:
    """The documents of one file; `columns` maps fields to the columns of a CSV/TSV/Parquet export."""
    source = printable(path)
    if (why := _not_regular(path)) is not None:
        yield ReadResult(error=InputError(source, why))
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl_file(path)
        return
    if archive_kind(path) and path.is_file():
        yield from table_or_warc(path, columns)
        return
    try:
        if path.stat().st_size > MAX_BYTES:     # refused before reading: a huge file never enters memory
            raise too_large(source, path.stat().st_size)
        data = path.read_bytes()
        yield ReadResult(doc=read_text_file(path, data))
    except OSError as exc:
        yield ReadResult(error=InputError(source, f"cannot read ({exc.strerror})"))
    except InputError as exc:
        yield ReadResult(error=exc)


def open_binary(path: Path, source: str):
    """The file open for reading bytes, or the one-line error saying why it cannot be."""
    try:
        return path.open("rb")
    except OSError as exc:
        return InputError(source, f"cannot read ({exc.strerror})")


def read_jsonl_file(path: Path, first_line: int = 1, last_line: int | None = None,
                    offset: int = 0) -> Iterator[ReadResult]:
    """A JSON Lines file streamed line by line, so a shard of any size is read in bounded memory; the size
    limit is per article (line). `offset` is the byte position of `first_line` (from `jsonl_line_offsets`):
    a batch partition reads only its own lines. Lines end at \\n only (U+2028 may sit inside a JSON string)."""
    source = printable(path)
    fh = open_binary(path, source)
    if isinstance(fh, InputError):
        yield ReadResult(error=fh)
        return
    with fh:
        head = fh.read(65536)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):       # UTF-16 has no byte-wise lines: whole file
            try:
                text = decode_bytes(head + fh.read(MAX_BYTES), source)
            except InputError as exc:
                yield ReadResult(error=exc)
                return
            lines = enumerate(text.splitlines(), 1)
            yield from read_jsonl_lines(((n, t) for n, t in lines if n >= first_line and
                                         (last_line is None or n <= last_line)), source)
            return
        if not head.strip():
            yield ReadResult(error=InputError(source, "empty file"))
            return
        if looks_binary(head.removeprefix(b"\xef\xbb\xbf")):
            yield ReadResult(error=InputError(source, "binary file, not text"))
            return
        fh.seek(offset)
        yield from _jsonl_lines(fh, source, first_line, last_line)


def _jsonl_lines(fh, source: str, first_line: int = 1, last_line: int | None = None) -> Iterator[ReadResult]:
    """Records of a binary stream positioned at `first_line`, one line at a time (bounded memory)."""
    number = first_line - 1
    while last_line is None or number < last_line:
        raw = fh.readline(MAX_BYTES + 1)
        if not raw:
            break
        number += 1
        if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
            while (rest := fh.readline(1024 * 1024)) and not rest.endswith(b"\n"):
                pass                        # skip the rest of the oversized line
            yield ReadResult(error=InputError(f"{source}:{number}", f"line too large (> {MAX_BYTES // (1024 * 1024)} MB)"))
            continue
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:                # legacy encodings, with the same checks as a file
            try:
                line = decode_bytes(raw, f"{source}:{number}")
            except InputError as exc:
                yield ReadResult(error=exc)
                continue
        yield from read_jsonl_lines([(number, line)], source)


def jsonl_line_offsets(path: Path, every: int) -> tuple[int, list[int]]:
    """Number of lines and the byte offset of line 1, 1 + every, 1 + 2 × every, … (one pass, no decoding)."""
    offsets, count, pos, at_line_start = [], 0, 0, True
    with path.open("rb") as fh:
        while chunk := fh.readline(1024 * 1024):       # bounded reads, even for one huge line
            if at_line_start:
                if count % every == 0:
                    offsets.append(pos)
                count += 1
            pos += len(chunk)
            at_line_start = chunk.endswith(b"\n")
    return count, offsets


def expand_inputs(inputs: Iterable[str]) -> Iterator[Path | str]:
    """Paths, directories (recursively, hidden files skipped), globs; '-' stays '-' for stdin."""
    for item in inputs:
        if item == "-":
            yield "-"
            continue
        path = Path(item)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and not name.endswith(".metadata.jsonl") and name != "metadata.jsonl" \
                            and (Path(name).suffix.lower() in ARTICLE_SUFFIXES or archive_kind(Path(name))):
                        yield Path(root) / name
        elif path.exists():
            yield path
        else:
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield Path(item)   # read_path reports it as missing
            for m in matches:
                if m == item or not Path(m).exists():
                    yield Path(m)     # a dangling or self-looping symlink matches its own pattern: no recursion
                else:
                    yield from expand_inputs([m])


def read_stdin() -> Iterator[ReadResult]:
    if sys.stdin is None or sys.stdin.closed:
        yield ReadResult(error=InputError("<stdin>", "standard input is closed"))
        return
    stdin = sys.stdin.buffer
    head = stdin.peek(65536)[:65536] if hasattr(stdin, "peek") else b""
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") and not looks_binary(head):
        yield from _jsonl_lines(stdin, "<stdin>")        # JSON Lines of any length, streamed
        return
    data = stdin.read(MAX_BYTES + 1)
    try:
        text = decode_bytes(data, "<stdin>")
    except InputError as exc:
        yield ReadResult(error=exc)
        return
    if text.lstrip().startswith("{"):
        yield from read_jsonl_lines(enumerate(text.splitlines(), 1), "<stdin>")
    elif _HTML_START.match(text):
        try:
            yield ReadResult(doc=read_html(text, "stdin", "<stdin>"))
        except InputError as exc:
            yield ReadResult(error=exc)
    else:
        yield ReadResult(doc=RawDocument(key="stdin", source="<stdin>", raw_text=text))


def iter_documents(inputs: Iterable[str], columns: dict[str, str] | None = None) -> Iterator[ReadResult]:
    for item in expand_inputs(inputs):
        if item == "-":
            yield from read_stdin()
        else:
            yield from read_path(item, columns)
