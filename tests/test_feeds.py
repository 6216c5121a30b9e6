"""The open_conflicts_feed query rendered by the real datasette-atom: a valid
Atom feed of open conflicts, per database and per entity, its text escaped
and each entry linking to the flag's page."""

import urllib.parse
import xml.etree.ElementTree as ET

import pytest
import sqlite_utils
from web_fixtures import XSS_TEXT_BIT, actor_cookies, db_path, make_datasette  # noqa: F401

from datasette_factcheck.web import compat

pytestmark = pytest.mark.asyncio

ATOM = "{http://www.w3.org/2005/Atom}"
FEED = "/fc/open_conflicts_feed.atom"


@pytest.fixture
def ds(db_path):
    # the flag on the hostile article becomes an open conflict, so its text reaches the feed
    db = sqlite_utils.Database(db_path)
    db["contradictions"].update("f-evil", {"relation": "conflict"})
    db.conn.close()
    return make_datasette([db_path])


async def feed(ds, path=FEED):
    response = await ds.client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/xml")
    return ET.fromstring(response.content)


def entries(root):
    return {e.find(f"{ATOM}id").text: e for e in root.findall(f"{ATOM}entry")}


async def test_feed_is_atom_of_open_conflicts(ds):
    root = await feed(ds)
    assert root.tag == f"{ATOM}feed"
    # 1.0a: the stored query's title; 0.65 datasette-atom looks titles up in metadata only, so its
    # SQL unless the URL names one (?_feed_title=)
    title = root.find(f"{ATOM}title").text
    assert title == "New open conflicts (feed)" if compat.ACTIONS_API else title.startswith("select")
    if not compat.ACTIONS_API:
        assert (await feed(ds, FEED + "?_feed_title=Conflicts")).find(f"{ATOM}title").text == "Conflicts"
    # the latest entry's time: the date conflict's later side, Wartanusa's publication time in UTC
    assert root.find(f"{ATOM}updated").text == "2025-04-29T03:21:00+00:00"
    found = entries(root)
    # open conflicts only: not the confirmed number conflict, not the stance change
    assert set(found) == {
        "urn:datasette-factcheck:contradiction:" + id for id in ("f-stance-conflict", "f-date-conflict", "f-evil")
    }
    entry = found["urn:datasette-factcheck:contradiction:f-stance-conflict"]
    assert (
        entry.find(f"{ATOM}title").text
        == "Stance conflict, Korea Utara: silent (Jepara Pos) vs denied (Koran Prabumulih Pos)"
    )
    assert entry.find(f"{ATOM}updated").text.startswith("2024-10-22T")  # the later side's day
    content = entry.find(f"{ATOM}content")
    assert content.get("type") == "html"
    html = content.text
    assert "Jepara Pos (21 Oct 2024) says Korea Utara stayed silent" in html
    assert "<li><b>Jepara Pos</b>, 2024-10-21: silent" in html
    assert '<a href="https://jepara.example/korut-bungkam">article</a>' in html


async def test_feed_escapes_what_articles_say(ds):
    html = entries(await feed(ds))["urn:datasette-factcheck:contradiction:f-evil"].find(f"{ATOM}content").text
    # the article's markup arrives as text, never as markup; a javascript: URL is no link
    assert "<script>" not in html and "<img" not in html and "javascript:" not in html
    assert "&lt;script&gt;alert(&quot;explanation&quot;)&lt;/script&gt;" in html
    assert XSS_TEXT_BIT.replace("<", "&lt;").replace(">", "&gt;") in html
    assert "&lt;b&gt;Evil Outlet&lt;/b&gt;" in html


async def test_feed_per_entity_by_any_alias(ds):
    for alias in ("Korut", "pyongyang", "north-korea"):
        assert len(entries(await feed(ds, FEED + "?entity=" + alias))) == 3
    # No rows: the query answers none, and datasette-atom (max() of no dates) an error, as the README says
    assert (await ds.client.get("/fc/open_conflicts_feed.json?_shape=array&entity=Seoul")).json() == []
    assert (await ds.client.get(FEED + "?entity=Seoul")).status_code == 500


async def test_entry_links_to_the_flag_page(ds):
    entry = entries(await feed(ds))["urn:datasette-factcheck:contradiction:f-date-conflict"]
    href = entry.find(f"{ATOM}link").get("href")
    target = urllib.parse.urljoin("http://localhost" + FEED, href)
    response = await ds.client.get(urllib.parse.urlsplit(target).path)
    assert response.status_code == 302
    assert response.headers["location"] == "/-/factcheck/fc/contradiction/f-date-conflict"
    assert (await ds.client.get(response.headers["location"])).status_code == 200


async def test_feed_and_link_follow_view_permissions(db_path):
    private = make_datasette([db_path], database_config={"fc": {"allow": {"id": "alice"}}})
    assert (await private.client.get(FEED)).status_code == 403
    assert (await private.client.get("/fc/-/factcheck/contradiction/f-date-conflict")).status_code == 403
    assert (await private.client.get(FEED, cookies=actor_cookies(private, "alice"))).status_code == 200
