"""SHACL completeness checks of the graph (shapes in `shapes/`), with pyshacl.

The data graph is the ontology and vocabularies plus the built documents, so that `sh:class`
constraints see the types the vocabularies declare.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyshacl
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.term import Node

from bzkg.namespaces import BZ, ID
from bzkg.paths import SHAPES_DIR, ontology_files

__all__ = ["DataError", "Report", "Result", "load_data", "load_shapes", "validate_files", "validate_graph"]

SH = Namespace("http://www.w3.org/ns/shacl#")
SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class Result:
    focus: str
    severity: str
    message: str
    path: str | None
    value: str | None
    shape: str
    document: str | None


@dataclass
class Report:
    conforms: bool
    results: list[Result]
    graph: Graph = field(repr=False)

    def count(self, severity: str) -> int:
        return sum(1 for r in self.results if r.severity == severity)

    @property
    def violations(self) -> int:
        return self.count("Violation")

    def by_focus(self) -> dict[str, list[Result]]:
        grouped: dict[str, list[Result]] = defaultdict(list)
        for result in self.results:
            grouped[result.focus].append(result)
        return dict(sorted(grouped.items()))

    def by_document(self) -> dict[str | None, list[Result]]:
        grouped: dict[str | None, list[Result]] = defaultdict(list)
        for result in self.results:
            grouped[result.document].append(result)
        return dict(grouped)


def load_shapes() -> Graph:
    shapes = Graph()
    for path in sorted(SHAPES_DIR.glob("*.ttl")):
        shapes.parse(path, format="turtle")
    return shapes


class DataError(Exception):
    """A data file does not parse; the message names the file and the parser's words (with the line)."""


def load_data(data: Path) -> Graph:
    graph = Graph()
    files = [data] if data.is_file() else sorted(data.glob("*.ttl"))
    for path in [*ontology_files(), *files]:
        try:
            graph.parse(path, format="turtle")
        except Exception as error:  # rdflib raises several unrelated types for bad syntax
            detail = " ".join(str(error).split())
            raise DataError(f"{path}: not valid Turtle: {detail[:300]}") from error
    return graph


def _document_of(graph: Graph, focus: Node) -> str | None:
    """The document a focus node belongs to: itself, or by its IRI under id/doc/{stem}/…."""
    if (focus, RDF.type, BZ.PolicyDocument) in graph:
        return str(focus)
    text = str(focus)
    prefix = str(ID["doc/"])
    if text.startswith(prefix):
        return prefix + text[len(prefix) :].split("/")[0]
    return None


def validate_graph(data: Graph, shapes: Graph | None = None) -> Report:
    conforms, report_graph, _ = pyshacl.validate(
        data, shacl_graph=shapes if shapes is not None else load_shapes(), inference="none", allow_warnings=True
    )
    results = []
    for node in report_graph.subjects(RDF.type, SH.ValidationResult):
        focus = report_graph.value(node, SH.focusNode)
        messages = sorted(
            str(m) for m in report_graph.objects(node, SH.resultMessage) if getattr(m, "language", None) != "zh"
        )
        path = report_graph.value(node, SH.resultPath)
        value = report_graph.value(node, SH.value)
        results.append(
            Result(
                focus=str(focus),
                severity=SEVERITIES.get(report_graph.value(node, SH.resultSeverity), "Violation"),  # type: ignore[arg-type]
                message=messages[0] if messages else "",
                path=str(path) if isinstance(path, URIRef) else None,
                value=str(value) if value is not None else None,
                shape=str(report_graph.value(node, SH.sourceShape)),
                document=_document_of(data, focus),  # type: ignore[arg-type]
            )
        )
    results.sort(key=lambda r: (r.focus, r.severity, r.message, r.path or "", r.value or ""))
    return Report(conforms=bool(conforms), results=results, graph=report_graph)


def validate_files(data: Path) -> Report:
    return validate_graph(load_data(data))
