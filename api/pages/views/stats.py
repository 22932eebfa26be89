"""Counts for the home page and the ontology pages, computed once per store version.

    SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c
    SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a/rdfs:subClassOf* ?c } GROUP BY ?c
    SELECT ?p (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } } GROUP BY ?p

The union default graph repeats a triple that several document graphs state, hence DISTINCT.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from api.pages.views.core import integer, prologue
from store.base import Store

__all__ = ["Stats", "build_stats"]


@dataclass(frozen=True)
class Stats:
    direct: dict[str, int]  # class IRI -> instances typed with it
    inclusive: dict[str, int]  # class IRI -> instances of it or a subclass
    predicates: dict[str, int]  # property IRI -> distinct triples using it
    triples: int
    seconds: float


def build_stats(store: Store) -> Stats:
    began = time.perf_counter()
    direct = {
        r["c"].value: integer(r, "n")
        for r in store.select(prologue("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c"))
    }
    inclusive = {
        r["c"].value: integer(r, "n")
        for r in store.select(
            prologue("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?t . ?t rdfs:subClassOf* ?c } GROUP BY ?c")
        )
    }
    predicates = {
        r["p"].value: integer(r, "n")
        for r in store.select(
            "SELECT ?p (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } } GROUP BY ?p"
        )
    }
    return Stats(
        direct=direct,
        inclusive=inclusive,
        predicates=predicates,
        triples=sum(predicates.values()),
        seconds=time.perf_counter() - began,
    )
