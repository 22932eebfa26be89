"""Stable, readable IRI slugs for resources named in Chinese."""

from __future__ import annotations

import re

from pypinyin import Style, lazy_pinyin

__all__ = ["slug"]


def slug(name: str) -> str:
    """`湖北省商务厅` -> `hu-bei-sheng-shang-wu-ting`: tone-less pinyin syllables, ASCII kept, lower case."""
    syllables = lazy_pinyin(name, style=Style.NORMAL, errors=lambda chars: list(chars))
    text = "-".join(s.strip() for s in syllables if s.strip())
    text = re.sub(r"[^0-9a-zA-Z]+", "-", text).strip("-").lower()
    return re.sub(r"-{2,}", "-", text) or "x"
