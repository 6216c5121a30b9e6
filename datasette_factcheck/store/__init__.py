"""The database, with sqlite-utils: opening it migrated, transactions,
upserts and full-text search. The layout is in ``schema``, the steps that
make and change it in ``migrations``.
"""

import contextlib
import sqlite3
import time

import sqlite_utils

from .migrations import migrate
from .schema import SCHEMA, SEARCHED, insert_trigger

BUSY_TIMEOUT_S = 30
# aliases a lexicon or a user gave: not those extraction made up ('extracted')
# nor those resolution moved ('merged'), so an article's extraction never
# depends on what was loaded before it
GIVEN = "(origin is null or origin not in ('extracted', 'merged'))"


def _patiently(db, step):
    """Run ``step()``, again while SQLite says "database is locked", up to the
    busy timeout. Two processes opening one new file at once (two loads
    started together) can get that answer at once, without the busy timeout,
    while the other switches the file to WAL or migrates it. Both steps
    are idempotent, so the one turned away simply runs them again."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            return step()
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            if db.conn.in_transaction:
                db.conn.rollback()
            time.sleep(0.05)


def open_db(path):
    """Open (creating when missing) a database with every migration applied."""
    db = sqlite_utils.Database(path)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
    _patiently(db, lambda: db.journal_mode == "wal" or db.enable_wal())
    # WAL with synchronous=NORMAL: a crash may lose the last commits, never corrupt the file
    db.execute("PRAGMA synchronous = NORMAL")
    _patiently(db, lambda: migrate(db))
    return db


class TransactionLost(sqlite3.Error):
    """A savepoint failed and SQLite rolled back the transaction around it too,
    so the enclosing work is gone and must be done again (``__cause__`` is the error)."""


@contextlib.contextmanager
def transaction(db):
    """All writes inside commit together or not at all. BEGIN IMMEDIATE takes
    the write lock up front (waiting up to the busy timeout for another
    writer), and keeps sqlite-utils from committing each statement on its own.
    Inside another transaction it is a savepoint: a failure undoes its own
    writes and leaves the outer transaction's.

    SQLite may already have rolled the whole transaction back itself (a
    trigger's RAISE(ROLLBACK), some constraint failures): then there is
    nothing to undo, and the error that did it is the one the caller sees
    (inside a savepoint, as ``TransactionLost``)."""
    conn = db.conn
    if conn.in_transaction:
        conn.execute("SAVEPOINT inner")
        try:
            yield
        except BaseException as e:
            if not conn.in_transaction:
                raise TransactionLost(f"SQLite rolled back the enclosing transaction: {e}") from e
            conn.execute("ROLLBACK TO inner")
            conn.execute("RELEASE inner")
            raise
        conn.execute("RELEASE inner")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextlib.contextmanager
def indexing_deferred(db):
    """Inside the caller's transaction: rows inserted into articles and claims
    skip the full-text index one by one; the caller adds the ids of the
    articles it stores to the list yielded, and their text is indexed at the
    end in one statement per table. Row by row, the index cost a load five
    times the rest of its writes. Other connections never see the insert
    triggers gone: that happens inside this transaction."""
    stored = []
    for table in SEARCHED:
        db.execute(f"drop trigger if exists [{table}_ai]")
    try:
        yield stored
    finally:
        index_text(db, stored)
        for table in SEARCHED:
            insert_trigger(db, table)


def index_text(db, article_ids):
    """Add these articles and their claims to the full-text indexes, where
    they are not there yet."""
    if not article_ids:
        return
    marks = ",".join("?" for _ in article_ids)
    for table, key in (("articles", "id"), ("claims", "article_id")):
        columns = ", ".join(SEARCHED[table])
        db.execute(
            f"insert into [{table}_fts] (rowid, {columns}) select rowid, {columns} from [{table}] "
            f"where {key} in ({marks}) and rowid not in (select id from [{table}_fts_docsize])",
            list(article_ids),
        )


@contextlib.contextmanager
def indexes_rebuilt(db, table, when):
    """Inside the caller's transaction: when ``when(rows the table holds)`` is
    true, the table's indexes are dropped for the writes inside and built
    afresh after them, which is faster than updating them row by row once the
    rows written outnumber the rows kept."""
    indexes = db.execute(
        "select name, sql from sqlite_master where type = 'index' and tbl_name = ? and sql is not null", [table]
    ).fetchall()
    if not indexes or not when(db.execute(f"select count(*) from [{table}]").fetchone()[0]):
        yield
        return
    for name, _ in indexes:
        db.execute(f"drop index [{name}]")
    try:
        yield
    finally:
        for _, sql in indexes:
            db.execute(sql)


def save_entities(db, entities):
    """Store the lexicon's entities and aliases; aliases a user added are kept."""
    db["entities"].upsert_all([{"id": e["id"], "name": e["name"], "kind": e.get("kind")} for e in entities], pk="id")
    db["entity_aliases"].insert_all(
        [{"alias": alias, "entity_id": e["id"], "origin": "lexicon"} for e in entities for alias in e["aliases"]],
        pk="alias",
        ignore=True,
    )


def aliases(db):
    """The (alias, entity_id, entity name) rows extraction matches: the lexicon's
    and the user's. Names extraction made up itself are left out, so what an
    article yields never depends on what was loaded before it."""
    return db.execute(
        "select a.alias, a.entity_id, e.name from entity_aliases a "
        f"join entities e on e.id = a.entity_id where {GIVEN}"
    ).fetchall()


def replace_article(db, article, claims, new_entities=()):
    """Store one article with its claims, replacing any earlier version (the
    caller holds the transaction). Plain executemany on the known columns: this
    is the hot path of a load."""
    conn = db.conn
    if new_entities:
        conn.executemany(
            "insert or ignore into entities (id, name, kind) values (?, ?, ?)",
            [(e["id"], e["name"], e.get("kind")) for e in new_entities],
        )
        conn.executemany(
            "insert or ignore into entity_aliases (alias, entity_id, origin) values (?, ?, 'extracted')",
            [(a, e["id"]) for e in new_entities for a in e["aliases"]],
        )
    drop_claims(db, [article["id"]])
    # a delete, not a REPLACE conflict, so the trigger takes the old text out of the index
    db.execute("delete from articles where id = ?", [article["id"]])
    insert_rows(conn, "articles", [article])
    insert_rows(conn, "claims", claims)


def insert_rows(conn, table, rows):
    """insert or replace ``rows`` (dicts; missing keys are null) into one of
    our tables: a plain executemany, the hot path of loads and detection."""
    if not rows:
        return
    names = list(SCHEMA[table]["columns"])
    extra = sorted(set().union(*rows) - set(names))
    if extra:
        raise ValueError(f"{table} has no column {', '.join(extra)}")
    sql = f"insert or replace into [{table}] ({', '.join(f'[{n}]' for n in names)}) values ({', '.join('?' for _ in names)})"
    conn.executemany(sql, [tuple(map(r.get, names)) for r in rows])


def drop_claims(db, article_ids):
    """Remove the claims of these articles and the contradictions that cite them."""
    if not article_ids:
        return
    marks = ",".join("?" for _ in article_ids)
    db.execute(
        f"delete from contradiction_claims where article_id in ({marks}) or contradiction_id in "
        f"(select id from contradictions where article_a in ({marks}) or article_b in ({marks}))",
        list(article_ids) * 3,
    )
    db.execute(
        f"delete from contradictions where article_a in ({marks}) or article_b in ({marks})",
        list(article_ids) * 2,
    )
    db.execute(f"delete from claims where article_id in ({marks})", list(article_ids))


def stored_hashes(db):
    """Map content hash -> article id for what is stored."""
    return dict(db.execute("select content_hash, id from articles").fetchall())


def record_error(db, path, reason, line=0, ref=None, exception=None):
    """One input's error: the file, the line or record (``ref``) and the type of the exception."""
    with transaction(db):
        db["load_errors"].upsert(
            {"path": str(path), "reason": reason, "line": line, "ref": ref, "exception": exception}, pk=("path", "line")
        )


def clear_errors(db, path):
    with transaction(db):
        db.execute("delete from load_errors where path = ?", [str(path)])
