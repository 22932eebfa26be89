"""The HTML pages: server-rendered (Jinja2), working without JavaScript; the SPARQL editor bundle
(CodeMirror 6, built from `frontend/`) only enhances the query form.

    from api.pages import install
    install(app)      # routes, /assets static files, the /sparql HTML hook, the HTML error page
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.staticfiles import StaticFiles

from api.pages.deps import PagesState
from api.pages.errors import html_error_page
from api.pages.render import make_environment
from api.pages.routes import compare, completeness, home, ontology, resources
from api.pages.routes.sparql_page import sparql_html_page
from api.pages.views.source import SourceTexts
from bzkg import paths

__all__ = ["STATIC_DIR", "install", "router"]

STATIC_DIR = Path(__file__).resolve().parent / "static"

router = APIRouter(include_in_schema=False)
for module in (home, ontology, resources, compare, completeness):
    router.include_router(module.router)


def install(app: FastAPI, docs_dir: Path | None = None) -> None:
    """Add the pages to `app`: routes, static assets at /assets, the /sparql and error HTML hooks."""
    app.state.bzkg_pages = PagesState(templates=make_environment(), sources=SourceTexts(docs_dir or paths.DOCS_DIR))
    app.include_router(router)
    app.mount("/assets", StaticFiles(directory=STATIC_DIR), name="assets")
    app.state.sparql_html_page = sparql_html_page
    app.state.html_error_page = html_error_page
    # Precompute counts and the search index in the background as soon as the store is loaded, so
    # the first visitor does not wait for them.
    app.state.store_ready_hooks.append(lambda app: app.state.bzkg_pages.cache.for_store(app.state.store).warm())
