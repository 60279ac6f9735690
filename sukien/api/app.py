"""FastAPI application: read-only JSON API under /api/, OpenAPI at /openapi.json, the web UI at /.
Writes (POST /api/documents) need the write token given at start; CORS stays closed unless configured."""
from __future__ import annotations

import asyncio
import functools
import hmac
import json
import time
from collections import OrderedDict
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi import Path as Path_
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from ..store import open_store
from ..store import queries as Q

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
MAX_BODY = 2 * 1024 * 1024
# The UI loads only its own files; nothing may frame it, sniff a type or carry the URL elsewhere.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
# FastAPI's /docs and /redoc pages bootstrap with an inline script and load their assets from a CDN
DOCS_CSP = ("default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline' https:; "
            "script-src 'self' 'unsafe-inline' https:; frame-ancestors 'none'")
EventType = Literal["VISIT", "TALKS", "MEETING", "PHONE_CALL", "CONGRATULATE", "CONDOLENCE", "SIGN_AGREEMENT",
                    "AID", "SUPPORT", "ROLE_CHANGE", "RELATIONSHIP"]
Channel = Literal["party", "state", "government", "legislature", "military", "sub-national", "multilateral",
                  "people-to-people"]


class DocumentIn(BaseModel):
    id: str | None = Field(None, max_length=500)
    title: str | None = Field(None, max_length=2000)
    text: str | None = Field(None, max_length=MAX_BODY)
    html: str | None = Field(None, max_length=MAX_BODY)
    date: str | None = Field(None, max_length=40)
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=300)


def _iso(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name} must be a date YYYY-MM-DD") from None


class ResponseCache:
    """GET /api/ answers kept for a few seconds: many analysts asking the same page cost one query. Bounded by
    bytes, least recently used first out, expired answers dropped when met; clients that miss one key together
    wait for one computation (single flight). Anything written through this server clears it; writes by other
    processes show up after `ttl`."""

    def __init__(self, ttl: float, max_bytes: int = 64 * 1024 * 1024):
        self.ttl, self.max_bytes = ttl, max_bytes
        self.items: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self.bytes = 0
        self.inflight: dict[str, asyncio.Future] = {}

    def get(self, key: str) -> bytes | None:
        hit = self.items.get(key)
        if hit is None:
            return None
        if hit[0] <= time.monotonic():
            self._drop(key)
            return None
        self.items.move_to_end(key)
        return hit[1]

    def put(self, key: str, body: bytes) -> None:
        if len(body) > self.max_bytes // 8:
            return                                # one answer never takes the cache over
        if key in self.items:
            self._drop(key)
        self.items[key] = (time.monotonic() + self.ttl, body)
        self.bytes += len(body)
        now = time.monotonic()
        while self.items:
            oldest_key, (expires, _) = next(iter(self.items.items()))
            if self.bytes <= self.max_bytes and expires > now:
                break
            self._drop(oldest_key)

    def _drop(self, key: str) -> None:
        self.bytes -= len(self.items.pop(key)[1])

    def clear(self) -> None:
        self.items.clear()
        self.bytes = 0


def _json_default(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def rendered(route):
    """The route's answer written as JSON in one call, the bytes Starlette's JSONResponse would write: FastAPI's
    generic encoder walked every value of a page of events first and took half of the time of the request."""
    @functools.wraps(route)
    def call(*args, **kwargs):
        body = json.dumps(route(*args, **kwargs), ensure_ascii=False, allow_nan=False, indent=None,
                          separators=(",", ":"), default=_json_default)
        return Response(body.encode("utf-8"), media_type="application/json")
    return call


def _found(value, what: str):
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


def create_app(db: str | None = None, write_token: str | None = None, cors_origins: list[str] | None = None,
               cache_seconds: float = 2.0, cache_path: str | None = None) -> FastAPI:
    store = open_store(db)
    if cache_path:
        from .shared_cache import SharedResponseCache
        cache = SharedResponseCache(cache_path, cache_seconds)
    else:
        cache = ResponseCache(cache_seconds)
    app = FastAPI(title="sukien", version="0.1.0",
                  description="Events, actors and sources from Vietnamese political and diplomatic news. "
                              "Read-only unless the server was started with a write token.")
    app.state.store = store
    app.router.redirect_slashes = False      # a redirect would be built from the Host header the client sent

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        """422 with where and why, never the input back: a NaN or a huge body echoed made a 500 or a flood."""
        return JSONResponse({"detail": [{"loc": list(e.get("loc", [])), "msg": e.get("msg", "")}
                                        for e in exc.errors()]}, status_code=422)

    @app.middleware("http")
    async def limit_body_and_cache(request: Request, call_next):
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > MAX_BODY + 65536:
            return JSONResponse({"detail": "request body too large"}, status_code=413)
        if request.method == "POST":
            # the token is checked before a byte of the body is read, and the body is read up to the limit only
            refused = token_refusal(request.headers.get("authorization"))
            if refused is not None:
                return JSONResponse({"detail": refused[1]}, status_code=refused[0], headers=refused[2])
            body, size = [], 0
            async for chunk in request.stream():
                size += len(chunk)
                if size > MAX_BODY + 65536:
                    return JSONResponse({"detail": "request body too large"}, status_code=413)
                body.append(chunk)
            request._body = b"".join(body)
        cacheable = cache_seconds > 0 and request.method == "GET" and request.url.path.startswith("/api/")
        if not cacheable:
            response = await call_next(request)
            if request.method != "GET" and response.status_code < 400:
                cache.clear()
            return response
        key = str(request.url)
        if (hit := cache.get(key)) is not None:
            return Response(content=hit, status_code=200, media_type="application/json", headers={"X-Cache": "hit"})
        if (waiting := cache.inflight.get(key)) is not None:
            body = await asyncio.shield(waiting)
            if body is not None:
                return Response(content=body, status_code=200, media_type="application/json",
                                headers={"X-Cache": "shared"})
        flight = cache.inflight.setdefault(key, asyncio.get_running_loop().create_future())
        body = None
        try:
            response = await call_next(request)
            if response.status_code != 200:
                return response
            body = b"".join([chunk async for chunk in response.body_iterator])
            cache.put(key, body)
            return Response(content=body, status_code=200, media_type="application/json", headers={"X-Cache": "miss"})
        finally:
            if cache.inflight.get(key) is flight:
                del cache.inflight[key]
            if not flight.done():
                flight.set_result(body)

    @app.middleware("http")
    async def head_and_security_headers(request: Request, call_next):
        """HEAD answers as GET without the body, on every GET route; every answer carries security headers,
        cached ones too (added after the cache, this middleware wraps it)."""
        head = request.method == "HEAD"
        if head:
            request.scope["method"] = "GET"
        response = await call_next(request)
        if head:
            response = Response(status_code=response.status_code, headers=dict(response.headers))
        response.headers.update(SECURITY_HEADERS)
        if request.url.path in ("/docs", "/redoc"):
            response.headers["Content-Security-Policy"] = DOCS_CSP
        return response

    def event_filters(actor: str | None = Query(None, max_length=200),
                      country: str | None = Query(None, max_length=20, description="VNM or a pair VNM-LAO"),
                      type: EventType | None = None,
                      plover: str | None = Query(None, max_length=20), modality: Literal["occurred", "planned", "ongoing"] | None = None,
                      since: str | None = Query(None, max_length=10), until: str | None = Query(None, max_length=10),
                      outlet: str | None = Query(None, max_length=200), q: str | None = Query(None, max_length=200),
                      actor_id: int | None = Query(None, ge=1, le=2**31 - 1),
                      with_actor_id: int | None = Query(None, ge=1, le=2**31 - 1),
                      channel: Channel | None = Query(None, description="party, state, government, legislature, …")) -> dict:
        return dict(actor=actor, country=country, type_=type, plover=plover, modality=modality,
                    since=_iso(since, "since"), until=_iso(until, "until"), outlet=outlet, text=q,
                    actor_id=actor_id, with_actor_id=with_actor_id, channel=channel)

    def token_refusal(authorization: str | None) -> tuple[int, str, dict] | None:
        if not write_token:
            return 403, "this server is read-only (start it with --write-token)", {}
        if not authorization or not authorization.startswith("Bearer "):
            return 401, "missing bearer token", {"WWW-Authenticate": "Bearer"}
        if not hmac.compare_digest(authorization[7:].encode(), write_token.encode()):
            return 403, "wrong token", {}
        return None

    def require_token(authorization: str | None = Header(None)) -> None:
        if (refused := token_refusal(authorization)) is not None:
            raise HTTPException(refused[0], refused[1], headers=refused[2] or None)

    @app.get("/api/events", summary="Events, newest first, with filters")
    @rendered
    def events(filters: dict = Depends(event_filters), limit: int = Query(50, ge=1, le=Q.MAX_LIMIT),
               offset: int = Query(0, ge=0, le=10_000_000)):
        return {"total": Q.count_events(store, **filters),
                "items": Q.list_events(store, limit=limit, offset=offset, **filters)}

    @app.get("/api/events/{event_id}", summary="One event with every source")
    @rendered
    def event(event_id: int = Path_(..., ge=1, le=2**31 - 1)):
        return _found(Q.event(store, event_id), "event")

    @app.get("/api/actors", summary="Actors with current titles and mention counts")
    @rendered
    def actors(q: str | None = Query(None, max_length=200), kind: Literal["person", "org", "country"] | None = "person",
               limit: int = Query(50, ge=1, le=Q.MAX_LIMIT), offset: int = Query(0, ge=0, le=10_000_000)):
        return {"items": Q.list_actors(store, kind=kind, limit=limit, offset=offset, name=q)}

    @app.get("/api/actors/{actor_id}", summary="An actor: titles over time, events, co-participants")
    @rendered
    def actor(actor_id: int = Path_(..., ge=1, le=2**31 - 1)):
        return _found(Q.actor(store, actor_id), "actor")

    @app.get("/api/documents/{doc_id}", summary="A cleaned document with the evidence spans of its events")
    @rendered
    def document(doc_id: int = Path_(..., ge=1, le=2**31 - 1)):
        return _found(Q.document(store, doc_id), "document")

    @app.get("/api/timeline", summary="Counts and engagement index per period and type or country pair")
    @rendered
    def timeline(filters: dict = Depends(event_filters), by: Literal["month", "week"] = "month",
                 group: Literal["type", "pair"] = "type"):
        return {"by": by, "group": group, "weights": Q.engagement_weights(),
                "items": Q.timeline(store, by=by, group=group, **filters)}

    @app.get("/api/pairs/{pair}", summary="A country pair: framework ladder with evidence, channels and engagement per year")
    @rendered
    def pair(pair: str = Path_(..., pattern=r"^[A-Za-z]{3}-[A-Za-z]{3}$")):
        from ..store.relations import pair_relations
        a, b = pair.split("-")
        return pair_relations(store, a, b)

    @app.get("/api/partners/{country}", summary="Every partner of a country with its current framework")
    @rendered
    def country_partners(country: str = Path_(..., pattern=r"^[A-Za-z]{3}$")):
        from ..store.relations import partners
        return {"items": partners(store, country)}

    @app.get("/api/network", summary="Who met whom: actors and counted links")
    @rendered
    def network(filters: dict = Depends(event_filters), level: Literal["country", "person"] = "country",
                limit: int = Query(300, ge=1, le=Q.MAX_LIMIT)):
        nodes, links = {}, {}
        for e in Q.list_events(store, limit=limit, **filters):
            sides = []
            for a in (e["source"], e["target"]):
                if not a:
                    continue
                key = a.get("country") if level == "country" else (a.get("name") or a.get("org") or a.get("country"))
                if key:
                    sides.append(key)
                    nodes[key] = nodes.get(key, 0) + 1
            if len(sides) == 2 and sides[0] != sides[1]:
                k = tuple(sorted(sides))
                links[k] = links.get(k, 0) + 1
        return {"nodes": [{"id": k, "events": v} for k, v in sorted(nodes.items())],
                "links": [{"source": a, "target": b, "events": n} for (a, b), n in sorted(links.items())]}

    @app.get("/api/search", summary="Search documents, actors and evidence; diacritics optional")
    @rendered
    def search(q: str = Query(..., min_length=1, max_length=200), limit: int = Query(30, ge=1, le=200),
               offset: int = Query(0, ge=0, le=100_000)):
        return {"items": Q.search(store, q, limit=limit, offset=offset)}

    @app.post("/api/documents", status_code=201, dependencies=[Depends(require_token)],
              summary="Ingest one article (write token required)")
    def add_document(doc: DocumentIn):
        from ..ingest.readers import read_jsonl_lines
        from ..pipeline import process
        from ..store.writer import write_extraction
        results = list(read_jsonl_lines([(1, json.dumps(doc.model_dump(exclude_none=True)))], "api"))
        if not results or results[0].error:
            raise HTTPException(422, results[0].error.reason if results else "empty document")
        processed = process(results[0].doc)
        res = store.store_article(processed.article,
                                  writer=lambda conn, doc_id, dup: write_extraction(conn, doc_id, dup, processed))
        return {"status": res.status, "document_id": res.document_id, "duplicate_of": res.duplicate_of,
                "events": len(processed.events)}

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/healthz", include_in_schema=False, response_class=PlainTextResponse)
    def health():
        return "ok"

    if cors_origins:     # added last, so it wraps everything (cached answers included); closed by default
        from fastapi.middleware.cors import CORSMiddleware
        app.add_middleware(CORSMiddleware, allow_origins=cors_origins, allow_methods=["GET"])
    return app


def app_from_config() -> FastAPI:
    """The app of one worker of `sukien serve --workers N`: its settings come from a file only the server's user
    can read (the token stays out of the command line and the environment), named by $SUKIEN_SERVE_CONFIG."""
    import os
    config = json.loads(Path(os.environ["SUKIEN_SERVE_CONFIG"]).read_text(encoding="utf-8"))
    return create_app(config["db"], write_token=config.get("write_token"), cors_origins=config.get("cors_origins"),
                      cache_seconds=config["cache_seconds"], cache_path=config.get("cache_path"))
