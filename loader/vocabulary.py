"""The vocabularies of `ontology/`, indexed for recognition.

Everything the loader recognises by name — business types, industries, zones, places, known
agencies, department kinds — and the naming rules for zone and agency types (`bz:nameSuffix`,
`bz:namePrefix`) are read from the Turtle files here; nothing of the kind is written in Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from bzkg.namespaces import BZ
from bzkg.paths import ontology_files
from loader.text import normalise

__all__ = ["Entry", "LabelMatcher", "Vocabulary", "load_vocabulary"]

SCHEME_BUSINESS = URIRef("https://w3id.org/bzkg/id/business-type")
SCHEME_INDUSTRY = URIRef("https://w3id.org/bzkg/id/industry")
SCHEME_DEPARTMENT = URIRef("https://w3id.org/bzkg/id/department-kind")


@dataclass
class Entry:
    """A labelled resource of a vocabulary."""

    iri: URIRef
    types: set[URIRef]
    zh: str
    en: str | None
    labels: set[str] = field(default_factory=set)
    province: URIRef | None = None
    city: URIRef | None = None
    extra: dict[str, str] = field(default_factory=dict)


class LabelMatcher:
    """Longest-match recognition of labels in normalised text."""

    def __init__(self, labels: dict[str, URIRef]) -> None:
        self.labels = {normalise(k): v for k, v in labels.items() if k}
        ordered = sorted(self.labels, key=lambda s: (-len(s), s))
        self._regex = re.compile("|".join(map(re.escape, ordered))) if ordered else None

    def find(self, norm: str) -> list[tuple[int, int, URIRef, str]]:
        """(start, end, iri, label) of non-overlapping matches, leftmost-longest."""
        if self._regex is None:
            return []
        return [(m.start(), m.end(), self.labels[m.group()], m.group()) for m in self._regex.finditer(norm)]

    def get(self, label: str) -> URIRef | None:
        return self.labels.get(normalise(label))


def _text(graph: Graph, s: URIRef, p: URIRef, lang: str | None) -> str | None:
    values = sorted(
        str(o) for o in graph.objects(s, p) if isinstance(o, Literal) and (lang is None or o.language == lang)
    )
    return values[0] if values else None


@dataclass
class Vocabulary:
    graph: Graph
    entries: dict[URIRef, Entry]

    def by_type(self, cls: URIRef) -> list[Entry]:
        return [e for e in self.entries.values() if cls in e.types]

    def in_scheme(self, scheme: URIRef) -> list[Entry]:
        return [self.entries[s] for s in self.graph.subjects(SKOS.inScheme, scheme) if s in self.entries]

    def _matcher(self, entries: Iterable[Entry]) -> LabelMatcher:
        labels: dict[str, URIRef] = {}
        for entry in sorted(entries, key=lambda e: str(e.iri)):
            for label in sorted(entry.labels):
                labels.setdefault(label, entry.iri)
        return LabelMatcher(labels)

    @cached_property
    def business_types(self) -> LabelMatcher:
        return self._matcher(self.in_scheme(SCHEME_BUSINESS))

    @cached_property
    def industries(self) -> LabelMatcher:
        return self._matcher(self.in_scheme(SCHEME_INDUSTRY))

    @cached_property
    def zones(self) -> LabelMatcher:
        return self._matcher(self.by_type(BZ.Zone))

    @cached_property
    def places(self) -> LabelMatcher:
        return self._matcher(self.by_type(BZ.Place))

    @cached_property
    def provinces(self) -> LabelMatcher:
        return self._matcher(self.by_type(BZ.Province))

    @cached_property
    def agencies(self) -> LabelMatcher:
        return self._matcher(self.by_type(BZ.Agency))

    @cached_property
    def department_kinds(self) -> LabelMatcher:
        return self._matcher(self.in_scheme(SCHEME_DEPARTMENT))

    @cached_property
    def province_by_abbreviation(self) -> dict[str, URIRef]:
        return {
            str(o): s
            for s, o in self.graph.subject_objects(BZ.abbreviation)
            if (s, RDF.type, BZ.Province) in self.graph
        }

    def subclasses(self, cls: URIRef) -> list[URIRef]:
        return sorted(s for s in self.graph.subjects(RDFS.subClassOf, cls) if isinstance(s, URIRef))

    def rule_strings(self, cls: URIRef, prop: URIRef) -> list[str]:
        """A class's naming rule strings (bz:nameSuffix / bz:namePrefix), longest first, normalised."""
        return sorted((normalise(str(o)) for o in self.graph.objects(cls, prop)), key=lambda s: (-len(s), s))

    @cached_property
    def zone_suffixes(self) -> list[tuple[str, URIRef]]:
        """(suffix, zone class) pairs, longest suffix first."""
        pairs = [(sfx, cls) for cls in self.subclasses(BZ.Zone) for sfx in self.rule_strings(cls, BZ.nameSuffix)]
        return sorted(pairs, key=lambda p: (-len(p[0]), p[0]))

    def label(self, iri: URIRef, lang: str = "zh") -> str:
        entry = self.entries.get(iri)
        if entry is None:
            return _text(self.graph, iri, RDFS.label, lang) or str(iri)
        return entry.zh if lang == "zh" else (entry.en or entry.zh)


def load_vocabulary(files: Iterable[Path] | None = None) -> Vocabulary:
    graph = Graph()
    for path in files if files is not None else ontology_files():
        graph.parse(path, format="turtle")
    entries: dict[URIRef, Entry] = {}
    for s in set(graph.subjects(SKOS.prefLabel, None)):
        if not isinstance(s, URIRef):
            continue
        zh = _text(graph, s, SKOS.prefLabel, "zh")
        if zh is None:
            continue
        labels = {zh} | {
            str(o)
            for p in (SKOS.altLabel, SKOS.hiddenLabel)
            for o in graph.objects(s, p)
            if isinstance(o, Literal) and o.language in (None, "zh")
        }
        types = set(graph.objects(s, RDF.type))
        # Close types over rdfs:subClassOf so a bz:ComprehensiveBondedZone is a bz:Zone.
        frontier = list(types)
        while frontier:
            for sup in graph.objects(frontier.pop(), RDFS.subClassOf):
                if sup not in types:
                    types.add(sup)
                    frontier.append(sup)
        entries[s] = Entry(
            iri=s,
            types={t for t in types if isinstance(t, URIRef)},
            zh=zh,
            en=_text(graph, s, SKOS.prefLabel, "en"),
            labels=labels,
            province=graph.value(s, BZ.province),
            city=graph.value(s, BZ.city),
        )
    return Vocabulary(graph=graph, entries=entries)
