"""The comparison matrix: rows (provinces or documents) x business types, counting measures.
One aggregate query per store version, then cached.

    SELECT ?row ?bt (COUNT(DISTINCT ?m) AS ?n) WHERE {
        ?m a bz:Measure ; bz:inDocument ?d ; bz:businessType ?bt . ?d bz:province ?row }
    GROUP BY ?row ?bt
"""

from __future__ import annotations

from dataclasses import dataclass

from api.pages.views.core import integer, prologue
from store.base import Store

__all__ = ["ROW_KINDS", "Matrix", "build_matrix", "colour"]

ROW_KINDS = {
    "province": "?m bz:inDocument ?d . ?d bz:province ?row .",
    "document": "?m bz:inDocument ?row .",
}


@dataclass(frozen=True)
class Matrix:
    kind: str
    rows: list[str]
    columns: list[str]
    counts: dict[tuple[str, str], int]
    row_totals: dict[str, int]
    column_totals: dict[str, int]
    maximum: int


def build_matrix(store: Store, kind: str) -> Matrix:
    rows = store.select(
        prologue(
            f"SELECT ?row ?bt (COUNT(DISTINCT ?m) AS ?n) WHERE {{ ?m a bz:Measure ; bz:businessType ?bt . "
            f"{ROW_KINDS[kind]} }} GROUP BY ?row ?bt"
        )
    )
    counts = {(r["row"].value, r["bt"].value): integer(r, "n") for r in rows if "row" in r and "bt" in r}
    row_totals: dict[str, int] = {}
    column_totals: dict[str, int] = {}
    for (row, col), n in counts.items():
        row_totals[row] = row_totals.get(row, 0) + n
        column_totals[col] = column_totals.get(col, 0) + n
    return Matrix(
        kind=kind,
        rows=sorted(row_totals, key=lambda r: (-row_totals[r], r)),
        columns=sorted(column_totals, key=lambda c: (-column_totals[c], c)),
        counts=counts,
        row_totals=row_totals,
        column_totals=column_totals,
        maximum=max(counts.values(), default=0),
    )


def colour(n: int, maximum: int) -> str:
    """A sequential scale from pale to deep teal; white for zero."""
    if n <= 0 or maximum <= 0:
        return "#ffffff"
    t = (n / maximum) ** 0.6
    lo, hi = (230, 245, 241), (0, 90, 100)
    r, g, b = (round(a + (z - a) * t) for a, z in zip(lo, hi, strict=True))
    return f"#{r:02x}{g:02x}{b:02x}"
