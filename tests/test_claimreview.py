"""Reviewed flags as schema.org ClaimReview: one document per flag and a bulk
export, each expanded by pyld as JSON-LD (offline, the schema.org context
given inline) and every node checked against the schema.org properties of
its type; the flag's page links and embeds it only once it is reviewed."""

import json
import re

import pytest
from pyld import jsonld
from web_fixtures import XSS_TITLE, db_path, ds, make_datasette  # noqa: F401

from datasette_factcheck.web import review

pytestmark = pytest.mark.asyncio

SCHEMA = "https://schema.org/"
# The schema.org properties (the type's own and those it inherits) each node may use.
THING = {"name", "url", "alternateName"}
CREATIVE_WORK = THING | {"author", "datePublished", "headline", "inLanguage", "publisher"}
PROPERTIES = {
    "ClaimReview": CREATIVE_WORK | {"claimReviewed", "itemReviewed", "reviewRating", "reviewBody"},
    "Claim": CREATIVE_WORK | {"appearance", "firstAppearance"},
    "NewsArticle": CREATIVE_WORK,
    "Rating": THING | {"ratingValue", "bestRating", "worstRating"},
    "Person": THING,
    "Organization": THING,
}
REVIEWED = "/-/factcheck/fc/contradiction/f-number-conflict"


def offline_loader(url, options=None):
    """The schema.org context, inline: nothing is fetched."""
    if url.rstrip("/") != SCHEMA.rstrip("/"):
        raise jsonld.JsonLdError(f"no network in tests: {url}", "loading document failed")
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SCHEMA}}}


def nodes(document):
    """Every node of the document, flattened as JSON-LD: {"@type": [...], property IRI: [...]}."""
    return jsonld.flatten(document, None, {"documentLoader": offline_loader})


def check_schema_org(document):
    """Each node has one schema.org type and only that type's schema.org properties. Returns the nodes by type."""
    by_type = {}
    for node in nodes(document):
        (type_iri,) = node["@type"]
        assert type_iri.startswith(SCHEMA), type_iri
        kind = type_iri[len(SCHEMA) :]
        used = {key[len(SCHEMA) :] for key in node if not key.startswith("@")}
        assert all(key.startswith(("@", SCHEMA)) for key in node), node
        assert used <= PROPERTIES[kind], (kind, used - PROPERTIES[kind])
        by_type.setdefault(kind, []).append(node)
    return by_type


async def get_json_ld(ds, path):
    response = await ds.client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/ld+json")
    return json.loads(response.text)


async def test_a_confirmed_flag_as_claimreview(ds):
    data = await get_json_ld(ds, REVIEWED + "/claimreview.json")
    assert data["@context"] == "https://schema.org" and data["@type"] == "ClaimReview"
    assert data["@id"] == "http://localhost" + REVIEWED + "/claimreview.json"
    assert data["url"] == "http://localhost" + REVIEWED
    assert data["claimReviewed"].startswith("Jepara Pos says 12,000 troops were sent to Russia")
    appearances = data["itemReviewed"]["appearance"]
    assert [(a["url"], a["datePublished"], a["publisher"]["name"]) for a in appearances] == [
        ("https://jepara.example/korut-bungkam", "2024-10-21", "Jepara Pos"),
        ("https://prabumulih.example/korut-membantah", "2024-10-22T19:08:00+07:00", "Koran Prabumulih Pos"),
    ]
    assert data["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 2,
        "worstRating": 1,
        "alternateName": "Confirmed: the sources contradict each other",
    }
    assert data["author"] == {"@type": "Person", "name": "alice"}
    assert data["datePublished"] == "2024-11-02T09:00:00+00:00"
    assert data["reviewBody"] == "Checked both: different intelligence briefings."

    by_type = check_schema_org(data)
    assert {kind: len(found) for kind, found in by_type.items()} == {
        "ClaimReview": 1,
        "Claim": 1,
        "NewsArticle": 2,
        "Organization": 2,
        "Rating": 1,
        "Person": 1,
    }
    (node,) = by_type["ClaimReview"]
    assert node[SCHEMA + "datePublished"] == [{"@value": "2024-11-02T09:00:00+00:00"}]


async def test_only_reviewed_flags_have_one(ds):
    assert (await ds.client.get("/-/factcheck/fc/contradiction/f-stance-conflict/claimreview.json")).status_code == 404
    await review.record(ds.get_database("fc"), "f-stance-conflict", "bob", "dismissed", None)
    data = await get_json_ld(ds, "/-/factcheck/fc/contradiction/f-stance-conflict/claimreview.json")
    assert data["reviewRating"]["ratingValue"] == 1
    assert data["reviewRating"]["alternateName"] == "Dismissed: not a contradiction"
    assert data["author"]["name"] == "bob" and "reviewBody" not in data
    check_schema_org(data)
    # Reopened: no verdict stands, so no ClaimReview.
    await review.record(ds.get_database("fc"), "f-stance-conflict", "bob", "open", "Looking again.")
    assert (await ds.client.get("/-/factcheck/fc/contradiction/f-stance-conflict/claimreview.json")).status_code == 404
    assert (await ds.client.get("/-/factcheck/fc/contradiction/nope/claimreview.json")).status_code == 404


async def test_bulk_export_of_every_reviewed_flag(ds):
    await review.record(ds.get_database("fc"), "f-evil", "bob", "dismissed", "A hostile test page.")
    data = await get_json_ld(ds, "/-/factcheck/fc/claimreview.json")
    assert data["@context"] == "https://schema.org"
    assert [(r["url"].rsplit("/", 1)[1], r["reviewRating"]["ratingValue"]) for r in data["@graph"]] == [
        ("f-evil", 1),
        ("f-number-conflict", 2),
    ]
    assert len(check_schema_org(data)["ClaimReview"]) == 2
    one = await get_json_ld(ds, REVIEWED + "/claimreview.json")
    assert data["@graph"][1] == {k: v for k, v in one.items() if k != "@context"}
    # the hostile article's javascript: URL is no appearance URL; its text stays text
    evil = data["@graph"][0]["itemReviewed"]["appearance"][0]
    assert "url" not in evil and evil["headline"] == XSS_TITLE


async def test_flag_page_links_and_embeds_it_once_reviewed(ds):
    html = (await ds.client.get("/-/factcheck/fc/contradiction/f-stance-conflict")).text
    assert "claimreview" not in html.lower()
    html = (await ds.client.get(REVIEWED)).text
    assert f'<a href="{REVIEWED}/claimreview.json" class="fc-claimreview">ClaimReview (JSON-LD)</a>' in html
    (embedded,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert json.loads(embedded) == await get_json_ld(ds, REVIEWED + "/claimreview.json")
    assert (await ds.client.get(REVIEWED + ".json")).json()["claimreview_url"] == REVIEWED + "/claimreview.json"
    index = (await ds.client.get("/-/factcheck/fc")).text
    assert 'href="/-/factcheck/fc/claimreview.json" class="fc-claimreviews"' in index


async def test_embedded_json_ld_cannot_close_its_script(ds):
    await review.record(ds.get_database("fc"), "f-evil", "bob", "confirmed", "</script><script>alert(1)</script>")
    html = (await ds.client.get("/-/factcheck/fc/contradiction/f-evil")).text
    (embedded,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(embedded)
    assert data["reviewBody"] == "</script><script>alert(1)</script>"
    assert data["itemReviewed"]["appearance"][0]["headline"] == XSS_TITLE
    assert "<script>alert" not in html


async def test_claimreview_follows_view_permissions(db_path):
    private = make_datasette([db_path], database_config={"fc": {"allow": {"id": "alice"}}})
    for path in (REVIEWED + "/claimreview.json", "/-/factcheck/fc/claimreview.json"):
        assert (await private.client.get(path)).status_code == 403
