"""A document of the genre the loader has never seen: another province, other bracket and clause forms
(【…】, 牵头单位/配合单位, a clause on a line of its own), zones and agencies resolved from the vocabularies."""

from __future__ import annotations

from pathlib import Path

from rdflib import Literal
from rdflib.namespace import DCTERMS

from bzkg.namespaces import BZ, ID
from loader.extract import extract
from loader.source import read_source

DOC = Path(__file__).parent / "data" / "unseen-henan.txt"
M = "https://w3id.org/bzkg/id/doc/unseen-henan/measure/"


def agencies(g, m):  # type: ignore[no-untyped-def]
    entries = sorted(g.objects(m, BZ.responsibility), key=lambda e: int(g.value(e, BZ.order)))
    return [str(g.value(e, BZ.agency)).rsplit("/", 1)[1] for e in entries]


def test_unseen_province_document(vocab):
    g = extract(read_source(DOC), vocab)
    doc = ID["doc/unseen-henan"]
    assert g.value(doc, DCTERMS.identifier) == Literal("豫政办〔2022〕18号")
    assert g.value(doc, BZ.jurisdiction) == ID["place/henan"]
    assert str(g.value(doc, BZ.signed)) == "2022-03-08"
    measures = sorted(str(m) for m in g.subjects(BZ.inDocument, doc))
    assert measures == [M + "1.1", M + "1.2", M + "1.3"]  # 二、保障措施 has no clause: a section
    m1, m2, m3 = (ID[f"doc/unseen-henan/measure/1.{k}"] for k in (1, 2, 3))
    assert agencies(g, m1) == [
        "he-nan-sheng-shang-wu-ting",
        "zhengzhou-haiguan",
        "he-nan-sheng-sheng-tai-huan-jing-ting",
    ]
    assert agencies(g, m2)[0] == "he-nan-sheng-shang-wu-ting" and len(agencies(g, m2)) == 4
    assert agencies(g, m3) == ["he-nan-sheng-ke-xue-ji-shu-ting", "he-nan-sheng-cai-zheng-ting"]
    assert (m1, BZ.businessType, ID["business-type/bonded-repair"]) in g
    assert (m2, BZ.businessType, ID["business-type/parallel-import-vehicles"]) in g
    assert {str(z).rsplit("/", 1)[1] for z in g.objects(m1, BZ.zone)} == {
        "zhengzhou-xinzheng-zonghe-baoshuiqu",
        "luoyang-zonghe-baoshuiqu",
    }
    reward = next(g.objects(m3, BZ.target))
    assert (str(g.value(reward, BZ.unit)), str(g.value(reward, BZ.targetKind))) == ("万元", "reward")
    assert str(g.value(reward, BZ.comparator)) == "at-most"
