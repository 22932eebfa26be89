"""Documents: a page of them, or one with the list of its measures."""

from __future__ import annotations

from pyoxigraph import NamedNode

from store.base import Store

from . import catalog
from .describe_build import BZ, build_source, natural_key, ref
from .errors import NotFound
from .ids import Kind, iri_of, is_valid_id, measure_id
from .memo import Memo
from .models import Document, DocumentDetail, DocumentPage, MeasureRef
from .sparql import PREFIXES, Description, describe
from .terms import Label, py_int, py_str

__all__ = ["get_document", "list_documents"]

DCT = "http://purl.org/dc/terms/"
_STATUS = {BZ + "InForce": "in-force", BZ + "Trial": "trial", BZ + "Draft": "draft"}
_MEASURES = (
    PREFIXES
    + """SELECT DISTINCT ?m ?doc ?p ?o WHERE {
  ?m bz:inDocument ?doc ; a bz:Measure ; ?p ?o .
  FILTER(?p IN (bz:order, bz:number, bz:heading, rdfs:label))
}"""
)


def _document(d: Description, iri: str, measure_count: int) -> Document:
    status = d.first(iri, BZ + "status")
    return Document(
        id=iri.rsplit("/", 1)[1],
        iri=iri,
        title=d.label(iri),
        identifier=py_str(d.first(iri, DCT + "identifier")),
        status=_STATUS.get(status.value) if isinstance(status, NamedNode) else None,
        issuer=ref(d, d.first(iri, BZ + "issuer")),
        province=ref(d, d.first(iri, BZ + "province")),
        jurisdiction=ref(d, d.first(iri, BZ + "jurisdiction")),
        signed=py_str(d.first(iri, BZ + "signed")),
        published=py_str(d.first(iri, BZ + "published")),
        valid_from=py_str(d.first(iri, BZ + "validFrom")),
        valid_until=py_str(d.first(iri, BZ + "validUntil")),
        validity_period=py_str(d.first(iri, BZ + "validityPeriod")),
        cited_numbers=sorted(py_str(t) or "" for t in d.objects(iri, BZ + "citedNumber")),
        source=build_source(d, d.first(iri, BZ + "source")),
        measure_count=measure_count,
    )


def list_documents(
    store: Store, limit: int = 20, offset: int = 0, memo: Memo | None = None
) -> tuple[DocumentPage, list]:
    """A page of documents, ordered by id, with their measure counts."""
    every = catalog.document_order(store, memo)
    page = every[offset : offset + limit]
    d = describe(store, page, ("bz:source",))
    counts = catalog.counts(store, "document", memo)
    items = [_document(d, iri.value, counts.get(iri.value, 0)) for iri in page]
    return DocumentPage(total=len(every), limit=limit, offset=offset, items=items), d.triples + d.label_triples


def get_document(store: Store, ident: str, memo: Memo | None = None) -> tuple[DocumentDetail, list]:
    """One document by id (`hubei-2021`), with its measures in reading order."""
    if not is_valid_id(ident, Kind.DOCUMENT):
        raise NotFound("document", ident)
    iri = iri_of(Kind.DOCUMENT, ident)
    d = describe(store, [iri], ("bz:source",))
    if BZ + "PolicyDocument" not in {t.value for t in d.objects(iri.value, catalog.RDF_TYPE)}:
        raise NotFound("document", ident)
    measures = _measures_of(store, iri)
    base = _document(d, iri.value, len(measures))
    detail = DocumentDetail(**{**base.__dict__, "measures": measures})
    return detail, d.triples + d.label_triples


def _measures_of(store: Store, doc: NamedNode) -> list[MeasureRef]:
    props: dict[str, dict[str, list]] = {}
    for row in store.select(_MEASURES, {"doc": doc}):
        m = row["m"].value
        props.setdefault(m, {}).setdefault(row["p"].value, []).append(row["o"])
    refs = []
    for m, by_p in props.items():
        d = Description()
        for p, objs in by_p.items():
            d.props[m][p].extend(objs)
        refs.append(
            MeasureRef(
                id=measure_id(m) or m,
                iri=m,
                label=d.label(m) if d.has(m) else Label(),
                number=py_str(d.first(m, BZ + "number")),
                order=py_int(d.first(m, BZ + "order")),
                heading=py_str(d.first(m, BZ + "heading")),
            )
        )
    refs.sort(key=lambda r: (r.order is None, r.order or 0, natural_key(NamedNode(r.iri))))
    return refs
