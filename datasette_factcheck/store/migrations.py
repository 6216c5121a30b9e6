"""Named, recorded schema migrations: each database says in ``_migrations``
which steps it has had, so a change to the layout is one new function here
instead of guessing from what the file holds on every open.

Migrations run in the order they are registered with ``@migration``, once
each, every one in its own transaction. The first four create the layout
of ``schema``; databases made before migrations were recorded (no
``_migrations`` table) hold some or all of it, so those four add only what
is missing and are then recorded like on a new file.
"""

import copy
import datetime

from .. import store
from .schema import ACCOUNTS_INDEXES, INDEXES, SCHEMA, SEARCHED, SKETCHES, fts_triggers

# The layout m001 creates, frozen as it was when m001 was written: later
# tables and columns come from their own migrations (m005 on), so a new
# database and a migrated one end the same.
M001_SCHEMA = copy.deepcopy(
    {name: spec for name, spec in SCHEMA.items() if name not in ("events", "contradiction_claims", "entity_merges")}
)
M001_SCHEMA["claims"]["columns"].pop("event")
M001_SCHEMA["claims"]["columns"].pop("resolved_from")
M001_SCHEMA["claims"]["columns"].pop("speaker")
M001_SCHEMA["entity_aliases"]["columns"].pop("resolved_from")

MIGRATIONS = {}


def migration(fn):
    """Register ``fn(db)`` as the next migration, under its function's name
    (what ``_migrations`` records, so a name must never change)."""
    if fn.__name__ in MIGRATIONS:
        raise ValueError(f"migration {fn.__name__} is registered already")
    MIGRATIONS[fn.__name__] = fn
    return fn


def migrate(db):
    """Apply the migrations this database has not had. Another process may
    be migrating the same file (two loads started on one new database): each
    migration takes the write lock (BEGIN IMMEDIATE) and looks again at what
    is recorded before it runs, so the one that waited skips what the other
    did. A database that is up to date is only read, never locked."""
    if set(MIGRATIONS) <= applied(db):
        return
    for name, fn in MIGRATIONS.items():
        with store.transaction(db):
            db.execute("create table if not exists _migrations (name text primary key, applied_at text not null)")
            if name in applied(db):
                continue
            fn(db)
            db.execute(
                "insert into _migrations (name, applied_at) values (?, ?)",
                [name, datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")],
            )


def applied(db):
    """The names of the migrations recorded as applied."""
    if not db["_migrations"].exists():
        return set()
    return {name for (name,) in db.execute("select name from _migrations")}


@migration
def m001_tables(db):
    """The tables, with their keys, foreign keys, not-nulls and defaults; to a
    table an older version made, the columns added since."""
    for name, spec in M001_SCHEMA.items():
        table = db[name]
        if not table.exists():
            table.create(
                spec["columns"],
                pk=spec["pk"],
                foreign_keys=spec.get("foreign_keys"),
                not_null=spec.get("not_null"),
                defaults=spec.get("defaults"),
            )
            continue
        have = table.columns_dict
        for column, col_type in spec["columns"].items():
            if column not in have:
                table.add_column(column, col_type)


@migration
def m002_indexes(db):
    """The indexes loads, detection and the web pages look rows up by."""
    for name, columns in INDEXES:
        db[name].create_index(columns, if_not_exists=True)


@migration
def m003_search(db):
    """Full-text indexes of articles and claims, with our triggers in place of
    the ones sqlite-utils makes (which older databases have)."""
    for table, columns in SEARCHED.items():
        if not db[table].detect_fts():
            db[table].enable_fts(columns, tokenize="unicode61")
        fts_triggers(db, table)


@migration
def m004_article_sketches(db):
    """The near-duplicate sketches, WITHOUT ROWID (``schema.SKETCHES``). A
    table of the earlier layout (a rowid table keyed by article) is
    converted, its sketches kept."""
    columns = db["article_sketches"].columns_dict if db["article_sketches"].exists() else {}
    if "seq" in columns:
        return
    db.execute(SKETCHES.replace("article_sketches", "article_sketches_new", 1))
    if columns:
        db.execute(
            "insert or ignore into article_sketches_new (hash, seq, article_id) "
            "select s.hash, -a.rowid, s.article_id from article_sketches s join articles a on a.id = s.article_id"
        )
        db.execute("drop table article_sketches")
    db.execute("alter table article_sketches_new rename to article_sketches")
    db.execute("create index idx_article_sketches_article_id on article_sketches (article_id)")


@migration
def m005_events_and_accounts(db):
    """Events (one happening each, ``detect.events``) with each claim's
    event, and ``contradiction_claims``: every claim on each side of a flag
    that stands for one account against another."""
    for name in ("events", "contradiction_claims"):
        spec = SCHEMA[name]
        if not db[name].exists():
            db[name].create(
                spec["columns"], pk=spec["pk"], foreign_keys=spec.get("foreign_keys"), not_null=spec.get("not_null")
            )
    if "event" not in db["claims"].columns_dict:
        db["claims"].add_column("event", str)
    for name, columns in ACCOUNTS_INDEXES:
        db[name].create_index(columns, if_not_exists=True)


@migration
def m006_claims_by_slot_and_event(db):
    """Detection reads one event's claims of a slot along (slot, event): along
    the slot alone, a big subject-less slot was read once for every event."""
    db["claims"].create_index(["slot", "event"], if_not_exists=True)


@migration
def m007_entity_resolution(db):
    """Entity resolution across articles (``store.resolve``): the entities it
    merged away, and the own entity of each claim and alias it moved, so
    every pass regroups from what extraction found."""
    spec = SCHEMA["entity_merges"]
    if not db["entity_merges"].exists():
        db["entity_merges"].create(spec["columns"], pk=spec["pk"])
    for table in ("claims", "entity_aliases"):
        if "resolved_from" not in db[table].columns_dict:
            db[table].add_column("resolved_from", str)


@migration
def m008_claim_speakers(db):
    """``claims.speaker``: the person named speaking for the body that holds a
    stance ("Juru bicara Polda X, Kombes Y, membantah": held by the Polda, said
    by Y), kept so the page can name them and other articles can learn whom
    they speak for."""
    if "speaker" not in db["claims"].columns_dict:
        db["claims"].add_column("speaker", str)
