"""Readers for the archives users have: WARC files (Common Crawl's CC-NEWS, Internet Archive, browsertrix,
Heritrix) and tabular exports of crawlers (CSV, TSV, Parquet) with a column mapping.

Each streams record by record in bounded memory and yields `ReadResult`s: a document, an error naming the
file and the record (WARC offset, CSV row), or a record skipped with its reason (not HTML, HTTP status).
"""
from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Iterator

from ..errors import InputError, printable
from ..model import RawDocument
from .decode import MAX_BYTES, decode_bytes

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
TABLE_SUFFIXES = (".csv", ".tsv", ".parquet")
FIELDS = ("text", "html", "title", "date", "url", "outlet", "id")

# Header names of common crawler exports, per field, when no --columns mapping is given.
_DEFAULT_HEADERS = {
    "text": ("text", "content", "body", "article", "noi_dung", "summary"),
    "html": ("html", "raw_html"),
    "title": ("title", "headline", "tieu_de"),
    "date": ("date", "time", "publish_date", "published", "pub_date", "datetime", "ngay"),
    "url": ("url", "link", "href"),
    "outlet": ("outlet", "source", "site", "sitename", "publisher"),
    "id": ("id", "doc_id", "article_id"),
}


def archive_kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(TABLE_SUFFIXES):
        return "table"
    return None


def parse_columns(spec: str | None) -> dict[str, str]:
    """'text=Content,title=Title,date=Time,url=URL' -> {'text': 'Content', …}; unknown fields are refused."""
    if not spec:
        return {}
    mapping = {}
    for part in spec.split(","):
        field, sep, column = part.partition("=")
        field, column = field.strip().lower(), column.strip()
        if not sep or not column or field not in FIELDS:
            raise ValueError(f"--columns: {part.strip()!r} is not FIELD=COLUMN with FIELD one of {', '.join(FIELDS)}")
        mapping[field] = column
    return mapping


def _resolve_columns(header: list[str], mapping: dict[str, str], source: str) -> dict[str, str]:
    """Field -> column name of this file: the mapping given, else the usual header names."""
    if mapping:
        missing = [c for c in mapping.values() if c not in header]
        if missing:
            raise InputError(source, f"no column {', '.join(map(repr, missing))} (columns: {', '.join(header)})")
        resolved = dict(mapping)
    else:
        lowered = {h.strip().lower(): h for h in header}
        resolved = {}
        for field, names in _DEFAULT_HEADERS.items():
            found = next((lowered[n] for n in names if n in lowered), None)
            if found is not None:
                resolved[field] = found
    if "text" not in resolved and "html" not in resolved:
        raise InputError(source, f"no text column (columns: {', '.join(header)}); name it with --columns text=COLUMN")
    return resolved


def _document(values: dict, key: str, source: str, kind: str) -> RawDocument:
    from .readers import parse_date, read_html

    text, html = values.get("text"), values.get("html")
    if isinstance(text, str) and text.lstrip().startswith("<") and re.match(r"\s*<(!doctype|html|body|div|p|article)", text, re.I):
        html, text = text, None
    if isinstance(text, str) and text.strip():
        doc = RawDocument(key=key, source=source, raw_text=text, kind=kind)
    elif isinstance(html, str) and html.strip():
        doc = read_html(html, key, source, url=values.get("url"))
    else:
        raise InputError(source, "empty text")
    raw_date = values.get("date")
    if raw_date not in (None, ""):
        doc.pub_date = parse_date(str(raw_date))
        if doc.pub_date is None:
            raise InputError(source, f"unreadable date {str(raw_date)[:60]!r}")
    doc.title = values.get("title") or doc.title
    doc.url = values.get("url") or doc.url
    doc.outlet = values.get("outlet") or doc.outlet
    return doc


def read_table(path: Path, columns: dict[str, str] | None = None) -> Iterator:
    from .readers import ReadResult

    source = printable(path)
    try:
        rows = _parquet_rows(path) if path.name.lower().endswith(".parquet") else _csv_rows(path)
        header = next(rows)
        resolved = _resolve_columns(header, columns or {}, source)
    except InputError as exc:
        yield ReadResult(error=exc)
        return
    except (OSError, ValueError, csv.Error) as exc:
        yield ReadResult(error=InputError(source, f"cannot read table ({_reason(exc)})"))
        return
    number = 1
    while True:
        try:
            number, row = next(rows)
        except StopIteration:
            return
        except (ValueError, csv.Error, OSError) as exc:     # a broken row (or byte) ends what the file can give
            yield ReadResult(error=InputError(f"{source}:row {number + 1}", f"cannot read further ({_reason(exc)})"))
            return
        record = f"{source}:row {number}"
        values = {field: row.get(column) for field, column in resolved.items()}
        key = str(values.get("id") or values.get("url") or record)
        try:
            yield ReadResult(doc=_document(values, key, record, "csv"))
        except InputError as exc:
            yield ReadResult(error=exc)


def _reason(exc: Exception) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


def _csv_rows(path: Path):
    """Header, then (row number, {column: value}) for a CSV or TSV file, streamed; a field may hold a whole
    article (up to the size limit)."""
    csv.field_size_limit(MAX_BYTES)
    with path.open("rb") as fh:
        if not fh.read(65536).strip():
            raise InputError(str(path), "empty file")
    # UTF-8 only: a table in another code page stops at its first such byte with a line saying where
    with path.open(encoding="utf-8-sig", errors="strict", newline="") as fh:
        dialect = "excel-tab" if path.name.lower().endswith(".tsv") else _sniff(fh)
        reader = csv.reader(fh, dialect)
        header = next(reader, None)
        if not header:
            raise InputError(str(path), "no header row")
        yield header
        for number, cells in enumerate(reader, 2):
            if any(cells):
                yield number, dict(zip(header, cells))


def _sniff(fh) -> str | type:
    sample = fh.read(8192)
    fh.seek(0)
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        return "excel"


def _parquet_rows(path: Path, batch_rows: int = 256):
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:           # pyarrow raises its own kinds for a file that is not Parquet
        raise InputError(str(path), f"not a Parquet file ({_reason(exc)})") from None
    yield pf.schema_arrow.names
    number = 0
    for batch in pf.iter_batches(batch_size=batch_rows):
        for row in batch.to_pylist():
            number += 1
            yield number, row


def read_warc(path: Path) -> Iterator:
    """HTML responses of a WARC (or ARC) file, plain or gzipped, with their URL and date; other records
    (requests, metadata) are not documents; responses that are not HTML or not status 200 are skipped and
    counted."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from .readers import ReadResult, open_binary

    source = printable(path)
    fh = open_binary(path, source)
    if isinstance(fh, InputError):
        yield ReadResult(error=fh)
        return
    with fh:
        records = ArchiveIterator(fh, arc2warc=True)
        try:
            for record in records:
                result = _warc_record(record, f"{source}@{records.offset}")   # the record's start
                if result is not None:
                    yield result
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            yield ReadResult(error=InputError(f"{source}@{records.offset}",
                                              f"broken WARC record, rest of the file skipped ({_reason(exc)})"))


def _warc_record(record, source: str):
    from .readers import ReadResult, parse_date, read_html

    if record.rec_type not in ("response", "resource"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if status != "200":
            return ReadResult(skipped=(source, f"HTTP status {status}"))
        ctype = record.http_headers.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    if ctype and "html" not in ctype.lower():
        return ReadResult(skipped=(source, f"not HTML ({ctype.split(';')[0].strip()})"))
    body = record.content_stream().read(MAX_BYTES + 1)
    if len(body) > MAX_BYTES:
        return ReadResult(error=InputError(source, f"record too large (> {MAX_BYTES // (1024 * 1024)} MB)"))
    try:
        html = decode_bytes(_declared_utf8(body, ctype), source)
        doc = read_html(html, url or source, source, url=url)
    except InputError as exc:
        return ReadResult(error=exc)
    doc.pub_date = doc.pub_date or parse_date(record.rec_headers.get_header("WARC-Date"))
    doc.url = url or doc.url
    return ReadResult(doc=doc)


def _declared_utf8(body: bytes, ctype: str) -> bytes:
    """A page declared UTF-8 with a stray invalid byte is still UTF-8: replace the byte, keep the page."""
    if "utf-8" in ctype.lower():
        return body.decode("utf-8", errors="replace").encode("utf-8")
    return body


def table_or_warc(path: Path, columns: dict[str, str] | None) -> Iterator:
    kind = archive_kind(path)
    if kind == "warc":
        yield from read_warc(path)
    else:
        yield from read_table(path, columns)

