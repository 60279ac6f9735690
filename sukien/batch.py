"""Whole archives on Dask: the same per-document pipeline as `sukien ingest` (ingest -> clean -> analyse ->
extract), run per partition on a LocalCluster or a remote scheduler, written as partitioned Parquet:
documents/, events/, mentions/, actors/, errors/ under the output directory. A partition is committed by
renaming its files into place and writing a marker, so a killed batch re-runs only what is missing.
`load` reads that Parquet into a store through the store's own merge logic."""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .ingest.readers import JSONL_SUFFIXES, expand_inputs, jsonl_line_offsets, read_jsonl_file, read_path
from .model import Actor, Article, Event, Mention, Removed, Span

TABLES = ("documents", "events", "mentions", "actors", "errors")
JSONL_SHARD = 100          # lines of a JSON Lines file per partition
FILES_PER_PARTITION = 50


class BatchError(ValueError):
    """A batch that cannot run as asked; the message is one line for the user."""


@dataclass(frozen=True)
class Part:
    """A unit of work: some files, or a line range of one JSON Lines file."""
    paths: tuple[str, ...]
    first_line: int = 0
    last_line: int = 0
    offset: int = 0        # byte position of first_line: a partition reads its own lines, not the whole shard

    @property
    def id(self) -> str:
        key = json.dumps([self.paths, self.first_line, self.last_line])
        return hashlib.sha1(key.encode()).hexdigest()[:16]


def plan(inputs, files_per_partition: int = FILES_PER_PARTITION, shard: int = JSONL_SHARD) -> list[Part]:
    parts, files = [], []

    def flush():
        parts.extend(Part(tuple(files[i:i + files_per_partition])) for i in range(0, len(files), files_per_partition))
        files.clear()

    for item in expand_inputs(inputs):          # partitions keep the order of the inputs
        if item == "-":
            raise BatchError("batch reads files, directories and globs, not stdin")
        if item.suffix.lower() in JSONL_SUFFIXES and item.exists():
            flush()
            n, offsets = jsonl_line_offsets(item, shard)
            parts += [Part((str(item),), a + 1, min(a + shard, n), offset)
                      for a, offset in zip(range(0, n, shard), offsets)]
        else:
            files.append(str(item))
            if len(files) == files_per_partition:
                flush()
    flush()
    return parts


def _read(part: Part, columns: dict[str, str] | None = None):
    if part.last_line:
        yield from read_jsonl_file(Path(part.paths[0]), part.first_line, part.last_line, part.offset)
    else:
        for p in part.paths:
            yield from read_path(Path(p), columns)


def doc_ref(article: Article) -> str:
    """One identity for a document from reading to loading: where it was read (path, path:line, file@offset)
    and its content hash. Two files of one name in two folders are two documents (a basename is no identity)."""
    from .store.db import content_hash
    return f"{article.source}#{content_hash(article)}"


def _ref(row: dict) -> str:
    """The document a batch row belongs to; batches written before session 3 only have the key."""
    return row.get("doc_ref") or row["doc_key"]


def _span(s: Span | None):
    return [s.start, s.end] if s else None


def _error_row(exc) -> dict:
    from .errors import SkippedDocument
    reason = f"skipped: {exc.reason}" if isinstance(exc, SkippedDocument) else exc.reason
    return {"source": exc.source, "reason": reason}


def process_partition(part: Part, out_dir: str, seq: int = 0, columns: dict[str, str] | None = None) -> dict:
    """Run the pipeline on one partition and write its Parquet files; skipped when already done. Records
    skipped with a reason (not Vietnamese, not HTML) are kept in errors/ with the reason "skipped: …"."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from .errors import InputError, SkippedDocument
    from .pipeline import process
    from .store.db import content_hash

    out = Path(out_dir)
    marker = out / "_done" / part.id
    if marker.exists():
        return {"partition": part.id, "skipped": True}
    rows = {t: [] for t in TABLES}
    for result in _read(part, columns):
        if result.skipped:
            result.error = SkippedDocument(*result.skipped)
        if result.error:
            rows["errors"].append(_error_row(result.error))
            continue
        try:
            p = process(result.doc)
        except InputError as exc:
            rows["errors"].append(_error_row(exc))
            continue
        a = p.article
        ref = doc_ref(a)
        rows["documents"].append({
            "doc_ref": ref, "doc_key": a.key, "source": a.source, "raw_text": a.raw_text, "clean_text": a.text,
            "content_hash": content_hash(a), "title_span": json.dumps(_span(a.title)), "lead_span": json.dumps(_span(a.lead)),
            "paragraphs": json.dumps([_span(s) for s in a.paragraphs]), "captions": json.dumps(a.captions, ensure_ascii=False),
            "removed": json.dumps([[r.kind, r.text] for r in a.removed], ensure_ascii=False), "outlet": a.outlet,
            "url": a.url, "pub_date": a.pub_date.isoformat() if a.pub_date else None})
        for e in p.events:
            rows["events"].append({"doc_ref": ref, "doc_key": a.key, "event": json.dumps(e.as_json() | {"cue": e.cue, "signals": e.signals, "instrument": e.instrument},
                                                                         ensure_ascii=False)})
        for m in p.mentions:
            if m.kind in ("person", "spouse"):
                rows["mentions"].append({"doc_ref": ref, "doc_key": a.key, "name": m.name, "titles": json.dumps(m.titles, ensure_ascii=False),
                                         "country": m.country, "org": m.org, "kind": m.kind, "start": m.span.start,
                                         "end": m.span.end})
        for name, country in sorted({(m.name, m.country or "") for m in p.mentions if m.kind == "person" and m.name}):
            rows["actors"].append({"doc_ref": ref, "doc_key": a.key, "name": name, "country": country or None})
    for table, data in rows.items():
        target = out / table / f"part-{part.id}.parquet"
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        pq.write_table(pa.Table.from_pylist(data) if data else pa.table({"_empty": pa.array([], pa.int8())}), tmp)
        os.replace(tmp, target)          # atomic: a reader never sees half a file
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(json.dumps({"seq": seq, "paths": part.paths, "lines": [part.first_line, part.last_line],
                                  "documents": len(rows["documents"]), "errors": len(rows["errors"])}))
    return {"partition": part.id, "documents": len(rows["documents"]), "events": len(rows["events"]),
            "errors": len(rows["errors"])}


def _claim(out: Path, parts: list[Part]) -> None:
    """An output directory holds one batch: re-running it with other inputs or another partition size would
    mix two sets of partitions (and documents twice), so that is refused."""
    plan_file = out / "_plan.json"
    ids = [p.id for p in parts]
    if plan_file.exists():
        if json.loads(plan_file.read_text()).get("partitions") != ids:
            raise BatchError(f"{out}: holds a batch of other inputs or another partition size; use a new --out")
        return
    if (out / "_done").exists() and any((out / "_done").iterdir()):
        raise BatchError(f"{out}: holds partitions of an unknown batch; use a new --out")
    tmp = plan_file.with_suffix(".tmp")
    tmp.write_text(json.dumps({"partitions": ids}))
    os.replace(tmp, plan_file)


def run(inputs, out_dir: str, scheduler: str = "local", workers: int | None = None, progress: bool = True,
        partition_size: int | None = None, columns: dict[str, str] | None = None) -> list[dict]:
    """Process every partition on Dask. `scheduler`: "local" (a LocalCluster of processes), "sync" (in this
    process, for debugging) or a scheduler address such as tcp://host:8786. `partition_size`: files, or lines
    of a JSON Lines file, per partition; an output directory holds one batch (another size is refused)."""
    parts = plan(inputs, partition_size or FILES_PER_PARTITION, partition_size or JSONL_SHARD)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    _claim(Path(out_dir), parts)
    if scheduler == "sync":
        return [process_partition(p, out_dir, i, columns) for i, p in enumerate(parts)]
    from dask.distributed import Client, LocalCluster, progress as dask_progress
    cluster = None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        futures = client.map(process_partition, parts, [str(Path(out_dir).resolve())] * len(parts), range(len(parts)),
                             [columns] * len(parts), pure=False)
        if progress:
            dask_progress(futures)
        return client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _tables(out_dir: str, table: str):
    """Rows of one table, partition by partition in input order (so that loading merges events and resolves
    actors exactly as an ingest of the same inputs would); unfinished partitions are left out."""
    import pyarrow.parquet as pq
    done = {p.name: json.loads(p.read_text()).get("seq", 0) for p in (Path(out_dir) / "_done").glob("*")}
    for pid in sorted(done, key=lambda k: (done[k], k)):
        f = Path(out_dir) / table / f"part-{pid}.parquet"
        if f.exists():
            t = pq.read_table(f)
            if "_empty" not in t.column_names:
                yield pid, t.to_pylist()


def _event_from(d: dict) -> Event:
    def actor(a):
        return Actor(a["name"], a["titles"], a["country"], a["org"]) if a else None
    return Event(doc=d["doc"], type=d["type"], cameo=d["cameo"], plover=d["plover"], source=actor(d["source"]),
                 target=actor(d["target"]) if (d["target"] or {}).get("name") or (d["target"] or {}).get("country")
                 or (d["target"] or {}).get("org") else None,
                 date_start=d["date_start"], date_end=d["date_end"], date_precision=d["date_precision"],
                 date_text=d["date_text"], location=d["location"], modality=d["modality"], sentence=d["sentence"],
                 char_start=d["char_start"], char_end=d["char_end"], confidence=d["confidence"], cue=d.get("cue", ""),
                 signals=d.get("signals", ""), instrument=d.get("instrument"), framework=d.get("framework"),
                 action=d.get("action"), framework_level=d.get("framework_level"))


def load(out_dir: str, store) -> dict:
    """Load a batch's Parquet into the store, one transaction per document; events merge across documents
    and partitions exactly as they do for `sukien ingest`. Loading twice changes nothing."""
    from .pipeline import Processed
    from .store.writer import write_extraction

    events_by_doc, mentions_by_doc = {}, {}
    for _, rows in _tables(out_dir, "events"):
        for r in rows:
            events_by_doc.setdefault(_ref(r), []).append(_event_from(json.loads(r["event"])))
    for _, rows in _tables(out_dir, "mentions"):
        for r in rows:
            mentions_by_doc.setdefault(_ref(r), []).append(
                Mention(Span(r["start"], r["end"]), r["name"], json.loads(r["titles"]), r["country"], r["org"], r["kind"]))
    counts = {"new": 0, "unchanged": 0, "duplicate": 0, "errors": 0}
    for _, rows in _tables(out_dir, "documents"):
        for r in rows:
            spans = [Span(*s) for s in json.loads(r["paragraphs"])]
            title, lead = json.loads(r["title_span"]), json.loads(r["lead_span"])
            article = Article(key=r["doc_key"], source=r["source"], raw_text=r["raw_text"], text=r["clean_text"],
                              paragraphs=spans, title=Span(*title) if title else None, lead=Span(*lead) if lead else None,
                              captions=json.loads(r["captions"]), removed=[Removed(k, t) for k, t in json.loads(r["removed"])],
                              outlet=r["outlet"], pub_date=date.fromisoformat(r["pub_date"]) if r["pub_date"] else None,
                              url=r["url"])
            processed = Processed(article, mentions_by_doc.get(_ref(r), []), events_by_doc.get(_ref(r), []))
            res = store.store_article(article, writer=lambda conn, doc_id, dup, p=processed: write_extraction(conn, doc_id, dup, p))
            counts[res.status] += 1
    for _, rows in _tables(out_dir, "errors"):
        for r in rows:
            if r["reason"].startswith("skipped: "):
                counts["skipped"] = counts.get("skipped", 0) + 1     # not an article: counted, not an error
                continue
            store.record_error(r["source"], r["reason"])
            counts["errors"] += 1
    return counts
