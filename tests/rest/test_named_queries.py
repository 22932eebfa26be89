"""Named queries: listed with their parameters, run with typed bound parameters."""

from __future__ import annotations

import csv
import io

import pytest

from api.services.named_queries import QueryFileError, load_queries, parse_query_file
from bzkg import paths

REQUIRED = {
    "lead-agencies-by-business-type",
    "measures-per-province-business-type",
    "zones-parallel-import-vehicles",
    "targets-by-year",
}


def test_list(client):
    listed = {q["name"]: q for q in client.get("/api/v1/queries").json()}
    assert set(listed) >= REQUIRED
    lead = listed["lead-agencies-by-business-type"]
    assert lead["parameters"] == [
        {
            "name": "business_type",
            "type": "code",
            "required": False,
            "default": "bonded-repair",
            "description": "The business type's notation code, e.g. bonded-repair, cross-border-ecommerce.",
        }
    ]
    assert lead["description"] and "measures" in lead["columns"]


def test_every_query_file_parses():
    assert set(load_queries(paths.QUERIES_DIR)) >= REQUIRED


def test_header_errors_are_caught(tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("# name: bad\n# param: x code\nSELECT ?y WHERE { ?y ?p ?x }\n")
    with pytest.raises(QueryFileError, match="projection"):
        parse_query_file(bad)


def test_lead_agencies_default_is_bonded_repair(client):
    r = client.get("/api/v1/queries/lead-agencies-by-business-type").json()
    assert r["parameters"] == {"business_type": "bonded-repair"}
    assert {row["agency_zh"] for row in r["rows"]} == {"湖北省商务厅", "湖南省商务厅", "浙江省商务厅"}
    broader = client.get("/api/v1/queries/lead-agencies-by-business-type?business_type=bonded-services").json()
    hubei = next(row for row in broader["rows"] if row["agency_zh"] == "湖北省商务厅")
    assert hubei["measures"] == 2  # bonded-repair + bonded-leasing


def test_measures_per_province_business_type(client):
    rows = client.get("/api/v1/queries/measures-per-province-business-type").json()["rows"]
    counts = {(r["province_zh"], r["business_type"]): r["measures"] for r in rows}
    assert counts[("湖北省", "bonded-repair")] == 1 and counts[("湖南省", "bonded-repair")] == 1
    only = client.get("/api/v1/queries/measures-per-province-business-type?province=hunan").json()["rows"]
    assert {r["province_zh"] for r in only} == {"湖南省"}


def test_zones_parallel_import(client):
    rows = client.get("/api/v1/queries/zones-parallel-import-vehicles").json()["rows"]
    assert [r["zone_zh"] for r in rows] == ["武汉东湖综合保税区"]


def test_targets_by_year_and_csv(client):
    rows = client.get("/api/v1/queries/targets-by-year?year=2023").json()["rows"]
    assert [(r["value"], r["unit"]) for r in rows] == [(2000, "台")]
    assert len(client.get("/api/v1/queries/targets-by-year").json()["rows"]) == 2
    r = client.get("/api/v1/queries/targets-by-year?year=2025", headers={"Accept": "text/csv"})
    assert r.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(r.text)))
    assert table[0]["unit"] == "亿元" and table[0]["year"] == "2025"


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/queries/no-such-query", 404),
        ("/api/v1/queries/targets-by-year?year=20x3", 422),
        ("/api/v1/queries/targets-by-year?year=99999", 422),
        ("/api/v1/queries/targets-by-year?nope=1", 422),
        ("/api/v1/queries/measures-per-province-business-type?province=a%20b", 422),
    ],
)
def test_errors(client, url, status):
    r = client.get(url)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/problem+json")
