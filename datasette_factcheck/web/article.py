"""One article's page, /-/factcheck/<database>/article/<id>(.json): its text with the
claims highlighted, its flags, and its syndicated copies or original."""

from datasette.utils import tilde_decode
from datasette.utils.asgi import NotFound

from . import accounts, base, rows
from .evidence import evidence, segments
from .url_builder import Urls


async def article(datasette, request):
    db = await base.database(datasette, request)
    urls = Urls(datasette, db)
    id = tilde_decode(request.url_vars["id"])
    found = (
        await db.execute(
            f"select {', '.join(rows.ARTICLE_COLUMNS)}, path, text, duplicate_of from articles where id = ?", [id]
        )
    ).rows
    if not found:
        raise NotFound(f"Article not found: {id}")
    info = rows.with_links(dict(found[0]), urls)
    claims = [
        dict(row)
        for row in (
            await db.execute(
                f"""select {', '.join(rows.columns('cl', rows.CLAIM_COLUMNS, ''))}, e.name as subject_name
            from claims cl left join entities e on e.id = cl.subject
            where cl.article_id = ? order by cl.start, cl.id""",
                [id],
            )
        ).rows
    ]
    mine = "select id from claims where article_id = :id"
    # the flags it is in: by its own claim as the representative, or on a side with others (its accounts)
    sides = " or c.id in (select contradiction_id from contradiction_claims where article_id = :id)"
    flags = await accounts.annotate(
        db,
        urls,
        [
            rows.flag(row, urls)
            for row in (
                await db.execute(
                    f"select {rows.FLAG_SELECT} {rows.FLAG_FROM} where c.claim_a in ({mine}) or c.claim_b in ({mine}){sides} "
                    "order by c.score desc, c.id",
                    {"id": id},
                )
            ).rows
        ],
    )
    for flag in flags:
        flag["own_side"] = next(
            (side for side in "ab" if any(a["id"] == id for a in flag["accounts"][side]["articles"])), "a"
        )
        flag["other_side"] = "b" if flag["own_side"] == "a" else "a"
    events = [
        dict(row)
        for row in (
            await db.execute(
                "select e.id, e.label, count(*) as claims from claims c join events e on e.id = c.event "
                "where c.article_id = ? group by e.id order by claims desc, e.id",
                [id],
            )
        ).rows
    ]
    for event in events:
        event["page"] = urls.index() + "?event=" + event["id"]
    flagged = {flag[side]["claim"]["id"] for flag in flags for side in "ab"}
    flagged |= {c for flag in flags for side in "ab" for c in flag["accounts"][side]["claim_ids"]}
    for claim in claims:
        accounts.label_claim(claim, info.get("language"))
        claim["flagged"] = claim["id"] in flagged
        claim["evidence"] = evidence(claim["sentence"], claim["start"], claim["end"], claim["sentence_start"])
        claim["entity_page"] = urls.entity(claim["subject"]) if claim["subject"] else None
    related = (
        await db.execute(
            "select id, ref, title, source, url, published, duplicate_of from articles "
            "where duplicate_of = :id or id = :original order by published, id",
            {"id": id, "original": info["duplicate_of"]},
        )
    ).rows
    related = [rows.with_links(dict(row), urls) for row in related]
    data = dict(
        info,
        claims=claims,
        contradictions=flags,
        events=events,
        duplicates=[row for row in related if row["duplicate_of"] == id],
        original=next((row for row in related if row["id"] == info["duplicate_of"]), None),
    )
    return await base.render(
        datasette,
        request,
        "factcheck_article.html",
        data,
        database=db.name,
        pages=urls,
        article=data,
        segments=segments(info["text"] or "", claims),
    )
