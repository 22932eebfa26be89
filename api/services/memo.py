"""Results of O(N) queries (counts, vocabularies, the SHACL report), computed once per store version.

A `Memo` belongs to whoever owns the store (the app keeps one on `app.state`); services take it as
an optional argument, so they stay plain functions. When the store object, or its `version` attribute
if it has one, changes, every entry is dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from store.base import Store

__all__ = ["Memo", "memoized", "store_version"]

T = TypeVar("T")


def store_version(store: Store) -> tuple[int, Any]:
    """What identifies the data a store serves: the object and its `version` attribute, if any."""
    return (id(store), getattr(store, "version", None))


class Memo:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: tuple[int, Any] | None = None
        self._values: dict[str, Any] = {}
        self._key_locks: dict[str, threading.Lock] = {}

    def get(self, store: Store, key: str, compute: Callable[[Store], T]) -> T:
        """The value for `key`, computed by `compute(store)` the first time for this store version;
        concurrent callers of one key wait for a single computation."""
        version = store_version(store)
        with self._lock:
            if version != self._version:
                self._version, self._values, self._key_locks = version, {}, {}
            if key in self._values:
                return self._values[key]
            key_lock = self._key_locks.setdefault(key, threading.Lock())
            values = self._values
        with key_lock:
            if key in values:
                return values[key]
            value = compute(store)
            values[key] = value
            return value


def memoized(memo: Memo | None, store: Store, key: str, compute: Callable[[Store], T]) -> T:
    """`memo.get(...)` when there is a memo, else a fresh computation."""
    return compute(store) if memo is None else memo.get(store, key, compute)
