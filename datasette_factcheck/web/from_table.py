"""A Datasette table's rows as articles, stored and detected by the load's own
library calls, so fact-checking a table gives the claims and flags
``datasette factcheck load`` gives for the same records.

A row becomes the record a reader yields (``text``, ``title``, ``url``,
``published``, ``source``) and ``read.article`` fills in its metadata, as for
a JSONL line. Its ``path`` is the table's URL and its ``ref`` its primary key, so
a row whose text changed replaces its old article on the next run, and a row
stored already is left alone. Runs in Datasette's write thread, on its own
connection (``store.open_db``), never on Datasette's.
"""

import dataclasses
from typing import Any, NamedTuple, Optional

from datasette.utils import path_from_row_pks

from .. import pipeline, plugins, read, store
from ..detect.compare import DEFAULT_WINDOW_DAYS
from ..store.articles import Loader
from ..store.schema import SCHEMA
from . import compat

FIELDS = ("text", "title", "url", "published", "source")  # the article fields a column may fill
OURS = set(SCHEMA) | {"_migrations", "article_sketches"}  # the tables a load writes


@dataclasses.dataclass
class Columns:
    """Which column of the table holds each article field (None: no column)."""

    text: str
    title: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    source: Optional[str] = None

    @classmethod
    def from_config(cls, config):
        """From an enrichment's config: ``text_column``, ``title_column``, ... ('' for none)."""
        return cls(**{field: config.get(f"{field}_column") or None for field in FIELDS})

    def record(self, row):
        """The record a reader would yield for this row."""
        return {field: row.get(column) for field, column in dataclasses.asdict(self).items() if column}


class RowError(NamedTuple):
    """A row that could not be stored: its primary key value(s) and why."""

    pk: Any
    reason: str


class Row(NamedTuple):
    """A row read as an article."""

    pk: Any
    article: dict


def clash(table, table_names):
    """Why this table cannot be fact-checked in its database, or None: it is
    one of the tables a load writes, or the database holds a table of that
    name that is not ours (a load would write into the user's table)."""
    if table in OURS:
        return f"{table} is one of the tables datasette-factcheck writes: choose the table holding your articles"
    if "contradictions" not in table_names:
        theirs = sorted(OURS & set(table_names))
        if theirs:
            return f"this database has its own {', '.join(theirs)} table: datasette-factcheck would write into it"
    return None


def articles(rows, pks, columns, path):
    """(Rows, RowErrors) for rows of a table: each row's article as
    ``read.article`` makes it from a record."""
    found, errors = [], []
    for row in rows:
        pk = row[pks[0]] if len(pks) == 1 else tuple(row[k] for k in pks)
        record = columns.record(row)
        if not str(record.get("text") or "").strip():
            errors.append(RowError(pk, f"no text in column {columns.text}"))
            continue
        try:
            found.append(Row(pk, read.article(record, path, _ref(row, pks))))
        except Exception as e:  # one row's metadata, not the table
            errors.append(RowError(pk, f"{type(e).__name__}: {e}"))
    return found, errors


def _ref(row, pks):
    """A row's own name: its primary key (as a record's id is its ref), a
    compound key as it is written in the row's URL."""
    return str(row[pks[0]]) if len(pks) == 1 else path_from_row_pks(row, pks, use_rowid=False)


def store_articles(db_path, found, plugins_config, datasette=None):
    """Store the Rows' articles with their claims, one transaction each (an
    unchanged one is left as it is); detection waits for ``detect``. Returns
    the RowErrors."""
    plugins.configure(plugins_config, datasette)
    db = store.open_db(db_path)
    errors = []
    try:
        loader = Loader(db)
        for row in found:
            try:
                loader.store(row.article)
            except Exception as e:  # built-in or plugin code, or SQLite: this row's error
                errors.append(RowError(row.pk, f"could not store: {type(e).__name__}: {e}"))
    finally:
        db.conn.close()
    return errors


def detect(db_path, window_days, plugins_config, datasette=None):
    """The end of a load with no more inputs: re-read articles whose lexicons
    changed, then detect in every slot stored articles touched (``LoadReport``)."""
    plugins.configure(plugins_config, datasette)
    db = store.open_db(db_path)
    try:
        return pipeline.load(db, [], window_days=window_days)
    finally:
        db.conn.close()


async def store_rows(datasette, db, table, rows, pks, columns):
    """Store these rows of ``table`` as articles, in Datasette's write thread; the RowErrors."""
    config = compat.plugins_config(datasette)
    found, errors = articles(rows, pks, columns, datasette.urls.table(db.name, table))
    return errors + await compat.in_write_thread(db, lambda: store_articles(db.path, found, config, datasette))


async def finish(datasette, db, window_days=DEFAULT_WINDOW_DAYS):
    """Detect what the stored rows touched (``LoadReport``), in Datasette's write thread."""
    config = compat.plugins_config(datasette)
    report = await compat.in_write_thread(db, lambda: detect(db.path, window_days, config, datasette))
    await compat.store_queries(datasette)  # 1.0a: the queries of a database that just became a factcheck one
    return report
