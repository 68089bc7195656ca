"""`dateline serve`: the HTTP API and the web page over one database.

The API is the Python API (`dateline.api.query`, `stories`) as JSON, with the same filter
names as `dateline events`; the page is one static file with its own script and style,
so it works with no network at all: no CDN, no tile server. The map draws events on a
plain latitude/longitude grid (there is no base map to fetch), which is enough to see
where things happen and to pick an event; the evidence panel shows every report's
sentence with its trigger marked, so a user can see why an event is there.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from dateline import api

STATIC = Path(str(resources.files("dateline") / "web" / "static"))


def create_app(db: str) -> Any:
    from fastapi import FastAPI, HTTPException, Query
    from fastapi.responses import FileResponse, JSONResponse

    from dateline.store.lock import DatabaseBusy

    app = FastAPI(title="Dateline", description="Event data extracted from news, with evidence.")

    @app.exception_handler(DatabaseBusy)
    def busy(request: Any, error: DatabaseBusy) -> JSONResponse:
        # An ingest held the file past the reader's wait: the client may retry.
        return JSONResponse(status_code=503, content={"detail": str(error)})

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> FileResponse:
        path = STATIC / name
        if path.parent != STATIC or not path.is_file():
            raise HTTPException(status_code=404, detail=f"no static file {name!r}")
        return FileResponse(path)

    @app.get("/api/events")
    def events(
        type: str | None = None,
        mode: str | None = None,
        actor: str | None = None,
        country: str | None = None,
        bbox: str | None = Query(None, description="min lon,min lat,max lon,max lat"),
        since: str | None = None,
        until: str | None = None,
        min_sources: int | None = None,
        factuality: str = Query("asserted", description="a factuality, or 'all'"),
        text: str | None = None,
        limit: int | None = 5000,
    ) -> list[dict[str, Any]]:
        box = None
        if bbox:
            try:
                west, south, east, north = (float(v) for v in bbox.split(","))
            except ValueError:
                raise HTTPException(
                    status_code=422, detail="bbox is four numbers: min lon,min lat,max lon,max lat"
                ) from None
            box = (west, south, east, north)
        return api.query(
            db,
            type=type,
            mode=mode,
            actor=actor,
            country=country,
            bbox=box,
            since=since,
            until=until,
            min_sources=min_sources,
            factuality=None if factuality == "all" else factuality,
            text=text,
            limit=limit,
        )

    @app.get("/api/stories")
    def stories(min_articles: int | None = None, limit: int | None = 1000) -> list[dict[str, Any]]:
        return api.stories(db, min_articles=min_articles, limit=limit)

    return app


def serve(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    if not Path(db).exists():
        raise SystemExit(
            f"dateline: no database at {db}; create one with `dateline ingest` or `dateline demo`"
        )
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
