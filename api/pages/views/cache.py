"""What the pages compute once per store version: counts, the ontology index, the search index,
the heatmap matrices. Kept on `app.state`, never at module level.

A store may say which version of the data it holds (`store.version`, or `store.data_version()`);
when the version changes the cache starts afresh. A store that says nothing is taken as unchanging
for its lifetime (the service loads it once at start-up).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from store.base import Store

if TYPE_CHECKING:
    from api.pages.views.compare import Matrix
    from api.pages.views.ontology import OntologyIndex
    from api.pages.views.search import SearchIndex
    from api.pages.views.stats import Stats

__all__ = ["PagesCache", "StoreCache", "store_version"]

T = TypeVar("T")


def store_version(store: Store) -> object:
    for name in ("version", "data_version", "generation"):
        attr = getattr(store, name, None)
        if attr is None:
            continue
        try:
            return attr() if callable(attr) else attr
        except Exception:  # a version we cannot read is no version
            return None
    return None


class StoreCache:
    """Values computed from one store at one version, each built once (thread-safe)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._values: dict[str, Any] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def get(self, key: str, build: Callable[[], T]) -> T:
        if key in self._values:
            return self._values[key]
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._values:
                self._values[key] = build()
        return self._values[key]

    def documents_by_province(self) -> dict[str, list[str]]:
        """Province IRI -> the IRIs of its documents."""

        def build() -> dict[str, list[str]]:
            from api.pages.views.core import prologue

            rows = self.store.select(
                prologue("SELECT DISTINCT ?d ?p WHERE { ?d a bz:PolicyDocument ; bz:province ?p }")
            )
            out: dict[str, list[str]] = {}
            for r in rows:
                out.setdefault(r["p"].value, []).append(r["d"].value)
            return {k: sorted(v) for k, v in out.items()}

        return self.get("documents_by_province", build)

    def labels(self, lang: str) -> dict[str, str]:
        """The labels chosen so far for `lang` (IRI -> label), filled by `Page.load_labels`."""
        return self.get(f"labels:{lang}", dict)

    def ready(self, key: str) -> bool:
        return key in self._values

    def ontology(self) -> OntologyIndex:
        from api.pages.views.ontology import build_index

        return self.get("ontology", lambda: build_index(self.store))

    def stats(self) -> Stats:
        from api.pages.views.stats import build_stats

        return self.get("stats", lambda: build_stats(self.store))

    def search_index(self) -> SearchIndex:
        from api.pages.views.search import build_search_index

        return self.get("search", lambda: build_search_index(self.store))

    def browse(self, kind: str) -> list[tuple[str, int]]:
        from api.pages.views.browse import build_browse

        return self.get(f"browse:{kind}", lambda: build_browse(self.store, kind))

    def matrix(self, kind: str) -> Matrix:
        from api.pages.views.compare import build_matrix

        return self.get(f"matrix:{kind}", lambda: build_matrix(self.store, kind))

    def schemes(self) -> list[str]:
        from api.pages.views.skos import build_schemes

        return self.get("schemes", lambda: build_schemes(self.store))

    def concept_counts(self) -> dict[str, int]:
        """Measures per concept, over the business-type and industry links."""
        return self.get("concept_counts", lambda: dict(self.browse("business-types") + self.browse("industries")))

    def warm(self) -> None:
        """Build the slow parts in a background thread, so the first visitor does not wait."""
        if self.ready("stats") and self.ready("search"):
            return
        with self._guard:
            if self._values.get("_warming"):
                return
            self._values["_warming"] = True

        def run() -> None:
            for build in (self.ontology, self.stats, self.search_index, lambda: self.matrix("province")):
                try:
                    build()
                except Exception:  # the page that needs it will report the error
                    return

        threading.Thread(target=run, name="bzkg-pages-warm", daemon=True).start()


class PagesCache:
    """One `StoreCache` for the store the app serves now."""

    def __init__(self) -> None:
        self._current: tuple[int, object, StoreCache] | None = None
        self._lock = threading.Lock()

    def for_store(self, store: Store) -> StoreCache:
        key = (id(store), store_version(store))
        with self._lock:
            if self._current is None or self._current[:2] != key or self._current[2].store is not store:
                self._current = (*key, StoreCache(store))
            return self._current[2]
