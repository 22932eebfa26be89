"""Quantitative targets: text -> (value, unit, kind, comparator, year)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from loader.targets import find_targets
from loader.text import normalise

CASES = [
    ("2021—2023年，综合保税区进出口额年均增长35%以上。", [("35", "%", "growth", "at-least", 2023)]),
    ("2023年实现整车进口超2000台。", [("2000", "台", "count", "at-least", 2023)]),
    (
        "至2023年，有进出口实绩企业数较2020年翻两番，超过550家。",
        [("4", "倍", "growth", "exact", 2023), ("550", "家", "count", "at-least", 2023)],
    ),
    ("至2023年，A进入全国A类。宜昌综合保税区年进出口额达到100亿元。", [("100", "亿元", "amount", "at-least", 2023)]),
    (
        "给予园区每进一位奖励50万元，最高奖励200万元。",
        [("50", "万元", "reward", "exact", None), ("200", "万元", "reward", "at-most", None)],
    ),
    ("其中1/3进入全国A类行列。", [("0.3333", "比例", "share", "exact", None)]),
    ("2021/11/18发布", []),
    (
        "每年引进进出口额 5 亿元以上外贸企业 5 家。",
        [("5", "亿元", "amount", "at-least", None), ("5", "家", "count", "exact", None)],
    ),
    ("进入全国排位前50%。", [("50", "%", "share", "exact", None)]),
    ("鄂政办发〔2021〕46号文件", []),
    ("2025年", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_targets(text, expected):
    found = find_targets(normalise(text), text)
    got = [(str(t.value.normalize()), t.unit, t.kind, t.comparator, t.year) for t in found]
    assert got == [(str(Decimal(v).normalize()), u, k, c, y) for v, u, k, c, y in expected]
