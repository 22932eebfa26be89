"""Content negotiation for dereferenced IRIs: HTML for browsers, RDF for clients.

A minted IRI's path answers directly (200, `Vary: Accept`, `Content-Location` naming the variant);
each variant has its own URL too, the path plus an extension: `/id/doc/x.ttl`, `/id/doc/x.jsonld`,
`/id/doc/x.nt`, `/id/doc/x.rdf`, `/id/doc/x.html`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import RdfFormat, Triple, serialize
from starlette.responses import Response

from api.pages.links import PREFIXES
from store.formats import negotiate, prefers_html

__all__ = ["EXTENSIONS", "Variant", "alternates", "choose", "rdf_response", "split_extension"]

# extension -> (media type, pyoxigraph format, name shown on pages)
EXTENSIONS: dict[str, tuple[str, RdfFormat | None, str]] = {
    "ttl": ("text/turtle", RdfFormat.TURTLE, "Turtle"),
    "jsonld": ("application/ld+json", RdfFormat.JSON_LD, "JSON-LD"),
    "nt": ("application/n-triples", RdfFormat.N_TRIPLES, "N-Triples"),
    "rdf": ("application/rdf+xml", RdfFormat.RDF_XML, "RDF/XML"),
    "html": ("text/html", None, "HTML"),
}
BY_MEDIA = {media: ext for ext, (media, _, _) in EXTENSIONS.items()}


@dataclass(frozen=True)
class Variant:
    ext: str
    media_type: str
    name: str
    href: str


def split_extension(path: str) -> tuple[str, str | None]:
    """`doc/x.ttl` -> (`doc/x`, `ttl`); a path without a known extension is returned whole."""
    stem, dot, ext = path.rpartition(".")
    if dot and ext in EXTENSIONS and "/" not in ext:
        return stem, ext
    return path, None


def choose(accept: str | None) -> str | None:
    """The extension of the variant to send, or None when nothing acceptable is offered."""
    if prefers_html(accept):
        return "html"
    media = negotiate(accept, "CONSTRUCT")
    if media is None:
        return None
    return BY_MEDIA.get(media, "ttl")


def alternates(base_path: str) -> list[Variant]:
    """The machine-readable variants of a page at `base_path` (for `<link rel="alternate">`)."""
    return [
        Variant(ext, media, name, f"{base_path}.{ext}")
        for ext, (media, fmt, name) in EXTENSIONS.items()
        if fmt is not None
    ]


def rdf_response(triples: Iterable[Triple], ext: str, content_location: str, negotiated: bool) -> Response:
    media, fmt, _ = EXTENSIONS[ext]
    assert fmt is not None
    kept = sorted(set(triples), key=str)
    kwargs = {"prefixes": {k: v for k, v in PREFIXES.items() if k != "id"}} if fmt == RdfFormat.TURTLE else {}
    body = serialize(kept, format=fmt, **kwargs)
    headers = {"Content-Location": content_location}
    if negotiated:
        headers["Vary"] = "Accept"
    charset = "; charset=utf-8" if fmt != RdfFormat.RDF_XML else ""
    return Response(body, media_type=media + charset, headers=headers)
