"""One failing reader, extractor or article never costs the others: each is
that input's error (stderr with its path, a load_errors row with the
exception), everything else is stored, the exit status is 1."""

import json
import sqlite3
import subprocess
import sys

import pytest
from conftest import SEEDS, load, rows
from datasette import hookimpl
from datasette.plugins import pm

from datasette_factcheck import store
from datasette_factcheck.extension import Extractor
from datasette_factcheck.read import formats

TEXTS = {
    "a": "Polisi menyebut 12 orang tewas dalam banjir di Kota Sumber pada Senin (3/10/2022).",
    "b": "Kembang api: warga menyebut 30 orang tewas dalam banjir di Kota Sumber pada Senin (3/10/2022).",
    "c": "Relawan menyebut 15 orang tewas dalam banjir di Kota Sumber pada Senin (3/10/2022).",
}


def feed(path, ids="abc"):
    path.write_text(
        "".join(json.dumps({"id": i, "text": TEXTS[i], "language": "id"}) + "\n" for i in ids), encoding="utf-8"
    )
    return path


class Fussy(Extractor):
    """Raises on any article that mentions fireworks."""

    name = "fussy"

    def extract(self, doc):
        if "Kembang api" in doc.text:
            raise ZeroDivisionError("fussy extractor met fireworks")
        return []


class FussyExtractor:
    @hookimpl
    def factcheck_extractors(self):
        return [Fussy()]


@pytest.fixture
def fussy():
    plugin = FussyExtractor()
    pm.register(plugin)
    yield plugin
    pm.unregister(plugin)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_extractor_raising_on_one_article_of_three(fussy, tmp_path, workers):
    db = tmp_path / "f.db"
    result = load(db, feed(tmp_path / "feed.jsonl"), args=["--workers", workers])
    assert result.exit_code == 1
    assert "feed.jsonl:2" in result.output and "ZeroDivisionError" in result.output
    stored = {
        r["ref"]: r["n"]
        for r in rows(
            db, "select a.ref, count(c.id) n from articles a left join claims c on c.article_id = a.id group by a.ref"
        )
    }
    assert set(stored) == {"a", "c"} and all(n > 0 for n in stored.values())
    (error,) = rows(db, "select path, line, ref, exception, reason from load_errors")
    assert error["path"].endswith("feed.jsonl") and error["line"] == 2 and error["ref"] == "b"
    assert error["exception"] == "ZeroDivisionError" and "fussy extractor met fireworks" in error["reason"]


def test_reader_that_raises_costs_only_its_file(tmp_path, monkeypatch):
    def broken_csv(text):
        raise RuntimeError("reader bug")

    monkeypatch.setitem(formats.READERS, ".csv", broken_csv)
    folder = tmp_path / "in"
    folder.mkdir()
    feed(folder / "feed.jsonl", "ac")
    (folder / "table.csv").write_text("text\nPolisi menyebut 3 orang hilang.\n", encoding="utf-8")
    db = tmp_path / "f.db"
    result = load(db, folder, SEEDS)
    assert result.exit_code == 1
    assert "table.csv: RuntimeError: reader bug" in result.output
    assert len(rows(db, "select id from articles")) == 2 + len(list(SEEDS.iterdir()))
    assert rows(db, "select exception from load_errors") == [{"exception": "RuntimeError"}]


def test_missing_html_dependency_names_the_package_once(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import trafilatura now raises ImportError
    folder = tmp_path / "in"
    folder.mkdir()
    body = "<html><body><article><p>" + TEXTS["a"] * 3 + "</p></article></body></html>"
    for name in ("one.html", "two.htm"):
        (folder / name).write_text(body, encoding="utf-8")
    feed(folder / "feed.jsonl", "c")
    db = tmp_path / "f.db"
    result = load(db, folder)
    assert result.exit_code == 1
    assert result.output.count("hint: to read HTML files, install trafilatura") == 1
    assert "one.html" in result.output and "two.htm" in result.output
    assert [r["ref"] for r in rows(db, "select ref from articles")] == ["c"]
    assert [r["exception"] for r in rows(db, "select exception from load_errors")] == ["ModuleNotFoundError"] * 2


def test_summary_counts_failed_inputs_and_names_load_errors(fussy, tmp_path):
    from click.testing import CliRunner
    from datasette.cli import cli

    result = CliRunner().invoke(
        cli, ["factcheck", "load", str(tmp_path / "f.db"), str(feed(tmp_path / "feed.jsonl")), "--workers", "1"]
    )
    assert result.exit_code == 1
    assert "2 articles stored" in result.output
    assert "1 input failed (1 error), listed in the load_errors table" in result.output


ROLLBACK = "create trigger sabotage before insert on claims when new.sentence like '%Kembang api%' begin select raise(rollback, 'the trigger says no'); end"


def test_statement_sqlite_rolls_back_itself_shows_the_real_error(tmp_path):
    db = store.open_db(tmp_path / "f.db")
    db.execute(ROLLBACK)
    with pytest.raises(sqlite3.IntegrityError, match="the trigger says no"):
        with store.transaction(db):
            db.execute("insert into claims (id, sentence) values ('x', 'Kembang api meledak.')")
    assert not db.conn.in_transaction
    assert db.execute("select count(*) from claims").fetchone()[0] == 0


@pytest.mark.parametrize("workers", ["1", "2"])
def test_rollback_inside_a_batch_stores_the_others_again(tmp_path, workers):
    """SQLite's RAISE(ROLLBACK) takes the batch's whole transaction with it:
    the articles before the failing one are stored again, each on its own."""
    db_path = tmp_path / "f.db"
    store.open_db(db_path).execute(ROLLBACK)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "datasette",
            "factcheck",
            "load",
            str(db_path),
            str(feed(tmp_path / "feed.jsonl")),
            "--workers",
            workers,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert "the trigger says no" in result.stderr and "cannot rollback" not in result.stderr
    assert "Traceback" not in result.stderr
    assert [r["ref"] for r in rows(db_path, "select ref from articles order by ref")] == ["a", "c"]
    assert rows(db_path, "select ref, exception from load_errors") == [{"ref": "b", "exception": "IntegrityError"}]
