"""One source document -> its RDF graph (the facts of `docs/model.md`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from bzkg.namespaces import BZ, ID, OA
from loader.agencies import Agency, AgencyResolver
from loader.metadata import Metadata, extract_metadata
from loader.recognition import Mention, NewZone, find_concepts, find_zones
from loader.source import LoaderError, Source
from loader.structure import Document, MeasureSpan, Node, parse_structure
from loader.targets import find_targets
from loader.text import Span, paragraphs
from loader.vocabulary import Vocabulary

__all__ = ["document_iri", "extract"]

_QUOTE_CONTEXT = 32


def document_iri(stem: str) -> URIRef:
    return ID[f"doc/{stem}"]


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


class _Writer:
    def __init__(self, source: Source, vocab: Vocabulary) -> None:
        self.source = source
        self.vocab = vocab
        self.g = Graph()
        self.doc = document_iri(source.stem)
        self.source_iri = ID[f"source/{source.sha256}"]
        self.warnings: list[str] = []

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.g.add((s, p, o))

    # -- document -------------------------------------------------------------------------
    def document(self, meta: Metadata, resolver: AgencyResolver, corpus: Mapping[str, URIRef]) -> None:
        d = self.doc
        self.add(d, RDF.type, BZ.PolicyDocument)
        self.add(d, DCTERMS.title, _zh(meta.title))
        self.add(d, RDFS.label, _zh(meta.title))
        if meta.number:
            self.add(d, DCTERMS.identifier, Literal(meta.number))
        if meta.issuer:
            issuer = resolver.resolve(meta.issuer)
        elif meta.jurisdiction is not None:
            issuer = resolver.resolve(meta.jurisdiction.zh + "人民政府")
        else:
            issuer = None
        if issuer is not None:
            self.add(d, BZ.issuer, issuer.iri)
            self.agency(issuer)
        if meta.jurisdiction is not None:
            self.add(d, BZ.jurisdiction, meta.jurisdiction.iri)
        if meta.province is not None:
            self.add(d, BZ.province, meta.province.iri)
        for prop, value in (
            (BZ.signed, meta.signed),
            (BZ.published, meta.published),
            (BZ.validFrom, meta.valid_from),
            (BZ.validUntil, meta.valid_until),
        ):
            if value is not None:
                self.add(d, prop, Literal(value.isoformat(), datatype=XSD.date))
        if meta.validity_years:
            self.add(d, BZ.validityPeriod, Literal(f"P{meta.validity_years}Y", datatype=XSD.duration))
        self.add(d, BZ.status, meta.status)
        for number in meta.cited:
            self.add(d, BZ.citedNumber, Literal(number))
            if corpus.get(number, d) != d:
                self.add(d, BZ.cites, corpus[number])
        self.add(d, BZ.source, self.source_iri)
        s = self.source_iri
        self.add(s, RDF.type, BZ.SourceText)
        self.add(s, BZ.sha256, Literal(self.source.sha256, datatype=XSD.hexBinary))
        self.add(s, BZ.fileName, Literal(self.source.path.name))
        self.add(s, BZ.encoding, Literal(self.source.encoding))
        self.add(s, RDFS.label, Literal(self.source.path.name))

    # -- sections -------------------------------------------------------------------------
    def section_iri(self, node: Node) -> URIRef:
        return URIRef(f"{self.doc}/section/{node.path}")

    def sections(self, nodes: Iterable[Node], order: dict[Node, int], sections: set[Node]) -> None:
        for node in nodes:
            iri = self.section_iri(node)
            self.add(iri, RDF.type, BZ.Section)
            self.add(iri, BZ.sectionOf, self.doc)
            self.add(iri, BZ.order, Literal(order[node]))
            if node.number:
                self.add(iri, BZ.number, Literal(node.number))
            heading = node.heading or node.first.text[:24]
            self.add(iri, BZ.heading, _zh(heading))
            self.add(iri, RDFS.label, _zh(f"{node.first.text[: node.marker_length].strip('# ')}{heading}"))
            parent = node.parent
            while parent is not None and parent not in sections:
                parent = parent.parent
            if parent is not None:
                self.add(iri, BZ.parentSection, self.section_iri(parent))
            self.quote(iri, node.own_text())

    # -- measures -------------------------------------------------------------------------
    def measure(
        self, m: MeasureSpan, order: int, meta: Metadata, resolver: AgencyResolver, section: Node | None
    ) -> None:
        iri = URIRef(f"{self.doc}/measure/{m.path}")
        text = m.text
        self.add(iri, RDF.type, BZ.Measure)
        self.add(iri, BZ.inDocument, self.doc)
        self.add(iri, BZ.order, Literal(order))
        if section is not None:
            self.add(iri, BZ.inSection, self.section_iri(section))
        if m.node.number and not m.node.title_only:
            self.add(iri, BZ.number, Literal(m.node.number))
        heading = m.node.heading if not m.node.title_only or m.path.count(".c") == 0 else ""
        if heading:
            self.add(iri, BZ.heading, _zh(heading))
        label = heading or text.text[:30].strip()
        self.add(iri, RDFS.label, _zh(f"{m.path} {label}"))
        self.add(iri, RDFS.label, Literal(f"Measure {m.path} of {meta.number or meta.title}", lang="en"))
        self.add(iri, BZ.text, _zh(text.text))
        clause = m.clause
        if clause.unbalanced:
            line = self.source.text.count("\n", 0, text.offsets[clause.start]) + 1
            self.warnings.append(f"{self.source.path}:{line}: responsibility clause without its closing bracket")
        self.add(iri, BZ.clauseText, _zh(text.text[clause.start : clause.end]))
        for rank, printed in enumerate(clause.unit_texts(text.text), start=1):
            agency = resolver.resolve(printed)
            self.agency(agency)
            entry = URIRef(f"{iri}/responsibility/{rank}")
            self.add(iri, BZ.responsibility, entry)
            self.add(entry, RDF.type, BZ.Responsibility)
            self.add(entry, BZ.agency, agency.iri)
            self.add(entry, BZ.order, Literal(rank))
            self.add(entry, BZ.role, BZ.lead if rank == 1 else BZ.participating)
            self.add(entry, BZ.printedAs, Literal(printed))
            self.add(iri, BZ.leadAgency if rank == 1 else BZ.participatingAgency, agency.iri)
        body = text.norm[: clause.start] + " " * (clause.end - clause.start) + text.norm[clause.end :]
        mentions: list[Mention] = []
        for prop, matcher in ((BZ.businessType, self.vocab.business_types), (BZ.industry, self.vocab.industries)):
            for mention in find_concepts(matcher, body, text.text):
                self.add(iri, prop, mention.iri)
                mentions.append(mention)
        zones, minted, applying = find_zones(self.vocab, body, text.text)
        for zone in minted:
            self.new_zone(zone)
        for mention in zones:
            self.add(iri, BZ.zone, mention.iri)
            if mention.iri in applying and self.vocab.graph.value(mention.iri, BZ.zoneStatus) is None:
                self.add(mention.iri, BZ.zoneStatus, BZ.Applying)
        mentions.extend(zones)
        for k, mention in enumerate(sorted(mentions, key=lambda x: (x.start, x.end, str(x.iri))), start=1):
            node = URIRef(f"{iri}/mention/{k}")
            self.add(iri, BZ.mention, node)
            self.add(node, RDF.type, BZ.Mention)
            self.add(node, BZ.mentions, mention.iri)
            self.add(node, BZ.surfaceForm, Literal(mention.surface))
            self.add(node, BZ.start, Literal(mention.start))
            self.add(node, BZ.end, Literal(mention.end))
        for k, target in enumerate(find_targets(body, text.text), start=1):
            node = URIRef(f"{iri}/target/{k}")
            self.add(iri, BZ.target, node)
            self.add(node, RDF.type, BZ.Target)
            self.add(node, BZ.value, Literal(target.value, datatype=XSD.decimal))
            self.add(node, BZ.unit, Literal(target.unit))
            self.add(node, BZ.targetKind, Literal(target.kind))
            self.add(node, BZ.comparator, Literal(target.comparator))
            self.add(node, BZ.targetText, _zh(target.text))
            self.add(node, RDFS.label, _zh(target.text))
            if target.year:
                self.add(node, BZ.year, Literal(str(target.year), datatype=XSD.gYear))
            if target.base_year:
                self.add(node, BZ.baseYear, Literal(str(target.base_year), datatype=XSD.gYear))
        self.quote(iri, text)

    def quote(self, iri: URIRef, text: Span) -> None:
        if not text.offsets:
            return
        quote = URIRef(f"{iri}/quote")
        position = URIRef(f"{quote}/position")
        selector = URIRef(f"{quote}/text")
        start, end = text.start, text.end
        raw = self.source.text
        self.add(iri, BZ.quote, quote)
        self.add(quote, RDF.type, OA.SpecificResource)
        self.add(quote, OA.hasSource, self.source_iri)
        self.add(quote, OA.hasSelector, position)
        self.add(quote, OA.hasSelector, selector)
        self.add(position, RDF.type, OA.TextPositionSelector)
        self.add(position, OA.start, Literal(start))
        self.add(position, OA.end, Literal(end))
        self.add(selector, RDF.type, OA.TextQuoteSelector)
        self.add(selector, OA.exact, Literal(raw[start:end]))
        self.add(selector, OA.prefix, Literal(raw[max(0, start - _QUOTE_CONTEXT) : start]))
        self.add(selector, OA.suffix, Literal(raw[end : end + _QUOTE_CONTEXT]))

    # -- things named ---------------------------------------------------------------------
    def agency(self, agency: Agency) -> None:
        if agency.known:
            if agency.printed != agency.zh:
                self.add(agency.iri, SKOS.altLabel, _zh(agency.printed))
            return
        a = agency.iri
        self.add(a, RDF.type, agency.cls)
        self.add(a, SKOS.prefLabel, _zh(agency.zh))
        if agency.en:
            self.add(a, SKOS.prefLabel, Literal(agency.en, lang="en"))
        if agency.printed != agency.zh:
            self.add(a, SKOS.altLabel, _zh(agency.printed))
        if agency.jurisdiction is not None:
            self.add(a, BZ.jurisdiction, agency.jurisdiction)
        if agency.province is not None:
            self.add(a, BZ.province, agency.province)
        if agency.department_kind is not None:
            self.add(a, BZ.departmentKind, agency.department_kind)

    def new_zone(self, zone: NewZone) -> None:
        self.add(zone.iri, RDF.type, BZ.Zone)
        self.add(zone.iri, RDF.type, zone.cls)
        self.add(zone.iri, SKOS.prefLabel, _zh(zone.zh))
        if zone.province is not None:
            self.add(zone.iri, BZ.province, zone.province)
        if zone.city is not None:
            self.add(zone.iri, BZ.city, zone.city)


def extract(
    source: Source,
    vocab: Vocabulary,
    warnings: list[str] | None = None,
    corpus: Mapping[str, URIRef] | None = None,
) -> Graph:
    """The graph of one document; warnings about the text are appended to `warnings`. `corpus` maps
    document numbers to the documents of the corpus, for bz:cites."""
    paras = paragraphs(source.text)
    if not paras:
        raise LoaderError(source.path, "no text left after removing page debris")
    doc: Document = parse_structure(paras)
    meta = extract_metadata(doc, vocab, source.text, source.stem)
    resolver = AgencyResolver(vocab, meta.jurisdiction, meta.province)
    writer = _Writer(source, vocab)
    writer.document(meta, resolver, corpus or {})
    sections = doc.sections()
    section_set = set(sections)
    order = {node: i for i, node in enumerate(sections, start=1)}
    writer.sections(sections, order, section_set)
    for k, m in enumerate(doc.measures, start=1):
        node: Node | None = m.node
        while node is not None and node not in section_set:
            node = node.parent
        writer.measure(m, k, meta, resolver, node)
    if not doc.measures:
        writer.warnings.append(f"{source.path}: no responsibility clause found, so no measures")
    if warnings is not None:
        warnings.extend(writer.warnings)
    return writer.g
