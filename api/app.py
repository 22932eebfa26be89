"""The FastAPI application: `create_app(settings, store=None)`.

Nothing happens at import time. The lifespan builds the store once from the settings (embedded
pyoxigraph loaded from `ontology/` and `data/ttl`, or a remote SPARQL server when
`BZKG_SPARQL_ENDPOINT` is set) unless a store is passed in (tests), installs a SIGHUP handler that
reloads the embedded store, and closes the store (its query workers) at shutdown.

    uvicorn --factory api.app:create_app      # or: bzkg serve
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import AsyncIterator

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.concurrency import run_in_threadpool

from api import admin, gsp, rest, sparql
from api.errors import install_error_handlers
from api.limits import BodySizeLimit
from api.rest.deps import warm as rest_warm
from api.settings import Settings, get_settings
from store.base import Store, StoreError

__all__ = ["build_store", "create_app"]

log = logging.getLogger(__name__)


def build_store(settings: Settings) -> Store:
    """The store the settings ask for: remote if BZKG_SPARQL_ENDPOINT is set, else embedded."""
    if settings.sparql_endpoint:
        from store.remote import RemoteStore

        return RemoteStore(
            settings.sparql_endpoint, settings.query_timeout, settings.max_rows, settings.remote_cache_seconds
        )
    from store.embedded import EmbeddedStore, QueryOptions

    options = QueryOptions(
        union_default_graph=settings.union_default_graph,
        timeout=settings.query_timeout,
        max_rows=settings.max_rows,
        workers=settings.query_workers,
    )
    return EmbeddedStore.from_dirs(settings.data_dir, settings.ontology_dir, options, settings.load_ontology)


def _install_sighup(app: FastAPI) -> None:
    """SIGHUP reloads the embedded store (only possible from the main thread; skipped otherwise)."""
    if not hasattr(app.state.store, "reload"):
        return
    loop = asyncio.get_running_loop()

    async def on_hup() -> None:
        try:
            await admin.reload_store(app)
        except StoreError as e:
            log.error("SIGHUP reload failed, still serving the previous data: %s", e)

    with contextlib.suppress(NotImplementedError, RuntimeError, ValueError, AttributeError):
        loop.add_signal_handler(signal.SIGHUP, lambda: loop.create_task(on_hup()))


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The application; `store` replaces the one the settings describe (and is not closed)."""
    settings = settings or get_settings()

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = store is None
        app.state.store = store if store is not None else await run_in_threadpool(build_store, settings)
        app.state.reload_lock = asyncio.Lock()
        _install_sighup(app)
        for hook in app.state.store_ready_hooks:
            hook(app)
        try:
            yield
        finally:
            with contextlib.suppress(Exception):
                asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
            if owned:
                app.state.store.close()

    app = FastAPI(
        title="bzkg",
        summary="The knowledge graph of China's bonded-zone policies (综合保税区政策知识图谱)",
        version="1.0.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    # Extension points set by other modules (see api/sparql.py and api/errors.py):
    app.state.sparql_html_page = None  # async (request) -> Response, for GET /sparql from a browser
    app.state.html_error_page = None  # async (request, exc) -> Response, for HTTP errors in a browser
    app.state.store_ready_hooks = []  # (app) -> None, called once the store is loaded; must not block

    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(settings.cors_origins),
        allow_methods=["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=["X-Result-Truncated", "X-Max-Rows", "Location"],
        max_age=3600,
    )
    install_error_handlers(app)
    app.add_middleware(
        BodySizeLimit, max_query_bytes=settings.max_query_bytes, max_upload_bytes=settings.max_upload_bytes
    )

    app.include_router(admin.router)
    app.include_router(sparql.router)
    app.include_router(gsp.router)
    # ---- other routers: add `app.include_router(...)` lines here -------------------------------
    app.include_router(rest.router)  # /api/v1 (docs/rest.md)
    app.state.store_ready_hooks.append(rest_warm)
    # from api.pages import router as pages_router; app.include_router(pages_router)
    from api.pages import install as install_pages

    install_pages(app)  # HTML pages, /assets, the /sparql HTML hook, HTML error pages
    # ---------------------------------------------------------------------------------------------
    return app
