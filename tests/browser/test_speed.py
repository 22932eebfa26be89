"""Server time of the pages over ~1M triples: the real documents copied under new IRIs until the
graph is large, then each page fetched warm; the slowest of the warm fetches must stay under 100 ms
(`Server-Timing` is not enough: the whole request is timed in-process, without the network)."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Quad, Store

pytestmark = [pytest.mark.browser]

ROOT = Path(__file__).resolve().parents[2]
DOC = "https://w3id.org/bzkg/id/doc/"
TARGET_TRIPLES = 1_000_000
PAGES = [
    "/",
    "/search?q=保税维修",
    "/id/doc/hubei-2021/measure/8",
    "/id/doc/hubei-2021",
    "/id/agency/hu-bei-sheng-shang-wu-ting",
    "/id/business-type/bonded-repair",
    "/id/business-type",
    "/id/place/hubei",
    "/ontology",
    "/ontology/class/Measure",
    "/ontology/property/leadAgency",
    "/compare",
    "/measures?province=hubei&business_type=bonded-repair",
    "/browse/agencies",
]


def _copy(term, k: int):
    if isinstance(term, NamedNode) and term.value.startswith(DOC):
        stem, _, rest = term.value[len(DOC) :].partition("/")
        return NamedNode(f"{DOC}{stem}-copy{k}" + (f"/{rest}" if rest else ""))
    return term


def big_store() -> Store:
    from store.loading import build_store, document_sources, ontology_sources

    base = build_store(ontology_sources(ROOT / "ontology") + document_sources(ROOT / "data" / "ttl"))
    doc_quads = [q for q in base if q.graph_name.value.startswith(DOC)]
    copies = max(0, (TARGET_TRIPLES - len(base)) // max(1, len(doc_quads)))
    extra = (
        Quad(_copy(q.subject, k), q.predicate, _copy(q.object, k), _copy(q.graph_name, k))
        for k in range(1, copies + 1)
        for q in doc_quads
    )
    base.bulk_extend(extra)
    return base


def test_pages_fast_at_a_million_triples():
    if not any((ROOT / "data" / "ttl").glob("*.ttl")):
        pytest.skip("data/ttl is empty")
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.settings import Settings
    from store.embedded import EmbeddedStore

    raw = big_store()
    assert len(raw) >= 0.9 * TARGET_TRIPLES
    store = EmbeddedStore(store=raw)
    app = create_app(Settings.from_env({}, query_workers=1), store=store)
    headers = {"accept": "text/html"}
    slow = {}
    with TestClient(app) as client:
        cache = app.state.bzkg_pages.cache.for_store(store)
        began = time.perf_counter()
        cache.stats(), cache.search_index(), cache.matrix("province")
        print(f"\nprecompute once per store version: {time.perf_counter() - began:.1f} s, {len(raw):,} quads")
        for path in PAGES:
            assert client.get(path, headers=headers).status_code == 200, path  # warm: caches built
            times = []
            for _ in range(3):
                t = time.perf_counter()
                r = client.get(path, headers=headers)
                times.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200
            print(f"{path:60} median {statistics.median(times):6.1f} ms  max {max(times):6.1f} ms")
            if statistics.median(times) >= 100:
                slow[path] = statistics.median(times)
    store.close()
    assert not slow, f"pages over 100 ms at {len(raw):,} quads: {slow}"
