"""The W3C SPARQL test suite through our HTTP endpoint fails exactly what pyoxigraph fails in process.

Starts `BZKG_ADMIN_TOKEN=T BZKG_UNION_DEFAULT_GRAPH=false bzkg serve --data EMPTY_DIR` (an empty
store whose default graph is kept apart from the named graphs; data arrives through the Graph
Store at /store), runs the harness against /sparql, and the in-process pyoxigraph baseline at the
same time, then compares the sets of failed tests. The harness lives outside the repository:
`BZKG_W3C_HARNESS` (default ../shared/tools/w3c_sparql_eval.py beside the checkout); the test skips
without it, except under CI (CI=true), where a missing harness is a failure.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import serve

pytestmark = [pytest.mark.w3c, pytest.mark.server]

HARNESS = Path(
    os.environ.get("BZKG_W3C_HARNESS", Path(__file__).resolve().parents[2].parent / "shared/tools/w3c_sparql_eval.py")
)


def results(path: Path) -> dict[str, str]:
    return {t["id"]: t["status"] for t in json.loads(path.read_text())}


@pytest.mark.skipif(
    not HARNESS.is_file() and os.environ.get("CI") != "true",
    reason=f"W3C harness not found at {HARNESS} (set BZKG_W3C_HARNESS)",
)
def test_w3c_suite_matches_pyoxigraph(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    token = "w3c-token"
    server = serve("w3c", tmp_path, empty, {"BZKG_ADMIN_TOKEN": token, "BZKG_UNION_DEFAULT_GRAPH": "false"})
    try:
        ours, baseline = tmp_path / "endpoint.json", tmp_path / "pyoxigraph.json"
        endpoint = subprocess.Popen(
            [sys.executable, str(HARNESS), "-q", "--json", str(ours),
             "--endpoint", f"{server.base}/sparql", "--gsp", f"{server.base}/store",
             "--header", f"Authorization: Bearer {token}"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=tmp_path,
        )  # fmt: skip
        reference = subprocess.run(
            [sys.executable, str(HARNESS), "-q", "--json", str(baseline), "--engine", "pyoxigraph"],
            capture_output=True, text=True, timeout=600, cwd=tmp_path,
        )  # fmt: skip
        out, _ = endpoint.communicate(timeout=600)
    finally:
        server.stop()
    assert ours.is_file(), out
    assert baseline.is_file(), reference.stdout + reference.stderr
    got, want = results(ours), results(baseline)
    failed = {t for t, s in got.items() if s == "fail"}
    expected = {t for t, s in want.items() if s == "fail"}
    summary = out.strip().splitlines()[-1]
    assert failed - expected == set(), f"{summary}; new failures: {sorted(failed - expected)}"
    assert expected - failed == set(), f"{summary}; unexpected passes: {sorted(expected - failed)}"
    passed = sum(s == "pass" for s in got.values())
    assert passed == sum(s == "pass" for s in want.values()), summary
    assert passed >= 774, summary
