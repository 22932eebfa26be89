"""Named structural patterns of the genre: numbering, clauses, dates, document numbers, debris.

Patterns run on the *normalised* text (`text.normalise`): NFKC per character, so full-width and
ASCII punctuation look the same: `（责任单位：` and `(责任单位:` both read `(责任单位:`.
Surface forms of business types, zones, industries and agencies are not here: they come from the
vocabularies in `ontology/`.
"""

from __future__ import annotations

import re

__all__ = [
    "CLAUSE_LABEL_LINE",
    "CLAUSE_OPEN",
    "CLOSE_BRACKETS",
    "CN_DIGITS",
    "DATE",
    "DEBRIS_LINE",
    "DOC_NUMBER",
    "END_MATTER",
    "FIELD",
    "NUMBERING",
    "OPEN_BRACKETS",
    "PAGE_NUMBER_LINE",
    "TERMINAL",
    "cn_number",
]

CN_DIGITS = "〇零一二三四五六七八九十百两"
OPEN_BRACKETS = "([【〔「『<《{"
CLOSE_BRACKETS = ")]】〕」』>》}"

# Numbering at the start of a paragraph, by style; the style's rank is its depth in the
# conventional hierarchy of Chinese official documents (一、 > （一） > 1. > （1） > ①).
NUMBERING: dict[str, tuple[int, re.Pattern[str]]] = {
    "cn-dun": (1, re.compile(rf"^([{CN_DIGITS}]{{1,4}})[、.]\s*")),
    "cn-paren": (2, re.compile(rf"^\(([{CN_DIGITS}]{{1,4}})\)\s*")),
    "ar-dot": (3, re.compile(r"^(\d{1,3})[.、](?!\d)\s*")),
    "ar-paren": (4, re.compile(r"^\((\d{1,2})\)\s*|^(\d{1,2})\)\s*")),
    "circled": (5, re.compile(r"^([①-⑳])\s*")),
}
# Markdown decorations before a paragraph's text: headings, emphasis, list bullets, quotes.
MARKDOWN_HEADING = re.compile(r"^(?:#{1,6}\s*|\*\*|__|[-*+]\s+|>\s*)+")

# A responsibility clause opens with a bracket and a label; its content runs to the matching bracket.
CLAUSE_LABELS = (
    "牵头责任单位",
    "主要责任单位",
    "责任单位",
    "牵头单位",
    "责任部门",
    "牵头部门",
    "实施单位",
    "主责单位",
    "承办单位",
)
_LABEL = "(?:" + "|".join(CLAUSE_LABELS) + ")"
# Inside brackets a label may be spaced out by PDF extraction: （责 任 单 位：…）.
_SPACED_LABEL = "(?:" + "|".join(r"\s*".join(label) for label in CLAUSE_LABELS) + ")"
CLAUSE_OPEN = re.compile(rf"[(\[【]\s*{_SPACED_LABEL}\s*[:]")
# The same label at the start of a line of its own, without brackets.
CLAUSE_LABEL_LINE = re.compile(rf"^{_LABEL}\s*[:]")
# Inside a clause: an explicit split into lead and participating units.
CLAUSE_ROLE_LABEL = re.compile(
    r"(牵头单位|牵头部门|责任单位|责任部门|配合单位|参与单位|协同单位|配合部门|参与部门)\s*[:]"
)
# Parts of a clause that are remarks, not units: "排在第一位的部门为牵头部门，下同".
CLAUSE_REMARK = re.compile(r"下同|排在第一位|排名第一|列第一位|为牵头|牵头部门|各司其职|^按职责分工|^分别负责|^负责$")
# Role words printed after a unit: "省商务厅牵头", "省财政厅等按职责分工负责".
UNIT_ROLE_SUFFIX = re.compile(
    r"(?:等)?(?:部门|单位)?(?:牵头负责|牵头|按职责分工负责|按职责负责|分工负责|分别负责|负责|配合|参与)$|等$"
)
# A clause without a label, recognised by its role words: （省商务厅牵头，省财政厅配合）, （省商务厅负责）.
UNLABELED_CLAUSE = re.compile(r"(?:牵头|负责|配合)\s*$")

# Punctuation that ends a sentence or a clause: a line ending so is not broken mid-sentence.
TERMINAL = set("。!?;:…)]】")

# 鄂政办发〔2021〕46号, 武政办〔2023〕45 号, 吉政发[2021]27号, 国发〔2019〕3号
DOC_NUMBER = re.compile(r"([\u4e00-\u9fff]{1,10})\s*[〔\[(]\s*(\d{4})\s*[〕\])]\s*(\d{1,4})\s*号")
DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
DATE_LINE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")

# Labelled metadata fields of government web pages: "文号：鄂政办发〔2021〕46号".
FIELD = re.compile(
    r"(名称|标题|文号|发文字号|发文机关|发布机构|来源|成文日期|发文日期|发布日期|效力状态|索引号|分类)\s*[:]\s*"
)

# Lines of web pages and PDFs that are not the document: any line with a strong marker, and short
# lines (navigation, buttons) with a weak one.
DEBRIS_STRONG = re.compile(r"网站标识码|ICP备|公网安备|版权所有|\[[^\]]*\]\(#\)|扫一扫.*手机|分辨率.*浏览器")
DEBRIS_LINE = re.compile(
    r"分辨率|浏览器|登录|注册|长者专区|无障碍|首页|政务公开|政务服务|政民互动|当前位置|字体大小|"
    r"扫一扫|手机上查看|主办|承办|网站声明|网站地图|专题归档|微信公众号|"
    r"政务微博|移动客户端|联系我们|打印本页|关闭窗口|收藏|分享到|搜索|WWW\.|www\.|"
    r"^(?:EN|FR|[一二三四五六七八九十]?\d*月\d+日星期.)\b|^\d{2}月\d{2}日星期.$|^【|^来源[:]|发布时间[:]"
)
PAGE_NUMBER_LINE = re.compile(r"^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d{1,3}|\f)\s*$")
# Where the body ends: distribution lists and printing notes of official documents.
END_MATTER = re.compile(r"^\s*(?:抄送|抄报|附件[:：]?\s*$)|印发\s*$")
# Lines that mark a document's own section of remarks after the measures, e.g. validity.
VALIDITY = re.compile(
    r"有效期(?:为|至)?\s*(\d+|[一二两三四五])\s*年|有效期至\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
)


def cn_number(text: str) -> int | None:
    """Value of a Chinese or Arabic numeral up to 9999: 十五 -> 15, 二十二 -> 22, 两 -> 2."""
    if text.isdigit():
        return int(text)
    if len(text) == 1 and "①" <= text <= "⑳":
        return ord(text) - ord("①") + 1
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
    units = {"十": 10, "百": 100, "千": 1000}
    total, current = 0, 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch in units:
            total += (current or 1) * units[ch]
            current = 0
        else:
            return None
    return total + current
