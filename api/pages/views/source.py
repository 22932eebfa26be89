"""The decoded source texts that quotes point into: data/docs/{bz:fileName}, used only when the
file's SHA-256 is the one the graph records. Decoded texts are kept (a few, small) per process."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

__all__ = ["QuoteContext", "SourceTexts", "context_around"]

CONTEXT_CHARS = 360


@dataclass(frozen=True)
class QuoteContext:
    before: str
    exact: str
    after: str
    cut_before: bool
    cut_after: bool


class SourceTexts:
    """Reads, verifies and decodes source files under `root`; remembers the last `size` texts."""

    def __init__(self, root: Path, size: int = 32) -> None:
        self.root = root
        self.size = size
        self._texts: OrderedDict[tuple[str, str], str | None] = OrderedDict()
        self._lock = threading.Lock()

    def text(self, file_name: str, sha256: str, encoding: str = "utf-8") -> str | None:
        """The decoded text, or None when the file is missing, outside the folder, or differs."""
        key = (file_name, sha256.lower())
        with self._lock:
            if key in self._texts:
                self._texts.move_to_end(key)
                return self._texts[key]
        value = self._read(file_name, sha256.lower(), encoding)
        with self._lock:
            self._texts[key] = value
            while len(self._texts) > self.size:
                self._texts.popitem(last=False)
        return value

    def _read(self, file_name: str, sha256: str, encoding: str) -> str | None:
        name = Path(file_name).name
        if not name or name != file_name:
            return None
        path = self.root / name
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        if hashlib.sha256(raw).hexdigest() != sha256:
            return None
        try:
            text = raw.decode(encoding or "utf-8")
        except (LookupError, UnicodeDecodeError):
            return None
        return text.removeprefix("\ufeff")


def context_around(text: str, start: int, end: int, chars: int = CONTEXT_CHARS) -> QuoteContext | None:
    """The quote text[start:end] with up to `chars` characters either side, cut at line breaks."""
    if not 0 <= start < end <= len(text):
        return None
    lo = max(0, start - chars)
    if lo > 0:
        nl = text.find("\n", lo, start)
        lo = nl + 1 if nl >= 0 else lo
    hi = min(len(text), end + chars)
    if hi < len(text):
        nl = text.rfind("\n", end, hi)
        hi = nl if nl >= 0 else hi
    return QuoteContext(
        before=text[lo:start],
        exact=text[start:end],
        after=text[end:hi],
        cut_before=lo > 0,
        cut_after=hi < len(text),
    )
