"""Dependencies of the REST router: the per-app memo of O(N) results."""

from __future__ import annotations

import threading
from typing import Annotated

from fastapi import Depends, Request

from api.services.memo import Memo

__all__ = ["MemoDep", "get_memo", "warm"]

_CREATE = threading.Lock()


def get_memo(request: Request) -> Memo:
    """The app's `Memo` (created on first use, kept on `app.state.rest_memo`)."""
    return _memo(request.app.state)


def _memo(state) -> Memo:  # type: ignore[no-untyped-def]
    memo = getattr(state, "rest_memo", None)
    if memo is None:
        with _CREATE:
            memo = getattr(state, "rest_memo", None)
            if memo is None:
                memo = state.rest_memo = Memo()
    return memo


MemoDep = Annotated[Memo, Depends(get_memo)]


def warm(app) -> None:  # type: ignore[no-untyped-def]
    """Build the label index in the background once the store is loaded (a store-ready hook), so the
    first lookups do not pay for it."""
    from api.services.sparql import label_index

    memo, store = _memo(app.state), app.state.store

    def run() -> None:
        try:
            memo.get(store, "labels", label_index)
        except Exception:  # the request that needs it will report the error
            return

    threading.Thread(target=run, name="bzkg-rest-warm", daemon=True).start()
