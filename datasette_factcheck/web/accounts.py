"""What the pages add to a flag beyond its two claims: the accounts on each
side (every outlet giving that account, from ``contradiction_claims``), the
event it belongs to, and slot labels in words, in English and in the
article's language (never an internal key such as ``troops:planned``).

Each page calls ``annotate`` once for all its flags: two queries, whatever
the number of flags. A database made before accounts and events (no
``contradiction_claims`` or ``events`` table) shows each flag as its pair.
"""

import datetime as dt
import json

from ..detect.labels import labels
from ..model import STANCE_LABELS


def day_label(value):
    """ "2 Oct 2022" for an ISO date, the value itself otherwise."""
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return str(value) if value else "date unknown"
    return f"{day.day} {day.strftime('%b %Y')}"


def value_label(claim, predicate_en=None):
    kind, value = claim.get("kind"), claim.get("value")
    if kind == "stance":
        return STANCE_LABELS.get(value, value)
    if kind == "number":
        hedge = {"approx": "about ", "min": "at least ", "max": "up to ", "vague": "an unspecified "}.get(
            claim.get("qualifier"), ""
        )
        return f"{hedge}{value}" + (f" {predicate_en}" if predicate_en else "")
    return value


def label_claim(claim, language):
    """Set ``label`` (English) and ``label_own`` (the article's language, when it differs) on a claim dict."""
    claim["label"], claim["label_own"] = labels(claim.get("kind"), claim.get("predicate"), language)
    return claim


async def annotate(db, urls, flags):
    """Add to each flag (``rows.flag`` dicts): ``event`` (id, label, page),
    ``accounts`` {"a": side, "b": side} with every source on each side, and
    ``summary`` ("3 outlets: 125 dead (2 Oct 2022) vs 2 outlets: 127 dead (2 Oct 2022)")."""
    ids = json.dumps([f["id"] for f in flags])
    members = {}
    rows = (
        await db.execute(
            """select m.contradiction_id, m.side, c.id as claim_id, c.value, c.as_of, c.kind, c.predicate, c.qualifier,
                  a.id as article_id, a.source, a.title, a.ref, a.published, a.url, a.language,
                  coalesce(a.duplicate_of, a.id) as grp
           from contradiction_claims m join claims c on c.id = m.claim_id join articles a on a.id = c.article_id
           where m.contradiction_id in (select value from json_each(:ids))
           order by m.contradiction_id, m.side, coalesce(c.as_of, a.published), a.source, a.id""",
            {"ids": ids},
        )
    ).rows
    for row in rows:
        members.setdefault((row["contradiction_id"], row["side"]), []).append(dict(row))
    events = {}
    claim_ids = json.dumps([f[side]["claim"]["id"] for f in flags for side in "ab"])
    for row in (
        await db.execute(
            "select c.id, e.id as event, e.label from claims c join events e on e.id = c.event "
            "where c.id in (select value from json_each(:ids))",
            {"ids": claim_ids},
        )
    ).rows:
        events[row["id"]] = {
            "id": row["event"],
            "label": row["label"],
            "page": urls.index() + "?event=" + row["event"],
        }
    for f in flags:
        for side in "ab":
            label_claim(f[side]["claim"], f[side]["article"].get("language"))
        f["slot_label"] = f["a"]["claim"]["label"]
        f["event"] = events.get(f["a"]["claim"]["id"]) or events.get(f["b"]["claim"]["id"])
        f["accounts"] = {}
        for side in "ab":
            rows = members.get((f["id"], side)) or [
                dict(
                    f[side]["claim"],
                    claim_id=f[side]["claim"]["id"],
                    **{
                        k: f[side]["article"].get(k) for k in ("source", "title", "ref", "published", "url", "language")
                    },
                    article_id=f[side]["article"]["id"],
                    grp=f[side]["article"]["id"],
                )
            ]
            f["accounts"][side] = _side(rows, f[side]["claim"], urls)
        f["summary"] = " vs ".join(_say(f["accounts"][side], f[side]["claim"]) for side in "ab")
    return flags


def _side(rows, representative, urls):
    articles, seen = [], set()
    for row in rows:
        if row["article_id"] in seen:
            continue
        seen.add(row["article_id"])
        articles.append(
            {
                "id": row["article_id"],
                "source": row["source"],
                "label": row["title"] or row["ref"] or row["article_id"],
                "page": f"{urls.article(row['article_id'])}#claim-{row['claim_id']}",
                "value": row["value"],
                "date": row["as_of"] or row["published"],
                "copy": row["grp"] != row["article_id"],
            }
        )
    outlets = sorted({a["source"] or a["label"] for a in articles if not a["copy"]})
    days = sorted({str(a["date"])[:10] for a in articles if a["date"]})
    return {
        "claim_ids": sorted({row["claim_id"] for row in rows}),
        "articles": articles,
        "outlets": outlets,
        "outlet_count": len(outlets) or 1,
        "article_count": len(articles),
        "days": days,
        "when": (
            day_label(days[0])
            if len(days) == 1
            else (f"{day_label(days[0])} to {day_label(days[-1])}" if days else "date unknown")
        ),
        "value": value_label(
            representative, representative.get("label") if representative.get("kind") == "number" else None
        ),
    }


def _say(side, claim):
    who = (
        f"{side['outlet_count']} outlet{'s' if side['outlet_count'] != 1 else ''}"
        if side["outlet_count"] > 1
        else (side["outlets"][0] if side["outlets"] else "1 outlet")
    )
    return f"{who}: {side['value']} ({side['when']})"
