"""The completeness page: the SHACL report per document, each result linked to its focus node."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from api.pages.deps import PageDep
from api.pages.render import render
from api.pages.views.completeness import Report, build_report
from bzkg import paths

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


@router.get("/completeness", response_class=HTMLResponse)
def completeness(request: Request, page: PageDep) -> HTMLResponse:
    report: Report = page.cache.get("shacl", lambda: build_report(page.store, paths.SHAPES_DIR))
    iris = [d.document for d in report.documents]
    iris += [x for d in report.documents for r in d.results for x in (r.focus, r.path) if x]
    page.load_labels(iris)
    return render(request, "completeness.html", {"report": report, "page": page}, lang=page.lang)
