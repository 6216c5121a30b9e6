"""An undated article takes its time from its event (detect.timing): each
weekday it names is the first such day on or after the event's first dated
day, and it speaks as of the latest. Invented coverage of one landslide."""

import json
import sqlite3

from click.testing import CliRunner
from datasette.cli import cli

ARTICLES = [
    {
        "id": "dated-first",
        "title": "Longsor Kalimaro tewaskan 40 warga",
        "published": "2023-03-06",
        "source": "Kabar Lembah",
        "language": "id",
        "text": "Longsor di Kalimaro, Senin (6/3/2023), menewaskan 40 warga, kata BPBD.",
    },
    {
        "id": "dated-later",
        "title": "Korban longsor Kalimaro bertambah",
        "published": "2023-03-09",
        "source": "Warta Timur",
        "language": "id",
        "text": "Korban tewas longsor Kalimaro bertambah menjadi 58 orang, kata BPBD pada Kamis (9/3/2023).",
    },
    {
        "id": "undated",
        "title": "Kalimaro landslide kills 52",
        "source": "Valley Wire",
        "language": "en",
        "text": "The landslide in Kalimaro on Monday killed 52 people, officials said on Tuesday.",
    },
    {
        "id": "undated-no-weekday",
        "title": "Kalimaro landslide: 61 dead",
        "source": "Coast Post",
        "language": "en",
        "text": "The landslide in Kalimaro killed 61 people, officials said.",
    },
]


def load(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n")
    db = tmp_path / "news.db"
    result = CliRunner().invoke(cli, ["factcheck", "load", str(db), str(path), "--silent"])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    return conn


def number_of(conn, ref, value):
    return conn.execute(
        "select c.* from claims c join articles a on a.id = c.article_id "
        "where a.ref = ? and c.kind = 'number' and c.value_num = ?",
        [ref, value],
    ).fetchone()


def test_an_undated_article_speaks_as_of_the_latest_weekday_it_names_within_its_event(tmp_path):
    conn = load(tmp_path)
    claim = number_of(conn, "undated", 52)
    assert (claim["as_of"], claim["as_of_source"]) == ("2023-03-07", "event")
    # placed in time, its toll is a change from the first day's and before the later one's
    relations = {
        frozenset((ra, rb)): rel
        for rel, ra, rb in conn.execute(
            "select x.relation, aa.ref, ab.ref from contradictions x "
            "join articles aa on aa.id = x.article_a join articles ab on ab.id = x.article_b where x.kind = 'number'"
        )
    }
    assert relations[frozenset(("dated-first", "undated"))] == "change"
    assert relations[frozenset(("undated", "dated-later"))] == "change"


def test_an_undated_article_naming_no_weekday_stays_undated(tmp_path):
    conn = load(tmp_path)
    claim = number_of(conn, "undated-no-weekday", 61)
    assert claim["as_of"] is None and claim["as_of_source"] is None
