"""Responsibility clauses in every printed form: input text -> units in order (lead first)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loader.clauses import find_clauses
from loader.text import normalise

CASES = [
    ("（责任单位：省商务厅、武汉海关，相关市州人民政府）", ["省商务厅", "武汉海关", "相关市州人民政府"]),
    ("(责任单位:省商务厅,武汉海关;相关市州人民政府)", ["省商务厅", "武汉海关", "相关市州人民政府"]),
    (
        "［责任单位：长沙海关、中国人民银行湖南省分行（国家外汇管理局湖南省分局）］",
        ["长沙海关", "中国人民银行湖南省分行（国家外汇管理局湖南省分局）"],
    ),
    ("[责任单位：省商务厅、省税务局]", ["省商务厅", "省税务局"]),
    ("【责任单位：省商务厅】", ["省商务厅"]),
    (
        "（责任单位：所在设区市政府、各综合保税区，排在第一位的部门为牵头部门，下同）",
        ["所在设区市政府", "各综合保税区"],
    ),
    ("（责任单位：省商务厅及相关部门，综合保税区所在地政府）", ["省商务厅", "相关部门", "综合保税区所在地政府"]),
    ("（牵头单位：省商务厅；配合单位：省财政厅、省税务局）", ["省商务厅", "省财政厅", "省税务局"]),
    ("（责任单位：省商务厅牵头，省发展改革委、省财政厅按职责分工负责）", ["省商务厅", "省发展改革委", "省财政厅"]),
    ("（省商务厅牵头，省财政厅配合）", ["省商务厅", "省财政厅"]),
    ("（省商务厅负责）", ["省商务厅"]),
    ("（责\n任单位：省商务厅）", ["省商务厅"]),
    ("（责 任 单 位 ：省 商务厅）", ["省商务厅"]),
    ("责任单位：省科技厅、省财政厅", ["省科技厅", "省财政厅"]),
    ("（以下简称示范区）", []),
    ("（2023年底前完成）", []),
    ("（生态保护红线、环境质量底线）", []),
]


@pytest.mark.parametrize(("text", "units"), CASES)
def test_clause_forms(text, units):
    clauses = find_clauses(normalise(text))
    assert [u.replace(" ", "") for c in clauses for u in c.unit_texts(text)] == units


def test_unclosed_clause_runs_to_the_end_of_its_paragraph():
    text = "支持发展。（责任单位：省商务厅、省财政厅\n二、下一条。"
    (clause,) = find_clauses(normalise(text))
    assert clause.unbalanced and clause.unit_texts(text) == ["省商务厅", "省财政厅"]


@given(st.text(alphabet="省商务厅（）()[]【】：:、，,；;责任单位牵头负责\n ", max_size=80))
def test_never_crashes_on_bracket_soup(text):
    for clause in find_clauses(normalise(text)):
        assert 0 <= clause.start < clause.end <= len(text)
        assert all(clause.start <= a < b <= clause.end for a, b in clause.units)
