"""Every minted IRI dereferences: HTML for browsers, RDF for clients, chosen by Accept."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from rdflib import OWL, RDF, Graph, URIRef

from bzkg.namespaces import BZ, ID

MEASURE = "/id/doc/hubei-2021/measure/8"
IRI = URIRef("https://w3id.org/bzkg" + MEASURE)


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    from api.app import create_app
    from api.settings import Settings

    with TestClient(create_app(Settings.from_env({}))) as c:
        yield c


def test_html_for_browsers(client):
    r = client.get(MEASURE, headers={"Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "湖北省商务厅" in r.text
    assert 'rel="alternate"' in r.text and "text/turtle" in r.text
    assert "Accept" in r.headers.get("vary", "")


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld")],
)
def test_rdf_for_clients(client, accept, fmt):
    r = client.get(MEASURE, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
    graph = Graph().parse(data=r.text, format=fmt)
    assert (IRI, BZ.leadAgency, ID["agency/hu-bei-sheng-shang-wu-ting"]) in graph
    if fmt == "json-ld":
        json.loads(r.text)


def test_ontology_dereferences(client):
    r = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    graph = Graph().parse(data=r.text, format="turtle")
    assert (BZ.Measure, RDF.type, OWL.Class) in graph


def test_unknown_iri_is_404(client):
    assert client.get("/id/doc/no-such-document", headers={"Accept": "text/turtle"}).status_code == 404
    assert client.get("/id/doc/no-such-document", headers={"Accept": "text/html"}).status_code == 404


def test_language_switch_persists_and_stays_on_site(client):
    r = client.get("/lang?set=en&next=/", follow_redirects=False)
    assert r.status_code in (302, 303, 307) and "lang=en" in r.headers.get("set-cookie", "")
    evil = client.get("/lang?set=en&next=https://evil.example/", follow_redirects=False)
    assert not evil.headers.get("location", "").startswith("https://evil.example")
