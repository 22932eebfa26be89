"""Lists of measures: filtered (province, business type, agency, document, zone, industry), the
measures an agency leads or joins, and a document's section tree with its measures.

    SELECT DISTINCT ?m ?d ?order WHERE { ?m a bz:Measure ; bz:inDocument ?d .
        ?d bz:province ?province . ?m bz:businessType ?bt … OPTIONAL { ?m bz:order ?order } }
    ORDER BY ?d ?order ?m LIMIT n OFFSET k                    # filter variables bound
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import NamedNode

from api.pages.links import ID
from api.pages.views.core import Link, Page, integer, iri, values_block

__all__ = [
    "FILTERS",
    "DocumentTree",
    "MeasureSummary",
    "SectionNode",
    "document_tree",
    "filter_iri",
    "filtered_measures",
    "measure_summaries",
]

# filter name -> (IRI prefix under id/ for short values, graph pattern with the variable ?v)
FILTERS: dict[str, tuple[str, str]] = {
    "province": ("place/", ""),  # a VALUES block of the province's documents (see below)
    "business_type": ("business-type/", "?m bz:businessType ?v ."),
    "industry": ("industry/", "?m bz:industry ?v ."),
    "agency": ("agency/", "{ ?m bz:leadAgency ?v } UNION { ?m bz:participatingAgency ?v }"),
    "lead_agency": ("agency/", "?m bz:leadAgency ?v ."),
    "participating_agency": ("agency/", "?m bz:participatingAgency ?v ."),
    "document": ("doc/", "?m bz:inDocument ?v ."),
    "zone": ("zone/", "?m bz:zone ?v ."),
}


def filter_iri(name: str, value: str) -> str:
    """A filter's value as an IRI: a full IRI as given, or a short key under its id/ folder."""
    if value.startswith(("http://", "https://")):
        return value
    return ID + FILTERS[name][0] + value.strip("/")


@dataclass(frozen=True)
class MeasureSummary:
    link: Link
    document: Link | None
    lead: Link | None
    order: int


def measure_summaries(page: Page, iris: list[str]) -> list[MeasureSummary]:
    """Label, document and lead agency of each measure, in the order given."""
    if not iris:
        return []
    rows = page.select(
        f"SELECT ?m ?d ?lead ?order WHERE {{ {values_block('m', iris)} "
        "OPTIONAL { ?m bz:inDocument ?d } OPTIONAL { ?m bz:leadAgency ?lead } OPTIONAL { ?m bz:order ?order } }"
    )
    info: dict[str, tuple[str | None, str | None, int]] = {}
    for r in rows:
        info.setdefault(r["m"].value, (iri(r, "d"), iri(r, "lead"), integer(r, "order")))
    page.load_labels([*iris, *(x for v in info.values() for x in v[:2] if x)])
    out = []
    for m in iris:
        d, lead, order = info.get(m, (None, None, 0))
        out.append(MeasureSummary(page.link(m), page.link(d) if d else None, page.link(lead) if lead else None, order))
    return out


def filtered_measures(
    page: Page, filters: dict[str, str], limit: int = 50, offset: int = 0
) -> tuple[list[MeasureSummary], int]:
    """Measures matching every filter (name -> IRI), one page of them, and how many match."""
    patterns = []
    bindings: dict[str, NamedNode] = {}
    for name, value in filters.items():
        if name == "province":
            continue
        var = f"f_{name}"
        patterns.append(FILTERS[name][1].replace("?v", f"?{var}"))
        bindings[var] = NamedNode(value)
    docs = ""
    if "province" in filters:  # the province's documents, from memory: `?d bz:province ?p` would
        # also walk every agency and zone of the province, stated once per document graph
        chosen = page.cache.documents_by_province().get(filters["province"], [])
        if not chosen:
            return [], 0
        docs = values_block("d", chosen)
    # bound patterns first: Oxigraph joins in the written order, and a bound agency or business
    # type selects a few measures where `?m a bz:Measure` would select them all
    if patterns:
        where = " ".join(patterns) + " ?m bz:inDocument ?d . " + docs
    elif docs:
        where = docs + " ?m bz:inDocument ?d ."
    else:
        where = "?m a bz:Measure ; bz:inDocument ?d ."
    bound = " ".join(f"?{v}" for v in sorted(bindings))
    group = f"GROUP BY {bound}" if bound else ""
    total_rows = page.select_bound(f"SELECT {bound} (COUNT(DISTINCT ?m) AS ?n) WHERE {{ {where} }} {group}", bindings)
    total = integer(total_rows[0], "n") if total_rows else 0
    rows = page.select_bound(
        f"SELECT DISTINCT ?m ?d ?order {bound} WHERE {{ {where} OPTIONAL {{ ?m bz:order ?order }} }} "
        f"ORDER BY ?d ?order ?m LIMIT {int(limit)} OFFSET {int(offset)}",
        bindings,
    )
    return measure_summaries(page, list(dict.fromkeys(r["m"].value for r in rows))), total


@dataclass
class SectionNode:
    link: Link
    order: int
    children: list[SectionNode] = field(default_factory=list)
    measures: list[MeasureSummary] = field(default_factory=list)


@dataclass
class DocumentTree:
    sections: list[SectionNode]
    measures: list[MeasureSummary]  # measures outside any section
    count: int


def document_tree(page: Page, doc: str) -> DocumentTree:
    node = NamedNode(doc)
    srows = page.select(
        "SELECT DISTINCT ?d ?s ?parent ?order WHERE { ?s bz:sectionOf ?d . "
        "OPTIONAL { ?s bz:parentSection ?parent } OPTIONAL { ?s bz:order ?order } }",
        d=node,
    )
    mrows = page.select(
        "SELECT DISTINCT ?d ?m ?sec ?order WHERE { ?m bz:inDocument ?d . "
        "OPTIONAL { ?m bz:inSection ?sec } OPTIONAL { ?m bz:order ?order } }",
        d=node,
    )
    page.load_labels([r["s"].value for r in srows])
    sections = {r["s"].value: SectionNode(page.link(r["s"].value), integer(r, "order")) for r in srows}
    roots: list[SectionNode] = []
    for r in srows:
        parent = iri(r, "parent")
        target = sections[parent].children if parent in sections else roots
        if sections[r["s"].value] not in target:
            target.append(sections[r["s"].value])
    mrows.sort(key=lambda r: (integer(r, "order"), r["m"].value))
    summaries = measure_summaries(page, list(dict.fromkeys(r["m"].value for r in mrows)))
    by_iri = {s.link.iri: s for s in summaries}
    loose: list[MeasureSummary] = []
    placed: set[str] = set()
    for r in mrows:
        m = r["m"].value
        if m in placed:
            continue
        placed.add(m)
        sec = iri(r, "sec")
        (sections[sec].measures if sec in sections else loose).append(by_iri[m])

    def sort(nodes: list[SectionNode]) -> None:
        nodes.sort(key=lambda n: (n.order, n.link.iri))
        for n in nodes:
            sort(n.children)

    sort(roots)
    return DocumentTree(sections=roots, measures=loose, count=len(placed))
