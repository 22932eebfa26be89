"""The REST API at `/api/v1` (documented in docs/rest.md): include `router` in the app.

from api.rest import router as rest_router
app.include_router(rest_router)
"""

from __future__ import annotations

from fastapi import APIRouter

from . import named, resources

__all__ = ["router"]

router = APIRouter(prefix="/api/v1")
router.include_router(resources.router)
router.include_router(named.router)
