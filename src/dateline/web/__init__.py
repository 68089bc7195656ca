"""`dateline serve`: the HTTP API and the analyst's page over one database.

The API is the store's queries as JSON, with the filter names of `dateline events`
(dateline.web.app); the page (static/) draws a real map offline, with Natural Earth
borders and names (dateline.web.basemap) under Leaflet from a PyPI package
(dateline.web.assets), events counted per grid cell by the database, a timeline to
brush, the evidence of each event with its words marked, and a form to review it.
Nothing is fetched from anywhere but this server. dateline.web.security says who may
write and what the server refuses.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from dateline.web import security

TOKEN_ENV = "DATELINE_TOKEN"


def __getattr__(name: str) -> Any:
    # `create_app` is dateline.web.app's, imported when named: importing this package
    # (for `serve`'s checks) must not import FastAPI.
    if name == "create_app":
        from dateline.web.app import create_app

        return create_app
    raise AttributeError(f"module 'dateline.web' has no attribute {name!r}")


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Serve until interrupted; prints the address with the write token."""
    import uvicorn

    token = token or os.environ.get(TOKEN_ENV) or None
    security.serve_check(host, token)
    if not Path(db).exists():
        raise SystemExit(
            f"dateline: no database at {db}; create one with `dateline ingest` or `dateline demo`"
        )
    from dateline.web.app import create_app

    token = token or security.new_token()
    app = create_app(
        db,
        token=token,
        hosts=security.allowed_hosts(host, port),
        private_reads=not security.is_loopback(host),
    )
    shown = f"[{host}]" if ":" in host else host
    print(
        f"dateline: serving {db} at http://{shown}:{port}/#token={token}\n"
        f"dateline: write token (reviews): {token}",
        file=sys.stderr,
        flush=True,
    )
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        limit_concurrency=64,
        timeout_keep_alive=5,
        h11_max_incomplete_event_size=16 * 1024,
    )
