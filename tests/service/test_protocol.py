"""SPARQL 1.1 Protocol at /sparql over HTTP: methods, formats, content negotiation, errors, read-only,
timeout, row cap, CORS. Most run against both of our modes (embedded store and remote server)."""

from __future__ import annotations

import csv
import io
import json
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import httpx
import pytest
from pyoxigraph import QueryResultsFormat, RdfFormat, parse, parse_query_results

pytestmark = pytest.mark.server

SELECT = "SELECT ?d WHERE { ?d a <https://w3id.org/bzkg/ontology#PolicyDocument> } ORDER BY ?d"
CONSTRUCT = (
    "CONSTRUCT { ?d a <https://w3id.org/bzkg/ontology#PolicyDocument> } "
    "WHERE { ?d a <https://w3id.org/bzkg/ontology#PolicyDocument> }"
)
DOCS = ["https://w3id.org/bzkg/id/doc/hubei-2021", "https://w3id.org/bzkg/id/doc/wuhan-2023"]
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module", params=["embedded", "remote"])
def api(request) -> str:
    return request.getfixturevalue(request.param).base


def docs_from_json(r: httpx.Response) -> list[str]:
    return [b["d"]["value"] for b in r.json()["results"]["bindings"]]


# -- methods ----------------------------------------------------------------------------------------
def test_get_post_form_post_direct(api):
    url = f"{api}/sparql"
    accept = {"Accept": "application/sparql-results+json"}
    for r in (
        httpx.get(url, params={"query": SELECT}, headers=accept),
        httpx.post(url, data={"query": SELECT}, headers=accept),
        httpx.post(url, content=SELECT.encode(), headers={**accept, "Content-Type": "application/sparql-query"}),
    ):
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith("application/sparql-results+json")
        assert docs_from_json(r) == DOCS


def test_dataset_params_with_direct_post(api):
    r = httpx.post(
        f"{api}/sparql",
        params={"default-graph-uri": DOCS[1]},
        content=SELECT.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    assert docs_from_json(r) == [DOCS[1]]


# -- formats and content negotiation -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
        ("image/png, */*;q=0.1", "application/sparql-results+json"),
        (None, "application/sparql-results+json"),
    ],
)
def test_select_formats(api, accept, media):
    headers = {"Accept": accept} if accept else {}
    r = httpx.get(f"{api}/sparql", params={"query": SELECT}, headers=headers)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media
    if media == "text/csv":
        rows = list(csv.reader(io.StringIO(r.text)))
        assert rows == [["d"], *[[d] for d in DOCS]]
        return
    fmt = {
        "application/sparql-results+json": QueryResultsFormat.JSON,
        "application/sparql-results+xml": QueryResultsFormat.XML,
        "text/tab-separated-values": QueryResultsFormat.TSV,
    }[media]
    assert [s["d"].value for s in parse_query_results(r.content, fmt)] == DOCS


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("text/turtle", RdfFormat.TURTLE),
        ("application/n-triples", RdfFormat.N_TRIPLES),
        ("application/ld+json", RdfFormat.JSON_LD),
        ("application/rdf+xml", RdfFormat.RDF_XML),
        ("application/rdf+xml;q=0.2, application/ld+json;q=0.8", RdfFormat.JSON_LD),
        ("*/*", RdfFormat.TURTLE),
    ],
)
def test_construct_formats(api, accept, fmt):
    r = httpx.post(f"{api}/sparql", data={"query": CONSTRUCT}, headers={"Accept": accept})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == fmt.media_type
    assert sorted(q.subject.value for q in parse(r.content, format=fmt)) == DOCS


def test_ask_formats(api):
    q = {"query": "ASK { ?s ?p ?o }"}
    assert httpx.get(f"{api}/sparql", params=q).json() == {"head": {}, "boolean": True}
    xml = httpx.get(f"{api}/sparql", params=q, headers={"Accept": "application/sparql-results+xml"})
    boolean = ET.fromstring(xml.content).find("{http://www.w3.org/2005/sparql-results#}boolean")
    assert boolean is not None and boolean.text == "true"


@pytest.mark.parametrize(
    ("fmt", "query", "media"),
    [
        ("csv", SELECT, "text/csv"),
        ("xml", SELECT, "application/sparql-results+xml"),
        ("json", CONSTRUCT, "application/ld+json"),
        ("nt", CONSTRUCT, "application/n-triples"),
        ("text/tab-separated-values", SELECT, "text/tab-separated-values"),
    ],
)
def test_format_parameter(api, fmt, query, media):
    r = httpx.get(f"{api}/sparql", params={"query": query, "format": fmt}, headers={"Accept": "text/html"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media


def test_not_acceptable(api):
    r = httpx.get(f"{api}/sparql", params={"query": SELECT}, headers={"Accept": "image/png"})
    assert r.status_code == 406
    assert r.headers["content-type"] == "application/problem+json"
    r = httpx.get(f"{api}/sparql", params={"query": SELECT, "format": "pdf"})
    assert r.status_code == 406


def test_service_description(api):
    r = httpx.get(f"{api}/sparql")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/turtle")
    quads = list(parse(r.content, format=RdfFormat.TURTLE))
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert any(q.object.value == sd + "Service" for q in quads)
    assert any(q.predicate.value == sd + "endpoint" and q.object.value == f"{api}/sparql" for q in quads)
    names = {q.object.value for q in quads if q.predicate.value == sd + "name"}
    assert set(DOCS) <= names
    r = httpx.get(f"{api}/sparql", headers={"Accept": "application/ld+json"})
    assert r.headers["content-type"].startswith("application/ld+json")
    json.loads(r.text)


# -- errors --------------------------------------------------------------------------------------------
def test_syntax_error(api):
    r = httpx.get(f"{api}/sparql", params={"query": "SELECT * WHERE { ?s ?p }"})
    assert r.status_code == 400
    assert r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert body["status"] == 400 and body["detail"]
    assert body["title"] == "SPARQL syntax error"


def test_syntax_error_position_embedded(embedded):
    r = httpx.get(f"{embedded.base}/sparql", params={"query": "SELECT * WHERE {\n  ?s ?p }"})
    body = r.json()
    assert r.status_code == 400
    assert "2:" in body["detail"]
    assert body["line"] == 2 and body["column"] >= 1


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"method": "POST", "data": {"format": "json"}}, 400),
        ({"method": "POST", "content": b"x", "headers": {"Content-Type": "text/plain"}}, 415),
        ({"method": "GET", "params": [("query", SELECT), ("query", SELECT)]}, 400),
    ],
)
def test_bad_requests(api, kwargs, status):
    kwargs = dict(kwargs)
    r = httpx.request(kwargs.pop("method"), f"{api}/sparql", **kwargs)
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/problem+json"


# -- read-only --------------------------------------------------------------------------------------------
INSERT = 'INSERT DATA { <urn:x:s> <urn:x:p> "written" }'
WRITTEN = 'ASK { <urn:x:s> <urn:x:p> "written" }'


def test_updates_refused(api):
    url = f"{api}/sparql"
    r = httpx.post(url, data={"update": INSERT})
    assert r.status_code == 403 and "read-only" in r.json()["detail"]
    r = httpx.post(url, content=INSERT.encode(), headers={"Content-Type": "application/sparql-update"})
    assert r.status_code == 403
    for r in (
        httpx.post(url, data={"query": INSERT}),
        httpx.get(url, params={"query": "DROP ALL"}),
        httpx.post(url, data={"query": "LOAD <http://example.org/data.ttl>"}),
    ):
        assert r.status_code == 400
        assert "read-only" in r.json()["detail"]
    assert httpx.get(url, params={"query": WRITTEN}).json()["boolean"] is False
    assert httpx.get(url, params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


# -- limits -------------------------------------------------------------------------------------------------
def _children(pid: int) -> dict[int, str]:
    """pid -> state of the direct children of `pid` (from /proc)."""
    out = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                out[int(entry.name)] = fields[0]
    return out


def test_timeout_kills_runaway_query_while_others_answer(embedded):
    url = f"{embedded.base}/sparql"
    outcome: dict[str, httpx.Response] = {}

    def runaway() -> None:
        outcome["r"] = httpx.post(url, data={"query": RUNAWAY}, timeout=60)

    started = time.monotonic()
    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(1.0)
    running = {pid for pid, state in _children(embedded.pid).items() if state == "R"}
    assert running, "the runaway query should be running in a worker process"
    # Meanwhile the server keeps answering: another user query and the internal endpoints.
    t0 = time.monotonic()
    r = httpx.get(url, params={"query": SELECT}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200 and docs_from_json(r) == DOCS
    assert httpx.get(f"{embedded.base}/ready").status_code == 200
    assert time.monotonic() - t0 < 1.5
    thread.join(30)
    elapsed = time.monotonic() - started
    r = outcome["r"]
    assert r.status_code == 503, r.text
    assert r.json()["title"] == "Query timeout"
    assert elapsed < 3 + 2.5
    time.sleep(0.2)
    assert not running & set(_children(embedded.pid)), "the runaway worker should have been killed"
    # and the endpoint still works afterwards (a fresh worker)
    r = httpx.get(url, params={"query": SELECT}, headers={"Accept": "application/sparql-results+json"})
    assert docs_from_json(r) == DOCS


def test_remote_timeout(remote):
    r = httpx.post(f"{remote.base}/sparql", data={"query": RUNAWAY}, timeout=60)
    assert r.status_code == 503, r.text


def test_row_cap(api):
    values = " ".join(str(i) for i in range(40))
    q = f"SELECT ?a ?b WHERE {{ VALUES ?a {{ {values} }} VALUES ?b {{ {values} }} }}"
    r = httpx.get(f"{api}/sparql", params={"query": q}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200
    assert len(r.json()["results"]["bindings"]) == 1000
    assert r.headers["x-result-truncated"] == "true"
    r = httpx.get(f"{api}/sparql", params={"query": q + " LIMIT 10"}, headers={"Accept": "text/csv"})
    assert len(r.text.strip().splitlines()) == 11
    assert "x-result-truncated" not in r.headers


# -- CORS -----------------------------------------------------------------------------------------------------
def test_cors(api):
    origin = {"Origin": "https://example.org"}
    r = httpx.get(f"{api}/sparql", params={"query": SELECT}, headers=origin)
    assert r.headers["access-control-allow-origin"] == "*"
    r = httpx.options(
        f"{api}/sparql",
        headers={**origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"},
    )
    assert r.status_code == 200
    assert "POST" in r.headers["access-control-allow-methods"]


def test_health_and_ready(api):
    assert httpx.get(f"{api}/health").json() == {"status": "ok"}
    assert httpx.get(f"{api}/ready").json() == {"status": "ready"}
