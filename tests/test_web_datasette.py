"""How the plugin shows up in Datasette's own pages: canned queries, navigation, table cells."""

import pytest
import sqlite_utils
from web_fixtures import actor_cookies, db_path, ds, make_datasette  # noqa: F401

from datasette_factcheck.web import compat
from datasette_factcheck.web.queries import QUERIES

pytestmark = pytest.mark.asyncio


async def rows(ds, query, **params):
    qs = "&".join(f"{key}={value}" for key, value in params.items())
    response = await ds.client.get(f"/fc/{query}.json?_shape=array&{qs}")
    assert response.status_code == 200, response.text
    return response.json()


async def test_database_page_lists_the_canned_queries(ds):
    html = (await ds.client.get("/fc")).text
    if compat.ACTIONS_API:  # 1.0a lists the first five there and the rest on /db/-/queries
        html += (await ds.client.get("/fc/-/queries")).text
    assert len(QUERIES) >= 6
    for name, query in QUERIES.items():
        assert f'href="/fc/{name}"' in html
        assert query["title"] in html


async def test_canned_query_pages_render(ds):
    for name, query in QUERIES.items():
        response = await ds.client.get(f"/fc/{name}")
        assert response.status_code == 200, name
        assert query["title"] in response.text


async def test_open_conflicts_by_entity(ds):
    for alias in ("Korut", "pyongyang", "north-korea", "Korea Utara"):
        found = await rows(ds, "open_conflicts_by_entity", entity=alias)
        assert {row["contradiction"] for row in found} == {"f-stance-conflict", "f-date-conflict"}
    assert await rows(ds, "open_conflicts_by_entity", entity="Seoul") == []
    everything = await rows(ds, "open_conflicts_by_entity", entity="")
    assert len(everything) == 2
    stance = next(row for row in everything if row["contradiction"] == "f-stance-conflict")
    assert (stance["source_a"], stance["value_a"], stance["source_b"], stance["value_b"]) == (
        "Jepara Pos",
        "silent",
        "Koran Prabumulih Pos",
        "denied",
    )


async def test_stance_history(ds):
    found = await rows(ds, "stance_history", entity="DPRK")
    assert [(row["date"], row["stance"], row["source"]) for row in found] == [
        ("2024-10-21", "silent", "Jepara Pos"),
        ("2024-10-22", "denied", "Koran Prabumulih Pos"),
        ("2024-10-23", "denied", "<b>Evil Outlet</b>"),
        ("2025-04-27", "confirmed", "Example Times"),
        ("2025-04-28", "confirmed", "Wartanusa"),
    ]
    assert {row["proposition"] for row in found} == {"sent troops to Russia"}


async def test_numbers_by_slot(ds):
    [row] = await rows(ds, "numbers_by_slot")
    assert row["predicate"] == "troops sent to Russia"
    assert row["distinct_values"] == 2
    assert (row["lowest"], row["highest"]) == (11000, 12000)
    assert "12000 (Jepara Pos, 2024-10-18)" in row["figures"]
    assert "11000 (Koran Prabumulih Pos, 2024-10-18)" in row["figures"]


async def test_flags_by_outlet_pair(ds):
    found = await rows(ds, "flags_by_outlet_pair")
    pairs = {(row["outlet_1"], row["outlet_2"]): row for row in found}
    jepara = pairs[("Jepara Pos", "Koran Prabumulih Pos")]
    assert (jepara["flags"], jepara["conflicts"], jepara["changes"]) == (2, 2, 0)
    assert (jepara["open"], jepara["confirmed"], jepara["dismissed"]) == (1, 1, 0)
    assert sum(row["flags"] for row in found) == 5


async def test_reviewed_flags(ds):
    [row] = await rows(ds, "reviewed_flags")
    assert (row["contradiction"], row["reviewer"], row["verdict"], row["reviews"]) == (
        "f-number-conflict",
        "alice",
        "confirmed",
        1,
    )


async def test_no_canned_queries_on_other_databases(tmp_path):
    other = tmp_path / "other.db"
    sqlite_utils.Database(other)["things"].insert({"id": 1})
    ds = make_datasette([str(other)])
    assert (await ds.client.get("/other/stance_history")).status_code == 404


async def test_database_and_table_actions_link_to_the_index(ds):
    link = '<a href="/-/factcheck/fc">Contradictions (factcheck)</a>'
    assert link in (await ds.client.get("/fc")).text
    for table in ("contradictions", "claims", "articles"):
        assert link in (await ds.client.get(f"/fc/{table}")).text


async def test_menu_links_to_visible_factcheck_databases(db_path, tmp_path):
    other = tmp_path / "other.db"
    sqlite_utils.Database(other)["things"].insert({"id": 1})
    ds = make_datasette([db_path, str(other)], database_config={"fc": {"allow": {"id": "alice"}}})
    html = (await ds.client.get("/other", cookies=actor_cookies(ds, "alice"))).text
    assert '<li><a href="/-/factcheck/fc">Contradictions (factcheck)</a></li>' in html
    html = (await ds.client.get("/other", cookies=actor_cookies(ds, "bob"))).text
    assert "/-/factcheck/fc" not in html


async def test_render_cell_in_table_views(ds):
    html = (await ds.client.get("/fc/claims")).text
    assert "/-/static-plugins/datasette-factcheck/factcheck.css" in html
    assert '<span class="factcheck-stance factcheck-stance-denied">✘ denied</span>' in html
    assert '<span class="factcheck-stance factcheck-stance-silent">… silent</span>' in html
    assert "Korea Utara <mark>tetap bungkam</mark> mengenai pengiriman pasukan ke Rusia." in html
    html = (await ds.client.get("/fc/contradictions")).text
    assert (
        '<a href="/-/factcheck/fc/contradiction/f-number-conflict" '
        'class="factcheck-status factcheck-status-confirmed">confirmed</a>'
    ) in html
    html = (await ds.client.get("/fc/articles")).text
    assert '<a href="/-/factcheck/fc/article/a-times">North Korea admits sending troops to Russia</a>' in html
    html = (await ds.client.get("/fc/entities")).text
    assert '<a href="/-/factcheck/fc/entity/north-korea">Korea Utara</a>' in html


async def test_render_cell_links_ids_on_row_pages(ds):
    html = (await ds.client.get("/fc/contradictions/f-stance-conflict")).text
    assert '<a href="/-/factcheck/fc/contradiction/f-stance-conflict">f-stance-conflict</a>' in html
    html = (await ds.client.get("/fc/claims/k-jepara-silent")).text
    assert '<a href="/-/factcheck/fc/article/a-jepara#claim-k-jepara-silent">k-jepara-silent</a>' in html
    html = (await ds.client.get("/fc/articles/a-times")).text
    assert '<a href="/-/factcheck/fc/article/a-times">a-times</a>' in html


async def test_render_cell_leaves_other_databases_alone(tmp_path):
    other = tmp_path / "other.db"
    sqlite_utils.Database(other)["claims"].insert({"id": "x1", "value": "denied", "kind": "stance"})
    ds = make_datasette([str(other)])
    html = (await ds.client.get("/other/claims")).text
    assert "factcheck-stance" not in html and "/-/factcheck/" not in html
