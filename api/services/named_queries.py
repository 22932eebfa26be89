"""Named queries: `queries/*.rq` files whose header comments say what they are and take.

    # name: lead-agencies-by-business-type
    # title: Lead agencies by business type
    # description: The agencies that lead measures of a business type …
    # param: business_type code default bonded-repair -- The business type's notation code.
    # param: year year optional -- Only targets due in this year.

A parameter is `name type [default value | optional]` (required when neither) `[-- description]`.
Its value is converted to a typed term and bound to the variable `?name` (`Store.select` bindings),
never written into the query; the variable must be in the query's projection (pyoxigraph
substitutes projected variables only), which `load_queries` checks.

| type | accepts | bound as |
|---|---|---|
| `code` | a notation code such as `bonded-repair` | `"bonded-repair"` (the query looks up `skos:notation`) |
| `year` | 1000-9999 | `"2023"^^xsd:gYear` |
| `integer` | an integer | `xsd:integer` |
| `date` | `YYYY-MM-DD` | `xsd:date` |
| `string` | up to 200 characters | a plain literal |
| `place`, `agency`, `zone`, `document` | an id | the IRI `id/{kind}/{id}` |
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pyoxigraph import Literal, NamedNode

from store.base import Store, Term

from .errors import BadParameter, NotFound
from .ids import ID_PATTERN, Kind, iri_of
from .terms import py

__all__ = ["NamedQuery", "Parameter", "QueryResult", "load_queries", "run_query"]

XSD = "http://www.w3.org/2001/XMLSchema#"
MAX_ROWS = 10_000
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s+(?P<type>[a-z]+)"
    r"(?:\s+(?:default\s+(?P<default>\S+)|(?P<optional>optional)))?"
    r"(?:\s+--\s+(?P<description>.*))?$"
)
_ID = re.compile(ID_PATTERN)
_KINDS = {"place": Kind.PLACE, "agency": Kind.AGENCY, "zone": Kind.ZONE, "document": Kind.DOCUMENT}
TYPES = ("code", "year", "integer", "date", "string", *_KINDS)


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    required: bool
    default: str | None
    description: str | None


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    parameters: list[Parameter]
    columns: list[str]


@dataclass(frozen=True)
class QueryResult:
    name: str
    parameters: dict[str, str]
    columns: list[str]
    rows: list[dict[str, str | int | float | bool | None]]
    truncated: bool


class QueryFileError(ValueError):
    """A `.rq` file whose header is wrong (a bug in the file, found when the queries are loaded)."""


def _projection(text: str) -> list[str] | None:
    """Variables of the SELECT clause (aliases included), or None for `SELECT *`."""
    match = re.search(r"\bSELECT\b(.*?)\bWHERE\b", text, re.S | re.I)
    if not match:
        return []
    clause = match.group(1)
    if re.fullmatch(r"\s*(DISTINCT|REDUCED)?\s*\*\s*", clause, re.I):
        return None
    aliased = set(re.findall(r"\bAS\s+\?(\w+)", clause, re.I))
    depth, plain = 0, []
    for token in re.findall(r"\(|\)|\?\w+", clause):
        depth += {"(": 1, ")": -1}.get(token, 0)
        if token.startswith("?") and depth == 0:
            plain.append(token[1:])
    return [v for v in re.findall(r"\?(\w+)", clause) if v in aliased or v in plain]


def parse_query_file(path: Path) -> tuple[NamedQuery, str]:
    text = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    params: list[Parameter] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        key, _, value = line.lstrip("# ").partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "param":
            m = _PARAM.match(value)
            if not m or m["type"] not in TYPES:
                raise QueryFileError(f"{path.name}: bad parameter line {value!r} (types: {', '.join(TYPES)})")
            params.append(
                Parameter(m["name"], m["type"], not (m["default"] or m["optional"]), m["default"], m["description"])
            )
        elif key in ("name", "title", "description"):
            meta[key] = value
    name = meta.get("name", path.stem)
    if name != path.stem:
        raise QueryFileError(f"{path.name}: '# name: {name}' differs from the file name")
    columns = _projection(text)
    for p in params:
        if columns is not None and p.name not in columns:
            raise QueryFileError(f"{path.name}: parameter ?{p.name} must be in the SELECT projection")
    query = NamedQuery(name, meta.get("title", name), meta.get("description", ""), params, columns or [])
    return query, text


def load_queries(directory: Path) -> dict[str, tuple[NamedQuery, str]]:
    """Every `*.rq` of `directory` by name, sorted."""
    return {q.name: (q, text) for q, text in (parse_query_file(p) for p in sorted(directory.glob("*.rq")))}


def _term(p: Parameter, raw: str) -> Term:
    """A parameter's value as a typed term; `BadParameter` says what is wrong."""
    try:
        if p.type == "code":
            if not _ID.fullmatch(raw):
                raise ValueError("a code is letters, digits, '-', '_' or '.'")
            return Literal(raw)
        if p.type == "year":
            year = int(raw)
            if not 1000 <= year <= 9999:
                raise ValueError("a year has four digits")
            return Literal(str(year), datatype=NamedNode(XSD + "gYear"))
        if p.type == "integer":
            if not re.fullmatch(r"[+-]?\d{1,18}", raw):
                raise ValueError("not an integer")
            return Literal(str(int(raw)), datatype=NamedNode(XSD + "integer"))
        if p.type == "date":
            return Literal(date.fromisoformat(raw).isoformat(), datatype=NamedNode(XSD + "date"))
        if p.type == "string":
            if len(raw) > 200:
                raise ValueError("at most 200 characters")
            return Literal(raw)
        return iri_of(_KINDS[p.type], raw)
    except ValueError as e:
        raise BadParameter(p.name, f"{raw[:50]!r} is not a valid {p.type}: {e}") from None


def run_query(
    store: Store, queries: Mapping[str, tuple[NamedQuery, str]], name: str, given: Mapping[str, str]
) -> QueryResult:
    """Run a named query with the client's parameter values (unknown names are refused)."""
    if name not in queries:
        raise NotFound("query", name)
    query, text = queries[name]
    known = {p.name for p in query.parameters}
    for extra in sorted(set(given) - known):
        allowed = ", ".join(sorted(known)) or "none"
        raise BadParameter(extra, f"query {name!r} takes no parameter {extra!r} (it takes: {allowed})")
    bindings: dict[str, Term] = {}
    used: dict[str, str] = {}
    for p in query.parameters:
        raw = given.get(p.name, p.default)
        if raw is None:
            if p.required:
                raise BadParameter(p.name, "required")
            continue
        bindings[p.name] = _term(p, raw)
        used[p.name] = raw
    rows = store.select(text, bindings or None)
    columns = query.columns or sorted({k for row in rows for k in row})
    out = [{c: py(row.get(c)) for c in columns} for row in rows[:MAX_ROWS]]
    return QueryResult(name, used, columns, out, truncated=len(rows) > MAX_ROWS)
