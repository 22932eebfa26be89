"""Real servers on loopback for the service tests.

- `embedded`: `bzkg serve --data tests/service/data/ttl` (the fixture graph and the ontology), with an
  admin token, a 3 s query timeout and a 1,000-row cap.
- `oxigraph`: `oxigraph serve --union-default-graph`, filled by `bzkg load --gsp`.
- `remote`: `bzkg serve` with `BZKG_SPARQL_ENDPOINT` pointing at that Oxigraph server.

Every process is started here and stopped by its own pid at the end of the session.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).parent / "data" / "ttl"
ONTOLOGY = ROOT / "ontology"
VENV_BIN = Path(sys.executable).parent
OXIGRAPH = shutil.which("oxigraph", path=str(VENV_BIN)) or shutil.which("oxigraph")
TOKEN = "test-admin-token"


def bzkg_command(*args: str) -> list[str]:
    """`bzkg ARGS` run from the checkout with the interpreter running the tests."""
    return [sys.executable, "-m", "bzkg.cli", *args]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    name: str
    process: subprocess.Popen
    base: str
    log: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


def start(
    name: str,
    cmd: list[str],
    port: int,
    tmp: Path,
    env: dict[str, str] | None = None,
    probe: str = "/health",
    timeout: float = 60,
) -> Server:
    log = tmp / f"{name}.log"
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    for key in ("BZKG_SPARQL_ENDPOINT", "BZKG_ADMIN_TOKEN", "BZKG_UNION_DEFAULT_GRAPH"):
        if env is None or key not in env:
            full_env.pop(key, None)
    with log.open("wb") as out:
        process = subprocess.Popen(cmd, cwd=ROOT, env=full_env, stdout=out, stderr=subprocess.STDOUT)
    server = Server(name, process, f"http://127.0.0.1:{port}", log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(server.base + probe, timeout=2).status_code < 500:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    server.stop()
    raise RuntimeError(f"{name} did not start in {timeout} s:\n{log.read_text()[-3000:]}")


def serve(name: str, tmp: Path, data: Path, env: dict[str, str] | None = None) -> Server:
    port = free_port()
    cmd = bzkg_command(
        "serve", "--host", "127.0.0.1", "--port", str(port), "--data", str(data), "--log-level", "warning"
    )
    return start(name, cmd, port, tmp, env)


@pytest.fixture(scope="session")
def tmp_session(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("service")


@pytest.fixture(scope="session")
def embedded(tmp_session) -> Iterator[Server]:
    env = {"BZKG_ADMIN_TOKEN": TOKEN, "BZKG_QUERY_TIMEOUT": "3", "BZKG_MAX_ROWS": "1000"}
    server = serve("embedded", tmp_session, DATA, env)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def oxigraph(tmp_session) -> Iterator[Server]:
    if OXIGRAPH is None:
        pytest.skip("the oxigraph server binary is not installed")
    port = free_port()
    location = tmp_session / "oxigraph-db"
    cmd = [
        OXIGRAPH,
        "serve",
        "--location",
        str(location),
        "--bind",
        f"127.0.0.1:{port}",
        "--union-default-graph",
        "--timeout-s",
        "3",
    ]
    server = start("oxigraph", cmd, port, tmp_session, probe="/query?query=ASK%7B%7D")
    load = subprocess.run(
        bzkg_command("load", "--gsp", f"{server.base}/store", "--data", str(DATA)),
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert load.returncode == 0, load.stderr
    yield server
    server.stop()


@pytest.fixture(scope="session")
def remote(tmp_session, oxigraph) -> Iterator[Server]:
    env = {"BZKG_SPARQL_ENDPOINT": f"{oxigraph.base}/query", "BZKG_QUERY_TIMEOUT": "3", "BZKG_MAX_ROWS": "1000"}
    server = serve("remote", tmp_session, DATA, env)
    yield server
    server.stop()


@pytest.fixture(scope="session", params=["embedded", "oxigraph", "remote"])
def sparql_url(request) -> str:
    """The SPARQL query URL of each back end: our API (embedded, remote) and Oxigraph itself."""
    server: Server = request.getfixturevalue(request.param)
    return f"{server.base}/query" if request.param == "oxigraph" else f"{server.base}/sparql"
