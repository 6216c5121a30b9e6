"""render_cell for Datasette's own table and row pages of the factcheck tables."""

from markupsafe import Markup

from ..model import STANCE_SYMBOLS, STATUSES
from . import compat
from .evidence import evidence
from .url_builder import Urls

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
        if column == "value" and row["kind"] == "stance" and value in STANCE_SYMBOLS:
            return Markup('<span class="factcheck-stance factcheck-stance-{}">{} {}</span>').format(
                value, STANCE_SYMBOLS[value], value
            )
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
