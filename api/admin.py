"""Liveness, readiness and reloading.

GET  /health         200 {"status": "ok"} while the process runs
GET  /ready          200 {"status": "ready"} when the store answers a query, else 503
POST /admin/reload   (Bearer admin token) rebuild the embedded store from its files and swap it
                     in; a failure answers 500 and leaves the previous data serving
"""

from __future__ import annotations

import asyncio
import logging

from fastapi import APIRouter, FastAPI, Request
from starlette.concurrency import run_in_threadpool

from api.deps import AdminDep, GraphStoreDep, StoreDep
from api.errors import ProblemError
from store.base import StoreError

__all__ = ["reload_store", "router"]

log = logging.getLogger(__name__)
router = APIRouter(tags=["administration"])


@router.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/ready")
async def ready(store: StoreDep) -> dict[str, str]:
    if not await run_in_threadpool(store.ready):
        raise ProblemError(503, "Not ready", "the store does not answer queries yet")
    return {"status": "ready"}


async def reload_store(app: FastAPI) -> int:
    """Reload the app's embedded store, one reload at a time; raises StoreError on failure."""
    lock: asyncio.Lock = app.state.reload_lock
    async with lock:
        count = await run_in_threadpool(app.state.store.reload)
    log.info("reloaded the store: %d quads", count)
    return count


@router.post("/admin/reload")
async def reload(request: Request, store: GraphStoreDep, _admin: AdminDep) -> dict[str, object]:
    try:
        count = await reload_store(request.app)
    except StoreError as e:
        log.error("reload failed, still serving the previous data: %s", e)
        raise ProblemError(500, "Reload failed", f"still serving the previous data: {e}") from e
    return {"status": "reloaded", "quads": count}
