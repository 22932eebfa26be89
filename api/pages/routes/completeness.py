"""The completeness page: the SHACL report per document (the REST service's validation report,
shared through its memo, so the graph is validated once per store version), each result linked to
its focus node's page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from api.pages.deps import PageDep
from api.pages.render import render
from api.rest.deps import get_memo
from api.services.validation import validation_report

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

SHOWN = 100


@router.get("/completeness", response_class=HTMLResponse)
def completeness(request: Request, page: PageDep) -> HTMLResponse:
    report = validation_report(page.store, memo=get_memo(request))
    iris = [d.iri for d in report.documents if d.iri]
    iris += [x for d in report.documents for r in d.results[:SHOWN] for x in (r.focus_node, r.path) if x]
    page.load_labels(iris)
    return render(request, "completeness.html", {"report": report, "page": page, "shown": SHOWN}, lang=page.lang)
