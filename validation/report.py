"""A readable SHACL report for the terminal, grouped by focus node."""

from __future__ import annotations

from validation.shacl import Report

__all__ = ["format_report", "print_report"]

_SHORT = {
    "https://w3id.org/bzkg/id/": "id:",
    "https://w3id.org/bzkg/ontology#": "bz:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://purl.org/dc/terms/": "dcterms:",
}


def _short(iri: str | None) -> str:
    if iri is None:
        return ""
    for long, short in _SHORT.items():
        if iri.startswith(long):
            return short + iri[len(long) :]
    return iri


def format_report(report: Report) -> str:
    lines = []
    for focus, results in report.by_focus().items():
        lines.append(_short(focus))
        for r in results:
            where = f" [{_short(r.path)}]" if r.path else ""
            value = f" (value: {r.value})" if r.value else ""
            lines.append(f"  {r.severity}{where}: {r.message}{value}")
    counts = ", ".join(f"{report.count(s)} {s.lower()}s" for s in ("Violation", "Warning", "Info"))
    verdict = "conforms" if report.violations == 0 else "does not conform"
    lines.append(f"The graph {verdict}: {counts} on {len(report.by_focus())} focus nodes.")
    return "\n".join(lines)


def print_report(report: Report) -> None:
    print(format_report(report))
