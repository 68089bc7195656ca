"""The routes of `dateline serve`: the page, its files, and the JSON API.

Every parameter is declared with its type and bounds, so a bad one is answered 422 with
what was wrong before any query runs; values the declaration cannot check (a country
name, a bbox) raise ValueError in the store and are answered 422 too. Every query is
parameterised (dateline.store.query builds SQL only from fixed fragments). Page sizes
are capped at `MAX_PAGE` events.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request, Response
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from dateline.store import aggregate, evidence, reviews
from dateline.store import query as store_query
from dateline.web import assets, basemap, security
from dateline.web.database import Busy, Database

MAX_PAGE = 1000
DEFAULT_PAGE = 200
EventType = Literal[reviews.EVENT_TYPES]  # type: ignore[valid-type]
Factuality = Literal[
    "asserted", "negated", "future", "hypothetical", "historical", "claimed", "all"
]
Reviewed = Literal["all", "unreviewed", "reviewed", "right", "wrong", "corrected"]


class Filters(BaseModel):
    """The filters of `dateline events`, as query parameters."""

    type: EventType | None = None
    mode: str | None = Field(None, max_length=40)
    actor: str | None = Field(None, max_length=200)
    country: str | None = Field(None, max_length=60, description="ISO code or English name")
    bbox: str | None = Field(
        None, max_length=120, description="min lon,min lat,max lon,max lat (degrees)"
    )
    since: dt.date | None = None
    until: dt.date | None = None
    min_sources: int | None = Field(None, ge=0, le=1_000_000)
    factuality: Factuality = "asserted"
    text: str | None = Field(None, max_length=200)
    reviewed: Reviewed | None = Field(
        None, description="default: all but events a person marked wrong"
    )

    def event_filter(self, **more: Any) -> store_query.EventFilter:
        return store_query.EventFilter(
            type=self.type,
            mode=self.mode or None,
            actor=self.actor or None,
            country=self.country or None,
            bbox=parse_bbox(self.bbox) if self.bbox else None,
            since=self.since.isoformat() if self.since else None,
            until=self.until.isoformat() if self.until else None,
            min_sources=self.min_sources,
            factuality=None if self.factuality == "all" else self.factuality,
            text=self.text or None,
            reviewed=self.reviewed,
            **more,
        )


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise ValueError("bbox is four numbers: min lon,min lat,max lon,max lat") from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise ValueError("bbox: finite numbers only")
    if not (-90 <= south <= north <= 90 and west <= east):
        raise ValueError("bbox: south <= north within [-90, 90], west <= east")
    return west, south, east, north


class Location(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=reviews.MAX_NAME)
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    country: str | None = Field(None, max_length=60)


Name = Annotated[str, Field(min_length=1, max_length=reviews.MAX_NAME)]


class Corrections(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: EventType | None = None
    actor: list[Name] | None = Field(None, max_length=reviews.MAX_NAMES)
    recipient: list[Name] | None = Field(None, max_length=reviews.MAX_NAMES)
    location: Location | None = None
    date: dt.date | None = None
    fatalities: int | None = Field(None, ge=0, le=reviews.MAX_FATALITIES)


class ReviewIn(BaseModel):
    """A person's review: a verdict, corrected values, or both."""

    model_config = ConfigDict(extra="forbid")
    reviewer: str = Field(min_length=1, max_length=reviews.MAX_NAME)
    verdict: Literal["right", "wrong"] | None = None
    corrections: Corrections | None = None
    note: str | None = Field(None, max_length=reviews.MAX_NOTE)


def _found(value: Any, what: str) -> Any:
    """A looked-up value, or the 404 that says there is no such thing."""
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


def create_app(
    db: str,
    token: str | None = None,
    hosts: set[str] | None = None,
    upgrade: bool = True,
    private_reads: bool = False,
) -> Any:
    """The ASGI app over one database. `token` guards writes (a fresh one when None, so
    nothing can write until it is read off the app: `app.state.token`), and reads of the
    API too with `private_reads`; `hosts` are the Host headers it answers (None: any, as
    for the test client)."""
    database = Database(db)
    if upgrade:
        database.upgrade()
    token = token or security.new_token()
    served = assets.files()
    app = FastAPI(
        title="Dateline",
        description="Event data extracted from news, with evidence, and people's reviews. "
        "Writes need the token `dateline serve` prints, as `Authorization: Bearer TOKEN`.",
    )
    app.state.token = token
    state: dict[str, bytes] = {}

    @app.exception_handler(ValueError)
    def bad_value(request: Request, error: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=422)

    @app.exception_handler(Busy)
    def busy(request: Request, error: Busy) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=503)

    def run(work: Any, write: bool = False) -> Any:
        import duckdb

        try:
            return database.write(work) if write else database.read(work)
        except duckdb.InterruptException:
            raise HTTPException(
                503, f"the query took over {database.query_seconds:.0f} s; narrow the filters"
            ) from None

    def authorised(authorization: Annotated[str | None, Header()] = None) -> None:
        if not security.token_matches(token, authorization):
            raise HTTPException(401, security.UNAUTHORISED, headers={"WWW-Authenticate": "Bearer"})

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(assets.STATIC / "index.html", media_type="text/html")

    @app.get("/static/{name:path}", include_in_schema=False)
    def static(name: str) -> FileResponse:
        path = served.get(name)
        if path is None:
            raise HTTPException(404, "no such file")
        return FileResponse(path, media_type=assets.media_type(path))

    @app.get("/api/basemap/countries.geojson", summary="Country borders and names")
    def countries() -> Response:
        if "countries" not in state:
            state["countries"] = basemap.countries_geojson()
        return Response(
            state["countries"],
            media_type="application/geo+json",
            headers={"Cache-Control": "max-age=86400"},
        )

    @app.get("/api/basemap/divisions.json", summary="First-level divisions: points and names")
    def divisions() -> Response:
        if "divisions" not in state:
            state["divisions"] = json.dumps(basemap.divisions(), ensure_ascii=False).encode()
        return Response(
            state["divisions"],
            media_type="application/json",
            headers={"Cache-Control": "max-age=86400"},
        )

    @app.get("/api/events", summary="Merged events, filtered, a page at a time")
    def events(
        response: Response,
        filters: Annotated[Filters, Query()],
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> list[dict[str, Any]]:
        wanted = filters.event_filter(limit=limit, offset=offset)

        def work(store: Any) -> tuple[list[dict[str, Any]], int]:
            return store_query.merged_events(store, wanted), store_query.count_events(store, wanted)

        rows, total = run(work)
        response.headers["X-Total-Count"] = str(total)
        return rows

    @app.get("/api/events/{event_id}", summary="One event with the evidence of every report")
    def event(event_id: Annotated[str, PathParam(max_length=200)]) -> dict[str, Any]:
        return _found(run(lambda store: evidence.event_evidence(store, event_id)), "event")

    @app.post(
        "/api/events/{event_id}/review",
        summary="Review an event (needs the token)",
        dependencies=[Depends(authorised)],
    )
    def review(
        event_id: Annotated[str, PathParam(max_length=200)], body: ReviewIn
    ) -> dict[str, Any]:
        corrections = body.corrections.model_dump(exclude_none=True) if body.corrections else {}
        if "date" in corrections:
            corrections["date"] = corrections["date"].isoformat()

        def work(store: Any) -> dict[str, Any]:
            return reviews.save(
                store,
                event_id,
                verdict=body.verdict,
                corrections=corrections,
                reviewer=body.reviewer,
                note=body.note,
            )

        try:
            return run(work, write=True)
        except KeyError:
            raise HTTPException(404, "no such event") from None

    @app.get("/api/reviews", summary="Every event's latest review")
    def all_reviews() -> dict[str, dict[str, Any]]:
        return run(reviews.load)

    @app.get("/api/clusters", summary="Events counted per grid cell of the map's view")
    def clusters(
        filters: Annotated[Filters, Query()],
        zoom: Annotated[int, Query(ge=0, le=aggregate.MAX_ZOOM)] = 2,
    ) -> list[dict[str, Any]]:
        wanted = filters.event_filter()
        return run(lambda store: aggregate.clusters(store, wanted, zoom))

    @app.get("/api/timeline", summary="Events per day, week or month")
    def timeline(
        filters: Annotated[Filters, Query()],
        bucket: Literal["day", "week", "month"] = "day",
    ) -> list[dict[str, Any]]:
        wanted = filters.event_filter()
        return run(lambda store: aggregate.timeline(store, wanted, bucket))

    @app.get("/api/stories", summary="Stories: the articles reporting one event")
    def stories(
        min_articles: Annotated[int | None, Query(ge=0, le=1_000_000)] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
    ) -> list[dict[str, Any]]:
        return run(lambda store: store_query.stories(store, min_articles=min_articles, limit=limit))

    @app.get("/api/stories/{story_id}", summary="One story's articles and events")
    def story(story_id: Annotated[str, PathParam(max_length=200)]) -> dict[str, Any]:
        return _found(run(lambda store: evidence.story(store, story_id)), "story")

    from starlette.middleware.gzip import GZipMiddleware

    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.add_middleware(security.Guard, token=token, hosts=hosts, private_reads=private_reads)
    return app
