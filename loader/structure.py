"""The section tree of a document and the measures in it.

A node is a numbered paragraph (一、 / （一） / 1. / (1) / ①, also behind Markdown `#`) or an
unnumbered heading, with the paragraphs up to the next node. A measure is the smallest item with
its own responsibility clause; where one item holds several clauses, each clause with the text since
the previous one is a measure; sub-items sharing their parent's clause belong to it; items without
a clause (goals, safeguards) stay sections.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from loader import patterns as P
from loader.clauses import Clause, find_clauses
from loader.text import Span, display_width

__all__ = ["Document", "MeasureSpan", "Node", "parse_structure"]


@dataclass(eq=False)
class Node:
    style: str  # a key of patterns.NUMBERING, or "heading" for an unnumbered heading
    rank: int
    number: str | None
    paragraphs: list[Span]
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    ordinal: str = ""
    marker_length: int = 0

    @property
    def path(self) -> str:
        parts, node = [], self
        while node is not None:
            parts.append(node.ordinal)
            node = node.parent
        return ".".join(reversed(parts))

    @property
    def first(self) -> Span:
        return self.paragraphs[0]

    @property
    def title_only(self) -> bool:
        """Whether the node's first paragraph is a heading rather than an item with a body."""
        rest = self.first.norm[self.marker_length :].strip()
        if self.first.norm.startswith("#"):
            return True
        return display_width(rest) <= 50 and not any(c in rest[:-1] for c in "。;") and not find_clauses(rest)

    @property
    def heading(self) -> str:
        text = self.first.text[self.marker_length :].strip()
        if self.title_only:
            return text.rstrip("。.*_ ")
        norm = self.first.norm[self.marker_length :].strip()
        stop = min((i for i in (norm.find("。"), norm.find(":")) if i >= 0), default=-1)
        return text[:stop].strip("*_ ") if 0 < stop <= 40 else ""

    def own_text(self) -> Span:
        return Span.join(self.paragraphs)

    def subtree_text(self) -> Span:
        return Span.join([self.own_text(), *(child.subtree_text() for child in self.children)])

    def has_clause(self) -> bool:
        return bool(find_clauses(self.own_text().norm)) or any(c.has_clause() for c in self.children)


@dataclass
class MeasureSpan:
    node: Node
    text: Span
    clause: Clause  # offsets relative to `text`
    path: str


@dataclass
class Document:
    preamble: list[Span]
    roots: list[Node]
    closing: list[Span]
    measures: list[MeasureSpan]

    def paragraphs(self) -> list[Span]:
        """All paragraphs in reading order: preamble, body, closing."""
        body: list[Span] = []

        def walk(node: Node) -> None:
            body.extend(node.paragraphs)
            for child in node.children:
                walk(child)

        for root in self.roots:
            walk(root)
        return [*self.preamble, *body, *self.closing]

    def sections(self) -> list[Node]:
        """Nodes that are not a measure by themselves: headings, and items without a clause."""
        anchors = {m.node for m in self.measures}
        out: list[Node] = []

        def walk(node: Node) -> None:
            if node not in anchors or node.title_only:
                out.append(node)
            if node in anchors and not any(c.has_clause() for c in node.children):
                return  # sub-items sharing the item's clause are part of its measure
            for child in node.children:
                walk(child)

        for root in self.roots:
            walk(root)
        return out


def _marker(norm: str) -> tuple[str, int, str, int] | None:
    """(style, rank, number, length of marker incl. Markdown #) of a numbered paragraph."""
    heading = P.MARKDOWN_HEADING.match(norm)
    offset = heading.end() if heading else 0
    for style, (rank, rx) in P.NUMBERING.items():
        m = rx.match(norm[offset:])
        if m:
            return style, rank, next(g for g in m.groups() if g), offset + m.end()
    return None


def _first_item(norm: str) -> bool:
    marker = _marker(norm)
    return marker is not None and P.cn_number(marker[2]) == 1


def _looks_like_heading(para: Span) -> bool:
    """An unnumbered heading: a short line with no sentence punctuation and no clause."""
    norm = para.norm.lstrip("#").strip()
    if not norm or display_width(norm) > 30 or any(c in norm for c in "。;:,!?、()"):
        return False
    return not norm.startswith(("一是", "二是", "三是")) and not P.DATE.search(norm)


def _build_tree(body: list[Span]) -> list[Node]:
    roots: list[Node] = []
    stack: list[Node] = []
    last_value: dict[str, int] = {}
    for i, para in enumerate(body):
        marker = _marker(para.norm)
        if marker:
            style, rank, number, length = marker
            value = P.cn_number(number) or 0
            # A number out of sequence ("5 亿元" after item 1) is text, not numbering.
            if value not in (last_value.get(style, 0) + 1, 1):
                marker = None
        node: Node | None = None
        if marker:
            style, rank, number, length = marker
            last_value[style] = P.cn_number(number) or 0
            node = Node(style, rank, number, [para], marker_length=length)
        elif stack and i + 1 < len(body) and _looks_like_heading(para) and not _looks_like_heading(body[i + 1]):
            prev = stack[-1]
            # Right after a heading with no body yet: its child; after body text: its sibling.
            rank = prev.rank + 1 if len(prev.paragraphs) == 1 and prev.title_only else prev.rank
            node = Node(
                "heading", rank, None, [para], marker_length=len(para.norm) - len(para.norm.lstrip("#").lstrip())
            )
            # A heading that lost its number still takes its place in the sequence: （一）, —, （三）.
            for style, (style_rank, _) in P.NUMBERING.items():
                if style_rank == rank and style in last_value:
                    last_value[style] += 1
        if node is None:
            if stack:
                stack[-1].paragraphs.append(para)
            continue
        while stack and stack[-1].rank >= node.rank:
            stack.pop()
        node.parent = stack[-1] if stack else None
        (node.parent.children if node.parent else roots).append(node)
        stack.append(node)
    _assign_ordinals(roots)
    return roots


def _assign_ordinals(nodes: list[Node]) -> None:
    used: set[str] = set()
    for position, node in enumerate(nodes, start=1):
        value = P.cn_number(node.number) if node.number else None
        ordinal = str(value if value is not None else position)
        while ordinal in used:
            ordinal += "x"
        used.add(ordinal)
        node.ordinal = ordinal
        _assign_ordinals(node.children)


def _segments(node: Node) -> list[MeasureSpan]:
    own = node.own_text()
    clauses = find_clauses(own.norm)
    if not clauses:
        if node.children and not any(c.has_clause() for c in node.children[:-1]):
            last = node.children[-1]
            tail = find_clauses(last.own_text().norm)
            last_para = last.paragraphs[-1].norm.strip()
            # A clause standing alone after the sub-items covers the whole item.
            if len(tail) == 1 and not last.children and tail[0].start == len(last.own_text()) - len(last_para):
                text = node.subtree_text()
                clause = find_clauses(text.norm)[-1]
                return [MeasureSpan(node, text, clause, node.path)]
        return [m for child in node.children for m in _segments(child)]
    shared = not any(c.has_clause() for c in node.children)
    measures: list[MeasureSpan] = []
    start = 0
    for k, clause in enumerate(clauses, start=1):
        piece = own[start : clause.end]
        lead = len(piece.text) - len(piece.text.lstrip())
        piece = piece[lead:]
        shifted = Clause(
            clause.start - start - lead,
            clause.end - start - lead,
            tuple((a - start - lead, b - start - lead) for a, b in clause.units),
            clause.unbalanced,
            clause.remarks,
        )
        path = node.path if len(clauses) == 1 else f"{node.path}.c{k}"
        measures.append(MeasureSpan(node, piece, shifted, path))
        start = clause.end
    if shared and node.children:
        last = measures[-1]
        last.text = Span.join([last.text, *(child.subtree_text() for child in node.children)])
    elif node.children:
        measures.extend(m for child in node.children for m in _segments(child))
    return measures


def parse_structure(paragraphs: list[Span]) -> Document:
    # The body starts with the first item numbered 1 (一、, （一）, 1.): page debris may hold digits.
    start = next((i for i, p in enumerate(paragraphs) if _first_item(p.norm)), len(paragraphs))
    end = next((i for i, p in enumerate(paragraphs) if i > start and P.END_MATTER.search(p.norm)), len(paragraphs))
    roots = _build_tree(paragraphs[start:end])
    measures = [m for root in roots for m in _segments(root)]
    return Document(paragraphs[:start], roots, paragraphs[end:], measures)
