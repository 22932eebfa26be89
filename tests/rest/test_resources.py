"""The REST resources over HTTP, on the fixture graph: real facts, filters, pagination, conneg."""

from __future__ import annotations

import re

import pytest
import rdflib
from rdflib.compare import isomorphic

BZ = rdflib.Namespace("https://w3id.org/bzkg/ontology#")
M8 = rdflib.URIRef("https://w3id.org/bzkg/id/doc/hubei-2021/measure/8")


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_measure_8_and_its_lead_agency(client):
    r = client.get("/api/v1/measures/hubei-2021~8")
    assert r.status_code == 200
    m = r.json()
    assert m["iri"] == str(M8)
    assert m["lead_agency"]["label"] == {"zh": "湖北省商务厅", "en": "Hubei Department of Commerce"}
    assert m["lead_agency"]["id"] == "hubei-sheng-shangwu-ting"
    assert [r["role"] for r in m["responsibilities"]] == ["lead", "participating", "participating", "participating"]
    assert [a["id"] for a in m["participating_agencies"]][:2] == [
        "hubei-sheng-jingji-he-xinxihua-ting",
        "wuhan-haiguan",
    ]
    assert [b["id"] for b in m["business_types"]] == ["bonded-repair"]
    assert m["document"]["id"] == "hubei-2021"
    quote = m["quote"]
    assert (quote["start"], quote["end"]) == (5120, 5391)
    assert quote["exact"].startswith("八、发展保税维修再制造业务")
    assert quote["source"]["sha256"] == "0f1e2d3c4b5a69788796a5b4c3d2e1f0" * 2


def test_measure_with_clause_suffix_id(client):
    assert client.get("/api/v1/measures/hubei-2021~10.c1").json()["business_types"][0]["id"] == "bonded-leasing"


def test_targets(client):
    targets = client.get("/api/v1/measures/hubei-2021~6").json()["targets"]
    assert targets == [
        {
            "iri": "https://w3id.org/bzkg/id/doc/hubei-2021/measure/6/target/1",
            "value": 2000,
            "unit": "台",
            "year": 2023,
            "base_year": None,
            "kind": "count",
            "comparator": "at-least",
            "text": "2023年实现整车进口超2000台",
        }
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("business_type=bonded-repair", ["hubei-2021~8", "hunan-2024~1", "zhejiang-draft~1"]),
        ("business_type=bonded-services", ["hubei-2021~8", "hubei-2021~10.c1", "hunan-2024~1", "zhejiang-draft~1"]),
        ("agency=wuhan-haiguan", ["hubei-2021~6", "hubei-2021~8", "hubei-2021~10.c1"]),
        ("agency=wuhan-haiguan&role=lead", ["hubei-2021~6"]),
        ("agency=hubei-sheng-shangwu-ting&role=participating", ["hubei-2021~6"]),
        ("zone=wuhan-donghu-zonghe-baoshuiqu", ["hubei-2021~6", "hubei-2021~8"]),
        ("province=hubei&business_type=bonded-repair", ["hubei-2021~8"]),
        ("province=湖南省", ["hunan-2024~1"]),
        ("province=湖南", ["hunan-2024~1"]),
        ("province=Zhejiang", ["zhejiang-draft~1"]),
        ("document=hunan-2024", ["hunan-2024~1"]),
        ("q=维修", ["hubei-2021~8", "hunan-2024~1", "zhejiang-draft~1"]),
        ("q=平行进口汽车", ["hubei-2021~6"]),
        # hunan-2024 is in force from 2024-03-01 until 2026-02-28; zhejiang-draft never.
        ("in_force_on=2024-02-15", ["hubei-2021~6", "hubei-2021~8", "hubei-2021~10.c1"]),
        ("in_force_on=2025-01-01&business_type=bonded-repair", ["hubei-2021~8", "hunan-2024~1"]),
        ("in_force_on=2026-03-01&business_type=bonded-repair", ["hubei-2021~8"]),
        ("in_force_on=2021-10-20", []),
    ],
)
def test_measure_filters(client, query, expected):
    assert ids(client.get(f"/api/v1/measures?{query}")) == expected


def test_pagination_and_link_headers(client):
    r = client.get("/api/v1/measures?limit=2&offset=2")
    body = r.json()
    assert (body["total"], body["limit"], body["offset"]) == (5, 2, 2)
    assert [m["id"] for m in body["items"]] == ["hubei-2021~10.c1", "hunan-2024~1"]
    links = dict((rel, url) for url, rel in re.findall(r'<([^>]+)>; rel="(\w+)"', r.headers["link"]))
    assert set(links) == {"first", "prev", "next", "last"}
    assert links["next"].endswith("limit=2&offset=4") and links["prev"].endswith("limit=2&offset=0")
    assert links["last"].endswith("offset=4") and links["first"].endswith("offset=0")
    everything = []
    url = "/api/v1/measures?limit=2"
    while url:
        page = client.get(url)
        everything += ids(page)
        nxt = re.search(r'<([^>]+)>; rel="next"', page.headers["link"])
        url = nxt.group(1) if nxt else None
    assert everything == ids(client.get("/api/v1/measures?limit=200"))
    first = client.get("/api/v1/measures?limit=10").headers["link"]
    assert 'rel="next"' not in first and 'rel="prev"' not in first


def test_agencies_count_lead_and_participation(client):
    by_id = {a["id"]: a for a in client.get("/api/v1/agencies?limit=200").json()["items"]}
    assert (
        by_id["hubei-sheng-shangwu-ting"]["measures_led"],
        by_id["hubei-sheng-shangwu-ting"]["measures_participating"],
    ) == (2, 1)
    assert (by_id["wuhan-haiguan"]["measures_led"], by_id["wuhan-haiguan"]["measures_participating"]) == (1, 2)
    assert by_id["wuhan-haiguan"]["kind"] == "CustomsDistrict"
    one = client.get("/api/v1/agencies/wuhan-haiguan").json()
    assert one == by_id["wuhan-haiguan"]
    hunan = client.get("/api/v1/agencies?province=湖南省").json()
    assert [a["id"] for a in hunan["items"]] == ["changsha-haiguan", "hunan-sheng-shangwu-ting"]
    assert [a["id"] for a in client.get("/api/v1/agencies?q=海关").json()["items"]] == [
        "changsha-haiguan",
        "wuhan-haiguan",
    ]


def test_documents(client):
    docs = client.get("/api/v1/documents").json()
    assert [d["id"] for d in docs["items"]] == ["hubei-2021", "hunan-2024", "zhejiang-draft"]
    assert [d["status"] for d in docs["items"]] == ["in-force", "trial", "draft"]
    hubei = client.get("/api/v1/documents/hubei-2021").json()
    assert hubei["identifier"] == "鄂政办发〔2021〕46号"
    assert hubei["signed"] == "2021-10-21"
    assert [m["id"] for m in hubei["measures"]] == ["hubei-2021~6", "hubei-2021~8", "hubei-2021~10.c1"]
    assert hubei["measure_count"] == 3
    assert client.get("/api/v1/documents/hunan-2024").json()["valid_until"] == "2026-02-28"


def test_zones_business_types_industries_provinces(client):
    zone = client.get("/api/v1/zones/wuhan-donghu-zonghe-baoshuiqu").json()
    assert zone["kinds"] == ["ComprehensiveBondedZone"] and zone["measure_count"] == 2
    assert zone["province"]["id"] == "hubei" and zone["status"] == "established"
    assert client.get("/api/v1/zones?province=hunan").json()["total"] == 1
    tree = client.get("/api/v1/business-types").json()
    services = next(n for n in tree if n["code"] == "bonded-services")
    assert {c["code"] for c in services["children"]} == {"bonded-repair", "bonded-leasing"}
    assert services["measure_count"] == 4
    repair = client.get("/api/v1/business-types/bonded-repair").json()
    assert repair["broader"] == ["bonded-services"] and repair["measure_count"] == 3
    assert repair["label"] == {"zh": "保税维修", "en": "bonded repair"}
    industries = {c["code"]: c for c in client.get("/api/v1/industries").json()}
    assert industries["automotive"]["measure_count"] == 2 and industries["automotive"]["direct_measure_count"] == 1
    provinces = {p["id"]: p for p in client.get("/api/v1/provinces").json()}
    assert provinces["hubei"]["measure_count"] == 3 and provinces["hubei"]["abbreviation"] == "鄂"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/measures/hubei-2021~99",
        "/api/v1/measures/nosuchdoc~1",
        "/api/v1/documents/nosuchdoc",
        "/api/v1/agencies/nobody",
        "/api/v1/zones/nowhere",
        "/api/v1/business-types/no-such-type",
        "/api/v1/industries/no-such-industry",
    ],
)
def test_unknown_ids_are_404_problems(client, url):
    r = client.get(url)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert body["status"] == 404 and body["title"] == "Not found" and body["type"].startswith("https://")


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("limit=0", "limit"),
        ("limit=201", "limit"),
        ("offset=-1", "offset"),
        ("limit=abc", "limit"),
        ("in_force_on=2021-13-01", "in_force_on"),
        ("role=boss&agency=wuhan-haiguan", "role"),
        ("role=lead", "role"),
        ("business_type=no-such-type", "business_type"),
        ("agency=nobody", "agency"),
        ("zone=nowhere", "zone"),
        ("province=atlantis", "province"),
        ("document=nosuchdoc", "document"),
        ("business_type=a%20b", "business_type"),
        ("q=", "q"),
    ],
)
def test_bad_parameters_are_422_naming_the_parameter(client, query, parameter):
    r = client.get(f"/api/v1/measures?{query}")
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert [e["parameter"] for e in body["errors"]] == [parameter]
    assert body["detail"].startswith(parameter)


def test_turtle_and_json_ld(client):
    ttl = client.get("/api/v1/measures/hubei-2021~8", headers={"Accept": "text/turtle"})
    assert ttl.headers["content-type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=ttl.text, format="turtle")
    lead = rdflib.URIRef("https://w3id.org/bzkg/id/agency/hubei-sheng-shangwu-ting")
    assert (M8, BZ.leadAgency, lead) in g
    assert (lead, rdflib.SKOS.prefLabel, rdflib.Literal("湖北省商务厅", lang="zh")) in g
    jsonld = client.get("/api/v1/measures/hubei-2021~8", headers={"Accept": "application/ld+json"})
    assert jsonld.headers["content-type"].startswith("application/ld+json")
    g2 = rdflib.Graph().parse(data=jsonld.text, format="json-ld")
    assert isomorphic(g, g2)
    page = client.get("/api/v1/measures?business_type=bonded-repair", headers={"Accept": "text/turtle"})
    subjects = set(rdflib.Graph().parse(data=page.text, format="turtle").subjects(rdflib.RDF.type, BZ.Measure))
    assert len(subjects) == 3 and "link" in page.headers
    for url in ("/api/v1/documents/hubei-2021", "/api/v1/agencies/wuhan-haiguan", "/api/v1/business-types"):
        r = client.get(url, headers={"Accept": "text/turtle;q=0.5, application/ld+json;q=0.9"})
        assert r.headers["content-type"].startswith("application/ld+json") and len(r.json()) > 0
    assert client.get("/api/v1/measures", headers={"Accept": "image/png"}).status_code == 406
    assert client.get("/api/v1/measures", headers={"Accept": "*/*"}).headers["content-type"] == "application/json"
