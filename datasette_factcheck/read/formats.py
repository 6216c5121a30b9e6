"""Readers per input format. Each returns a list of (line, record) where a
record is a dict with ``text`` and optional metadata fields; a bad record is
an (line, InputError) pair so the rest of the file still loads."""

import csv
import importlib.util
import io
import json
import re

from .. import lexicon
from ..extract.dates import parse_datetime
from .decode import InputError

FIELDS = {
    "text": ["text", "content", "body", "article", "full_text", "fulltext", "article_text", "description"],
    "id": ["id", "guid", "uuid", "article_id", "doc_id"],
    "url": ["url", "link", "href", "permalink", "canonical_url"],
    "title": ["title", "headline", "judul"],
    "published": [
        "published",
        "date",
        "pubdate",
        "pub_date",
        "published_at",
        "publish_date",
        "datetime",
        "date_published",
        "datepublished",
        "time",
        "created_at",
        "tanggal",
    ],
    "source": ["source", "outlet", "publisher", "site", "site_name", "sitename", "media", "domain"],
    "language": ["language", "lang", "bahasa"],
    "author": ["author", "authors", "byline", "reporter", "penulis", "creator"],
}
MIN_HTML_WORDS = 15  # fewer words than this in a saved page is a menu, not an article
# A URL alone on a line, bare or after any short label ("URL:", "Link:", "Sumber:").
URL_LINE = re.compile(
    r"^\s*(?:[^\W\d_][\w.-]{0,15}(?: [\w.-]{1,15})?\s*:\s*)?<?((?:https?://|www\.)[^\s<>]+?)>?\s*$", re.IGNORECASE
)


LEAD_LINES = 10  # a record's text: how many opening lines may hold header lines (a date line, a URL line)
LEAD_WORDS = 25  # a line of more words is the body: header lines are over


class HeaderRead(dict):
    """A record whose header lines its reader took out of the text (a plain-text
    file): its text is all body, with no header lines left to look for."""


def normalise_record(raw):
    """Map a record's flexible field names onto ours."""
    lowered = {str(k).strip().lower(): v for k, v in raw.items()}
    out = {}
    for field, names in FIELDS.items():
        for name in names:
            value = lowered.get(name)
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value if v)
            if isinstance(value, dict):
                value = value.get("name") or value.get("url")
            if value not in (None, ""):
                out[field] = str(value) if field != "text" or isinstance(value, str) else None
                break
    return out


def read_jsonl(text):
    """One record per line. Lines end at LF only: a JSON string may hold a
    raw U+2028, which ``str.splitlines`` would cut."""
    return read_jsonl_lines(_lf_lines(text))


def _lf_lines(text):
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield text[start:end]
        start = end + 1


def read_jsonl_lines(lines):
    """(line number, record or InputError) for each non-blank line, as they come."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield n, InputError(f"malformed JSON on line {n}: {e.msg}", n)
            continue
        except RecursionError:
            yield n, InputError(f"JSON on line {n} is nested too deeply", n)
            continue
        yield n, _record(obj, n)


def read_json(text):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"malformed JSON: {e.msg} (line {e.lineno})", e.lineno) from None
    except RecursionError:
        raise InputError("JSON is nested too deeply") from None
    if isinstance(data, dict):
        data = next((v for v in data.values() if isinstance(v, list)), [data])
    if not isinstance(data, list):
        raise InputError("JSON must be a list of objects")
    return [(n, _record(obj, n)) for n, obj in enumerate(data, 1)]


def read_csv(text):
    csv.field_size_limit(1 << 28)
    reader = csv.DictReader(io.StringIO(text))
    fields = [str(f).strip().lower() for f in reader.fieldnames or []]
    if not any(f in FIELDS["text"] for f in fields):
        raise InputError(
            f"CSV has no text column (looked for {', '.join(FIELDS['text'][:4])}); columns: {', '.join(fields) or 'none'}"
        )
    return [(n, _record(row, n)) for n, row in enumerate(reader, 2)]


def _record(obj, n):
    if not isinstance(obj, dict):
        return InputError(f"record {n} is not an object", n)
    record = normalise_record(obj)
    if not (record.get("text") or "").strip():
        return InputError(f"record {n} has no text", n)
    return record


def read_text(text, markdown=False):
    """A plain-text article: loose header lines (title, URL, dateline, reporter,
    category) become metadata; the rest is the body."""
    lexes = [lexicon.get(code) for code in lexicon.languages()]
    lines = text.split("\n")
    record, body, in_header = {}, [], True
    for line in lines:
        stripped = line.strip()
        if markdown:
            stripped = (
                re.sub(r"^#+\s*", "", stripped)
                if stripped.startswith("#") and "title" not in record and in_header
                else stripped
            )
        meta = _header_line(stripped, lexes, record, in_header)
        if meta == "drop" or (meta and in_header):
            continue
        if meta and not in_header and meta in ("author", "published"):
            continue
        if in_header and stripped and "title" not in record and _title_like(stripped, lines):
            record["title"] = stripped
            continue
        if stripped:
            in_header = False
        if not in_header:
            body.append(line.rstrip())
    record["text"] = re.sub(r"\n{3,}", "\n\n", "\n".join(body)).strip()
    if not record["text"]:
        raise InputError("no body text")
    return [(0, HeaderRead(record))]


def lead_metadata(text, lexes):
    """A URL and a publication date from the header lines opening a record's
    text (a date line under the title, a labelled "Published:" or "URL:"
    line); the text itself is left as it is."""
    found = {}
    lines = 0
    for line in text.split("\n", LEAD_LINES * 3)[: LEAD_LINES * 3]:
        line = line.strip()
        if not line:
            continue
        if len(line.split()) > LEAD_WORDS or lines >= LEAD_LINES:
            break
        lines += 1
        _header_line(line, lexes, found)
    return {k: found[k] for k in ("url", "published") if k in found}


def _header_line(line, lexes, record, in_header=True):
    """Which metadata a line is ("url", "published", "author", "title",
    "source", "drop") or None; fills ``record``. A URL, a title or a source is
    taken from the header only: in the body a link is another page's and
    "Sumber: BNPB" names whose figures."""
    if not line:
        return None
    if any(lex.header.get("drop") and lex.header["drop"].match(line) for lex in lexes):
        return "drop"  # before a URL: "Baca juga: https://..." links another article
    m = URL_LINE.match(line)
    if m:
        if not in_header:
            return None  # a link in the body is another page's
        record.setdefault("url", m.group(1))
        return "url"
    for lex in lexes:
        for name in ("author", "title", "source", "published"):
            pattern = lex.header.get(name)
            hit = pattern and pattern.match(line)
            if not hit:
                continue
            if name in ("title", "source"):
                if not in_header or not hit.group(1).strip():
                    return None
                if name == "title":
                    record["title"] = hit.group(1).strip()  # a labelled title over a guessed one
                else:
                    record.setdefault("source", hit.group(1).strip())
                return name
            if name == "author":
                record.setdefault("author", hit.group(1).strip() or None)
                return "author"
            value = parse_datetime(hit.group(1), lexes)
            if value:
                record.setdefault("published", value)
                return "published"
    if len(line) <= 60 and len(line.split()) <= 9 and not line.endswith("."):
        value = parse_datetime(line, lexes)
        if value and _mostly_date(line):
            record.setdefault("published", value)
            return "published"
    return None


def _mostly_date(line):
    words = re.findall(r"[^\W\d_]+", line)
    return len(words) <= 5


def _title_like(line, lines):
    return len(line.split()) <= 25 and not line.endswith((".", ":", ",")) and len(lines) > 1


HTML_REQUIRES = ("trafilatura", "lxml_html_clean")  # modules the HTML reader imports, by package name


def read_html(text):
    """A saved news page: main text by trafilatura; title, dates, site and
    author from meta tags and JSON-LD (keeping the publication time and zone)."""
    try:
        import trafilatura
    except ImportError as e:
        raise missing_dependency("HTML", HTML_REQUIRES, e) from e

    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, favor_precision=True)
    if doc is None:
        raise InputError("no article text found in HTML")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = (data.get("text") or "").strip()
    if len(body.split()) < MIN_HTML_WORDS:
        raise InputError("no article text found in HTML (only navigation or boilerplate)")
    record = {
        "text": body,
        "title": data.get("title"),
        "url": data.get("url"),
        "source": data.get("sitename"),
        "author": data.get("author"),
        "published": _html_published(text) or data.get("date"),
        "language": (data.get("language") or "")[:2] or None,
    }
    return [(0, {k: v for k, v in record.items() if v})]


META_DATE = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)=["'](?:article:published_time|og:published_time|datePublished|pubdate|publishdate|date)["'][^>]*content=["']([^"']+)["']"""
    r"""|<meta[^>]+content=["']([^"']+)["'][^>]*(?:property|name|itemprop)=["'](?:article:published_time|datePublished|pubdate)["']"""
    r"""|"datePublished"\s*:\s*"([^"]+)"|<time[^>]+datetime=["']([^"']+)["']""",
    re.I,
)


def missing_dependency(reader, packages, error):
    """The error of a reader whose dependencies do not import: which package to install."""
    missing = [p for p in packages if importlib.util.find_spec(p) is None] or list(packages)
    install = f"pip install {' '.join(missing)}"
    return InputError(
        f"the {reader} reader cannot run: {type(error).__name__}: {error}",
        exception=type(error).__name__,
        hint=f"to read {reader} files, install {', '.join(missing)}: {install}",
    )


def _html_published(html):
    m = META_DATE.search(html)
    if not m:
        return None
    return next(g for g in m.groups() if g)


READERS = {
    ".txt": read_text,
    ".text": read_text,
    ".md": lambda text: read_text(text, markdown=True),
    ".markdown": lambda text: read_text(text, markdown=True),
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
    ".csv": read_csv,
}
