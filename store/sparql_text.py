"""Small lexical helpers over SPARQL text: which operation a request holds, and bound parameters as
a `VALUES` block for servers that do not take pyoxigraph substitutions.

Nothing here parses SPARQL fully; the engine does. The tokenizer only skips comments, strings and
IRIs so that keywords and braces are found where they really are.

    >>> query_form("PREFIX a: <x:> # SELECT\\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    'CONSTRUCT'
    >>> is_update("PREFIX a: <x:> INSERT DATA { a:s a:p a:o }")
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from store.base import Bindings, StoreError

__all__ = ["UPDATE_KEYWORDS", "inject_values", "is_update", "query_form", "sparql_term"]

UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})
_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
_PROLOGUE = frozenset({"PREFIX", "BASE"})

_TOKEN = re.compile(
    r"""
      (?P<ws>\s+)
    | (?P<comment>\#[^\n]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                 |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\s]*>)
    | (?P<word>[A-Za-z_][\w\-]*(?::[\w\-.%]*)?|\?\w+|\$\w+)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


def _tokens(text: str) -> Iterator[tuple[str, str, int]]:
    """(kind, text, offset) for each token that is not white space or a comment."""
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        if kind not in ("ws", "comment"):
            yield kind, m.group(), m.start()


def _first_keyword(text: str) -> str | None:
    """The first keyword after the prologue (PREFIX / BASE declarations)."""
    skip = 0
    for kind, tok, _ in _tokens(text):
        if skip:
            skip -= 1
            continue
        upper = tok.upper()
        if kind == "word" and upper in _PROLOGUE:
            skip = 2 if upper == "PREFIX" else 1
            continue
        return upper if kind == "word" else None
    return None


def query_form(text: str) -> str | None:
    """SELECT / ASK / CONSTRUCT / DESCRIBE, or None (an update, or not SPARQL)."""
    word = _first_keyword(text)
    return word if word in _FORMS else None


def is_update(text: str) -> bool:
    """Whether the text starts like a SPARQL Update operation (after its prologue)."""
    return _first_keyword(text) in UPDATE_KEYWORDS


def sparql_term(term) -> str:
    """A term in SPARQL syntax (N-Triples escaping, which SPARQL accepts)."""
    if isinstance(term, NamedNode | BlankNode | Literal):
        return str(term)
    if isinstance(term, Triple):
        return f"<< {sparql_term(term.subject)} {sparql_term(term.predicate)} {sparql_term(term.object)} >>"
    raise TypeError(f"cannot bind {term!r}")


def inject_values(query: str, bindings: Bindings | None) -> str:
    """Insert `VALUES (?a ?b) { (...) }` as the first element of the query's WHERE group.

    Equivalent to substituting the variables for queries whose variables are bound in that group,
    which is how the store's internal queries use bindings.
    """
    if not bindings:
        return query
    for name in bindings:
        if not re.fullmatch(r"\w+", name):
            raise StoreError(f"invalid variable name {name!r}")
    form = query_form(query)
    braces = 0
    depth = 0
    target = None
    after_where = False
    for kind, tok, offset in _tokens(query):
        if kind == "word" and tok.upper() == "WHERE" and depth == 0:
            after_where = True
        elif tok == "{":
            if depth == 0:
                braces += 1
                # The WHERE group is the first top-level group after WHERE; without the keyword,
                # the first one (the second for CONSTRUCT, after its template).
                if after_where or braces == (2 if form == "CONSTRUCT" else 1):
                    target = offset
                    break
            depth += 1
        elif tok == "}":
            depth -= 1
    if target is None:
        raise StoreError("cannot bind parameters: the query has no WHERE group")
    names = list(bindings)
    row = " ".join(sparql_term(bindings[n]) for n in names)
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }}"
    return query[: target + 1] + block + query[target + 1 :]
