"""The REST API gives the same answers on the embedded store and on an Oxigraph server (remote mode)."""

from __future__ import annotations

import httpx
import pytest

PATHS = [
    "/api/v1/documents",
    "/api/v1/measures?limit=100",
    "/api/v1/measures?business_type=bonded-repair",
    "/api/v1/agencies?limit=100",
    "/api/v1/business-types",
    "/api/v1/zones?limit=100",
    "/api/v1/provinces",
    "/api/v1/queries/lead-agencies-by-business-type?business_type=bonded-repair",
]


@pytest.mark.parametrize("path", PATHS)
def test_same_rest_answers(embedded, remote, path):
    ours = httpx.get(embedded.base + path, timeout=30)
    theirs = httpx.get(remote.base + path, timeout=30)
    assert ours.status_code == theirs.status_code == 200, (ours.text[:300], theirs.text[:300])
    assert ours.json() == theirs.json()


def test_same_measure_detail(embedded, remote):
    items = httpx.get(embedded.base + "/api/v1/measures?limit=5", timeout=30).json()["items"]
    assert items
    for item in items:
        path = f"/api/v1/measures/{item['id']}"
        assert httpx.get(embedded.base + path).json() == httpx.get(remote.base + path).json()


def test_remote_caches_expire():
    from store.remote import RemoteStore

    assert RemoteStore("http://127.0.0.1:9/query", cache_seconds=0).version == 0
    fast = RemoteStore("http://127.0.0.1:9/query", cache_seconds=1e-6)
    first = fast.version
    import time

    time.sleep(0.001)
    assert fast.version != first
