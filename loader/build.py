"""`bzkg build`: every document under --docs -> one Turtle file under --out.

Output is deterministic (same input, byte-identical output) and written atomically: a file is
either the complete new graph or the previous one, never half-written. A failing document is
reported with its file (and line) and does not stop the others; the exit status says whether all
documents were built.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS

from bzkg.namespaces import BZ
from loader.extract import extract
from loader.serialize import to_turtle
from loader.source import LoaderError, read_source
from loader.vocabulary import Vocabulary, load_vocabulary

__all__ = ["BuildResult", "build", "document_files"]

DOCUMENT_SUFFIXES = (".txt", ".md", ".text")


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    failed: list[LoaderError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


def document_files(docs: Path) -> list[Path]:
    if docs.is_file():
        return [docs]
    return sorted(p for p in docs.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _link_citations(graphs: dict[Path, Graph]) -> None:
    """bz:cites between documents of the corpus, where one cites the other's number."""
    by_number: dict[str, URIRef] = {}
    for graph in graphs.values():
        for doc, number in graph.subject_objects(DCTERMS.identifier):
            by_number[str(number)] = doc  # type: ignore[assignment]
    for graph in graphs.values():
        for doc, cited in list(graph.subject_objects(BZ.citedNumber)):
            target = by_number.get(str(cited))
            if target is not None and target != doc:
                graph.add((doc, BZ.cites, target))  # type: ignore[arg-type]


def build(
    docs: Path,
    out: Path,
    vocab: Vocabulary | None = None,
    progress: Callable[[str], None] | None = None,
) -> BuildResult:
    started = time.perf_counter()
    vocab = vocab or load_vocabulary()
    files = document_files(docs)
    result = BuildResult()
    graphs: dict[Path, Graph] = {}
    for i, path in enumerate(files, start=1):
        try:
            graphs[path] = extract(read_source(path), vocab, result.warnings)
        except LoaderError as error:
            result.failed.append(error)
        except Exception as error:  # a bug must still name the file that triggered it
            result.failed.append(LoaderError(path, f"internal error: {type(error).__name__}: {error}"))
        if progress and (i % 50 == 0 or i == len(files)):
            progress(f"extracted {i}/{len(files)} documents")
    _link_citations(graphs)
    failed_stems = {Path(e.path).stem for e in result.failed}
    for path, graph in graphs.items():
        target = out / f"{path.stem}.ttl"
        _write_atomic(target, to_turtle(graph))
        result.written.append(target)
    produced = {p.name for p in result.written}
    for stale in out.glob("*.ttl") if out.is_dir() else []:
        if stale.name not in produced and stale.stem not in failed_stems:
            stale.unlink()
    result.seconds = time.perf_counter() - started
    return result


def report(result: BuildResult) -> int:
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for error in result.failed:
        print(f"error: {error}", file=sys.stderr)
    print(
        f"built {len(result.written)} documents in {result.seconds:.2f} s; {len(result.failed)} failed", file=sys.stderr
    )
    return 1 if result.failed else 0
