"""Numbers and dates read back from independent writers: num2words spells the
numbers (Indonesian and English), Babel writes the dates in every CLDR date
format and skeleton of both locales. Both are test dependencies only.

Two kinds of check: hypothesis properties the grammar must always meet
(deterministic: ``derandomize``), and read-back rates over a fixed sample of
whole sentences through the extractor, which must be at least 0.98 (the
issue's bar; what they miss is printed)."""

import datetime as dt
import random

import pytest
from babel import Locale
from babel import dates as babel_dates
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from num2words import num2words

from datasette_factcheck import lexicon
from datasette_factcheck.extract import dates, numbers, numwords

PROPERTY = settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
LANGS = ("id", "en")
CARDINALS = st.one_of(st.integers(0, 100), st.integers(0, 10**4), st.integers(0, 10**7), st.integers(0, 10**12 - 1))


@PROPERTY
@given(CARDINALS, st.sampled_from(LANGS))
def test_the_grammar_reads_every_cardinal_num2words_spells(n, code):
    assert numwords.value(num2words(n, lang=code), lexicon.get(code)) == n


@PROPERTY
@given(st.integers(1, 10**7), st.sampled_from(LANGS))
def test_ordinals_are_read_as_ranks(n, code):
    text = num2words(n, lang=code, to="ordinal")
    found = numwords.find(text, 0, len(text), lexicon.get(code))
    assert [(w.value, w.ordinal, w.end) for w in found] == [(n, True, len(text))]


@PROPERTY
@given(st.integers(1, 10**6), st.integers(1, 9), st.sampled_from(LANGS))
def test_spelled_decimals_with_a_scale(whole, tenth, code):
    text = (
        num2words(whole, lang=code)
        + (" koma " if code == "id" else " point ")
        + num2words(tenth, lang=code)
        + (" juta" if code == "id" else " million")
    )
    if whole >= 1000:  # "1,000.5 million" is no way to write a figure
        return
    assert numwords.value(text, lexicon.get(code)) == pytest.approx((whole + tenth / 10) * 1e6)


# -- read-back rates through the extractor ------------------------------------
SENTENCES = {
    "id": "Petugas mengatakan {} warga telah dievakuasi dari desa itu.",
    "en": "Officials said {} people had been evacuated from the village.",
}


def sample_numbers(count=1500, seed=15):
    rng = random.Random(seed)
    pick = [
        lambda: rng.randint(0, 20),
        lambda: rng.randint(21, 999),
        lambda: rng.randint(1000, 10**6),
        lambda: rng.randint(10**6, 10**12 - 1),
    ]
    return [rng.choice(pick)() for _ in range(count)]


@pytest.mark.parametrize("code", LANGS)
def test_num2words_numbers_read_back_in_sentences(code):
    lex = lexicon.get(code)
    misses = []
    sample = sample_numbers()
    for n in sample:
        text = SENTENCES[code].format(num2words(n, lang=code))
        found = [m.value for m in numbers.find(text, 0, len(text), lex) if not m.ordinal]
        if found != [n]:
            misses.append((n, text, found))
    rate = 1 - len(misses) / len(sample)
    assert rate >= 0.98, f"{code}: {rate:.3f} read back; first misses: {misses[:5]}"


# Skeletons left out, and why: a quarter or a week of the year (yQQQ, yw, MMMMW)
# is no precision a date claim has; a day number, month number or weekday on
# its own (d, M, E, Ed) and a bare day/month (Md: "8/1", a score or a fraction
# as often) date nothing in running text; a two-digit year alone (yy) is not a
# date; "ddd" pads a day to three digits ("Jan 008"), which no outlet writes.
def date_formats(code):
    loc = Locale.parse(code)
    forms = [("format", f) for f in ("short", "medium", "long", "full")]
    for skeleton in sorted(loc.datetime_skeletons):
        fields = set(skeleton)
        if fields & set("hHkKmsaBbvzQqwW") or "ddd" in skeleton or skeleton in ("yy",):
            continue
        month_name = skeleton.count("M") >= 3 or skeleton.count("L") >= 3
        if "y" not in fields and not month_name and not {"E", "M", "d"} <= fields:
            continue  # d, M, E, Ed, Md; a weekday with a numeric day ("Wed, 1/8") stays
        forms.append(("skeleton", skeleton))
    return forms


def expected(skeleton, d):
    fields = set(skeleton) if skeleton not in ("short", "medium", "long", "full") else set("yMd")
    if "d" in fields:
        return d.isoformat()
    if fields & set("ML"):
        return d.isoformat()[:7]
    return f"{d.year:04d}"


LEAD = {
    "id": {"day": "Banjir melanda pada {}.", "month": "Banjir melanda pada {}.", "year": "Banjir melanda pada {}."},
    "en": {
        "day": "The event took place on {}.",
        "month": "The event took place in {}.",
        "year": "The event took place in {}.",
    },
}


@pytest.mark.parametrize("code", LANGS)
def test_babel_dates_read_back_in_every_cldr_format(code):
    lex = lexicon.get(code)
    rng = random.Random(15)
    misses, total = [], 0
    for how, form in date_formats(code):
        for _ in range(25):
            d = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 30))
            published = d + dt.timedelta(days=rng.randint(0, 6))
            written = (
                babel_dates.format_date(d, form, locale=code)
                if how == "format"
                else babel_dates.format_skeleton(form, d, locale=code)
            )
            want = expected(form, d)
            precision = {10: "day", 7: "month", 4: "year"}[len(want)]
            text = LEAD[code][precision].format(written)
            got = []
            for m in dates.find(text, 0, len(text), lex):
                if dates.resolve(m, published):
                    got.append(m.value)
            total += 1
            if want not in got:
                misses.append((form, written, want, got))
    rate = 1 - len(misses) / total
    assert rate >= 0.98, f"{code}: {rate:.3f} of {total} read back; first misses: {misses[:8]}"
