"""Server time of the HTML pages over ~1M triples (target: < 100 ms each).

The real documents are copied under new IRIs until the graph is large, then each page is fetched warm
in process (no network), three times; the table gives median and max.

    .venv/bin/python bench/pages_bench.py
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from pyoxigraph import NamedNode, Quad, Store

ROOT = Path(__file__).resolve().parents[1]
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


def main() -> None:
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.settings import Settings
    from store.embedded import EmbeddedStore

    raw = big_store()
    store = EmbeddedStore(store=raw)
    app = create_app(Settings.from_env({}, query_workers=1), store=store)
    headers = {"accept": "text/html"}
    slow = {}
    with TestClient(app) as client:
        cache = app.state.bzkg_pages.cache.for_store(store)
        began = time.perf_counter()
        cache.stats(), cache.search_index(), cache.matrix("province")
        print(f"precompute once per store version: {time.perf_counter() - began:.1f} s, {len(raw):,} quads\n")
        print("| page | median | max |\n|---|---|---|")
        for path in PAGES:
            client.get(path, headers=headers)  # warm: caches built
            times = []
            for _ in range(3):
                t = time.perf_counter()
                r = client.get(path, headers=headers)
                times.append((time.perf_counter() - t) * 1000)
                if r.status_code != 200:
                    raise SystemExit(f"{path}: HTTP {r.status_code}")
            print(f"| `{path}` | {statistics.median(times):.1f} ms | {max(times):.1f} ms |")
            if statistics.median(times) >= 100:
                slow[path] = statistics.median(times)
    store.close()
    print(f"\npages over 100 ms: {slow or 'none'}")


if __name__ == "__main__":
    main()
