"""Plain Python values from pyoxigraph terms, and zh/en labels picked from label literals."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pyoxigraph import Literal, NamedNode

from store.base import Term

__all__ = ["LABEL_PREDICATES", "Label", "pick_label", "py", "py_int", "py_str"]

XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
DCT_TITLE = "http://purl.org/dc/terms/title"
#: Label properties, most preferred first (docs/model.md: prefLabel, then rdfs:label, then title).
LABEL_PREDICATES = (SKOS_PREF, RDFS_LABEL, DCT_TITLE)
_INTEGER_TYPES = {XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")}
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Label:
    """A resource's name in Chinese and English; either may be missing."""

    zh: str | None = None
    en: str | None = None


def py(term: Term | None) -> str | int | float | bool | None:
    """`"8"^^xsd:integer` -> 8, `"1.5"^^xsd:decimal` -> 1.5, IRIs and other literals -> their string."""
    if term is None:
        return None
    if isinstance(term, Literal):
        datatype = term.datatype.value
        if datatype in _INTEGER_TYPES:
            try:
                return int(term.value)
            except ValueError:
                return term.value
        if datatype in (XSD + "decimal", XSD + "double", XSD + "float"):
            try:
                number = Decimal(term.value)
            except InvalidOperation:
                return term.value
            return int(number) if number == number.to_integral_value() else float(number)
        if datatype == XSD + "boolean":
            return term.value == "true"
        return term.value
    if isinstance(term, NamedNode):
        return term.value
    return str(term)


def py_str(term: Term | None) -> str | None:
    """The lexical form or IRI of a term."""
    if term is None:
        return None
    return term.value if isinstance(term, Literal | NamedNode) else str(term)


def py_int(term: Term | None) -> int | None:
    value = py(term)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _language(literal: Literal) -> str:
    if literal.language:
        return literal.language.split("-")[0].lower()
    return "zh" if _CJK.search(literal.value) else "en"


def pick_label(pairs: Iterable[tuple[str, Term]]) -> Label:
    """The best zh and en label among (predicate IRI, literal) pairs, by `LABEL_PREDICATES` order,
    then the shortest, so that the choice is stable whatever order the store returns rows in."""
    best: dict[str, tuple[int, int, str]] = {}
    for predicate, term in pairs:
        if predicate not in LABEL_PREDICATES or not isinstance(term, Literal):
            continue
        lang = _language(term)
        if lang not in ("zh", "en"):
            continue
        key = (LABEL_PREDICATES.index(predicate), len(term.value), term.value)
        if lang not in best or key < best[lang]:
            best[lang] = key
    return Label(zh=best["zh"][2] if "zh" in best else None, en=best["en"][2] if "en" in best else None)
