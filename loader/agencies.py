"""Resolving a unit as printed in a clause to one agency, in the issuing jurisdiction.

`省商务厅` in a Hubei document is 湖北省商务厅, in a Hunan one 湖南省商务厅; `市商务局` in a Wuhan
document is 武汉市商务局. Known bodies (customs districts, central-bank branches with their old and
new names, companies) come from `ontology/agencies.ttl`; collective units (`相关市州人民政府`,
`各综合保税区`) are recognised by the naming rules of `bz:CollectiveUnit` and are kept apart from
any single body. Types of unknown bodies follow the `bz:nameSuffix` rules of the agency classes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import Literal, URIRef

from bzkg.namespaces import BZ, ID
from loader.naming import slug
from loader.text import normalise
from loader.vocabulary import Entry, Vocabulary

__all__ = ["Agency", "AgencyResolver"]

_AGENCY_CLASSES = (BZ.CustomsDistrict, BZ.FinancialInstitution, BZ.Company)


@dataclass(frozen=True)
class Agency:
    iri: URIRef
    cls: URIRef
    zh: str
    en: str | None
    printed: str
    jurisdiction: URIRef | None
    province: URIRef | None
    department_kind: URIRef | None = None
    known: bool = False


class AgencyResolver:
    def __init__(self, vocab: Vocabulary, jurisdiction: Entry | None, province: Entry | None) -> None:
        self.vocab = vocab
        self.jurisdiction = jurisdiction
        self.province = province
        self.collective_prefixes = vocab.rule_strings(BZ.CollectiveUnit, BZ.namePrefix)
        self.collective_suffixes = vocab.rule_strings(BZ.CollectiveUnit, BZ.nameSuffix)
        self.suffix_rules = sorted(
            ((sfx, cls) for cls in _AGENCY_CLASSES for sfx in vocab.rule_strings(cls, BZ.nameSuffix)),
            key=lambda p: (-len(p[0]), p[0]),
        )

    def resolve(self, printed: str) -> Agency:
        norm = normalise(re.sub(r"\s+", "", printed))
        known = self._known(norm)
        if known is not None:
            return Agency(**{**known.__dict__, "printed": printed})
        if self._is_collective(norm):
            return self._collective(norm, printed)
        place, rest, zone = self._split(norm)
        base = re.sub(r"\([^()]*\)$", "", rest)
        kind = self.vocab.department_kinds.get(base) if base else None
        if zone is not None:  # a zone's own administration: 东湖高新区管委会, or just 东湖高新区
            zh = zone.zh + ("管理委员会" if rest in ("", "管委会", "管理委员会") else rest)
        elif place is None:  # no jurisdiction printed: the name is complete as it stands
            zh, place = norm, self.jurisdiction
        elif kind is not None:
            zh = self._full_name(place, kind)
        elif norm.startswith(("省", "市")):
            zh = place.zh + rest
        else:  # 武汉海关: a place-named body keeps its own name
            zh = norm
        province = None
        if place is not None:
            province = place.iri if BZ.Province in place.types else place.province
        return Agency(
            iri=ID[f"agency/{slug(zh)}"],
            cls=self._classify(zh),
            zh=zh,
            en=self._english(place, kind),
            printed=printed,
            jurisdiction=place.iri if place else None,
            province=province,
            department_kind=kind,
        )

    def _known(self, norm: str) -> Agency | None:
        candidates = [norm]
        base = re.sub(r"\([^()]*\)$", "", norm)
        if base != norm:
            candidates.append(base)
        if self.province and norm.startswith("省"):
            candidates.append(self.province.zh + norm[1:])
        if self.jurisdiction and norm.startswith("市") and BZ.City in self.jurisdiction.types:
            candidates.append(self.jurisdiction.zh + norm[1:])
        for candidate in candidates:
            iri = self.vocab.agencies.get(candidate)
            if iri is not None:
                entry = self.vocab.entries[iri]
                cls = next(
                    (c for c in (*_AGENCY_CLASSES, BZ.CollectiveUnit, BZ.GovernmentBody) if c in entry.types), BZ.Agency
                )
                jurisdiction = entry.city or entry.province
                return Agency(iri, cls, entry.zh, entry.en, norm, jurisdiction, entry.province, known=True)
        return None

    def _is_collective(self, norm: str) -> bool:
        return norm.startswith(tuple(self.collective_prefixes)) or norm.endswith(tuple(self.collective_suffixes))

    def _collective(self, norm: str, printed: str) -> Agency:
        where = self.jurisdiction
        if where is None or norm.startswith(where.zh):
            zh = norm
        else:  # 省级相关职能部门 -> 浙江省级相关职能部门, not 浙江省省级…
            own = where.zh[-1]
            zh = where.zh + (norm[1:] if norm.startswith(own) else norm)
        return Agency(
            iri=ID[f"agency/{slug(zh)}"],
            cls=BZ.CollectiveUnit,
            zh=zh,
            en=None,
            printed=printed,
            jurisdiction=where.iri if where else None,
            province=self.province.iri if self.province else None,
        )

    def _split(self, norm: str) -> tuple[Entry | None, str, Entry | None]:
        """(jurisdiction, rest of the name, zone) of a name; 省/市 stand for the document's own."""
        if norm.startswith("省") and self.province:
            return self.province, norm[1:], None
        if norm.startswith("市") and self.jurisdiction and BZ.City in self.jurisdiction.types:
            return self.jurisdiction, norm[1:], None
        places = self.vocab.places.find(norm)
        if places and places[0][0] == 0:
            _, end, iri, _ = places[0]
            return self.vocab.entries[iri], norm[end:], None
        zones = self.vocab.zones.find(norm)
        if zones and zones[0][0] == 0:
            _, end, iri, _ = zones[0]
            zone = self.vocab.entries[iri]
            where = zone.city or zone.province
            return (self.vocab.entries.get(where) if where else None), norm[end:], zone
        return None, norm, None

    def _classify(self, zh: str) -> URIRef:
        for suffix, cls in self.suffix_rules:
            if zh.endswith(suffix) or (cls == BZ.FinancialInstitution and suffix in zh and "人民银行" in zh):
                return cls
        return BZ.GovernmentBody

    def _city_level(self, place: Entry) -> bool:
        """Cities, and the municipalities that are provinces but name departments as cities do."""
        return BZ.City in place.types or place.zh.endswith("市")

    def _form(self, place: Entry, kind: URIRef, lang: str) -> str | None:
        graph = self.vocab.graph
        if self._city_level(place):
            for value in graph.objects(kind, BZ.cityLevelForm):
                if isinstance(value, Literal) and value.language == lang:
                    return str(value)
        entry = self.vocab.entries[kind]
        return entry.zh if lang == "zh" else entry.en

    def _full_name(self, place: Entry, kind: URIRef) -> str:
        template = self.vocab.graph.value(kind, BZ.fullNameTemplate)
        if template is not None:
            return str(template).replace("{place}", place.zh)
        return place.zh + (self._form(place, kind, "zh") or "")

    def _english(self, place: Entry | None, kind: URIRef | None) -> str | None:
        if place is None or kind is None or not place.en:
            return None
        form = self._form(place, kind, "en")
        return f"{place.en} {form}" if form else None
