"""The ontology as the pages show it: classes, properties and individuals with their labels,
definitions and hierarchy, read from the store once per store version.

    SELECT ?c ?p ?o WHERE { ?c a owl:Class ; ?p ?o }          # classes and their annotations
    SELECT ?x ?p ?o WHERE { VALUES ?t { owl:ObjectProperty … } ?x a ?t ; ?p ?o }
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from pyoxigraph import Literal, NamedNode

from api.pages.links import ONTOLOGY, PREFIXES, VOCAB, curie, term_name
from api.pages.views.core import prologue
from store.base import Store

__all__ = ["ClassInfo", "OntologyIndex", "PropertyInfo", "TermInfo", "TreeNode", "build_index"]

RDF = PREFIXES["rdf"]
RDFS = PREFIXES["rdfs"]
OWL = PREFIXES["owl"]
SKOS = PREFIXES["skos"]
PROPERTY_TYPES = (
    f"{OWL}ObjectProperty",
    f"{OWL}DatatypeProperty",
    f"{OWL}AnnotationProperty",
    f"{RDF}Property",
)
CHARACTERISTICS = (
    f"{OWL}FunctionalProperty",
    f"{OWL}InverseFunctionalProperty",
    f"{OWL}TransitiveProperty",
    f"{OWL}SymmetricProperty",
    f"{OWL}AsymmetricProperty",
    f"{OWL}ReflexiveProperty",
    f"{OWL}IrreflexiveProperty",
)


@dataclass
class TermInfo:
    iri: str
    labels: dict[str, str] = field(default_factory=dict)
    definitions: dict[str, str] = field(default_factory=dict)
    types: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return term_name(self.iri) or curie(self.iri)

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or next(iter(self.labels.values()), self.name)

    def definition(self, lang: str) -> str | None:
        return self.definitions.get(lang) or next(iter(self.definitions.values()), None)


@dataclass
class ClassInfo(TermInfo):
    supers: list[str] = field(default_factory=list)
    subs: list[str] = field(default_factory=list)
    disjoint: list[str] = field(default_factory=list)


@dataclass
class PropertyInfo(TermInfo):
    domains: list[str] = field(default_factory=list)
    ranges: list[str] = field(default_factory=list)
    supers: list[str] = field(default_factory=list)
    subs: list[str] = field(default_factory=list)
    inverse: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        for t in PROPERTY_TYPES:
            if t in self.types:
                return t
        return f"{RDF}Property"

    @property
    def characteristics(self) -> list[str]:
        return [t for t in self.types if t in CHARACTERISTICS]


@dataclass
class TreeNode:
    iri: str
    children: list[TreeNode] = field(default_factory=list)


@dataclass
class OntologyIndex:
    header: list[tuple[str, NamedNode | Literal]]
    classes: dict[str, ClassInfo]
    properties: dict[str, PropertyInfo]
    individuals: dict[str, TermInfo]

    @cached_property
    def class_iris(self) -> frozenset[str]:
        return frozenset(self.classes)

    @cached_property
    def property_iris(self) -> frozenset[str]:
        return frozenset(self.properties)

    def by_name(self, name: str) -> TermInfo | None:
        iri = VOCAB + name
        return self.classes.get(iri) or self.properties.get(iri) or self.individuals.get(iri)

    def class_tree(self) -> list[TreeNode]:
        """The bz classes as a forest: roots are those with no bz superclass."""
        own = {i: c for i, c in self.classes.items() if i.startswith(VOCAB)}

        def node(iri: str, seen: frozenset[str]) -> TreeNode:
            kids = sorted(s for s in own[iri].subs if s in own and s not in seen)
            return TreeNode(iri, [node(k, seen | {k}) for k in kids])

        roots = sorted(i for i, c in own.items() if not any(s in own for s in c.supers))
        return [node(r, frozenset({r})) for r in roots]

    def properties_with(self, class_iri: str, role: str) -> list[PropertyInfo]:
        """Properties whose `role` ("domain" or "range") is the class."""
        attr = "domains" if role == "domain" else "ranges"
        return sorted((p for p in self.properties.values() if class_iri in getattr(p, attr)), key=lambda p: p.iri)


def _annotate(info: TermInfo, p: str, o: NamedNode | Literal) -> None:
    if isinstance(o, Literal):
        lang = (o.language or "").split("-")[0] or "en"
        if p == f"{RDFS}label":
            info.labels.setdefault(lang, o.value)
        elif p in (f"{SKOS}definition", f"{RDFS}comment"):
            info.definitions.setdefault(lang, o.value)
    elif p == f"{RDF}type" and o.value not in info.types:
        info.types.append(o.value)


def build_index(store: Store) -> OntologyIndex:
    first = ("http://purl.org/dc/terms/title", "http://purl.org/dc/terms/description", f"{RDF}type")
    rows = store.select(prologue(f"SELECT DISTINCT ?p ?o WHERE {{ <{ONTOLOGY}> ?p ?o }}"))
    header = sorted(
        ((r["p"].value, r["o"]) for r in rows),
        key=lambda po: (first.index(po[0]) if po[0] in first else len(first), po[0], str(po[1])),
    )
    classes: dict[str, ClassInfo] = {}
    rows = store.select(
        prologue("SELECT DISTINCT ?c ?p ?o WHERE { { ?c a owl:Class } UNION { ?c a rdfs:Class } ?c ?p ?o }")
    )
    for r in rows:
        c, p, o = r["c"].value, r["p"].value, r["o"]
        info = classes.setdefault(c, ClassInfo(c))
        _annotate(info, p, o)
        if isinstance(o, NamedNode):
            if p == f"{RDFS}subClassOf" and o.value not in info.supers:
                info.supers.append(o.value)
            elif p == f"{OWL}disjointWith":
                info.disjoint.append(o.value)
    for c in list(classes.values()):
        for s in c.supers:
            sup = classes.setdefault(s, ClassInfo(s))
            if c.iri not in sup.subs:
                sup.subs.append(c.iri)
    props: dict[str, PropertyInfo] = {}
    types = " ".join(f"<{t}>" for t in PROPERTY_TYPES)
    for r in store.select(prologue(f"SELECT DISTINCT ?x ?p ?o WHERE {{ VALUES ?t {{ {types} }} ?x a ?t ; ?p ?o }}")):
        x, p, o = r["x"].value, r["p"].value, r["o"]
        info = props.setdefault(x, PropertyInfo(x))
        _annotate(info, p, o)
        if isinstance(o, NamedNode):
            target = {
                f"{RDFS}domain": info.domains,
                f"{RDFS}range": info.ranges,
                f"{RDFS}subPropertyOf": info.supers,
                f"{OWL}inverseOf": info.inverse,
            }.get(p)
            if target is not None and o.value not in target:
                target.append(o.value)
    for prop in list(props.values()):
        for s in prop.supers:
            if s in props and prop.iri not in props[s].subs:
                props[s].subs.append(prop.iri)
    individuals: dict[str, TermInfo] = {}
    for r in store.select(prologue("SELECT DISTINCT ?x ?p ?o WHERE { ?x a owl:NamedIndividual ; ?p ?o }")):
        info = individuals.setdefault(r["x"].value, TermInfo(r["x"].value))
        _annotate(info, r["p"].value, r["o"])
    return OntologyIndex(header=header, classes=classes, properties=props, individuals=individuals)
