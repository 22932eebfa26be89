"""What the services return: plain dataclasses, used as API models by the REST layer as they are."""

from __future__ import annotations

from dataclasses import dataclass, field

from .terms import Label

__all__ = [
    "Agency",
    "AgencyPage",
    "BusinessTypeNode",
    "Concept",
    "Document",
    "DocumentDetail",
    "DocumentPage",
    "Label",
    "Measure",
    "MeasurePage",
    "MeasureRef",
    "Province",
    "Quote",
    "Ref",
    "Responsibility",
    "Source",
    "Target",
    "Zone",
    "ZonePage",
]


@dataclass(frozen=True)
class Ref:
    """A link to another resource: its public id (a code for concepts), IRI and labels."""

    id: str | None
    iri: str
    label: Label


@dataclass(frozen=True)
class Responsibility:
    """One entry of a responsibility clause, in printed order."""

    order: int | None
    role: str | None  # "lead" | "participating"
    agency: Ref | None
    printed_as: str | None


@dataclass(frozen=True)
class Target:
    iri: str
    value: float | int | str | None
    unit: str | None
    year: int | None
    base_year: int | None
    kind: str | None
    comparator: str | None
    text: str | None


@dataclass(frozen=True)
class Source:
    """The source file a document was read from."""

    iri: str
    sha256: str | None
    file_name: str | None
    encoding: str | None


@dataclass(frozen=True)
class Quote:
    """Where a measure stands in its source text (Web Annotation selectors)."""

    iri: str
    source: Source | None
    start: int | None
    end: int | None
    exact: str | None
    prefix: str | None
    suffix: str | None


@dataclass(frozen=True)
class Measure:
    id: str
    iri: str
    label: Label
    document: Ref
    number: str | None
    order: int | None
    heading: str | None
    text: str | None
    clause_text: str | None
    lead_agency: Ref | None
    participating_agencies: list[Ref]
    responsibilities: list[Responsibility]
    business_types: list[Ref]
    industries: list[Ref]
    zones: list[Ref]
    targets: list[Target]
    quote: Quote | None


@dataclass(frozen=True)
class MeasureRef:
    id: str
    iri: str
    label: Label
    number: str | None
    order: int | None
    heading: str | None


@dataclass(frozen=True)
class Document:
    id: str
    iri: str
    title: Label
    identifier: str | None
    status: str | None  # "in-force" | "trial" | "draft"
    issuer: Ref | None
    province: Ref | None
    jurisdiction: Ref | None
    signed: str | None
    published: str | None
    valid_from: str | None
    valid_until: str | None
    validity_period: str | None
    cited_numbers: list[str]
    source: Source | None
    measure_count: int


@dataclass(frozen=True)
class DocumentDetail(Document):
    measures: list[MeasureRef] = field(default_factory=list)


@dataclass(frozen=True)
class Agency:
    id: str
    iri: str
    label: Label
    alt_labels: list[str]
    kind: str  # the most specific bz: class, e.g. "GovernmentBody"
    province: Ref | None
    jurisdiction: Ref | None
    department_kind: str | None
    measures_led: int
    measures_participating: int


@dataclass(frozen=True)
class Zone:
    id: str
    iri: str
    label: Label
    alt_labels: list[str]
    kinds: list[str]  # bz: classes below bz:Zone, e.g. ["ComprehensiveBondedZone"]
    status: str | None  # "established" | "applying"
    province: Ref | None
    city: Ref | None
    part_of: Ref | None
    measure_count: int


@dataclass(frozen=True)
class Concept:
    """A business type or an industry: `code` is its skos:notation (and the end of its IRI)."""

    code: str
    iri: str
    label: Label
    alt_labels: list[str]
    broader: list[str]
    narrower: list[str]
    measure_count: int  # measures of this concept or a narrower one
    direct_measure_count: int


@dataclass(frozen=True)
class BusinessTypeNode:
    code: str
    iri: str
    label: Label
    measure_count: int
    children: list[BusinessTypeNode]


@dataclass(frozen=True)
class Province:
    id: str
    iri: str
    label: Label
    alt_labels: list[str]
    abbreviation: str | None
    document_count: int
    measure_count: int


@dataclass(frozen=True)
class _Page:
    total: int
    limit: int
    offset: int


@dataclass(frozen=True)
class MeasurePage(_Page):
    items: list[Measure]


@dataclass(frozen=True)
class DocumentPage(_Page):
    items: list[Document]


@dataclass(frozen=True)
class AgencyPage(_Page):
    items: list[Agency]


@dataclass(frozen=True)
class ZonePage(_Page):
    items: list[Zone]
