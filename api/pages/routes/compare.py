"""The comparison heatmap: provinces (or documents) x business types; each cell links to the
measures listing filtered by its row and column."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from api.pages.deps import PageDep
from api.pages.render import render
from api.pages.views.compare import ROW_KINDS

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


@router.get("/compare", response_class=HTMLResponse)
def compare(request: Request, page: PageDep, rows: str = "province") -> HTMLResponse:
    if rows not in ROW_KINDS:
        raise HTTPException(404, f"rows= must be one of {', '.join(ROW_KINDS)}")
    matrix = page.cache.matrix(rows)
    page.load_labels([*matrix.rows, *matrix.columns])
    return render(
        request,
        "compare.html",
        {
            "m": matrix,
            "row_links": {r: page.link(r) for r in matrix.rows},
            "col_links": {c: page.link(c) for c in matrix.columns},
            "row_filter": "province" if rows == "province" else "document",
        },
        lang=page.lang,
    )
