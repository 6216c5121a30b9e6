"""The contradictions index, /-/factcheck/<database>(.json): the flags, filtered, sorted and paged."""

import json

from datasette.database import QueryInterrupted
from datasette.utils import path_with_replaced_args
from datasette.utils.asgi import BadRequest

from ..model import KINDS, RELATIONS, STATUSES
from . import accounts, base, listing, rows
from .url_builder import Urls, page_url


async def index(datasette, request):
    db = await base.database(datasette, request)
    urls = Urls(datasette, db)
    args, where, params, sort, descending = listing.parse_args(request)
    joins = rows.CLAIMS_JOIN if sort == "date" or listing.DATE_FILTERS & set(args) else ""
    counts = await listing.counts(datasette, db, joins, where, params)
    size = request.args.get("_size") or ""
    size = max(
        1,
        min(
            int(size) if size.isdigit() else datasette.setting("default_page_size"),
            datasette.setting("max_returned_rows"),
        ),
    )
    page_where = list(where)
    if request.args.get("_next"):
        params["_next_key"], params["_next_id"] = listing.parse_next(request.args["_next"], sort)
        page_where.append(listing.after(listing.SORTS[sort], descending, params["_next_key"]))
    direction = "desc" if descending else "asc"
    # First the page's ids, touching only what filters and sorting need; then their details.
    page_sql = (
        f"select c.id, {listing.SORTS[sort]} as sort_key from contradictions c {joins} "
        f"{listing.where_clause(page_where)} order by sort_key {direction}, c.id {direction} limit {size + 1}"
    )
    try:
        page = (await db.execute(page_sql, params)).rows
    except QueryInterrupted:
        raise BadRequest(
            "Sorting or filtering by date took too long on this many flags: narrow it with another filter first"
        ) from None
    ids = [row["id"] for row in page[:size]]
    details = (
        await db.execute(
            f"select {rows.FLAG_SELECT} {rows.FLAG_FROM} where c.id in (select value from json_each(:ids))",
            {"ids": json.dumps(ids)},
        )
    ).rows
    by_id = {row["id"]: row for row in details}
    flags = await accounts.annotate(db, urls, [rows.flag(by_id[id], urls) for id in ids if id in by_id])
    next_token = listing.next_token(page[size - 1]) if len(page) > size else None

    entities = (await db.execute("select id, name from entities order by name limit 1000")).rows
    events = [
        dict(row)
        for row in (
            await db.execute(
                "select id, label, articles, sources, claims from events order by articles desc, label, id limit 500"
            )
        ).rows
    ]
    data = {
        "database": db.name,
        "filters": args,
        "sort": sort,
        "sort_desc": descending,
        "counts": counts,
        "rows": flags,
        "events": events,
        "next": next_token,
        "next_url": page_url(request, as_json=True, _next=next_token) if next_token else None,
    }
    return await base.render(
        datasette,
        request,
        "factcheck_index.html",
        data,
        database=db.name,
        pages=urls,
        kinds=KINDS,
        relations=RELATIONS,
        statuses=STATUSES,
        entities=[dict(row) for row in entities],
        next_page=page_url(request, _next=next_token) if next_token else None,
        facet_url=lambda key, value: path_with_replaced_args(request, {key: value, "_next": None}),
        sort_url=lambda sort, desc: path_with_replaced_args(
            request, {"_sort": None if desc else sort, "_sort_desc": sort if desc else None, "_next": None}
        ),
    )
