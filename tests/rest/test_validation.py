"""The SHACL report of the served graph: grouped by document, counts by severity, memoized."""

from __future__ import annotations

import rdflib
from rdflib.namespace import SH

from api.services import validation
from api.services.memo import Memo


def test_report_grouped_by_document(client):
    report = client.get("/api/v1/validation").json()
    assert set(report["counts"]) >= {"Violation", "Warning", "Info"}
    assert sum(d["counts"]["Violation"] for d in report["documents"]) == report["counts"]["Violation"]
    assert report["conforms"] == (report["counts"]["Violation"] == 0)
    for d in report["documents"]:
        assert len(d["results"]) == sum(d["counts"].values())
        if d["document"]:
            assert all(r["focus_node"] for r in d["results"])


def test_one_document(client):
    whole = client.get("/api/v1/validation").json()
    one = client.get("/api/v1/validation?document=hunan-2024").json()
    assert [d["document"] for d in one["documents"]] == ["hunan-2024"]
    expected = next((d for d in whole["documents"] if d["document"] == "hunan-2024"), None)
    if expected:
        assert one["documents"][0] == expected
    assert client.get("/api/v1/validation?document=nosuchdoc").status_code == 404
    assert client.get("/api/v1/validation?document=%22%7D").status_code == 422


def test_turtle(client):
    r = client.get("/api/v1/validation", headers={"Accept": "text/turtle"})
    assert r.headers["content-type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=r.text, format="turtle")
    assert len(list(g.subjects(rdflib.RDF.type, SH.ValidationReport))) == 1
    whole = client.get("/api/v1/validation").json()
    assert len(list(g.subjects(rdflib.RDF.type, SH.ValidationResult))) == sum(whole["counts"].values())


def test_computed_once_per_store_version(store):
    calls = []

    def validator(data: rdflib.Graph) -> rdflib.Graph:
        calls.append(len(data))
        report = rdflib.Graph()
        node = rdflib.BNode()
        report.add((node, rdflib.RDF.type, SH.ValidationReport))
        report.add((node, SH.conforms, rdflib.Literal(True)))
        return report

    memo = Memo()
    first = validation.validation_report(store, memo=memo, validator=validator)
    validation.validation_report(store, memo=memo, validator=validator)
    validation.validation_report(store, "hubei-2021", memo=memo, validator=validator)
    assert len(calls) == 1 and calls[0] > 0 and first.conforms
