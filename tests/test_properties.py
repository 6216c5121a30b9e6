"""Property-based tests for the number and date parsers (hypothesis)."""

import datetime as dt

from conftest import claims_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datasette_factcheck import lexicon
from datasette_factcheck.extract import dates, numbers

ID, EN = lexicon.get("id"), lexicon.get("en")
FAST = settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


def found_values(text, lex):
    return [n.value for n in numbers.find(text, 0, len(text), lex)]


@FAST
@given(st.integers(min_value=10, max_value=10**12).filter(lambda n: not 1800 <= n <= 2199))
def test_grouped_integers_round_trip_in_both_conventions(n):
    assert found_values(f"Sebanyak {n:,} warga".replace(",", "."), ID) == [n]
    assert found_values(f"A total of {n:,} people", EN) == [n]


@FAST
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=9))
def test_decimal_with_scale_word(whole, tenth):
    assert found_values(f"sekitar {whole},{tenth} juta orang", ID) == [(whole + tenth / 10) * 1e6]
    assert found_values(f"about {whole}.{tenth} million people", EN) == [(whole + tenth / 10) * 1e6]


MONTH_NAMES = {
    "id": [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


@FAST
@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_dates_round_trip(d):
    for code, text in (
        ("id", f"Pada {d.day} {MONTH_NAMES['id'][d.month - 1]} {d.year} acara digelar."),
        ("en", f"It happened on {MONTH_NAMES['en'][d.month - 1]} {d.day}, {d.year} in town."),
        ("id", f"Laporan {d.day:02d}/{d.month:02d}/{d.year} terbit."),
    ):
        lex = lexicon.get(code)
        mentions = dates.find(text, 0, len(text), lex)
        assert len(mentions) == 1
        assert dates.resolve(mentions[0], None)
        assert mentions[0].value == d.isoformat()


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.text(max_size=400), st.sampled_from(["id", "en"]), st.sampled_from([None, "2024-10-22"]))
def test_arbitrary_unicode_never_raises(text, language, published):
    if not text.strip():
        return
    for claim in claims_of(text, language, published):
        assert claim["kind"] in {"number", "date", "stance"}


SEED_TEXT = "Pada hari Jumat (18/10), badan intelijen Korea Selatan mengungkapkan bahwa Korut mengirim 12.000 tentara. Rusia membantah."


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.integers(0, len(SEED_TEXT)), st.text(max_size=5)), max_size=6))
def test_mutated_article_text_never_raises(edits):
    text = SEED_TEXT
    for at, insert in edits:
        text = text[:at] + insert + text[at:]
    claims_of(text, "id", None)
