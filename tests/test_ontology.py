"""The ontology is tested like code: every term labelled and defined, Python names match the Turtle."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal

from bzkg.namespaces import BZ
from bzkg.paths import ONTOLOGY_DIR, ontology_files

CONTRACT = {
    "classes": ["PolicyDocument", "Measure", "Agency", "Zone", "Target"],
    "properties": ["inDocument", "leadAgency", "participatingAgency", "businessType", "zone", "target"],
    "business_types": [
        "bonded-processing",
        "contract-processing",
        "bonded-logistics",
        "bonded-rd",
        "bonded-testing",
        "bonded-repair",
        "remanufacturing",
        "cross-border-ecommerce",
        "parallel-import-vehicles",
        "bonded-exhibition",
        "financial-leasing",
        "futures-delivery",
        "cultural-relics-art",
        "service-outsourcing",
        "commodity-trading",
        "offshore-trade",
        "entrepot-trade",
        "bonded-ore-blending",
        "bonded-training",
    ],
}


@pytest.fixture(scope="module")
def core() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "bzkg.ttl")


@pytest.fixture(scope="module")
def everything() -> Graph:
    g = Graph()
    for path in ontology_files():
        g.parse(path)
    return g


def test_python_namespace_matches_turtle(core):
    declared = {str(s)[len(str(BZ._NS)) :] for s in core.subjects() if str(s).startswith(str(BZ._NS))}
    assert declared == set(BZ.__annotations__)


def test_contract_terms(core):
    for name in CONTRACT["classes"]:
        assert (BZ[name], RDF.type, OWL.Class) in core
    for name in CONTRACT["properties"]:
        assert (BZ[name], RDF.type, OWL.ObjectProperty) in core
    assert (BZ.Agency, RDFS.subClassOf, __import__("bzkg.namespaces").namespaces.ORG.Organization) in core


def test_every_term_has_labels_and_definition(core):
    terms = (
        set(core.subjects(RDF.type, OWL.Class))
        | set(core.subjects(RDF.type, OWL.ObjectProperty))
        | set(core.subjects(RDF.type, OWL.DatatypeProperty))
    )
    missing = []
    for term in terms:
        langs = {lit.language for lit in core.objects(term, RDFS.label) if isinstance(lit, Literal)}
        if not {"zh", "en"} <= langs or core.value(term, SKOS.definition) is None:
            missing.append(str(term))
    assert not missing


def test_business_type_codes(everything):
    codes = {str(o) for o in everything.objects(None, SKOS.notation)}
    assert set(CONTRACT["business_types"]) <= codes


def test_no_label_names_two_concepts_of_one_scheme(everything):
    # Checks as queries that must return nothing (OBO style).
    rows = list(
        everything.query("""
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?label ?a ?b WHERE {
          ?a skos:inScheme ?s ; skos:prefLabel|skos:altLabel ?label .
          ?b skos:inScheme ?s ; skos:prefLabel|skos:altLabel ?label .
          FILTER (STR(?a) < STR(?b))
        }""")
    )
    assert not rows, rows[:5]
