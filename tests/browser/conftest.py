"""A real server and Debian's Chromium for the browser tests.

The server is `uvicorn --factory api.app:create_app` on a free loopback port, serving data/ttl and
ontology/ from the checkout; Chromium is /usr/bin/chromium (scripts/install-browser.sh installs it),
driven headless by Playwright. Screenshots go to test-artifacts/screenshots/.
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
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = os.environ.get("BZKG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[str]:
    """Base URL of a running service over the real data."""
    if not any((ROOT / "data" / "ttl").glob("*.ttl")):
        pytest.skip("data/ttl is empty: run `bzkg build` first")
    port = _free_port()
    log = tmp_path_factory.mktemp("browser") / "server.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("BZKG_")}
    env.update(
        PYTHONPATH=str(ROOT),
        BZKG_DATA_DIR=str(ROOT / "data" / "ttl"),
        BZKG_ONTOLOGY_DIR=str(ROOT / "ontology"),
        BZKG_QUERY_WORKERS="1",
    )
    cmd = [sys.executable, "-m", "uvicorn", "--factory", "api.app:create_app"]
    cmd += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    with log.open("wb") as out:
        process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"server exited with {process.returncode}:\n{log.read_text()[-3000:]}")
            try:
                if httpx.get(base + "/", headers={"accept": "text/html"}, timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"server did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.1)
        yield base
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("no Chromium: run scripts/install-browser.sh")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    p = context.new_page()
    p.set_default_timeout(15_000)
    yield p
    context.close()


@pytest.fixture
def shot():
    """`shot(page, name)` saves the page (its top 2,000 px) as test-artifacts/screenshots/{name}.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(p, name: str, max_height: int = 2000) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        height = min(int(p.evaluate("document.documentElement.scrollHeight")), max_height)
        width = int(p.evaluate("document.documentElement.clientWidth"))
        p.screenshot(path=str(path), full_page=True, clip={"x": 0, "y": 0, "width": width, "height": height})
        return path

    return take
