"""The SHACL report per document: each document's named graph (with the ontology and vocabularies
for class hierarchy and labels) validated against `shapes/*.ttl` by pySHACL, once per store version.

Results are plain data: focus node, path, severity, message, source shape.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, serialize

from api.pages.views.core import prologue
from store.base import Store

__all__ = ["DocumentReport", "Report", "ShaclResult", "build_report"]

SH = "http://www.w3.org/ns/shacl#"
GRAPH_BASE = "https://w3id.org/bzkg/graph/"


@dataclass(frozen=True)
class ShaclResult:
    focus: str
    path: str | None
    severity: str  # Violation, Warning, Info
    message: str
    shape: str | None


@dataclass
class DocumentReport:
    document: str
    conforms: bool
    results: list[ShaclResult] = field(default_factory=list)

    @property
    def by_severity(self) -> dict[str, int]:
        return dict(Counter(r.severity for r in self.results))


@dataclass
class Report:
    shapes: list[str]
    documents: list[DocumentReport]
    seconds: float
    error: str | None = None


def _graph_turtle(store: Store, graph: str) -> bytes:
    triples = store.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": NamedNode(graph)})
    return serialize(triples, format=RdfFormat.N_TRIPLES)


def build_report(store: Store, shapes_dir: Path) -> Report:
    began = time.perf_counter()
    shape_files = sorted(shapes_dir.glob("*.ttl")) if shapes_dir.is_dir() else []
    if not shape_files:
        return Report([], [], 0.0)
    try:
        from pyshacl import validate
        from rdflib import Graph, Namespace
    except ImportError as e:  # pragma: no cover - pyshacl is a dependency
        return Report([p.name for p in shape_files], [], 0.0, error=str(e))
    shapes = Graph()
    for path in shape_files:
        shapes.parse(path, format="turtle")
    onto = Graph()
    for r in store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"):
        if r["g"].value.startswith(GRAPH_BASE):
            onto.parse(data=_graph_turtle(store, r["g"].value), format="nt")
    docs = sorted(r["d"].value for r in store.select(prologue("SELECT DISTINCT ?d WHERE { ?d a bz:PolicyDocument }")))
    sh = Namespace(SH)
    reports = []
    for doc in docs:
        data = Graph()
        data.parse(data=_graph_turtle(store, doc), format="nt")
        conforms, results_graph, _ = validate(
            data, shacl_graph=shapes, ont_graph=onto, inference="none", allow_warnings=True, advanced=True
        )
        results = []
        for res in results_graph.subjects(sh.resultSeverity, None):
            sev = results_graph.value(res, sh.resultSeverity)
            path = results_graph.value(res, sh.resultPath)
            msg = results_graph.value(res, sh.resultMessage)
            shape = results_graph.value(res, sh.sourceShape)
            results.append(
                ShaclResult(
                    focus=str(results_graph.value(res, sh.focusNode)),
                    path=str(path) if path is not None else None,
                    severity=str(sev).rsplit("#", 1)[-1],
                    message=str(msg) if msg is not None else "",
                    shape=str(shape) if shape is not None else None,
                )
            )
        order = {"Violation": 0, "Warning": 1, "Info": 2}
        results.sort(key=lambda r: (order.get(r.severity, 3), r.focus, r.path or ""))
        reports.append(DocumentReport(doc, bool(conforms), results))
    return Report([p.name for p in shape_files], reports, time.perf_counter() - began)
