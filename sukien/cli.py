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


@main.command()
@DB_OPTION
@click.option("--actor", help="A person or organization, by name (diacritics optional).")
@click.option("--country", help="A country code or a pair: VNM or VNM-LAO.")
@click.option("--type", "type_", help="Event type (VISIT, TALKS, MEETING, …).")
@click.option("--since", help="Earliest date_start (YYYY-MM-DD).")
@click.option("--until", help="Latest date_start (YYYY-MM-DD).")
@click.option("--limit", default=200, show_default=True)
@click.option("--json", "as_json", is_flag=True)
def events(db, actor, country, type_, since, until, limit, as_json):
    """Stored events (merged across reports), newest first."""
    from .store import open_store
    from .store.queries import list_events

    rows = list_events(open_store(db), actor, country, type_, since, until, limit)
    if as_json:
        for r in rows:
            _json_line(r)
        return
    table = Table("id", "date", "type", "source", "target", "modality", "sources", "evidence")
    for r in rows:
        src = r["source"]["name"] or r["source"]["org"] or r["source"]["country"]
        tgt = (r["target"] or {}).get("name") or (r["target"] or {}).get("org") or (r["target"] or {}).get("country") or ""
        table.add_row(str(r["id"]), str(r["date_start"] or r["date_text"] or ""), r["type"], src or "", tgt,
                      r["modality"], str(r["num_articles"]), (r["sources"][0]["sentence"] if r["sources"] else "")[:80])
    out.print(table)


@main.command()
@DB_OPTION
@click.option("--json", "as_json", is_flag=True)
@click.option("--limit", default=100, show_default=True)
def actors(db, as_json, limit):
    """People with their latest titles and mention counts."""
    from .store import open_store
    from .store.queries import list_actors

    rows = list_actors(open_store(db), limit=limit)
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


if __name__ == "__main__":
    main()
