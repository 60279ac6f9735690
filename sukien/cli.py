"""Thin command-line layer: parse arguments, call the library, print with rich or as JSON."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

console = Console(stderr=True, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

def _columns(ctx, param, value):
    from .ingest.archives import parse_columns
    try:
        return parse_columns(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


COLUMNS_OPTION = click.option(
    "--columns", callback=_columns, metavar="FIELD=COLUMN,…",
    help="Columns of CSV/TSV/Parquet exports: text, html, title, date, url, outlet, id "
         "(e.g. text=Content,title=Title,date=Time,url=URL); default: the usual header names.")

DB_OPTION = click.option("--db", "db", envvar="SUKIEN_DB", default=None,
                         help="SQLite path or database URL (postgresql://…); default sukien.db or $SUKIEN_DB.")


def _json_line(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")


class _Commands(click.Group):
    """Every command: a store that cannot be opened or written is one line naming it, never a traceback."""

    def invoke(self, ctx):
        from .errors import StoreError
        try:
            return super().invoke(ctx)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=_Commands)
@click.version_option(package_name="sukien")
def main():
    """sukien: events, actors and sources from Vietnamese political and diplomatic news."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--no-extract", is_flag=True, help="Store cleaned documents only.")
@COLUMNS_OPTION
def ingest(paths, db, no_extract, columns):
    """Read, clean, extract and store articles (files, directories, globs, JSON Lines, WARC, CSV/TSV/Parquet,
    '-' for stdin)."""
    from .pipeline import ingest as run_ingest
    from .store import open_store

    store = open_store(db)
    with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                  TimeElapsedColumn(), console=console, transient=True) as progress:
        task = progress.add_task("", total=None)

        def seen(source, status):
            progress.update(task, advance=1, description=f"{status}: {source[-50:]}")

        summary = run_ingest(paths, store, on_document=seen, extract=not no_extract, columns=columns)
    for line in summary.errors:
        click.echo(f"error: {line}", err=True)   # one plain line per bad document, never wrapped
    for reason, count in summary.skip_reasons.most_common():
        click.echo(f"skipped {count}: {reason}", err=True)
    console.print(f"new {summary.new} · unchanged {summary.unchanged} · duplicate {summary.duplicate} · "
                  f"skipped {summary.skipped} · failed {summary.failed} · events {summary.events}  ({store.url})",
                  highlight=False)
    store.close()
    sys.exit(0 if summary.ok else 1)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per event (the contract of events.md).")
@COLUMNS_OPTION
def extract(paths, as_json, columns):
    """Extract events from articles without storing them."""
    from .errors import SkippedDocument
    from .pipeline import process_all

    failed = 0
    table = Table("doc", "type", "source", "target", "date", "modality", show_lines=False)
    table.add_column("sentence", no_wrap=True, overflow="ellipsis", max_width=70)
    for result, processed in process_all(paths, columns=columns):
        if isinstance(result.error, SkippedDocument):
            click.echo(f"skipped: {result.error}", err=True)
            continue
        if processed is None:
            failed += 1
            click.echo(f"error: {result.error}", err=True)
            continue
        for ev in processed.events:
            if as_json:
                _json_line(ev.as_json())
            else:
                src = ev.source.name or ev.source.org or ev.source.country
                tgt = (ev.target.name or ev.target.org or ev.target.country) if ev.target else ""
                table.add_row(ev.doc, ev.type, src, tgt or "", ev.date_start or ev.date_text or "", ev.modality,
                              ev.sentence[:90])
    if not as_json:
        out.print(table)
    sys.exit(1 if failed else 0)


@main.command()
@click.option("--shared", type=click.Path(exists=True, file_okay=False), default="../shared", show_default=True,
              help="The shared data: articles and gold.")
def train(shared):
    """Train the document-relevance model on the shared sets (sukien/models/relevance.npz)."""
    from pathlib import Path

    from .extract import relevance
    rows = relevance.training_set(Path(shared))
    model = relevance.fit([r[2] for r in rows], [r[3] for r in rows])
    relevance.save(model)
    positives = sum(r[3] for r in rows)
    click.echo(f"relevance: {len(rows)} articles ({positives} with events, {len(rows) - positives} without), "
               f"written to {relevance.MODEL}")


@main.command()
@DB_OPTION
@click.option("--json", "as_json", is_flag=True)
@click.option("--all", "include_duplicates", is_flag=True, default=True, help="Include documents linked as duplicates.")
def docs(db, as_json, include_duplicates):
    """List stored documents."""
    from .store import open_store

    store = open_store(db)
    rows = store.documents(include_duplicates)
    if as_json:
        for r in rows:
            _json_line(r)
        return
    table = Table("id", "doc", "date", "outlet", "title", "chars", "duplicate of")
    for r in rows:
        table.add_row(str(r["id"]), r["doc_key"], str(r["pub_date"] or ""), r["outlet"] or "", (r["title"] or "")[:60],
                      str(r["chars"]), str(r["duplicate_of"] or ""))
    out.print(table)
    c = store.counts()
    out.print(f"{c['documents']} documents ({c['duplicates']} duplicates), {c['events']} events, "
              f"{c['actors']} actors, {c['errors']} ingest errors")


@main.command()
@click.argument("doc")
@DB_OPTION
def show(doc, db):
    """Print a cleaned document and what cleaning removed from it."""
    from .store import open_store

    store = open_store(db)
    d = store.document(doc)
    if d is None:
        console.print(f"no document {doc!r}")
        sys.exit(1)
    out.print(f"[bold]{d['doc_key']}[/bold]  {d['pub_date'] or ''}  {d['outlet'] or ''}  {d['url'] or ''}")
    if d["duplicate_of"]:
        out.print(f"duplicate of document {d['duplicate_of']} (similarity {d['similarity']})")
    out.print()
    out.print(d["clean_text"], markup=False)
    if d["captions"]:
        out.print("\n[bold]Captions[/bold]")
        for c in d["captions"]:
            out.print(f"  {c}", markup=False)
    if d["removed"]:
        out.print("\n[bold]Removed[/bold]")
        for r in d["removed"]:
            out.print(f"  [dim]{r['kind']:>10}[/dim]  {r['text'][:120]}", highlight=False)


@main.command()
@DB_OPTION
@click.option("--actor", help="A person or organization, by name (diacritics optional).")
@click.option("--country", help="A country code or a pair: VNM or VNM-LAO.")
@click.option("--type", "type_", help="Event type (VISIT, TALKS, MEETING, …).")
@click.option("--since", help="Earliest date_start (YYYY-MM-DD).")
@click.option("--until", help="Latest date_start (YYYY-MM-DD).")
@click.option("--channel", type=click.Choice(["party", "state", "government", "legislature", "military", "sub-national",
                                             "multilateral", "people-to-people"]),
              help="Through which institutions the two sides talked (from their sectors).")
@click.option("--limit", default=200, show_default=True)
@click.option("--json", "as_json", is_flag=True)
def events(db, actor, country, type_, since, until, channel, limit, as_json):
    """Stored events (merged across reports), newest first."""
    from .store import open_store
    from .store.queries import list_events

    rows = list_events(open_store(db), actor, country, type_, since, until, limit, channel=channel)
    if as_json:
        for r in rows:
            _json_line(r)
        return
    # short columns never wrap; who did it and the evidence share one column that wraps, so the table
    # reads at any terminal width (text, not markup: an article may hold "[" characters)
    table = Table()
    for name in ("id", "date", "type", "modality", "sources"):
        table.add_column(name, no_wrap=True)
    table.add_column("who → with whom · evidence", ratio=1)
    for r in rows:
        src = r["source"]["name"] or r["source"]["org"] or r["source"]["country"]
        tgt = (r["target"] or {}).get("name") or (r["target"] or {}).get("org") or (r["target"] or {}).get("country") or ""
        cell = Text(f"{src or '?'} → {tgt or '—'}", style="bold")
        cell.append("\n" + (r["sources"][0]["sentence"] if r["sources"] else "")[:200], style="dim")
        table.add_row(str(r["id"]), str(r["date_start"] or r["date_text"] or ""), r["type"], r["modality"],
                      str(r["num_articles"]), cell)
    out.print(table)


@main.command()
@DB_OPTION
@click.option("--json", "as_json", is_flag=True)
@click.option("--limit", default=100, show_default=True)
@click.option("--kind", type=click.Choice(["person", "org", "country"]), default="person", show_default=True,
              help="people, named bodies (ministries, firms, associations …) or countries")
def actors(db, as_json, limit, kind):
    """People (or named bodies, or countries) with their latest titles and mention counts."""
    from .store import open_store
    from .store.queries import list_actors

    rows = list_actors(open_store(db), kind=kind, limit=limit)
    if as_json:
        for r in rows:
            _json_line(r)
        return
    table = Table("id", "name", "country", "mentions", "current titles")
    for r in rows:
        table.add_row(str(r["id"]), r["name"], r["country"] or "", str(r["mentions"]), ", ".join(r["current_titles"]))
    out.print(table)


@main.command()
@click.argument("name")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True)
def actor(name, db, as_json):
    """One actor's role timeline: first and last seen per title, with the evidence sentence."""
    from .store import open_store
    from .store.queries import actor_timeline, find_actors

    store = open_store(db)
    found = find_actors(store, name)
    if not found:
        console.print(f"no actor matches {name!r}")
        sys.exit(1)
    for a in found:
        timeline = actor_timeline(store, a["id"])
        if as_json:
            _json_line({**a, "titles": timeline})
            continue
        out.print(f"[bold]{a['name']}[/bold]  {a['country'] or ''}")
        table = Table("title", "country", "first seen", "last seen", "docs", "evidence")
        for t in timeline:
            table.add_row(t["title"], t["country"] or "", t["first_seen"] or "?", t["last_seen"] or "?",
                          str(t["documents"]), f"{t['evidence']} [{t['evidence_doc']}]")
        out.print(table)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Directory for the Parquet output.")
@click.option("--scheduler", default="local", show_default=True,
              help="local (a Dask LocalCluster), sync (this process) or a scheduler address tcp://host:8786.")
@click.option("--workers", type=int, help="Workers of the LocalCluster (default: one per core).")
@click.option("--partition-size", type=click.IntRange(min=1), help="Files (or JSON Lines lines) per partition "
              "[default: 50 files, 100 lines]. Smaller partitions lose less work when a batch is killed.")
@COLUMNS_OPTION
def batch(paths, out_dir, scheduler, workers, partition_size, columns):
    """Run the pipeline over whole archives on Dask; partitioned Parquet under --out; re-runs skip what is done."""
    from .batch import BatchError, run

    try:
        results = run(paths, out_dir, scheduler=scheduler, workers=workers, partition_size=partition_size,
                      columns=columns)
    except BatchError as exc:
        raise click.ClickException(str(exc)) from None
    done = [r for r in results if not r.get("skipped")]
    console.print(f"{len(results)} partitions ({len(results) - len(done)} already done): "
                  f"{sum(r.get('documents', 0) for r in done)} documents, {sum(r.get('events', 0) for r in done)} events, "
                  f"{sum(r.get('errors', 0) for r in done)} errors -> {out_dir}")


@main.command()
@click.argument("batch_dir", type=click.Path(exists=True, file_okay=False))
@DB_OPTION
def load(batch_dir, db):
    """Load the Parquet of `sukien batch` into a store (SQLite or PostgreSQL), merging events across reports."""
    from .batch import load as run
    from .store import open_store

    counts = run(batch_dir, open_store(db))
    console.print(" · ".join(f"{k} {v}" for k, v in counts.items()))


@main.command("search")
@click.argument("query")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True)
@click.option("--limit", default=30, show_default=True)
def search_cmd(query, db, as_json, limit):
    """Search documents, actors and evidence sentences; diacritics optional ("to lam" finds Tô Lâm)."""
    from .store import open_store
    from .store.queries import search

    rows = search(open_store(db), query, limit=limit)
    if as_json:
        for r in rows:
            _json_line(r)
        return
    table = Table("kind", "id", "date", "match")
    for r in rows:
        table.add_row(r["kind"], str(r["id"]), r.get("date") or "", r["label"][:100])
    out.print(table)


@main.command()
@DB_OPTION
@click.option("--by", type=click.Choice(["month", "week"]), default="month", show_default=True)
@click.option("--group", type=click.Choice(["type", "pair"]), default="type", show_default=True)
@click.option("--country", help="A country code or a pair: VNM-LAO.")
@click.option("--actor")
@click.option("--type", "type_")
@click.option("--since")
@click.option("--until")
@click.option("--json", "as_json", is_flag=True)
@click.option("--csv", "as_csv", is_flag=True)
def timeline(db, by, group, country, actor, type_, since, until, as_json, as_csv):
    """Events and the engagement index per month or week, per type or country pair (weights: lexicons/engagement.yaml)."""
    from .store import open_store
    from .store.queries import timeline as run

    rows = run(open_store(db), by=by, group=group, country=country, actor=actor, type_=type_, since=since, until=until)
    if as_json:
        for r in rows:
            _json_line(r)
        return
    if as_csv:
        import csv as _csv
        w = _csv.DictWriter(sys.stdout, fieldnames=["period", "group", "events", "engagement"], lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        return
    table = Table("period", group, "events", "engagement")
    for r in rows:
        table.add_row(r["period"], r["group"], str(r["events"]), f"{r['engagement']:.2f}")
    out.print(table)


@main.command()
@click.argument("country")
@click.argument("partner", required=False)
@DB_OPTION
@click.option("--json", "as_json", is_flag=True)
def relations(country, partner, db, as_json):
    """A pair's framework ladder with dates and evidence, its exchanges by channel and type per year and its
    engagement index (`relations VNM LAO`); or every partner of a country with its current framework."""
    from .store import open_store
    from .store.relations import pair_relations, partners

    for code in filter(None, (country, partner)):
        if not (len(code) == 3 and code.isalpha()):
            raise click.UsageError(f"{code!r} is not a country code (three letters: VNM, LAO)")
    store = open_store(db)
    if partner is None:
        rows = partners(store, country)
        if as_json:
            for r in rows:
                _json_line(r)
            return
        table = Table("partner", "framework", "since", "sources")
        table.add_column("evidence", ratio=1)
        for r in rows:
            table.add_row(r["partner"], f"{r['framework']} ({r['level']})", str(r["since_text"] or r["since"] or ""),
                          str(r["num_sources"]), Text((r["evidence"] or "")[:200]))
        out.print(table)
        return
    view = pair_relations(store, country, partner)
    if as_json:
        _json_line(view)
        return
    _print_pair(view)


def _print_pair(view: dict) -> None:
    current = view["current"]
    out.print(Text(f"{view['pair']}: " + (f"{current['framework']} (level {current['level']}, "
                                          f"{current['date_text'] or current['date_start'] or 'undated'})"
                                          if current else "no framework step stored"), style="bold"))
    ladder = Table("level", "framework", "action", "date", "sources")
    ladder.add_column("evidence (newest report first)", ratio=1)
    for s in view["ladder"]:
        ladder.add_row(str(s["level"]), s["framework"] or "", s["action"] or "", str(s["date_text"] or s["date_start"] or ""),
                       str(s["num_sources"]), Text((s["evidence"] or "")[:200]))
    out.print(ladder)
    channels = ["party", "state", "government", "legislature", "military", "sub-national", "multilateral",
                "people-to-people"]
    years = Table("year", *channels, "types", "engagement")
    for y in view["years"]:
        years.add_row(y["year"], *[str(y["channels"].get(c, 0)) for c in channels],
                      ", ".join(f"{t} {n}" for t, n in sorted(y["types"].items())), f"{y['engagement']:.2f}")
    out.print(years)


@main.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "gdelt", "plover"]), default="jsonl",
              show_default=True)
@click.option("--out", "out_path", type=click.Path(dir_okay=False), help="File to write (default: stdout; parquet needs a file).")
@click.option("--country")
@click.option("--actor")
@click.option("--type", "type_")
@click.option("--since")
@click.option("--until")
def export(db, fmt, out_path, country, actor, type_, since, until):
    """Export events: JSON Lines, CSV, Parquet, a GDELT-style event table (TSV) or PLOVER JSON Lines."""
    from .exports import export as run
    from .store import open_store

    filters = dict(country=country, actor=actor, type_=type_, since=since, until=until)
    store = open_store(db)
    if fmt == "parquet":
        if not out_path:
            raise click.UsageError("--format parquet needs --out FILE")
        with open(out_path, "wb") as fh:
            n = run(store, fmt, fh, **filters)
    elif out_path:
        with open(out_path, "w", encoding="utf-8", newline="") as fh:
            n = run(store, fmt, fh, **filters)
    else:
        n = run(store, fmt, sys.stdout, **filters)
    console.print(f"{n} records ({fmt})")


@main.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.option("--write-token", envvar="SUKIEN_WRITE_TOKEN", help="Allow POST /api/documents with this bearer token "
              "(better from $SUKIEN_WRITE_TOKEN or --write-token-file: a command line is visible in /proc).")
@click.option("--write-token-file", type=click.Path(dir_okay=False), envvar="SUKIEN_WRITE_TOKEN_FILE",
              help="Read the write token from this file (first line).")
@click.option("--cors-origin", multiple=True, help="Allow this origin to read the API (closed by default).")
@click.option("--cache-seconds", default=2.0, show_default=True, help="Keep GET /api/ answers this long (0: off).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: one per core); they share one response cache.")
def serve(db, host, port, write_token, write_token_file, cors_origin, cache_seconds, workers):
    """Serve the REST API (/api/, /openapi.json) and the web UI (/)."""
    import uvicorn
    from .api import create_app

    if write_token_file:
        try:
            write_token = Path(write_token_file).read_text(encoding="utf-8").splitlines()[0].strip() or None
        except (OSError, IndexError, UnicodeDecodeError) as exc:
            raise click.ClickException(f"{write_token_file}: cannot read a token ({type(exc).__name__})") from None

    workers = workers or os.cpu_count() or 1
    if workers == 1:
        app = create_app(db, write_token=write_token, cors_origins=list(cors_origin) or None, cache_seconds=cache_seconds)
        console.print(f"sukien on http://{host}:{port}/  (API docs: /docs, {'writable' if write_token else 'read-only'})")
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    _serve_workers(db, host, port, write_token, list(cors_origin) or None, cache_seconds, workers)


def _serve_workers(db, host, port, write_token, cors_origins, cache_seconds, workers) -> None:
    import tempfile
    import uvicorn
    from .store import open_store

    open_store(db).close()      # migrate once, and fail in one line before any worker starts
    with tempfile.TemporaryDirectory(prefix="sukien-serve-") as tmp:      # mode 0700: only this user reads it
        config = Path(tmp) / "config.json"
        config.write_text(json.dumps({"db": db, "write_token": write_token, "cors_origins": cors_origins,
                                      "cache_seconds": cache_seconds, "cache_path": str(Path(tmp) / "cache.db")}),
                          encoding="utf-8")
        config.chmod(0o600)
        os.environ["SUKIEN_SERVE_CONFIG"] = str(config)
        console.print(f"sukien on http://{host}:{port}/  ({workers} workers, "
                      f"{'writable' if write_token else 'read-only'})")
        config = uvicorn.Config("sukien.api.app:app_from_config", factory=True, host=host, port=port,
                                workers=workers, log_level="warning")
        from uvicorn.supervisors import Multiprocess
        Multiprocess(config, sockets=[_listening_socket(host, port)]).run()


def _listening_socket(host: str, port: int):
    """The socket the workers share, made as TCP explicitly: uvicorn's own has protocol 0, on which asyncio does not
    set TCP_NODELAY, and every answer then waited ~40 ms for a delayed ACK (p50 44 ms with 2 workers vs 5 ms with 1)."""
    import socket
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise click.ClickException(f"cannot listen on {host}:{port} ({exc.strerror})") from None
    sock.set_inheritable(True)
    return sock


if __name__ == "__main__":
    main()
