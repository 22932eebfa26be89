"""Document metadata from the text: title, issuer, number, dates, jurisdiction, status, citations.

Government web pages label their metadata (`文号：`, `成文日期：`); printed documents carry it in a
header (`武汉市人民政府办公厅文件`, the number line), a signature and date, and a printing note
(`2023年5月24日印发`). Labelled fields win; the layout is the fallback.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from rdflib import URIRef

from bzkg.namespaces import BZ
from loader import patterns as P
from loader.structure import Document
from loader.text import Span
from loader.text import normalise as normalised
from loader.vocabulary import Entry, Vocabulary

__all__ = ["Metadata", "extract_metadata"]

_DOC_TYPE = re.compile(r"(通知|意见|方案|措施|办法|规定|决定|细则|计划|政策)(?:\((?:试行|征求意见稿|草案)\))*$")
_ISSUER_LINE = re.compile(r"^(.{2,30}?(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|政府))(?:文件)?$")
_CN_YEARS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5}
_EFFECTIVE = re.compile(r"自\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日起(?:施行|实施|执行)")


@dataclass
class Metadata:
    title: str
    issuer: str | None
    number: str | None
    signed: date | None
    published: date | None
    status: URIRef
    jurisdiction: Entry | None
    province: Entry | None
    valid_from: date | None = None
    valid_until: date | None = None
    validity_years: int | None = None
    cited: list[str] = field(default_factory=list)


def _fields(paragraphs: list[Span]) -> dict[str, str]:
    """Labelled fields of a web page header; a line may hold several (`文号：… 效力状态：…`)."""
    found: dict[str, str] = {}
    for para in paragraphs:
        matches = list(P.FIELD.finditer(para.norm))
        for i, m in enumerate(matches):
            end = matches[i + 1].start() if i + 1 < len(matches) else len(para.norm)
            value = para.text[m.end() : end].strip()
            if value:
                found.setdefault(m.group(1), value)
    return found


def _date(text: str | None) -> date | None:
    m = P.DATE.search(text or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _title(preamble: list[Span], fields: dict[str, str]) -> str | None:
    for key in ("名称", "标题"):
        if key in fields:
            return re.sub(r"\s+", "", fields[key])
    for i, para in enumerate(preamble):
        if "关于" not in para.norm or len(para.norm) > 80 or para.norm.endswith(("。", ":")):
            continue
        parts = [para]
        while not _DOC_TYPE.search(re.sub(r"\s+", "", Span.join(parts, "").norm)) and len(parts) < 4:
            if i + len(parts) >= len(preamble):
                break
            parts.append(preamble[i + len(parts)])
        title = re.sub(r"\s+", "", Span.join(parts, "").text.lstrip("# "))
        following = preamble[i + len(parts)].norm.strip() if i + len(parts) < len(preamble) else ""
        if re.fullmatch(r"\((?:征求意见稿|试行|草案)\)", following):
            title += preamble[i + len(parts)].text.strip()
        if _DOC_TYPE.search(normalised(title)):
            return title
    return None


def _issuer(preamble: list[Span], fields: dict[str, str], title: str | None) -> str | None:
    for key in ("发文机关", "发布机构"):
        if key in fields:
            return fields[key]
    for para in preamble[:6]:
        m = _ISSUER_LINE.match(re.sub(r"\s+", "", para.norm.lstrip("# ")))
        if m and "关于" not in para.norm:
            return m.group(1)
    if title and "关于" in title and not title.startswith("关于"):
        return title.split("关于")[0] or None
    return None


def _number(doc: Document, fields: dict[str, str]) -> str | None:
    for key in ("文号", "发文字号"):
        if key in fields and P.DOC_NUMBER.search(normalised(fields[key])):
            return re.sub(r"\s+", "", fields[key])
    for para in doc.preamble:
        m = P.DOC_NUMBER.fullmatch(para.norm.strip())
        if m:
            return re.sub(r"\s+", "", para.text.strip())
    return None


def _jurisdiction(
    vocab: Vocabulary, issuer: str | None, number: str | None, title: str | None, full_text: str
) -> Entry | None:
    for candidate in (issuer, title):
        if candidate:
            matches = vocab.places.find(normalised(candidate))
            if matches and (matches[0][0] == 0 or candidate is title):
                return vocab.entries[matches[0][2]]
    if number:
        iri = vocab.province_by_abbreviation.get(number[0])
        if iri is not None:
            return vocab.entries[iri]
    # The province the text names most often (cities count for their province).
    counts: Counter[URIRef] = Counter()
    for _, _, iri, _ in vocab.places.find(normalised(full_text)):
        entry = vocab.entries[iri]
        counts[entry.province if BZ.City in entry.types and entry.province else iri] += 1
    if not counts:
        return None
    best = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[0][0]
    return vocab.entries[best]


def _status(title: str, full_norm: str, fields: dict[str, str]) -> URIRef:
    if "征求意见稿" in title or "征求意见稿" in full_norm[:2000]:
        return BZ.Draft
    if "试行" in title:
        return BZ.Trial
    return BZ.InForce


def extract_metadata(doc: Document, vocab: Vocabulary, full_text: str, fallback_title: str) -> Metadata:
    head = doc.preamble
    fields = _fields(head)
    full_norm = normalised(full_text)
    title = _title(head, fields) or fallback_title
    issuer = _issuer(head, fields, title)
    number = _number(doc, fields)
    jurisdiction = _jurisdiction(vocab, issuer, number, title, full_text)
    province = jurisdiction
    if jurisdiction is not None and BZ.City in jurisdiction.types and jurisdiction.province:
        province = vocab.entries.get(jurisdiction.province)
    signed = _date(fields.get("成文日期") or fields.get("发文日期"))
    if signed is None:
        signed = next((_date(p.text) for p in head if P.DATE_LINE.match(p.norm)), None)
    if signed is None:  # signature and date after the measures
        dates = [p.text for p in doc.paragraphs() if P.DATE_LINE.match(p.norm)]
        signed = _date(dates[-1]) if dates else None
    published = _date(fields.get("发布日期"))
    if published is None:
        printed = next((p for p in doc.closing if p.norm.rstrip().endswith("印发")), None)
        published = _date(printed.text) if printed else None
    status = _status(title, full_norm, fields)
    meta = Metadata(title, issuer, number, signed, published, status, jurisdiction, province)
    _validity(meta, full_norm)
    own = normalised(number or "")
    cited = []
    for m in P.DOC_NUMBER.finditer(full_norm):
        text = re.sub(r"\s+", "", full_text[m.start() : m.end()])
        if normalised(text) != own.replace(" ", "") and text not in cited:
            cited.append(text)
    meta.cited = cited
    return meta


def _validity(meta: Metadata, full_norm: str) -> None:
    m = P.VALIDITY.search(full_norm)
    effective = _EFFECTIVE.search(full_norm)
    start = meta.published or meta.signed
    if effective:
        start = date(int(effective.group(1)), int(effective.group(2)), int(effective.group(3)))
    if meta.status != BZ.Draft:
        meta.valid_from = start
    if not m:
        return
    if m.group(1):
        years = int(m.group(1)) if m.group(1).isdigit() else _CN_YEARS.get(m.group(1))
        meta.validity_years = years
        if years and start:
            try:
                meta.valid_until = start.replace(year=start.year + years) - timedelta(days=1)
            except ValueError:  # 29 February
                meta.valid_until = start.replace(year=start.year + years, day=28)
    else:
        meta.valid_until = date(int(m.group(2)), int(m.group(3)), int(m.group(4)))
