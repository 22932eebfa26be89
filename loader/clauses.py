"""Responsibility clauses: where they are in a text, and the units they list in order.

Handles every printed form of the genre: （责任单位：…）, ［责任单位：…］, half-width brackets and
colons, nested brackets inside the list (`中国人民银行湖南省分行（国家外汇管理局湖南省分局）`),
separators 、，, and ；, remarks such as `排在第一位的部门为牵头部门，下同`, explicit
`牵头单位：…；配合单位：…`, and a clause whose closing bracket is missing (then it runs to the end
of its paragraph and the clause is flagged `unbalanced`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loader import patterns as P

__all__ = ["Clause", "find_clauses", "split_units"]


@dataclass(frozen=True)
class Clause:
    """A clause found in a normalised text: [start, end) covers the brackets; units in printed order."""

    start: int
    end: int
    units: tuple[tuple[int, int], ...]
    unbalanced: bool = False
    remarks: tuple[str, ...] = field(default=())

    def unit_texts(self, text: str) -> list[str]:
        """The units as printed in `text` (the original of the normalised text), spaces removed."""
        return [re.sub(r"\s+", "", text[a:b]) for a, b in self.units]


def _matching_close(norm: str, open_at: int) -> int | None:
    """Index just past the bracket closing the one at `open_at`, or None when it never closes."""
    depth = 0
    for i in range(open_at, len(norm)):
        ch = norm[i]
        if ch in P.OPEN_BRACKETS:
            depth += 1
        elif ch in P.CLOSE_BRACKETS:
            depth -= 1
            if depth == 0:
                return i + 1
        elif ch == "\n" and depth > 0 and i > open_at + 1 and P.CLAUSE_OPEN.match(norm, i + 1):
            return None
    return None


def _split_top_level(content: str) -> list[tuple[int, int]]:
    """[start, end) of the parts separated by 、 , ; outside nested brackets."""
    parts, depth, begin = [], 0, 0
    for i, ch in enumerate(content):
        if ch in P.OPEN_BRACKETS:
            depth += 1
        elif ch in P.CLOSE_BRACKETS and depth:
            depth -= 1
        elif depth == 0 and ch in "、,;\n":
            parts.append((begin, i))
            begin = i + 1
    parts.append((begin, len(content)))
    return parts


# "省商务厅及相关部门": a conjunction after a unit's head noun joins two units.
_CONJUNCTION = re.compile(r"(?<=[厅局委办部行府会司团区])(?:及|和|与)(?=[\u4e00-\u9fff])")


def split_units(content: str, offset: int = 0) -> tuple[list[tuple[int, int]], list[str]]:
    """[start, end) of each unit of the normalised `content[offset:]`, in order, and its remarks."""
    units: list[tuple[int, int]] = []
    remarks: list[str] = []
    for begin, stop in _split_top_level(content[offset:]):
        begin, stop = begin + offset, stop + offset
        pieces, cursor = [], begin
        for conj in _CONJUNCTION.finditer(content, begin, stop):
            pieces.append((cursor, conj.start()))
            cursor = conj.end()
        pieces.append((cursor, stop))
        for a, b in pieces:
            label = P.CLAUSE_ROLE_LABEL.match(content, a, b)
            if label:
                a = label.end()
            while a < b and content[a] in " \t:。.":
                a += 1
            while b > a and content[b - 1] in " \t:。.":
                b -= 1
            role = P.UNIT_ROLE_SUFFIX.search(content, a, b)
            if role and role.start() > a:
                b = role.start()
            if a == b:
                continue
            if P.CLAUSE_REMARK.search(content, a, b):
                remarks.append(content[a:b])
            else:
                units.append((a, b))
    return units, remarks


def find_clauses(norm: str) -> list[Clause]:
    """All responsibility clauses in a normalised text, in order: labelled ones in brackets, label
    lines, and unlabelled bracketed lists of units with role words (（省商务厅牵头，省财政厅配合）)."""
    found = _labelled(norm) + _label_lines(norm) + _unlabelled(norm)
    clauses: list[Clause] = []
    for clause in sorted(found, key=lambda c: (c.start, -c.end)):
        if not clauses or clause.start >= clauses[-1].end:
            clauses.append(clause)
    return clauses


def _labelled(norm: str) -> list[Clause]:
    clauses = []
    for match in P.CLAUSE_OPEN.finditer(norm):
        close = _matching_close(norm, match.start())
        unbalanced = close is None
        if close is None:
            newline = norm.find("\n", match.end())
            close = len(norm) if newline < 0 else newline
            content_end = close
        else:
            content_end = close - 1
        units, remarks = split_units(norm[:content_end], match.end())
        if units:
            clauses.append(Clause(match.start(), close, tuple(units), unbalanced, tuple(remarks)))
    return clauses


def _label_lines(norm: str) -> list[Clause]:
    """Clauses printed as a line of their own without brackets: `责任单位：A、B`."""
    clauses = []
    for line in re.finditer(r"(?m)^.*$", norm):
        m = P.CLAUSE_LABEL_LINE.match(line.group())
        if m:
            units, remarks = split_units(norm[: line.end()], line.start() + m.end())
            if units:
                clauses.append(Clause(line.start(), line.end(), tuple(units), False, tuple(remarks)))
    return clauses


# The last character of a body's name: 厅, 局, 委, 办, 海关, 政府, 分行, 集团 …
_AGENCY_HEAD = re.compile(r"[厅局委办府会关行司团区室部处院所署]$")


def _unlabelled(norm: str) -> list[Clause]:
    clauses = []
    for match in re.finditer(r"[(【\[]", norm):
        close = _matching_close(norm, match.start())
        if close is None:
            continue
        content = norm[match.end() : close - 1]
        if not P.UNLABELED_CLAUSE.search(content) or "的" in content or "。" in content:
            continue
        units, remarks = split_units(norm[: close - 1], match.end())
        names = [norm[a:b] for a, b in units]
        if names and all(2 <= len(n) <= 30 and _AGENCY_HEAD.search(re.sub(r"\([^()]*\)$", "", n)) for n in names):
            clauses.append(Clause(match.start(), close, tuple(units), False, tuple(remarks)))
    return clauses
