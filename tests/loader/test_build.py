"""data/ttl is exactly what the loader makes of data/docs; builds are byte-identical."""

from __future__ import annotations

import filecmp
from pathlib import Path

from bzkg.paths import DOCS_DIR, TTL_DIR
from loader.build import build


def test_data_ttl_is_up_to_date(tmp_path: Path, vocab):
    result = build(DOCS_DIR, tmp_path, vocab)
    assert not result.failed
    built = sorted(p.name for p in tmp_path.glob("*.ttl"))
    assert built == sorted(p.name for p in TTL_DIR.glob("*.ttl")), "run `bzkg build` and commit data/ttl"
    _, mismatch, errors = filecmp.cmpfiles(tmp_path, TTL_DIR, built, shallow=False)
    assert not mismatch and not errors, f"data/ttl is stale for {mismatch}: run `bzkg build` and commit data/ttl"


def test_build_is_deterministic(tmp_path: Path, vocab):
    first, second = tmp_path / "a", tmp_path / "b"
    build(DOCS_DIR, first, vocab)
    build(DOCS_DIR, second, vocab)
    for path in first.glob("*.ttl"):
        assert path.read_bytes() == (second / path.name).read_bytes()


def test_iris_stable_when_unrelated_text_changes(tmp_path: Path, extract_text, graphs):
    text = (DOCS_DIR / "hubei-2021.txt").read_text(encoding="utf-8")
    edited = text.replace("实行末位淘汰", "实行末位淘汰制度")  # an edit inside measure 1 only
    graph = extract_text(edited, "hubei-2021.txt")
    from bzkg.namespaces import BZ

    before = set(graphs["hubei-2021"].subjects(BZ.inDocument, None))
    after = set(graph.subjects(BZ.inDocument, None))
    assert before == after


def test_citations_link_documents_of_the_corpus(tmp_path: Path, vocab):
    docs, out = tmp_path / "docs", tmp_path / "out"
    docs.mkdir()
    (docs / "jilin-2021.txt").write_bytes((DOCS_DIR / "jilin-2021.txt").read_bytes())
    (docs / "guofa.txt").write_text(
        "国务院关于促进综合保税区高水平开放高质量发展的若干意见\n国发〔2019〕3号\n"
        "一、发展保税维修。支持开展保税维修业务。（责任单位：海关总署、商务部）\n",
        encoding="utf-8",
    )
    build(docs, out, vocab)
    from rdflib import Graph

    from bzkg.namespaces import BZ, ID

    jilin = Graph().parse(out / "jilin-2021.ttl")
    assert (ID["doc/jilin-2021"], BZ.cites, ID["doc/guofa"]) in jilin
