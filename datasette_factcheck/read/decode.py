"""Bytes to clean text: BOMs, UTF-16, Windows-1252, binary refused, Unicode normalised."""

import re
import unicodedata

ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


class InputError(Exception):
    """A bad input: reported with its path (and line), never fatal to a load.

    ``exception`` names the error behind it (``InputError`` for a reason of
    ours, else the type of the exception that a reader raised); ``hint`` is
    advice worth showing once per load, not once per file."""

    def __init__(self, reason, line=0, exception="InputError", hint=None):
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.exception = exception
        self.hint = hint

    @classmethod
    def from_exception(cls, error, line=0):
        """Any exception a reader raised, as this input's error."""
        return cls(f"{type(error).__name__}: {error}", line, exception=type(error).__name__)


def decode(data: bytes) -> str:
    if not data.strip():
        raise InputError("empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:4096]:
        sample = data[:4096]
        if sample[1::2].count(0) > len(sample) * 0.4:
            return data.decode("utf-16-le", errors="replace")
        if sample[0::2].count(0) > len(sample) * 0.4:
            return data.decode("utf-16-be", errors="replace")
        raise InputError("binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="strict") if _cp1252_ok(data) else data.decode("latin-1")
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(8, len(text[:4096]) * 0.02):
        raise InputError("binary file (control characters), not text")
    return text


def _cp1252_ok(data):
    try:
        data.decode("cp1252")
        return True
    except UnicodeDecodeError:
        return False


def clean(text: str) -> str:
    """NFC, plain spaces for non-breaking ones, no zero-width characters, LF
    line ends, lone surrogates (which SQLite cannot store) replaced."""
    text = text.encode("utf-8", "replace").decode("utf-8")
    text = unicodedata.normalize("NFC", text)
    text = ZERO_WIDTH.sub("", text)
    text = SPACES.sub(" ", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")
