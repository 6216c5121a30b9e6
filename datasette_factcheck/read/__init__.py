"""Inputs to articles: find files, read them by format, fill in metadata.

``read_inputs`` yields an ``Input`` per record: its path, ref, line and the
article or an ``InputError`` with its reason. Whatever a reader raises
becomes that input's error, so one bad file or line never stops a load.
"""

import datetime as dt
import hashlib
import os
import re
import sys
from pathlib import Path
from typing import NamedTuple, Union

from .. import lexicon
from ..extract.dates import parse_datetime
from .datelines import masthead
from .decode import InputError, clean, decode
from .formats import READERS, HeaderRead, lead_metadata, read_jsonl_lines
from .urls import looks_like_domain, registered_domain, url_date

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
                raise InputError(
                    f"unsupported file type {suffix or '(none)'}; expected one of {', '.join(sorted(READERS))}"
                )
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
    header_read = isinstance(record, HeaderRead)
    record = {k: clean(str(v)) if v is not None else None for k, v in record.items()}
    text = record["text"].strip()
    lexes = [lexicon.get(code) for code in lexicon.languages()]
    url = (record.get("url") or "").strip() or None
    lead = {}
    if not header_read and (not url or not record.get("published")):
        lead = lead_metadata(text, lexes)
        url = url or lead.get("url")
    author = record.get("author")
    head = masthead(text, url, author)
    content_hash = hashlib.sha1(re.sub(r"\s+", " ", text).encode()).hexdigest()
    return {
        "id": content_hash[:16],
        "ref": ref,
        "path": path,
        "url": url,
        "title": (record.get("title") or "").strip() or None,
        "source": source(record.get("source"), head, url),
        "author": author,
        "published": published(record.get("published"), lead.get("published"), url, head, text, lexes),
        "language": language(text, record.get("language")),
        "text": text,
        "content_hash": content_hash,
    }


def source(given, head, url):
    """The outlet: the record's own, else the masthead of the dateline (see
    ``datelines``), else the URL's registered domain. A name written as a
    host ("news.example.co.id", "KORANKITA.com", "kota.wartanusa.com") is its
    registered domain: one outlet, one source under all its host names."""
    for name in (given, head.outlet if head else None):
        name = " ".join((name or "").split())
        if name:
            return registered_domain(name) if looks_like_domain(name) else name
    domain = registered_domain(url) if url else None
    return domain if domain and "." in domain else None


def published(given, lead, url, head, text, lexes):
    """The publication date or datetime (ISO 8601), from the first that gives
    one: the record's own, a header line of the text (a labelled
    "Published:" line, a date line under the title), the URL's path, the
    wire dateline ("SEOUL, Oct. 21 (Yonhap) --"). A date of the URL's path
    bounds the others: a header date more than a day from it, or outside the
    month it gives ("/2023/02/"), is not the publication's; so does a record
    date of the month only ("2022-11")."""
    value = parse_datetime(given, lexes) if given else None
    if value:
        return value
    url_value, precision = url_date(url) if url else (None, None)
    month = (
        url_value[:7] if url_value else (given[:7] if given and re.fullmatch(r"\d{4}-\d\d", given.strip()) else None)
    )
    if lead and precision == "day":
        if abs((dt.date.fromisoformat(lead[:10]) - dt.date.fromisoformat(url_value)).days) <= 1:
            return lead
    elif lead and (not month or lead[:7] == month):
        return lead
    if precision == "day":
        return url_value
    wired = _dateline_date(head, month or (given or "")[:4], text, lexes) if head and head.date else None
    if wired and (not month or wired[:7] == month):
        return wired
    return None


def _dateline_date(head, bound, text, lexes):
    """The day of a wire dateline ("Oct. 21"), its year from the dateline, the
    URL or record (``bound``: "2023" or "2023-02"), or the latest dated day
    the text names; None when there is none."""
    from ..extract import dates

    for lex in lexes:
        for m in dates.find(head.date, 0, len(head.date), lex):
            if m.precision != "day" or not m.month or not m.day:
                continue
            year = m.year or (int(bound[:4]) if bound and bound[:4].isdigit() else _latest_year(text, lex, m))
            if year:
                try:
                    return dt.date(year, m.month, m.day).isoformat()
                except ValueError:
                    return None
    return None


def _latest_year(text, lex, mention):
    """The year of a dateline's month and day: that of the latest fully dated
    day in the text (the next year when the dateline's day would fall more
    than a month before it)."""
    from ..extract import dates

    latest = max((m.date for m in dates.find(text, 0, min(len(text), 20000), lex) if m.year and m.date), default=None)
    if latest is None:
        return None
    try:
        day = dt.date(latest.year, mention.month, mention.day)
    except ValueError:
        return latest.year
    return latest.year + 1 if day < latest - dt.timedelta(days=31) else latest.year


def language(text, declared=None):
    """ISO 639-1 code: the record's own when we have a lexicon for it, else py3langid
    restricted to the languages we have lexicons for."""
    known = lexicon.languages()
    if declared and declared[:2].lower() in known:
        return declared[:2].lower()
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = _identifier(LanguageIdentifier, MODEL_FILE, tuple(known))
    return identifier.classify(text[:2000])[0]


_IDENTIFIERS = {}


def _identifier(cls, model, langs):
    if langs not in _IDENTIFIERS:
        ident = cls.from_model_file(model, norm_probs=False)
        ident.set_languages(list(langs))
        _IDENTIFIERS[langs] = ident
    return _IDENTIFIERS[langs]
