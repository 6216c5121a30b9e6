"""Which flags the contradictions index lists, in what order, a page at a time.

Filters and sort come from the query string and reach SQL only as bound
parameters. Pages are keyset pages (after the last row's sort key and id),
so a deep page costs what the first does.
"""

import re

from datasette.database import QueryInterrupted
from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import BadRequest

from .rows import DATE_SQL


def _either(column_a, column_b, ids_sql):
    """Flags whose a or b side is among these ids (both columns are indexed)."""
    return f"(c.{column_a} in ({ids_sql}) or c.{column_b} in ({ids_sql}))"


# GET parameter -> SQL condition on contradictions c. Only the date filters need CLAIMS_JOIN;
# the others go through indexed subqueries so the page never joins every flag.
FILTERS = {
    "kind": "c.kind = :kind",
    "relation": "c.relation = :relation",
    "status": "c.status = :status",
    "entity": _either("claim_a", "claim_b", "select id from claims where subject = :entity"),
    "source": _either("article_a", "article_b", "select id from articles where source = :source"),
    "language": _either("article_a", "article_b", "select id from articles where language = :language"),
    "event": _either("claim_a", "claim_b", "select id from claims where event = :event"),
    "since": f"{DATE_SQL} >= :since",
    "until": f"substr({DATE_SQL}, 1, 10) <= :until",
    "_search": "({} or {})".format(
        _either(
            "claim_a",
            "claim_b",
            "select id from claims where rowid in " "(select rowid from claims_fts where claims_fts match :_search)",
        ),
        _either(
            "article_a",
            "article_b",
            "select id from articles where rowid in "
            "(select rowid from articles_fts where articles_fts match :_search)",
        ),
    ),
}
DATE_FILTERS = {"since", "until"}
SORTS = {"score": "c.score", "date": DATE_SQL}


def fts_query(text):
    """Words and "quoted phrases" as FTS5 strings, so the search box never speaks FTS syntax."""
    terms = (
        match.group(1) if match.group(1) is not None else match.group(2)
        for match in re.finditer(r'"([^"]*)"?|(\S+)', text.replace("\x00", ""))
    )
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms if term.strip())


def parse_args(request):
    """Filters and sort from the query string, with their SQL and parameters."""
    args = {key: (request.args.get(key) or "").strip() for key in FILTERS}
    args = {key: value for key, value in args.items() if value}
    params, conditions = dict(args), dict(FILTERS)
    if "_search" in args:
        params["_search"] = fts_query(args["_search"])
        if not params["_search"]:
            conditions["_search"] = "0"  # nothing searchable in it, so nothing matches
    where = [conditions[key] for key in args]
    if request.args.get("_sort") in SORTS:
        sort, descending = request.args["_sort"], False
    else:
        sort, descending = request.args.get("_sort_desc") or "score", True
        if sort not in SORTS:
            raise BadRequest(f"Can only sort by {', '.join(SORTS)}")
    return args, where, params, sort, descending


def where_clause(conditions):
    return ("where " + " and ".join(conditions)) if conditions else ""


async def counts(datasette, db, joins, where, params):
    """Flags per kind and per relation under the current filters (None if too slow)."""
    sql = f"select c.kind, c.relation, count(*) as n from contradictions c {joins} {where_clause(where)} group by c.kind, c.relation"
    try:
        rows = (await db.execute(sql, params, custom_time_limit=datasette.setting("facet_time_limit_ms"))).rows
    except QueryInterrupted:
        return None
    counts = {"kind": {}, "relation": {}, "total": 0}
    for kind, relation, n in rows:
        counts["kind"][kind] = counts["kind"].get(kind, 0) + n
        counts["relation"][relation] = counts["relation"].get(relation, 0) + n
        counts["total"] += n
    return counts


def next_token(row):
    """The _next token of the page after this (last shown) row: its sort key and id."""
    key, id = row["sort_key"], row["id"]
    return f"{tilde_encode('' if key is None else str(key))},{tilde_encode(id)}"


def parse_next(token, sort):
    try:
        key, id = token.split(",", 1)
        key, id = tilde_decode(key), tilde_decode(id)
        if sort == "score":
            key = float(key) if key else None
    except ValueError:
        raise BadRequest("Invalid _next token") from None
    return key, id


def after(expression, descending, key):
    """The keyset condition for rows after (key, id) in the page order."""
    op = "<" if descending else ">"
    if key is None:  # only scores are null; SQLite sorts nulls first ascending, last descending
        return f"({expression} is null and c.id {op} :_next_id)" + (
            "" if descending else f" or {expression} is not null"
        )
    condition = f"{expression} {op} :_next_key or ({expression} = :_next_key and c.id {op} :_next_id)"
    return f"({condition} or {expression} is null)" if descending else f"({condition})"
