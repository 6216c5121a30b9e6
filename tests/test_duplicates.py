"""Syndicated copies are found through their sketches even when their
sketch hashes are shared by many earlier articles (boilerplate)."""
from datasette_factcheck import duplicates, store

TEXT = " ".join(f"Petugas posko {i} melaporkan {i * 3} keluarga mengungsi ke balai desa." for i in range(12))


def test_a_copy_finds_its_original_past_many_older_articles_sharing_its_hashes(tmp_path):
    db = store.open_db(str(tmp_path / "f.db"))
    duplicates.ensure_table(db)
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
