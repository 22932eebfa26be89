"""The built graph (data/ttl, when the loader has produced it) loads into one named graph per
document, named by the document IRI, next to the ontology graphs; lookups stay fast."""

from __future__ import annotations

import statistics
import time

import pytest
from pyoxigraph import NamedNode

from bzkg import paths
from store.embedded import EmbeddedStore
from store.loading import DOC_BASE, GRAPH_BASE, document_sources

FILES = sorted(paths.TTL_DIR.glob("*.ttl"))
pytestmark = pytest.mark.skipif(not FILES, reason="data/ttl has not been built")
BZ = "https://w3id.org/bzkg/ontology#"


@pytest.fixture(scope="module")
def store():
    s = EmbeddedStore.from_dirs(paths.TTL_DIR, paths.ONTOLOGY_DIR)
    yield s
    s.close()


def test_one_graph_per_document(store):
    sources = document_sources(paths.TTL_DIR)
    assert [s.graph for s in sources] == [DOC_BASE + f.stem for f in FILES]
    rows = store.select(f"SELECT DISTINCT ?g ?d WHERE {{ GRAPH ?g {{ ?d a <{BZ}PolicyDocument> }} }}")
    assert sorted((r["g"].value, r["d"].value) for r in rows) == sorted((s.graph, s.graph) for s in sources)
    graphs = {r["g"].value for r in store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")}
    assert {GRAPH_BASE + f.stem for f in paths.ontology_files()} <= graphs


def test_lookup_is_fast(store):
    measures = [r["m"] for r in store.select(f"SELECT ?m WHERE {{ ?m a <{BZ}Measure> }} LIMIT 50")]
    assert measures
    times = []
    for m in measures * 4:
        t = time.perf_counter()
        assert store.select("SELECT ?p ?o WHERE { ?m ?p ?o }", {"m": m})
        times.append(time.perf_counter() - t)
    assert statistics.median(times) < 0.005
    assert store.ask("ASK { ?m ?p ?o }", {"m": NamedNode(measures[0].value)})
