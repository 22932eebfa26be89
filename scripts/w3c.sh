#!/usr/bin/env bash
# Run the W3C SPARQL test suite against `bzkg serve` (empty store, no union default graph, data
# loaded through the Graph Store) and against pyoxigraph in process; print both summaries and the
# tests whose outcome differs. Usage: scripts/w3c.sh [extra harness args, e.g. --filter REGEX]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
HARNESS=${BZKG_W3C_HARNESS:-$(pwd)/../shared/tools/w3c_sparql_eval.py}
PORT=${PORT:-$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
TOKEN=w3c-$RANDOM$RANDOM
WORK=$(mktemp -d)
mkdir "$WORK/empty"
CLI=bzkg.cli
"$PY" -c 'import loader.commands' 2>/dev/null || CLI=api.commands

BZKG_ADMIN_TOKEN=$TOKEN BZKG_UNION_DEFAULT_GRAPH=false \
  "$PY" -m "$CLI" serve --data "$WORK/empty" --port "$PORT" --log-level warning >"$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
  sleep 0.2
done

"$PY" "$HARNESS" --engine pyoxigraph --json "$WORK/baseline.json" -q "$@" | tail -1 | sed 's/^/pyoxigraph: /' || true
"$PY" "$HARNESS" --endpoint "http://127.0.0.1:$PORT/sparql" --gsp "http://127.0.0.1:$PORT/store" \
  --header "Authorization: Bearer $TOKEN" --json "$WORK/endpoint.json" -q "$@" | tail -1 | sed 's/^/endpoint:   /' || true
"$PY" - "$WORK/baseline.json" "$WORK/endpoint.json" <<'PYEOF'
import json, sys
base, ours = ({t["id"]: t for t in json.load(open(p))} for p in sys.argv[1:3])
diff = sorted(i for i in base.keys() | ours.keys() if base.get(i, {}).get("status") != ours.get(i, {}).get("status"))
for i in diff:
    print(f"DIFF {i}: pyoxigraph={base.get(i, {}).get('status')} endpoint={ours.get(i, {}).get('status')}"
          f"  {ours.get(i, {}).get('detail', '')[:200]}")
print("same outcomes as pyoxigraph" if not diff else f"{len(diff)} tests differ")
sys.exit(1 if diff else 0)
PYEOF
