"""Measures: one by id, and pages of a filtered list, each with its agencies, types, zones, targets
and quote.

A page costs two queries whatever its size: one for the ids of every match (filters as fixed graph
patterns whose values are bound variables, never text), one `describe` of the page with `VALUES`.
The unfiltered order is memoized per store version.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal as Lit

from pyoxigraph import Literal, NamedNode

from store.base import Store, Term

from . import catalog
from .describe_build import BZ, MEASURE_HOPS, build_measure
from .errors import BadParameter, NotFound
from .ids import Kind, iri_of, is_valid_id, measure_iri
from .memo import Memo, memoized
from .models import Measure, MeasurePage
from .sparql import PREFIXES, describe, label_index
from .terms import py_int

__all__ = ["MeasureFilter", "get_measure", "list_measures", "resolve_province"]

XSD_DATE = NamedNode("http://www.w3.org/2001/XMLSchema#date")
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass(frozen=True)
class MeasureFilter:
    """Filters of `GET /api/v1/measures`; all given ones must hold."""

    business_type: str | None = None  # notation code; narrower types included
    agency: str | None = None  # agency id
    role: Lit["lead", "participating"] | None = None  # with `agency`
    zone: str | None = None  # zone id; its areas (bz:partOfZone) included
    province: str | None = None  # place id or name of the document's province
    document: str | None = None  # document id
    q: str | None = None  # substring of the measure's text
    in_force_on: date | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, name) is None for name in self.__dataclass_fields__)


def resolve_province(store: Store, value: str, memo: Memo | None = None, parameter: str = "province") -> str:
    """The IRI of a province given by id (`hubei`) or name (`湖北省`, `湖北`, `Hubei`)."""
    table = catalog.places(store, memo)
    if value in table:
        return table[value].iri
    wanted = value.strip().casefold()
    for entry in table.values():
        names = [entry.label.zh, entry.label.en, *entry.alt_labels]
        if any(name and name.casefold() == wanted for name in names):
            return entry.iri
    raise BadParameter(parameter, f"unknown province {value!r}: give a place id such as 'hubei' or a name")


def _lookup(table: dict[str, catalog.Entry], value: str, parameter: str, what: str) -> NamedNode:
    entry = table.get(value)
    if entry is None:
        raise BadParameter(parameter, f"unknown {what} {value!r}")
    return NamedNode(entry.iri)


def _compose(store: Store, f: MeasureFilter, memo: Memo | None) -> tuple[str, dict[str, Term]]:
    """The id query for a filter: fixed patterns, one bound variable per given value."""
    patterns = ["?m a bz:Measure ; bz:inDocument ?doc ."]
    bindings: dict[str, Term] = {}
    if f.document is not None:
        known = {d.value for d in catalog.document_order(store, memo)}
        iri = iri_of(Kind.DOCUMENT, f.document) if is_valid_id(f.document, Kind.DOCUMENT) else None
        if iri is None or iri.value not in known:
            raise BadParameter("document", f"unknown document {f.document!r}")
        bindings["doc"] = iri
    if f.business_type is not None:
        table = catalog.concepts(store, catalog.Scheme.BUSINESS_TYPE, memo)
        bindings["bt"] = _lookup(table, f.business_type, "business_type", "business type code")
        patterns.append("?m bz:businessType ?t . ?t skos:broader* ?bt .")
    if f.role is not None and f.agency is None:
        raise BadParameter("role", "role needs an agency: give agency=<id> as well")
    if f.agency is not None:
        bindings["agency"] = _lookup(catalog.agencies(store, memo), f.agency, "agency", "agency id")
        patterns.append(
            {
                "lead": "?m bz:leadAgency ?agency .",
                "participating": "?m bz:participatingAgency ?agency .",
                None: "{ ?m bz:leadAgency ?agency } UNION { ?m bz:participatingAgency ?agency }",
            }[f.role]
        )
    if f.zone is not None:
        bindings["zone"] = _lookup(catalog.zones(store, memo), f.zone, "zone", "zone id")
        patterns.append("?m bz:zone ?z . ?z bz:partOfZone* ?zone .")
    if f.province is not None:
        bindings["province"] = NamedNode(resolve_province(store, f.province, memo))
        patterns.append("?doc bz:province ?province .")
    if f.q is not None:
        bindings["q"] = Literal(f.q)
        patterns.append("?m bz:text ?text . FILTER(CONTAINS(STR(?text), ?q))")
    if f.in_force_on is not None:
        bindings["date"] = Literal(f.in_force_on.isoformat(), datatype=XSD_DATE)
        patterns.append(
            "FILTER NOT EXISTS { ?doc bz:status bz:Draft }"
            " OPTIONAL { ?doc bz:validFrom ?validFrom } OPTIONAL { ?doc bz:signed ?signed }"
            " OPTIONAL { ?doc bz:validUntil ?validUntil }"
            " FILTER(COALESCE(?validFrom, ?signed) <= ?date && (!BOUND(?validUntil) || ?validUntil >= ?date))"
        )
    # Bound variables are projected: pyoxigraph substitutes only variables of the projection.
    projected = " ".join(f"?{name}" for name in sorted(bindings) if name != "doc")
    query = (
        PREFIXES
        + f"SELECT DISTINCT ?m ?doc ?order {projected} WHERE {{\n  "
        + "\n  ".join(patterns)
        + "\n  OPTIONAL { ?m bz:order ?order }\n}"
    )
    return query, bindings


def _matching(store: Store, f: MeasureFilter, memo: Memo | None) -> list[NamedNode]:
    """IRIs of the matching measures, in document then reading order."""
    query, bindings = _compose(store, f, memo)

    def run(store: Store) -> list[NamedNode]:
        keys: dict[str, tuple] = {}
        for row in store.select(query, bindings or None):
            m, doc = row["m"], row["doc"]
            if not isinstance(m, NamedNode):
                continue
            order = py_int(row.get("order"))
            key = (doc.value, order is None, order or 0, m.value)
            keys[m.value] = min(key, keys.get(m.value, key))
        return [NamedNode(iri) for iri, _ in sorted(keys.items(), key=lambda item: item[1])]

    return memoized(memo, store, "measure-order", run) if f.is_empty() else run(store)


def list_measures(
    store: Store, f: MeasureFilter, limit: int = 20, offset: int = 0, memo: Memo | None = None
) -> tuple[MeasurePage, list]:
    """A page of measures and the RDF triples describing it (for JSON-LD and Turtle)."""
    matching = _matching(store, f, memo)
    page = matching[offset : offset + limit]
    d = describe(store, page, MEASURE_HOPS, memo.get(store, "labels", label_index) if memo else None)
    items = [build_measure(d, m.value) for m in page]
    return MeasurePage(total=len(matching), limit=limit, offset=offset, items=items), d.triples + d.label_triples


def get_measure(store: Store, ident: str, memo: Memo | None = None) -> tuple[Measure, list]:
    """One measure by id (`hubei-2021~8`) and its triples; `NotFound` if there is none."""
    try:
        iri = measure_iri(ident)
    except ValueError:
        raise NotFound("measure", ident) from None
    d = describe(store, [iri], MEASURE_HOPS, memo.get(store, "labels", label_index) if memo else None)
    if BZ + "Measure" not in {t.value for t in d.objects(iri.value, RDF_TYPE)}:
        raise NotFound("measure", ident)
    return build_measure(d, iri.value), d.triples + d.label_triples
