"""The factcheck pages, each also as JSON, plus render_cell for Datasette's own tables.

Every page reads with a fixed number of queries (no query per row) and every
user value reaches SQL as a bound parameter. Output is escaped by Jinja;
only http(s) URLs ever become links.
"""
import datetime
import json
import re
import urllib.parse

from datasette.utils.asgi import BadRequest, Forbidden, NotFound, Response
from datasette.database import QueryInterrupted
from datasette.utils import path_with_replaced_args, tilde_decode, tilde_encode
from markupsafe import Markup

from . import compat, review
from .queries import QUERIES, is_factcheck_database

TABLES = ("articles", "claims", "contradictions", "entities", "reviews")
KINDS = ("number", "date", "stance")
RELATIONS = ("conflict", "change")
STATUSES = ("open", "confirmed", "dismissed")
STANCES = {"confirmed": "✔ confirmed", "denied": "✘ denied", "silent": "… silent"}
TIMELINE_LIMIT = 1000

CLAIM_COLUMNS = (
    "id", "kind", "subject", "predicate", "value", "value_num", "qualifier", "as_of",
    "as_of_source", "sentence", "start", "end", "sentence_start", "cue",
)
ARTICLE_COLUMNS = ("id", "ref", "title", "source", "url", "published", "language", "author")


def _columns(alias, columns, prefix):
    return [f'{alias}."{column}" as {prefix}{column}' for column in columns]


# The date a flag is about: the later of its claims' as_of dates, falling back to
# publication dates ('' when neither is known). Needs CLAIMS_JOIN.
DATE_SQL = (
    "max(coalesce(ca.as_of, (select published from articles where id = ca.article_id), ''), "
    "coalesce(cb.as_of, (select published from articles where id = cb.article_id), ''))"
)
CLAIMS_JOIN = "join claims ca on ca.id = c.claim_a join claims cb on cb.id = c.claim_b"
FLAG_SELECT = ", ".join(
    ["c.id", "c.kind", "c.relation", "c.status", "c.score", "c.explanation", "c.slot", "c.rule",
     f"{DATE_SQL} as date"]
    + _columns("ca", CLAIM_COLUMNS, "a_claim_") + _columns("aa", ARTICLE_COLUMNS, "a_article_")
    + ["ea.name as a_subject_name"]
    + _columns("cb", CLAIM_COLUMNS, "b_claim_") + _columns("ab", ARTICLE_COLUMNS, "b_article_")
    + ["eb.name as b_subject_name"]
)
FLAG_FROM = f"""from contradictions c {CLAIMS_JOIN}
join articles aa on aa.id = ca.article_id
join articles ab on ab.id = cb.article_id
left join entities ea on ea.id = ca.subject
left join entities eb on eb.id = cb.subject"""


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
    "since": f"{DATE_SQL} >= :since",
    "until": f"substr({DATE_SQL}, 1, 10) <= :until",
    "_search": "({} or {})".format(
        _either("claim_a", "claim_b", "select id from claims where rowid in "
                "(select rowid from claims_fts where claims_fts match :_search)"),
        _either("article_a", "article_b", "select id from articles where rowid in "
                "(select rowid from articles_fts where articles_fts match :_search)"),
    ),
}
DATE_FILTERS = {"since", "until"}
SORTS = {"score": "c.score", "date": DATE_SQL}


# Helpers shared by the pages


async def _database(datasette, request):
    """The requested factcheck database, after checking the actor may read it."""
    route = tilde_decode(request.url_vars["database"])
    try:
        db = datasette.get_database(route=route)
    except KeyError:
        raise NotFound(f"Database not found: {route}")
    await compat.ensure_can_view(datasette, request.actor, db.name, TABLES)
    if not await is_factcheck_database(db):
        raise NotFound(f"{db.name} has no factcheck tables")
    return db


class Urls:
    """URLs of the factcheck pages of one database."""

    def __init__(self, datasette, db):
        self.datasette = datasette
        self.base = datasette.urls.path(f"/-/factcheck/{tilde_encode(db.route)}")
        self.db = db

    def index(self):
        return self.base

    def _page(self, kind, id):
        return f"{self.base}/{kind}/{tilde_encode(str(id))}"

    def contradiction(self, id):
        return self._page("contradiction", id)

    def entity(self, id):
        return self._page("entity", id)

    def article(self, id):
        return self._page("article", id)

    def query(self, name, **params):
        return self.datasette.urls.query(self.db.name, name) + "?" + urllib.parse.urlencode(params)


def safe_url(url):
    """The URL if it is http(s), else None: nothing else ever becomes a link."""
    if not url:
        return None
    url = url.strip()
    parts = urllib.parse.urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else None


def evidence(sentence, start, end, sentence_start):
    """Split a claim's sentence around its evidence: before, evidence, after."""
    sentence = sentence or ""
    if None in (start, end, sentence_start):
        return {"before": sentence, "text": "", "after": ""}
    s, e = start - sentence_start, end - sentence_start
    if not 0 <= s <= e <= len(sentence):
        return {"before": sentence, "text": "", "after": ""}
    return {"before": sentence[:s], "text": sentence[s:e], "after": sentence[e:]}


def _claim(row, prefix, subject_name=None):
    claim = {column: row[prefix + column] for column in CLAIM_COLUMNS}
    claim["subject_name"] = subject_name
    claim["evidence"] = evidence(claim["sentence"], claim["start"], claim["end"], claim["sentence_start"])
    return claim


def _article(row, prefix, urls):
    article = {column: row[prefix + column] for column in ARTICLE_COLUMNS}
    return _with_links(article, urls)


def _with_links(article, urls):
    article["link"] = safe_url(article.get("url"))
    article["page"] = urls.article(article["id"])
    article["label"] = article.get("title") or article.get("ref") or article["id"]
    return article


def _flag(row, urls):
    """A contradictions row with both sides, shaped for templates and JSON."""
    flag = {key: row[key] for key in ("id", "kind", "relation", "status", "score", "explanation", "slot", "rule", "date")}
    flag["page"] = urls.contradiction(row["id"])
    for side in "ab":
        article = _article(row, f"{side}_article_", urls)
        claim = _claim(row, f"{side}_claim_", row[f"{side}_subject_name"])
        claim["date"] = claim["as_of"] or article["published"]
        claim["page"] = f"{article['page']}#claim-{claim['id']}"
        claim["entity_page"] = urls.entity(claim["subject"]) if claim["subject"] else None
        flag[side] = {"claim": claim, "article": article}
    return flag


def page_url(request, as_json=False, **args):
    """This page (or its JSON twin) with these query string arguments replaced."""
    path = request.path
    if request.url_vars.get("format") == "json":
        path = path[: -len(".json")]
    return path_with_replaced_args(request, args, path=path + ".json" if as_json else path)


async def _render(datasette, request, template, data, **context):
    if request.url_vars.get("format") == "json":
        return Response.json(data, default=str)
    return Response.html(
        await datasette.render_template(
            template,
            dict(context, data=data, alternate_url_json=page_url(request, as_json=True)),
            request=request,
        )
    )


# Contradictions index


def _parse_next(token, sort):
    try:
        key, id = token.split(",", 1)
        key, id = tilde_decode(key), tilde_decode(id)
        if sort == "score":
            key = float(key) if key else None
    except ValueError:
        raise BadRequest("Invalid _next token")
    return key, id


def _after(expression, descending, key):
    """The keyset condition for rows after (key, id) in the page order."""
    op = "<" if descending else ">"
    if key is None:  # only scores are null; SQLite sorts nulls first ascending, last descending
        return f"({expression} is null and c.id {op} :_next_id)" + ("" if descending else f" or {expression} is not null")
    condition = f"{expression} {op} :_next_key or ({expression} = :_next_key and c.id {op} :_next_id)"
    return f"({condition} or {expression} is null)" if descending else f"({condition})"


def fts_query(text):
    """Words and "quoted phrases" as FTS5 strings, so the search box never speaks FTS syntax."""
    terms = (match.group(1) if match.group(1) is not None else match.group(2)
             for match in re.finditer(r'"([^"]*)"?|(\S+)', text.replace("\x00", "")))
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms if term.strip())


def _index_args(request):
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


async def _counts(datasette, db, joins, where, params):
    """Flags per kind and per relation under the current filters (None if too slow)."""
    sql = f"select c.kind, c.relation, count(*) as n from contradictions c {joins} {_where(where)} group by c.kind, c.relation"
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


def _where(conditions):
    return ("where " + " and ".join(conditions)) if conditions else ""


async def index(datasette, request):
    db = await _database(datasette, request)
    urls = Urls(datasette, db)
    args, where, params, sort, descending = _index_args(request)
    joins = CLAIMS_JOIN if sort == "date" or DATE_FILTERS & set(args) else ""
    counts = await _counts(datasette, db, joins, where, params)
    size = request.args.get("_size") or ""
    size = max(1, min(int(size) if size.isdigit() else datasette.setting("default_page_size"),
                      datasette.setting("max_returned_rows")))
    page_where = list(where)
    if request.args.get("_next"):
        params["_next_key"], params["_next_id"] = _parse_next(request.args["_next"], sort)
        page_where.append(_after(SORTS[sort], descending, params["_next_key"]))
    direction = "desc" if descending else "asc"
    # First the page's ids, touching only what filters and sorting need; then their details.
    page_sql = (
        f"select c.id, {SORTS[sort]} as sort_key from contradictions c {joins} {_where(page_where)} "
        f"order by sort_key {direction}, c.id {direction} limit {size + 1}"
    )
    try:
        page = (await db.execute(page_sql, params)).rows
    except QueryInterrupted:
        raise BadRequest("Sorting or filtering by date took too long on this many flags: narrow it with another filter first")
    ids = [row["id"] for row in page[:size]]
    details = (await db.execute(
        f"select {FLAG_SELECT} {FLAG_FROM} where c.id in (select value from json_each(:ids))",
        {"ids": json.dumps(ids)},
    )).rows
    by_id = {row["id"]: row for row in details}
    flags = [_flag(by_id[id], urls) for id in ids if id in by_id]
    next_token = None
    if len(page) > size:
        key, id = page[size - 1]["sort_key"], page[size - 1]["id"]
        next_token = f"{tilde_encode('' if key is None else str(key))},{tilde_encode(id)}"

    entities = (await db.execute("select id, name from entities order by name limit 1000")).rows
    data = {
        "database": db.name,
        "filters": args,
        "sort": sort,
        "sort_desc": descending,
        "counts": counts,
        "rows": flags,
        "next": next_token,
        "next_url": page_url(request, as_json=True, _next=next_token) if next_token else None,
    }
    return await _render(
        datasette, request, "factcheck_index.html", data,
        database=db.name, pages=urls, kinds=KINDS, relations=RELATIONS, statuses=STATUSES,
        entities=[dict(row) for row in entities],
        next_page=page_url(request, _next=next_token) if next_token else None,
        facet_url=lambda key, value: path_with_replaced_args(request, {key: value, "_next": None}),
        sort_url=lambda sort, desc: path_with_replaced_args(
            request, {"_sort": None if desc else sort, "_sort_desc": sort if desc else None, "_next": None}
        ),
    )


# Contradiction detail and review


async def _load_flag(db, urls, id):
    rows = (await db.execute(f"select {FLAG_SELECT} {FLAG_FROM} where c.id = :id", {"id": id})).rows
    if not rows:
        raise NotFound(f"Contradiction not found: {id}")
    return _flag(rows[0], urls)


async def contradiction(datasette, request):
    db = await _database(datasette, request)
    urls = Urls(datasette, db)
    id = tilde_decode(request.url_vars["id"])
    if request.method == "POST":
        return await _post_review(datasette, request, db, urls, id)
    flag = await _load_flag(db, urls, id)
    flag["reviews"] = await review.history(db, id)
    flag["sql_url"] = urls.query("contradiction_evidence", id=id)
    flag["sql"] = QUERIES["contradiction_evidence"]["sql"]
    can_review = db.is_mutable and await compat.can_review(datasette, request.actor, db.name)
    return await _render(
        datasette, request, "factcheck_contradiction.html", flag,
        database=db.name, pages=urls, flag=flag, can_review=can_review, mutable=db.is_mutable,
    )


async def _post_review(datasette, request, db, urls, id):
    wants_json = (
        request.url_vars.get("format") == "json"
        or "application/json" in request.headers.get("accept", "")
    )
    if not db.is_mutable:
        raise Forbidden("This database is immutable: it cannot be reviewed")
    if not await compat.can_review(datasette, request.actor, db.name):
        raise Forbidden("You do not have permission to review contradictions (factcheck-review)")
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            data = json.loads(await request.post_body())
        except ValueError:
            raise BadRequest("Invalid JSON")
        data = data if isinstance(data, dict) else {}
    else:
        data = await request.post_vars()
    try:
        verdict, note = review.validate(data)
    except review.InvalidReview as ex:
        raise BadRequest(str(ex))
    if not (await db.execute("select 1 from contradictions where id = ?", [id])).rows:
        raise NotFound(f"Contradiction not found: {id}")
    entry = await review.record(db, id, (request.actor or {}).get("id"), verdict, note)
    if wants_json:
        return Response.json({"ok": True, "status": verdict, "review": entry})
    datasette.add_message(request, f"Marked as {verdict}", datasette.INFO)
    return Response.redirect(urls.contradiction(id))


# Entity timeline


def _day(value):
    """The date an ISO string starts with (a year or month means its first day), or None."""
    if not value:
        return None
    for length, suffix in ((10, ""), (7, "-01"), (4, "-01-01")):
        try:
            return datetime.date.fromisoformat(value[:length] + suffix)
        except ValueError:
            continue
    return None


def timeline_chart(claims, flags):
    """Layout of the entity timeline SVG: a lane per (kind, predicate) with time
    across; within a lane, points go into rows so that no two labels overlap."""
    dated = [claim for claim in claims if _day(claim["date"])]
    if not dated:
        return None
    first, last = min(_day(claim["date"]) for claim in dated), max(_day(claim["date"]) for claim in dated)
    if first == last:
        first, last = first - datetime.timedelta(days=1), last + datetime.timedelta(days=1)
    left, width, top, row_height, label_width = 230, 620, 40, 20, 80
    span = (last - first).days

    def x(day):
        return round(left + 16 + (day - first).days / span * (width - 32), 1)

    by_lane = {}
    for claim in sorted(dated, key=lambda claim: (claim["kind"] != "stance", claim["predicate"] or "", claim["date"])):
        by_lane.setdefault((claim["kind"], claim["predicate"] or ""), []).append(claim)
    lanes, points, positions, y = [], [], {}, top
    for (kind, predicate), lane_claims in by_lane.items():
        row_free_at = []
        for claim in lane_claims:
            px = x(_day(claim["date"]))
            row = next((i for i, free_at in enumerate(row_free_at) if px >= free_at), len(row_free_at))
            row_free_at[row:row + 1] = [px + label_width]
            py = y + 14 + row * row_height
            positions[claim["id"]] = (px, py)
            points.append({
                "x": px, "y": py,
                "css": f"stance-{claim['value']}" if kind == "stance" else "number",
                "label": claim["value"] if kind == "stance" else _number(claim),
                "title": f"{claim['date']} · {claim['source'] or 'unknown source'}: {claim['value']}",
                "href": claim["page"],
            })
        height = len(row_free_at) * row_height + 8
        label = f"{kind}: {predicate}"
        lanes.append({
            "y": y, "height": height, "label_y": y + 18, "title": label,
            "label": label if len(label) <= 36 else label[:35] + "…",
        })
        y += height + 6
    links = []
    for flag in flags:
        if flag["claim_a"] in positions and flag["claim_b"] in positions:
            (x1, y1), (x2, y2) = positions[flag["claim_a"]], positions[flag["claim_b"]]
            # Bend every link into an arc so it stays visible along a lane or between stacked points.
            bend = (min(x1, x2) - 24, (y1 + y2) / 2) if abs(x2 - x1) < 30 else ((x1 + x2) / 2, min(y1, y2) - 26)
            links.append({
                "path": f"M{x1},{y1} Q{bend[0]},{bend[1]} {x2},{y2}",
                "relation": flag["relation"], "title": flag["explanation"] or flag["relation"],
                "href": flag["page"],
            })
    ticks = [first + datetime.timedelta(days=round(span * i / 4)) for i in range(5)]
    return {
        "width": left + width + 90, "height": y + 30, "axis_y": y + 4,
        "left": left, "right": left + width, "lanes": lanes, "points": points, "links": links,
        "ticks": [{"x": x(day), "label": day.isoformat()} for day in ticks],
    }


def _number(claim):
    value = claim["value_num"]
    if value is None:
        return claim["value"]
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


async def entity(datasette, request):
    db = await _database(datasette, request)
    urls = Urls(datasette, db)
    id = tilde_decode(request.url_vars["id"])
    rows = (await db.execute("select id, name, kind from entities where id = ?", [id])).rows
    if not rows:
        raise NotFound(f"Entity not found: {id}")
    info = dict(rows[0])
    info["aliases"] = [
        row[0] for row in (await db.execute(
            "select alias from entity_aliases where entity_id = ? order by alias", [id]
        )).rows
    ]
    # the first TIMELINE_LIMIT claims in time order, read along the (subject, as_of)
    # index, and only their flags: bounded however much is said about the entity
    claims = (await db.execute(
        f"""select {', '.join(_columns('cl', CLAIM_COLUMNS, ''))}, coalesce(cl.as_of, a.published) as date,
          {', '.join(_columns('a', ARTICLE_COLUMNS, 'article_'))}
        from claims cl join articles a on a.id = cl.article_id
        where cl.subject = :id and cl.kind in ('stance', 'number')
        order by cl.as_of, cl.id limit {TIMELINE_LIMIT + 1}""",
        {"id": id},
    )).rows
    shown = json.dumps([row["id"] for row in claims[:TIMELINE_LIMIT]])
    flags = (await db.execute(
        """select id, claim_a, claim_b, kind, relation, status, explanation from contradictions
        where claim_a in (select value from json_each(:shown)) or claim_b in (select value from json_each(:shown))
        order by id""",
        {"shown": shown},
    )).rows
    flags = [dict(row, page=urls.contradiction(row["id"])) for row in flags]
    flags_by_claim = {}
    for flag in flags:
        flags_by_claim.setdefault(flag["claim_a"], []).append(flag)
        flags_by_claim.setdefault(flag["claim_b"], []).append(flag)
    timeline = []
    for row in claims[:TIMELINE_LIMIT]:
        claim = {column: row[column] for column in CLAIM_COLUMNS}
        claim["date"] = row["date"]
        claim["evidence"] = evidence(claim["sentence"], claim["start"], claim["end"], claim["sentence_start"])
        claim["article"] = _article(row, "article_", urls)
        claim["source"] = claim["article"]["source"]
        claim["page"] = f"{claim['article']['page']}#claim-{claim['id']}"
        claim["flags"] = [
            {key: flag[key] for key in ("id", "relation", "kind", "status", "page")}
            for flag in flags_by_claim.get(claim["id"], [])
        ]
        timeline.append(claim)
    data = dict(info, claims=timeline, contradictions=flags, truncated=len(claims) > TIMELINE_LIMIT)
    return await _render(
        datasette, request, "factcheck_entity.html", data,
        database=db.name, pages=urls, entity=data, chart=timeline_chart(timeline, flags),
    )


# Article


def _segments(text, claims):
    """The article text cut into plain and claim-highlighted pieces (overlapping claims skipped)."""
    segments, position = [], 0
    for claim in sorted(claims, key=lambda claim: (claim["start"] or 0, -(claim["end"] or 0))):
        start, end = claim["start"], claim["end"]
        if start is None or end is None or start < position or end > len(text) or start >= end:
            continue
        segments.append({"text": text[position:start], "claim": None})
        segments.append({"text": text[start:end], "claim": claim})
        position = end
    segments.append({"text": text[position:], "claim": None})
    return [segment for segment in segments if segment["text"]]


async def article(datasette, request):
    db = await _database(datasette, request)
    urls = Urls(datasette, db)
    id = tilde_decode(request.url_vars["id"])
    rows = (await db.execute(
        f"select {', '.join(ARTICLE_COLUMNS)}, path, text, duplicate_of from articles where id = ?", [id]
    )).rows
    if not rows:
        raise NotFound(f"Article not found: {id}")
    info = _with_links(dict(rows[0]), urls)
    claims = [
        dict(row) for row in (await db.execute(
            f"""select {', '.join(_columns('cl', CLAIM_COLUMNS, ''))}, e.name as subject_name
            from claims cl left join entities e on e.id = cl.subject
            where cl.article_id = ? order by cl.start, cl.id""",
            [id],
        )).rows
    ]
    mine = "select id from claims where article_id = :id"
    flags = [
        _flag(row, urls) for row in (await db.execute(
            f"select {FLAG_SELECT} {FLAG_FROM} where c.claim_a in ({mine}) or c.claim_b in ({mine}) "
            "order by c.score desc, c.id",
            {"id": id},
        )).rows
    ]
    flagged = {flag[side]["claim"]["id"] for flag in flags for side in "ab"}
    for claim in claims:
        claim["flagged"] = claim["id"] in flagged
        claim["evidence"] = evidence(claim["sentence"], claim["start"], claim["end"], claim["sentence_start"])
        claim["entity_page"] = urls.entity(claim["subject"]) if claim["subject"] else None
    related = (await db.execute(
        "select id, ref, title, source, url, published, duplicate_of from articles "
        "where duplicate_of = :id or id = :original order by published, id",
        {"id": id, "original": info["duplicate_of"]},
    )).rows
    related = [_with_links(dict(row), urls) for row in related]
    data = dict(
        info, claims=claims, contradictions=flags,
        duplicates=[row for row in related if row["duplicate_of"] == id],
        original=next((row for row in related if row["id"] == info["duplicate_of"]), None),
    )
    return await _render(
        datasette, request, "factcheck_article.html", data,
        database=db.name, pages=urls, article=data, segments=_segments(info["text"] or "", claims),
    )


ROUTES = [
    (r"^/-/factcheck/(?P<database>[^/]+?)(\.(?P<format>json))?$", index),
    (r"^/-/factcheck/(?P<database>[^/]+)/contradiction/(?P<id>[^/]+?)(\.(?P<format>json))?$", contradiction),
    (r"^/-/factcheck/(?P<database>[^/]+)/entity/(?P<id>[^/]+?)(\.(?P<format>json))?$", entity),
    (r"^/-/factcheck/(?P<database>[^/]+)/article/(?P<id>[^/]+?)(\.(?P<format>json))?$", article),
]


# Datasette's own table pages


# The tables render_cell touches, recognised by name and columns.
ROW_SHAPES = {
    "claims": {"id", "article_id", "kind", "predicate", "value"},
    "contradictions": {"id", "claim_a", "claim_b", "relation"},
    "articles": {"id", "ref", "duplicate_of"},
    "entities": {"id", "name", "kind"},
}


def render_cell(row, value, column, table, database, datasette):
    """Stances, statuses and evidence made readable; ids, titles and names linked to our pages.

    (A table page shows its id column as the link to the row page; our id links show on row pages.)
    """
    if value is None or table not in ROW_SHAPES or not ROW_SHAPES[table] <= set(row.keys()):
        return None
    urls = Urls(datasette, datasette.get_database(database))

    def link(href, text, css=""):
        return Markup('<a href="{}"{}>{}</a>').format(href, Markup(f' class="{css}"') if css else "", text)

    if table == "claims":
        if column == "value" and row["kind"] == "stance" and value in STANCES:
            return Markup('<span class="factcheck-stance factcheck-stance-{}">{}</span>').format(value, STANCES[value])
        if column == "sentence" and {"start", "end", "sentence_start"} <= set(row.keys()):
            parts = evidence(value, row["start"], row["end"], row["sentence_start"])
            if parts["text"]:
                return Markup("{}<mark>{}</mark>{}").format(parts["before"], parts["text"], parts["after"])
        if column == "id":
            return link(f"{urls.article(compat.plain(row['article_id']))}#claim-{value}", value)
    elif table == "contradictions":
        if column == "id":
            return link(urls.contradiction(value), value)
        if column == "status" and value in STATUSES:
            return link(urls.contradiction(row["id"]), value, f"factcheck-status factcheck-status-{value}")
    elif table == "articles" and column in ("id", "title"):
        return link(urls.article(row["id"]), value)
    elif table == "entities" and column in ("id", "name"):
        return link(urls.entity(row["id"]), value)
    return None
