"""Dependencies of the REST router: the per-app memo of O(N) results."""

from __future__ import annotations

import threading
from typing import Annotated

from fastapi import Depends, Request

from api.services.memo import Memo

__all__ = ["MemoDep", "get_memo"]

_CREATE = threading.Lock()


def get_memo(request: Request) -> Memo:
    """The app's `Memo` (created on first use, kept on `app.state.rest_memo`)."""
    state = request.app.state
    memo = getattr(state, "rest_memo", None)
    if memo is None:
        with _CREATE:
            memo = getattr(state, "rest_memo", None)
            if memo is None:
                memo = state.rest_memo = Memo()
    return memo


MemoDep = Annotated[Memo, Depends(get_memo)]
