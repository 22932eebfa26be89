"""`bzkg serve` (run the API) and `bzkg load --gsp URL` (push the graph to a Graph Store).

    bzkg serve [--host 127.0.0.1] [--port 8000] [--data DIR]
    bzkg load --gsp http://127.0.0.1:7878/store [--data DIR] [--token T]

`load` PUTs every ontology file into `https://w3id.org/bzkg/graph/{stem}` and every document file
into the graph named by its document IRI, replacing what the server held in those graphs.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from urllib.parse import quote

__all__ = ["push_graphs", "register"]


def register(subparsers: argparse._SubParsersAction) -> None:
    serve = subparsers.add_parser("serve", help="run the web API and SPARQL endpoint")
    serve.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: %(default)s)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: %(default)s)")
    serve.add_argument("--data", type=Path, help="directory of the built graph (default: data/ttl)")
    serve.add_argument("--log-level", default="info", help="uvicorn log level (default: %(default)s)")
    serve.set_defaults(handler=_serve)

    load = subparsers.add_parser("load", help="push the graph to a SPARQL Graph Store endpoint")
    load.add_argument("--gsp", required=True, metavar="URL", help="Graph Store endpoint, e.g. http://host:7878/store")
    load.add_argument("--data", type=Path, help="directory of the built graph (default: data/ttl)")
    load.add_argument("--ontology", type=Path, help="ontology directory (default: ontology/)")
    load.add_argument(
        "--token", default=os.environ.get("BZKG_ADMIN_TOKEN"), help="bearer token (default: $BZKG_ADMIN_TOKEN)"
    )
    load.add_argument("--wait", type=float, default=30.0, help="seconds to wait for the server (default: 30)")
    load.set_defaults(handler=_load)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from api.app import create_app
    from api.settings import Settings

    overrides = {"data_dir": args.data} if args.data else {}
    settings = Settings.from_env(**overrides)
    logging.basicConfig(level=args.log_level.upper(), format="%(levelname)s %(name)s: %(message)s")
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level=args.log_level)
    return 0


def push_graphs(
    gsp: str, data_dir: Path, ontology_dir: Path, token: str | None = None, wait: float = 30.0
) -> list[tuple[str, int]]:
    """PUT each ontology and document file into its named graph; returns (graph, status) pairs."""
    import httpx

    from store.loading import document_sources, ontology_sources

    sources = ontology_sources(ontology_dir) + document_sources(data_dir)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    sep = "&" if "?" in gsp else "?"
    done: list[tuple[str, int]] = []
    with httpx.Client(timeout=120, headers=headers) as client:
        deadline = time.monotonic() + wait
        for source in sources:
            url = f"{gsp}{sep}graph={quote(source.graph, safe='')}"
            while True:
                try:
                    response = client.put(
                        url, content=source.path.read_bytes(), headers={"Content-Type": source.media_type}
                    )
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.5)
            if response.status_code >= 300:
                raise RuntimeError(
                    f"PUT {source.graph} from {source.path}: HTTP {response.status_code} {response.text[:300]}"
                )
            done.append((source.graph, response.status_code))
    return done


def _load(args: argparse.Namespace) -> int:
    from bzkg import paths

    try:
        done = push_graphs(
            args.gsp, args.data or paths.TTL_DIR, args.ontology or paths.ONTOLOGY_DIR, args.token, args.wait
        )
    except Exception as e:
        print(f"bzkg load: {e}", file=sys.stderr)
        return 1
    for graph, status in done:
        print(f"{status} {graph}")
    print(f"loaded {len(done)} graphs into {args.gsp}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """`python -m api.commands serve|load ...`: the same subcommands without the rest of `bzkg`."""
    parser = argparse.ArgumentParser(prog="bzkg")
    register(parser.add_subparsers(dest="command", required=True, metavar="COMMAND"))
    args = parser.parse_args(argv)
    return int(args.handler(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
