"""Routes for documents, measures, agencies, zones, business types, industries and provinces.

Thin: parse and validate parameters, call a service, negotiate the answer. Ids are described in
`api.services.ids` and docs/rest.md (`hubei-2021`, measure `hubei-2021~8`, agency
`hubei-sheng-shangwu-ting`, business type `bonded-repair`, province `hubei`).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from api.deps import StoreDep
from api.services import documents, measures, registry
from api.services.catalog import Scheme
from api.services.ids import ID_PATTERN, MEASURE_ID_PATTERN
from api.services.models import (
    Agency,
    AgencyPage,
    BusinessTypeNode,
    Concept,
    DocumentDetail,
    DocumentPage,
    Measure,
    MeasurePage,
    Province,
    Zone,
    ZonePage,
)

from .deps import MemoDep
from .negotiation import RDF_RESPONSES
from .pagination import Limit, Offset, link_header
from .problems import PROBLEM_RESPONSES, ProblemRoute
from .responses import negotiated

__all__ = ["router"]

router = APIRouter(route_class=ProblemRoute, responses=PROBLEM_RESPONSES)

Id = Annotated[str, Path(pattern=ID_PATTERN, description="The IRI's last segment, e.g. `hubei-2021`.")]
MeasureId = Annotated[
    str, Path(pattern=MEASURE_ID_PATTERN, description="`{document id}~{measure path}`, e.g. `hubei-2021~8`.")
]
IdQuery = Query(pattern=ID_PATTERN, max_length=200)


class Role(StrEnum):
    lead = "lead"
    participating = "participating"


class AgencyKind(StrEnum):
    GovernmentBody = "GovernmentBody"
    CustomsDistrict = "CustomsDistrict"
    FinancialInstitution = "FinancialInstitution"
    Company = "Company"
    CollectiveUnit = "CollectiveUnit"


class ZoneKind(StrEnum):
    ComprehensiveBondedZone = "ComprehensiveBondedZone"
    BondedLogisticsCenter = "BondedLogisticsCenter"
    PilotFreeTradeZone = "PilotFreeTradeZone"
    FreeTradeZoneArea = "FreeTradeZoneArea"
    CrossBorderEcommerceZone = "CrossBorderEcommerceZone"
    ImportTradeDemonstrationZone = "ImportTradeDemonstrationZone"
    DevelopmentZone = "DevelopmentZone"


def _paged(request: Request, page, triples) -> Response:
    headers = {"Link": link_header(request, page.total, page.limit, page.offset), "X-Total-Count": str(page.total)}
    return negotiated(request, page, triples, headers)


# -- documents ------------------------------------------------------------------------------------
@router.get("/documents", response_model=DocumentPage, responses=RDF_RESPONSES, tags=["documents"])
def list_documents(request: Request, store: StoreDep, memo: MemoDep, limit: Limit = 20, offset: Offset = 0):
    """Policy documents ordered by id, with their status, dates and number of measures."""
    page, triples = documents.list_documents(store, limit, offset, memo)
    return _paged(request, page, triples)


@router.get("/documents/{id}", response_model=DocumentDetail, responses=RDF_RESPONSES, tags=["documents"])
def get_document(request: Request, id: Id, store: StoreDep, memo: MemoDep):
    """One document with its measures in reading order."""
    doc, triples = documents.get_document(store, id, memo)
    return negotiated(request, doc, triples)


# -- measures -------------------------------------------------------------------------------------
@router.get("/measures", response_model=MeasurePage, responses=RDF_RESPONSES, tags=["measures"])
def list_measures(
    request: Request,
    store: StoreDep,
    memo: MemoDep,
    business_type: Annotated[
        str | None, Query(pattern=ID_PATTERN, max_length=200, description="Business type code; narrower ones too.")
    ] = None,
    agency: Annotated[str | None, Query(pattern=ID_PATTERN, max_length=200, description="Agency id.")] = None,
    role: Annotated[Role | None, Query(description="With `agency`: only as lead or as participant.")] = None,
    zone: Annotated[str | None, Query(pattern=ID_PATTERN, max_length=200, description="Zone id.")] = None,
    province: Annotated[
        str | None, Query(min_length=1, max_length=50, description="Place id (`hubei`) or name (`湖北省`).")
    ] = None,
    document: Annotated[str | None, Query(pattern=ID_PATTERN, max_length=200, description="Document id.")] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200, description="Substring of the text.")] = None,
    in_force_on: Annotated[
        date | None, Query(description="Only measures of documents in force on this day (not drafts).")
    ] = None,
    limit: Limit = 20,
    offset: Offset = 0,
):
    """Measures in document and reading order, each with its agencies, types, zones, targets and quote."""
    f = measures.MeasureFilter(
        business_type=business_type,
        agency=agency,
        role=role.value if role else None,
        zone=zone,
        province=province,
        document=document,
        q=q,
        in_force_on=in_force_on,
    )
    page, triples = measures.list_measures(store, f, limit, offset, memo)
    return _paged(request, page, triples)


@router.get("/measures/{id}", response_model=Measure, responses=RDF_RESPONSES, tags=["measures"])
def get_measure(request: Request, id: MeasureId, store: StoreDep, memo: MemoDep):
    """One measure: text, responsibility clause, business types, zones, targets and its quote."""
    measure, triples = measures.get_measure(store, id, memo)
    return negotiated(request, measure, triples)


# -- agencies -------------------------------------------------------------------------------------
@router.get("/agencies", response_model=AgencyPage, responses=RDF_RESPONSES, tags=["agencies"])
def list_agencies(
    request: Request,
    store: StoreDep,
    memo: MemoDep,
    province: Annotated[str | None, Query(min_length=1, max_length=50, description="Place id or name.")] = None,
    kind: Annotated[AgencyKind | None, Query(description="Kind of body.")] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=100, description="Substring of a name.")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
):
    """Agencies ordered by id, with how many measures each leads and takes part in."""
    province_iri = measures.resolve_province(store, province, memo) if province else None
    f = registry.AgencyFilter(province=province_iri, kind=kind.value if kind else None, q=q)
    page = registry.list_agencies(store, f, limit, offset, memo)
    return _paged(request, page, lambda: registry.resource_triples(store, [a.iri for a in page.items]))


@router.get("/agencies/{id}", response_model=Agency, responses=RDF_RESPONSES, tags=["agencies"])
def get_agency(request: Request, id: Id, store: StoreDep, memo: MemoDep):
    agency = registry.get_agency(store, id, memo)
    return negotiated(request, agency, lambda: registry.resource_triples(store, [agency.iri]))


# -- zones ----------------------------------------------------------------------------------------
@router.get("/zones", response_model=ZonePage, responses=RDF_RESPONSES, tags=["zones"])
def list_zones(
    request: Request,
    store: StoreDep,
    memo: MemoDep,
    province: Annotated[str | None, Query(min_length=1, max_length=50, description="Place id or name.")] = None,
    kind: Annotated[ZoneKind | None, Query(description="Kind of zone.")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
):
    """Zones ordered by id, with the number of measures naming each."""
    province_iri = measures.resolve_province(store, province, memo) if province else None
    page = registry.list_zones(store, province_iri, kind.value if kind else None, limit, offset, memo)
    return _paged(request, page, lambda: registry.resource_triples(store, [z.iri for z in page.items]))


@router.get("/zones/{id}", response_model=Zone, responses=RDF_RESPONSES, tags=["zones"])
def get_zone(request: Request, id: Id, store: StoreDep, memo: MemoDep):
    zone = registry.get_zone(store, id, memo)
    return negotiated(request, zone, lambda: registry.resource_triples(store, [zone.iri]))


# -- concepts and places --------------------------------------------------------------------------
@router.get("/business-types", response_model=list[BusinessTypeNode], responses=RDF_RESPONSES, tags=["vocabularies"])
def business_types(request: Request, store: StoreDep, memo: MemoDep):
    """The business types as a tree (top concepts, narrower ones nested), with measure counts
    that include narrower types."""
    tree = registry.business_type_tree(store, memo)
    return negotiated(request, tree, lambda: registry.scheme_triples(store, Scheme.BUSINESS_TYPE))


@router.get("/business-types/{code}", response_model=Concept, responses=RDF_RESPONSES, tags=["vocabularies"])
def business_type(
    request: Request,
    code: Annotated[str, Path(pattern=ID_PATTERN, description="skos:notation, e.g. `bonded-repair`.")],
    store: StoreDep,
    memo: MemoDep,
):
    concept = registry.get_concept(store, Scheme.BUSINESS_TYPE, code, memo)
    return negotiated(request, concept, lambda: registry.resource_triples(store, [concept.iri]))


@router.get("/industries", response_model=list[Concept], responses=RDF_RESPONSES, tags=["vocabularies"])
def industries(request: Request, store: StoreDep, memo: MemoDep):
    """Industries (flat, with `broader`/`narrower` codes) and their measure counts."""
    found = registry.list_concepts(store, Scheme.INDUSTRY, memo)
    return negotiated(request, found, lambda: registry.scheme_triples(store, Scheme.INDUSTRY))


@router.get("/industries/{code}", response_model=Concept, responses=RDF_RESPONSES, tags=["vocabularies"])
def industry(
    request: Request,
    code: Annotated[str, Path(pattern=ID_PATTERN, description="skos:notation, e.g. `automotive`.")],
    store: StoreDep,
    memo: MemoDep,
):
    concept = registry.get_concept(store, Scheme.INDUSTRY, code, memo)
    return negotiated(request, concept, lambda: registry.resource_triples(store, [concept.iri]))


@router.get("/provinces", response_model=list[Province], responses=RDF_RESPONSES, tags=["vocabularies"])
def provinces(request: Request, store: StoreDep, memo: MemoDep):
    """Provinces with the number of documents and measures of each."""
    found = registry.list_provinces(store, memo)
    return negotiated(request, found, lambda: registry.resource_triples(store, [p.iri for p in found]))
