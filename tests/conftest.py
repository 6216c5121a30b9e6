"""Shared fixtures: a database loaded from seeds/ with the real CLI, and a
helper that runs the extractors on a text."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from datasette.cli import cli

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"


def load(db_path, *paths, args=()):
    """Run `datasette factcheck load` through click's runner."""
    return CliRunner().invoke(cli, ["factcheck", "load", str(db_path), *map(str, paths), "--silent", *args])


def rows(db_path, sql, params=()):
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    result = load(path, SEEDS)
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def seeds_copy(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def claims_of(text, language="id", published=None, title=None):
    """The claims the built-in extractors find in one text (no database)."""
    from datasette_factcheck import lexicon
    from datasette_factcheck.extract import extract
    from datasette_factcheck.extract.entities import Matcher
    from datasette_factcheck.read import article

    record = {"text": text, "language": language, "published": published, "title": title}
    art = article(record, "test.txt", "test.txt")
    matcher = Matcher([(a, e["id"], e["name"]) for e in lexicon.entities() for a in e["aliases"]])
    found, _ = extract(art, matcher)
    for c in found:
        c["evidence"] = art["text"][c["start"] : c["end"]]
    return found


def of_kind(claims, kind):
    return [c for c in claims if c["kind"] == kind]
