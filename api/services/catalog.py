"""Tables of the graph's named things (concepts, places, agencies, zones, documents) with their
measure counts: each is one or two queries over the whole graph, so they are memoized per store
version and every request after the first reads them from memory.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from pyoxigraph import NamedNode

from store.base import Store, Term

from .ids import Kind, id_of, kind_of
from .memo import Memo, memoized
from .sparql import PREFIXES
from .terms import Label, pick_label, py_int, py_str

__all__ = [
    "AGENCY_CLASSES",
    "BZ",
    "Entry",
    "Scheme",
    "agencies",
    "concepts",
    "counts",
    "document_order",
    "places",
    "zones",
]

BZ = "https://w3id.org/bzkg/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
AGENCY_CLASSES = (
    "Agency",
    "GovernmentBody",
    "CustomsDistrict",
    "FinancialInstitution",
    "Company",
    "CollectiveUnit",
)
ZONE_CLASSES = (
    "Zone",
    "ComprehensiveBondedZone",
    "BondedLogisticsCenter",
    "PilotFreeTradeZone",
    "FreeTradeZoneArea",
    "CrossBorderEcommerceZone",
    "ImportTradeDemonstrationZone",
    "DevelopmentZone",
)
PLACE_CLASSES = ("Place", "Province", "City")


class Scheme:
    """The two concept schemes measures point into, with the measure property that uses each."""

    BUSINESS_TYPE = ("business-type", "businessType")
    INDUSTRY = ("industry", "industry")


@dataclass(frozen=True)
class Entry:
    """One named resource: id, IRI, labels, and its other properties as IRI -> objects."""

    id: str
    iri: str
    label: Label
    alt_labels: list[str]
    props: dict[str, list[Term]]

    def first(self, predicate: str) -> Term | None:
        found = self.props.get(predicate)
        return found[0] if found else None

    def all(self, predicate: str) -> list[Term]:
        return self.props.get(predicate, [])

    def local_types(self, allowed: tuple[str, ...]) -> list[str]:
        return sorted(
            t.value[len(BZ) :] for t in self.all(RDF_TYPE) if t.value.startswith(BZ) and t.value[len(BZ) :] in allowed
        )


def _entries(store: Store, query: str, ident) -> dict[str, Entry]:
    """Rows (?s ?p ?o) -> entries keyed by id, in a stable (sorted) order."""
    props: dict[str, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
    for row in store.select(query):
        s, p, o = row["s"], row["p"], row["o"]
        if isinstance(s, NamedNode) and isinstance(p, NamedNode) and o not in props[s.value][p.value]:
            props[s.value][p.value].append(o)
    table: dict[str, Entry] = {}
    for iri in sorted(props):
        key = ident(iri, props[iri])
        if key is None:
            continue
        by_p = {p: sorted(objs, key=str) for p, objs in props[iri].items()}
        label = pick_label((p, o) for p, objs in by_p.items() for o in objs)
        alt = sorted({py_str(o) or "" for o in by_p.get(SKOS + "altLabel", [])})
        table[key] = Entry(key, iri, label, alt, by_p)
    return table


def _typed_query(classes: tuple[str, ...], predicates: str) -> str:
    types = " ".join(f"bz:{c}" for c in classes)
    return (
        PREFIXES
        + f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?type {{ {types} }} ?s a ?type . ?s ?p ?o . "
        + f"VALUES ?p {{ rdf:type skos:prefLabel skos:altLabel rdfs:label {predicates} }} }}"
    )


def _simple_id(iri: str, _props: object) -> str | None:
    return id_of(iri)


def _load_places(store: Store) -> dict[str, Entry]:
    return _entries(store, _typed_query(PLACE_CLASSES, "bz:province bz:abbreviation"), _simple_id)


def _load_agencies(store: Store) -> dict[str, Entry]:
    query = _typed_query(AGENCY_CLASSES, "bz:province bz:jurisdiction bz:city bz:departmentKind")
    return _entries(store, query, _simple_id)


def _load_zones(store: Store) -> dict[str, Entry]:
    query = _typed_query(ZONE_CLASSES, "bz:province bz:city bz:zoneStatus bz:partOfZone")
    return _entries(store, query, _simple_id)


def _concept_loader(scheme: str):
    scheme_iri = f"https://w3id.org/bzkg/id/{scheme}"
    query = (
        PREFIXES
        + f"SELECT DISTINCT ?s ?p ?o WHERE {{ {{ ?s skos:inScheme <{scheme_iri}> }} "
        + f"UNION {{ ?s skos:topConceptOf <{scheme_iri}> }} ?s ?p ?o . "
        + "VALUES ?p { skos:notation skos:broader skos:prefLabel skos:altLabel rdfs:label skos:definition } }"
    )

    def code(iri: str, props: dict[str, list[Term]]) -> str | None:
        notation = props.get(SKOS + "notation")
        return py_str(sorted(notation, key=str)[0]) if notation else iri.rstrip("/").rsplit("/", 1)[-1]

    return lambda store: _entries(store, query, code)


def places(store: Store, memo: Memo | None = None) -> dict[str, Entry]:
    """Provinces and cities by id (`hubei`)."""
    return memoized(memo, store, "places", _load_places)


def agencies(store: Store, memo: Memo | None = None) -> dict[str, Entry]:
    return memoized(memo, store, "agencies", _load_agencies)


def zones(store: Store, memo: Memo | None = None) -> dict[str, Entry]:
    return memoized(memo, store, "zones", _load_zones)


def concepts(store: Store, scheme: tuple[str, str], memo: Memo | None = None) -> dict[str, Entry]:
    """The concepts of a scheme (`Scheme.BUSINESS_TYPE`) by code (skos:notation)."""
    return memoized(memo, store, f"concepts:{scheme[0]}", _concept_loader(scheme[0]))


# Counts of measures (or documents, ?x) per resource ?k: name -> graph pattern.
_COUNT_PATTERNS = {
    "lead": "?x bz:leadAgency ?k",
    "participating": "?x bz:participatingAgency ?k",
    "zone": "?x bz:zone ?k",
    "document": "?x a bz:Measure ; bz:inDocument ?k",
    "province-documents": "?x a bz:PolicyDocument ; bz:province ?k",
    "province-measures": "?x bz:inDocument ?d . ?d bz:province ?k",
    "businessType": "?x bz:businessType ?k",
    "businessType*": "?x bz:businessType ?c . ?c skos:broader* ?k",
    "industry": "?x bz:industry ?k",
    "industry*": "?x bz:industry ?c . ?c skos:broader* ?k",
}


def counts(store: Store, name: str, memo: Memo | None = None) -> dict[str, int]:
    """IRI -> count for one of `_COUNT_PATTERNS` (e.g. `"lead"`: measures each agency leads)."""
    query = PREFIXES + f"SELECT ?k (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {_COUNT_PATTERNS[name]} }} GROUP BY ?k"

    def load(store: Store) -> dict[str, int]:
        return {row["k"].value: py_int(row["n"]) or 0 for row in store.select(query) if isinstance(row["k"], NamedNode)}

    return memoized(memo, store, f"count:{name}", load)


def document_order(store: Store, memo: Memo | None = None) -> list[NamedNode]:
    """Every document IRI, sorted by IRI (so by id)."""

    def load(store: Store) -> list[NamedNode]:
        rows = store.select(PREFIXES + "SELECT DISTINCT ?d WHERE { ?d a bz:PolicyDocument }")
        found = {row["d"].value for row in rows if isinstance(row["d"], NamedNode)}
        return [NamedNode(iri) for iri in sorted(found) if kind_of(iri) is Kind.DOCUMENT]

    return memoized(memo, store, "documents", load)
