"""Hostile parameter values: never a 500, never a changed graph, never a result they should not give."""

from __future__ import annotations

from urllib.parse import quote

import pytest

NASTY = [
    '"} ; DROP ALL',
    "'} ; DROP ALL ; SELECT * WHERE { ?s ?p ?o",
    '" . } DROP ALL { "',
    "> } DROP ALL #",
    "<http://evil/> ?p ?o",
    "} UNION { ?m ?p ?o }",
    "# comment\n",
    "line\nbreak\r\n",
    "\\u0022 DROP",
    'hubei-2021~8" ; bz:x "y',
    "?m",
    "$q",
    "{{",
    "%00",
    '湖北"}',
    "a" * 150,
]
MEASURE_PARAMS = ["business_type", "agency", "zone", "province", "document", "q", "in_force_on", "role"]


def _graph_size(store) -> int:
    return len(store.quads())


@pytest.fixture(scope="module")
def size_before(store):
    return _graph_size(store)


@pytest.mark.parametrize("value", NASTY)
@pytest.mark.parametrize("param", MEASURE_PARAMS)
def test_measure_filters_refuse_or_find_nothing(client, param, value):
    r = client.get(f"/api/v1/measures?{param}={quote(value, safe='')}")
    assert r.status_code in (200, 422), r.text
    if r.status_code == 200:
        assert r.json()["total"] == 0
    else:
        assert r.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize("value", NASTY)
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/measures/{}",
        "/api/v1/documents/{}",
        "/api/v1/agencies/{}",
        "/api/v1/zones/{}",
        "/api/v1/business-types/{}",
        "/api/v1/queries/{}",
    ],
)
def test_path_ids_are_404_or_422(client, path, value):
    r = client.get(path.format(quote(value, safe="")))
    assert r.status_code in (404, 422), r.text


@pytest.mark.parametrize("value", NASTY)
@pytest.mark.parametrize(
    ("name", "param"),
    [
        ("lead-agencies-by-business-type", "business_type"),
        ("targets-by-year", "year"),
        ("measures-per-province-business-type", "province"),
    ],
)
def test_named_query_parameters(client, name, param, value):
    r = client.get(f"/api/v1/queries/{name}?{param}={quote(value, safe='')}")
    assert r.status_code in (200, 422), r.text
    if r.status_code == 200:
        assert r.json()["rows"] == []


def test_the_graph_is_unchanged(client, store, size_before):
    for value in NASTY:
        client.get(f"/api/v1/measures?q={quote(value, safe='')}")
    assert _graph_size(store) == size_before
    assert client.get("/api/v1/measures/hubei-2021~8").status_code == 200


def test_substring_search_is_literal(client):
    # Regex and SPARQL syntax in q are plain characters: nothing matches them.
    for value in (".*", "^", "?text", ")"):
        assert client.get(f"/api/v1/measures?q={quote(value, safe='')}").json()["total"] == 0
