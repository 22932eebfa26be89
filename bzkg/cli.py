"""The `bzkg` command: one subcommand per stage of the flow loader -> data/ttl -> store -> api.

Each subcommand module registers itself through a `register(subparsers)` function, so this file only
lists the stages; heavy imports happen inside the handlers, keeping `bzkg --help` fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

__all__ = ["main"]


def build_parser() -> argparse.ArgumentParser:
    from api import commands as api_commands
    from loader import commands as loader_commands

    parser = argparse.ArgumentParser(
        prog="bzkg", description="综合保税区政策知识图谱 — the knowledge graph of China's bonded-zone policies."
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    loader_commands.register(subparsers)
    api_commands.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.handler(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
