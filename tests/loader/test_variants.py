"""The same document in another form gives the same measures, agencies, business types and zones."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bzkg.paths import DOCS_DIR
from tests.loader.conftest import DOCS, facts


def original(stem: str) -> str:
    return (DOCS_DIR / f"{stem}.txt").read_text(encoding="utf-8")


# wuhan-2023 is PDF text already wrapped at about 30 characters; re-wrapping it narrower than its own
# width cuts every line twice, which no real capture does.
MIN_WIDTH = {"wuhan-2023": 30}


def hard_wrap(text: str, width: int) -> str:
    lines = []
    for line in text.splitlines():
        lines.extend(line[i : i + width] for i in range(0, len(line), width)) if line else lines.append("")
    return "\n".join(lines)


@pytest.mark.parametrize("stem", DOCS)
def test_ascii_punctuation(stem, graphs, extract_text):
    variant = unicodedata.normalize("NFKC", original(stem))
    assert facts(extract_text(variant, f"{stem}.txt")) == facts(graphs[stem])


@pytest.mark.parametrize("stem", DOCS)
def test_gb18030(stem, graphs, extract_text):
    assert facts(extract_text(original(stem), f"{stem}.txt", encoding="gb18030")) == facts(graphs[stem])


@pytest.mark.parametrize("stem", DOCS)
def test_crlf(stem, graphs, extract_text):
    assert facts(extract_text(original(stem).replace("\n", "\r\n"), f"{stem}.txt")) == facts(graphs[stem])


@pytest.mark.parametrize("stem", DOCS)
@pytest.mark.parametrize("width", [24, 37, 50])
def test_hard_wrapped(stem, width, graphs, extract_text):
    width = max(width, MIN_WIDTH.get(stem, 0))
    assert facts(extract_text(hard_wrap(original(stem), width), f"{stem}.txt")) == facts(graphs[stem])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stem=st.sampled_from(DOCS), width=st.integers(min_value=18, max_value=70), crlf=st.booleans())
def test_wrapped_any_width(stem, width, crlf, graphs, extract_text):
    width = max(width, MIN_WIDTH.get(stem, 0))
    text = hard_wrap(original(stem), width)
    if crlf:
        text = text.replace("\n", "\r\n")
    assert facts(extract_text(text, f"{stem}.txt")) == facts(graphs[stem])
