"""Cached counts follow the data: a Graph Store write on the embedded store is seen at once."""

from __future__ import annotations

from fastapi.testclient import TestClient
from pyoxigraph import NamedNode

from tests.rest.conftest import fixture_store, make_app

NEW_DOC = """
@prefix bz: <https://w3id.org/bzkg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<https://w3id.org/bzkg/id/doc/cache-test> a bz:PolicyDocument ; dcterms:title "缓存测试文件"@zh .
"""


def test_write_drops_cached_results():
    store = fixture_store()
    app = make_app(store)
    try:
        with TestClient(app) as client:
            before = client.get("/api/v1/documents").json()["total"]
            version = store.version
            store.graph_put(NamedNode("https://w3id.org/bzkg/id/doc/cache-test"), NEW_DOC.encode(), "text/turtle")
            assert store.version == version + 1
            assert client.get("/api/v1/documents").json()["total"] == before + 1
    finally:
        store.close()
