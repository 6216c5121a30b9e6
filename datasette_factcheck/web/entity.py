"""One entity's page, /-/factcheck/<database>/entity/<id>(.json): its claims over time and their flags."""

import json

from datasette.utils import tilde_decode
from datasette.utils.asgi import NotFound

from . import accounts, base, rows
from .evidence import evidence
from .timeline import timeline_chart
from .url_builder import Urls

TIMELINE_LIMIT = 1000


async def entity(datasette, request):
    db = await base.database(datasette, request)
    urls = Urls(datasette, db)
    id = tilde_decode(request.url_vars["id"])
    found = (await db.execute("select id, name, kind from entities where id = ?", [id])).rows
    if not found:
        raise NotFound(f"Entity not found: {id}")
    info = dict(found[0])
    info["aliases"] = [
        row[0]
        for row in (await db.execute("select alias from entity_aliases where entity_id = ? order by alias", [id])).rows
    ]
    # the first TIMELINE_LIMIT claims in time order, read along the (subject, as_of)
    # index, and only their flags: bounded however much is said about the entity
    claims = (
        await db.execute(
            f"""select {', '.join(rows.columns('cl', rows.CLAIM_COLUMNS, ''))}, coalesce(cl.as_of, a.published) as date,
          {', '.join(rows.columns('a', rows.ARTICLE_COLUMNS, 'article_'))}
        from claims cl join articles a on a.id = cl.article_id
        where cl.subject = :id and cl.kind in ('stance', 'number')
        order by cl.as_of, cl.id limit {TIMELINE_LIMIT + 1}""",
            {"id": id},
        )
    ).rows
    shown = json.dumps([row["id"] for row in claims[:TIMELINE_LIMIT]])
    flags = (
        await db.execute(
            """select id, claim_a, claim_b, kind, relation, status, explanation from contradictions
        where claim_a in (select value from json_each(:shown)) or claim_b in (select value from json_each(:shown))
        order by id""",
            {"shown": shown},
        )
    ).rows
    flags = [dict(row, page=urls.contradiction(row["id"])) for row in flags]
    flags_by_claim = {}
    for flag in flags:
        flags_by_claim.setdefault(flag["claim_a"], []).append(flag)
        flags_by_claim.setdefault(flag["claim_b"], []).append(flag)
    timeline = []
    for row in claims[:TIMELINE_LIMIT]:
        claim = {column: row[column] for column in rows.CLAIM_COLUMNS}
        claim["date"] = row["date"]
        claim["evidence"] = evidence(claim["sentence"], claim["start"], claim["end"], claim["sentence_start"])
        claim["article"] = rows.article(row, "article_", urls)
        claim["source"] = claim["article"]["source"]
        accounts.label_claim(claim, claim["article"].get("language"))
        claim["page"] = f"{claim['article']['page']}#claim-{claim['id']}"
        claim["flags"] = [
            {key: flag[key] for key in ("id", "relation", "kind", "status", "page")}
            for flag in flags_by_claim.get(claim["id"], [])
        ]
        timeline.append(claim)
    data = dict(info, claims=timeline, contradictions=flags, truncated=len(claims) > TIMELINE_LIMIT)
    return await base.render(
        datasette,
        request,
        "factcheck_entity.html",
        data,
        database=db.name,
        pages=urls,
        entity=data,
        chart=timeline_chart(timeline, flags),
    )
