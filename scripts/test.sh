#!/usr/bin/env bash
# Install everything the tests need (Python packages, Debian's Chromium and a CJK font), lint,
# and run the whole test suite: loader, shapes, service (real servers on loopback, an Oxigraph
# server, the W3C SPARQL suite), REST (schemathesis), and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
bash scripts/install-browser.sh
.venv/bin/ruff check .
.venv/bin/python -m pytest -p no:cacheprovider "$@"
