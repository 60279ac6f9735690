"""Thin command-line layer: parse arguments, call the library, print with rich or as JSON."""
from __future__ import annotations

import json
import sys

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

console = Console(stderr=True, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

DB_OPTION = click.option("--db", "db", envvar="SUKIEN_DB", default=None,
                         help="SQLite path or database URL (postgresql://…); default sukien.db or $SUKIEN_DB.")


def _json_line(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")


@click.group()
@click.version_option(package_name="sukien")
def main():
    """sukien: events, actors and sources from Vietnamese political and diplomatic news."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--no-extract", is_flag=True, help="Store cleaned documents only.")
def ingest(paths, db, no_extract):
    """Read, clean, extract and store articles (files, directories, globs, JSON Lines, '-' for stdin)."""
    from .pipeline import ingest as run_ingest
    from .store import open_store

    store = open_store(db)
    with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                  TimeElapsedColumn(), console=console, transient=True) as progress:
        task = progress.add_task("", total=None)

        def seen(source, status):
            progress.update(task, advance=1, description=f"{status}: {source[-50:]}")

        summary = run_ingest(paths, store, on_document=seen, extract=not no_extract)
    for line in summary.errors:
        click.echo(f"error: {line}", err=True)   # one plain line per bad document, never wrapped
    console.print(f"new {summary.new} · unchanged {summary.unchanged} · duplicate {summary.duplicate} · "
                  f"failed {summary.failed} · events {summary.events}  ({store.url})", highlight=False)
    store.close()
    sys.exit(0 if summary.ok else 1)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per event (the contract of events.md).")
def extract(paths, as_json):
    """Extract events from articles without storing them."""
    from .pipeline import process_all

    failed = 0
    table = Table("doc", "type", "source", "target", "date", "modality", "sentence", show_lines=False)
    for result, processed in process_all(paths):
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


if __name__ == "__main__":
    main()
