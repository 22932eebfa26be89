"""Administration over HTTP: the Graph Store Protocol at /store (token-protected writes) and reloading
(POST /admin/reload, SIGHUP) that swaps the data atomically or not at all."""

from __future__ import annotations

import shutil
import signal
import threading
import time

import httpx
import pytest
from pyoxigraph import RdfFormat, parse

from .conftest import DATA, TOKEN, serve

pytestmark = pytest.mark.server

AUTH = {"Authorization": f"Bearer {TOKEN}"}
G = "http://example.org/graph/test"
TTL = b'@prefix ex: <http://example.org/> . ex:s ex:p "one" , "two" .'


def count(base: str, query: str) -> int:
    r = httpx.get(f"{base}/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def test_gsp_requires_the_token(embedded):
    url = f"{embedded.base}/store"
    r = httpx.put(url, params={"graph": G}, content=TTL, headers={"Content-Type": "text/turtle"})
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
    r = httpx.put(
        url, params={"graph": G}, content=TTL, headers={"Content-Type": "text/turtle", "Authorization": "Bearer wrong"}
    )
    assert r.status_code == 403
    for method in ("POST", "DELETE"):
        assert httpx.request(method, url, params={"graph": G}).status_code == 401
    assert httpx.get(url, params={"graph": G}).status_code == 404  # nothing was written


def test_gsp_lifecycle(embedded):
    url, base = f"{embedded.base}/store", embedded.base
    graph = {"graph": G}
    r = httpx.put(url, params=graph, content=TTL, headers={**AUTH, "Content-Type": "text/turtle"})
    assert r.status_code == 201, r.text
    r = httpx.put(url, params=graph, content=TTL, headers={**AUTH, "Content-Type": "text/turtle"})
    assert r.status_code == 204
    r = httpx.get(url, params=graph, headers={"Accept": "application/n-triples"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/n-triples")
    assert len(list(parse(r.content, format=RdfFormat.N_TRIPLES))) == 2
    head = httpx.head(url, params=graph)
    assert head.status_code == 200 and int(head.headers["content-length"]) > 0
    # the SPARQL endpoint sees the change at once (union default graph, fresh query workers)
    assert count(base, "SELECT (COUNT(*) AS ?n) WHERE { <http://example.org/s> ?p ?o }") == 2
    r = httpx.post(
        url,
        params=graph,
        content=b'<http://example.org/s> <http://example.org/p> "three" .',
        headers={**AUTH, "Content-Type": "application/n-triples"},
    )
    assert r.status_code == 204
    assert count(base, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{G}> {{ ?s ?p ?o }} }}") == 3
    rdfxml = (
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
        b'<rdf:Description rdf:about="http://example.org/s"><ex:p>four</ex:p></rdf:Description></rdf:RDF>'
    )
    r = httpx.put(url, params=graph, content=rdfxml, headers={**AUTH, "Content-Type": "application/rdf+xml"})
    assert r.status_code == 204
    jsonld = b'{"@id": "http://example.org/s", "http://example.org/p": "five"}'
    r = httpx.post(url, params=graph, content=jsonld, headers={**AUTH, "Content-Type": "application/ld+json"})
    assert r.status_code == 204
    assert count(base, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{G}> {{ ?s ?p ?o }} }}") == 2
    assert httpx.delete(url, params=graph, headers=AUTH).status_code == 204
    assert httpx.get(url, params=graph).status_code == 404
    assert httpx.delete(url, params=graph, headers=AUTH).status_code == 404
    assert count(base, "SELECT (COUNT(*) AS ?n) WHERE { <http://example.org/s> ?p ?o }") == 0


def test_gsp_errors(embedded):
    url = f"{embedded.base}/store"
    r = httpx.put(url, params={"graph": G}, content=b"not turtle <", headers={**AUTH, "Content-Type": "text/turtle"})
    assert r.status_code == 400 and r.headers["content-type"] == "application/problem+json"
    r = httpx.put(url, params={"graph": G}, content=TTL, headers={**AUTH, "Content-Type": "image/png"})
    assert r.status_code == 415
    assert httpx.get(url).status_code == 400  # neither ?graph nor ?default
    assert httpx.get(url, params={"graph": G, "default": ""}).status_code == 400
    assert httpx.get(url, params={"graph": G}).status_code == 404


def test_gsp_default_graph(embedded):
    url, base = f"{embedded.base}/store", embedded.base
    r = httpx.put(url, params={"default": ""}, content=TTL, headers={**AUTH, "Content-Type": "text/turtle"})
    assert r.status_code == 204
    r = httpx.get(url, params={"default": ""})
    assert r.status_code == 200 and len(list(parse(r.content, format=RdfFormat.TURTLE))) == 2
    assert count(base, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { <http://example.org/s> ?p ?o } }") == 0
    assert httpx.delete(url, params={"default": ""}, headers=AUTH).status_code == 204
    assert count(base, "SELECT (COUNT(*) AS ?n) WHERE { <http://example.org/s> ?p ?o }") == 0


def test_gsp_read_only_in_remote_mode(remote):
    r = httpx.put(
        f"{remote.base}/store", params={"graph": G}, content=TTL, headers={**AUTH, "Content-Type": "text/turtle"}
    )
    assert r.status_code == 501


DOCS_QUERY = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a <https://w3id.org/bzkg/ontology#PolicyDocument> }"


@pytest.fixture
def reloadable(tmp_path):
    data = tmp_path / "ttl"
    data.mkdir()
    shutil.copy(DATA / "hubei-2021.ttl", data)
    server = serve("reloadable", tmp_path, data, {"BZKG_ADMIN_TOKEN": TOKEN})
    yield server, data
    server.stop()


def test_reload_is_atomic(reloadable):
    server, data = reloadable
    base = server.base
    assert count(base, DOCS_QUERY) == 1
    assert httpx.post(f"{base}/admin/reload").status_code == 401
    shutil.copy(DATA / "wuhan-2023.ttl", data)

    # Queries keep answering, each with a whole graph (1 or 2 documents), during repeated reloads.
    seen, errors, stop = set(), [], threading.Event()

    def reader() -> None:
        while not stop.is_set():
            try:
                seen.add(count(base, DOCS_QUERY))
            except Exception as e:  # pragma: no cover - reported below
                errors.append(e)

    thread = threading.Thread(target=reader)
    thread.start()
    for _ in range(3):
        r = httpx.post(f"{base}/admin/reload", headers=AUTH, timeout=60)
        assert r.status_code == 200, r.text
        assert r.json()["status"] == "reloaded"
    stop.set()
    thread.join()
    assert not errors and seen <= {1, 2}
    assert count(base, DOCS_QUERY) == 2

    # A broken file fails the reload; the previous graph keeps serving.
    (data / "broken.ttl").write_text("<https://w3id.org/bzkg/id/doc/broken> a <", encoding="utf-8")
    r = httpx.post(f"{base}/admin/reload", headers=AUTH, timeout=60)
    assert r.status_code == 500 and "broken.ttl" in r.json()["detail"]
    assert count(base, DOCS_QUERY) == 2
    assert httpx.get(f"{base}/ready").status_code == 200

    # SIGHUP reloads too (here: after removing the broken file and a document).
    (data / "broken.ttl").unlink()
    (data / "wuhan-2023.ttl").unlink()
    server.process.send_signal(signal.SIGHUP)
    deadline = time.monotonic() + 20
    while count(base, DOCS_QUERY) != 1:
        assert time.monotonic() < deadline, "SIGHUP did not reload"
        time.sleep(0.1)
