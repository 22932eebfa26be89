"""The pages' two languages: the choice (cookie `lang`, default zh) and the interface strings.

Strings are data: one table, a key per phrase, a zh and an en text. Data labels are chosen per
language by `labels.pick`, not here.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request

__all__ = ["COOKIE", "DEFAULT_LANG", "EXTERNAL_LABELS", "LANGS", "Translator", "lang_of", "translator"]

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
COOKIE = "lang"

Translator = Callable[[str], str]

MESSAGES: dict[str, tuple[str, str]] = {
    "site": ("综合保税区政策知识图谱", "Bonded-zone policy knowledge graph"),
    "home": ("首页", "Home"),
    "search": ("搜索", "Search"),
    "search_placeholder": ("搜索标签与措施文本，如：保税维修", "Search labels and measure text, e.g. 保税维修"),
    "ontology": ("本体", "Ontology"),
    "schemes": ("概念体系", "Concept schemes"),
    "compare": ("对比热力图", "Comparison"),
    "sparql": ("SPARQL 查询", "SPARQL"),
    "completeness": ("完整性", "Completeness"),
    "switch_lang": ("English", "中文"),
    "graph_holds": ("图谱内容", "What the graph holds"),
    "class": ("类", "Class"),
    "classes": ("类", "Classes"),
    "property": ("属性", "Property"),
    "properties": ("属性", "Properties"),
    "instances": ("实例", "Instances"),
    "count": ("数量", "Count"),
    "browse": ("浏览", "Browse"),
    "business_types": ("业务类型", "Business types"),
    "provinces": ("省份", "Provinces"),
    "agencies": ("责任单位", "Agencies"),
    "zones": ("区域", "Zones"),
    "documents": ("政策文件", "Documents"),
    "measures": ("措施", "Measures"),
    "measure": ("措施", "Measure"),
    "document": ("文件", "Document"),
    "section": ("章节", "Section"),
    "sections": ("章节结构", "Sections"),
    "statements": ("全部陈述", "All statements"),
    "incoming": ("入链", "Incoming links"),
    "no_results": ("没有结果。", "No results."),
    "results": ("结果", "Results"),
    "label": ("标签", "Label"),
    "definition": ("定义", "Definition"),
    "superclasses": ("上位类", "Superclasses"),
    "subclasses": ("下位类", "Subclasses"),
    "domain_of": ("以此为定义域的属性", "Properties with this domain"),
    "range_of": ("以此为值域的属性", "Properties with this range"),
    "domain": ("定义域", "Domain"),
    "range": ("值域", "Range"),
    "characteristics": ("特性", "Characteristics"),
    "usage": ("使用次数", "Usage count"),
    "superproperties": ("上位属性", "Superproperties"),
    "subproperties": ("下位属性", "Subproperties"),
    "broader": ("上位概念", "Broader"),
    "narrower": ("下位概念", "Narrower"),
    "alt_labels": ("别名", "Alternative labels"),
    "tagged_measures": ("标注此概念的措施", "Measures tagged with it"),
    "quote": ("原文出处", "Quote in the source"),
    "quote_verified": (
        "原文已按 SHA-256 校验，按位置选择器定位。",
        "Source verified by SHA-256; located by position selector.",
    ),
    "quote_fallback": (
        "未能使用原文文件（缺失或校验不符），显示文本引用选择器。",
        "Source file unavailable or its SHA-256 differs; showing the text quote selector.",
    ),
    "text": ("措施文本", "Text"),
    "clause": ("责任条款", "Responsibility clause"),
    "responsibilities": ("责任单位", "Responsible agencies"),
    "role": ("角色", "Role"),
    "lead": ("牵头", "lead"),
    "participating": ("参与", "participating"),
    "printed_as": ("原文写法", "Printed as"),
    "targets": ("量化目标", "Targets"),
    "industries": ("产业", "Industries"),
    "leads": ("牵头的措施", "Measures it leads"),
    "joins": ("参与的措施", "Measures it joins"),
    "subject": ("主语", "Subject"),
    "predicate": ("谓语", "Predicate"),
    "object": ("宾语", "Object"),
    "value": ("值", "Value"),
    "more": ("更多", "more"),
    "prev": ("上一页", "Previous"),
    "next": ("下一页", "Next"),
    "page": ("第 {n} 页", "page {n}"),
    "machine_readable": ("机器可读格式", "Machine-readable"),
    "rows": ("行", "Rows"),
    "by_province": ("按省份", "By province"),
    "by_document": ("按文件", "By document"),
    "heatmap_help": (
        "单元格数字为同时涉及该行与该业务类型的措施数，点击查看措施。",
        "Each cell counts the measures of the row that name the business type; follow it for the list.",
    ),
    "run": ("运行", "Run"),
    "examples": ("示例查询", "Example queries"),
    "download": ("下载", "Download"),
    "query": ("查询", "Query"),
    "query_error": ("查询出错", "Query error"),
    "truncated": ("结果已截断", "Results truncated"),
    "conforms": ("符合", "Conforms"),
    "not_conforms": ("不符合", "Does not conform"),
    "severity": ("严重程度", "Severity"),
    "focus_node": ("焦点节点", "Focus node"),
    "path": ("路径", "Path"),
    "message": ("信息", "Message"),
    "no_shapes": ("尚无 SHACL 形状或验证服务。", "No SHACL shapes or validation service yet."),
    "filters": ("筛选条件", "Filters"),
    "all": ("全部", "All"),
    "type": ("类型", "Type"),
    "in_scheme": ("所属体系", "In scheme"),
    "top_concepts": ("顶层概念", "Top concepts"),
    "terms": ("全部术语", "All terms"),
    "individuals": ("个体", "Individuals"),
    "class_tree": ("类层次", "Class hierarchy"),
    "not_found": ("未找到该资源。", "No such resource."),
    "source": ("原文", "Source"),
    "sha256": ("SHA-256", "SHA-256"),
    "issuer": ("发文机关", "Issuer"),
    "identifier": ("文号", "Number"),
    "graph": ("命名图", "Named graph"),
    "triples": ("三元组", "triples"),
    "lead_agency": ("牵头单位", "Lead agency"),
    "province": ("省份", "Province"),
    "other": ("文件之外的资源", "Outside any document"),
    "signed": ("成文日期", "Signed"),
    "published": ("发布日期", "Published"),
    "status": ("状态", "Status"),
    "zone": ("区域", "Zone"),
    "agency": ("单位", "Agency"),
    "business_type": ("业务类型", "Business type"),
    "industry": ("产业", "Industry"),
    "participating_agency": ("参与单位", "Participating agency"),
    "measures_named": ("提及此项的措施", "Measures naming it"),
    "conformance": ("符合性", "Conformance"),
    "shapes": ("形状文件", "Shapes"),
    "individual": ("个体", "Individual"),
    "instances_direct": ("直接实例", "direct instances"),
    "download_as": ("下载结果", "Download results"),
    "boolean_result": ("结果", "Result"),
    "showing": ("显示前 {n} 行", "showing the first {n} rows"),
    "error": ("出错", "Error"),
    "document_tree": ("章节与措施", "Sections and measures"),
}

_SKOS = "http://www.w3.org/2004/02/skos/core#"
_OWL = "http://www.w3.org/2002/07/owl#"
_OA = "http://www.w3.org/ns/oa#"

# Labels for the terms of other vocabularies the pages show often (the graph has no labels for them).
EXTERNAL_LABELS: dict[str, tuple[str, str]] = {
    f"{_SKOS}Concept": ("概念", "concept"),
    f"{_SKOS}ConceptScheme": ("概念体系", "concept scheme"),
    f"{_OWL}Class": ("类", "class"),
    f"{_OWL}ObjectProperty": ("对象属性", "object property"),
    f"{_OWL}DatatypeProperty": ("数据属性", "datatype property"),
    f"{_OWL}AnnotationProperty": ("注释属性", "annotation property"),
    f"{_OWL}FunctionalProperty": ("函数型属性", "functional property"),
    f"{_OWL}NamedIndividual": ("命名个体", "named individual"),
    f"{_OWL}Ontology": ("本体", "ontology"),
    f"{_OA}SpecificResource": ("原文片段", "specific resource"),
    f"{_OA}TextPositionSelector": ("位置选择器", "text position selector"),
    f"{_OA}TextQuoteSelector": ("引文选择器", "text quote selector"),
}


def lang_of(request: Request) -> str:
    """`?lang=` for this request, else the cookie, else zh."""
    for value in (request.query_params.get("lang"), request.cookies.get(COOKIE)):
        if value in LANGS:
            return value
    return DEFAULT_LANG


def translator(lang: str) -> Translator:
    index = LANGS.index(lang) if lang in LANGS else 0

    def t(key: str, **kwargs: object) -> str:
        pair = MESSAGES.get(key)
        text = pair[index] if pair else key
        return text.format(**kwargs) if kwargs else text

    return t
