"""Every `curl 'http://127.0.0.1:8000/…'` GET in the README answers 200 on the built graph."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from bzkg.paths import ROOT

URLS = re.findall(r"curl '?http://127\.0\.0\.1:8000(/[^'` ]*)'?`", (ROOT / "README.md").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def client():
    from api.app import create_app
    from api.settings import Settings

    with TestClient(create_app(Settings.from_env({}))) as c:
        yield c


def test_readme_has_urls():
    assert len(URLS) >= 4


@pytest.mark.parametrize("path", URLS)
def test_readme_url_answers(client, path):
    assert client.get(path).status_code == 200
