"""Hostile article metadata and text are shown escaped on every page, never live."""

import sqlite3
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from web_fixtures import XSS_TEXT_BIT, XSS_TITLE, db_path, ds  # noqa: F401

from datasette_factcheck.web.listing import fts_query
from datasette_factcheck.web.url_builder import safe_url

PAGES = [
    "/-/factcheck/fc",
    "/-/factcheck/fc?_search=Pyongyang",
    "/-/factcheck/fc?source=%3Cb%3EEvil+Outlet%3C%2Fb%3E",
    "/-/factcheck/fc/contradiction/f-evil",
    "/-/factcheck/fc/entity/north-korea",
    "/-/factcheck/fc/article/a-evil",
    "/-/factcheck/fc/article/a-times",
    "/fc/articles",
    "/fc/articles/a-evil",
    "/fc/claims",
    "/fc/stance_history?entity=Korut",
    "/fc/contradiction_evidence?id=f-evil",
]


class Audit(HTMLParser):
    """Collects what would run or navigate in a browser."""

    def __init__(self):
        super().__init__()
        self.problems, self.in_script, self.tags = [], False, []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on") and "alert" in (value or ""):  # Datasette's own handlers are fine
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and value:
                scheme = urlsplit(value.strip()).scheme.lower()
                if scheme not in ("", "http", "https"):
                    self.problems.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if self.in_script and "alert(" in data:
            self.problems.append(f"<script>{data}")


@pytest.mark.asyncio
@pytest.mark.parametrize("path", PAGES)
async def test_nothing_hostile_is_live(ds, path):
    response = await ds.client.get(path)
    assert response.status_code == 200
    audit = Audit()
    audit.feed(response.text)
    assert audit.problems == []
    assert "img" not in audit.tags and "b" not in audit.tags
    assert "<script>alert" not in response.text and "<img src=x" not in response.text
    assert "onload=alert(2)>" not in response.text


@pytest.mark.asyncio
async def test_payloads_are_visible_as_text(ds):
    escaped_title = "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; Breaking"
    escaped_text = "&lt;img src=x onerror=alert(1)&gt;"
    article = (await ds.client.get("/-/factcheck/fc/article/a-evil")).text
    assert f"<h1>{escaped_title}</h1>" in article
    assert escaped_text in article
    assert '<span class="fc-url">javascript:alert(document.cookie)</span>' in article  # shown, not linked
    assert "&lt;b&gt;Evil Outlet&lt;/b&gt;" in article
    assert "&#34;&gt;&lt;svg onload=alert(2)&gt;" in article
    flag = (await ds.client.get("/-/factcheck/fc/contradiction/f-evil")).text
    assert escaped_title in flag and escaped_text in flag
    assert "&lt;script&gt;alert(&#34;explanation&#34;)&lt;/script&gt;" in flag
    entity = (await ds.client.get("/-/factcheck/fc/entity/north-korea")).text
    assert "2024-10-23 · &lt;b&gt;Evil Outlet&lt;/b&gt;: denied" in entity  # in the chart's tooltip


@pytest.mark.asyncio
async def test_json_twins_carry_the_raw_text_as_json(ds):
    for path in ("/-/factcheck/fc.json", "/-/factcheck/fc/contradiction/f-evil.json"):
        response = await ds.client.get(path)
        assert response.headers["content-type"].startswith("application/json")
    response = await ds.client.get("/-/factcheck/fc/article/a-evil.json")
    assert response.headers["content-type"].startswith("application/json")
    data = response.json()
    assert data["title"] == XSS_TITLE and XSS_TEXT_BIT in data["text"]
    assert data["link"] is None


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "file:///etc/passwd",
        "https:",
        "",
        None,
    ],
)
def test_only_http_urls_become_links(url):
    assert safe_url(url) is None


def test_http_urls_do():
    assert safe_url("https://example.com/a?b=<c>") == "https://example.com/a?b=<c>"
    assert safe_url(" http://example.com/ ") == "http://example.com/"


@given(st.text(max_size=30))
@settings(max_examples=500, deadline=None)
def test_any_search_text_is_a_valid_fts_query(text):
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table t using fts5(x, tokenize='unicode61')")
    conn.execute("insert into t values ('Korea Utara membantah')")
    query = fts_query(text)
    if query:
        conn.execute("select * from t where t match ?", [query]).fetchall()
