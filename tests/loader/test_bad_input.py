"""Bad input gets a clear error naming the file, and loses nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bzkg.cli import main
from bzkg.namespaces import BZ
from bzkg.paths import DOCS_DIR
from loader.source import LoaderError, read_source
from tests.loader.conftest import facts


def test_empty_file(tmp_path: Path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n\n")
    with pytest.raises(LoaderError, match=r"empty\.txt: the file is empty"):
        read_source(path)


def test_binary_file(tmp_path: Path):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.7\x00\x01\x02" + bytes(range(256)) * 20)
    with pytest.raises(LoaderError, match=r"scan\.txt: the file is binary"):
        read_source(path)


def test_text_without_chinese(tmp_path: Path):
    path = tmp_path / "readme.txt"
    path.write_text("just some notes\n")
    with pytest.raises(LoaderError, match="no Chinese text"):
        read_source(path)


def test_gbk_document(graphs, extract_text):
    text = (DOCS_DIR / "hubei-2021.txt").read_text(encoding="utf-8")
    # GBK cannot encode the page's emoji; a GBK capture would not have them either.
    gbk = text.encode("gbk", errors="ignore")
    assert facts(extract_text(gbk, "hubei-2021.txt")) == facts(graphs["hubei-2021"])


def test_truncated_document(extract_text):
    text = (DOCS_DIR / "jilin-2021.txt").read_text(encoding="utf-8")
    cut = text[: text.index("（责任单位：省科技厅、省发展改革委") + 12]  # ends inside measure 4's clause
    graph = extract_text(cut, "jilin-cut.txt")
    # Measures 1-3 are whole; measure 4 keeps the units its cut clause still lists.
    assert len(set(graph.subjects(BZ.inDocument, None))) == 4


def test_unbalanced_brackets_warn_with_line(tmp_path: Path, vocab):
    from loader.extract import extract

    path = tmp_path / "unbalanced.txt"
    path.write_text(
        "湖北省人民政府办公厅\n关于促进综合保税区发展的通知\n"
        "一、发展保税维修。支持开展保税维修业务。（责任单位：省商务厅、武汉海关\n"
        "二、发展跨境电商。支持跨境电商。（责任单位：省商务厅）\n",
        encoding="utf-8",
    )
    warnings: list[str] = []
    graph = extract(read_source(path), vocab, warnings)
    assert len(set(graph.subjects(BZ.inDocument, None))) == 2
    assert any("unbalanced.txt:3" in w and "closing bracket" in w for w in warnings)
    leads = {str(o) for o in graph.objects(None, BZ.leadAgency)}
    assert leads == {"https://w3id.org/bzkg/id/agency/hu-bei-sheng-shang-wu-ting"}


def test_document_without_clauses(tmp_path: Path, vocab):
    from loader.extract import extract

    path = tmp_path / "goals.txt"
    path.write_text(
        "关于促进综合保税区发展的意见\n一、总体要求\n坚持开放。\n二、主要目标\n到2025年进出口额达到100亿元。\n"
    )
    warnings: list[str] = []
    graph = extract(read_source(path), vocab, warnings)
    assert not set(graph.subjects(BZ.inDocument, None))
    assert len(set(graph.subjects(BZ.sectionOf, None))) == 2
    assert any("no responsibility clause" in w for w in warnings)


def test_build_reports_bad_file_and_keeps_the_others(tmp_path: Path, capsys):
    docs, out = tmp_path / "docs", tmp_path / "out"
    docs.mkdir()
    (docs / "hubei-2021.txt").write_bytes((DOCS_DIR / "hubei-2021.txt").read_bytes())
    (docs / "broken.txt").write_bytes(b"\x00\x01binary")
    out.mkdir()
    (out / "broken.ttl").write_text("# the previous good graph\n")
    assert main(["build", "--docs", str(docs), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "broken.txt: the file is binary" in err
    assert (out / "hubei-2021.ttl").stat().st_size > 1000
    assert (out / "broken.ttl").read_text() == "# the previous good graph\n"
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_build_missing_folder(tmp_path: Path, capsys):
    assert main(["build", "--docs", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == 2
    assert "no such file or directory" in capsys.readouterr().err
