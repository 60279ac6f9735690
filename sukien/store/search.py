"""Search that forgives missing diacritics: every text is indexed folded ("Tô Lâm" -> "to lam", đ -> d).
SQLite: an FTS5 table; PostgreSQL: a table with a GIN index on to_tsvector('simple', body)."""
from __future__ import annotations

import re

from sqlalchemy import text

from ..lexicons.fold import fold

KINDS = ("document", "actor", "evidence")


def create(conn) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(text("CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING "
                          "fts5(kind UNINDEXED, ref_id UNINDEXED, body, tokenize='unicode61')"))
    else:
        conn.execute(text("CREATE TABLE IF NOT EXISTS search_index (id SERIAL PRIMARY KEY, kind VARCHAR(20) NOT NULL, "
                          "ref_id INTEGER NOT NULL, body TEXT NOT NULL)"))
        conn.execute(text("CREATE INDEX IF NOT EXISTS ix_search_index_body ON search_index "
                          "USING gin (to_tsvector('simple', body))"))
        conn.execute(text("CREATE INDEX IF NOT EXISTS ix_search_index_ref ON search_index (kind, ref_id)"))


def add(conn, kind: str, ref_id: int, body: str) -> None:
    conn.execute(text("INSERT INTO search_index (kind, ref_id, body) VALUES (:k, :r, :b)"),
                 {"k": kind, "r": ref_id, "b": fold(body)})


def _terms(query: str) -> list[str]:
    return re.findall(r"\w+", fold(query))[:12]


def search(conn, query: str, kinds=KINDS, limit: int = 50, offset: int = 0) -> list[dict]:
    """Rows of (kind, ref_id) whose folded text holds every term of the query."""
    terms = _terms(query)
    if not terms:
        return []
    kinds = [k for k in kinds if k in KINDS] or list(KINDS)
    params = {"limit": limit, "offset": offset}
    params.update({f"k{i}": k for i, k in enumerate(kinds)})
    kind_list = ", ".join(f":k{i}" for i in range(len(kinds)))
    if conn.dialect.name == "sqlite":
        params["q"] = " ".join(f'"{t}"' for t in terms)     # each term quoted: no FTS syntax from users
        sql = (f"SELECT kind, ref_id, snippet(search_index, 2, '[', ']', '…', 12) AS snippet FROM search_index "
               f"WHERE search_index MATCH :q AND kind IN ({kind_list}) LIMIT :limit OFFSET :offset")
    else:
        params["q"] = " ".join(terms)
        sql = (f"SELECT kind, ref_id, substr(body, 1, 160) AS snippet FROM search_index "
               f"WHERE to_tsvector('simple', body) @@ plainto_tsquery('simple', :q) AND kind IN ({kind_list}) "
               f"ORDER BY id LIMIT :limit OFFSET :offset")
    return [dict(r._mapping) for r in conn.execute(text(sql), params)]
