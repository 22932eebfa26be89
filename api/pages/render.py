"""Jinja2 rendering of the pages: one environment per app, the context every page shares
(language, translator, current path, the language switch, machine-readable alternates)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from api.pages.conneg import Variant
from api.pages.i18n import LANGS, translator
from api.pages.views.compare import colour

__all__ = ["TEMPLATES_DIR", "make_environment", "render"]

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


def _query(params: dict[str, Any], **changes: Any) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return "?" + urlencode(merged) if merged else ""


def make_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html", "svg"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(colour=colour, query=_query)
    return env


def render(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    lang: str,
    status_code: int = 200,
    alternates: list[Variant] | None = None,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    began = time.perf_counter()
    env: Environment = request.app.state.bzkg_pages.templates
    path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    other = LANGS[1 - LANGS.index(lang)]
    body = env.get_template(template).render(
        request=request,
        lang=lang,
        t=translator(lang),
        path=request.url.path,
        switch_href="/lang" + _query({}, set=other, next=path),
        alternates=alternates or [],
        **context,
    )
    out = dict(headers or {})
    out["Server-Timing"] = f"render;dur={(time.perf_counter() - began) * 1000:.1f}"
    out.setdefault("Content-Language", lang)
    return HTMLResponse(body, status_code=status_code, headers=out)
