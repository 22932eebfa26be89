"""Settings of the service, read from the environment once (`get_settings()` is cached).

| variable | default | meaning |
|---|---|---|
| `BZKG_SPARQL_ENDPOINT` | unset | read from this SPARQL 1.1 query URL instead of the embedded store |
| `BZKG_DATA_DIR` | `data/ttl` | the built graph, one file per document (`bzkg serve --data`) |
| `BZKG_ONTOLOGY_DIR` | `ontology` | ontology files, one named graph each |
| `BZKG_LOAD_ONTOLOGY` | `auto` | `auto`: load the ontology when the data directory holds documents; `true`/`false` |
| `BZKG_ADMIN_TOKEN` | unset | bearer token enabling Graph Store writes and `/admin/reload` |
| `BZKG_UNION_DEFAULT_GRAPH` | `true` | queries without `GRAPH` see every named graph |
| `BZKG_QUERY_TIMEOUT` | `10` | seconds a `/sparql` query may run before it is stopped |
| `BZKG_MAX_ROWS` | `10000` | rows (or triples) a `/sparql` answer carries at most |
| `BZKG_QUERY_WORKERS` | `2` | forked processes running `/sparql` queries concurrently |
| `BZKG_CORS_ORIGINS` | `*` | comma-separated origins allowed by CORS |
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from bzkg import paths

__all__ = ["Settings", "get_settings"]

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _bool(value: str, name: str) -> bool:
    v = value.strip().lower()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    raise ValueError(f"{name} must be true or false, not {value!r}")


@dataclass(frozen=True)
class Settings:
    sparql_endpoint: str | None = None
    data_dir: Path = field(default_factory=lambda: paths.TTL_DIR)
    ontology_dir: Path = field(default_factory=lambda: paths.ONTOLOGY_DIR)
    load_ontology: bool | None = None  # None: only when the data directory holds documents
    admin_token: str | None = None
    union_default_graph: bool = True
    query_timeout: float = 10.0
    max_rows: int = 10_000
    query_workers: int = 2
    remote_cache_seconds: float = 60.0  # remote mode: how long derived results (counts, labels) are kept
    max_query_bytes: int = 1_000_000  # body of a /sparql or API request
    max_upload_bytes: int = 512_000_000  # body of a Graph Store write
    cors_origins: tuple[str, ...] = ("*",)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        env = os.environ if env is None else env
        get = lambda name: (env.get(name) or "").strip()  # noqa: E731
        values: dict[str, object] = {}
        if get("BZKG_SPARQL_ENDPOINT"):
            values["sparql_endpoint"] = get("BZKG_SPARQL_ENDPOINT")
        if get("BZKG_DATA_DIR"):
            values["data_dir"] = Path(get("BZKG_DATA_DIR"))
        if get("BZKG_ONTOLOGY_DIR"):
            values["ontology_dir"] = Path(get("BZKG_ONTOLOGY_DIR"))
        if get("BZKG_LOAD_ONTOLOGY") and get("BZKG_LOAD_ONTOLOGY").lower() != "auto":
            values["load_ontology"] = _bool(get("BZKG_LOAD_ONTOLOGY"), "BZKG_LOAD_ONTOLOGY")
        if get("BZKG_ADMIN_TOKEN"):
            values["admin_token"] = get("BZKG_ADMIN_TOKEN")
        if get("BZKG_UNION_DEFAULT_GRAPH"):
            values["union_default_graph"] = _bool(get("BZKG_UNION_DEFAULT_GRAPH"), "BZKG_UNION_DEFAULT_GRAPH")
        if get("BZKG_QUERY_TIMEOUT"):
            values["query_timeout"] = float(get("BZKG_QUERY_TIMEOUT"))
        if get("BZKG_MAX_ROWS"):
            values["max_rows"] = int(get("BZKG_MAX_ROWS"))
        if get("BZKG_QUERY_WORKERS"):
            values["query_workers"] = int(get("BZKG_QUERY_WORKERS"))
        if get("BZKG_REMOTE_CACHE_SECONDS"):
            values["remote_cache_seconds"] = float(get("BZKG_REMOTE_CACHE_SECONDS"))
        if get("BZKG_MAX_QUERY_BYTES"):
            values["max_query_bytes"] = int(get("BZKG_MAX_QUERY_BYTES"))
        if get("BZKG_MAX_UPLOAD_BYTES"):
            values["max_upload_bytes"] = int(get("BZKG_MAX_UPLOAD_BYTES"))
        if get("BZKG_CORS_ORIGINS"):
            values["cors_origins"] = tuple(o.strip() for o in get("BZKG_CORS_ORIGINS").split(",") if o.strip())
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


@lru_cache
def get_settings() -> Settings:
    """The settings from the process environment, read once."""
    return Settings.from_env()
