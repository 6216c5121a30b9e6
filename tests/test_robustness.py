"""Robustness of `datasette factcheck load` as a real process: killed mid-load,
run twice at once, read by `datasette serve` while it writes, fed changed and
bad inputs. Every input is a real file written by the test."""

import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import SEEDS, load, rows

PYTHON = [sys.executable, "-m", "datasette"]
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

# A generated corpus: Indonesian news-like records, each with filler sentences
# and one or two claim sentences (who, stance, how many, which day) spread over
# every entity of the lexicon so detection slots stay small.
NAMES = [
    "Rusia",
    "Korea Utara",
    "Korea Selatan",
    "Ukraina",
    "Amerika Serikat",
    "China",
    "Jepang",
    "Indonesia",
    "Israel",
    "Iran",
    "Palestina",
    "Hamas",
    "Inggris",
    "Prancis",
    "Jerman",
    "Belarus",
    "NATO",
    "PBB",
    "Uni Eropa",
    "Polri",
    "TNI",
    "Afghanistan",
    "Aljazair",
    "Argentina",
    "Armenia",
    "Australia",
    "Austria",
    "Azerbaijan",
]
VERBS = ["membantah", "mengakui", "mengonfirmasi", "tetap bungkam soal", "menolak berkomentar soal", "membenarkan"]
OBJECTS = ["mengirim {n} tentara", "menembakkan {n} rudal", "mengerahkan {n} kapal perang"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
WORDS = (
    "pemerintah warga kota wilayah pejabat rapat kebijakan ekonomi harga pasar jalan sekolah "
    "hujan musim petani nelayan desa laporan media pengamat situasi diskusi"
).split()


def corpus(n, seed=0, prefix="a"):
    r = random.Random(seed)
    out = []
    for i in range(n):
        sentences = [
            " ".join(r.choice(WORDS) for _ in range(r.randint(6, 14))).capitalize() + "."
            for _ in range(r.randint(2, 4))
        ]
        for _ in range(r.randint(1, 2)):
            d, m, y = r.randint(1, 28), r.randint(1, 12), r.choice([2023, 2024, 2025])
            n_ = r.choice(["1.500", "12.000", "3.000", "250", str(r.randint(2, 9999))])
            sentence = (
                f"{r.choice(NAMES)} {r.choice(VERBS)} {r.choice(OBJECTS).format(n=n_)} "
                f"ke {r.choice(NAMES)} pada {r.choice(DAYS)} ({d}/{m}/{y})."
            )
            sentences.insert(r.randint(0, len(sentences)), sentence)
        out.append(
            {
                "id": f"{prefix}{i:05d}",
                "title": f"Berita {prefix} {i}",
                "text": " ".join(sentences) + f" Kode {prefix}{i}x{r.randrange(10**9)}.",
                "published": f"{r.choice([2023, 2024, 2025])}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
                "source": r.choice(["Warta Nusa", "Koran Kita", "Suara Rantau", "Kabar Lembah"]),
                "language": "id",
            }
        )
    return out


def write_jsonl(path, records):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in records), encoding="utf-8")
    return path


def run_load(db, *paths, timeout=300):
    return subprocess.run(
        [*PYTHON, "factcheck", "load", str(db), *map(str, paths), "--silent"],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def start_load(db, *paths):
    return subprocess.Popen(
        [*PYTHON, "factcheck", "load", str(db), *map(str, paths), "--silent"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def state(db):
    """What a user sees of a database: articles, claims, contradictions."""
    return {
        "articles": rows(
            db,
            "select id, ref, path, url, title, source, author, published, language, text, duplicate_of from articles order by id",
        ),
        "claims": rows(
            db, 'select id, article_id, kind, subject, predicate, value, as_of, start, "end" from claims order by id'
        ),
        "contradictions": rows(
            db, "select claim_a, claim_b, kind, relation from contradictions order by claim_a, claim_b, kind, relation"
        ),
    }


def differences(got, want):
    """Readable differences between two states: (table, key, field, got, want)."""
    out = []
    for table in ("articles", "claims", "contradictions"):
        key = (lambda r: r["id"]) if table != "contradictions" else (lambda r: (r["claim_a"], r["claim_b"]))
        g, w = {key(r): r for r in got[table]}, {key(r): r for r in want[table]}
        for k in sorted(set(g) | set(w), key=str):
            if k not in g:
                out.append((table, k, "missing", None, w[k]))
            elif k not in w:
                out.append((table, k, "extra", g[k], None))
            else:
                out += [(table, k, f, g[k][f], w[k][f]) for f in w[k] if g[k][f] != w[k][f]]
    return out


def assert_same(got, want):
    diff = differences(got, want)
    assert not diff, f"{len(diff)} differences, first ones: {diff[:8]}"


def integrity(db):
    return rows(db, "pragma integrity_check")[0]["integrity_check"]


def assert_consistent(db):
    """The file is sound and nothing in it points at something missing."""
    assert integrity(db) == "ok"
    assert rows(db, "pragma foreign_key_check") == []
    orphans = {
        "claims without article": "select count(*) n from claims where article_id not in (select id from articles)",
        "flags without claim": "select count(*) n from contradictions where claim_a not in (select id from claims) or claim_b not in (select id from claims)",
        "flags without article": "select count(*) n from contradictions where article_a not in (select id from articles) or article_b not in (select id from articles)",
        "duplicate of a missing article": "select count(*) n from articles where duplicate_of is not null and duplicate_of not in (select id from articles)",
        "sketches without article": "select count(*) n from article_sketches where article_id not in (select id from articles)",
        "articles not in articles_fts": "select abs((select count(*) from articles_fts_docsize) - (select count(*) from articles)) n",
        "claims not in claims_fts": "select abs((select count(*) from claims_fts_docsize) - (select count(*) from claims)) n",
    }
    found = {name: rows(db, sql)[0]["n"] for name, sql in orphans.items()}
    assert found == {name: 0 for name in orphans}
    assert_text_indexed(db)


def assert_text_indexed(db):
    """FTS5's own check that each index holds exactly what its table says."""
    conn = sqlite3.connect(db)
    try:
        for fts in ("articles_fts", "claims_fts"):
            conn.execute(f"insert into {fts} ({fts}, rank) values ('integrity-check', 1)")
    finally:
        conn.close()


def count(db, table):
    return rows(db, f"select count(*) n from {table}")[0]["n"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# 1. Kill and rerun

KILL_CORPUS = 1500


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory):
    """1,500 generated records and a clean load of them (about ten seconds)."""
    folder = tmp_path_factory.mktemp("big")
    source = write_jsonl(folder / "feed.jsonl", corpus(KILL_CORPUS, seed=7))
    clean = folder / "clean.db"
    run = run_load(clean, source)
    assert run.returncode == 0, run.stderr
    assert count(clean, "articles") == KILL_CORPUS
    assert count(clean, "contradictions") > 1000  # detection has real work to lose
    return source, state(clean)


def _wait_until(predicate, proc, limit=120):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        if predicate():
            return True
        time.sleep(0.02)
    return False


def _stored(db, table="articles"):
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db, timeout=5)
        try:
            return conn.execute(f"select count(*) from {table}").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # schema not there yet
        return 0


def kill_at(point, db, source):
    """Start a load and SIGKILL it at ``point``; True if it was still running then."""
    proc = start_load(db, source)
    try:
        if point == "0.3s":
            time.sleep(0.3)
        elif point == "1s":
            time.sleep(1.0)
        elif point == "first articles":
            assert _wait_until(lambda: _stored(db) >= 20, proc), proc.communicate()
        elif point == "mid-way":
            assert _wait_until(lambda: _stored(db) >= KILL_CORPUS // 2, proc), proc.communicate()
        elif point == "detecting":
            # every article is stored: the process is now detecting (about a second here)
            assert _wait_until(lambda: _stored(db) >= KILL_CORPUS, proc), proc.communicate()
            time.sleep(0.05)
        running = proc.poll() is None
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.communicate(timeout=60)
    return running


def made_tables(db):
    """Whether the killed load got as far as its first migration (it creates every
    table in one transaction, so a file killed before it has none, and nothing half-made)."""
    if not db.exists():
        return False
    conn = sqlite3.connect(db)
    try:
        names = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
    finally:
        conn.close()
    assert not names or "articles" in names, f"tables without articles after a kill: {sorted(names)}"
    return bool(names)


@pytest.mark.parametrize("point", ["0.3s", "1s", "first articles", "mid-way", "detecting"])
def test_killed_load_then_rerun_equals_clean_load(tmp_path, big_corpus, point):
    source, clean = big_corpus
    db = tmp_path / "killed.db"
    was_running = kill_at(point, db, source)
    assert was_running, f"the load finished before it could be killed at {point}"
    stored = 0
    if made_tables(db):
        assert_consistent(db)
        stored = count(db, "articles")
        assert stored < KILL_CORPUS or point == "detecting"
        # an article is there whole: every stored article has the claims a clean load gives it
        claims = {c["id"] for c in rows(db, "select id from claims")}
        ids = {a["id"] for a in rows(db, "select id from articles")}
        expected = {c["id"] for c in clean["claims"] if c["article_id"] in ids}
        assert claims == expected
    run = run_load(db, source)
    assert run.returncode == 0, run.stderr
    assert_consistent(db)
    diff = differences(state(db), clean)
    counts = {t: sum(1 for d in diff if d[0] == t) for t in ("articles", "claims", "contradictions")}
    assert not diff, (
        f"killed at {point} with {stored} articles stored; after the rerun {len(diff)} differences "
        f"from a clean load {counts}, first: {diff[:3]}"
    )


def test_killed_again_and_again_then_rerun_equals_clean_load(tmp_path, big_corpus):
    """The same database killed at successive points (as a flaky cron job would)."""
    source, clean = big_corpus
    db = tmp_path / "killed.db"
    for point in ["0.3s", "first articles", "mid-way", "detecting"]:
        kill_at(point, db, source)
        if made_tables(db):
            assert_consistent(db)
    run = run_load(db, source)
    assert run.returncode == 0, run.stderr
    assert_consistent(db)
    assert_same(state(db), clean)


# 2. Concurrency


def _folders(tmp_path, n=200):
    a = tmp_path / "in_a"
    b = tmp_path / "in_b"
    records_a, records_b = corpus(n, seed=1, prefix="a"), corpus(n, seed=2, prefix="b")
    for i in range(0, n, 100):  # several files per folder, nested
        write_jsonl(a / f"part{i // 100}" / f"feed{i}.jsonl", records_a[i : i + 100])
        write_jsonl(b / f"feed{i}.jsonl", records_b[i : i + 100])
    return a, b, records_a, records_b


@pytest.mark.parametrize("fresh", [True, False], ids=["new-database", "existing-database"])
def test_two_loads_at_once(tmp_path, fresh):
    a, b, records_a, records_b = _folders(tmp_path)
    db = tmp_path / "both.db"
    if not fresh:
        assert load(db, SEEDS).exit_code == 0
    first, second = start_load(db, a), start_load(db, b)
    out_a, out_b = first.communicate(timeout=300), second.communicate(timeout=300)
    assert first.returncode == 0, out_a[1]
    assert second.returncode == 0, out_b[1]
    assert_consistent(db)
    refs = {r["ref"] for r in rows(db, "select ref from articles")}
    assert {r["id"] for r in records_a} <= refs
    assert {r["id"] for r in records_b} <= refs
    # Equal to loading both folders one after the other.
    serial = tmp_path / "serial.db"
    if not fresh:
        assert load(serial, SEEDS).exit_code == 0
    assert run_load(serial, a).returncode == 0
    assert run_load(serial, b).returncode == 0
    got, want = state(db), state(serial)
    assert [x["id"] for x in got["articles"]] == [x["id"] for x in want["articles"]]
    assert got["claims"] == want["claims"]
    assert got["contradictions"] == want["contradictions"]


def test_serve_answers_during_a_load(tmp_path):
    records = corpus(800, seed=3, prefix="s")
    source = write_jsonl(tmp_path / "in" / "feed.jsonl", records)
    db = tmp_path / "live.db"
    assert load(db, SEEDS).exit_code == 0
    port = free_port()
    server = subprocess.Popen(
        [*PYTHON, "serve", str(db), "-h", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    statuses, errors = [], []

    def get(path):
        try:
            with urllib.request.urlopen(base + path, timeout=30) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as e:
            return e.code
        except OSError as e:
            errors.append(repr(e))
            return None

    try:
        deadline = time.monotonic() + 60
        while get("/live/articles.json?_size=1") != 200:
            assert server.poll() is None, server.stderr.read()
            assert time.monotonic() < deadline, "datasette serve did not start"
            time.sleep(0.2)
        errors.clear()
        loader = start_load(db, source)
        seen_counts = set()
        while loader.poll() is None:
            for path in ("/live/articles.json?_size=5", "/-/factcheck/live.json?_size=5"):
                statuses.append((path, get(path)))
            with urllib.request.urlopen(
                base + "/live.json?sql=select+count(*)+as+n+from+articles&_shape=array", timeout=30
            ) as r:
                seen_counts.add(json.loads(r.read())[0]["n"])
        out, err = loader.communicate()
        assert loader.returncode == 0, err
        # and after the load the server sees everything
        with urllib.request.urlopen(
            base + "/live.json?sql=select+count(*)+as+n+from+articles&_shape=array", timeout=30
        ) as r:
            assert json.loads(r.read())[0]["n"] == 5 + len(records)
    finally:
        server.terminate()
        server.communicate(timeout=30)
    assert errors == []
    assert len(statuses) >= 20, "too few reads happened during the load"
    assert {status for _, status in statuses} == {200}, [s for s in statuses if s[1] != 200][:5]
    assert len(seen_counts) >= 3, seen_counts  # reads saw the load progress, they were not queued behind it


# 3. A changed article replaces the old version


def filler(key, n=30):
    """Unrelated words, different for every key, so short test articles are not near-duplicates."""
    r = random.Random(key)
    return " ".join(r.choice(WORDS) for _ in range(n)).capitalize() + "."


def _record(id, text, published="2024-10-22", version=""):
    return {
        "id": id,
        "text": f"{text} {filler(id + version)}",
        "published": published,
        "language": "id",
        "source": f"Outlet {id}",
    }


def test_changed_record_replaces_old_version_and_recomputes(tmp_path):
    folder = tmp_path / "in"
    feed = folder / "feed.jsonl"
    other = folder / "other.jsonl"
    write_jsonl(other, [_record("o1", "Rusia membantah mengirim 1.500 tentara ke Ukraina pada Senin (21/10/2024).")])
    write_jsonl(
        feed,
        [
            _record(
                "r1", "Rusia mengakui mengirim 3.000 tentara ke Ukraina pada Senin (21/10/2024). Hujan turun di kota."
            ),
            _record("r2", "Korea Utara tetap bungkam soal laporan itu. Harga beras naik."),
        ],
    )
    db = tmp_path / "f.db"
    assert load(db, folder).exit_code == 0
    old_r1 = rows(db, "select id from articles where ref = 'r1'")[0]["id"]
    old_claims = {c["id"] for c in rows(db, "select id from claims where article_id = ?", [old_r1])}
    flags_before = rows(
        db, "select kind, relation from contradictions where article_a = ? or article_b = ?", [old_r1] * 2
    )
    assert old_claims and {f["kind"] for f in flags_before} >= {"stance", "number"}

    # r1 is rewritten and now agrees with o1 on both the stance and the number: its flags must go.
    write_jsonl(
        feed,
        [
            _record(
                "r1",
                "Rusia membantah mengirim 1.500 tentara ke Ukraina pada Senin (21/10/2024). Hujan turun di kota.",
                version="v2",
            ),
            _record("r2", "Korea Utara tetap bungkam soal laporan itu. Harga beras naik."),
        ],
    )
    assert load(db, folder).exit_code == 0
    assert_consistent(db)
    r1 = rows(db, "select id, text from articles where ref = 'r1'")
    assert len(r1) == 1 and r1[0]["id"] != old_r1 and "membantah mengirim 1.500" in r1[0]["text"]
    assert rows(db, "select count(*) n from articles where id = ?", [old_r1])[0]["n"] == 0
    assert rows(db, "select count(*) n from claims where article_id = ?", [old_r1])[0]["n"] == 0
    new_claims = rows(db, "select id, kind, value from claims where article_id = ?", [r1[0]["id"]])
    assert not old_claims & {c["id"] for c in new_claims}
    assert {(c["kind"], c["value"]) for c in new_claims} >= {("stance", "denied"), ("number", "1500")}
    assert rows(db, "select * from contradictions where article_a = ? or article_b = ?", [r1[0]["id"]] * 2) == []
    # Old text is gone from full-text search too.
    assert rows(db, "select count(*) n from articles_fts where articles_fts match 'mengakui'")[0]["n"] == 0
    # The whole database equals a clean load of the inputs as they are now.
    clean = tmp_path / "clean.db"
    assert load(clean, folder).exit_code == 0
    assert_same(state(db), state(clean))

    # And back again: the flags come back.
    write_jsonl(
        feed,
        [
            _record(
                "r1", "Rusia mengakui mengirim 3.000 tentara ke Ukraina pada Senin (21/10/2024). Hujan turun di kota."
            ),
            _record("r2", "Korea Utara tetap bungkam soal laporan itu. Harga beras naik."),
        ],
    )
    assert load(db, folder).exit_code == 0
    assert_consistent(db)
    assert sorted(rows(db, "select kind, relation from contradictions"), key=str) == sorted(
        [{"kind": f["kind"], "relation": f["relation"]} for f in flags_before], key=str
    )


def test_small_revision_is_not_a_duplicate_of_its_own_old_version(tmp_path):
    """The usual update: one figure in a long article is corrected. The new
    version replaces the old one; it must not be filed as a copy of the version
    it replaced (which no longer exists)."""
    folder = tmp_path / "in"
    feed = folder / "feed.jsonl"
    write_jsonl(
        folder / "other.jsonl",
        [_record("o1", "Rusia membantah mengirim 1.500 tentara ke Ukraina pada Senin (21/10/2024).")],
    )
    write_jsonl(feed, [_record("r1", "Rusia mengakui mengirim 3.000 tentara ke Ukraina pada Senin (21/10/2024).")])
    db = tmp_path / "f.db"
    assert load(db, folder).exit_code == 0
    write_jsonl(feed, [_record("r1", "Rusia mengakui mengirim 3.500 tentara ke Ukraina pada Senin (21/10/2024).")])
    assert load(db, folder).exit_code == 0
    assert_consistent(db)
    assert rows(db, "select duplicate_of from articles where ref = 'r1'") == [{"duplicate_of": None}]
    clean = tmp_path / "clean.db"
    assert load(clean, folder).exit_code == 0
    assert_same(state(db), state(clean))


def test_changed_original_of_a_duplicate_leaves_no_dangling_duplicate(tmp_path):
    """b.txt is a syndicated copy of a.txt; a.txt is then rewritten. Nothing may
    point at the version that is gone, and the result equals a clean load."""
    folder = tmp_path / "in"
    folder.mkdir()
    base = [
        "Rusia membantah mengirim 1.500 tentara ke Ukraina pada Senin (21/10/2024).",
        "Pemerintah Korea Utara tetap bungkam soal laporan pengiriman pasukan tersebut.",
        "Para pengamat menilai hubungan militer kedua negara semakin erat dalam beberapa tahun terakhir.",
        "Sanksi internasional terhadap kedua negara masih berlaku hingga kini.",
    ]
    (folder / "a.txt").write_text(" ".join(base), encoding="utf-8")
    (folder / "b.txt").write_text(" ".join(base) + " Laporan tambahan oleh redaksi.", encoding="utf-8")
    db = tmp_path / "f.db"
    assert load(db, folder).exit_code == 0
    a_id = rows(db, "select id from articles where ref = 'a.txt'")[0]["id"]
    assert rows(db, "select duplicate_of from articles where ref = 'b.txt'") == [{"duplicate_of": a_id}]
    (folder / "a.txt").write_text(
        "Korea Selatan mengakui mengirim 12.000 tentara ke Polandia pada Selasa (22/10/2024). "
        "Harga cabai di pasar tradisional naik tajam menjelang akhir pekan.",
        encoding="utf-8",
    )
    assert load(db, folder).exit_code == 0
    assert_consistent(db)
    clean = tmp_path / "clean.db"
    assert load(clean, folder).exit_code == 0
    assert_same(state(db), state(clean))


def test_file_changed_to_the_text_of_another_file_drops_its_old_version(tmp_path):
    """x.txt is rewritten with exactly the text y.txt already has: the old x.txt
    text exists in no input any more and must not stay behind."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x.txt").write_text(
        f"Rusia mengakui mengirim 3.000 tentara ke Ukraina pada Senin (21/10/2024). {filler('x')}", encoding="utf-8"
    )
    (folder / "y.txt").write_text(
        f"Rusia membantah mengirim 1.500 tentara ke Ukraina pada Senin (21/10/2024). {filler('y')}", encoding="utf-8"
    )
    db = tmp_path / "f.db"
    assert load(db, folder).exit_code == 0
    assert count(db, "contradictions") >= 1
    (folder / "x.txt").write_text((folder / "y.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert load(db, folder).exit_code == 0
    assert_consistent(db)
    assert rows(db, "select count(*) n from articles where text like '%mengakui%'")[0]["n"] == 0
    assert count(db, "contradictions") == 0


# One article whole or not at all. A trigger the test adds to the database makes
# storing the claims of one sentence fail; the article must then be stored with
# all its claims or not at all, and the version it was replacing must survive.

BOOM = "create trigger boom before insert on claims when new.sentence like '%Meledak%' begin select raise(abort, 'boom'); end"


def test_failed_article_is_not_stored_half(tmp_path):
    folder = tmp_path / "in"
    write_jsonl(
        folder / "feed.jsonl",
        [
            _record("ok", "Rusia membantah mengirim 1.500 tentara ke Ukraina pada Senin (21/10/2024)."),
        ],
    )
    db = tmp_path / "f.db"
    assert load(db, folder).exit_code == 0
    before = state(db)
    conn = sqlite3.connect(db)
    conn.execute(BOOM)
    conn.close()
    write_jsonl(
        folder / "more.jsonl",
        [
            _record("boom", "Meledak: Rusia mengakui mengirim 3.000 tentara ke Ukraina pada Senin (21/10/2024)."),
        ],
    )
    result = load(db, folder)
    assert result.exit_code != 0
    assert_consistent(db)
    assert rows(db, "select ref from articles where ref = 'boom'") == []
    assert_same(state(db), before)


def test_failed_new_version_keeps_the_old_version(tmp_path):
    folder = tmp_path / "in"
    feed = folder / "feed.jsonl"
    write_jsonl(
        folder / "other.jsonl",
        [_record("o1", "Rusia membantah mengirim 1.500 tentara ke Ukraina pada Senin (21/10/2024).")],
    )
    write_jsonl(feed, [_record("r1", "Rusia mengakui mengirim 3.000 tentara ke Ukraina pada Senin (21/10/2024).")])
    db = tmp_path / "f.db"
    assert load(db, folder).exit_code == 0
    before = state(db)
    assert before["contradictions"]
    conn = sqlite3.connect(db)
    conn.execute(BOOM)
    conn.close()
    write_jsonl(
        feed,
        [
            _record(
                "r1", "Meledak: Rusia mengakui mengirim 4.000 tentara ke Ukraina pada Senin (21/10/2024).", version="v2"
            )
        ],
    )
    result = load(db, folder)
    assert result.exit_code != 0
    assert_consistent(db)
    assert_same(state(db), before)


# 4. Bad input never corrupts what is stored


def _bad_files(folder):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "zip.txt").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 40)
    (folder / "png.md").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(3000))
    (folder / "half.jsonl").write_text(
        json.dumps({"id": "half-1", "text": "x" * 50}) + "\n" + '{"id": "half-2", "text": "Rusia memba',
        encoding="utf-8",
    )
    (folder / "scalar.json").write_text("42", encoding="utf-8")
    (folder / "objects.json").write_text(
        json.dumps([1, "two", None, {"text": None}, {"text": ["", None]}]), encoding="utf-8"
    )
    (folder / "quotes.csv").write_text('text,id\n"never closed,q1\n', encoding="utf-8")
    (folder / "nul.csv").write_bytes(b"text\n" + b"\x00" * 500)
    (folder / "tags.htm").write_text("<" * 5000, encoding="utf-8")
    (folder / "blank.txt").write_text("\n\n \t \n", encoding="utf-8")
    (folder / "only-header.txt").write_text("Judul Saja\nhttps://example.com/a\n", encoding="utf-8")
    (folder / "junk.exe").write_bytes(b"MZ" + os.urandom(100))
    (folder / "gone.txt").symlink_to(folder / "does-not-exist.txt")  # a file that disappeared
    (folder / "locked.txt").write_text("Polri membantah menahan 12 warga pada Senin (3/10/2022).", encoding="utf-8")
    (folder / "locked.txt").chmod(0)
    return {
        "zip.txt",
        "png.md",
        "half.jsonl",
        "scalar.json",
        "objects.json",
        "nul.csv",
        "tags.htm",
        "blank.txt",
        "only-header.txt",
        "junk.exe",
        "gone.txt",
    }


def test_bad_inputs_leave_what_is_stored_unchanged(tmp_path, seeds_copy):
    db = tmp_path / "f.db"
    assert load(db, seeds_copy).exit_code == 0
    before = state(db)
    entities_before = rows(db, "select * from entity_aliases order by alias")
    bad = tmp_path / "bad"
    expected_errors = _bad_files(bad)
    run = run_load(db, bad)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr, run.stderr
    for name in expected_errors:
        assert name in run.stderr, (name, run.stderr)
    assert_consistent(db)
    after = state(db)
    # The seeds are exactly as they were; nothing from the bad files touched them.
    seeds_after = {
        "articles": [a for a in after["articles"] if a["path"].startswith(str(seeds_copy))],
        "claims": [c for c in after["claims"] if c["article_id"] in {a["id"] for a in before["articles"]}],
        "contradictions": [f for f in after["contradictions"] if f in before["contradictions"]],
    }
    assert seeds_after == before
    assert rows(db, "select * from entity_aliases order by alias") == entities_before
    loaded = {Path(a["path"]).name for a in after["articles"]} - {Path(a["path"]).name for a in before["articles"]}
    assert "zip.txt" not in loaded and "png.md" not in loaded
    assert loaded <= {"half.jsonl", "locked.txt", "quotes.csv"}
    assert "half.jsonl" in loaded  # its good first line
    errors = {Path(r["path"]).name for r in rows(db, "select path from load_errors")}
    assert expected_errors <= errors
    if IS_ROOT:
        # root reads a chmod 000 file anyway: it loads like any other
        assert "locked.txt" in loaded
    else:
        assert "locked.txt" in run.stderr and "locked.txt" in errors and "locked.txt" not in loaded


def test_deeply_nested_json_is_reported_not_a_crash(tmp_path, seeds_copy):
    """JSON nested 100,000 deep is a bad input like any other: reported with
    its path, and the files after it still load."""
    db = tmp_path / "f.db"
    assert load(db, seeds_copy).exit_code == 0
    before = state(db)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (folder / "b_deep.jsonl").write_text(
        '{"text": "Polri membantah menahan 12 warga."}\n{"text": ' + "[" * 50_000 + "]" * 50_000 + "}\n",
        encoding="utf-8",
    )
    write_jsonl(folder / "c_good.jsonl", [_record("good", "Polri membantah menahan 12 warga pada Senin (3/10/2022).")])
    run = run_load(db, folder)
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    assert run.returncode == 1
    assert "a_deep.json" in run.stderr and "b_deep.jsonl:2" in run.stderr
    refs = {r["ref"] for r in rows(db, "select ref from articles")}
    assert "good" in refs and "b_deep.jsonl:1" in refs
    assert_consistent(db)
    after = state(db)
    assert [a for a in after["articles"] if a["id"] in {b["id"] for b in before["articles"]}] == before["articles"]


@pytest.mark.parametrize(
    "field,value",
    [
        ("url", "http://[::1"),  # urlparse raises ValueError on it
        ("url", "https://x.example/2024/13/45/a"),
        ("published", "99999-99-99T99:99"),
        ("published", "\x00"),
        ("language", "\u0000zz"),
        ("title", "\ud800"),  # a lone surrogate: legal as a JSON escape, common in truncated emoji
        ("text", "Polri membantah \ud83d kabar itu pada Senin (3/10/2022)."),
    ],
)
def test_record_with_odd_metadata_does_not_stop_the_load(tmp_path, field, value):
    """A record with a malformed URL, date or language is loaded (or refused with
    its line); the load never dies and the records around it are stored."""
    folder = tmp_path / "in"
    folder.mkdir()
    bad = _record("bad", "Polri membantah menahan 12 warga pada Senin (3/10/2022).")
    del bad["source"]  # so the outlet is looked for in the text and the URL
    bad[field] = value
    lines = [
        json.dumps(_record("before", "Rusia membantah mengirim 1.500 tentara.")),
        json.dumps(bad),
        json.dumps(_record("after", "Korea Utara tetap bungkam soal pasukan.")),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "f.db"
    run = run_load(db, folder)
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    refs = {r["ref"] for r in rows(db, "select ref from articles")}
    assert {"before", "after"} <= refs
    if "bad" in refs:
        assert run.returncode == 0
    else:
        assert run.returncode == 1 and "feed.jsonl:2" in run.stderr
    assert_consistent(db)


def test_html_page_with_only_navigation_is_refused(tmp_path):
    """A saved page whose only text is its menu has no article: it is reported, not stored as one."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "nav.html").write_text(
        "<html><head><title>Beranda</title></head><body><nav><a href='/'>Beranda</a> "
        "<a href='/dunia'>Dunia</a></nav><footer>Hak cipta</footer></body></html>",
        encoding="utf-8",
    )
    db = tmp_path / "f.db"
    run = run_load(db, folder)
    assert run.returncode == 1
    assert "nav.html" in run.stderr
    assert rows(db, "select ref, text from articles") == []


def test_bad_version_of_a_stored_file_keeps_the_good_version(tmp_path, seeds_copy):
    """A stored file later overwritten with garbage (or emptied, or made
    unreadable) is reported, and its good version stays with its claims and flags."""
    db = tmp_path / "f.db"
    assert load(db, seeds_copy).exit_code == 0
    before = state(db)
    files = sorted(seeds_copy.glob("*.txt"))
    files[0].write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(0).randbytes(4000))
    files[1].write_bytes(b"")
    files[2].unlink()
    files[2].symlink_to(seeds_copy / "vanished.txt")
    if not IS_ROOT:
        files[3].chmod(0)
    run = run_load(db, seeds_copy)
    assert run.returncode == 1
    for f in files[:3]:
        assert f.name in run.stderr
    assert_consistent(db)
    assert_same(state(db), before)
    # Reloading the good files clears their errors and changes nothing else.
    for f in files[:4]:
        f.unlink()
        shutil.copy(SEEDS / f.name, f)
    assert run_load(db, seeds_copy).returncode == 0
    assert_same(state(db), before)
    assert rows(db, "select * from load_errors where path like ?", [f"{seeds_copy}%"]) == []


def test_fifo_in_a_folder_does_not_hang_the_load(tmp_path, seeds_copy):
    """A named pipe in an archive folder (left by some tool) must be refused, not read forever."""
    os.mkfifo(seeds_copy / "pipe.txt")
    db = tmp_path / "f.db"
    try:
        run = run_load(db, seeds_copy, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("load blocked reading a FIFO (pipe.txt) for 60 s")
    assert run.returncode == 1
    assert "pipe.txt" in run.stderr
    assert count(db, "articles") == 5
