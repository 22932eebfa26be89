"""The same queries give the same answers from every back end: our API over the embedded store, the
Oxigraph server filled by `bzkg load --gsp`, and our API reading from that server (remote mode)."""

from __future__ import annotations

import httpx
import pytest

pytestmark = pytest.mark.server

PREFIXES = """PREFIX bz: <https://w3id.org/bzkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX id: <https://w3id.org/bzkg/id/>
"""
ID = "https://w3id.org/bzkg/id/"
HUBEI, WUHAN = f"{ID}doc/hubei-2021", f"{ID}doc/wuhan-2023"


def select(url: str, query: str, **params) -> list[dict[str, str]]:
    r = httpx.post(
        url,
        data={"query": PREFIXES + query, **params},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    assert r.status_code == 200, r.text
    return [{k: v["value"] for k, v in b.items()} for b in r.json()["results"]["bindings"]]


CASES = [
    ("documents", "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a bz:PolicyDocument }", [{"n": "2"}]),
    (
        "lead agencies of a business type",
        """SELECT DISTINCT ?m ?label WHERE {
             ?m bz:businessType id:business-type\\/bonded-repair ; bz:leadAgency ?a .
             ?a skos:prefLabel ?label FILTER(lang(?label) = "zh") } ORDER BY ?m""",
        [
            {"m": f"{HUBEI}/measure/8", "label": "湖北省商务厅"},
            {"m": f"{WUHAN}/measure/2", "label": "湖北省商务厅"},
        ],
    ),
    (
        "one document's graph",
        f"SELECT ?m WHERE {{ GRAPH <{WUHAN}> {{ ?m a bz:Measure }} }} ORDER BY ?m",
        [{"m": f"{WUHAN}/measure/1"}, {"m": f"{WUHAN}/measure/2"}],
    ),
    (
        "graph per document",
        "SELECT ?g ?d WHERE { GRAPH ?g { ?d a bz:PolicyDocument } } ORDER BY ?g",
        [{"g": HUBEI, "d": HUBEI}, {"g": WUHAN, "d": WUHAN}],
    ),
    (
        "typed dates",
        'SELECT ?d WHERE { ?d bz:signed ?s FILTER(?s > "2022-01-01"^^xsd:date) }',
        [{"d": WUHAN}],
    ),
    (
        "targets",
        "SELECT ?v ?unit WHERE { ?t a bz:Target ; bz:value ?v ; bz:unit ?unit }",
        [{"v": "2000", "unit": "台"}],
    ),
    (
        "measures per zone",
        """SELECT ?zone (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m bz:zone ?zone } GROUP BY ?zone""",
        [{"zone": f"{ID}zone/wuhan-donghu-zonghe-baoshuiqu", "n": "2"}],
    ),
    (
        "ontology graphs are loaded",
        """SELECT ?g WHERE {
             GRAPH ?g { <https://w3id.org/bzkg/ontology> a <http://www.w3.org/2002/07/owl#Ontology> } }""",
        [{"g": "https://w3id.org/bzkg/graph/bzkg"}],
    ),
]


@pytest.mark.parametrize(("name", "query", "expected"), CASES, ids=[c[0] for c in CASES])
def test_same_answers(sparql_url, name, query, expected):
    rows = select(sparql_url, query)
    if "ORDER BY" not in query:
        rows.sort(key=lambda r: sorted(r.items()))
        expected = sorted(expected, key=lambda r: sorted(r.items()))
    assert rows == expected


def test_ask_and_construct(sparql_url):
    r = httpx.get(
        sparql_url,
        params={"query": PREFIXES + f"ASK {{ <{HUBEI}> bz:status bz:InForce }}"},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert r.status_code == 200 and r.json()["boolean"] is True
    q = PREFIXES + f"CONSTRUCT {{ ?m rdfs:label ?l }} WHERE {{ ?m bz:inDocument <{HUBEI}> ; rdfs:label ?l }}"
    r = httpx.get(sparql_url, params={"query": q}, headers={"Accept": "application/n-triples"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/n-triples")
    lines = sorted(line for line in r.text.splitlines() if line.strip())
    assert len(lines) == 4
    assert all(line.startswith(f"<{HUBEI}/measure/") for line in lines)


def test_protocol_dataset(sparql_url):
    """default-graph-uri / named-graph-uri replace the dataset."""
    rows = select(sparql_url, "SELECT (COUNT(*) AS ?n) WHERE { ?m a bz:Measure }", **{"default-graph-uri": WUHAN})
    assert rows == [{"n": "2"}]
    rows = select(sparql_url, "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", **{"named-graph-uri": HUBEI})
    assert rows == [{"g": HUBEI}]
