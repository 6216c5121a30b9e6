"""Inputs to articles: find files, read them by format, fill in metadata.

``read_inputs`` yields an ``Input`` per record: its path, ref, line and the
article or an ``InputError`` with its reason. Whatever a reader raises
becomes that input's error, so one bad file or line never stops a load.
"""
import hashlib
import os
import re
import sys
from pathlib import Path
from typing import NamedTuple, Union
from urllib.parse import urlparse

from .. import lexicon
from .datelines import dateline_source
from ..extract.dates import parse_datetime
from .decode import InputError, clean, decode
from .formats import READERS, read_jsonl_lines

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


class Input(NamedTuple):
    """One record read from one input file (``line`` 0 when the file is the record)."""

    path: str
    ref: str
    item: Union[dict, InputError]
    line: int = 0


def iter_paths(paths):
    """Every input file under ``paths`` (folders recursively, sorted); ``-`` is stdin."""
    for p in paths:
        if str(p) == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield path


def read_inputs(paths, max_bytes=DEFAULT_MAX_BYTES, stdin_format=".jsonl"):
    for path in iter_paths(paths):
        yield from read_path(path, max_bytes, stdin_format)


def read_path(path, max_bytes=DEFAULT_MAX_BYTES, stdin_format=".jsonl"):
    """An ``Input`` (article or InputError) for each record of one input."""
    name = "-" if path == "-" else path.name
    try:
        if path == "-":
            data, suffix = sys.stdin.buffer.read(max_bytes + 1), stdin_format
        else:
            suffix = path.suffix.lower()
            if path.exists() and not path.is_file():
                raise InputError("not a regular file")
            if suffix not in READERS:
                raise InputError(f"unsupported file type {suffix or '(none)'}; expected one of {', '.join(sorted(READERS))}")
            if not path.exists():
                raise InputError("no such file")
            if path.stat().st_size > max_bytes:
                raise InputError(f"file is {path.stat().st_size} bytes, over the limit of {max_bytes}")
            if suffix in STREAMED and _streamable(path):
                data = None
                records = read_jsonl_lines(_file_lines(path))
            else:
                data = path.read_bytes()
        if data is not None:
            if len(data) > max_bytes:
                raise InputError(f"input is over the limit of {max_bytes} bytes")
            records = READERS[suffix](clean(decode(data)))
            del data  # the text is all a reader needs
    except InputError as e:
        yield Input(str(path), name, e, e.line)
        return
    except Exception as e:  # a reader's own failure (ours or a library's) is this input's error
        yield Input(str(path), name, InputError.from_exception(e))
        return
    single = suffix in (".txt", ".text", ".md", ".markdown", ".html", ".htm")
    line = 0
    try:
        for line, record in records:
            if isinstance(record, InputError):
                yield Input(str(path), f"{name}:{line}", record, line)
                continue
            ref = name if single else (clean(str(record["id"])) if record.get("id") else f"{name}:{line}")
            try:
                item = article(record, str(path), ref)
            except Exception as e:  # one record's metadata, not the file
                item = InputError.from_exception(e, line)
            yield Input(str(path), ref, item, line)
    except InputError as e:
        yield Input(str(path), name, e, e.line)
    except Exception as e:  # a reader failing half-way (a file read as the load goes, a library)
        yield Input(str(path), name, InputError.from_exception(e, line + 1 if line else 0))


STREAMED = (".jsonl", ".ndjson")  # read line by line from disk: a big feed is never held whole


def _streamable(path):
    """Whether a JSONL file can be read line by line (UTF-8 or Windows-1252)."""
    with open(path, "rb") as f:
        head = f.read(4096)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head or not head.strip():
        return False  # read whole: decoded as UTF-16, or refused as binary or empty
    decode(head)  # refuses a binary file (control characters)
    return True


def _file_lines(path):
    """Clean text lines of a UTF-8 (or Windows-1252) file, split at LF only."""
    with open(path, "rb") as f:
        for n, raw in enumerate(f):
            if n == 0 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                line = raw.decode("cp1252", errors="replace")
            yield clean(line).rstrip("\n")


def article(record, path, ref):
    """A storable article from a record: id by content, metadata filled in."""
    record = {k: clean(str(v)) if v is not None else None for k, v in record.items()}
    text = record["text"].strip()
    lexes = [lexicon.get(code) for code in lexicon.languages()]
    published = record.get("published")  # may be empty once cleaned of invisible characters
    published = parse_datetime(published, lexes) if published else None
    url = record.get("url")
    if not published and url:
        published = _date_in_url(url)
    content_hash = hashlib.sha1(re.sub(r"\s+", " ", text).encode()).hexdigest()
    return {
        "id": content_hash[:16],
        "ref": ref,
        "path": path,
        "url": url,
        "title": (record.get("title") or "").strip() or None,
        "source": record.get("source") or dateline_source(text) or _domain(url),
        "author": record.get("author"),
        "published": published,
        "language": language(text, record.get("language")),
        "text": text,
        "content_hash": content_hash,
    }


def language(text, declared=None):
    """ISO 639-1 code: the record's own when we have a lexicon for it, else py3langid
    restricted to the languages we have lexicons for."""
    known = lexicon.languages()
    if declared and declared[:2].lower() in known:
        return declared[:2].lower()
    from py3langid.langid import LanguageIdentifier, MODEL_FILE

    identifier = _identifier(LanguageIdentifier, MODEL_FILE, tuple(known))
    return identifier.classify(text[:2000])[0]


_IDENTIFIERS = {}


def _identifier(cls, model, langs):
    if langs not in _IDENTIFIERS:
        ident = cls.from_model_file(model, norm_probs=False)
        ident.set_languages(list(langs))
        _IDENTIFIERS[langs] = ident
    return _IDENTIFIERS[langs]


def _domain(url):
    if not url:
        return None
    try:
        host = urlparse(url).netloc.lower()
    except ValueError:
        return None
    return host[4:] if host.startswith("www.") else host or None


def _date_in_url(url):
    m = re.search(r"/(20\d\d|19\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|\D)", url)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None
