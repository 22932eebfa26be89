"""Recognising business types, industries and zones in a measure's text, from the vocabularies.

Surface forms are the SKOS labels of `ontology/`; matching is leftmost-longest. Zones are also
found in coordinated forms (`宜昌、襄阳综合保税区` names two zones) and, when a name built from a
known place and a zone-type suffix (`bz:nameSuffix`) is not in the gazetteer, minted from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import URIRef

from bzkg.namespaces import BZ, ID
from loader.naming import slug
from loader.vocabulary import LabelMatcher, Vocabulary

__all__ = ["Mention", "NewZone", "find_concepts", "find_zones"]

# Words that say a zone is still being applied for or upgraded into.
_APPLYING = re.compile(r"申报|申请设立|争取设立|升级为|获批设立|加快设立")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    iri: URIRef
    surface: str


@dataclass(frozen=True)
class NewZone:
    """A zone named in the text but absent from the gazetteer."""

    iri: URIRef
    cls: URIRef
    zh: str
    province: URIRef | None
    city: URIRef | None


def find_concepts(matcher: LabelMatcher, norm: str, text: str) -> list[Mention]:
    return [Mention(a, b, iri, text[a:b]) for a, b, iri, _ in matcher.find(norm)]


def _zone_label_ending(vocab: Vocabulary, norm: str, end: int, suffix: str) -> tuple[int, URIRef] | None:
    """A gazetteer zone `X + suffix` whose X ends at `end` (a conjunct before 、)."""
    for length in range(12, 0, -1):
        start = end - length
        if start < 0:
            continue
        iri = vocab.zones.get(norm[start:end] + suffix)
        if iri is not None:
            return start, iri
    return None


def _place_prefix_start(vocab: Vocabulary, norm: str, end: int) -> tuple[int, URIRef] | None:
    """The start of the longest run ending at `end` that begins with a place name: 荆门 in 推动荆门."""
    floor = max(0, end - 10)
    for i in range(end - 1, floor - 1, -1):
        if not ("\u4e00" <= norm[i] <= "\u9fff"):
            floor = i + 1
            break
    for start in range(floor, end):
        for a, _b, iri, _ in vocab.places.find(norm[start:end]):
            if a == 0:
                return start, iri
    return None


def find_zones(vocab: Vocabulary, norm: str, text: str) -> tuple[list[Mention], list[NewZone], set[URIRef]]:
    """Zone mentions, zones minted from the text, and zones the text says are being applied for."""
    mentions = [Mention(a, b, iri, text[a:b]) for a, b, iri, _ in vocab.zones.find(norm)]
    covered = [(m.start, m.end) for m in mentions]
    minted: list[NewZone] = []
    for suffix, cls in vocab.zone_suffixes:
        for occurrence in re.finditer(re.escape(suffix), norm):
            s_start, s_end = occurrence.span()
            if any(a <= s_start and s_end <= b for a, b in covered):
                head = next(m for m in mentions if m.start <= s_start and s_end <= m.end)
                conj_end = head.start
            else:
                prefix = _place_prefix_start(vocab, norm, s_start)
                if prefix is None:
                    continue
                start, place_iri = prefix
                name = norm[start:s_end]
                zone = _mint(vocab, name, cls, place_iri)
                minted.append(zone)
                mentions.append(Mention(start, s_end, zone.iri, text[start:s_end]))
                covered.append((start, s_end))
                conj_end = start
            # Walk back over coordinated conjuncts: 宜昌、襄阳综合保税区.
            while conj_end > 0 and norm[conj_end - 1] == "、":
                found = _zone_label_ending(vocab, norm, conj_end - 1, suffix)
                if found is None:
                    prefix = _place_prefix_start(vocab, norm, conj_end - 1)
                    if prefix is None:
                        break
                    start, place_iri = prefix
                    zone = _mint(vocab, norm[start : conj_end - 1] + suffix, cls, place_iri)
                    minted.append(zone)
                    found = (start, zone.iri)
                start, iri = found
                if any(a <= start < b for a, b in covered):
                    break
                mentions.append(Mention(start, conj_end - 1, iri, text[start : conj_end - 1]))
                covered.append((start, conj_end - 1))
                conj_end = start
    applying = {m.iri for m in mentions if _APPLYING.search(_sentence(norm, m.start, m.end))}
    return sorted(mentions, key=lambda m: (m.start, m.end)), minted, applying


def _sentence(norm: str, start: int, end: int) -> str:
    left = max(norm.rfind(c, 0, start) for c in "。;,")
    right = min((i for i in (norm.find(c, end) for c in "。;,") if i >= 0), default=len(norm))
    return norm[left + 1 : right]


def _mint(vocab: Vocabulary, name: str, cls: URIRef, place_iri: URIRef) -> NewZone:
    place = vocab.entries[place_iri]
    is_city = BZ.City in place.types
    province = place.province if is_city else place_iri
    return NewZone(ID[f"zone/{slug(name)}"], cls, name, province, place_iri if is_city else None)
