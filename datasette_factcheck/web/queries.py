"""Canned queries a journalist needs, published on every factcheck database.

Parameters left empty mean "all". Each query is documented in the README ("Published queries").
"""

# An entity given by id, name or any alias (case-insensitive); '' matches every entity.
_ENTITY_MATCHES = """(:entity = ''
    or e.id = :entity
    or e.name = :entity collate nocase
    or e.id in (select entity_id from entity_aliases where alias = :entity collate nocase))"""


def _html(expr):
    """SQL for the text of ``expr`` escaped for HTML ('' when null): feed content is HTML."""
    escaped = f"coalesce({expr}, '')"
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("''", "&#39;")):
        escaped = f"replace({escaped}, '{char}', '{entity}')"
    return escaped


def _atom_time(expr):
    """SQL for an ISO date or datetime (a year or month too) as the UTC timestamp Atom requires."""
    return (
        f"coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', {expr}), strftime('%Y-%m-%dT%H:%M:%SZ', {expr} || '-01'), "
        f"strftime('%Y-%m-%dT%H:%M:%SZ', {expr} || '-01-01'))"
    )


def _side_html(claim, article):
    """One side of a flag as an HTML list item: outlet, date, value, the sentence, a link to an http(s) article."""
    outlet = _html(f"coalesce({article}.source, {article}.title, {article}.id)")
    date = _html(f"coalesce({claim}.as_of, {article}.published, 'date unknown')")
    url = f"{article}.url"
    link = f"""case when {url} like 'http://%' or {url} like 'https://%'
      then ' <a href="' || {_html(url)} || '">article</a>' else '' end"""
    return (
        f"'<li><b>' || {outlet} || '</b>, ' || {date} || ': ' || {_html(claim + '.value')}"
        f" || ' &#8212; &#8220;' || {_html(claim + '.sentence')} || '&#8221;' || {link} || '</li>'"
    )


QUERIES = {
    "open_conflicts_by_entity": {
        "title": "Open conflicts by entity",
        "description": (
            "Flags nobody has reviewed yet where sources disagree at the same time, "
            "grouped by the entity they are about. Leave entity empty for all; "
            "any alias works (Korut, Pyongyang, North Korea)."
        ),
        "sql": f"""select
  e.name as entity, c.kind, c.id as contradiction, c.explanation,
  aa.source as source_a, ca.value as value_a, coalesce(ca.as_of, aa.published) as date_a,
  ab.source as source_b, cb.value as value_b, coalesce(cb.as_of, ab.published) as date_b,
  c.score
from contradictions c
join claims ca on ca.id = c.claim_a
join claims cb on cb.id = c.claim_b
join articles aa on aa.id = ca.article_id
join articles ab on ab.id = cb.article_id
join entities e on e.id = coalesce(ca.subject, cb.subject)
where c.status = 'open' and c.relation = 'conflict'
  and {_ENTITY_MATCHES}
order by e.name, c.score desc""",
    },
    "open_conflicts_feed": {
        "title": "New open conflicts (feed)",
        "description": (
            "Open conflicts, newest first, shaped for datasette-atom: subscribe to "
            "/DB/open_conflicts_feed.atom, or ?entity=... for one entity (any alias)."
        ),
        # atom_updated: the later side's date; a flag of unknown time, the last day of its event
        "sql": f"""select
  'urn:datasette-factcheck:contradiction:' || c.id as atom_id,
  upper(substr(c.kind, 1, 1)) || substr(c.kind, 2) || ' conflict' || coalesce(', ' || e.name, '') || ': '
    || ca.value || ' (' || coalesce(aa.source, aa.title, aa.id) || ') vs '
    || cb.value || ' (' || coalesce(ab.source, ab.title, ab.id) || ')' as atom_title,
  coalesce({_atom_time("max(coalesce(ca.as_of, aa.published, cb.as_of, ab.published), "
                       "coalesce(cb.as_of, ab.published, ca.as_of, aa.published))")},
           {_atom_time("(select last from events where id = coalesce(ca.event, cb.event))")},
           '1970-01-01T00:00:00Z') as atom_updated,
  '<p>' || {_html("c.explanation")} || '</p><ul>' || {_side_html("ca", "aa")} || {_side_html("cb", "ab")}
    || '</ul>' as atom_content_html,
  '-/factcheck/contradiction/' || c.id as atom_link,
  c.id as contradiction, c.kind, e.name as entity, c.score
from contradictions c
join claims ca on ca.id = c.claim_a
join claims cb on cb.id = c.claim_b
join articles aa on aa.id = ca.article_id
join articles ab on ab.id = cb.article_id
left join entities e on e.id = coalesce(ca.subject, cb.subject)
where c.status = 'open' and c.relation = 'conflict'
  and {_ENTITY_MATCHES}
order by atom_updated desc, c.score desc
limit 100""",
    },
    "stance_history": {
        "title": "Stance history of an actor",
        "description": (
            "Every stance an actor was reported to hold, proposition by proposition, "
            "in date order, with the outlet and the sentence it came from."
        ),
        "sql": f"""select
  coalesce(cl.as_of, a.published) as date, e.name as actor, cl.predicate as proposition,
  cl.value as stance, a.source, a.title, cl.sentence, cl.id as claim
from claims cl
join entities e on e.id = cl.subject
join articles a on a.id = cl.article_id
where cl.kind = 'stance'
  and {_ENTITY_MATCHES}
order by e.name, cl.predicate, date""",
    },
    "numbers_by_slot": {
        "title": "Numbers that disagree, per slot",
        "description": (
            "For each thing counted (a slot: same subject, same quantity, same event), "
            "the distinct figures the outlets gave, with source and date."
        ),
        "sql": """with flagged as (
  select coalesce(slot, '') as slot, claim_a as claim from contradictions where kind = 'number'
  union
  select coalesce(slot, '') as slot, claim_b as claim from contradictions where kind = 'number'
)
select
  f.slot, cl.predicate, e.name as subject,
  count(distinct cl.value) as distinct_values,
  min(cl.value_num) as lowest, max(cl.value_num) as highest,
  group_concat(cl.value || ' (' || coalesce(a.source, a.id) || ', '
    || coalesce(cl.as_of, a.published, 'undated') || ')', '; ') as figures
from flagged f
join claims cl on cl.id = f.claim
join articles a on a.id = cl.article_id
left join entities e on e.id = cl.subject
group by f.slot, cl.predicate, e.name
order by distinct_values desc, highest - lowest desc""",
    },
    "flags_by_outlet_pair": {
        "title": "Flags per pair of outlets",
        "description": (
            "Which outlets contradict each other most often, split into conflicts and " "changes and by review status."
        ),
        "sql": """select
  min(coalesce(aa.source, '(unknown)'), coalesce(ab.source, '(unknown)')) as outlet_1,
  max(coalesce(aa.source, '(unknown)'), coalesce(ab.source, '(unknown)')) as outlet_2,
  count(*) as flags,
  sum(c.relation = 'conflict') as conflicts,
  sum(c.relation = 'change') as changes,
  sum(c.status = 'open') as open,
  sum(c.status = 'confirmed') as confirmed,
  sum(c.status = 'dismissed') as dismissed
from contradictions c
join articles aa on aa.id = c.article_a
join articles ab on ab.id = c.article_b
group by outlet_1, outlet_2
order by flags desc""",
    },
    "reviewed_flags": {
        "title": "Reviewed flags with verdicts",
        "description": (
            "Every flag a reviewer has looked at, with the latest verdict, who gave it, "
            "when, their note and how many reviews the flag has had."
        ),
        "sql": """select
  r.created as reviewed, r.actor as reviewer, r.verdict, r.note,
  c.id as contradiction, c.kind, c.relation, c.explanation,
  (select count(*) from reviews r2 where r2.contradiction_id = c.id) as reviews
from reviews r
join contradictions c on c.id = r.contradiction_id
where r.id = (select max(id) from reviews where contradiction_id = r.contradiction_id)
order by r.created desc""",
    },
    "contradiction_evidence": {
        "title": "Evidence for one flag",
        "description": (
            "The two claims behind a flag: who, what, which value, when, which outlet, "
            "the sentence and the exact evidence cut from the article text."
        ),
        "sql": """select
  c.id as contradiction, c.kind, c.relation, c.status, c.explanation,
  cl.id as claim, e.name as subject, cl.predicate, cl.value, cl.as_of,
  a.source, a.published, a.url, a.title, cl.sentence,
  substr(a.text, cl.start + 1, cl."end" - cl.start) as evidence
from contradictions c
join claims cl on cl.id in (c.claim_a, c.claim_b)
join articles a on a.id = cl.article_id
left join entities e on e.id = cl.subject
where c.id = :id
order by cl.id = c.claim_b""",
    },
}


async def is_factcheck_database(db):
    return await db.table_exists("contradictions")


async def for_database(datasette, database):
    """The canned queries for one database, or None when it holds no factcheck data."""
    if database == "_internal" or not await is_factcheck_database(datasette.get_database(database)):
        return None
    return QUERIES
