"""The REST router over the fixture graph (tests/rest/data) in a minimal app, so these tests do not
depend on the loader's output; `real_client` serves data/ttl through the app factory when it exists.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pyoxigraph import RdfFormat
from pyoxigraph import Store as OxStore

from api.errors import install_error_handlers
from api.rest import router
from store.embedded import EmbeddedStore

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).parent / "data" / "fixture.trig"
ONTOLOGY = ROOT / "ontology" / "bzkg.ttl"


def fixture_store() -> EmbeddedStore:
    """The fixture graph in the real embedded store."""
    ox = OxStore()
    ox.load(path=FIXTURE, format=RdfFormat.TRIG)
    ox.load(path=ONTOLOGY, format=RdfFormat.TURTLE, to_graph=_graph("bzkg"))
    return EmbeddedStore(store=ox)


def _graph(stem: str):
    from pyoxigraph import NamedNode

    return NamedNode(f"https://w3id.org/bzkg/graph/{stem}")


def make_app(store) -> FastAPI:
    app = FastAPI()
    install_error_handlers(app)
    app.include_router(router)
    app.state.store = store
    return app


@pytest.fixture(scope="session")
def store():
    s = fixture_store()
    yield s
    close = getattr(s, "close", None)
    if close:
        close()


@pytest.fixture(scope="session")
def app(store) -> FastAPI:
    return make_app(store)


@pytest.fixture(scope="session")
def client(app) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c
