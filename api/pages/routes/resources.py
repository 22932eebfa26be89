"""Dereferencing: every IRI minted under https://w3id.org/bzkg/id/ is served at the same path,
HTML for browsers (a page by type: measure, document, agency, concept scheme, concept, zone, place,
anything else), Turtle / JSON-LD / N-Triples / RDF/XML for clients; also named graphs at /graph/…
and any other IRI the graph mentions at /resource?iri=…"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from pyoxigraph import NamedNode

from api.pages.conneg import alternates, choose, rdf_response, split_extension
from api.pages.deps import PageDep, pages_state
from api.pages.links import BASE, PREFIXES, VOCAB
from api.pages.render import render
from api.pages.routes.ontology import class_html
from api.pages.views.core import Page, integer
from api.pages.views.listing import document_tree, filtered_measures
from api.pages.views.measure import measure_view, quote_view
from api.pages.views.resource import Resource, describe
from api.pages.views.skos import concept_facts, scheme_tree, tagged_measures

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

SKOS = PREFIXES["skos"]
PAGE_SIZE = 50
AGENCY = VOCAB + "Agency"


def _negotiate(request: Request, ext: str | None) -> tuple[str, bool]:
    if ext is not None:
        return ext, False
    chosen = choose(request.headers.get("accept"))
    if chosen is None:
        raise HTTPException(406, "resources are available as HTML, Turtle, JSON-LD, N-Triples or RDF/XML")
    return chosen, True


def _is_a(page: Page, res: Resource, cls: str) -> bool:
    """Whether one of the resource's types is `cls` or a subclass of it."""
    classes = page.cache.ontology().classes
    todo, seen = [t.iri for t in res.types], set()
    while todo:
        t = todo.pop()
        if t == cls:
            return True
        if t not in seen and t in classes:
            seen.add(t)
            todo.extend(classes[t].supers)
    return False


def _html(request: Request, page: Page, res: Resource, base_path: str, p: int) -> dict:
    """The template and its context for the resource's most specific kind of page."""
    offset = (p - 1) * PAGE_SIZE
    if _is_a(page, res, VOCAB + "Measure"):
        return {"template": "measure.html", "m": measure_view(page, res, pages_state(request).sources)}
    if _is_a(page, res, VOCAB + "PolicyDocument"):
        return {"template": "document.html", "tree": document_tree(page, res.iri)}
    if _is_a(page, res, AGENCY):
        leads, n_leads = filtered_measures(page, {"lead_agency": res.iri}, limit=200)
        joins, n_joins = filtered_measures(page, {"participating_agency": res.iri}, limit=200)
        return {"template": "agency.html", "leads": leads, "n_leads": n_leads, "joins": joins, "n_joins": n_joins}
    if _is_a(page, res, f"{SKOS}ConceptScheme"):
        return {
            "template": "scheme.html",
            "tree": scheme_tree(page, res.iri, page.cache.concept_counts()),
            "filter": "industry" if res.iri.rstrip("/").endswith("/industry") else "business_type",
        }
    if _is_a(page, res, f"{SKOS}Concept"):
        items, total = tagged_measures(page, res.iri, PAGE_SIZE, offset)
        return {
            "template": "concept.html",
            "items": items,
            "total": total,
            "p": p,
            "pages": -(-total // PAGE_SIZE),
            "concept": concept_facts(page, res),
        }
    context: dict = {"template": "resource.html"}
    filt = "zone" if _is_a(page, res, VOCAB + "Zone") else "province" if _is_a(page, res, VOCAB + "Place") else None
    if filt:
        items, total = filtered_measures(page, {filt: res.iri}, PAGE_SIZE, offset)
        context.update(items=items, total=total, p=p, pages=-(-total // PAGE_SIZE), filter=filt)
    if any(s.predicate.iri == VOCAB + "quote" for s in res.statements):
        context["quote"] = quote_view(page, NamedNode(res.iri), pages_state(request).sources)
    return context


def _serve(request: Request, page: Page, iri: str, base_path: str, ext: str | None, p: int) -> Response:
    chosen, negotiated = _negotiate(request, ext)
    if chosen != "html":
        triples = page.store.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": NamedNode(iri)})
        if not triples and describe(page, iri) is None:
            raise HTTPException(404, f"nothing is known about <{iri}>")
        return rdf_response(triples, chosen, f"{base_path}.{chosen}", negotiated)
    res = describe(page, iri)
    if res is None:
        raise HTTPException(404, f"nothing is known about <{iri}>")
    context = _html(request, page, res, base_path, p)
    template = context.pop("template")
    headers = {"Content-Location": f"{base_path}.html"}
    if negotiated:
        headers["Vary"] = "Accept"
    return render(
        request,
        template,
        {"res": res, "page": page, **context},
        lang=page.lang,
        alternates=alternates(base_path),
        headers=headers,
    )


@router.get("/id/{path:path}", response_class=HTMLResponse)
def minted(request: Request, path: str, page: PageDep, p: Annotated[int, Query(ge=1, le=100_000)] = 1) -> Response:
    stem, ext = split_extension(path.rstrip("/"))
    return _serve(request, page, f"{BASE}/id/{stem}", f"/id/{stem}", ext, p)


@router.get("/resource", response_class=HTMLResponse)
def any_resource(request: Request, iri: str, page: PageDep, p: Annotated[int, Query(ge=1, le=100_000)] = 1) -> Response:
    try:
        node = NamedNode(iri)
    except ValueError as e:
        raise HTTPException(400, "iri= must be an absolute IRI") from e
    if node.value in page.cache.ontology().classes:
        return class_html(request, page, node.value, p)
    res = describe(page, node.value)
    if res is None:
        raise HTTPException(404, f"nothing is known about <{iri}>")
    context = _html(request, page, res, "/resource", p)
    template = context.pop("template")
    return render(request, template, {"res": res, "page": page, **context}, lang=page.lang)


@router.get("/graph/{path:path}", response_class=HTMLResponse)
def named_graph(request: Request, path: str, page: PageDep) -> Response:
    """A named graph of the store: its size and subjects in HTML, its triples in RDF."""
    stem, ext = split_extension(path.rstrip("/"))
    iri = f"{BASE}/graph/{stem}"
    chosen, negotiated = _negotiate(request, ext)
    node = NamedNode(iri)
    if chosen != "html":
        triples = page.store.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": node})
        if not triples:
            raise HTTPException(404, f"no named graph <{iri}>")
        return rdf_response(triples, chosen, f"/graph/{stem}.{chosen}", negotiated)
    size = page.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", g=node)
    if not size:
        raise HTTPException(404, f"no named graph <{iri}>")
    rows = page.select("SELECT DISTINCT ?g ?s WHERE { GRAPH ?g { ?s a ?t } } LIMIT 500", g=node)
    headers = {"Content-Location": f"/graph/{stem}.html"}
    if negotiated:
        headers["Vary"] = "Accept"
    return render(
        request,
        "graph.html",
        {"graph": page.link(iri), "size": integer(size[0], "n"), "subjects": page.links(r["s"].value for r in rows)},
        lang=page.lang,
        alternates=alternates(f"/graph/{stem}"),
        headers=headers,
    )
