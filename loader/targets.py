"""Quantitative targets: 年均增长35%以上, 100亿元, 2000台, 550家, 奖励50万元, 翻两番.

Each target keeps its value and unit as printed, the year it is due (or the last year of a range
such as 2021—2023年), a base year (较2020年), what kind of figure it is and whether it is a floor or
a cap, and the phrase that states it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["Target", "find_targets"]

_UNITS = "亿美元|万美元|亿元|万元|元|个百分点|%|万吨|吨|万台|台|万人次|人次|家|个|场|项|批|架|艘|条|人|次|平方米|亩|倍"
AMOUNT = re.compile(rf"(\d+(?:\.\d+)?|\d+/\d+)\s*({_UNITS})")
DOUBLING = re.compile(r"翻(一|两|二|三)番")
# A share printed as a fraction without unit: 其中1/3进入全国A类 (not a date such as 2021/11/18).
FRACTION = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,3})(?![\d/])")
YEAR = re.compile(r"(\d{4})\s*年")
# A deadline that governs the sentences after it in a paragraph: 至2023年，…。宜昌…达到100亿元。
DEADLINE = re.compile(r"(?:至|到|截至|力争)\s*(\d{4})\s*年(?:底|末)?")
BASE_YEAR = re.compile(r"(?:较|比|相比)\s*(\d{4})\s*年")
AT_LEAST_AFTER = re.compile(r"^\s*(?:以上|及以上|以上的)")
AT_LEAST_BEFORE = re.compile(r"(?:超过|突破|超|达到|不低于|不少于|至少|力争|过)\s*$")
AT_MOST = re.compile(r"(?:最高|不超过|不高于|不多于|上限)")
REWARD = re.compile(r"奖励|奖补|补助|补贴|资金支持|给予|支持金额|贴息")
GROWTH = re.compile(r"增长|提升|提高|增加")
SHARE = re.compile(r"比重|占比|比例")
_PHRASE_BREAK = "。;,!?\n"


@dataclass(frozen=True)
class Target:
    start: int
    end: int
    value: Decimal
    unit: str
    kind: str
    comparator: str
    year: int | None
    base_year: int | None
    text: str


def _phrase_bounds(norm: str, start: int, end: int) -> tuple[int, int]:
    left = max(norm.rfind(c, 0, start) for c in _PHRASE_BREAK) + 1
    right = min((i for i in (norm.find(c, end) for c in _PHRASE_BREAK) if i >= 0), default=len(norm))
    return left, right


def _sentence_start(norm: str, start: int) -> int:
    return max(norm.rfind(c, 0, start) for c in "。;\n") + 1


def _year(norm: str, start: int) -> int | None:
    """The last year named before the figure in its sentence: 至2023年 / 2021—2023年 -> 2023."""
    begin = _sentence_start(norm, start)
    bases = {m.start(1) for m in BASE_YEAR.finditer(norm, begin, start)}
    years = [int(m.group(1)) for m in YEAR.finditer(norm, begin, start) if m.start(1) not in bases]
    years = [y for y in years if 1990 <= y <= 2100]
    if years:
        return years[-1]
    paragraph = norm.rfind("\n", 0, start) + 1
    deadlines = [int(m.group(1)) for m in DEADLINE.finditer(norm, max(paragraph, start - 150), start)]
    return deadlines[-1] if deadlines else None


def _value(number: str) -> Decimal:
    if "/" in number:
        num, den = number.split("/")
        return (Decimal(num) / Decimal(den)).quantize(Decimal("0.0001"))
    return Decimal(number)


def _kind(phrase: str, before: str, unit: str) -> str:
    if REWARD.search(before) or (REWARD.search(phrase) and "元" in unit):
        return "reward"
    if unit == "倍" or GROWTH.search(before) or unit == "个百分点":
        return "growth"
    if SHARE.search(phrase) or "/" in phrase or unit == "%":
        return "share"
    if "元" in unit:
        return "amount"
    return "count"


def find_targets(norm: str, text: str) -> list[Target]:
    found: list[Target] = []
    for m in AMOUNT.finditer(norm):
        if m.start() > 0 and (norm[m.start() - 1] in "〔[" or norm[m.start() - 1].isdigit()):
            continue
        left, right = _phrase_bounds(norm, m.start(), m.end())
        before, after = norm[left : m.start()], norm[m.end() : right]
        comparator = "exact"
        if AT_MOST.search(before):
            comparator = "at-most"
        elif AT_LEAST_AFTER.match(after) or AT_LEAST_BEFORE.search(before):
            comparator = "at-least"
        base = BASE_YEAR.search(norm, _sentence_start(norm, m.start()), m.start())
        found.append(
            Target(
                start=m.start(),
                end=m.end(),
                value=_value(m.group(1)),
                unit=m.group(2),
                kind=_kind(norm[left:right], before, m.group(2)),
                comparator=comparator,
                year=_year(norm, m.start()),
                base_year=int(base.group(1)) if base else None,
                text=text[left:right].strip(),
            )
        )
    for m in DOUBLING.finditer(norm):
        left, right = _phrase_bounds(norm, m.start(), m.end())
        base = BASE_YEAR.search(norm, _sentence_start(norm, m.start()), m.start())
        factor = {"一": 2, "两": 4, "二": 4, "三": 8}[m.group(1)]
        found.append(
            Target(
                m.start(),
                m.end(),
                Decimal(factor),
                "倍",
                "growth",
                "at-least" if "超过" in norm[m.end() : right] else "exact",
                _year(norm, m.start()),
                int(base.group(1)) if base else None,
                text[left:right].strip(),
            )
        )
    taken = [(t.start, t.end) for t in found]
    for m in FRACTION.finditer(norm):
        num, den = int(m.group(1)), int(m.group(2))
        if not 0 < num < den <= 100 or any(a <= m.start() < b for a, b in taken):
            continue
        left, right = _phrase_bounds(norm, m.start(), m.end())
        found.append(
            Target(m.start(), m.end(), _value(f"{num}/{den}"), "比例", "share", "exact",
                   _year(norm, m.start()), None, text[left:right].strip())
        )  # fmt: skip
    return sorted(found, key=lambda t: (t.start, t.end))
