"""Request size limits: an oversized body is refused with 413 before it is read into memory.

A query is text and small; a Graph Store upload may be a document's whole graph. The limits are
settings (`BZKG_MAX_QUERY_BYTES`, `BZKG_MAX_UPLOAD_BYTES`); a declared `Content-Length` over the
limit is refused at once, a chunked body as soon as it passes the limit.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import problem

__all__ = ["BodySizeLimit"]


class _TooLarge(Exception):
    pass


class BodySizeLimit:
    def __init__(self, app: ASGIApp, max_query_bytes: int, max_upload_bytes: int) -> None:
        self.app = app
        self.max_query_bytes = max_query_bytes
        self.max_upload_bytes = max_upload_bytes

    def _limit(self, path: str) -> int:
        return self.max_upload_bytes if path.startswith("/store") else self.max_query_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS", "DELETE"):
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope["path"])
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._refuse(scope, receive, send, limit)
            return
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._refuse(scope, receive, send, limit)

    @staticmethod
    async def _refuse(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        what = "upload" if scope["path"].startswith("/store") else "request body"
        response = problem(413, "Request too large", f"the {what} is over the limit of {limit:,} bytes", "too-large")
        await response(scope, receive, send)
