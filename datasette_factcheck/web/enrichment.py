"""The "Fact-check claims" enrichment (datasette-enrichments): fact-check any
table from Datasette's table page, no command line.

The user picks which columns hold the text, title, URL, date and outlet;
each batch of rows is stored as articles with their claims
(``from_table.store_rows``) and, once every row is in, detection runs over
what they touched (``from_table.finish``): the claims and flags
``datasette factcheck load`` gives for the same records. A re-run stores
only the rows that are new or changed. A job stopped part way leaves its
stored rows undetected; the next run, load or detect picks them up.

Imported only by our ``register_enrichments`` hook, which only
datasette-enrichments calls: the package never needs it.
"""

from datasette_enrichments import Enrichment
from wtforms import Form, IntegerField, SelectField
from wtforms.validators import InputRequired, NumberRange, ValidationError

from ..detect.compare import DEFAULT_WINDOW_DAYS
from ..read.formats import FIELDS as NAMES
from . import from_table

LABELS = {"text": "Text", "title": "Title", "url": "URL", "published": "Date", "source": "Outlet"}


class FactCheck(Enrichment):
    name = "Fact-check claims"
    slug = "factcheck"
    description = (
        "Store each row as a news article, extract its number, date and stance claims, "
        "and flag where the articles contradict each other (datasette-factcheck)."
    )

    async def get_config_form(self, datasette, db, table):
        columns = await db.table_columns(table)
        problem = from_table.clash(table, await db.table_names())
        if not db.is_mutable or not db.path:
            problem = problem or "datasette-factcheck needs a mutable database file to store its tables in"

        def check(form, field):
            if problem:
                raise ValidationError(problem)

        fields = {
            f"{field}_column": SelectField(
                LABELS[field],
                choices=([] if field == "text" else [""]) + columns,  # plain strings: every WTForms reads them alike
                default=_guess(field, columns),
                validators=[InputRequired(), check] if field == "text" else [],
                description=(
                    "The article's body text (required)"
                    if field == "text"
                    else "Leave empty when the table has no such column"
                ),
            )
            for field in from_table.FIELDS
        }
        fields["window_days"] = IntegerField(
            "Window (days)",
            default=DEFAULT_WINDOW_DAYS,
            validators=[InputRequired(), NumberRange(min=0)],
            description="Claims at most this many days apart are a conflict; further apart, a change.",
        )
        return type("FactCheckForm", (Form,), fields)

    async def enrich_batch(self, datasette, db, table, rows, pks, config, job_id):
        errors = await from_table.store_rows(datasette, db, table, rows, pks, from_table.Columns.from_config(config))
        for error in errors:
            await self.log_error(db, job_id, [error.pk], error.reason)
        return len(rows) - len(errors)

    async def finalize(self, datasette, db, table, config):
        await from_table.finish(datasette, db, config.get("window_days", DEFAULT_WINDOW_DAYS))


def _guess(field, columns):
    """The column a reader would take for this field (``body`` for text, ``link`` for url), or none."""
    lowered = {c.lower(): c for c in columns}
    return next((lowered[name] for name in NAMES[field] if name in lowered), "")
