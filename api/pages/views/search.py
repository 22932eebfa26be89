"""Search over labels (zh and en) and measure text, from an in-memory index built once per store
version, so that a search costs a scan of short strings and never a regex over the whole graph.

    SELECT ?s ?p ?l WHERE { VALUES ?p { skos:prefLabel skos:altLabel rdfs:label dcterms:title
                                        dcterms:identifier bz:heading bz:text bz:targetText } ?s ?p ?l }

Ranking: a label equal to the query, then a label starting with it, then a label containing it,
then text containing it; within a rank, measures and concepts before the rest, then by label.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from pyoxigraph import Literal

from api.pages.links import PREFIXES, VOCAB
from api.pages.views.core import prologue
from store.base import Store

__all__ = ["Hit", "SearchIndex", "build_search_index"]

SKOS = PREFIXES["skos"]
LABELS = (f"{SKOS}prefLabel", f"{SKOS}altLabel", f"{PREFIXES['rdfs']}label", "http://purl.org/dc/terms/title")
NAMES = (*LABELS, "http://purl.org/dc/terms/identifier", f"{VOCAB}heading")
TEXTS = (f"{VOCAB}text", f"{VOCAB}targetText")
SNIPPET = 40


@dataclass
class Entry:
    iri: str
    names: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    folded_names: list[str] = field(default_factory=list)
    folded_texts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Hit:
    iri: str
    rank: int
    matched: str  # the label or a snippet of the text that matched
    before: str = ""
    after: str = ""


@dataclass
class SearchIndex:
    entries: list[Entry]
    seconds: float

    def search(self, query: str, limit: int = 50, offset: int = 0) -> tuple[list[Hit], int]:
        """Hits for `query` (case-insensitive substring), best first, and how many there are."""
        q = " ".join(query.split()).casefold()
        if not q:
            return [], 0
        hits: list[Hit] = []
        for e in self.entries:
            hit = _match(e, q, len(q))
            if hit is not None:
                hits.append(hit)
        hits.sort(key=lambda h: (h.rank, not _preferred(h.iri), len(h.matched), h.matched, h.iri))
        return hits[offset : offset + limit], len(hits)


def _preferred(iri: str) -> bool:
    return "/measure/" in iri or "/business-type/" in iri


def _match(e: Entry, q: str, n: int) -> Hit | None:
    best: Hit | None = None
    for name, folded in zip(e.names, e.folded_names, strict=True):
        if q in folded:
            rank = 0 if folded == q else 1 if folded.startswith(q) else 2
            if best is None or rank < best.rank:
                best = Hit(e.iri, rank, name)
    if best is not None:
        return best
    for body, folded in zip(e.texts, e.folded_texts, strict=True):
        at = folded.find(q)
        if at >= 0:
            return Hit(
                e.iri,
                3,
                body[at : at + n],
                before=("…" if at > SNIPPET else "") + body[max(0, at - SNIPPET) : at],
                after=body[at + n : at + n + SNIPPET] + ("…" if at + n + SNIPPET < len(body) else ""),
            )
    return None


def build_search_index(store: Store) -> SearchIndex:
    began = time.perf_counter()
    props = " ".join(f"<{p}>" for p in (*NAMES, *TEXTS))
    entries: dict[str, Entry] = {}
    for r in store.select(prologue(f"SELECT DISTINCT ?s ?p ?l WHERE {{ VALUES ?p {{ {props} }} ?s ?p ?l }}")):
        lit = r["l"]
        if not isinstance(lit, Literal) or "s" not in r:
            continue
        e = entries.setdefault(r["s"].value, Entry(r["s"].value))
        value = " ".join(lit.value.split())
        if r["p"].value in TEXTS:
            e.texts.append(value)
            e.folded_texts.append(value.casefold())
        elif value not in e.names:
            e.names.append(value)
            e.folded_names.append(value.casefold())
    ordered = [entries[k] for k in sorted(entries)]
    return SearchIndex(entries=ordered, seconds=time.perf_counter() - began)
