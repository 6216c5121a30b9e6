"""The rows the pages read: their SQL column lists, and the dicts templates and JSON get.

A flag comes with both claims, their articles and subjects in one SELECT
(FLAG_SELECT FLAG_FROM), so no page runs a query per flag.
"""

from .evidence import evidence
from .url_builder import safe_url

CLAIM_COLUMNS = (
    "id",
    "kind",
    "subject",
    "predicate",
    "value",
    "value_num",
    "qualifier",
    "as_of",
    "as_of_source",
    "sentence",
    "start",
    "end",
    "sentence_start",
    "cue",
    "speaker",
)
ARTICLE_COLUMNS = ("id", "ref", "title", "source", "url", "published", "language", "author")


def columns(alias, names, prefix):
    return [f'{alias}."{name}" as {prefix}{name}' for name in names]


# The date a flag is about: the later of its claims' as_of dates, falling back to
# publication dates ('' when neither is known). Needs CLAIMS_JOIN.
DATE_SQL = (
    "max(coalesce(ca.as_of, (select published from articles where id = ca.article_id), ''), "
    "coalesce(cb.as_of, (select published from articles where id = cb.article_id), ''))"
)
CLAIMS_JOIN = "join claims ca on ca.id = c.claim_a join claims cb on cb.id = c.claim_b"
FLAG_SELECT = ", ".join(
    ["c.id", "c.kind", "c.relation", "c.status", "c.score", "c.explanation", "c.slot", "c.rule", f"{DATE_SQL} as date"]
    + columns("ca", CLAIM_COLUMNS, "a_claim_")
    + columns("aa", ARTICLE_COLUMNS, "a_article_")
    + ["ea.name as a_subject_name", "sa.name as a_speaker_name"]
    + columns("cb", CLAIM_COLUMNS, "b_claim_")
    + columns("ab", ARTICLE_COLUMNS, "b_article_")
    + ["eb.name as b_subject_name", "sb.name as b_speaker_name"]
)
FLAG_FROM = f"""from contradictions c {CLAIMS_JOIN}
join articles aa on aa.id = ca.article_id
join articles ab on ab.id = cb.article_id
left join entities ea on ea.id = ca.subject
left join entities eb on eb.id = cb.subject
left join entities sa on sa.id = ca.speaker
left join entities sb on sb.id = cb.speaker"""


def _claim(row, prefix, subject_name=None):
    claim = {column: row[prefix + column] for column in CLAIM_COLUMNS}
    claim["subject_name"] = subject_name
    claim["evidence"] = evidence(claim["sentence"], claim["start"], claim["end"], claim["sentence_start"])
    return claim


def article(row, prefix, urls):
    article = {column: row[prefix + column] for column in ARTICLE_COLUMNS}
    return with_links(article, urls)


def with_links(article, urls):
    article["link"] = safe_url(article.get("url"))
    article["page"] = urls.article(article["id"])
    article["label"] = article.get("title") or article.get("ref") or article["id"]
    return article


def flag(row, urls):
    """A contradictions row with both sides, shaped for templates and JSON."""
    flag = {
        key: row[key] for key in ("id", "kind", "relation", "status", "score", "explanation", "slot", "rule", "date")
    }
    flag["page"] = urls.contradiction(row["id"])
    for side in "ab":
        side_article = article(row, f"{side}_article_", urls)
        claim = _claim(row, f"{side}_claim_", row[f"{side}_subject_name"])
        claim["speaker_name"] = row[f"{side}_speaker_name"]
        claim["date"] = claim["as_of"] or side_article["published"]
        claim["page"] = f"{side_article['page']}#claim-{claim['id']}"
        claim["entity_page"] = urls.entity(claim["subject"]) if claim["subject"] else None
        flag[side] = {"claim": claim, "article": side_article}
    return flag
