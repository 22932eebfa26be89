"""SKOS concept schemes as trees, and the measures tagged with a concept.

SELECT DISTINCT ?s ?c ?b WHERE { ?c skos:inScheme ?s .
    OPTIONAL { { ?c skos:broader ?b } UNION { ?b skos:narrower ?c } } }    # ?s bound
SELECT DISTINCT ?c ?m ?d ?order WHERE { ?m ?p ?c . ?m a bz:Measure ; bz:inDocument ?d … }
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import NamedNode

from api.pages.links import ID
from api.pages.views.core import Link, Page, Value, iri, prologue
from api.pages.views.listing import MeasureSummary, filtered_measures
from api.pages.views.resource import Resource
from store.base import Store

__all__ = ["ConceptFacts", "ConceptNode", "build_schemes", "concept_facts", "scheme_tree", "tagged_measures"]


@dataclass
class ConceptNode:
    link: Link
    count: int
    children: list[ConceptNode] = field(default_factory=list)


def build_schemes(store: Store) -> list[str]:
    rows = store.select(prologue("SELECT DISTINCT ?s WHERE { ?s a skos:ConceptScheme }"))
    return sorted(r["s"].value for r in rows)


def scheme_tree(page: Page, scheme: str, counts: dict[str, int]) -> list[ConceptNode]:
    rows = page.select(
        "SELECT DISTINCT ?s ?c ?b WHERE { ?c skos:inScheme ?s . "
        "OPTIONAL { { ?c skos:broader ?b } UNION { ?b skos:narrower ?c } } }",
        s=NamedNode(scheme),
    )
    parents: dict[str, set[str]] = {}
    for r in rows:
        parents.setdefault(r["c"].value, set())
        b = iri(r, "b")
        if b:
            parents[r["c"].value].add(b)
    page.load_labels(parents)
    nodes = {c: ConceptNode(page.link(c), counts.get(c, 0)) for c in parents}
    roots: list[ConceptNode] = []
    for c, ps in parents.items():
        inside = [p for p in ps if p in nodes and p != c]
        for p in inside:
            nodes[p].children.append(nodes[c])
        if not inside:
            roots.append(nodes[c])

    def sort(items: list[ConceptNode], depth: int) -> None:
        items.sort(key=lambda n: (n.link.label, n.link.iri))
        for n in items:
            if depth < 12:
                sort(n.children, depth + 1)

    sort(roots, 0)
    return roots


def tagged_measures(page: Page, concept: str, limit: int = 50, offset: int = 0) -> tuple[list[MeasureSummary], int]:
    """Measures tagged with the concept: a business type or an industry, by its scheme's folder."""
    name = "industry" if concept.startswith(ID + "industry/") else "business_type"
    return filtered_measures(page, {name: concept}, limit, offset)


SKOS = "http://www.w3.org/2004/02/skos/core#"


@dataclass(frozen=True)
class ConceptFacts:
    definition: Value | None
    notation: str | None
    schemes: list[Link]
    alt_labels: list[str]
    broader: list[Link]
    narrower: list[Link]


def concept_facts(page: Page, res: Resource) -> ConceptFacts:
    """Definition in the page's language, alt labels, and broader / narrower stated either way."""
    definitions = res.all(SKOS + "definition")
    definition = next((d for d in definitions if (d.lang or "").startswith(page.lang)), None)
    notation = res.first(SKOS + "notation")

    def related(prop: str, inverse: str) -> list[Link]:
        out = {v.link.iri: v.link for v in res.all(SKOS + prop) if v.link}
        for subject, predicate in res.incoming:
            if predicate.iri == SKOS + inverse:
                out.setdefault(subject.iri, subject)
        return sorted(out.values(), key=lambda link: link.label)

    return ConceptFacts(
        definition=definition or (definitions[0] if definitions else None),
        notation=notation.text if notation else None,
        schemes=[v.link for v in res.all(SKOS + "inScheme") if v.link],
        alt_labels=sorted({v.text for v in res.all(SKOS + "altLabel")}),
        broader=related("broader", "narrower"),
        narrower=related("narrower", "broader"),
    )
