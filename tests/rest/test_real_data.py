"""The REST API through the app factory over the built graph (data/ttl), when it has been built."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from bzkg import paths

pytestmark = pytest.mark.skipif(
    not (paths.TTL_DIR / "hubei-2021.ttl").exists(), reason="data/ttl not built (bzkg build)"
)


@pytest.fixture(scope="module")
def real():
    from api.app import create_app
    from api.settings import Settings

    with TestClient(create_app(Settings.from_env({}))) as c:
        yield c


def test_bonded_repair_includes_hubei_measure_8_led_by_commerce(real):
    found = real.get("/api/v1/measures?business_type=bonded-repair&limit=200").json()
    assert "hubei-2021~8" in [m["id"] for m in found["items"]]
    m8 = next(m for m in found["items"] if m["id"] == "hubei-2021~8")
    assert m8["lead_agency"]["label"]["zh"] == "湖北省商务厅"
    assert m8["quote"]["exact"].startswith("八、发展保税维修再制造业务")
    assert len(m8["quote"]["source"]["sha256"]) == 64
    only_lead = real.get(
        f"/api/v1/measures?business_type=bonded-repair&agency={m8['lead_agency']['id']}&role=lead&limit=200"
    ).json()
    assert "hubei-2021~8" in [m["id"] for m in only_lead["items"]]


def test_real_named_queries_return_rows(real):
    for q in real.get("/api/v1/queries").json():
        r = real.get(f"/api/v1/queries/{q['name']}")
        assert r.status_code == 200 and r.json()["rows"], q["name"]
    lead = real.get("/api/v1/queries/lead-agencies-by-business-type").json()["rows"]
    assert "湖北省商务厅" in {row["agency_zh"] for row in lead}


def test_every_listed_measure_resolves(real):
    page = real.get("/api/v1/measures?limit=200").json()
    assert page["total"] > 50
    for m in page["items"][:40]:
        assert real.get(f"/api/v1/measures/{m['id']}").status_code == 200


def test_single_measure_latency(real):
    real.get("/api/v1/measures/hubei-2021~8")
    times = []
    for _ in range(30):
        start = time.perf_counter()
        assert real.get("/api/v1/measures/hubei-2021~8").status_code == 200
        times.append(time.perf_counter() - start)
    times.sort()
    assert times[len(times) // 2] < 0.05  # HTTP included; the store lookup itself is well under 5 ms


def test_served_graph_conforms_to_the_shapes(real):
    # The same shapes as `bzkg validate`, on what the store serves (its literals as the store keeps them).
    report = real.get("/api/v1/validation").json()
    assert report["counts"]["Violation"] == 0, [r for d in report["documents"] for r in d["results"]][:5]
    draft = next(d for d in report["documents"] if d["document"] == "zhejiang-draft")
    assert draft["counts"]["Warning"] == 1
