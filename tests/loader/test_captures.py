"""Captures of the genre in other forms: an HTML page, Markdown with emphasis and bullets."""

from __future__ import annotations

from rdflib.namespace import DCTERMS

from bzkg.namespaces import BZ, ID, OA
from bzkg.paths import DOCS_DIR
from tests.loader.conftest import facts

HTML = """<!DOCTYPE html><html><head><title>湖北省人民政府</title><style>p{color:red}</style>
<script>var nav = "首页 登录";</script></head><body><nav><a href="/">首页</a> | <a href="#">政务公开</a></nav>
<div class="article"><h1>省人民政府办公厅关于加快发展保税维修的通知</h1>
<p>鄂政办发〔2022〕9号</p>
<p>一、发展保税维修。支持武汉东湖综合保税区开展保税维修业务，到2025年维修产值达到50亿元。（责任单位：省商务厅、武汉海关）</p>
<p>二、发展跨境电商。支持跨境电商发展。&nbsp;（责任单位：省商务厅&amp;省财政厅）</p>
<p>湖北省人民政府办公厅<br>2022年3月1日</p></div>
<footer>网站标识码：4200000093 鄂ICP备05011090号</footer></body></html>"""


def test_html_page(extract_text):
    g = extract_text(HTML, "hubei-html.html")
    doc = ID["doc/hubei-html"]
    assert str(g.value(doc, DCTERMS.title)) == "省人民政府办公厅关于加快发展保税维修的通知"
    assert str(g.value(doc, DCTERMS.identifier)) == "鄂政办发〔2022〕9号"
    assert str(g.value(doc, BZ.signed)) == "2022-03-01"
    m1 = ID["doc/hubei-html/measure/1"]
    assert g.value(m1, BZ.leadAgency) == ID["agency/hu-bei-sheng-shang-wu-ting"]
    assert (m1, BZ.businessType, ID["business-type/bonded-repair"]) in g
    assert set(g.subjects(BZ.inDocument, doc)) == {m1, ID["doc/hubei-html/measure/2"]}
    # The quote points at the HTML source, tags and all.
    position = next(s for s in g.objects(g.value(m1, BZ.quote), OA.hasSelector) if g.value(s, OA.start) is not None)
    exact = HTML[int(g.value(position, OA.start)) : int(g.value(position, OA.end))]
    assert exact.startswith("一、发展保税维修") and exact.endswith("武汉海关）")


def test_markdown_emphasis_and_bullets(graphs, extract_text):
    text = (DOCS_DIR / "hunan-2024.txt").read_text(encoding="utf-8")
    text = text.replace("（一）强化目标导向", "**（一）强化目标导向**").replace("1.落实属地责任", "- 1.落实属地责任")
    assert facts(extract_text(text, "hunan-2024.txt")) == facts(graphs["hunan-2024"])
    g = extract_text(text, "hunan-2024.txt")
    assert str(g.value(ID["doc/hunan-2024/section/2.1"], BZ.heading)) == "强化目标导向"
