"""The factcheck pages and their JSON twins, through Datasette's test client."""

import re

import pytest
from web_fixtures import FLAGS, build_database, db_path, ds, make_datasette  # noqa: F401

pytestmark = pytest.mark.asyncio

ALL_FLAGS = {flag[0] for flag in FLAGS}


async def get_json(ds, path):
    response = await ds.client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


async def flag_ids(ds, query=""):
    data = await get_json(ds, "/-/factcheck/fc.json" + query)
    return [row["id"] for row in data["rows"]]


# Index


async def test_index_html_shows_both_sides_with_evidence(ds):
    response = await ds.client.get("/-/factcheck/fc")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Contradictions in fc</h1>" in html
    assert 'href="/-/static-plugins/datasette-factcheck/factcheck.css"' in html
    assert "Korea Utara <mark>tetap bungkam</mark> mengenai pengiriman pasukan ke Rusia." in html
    assert "Korea Utara <mark>telah membantah</mark> laporan" in html
    assert "mengirim <mark>12.000 tentara</mark> ke Rusia." in html
    assert "Jepara Pos (21 Oct 2024) says Korea Utara stayed silent" in html
    assert 'href="https://jepara.example/korut-bungkam"' in html
    assert "published 2024-10-21" in html
    assert 'href="/-/factcheck/fc/contradiction/f-stance-conflict"' in html
    assert "score 0.90" in html
    assert 'rel="alternate" type="application/json+datasette" href="/-/factcheck/fc.json"' in html
    # Extends Datasette's base template: its crumbs and footer are there.
    assert '<p class="crumbs">' in html and 'href="https://datasette.io/"' in html


async def test_index_json(ds):
    data = await get_json(ds, "/-/factcheck/fc.json")
    assert data["database"] == "fc"
    assert {row["id"] for row in data["rows"]} == ALL_FLAGS
    assert data["counts"] == {
        "kind": {"stance": 3, "number": 1, "date": 1},
        "relation": {"conflict": 3, "change": 2},
        "total": 5,
    }
    first = data["rows"][0]
    assert first["id"] == "f-stance-conflict"
    assert first["a"]["claim"]["evidence"] == {
        "before": "Korea Utara ",
        "text": "tetap bungkam",
        "after": " mengenai pengiriman pasukan ke Rusia.",
    }
    assert first["a"]["article"]["source"] == "Jepara Pos"
    assert first["b"]["claim"]["value"] == "denied"
    assert first["date"] == "2024-10-22"
    assert first["page"] == "/-/factcheck/fc/contradiction/f-stance-conflict"
    assert data["next"] is None


@pytest.mark.parametrize(
    "query,expected",
    [
        ("?kind=number", ["f-number-conflict"]),
        ("?kind=date", ["f-date-conflict"]),
        ("?relation=change", ["f-stance-change", "f-evil"]),
        ("?status=confirmed", ["f-number-conflict"]),
        ("?status=open&kind=stance&relation=conflict", ["f-stance-conflict"]),
        ("?entity=north-korea&kind=number", ["f-number-conflict"]),
        ("?entity=russia", []),
        ("?source=Wartanusa", ["f-date-conflict"]),
        ("?language=en&relation=conflict", ["f-date-conflict"]),
        ("?since=2025-01-01", ["f-stance-change", "f-date-conflict", "f-evil"]),
        ("?until=2024-10-22", ["f-stance-conflict", "f-number-conflict"]),
        ("?since=2025-04-29&until=2025-04-29", ["f-date-conflict"]),
        ("?since=2025-04-28&until=2025-04-28", []),
        ("?_search=membantah", ["f-stance-conflict", "f-stance-change", "f-number-conflict"]),
        ("?_search=intelijen", ["f-stance-conflict", "f-number-conflict"]),
        ("?_search=salinan", []),  # only in a duplicate, which has no flags
        ("?_search=admitted&kind=date", ["f-date-conflict"]),
        ('?_search="unbalanced', []),
        ('?_search="north korea"', ["f-stance-change", "f-date-conflict", "f-evil"]),
        ('?_search="korea north"', []),  # a phrase, not two words
        ("?_search=NEAR(korea", []),  # FTS syntax is matched as text
        ('?_search="', []),  # nothing searchable, so nothing matches
        ("?_search=%00", []),
        ("?kind=' or 1=1 --", []),
    ],
)
async def test_index_filters(ds, query, expected):
    assert await flag_ids(ds, query) == expected


async def test_filters_also_narrow_the_counts(ds):
    data = await get_json(ds, "/-/factcheck/fc.json?relation=change")
    assert data["counts"] == {"kind": {"stance": 2}, "relation": {"change": 2}, "total": 2}
    data = await get_json(ds, "/-/factcheck/fc.json?language=id&kind=stance")
    assert data["counts"]["total"] == 2


async def test_filters_are_kept_in_the_form_and_links(ds):
    html = (await ds.client.get("/-/factcheck/fc?kind=stance&source=Wartanusa&_sort=date")).text
    assert "<option selected>stance</option>" in html
    assert 'name="source" value="Wartanusa"' in html
    assert '<input type="hidden" name="_sort" value="date">' in html
    # The "newest" sort link keeps the filters and swaps the sort.
    assert 'href="/-/factcheck/fc?kind=stance&amp;source=Wartanusa&amp;_sort_desc=date"' in html


async def test_sorting(ds):
    assert await flag_ids(ds) == [
        "f-stance-conflict",
        "f-stance-change",
        "f-number-conflict",
        "f-date-conflict",
        "f-evil",
    ]
    assert await flag_ids(ds, "?_sort_desc=date") == [
        "f-date-conflict",
        "f-stance-change",
        "f-evil",
        "f-stance-conflict",
        "f-number-conflict",
    ]
    assert await flag_ids(ds, "?_sort=date") == [
        "f-number-conflict",
        "f-stance-conflict",
        "f-evil",
        "f-stance-change",
        "f-date-conflict",
    ]
    assert await flag_ids(ds, "?_sort=score") == list(reversed(await flag_ids(ds)))
    response = await ds.client.get("/-/factcheck/fc.json?_sort_desc=explanation")
    assert response.status_code == 400


@pytest.mark.parametrize("sort", ["", "&_sort=date", "&_sort_desc=date", "&_sort=score"])
async def test_keyset_pagination_visits_every_flag_once_in_order(ds, sort):
    expected = await flag_ids(ds, "?" + sort.lstrip("&"))
    seen, url = [], f"/-/factcheck/fc.json?_size=2{sort}"
    while url:
        data = await get_json(ds, url)
        assert len(data["rows"]) <= 2
        seen.extend(row["id"] for row in data["rows"])
        url = data["next_url"]
    assert seen == expected


async def test_keyset_pagination_with_null_scores(tmp_path):
    import sqlite_utils

    path = build_database(tmp_path / "fc.db")
    sqlite_utils.Database(path).execute(
        "update contradictions set score = null where id in ('f-date-conflict', 'f-stance-change')"
    ).connection.commit()
    ds = make_datasette([str(path)])
    for sort in ("", "&_sort=score"):
        expected = await flag_ids(ds, "?" + sort.lstrip("&"))
        seen, url = [], f"/-/factcheck/fc.json?_size=1{sort}"
        while url:
            data = await get_json(ds, url)
            seen.extend(row["id"] for row in data["rows"])
            url = data["next_url"]
        assert seen == expected and len(seen) == 5
    assert (await flag_ids(ds))[-2:] == ["f-stance-change", "f-date-conflict"]


async def test_html_next_link(ds):
    html = (await ds.client.get("/-/factcheck/fc?_size=2&kind=stance")).text
    match = re.search(r'<p class="fc-next"><a href="([^"]+)">Next page</a>', html)
    assert match
    next_page = match.group(1).replace("&amp;", "&")
    assert next_page.startswith("/-/factcheck/fc?_size=2&kind=stance&_next=")
    html = (await ds.client.get(next_page)).text
    assert 'href="/-/factcheck/fc/contradiction/f-evil"' in html
    assert "fc-next" not in html


async def test_bad_next_token_is_a_400(ds):
    response = await ds.client.get("/-/factcheck/fc.json?_next=nonsense&_sort=score")
    assert response.status_code == 400


async def test_counts_link_to_filtered_index(ds):
    html = (await ds.client.get("/-/factcheck/fc?status=open")).text
    assert '<a href="/-/factcheck/fc?status=open&amp;kind=number">number 0' not in html
    assert '<a href="/-/factcheck/fc?status=open&amp;relation=change">change 2</a>' in html
    assert '<a href="/-/factcheck/fc?status=open&amp;kind=stance">stance 3</a>' in html


async def test_unknown_and_non_factcheck_databases_are_404(ds, tmp_path):
    assert (await ds.client.get("/-/factcheck/nope")).status_code == 404
    assert (await ds.client.get("/-/factcheck/nope.json")).status_code == 404
    import sqlite_utils

    other = tmp_path / "other.db"
    sqlite_utils.Database(other)["things"].insert({"id": 1})
    ds2 = make_datasette([str(other)])
    assert (await ds2.client.get("/-/factcheck/other")).status_code == 404


# Contradiction detail


async def test_contradiction_page(ds):
    response = await ds.client.get("/-/factcheck/fc/contradiction/f-stance-change")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Stance change</h1>" in html
    assert "<h3>Earlier</h3>" in html and "<h3>Later</h3>" in html
    assert "Korea Utara <mark>telah membantah</mark> laporan" in html
    assert "On 27 April 2025 North Korea <mark>admitted</mark> that it had sent troops to Russia." in html
    assert 'href="https://prabumulih.example/korut-membantah"' in html
    assert 'href="https://times.example/nk-admits"' in html
    assert "as of 2025-04-27" in html and "published 2025-04-28" in html
    assert "admitted it on 27 Apr 2025 (Example Times)" in html
    assert "Not reviewed yet." in html
    assert 'href="/fc/contradiction_evidence?id=f-stance-change"' in html
    assert "where c.id = :id" in html


async def test_contradiction_review_history(ds):
    html = (await ds.client.get("/-/factcheck/fc/contradiction/f-number-conflict")).text
    assert "Checked both: different intelligence briefings." in html
    assert "<td>alice</td>" in html
    assert "2024-11-02T09:00:00+00:00" in html


async def test_contradiction_json(ds):
    data = await get_json(ds, "/-/factcheck/fc/contradiction/f-number-conflict.json")
    assert data["id"] == "f-number-conflict"
    assert data["status"] == "confirmed"
    assert data["a"]["claim"]["value_num"] == 12000
    assert data["b"]["claim"]["evidence"]["text"] == "11.000 tentara"
    assert data["reviews"] == [
        {
            "id": 1,
            "actor": "alice",
            "verdict": "confirmed",
            "note": "Checked both: different intelligence briefings.",
            "created": "2024-11-02T09:00:00+00:00",
        }
    ]
    assert data["sql_url"] == "/fc/contradiction_evidence?id=f-number-conflict"


async def test_reproduce_link_runs_the_query(ds):
    data = await get_json(ds, "/-/factcheck/fc/contradiction/f-number-conflict.json")
    rows = await get_json(ds, data["sql_url"].replace("?", ".json?") + "&_shape=array")
    assert [row["evidence"] for row in rows] == ["12.000 tentara", "11.000 tentara"]
    assert [row["source"] for row in rows] == ["Jepara Pos", "Koran Prabumulih Pos"]


@pytest.mark.parametrize(
    "path",
    [
        "/-/factcheck/fc/contradiction/nope",
        "/-/factcheck/fc/contradiction/nope.json",
        "/-/factcheck/fc/entity/nope",
        "/-/factcheck/fc/entity/nope.json",
        "/-/factcheck/fc/article/nope",
        "/-/factcheck/fc/article/nope.json",
        "/-/factcheck/nope/contradiction/f-evil",
    ],
)
async def test_missing_things_are_404(ds, path):
    assert (await ds.client.get(path)).status_code == 404


# Entity timeline


async def test_entity_timeline(ds):
    response = await ds.client.get("/-/factcheck/fc/entity/north-korea")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Korea Utara</h1>" in html
    assert "Also written as: DPRK, Korea Utara, Korut, North Korea, Pyongyang" in html
    start = html.index('<svg class="fc-timeline"')
    svg = html[start : html.index("</svg>", start)]
    assert svg.count('class="fc-point fc-point-stance-confirmed"') == 2
    assert svg.count('class="fc-point fc-point-stance-denied"') == 2
    assert svg.count('class="fc-point fc-point-stance-silent"') == 1
    assert svg.count('class="fc-point fc-point-number"') == 2
    assert svg.count('class="fc-link fc-link-conflict"') == 2
    assert svg.count('class="fc-link fc-link-change"') == 2
    assert ">stance: sent troops to Russia<" in svg and ">number: troops sent to Russia<" in svg
    assert ">12,000<" in svg and ">11,000<" in svg
    assert "2024-10-18" in svg and "2025-04-28" in svg
    # No script, no external resource: the chart works offline.
    assert "<script" not in svg and "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "Korea Utara <mark>telah membantah</mark> laporan" in html
    assert 'href="/-/factcheck/fc/contradiction/f-stance-conflict"' in html
    # Date claims are not on the timeline (stances and numbers only).
    assert "27 April 2025</mark>" not in html


async def test_entity_json(ds):
    data = await get_json(ds, "/-/factcheck/fc/entity/north-korea.json")
    assert data["name"] == "Korea Utara"
    assert "Korut" in data["aliases"]
    assert [claim["date"] for claim in data["claims"]] == sorted(claim["date"] for claim in data["claims"])
    assert {claim["kind"] for claim in data["claims"]} == {"stance", "number"}
    assert len(data["claims"]) == 7
    assert {flag["id"] for flag in data["contradictions"]} == ALL_FLAGS - {"f-date-conflict"}
    denied = next(claim for claim in data["claims"] if claim["id"] == "k-prabu-denied")
    assert {flag["relation"] for flag in denied["flags"]} == {"conflict", "change"}
    assert data["truncated"] is False


async def test_entity_without_claims(ds):
    response = await ds.client.get("/-/factcheck/fc/entity/russia")
    assert response.status_code == 200
    assert "No dated stances or numbers about Rusia." in response.text


# Article


async def test_article_page(ds):
    response = await ds.client.get("/-/factcheck/fc/article/a-jepara")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Korut Tetap Bungkam Soal Pasukan ke Rusia</h1>" in html
    assert (
        'Korea Utara <mark id="claim-k-jepara-silent" class="fc-claim-mark fc-mark-stance fc-flagged" '
        'title="stance: sent troops to Russia = silent">tetap bungkam</mark> mengenai'
    ) in html
    assert '<mark id="claim-k-jepara-12000" class="fc-claim-mark fc-mark-number fc-flagged"' in html
    assert "<h2>Flags (2)</h2>" in html
    assert 'href="/-/factcheck/fc/contradiction/f-number-conflict"' in html
    assert 'href="/-/factcheck/fc/article/a-jepara-copy"' in html  # its duplicate
    assert "Read from <code>seeds/001_jepara.txt</code>" in html


async def test_duplicate_article_points_to_original(ds):
    html = (await ds.client.get("/-/factcheck/fc/article/a-jepara-copy")).text
    assert 'A duplicate of <a href="/-/factcheck/fc/article/a-jepara"' in html
    assert "<h2>Flags (0)</h2>" in html


async def test_article_json(ds):
    data = await get_json(ds, "/-/factcheck/fc/article/a-prabumulih.json")
    assert data["title"] == "Korea Utara Membantah Kirim Pasukan"
    assert data["text"].startswith("Korea Utara telah membantah")
    assert [claim["id"] for claim in data["claims"]] == ["k-prabu-denied", "k-prabu-11000"]
    assert all(claim["flagged"] for claim in data["claims"])
    assert {flag["id"] for flag in data["contradictions"]} == {
        "f-stance-conflict",
        "f-stance-change",
        "f-number-conflict",
    }
    assert data["duplicates"] == [] and data["original"] is None
    copy = await get_json(ds, "/-/factcheck/fc/article/a-jepara-copy.json")
    assert copy["original"]["id"] == "a-jepara"


async def test_ids_are_tilde_encoded_in_urls(tmp_path):
    import sqlite_utils

    path = build_database(tmp_path / "fc.db")
    db = sqlite_utils.Database(path)
    db.execute("update contradictions set id = 'flag/1.json' where id = 'f-evil'").connection.commit()
    ds = make_datasette([str(path)])
    data = await get_json(ds, "/-/factcheck/fc.json?_sort=score")
    evil = data["rows"][0]
    assert evil["id"] == "flag/1.json"
    assert evil["page"] == "/-/factcheck/fc/contradiction/flag~2F1~2Ejson"
    assert (await get_json(ds, evil["page"] + ".json"))["id"] == "flag/1.json"


# On the seeds, loaded by the real CLI


async def test_every_page_on_the_seeds(seeds_db):
    ds = make_datasette([str(seeds_db)])
    index = await get_json(ds, "/-/factcheck/seeds.json")
    assert index["rows"], "the seeds should produce flags"
    assert (await ds.client.get("/-/factcheck/seeds")).status_code == 200
    flag = index["rows"][0]
    for page in (flag["page"], flag["a"]["article"]["page"], flag["a"]["claim"]["entity_page"]):
        if page is None:
            continue
        response = await ds.client.get(page)
        assert response.status_code == 200, page
        assert "<mark" in response.text
        assert (await ds.client.get(page + ".json")).status_code == 200


# Who may read


PAGES = [
    "/-/factcheck/fc",
    "/-/factcheck/fc/contradiction/f-stance-conflict",
    "/-/factcheck/fc/entity/north-korea",
    "/-/factcheck/fc/article/a-jepara",
]


@pytest.mark.parametrize("path", PAGES)
async def test_private_database_is_403_for_others(db_path, path):
    from web_fixtures import actor_cookies

    ds = make_datasette([db_path], database_config={"fc": {"allow": {"id": "alice"}}})
    for url in (path, path + ".json"):
        assert (await ds.client.get(url)).status_code == 403
        assert (await ds.client.get(url, cookies=actor_cookies(ds, "bob"))).status_code == 403
        assert (await ds.client.get(url, cookies=actor_cookies(ds, "alice"))).status_code == 200


@pytest.mark.parametrize("path", PAGES)
async def test_hidden_table_hides_the_pages(db_path, path):
    """The pages show article text, so hiding the articles table hides them too."""
    ds = make_datasette([db_path], database_config={"fc": {"tables": {"articles": {"allow": False}}}})
    assert (await ds.client.get(path)).status_code == 403
    assert (await ds.client.get(path + ".json")).status_code == 403


# A fixed number of queries per page, however many rows it shows


async def traced_queries(ds, path):
    data = await get_json(ds, path + ("&" if "?" in path else "?") + "_trace=1")
    return [
        (trace["sql"], trace.get("params"))
        for trace in data["_trace"]["traces"]
        if "sql" in trace and trace.get("database") == "fc"
    ]


@pytest.mark.parametrize(
    "few,many",
    [
        ("/-/factcheck/fc.json?_size=1", "/-/factcheck/fc.json"),
        ("/-/factcheck/fc/entity/russia.json", "/-/factcheck/fc/entity/north-korea.json"),
        ("/-/factcheck/fc/article/a-jepara-copy.json", "/-/factcheck/fc/article/a-prabumulih.json"),
        ("/-/factcheck/fc/contradiction/f-stance-change.json", "/-/factcheck/fc/contradiction/f-number-conflict.json"),
    ],
)
async def test_no_query_per_row(db_path, few, many):
    ds = make_datasette([db_path], settings={"trace_debug": True})
    assert len(await traced_queries(ds, few)) == len(await traced_queries(ds, many))


@pytest.mark.parametrize(
    "path",
    [
        "/-/factcheck/fc.json",
        "/-/factcheck/fc.json?kind=stance&status=open",
        "/-/factcheck/fc.json?entity=north-korea",
        "/-/factcheck/fc.json?_search=membantah",
        "/-/factcheck/fc.json?_next=0~2E8,f-stance-change",
        "/-/factcheck/fc/contradiction/f-stance-change.json",
        "/-/factcheck/fc/entity/north-korea.json",
        "/-/factcheck/fc/article/a-prabumulih.json",
    ],
)
async def test_pages_never_scan_articles_or_claims(db_path, path):
    """Only contradictions may be read whole (to sort by score); articles and claims go through indexes."""
    import sqlite3

    ds = make_datasette([db_path], settings={"trace_debug": True})
    conn = sqlite3.connect(db_path)
    scans = []
    for sql, params in await traced_queries(ds, path):
        if "sqlite_master" in sql:
            continue
        for row in conn.execute("explain query plan " + sql, params or {}).fetchall():
            if re.match(r"SCAN (articles|claims|aa|ab|ca|cb|a|cl)\b", row[3]):
                scans.append((row[3], sql))
    assert scans == []


async def test_change_sides_are_labelled_by_date(tmp_path):
    import sqlite_utils

    path = build_database(tmp_path / "fc.db")
    sqlite_utils.Database(path).execute(
        "update contradictions set claim_a = claim_b, claim_b = claim_a where id = 'f-stance-change'"
    ).connection.commit()
    html = (await make_datasette([str(path)]).client.get("/-/factcheck/fc/contradiction/f-stance-change")).text
    assert html.index("<h3>Later</h3>") < html.index("<h3>Earlier</h3>")
    assert html.index("admitted</mark>") < html.index("telah membantah</mark>")
