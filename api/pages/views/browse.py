"""Entry points: documents, provinces, agencies, zones, business types, industries, each with the
number of measures that name it. One aggregate query per kind, once per store version.

    SELECT ?x (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m bz:zone ?x } GROUP BY ?x
"""

from __future__ import annotations

from api.pages.views.core import integer, prologue
from store.base import Store

__all__ = ["KINDS", "build_browse"]

# kind -> (pattern binding ?x and ?m, the measures-listing filter its rows link to)
KINDS: dict[str, tuple[str, str]] = {
    "documents": ("?x a bz:PolicyDocument . OPTIONAL { ?m bz:inDocument ?x }", "document"),
    "provinces": ("?d a bz:PolicyDocument ; bz:province ?x . OPTIONAL { ?m bz:inDocument ?d }", "province"),
    "agencies": ("{ ?m bz:leadAgency ?x } UNION { ?m bz:participatingAgency ?x }", "agency"),
    "zones": ("?m bz:zone ?x .", "zone"),
    "business-types": ("?m bz:businessType ?x .", "business_type"),
    "industries": ("?m bz:industry ?x .", "industry"),
}


def build_browse(store: Store, kind: str) -> list[tuple[str, int]]:
    """(IRI, measure count) for every thing of `kind`, most measures first."""
    rows = store.select(prologue(f"SELECT ?x (COUNT(DISTINCT ?m) AS ?n) WHERE {{ {KINDS[kind][0]} }} GROUP BY ?x"))
    pairs = [(r["x"].value, integer(r, "n")) for r in rows if "x" in r]
    return sorted(pairs, key=lambda p: (-p[1], p[0]))
