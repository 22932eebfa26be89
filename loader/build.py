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

DOCUMENT_SUFFIXES = (".txt", ".md", ".text", ".html", ".htm")


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


def _citations(graph: Graph) -> tuple[URIRef | None, str | None, set[str]]:
    """The document IRI, its own number and the numbers it cites."""
    doc = next(iter(graph.subjects(DCTERMS.identifier, None)), None) or next(
        iter(graph.subjects(BZ.status, None)), None
    )
    number = graph.value(doc, DCTERMS.identifier) if doc is not None else None
    return doc, str(number) if number else None, {str(n) for n in graph.objects(doc, BZ.citedNumber)}  # type: ignore[misc]


def _extract_file(path: Path, vocab: Vocabulary, result: BuildResult, cites: dict[str, URIRef]) -> Graph | None:
    try:
        return extract(read_source(path), vocab, result.warnings, cites)
    except LoaderError as error:
        result.failed.append(error)
    except Exception as error:  # a bug must still name the file that triggered it
        result.failed.append(LoaderError(path, f"internal error: {type(error).__name__}: {error}"))
    return None


def build(
    docs: Path,
    out: Path,
    vocab: Vocabulary | None = None,
    progress: Callable[[str], None] | None = None,
) -> BuildResult:
    """Each document is written as soon as it is extracted, so memory does not grow with the corpus.
    Documents citing another document of the corpus by its number (bz:cites) are extracted again
    once all numbers are known."""
    started = time.perf_counter()
    vocab = vocab or load_vocabulary()
    files = document_files(docs)
    result = BuildResult()
    numbers: dict[str, URIRef] = {}
    cited_by: dict[Path, set[str]] = {}
    for i, path in enumerate(files, start=1):
        graph = _extract_file(path, vocab, result, {})
        if graph is not None:
            doc, number, cited = _citations(graph)
            if number and doc is not None:
                numbers[number] = doc
            if cited:
                cited_by[path] = cited
            target = out / f"{path.stem}.ttl"
            _write_atomic(target, to_turtle(graph))
            result.written.append(target)
        if progress and (i % 50 == 0 or i == len(files)):
            progress(f"built {i}/{len(files)} documents")
    for path, cited in cited_by.items():
        if cited & numbers.keys():
            graph = _extract_file(path, vocab, result, numbers)
            if graph is not None:
                _write_atomic(out / f"{path.stem}.ttl", to_turtle(graph))
    failed_stems = {Path(e.path).stem for e in result.failed}
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
