"""Where the project's data lives. Everything is relative to the checkout, overridable by env vars."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["DOCS_DIR", "ONTOLOGY_DIR", "QUERIES_DIR", "ROOT", "SHAPES_DIR", "TTL_DIR", "ontology_files"]

ROOT = Path(os.environ.get("BZKG_HOME", Path(__file__).resolve().parent.parent))
ONTOLOGY_DIR = ROOT / "ontology"
SHAPES_DIR = ROOT / "shapes"
QUERIES_DIR = ROOT / "queries"
DOCS_DIR = ROOT / "data" / "docs"
TTL_DIR = ROOT / "data" / "ttl"


def ontology_files() -> list[Path]:
    """The ontology and vocabulary files, in a stable order: with a build's output, the whole graph."""
    return sorted(ONTOLOGY_DIR.glob("*.ttl"))
