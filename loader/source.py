"""Reading a source file: bytes -> decoded text, refusing what is not a policy text."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

__all__ = ["LoaderError", "Source", "decode", "read_source"]

# Tried in order. GB18030 is a superset of GBK and GB2312, so one entry covers all three.
ENCODINGS = ("utf-8-sig", "gb18030")
# Control characters that never occur in text; their presence means the file is binary.
_BINARY_BYTES = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}


class LoaderError(Exception):
    """A document cannot be read or parsed. Names the file and, where known, the line."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Source:
    """A decoded source file. Offsets in the graph are character offsets into `text`."""

    path: Path
    text: str
    encoding: str
    sha256: str

    @property
    def stem(self) -> str:
        return self.path.stem


def decode(data: bytes, path: Path | str) -> tuple[str, str]:
    """Decode `data` as UTF-8 or GB18030; raise LoaderError for empty or binary input."""
    if not data.strip():
        raise LoaderError(path, "the file is empty")
    sample = data[:8192]
    binary = sum(b in _BINARY_BYTES for b in sample)
    if b"\x00" in sample or binary > len(sample) // 100:
        raise LoaderError(path, "the file is binary, not text (expected UTF-8 or GB18030 text)")
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        name = "utf-8" if encoding == "utf-8-sig" else encoding
        return text, name
    raise LoaderError(path, "the file is neither UTF-8 nor GB18030/GBK text")


def read_source(path: Path) -> Source:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoaderError(path, f"cannot read: {exc.strerror}") from exc
    text, encoding = decode(data, path)
    if not any("\u4e00" <= ch <= "\u9fff" for ch in text[:20000]):
        raise LoaderError(path, "no Chinese text found: not a policy document")
    return Source(path=path, text=text, encoding=encoding, sha256=hashlib.sha256(data).hexdigest())
