"""A measure as its page shows it: text with its recognised mentions, responsibilities in printed
order with their roles, business types, zones, targets, and its quote in the source text.

    SELECT ?r ?a ?order ?role ?printed WHERE { ?m bz:responsibility ?r . ?r bz:agency ?a … }
    SELECT ?x ?what ?start ?end ?form WHERE { ?m bz:mention ?x . ?x bz:mentions ?what … }
    SELECT ?t ?p ?o WHERE { ?m bz:target ?t . ?t ?p ?o }
    SELECT … WHERE { ?m bz:quote ?q . ?q oa:hasSource ?src ; oa:hasSelector ?sel … }
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import NamedNode

from api.pages.links import VOCAB
from api.pages.views.core import Link, Page, integer, text
from api.pages.views.resource import Resource
from api.pages.views.source import QuoteContext, SourceTexts, context_around

__all__ = ["MeasureView", "QuoteView", "ResponsibilityView", "Segment", "TargetView", "measure_view", "quote_view"]

OA = "http://www.w3.org/ns/oa#"


@dataclass(frozen=True)
class Segment:
    text: str
    link: Link | None = None


@dataclass(frozen=True)
class ResponsibilityView:
    agency: Link
    order: int
    role: str  # "lead" or "participating"
    printed_as: str | None


@dataclass(frozen=True)
class TargetView:
    link: Link
    text: str | None
    value: str | None
    unit: str | None
    year: str | None
    kind: str | None
    comparator: str | None


@dataclass(frozen=True)
class QuoteView:
    verified: bool
    context: QuoteContext | None
    exact: str | None
    prefix: str | None
    suffix: str | None
    source: Link | None
    file_name: str | None
    sha256: str | None
    start: int | None
    end: int | None


@dataclass
class MeasureView:
    segments: list[Segment]
    clause: str | None
    document: Link | None
    document_number: str | None
    sections: list[Link]  # outermost first
    responsibilities: list[ResponsibilityView]
    business_types: list[Link] = field(default_factory=list)
    industries: list[Link] = field(default_factory=list)
    zones: list[Link] = field(default_factory=list)
    targets: list[TargetView] = field(default_factory=list)
    quote: QuoteView | None = None

    @property
    def lead(self) -> list[ResponsibilityView]:
        return [r for r in self.responsibilities if r.role == "lead"]


def _links(res: Resource, prop: str) -> list[Link]:
    return [v.link for v in res.all(VOCAB + prop) if v.link is not None]


def _segments(page: Page, body: str, node: NamedNode) -> list[Segment]:
    rows = page.select(
        "SELECT ?m ?x ?what ?start ?end ?form WHERE { ?m bz:mention ?x . ?x bz:mentions ?what ; "
        "bz:start ?start ; bz:end ?end . OPTIONAL { ?x bz:surfaceForm ?form } }",
        m=node,
    )
    spans = sorted(
        {(integer(r, "start"), integer(r, "end"), r["what"].value) for r in rows if "what" in r},
        key=lambda s: (s[0], -s[1]),
    )
    page.load_labels(s[2] for s in spans)
    out: list[Segment] = []
    at = 0
    for start, end, what in spans:
        if start < at or not 0 <= start < end <= len(body):
            continue
        if start > at:
            out.append(Segment(body[at:start]))
        out.append(Segment(body[start:end], page.link(what)))
        at = end
    if at < len(body):
        out.append(Segment(body[at:]))
    return out


def _responsibilities(page: Page, res: Resource, node: NamedNode) -> list[ResponsibilityView]:
    rows = page.select(
        "SELECT ?m ?r ?a ?order ?role ?printed WHERE { ?m bz:responsibility ?r . ?r bz:agency ?a . "
        "OPTIONAL { ?r bz:order ?order } OPTIONAL { ?r bz:role ?role } OPTIONAL { ?r bz:printedAs ?printed } }",
        m=node,
    )
    page.load_labels(r["a"].value for r in rows)
    seen: set[str] = set()
    views: list[ResponsibilityView] = []
    for r in sorted(rows, key=lambda r: (integer(r, "order", 999), r["r"].value)):
        if r["r"].value in seen:
            continue
        seen.add(r["r"].value)
        role = "lead" if text(r, "role") == f"{VOCAB}lead" else "participating"
        views.append(ResponsibilityView(page.link(r["a"].value), integer(r, "order"), role, text(r, "printed")))
    if not views:  # no qualified entries: fall back to the direct links
        views = [ResponsibilityView(a, 1, "lead", None) for a in _links(res, "leadAgency")]
        views += [
            ResponsibilityView(a, i + 2, "participating", None)
            for i, a in enumerate(_links(res, "participatingAgency"))
        ]
    return views


def _targets(page: Page, node: NamedNode) -> list[TargetView]:
    rows = page.select("SELECT ?m ?t ?p ?o WHERE { ?m bz:target ?t . ?t ?p ?o }", m=node)
    props: dict[str, dict[str, str]] = {}
    for r in rows:
        props.setdefault(r["t"].value, {})[r["p"].value.removeprefix(VOCAB)] = r["o"].value
    return [
        TargetView(
            link=page.link(t, label=p.get("targetText") or t.rsplit("/", 1)[-1]),
            text=p.get("targetText"),
            value=p.get("value"),
            unit=p.get("unit"),
            year=p.get("year"),
            kind=p.get("targetKind"),
            comparator=p.get("comparator"),
        )
        for t, p in sorted(props.items())
    ]


def quote_view(page: Page, node: NamedNode, sources: SourceTexts) -> QuoteView | None:
    # two small queries, not one with OPTIONALs: a source is described in every graph that cites
    # it, and OPTIONAL joins over the union default graph would multiply those copies
    selectors = page.select(
        "SELECT DISTINCT ?m ?p ?o WHERE { ?m bz:quote ?q . ?q oa:hasSelector ?sel . ?sel ?p ?o }", m=node
    )
    if not selectors:
        return None
    source_rows = page.select(
        "SELECT DISTINCT ?m ?src ?p ?o WHERE { ?m bz:quote ?q . ?q oa:hasSource ?src . ?src ?p ?o }", m=node
    )
    got: dict[str, str] = {}
    for r in selectors:
        got.setdefault(r["p"].value.removeprefix(OA), r["o"].value)
    for r in source_rows:
        got.setdefault("src", r["src"].value)
        got.setdefault(r["p"].value.removeprefix(VOCAB), r["o"].value)
    got = {
        "start": got.get("start"),
        "end": got.get("end"),
        "exact": got.get("exact"),
        "prefix": got.get("prefix"),
        "suffix": got.get("suffix"),
        "src": got.get("src"),
        "file": got.get("fileName"),
        "sha": got.get("sha256"),
        "enc": got.get("encoding"),
    }
    got = {k: v for k, v in got.items() if v is not None}
    start = int(got["start"]) if "start" in got else None
    end = int(got["end"]) if "end" in got else None
    context = None
    if got.get("file") and got.get("sha") and start is not None and end is not None:
        source_text = sources.text(got["file"], got["sha"], got.get("enc", "utf-8"))
        if source_text is not None:
            context = context_around(source_text, start, end)
    return QuoteView(
        verified=context is not None,
        context=context,
        exact=got.get("exact"),
        prefix=got.get("prefix"),
        suffix=got.get("suffix"),
        source=page.link(got["src"]) if "src" in got else None,
        file_name=got.get("file"),
        sha256=got.get("sha"),
        start=start,
        end=end,
    )


def section_chain(page: Page, section: str | None) -> list[Link]:
    """The section and its ancestors, outermost first."""
    if section is None:
        return []
    rows = page.select("SELECT ?s ?p WHERE { ?s bz:parentSection* ?p }", s=NamedNode(section))
    chain = [r["p"].value for r in rows]
    chain.sort(key=lambda i: (i.count("."), len(i), i))
    return page.links(chain)


def measure_view(page: Page, res: Resource, sources: SourceTexts) -> MeasureView:
    node = NamedNode(res.iri)
    body = res.first(VOCAB + "text")
    clause = res.first(VOCAB + "clauseText")
    docs = _links(res, "inDocument")
    number = None
    if docs:
        rows = page.select("SELECT ?d ?n WHERE { ?d dcterms:identifier ?n } LIMIT 1", d=NamedNode(docs[0].iri))
        number = text(rows[0], "n") if rows else None
    sections = _links(res, "inSection")
    return MeasureView(
        segments=_segments(page, body.text, node) if body else [],
        clause=clause.text if clause and (not body or clause.text not in body.text) else None,
        document=docs[0] if docs else None,
        document_number=number,
        sections=section_chain(page, sections[0].iri if sections else None),
        responsibilities=_responsibilities(page, res, node),
        business_types=_links(res, "businessType"),
        industries=_links(res, "industry"),
        zones=_links(res, "zone"),
        targets=_targets(page, node),
        quote=quote_view(page, node, sources),
    )
