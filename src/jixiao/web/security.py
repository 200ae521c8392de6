"""Security headers on every response, errors and static files included.

- ``Content-Security-Policy``: scripts, styles, images, fonts and connections from this site
  only (the pages have no inline script, style or event handler: htmx and ECharts are vendored
  files, the dashboard's figures travel as a ``<script type="application/json">`` data block),
  no plugins, no ``<base>``, forms posting only here, and ``frame-ancestors 'none'`` (with
  ``X-Frame-Options: DENY`` for older browsers): no page can be framed (clickjacking).
- ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: same-origin``.
- ``Cache-Control: no-store`` on every answer but the static files: pages and API answers
  hold what only the signed-in user may see, so neither the browser nor a proxy keeps them.

The headers are added outside every other layer (see :class:`JixiaoApp`), so that a 500
produced by Starlette's last-resort handler carries them too.
"""

from __future__ import annotations

from typing import Final

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY: Final = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
HEADERS: Final = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
)
NO_STORE: Final = (b"cache-control", b"no-store")
STATIC_PREFIX: Final = "/static/"


class SecurityHeaders:
    """ASGI middleware: adds :data:`HEADERS` (and ``no-store``) to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cached = str(scope.get("path", "")).startswith(STATIC_PREFIX)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (name, value)
                    for name, value in message.get("headers", [])
                    if name.lower() not in {header for header, _ in HEADERS}
                    and (cached or name.lower() != NO_STORE[0])
                ]
                headers += HEADERS
                if not cached:
                    headers.append(NO_STORE)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


class JixiaoApp(FastAPI):
    """FastAPI whose outermost layer is :class:`SecurityHeaders` (outside the error layer)."""

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(super().build_middleware_stack())
