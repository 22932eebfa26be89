"""`limit`/`offset` pagination: shared query parameters and the `Link` header (RFC 8288).

Link: <http://host/api/v1/measures?limit=20&offset=20>; rel="next",
      <http://host/api/v1/measures?limit=20&offset=0>; rel="first", …
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request

__all__ = ["MAX_LIMIT", "Limit", "Offset", "link_header"]

MAX_LIMIT = 200
MAX_OFFSET = 10_000_000
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (1-{MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]


def link_header(request: Request, total: int, limit: int, offset: int) -> str:
    """`Link` with first and last always, prev and next where they exist."""

    def url(at: int) -> str:
        return str(request.url.include_query_params(limit=limit, offset=at))

    last = max(0, (total - 1) // limit * limit) if total else 0
    links = [(url(0), "first")]
    if offset > 0:
        links.append((url(max(0, min(offset - limit, last))), "prev"))
    if offset + limit < total:
        links.append((url(offset + limit), "next"))
    links.append((url(last), "last"))
    return ", ".join(f'<{u}>; rel="{rel}"' for u, rel in links)
