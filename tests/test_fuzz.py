"""Fuzzing the parsers with hypothesis: arbitrary bytes and unicode, and
mutations of the real seed articles. A bad input may raise ``InputError``
(that is how a reader refuses it); any other exception is a bug. Claims the
extractor returns must keep the contract (kinds, canonical values, offsets).

About ten thousand examples in all; the file runs in well under a minute."""

import csv
import io
import json
import math
import re
import types
from pathlib import Path

from conftest import SEEDS, claims_of
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from datasette_factcheck.read import article
from datasette_factcheck.read.decode import InputError, clean, decode
from datasette_factcheck.read.formats import READERS, read_csv, read_html, read_json, read_jsonl, read_text

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(Path(SEEDS).glob("*.txt"))]
assert len(SEED_TEXTS) == 5


def fuzz(n):
    return settings(
        max_examples=n,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
    )


def refuses_or_returns(fn, *args):
    """Call a reader and read it out (some yield as they go): InputError is a
    refusal; anything else propagates (a bug)."""
    try:
        out = fn(*args)
        return list(out) if isinstance(out, types.GeneratorType) else out
    except InputError as e:
        assert isinstance(e.reason, str) and e.reason
        return None


def check_records(out, allow_errors=True):
    """Readers give [(line, record | InputError)], records carrying non-empty text."""
    assert isinstance(out, list)
    for line, record in out:
        assert isinstance(line, int) and line >= 0
        if isinstance(record, InputError):
            assert allow_errors and record.reason
            continue
        assert isinstance(record, dict)
        assert isinstance(record["text"], str) and record["text"].strip()
        for key, value in record.items():
            assert value is None or isinstance(value, str), (key, value)


# Strategies

# Fragments news text is made of: numbers in both conventions, dates, stance cues, markup, odd spaces.
FRAGMENTS = [
    "1.500",
    "12.000",
    "1,5 juta",
    "40 ribu",
    "3,000",
    "2.5 million",
    "ribuan",
    "puluhan ribu",
    "sekitar ",
    "lebih dari ",
    "(28/10/2024)",
    "Senin (28/10)",
    "28 Oktober 2024",
    "October 28, 2024",
    "2024-10-28",
    "29 Apr 2025 10:21 wib.",
    "Selasa 22 Oct 2024 - 19:08 WIB",
    "pukul 10.30",
    "tahun 2022",
    "skor 2-3",
    "gerbang 7",
    " membantah ",
    " mengakui ",
    " tetap bungkam ",
    " tidak membantah ",
    " denied ",
    " admitted ",
    " declined to confirm ",
    "Korea Utara",
    "Korut",
    "Rusia",
    "Pyongyang",
    "North Korea",
    "Moskow",
    "Kremlin",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "\r\n",
    "\n\n",
    "\t",
    "“",
    "”",
    "’",
    "—",
    "…",
    "e\u0301",
    ". ",
    "? ",
    "! ",
    "; ",
    "(",
    ")",
    '"',
    "'",
    "<b>",
    "</p>",
    "&amp;",
    "%",
    "persen",
    "9" * 30,
    "0,000000001",
    "1.2.3.4",
    "1e308",
    "-5",
    "½",
    "٣",
    "１２３",
    "𝟏𝟐",
]
fragment = st.sampled_from(FRAGMENTS)
piece = st.one_of(fragment, st.text(max_size=8))


@st.composite
def mutated_seed(draw, window=900):
    """A slice of a seed article with random edits: insertions of fragments or
    arbitrary text, deletions, duplications and character swaps."""
    text = draw(st.sampled_from(SEED_TEXTS))
    if window and len(text) > window:
        start = draw(st.integers(0, len(text) - window))
        text = text[start : start + window]
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "replace", "swapcase"]))
        i = draw(st.integers(0, len(text)))
        j = min(len(text), i + draw(st.integers(0, 40)))
        if op == "insert":
            text = text[:i] + draw(piece) + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "replace":
            text = text[:i] + draw(st.text(min_size=1, max_size=3)) + text[i + 1 :]
        else:
            text = text[:i] + text[i:j].swapcase() + text[j:]
    return text


json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30))
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=6,
)
FIELD_NAMES = [
    "text",
    "content",
    "body",
    "id",
    "guid",
    "url",
    "link",
    "title",
    "published",
    "date",
    "pubDate",
    "source",
    "language",
    "author",
    "authors",
    "Text",
    " TEXT ",
]


@st.composite
def news_record(draw):
    """A record with our field names and arbitrary (often wrong-typed) values."""
    keys = draw(st.lists(st.sampled_from(FIELD_NAMES), max_size=6, unique=True))
    return {
        k: draw(
            st.one_of(st.text(max_size=60), st.sampled_from(SEED_TEXTS).map(lambda t: t[:200]), fragment, json_values)
        )
        for k in keys
    }


# JSON nested deeper than Python's recursion limit (about 1,000) is a plausible hostile input.
nested = st.integers(1, 3000).map(lambda n: "[" * n + "]" * n) | st.integers(1, 3000).map(
    lambda n: '{"text": "x", "id": ' + "[" * n + "]" * n + "}"
)


# Decoding bytes

BOMS = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]


@fuzz(2000)
@given(st.sampled_from(BOMS), st.binary(max_size=3000))
@example(b"", b"\x00")
@example(b"\xff\xfe", b"\x00")
@example(b"\xfe\xff", b"a")
@example(b"", b"\x00a" * 100 + b"\x00")
def test_decode_arbitrary_bytes(bom, data):
    text = refuses_or_returns(decode, bom + data)
    if text is not None:
        assert isinstance(text, str)
        assert clean(text) == clean(clean(text))  # cleaning is idempotent


@fuzz(800)
@given(st.text(max_size=1000), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"]))
def test_decode_round_trips_text(text, encoding):
    """Text saved in a supported encoding comes back as itself (after cleaning),
    unless it is refused as empty or binary."""
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    got = refuses_or_returns(decode, data)
    if got is None:
        return
    if encoding in ("utf-8", "utf-8-sig", "utf-16") and not any(ord(c) < 32 and c not in "\n\r\t\f" for c in text):
        assert clean(got) == clean(text)


# Readers over arbitrary unicode


@fuzz(1000)
@given(st.one_of(st.text(max_size=1500), mutated_seed()), st.booleans())
def test_read_text_never_raises(text, markdown):
    out = refuses_or_returns(read_text, clean(text), markdown)
    if out is not None:
        check_records(out, allow_errors=False)
        assert len(out) == 1


@fuzz(600)
@given(
    st.lists(st.one_of(st.text(max_size=80), news_record().map(json.dumps), json_values.map(json.dumps)), max_size=6)
)
def test_read_jsonl_never_raises(lines):
    text = clean("\n".join(lines))
    out = refuses_or_returns(read_jsonl, text)
    if out is not None:
        check_records(out)
        numbers = [line for line, _ in out]
        assert numbers == sorted(numbers)


@fuzz(600)
@given(
    st.one_of(
        st.text(max_size=500),
        st.lists(news_record(), max_size=6).map(json.dumps),
        st.dictionaries(st.text(max_size=8), st.lists(news_record(), max_size=3), max_size=3).map(json.dumps),
        json_values.map(json.dumps),
    )
)
def test_read_json_never_raises(text):
    out = refuses_or_returns(read_json, clean(text))
    if out is not None:
        check_records(out)


@fuzz(60)
@given(nested)
@example("[" * 1200 + "]" * 1200)
def test_json_readers_on_deep_nesting(text):
    """Nesting deeper than Python's recursion limit is a malformed input (InputError), not a crash."""
    check_records(refuses_or_returns(read_json, text) or [])
    check_records(refuses_or_returns(read_jsonl, text) or [])


def _csv(header, rows):
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


@fuzz(800)
@given(
    st.one_of(
        st.text(max_size=600),
        st.tuples(
            st.lists(st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=10)), min_size=1, max_size=6),
            st.lists(
                st.lists(
                    st.one_of(st.text(max_size=40), st.sampled_from(SEED_TEXTS).map(lambda t: t[:300])), max_size=7
                ),
                max_size=5,
            ),
        ).map(lambda hr: _csv(*hr)),
    )
)
@example('text,id\n"never closed,q1\n')
@example("text\n" + "x" * 20_000)
def test_read_csv_never_raises(text):
    out = refuses_or_returns(read_csv, clean(text))
    if out is not None:
        check_records(out)


@fuzz(150)
@given(
    st.one_of(
        st.text(max_size=800),
        mutated_seed(window=600).map(
            lambda t: f"<html><head><title>{t[:40]}</title></head><body><article><p>{t}</p></article></body></html>"
        ),
        st.lists(
            st.sampled_from(
                ["<", ">", "<p>", "</p>", "<script>", "<!--", "-->", "<meta ", 'content="', "<time datetime='", "x"]
            ),
            max_size=60,
        ).map("".join),
    )
)
@example("<" * 5000)
def test_read_html_never_raises(text):
    out = refuses_or_returns(read_html, clean(text))
    if out is not None:
        check_records(out, allow_errors=False)


@fuzz(800)
@given(
    st.sampled_from(sorted(READERS)),
    st.one_of(st.binary(max_size=1500), mutated_seed(window=400).map(lambda t: t.encode("utf-8"))),
)
def test_every_reader_on_arbitrary_bytes(suffix, data):
    """The path a file takes in a load: bytes -> decode -> clean -> reader for its extension."""
    if suffix in (".html", ".htm") and len(data) > 300:
        data = data[:300]  # trafilatura is the slow one; its own test above goes further
    try:
        out = list(READERS[suffix](clean(decode(data))))
    except InputError:
        return
    check_records(out)


# Records to articles (metadata parsing: dates, URLs, language)


@fuzz(250)
@given(
    # JSON may carry lone surrogates ("\\ud83d" escapes of a cut emoji): include them
    st.one_of(
        st.text(min_size=1, max_size=300),
        mutated_seed(window=300),
        st.text(st.characters(exclude_categories=()), min_size=1, max_size=60),
    ).filter(lambda t: t.strip()),
    # readers never hand over an empty string (normalise_record drops them)
    st.one_of(st.none(), st.text(min_size=1, max_size=40), st.sampled_from(FRAGMENTS), st.datetimes().map(str)),
    st.one_of(
        st.none(),
        st.text(max_size=40),
        st.just("https://x.example/2024/13/45/a"),
        st.just("javascript:alert(1)"),
        st.just("http://[::1"),
        st.just("https://x.example/1999/02/30/"),
    ),
    st.one_of(st.none(), st.text(max_size=5), st.sampled_from(["id", "en", "ID-id", "xx", "english"])),
)
def test_article_from_arbitrary_record(text, published, url, language):
    record = {"text": text, "published": published, "url": url, "language": language, "title": text[:20]}
    try:
        art = article(record, "x.jsonl", "x")
    except InputError:
        return
    assert isinstance(art["id"], str) and art["id"]
    assert isinstance(art["language"], str) and re.fullmatch(r"[a-z]{2}", art["language"])
    if art["published"] is not None:
        assert re.match(r"^\d{4}(-\d\d(-\d\d([T ]\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d|Z)?)?)?)?$", art["published"]), art[
            "published"
        ]


# The extractor

ISO_DATE = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")


def check_claims(text, claims):
    stored = clean(text).strip()  # what article() stores; offsets point into it
    for c in claims:
        assert c["kind"] in ("number", "date", "stance"), c
        assert isinstance(c["start"], int) and isinstance(c["end"], int)
        assert 0 <= c["start"] < c["end"] <= len(stored), (c["start"], c["end"], len(stored))
        assert c["evidence"] == stored[c["start"] : c["end"]]
        assert isinstance(c["value"], str) and c["value"]
        if c["kind"] == "number":
            assert math.isfinite(float(c["value"])), c["value"]
            assert c["value_num"] is not None and math.isfinite(c["value_num"])
        elif c["kind"] == "date":
            assert ISO_DATE.match(c["value"]), c["value"]
        else:
            assert c["value"] in ("confirmed", "denied", "silent"), c["value"]
        if c.get("as_of"):
            assert re.match(r"^\d{4}-\d\d-\d\d", c["as_of"]), c["as_of"]


@fuzz(400)
@given(
    mutated_seed(), st.sampled_from(["id", "en"]), st.sampled_from([None, "2024-10-22", "2024-10-22T19:08:00+07:00"])
)
def test_extractor_on_mutated_seeds(text, language, published):
    if not clean(text).strip():
        return
    check_claims(text, claims_of(text, language, published))


@fuzz(80)
@given(mutated_seed(window=0), st.sampled_from([None, "2024-10-22"]))
def test_extractor_on_whole_mutated_seeds(text, published):
    if not clean(text).strip():
        return
    check_claims(text, claims_of(text, "id", published))


@fuzz(450)
@given(
    st.one_of(st.text(max_size=500), st.lists(piece, max_size=40).map("".join)),
    st.sampled_from(["id", "en"]),
    st.sampled_from([None, "2024-10-22"]),
)
def test_extractor_on_arbitrary_unicode(text, language, published):
    if not clean(text).strip():
        return
    check_claims(text, claims_of(text, language, published))
