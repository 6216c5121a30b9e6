"""Reviewing flags: permission factcheck-review, CSRF, immutable databases, the append-only log."""

import json
import re

import pytest
import sqlite_utils
from web_fixtures import FLAGS, actor_cookies, db_path, ds, make_datasette  # noqa: F401

from datasette_factcheck.web import compat

pytestmark = pytest.mark.asyncio

PAGE = "/-/factcheck/fc/contradiction/f-stance-conflict"


def state(db_path):
    """Everything a review could change."""
    db = sqlite_utils.Database(db_path)
    return (
        [tuple(row) for row in db.execute("select id, status from contradictions order by id").fetchall()],
        [tuple(row) for row in db.execute("select * from reviews order by id").fetchall()],
    )


async def visit(ds, path, cookies):
    """GET a page as this actor, as a browser would: (review form shown?, CSRF token, cookies now held)."""
    response = await ds.client.get(path, cookies=cookies)
    assert response.status_code == 200
    form = re.search(
        r'<form class="fc-review"[^>]*>\s*<input type="hidden" name="csrftoken" value="([^"]+)">', response.text
    )
    # Any form's token will do (on 0.65 the logout form has one too): the token belongs to the browser.
    token = re.search(r'name="csrftoken" value="([^"]+)"', response.text)
    return form is not None, token.group(1) if token else "", {**cookies, **dict(response.cookies)}


async def post(ds, path, data, cookies, **kwargs):
    return await ds.client.post(path, data=data, cookies=cookies, **kwargs)


async def test_anonymous_sees_no_review_form(ds):
    html = (await ds.client.get(PAGE)).text
    assert 'class="fc-review"' not in html
    assert "Reviewing needs the <code>factcheck-review</code> permission: sign in first." in html


async def test_reviewer_sees_form_with_csrf_token(ds):
    has_form, token, _ = await visit(ds, PAGE, actor_cookies(ds, "alice"))
    assert has_form and token
    html = (await ds.client.get(PAGE, cookies=actor_cookies(ds, "alice"))).text
    assert '<form class="fc-review" action="/-/factcheck/fc/contradiction/f-stance-conflict" method="post">' in html
    assert 'value="confirmed">Confirm</button>' in html and 'value="dismissed">Dismiss</button>' in html
    assert ">Reopen</button>" not in html  # the flag is open already


async def test_review_flow(ds, db_path):
    _, token, cookies = await visit(ds, PAGE, actor_cookies(ds, "alice"))
    response = await post(
        ds, PAGE, {"csrftoken": token, "verdict": "dismissed", "note": "Both say he has not confirmed."}, cookies
    )
    assert response.status_code == 302
    assert response.headers["location"] == PAGE
    statuses, reviews = state(db_path)
    assert ("f-stance-conflict", "dismissed") in statuses
    assert reviews[-1][1:5] == ("f-stance-conflict", "alice", "dismissed", "Both say he has not confirmed.")
    # The redirect target shows the verdict, the note, and a way back.
    html = (await ds.client.get(PAGE, cookies={**cookies, **dict(response.cookies)})).text
    assert "Marked as dismissed" in html
    assert "<td>Both say he has not confirmed.</td>" in html
    assert 'class="fc-badge fc-status-dismissed">dismissed</span>' in html
    assert ">Reopen</button>" in html
    # Reopening appends; the status follows the latest review.
    response = await post(ds, PAGE, {"csrftoken": token, "verdict": "open", "note": ""}, cookies)
    assert response.status_code == 302
    statuses, reviews = state(db_path)
    assert ("f-stance-conflict", "open") in statuses
    assert [r[3] for r in reviews if r[1] == "f-stance-conflict"] == ["dismissed", "open"]
    assert reviews[-1][4] is None  # an empty note is stored as null
    data = json.loads((await ds.client.get(PAGE + ".json")).text)
    assert [r["verdict"] for r in data["reviews"]] == ["dismissed", "open"]
    # The index filters by the new status.
    index = json.loads((await ds.client.get("/-/factcheck/fc.json?status=open&relation=conflict&kind=stance")).text)
    assert [row["id"] for row in index["rows"]] == ["f-stance-conflict"]


async def test_json_review_api(ds, db_path):
    _, token, cookies = await visit(ds, PAGE, actor_cookies(ds, "alice"))
    response = await ds.client.post(
        PAGE + ".json",
        content=json.dumps({"verdict": "confirmed", "note": "via API"}),
        headers={"content-type": "application/json", "x-csrftoken": token},
        cookies=cookies,
    )
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["ok"] is True and data["status"] == "confirmed"
    assert data["review"]["actor"] == "alice" and data["review"]["note"] == "via API"
    assert ("f-stance-conflict", "confirmed") in state(db_path)[0]


@pytest.mark.parametrize("flag", [flag[0] for flag in FLAGS])
async def test_anonymous_posts_change_nothing(ds, db_path, flag):
    path = f"/-/factcheck/fc/contradiction/{flag}"
    before = state(db_path)
    # A valid CSRF token, so only the missing permission stops it.
    _, token, cookies = await visit(ds, path, actor_cookies(ds, "alice"))
    cookies.pop("ds_actor")
    for verdict in ("confirmed", "dismissed", "open"):
        response = await post(ds, path, {"csrftoken": token, "verdict": verdict, "note": "x"}, cookies)
        assert response.status_code == 403
        assert "permission to review" in response.text  # refused by us, not by CSRF
    response = await ds.client.post(
        path + ".json",
        content=json.dumps({"verdict": "confirmed"}),
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 403
    assert "permission to review" in response.text
    assert state(db_path) == before


async def test_actor_without_permission_is_refused(ds, db_path):
    before = state(db_path)
    has_form, token, cookies = await visit(ds, PAGE, actor_cookies(ds, "bob"))
    assert not has_form
    response = await post(ds, PAGE, {"csrftoken": token, "verdict": "confirmed"}, cookies)
    assert response.status_code == 403
    assert "permission to review" in response.text
    assert state(db_path) == before


async def test_nobody_may_review_without_configuration(db_path):
    ds = make_datasette([db_path])
    has_form, _, _ = await visit(ds, PAGE, actor_cookies(ds, "alice"))
    assert not has_form


async def test_per_database_configuration(db_path):
    ds = make_datasette(
        [db_path], database_config={"fc": {"plugins": {compat.PLUGIN: {"allow_review": {"id": "carol"}}}}}
    )
    has_form, token, cookies = await visit(ds, PAGE, actor_cookies(ds, "carol"))
    assert has_form
    response = await post(ds, PAGE, {"csrftoken": token, "verdict": "confirmed"}, cookies)
    assert response.status_code == 302
    assert ("f-stance-conflict", "confirmed") in state(db_path)[0]


async def test_permissions_block_works_on_1_0_only(db_path):
    """1.0a has permissions: blocks in datasette.yaml; 0.65 has none and ignores the key."""
    ds = make_datasette([db_path], permissions={compat.REVIEW: {"id": "dan"}})
    has_form, _, _ = await visit(ds, PAGE, actor_cookies(ds, "dan"))
    assert has_form == compat.ACTIONS_API


async def test_invalid_reviews_are_400(ds, db_path):
    before = state(db_path)
    _, token, cookies = await visit(ds, PAGE, actor_cookies(ds, "alice"))
    for data in ({"verdict": "maybe"}, {}, {"verdict": "confirmed", "note": "x" * 2001}):
        response = await post(ds, PAGE, {"csrftoken": token, **data}, cookies)
        assert response.status_code == 400
    response = await post(
        ds, "/-/factcheck/fc/contradiction/nope", {"csrftoken": token, "verdict": "confirmed"}, cookies
    )
    assert response.status_code == 404
    assert state(db_path) == before


async def test_cross_site_posts_are_refused(ds, db_path):
    """No CSRF token and cross-site headers: asgi-csrf (0.65) and Sec-Fetch-Site (1.0a) both refuse."""
    before = state(db_path)
    _, _, cookies = await visit(ds, PAGE, actor_cookies(ds, "alice"))
    response = await post(
        ds,
        PAGE,
        {"verdict": "confirmed"},
        cookies,
        headers={"sec-fetch-site": "cross-site", "origin": "https://evil.example"},
    )
    assert response.status_code == 403
    assert state(db_path) == before


async def test_immutable_database_has_no_review_controls(db_path):
    ds = make_datasette([db_path], plugin_config={"allow_review": {"id": "alice"}}, immutable=True)
    before = state(db_path)
    response = await ds.client.get(PAGE, cookies=actor_cookies(ds, "alice"))
    assert response.status_code == 200
    assert 'class="fc-review"' not in response.text
    assert "This database is immutable, so flags cannot be reviewed here." in response.text
    _, token, cookies = await visit(ds, PAGE, actor_cookies(ds, "alice"))
    response = await post(ds, PAGE, {"csrftoken": token, "verdict": "confirmed"}, cookies)
    assert response.status_code == 403
    assert "immutable" in response.text
    response = await ds.client.post(
        PAGE + ".json",
        content=json.dumps({"verdict": "confirmed"}),
        headers={"content-type": "application/json"},
        cookies=actor_cookies(ds, "alice"),
    )
    assert response.status_code == 403
    assert state(db_path) == before
