"""Synthetic graphs scaled from the real one, for the service benchmarks.

    .venv/bin/python bench/scale.py [--sizes 10k,100k,1M] [--out bench/out] [--force]

A size counts the triples of the *document* files (the ontology, ~11.4k triples, is loaded on top
by `bzkg serve` / `bzkg load` as always). Each size is a directory `bench/out/{size}/` usable as
`--data DIR`:

- the five real documents of `data/ttl/` unchanged (so `hubei-2021~8` and the other ids of the
  manuals still resolve), then
- copies `k = 1, 2, …` of every document until the size is reached: every IRI under
  `…/id/doc/{stem}` becomes `…/id/doc/{stem}-s{k}` (document, measures, responsibilities, targets,
  quotes, mentions), written to `{stem}-s{k}.ttl`, so each copy is its own document and named graph;
- agencies, zones, places, business types, industries and source texts keep their IRIs, so the
  joins the queries make (measure → agency, → business type, → zone, document → province) fan out
  over all the copies as they would over more real documents;
- labels vary per copy: `rdfs:label`, `dcterms:title`, `dcterms:identifier` and `bz:heading` of the
  copied nodes get a ` [s{k}]` suffix (the measure text and the quote selectors are left as they
  are, so quotes still match the source text).

A directory is reused when its `manifest.json` says it was built for the same size from the same
input; `--force` rebuilds it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from pathlib import Path

from pyoxigraph import Literal, NamedNode, RdfFormat, parse, serialize

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "ttl"
OUT = ROOT / "bench" / "out"
DOC = "https://w3id.org/bzkg/id/doc/"
SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}
VARIED = {
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://purl.org/dc/terms/title",
    "http://purl.org/dc/terms/identifier",
    "https://w3id.org/bzkg/ontology#heading",
}
PREFIXES = {
    "bz": "https://w3id.org/bzkg/ontology#",
    "dcterms": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def parse_size(text: str) -> int:
    """`10k`, `100k`, `1M`, `250000` -> a triple count."""
    if text in SIZES:
        return SIZES[text]
    t = text.strip().lower()
    factor = {"k": 1_000, "m": 1_000_000}.get(t[-1:], 1)
    return int(float(t.rstrip("km")) * factor)


def _sources(data: Path) -> list[tuple[str, list]]:
    return [(p.stem, list(parse(path=p, format=RdfFormat.TURTLE))) for p in sorted(data.glob("*.ttl"))]


def _copy_triples(stem: str, triples: list, k: int) -> list:
    own = DOC + stem
    new = f"{DOC}{stem}-s{k}"
    suffix = f" [s{k}]"

    def node(term):
        if isinstance(term, NamedNode) and term.value.startswith(own):
            rest = term.value[len(own) :]
            if not rest or rest[0] == "/":
                return NamedNode(new + rest)
        return term

    out = []
    for t in triples:
        s, o = node(t.subject), node(t.object)
        if (
            isinstance(o, Literal)
            and t.predicate.value in VARIED
            and isinstance(t.subject, NamedNode)
            and t.subject.value.startswith(own)
        ):
            o = Literal(o.value + suffix, language=o.language) if o.language else Literal(o.value + suffix)
        out.append((s, t.predicate, o))
    return out


def _fingerprint(data: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(data.glob("*.ttl")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def generate(size: str, out: Path = OUT, data: Path = DATA, force: bool = False) -> dict:
    """Build (or reuse) `out/{size}/`; returns its manifest."""
    from pyoxigraph import Triple

    target = parse_size(size)
    directory = out / size
    manifest_path = directory / "manifest.json"
    fingerprint = _fingerprint(data)
    if not force and manifest_path.exists():
        manifest = json.loads(manifest_path.read_text())
        if manifest.get("target") == target and manifest.get("input") == fingerprint:
            return manifest
    began = time.perf_counter()
    tmp = out / f".{size}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    sources = _sources(data)
    per_copy = sum(len(triples) for _, triples in sources)
    total, files, k = 0, 0, 0
    for stem, triples in sources:  # the real documents, unchanged
        shutil.copyfile(data / f"{stem}.ttl", tmp / f"{stem}.ttl")
        total += len(triples)
        files += 1
    while total + per_copy / 2 < target:
        k += 1
        for stem, triples in sources:
            copied = [Triple(s, p, o) for s, p, o in _copy_triples(stem, triples, k)]
            serialize(copied, tmp / f"{stem}-s{k}.ttl", RdfFormat.TURTLE, prefixes=PREFIXES)
            total += len(copied)
            files += 1
    manifest = {
        "size": size,
        "target": target,
        "document_triples": total,
        "files": files,
        "copies": k,
        "input": fingerprint,
        "seconds": round(time.perf_counter() - began, 1),
    }
    (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    shutil.rmtree(directory, ignore_errors=True)
    tmp.rename(directory)
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10k,100k,1M", help="comma-separated sizes (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=OUT, help="output root (default: bench/out)")
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    args = parser.parse_args(argv)
    for size in args.sizes.split(","):
        m = generate(size.strip(), args.out, force=args.force)
        print(
            f"{m['size']:>5}: {m['document_triples']:>9,} document triples in {m['files']} files "
            f"({m['copies']} copies) -> {args.out / m['size']}  [{m['seconds']} s]"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
