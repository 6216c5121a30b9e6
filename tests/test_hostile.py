"""Hostile text and requests, end to end: articles carrying HTML, script,
`javascript:` links and SQL-looking strings are loaded through the real CLI,
stored verbatim, and rendered escaped on every page; SQL-looking filters on the
factcheck pages are parameters, never SQL."""

import asyncio
import json
import re
import urllib.parse

import pytest
from conftest import load, rows
from datasette.app import Datasette

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_URL = "javascript:alert(1)"
SQL = "'; DROP TABLE articles; --"
SVG = '"><svg onload=alert(2)>'

HOSTILE_TITLE = f"{SCRIPT} Rusia {SQL} {IMG}"
HOSTILE_TEXT = (
    f"Rusia membantah mengirim 1.500 tentara {SCRIPT} ke Ukraina pada Senin (21/10/2024). "
    f"Korea Utara tetap bungkam soal pengiriman pasukan {IMG} ke Rusia. "
    f'Tautan: {JS_URL} dan <a href="{JS_URL}">klik</a>. '
    f"Pejabat itu menulis {SQL} di papan pengumuman kota."
)
CALM_TEXT = (
    "Rusia mengakui mengirim 3.000 tentara ke Ukraina pada Senin (21/10/2024). "
    "Korea Utara membantah mengirim pasukan ke Rusia. Harga beras di pasar kota naik tajam pekan ini, "
    "kata para pedagang yang ditemui wartawan di pasar tradisional."
)
# A .txt file: a title line and a body, both hostile.
TXT_TITLE = f"{IMG} Korea Utara {SCRIPT}"
TXT_BODY = (
    f"Korea Utara mengakui mengirim 12.000 tentara ke Rusia {SCRIPT} pada Selasa (22/10/2024). "
    f"Sumber {SQL} menyebut {IMG} sebagai bukti, lihat {JS_URL} untuk detail."
)
HOSTILE_REF = f"{SVG}{SCRIPT}"

# Markup that must never reach a page as markup.
RAW = [SCRIPT, "<script>alert", IMG, "<img src=x", "<svg onload", '<a href="javascript:']
JS_HREF = re.compile(r"""(href|src|action|formaction)\s*=\s*["']?\s*javascript:""", re.I)
# A tag carrying an event handler (on*=) that came from the data.
HANDLER_TAG = re.compile(r"<(img|svg|script|a|b|iframe|body)\b[^>]*\son(error|load|mouseover)\s*=", re.I)


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    inputs = folder / "in"
    inputs.mkdir()
    records = [
        {
            "id": HOSTILE_REF,
            "title": HOSTILE_TITLE,
            "text": HOSTILE_TEXT,
            "url": JS_URL,
            "source": "<b onmouseover=alert(1)>Evil Outlet</b>",
            "author": SVG,
            "published": "2024-10-22",
            "language": "id",
        },
        {
            "id": "calm",
            "title": "Berita tenang",
            "text": CALM_TEXT,
            "url": "https://calm.example/a",
            "source": "Calm",
            "published": "2024-10-22",
            "language": "id",
        },
    ]
    (inputs / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (inputs / "evil.txt").write_text(f"{TXT_TITLE}\n\n{TXT_BODY}\n", encoding="utf-8")
    db = folder / "hostile.db"
    result = load(db, inputs)
    assert result.exit_code == 0, result.output
    return db


def run(coro):
    return asyncio.run(coro)


async def fetch_all(db, paths):
    ds = Datasette([str(db)])
    out = {}
    for path in paths:
        response = await ds.client.get(path, follow_redirects=True)
        out[path] = response
    return out


def enc(value):
    """The id as it appears in a URL path (Datasette's tilde encoding)."""
    from datasette.utils import tilde_encode

    return tilde_encode(str(value))


def every_page(db):
    """Every factcheck page of the database, HTML and JSON, plus Datasette's own
    pages of the tables the plugin renders cells for."""
    name = db.stem
    base = f"/-/factcheck/{name}"
    paths = [base, base + ".json", base + "?_sort=date", base + "?kind=stance"]
    for (id,) in [tuple(r.values()) for r in rows(db, "select id from contradictions")]:
        paths += [f"{base}/contradiction/{enc(id)}", f"{base}/contradiction/{enc(id)}.json"]
    for (id,) in [tuple(r.values()) for r in rows(db, "select id from articles")]:
        paths += [f"{base}/article/{enc(id)}", f"{base}/article/{enc(id)}.json", f"/{name}/articles/{enc(id)}"]
    for (id,) in [tuple(r.values()) for r in rows(db, "select distinct subject from claims where subject is not null")]:
        paths += [f"{base}/entity/{enc(id)}", f"{base}/entity/{enc(id)}.json"]
    for table in ("articles", "claims", "contradictions", "entities"):
        paths += [f"/{name}/{table}", f"/{name}/{table}.json"]
    paths += [f"/{name}", f"/{name}/articles?_search=" + urllib.parse.quote("alert")]
    return paths


def test_hostile_text_is_stored_verbatim(hostile_db):
    (art,) = rows(hostile_db, "select * from articles where ref = ?", [HOSTILE_REF])
    assert art["title"] == HOSTILE_TITLE
    assert art["text"] == HOSTILE_TEXT
    assert art["url"] == JS_URL
    assert art["source"] == "<b onmouseover=alert(1)>Evil Outlet</b>"
    assert art["author"] == SVG
    (txt,) = rows(hostile_db, "select * from articles where ref = 'evil.txt'")
    assert txt["title"] == TXT_TITLE
    assert txt["text"] == TXT_BODY
    # The SQL-looking text did nothing: every table is there and full.
    assert rows(hostile_db, "select count(*) n from articles")[0]["n"] == 3
    assert rows(hostile_db, "pragma integrity_check")[0]["integrity_check"] == "ok"
    # Claims keep the markup in their sentences, and their offsets still point into the text.
    claims = rows(
        hostile_db, 'select c.sentence, c.start, c."end", a.text from claims c join articles a on a.id = c.article_id'
    )
    assert any(SCRIPT in c["sentence"] for c in claims)
    for c in claims:
        assert 0 <= c["start"] < c["end"] <= len(c["text"])


def test_the_pages_have_hostile_content_to_show(hostile_db):
    """Guard against a vacuous escaping test: the hostile article has claims and
    is part of at least one contradiction."""
    (hid,) = [r["id"] for r in rows(hostile_db, "select id from articles where ref = ?", [HOSTILE_REF])]
    assert rows(hostile_db, "select count(*) n from claims where article_id = ?", [hid])[0]["n"] >= 2
    assert (
        rows(hostile_db, "select count(*) n from contradictions where article_a = ? or article_b = ?", [hid, hid])[0][
            "n"
        ]
        >= 1
    )


def test_every_page_escapes_hostile_text(hostile_db):
    paths = every_page(hostile_db)
    responses = run(fetch_all(hostile_db, paths))
    problems = []
    shown_escaped = set()
    for path, response in responses.items():
        if response.status_code != 200:
            problems.append((path, "status", response.status_code))
            continue
        body = response.text
        kind = response.headers["content-type"]
        if JS_HREF.search(body):
            problems.append((path, "javascript: link", JS_HREF.search(body).group(0)))
        if kind.startswith("text/html"):
            for raw in RAW:
                if raw in body:
                    problems.append((path, "raw markup", raw))
            if HANDLER_TAG.search(body):
                problems.append((path, "event handler", HANDLER_TAG.search(body).group(0)))
            if "&lt;script&gt;alert(1)&lt;/script&gt;" in body:
                shown_escaped.add(path)
        else:
            assert kind.startswith("application/json"), (path, kind)
            json.loads(body)
    assert problems == []
    # The hostile text is on the pages, escaped (not silently dropped).
    base = f"/-/factcheck/{hostile_db.stem}"
    hid = rows(hostile_db, "select id from articles where ref = ?", [HOSTILE_REF])[0]["id"]
    assert f"{base}/article/{enc(hid)}" in shown_escaped
    assert base in shown_escaped
    assert any("/contradiction/" in p for p in shown_escaped)


def test_json_never_turns_a_javascript_url_into_a_link(hostile_db):
    base = f"/-/factcheck/{hostile_db.stem}"
    hid = rows(hostile_db, "select id from articles where ref = ?", [HOSTILE_REF])[0]["id"]
    responses = run(fetch_all(hostile_db, [f"{base}/article/{enc(hid)}.json", f"{base}.json"]))
    article = responses[f"{base}/article/{enc(hid)}.json"].json()
    assert article["url"] == JS_URL  # the data, verbatim
    assert article["link"] is None  # but never a link
    index = responses[f"{base}.json"].json()
    sides = [row[side]["article"] for row in index["rows"] for side in "ab"]
    hostile = [a for a in sides if a["id"] == hid]
    assert hostile and all(a["link"] is None for a in hostile)


# Hostile requests

INJECTIONS = [
    "' OR 1=1 --",
    "north-korea' OR '1'='1",
    'x" OR ""="',
    "1; DROP TABLE contradictions; --",
    "') UNION SELECT * FROM articles --",
    "%' OR 1=1 --",
    "*",
    "\x00",
]
FILTERS = ["entity", "source", "language", "kind", "relation", "status", "since", "until", "_search"]


def test_sql_looking_filters_are_parameters(hostile_db):
    base = f"/-/factcheck/{hostile_db.stem}"
    total = rows(hostile_db, "select count(*) n from contradictions")[0]["n"]
    assert total >= 2
    paths = {}
    for key in FILTERS:
        for value in INJECTIONS:
            query = urllib.parse.urlencode({key: value})
            paths[f"{base}.json?{query}"] = (key, value)
            paths[f"{base}?{query}"] = (key, value)
    responses = run(fetch_all(hostile_db, paths))
    problems = []
    for path, response in responses.items():
        key, value = paths[path]
        if response.status_code not in (200, 400):
            problems.append((key, value, response.status_code))
            continue
        if response.status_code == 200 and path.startswith(base + ".json"):
            n = len(response.json()["rows"])
            # since/until compare dates as text; only there may a string select rows
            if key not in ("since", "until") and n != 0:
                problems.append((key, value, f"{n} rows"))
    assert problems == []
    # Nothing was dropped or changed.
    assert rows(hostile_db, "select count(*) n from contradictions")[0]["n"] == total
    assert rows(hostile_db, "select count(*) n from articles")[0]["n"] == 3


@pytest.mark.parametrize(
    "query",
    [
        "_sort=score;drop table articles",
        "_sort_desc=id desc --",
        "_sort=date&_sort_desc=score",
        "_next=' OR 1=1 --",
        "_next=abc",
        "_next=1,2,3",
        "_next=",
        "_size=-1",
        "_size=0",
        "_size=99999999999999999999999",
        "_size=1e9",
        "_size=' OR 1=1",
        '_search="',
        "_search=NEAR(",
        "_search=a OR",
        "_search=^",
        "_search=col:x",
        "_search=" + "(" * 200,
        "kind=number&kind=' OR 1=1 --",
        "entity[]=x",
        "since=9999&until=0000",
    ],
)
def test_odd_query_strings_are_not_server_errors(hostile_db, query):
    base = f"/-/factcheck/{hostile_db.stem}"
    responses = run(fetch_all(hostile_db, [f"{base}?{query}", f"{base}.json?{query}"]))
    for path, response in responses.items():
        assert response.status_code in (200, 400), (path, response.status_code, response.text[:500])


@pytest.mark.parametrize("page", ["contradiction", "article", "entity"])
@pytest.mark.parametrize(
    "value", ["' OR 1=1 --", "1 OR 1=1", "../../etc/passwd", "%00", "<script>alert(1)</script>", "~27~20OR~201~3D1"]
)
def test_sql_looking_ids_are_not_found(hostile_db, page, value):
    base = f"/-/factcheck/{hostile_db.stem}"
    path = f"{base}/{page}/{urllib.parse.quote(value, safe='')}"
    responses = run(fetch_all(hostile_db, [path, path + ".json"]))
    for p, response in responses.items():
        assert response.status_code == 404, (p, response.status_code, response.text[:300])
        assert "<script>alert(1)</script>" not in response.text


def test_hostile_review_note_is_stored_verbatim_and_shown_escaped(tmp_path, hostile_db):
    """A reviewer's note is user input too."""
    import sqlite3

    db = tmp_path / "review.db"
    source, target = sqlite3.connect(hostile_db), sqlite3.connect(db)
    source.backup(target)
    source.close()
    target.close()
    cid = rows(db, "select id from contradictions order by id limit 1")[0]["id"]
    base = f"/-/factcheck/{db.stem}"

    async def go():
        ds = Datasette([str(db)], metadata={"plugins": {"datasette-factcheck": {"allow_review": True}}})
        cookies = {"ds_actor": ds.sign({"a": {"id": SVG}}, "actor")}
        path = f"{base}/contradiction/{enc(cid)}"
        first = await ds.client.get(path, cookies=cookies)
        token = re.search(r'name="csrftoken" value="([^"]+)"', first.text).group(1)
        cookies = {**cookies, **dict(first.cookies)}
        posted = await ds.client.post(
            path,
            data={"csrftoken": token, "verdict": "dismissed", "note": f"{SCRIPT} {SQL} {IMG}"},
            cookies=cookies,
        )
        page = await ds.client.get(f"{base}/contradiction/{enc(cid)}", cookies=cookies)
        return posted, page

    posted, page = run(go())
    assert posted.status_code in (200, 302), posted.text[:300]
    assert page.status_code == 200
    for raw in RAW:
        assert raw not in page.text
    assert not HANDLER_TAG.search(page.text)
    if True:
        (review,) = rows(db, "select actor, note from reviews where contradiction_id = ?", [cid])
        assert review["note"] == f"{SCRIPT} {SQL} {IMG}"
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
        assert rows(db, "select count(*) n from articles")[0]["n"] == 3
