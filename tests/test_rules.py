"""The rule that tells conflict from change, on constructed claim pairs."""

import pytest

from datasette_factcheck.detect.compare import compare, relation
from datasette_factcheck.detect.rules import NumberRule, StanceRule, interval


def compare_stances(claims, settings):
    return list(compare(StanceRule(), claims, settings))


def compare_numbers(claims, settings):
    return list(compare(NumberRule(), claims, settings))


def claim(as_of, value="denied", source="sentence", revision=0, **kw):
    return {
        "id": f"c{as_of}{value}",
        "article_id": "a",
        "kind": "stance",
        "subject": "x",
        "predicate": "p",
        "value": value,
        "as_of": as_of,
        "as_of_source": source,
        "revision": revision,
        "start": 0,
        **kw,
    }


@pytest.mark.parametrize(
    "a,b,window,expected",
    [
        ("2024-10-22", "2024-10-22", 7, "conflict"),  # same day
        ("2024-10-18", "2024-10-22", 7, "conflict"),  # within the window
        ("2024-10-22", "2025-04-27", 7, "change"),  # months apart
        ("2024-10-01", "2024-10-11", 7, "change"),  # 10 days, beyond a 7-day window
        ("2024-10-01", "2024-10-11", 30, "conflict"),  # ... but within a 30-day one
        (None, "2024-10-11", 7, "conflict"),  # unknown time: cannot be separated
    ],
)
def test_relation_by_time(a, b, window, expected):
    assert relation(claim(a), claim(b, "silent"), window)[0] == expected


def test_revision_word_a_day_later_is_change():
    earlier = claim("2022-10-02")
    later = claim("2022-10-03", revision=1)
    assert relation(earlier, later)[0] == "change"
    assert relation(later, earlier)[0] == "change"


def test_revision_word_on_the_same_day_is_still_conflict():
    assert relation(claim("2022-10-02"), claim("2022-10-02", revision=1))[0] == "conflict"


def test_revision_word_on_the_earlier_claim_does_not_make_change():
    assert relation(claim("2022-10-02", revision=1), claim("2022-10-04"))[0] == "conflict"


def test_stance_flag_orders_earlier_first_and_explains():
    a = claim("2025-04-27", "confirmed", group="g1", source_name=None)
    b = claim("2024-10-22", "denied", group="g2")
    flags = list(compare_stances([a, b], {"window_days": 7}))
    assert len(flags) == 1
    f = flags[0]
    assert (f["claim_a"], f["claim_b"]) == (b["id"], a["id"])
    assert f["relation"] == "change"
    assert "denied" in f["explanation"] and "confirmed" in f["explanation"]
    assert "2024-10-22" in f["explanation"] and "2025-04-27" in f["explanation"]


def test_same_values_are_not_flagged():
    a = claim("2024-10-22", "silent", group="g1")
    b = claim("2024-10-23", "silent", group="g2")
    assert list(compare_stances([a, b], {})) == []


def num(value, qualifier="exact", group="g1", low=None, high=None, anchors='["kanjuruhan", "malang"]'):
    c = {
        "id": f"n{value}{group}",
        "article_id": group,
        "kind": "number",
        "subject": None,
        "predicate": "dead",
        "value": str(value),
        "value_num": float(value),
        "qualifier": qualifier,
        "as_of": "2022-10-02",
        "as_of_source": "published",
        "revision": 0,
        "start": 0,
        "group": group,
        "value_low": low,
        "value_high": high,
        "anchors": anchors,
    }
    return c


@pytest.mark.parametrize(
    "a,b,flagged",
    [
        (num(1500, "approx", low=1350, high=1650), num(1500, group="g2"), False),
        (num(600000, "min", low=600000), num(650000, group="g2"), False),
        (num(125), num(127, group="g2"), True),
        (num(12000), num(11000, group="g2"), True),
        (num(100, "max", low=0, high=100), num(80, group="g2"), False),
    ],
)
def test_number_tolerance(a, b, flagged):
    assert bool(list(compare_numbers([a, b], {}))) == flagged


def test_open_interval_for_at_least():
    assert interval(num(600000, "min", low=600000))[1] == float("inf")


def test_counts_without_a_subject_are_kept_apart_by_events_not_by_the_rule():
    # which story a subject-less count belongs to is the events' (detect.events,
    # tests/test_events.py): claims of two events never reach one comparison
    kanjuruhan = num(125)
    assert list(compare_numbers([kanjuruhan, num(127, group="g3", anchors='["kanjuruhan"]')], {}))


def test_many_articles_make_flags_in_proportion_not_squared():
    claims = [
        claim(f"2024-10-{1 + i % 28:02d}", "denied" if i % 2 else "silent", group=f"g{i:03d}") for i in range(200)
    ]
    for i, c in enumerate(claims):
        c["id"] = f"c{i}"
    flags = list(compare_stances(claims, {"window_days": 7}))
    # 28 accounts (one value a day): each meets its 3 nearest accounts of the other value
    assert 28 <= len(flags) <= 28 * 3
    on_a_side = {c["id"] for f in flags for side in f["sides"] for c in side}
    assert on_a_side == {c["id"] for c in claims}  # every article is on a side of some flag


@pytest.mark.parametrize(
    "first,then,gap_days,expected",
    [
        ("denied", "confirmed", 3, "change"),  # a denial, then an admission days later: the stance moved on
        ("silent", "confirmed", 1, "change"),  # silence, then an admission the next day
        ("denied", "confirmed", 0, "conflict"),  # the same day: the outlets disagree
        ("confirmed", "denied", 3, "conflict"),  # a denial after an admission is not a story moving on
        ("silent", "denied", 1, "conflict"),  # nor is a denial after silence
    ],
)
def test_an_admission_after_a_denial_is_a_change(first, then, gap_days, expected):
    import datetime as dt

    later = (dt.date(2024, 10, 22) + dt.timedelta(days=gap_days)).isoformat()
    assert relation(claim("2024-10-22", first), claim(later, then))[0] == expected


def test_an_article_speaking_of_two_days_is_in_an_account_of_each():
    # a denial it dates to the 9th and an admission it reports on the 11th
    both = [
        claim("2020-01-09", "denied", group="g1", article_id="g1"),
        dict(claim("2020-01-11", "confirmed", group="g1", article_id="g1"), id="c-admit"),
    ]
    other = [dict(claim("2020-01-09", "denied", group="g2", article_id="g2"), id="c-other")]
    flags = compare_stances(both + other, {"window_days": 7})
    assert [f["relation"] for f in flags] == ["change"]
    a, b = ({c["id"] for c in side} for side in flags[0]["sides"])
    assert a == {"c2020-01-09denied", "c-other"} and b == {"c-admit"}  # the two denials, then the admission


def test_a_growing_count_is_an_articles_largest_figure_of_the_day():
    first_day = num(90, group="g1")
    # the next day's article gives the new toll and the one it passed ("up from 90")
    later = [dict(num(140, group="g2"), as_of="2022-10-03"), dict(num(90, group="g2"), as_of="2022-10-03")]
    (found,) = compare_numbers([first_day, *later], {})
    assert (found["relation"], found["claim_b"]) == ("change", later[0]["id"])


def test_a_count_that_does_not_grow_keeps_every_figure():
    homes = [dict(num(v, group=g), predicate="evacuees") for v, g in ((90, "g1"), (140, "g2"), (90, "g2"))]
    assert compare_numbers(homes, {}) == []


def test_a_running_tally_a_day_later_is_an_update_either_way():
    missing = [dict(num(36), predicate="missing"), dict(num(11, group="g2"), predicate="missing", as_of="2022-10-04")]
    (found,) = compare_numbers(missing, {})
    assert found["relation"] == "change" and "running tally" in found["explanation"]
    same_day = [dict(num(36), predicate="missing"), dict(num(11, group="g2"), predicate="missing")]
    assert compare_numbers(same_day, {})[0]["relation"] == "conflict"


def test_an_actors_dates_told_years_apart_are_two_happenings_not_a_change():
    from datasette_factcheck.detect.rules import DateRule

    def told(value, as_of, group):
        return {"value": value, "as_of": as_of, "qualifier": "day", "group": group}

    assert (
        DateRule().disagreement([told("2020-01-08", "2020-01-12", "a")], [told("2024-11-04", "2024-11-05", "b")])
        is None
    )
    assert DateRule().disagreement([told("2020-01-08", "2020-01-12", "a")], [told("2020-01-09", "2020-01-13", "b")])
