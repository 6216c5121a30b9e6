"""One flag's page, /-/factcheck/<database>/contradiction/<id>(.json): both sides
with their evidence and review history; a POST to it records a review."""

import json

from datasette.utils import tilde_decode
from datasette.utils.asgi import BadRequest, Forbidden, NotFound, Response

from . import accounts, base, claimreview, compat, review, rows
from .queries import QUERIES
from .url_builder import Urls


async def _load_flag(db, urls, id):
    found = (await db.execute(f"select {rows.FLAG_SELECT} {rows.FLAG_FROM} where c.id = :id", {"id": id})).rows
    if not found:
        raise NotFound(f"Contradiction not found: {id}")
    return (await accounts.annotate(db, urls, [rows.flag(found[0], urls)]))[0]


async def contradiction(datasette, request):
    db = await base.database(datasette, request)
    urls = Urls(datasette, db)
    id = tilde_decode(request.url_vars["id"])
    if request.method == "POST":
        return await _post_review(datasette, request, db, urls, id)
    flag = await _load_flag(db, urls, id)
    flag["reviews"] = await review.history(db, id)
    flag["sql_url"] = urls.query("contradiction_evidence", id=id)
    flag["sql"] = QUERIES["contradiction_evidence"]["sql"]
    published = None  # a reviewed flag's ClaimReview, linked and embedded for search engines
    if flag["status"] in claimreview.RATINGS and flag["reviews"]:
        flag["claimreview_url"] = urls.claimreview(id)
        published = claimreview.claim_review(
            flag, flag["reviews"][-1], urls, lambda path: datasette.absolute_url(request, path)
        )
    can_review = db.is_mutable and await compat.can_review(datasette, request.actor, db.name)
    return await base.render(
        datasette,
        request,
        "factcheck_contradiction.html",
        flag,
        database=db.name,
        pages=urls,
        flag=flag,
        can_review=can_review,
        mutable=db.is_mutable,
        claimreview=published,
    )


async def _post_review(datasette, request, db, urls, id):
    wants_json = request.url_vars.get("format") == "json" or "application/json" in request.headers.get("accept", "")
    if not db.is_mutable:
        raise Forbidden("This database is immutable: it cannot be reviewed")
    if not await compat.can_review(datasette, request.actor, db.name):
        raise Forbidden("You do not have permission to review contradictions (factcheck-review)")
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            data = json.loads(await request.post_body())
        except ValueError:
            raise BadRequest("Invalid JSON") from None
        data = data if isinstance(data, dict) else {}
    else:
        data = await request.post_vars()
    try:
        verdict, note = review.validate(data)
    except review.InvalidReview as ex:
        raise BadRequest(str(ex)) from None
    if not (await db.execute("select 1 from contradictions where id = ?", [id])).rows:
        raise NotFound(f"Contradiction not found: {id}")
    entry = await review.record(db, id, (request.actor or {}).get("id"), verdict, note)
    if wants_json:
        return Response.json({"ok": True, "status": verdict, "review": entry})
    datasette.add_message(request, f"Marked as {verdict}", datasette.INFO)
    return Response.redirect(urls.contradiction(id))
