"""IRIs of the bzkg vocabulary and of the W3C vocabularies it reuses.

`BZ` is closed: a misspelt term raises instead of minting a wrong IRI. `tests/test_ontology.py`
checks that its terms are exactly the ones `ontology/bzkg.ttl` declares.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["BASE", "BZ", "ELI", "ID", "OA", "ONTOLOGY_IRI", "ORG", "VANN"]

BASE = "https://w3id.org/bzkg"
ONTOLOGY_IRI = URIRef(f"{BASE}/ontology")
ID = Namespace(f"{BASE}/id/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
VANN = Namespace("http://purl.org/vocab/vann/")


class BZ(DefinedNamespace):
    _NS = Namespace(f"{BASE}/ontology#")
    _fail = True

    # classes
    PolicyDocument: URIRef
    Section: URIRef
    Measure: URIRef
    Agency: URIRef
    GovernmentBody: URIRef
    CustomsDistrict: URIRef
    FinancialInstitution: URIRef
    Company: URIRef
    CollectiveUnit: URIRef
    Zone: URIRef
    ComprehensiveBondedZone: URIRef
    BondedLogisticsCenter: URIRef
    PilotFreeTradeZone: URIRef
    FreeTradeZoneArea: URIRef
    CrossBorderEcommerceZone: URIRef
    ImportTradeDemonstrationZone: URIRef
    DevelopmentZone: URIRef
    Target: URIRef
    Responsibility: URIRef
    Mention: URIRef
    SourceText: URIRef
    Place: URIRef
    Province: URIRef
    City: URIRef
    DepartmentKind: URIRef
    Role: URIRef
    DocumentStatus: URIRef
    ZoneStatus: URIRef
    # individuals
    lead: URIRef
    participating: URIRef
    InForce: URIRef
    Trial: URIRef
    Draft: URIRef
    Established: URIRef
    Applying: URIRef
    # object properties
    inDocument: URIRef
    leadAgency: URIRef
    participatingAgency: URIRef
    businessType: URIRef
    zone: URIRef
    target: URIRef
    industry: URIRef
    inSection: URIRef
    parentSection: URIRef
    sectionOf: URIRef
    responsibility: URIRef
    agency: URIRef
    role: URIRef
    mention: URIRef
    mentions: URIRef
    issuer: URIRef
    jurisdiction: URIRef
    province: URIRef
    city: URIRef
    zoneType: URIRef
    zoneStatus: URIRef
    partOfZone: URIRef
    status: URIRef
    cites: URIRef
    source: URIRef
    quote: URIRef
    departmentKind: URIRef
    # annotation properties read by the loader
    nameSuffix: URIRef
    cityLevelForm: URIRef
    fullNameTemplate: URIRef
    namePrefix: URIRef
    # datatype properties
    abbreviation: URIRef
    text: URIRef
    heading: URIRef
    number: URIRef
    order: URIRef
    clauseText: URIRef
    printedAs: URIRef
    surfaceForm: URIRef
    start: URIRef
    end: URIRef
    sha256: URIRef
    encoding: URIRef
    fileName: URIRef
    signed: URIRef
    published: URIRef
    validFrom: URIRef
    validUntil: URIRef
    validityPeriod: URIRef
    citedNumber: URIRef
    value: URIRef
    unit: URIRef
    targetKind: URIRef
    comparator: URIRef
    year: URIRef
    baseYear: URIRef
    targetText: URIRef
