"""Reviewed flags as schema.org ClaimReview JSON-LD, for fact-checkers to publish.

/-/factcheck/<database>/contradiction/<id>/claimreview.json is one flag's
review, /-/factcheck/<database>/claimreview.json every reviewed flag (an
``@graph``). The claim reviewed is the flag itself, "these sources
disagree": its explanation, with both sources' articles as the claim's
appearances. The rating is the latest verdict (``confirmed``: they do;
``dismissed``: they do not), its author the reviewer, its date the review's.
A flag nobody has confirmed or dismissed has no ClaimReview.
"""

import json

from datasette.utils import tilde_decode
from datasette.utils.asgi import NotFound, Response

from ..model import CONFIRMED, DISMISSED
from . import base, rows
from .url_builder import Urls

CONTEXT = "https://schema.org"
RATINGS = {  # verdict -> (ratingValue, alternateName), on a scale of 1 (worst) to 2 (best)
    CONFIRMED: (2, "Confirmed: the sources contradict each other"),
    DISMISSED: (1, "Dismissed: not a contradiction"),
}
REVIEWED_SQL = f"""select {rows.FLAG_SELECT}, r.actor as review_actor, r.created as review_created,
  r.note as review_note
{rows.FLAG_FROM}
join reviews r on r.id = (select max(id) from reviews where contradiction_id = c.id)
where c.status in ('{CONFIRMED}', '{DISMISSED}')"""


def claim_review(flag, review, urls, absolute):
    """The ClaimReview of a reviewed flag (``rows.flag`` shape) and its latest
    review (actor, created, note); ``absolute(path)`` makes a URL absolute."""
    value, verdict = RATINGS[flag["status"]]
    data = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "@id": absolute(urls.claimreview(flag["id"])),
        "url": absolute(flag["page"]),
        "name": f"{flag['kind'].capitalize()} {flag['relation']}: {verdict}",
        "claimReviewed": flag["explanation"] or f"{flag['a']['claim']['value']} vs {flag['b']['claim']['value']}",
        "itemReviewed": {"@type": "Claim", "appearance": [_appearance(flag[side]) for side in "ab"]},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": max(v for v, _ in RATINGS.values()),
            "worstRating": min(v for v, _ in RATINGS.values()),
            "alternateName": verdict,
        },
        "datePublished": review["created"],
    }
    if review["actor"]:
        data["author"] = {"@type": "Person", "name": review["actor"]}
    if review["note"]:
        data["reviewBody"] = review["note"]
    return data


def _appearance(side):
    """One source as the news article the claim appeared in: its URL (http(s) only), headline, date, outlet."""
    article = side["article"]
    found = {"@type": "NewsArticle", "url": article["link"], "headline": article["title"]}
    found["datePublished"] = article["published"] or side["claim"]["date"]
    found["inLanguage"] = article["language"]
    if article["source"]:
        found["publisher"] = {"@type": "Organization", "name": article["source"]}
    return {k: v for k, v in found.items() if v}


def _review(row):
    return {"actor": row["review_actor"], "created": row["review_created"], "note": row["review_note"]}


def _absolute(datasette, request):
    return lambda path: datasette.absolute_url(request, path)


def _json_ld(data):
    return Response(json.dumps(data, default=str), content_type="application/ld+json; charset=utf-8")


async def one(datasette, request):
    db = await base.database(datasette, request)
    urls = Urls(datasette, db)
    id = tilde_decode(request.url_vars["id"])
    found = (await db.execute(REVIEWED_SQL + " and c.id = :id", {"id": id})).rows
    if not found:
        raise NotFound(f"No reviewed contradiction {id}: only a confirmed or dismissed flag has a ClaimReview")
    return _json_ld(claim_review(rows.flag(found[0], urls), _review(found[0]), urls, _absolute(datasette, request)))


async def every(datasette, request):
    db = await base.database(datasette, request)
    urls = Urls(datasette, db)
    absolute = _absolute(datasette, request)
    graph = []
    for row in (await db.execute(REVIEWED_SQL + " order by r.created desc, c.id")).rows:
        review = claim_review(rows.flag(row, urls), _review(row), urls, absolute)
        review.pop("@context")
        graph.append(review)
    return _json_ld({"@context": CONTEXT, "@graph": graph})
