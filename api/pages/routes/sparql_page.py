"""The SPARQL page for browsers at `/sparql` (the hook `app.state.sparql_html_page`): an editor
(a plain textarea that the CodeMirror bundle enhances), the named example queries, results as an
HTML table, downloads through the endpoint's `?format=`. Without a query it shows the form.

User queries go through `store.protocol_query`, so the endpoint's timeout and row cap apply.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from pyoxigraph import RdfFormat, parse
from starlette.concurrency import run_in_threadpool

from api.deps import get_store
from api.pages.deps import get_page
from api.pages.links import curie, local_path
from api.pages.render import render
from api.pages.views.queries import load_queries
from bzkg import paths
from store.base import StoreError
from store.sparql_text import query_form

__all__ = ["HtmlCell", "sparql_html_page"]

SHOWN_ROWS = 1000
ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
DEFAULT_QUERY = """PREFIX bz: <https://w3id.org/bzkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT ?measure ?label WHERE {
  ?measure a bz:Measure ; rdfs:label ?label .
  FILTER(LANG(?label) = "zh")
}
LIMIT 20
"""


@dataclass(frozen=True)
class HtmlCell:
    text: str
    href: str | None = None
    title: str | None = None


def _cell(binding: dict | None) -> HtmlCell:
    if not binding:
        return HtmlCell("")
    kind, value = binding.get("type"), str(binding.get("value", ""))
    if kind == "uri":
        return HtmlCell(curie(value), local_path(value), value)
    if kind == "bnode":
        return HtmlCell(f"_:{value}")
    if "xml:lang" in binding:
        return HtmlCell(value, title=f"@{binding['xml:lang']}")
    if "datatype" in binding:
        return HtmlCell(value, title=curie(binding["datatype"]))
    return HtmlCell(value)


def _table(body: bytes, media_type: str) -> tuple[list[str], list[list[HtmlCell]], bool | None]:
    """Columns, rows and (for ASK) the boolean of a protocol answer."""
    if media_type.startswith("application/sparql-results+json"):
        doc = json.loads(body)
        if "boolean" in doc:
            return [], [], bool(doc["boolean"])
        columns = list(doc.get("head", {}).get("vars", []))
        rows = [[_cell(b.get(c)) for c in columns] for b in doc["results"]["bindings"]]
        return columns, rows, None
    triples = parse(body, format=RdfFormat.N_TRIPLES)
    rows = []
    for t in triples:
        cells = []
        for term in (t.subject, t.predicate, t.object):
            v = term.value
            if type(term).__name__ == "NamedNode":
                cells.append(HtmlCell(curie(v), local_path(v), v))
            else:
                cells.append(HtmlCell(v))
        rows.append(cells)
    return ["subject", "predicate", "object"], rows, None


async def _query_text(request: Request) -> str | None:
    state_query = getattr(request.state, "sparql_query", None)
    if state_query is not None:
        return state_query
    if request.method == "POST":
        form = await request.form()
        value = form.get("query")
        return value if isinstance(value, str) else None
    return request.query_params.get("query")


async def sparql_html_page(request: Request) -> HTMLResponse:
    """GET or POST /sparql from a browser: the form, and the results when a query is given."""
    store = get_store(request)
    page = get_page(request, store)
    query = await _query_text(request)
    examples = await run_in_threadpool(load_queries, paths.QUERIES_DIR)
    context: dict = {"query": query if query is not None else DEFAULT_QUERY, "examples": examples, "ran": False}
    status = 200
    if query is not None and query.strip():
        context["ran"] = True
        context["form"] = query_form(query)
        try:
            result = await run_in_threadpool(store.protocol_query, query, ACCEPT)
        except StoreError as e:
            context["error"] = str(e)
            status = 400
        else:
            columns, rows, boolean = _table(result.body, result.media_type)
            context.update(
                columns=columns,
                rows=rows[:SHOWN_ROWS],
                n_rows=len(rows),
                shown=min(len(rows), SHOWN_ROWS),
                boolean=boolean,
                truncated=getattr(result, "truncated", False),
            )
        graph = context.get("form") in ("CONSTRUCT", "DESCRIBE")
        formats = ["ttl", "nt", "jsonld"] if graph else ["csv", "json", "tsv", "xml"]
        context["downloads"] = [(f, "/sparql?" + urlencode({"query": query, "format": f})) for f in formats]
    return render(request, "sparql.html", context, lang=page.lang, status_code=status)
