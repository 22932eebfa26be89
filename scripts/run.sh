#!/usr/bin/env bash
# Install, build the graph from data/docs, check it with SHACL, and serve it on the embedded store.
# Options are passed to `bzkg serve` (e.g. --port 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/bzkg build
.venv/bin/bzkg validate >/dev/null && echo "validate: the graph conforms to shapes/"
exec .venv/bin/bzkg serve "$@"
