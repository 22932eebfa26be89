"""Clients and the store interface: SPARQLWrapper against our endpoint, and `Store` (select / ask /
construct / quads / protocol_query with bound parameters) answering the same from the embedded
store in process and from the Oxigraph server through `RemoteStore`."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from pyoxigraph import Literal, NamedNode
from SPARQLWrapper import JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from api.app import create_app
from api.settings import Settings
from store.base import QuerySyntaxError
from store.embedded import EmbeddedStore, QueryOptions
from store.remote import RemoteStore
from store.sparql_text import inject_values, is_update, query_form

from .conftest import DATA, ONTOLOGY

BZ = "https://w3id.org/bzkg/ontology#"
HUBEI = "https://w3id.org/bzkg/id/doc/hubei-2021"
DOCS = [HUBEI, "https://w3id.org/bzkg/id/doc/wuhan-2023"]


# -- SPARQLWrapper as a client of /sparql ---------------------------------------------------------------
@pytest.mark.server
@pytest.mark.parametrize("mode", ["embedded", "remote"])
def test_sparqlwrapper_client(request, mode):
    server = request.getfixturevalue(mode)
    client = SPARQLWrapper(f"{server.base}/sparql")
    client.setQuery(f"SELECT ?d WHERE {{ ?d a <{BZ}PolicyDocument> }} ORDER BY ?d")
    client.setReturnFormat(JSON)
    result = client.queryAndConvert()
    assert [b["d"]["value"] for b in result["results"]["bindings"]] == DOCS

    client.setMethod(POST)
    client.setReturnFormat(XML)
    client.setQuery(f"ASK {{ <{HUBEI}> a <{BZ}PolicyDocument> }}")
    doc = client.queryAndConvert()
    assert doc.getElementsByTagName("boolean")[0].firstChild.data == "true"

    client.setReturnFormat(TURTLE)
    client.setQuery(f"CONSTRUCT {{ ?d a <{BZ}PolicyDocument> }} WHERE {{ ?d a <{BZ}PolicyDocument> }}")
    graph = client.queryAndConvert()
    assert b"PolicyDocument" in graph

    client.setReturnFormat(JSON)
    client.setQuery("SELECT * WHERE { ?s ?p }")
    with pytest.raises(QueryBadFormed):
        client.query()


# -- the Store interface, embedded and remote ---------------------------------------------------------------
@pytest.fixture(scope="module")
def embedded_store():
    store = EmbeddedStore.from_dirs(DATA, ONTOLOGY, QueryOptions(timeout=5))
    yield store
    store.close()


@pytest.fixture(scope="module", params=["embedded", "remote"])
def store(request, embedded_store):
    if request.param == "embedded":
        return embedded_store
    return RemoteStore(f"{request.getfixturevalue('oxigraph').base}/query", timeout=5)


def test_select_with_bindings(store):
    query = f"""SELECT ?m ?order WHERE {{ ?m <{BZ}inDocument> ?doc ; <{BZ}order> ?order }} ORDER BY ?order"""
    rows = store.select(query, {"doc": NamedNode(HUBEI)})
    assert [(r["m"].value, r["order"].value) for r in rows] == [
        (f"{HUBEI}/measure/6", "6"),
        (f"{HUBEI}/measure/8", "8"),
    ]
    rows = store.select(
        f"SELECT ?m WHERE {{ ?m <{BZ}number> ?n }}",
        {"n": Literal('八"} }} INSERT DATA { <urn:x> <urn:y> <urn:z> } #')},
    )
    assert rows == []  # a bound value is data, never query text
    rows = store.select(
        f"SELECT ?m ?missing WHERE {{ ?m <{BZ}number> ?n OPTIONAL {{ ?m <urn:none> ?missing }} }}", {"n": Literal("八")}
    )
    assert rows == [{"m": NamedNode(f"{HUBEI}/measure/8")}]  # unbound variables are absent


def test_ask_construct_quads(store):
    assert store.ask(f"ASK {{ ?d a <{BZ}PolicyDocument> }}", {"d": NamedNode(HUBEI)}) is True
    assert store.ask(f"ASK {{ ?d a <{BZ}Measure> }}", {"d": NamedNode(HUBEI)}) is False
    triples = store.construct(
        f"CONSTRUCT {{ ?m ?p ?o }} WHERE {{ ?m <{BZ}inDocument> ?d ; ?p ?o }}", {"d": NamedNode(DOCS[1])}
    )
    assert {t.subject.value for t in triples} == {f"{DOCS[1]}/measure/1", f"{DOCS[1]}/measure/2"}
    quads = store.quads(NamedNode(HUBEI))
    assert len(quads) == 60 and all(q.graph_name == NamedNode(HUBEI) for q in quads)
    graphs = {q.graph_name.value for q in store.quads()}
    assert set(DOCS) <= graphs and "https://w3id.org/bzkg/graph/bzkg" in graphs
    assert store.ready()


def test_store_errors(store):
    with pytest.raises(QuerySyntaxError):
        store.select("SELECT * WHERE { ?s ?p }")
    with pytest.raises(QuerySyntaxError, match="read-only"):
        store.protocol_query("DELETE WHERE { ?s ?p ?o }")
    assert store.ask(f"ASK {{ <{HUBEI}> ?p ?o }}")
    result = store.protocol_query(f"SELECT ?d WHERE {{ ?d a <{BZ}PolicyDocument> }}", "text/csv")
    assert result.media_type == "text/csv" and not result.truncated
    assert sorted(result.body.decode().split())[1:] == ["d", *DOCS][1:] or result.body.startswith(b"d\r\n")


def test_sparql_text_helpers():
    assert query_form("PREFIX a: <x:> # SELECT\nconstruct { ?s ?p ?o } WHERE { ?s ?p ?o }") == "CONSTRUCT"
    assert is_update("BASE <http://x/> PREFIX p: <http://y/> WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert not is_update('SELECT ("INSERT" AS ?x) {}')
    q = inject_values("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": NamedNode("http://x/s")})
    assert q == "CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?s) { (<http://x/s>) } ?s ?p ?o }"
    q = inject_values("SELECT * { ?s ?p '}' }", {"p": Literal("a", language="zh")})
    assert q == "SELECT * { VALUES (?p) { (\"a\"@zh) } ?s ?p '}' }"


# -- the app in process --------------------------------------------------------------------------------------
def test_app_factory_in_process(embedded_store):
    app = create_app(Settings(), store=embedded_store)

    async def html_page(request):
        from fastapi.responses import HTMLResponse

        return HTMLResponse("<!doctype html><title>SPARQL editor</title>")

    with TestClient(app) as client:
        app.state.sparql_html_page = None  # whatever the pages module registered
        r = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
        assert r.headers["content-type"].startswith("text/turtle")  # no page registered: the description
        app.state.sparql_html_page = html_page
        r = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
        assert r.headers["content-type"].startswith("text/html") and "SPARQL editor" in r.text
        r = client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": "text/html,*/*;q=0.8"})
        assert r.headers["content-type"].startswith("text/html")  # a browser's query: the page shows it
        r = client.get("/sparql", params={"query": "ASK {}", "format": "json"}, headers={"Accept": "text/html"})
        assert r.json() == {"head": {}, "boolean": True}
        r = client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": "*/*"})
        assert r.json() == {"head": {}, "boolean": True}
        r = client.get("/sparql", headers={"Accept": "text/turtle"})
        assert r.headers["content-type"].startswith("text/turtle")
        # without BZKG_ADMIN_TOKEN, Graph Store writes and reloads are disabled
        r = client.put("/store?graph=http://x/g", content=b"", headers={"Content-Type": "text/turtle"})
        assert r.status_code == 403
        assert client.post("/admin/reload").status_code == 403
        assert client.get("/store", params={"graph": HUBEI}).status_code == 200


def test_settings_from_env(tmp_path):
    s = Settings.from_env(
        {
            "BZKG_UNION_DEFAULT_GRAPH": "false",
            "BZKG_QUERY_TIMEOUT": "2.5",
            "BZKG_MAX_ROWS": "7",
            "BZKG_ADMIN_TOKEN": "t",
            "BZKG_DATA_DIR": str(tmp_path),
            "BZKG_LOAD_ONTOLOGY": "true",
        }
    )
    assert (s.union_default_graph, s.query_timeout, s.max_rows, s.admin_token) == (False, 2.5, 7, "t")
    assert s.data_dir == tmp_path and s.load_ontology is True and s.sparql_endpoint is None
    assert Settings.from_env({}).union_default_graph is True
    with pytest.raises(ValueError):
        Settings.from_env({"BZKG_UNION_DEFAULT_GRAPH": "maybe"})


def test_empty_data_dir_starts_empty(tmp_path):
    """--data EMPTY_DIR: no documents, so no ontology either (BZKG_LOAD_ONTOLOGY=auto)."""
    store = EmbeddedStore.from_dirs(tmp_path, ONTOLOGY)
    try:
        assert len(store) == 0
    finally:
        store.close()
    store = EmbeddedStore.from_dirs(tmp_path, ONTOLOGY, load_ontology=True)
    try:
        assert len(store) > 0 and all(
            q.graph_name.value.startswith("https://w3id.org/bzkg/graph/") for q in store.quads()
        )
    finally:
        store.close()
