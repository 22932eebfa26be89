"""The named example queries of the SPARQL page: `queries/*.rq`, read by the REST service's parser
(`api.services.named_queries`: `# title:`, `# description:`, `# param:` header lines). A file it
refuses is still offered, titled by its name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from api.services.named_queries import QueryFileError, parse_query_file

__all__ = ["NamedQuery", "load_queries"]


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    text: str


def load_queries(folder: Path) -> list[NamedQuery]:
    out = []
    for path in sorted(folder.glob("*.rq")) if folder.is_dir() else []:
        try:
            meta, text = parse_query_file(path)
            out.append(NamedQuery(meta.name, meta.title, meta.description, text))
        except (QueryFileError, OSError, UnicodeDecodeError):
            try:
                out.append(NamedQuery(path.stem, path.stem, "", path.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError):
                continue
    return out
