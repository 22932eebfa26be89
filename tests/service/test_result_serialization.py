"""SELECT results written natively by pyoxigraph equal the row-by-row path, and the row cap holds."""

from __future__ import annotations

import json

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, Store

from store.formats import RESULT_FORMATS, serialize_solutions

QUERY = "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s ?o"


@pytest.fixture(scope="module")
def store() -> Store:
    s = Store()
    p = NamedNode("http://example.org/p")
    tricky = ["<result>", "x\ny", '"quoted"', "多语言"]
    for i in range(50):
        s.add(Quad(NamedNode(f"http://example.org/s{i:02d}"), p, Literal(tricky[i % 4] + str(i), language="zh")))
    s.add(Quad(BlankNode("b0"), p, Literal("7", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))))
    return s


@pytest.mark.parametrize("media", sorted(RESULT_FORMATS))
def test_native_equals_row_by_row(store, media):
    def run():
        return store.query(QUERY)

    native, cut = serialize_solutions(run(), media, 1000, rerun=run)
    slow, slow_cut = serialize_solutions(run(), media, 1000)
    assert not cut and not slow_cut
    if "json" in media:
        assert json.loads(native) == json.loads(slow)
    else:
        assert native == slow


@pytest.mark.parametrize("cap", [0, 1, 10, 50])
def test_cap(store, cap):
    def run():
        return store.query(QUERY)

    body, truncated = serialize_solutions(run(), "application/sparql-results+json", cap, rerun=run)
    assert truncated
    assert len(json.loads(body)["results"]["bindings"]) == cap
