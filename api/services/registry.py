"""Agencies, zones, provinces and concepts (business types, industries): lists and single ones,
read from the memoized catalog, with measure counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import NamedNode

from store.base import Store

from . import catalog
from .catalog import BZ, Entry, Scheme
from .errors import NotFound
from .memo import Memo
from .models import Agency, AgencyPage, BusinessTypeNode, Concept, Province, Ref, Zone, ZonePage
from .sparql import PREFIXES, describe
from .terms import Label, py_str

__all__ = [
    "AgencyFilter",
    "business_type_tree",
    "get_agency",
    "get_concept",
    "get_zone",
    "list_agencies",
    "list_concepts",
    "list_provinces",
    "list_zones",
    "resource_triples",
]

SKOS = "http://www.w3.org/2004/02/skos/core#"
_ZONE_STATUS = {BZ + "Established": "established", BZ + "Applying": "applying"}


@dataclass(frozen=True)
class AgencyFilter:
    province: str | None = None  # province IRI (resolved by the caller)
    kind: str | None = None  # bz: class local name, e.g. "CustomsDistrict"
    q: str | None = None  # substring of a zh/en/alt label


def _place_ref(store: Store, term, memo: Memo | None) -> Ref | None:
    if not isinstance(term, NamedNode):
        return None
    ident = term.value.rsplit("/", 1)[1]
    entry = catalog.places(store, memo).get(ident)
    return Ref(id=ident, iri=term.value, label=entry.label if entry else Label())


def _agency(store: Store, e: Entry, memo: Memo | None) -> Agency:
    kinds = [k for k in e.local_types(catalog.AGENCY_CLASSES) if k != "Agency"]
    dept = e.first(BZ + "departmentKind")
    return Agency(
        id=e.id,
        iri=e.iri,
        label=e.label,
        alt_labels=e.alt_labels,
        kind=kinds[0] if kinds else "Agency",
        province=_place_ref(store, e.first(BZ + "province"), memo),
        jurisdiction=_place_ref(store, e.first(BZ + "jurisdiction"), memo),
        department_kind=py_str(dept).rsplit("/", 1)[-1] if isinstance(dept, NamedNode) else None,
        measures_led=catalog.counts(store, "lead", memo).get(e.iri, 0),
        measures_participating=catalog.counts(store, "participating", memo).get(e.iri, 0),
    )


def _matches(e: Entry, q: str) -> bool:
    return any(q.casefold() in (name or "").casefold() for name in (e.label.zh, e.label.en, *e.alt_labels))


def list_agencies(
    store: Store, f: AgencyFilter, limit: int = 20, offset: int = 0, memo: Memo | None = None
) -> AgencyPage:
    """Agencies ordered by id, each with how many measures it leads and takes part in."""
    chosen = []
    for e in catalog.agencies(store, memo).values():
        if f.province and f.province not in {t.value for t in e.all(BZ + "province") + e.all(BZ + "jurisdiction")}:
            continue
        if f.kind and f.kind not in e.local_types(catalog.AGENCY_CLASSES):
            continue
        if f.q and not _matches(e, f.q):
            continue
        chosen.append(e)
    items = [_agency(store, e, memo) for e in chosen[offset : offset + limit]]
    return AgencyPage(total=len(chosen), limit=limit, offset=offset, items=items)


def get_agency(store: Store, ident: str, memo: Memo | None = None) -> Agency:
    entry = catalog.agencies(store, memo).get(ident)
    if entry is None:
        raise NotFound("agency", ident)
    return _agency(store, entry, memo)


def _zone(store: Store, e: Entry, memo: Memo | None) -> Zone:
    status = e.first(BZ + "zoneStatus")
    part_of = e.first(BZ + "partOfZone")
    parent = catalog.zones(store, memo).get(part_of.value.rsplit("/", 1)[1]) if part_of else None
    return Zone(
        id=e.id,
        iri=e.iri,
        label=e.label,
        alt_labels=e.alt_labels,
        kinds=[k for k in e.local_types(catalog.ZONE_CLASSES) if k != "Zone"],
        status=_ZONE_STATUS.get(status.value) if isinstance(status, NamedNode) else None,
        province=_place_ref(store, e.first(BZ + "province"), memo),
        city=_place_ref(store, e.first(BZ + "city"), memo),
        part_of=Ref(id=parent.id, iri=parent.iri, label=parent.label) if parent else None,
        measure_count=catalog.counts(store, "zone", memo).get(e.iri, 0),
    )


def list_zones(
    store: Store,
    province: str | None = None,
    kind: str | None = None,
    limit: int = 20,
    offset: int = 0,
    memo: Memo | None = None,
) -> ZonePage:
    chosen = [
        e
        for e in catalog.zones(store, memo).values()
        if (province is None or province in {t.value for t in e.all(BZ + "province")})
        and (kind is None or kind in e.local_types(catalog.ZONE_CLASSES))
    ]
    items = [_zone(store, e, memo) for e in chosen[offset : offset + limit]]
    return ZonePage(total=len(chosen), limit=limit, offset=offset, items=items)


def get_zone(store: Store, ident: str, memo: Memo | None = None) -> Zone:
    entry = catalog.zones(store, memo).get(ident)
    if entry is None:
        raise NotFound("zone", ident)
    return _zone(store, entry, memo)


def _codes(table: dict[str, Entry]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """code -> broader codes, code -> narrower codes (from skos:broader and skos:narrower)."""
    by_iri = {e.iri: code for code, e in table.items()}
    broader: dict[str, set[str]] = {code: set() for code in table}
    for code, e in table.items():
        for b in e.all(SKOS + "broader"):
            if b.value in by_iri:
                broader[code].add(by_iri[b.value])
        for n in e.all(SKOS + "narrower"):
            if n.value in by_iri:
                broader[by_iri[n.value]].add(code)
    narrower: dict[str, list[str]] = {code: [] for code in table}
    for code, parents in broader.items():
        for parent in parents:
            narrower[parent].append(code)
    return {c: sorted(b) for c, b in broader.items()}, {c: sorted(n) for c, n in narrower.items()}


def _concept(store, scheme, code, e, broader, narrower, memo) -> Concept:
    prop = scheme[1]
    return Concept(
        code=code,
        iri=e.iri,
        label=e.label,
        alt_labels=e.alt_labels,
        broader=broader[code],
        narrower=narrower[code],
        measure_count=catalog.counts(store, prop + "*", memo).get(e.iri, 0),
        direct_measure_count=catalog.counts(store, prop, memo).get(e.iri, 0),
    )


def list_concepts(store: Store, scheme: tuple[str, str], memo: Memo | None = None) -> list[Concept]:
    """Every concept of a scheme, ordered by code."""
    table = catalog.concepts(store, scheme, memo)
    broader, narrower = _codes(table)
    return [_concept(store, scheme, code, e, broader, narrower, memo) for code, e in sorted(table.items())]


def get_concept(store: Store, scheme: tuple[str, str], code: str, memo: Memo | None = None) -> Concept:
    table = catalog.concepts(store, scheme, memo)
    if code not in table:
        raise NotFound(scheme[0].replace("-", " "), code)
    broader, narrower = _codes(table)
    return _concept(store, scheme, code, table[code], broader, narrower, memo)


def business_type_tree(store: Store, memo: Memo | None = None) -> list[BusinessTypeNode]:
    """The business types as a forest: top concepts (no broader) with their narrower ones nested."""
    concepts = {c.code: c for c in list_concepts(store, Scheme.BUSINESS_TYPE, memo)}

    def node(code: str, seen: frozenset[str]) -> BusinessTypeNode:
        c = concepts[code]
        children = [node(n, seen | {n}) for n in c.narrower if n not in seen]
        return BusinessTypeNode(c.code, c.iri, c.label, c.measure_count, children)

    return [node(code, frozenset({code})) for code, c in concepts.items() if not c.broader]


def list_provinces(store: Store, memo: Memo | None = None) -> list[Province]:
    docs = catalog.counts(store, "province-documents", memo)
    measures = catalog.counts(store, "province-measures", memo)
    return [
        Province(
            id=e.id,
            iri=e.iri,
            label=e.label,
            alt_labels=e.alt_labels,
            abbreviation=py_str(e.first(BZ + "abbreviation")),
            document_count=docs.get(e.iri, 0),
            measure_count=measures.get(e.iri, 0),
        )
        for e in catalog.places(store, memo).values()
        if "Province" in e.local_types(catalog.PLACE_CLASSES)
    ]


def resource_triples(store: Store, iris: list[str]) -> list:
    """Triples about some resources and the labels of what they point to (for JSON-LD / Turtle)."""
    d = describe(store, [NamedNode(i) for i in iris])
    return d.triples + d.label_triples


def scheme_triples(store: Store, scheme: tuple[str, str]) -> list:
    """The triples of every concept of a scheme."""
    query = PREFIXES + "SELECT DISTINCT ?c ?scheme WHERE { ?c skos:inScheme ?scheme }"
    rows = store.select(query, {"scheme": NamedNode(f"https://w3id.org/bzkg/id/{scheme[0]}")})
    return resource_triples(store, sorted(r["c"].value for r in rows if isinstance(r.get("c"), NamedNode)))
