"""HTTP errors as an HTML page when a browser asks (the `app.state.html_error_page` hook)."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse
from starlette.exceptions import HTTPException

from api.pages.i18n import lang_of
from api.pages.render import render

__all__ = ["html_error_page"]


async def html_error_page(request: Request, exc: HTTPException) -> HTMLResponse:
    return render(
        request,
        "error.html",
        {"status": exc.status_code, "detail": str(exc.detail)},
        lang=lang_of(request),
        status_code=exc.status_code,
        headers=dict(exc.headers or {}),
    )
