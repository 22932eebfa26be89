"""Home, search, entry-point lists, the filtered measures listing and the language switch."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pyoxigraph import NamedNode

from api.pages.deps import PageDep
from api.pages.i18n import COOKIE, LANGS
from api.pages.links import VOCAB
from api.pages.render import render
from api.pages.views.browse import KINDS
from api.pages.views.core import values_block
from api.pages.views.listing import FILTERS, filter_iri, filtered_measures, measure_summaries

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 50
HOME_CLASSES = ("PolicyDocument", "Section", "Measure", "Agency", "Zone", "Target", "Mention", "Place")
MEASURE = VOCAB + "Measure"
ENTRY_KINDS = ("business-types", "provinces", "agencies", "zones", "documents")


@router.get("/", response_class=HTMLResponse)
def home(request: Request, page: PageDep) -> HTMLResponse:
    stats = page.cache.stats()
    onto = page.cache.ontology()
    counts = []
    for name in HOME_CLASSES:
        iri = VOCAB + name
        n = stats.inclusive.get(iri, stats.direct.get(iri, 0))
        counts.append((page.link(iri, onto.classes[iri].label(page.lang) if iri in onto.classes else None), n))
    entries = {}
    for kind in ENTRY_KINDS:
        pairs = page.cache.browse(kind)[:12]
        page.load_labels(p[0] for p in pairs)
        entries[kind] = [(page.link(i), n, KINDS[kind][1]) for i, n in pairs]
    return render(
        request,
        "home.html",
        {"counts": counts, "triples": stats.triples, "entries": entries, "kinds": ENTRY_KINDS},
        lang=page.lang,
    )


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, page: PageDep, q: str = "", p: Annotated[int, Query(ge=1, le=10_000)] = 1) -> HTMLResponse:
    hits, total = page.cache.search_index().search(q, limit=PAGE_SIZE, offset=(p - 1) * PAGE_SIZE)
    types: dict[str, list[str]] = {}
    if hits:
        rows = page.select(f"SELECT ?s ?t WHERE {{ {values_block('s', [h.iri for h in hits])} ?s a ?t }}")
        for r in rows:
            types.setdefault(r["s"].value, []).append(r["t"].value)
    page.load_labels([h.iri for h in hits] + [t for ts in types.values() for t in ts])
    measures = [h.iri for h in hits if MEASURE in types.get(h.iri, [])]
    docs = {m.link.iri: m.document for m in measure_summaries(page, measures)}
    results = []
    for h in hits:
        kinds = sorted({page.label(t) for t in types.get(h.iri, [])})
        results.append({"hit": h, "link": page.link(h.iri), "types": kinds, "document": docs.get(h.iri)})
    return render(
        request,
        "search.html",
        {"q": q, "results": results, "total": total, "p": p, "pages": -(-total // PAGE_SIZE)},
        lang=page.lang,
    )


@router.get("/browse/{kind}", response_class=HTMLResponse)
def browse(request: Request, kind: str, page: PageDep) -> HTMLResponse:
    if kind not in KINDS:
        raise HTTPException(404, f"no list of {kind!r}: try one of {', '.join(KINDS)}")
    pairs = page.cache.browse(kind)
    page.load_labels(i for i, _ in pairs)
    rows = [(page.link(i), n) for i, n in pairs]
    return render(request, "browse.html", {"kind": kind, "rows": rows, "filter": KINDS[kind][1]}, lang=page.lang)


@router.get("/measures", response_class=HTMLResponse)
def measures(request: Request, page: PageDep, p: Annotated[int, Query(ge=1, le=10_000)] = 1) -> HTMLResponse:
    filters: dict[str, str] = {}
    for name in FILTERS:
        value = request.query_params.get(name)
        if value:
            try:
                filters[name] = NamedNode(filter_iri(name, value)).value
            except ValueError as e:
                raise HTTPException(400, f"{name}={value!r} is not an IRI or a key") from e
    items, total = filtered_measures(page, filters, limit=PAGE_SIZE, offset=(p - 1) * PAGE_SIZE)
    active = [(name, page.link(value)) for name, value in filters.items()]
    params = {k: v for k, v in request.query_params.items() if k in FILTERS}
    return render(
        request,
        "measures.html",
        {"items": items, "total": total, "active": active, "p": p, "pages": -(-total // PAGE_SIZE), "params": params},
        lang=page.lang,
    )


@router.get("/lang")
def switch_language(set: str = "zh", next: str = "/") -> RedirectResponse:
    """Remember the language in a cookie and go back to the page (works without JavaScript)."""
    lang = set if set in LANGS else LANGS[0]
    target = next if next.startswith("/") and not next.startswith("//") and "\\" not in next else "/"
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax", httponly=False)
    return response
