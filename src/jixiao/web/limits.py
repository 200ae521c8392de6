"""The upload limit: a request body over it is refused with 413 before it is read.

A declared ``Content-Length`` over the limit is answered at once; a body sent without one
(chunked) is counted as it arrives and cut off when it passes the limit. The answer is the
API's error envelope, or for a page an error the page shows (``_error_fragment.html`` for
htmx, which swaps a 413 into the page instead of dropping it).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from jixiao.web.errors import RequestTooLarge, error_response


class UploadLimit:
    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit_mb = round(self.max_bytes / 1024 / 1024, 2)
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"").decode("latin-1")
        if declared.isdigit() and int(declared) > self.max_bytes:
            error = RequestTooLarge(limit_mb)
            # the API's envelope, or for the upload page a message it shows (not a silent 413)
            response = error_response(
                Request(scope), 413, error.code, error.message, {"Connection": "close"}
            )
            await response(scope, receive, send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise RequestTooLarge(limit_mb)
            return message

        await self.app(scope, counting_receive, send)
