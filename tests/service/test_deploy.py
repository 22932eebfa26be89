"""docker-compose.yml describes the topology the server tests run without Docker (no engine here):
Oxigraph with a union default graph, `bzkg load --gsp` into its Graph Store, the API reading from it."""

from __future__ import annotations

from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")

ROOT = Path(__file__).resolve().parents[2]


def test_compose_topology():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    ox, load, api = services["oxigraph"], services["load"], services["api"]
    assert "--union-default-graph" in ox["command"] and "--location" in ox["command"]
    assert ox["build"]["target"] == "oxigraph" and "healthcheck" in ox
    assert load["command"][:3] == ["bzkg", "load", "--gsp"] and load["command"][3] == "http://oxigraph:7878/store"
    assert load["depends_on"]["oxigraph"]["condition"] == "service_healthy"
    assert api["environment"]["BZKG_SPARQL_ENDPOINT"] == "http://oxigraph:7878/query"
    assert api["depends_on"]["load"]["condition"] == "service_completed_successfully"
    assert "/ready" in " ".join(api["healthcheck"]["test"])
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "AS oxigraph" in dockerfile and "AS api" in dockerfile and "oxigraph==0.5.13" in dockerfile


def test_api_image_has_every_package_and_data_folder():
    import tomllib

    dockerfile = (ROOT / "Dockerfile").read_text()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    packages = [p.rstrip("*") for p in project["tool"]["setuptools"]["packages"]["find"]["include"]]
    # what the code reads at run time besides its packages (bzkg/paths.py)
    folders = ["ontology", "shapes", "queries", "data/ttl", "data/docs"]
    missing = [name for name in [*packages, *folders] if f"COPY {name} ./{name}" not in dockerfile]
    assert not missing, f"the api image lacks {missing}"
