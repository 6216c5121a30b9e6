"""The schema comes from named migrations recorded in ``_migrations``: a new
database gets them all, an up-to-date one is only read, a database of the
code before migrations keeps its rows, and a migration added later runs once
even when two openers race for it."""

import sqlite3
import threading
import time
from pathlib import Path

import pytest
import sqlite_utils

from datasette_factcheck import store
from datasette_factcheck.store import migrations

BEFORE = Path(__file__).with_name("schema_before_migrations.sql")
# what the first load added to it (store.copies before migrations)
SKETCHES = """CREATE TABLE "article_sketches" (
    hash integer not null, seq integer not null, article_id text not null, primary key (hash, seq)
) without rowid;
CREATE INDEX idx_article_sketches_article_id on article_sketches (article_id);"""

ROWS = {
    "articles": [{"id": "a1", "ref": "one.txt", "title": "Banjir", "text": "Banjir besar melanda kota pada Senin."}],
    "entities": [{"id": "kota", "name": "Kota Sumber", "kind": "place"}],
    "entity_aliases": [{"alias": "Sumber", "entity_id": "kota", "origin": "lexicon"}],
    "claims": [
        {
            "id": "c1",
            "article_id": "a1",
            "kind": "number",
            "value": "12",
            "value_num": 12.0,
            "sentence": "12 orang tewas.",
        },
        {
            "id": "c2",
            "article_id": "a1",
            "kind": "number",
            "value": "30",
            "value_num": 30.0,
            "sentence": "30 orang tewas.",
        },
    ],
    "contradictions": [
        {"id": "x1", "claim_a": "c1", "claim_b": "c2", "kind": "number", "relation": "conflict", "status": "dismissed"}
    ],
    "reviews": [{"id": 1, "contradiction_id": "x1", "verdict": "dismissed", "actor": "ed"}],
    "load_errors": [{"path": "bad.csv", "line": 3, "reason": "no text", "ref": "r3", "exception": "ValueError"}],
}


def previous_code_db(path, older=False):
    """A database as store.open_db made it before migrations, holding ROWS and
    the sketches a load added. ``older``: as still earlier versions left it,
    before articles.detected and the claims' full-text index."""
    conn = sqlite3.connect(path)
    conn.executescript(BEFORE.read_text())
    conn.executescript(SKETCHES)
    if older:
        conn.executescript(
            "drop index idx_articles_detected; alter table articles drop column detected;"
            "drop trigger claims_ai; drop trigger claims_ad; drop trigger claims_au; drop table claims_fts;"
        )
    for table, rows in ROWS.items():
        for row in rows:
            conn.execute(
                f"insert into [{table}] ({', '.join(row)}) values ({', '.join('?' for _ in row)})", list(row.values())
            )
    conn.execute("insert into article_sketches values (7, -1, 'a1')")
    conn.commit()
    conn.close()


def master(db):
    """sqlite_master without the migrations' own table, in creation order."""
    return db.execute(
        "select type, name, tbl_name, sql from sqlite_master where tbl_name != '_migrations' order by rowid"
    ).fetchall()


def layout(db):
    """What the schema means, however its SQL is spelled: each table's
    columns and foreign keys, the SQL of everything else."""
    found = {}
    for kind, name, sql in db.execute("select type, name, sql from sqlite_master where tbl_name != '_migrations'"):
        if kind == "table" and not sql.startswith("CREATE VIRTUAL"):
            sql = (
                db.execute(f"pragma table_xinfo([{name}])").fetchall(),
                db.execute(f"pragma foreign_key_list([{name}])").fetchall(),
            )
        found[name] = (kind, sql)
    return found


def contents(db):
    return {table: db.execute(f"select * from [{table}] order by rowid").fetchall() for table in ROWS}


def test_a_new_database_records_every_migration_and_has_the_previous_layout(tmp_path):
    db = store.open_db(str(tmp_path / "new.db"))
    assert migrations.applied(db) == set(migrations.MIGRATIONS)
    assert [r[0] for r in db.execute("select name from _migrations order by rowid")] == list(migrations.MIGRATIONS)
    previous_code_db(tmp_path / "old.db")
    old = master(sqlite_utils.Database(tmp_path / "old.db"))
    new = master(db)
    # the very SQL the previous code wrote, in the same order; then what m005
    # adds: the events and contradiction_claims tables, and claims.event; and
    # m007: entity_merges, claims.resolved_from and entity_aliases.resolved_from;
    # m008: claims.speaker
    added = [row for row in new[len(old) :]]
    assert {row[2] for row in added} == {"events", "contradiction_claims", "claims", "entity_merges"}
    later = {
        "claims": ', "event" TEXT, "resolved_from" TEXT, "speaker" TEXT)',
        "entity_aliases": ', "resolved_from" TEXT)',
    }
    unchanged = [
        row if row[1] not in later else (row[0], row[1], row[2], row[3].replace(later[row[1]], ")"))
        for row in new[: len(old)]
    ]
    assert unchanged == old


def test_opening_an_up_to_date_database_applies_nothing_and_takes_no_lock(tmp_path, monkeypatch):
    path = str(tmp_path / "f.db")
    recorded = store.open_db(path).execute("select * from _migrations").fetchall()

    def fail(db):
        raise AssertionError("applied again")

    monkeypatch.setattr(migrations, "MIGRATIONS", {name: fail for name in migrations.MIGRATIONS})
    writer = sqlite3.connect(path)
    writer.execute("begin immediate")  # another process mid-write
    monkeypatch.setattr(store, "BUSY_TIMEOUT_S", 0)
    again = store.open_db(path)
    writer.rollback()
    assert again.execute("select * from _migrations").fetchall() == recorded


@pytest.mark.parametrize("older", [False, True])
def test_a_database_of_the_previous_code_is_migrated_with_its_rows(tmp_path, older):
    path = tmp_path / "old.db"
    previous_code_db(path, older)
    before = contents(sqlite_utils.Database(path))

    db = store.open_db(str(path))
    assert migrations.applied(db) == set(migrations.MIGRATIONS)
    kept = contents(db)
    assert db.execute("select distinct event from claims").fetchall() == [(None,)]  # m005's column, null
    kept["claims"] = [row[:-3] for row in kept["claims"]]  # m005's event, m007's resolved_from, m008's speaker: null
    kept["entity_aliases"] = [row[:-1] for row in kept["entity_aliases"]]
    if older:  # the column it lacked is added, null
        kept["articles"] = [row[:-1] for row in kept["articles"]]
        assert db.execute("select detected from articles").fetchall() == [(None,)]
    assert kept == before
    assert db.execute("select * from article_sketches").fetchall() == [(7, -1, "a1")]
    assert layout(db) == layout(store.open_db(str(tmp_path / "new.db")))
    # the full-text indexes hold the rows, the one made now too
    assert db.execute("select rowid from articles_fts where articles_fts match 'banjir'").fetchall() == [(1,)]
    assert db.execute("select count(*) from claims_fts where claims_fts match 'tewas'").fetchone() == (2,)


@pytest.fixture
def registry(monkeypatch):
    """Migrations registered by the test are forgotten after it."""
    monkeypatch.setattr(migrations, "MIGRATIONS", dict(migrations.MIGRATIONS))
    return migrations.MIGRATIONS


def test_a_migration_added_later_is_applied_once_and_recorded(tmp_path, registry):
    path = str(tmp_path / "f.db")
    store.open_db(path)
    calls = []

    @migrations.migration
    def m999_add_note(db):
        calls.append(1)
        db["articles"].add_column("note", str)

    db = store.open_db(path)
    store.open_db(path)
    assert calls == [1]
    assert "note" in db["articles"].columns_dict
    assert [r[0] for r in db.execute("select name from _migrations order by rowid")][-1] == "m999_add_note"
    with pytest.raises(ValueError):
        migrations.migration(m999_add_note)


def test_a_failing_migration_leaves_nothing_and_is_not_recorded(tmp_path, registry):
    path = str(tmp_path / "f.db")
    store.open_db(path)

    def m999_half_done(db):
        db.execute("create table half (id integer)")
        raise RuntimeError("interrupted")

    registry["m999_half_done"] = m999_half_done
    with pytest.raises(RuntimeError):
        store.open_db(path)
    db = sqlite_utils.Database(path)
    assert not db["half"].exists() and "m999_half_done" not in migrations.applied(db)
    registry["m999_half_done"] = lambda db: db.execute("create table half (id integer)")
    assert store.open_db(path)["half"].exists()


def test_two_openers_of_a_new_database_apply_each_migration_once(tmp_path, registry):
    calls, errors = [], []

    @migrations.migration
    def m999_slow(db):
        calls.append(1)
        time.sleep(0.3)  # the other opener arrives meanwhile

    def open_it():
        try:
            store.open_db(str(tmp_path / "both.db"))
        except Exception as e:  # noqa: BLE001 - reported by the assert below
            errors.append(e)

    threads = [threading.Thread(target=open_it) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and calls == [1]
    db = store.open_db(str(tmp_path / "both.db"))
    assert db.execute("select count(*) from _migrations").fetchone() == (len(registry),)


@pytest.mark.asyncio
async def test_a_page_over_a_database_of_older_code_says_how_to_upgrade_it(tmp_path):
    from web_fixtures import make_datasette

    from datasette_factcheck.web.url_builder import Urls

    path = tmp_path / "old.db"
    previous_code_db(path)
    ds = make_datasette([str(path)])
    response = await ds.client.get(Urls(ds, ds.get_database("old")).index())
    assert response.status_code == 409
    assert "datasette factcheck detect" in response.text and "m008_claim_speakers" in response.text
    store.open_db(str(path))  # what detect and load do first
    ds = make_datasette([str(path)])
    assert (await ds.client.get(Urls(ds, ds.get_database("old")).index())).status_code == 200
