"""SPARQL text shared by the services: prefixes, safe `VALUES` blocks, and one-query descriptions.

Nothing a client sends is ever written into query text. Request values reach queries as bindings
(`Store.select(query, bindings)`); the only terms written into text are IRIs that came out of the
store or were built by `api.services.ids` from a validated id, serialised by pyoxigraph.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode, Triple

from store.base import Store, Term

from .terms import LABEL_PREDICATES, Label, pick_label

__all__ = ["PREFIXES", "Description", "describe", "values_block"]

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

PREFIXES = """\
PREFIX bz: <https://w3id.org/bzkg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX org: <http://www.w3.org/ns/org#>
"""


def values_block(variable: str, iris: Iterable[NamedNode]) -> str:
    """`VALUES ?m { <…/measure/1> <…/measure/2> }` from NamedNode terms only (serialised by pyoxigraph,
    which escapes them); anything else is refused."""
    if not variable.isidentifier():
        raise ValueError(f"bad variable name {variable!r}")
    parts = []
    for iri in iris:
        if not isinstance(iri, NamedNode):
            raise TypeError(f"VALUES takes IRIs only, not {type(iri).__name__}")
        parts.append(str(iri))
    return f"VALUES ?{variable} {{ {' '.join(parts)} }}"


@dataclass
class Description:
    """Triples about some roots (and nodes hanging off them), with labels of every IRI they point to.

    `props[s][p]` lists the objects of `s p ?o`; `labels[o]` names the IRI `o`.
    """

    props: dict[str, dict[str, list[Term]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    label_pairs: dict[str, list[tuple[str, Term]]] = field(default_factory=lambda: defaultdict(list))
    triples: list[Triple] = field(default_factory=list)
    label_triples: list[Triple] = field(default_factory=list)
    _labels: dict[str, Label] = field(default_factory=dict, repr=False)

    def objects(self, subject: str, predicate: str) -> list[Term]:
        return self.props.get(subject, {}).get(predicate, [])

    def first(self, subject: str, predicate: str) -> Term | None:
        found = self.objects(subject, predicate)
        return found[0] if found else None

    def label(self, iri: str) -> Label:
        found = self._labels.get(iri)
        if found is None:
            pairs = list(self.label_pairs.get(iri, ()))
            pairs += [(p, o) for p in LABEL_PREDICATES for o in self.objects(iri, p)]
            found = self._labels[iri] = pick_label(pairs)
        return found

    def has(self, subject: str) -> bool:
        return subject in self.props


LabelIndex = dict[str, list[tuple[str, Literal]]]


def label_index(store: Store) -> LabelIndex:
    """Every IRI's labels (skos:prefLabel, rdfs:label, dcterms:title), for `describe` to use instead of
    a label query per request: an agency's labels are stated in every document graph naming it, and
    collapsing those copies is most of a lookup's cost on a large graph. Memoize per store version."""
    label_values = ", ".join(f"<{p}>" for p in LABEL_PREDICATES)
    query = f"SELECT DISTINCT ?s ?lp ?ol WHERE {{ ?s ?lp ?ol FILTER(?lp IN ({label_values})) FILTER(isIRI(?s)) }}"
    index: LabelIndex = defaultdict(list)
    for row in store.select(query):
        s, lp, ol = row["s"], row["lp"], row["ol"]
        if isinstance(s, NamedNode) and isinstance(lp, NamedNode) and isinstance(ol, Literal):
            index[s.value].append((lp.value, ol))
    return dict(index)


def describe(
    store: Store, roots: Sequence[NamedNode], hops: Sequence[str] = (), labels: LabelIndex | None = None
) -> Description:
    """All triples of `roots` and of the nodes reached from them by each property path in `hops`,
    then the labels of every IRI object, in two queries whatever the number of roots:

        SELECT DISTINCT ?s ?p ?o WHERE {
          { VALUES ?root {…} ?root ?p ?o BIND(?root AS ?s) }
          UNION { VALUES ?root {…} ?root bz:responsibility ?s . ?s ?p ?o }
        }
        SELECT DISTINCT ?o ?lp ?ol WHERE {
          VALUES ?o {…} ?o ?lp ?ol FILTER(?lp IN (skos:prefLabel, rdfs:label, dcterms:title))
        }

    (The labels as an OPTIONAL of the first query, or with `VALUES ?lp`, make pyoxigraph scan every
    label in the graph: 10-40x slower.) With a `labels` index (see `label_index`) the second query is
    not needed. Objects are kept in a stable order (sorted by their N-Triples form), whatever the
    store returns.
    """
    result = Description()
    if not roots:
        return result
    values = values_block("root", roots)
    branches = [f"{{ {values} ?root ?p ?o BIND(?root AS ?s) }}"]
    branches += [f"{{ {values} ?root {hop} ?s . ?s ?p ?o }}" for hop in hops]
    query = PREFIXES + "SELECT DISTINCT ?s ?p ?o WHERE {\n  " + "\n  UNION ".join(branches) + "\n}"
    seen: set[Triple] = set()
    linked: set[NamedNode] = set()
    for row in store.select(query):
        s, p, o = row["s"], row["p"], row["o"]
        if not isinstance(s, NamedNode) or not isinstance(p, NamedNode):
            continue
        triple = Triple(s, p, o)
        if triple not in seen:
            seen.add(triple)
            result.triples.append(triple)
            result.props[s.value][p.value].append(o)
            if isinstance(o, NamedNode) and p.value != RDF_TYPE and not o.value.startswith(s.value + "/"):
                linked.add(o)  # not the nodes hanging off a root (responsibilities, quotes…): no labels
    if linked and labels is not None:
        for o in sorted(linked, key=str):
            for lp, ol in labels.get(o.value, ()):
                result.label_pairs[o.value].append((lp, ol))
                result.label_triples.append(Triple(o, NamedNode(lp), ol))
    elif linked:
        label_values = ", ".join(f"<{p}>" for p in LABEL_PREDICATES)
        labels = (
            PREFIXES
            + "SELECT DISTINCT ?o ?lp ?ol WHERE { "
            + values_block("o", sorted(linked, key=str))
            + f" ?o ?lp ?ol FILTER(?lp IN ({label_values})) }}"
        )
        for row in store.select(labels):
            o, lp, ol = row["o"], row["lp"], row["ol"]
            if isinstance(o, NamedNode) and isinstance(lp, NamedNode) and isinstance(ol, Literal):
                result.label_pairs[o.value].append((lp.value, ol))
                result.label_triples.append(Triple(o, lp, ol))
    for by_predicate in result.props.values():
        for objects in by_predicate.values():
            objects.sort(key=str)
    return result
