"""The SHACL report of the served graph, grouped by document, computed once per store version.

The validation function is the loader's when there is one (`validate_graph(data_graph) -> report
graph` in `validation` or `loader.validate`); otherwise pySHACL runs here on `shapes/*.ttl`.
Validating the whole graph takes seconds, so the report is memoized and never recomputed per
request.
"""

from __future__ import annotations

import importlib
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from pyoxigraph import NamedNode, RdfFormat, serialize
from rdflib.namespace import RDF, SH

from bzkg import paths
from store.base import Store

from .errors import NotFound
from .ids import ID_BASE, measure_id
from .memo import Memo, memoized

__all__ = ["DocumentReport", "Finding", "ValidationReport", "report_turtle", "validation_report"]

Validator = Callable[[rdflib.Graph], rdflib.Graph]
SEVERITIES = ("Violation", "Warning", "Info")


@dataclass(frozen=True)
class Finding:
    focus_node: str
    severity: str
    message: str | None
    path: str | None
    value: str | None
    source_shape: str | None
    constraint: str | None


@dataclass(frozen=True)
class DocumentReport:
    document: str | None  # document id; None for resources outside any document
    iri: str | None
    conforms: bool
    counts: dict[str, int]
    results: list[Finding]


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    counts: dict[str, int]
    shapes: list[str]
    documents: list[DocumentReport]


@dataclass
class _Computed:
    report: ValidationReport
    graph: rdflib.Graph
    nodes_by_document: dict[str | None, list[rdflib.term.Node]] = field(default_factory=dict)


def _pyshacl_validator(shapes_dir: Path) -> Validator:
    def validate(data_graph: rdflib.Graph) -> rdflib.Graph:
        import pyshacl

        shapes = rdflib.Graph()
        for path in sorted(shapes_dir.glob("*.ttl")):
            shapes.parse(path, format="turtle")
        if len(shapes) == 0:
            report = rdflib.Graph()
            node = rdflib.BNode()
            report.add((node, RDF.type, SH.ValidationReport))
            report.add((node, SH.conforms, rdflib.Literal(True)))
            return report
        _conforms, report, _text = pyshacl.validate(
            data_graph, shacl_graph=shapes, inference="none", allow_warnings=True, abort_on_first=False
        )
        return report

    return validate


def default_validator() -> Validator:
    """The loader's `validate_graph` if it is installed, else pySHACL on `shapes/*.ttl`."""
    for module in ("validation", "loader.validate", "loader.validation"):
        try:
            found = getattr(importlib.import_module(module), "validate_graph", None)
        except ImportError:
            continue
        if callable(found):
            return found
    return _pyshacl_validator(paths.SHAPES_DIR)


def _document_of(iri: str, graphs_of: dict[str, set[str]]) -> str | None:
    """The document IRI a focus node belongs to: by its own IRI, else the document graph holding it."""
    mid = measure_id(iri)
    if mid is not None:
        return f"{ID_BASE}doc/{mid.split('~', 1)[0]}"
    if iri.startswith(ID_BASE + "doc/"):
        return ID_BASE + "doc/" + iri[len(ID_BASE) + 4 :].split("/", 1)[0]
    docs = sorted(g for g in graphs_of.get(iri, ()) if g.startswith(ID_BASE + "doc/"))
    return docs[0] if docs else None


def _compute(store: Store, validator: Validator) -> _Computed:
    quads = store.quads()
    graphs_of: dict[str, set[str]] = defaultdict(set)
    for q in quads:
        if isinstance(q.subject, NamedNode) and isinstance(q.graph_name, NamedNode):
            graphs_of[q.subject.value].add(q.graph_name.value)
    data = rdflib.Graph()
    data.parse(data=serialize([q.triple for q in quads], format=RdfFormat.N_TRIPLES), format="nt")
    report_graph = validator(data)
    by_doc: dict[str | None, list[tuple[rdflib.term.Node, Finding]]] = defaultdict(list)
    for node in report_graph.subjects(RDF.type, SH.ValidationResult):
        focus = report_graph.value(node, SH.focusNode)
        severity = report_graph.value(node, SH.resultSeverity)
        finding = Finding(
            focus_node=str(focus),
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            message=_message(report_graph, node),
            path=_text(report_graph.value(node, SH.resultPath)),
            value=_text(report_graph.value(node, SH.value)),
            source_shape=_text(report_graph.value(node, SH.sourceShape)),
            constraint=_text(report_graph.value(node, SH.sourceConstraintComponent)),
        )
        by_doc[_document_of(str(focus), graphs_of)].append((node, finding))
    documents = []
    for doc in sorted(by_doc, key=lambda d: (d is None, d or "")):
        entries = sorted(by_doc[doc], key=lambda e: (e[1].focus_node, e[1].path or "", e[1].message or ""))
        findings = [f for _, f in entries]
        counts = _counts(findings)
        documents.append(
            DocumentReport(
                document=doc.rsplit("/", 1)[1] if doc else None,
                iri=doc,
                conforms=counts["Violation"] == 0,
                counts=counts,
                results=findings,
            )
        )
    all_findings = [f for d in documents for f in d.results]
    totals = _counts(all_findings)
    report = ValidationReport(
        conforms=totals["Violation"] == 0,
        counts=totals,
        shapes=sorted(p.name for p in paths.SHAPES_DIR.glob("*.ttl")),
        documents=documents,
    )
    nodes = {d.document: [n for n, _ in by_doc[d.iri]] for d in documents}
    return _Computed(report, report_graph, nodes)


def _message(graph: rdflib.Graph, node: rdflib.term.Node) -> str | None:
    """The English message if there is one, else the first in a stable order."""
    messages = sorted(graph.objects(node, SH.resultMessage), key=lambda m: (getattr(m, "language", None) != "en", m))
    return str(messages[0]) if messages else None


def _text(node: rdflib.term.Node | None) -> str | None:
    return None if node is None else str(node)


def _counts(findings: list[Finding]) -> dict[str, int]:
    counter = Counter(f.severity for f in findings)
    return {s: counter.get(s, 0) for s in (*SEVERITIES, *sorted(set(counter) - set(SEVERITIES)))}


def _computed(store: Store, memo: Memo | None, validator: Validator | None) -> _Computed:
    return memoized(memo, store, "validation", lambda s: _compute(s, validator or default_validator()))


def validation_report(
    store: Store, document: str | None = None, memo: Memo | None = None, validator: Validator | None = None
) -> ValidationReport:
    """The report of the whole graph, or only of one document (`NotFound` if it has no findings
    and is not a document of the graph)."""
    computed = _computed(store, memo, validator)
    report = computed.report
    if document is None:
        return report
    chosen = [d for d in report.documents if d.document == document]
    if not chosen:
        exists = store.select(
            "SELECT ?d WHERE { ?d a <https://w3id.org/bzkg/ontology#PolicyDocument> }",
            {"d": NamedNode(f"{ID_BASE}doc/{document}")},
        )
        if not exists:
            raise NotFound("document", document)
        empty = DocumentReport(document, f"{ID_BASE}doc/{document}", True, _counts([]), [])
        chosen = [empty]
    totals = chosen[0].counts
    return ValidationReport(totals["Violation"] == 0, totals, report.shapes, chosen)


def report_turtle(
    store: Store, document: str | None = None, memo: Memo | None = None, validator: Validator | None = None
) -> bytes:
    """The SHACL report graph as Turtle (only one document's results when `document` is given)."""
    computed = _computed(store, memo, validator)
    if document is None:
        return computed.graph.serialize(format="turtle", encoding="utf-8")
    validation_report(store, document, memo, validator)  # 404 for an unknown document
    out = rdflib.Graph()
    out.bind("sh", SH)
    report = rdflib.BNode()
    count = computed.report.documents
    violations = next((d.counts["Violation"] for d in count if d.document == document), 0)
    out.add((report, RDF.type, SH.ValidationReport))
    out.add((report, SH.conforms, rdflib.Literal(violations == 0)))
    for node in computed.nodes_by_document.get(document, []):
        out.add((report, SH.result, node))
        for p, o in computed.graph.predicate_objects(node):
            out.add((node, p, o))
    return out.serialize(format="turtle", encoding="utf-8")
