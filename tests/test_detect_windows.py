"""Big slots are compared in overlapping windows along time, so detection's
memory stays bounded; a window never hides an article's nearest disagreement."""

import json

import pytest
from conftest import SEEDS, load, rows

from datasette_factcheck import detect as detection
from datasette_factcheck import store
from datasette_factcheck.detect.compare import compare
from datasette_factcheck.detect.rules import NumberRule


@pytest.fixture
def one_slot(tmp_path):
    """40 articles on 40 days, one count each, alternating between two figures."""
    lines = [
        json.dumps(
            {
                "id": f"day{i:02d}",
                "published": f"2024-03-{1 + i % 28:02d}" if i < 28 else f"2024-04-{i - 27:02d}",
                "text": f"Polisi menyebut {10 if i % 2 else 12} orang tewas dalam banjir di Kota Sumber. "
                f"Petugas di posko {chr(97 + i // 26)}{chr(97 + i % 26)} masih berjaga.",
            }
        )
        for i in range(40)
    ]
    corpus = tmp_path / "days.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "f.db"
    assert load(db, corpus, args=["--no-detect"]).exit_code == 0
    return db


class SizeSpy:
    """Wraps detection's comparison of one slot or window and records how many
    claims it is handed at once, in a file, so calls in (forked) worker
    processes count too."""

    def __init__(self, path, compare):
        self.path = path
        self.compare = compare

    @property
    def sizes(self):
        return [int(n) for n in self.path.read_text().split()] if self.path.exists() else []

    def __call__(self, claims, slot, settings):
        with open(self.path, "a") as f:
            f.write(f"{len(claims)}\n")
        return self.compare(claims, slot, settings)


def flagged(db):
    return rows(
        db,
        "select a.ref ra, b.ref rb, c.id from contradictions c join articles a on a.id = c.article_a "
        "join articles b on b.id = c.article_b where c.kind = 'number'",
    )


@pytest.mark.parametrize("workers", [1, 2])
def test_windows_bound_what_rules_see_and_miss_no_neighbour(one_slot, tmp_path, monkeypatch, workers):
    whole = store.open_db(str(one_slot))
    assert detection.detect(whole) > 0
    unwindowed = flagged(one_slot)

    spy = SizeSpy(tmp_path / "sizes.txt", detection._compare)
    monkeypatch.setattr(detection, "_compare", spy)
    monkeypatch.setattr(detection, "WINDOW", 8)
    monkeypatch.setattr(detection, "OVERLAP", 3)
    written = detection.detect(store.open_db(str(one_slot)), workers=workers)  # windows go to workers
    windowed = flagged(one_slot)

    assert spy.sizes and max(spy.sizes) <= 8 + 1  # a window closes at the first article past WINDOW claims
    assert len(spy.sizes) >= 40 // (8 - 3)  # the slot really was split
    assert written == len(rows(one_slot, "select id from contradictions"))  # no pair written twice
    # each day disagrees with the day before and after: every article keeps a flag with a neighbour
    days = {r["ra"] for r in windowed} | {r["rb"] for r in windowed}
    assert days == {f"day{i:02d}" for i in range(40)}
    neighbours = {tuple(sorted((r["ra"], r["rb"]))) for r in windowed}
    for i in range(39):
        assert (f"day{i:02d}", f"day{i + 1:02d}") in neighbours
    assert 0.5 * len(unwindowed) <= len(windowed) <= 1.5 * len(unwindowed)


def test_a_slot_within_one_window_is_compared_whole(one_slot):
    claims = list(
        detection._rows(store.open_db(str(one_slot)).conn, detection.ORDERED, {"slot": "number||dead", "event": ""})
    )
    assert len(claims) == 40
    assert [c["published"][:10] for c in claims] == sorted(c["published"][:10] for c in claims)  # time order
    flags = list(detection.flags_in(store.open_db(str(one_slot)).conn, "number||dead", {"window_days": 7}))
    direct = list(compare(NumberRule(), claims, {"window_days": 7}))
    assert {(f["claim_a"], f["claim_b"]) for f in flags} == {(f["claim_a"], f["claim_b"]) for f in direct}


def test_workers_compare_many_tasks_and_write_what_one_process_writes(tmp_path, monkeypatch):
    """With workers, small slots go out in tasks of at most WINDOW claims and
    big slots window by window, a few jobs in flight at a time: the flags
    written are exactly those of one process."""
    db = tmp_path / "seeds.db"
    assert load(db, SEEDS, args=["--no-detect"]).exit_code == 0
    monkeypatch.setattr(detection, "WINDOW", 4)
    monkeypatch.setattr(detection, "OVERLAP", 1)
    sizes = (
        store.open_db(str(db))
        .execute(f"select c.slot, count(*) from claims c where {detection.COMPARABLE} group by c.slot")
        .fetchall()
    )
    tasks = detection._tasks([(s, n) for s, n in sizes if n <= 4])
    assert len(tasks) > 2 * 2 and all(sum(dict(sizes)[s] for s in t) <= 4 for t in tasks)
    assert any(n > 4 for _, n in sizes)  # some slots are cut into windows

    one = detection.detect(store.open_db(str(db)), workers=1)
    alone = rows(db, "select * from contradictions order by id")
    two = detection.detect(store.open_db(str(db)), workers=2)
    assert one == two == len(alone) > 0
    assert rows(db, "select * from contradictions order by id") == alone


def test_a_bulk_detect_rebuilds_the_flag_indexes_and_a_small_one_keeps_them(tmp_path):
    """Writing more flags than the table holds drops its indexes and builds them
    afresh after; either way every index is there when detection is done."""
    db = tmp_path / "seeds.db"
    assert load(db, SEEDS, args=["--no-detect"]).exit_code == 0
    conn = store.open_db(str(db))
    want = {
        r[0]
        for r in conn.execute("select name from sqlite_master where type = 'index' and tbl_name = 'contradictions'")
    }
    assert len(want) >= 6
    sides = {
        r[0]
        for r in conn.execute(
            "select name from sqlite_master where type = 'index' and tbl_name = 'contradiction_claims'"
        )
    }

    dropped = []
    conn.conn.set_trace_callback(lambda sql: dropped.append(sql) if sql.lower().startswith("drop index") else None)
    first = detection.detect(conn)
    assert first > 0 and len(dropped) == len(want) - 1 + len(sides) - 1  # all but the primary keys', of both tables
    dropped.clear()
    assert detection.detect(conn, slots={"no-such-slot"}) == 0 and dropped == []  # nothing to write: kept
    conn.conn.set_trace_callback(None)

    have = {
        r[0]
        for r in conn.execute("select name from sqlite_master where type = 'index' and tbl_name = 'contradictions'")
    }
    assert have == want
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
