from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from bzkg.namespaces import BZ
from bzkg.paths import DOCS_DIR
from loader.extract import extract
from loader.source import read_source
from loader.vocabulary import Vocabulary, load_vocabulary

DOCS = ("hubei-2021", "hunan-2024", "jilin-2021", "wuhan-2023", "zhejiang-draft")


@pytest.fixture(scope="session")
def vocab() -> Vocabulary:
    return load_vocabulary()


@pytest.fixture(scope="session")
def graphs(vocab: Vocabulary) -> dict[str, Graph]:
    return {stem: extract(read_source(DOCS_DIR / f"{stem}.txt"), vocab) for stem in DOCS}


def facts(graph: Graph) -> dict[str, tuple]:
    """What must not change with the form of a document: per measure, agencies in order, types, zones."""
    out = {}
    for measure in graph.subjects(BZ.inDocument, None):
        path = str(measure).split("/measure/")[1]
        entries = sorted(graph.objects(measure, BZ.responsibility), key=lambda e: int(graph.value(e, BZ.order)))
        agencies = tuple(str(graph.value(e, BZ.agency)) for e in entries)
        out[path] = (
            agencies,
            frozenset(str(o) for o in graph.objects(measure, BZ.businessType)),
            frozenset(str(o) for o in graph.objects(measure, BZ.zone)),
            frozenset(str(o) for o in graph.objects(measure, BZ.industry)),
        )
    return out


@pytest.fixture
def extract_text(tmp_path: Path, vocab: Vocabulary) -> Callable[..., Graph]:
    def run(data: str | bytes, name: str = "doc.txt", encoding: str = "utf-8") -> Graph:
        path = tmp_path / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
        return extract(read_source(path), vocab)

    return run


def measure(graph: Graph, stem: str, path: str) -> URIRef:
    return URIRef(f"https://w3id.org/bzkg/id/doc/{stem}/measure/{path}")
