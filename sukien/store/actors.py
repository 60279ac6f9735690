"""Actors and their observations (who held which title, when, with the sentence that says so)."""
from __future__ import annotations

import json
import re

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..lexicons.fold import fold
from ..model import Actor
from ..resolve.actors import same_person, skeleton
from . import schema as S
from . import search


def stored_key(kind: str, name: str, country: str | None) -> str:
    """The unique key of a stored actor: a person by folded name (aliases join spellings), a country by code,
    a body by folded name and country ("Bộ Ngoại giao" of Việt Nam and of Campuchia are two actors)."""
    if kind == "country":
        return f"country:{name}"
    if kind == "org" and country:
        return f"{fold(name)} @{country.lower()}"
    return fold(name)


def actor_id(conn, actor: Actor | None) -> int | None:
    """The stored actor for a contract actor: a person by name (or an alias that is the same person),
    an organization by name, a country by code. Creates it when new."""
    if actor is None:
        return None
    if actor.name:
        kind, name = "person", actor.name
    elif actor.org:
        kind, name = "org", actor.org
    elif actor.country:
        kind, name = "country", actor.country
    else:
        return None
    folded = stored_key(kind, name, actor.country)
    row = conn.execute(select(S.actor_aliases.c.actor_id).where(S.actor_aliases.c.folded == folded)
                       .order_by(S.actor_aliases.c.actor_id)).first()
    if row:
        if kind == "person" and actor.country:
            conn.execute(S.actors.update().where(S.actors.c.id == row[0], S.actors.c.country.is_(None))
                         .values(country=actor.country))
        return row[0]
    if kind == "person" and (rid := _short_form_of(conn, name, actor.country, actor.titles)) is not None:
        _add_alias(conn, rid, name, folded)
        return rid
    if kind == "person" and (rid := _adopt_short_form(conn, name, actor.country)) is not None:
        _add_alias(conn, rid, name, folded)
        return rid
    if kind == "person":
        # an alias spelled differently: compare skeletons of people with a compatible country
        sk = skeleton(name)
        rows = conn.execute(select(S.actors.c.id, S.actors.c.name, S.actors.c.country)
                            .where(S.actors.c.kind == "person").order_by(S.actors.c.id)).all()
        for rid, rname, rcountry in rows:
            if skeleton(rname)[:2] == sk[:2] and same_person(name, rname, actor.country, rcountry):
                _add_alias(conn, rid, name, folded)
                return rid
    try:
        with conn.begin_nested():            # another writer may create the same actor at the same moment
            new_id = conn.execute(S.actors.insert().values(name=name, folded=folded, kind=kind,
                                                           country=actor.country)).inserted_primary_key[0]
            conn.execute(S.actor_aliases.insert().values(actor_id=new_id, alias=name, folded=folded))
    except IntegrityError:
        row = conn.execute(select(S.actor_aliases.c.actor_id).where(S.actor_aliases.c.folded == folded)
                           .order_by(S.actor_aliases.c.actor_id)).first()
        if row is None:
            raise
        return row[0]
    search.add(conn, "actor", new_id, name)
    return new_id


def _add_alias(conn, actor_id: int, name: str, folded: str) -> None:
    """Another spelling of a stored actor; a writer beside us may have added the same one a moment ago."""
    try:
        with conn.begin_nested():
            conn.execute(S.actor_aliases.insert().values(actor_id=actor_id, alias=name, folded=folded))
    except IntegrityError:
        return
    search.add(conn, "actor", actor_id, name)


def _short_parts(name: str) -> tuple[str, str] | None:
    """('v', 'volodin') for 'V. Volodin', ('', 'medvedev') for 'Medvedev': a foreign surname alone or after
    one initial; None for anything else (a Vietnamese given name alone is too common to stand for anyone)."""
    from ..extract.names import is_foreign_token
    parts = name.split()
    if not parts or not is_foreign_token(parts[-1].strip(".")) or len(parts) > 2:
        return None
    if len(parts) == 2 and not re.fullmatch(r"[A-ZĐ]\.", parts[0]):
        return None
    return (parts[0][0].lower() if len(parts) == 2 else ""), fold(parts[-1])


def _compatible(a: str | None, b: str | None) -> bool:
    return not a or not b or a == b


def _people_with_surname(conn, surname: str):
    return conn.execute(select(S.actors.c.id, S.actors.c.name, S.actors.c.country)
                        .where(S.actors.c.kind == "person", S.actors.c.folded.like(f"% {surname}"))
                        .order_by(S.actors.c.id)).all()


def _short_form_of(conn, name: str, country: str | None, titles: list[str] | None = None) -> int | None:
    """'Medvedev', 'V. Volodin' after 'Dmitri Medvedev', 'Vyacheslav Volodin' are stored: the one person whose
    surname (and initial) it is; of several ('Tổng thống Trump': Donald Trump, Eric Trump) the one who held the
    title it is written with; two left ('Bush': George Bush, George W. Bush, both presidents) leave it alone."""
    short = _short_parts(name)
    if short is None:
        return None
    initial, surname = short
    found = [rid for rid, rname, rcountry in _people_with_surname(conn, surname)
             if _compatible(country, rcountry) and (not initial or fold(rname)[:1] == initial)]
    if len(found) > 1 and titles:
        held = {r[0] for title in titles for r in conn.execute(
            select(S.observations.c.actor_id).where(S.observations.c.actor_id.in_(found),
                                                    S.observations.c.titles.like(f'%{json.dumps(title, ensure_ascii=False)}%'))
            .distinct())}
        found = [rid for rid in found if rid in held]
    return found[0] if len(found) == 1 else None


def _adopt_short_form(conn, name: str, country: str | None) -> int | None:
    """A full name arriving after its short form was stored alone ('Medvedev' before 'Dmitri Medvedev'): the
    short form's actor takes the full name, unless another full name with that surname is stored already."""
    parts = name.split()
    if len(parts) < 2 or _short_parts(parts[-1]) is None:
        return None
    surname = fold(parts[-1])
    for key in (surname, fold(f"{parts[0][0]}. {parts[-1]}")):
        row = conn.execute(select(S.actors.c.id, S.actors.c.country)
                           .where(S.actors.c.kind == "person", S.actors.c.folded == key)).first()
        if row is not None and _compatible(country, row[1]) and not _people_with_surname(conn, surname):
            conn.execute(S.actors.update().where(S.actors.c.id == row[0])
                         .values(name=name, folded=fold(name), country=row[1] or country))
            return row[0]
    return None


def store_mentions(conn, doc_id: int, processed) -> int:
    """Every mention of a person or of a named body becomes an observation with its titles, date and evidence
    sentence."""
    article = processed.article
    sentences = None      # only mentions rebuilt without their sentence (batch load) need a second split
    n = 0
    for m in processed.mentions:
        if m.kind == "person" and m.name:
            aid = actor_id(conn, Actor(m.name, m.titles, m.country, m.org))
        elif m.kind == "org" and m.org:
            aid = actor_id(conn, Actor(None, [], m.country, m.org))
        else:
            continue
        sent = m.sentence
        if sent is None:
            if sentences is None:
                from ..nlp import split_sentences
                sentences = split_sentences(article)
            sent = next((s.span for s in sentences if s.span.start <= m.span.start < s.span.end), m.span)
        conn.execute(S.observations.insert().values(
            actor_id=aid, document_id=doc_id, name_as_written=m.span.of(article.text), titles=json.dumps(m.titles, ensure_ascii=False),
            country=m.country, org=m.org, obs_date=article.pub_date, char_start=m.span.start, char_end=m.span.end,
            sent_start=sent.start, sent_end=sent.end))
        n += 1
    return n
