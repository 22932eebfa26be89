"""Each SHACL shape catches a deliberately broken graph; the built graph conforms."""

from __future__ import annotations

import pytest
from rdflib import RDF, SKOS, Graph, Literal
from rdflib.namespace import DCTERMS

from bzkg.namespaces import BZ, ID
from bzkg.paths import TTL_DIR
from validation.report import format_report
from validation.shacl import load_data, load_shapes, validate_graph

M = ID["doc/hubei-2021/measure/8"]
DOC = ID["doc/hubei-2021"]


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


@pytest.fixture(scope="module")
def base() -> Graph:
    return load_data(TTL_DIR / "hubei-2021.ttl")


def broken(base: Graph, remove=(), add=()) -> Graph:  # type: ignore[no-untyped-def]
    g = Graph()
    g += base
    for triple in remove:
        g.remove(triple)
    for triple in add:
        g.add(triple)
    return g


def messages(report) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {(r.focus, r.severity, r.message) for r in report.results}


def test_real_graph_conforms(base, shapes):
    report = validate_graph(base, shapes)
    assert report.violations == 0, format_report(report)


CASES = {
    "measure without lead": ([(M, BZ.leadAgency, None)], [], str(M), "exactly one lead agency"),
    "measure with two leads": ([], [(M, BZ.leadAgency, ID["agency/wuhan-haiguan"])], str(M), "exactly one lead agency"),
    "measure without document": ([(M, BZ.inDocument, None)], [], str(M), "belongs to exactly one document"),
    "measure without text": ([(M, BZ.text, None)], [], str(M), "has its text"),
    "document without title": ([(DOC, DCTERMS.title, None)], [], str(DOC), "has a title"),
    "document without issuer": ([(DOC, BZ.issuer, None)], [], str(DOC), "has an issuer"),
    "document without jurisdiction": ([(DOC, BZ.jurisdiction, None)], [], str(DOC), "has a jurisdiction"),
    "document without number": ([(DOC, DCTERMS.identifier, None)], [], str(DOC), "has a document number"),
    "document without date": ([(DOC, BZ.signed, None), (DOC, BZ.published, None)], [], str(DOC), "has a date"),
    "agency without zh label": (
        [(ID["agency/hu-bei-sheng-shang-wu-ting"], SKOS.prefLabel, None)],
        [],
        str(ID["agency/hu-bei-sheng-shang-wu-ting"]),
        "Chinese label",
    ),
    "agency without jurisdiction": (
        [(ID["agency/hu-bei-sheng-shang-wu-ting"], BZ.jurisdiction, None)],
        [],
        str(ID["agency/hu-bei-sheng-shang-wu-ting"]),
        "jurisdiction unless it is a collective",
    ),
    "concept without notation": (
        [(ID["business-type/bonded-repair"], SKOS.notation, None)],
        [],
        str(ID["business-type/bonded-repair"]),
        "notation",
    ),
    "concept without en label": (
        [(ID["business-type/bonded-repair"], SKOS.prefLabel, Literal("Bonded repair", lang="en"))],
        [],
        str(ID["business-type/bonded-repair"]),
        "English preferred label",
    ),
    "responsibility without role": (
        [(ID["doc/hubei-2021/measure/8/responsibility/2"], BZ.role, None)],
        [],
        str(ID["doc/hubei-2021/measure/8/responsibility/2"]),
        "lead or participating",
    ),
    "mention without surface form": (
        [(ID["doc/hubei-2021/measure/8/mention/1"], BZ.surfaceForm, None)],
        [],
        str(ID["doc/hubei-2021/measure/8/mention/1"]),
        "surface form",
    ),
    "measure without quote": ([(M, BZ.quote, None)], [], str(M), "where it stands in the source"),
    "document without source": ([(DOC, BZ.source, None)], [], str(DOC), "source text it was read from"),
    "measure with a zone that is not a zone": (
        [],
        [(M, BZ.zone, ID["agency/hu-bei-sheng-shang-wu-ting"])],
        str(M),
        "is a bz:Zone",
    ),
    "target without value": (
        [(ID["doc/hubei-2021/measure/6/target/1"], BZ.value, None)],
        [],
        str(ID["doc/hubei-2021/measure/6/target/1"]),
        "numeric value",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_shape_catches(case, base, shapes):
    remove, add, focus, fragment = CASES[case]
    before = len(base)
    report = validate_graph(broken(base, remove, add), shapes)
    assert len(base) == before
    hits = [r for r in report.results if r.focus == focus and fragment in r.message and r.severity == "Violation"]
    assert hits, format_report(report)


def test_collective_unit_needs_no_jurisdiction(base, shapes):
    unit = ID["agency/hu-bei-sheng-xiang-guan-shi-zhou-ren-min-zheng-fu"]
    assert (unit, RDF.type, BZ.CollectiveUnit) in base
    report = validate_graph(broken(base, [(unit, BZ.jurisdiction, None)]), shapes)
    assert not [r for r in report.results if r.focus == str(unit) and r.severity == "Violation"]


def test_draft_without_number_is_a_warning(shapes):
    graph = load_data(TTL_DIR / "zhejiang-draft.ttl")
    report = validate_graph(graph, shapes)
    doc = str(ID["doc/zhejiang-draft"])
    assert report.violations == 0, format_report(report)
    assert any(r.focus == doc and r.severity == "Warning" and "draft" in r.message for r in report.results)


def test_report_grouped_by_focus_and_document(base, shapes):
    report = validate_graph(broken(base, [(M, BZ.leadAgency, None)]), shapes)
    text = format_report(report)
    assert "id:doc/hubei-2021/measure/8\n  Violation [bz:leadAgency]" in text
    assert str(DOC) in report.by_document()


def test_validate_command_exit_codes(tmp_path, capsys):
    from bzkg.cli import main

    assert main(["validate", str(TTL_DIR)]) == 0
    bad = tmp_path / "bad.ttl"
    graph = Graph().parse(TTL_DIR / "hubei-2021.ttl")
    graph.remove((M, BZ.leadAgency, None))
    graph.serialize(bad, format="turtle")
    assert main(["validate", str(bad)]) == 1
    assert "exactly one lead agency" in capsys.readouterr().out


def test_validate_names_a_file_that_does_not_parse(tmp_path, capsys):
    from bzkg.cli import main

    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix bz: <https://w3id.org/bzkg/ontology#> .\n<a> bz:x "unterminated .\n')
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.ttl: not valid Turtle" in err and "line 2" in err
