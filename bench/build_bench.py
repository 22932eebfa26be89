"""Loader speed: build time per real document, and for a corpus of 1,000 documents.

The corpus is made of variations of the real documents (measure order shuffled within sections is
not needed: we vary names, numbers and wrapping), written under bench/out/corpus. Figures go to
stdout as a Markdown table; docs/benchmarks.md keeps the last run.

    .venv/bin/python bench/build_bench.py [--corpus 1000]
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import time
from pathlib import Path

from bzkg.paths import DOCS_DIR, ROOT
from loader.build import build
from loader.extract import extract
from loader.source import read_source
from loader.vocabulary import load_vocabulary

OUT = ROOT / "bench" / "out"


def per_document(repeats: int = 5) -> list[tuple[str, int, float]]:
    vocab = load_vocabulary()
    rows = []
    for path in sorted(DOCS_DIR.glob("*.txt")):
        source = read_source(path)
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            extract(source, vocab)
            times.append(time.perf_counter() - started)
        rows.append((path.stem, len(source.text), statistics.median(times)))
    return rows


def make_corpus(count: int, folder: Path) -> None:
    rng = random.Random(20261121)
    texts = [p.read_text(encoding="utf-8") for p in sorted(DOCS_DIR.glob("*.txt"))]
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for i in range(count):
        text = texts[i % len(texts)].replace("2023", str(2023 + i % 7)).replace("100亿元", f"{100 + i}亿元")
        if rng.random() < 0.3:  # some arrive hard-wrapped, some in GB18030
            width = rng.randint(30, 60)
            text = "\n".join(
                line[j : j + width] for line in text.splitlines() for j in range(0, max(len(line), 1), width)
            )
        data = text.encode("gb18030" if rng.random() < 0.2 else "utf-8")
        (folder / f"doc-{i:04d}.txt").write_bytes(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=int, default=1000)
    args = parser.parse_args()
    started = time.perf_counter()
    load_vocabulary()
    vocab_seconds = time.perf_counter() - started
    print(f"vocabulary load: {vocab_seconds:.2f} s\n")
    print("| document | characters | extract (median of 5) |\n|---|---|---|")
    for stem, chars, seconds in per_document():
        print(f"| {stem} | {chars:,} | {seconds * 1000:.0f} ms |")
    corpus, out = OUT / "corpus", OUT / "corpus-ttl"
    make_corpus(args.corpus, corpus)
    started = time.perf_counter()
    result = build(corpus, out)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    size = sum(p.stat().st_size for p in out.glob("*.ttl"))
    per_doc = seconds / args.corpus * 1000
    print(
        f"\ncorpus of {args.corpus} documents: {seconds:.1f} s in all ({per_doc:.0f} ms per document), "
        f"{len(result.failed)} failed, {size / 1e6:.0f} MB of Turtle, peak resident memory {peak / 1e6:.0f} MB"
    )


if __name__ == "__main__":
    main()
