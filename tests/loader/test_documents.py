"""The loader on the five real documents, checked against their text."""

from __future__ import annotations

import pytest
from rdflib import RDF, SKOS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from bzkg.namespaces import BZ, ID
from tests.loader.conftest import measure


def zh(graph: Graph, vocab, iri: URIRef) -> str:  # type: ignore[no-untyped-def]
    for label in graph.objects(iri, SKOS.prefLabel):
        if isinstance(label, Literal) and label.language == "zh":
            return str(label)
    return vocab.label(iri)


def agencies(graph: Graph, vocab, m: URIRef) -> list[str]:  # type: ignore[no-untyped-def]
    entries = sorted(graph.objects(m, BZ.responsibility), key=lambda e: int(graph.value(e, BZ.order)))
    return [zh(graph, vocab, graph.value(e, BZ.agency)) for e in entries]


@pytest.mark.parametrize(
    ("stem", "count"),
    [("hubei-2021", 15), ("hunan-2024", 16), ("jilin-2021", 20), ("wuhan-2023", 22), ("zhejiang-draft", 41)],
)
def test_measure_counts(graphs, stem, count):
    assert len(set(graphs[stem].subjects(BZ.inDocument, None))) == count


def test_hubei_measure_8_agencies_in_order(graphs, vocab):
    g = graphs["hubei-2021"]
    m = measure(g, "hubei-2021", "8")
    # （责任单位：省商务厅、省经信厅、省生态环境厅，武汉海关，相关市州人民政府）
    assert agencies(g, vocab, m) == [
        "湖北省商务厅",
        "湖北省经济和信息化厅",
        "湖北省生态环境厅",
        "武汉海关",
        "湖北省相关市州人民政府",
    ]
    assert g.value(m, BZ.leadAgency) == ID["agency/hu-bei-sheng-shang-wu-ting"]
    assert len(set(g.objects(m, BZ.participatingAgency))) == 4


def test_hubei_measure_11_led_by_customs(graphs, vocab):
    g = graphs["hubei-2021"]
    assert agencies(g, vocab, measure(g, "hubei-2021", "11"))[0] == "武汉海关"


def test_same_printed_form_resolves_by_jurisdiction(graphs, vocab):
    hubei = graphs["hubei-2021"].value(measure(graphs["hubei-2021"], "hubei-2021", "1"), BZ.leadAgency)
    hunan = graphs["hunan-2024"].value(measure(graphs["hunan-2024"], "hunan-2024", "2.1.2"), BZ.leadAgency)
    assert zh(graphs["hubei-2021"], vocab, hubei) == "湖北省商务厅"
    assert zh(graphs["hunan-2024"], vocab, hunan) == "湖南省商务厅"
    assert (hubei, SKOS.altLabel, Literal("省商务厅", lang="zh")) in graphs["hubei-2021"]


def test_city_document_resolves_city_departments(graphs, vocab):
    g = graphs["wuhan-2023"]
    # 18. …（责任单位:市地方金融局,人行武汉分行营管部）
    names = agencies(g, vocab, measure(g, "wuhan-2023", "3.5.18"))
    assert names[0] == "武汉市地方金融监督管理局"
    assert len(names) == 2


def test_hunan_nested_bracket_clause(graphs, vocab):
    g = graphs["hunan-2024"]
    # 7. …[责任单位：省商务厅、省财政厅、省市场监管局、长沙海关、省税务局、
    #      中国人民银行湖南省分行（国家外汇管理局湖南省分局）］
    names = agencies(g, vocab, measure(g, "hunan-2024", "2.3.7"))
    assert names[:5] == ["湖南省商务厅", "湖南省财政厅", "湖南省市场监督管理局", "长沙海关", "国家税务总局湖南省税务局"]
    assert "中国人民银行湖南省分行" in names[5]
    assert len(names) == 6


def test_hunan_sub_items_share_the_clause_of_item_16(graphs):
    g = graphs["hunan-2024"]
    m = measure(g, "hunan-2024", "3.16")
    text = str(g.value(m, BZ.text))
    assert "（5）综合保税区进境监管场地" in text
    values = {(str(g.value(t, BZ.value)), str(g.value(t, BZ.unit))) for t in g.objects(m, BZ.target)}
    assert ("50", "万元") in values and ("500", "万元") in values


def test_zhejiang_several_clauses_in_one_item(graphs, vocab):
    g = graphs["zhejiang-draft"]
    first = measure(g, "zhejiang-draft", "2.1.c1")
    second = measure(g, "zhejiang-draft", "2.1.c2")
    # The remark "排在第一位的部门为牵头部门，下同" is not a unit.
    assert agencies(g, vocab, first) == ["浙江省所在设区市政府", "浙江省各综合保税区"]
    assert g.value(g.value(first, BZ.leadAgency), BZ.jurisdiction) is not None
    assert agencies(g, vocab, second)[0] == "浙江省商务厅"
    assert (g.value(first, BZ.leadAgency), RDF.type, BZ.CollectiveUnit) in g


def test_zhejiang_heading_without_number_is_a_section(graphs):
    g = graphs["zhejiang-draft"]
    section = URIRef("https://w3id.org/bzkg/id/doc/zhejiang-draft/section/2.2")
    assert str(g.value(section, BZ.heading)) == "推进平台联动"


def test_business_types_and_zones_of_hubei_measure_6(graphs):
    g = graphs["hubei-2021"]
    m = measure(g, "hubei-2021", "6")
    types = {str(o).rsplit("/", 1)[1] for o in g.objects(m, BZ.businessType)}
    assert "parallel-import-vehicles" in types
    targets = {
        (str(g.value(t, BZ.value)), str(g.value(t, BZ.unit)), str(g.value(t, BZ.year))) for t in g.objects(m, BZ.target)
    }
    assert ("2000", "台", "2023") in targets


def test_bonded_repair_recognised_with_surface_form(graphs):
    g = graphs["hubei-2021"]
    m = measure(g, "hubei-2021", "8")
    repair = ID["business-type/bonded-repair"]
    assert (m, BZ.businessType, repair) in g
    forms = {str(g.value(x, BZ.surfaceForm)) for x in g.objects(m, BZ.mention) if g.value(x, BZ.mentions) == repair}
    assert forms and all("维修" in f for f in forms)


def test_mention_offsets_point_into_measure_text(graphs):
    for g in graphs.values():
        for m in g.subjects(BZ.inDocument, None):
            text = str(g.value(m, BZ.text))
            for x in g.objects(m, BZ.mention):
                start, end = int(g.value(x, BZ.start)), int(g.value(x, BZ.end))
                assert text[start:end] == str(g.value(x, BZ.surfaceForm))


def test_quote_offsets_point_into_source(graphs):
    from bzkg.namespaces import OA
    from bzkg.paths import DOCS_DIR
    from loader.source import read_source

    for stem, g in graphs.items():
        source = read_source(DOCS_DIR / f"{stem}.txt").text
        for m in g.subjects(BZ.inDocument, None):
            quote = g.value(m, BZ.quote)
            for selector in g.objects(quote, OA.hasSelector):
                if g.value(selector, OA.start) is not None:
                    start, end = int(g.value(selector, OA.start)), int(g.value(selector, OA.end))
                    exact = source[start:end]
                    clause = str(g.value(m, BZ.clauseText))
                    assert "".join(clause.split())[-4:] in "".join(exact.split())


@pytest.mark.parametrize(
    ("stem", "number", "signed", "status"),
    [
        ("hubei-2021", "鄂政办发〔2021〕46号", "2021-10-21", BZ.InForce),
        ("hunan-2024", "湘政办发〔2024〕13号", "2024-04-22", BZ.Trial),
        ("jilin-2021", "吉政发〔2021〕27号", "2021-12-21", BZ.InForce),
        ("wuhan-2023", "武政办〔2023〕45号", "2023-05-23", BZ.InForce),
        ("zhejiang-draft", None, None, BZ.Draft),
    ],
)
def test_document_metadata(graphs, stem, number, signed, status):
    g = graphs[stem]
    doc = ID[f"doc/{stem}"]
    assert g.value(doc, DCTERMS.identifier) == (Literal(number) if number else None)
    assert (str(g.value(doc, BZ.signed)) if signed else None) == (signed if signed else g.value(doc, BZ.signed))
    assert g.value(doc, BZ.status) == status
    assert g.value(doc, BZ.jurisdiction) is not None
    assert g.value(doc, BZ.issuer) is not None


def test_trial_validity_and_citations(graphs):
    hunan = graphs["hunan-2024"]
    assert str(hunan.value(ID["doc/hunan-2024"], BZ.validUntil)) == "2026-04-21"
    jilin = graphs["jilin-2021"]
    assert Literal("国发〔2019〕3号") in set(jilin.objects(ID["doc/jilin-2021"], BZ.citedNumber))


def test_published_date_of_printed_document(graphs):
    assert str(graphs["wuhan-2023"].value(ID["doc/wuhan-2023"], BZ.published)) == "2023-05-24"
    assert str(graphs["hubei-2021"].value(ID["doc/hubei-2021"], BZ.published)) == "2021-11-18"
