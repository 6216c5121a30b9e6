"""Syndicated copies are found through their sketches even when their
sketch hashes are shared by many earlier articles (boilerplate)."""

import sqlite3
from pathlib import Path

from datasette_factcheck import store
from datasette_factcheck.store import copies as duplicates

TEXT = " ".join(f"Petugas posko {i} melaporkan {i * 3} keluarga mengungsi ke balai desa." for i in range(12))


def test_a_copy_finds_its_original_past_many_older_articles_sharing_its_hashes(tmp_path):
    db = store.open_db(str(tmp_path / "f.db"))
    hashes = duplicates.sketch(TEXT)
    # more older articles than are read per hash, each holding every one of the copy's hashes
    for k in range(duplicates.PER_HASH + 4):
        store.insert_rows(db.conn, "articles", [{"id": f"old{k}", "text": f"Artikel lain nomor {k}."}])
        duplicates.store_sketch(db, f"old{k}", hashes)
    store.insert_rows(db.conn, "articles", [{"id": "original", "text": TEXT}])
    duplicates.store_sketch(db, "original", hashes)

    copy = {"id": "copy", "text": TEXT.replace("Petugas posko 0", "Relawan posko 0", 1)}
    assert duplicates.find_original(db, copy, duplicates.sketch(copy["text"])) == "original"
    unrelated = {"id": "other", "text": "Sebuah berita lain " + "tentang harga beras di pasar induk " * 5}
    assert duplicates.find_original(db, unrelated, duplicates.sketch(unrelated["text"])) is None


def test_sketches_of_the_earlier_layout_are_converted_once(tmp_path):
    """A database of the code before migrations whose article_sketches is the
    earlier rowid table keyed by article keeps its sketches, now newest
    first, and copies still find them."""
    path = str(tmp_path / "old.db")
    conn = sqlite3.connect(path)
    conn.executescript(Path(__file__).with_name("schema_before_migrations.sql").read_text())
    conn.execute("create table article_sketches (article_id text, hash integer, primary key (article_id, hash))")
    conn.execute("create index idx_article_sketches_hash on article_sketches (hash)")
    for k, text in enumerate(["Artikel lain tanpa salinan sama sekali di sini.", TEXT]):
        store.insert_rows(conn, "articles", [{"id": f"a{k}", "text": text}])
        conn.executemany("insert into article_sketches values (?, ?)", [(f"a{k}", h) for h in duplicates.sketch(text)])
    conn.commit()
    before = sorted(conn.execute("select article_id, hash from article_sketches").fetchall())
    conn.close()

    store.open_db(path)
    db = store.open_db(path)  # a second open changes nothing
    assert set(db["article_sketches"].columns_dict) == {"hash", "seq", "article_id"}
    assert db["article_sketches"].schema.lower().endswith("without rowid")
    assert sorted(db.execute("select article_id, hash from article_sketches").fetchall()) == before
    rowid = db.execute("select rowid from articles where id = 'a1'").fetchone()[0]
    assert {r[0] for r in db.execute("select seq from article_sketches where article_id = 'a1'")} == {-rowid}
    copy = {"id": "copy", "text": TEXT.replace("Petugas posko 3", "Relawan posko 3", 1)}
    assert duplicates.find_original(db, copy, duplicates.sketch(copy["text"])) == "a1"
