"""The "Fact-check claims" enrichment, run through datasette-enrichments from
the test client: a table of invented articles (tests/articles/) fills the
factcheck tables exactly as `datasette factcheck load` does for the same
records; a re-run changes nothing; permissions are that plugin's."""

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils
from conftest import load
from datasette_enrichments.utils import wait_for_job
from web_fixtures import actor_cookies, make_datasette

from datasette_factcheck.read import read_path

ARTICLES = Path(__file__).parent / "articles"
TABLE = "coverage"
# The user's own column names: none is one the readers know, so each is picked in the form.
COLUMNS = {"text": "body_text", "title": "headline_text", "url": "web_address", "published": "when", "source": "paper"}
FORM = {**{f"{field}_column": column for field, column in COLUMNS.items()}, "window_days": "7"}


def records():
    """The invented test articles as records (what a reader yields), ids their file names."""
    found = []
    for path in sorted(ARTICLES.iterdir()):
        if path.suffix in (".txt", ".jsonl"):
            for item in read_path(path):
                record = {field: item.item.get(field) for field in COLUMNS}
                found.append({"id": item.ref, **record})
    return found


def make_table(path, rows):
    db = sqlite_utils.Database(path)
    db[TABLE].insert_all(
        [{"id": r["id"], **{COLUMNS[f]: r[f] for f in COLUMNS}} for r in rows], pk="id", column_order=["id"]
    )
    db.conn.close()


def datasette_for(path):
    """Root may enrich: datasette-enrichments lets root on 0.65; on 1.0a a permissions block does."""
    return make_datasette([str(path)], permissions={"enrichments": {"id": "root"}})


async def run_enrichment(ds, form=FORM, table=TABLE, cookies=None):
    """Fill in and submit the enrichment's form as a browser would; wait for the job. Returns the response."""
    cookies = cookies or actor_cookies(ds, "root")
    page = f"/-/enrich/{database_name(ds)}/{table}/factcheck"
    response = await ds.client.get(page, cookies=cookies)
    assert response.status_code == 200, response.text
    token = re.search(r'name="csrftoken" value="([^"]+)"', response.text).group(1)
    cookies = {**cookies, **dict(response.cookies)}
    response = await ds.client.post(page, data={"csrftoken": token, **form}, cookies=cookies)
    if response.status_code == 302:
        job = int(re.search(r"_enrichment_job=(\d+)", response.headers["location"]).group(1))
        await wait_for_job(ds, job, database_name(ds), timeout=60)
    return response


def database_name(ds):
    return next(name for name in ds.databases if name != "_internal")


def contents(path, *drop):
    """Every factcheck table's rows, minus the columns named in ``drop``."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    out = {}
    for table in ("articles", "claims", "entities", "entity_aliases", "contradictions", "contradiction_claims"):
        rows = [{k: v for k, v in dict(r).items() if k not in drop} for r in conn.execute(f"select * from {table}")]
        out[table] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))
    conn.close()
    return out


@pytest.fixture
def table_db(tmp_path):
    path = tmp_path / "newsroom.db"
    make_table(path, records())
    return path


@pytest.mark.asyncio
async def test_enrichment_fills_factcheck_tables_as_load_does(tmp_path, table_db):
    rows = records()
    feed = tmp_path / "coverage.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows))
    loaded = tmp_path / "loaded.db"
    result = load(loaded, feed)
    assert result.exit_code == 0, result.output

    ds = datasette_for(table_db)
    response = await run_enrichment(ds)
    assert response.status_code == 302

    # The same articles (only where they were read from differs), claims, entities and flags.
    enriched, expected = contents(table_db, "path"), contents(loaded, "path")
    assert enriched == expected
    assert len(enriched["claims"]) > 100 and len(enriched["contradictions"]) > 10
    paths = {r[0] for r in sqlite3.connect(table_db).execute("select distinct path from articles")}
    assert paths == {f"/newsroom/{TABLE}"}
    job = sqlite3.connect(table_db).execute("select status, done_count, error_count from _enrichment_jobs").fetchone()
    assert job == ("finished", len(rows), 0)
    # The database is a factcheck one now: its pages and queries answer.
    page = await ds.client.get("/-/factcheck/newsroom.json")
    assert page.status_code == 200 and page.json()["rows"]
    assert (await ds.client.get("/newsroom/open_conflicts_by_entity.json?entity=")).status_code == 200


@pytest.mark.asyncio
async def test_rerun_stores_only_new_or_changed_rows(table_db):
    ds = datasette_for(table_db)
    await run_enrichment(ds)
    before = contents(table_db)
    await run_enrichment(ds)
    assert contents(table_db) == before

    # One row's text changes: its old article, claims and flags go; the new text is read.
    db = sqlite_utils.Database(table_db)
    row = next(db[TABLE].rows_where("id = ?", ["nk_troops_en.txt"]))
    old = db.execute("select id from articles where ref = ?", ["nk_troops_en.txt"]).fetchone()[0]
    db[TABLE].update(row["id"], {"body_text": row["body_text"] + "\n\nThe ministry said 9,000 troops had left."})
    db.conn.close()
    await run_enrichment(ds)
    after = contents(table_db)
    assert len(after["articles"]) == len(before["articles"])
    refs = {a["ref"]: a["id"] for a in after["articles"]}
    assert refs["nk_troops_en.txt"] != old
    assert not [c for c in after["claims"] if c["article_id"] == old]


@pytest.mark.asyncio
async def test_rows_without_text_are_errors_and_the_rest_loads(tmp_path):
    path = tmp_path / "newsroom.db"
    rows = records()[:3]
    rows[1] = {**rows[1], "text": "  "}
    make_table(path, rows)
    ds = datasette_for(path)
    await run_enrichment(ds)
    conn = sqlite3.connect(path)
    assert conn.execute("select count(*) from articles").fetchone()[0] == 2
    assert conn.execute("select row_pks, error from _enrichment_errors").fetchall() == [
        (json.dumps([rows[1]["id"]]), "no text in column body_text")
    ]
    assert conn.execute("select status, error_count from _enrichment_jobs").fetchone() == ("finished", 1)


@pytest.mark.asyncio
async def test_form_guesses_columns_and_refuses_our_own_tables(tmp_path, table_db):
    ds = datasette_for(table_db)
    html = (await ds.client.get(f"/-/enrich/newsroom/{TABLE}/factcheck", cookies=actor_cookies(ds, "root"))).text
    assert "Fact-check claims" in html
    for field in ("text_column", "title_column", "url_column", "published_column", "source_column", "window_days"):
        assert f'name="{field}"' in html

    # A table whose columns have the names readers know: the form picks them.
    path = tmp_path / "guess.db"
    sqlite_utils.Database(path)["scraped"].insert(
        {"id": 1, "content": "x", "headline": "y", "link": "z", "pubDate": "d"}
    )
    ds = datasette_for(path)
    html = (await ds.client.get("/-/enrich/guess/scraped/factcheck", cookies=actor_cookies(ds, "root"))).text
    for name, column in (("text_column", "content"), ("title_column", "headline"), ("url_column", "link")):
        assert re.search(rf'<select id="{name}" name="{name}"[^>]*>.*?<option selected value="{column}">', html, re.S)
    assert re.search(r'name="published_column">.*?<option selected value="pubDate">', html, re.S)

    # Enriching the factcheck tables themselves, or a database with its own "articles" table, is refused.
    await run_enrichment(ds, form={"text_column": "content", "window_days": "7"}, table="scraped")  # now a factcheck db
    response = await run_enrichment(ds, form={"text_column": "text", "window_days": "7"}, table="articles")
    assert response.status_code == 200 and "one of the tables datasette-factcheck writes" in response.text
    theirs = tmp_path / "theirs.db"
    sqlite_utils.Database(theirs)["articles"].insert({"id": 1, "body": "their own"})
    ds = datasette_for(theirs)
    response = await run_enrichment(ds, form={"text_column": "body", "window_days": "7"}, table="articles")
    assert "one of the tables datasette-factcheck writes" in response.text
    sqlite_utils.Database(theirs)["other"].insert({"id": 1, "body": "their own"})
    response = await run_enrichment(ds, form={"text_column": "body", "window_days": "7"}, table="other")
    assert response.status_code == 200 and "has its own articles table" in response.text
    assert not sqlite_utils.Database(theirs)["claims"].exists()


@pytest.mark.asyncio
async def test_only_who_may_enrich_can_run_it(table_db):
    ds = datasette_for(table_db)
    for cookies in ({}, actor_cookies(ds, "mallory")):
        response = await ds.client.get(f"/-/enrich/newsroom/{TABLE}/factcheck", cookies=cookies)
        assert response.status_code == 403
        response = await ds.client.post(f"/-/enrich/newsroom/{TABLE}/factcheck", data=FORM, cookies=cookies)
        assert response.status_code == 403
    assert not sqlite_utils.Database(table_db)["claims"].exists()


def test_package_imports_and_serves_without_datasette_enrichments():
    """Without the plugin installed (its import blocked), the package still imports and serves."""
    script = (
        "import sys; sys._called_from_test = True; sys.modules['datasette_enrichments'] = None\n"
        "import asyncio, datasette_factcheck\n"
        "from datasette.app import Datasette\n"
        "from datasette.plugins import pm\n"
        "pm.register(datasette_factcheck, 'factcheck')\n"
        "ds = Datasette(memory=True)\n"
        "assert asyncio.run(ds.client.get('/-/plugins.json')).status_code == 200\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.strip() == "ok", result.stderr
