"""What keeps `dateline serve` safe to leave running: who may write, which hosts may ask,
how big a request may be, and the headers that keep the page to its own server.

- Writes (a review) need the server's token as `Authorization: Bearer TOKEN`; the token is
  made at start and printed (or given with `--token`), so another user of the machine, or
  a web page open in the same browser, cannot write: a page from elsewhere cannot read the
  token, and cannot send the header without a CORS preflight this server never allows.
- Bound to a loopback address, the server only answers requests whose `Host` is that
  address or `localhost` (a DNS-rebinding page would name its own host). Serving on any
  other address is refused unless a token is given (`serve_check`), and there every
  request to the API, reads too, needs the token (the page sends it).
- Request bodies are capped (`MAX_BODY`) before they are read whole.
- The page is held to this server by its Content-Security-Policy: no script, style,
  image or connection from anywhere else, which also proves it needs no network.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

MAX_BODY = 16 * 1024
READ_METHODS = ("GET", "HEAD", "OPTIONS")
UNAUTHORISED = "writes need the token `dateline serve` printed: Authorization: Bearer TOKEN"
HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        b"script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
        b"form-action 'self'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


def new_token() -> str:
    return secrets.token_urlsafe(24)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve_check(host: str, token: str | None) -> None:
    """Refuse to listen beyond this machine without a token the user chose."""
    if not is_loopback(host) and not token:
        raise SystemExit(
            f"dateline: refusing to serve on {host} without a token: anyone who can reach "
            "it could read the database. Give one with --token (or DATELINE_TOKEN), or "
            "serve on 127.0.0.1 (the default)"
        )


def allowed_hosts(host: str, port: int) -> set[str] | None:
    """The Host headers a loopback server answers; None (any) for other addresses."""
    if not is_loopback(host):
        return None
    names = {"localhost", "127.0.0.1", "[::1]", host if ":" not in host else f"[{host}]"}
    return {f"{n}:{port}" for n in names} | names


def token_matches(expected: str, header: str | None) -> bool:
    if not header or not header.startswith("Bearer "):
        return False
    return hmac.compare_digest(header[len("Bearer ") :].encode(), expected.encode())


class Guard:
    """ASGI middleware: the Host check, the token on every request that is not a read
    (checked before the body is even read), the body cap and the security headers."""

    def __init__(
        self,
        app: Any,
        token: str,
        hosts: Iterable[str] | None = None,
        private_reads: bool = False,
    ) -> None:
        self.app = app
        self.token = token
        self.hosts = set(hosts) if hosts is not None else None
        # Beyond this machine the data are the token's too: the API answers no one else.
        self.private_reads = private_reads

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        if self.hosts is not None:
            host = headers.get(b"host", b"").decode("latin-1").lower()
            if host not in self.hosts:
                await _plain(send, 421, "this server answers only for its own address")
                return
        guarded = scope["method"] not in READ_METHODS or (
            self.private_reads and scope["path"].startswith("/api/")
        )
        if guarded:
            given = headers.get(b"authorization", b"").decode("latin-1")
            if not token_matches(self.token, given):
                await _plain(send, 401, UNAUTHORISED)
                return
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            await _plain(send, 413, f"request bodies are at most {MAX_BODY} bytes")
            return
        seen, too_large, started = 0, False, False

        async def capped() -> dict[str, Any]:
            # A body streamed without a length: past the cap the app is told the client
            # left, its answer is dropped, and the client gets 413.
            nonlocal seen, too_large
            if too_large:
                return {"type": "http.disconnect"}
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > MAX_BODY:
                too_large = True
                return {"type": "http.disconnect"}
            return message

        async def secured(message: dict[str, Any]) -> None:
            nonlocal started
            if too_large:
                return
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = list(message.get("headers") or []) + HEADERS
            await send(message)

        try:
            await self.app(scope, capped, secured)
        except Exception:
            if not too_large:
                raise
        if too_large and not started:
            await _plain(send, 413, f"request bodies are at most {MAX_BODY} bytes")


async def _plain(send: Send, status: int, text: str) -> None:
    body = ('{"detail": "' + text + '"}').encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                *([(b"www-authenticate", b"Bearer")] if status == 401 else []),
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
