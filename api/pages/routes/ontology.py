"""The ontology: `/ontology` (every term with an anchor, the class tree; RDF by content negotiation),
a page per class, per property and per other term, and the list of SKOS schemes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from pyoxigraph import NamedNode

from api.pages.conneg import alternates, choose, rdf_response
from api.pages.deps import PageDep
from api.pages.links import ONTOLOGY, VOCAB
from api.pages.render import render
from api.pages.views.core import Page
from api.pages.views.resource import describe

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 50
ONTOLOGY_GRAPH = "https://w3id.org/bzkg/graph/bzkg"


def _ontology_triples(page: Page) -> list:
    triples = page.store.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}")
    return triples or page.store.construct(
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), STR(?ns))) }",
        {"ns": NamedNode(ONTOLOGY)},
    )


def _ontology(request: Request, page: Page, ext: str | None) -> Response:
    negotiated = ext is None
    chosen = ext or choose(request.headers.get("accept"))
    if chosen is None:
        raise HTTPException(406, "the ontology is available as HTML, Turtle, JSON-LD, N-Triples or RDF/XML")
    if chosen != "html":
        return rdf_response(_ontology_triples(page), chosen, f"/ontology.{chosen}", negotiated)
    onto = page.cache.ontology()
    stats = page.cache.stats()
    header = [(page.link(p), page.value(o)) for p, o in onto.header]
    own = lambda d: sorted((v for k, v in d.items() if k.startswith(VOCAB)), key=lambda t: t.name)  # noqa: E731
    page.load_labels(
        {i for c in onto.classes.values() for i in c.supers}
        | {i for p in onto.properties.values() for i in (*p.domains, *p.ranges)}
    )
    headers = {"Content-Location": "/ontology.html"}
    if negotiated:
        headers["Vary"] = "Accept"
    return render(
        request,
        "ontology.html",
        {
            "page": page,
            "onto": onto,
            "header": header,
            "tree": onto.class_tree(),
            "classes": own(onto.classes),
            "properties": own(onto.properties),
            "individuals": own(onto.individuals),
            "stats": stats,
        },
        lang=page.lang,
        alternates=alternates("/ontology"),
        headers=headers,
    )


@router.get("/ontology", response_class=HTMLResponse)
def ontology(request: Request, page: PageDep) -> Response:
    return _ontology(request, page, None)


@router.get("/ontology.{ext}", response_class=HTMLResponse)
def ontology_variant(request: Request, ext: str, page: PageDep) -> Response:
    if ext not in ("html", "ttl", "jsonld", "nt", "rdf"):
        raise HTTPException(404, f"no variant .{ext}")
    return _ontology(request, page, ext)


@router.get("/ontology/1.0.0", response_class=HTMLResponse)
def ontology_version(request: Request, page: PageDep) -> Response:
    return _ontology(request, page, None)


@router.get("/ontology/class/{name}", response_class=HTMLResponse)
def class_page(
    request: Request, name: str, page: PageDep, p: Annotated[int, Query(ge=1, le=100_000)] = 1
) -> HTMLResponse:
    return class_html(request, page, VOCAB + name, p)


def class_html(request: Request, page: Page, iri: str, p: int = 1) -> HTMLResponse:
    """The page of a class: of the ontology, or one it reuses (skos:Concept, org:Organization)."""
    onto = page.cache.ontology()
    info = onto.classes.get(iri)
    if info is None:
        raise HTTPException(404, f"<{iri}> is not a class of the ontology")
    name = info.name
    stats = page.cache.stats()
    rows = page.select(
        "SELECT DISTINCT ?c ?s WHERE { ?t rdfs:subClassOf* ?c . ?s a ?t } "
        f"LIMIT {PAGE_SIZE} OFFSET {(p - 1) * PAGE_SIZE}",
        c=NamedNode(iri),
    )
    instances = page.links(r["s"].value for r in rows)
    total = stats.inclusive.get(iri, stats.direct.get(iri, 0))
    page.load_labels([*info.supers, *info.subs, *info.disjoint])
    return render(
        request,
        "class.html",
        {
            "page": page,
            "info": info,
            "supers": [page.link(s) for s in sorted(info.supers)],
            "subs": [page.link(s) for s in sorted(info.subs)],
            "disjoint": [page.link(s) for s in sorted(info.disjoint)],
            "domain_of": [page.link(x.iri, x.label(page.lang)) for x in onto.properties_with(iri, "domain")],
            "range_of": [page.link(x.iri, x.label(page.lang)) for x in onto.properties_with(iri, "range")],
            "instances": instances,
            "direct": stats.direct.get(iri, 0),
            "total": total,
            "p": p,
            "pages": -(-total // PAGE_SIZE),
        },
        lang=page.lang,
        alternates=alternates(f"/ontology/term/{name}") if iri.startswith(VOCAB) else [],
    )


@router.get("/ontology/property/{name}", response_class=HTMLResponse)
def property_page(request: Request, name: str, page: PageDep) -> HTMLResponse:
    onto = page.cache.ontology()
    iri = VOCAB + name
    info = onto.properties.get(iri)
    if info is None:
        raise HTTPException(404, f"bz:{name} is not a property of the ontology")
    stats = page.cache.stats()
    rows = page.select("SELECT DISTINCT ?p ?s ?o WHERE { ?s ?p ?o } LIMIT 10", p=NamedNode(iri))
    examples = [(page.link(r["s"].value), page.value(r["o"])) for r in rows]
    page.load_labels([*info.domains, *info.ranges, *info.supers, *info.subs, *info.types, *info.inverse])
    return render(
        request,
        "property.html",
        {
            "page": page,
            "info": info,
            "kind": page.link(info.kind),
            "characteristics": [page.link(c) for c in info.characteristics],
            "domains": [page.link(d) for d in info.domains],
            "ranges": [page.link(r) for r in info.ranges],
            "supers": [page.link(s) for s in info.supers],
            "subs": [page.link(s) for s in sorted(info.subs)],
            "inverse": [page.link(s) for s in info.inverse],
            "usage": stats.predicates.get(iri, 0),
            "examples": examples,
        },
        lang=page.lang,
        alternates=alternates(f"/ontology/term/{name}"),
    )


@router.get("/ontology/term/{name}", response_class=HTMLResponse)
def term_page(request: Request, name: str, page: PageDep) -> Response:
    """Any term of the ontology: classes and properties have their own pages; RDF by negotiation."""
    stem, dot, ext = name.rpartition(".")
    if dot and ext in ("ttl", "jsonld", "nt", "rdf", "html"):
        name, chosen, negotiated = stem, ext, False
    else:
        chosen, negotiated = choose(request.headers.get("accept")), True
    iri = VOCAB + name
    onto = page.cache.ontology()
    if chosen is None:
        raise HTTPException(406, "terms are available as HTML, Turtle, JSON-LD, N-Triples or RDF/XML")
    if chosen != "html":
        triples = page.store.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": NamedNode(iri)})
        if not triples:
            raise HTTPException(404, f"bz:{name} is not a term of the ontology")
        return rdf_response(triples, chosen, f"/ontology/term/{name}.{chosen}", negotiated)
    if iri in onto.classes:
        return class_page(request, name, page)
    if iri in onto.properties:
        return property_page(request, name, page)
    res = describe(page, iri)
    if res is None:
        raise HTTPException(404, f"bz:{name} is not a term of the ontology")
    return render(
        request,
        "resource.html",
        {"res": res, "page": page},
        lang=page.lang,
        alternates=alternates(f"/ontology/term/{name}"),
    )


@router.get("/schemes", response_class=HTMLResponse)
def schemes(request: Request, page: PageDep) -> HTMLResponse:
    return render(request, "schemes.html", {"schemes": page.links(page.cache.schemes())}, lang=page.lang)
