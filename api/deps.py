"""FastAPI dependencies shared by every router: the store, the settings, the admin check.

from api.deps import StoreDep

@router.get("/measures/{key}")
def measure(key: str, store: StoreDep) -> ...:   # a plain `def`: FastAPI runs it in a thread
    rows = store.select(QUERY, {"m": NamedNode(...)})
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request

from api.errors import ProblemError
from api.settings import Settings
from store.base import GraphStore, Store

__all__ = [
    "AdminDep",
    "GraphStoreDep",
    "SettingsDep",
    "StoreDep",
    "get_app_settings",
    "get_graph_store",
    "get_store",
    "require_admin",
]


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> Store:
    store = getattr(request.app.state, "store", None)
    if store is None:
        raise ProblemError(503, "Store not ready", "the store is still loading; retry shortly")
    return store


def get_graph_store(store: Annotated[Store, Depends(get_store)]) -> GraphStore:
    if not hasattr(store, "graph_put"):
        raise ProblemError(
            501,
            "Graph Store not available",
            "this API reads from a remote SPARQL server (BZKG_SPARQL_ENDPOINT); "
            "write to that server's Graph Store instead",
        )
    return store  # type: ignore[return-value]


def require_admin(request: Request, settings: Annotated[Settings, Depends(get_app_settings)]) -> None:
    """Allow only requests carrying `Authorization: Bearer $BZKG_ADMIN_TOKEN`."""
    if not settings.admin_token:
        raise ProblemError(
            403, "Administration disabled", "set BZKG_ADMIN_TOKEN to enable Graph Store writes and reloads"
        )
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise ProblemError(
            401,
            "Authentication required",
            "send Authorization: Bearer <admin token>",
            headers={"WWW-Authenticate": 'Bearer realm="bzkg"'},
        )
    if not hmac.compare_digest(token.strip().encode(), settings.admin_token.encode()):
        raise ProblemError(403, "Forbidden", "the bearer token is not the admin token")


StoreDep = Annotated[Store, Depends(get_store)]
GraphStoreDep = Annotated[GraphStore, Depends(get_graph_store)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
AdminDep = Annotated[None, Depends(require_admin)]
