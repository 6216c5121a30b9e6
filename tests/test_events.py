"""Events (issue 13): coverage grouped by the happening it speaks of, so a
subject-less death toll of one disaster is never compared with another's;
what a claim of unknown time may be flagged against; and slots shown in
words, never as internal keys.

Invented coverage (tests/events/two_events.jsonl): a landslide in "Kalimaro"
on 3 March 2025 and a ferry fire off "Wetar" on 21 March, each in an
Indonesian and an English outlet, and a piece on the ferry fire that also
recalls the landslide's toll (a comparison piece: its claims split by event).
"""

import datetime as dt
import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from datasette.app import Datasette
from datasette.cli import cli

from datasette_factcheck.detect import pairing
from datasette_factcheck.detect.compare import compare
from datasette_factcheck.detect.labels import labels, predicate_label
from datasette_factcheck.detect.rules import NumberRule

EVENTS = Path(__file__).parent / "events"


def load(db, *paths, args=()):
    result = CliRunner().invoke(cli, ["factcheck", "load", str(db), *map(str, paths), "--silent", *args])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    return conn


def claims_of(conn, ref, kind="number"):
    return conn.execute(
        "select c.* from claims c join articles a on a.id = c.article_id where a.ref = ? and c.kind = ?", [ref, kind]
    ).fetchall()


def flagged(conn):
    """{(ref, value), (ref, value)} pairs on opposite sides of a flag, with the relation."""
    out = {}
    for r in conn.execute("""select x.relation, aa.ref ra, ca.value va, ab.ref rb, cb.value vb from contradictions x
           join contradiction_claims ma on ma.contradiction_id = x.id and ma.side = 'a'
           join contradiction_claims mb on mb.contradiction_id = x.id and mb.side = 'b'
           join claims ca on ca.id = ma.claim_id join claims cb on cb.id = mb.claim_id
           join articles aa on aa.id = ca.article_id join articles ab on ab.id = cb.article_id"""):
        out.setdefault(frozenset(((r["ra"], r["va"]), (r["rb"], r["vb"]))), set()).add(r["relation"])
    return out


@pytest.fixture(scope="module")
def two_events(tmp_path_factory):
    db = tmp_path_factory.mktemp("events") / "news.db"
    load(db, EVENTS / "two_events.jsonl")
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    return db, conn


def test_two_events_in_one_month_are_told_apart(two_events):
    _, conn = two_events
    events = {r["id"]: r for r in conn.execute("select * from events")}
    event_of = {
        r["ref"]: r["event"]
        for r in conn.execute(
            "select a.ref, c.event from claims c join articles a on a.id = c.article_id where c.predicate = 'dead' "
            "and a.ref != 'wetar-compare-en'"
        )
    }
    assert event_of["kalimaro-id-1"] == event_of["kalimaro-en-1"]
    assert event_of["wetar-id-1"] == event_of["wetar-en-1"]
    assert event_of["kalimaro-id-1"] != event_of["wetar-id-1"]
    assert events[event_of["kalimaro-id-1"]]["label"].startswith("Kalimaro")
    assert events[event_of["wetar-id-1"]]["label"].startswith("Wetar")
    assert events[event_of["kalimaro-id-1"]]["first"] == "2025-03-03"
    # no death toll of one event is ever compared with the other's
    kalimaro = {"kalimaro-id-1", "kalimaro-en-1"}
    wetar = {"wetar-id-1", "wetar-en-1"}
    for pair in flagged(conn):
        refs = {ref for ref, _ in pair}
        assert not (refs & kalimaro and refs & wetar), pair
    pairs = flagged(conn)
    assert pairs[frozenset((("kalimaro-id-1", "14"), ("kalimaro-en-1", "16")))] == {"conflict"}
    assert pairs[frozenset((("wetar-id-1", "9"), ("wetar-en-1", "11")))] == {"conflict"}


def test_a_comparison_piece_holds_claims_of_both_events(two_events):
    _, conn = two_events
    claims = {c["value"]: c["event"] for c in claims_of(conn, "wetar-compare-en") if c["predicate"] == "dead"}
    own_event = claims_of(conn, "wetar-en-1")[0]["event"]
    other_event = claims_of(conn, "kalimaro-en-1")[0]["event"]
    assert claims == {"12": own_event, "30": other_event}
    pairs = flagged(conn)
    # its landslide toll meets the landslide's, its ferry toll the ferry's, never crosswise
    assert pairs[frozenset((("kalimaro-id-1", "14"), ("wetar-compare-en", "30")))] == {"change"}  # 20 days later
    assert frozenset((("kalimaro-en-1", "16"), ("wetar-compare-en", "30"))) not in pairs  # "at least 16" allows 30
    assert frozenset((("wetar-en-1", "11"), ("wetar-compare-en", "12"))) in pairs
    assert not any(
        {("wetar-compare-en", "30")} & pair and {r for r, _ in pair} & {"wetar-id-1", "wetar-en-1"} for pair in pairs
    )
    assert not any(
        {("wetar-compare-en", "12")} & pair and {r for r, _ in pair} & {"kalimaro-id-1", "kalimaro-en-1"}
        for pair in pairs
    )


def test_events_are_the_same_however_the_coverage_is_loaded(tmp_path):
    """One load, or one article at a time, or --no-detect then detect: the same events, the same flags."""
    lines = (EVENTS / "two_events.jsonl").read_text(encoding="utf-8").splitlines()
    once = load(tmp_path / "once.db", EVENTS / "two_events.jsonl")
    step_db = tmp_path / "steps.db"
    for i, line in enumerate(lines):
        part = tmp_path / f"part{i}.jsonl"
        part.write_text(line + "\n", encoding="utf-8")
        steps = load(step_db, part)

    def shape(conn):
        return (
            sorted(tuple(r) for r in conn.execute("select id, label, articles from events")),
            {k: v for k, v in flagged(conn).items()},
        )

    assert shape(steps) == shape(once)


@pytest.mark.asyncio
async def test_events_are_listed_and_filter_the_index(two_events):
    db, conn = two_events
    ds = Datasette([str(db)])
    html = (await ds.client.get("/-/factcheck/news")).text
    kalimaro = conn.execute("select id from events where label like 'Kalimaro%'").fetchone()[0]
    assert f'<option value="{kalimaro}"' in html and "Kalimaro · 2025-03-03" in html
    data = (await ds.client.get(f"/-/factcheck/news.json?event={kalimaro}")).json()
    assert data["rows"] and all(f["event"]["id"] == kalimaro for f in data["rows"])
    shown = {f[side]["article"]["ref"] for f in data["rows"] for side in "ab"}
    assert shown <= {"kalimaro-id-1", "kalimaro-en-1", "wetar-compare-en"}
    # the comparison piece's page names both events it speaks of
    (article_id,) = conn.execute("select id from articles where ref = 'wetar-compare-en'").fetchone()
    page = (await ds.client.get(f"/-/factcheck/news/article/{article_id}")).text
    assert "Kalimaro · 2025-03-03" in page and "Wetar · 2025-03-21" in page


# -- unknown times -----------------------------------------------------------

UNDATED = [
    {
        "id": "u-oct",
        "title": "Korea Utara kirim pasukan",
        "published": "2024-10-20",
        "source": "Harian Utara",
        "language": "id",
        "text": "Badan intelijen menyebut Korea Utara mengirim 12.000 tentara ke Rusia.",
    },
    {
        "id": "u-apr",
        "title": "North Korea troops",
        "published": "2025-04-25",
        "source": "Capital Wire",
        "language": "en",
        "text": "Intelligence officials said North Korea had sent 15,000 troops to Russia.",
    },
    {
        "id": "u-none",
        "title": "Pasukan Korut",
        "source": "Blog Tanpa Tanggal",
        "language": "id",
        "text": "Menurut seorang analis, Korea Utara mengirim 9.000 tentara ke Rusia.",
    },
]


def test_a_claim_of_unknown_time_is_never_a_conflict_with_a_claim_months_away(tmp_path):
    path = tmp_path / "undated.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in UNDATED), encoding="utf-8")
    conn = load(tmp_path / "news.db", path)
    assert claims_of(conn, "u-none")[0]["as_of"] is None
    # October and April: a change; the undated 9,000 could be from either, so it is flagged against neither
    assert flagged(conn) == {frozenset((("u-oct", "12000"), ("u-apr", "15000"))): {"change"}}


def num(group, value, as_of):
    return {
        "id": f"{group}-{value}",
        "article_id": group,
        "group": group,
        "kind": "number",
        "subject": None,
        "predicate": "dead",
        "value": str(value),
        "value_num": float(value),
        "value_low": None,
        "value_high": None,
        "qualifier": None,
        "as_of": as_of,
        "as_of_source": "published" if as_of else None,
        "start": 0,
        "source": group,
        "revision": 0,
    }


def test_a_claim_of_unknown_time_conflicts_where_its_coverage_lies_within_a_month():
    # the dated claims of the slot (one event's) span a week: the undated one can be no further
    claims = [num("g1", 125, "2022-10-02"), num("g2", 125, "2022-10-08"), num("g3", 131, None)]
    flags = list(compare(NumberRule(), claims, {"window_days": 7}))
    # the 125 accounts (2 and 8 Oct) agree; each meets the undated 131
    assert sorted((f["relation"], sorted(c["article_id"] for side in f["sides"] for c in side)) for f in flags) == [
        ("conflict", ["g1", "g3"]),
        ("conflict", ["g2", "g3"]),
    ]
    # spread over months, nothing places it: it is not flagged at all
    claims = [num("g1", 125, "2022-10-02"), num("g2", 140, "2023-03-02"), num("g3", 131, None)]
    flags = list(compare(NumberRule(), claims, {"window_days": 7}))
    assert all("g3" not in {c["article_id"] for side in f["sides"] for c in side} for f in flags)
    assert pairing.undated_may_meet(pairing.accounts(claims, NumberRule().account)) is False


# -- readable slots ----------------------------------------------------------


def test_every_slot_has_a_label_in_english_and_the_articles_language():
    assert labels("number", "troops:planned", "id") == ("troops (planned)", "pasukan (direncanakan)")
    assert labels("number", "dead:part", "en") == ("dead (part of a total)", None)
    assert labels("stance", "about:resmi", "id") == ("about “resmi”", "tentang “resmi”")
    assert labels("stance", "weapons_supplied", "en") == ("weapons supplied", None)
    assert predicate_label("date", "occur") == "when it happened"
    assert predicate_label("number", "money:compensation") == "compensation"


@pytest.mark.asyncio
async def test_no_internal_slot_key_reaches_a_page(tmp_path):
    records = [
        {
            "id": "k1",
            "title": "Korut kirim pasukan",
            "published": "2024-10-20",
            "source": "Harian Utara",
            "language": "id",
            "text": "Korea Utara memutuskan mengirim 12.000 tentara ke Rusia, kata badan intelijen. Korea Utara membantah pengiriman senjata ke Rusia.",
        },
        {
            "id": "k2",
            "title": "North Korea troops",
            "published": "2024-10-21",
            "source": "Capital Wire",
            "language": "en",
            "text": "North Korea decided to send 10,000 troops to Russia, intelligence officials said. North Korea confirmed supplying weapons to Russia.",
        },
    ]
    path = tmp_path / "keys.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "news.db"
    conn = load(db, path, EVENTS / "two_events.jsonl")
    keys = {
        r[0]
        for r in conn.execute(
            "select predicate from claims where predicate like '%:%' or predicate like '%\\_%' escape '\\'"
        )
    }
    slots = {r[0] for r in conn.execute("select slot from claims")}
    assert "troops:planned" in keys  # the data holds internal keys ...
    ds = Datasette([str(db)])
    pages = ["/-/factcheck/news"]
    pages += [f"/-/factcheck/news/contradiction/{r[0]}" for r in conn.execute("select id from contradictions")]
    pages += [f"/-/factcheck/news/article/{r[0]}" for r in conn.execute("select id from articles")]
    pages += [
        f"/-/factcheck/news/entity/{r[0]}"
        for r in conn.execute("select distinct subject from claims where subject is not null")
    ]
    for url in pages:
        response = await ds.client.get(url)
        assert response.status_code == 200, url
        html = response.text
        for key in keys | slots:  # ... and no page shows one
            assert f">{key}<" not in html and f" {key} " not in html and f"({key})" not in html, (url, key)
        text = re.sub(r"<[^>]+>", " ", html)
        for key in keys:
            assert key not in text, (url, key)
    html = (await ds.client.get("/-/factcheck/news")).text
    assert "troops (planned)" in html and "pasukan (direncanakan)" in html


def test_workers_see_the_events_and_flag_what_one_process_flags(tmp_path, monkeypatch):
    """Worker processes read claims through their own connections: the events
    must be committed before they compare, or subject-less slots meet nothing."""
    from datasette_factcheck import detect as detection

    monkeypatch.setattr(detection, "WINDOW", 4)  # many small jobs, so the workers take them
    one = load(tmp_path / "one.db", EVENTS / "two_events.jsonl", EVENTS / "growing.jsonl", args=["--workers", "1"])
    two = load(tmp_path / "two.db", EVENTS / "two_events.jsonl", EVENTS / "growing.jsonl", args=["--workers", "2"])
    assert flagged(one) and flagged(two) == flagged(one)
    ids = "select id, relation from contradictions order by id"
    assert two.execute(ids).fetchall() == one.execute(ids).fetchall()


def _row(id, published, lead, anchors):
    return (id, id, json.dumps(anchors), published, f"outlet-{id}", lead)


def test_chains_named_differently_join_on_a_shared_telling_figure():
    from datasette_factcheck.detect import events

    # one crash named by the airline in two leads, by a minister in two others; all give its toll, 212
    rows = [
        _row("a1", "2023-03-07", "Skyhaven Airways jet lost near Porto Alto", ["skyhaven", "porto"]),
        _row("a2", "2023-03-07", "Skyhaven Airways crash leaves none alive", ["skyhaven"]),
        _row("b1", "2023-03-08", "Minister Varela vows inquiry into the crash", ["varela"]),
        _row("b2", "2023-03-09", "Varela names investigators", ["varela"]),
        # a ferry fire the same week with its own toll stays apart
        _row("c1", "2023-03-08", "Fire on the Wetar ferry", ["wetar"]),
        _row("c2", "2023-03-09", "Wetar ferry toll rises", ["wetar"]),
    ]
    counts = {"a1": {212}, "a2": {212, 45}, "b1": {212}, "b2": {212}, "c1": {38}, "c2": {41}}
    event_of, _, _, _ = events.group(rows, counts)
    assert event_of["a1"] == event_of["a2"] == event_of["b1"] == event_of["b2"]
    assert event_of["c1"] == event_of["c2"] != event_of["a1"]
    # without the shared figure the two names stay two events (a false merge costs more than a split)
    event_of, _, _, _ = events.group(rows, {})
    assert event_of["a1"] != event_of["b1"]


@pytest.mark.parametrize("value,telling", [(212, True), (45, True), (10, False), (500, False), (2023, False)])
def test_a_telling_figure_is_no_round_number_nor_a_year(value, telling):
    from datasette_factcheck.detect import events

    assert bool(events.telling(value)) == telling


def test_a_claim_moves_only_to_an_event_of_its_articles_time():
    from datasette_factcheck.detect import events

    march = (dt.date(2023, 3, 1).toordinal(), dt.date(2023, 3, 9).toordinal())
    assert events._near(march, dt.date(2023, 3, 20).toordinal())
    assert not events._near(march, dt.date(2021, 3, 20).toordinal())
    assert events._near(march, None)


@pytest.mark.parametrize(
    "sentence,predicate",
    [
        ("Longsor Kalimaro: sebanyak {n} orang tertimbun reruntuhan, kata petugas.", "people"),
        ("Longsor Kalimaro: kepala desa diperiksa polisi sebanyak {n} kali.", "span:kali"),
    ],
)
def test_a_bare_count_of_people_or_a_frequency_is_never_compared(tmp_path, sentence, predicate):
    records = [
        {
            "id": f"p{i}",
            "published": "2023-03-07",
            "source": f"Outlet {i}",
            "language": "id",
            "title": "Longsor Kalimaro",
            "text": sentence.format(n=n),
        }
        for i, n in ((1, 25), (2, 40))
    ]
    path = tmp_path / "counts.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    conn = load(tmp_path / "counts.db", path)
    assert [r[0] for r in conn.execute("select predicate from claims where kind = 'number'")] == [predicate] * 2
    assert conn.execute("select count(*) from contradictions").fetchone()[0] == 0


def test_a_toll_of_an_earlier_time_recalled_in_a_sentence_meets_only_the_earlier_times(tmp_path):
    records = [
        {
            "id": "now",
            "published": "2024-03-07",
            "source": "Kabar Lembah",
            "language": "id",
            "title": "Longsor Kalimaro",
            "text": "Korban tewas longsor Kalimaro bertambah menjadi 46 orang.",
        },
        {
            "id": "recall",
            "published": "2024-03-07",
            "source": "Valley Wire",
            "language": "en",
            "title": "Kalimaro landslide",
            "text": "The Kalimaro landslide has killed 46 people. It is the deadliest disaster in the province "
            "since floods killed 63 people in January 2021.",
        },
    ]
    path = tmp_path / "recall.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    conn = load(tmp_path / "recall.db", path)
    events = dict(conn.execute("select c.value, c.event from claims c where c.kind = 'number'").fetchall())
    assert events["63"] == events["46"] + "/earlier"
    assert conn.execute("select count(*) from contradictions where kind = 'number'").fetchone()[0] == 0


def test_an_undated_article_is_placed_in_time_by_the_days_its_sentences_date(tmp_path):
    lead = "Banjir Kalimaro"
    records = [
        {
            "id": f"new{i}",
            "published": f"2024-03-0{i}",
            "source": f"Outlet {i}",
            "language": "id",
            "title": lead,
            "text": f"Banjir Kalimaro menewaskan {30 + i} orang, kata BPBD.",
        }
        for i in (1, 2)
    ] + [
        {
            "id": "old",
            "source": "Arsip Lembah",
            "language": "id",
            "title": lead,
            "text": "Banjir Kalimaro pada Senin (6/1/2020) menewaskan 12 orang, kata BPBD.",
        }
    ]
    path = tmp_path / "old.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    conn = load(tmp_path / "old.db", path)
    event = dict(conn.execute("select a.ref, c.event from claims c join articles a on a.id = c.article_id"))
    assert event["new1"] == event["new2"] != event["old"].split("/")[0]  # not even as its earlier times


def test_a_later_happenings_date_is_no_account_of_the_events_own_day(tmp_path):
    records = [
        {
            "id": "day",
            "published": "2024-03-04",
            "source": "Kabar Lembah",
            "language": "id",
            "title": "Longsor Kalimaro",
            "text": "Longsor Kalimaro terjadi pada Senin (4/3/2024) pagi.",
        },
        {
            "id": "found",
            "published": "2024-03-08",
            "source": "Warta Timur",
            "language": "id",
            "title": "Longsor Kalimaro",
            "text": "Tim SAR menemukan tiga korban meninggal longsor Kalimaro pada Jumat (8/3/2024).",
        },
        {
            "id": "wrong",
            "published": "2024-03-05",
            "source": "Valley Wire",
            "language": "id",
            "title": "Longsor Kalimaro",
            "text": "Longsor Kalimaro terjadi pada Minggu (3/3/2024) malam.",
        },
    ]
    path = tmp_path / "dates.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    conn = load(tmp_path / "dates.db", path)
    pairs = {
        frozenset((ra, rb))
        for ra, rb in conn.execute(
            "select aa.ref, ab.ref from contradictions x join articles aa on aa.id = x.article_a "
            "join articles ab on ab.id = x.article_b where x.kind = 'date'"
        )
    }
    assert pairs == {frozenset(("day", "wrong"))}  # the day of the finding meets neither
