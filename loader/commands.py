"""`bzkg build` and `bzkg validate`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bzkg.paths import DOCS_DIR, TTL_DIR

__all__ = ["register"]


def _build(args: argparse.Namespace) -> int:
    from loader.build import build, report

    if not args.docs.exists():
        print(f"error: {args.docs}: no such file or directory", file=sys.stderr)
        return 2
    result = build(args.docs, args.out, progress=lambda msg: print(msg, file=sys.stderr))
    return report(result)


def _validate(args: argparse.Namespace) -> int:
    from validation.report import print_report
    from validation.shacl import DataError, validate_files

    if not args.data.exists():
        print(f"error: {args.data}: no such file or directory", file=sys.stderr)
        return 2
    try:
        report = validate_files(args.data)
    except DataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print_report(report)
    return 1 if report.violations else 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    build = subparsers.add_parser("build", help="extract the graph from policy documents")
    build.add_argument("--docs", type=Path, default=DOCS_DIR, help="a document or a folder of them")
    build.add_argument("--out", type=Path, default=TTL_DIR, help="where to write one .ttl per document")
    build.set_defaults(handler=_build)
    validate = subparsers.add_parser("validate", help="check the graph's completeness with SHACL")
    validate.add_argument("data", type=Path, nargs="?", default=TTL_DIR, help="a .ttl file or a folder of them")
    validate.set_defaults(handler=_validate)
