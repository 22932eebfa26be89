"""A huge request gets a clear 413 and the service keeps serving."""

from __future__ import annotations

from fastapi.testclient import TestClient


def _client(**overrides):  # type: ignore[no-untyped-def]
    from api.app import create_app
    from api.settings import Settings

    return TestClient(create_app(Settings.from_env({}, **overrides)))


def test_oversized_query_is_refused():
    with _client(max_query_bytes=1000) as client:
        r = client.post("/sparql", content=b"SELECT * WHERE { ?s ?p ?o } #" + b"x" * 5000,
                        headers={"Content-Type": "application/sparql-query"})  # fmt: skip
        assert r.status_code == 413
        assert r.headers["content-type"].startswith("application/problem+json")
        assert "1,000 bytes" in r.json()["detail"]
        assert client.get("/sparql", params={"query": "ASK {}"}).status_code == 200


def test_chunked_oversized_body_is_refused():
    def chunks():  # no Content-Length: the limit applies while streaming
        for _ in range(20):
            yield b"x" * 100

    with _client(max_query_bytes=1000) as client:
        r = client.post("/sparql", content=chunks(), headers={"Content-Type": "application/sparql-query"})
        assert r.status_code == 413


def test_upload_limit_is_separate():
    with _client(max_query_bytes=100, max_upload_bytes=10_000, admin_token="t") as client:
        body = b"<http://a> <http://b> <http://c> .\n" * 50
        r = client.put("/store?graph=http://example.org/g", content=body,
                       headers={"Content-Type": "application/n-triples", "Authorization": "Bearer t"})  # fmt: skip
        assert r.status_code in (200, 201, 204), r.text
        big = body * 20
        r = client.put("/store?graph=http://example.org/g", content=big,
                       headers={"Content-Type": "application/n-triples", "Authorization": "Bearer t"})  # fmt: skip
        assert r.status_code == 413
