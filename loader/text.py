"""Cleaning a decoded source into paragraphs while keeping every character's source offset.

Web captures surround the document with navigation and footers; PDF text breaks lines inside words
and clauses (`（责\\n任单位`) and inserts page numbers. Cleaning drops debris lines and re-joins broken
lines. Each resulting `Span` remembers, for every character, where it was in the source, so a
measure's quote can always be located exactly.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from loader import patterns as P

__all__ = ["Span", "display_width", "normalise", "paragraphs"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\f|\u2028|\u2029")


def normalise(text: str) -> str:
    """NFKC per character, keeping the length: full-width punctuation and digits become ASCII."""
    out = []
    for ch in text:
        n = unicodedata.normalize("NFKC", ch)
        out.append(n if len(n) == 1 else ch)
    return "".join(out)


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@dataclass(frozen=True)
class Span:
    """Text with, for each character, its offset in the source text."""

    text: str
    offsets: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.text)

    @cached_property
    def norm(self) -> str:
        return normalise(self.text)

    def __getitem__(self, key: slice) -> Span:
        return Span(self.text[key], self.offsets[key])

    def __add__(self, other: Span) -> Span:
        return Span(self.text + other.text, self.offsets + other.offsets)

    @property
    def start(self) -> int:
        return self.offsets[0] if self.offsets else 0

    @property
    def end(self) -> int:
        """Source offset just past the last character."""
        return self.offsets[-1] + 1 if self.offsets else 0

    def strip(self) -> Span:
        text = self.text
        left = len(text) - len(text.lstrip())
        right = len(text.rstrip())
        return self[left:right] if right > left else Span("", ())

    @staticmethod
    def join(parts: list[Span], separator: str = "\n") -> Span:
        """Concatenate spans; a separator character takes the offset just past the previous part."""
        result = Span("", ())
        for i, part in enumerate(parts):
            if i and separator:
                result = result + Span(separator, (result.end,))
            result = result + part
        return result


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]{0,500}?/?>|<!--.*?-->|<!DOCTYPE[^>]*>", re.S)
_ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,5}|[a-zA-Z]{2,8});")
# Elements whose start or end breaks a line; script and style contents are not text.
_BLOCK = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article"}
_SKIPPED = ("script", "style", "head", "nav", "footer")


def _looks_like_html(source: str) -> bool:
    return len(_TAG.findall(source[:20000])) >= 10


def _strip_html(source: str) -> Span:
    """The text of an HTML capture, each character keeping its offset in the source."""
    chars: list[str] = []
    offsets: list[int] = []
    pos = 0
    skip_until: str | None = None
    for tag in _TAG.finditer(source):
        if skip_until is None:
            _append_text(source, pos, tag.start(), chars, offsets)
        closing, name = tag.group(1), (tag.group(2) or "").lower()
        if skip_until is not None:
            if closing and name == skip_until:
                skip_until = None
        elif not closing and name in _SKIPPED:
            skip_until = name
        elif name in _BLOCK:
            chars.append("\n")
            offsets.append(tag.start())
        pos = tag.end()
    if skip_until is None:
        _append_text(source, pos, len(source), chars, offsets)
    return Span("".join(chars), tuple(offsets))


def _append_text(source: str, start: int, end: int, chars: list[str], offsets: list[int]) -> None:
    pos = start
    for entity in _ENTITY.finditer(source, start, end):
        chars.extend(source[pos : entity.start()])
        offsets.extend(range(pos, entity.start()))
        chars.append(html.unescape(entity.group()).replace("\xa0", " "))
        offsets.append(entity.start())
        pos = entity.end()
    chars.extend(source[pos:end])
    offsets.extend(range(pos, end))


def _lines(source: str) -> list[Span]:
    """Lines of the text (of an HTML capture, its text), stripped, with source offsets."""
    text = _strip_html(source) if _looks_like_html(source) else Span(source, tuple(range(len(source))))
    lines, pos = [], 0
    for match in _LINE_BREAK.finditer(text.text + "\n"):
        lines.append(text[pos : match.start()].strip())
        pos = match.end()
    return lines


def _is_debris(line: Span) -> bool:
    norm = line.norm
    if P.PAGE_NUMBER_LINE.match(norm) or P.DEBRIS_STRONG.search(norm):
        return True
    # Weak markers (登录, 首页, 搜索 …) also occur in body text cut into short lines by hard wrapping;
    # navigation is told apart by its spaced-out items or its brevity.
    if any(c in norm for c in "。,、;:") or not P.DEBRIS_LINE.search(norm):
        return False
    return " " in norm.strip() or len(norm) <= 8


def _numbered(norm: str) -> bool:
    norm = P.MARKDOWN_HEADING.sub("", norm)
    return any(rx.match(norm) for _, rx in P.NUMBERING.values())


def _unbalanced(norm: str) -> bool:
    depth = 0
    for ch in norm:
        if ch in P.OPEN_BRACKETS or ch == "“":
            depth += 1
        elif (ch in P.CLOSE_BRACKETS or ch == "”") and depth:
            depth -= 1
    return depth > 0


def _ends_clause(norm: str) -> bool:
    """Whether the closing bracket a paragraph ends with closes a responsibility clause."""
    opened = [m.start() for m in P.CLAUSE_OPEN.finditer(norm)]
    return bool(opened) and "。" not in norm[opened[-1] :]


def _wrap_width(lines: list[Span]) -> int | None:
    """The width a hard-wrapped text was wrapped at, or None when lines are whole paragraphs."""
    widths = [display_width(line.text) for line in lines if line.text]
    if len(widths) < 8:
        return None
    unterminated = sum(1 for line in lines if line.text and line.norm[-1] not in P.TERMINAL)
    if unterminated < len(widths) * 0.4:
        return None
    # The wrap width is the width most lines reach; allow a few columns of slack for mixed widths.
    counts = Counter(w // 4 for w in widths)
    bucket, hits = counts.most_common(1)[0]
    if hits < len(widths) * 0.25 or bucket * 4 < 20:
        return None
    return bucket * 4


def _is_heading(line: Span) -> bool:
    norm = line.norm
    if norm.startswith("#"):
        return True
    return _numbered(norm) and display_width(norm) <= 50 and not any(c in norm for c in "。;")


def _continues(prev: Span, nxt: Span, wrap: int | None, last_line: Span, lines_so_far: int) -> bool:
    """Whether `nxt` continues the paragraph `prev`, whose last source line is `last_line`."""
    p, n = prev.norm, nxt.norm
    if _unbalanced(p) and not _numbered(n):
        return True  # inside brackets or quotes: （责\n任单位…）
    if _numbered(n) or n.startswith("#") or P.END_MATTER.search(n) or P.CLAUSE_LABEL_LINE.match(n):
        return False
    full_width = wrap is not None and display_width(last_line.text) >= wrap - max(3, wrap // 8)
    if _is_heading(prev) and not _unbalanced(p) and not full_width:
        return False
    if p[-1] in P.TERMINAL and not (full_width and p[-1] in P.CLOSE_BRACKETS and not _ends_clause(p)):
        return False
    if p[-1] in ",、" or p[-1] in P.OPEN_BRACKETS:
        return True
    # In hard-wrapped text a short unterminated line inside a paragraph is the tail of a line that was
    # wrapped twice (PDF text re-wrapped); alone, it is a heading or a title line.
    return full_width or (wrap is not None and lines_so_far > 1)


def paragraphs(source: str) -> list[Span]:
    """The source's paragraphs, debris removed and broken lines re-joined."""
    lines = [line for line in _lines(source) if line.text and not _is_debris(line)]
    wrap = _wrap_width(lines)
    result: list[Span] = []
    last: Span = Span("", ())
    count = 0
    for line in lines:
        if result and _continues(result[-1], line, wrap, last, count):
            count += 1
            prev = result[-1]
            glue = " " if prev.norm[-1].isascii() and prev.norm[-1].isalnum() and line.norm[0].isascii() else ""
            result[-1] = prev + Span(glue, (prev.end,) if glue else ()) + line
        else:
            result.append(line)
            count = 1
        last = line
    return result
