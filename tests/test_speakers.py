"""Whom a person speaks for, learned across articles (store.speakers):
invented coverage of one warehouse fire."""

import json
import sqlite3

import pytest
from click.testing import CliRunner
from datasette.cli import cli

NAMED_WITH_BODY = {
    "id": "with-body",
    "published": "2023-05-02",
    "source": "Kabar Lembah",
    "language": "id",
    "text": "Juru bicara Polri Irjen Bayu Santosa membantah aparat menembakkan gas air mata di gudang itu.",
}
NAMED_ALONE = {
    "id": "alone",
    "published": "2023-05-03",
    "source": "Valley Wire",
    "language": "en",
    "text": "Bayu Santosa denied that officers fired tear gas at the warehouse.",
}
PERSONAL = {
    "id": "personal",
    "published": "2023-05-03",
    "source": "Coast Post",
    "language": "en",
    "text": "Bayu Santosa denied his own role in the tear gas order.",
}


def load(tmp_path, *records):
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    db = tmp_path / "news.db"
    result = CliRunner().invoke(cli, ["factcheck", "load", str(db), str(path), "--silent"])
    assert result.exit_code == 0, result.output
    return sqlite3.connect(db)


def holders(conn):
    return dict(
        conn.execute(
            "select a.ref, c.subject from claims c join articles a on a.id = c.article_id where c.kind = 'stance'"
        )
    )


def test_a_person_named_with_a_body_in_one_article_speaks_for_it_in_another(tmp_path):
    conn = load(tmp_path, NAMED_WITH_BODY, NAMED_ALONE, PERSONAL)
    found = holders(conn)
    assert found["with-body"] == found["alone"] == "indonesian-police"
    assert found["personal"] == "bayu-santosa"  # a personal matter stays the person's
    speaker = conn.execute(
        "select c.speaker from claims c join articles a on a.id = c.article_id where a.ref = 'alone'"
    ).fetchone()[0]
    assert speaker == "bayu-santosa"


def test_without_the_article_that_names_the_body_the_stance_stays_the_persons(tmp_path):
    assert holders(load(tmp_path, NAMED_ALONE))["alone"] == "bayu-santosa"


def test_a_person_named_with_two_bodies_speaks_for_neither(tmp_path):
    other = dict(NAMED_WITH_BODY, id="other-body", text=NAMED_WITH_BODY["text"].replace("Polri", "TNI"))
    assert holders(load(tmp_path, NAMED_WITH_BODY, other, NAMED_ALONE))["alone"] == "bayu-santosa"


def test_a_later_load_that_names_the_body_moves_the_earlier_stance(tmp_path):
    load(tmp_path, NAMED_ALONE)
    (tmp_path / "more.jsonl").write_text(json.dumps(NAMED_WITH_BODY) + "\n")
    db = tmp_path / "news.db"
    result = CliRunner().invoke(cli, ["factcheck", "load", str(db), str(tmp_path / "more.jsonl"), "--silent"])
    assert result.exit_code == 0, result.output
    assert holders(sqlite3.connect(db))["alone"] == "indonesian-police"


ADMITTED = {
    "id": "admitted",
    "published": "2023-05-02",
    "source": "Warta Timur",
    "language": "id",
    "text": "Polri mengakui aparat menembakkan gas air mata di gudang itu.",
}


@pytest.mark.asyncio
async def test_the_flag_page_names_who_said_it_for_the_body(tmp_path):
    from web_fixtures import make_datasette

    from datasette_factcheck.web.url_builder import Urls

    conn = load(tmp_path, NAMED_WITH_BODY, ADMITTED)
    (flag,) = [r[0] for r in conn.execute("select id from contradictions where kind = 'stance'")]
    ds = make_datasette([str(tmp_path / "news.db")])
    response = await ds.client.get(Urls(ds, ds.get_database("news")).contradiction(flag))
    assert response.status_code == 200
    assert "(said by Bayu Santosa)" in response.text
