"""Public ids of resources and the IRIs they stand for.

An id is the part of an IRI after `https://w3id.org/bzkg/id/{kind}/`, except for measures, whose
IRI `id/doc/{doc}/measure/{path}` would need slashes in a URL path; their id is `{doc}~{path}`:

    document       hubei-2021                 <https://w3id.org/bzkg/id/doc/hubei-2021>
    measure        hubei-2021~8               <https://w3id.org/bzkg/id/doc/hubei-2021/measure/8>
    measure        hubei-2021~8.c2            <https://w3id.org/bzkg/id/doc/hubei-2021/measure/8.c2>
    agency         hubei-sheng-shangwu-ting   <https://w3id.org/bzkg/id/agency/hubei-sheng-shangwu-ting>
    zone           wuhan-donghu-zonghe-baoshuiqu  <https://w3id.org/bzkg/id/zone/…>
    business type  bonded-repair              <https://w3id.org/bzkg/id/business-type/bonded-repair>
    industry       automotive-parts           <https://w3id.org/bzkg/id/industry/automotive-parts>
    place          hubei                      <https://w3id.org/bzkg/id/place/hubei>

Ids are checked against `ID_PATTERN` / `MEASURE_ID_PATTERN` before an IRI is made from them, so an
IRI built here never holds a character that needs escaping.
"""

from __future__ import annotations

import re
from enum import StrEnum

from pyoxigraph import NamedNode

__all__ = [
    "ID_BASE",
    "ID_PATTERN",
    "MEASURE_ID_PATTERN",
    "Kind",
    "id_of",
    "iri_of",
    "is_valid_id",
    "kind_of",
    "measure_id",
    "measure_iri",
]

ID_BASE = "https://w3id.org/bzkg/id/"
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$"
MEASURE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}~[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$"
_ID = re.compile(ID_PATTERN)
_MEASURE_ID = re.compile(MEASURE_ID_PATTERN)


class Kind(StrEnum):
    """Kinds of resources with public ids; the value is the IRI path segment."""

    DOCUMENT = "doc"
    AGENCY = "agency"
    ZONE = "zone"
    BUSINESS_TYPE = "business-type"
    INDUSTRY = "industry"
    PLACE = "place"
    DEPARTMENT_KIND = "department-kind"
    SOURCE = "source"


def is_valid_id(value: str, kind: Kind | None = None) -> bool:
    """Whether `value` is a well-formed id (of a measure when `kind` is None)."""
    return bool((_ID if kind is not None else _MEASURE_ID).fullmatch(value))


def iri_of(kind: Kind, ident: str) -> NamedNode:
    """`iri_of(Kind.AGENCY, "wuhan-haiguan")` -> <https://w3id.org/bzkg/id/agency/wuhan-haiguan>."""
    if not _ID.fullmatch(ident):
        raise ValueError(f"not a valid {kind.name.lower()} id: {ident!r}")
    return NamedNode(f"{ID_BASE}{kind.value}/{ident}")


def measure_iri(ident: str) -> NamedNode:
    """`measure_iri("hubei-2021~8")` -> <https://w3id.org/bzkg/id/doc/hubei-2021/measure/8>."""
    if not _MEASURE_ID.fullmatch(ident):
        raise ValueError(f"not a valid measure id: {ident!r}")
    doc, path = ident.split("~", 1)
    return NamedNode(f"{ID_BASE}doc/{doc}/measure/{path}")


def measure_id(iri: str) -> str | None:
    """The id of a measure IRI, or None when `iri` is not one."""
    if not iri.startswith(ID_BASE + "doc/") or "/measure/" not in iri:
        return None
    doc, path = iri[len(ID_BASE) + 4 :].split("/measure/", 1)
    if "/" in path or "/" in doc:
        return None
    return f"{doc}~{path}"


def kind_of(iri: str) -> Kind | None:
    """The kind of a resource IRI (documents only for `id/doc/{stem}` itself)."""
    if not iri.startswith(ID_BASE):
        return None
    segment, _, rest = iri[len(ID_BASE) :].partition("/")
    try:
        kind = Kind(segment)
    except ValueError:
        return None
    return kind if rest and "/" not in rest else None


def id_of(iri: str) -> str | None:
    """The public id of any IRI under `id/`: a measure id, or the last segment of a simple resource."""
    mid = measure_id(iri)
    if mid is not None:
        return mid
    if kind_of(iri) is None:
        return None
    return iri.rsplit("/", 1)[1]
