"""The command line, through click's runner and as a real subprocess."""

import json
import sqlite3
import subprocess
import sys

import pytest
from conftest import SEEDS, load, rows

from datasette_factcheck import cli


def counts(db):
    return {
        t: rows(db, f"select count(*) n from {t}")[0]["n"] for t in ("articles", "claims", "contradictions", "entities")
    }


def test_load_seeds(tmp_path):
    db = tmp_path / "f.db"
    result = load(db, SEEDS)
    assert result.exit_code == 0, result.output
    c = counts(db)
    assert c["articles"] == 5
    assert c["claims"] > 20
    assert c["contradictions"] >= 5


def test_reload_changes_nothing(tmp_path):
    db = tmp_path / "f.db"
    assert load(db, SEEDS).exit_code == 0
    before = (
        counts(db),
        rows(db, "select * from contradictions order by id"),
        rows(db, "select * from claims order by id"),
    )
    result = load(db, SEEDS, SEEDS / "000_f973b47e8b549fe7.txt")
    assert result.exit_code == 0
    after = (
        counts(db),
        rows(db, "select * from contradictions order by id"),
        rows(db, "select * from claims order by id"),
    )
    assert before == after


def test_same_text_under_another_name_is_stored_once(tmp_path, seeds_copy):
    (seeds_copy / "copy.txt").write_bytes((seeds_copy / "003_0a989a0488d0a30f.txt").read_bytes())
    db = tmp_path / "f.db"
    assert load(db, seeds_copy).exit_code == 0
    assert counts(db)["articles"] == 5


def test_changed_article_replaces_old_version(tmp_path, seeds_copy):
    db = tmp_path / "f.db"
    assert load(db, seeds_copy).exit_code == 0
    target = seeds_copy / "003_0a989a0488d0a30f.txt"
    target.write_text(target.read_text().replace("membantah", "mengakui"), encoding="utf-8")
    assert load(db, seeds_copy).exit_code == 0
    refs = rows(db, "select ref from articles where ref = ?", [target.name])
    assert len(refs) == 1
    orphans = rows(db, "select count(*) n from claims where article_id not in (select id from articles)")
    assert orphans[0]["n"] == 0
    dangling = rows(
        db,
        "select count(*) n from contradictions where claim_a not in (select id from claims) or claim_b not in (select id from claims)",
    )
    assert dangling[0]["n"] == 0


def test_no_detect_then_detect(tmp_path):
    db = tmp_path / "f.db"
    assert load(db, SEEDS, args=["--no-detect"]).exit_code == 0
    assert counts(db)["contradictions"] == 0
    from click.testing import CliRunner
    from datasette.cli import cli

    result = CliRunner().invoke(cli, ["factcheck", "detect", str(db)])
    assert result.exit_code == 0, result.output
    assert counts(db)["contradictions"] >= 5


def test_incremental_equals_full(tmp_path):
    files = sorted(SEEDS.glob("*.txt"))
    inc = tmp_path / "inc.db"
    for f in files:
        assert load(inc, f).exit_code == 0
    full = tmp_path / "full.db"
    assert load(full, SEEDS).exit_code == 0
    q = "select claim_a, claim_b, kind, relation, explanation from contradictions order by id"
    assert rows(inc, q) == rows(full, q)


def test_bad_inputs_are_reported_and_the_rest_loads(tmp_path, seeds_copy):
    (seeds_copy / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (seeds_copy / "empty.txt").write_bytes(b"")
    (seeds_copy / "notes.docx").write_bytes(b"PK\x03\x04")
    (seeds_copy / "broken.jsonl").write_text(
        json.dumps({"id": "ok-1", "text": "Polisi membantah laporan itu pada Senin (3/10/2022).", "language": "id"})
        + "\n{not json\n",
        encoding="utf-8",
    )
    (seeds_copy / "table.csv").write_text("headline,when\nA,2022-10-01\n", encoding="utf-8")
    db = tmp_path / "f.db"
    result = load(db, seeds_copy)
    assert result.exit_code == 1
    err = result.stderr if hasattr(result, "stderr") else result.output
    for name, reason in [
        ("binary.txt", "binary"),
        ("empty.txt", "empty"),
        ("notes.docx", "unsupported"),
        ("broken.jsonl:2", "malformed JSON"),
        ("table.csv", "no text column"),
    ]:
        assert name in err and reason in err, (name, err)
    assert counts(db)["articles"] == 6  # five seeds and the good JSONL line
    errors = {(r["path"].split("/")[-1], r["line"]) for r in rows(db, "select path, line from load_errors")}
    assert ("broken.jsonl", 2) in errors and ("binary.txt", 0) in errors
    assert rows(db, "pragma integrity_check")[0]["integrity_check"] == "ok"


def test_subprocess_load_and_detect(tmp_path):
    db = tmp_path / "sub.db"
    run = subprocess.run(
        [sys.executable, "-m", "datasette", "factcheck", "load", str(db), str(SEEDS)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "5 articles stored" in run.stderr
    pair = """select x.relation from contradictions x join articles a on a.id = x.article_a
              join articles b on b.id = x.article_b
              where {a.ref, b.ref} """.replace("{a.ref, b.ref}", "a.ref in (?, ?) and b.ref in (?, ?)")
    refs = ["000_f973b47e8b549fe7.txt", "003_0a989a0488d0a30f.txt"] * 2
    assert {r["relation"] for r in rows(db, pair, refs)} == {"conflict"}  # one day apart
    run = subprocess.run(
        [sys.executable, "-m", "datasette", "factcheck", "detect", str(db), "--window-days", "0"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert {r["relation"] for r in rows(db, pair, refs)} == {"change"}  # a zero-day window separates them


def test_missing_path_is_an_error(tmp_path):
    db = tmp_path / "f.db"
    result = load(db, tmp_path / "nope.txt")
    assert result.exit_code == 1
    assert "nope.txt" in result.output and "no such file" in result.output


def test_workers_give_the_same_database(tmp_path, seeds_copy):
    (seeds_copy / "bad.jsonl").write_text(
        '{"id": "x", "text": "Russia denied sending troops."}\n{oops\n', encoding="utf-8"
    )
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert load(one, seeds_copy, args=["--workers", "1"]).exit_code == 1
    result = load(two, seeds_copy, args=["--workers", "2"])
    assert result.exit_code == 1 and "bad.jsonl:2" in result.output
    for sql in (
        "select * from articles order by id",
        "select * from claims order by id",
        "select * from contradictions order by id",
        "select path, line, reason from load_errors order by path",
    ):
        assert rows(one, sql) == rows(two, sql)


@pytest.mark.parametrize("cores, expected", [(1, 1), (2, 2), (16, 4)])
def test_workers_default_to_the_cores_up_to_four(monkeypatch, cores, expected):
    """Without --workers a load uses the cores it may run on; past four the
    single writer, not extraction, sets the pace."""
    monkeypatch.setattr(cli.os, "sched_getaffinity", lambda pid: set(range(cores)), raising=False)
    assert cli.default_workers() == expected


def _fts_sound(db):
    """Each full-text index holds exactly its table's rows (FTS5's integrity-check
    raises otherwise)."""
    conn = sqlite3.connect(db)
    try:
        for table in ("articles", "claims"):
            conn.execute(f"insert into {table}_fts ({table}_fts, rank) values ('integrity-check', 1)")
            indexed, stored = conn.execute(
                f"select (select count(*) from {table}_fts_docsize), (select count(*) from {table})"
            ).fetchone()
            assert indexed == stored, table
    finally:
        conn.close()


def test_full_text_index_follows_loads_replacements_and_other_writers(tmp_path):
    """Loads index text a batch at a time; replaced and dropped articles leave
    the index, rows written by other tools are indexed by the triggers."""
    folder = tmp_path / "in"
    folder.mkdir()
    feed = folder / "feed.jsonl"
    records = [
        {"id": f"r{i}", "text": f"Polisi menyebut {10 + i} orang tewas di Kota Sumber. Kata kunci{i} muncul."}
        for i in range(150)
    ]
    records.append(
        {"id": "r0", "text": "Versi kedua: polisi menyebut 99 orang tewas di Kota Sumber. Zebrakuning."}
    )  # same id twice in a batch
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "f.db"
    assert load(db, folder).exit_code == 0
    _fts_sound(db)
    assert [
        r["ref"]
        for r in rows(
            db,
            "select a.ref from articles_fts f join articles a on a.rowid = f.rowid where articles_fts match 'zebrakuning'",
        )
    ] == ["r0"]
    assert (
        rows(db, "select count(*) n from articles_fts where articles_fts match 'kunci0'")[0]["n"] == 0
    )  # the first r0 is gone

    records[5]["text"] = "Teks baru sama sekali: 7 orang tewas di Kota Sumber, Gajahbiru."  # edited
    feed.write_text(
        "".join(json.dumps(r) + "\n" for r in records[:100] + records[150:]), encoding="utf-8"
    )  # 50 dropped
    assert load(db, folder).exit_code == 0
    _fts_sound(db)
    assert rows(db, "select count(*) n from claims_fts where claims_fts match 'gajahbiru'")[0]["n"] >= 1
    assert rows(db, "select count(*) n from articles_fts where articles_fts match 'kunci5'")[0]["n"] == 0

    from datasette_factcheck import store

    other = store.open_db(str(db))
    other["entity_aliases"].insert({"alias": "Kota Sumber", "entity_id": "kota-sumber", "origin": "user"})
    other["entities"].insert({"id": "kota-sumber", "name": "Kota Sumber", "kind": "place"})
    other.conn.close()
    assert load(db, folder).exit_code == 0  # new aliases: every article re-read and rewritten in place
    _fts_sound(db)
    assert rows(db, "select count(*) n from articles_fts where articles_fts match 'gajahbiru'")[0]["n"] == 1

    other = store.open_db(str(db))  # another writer: plain sqlite-utils
    other["articles"].insert({"id": "manual", "text": "Ditulis tangan: Kudanila."})
    other.conn.close()
    _fts_sound(db)
    assert rows(db, "select count(*) n from articles_fts where articles_fts match 'kudanila'")[0]["n"] == 1
