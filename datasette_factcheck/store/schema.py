"""The layout the first migrations create (see ``migrations``), and the SQL of
the full-text triggers, which loads also drop and restore.

The contract tables (articles, entities, entity_aliases, claims,
contradictions) carry the columns CONTRACT.md promises; the other columns
and tables are ours. This is the layout databases had before migrations
were recorded, and the columns ``store.insert_rows`` writes. A later change
is a new migration with its own SQL, leaving what the first ones create as
it is: otherwise a new database and a migrated one would differ.
"""

SCHEMA = {
    "articles": {
        "columns": {
            "id": str,
            "ref": str,
            "path": str,
            "url": str,
            "title": str,
            "source": str,
            "author": str,
            "published": str,
            "language": str,
            "text": str,
            "duplicate_of": str,
            "content_hash": str,
            "extracted_with": str,
            "anchors": str,
            "detected": int,
        },
        "pk": "id",
        "not_null": {"text"},
    },
    "entities": {"columns": {"id": str, "name": str, "kind": str}, "pk": "id"},
    "entity_aliases": {
        "columns": {"alias": str, "entity_id": str, "origin": str, "resolved_from": str},
        "pk": "alias",
        "foreign_keys": [("entity_id", "entities", "id")],
    },
    "claims": {
        "columns": {
            "id": str,
            "article_id": str,
            "kind": str,
            "subject": str,
            "predicate": str,
            "value": str,
            "value_num": float,
            "value_low": float,
            "value_high": float,
            "qualifier": str,
            "as_of": str,
            "as_of_source": str,
            "sentence": str,
            "start": int,
            "end": int,
            "sentence_start": int,
            "cue": str,
            "revision": int,
            "extractor": str,
            "slot": str,
            "event": str,
            "resolved_from": str,
            "speaker": str,
        },
        "pk": "id",
        "foreign_keys": [("article_id", "articles", "id"), ("subject", "entities", "id")],
        "not_null": {"article_id", "kind", "value"},
    },
    "contradictions": {
        "columns": {
            "id": str,
            "claim_a": str,
            "claim_b": str,
            "kind": str,
            "relation": str,
            "explanation": str,
            "status": str,
            "score": float,
            "slot": str,
            "article_a": str,
            "article_b": str,
            "rule": str,
        },
        "pk": "id",
        "foreign_keys": [
            ("claim_a", "claims", "id"),
            ("claim_b", "claims", "id"),
            ("article_a", "articles", "id"),
            ("article_b", "articles", "id"),
        ],
        "not_null": {"claim_a", "claim_b", "kind", "relation"},
        "defaults": {"status": "open"},
    },
    "reviews": {
        "columns": {
            "id": int,
            "contradiction_id": str,
            "actor": str,
            "verdict": str,
            "note": str,
            "created": str,
        },
        "pk": "id",
        "foreign_keys": [("contradiction_id", "contradictions", "id")],
        "not_null": {"contradiction_id", "verdict"},
    },
    # added by migration m005: events (detect.events) and the claims on each side of a flag
    "events": {
        "columns": {
            "id": str,
            "label": str,
            "names": str,
            "first": str,
            "last": str,
            "articles": int,
            "sources": int,
            "claims": int,
        },
        "pk": "id",
    },
    "contradiction_claims": {
        "columns": {"contradiction_id": str, "claim_id": str, "side": str, "article_id": str},
        "pk": ("contradiction_id", "claim_id"),
        "foreign_keys": [("contradiction_id", "contradictions", "id"), ("claim_id", "claims", "id")],
        "not_null": {"side"},
    },
    # added by migration m007: entity resolution across articles (store.resolve)
    "entity_merges": {
        "columns": {"entity_id": str, "name": str, "kind": str, "canonical": str},
        "pk": "entity_id",
    },
    "load_errors": {
        "columns": {"path": str, "reason": str, "line": int, "ref": str, "exception": str},
        "pk": ("path", "line"),
    },
}

INDEXES = [
    ("claims", ["article_id"]),
    ("claims", ["slot"]),
    ("claims", ["subject", "as_of"]),
    ("articles", ["duplicate_of"]),
    ("articles", ["detected"]),
    ("contradictions", ["claim_a"]),
    ("contradictions", ["claim_b"]),
    ("contradictions", ["kind", "relation", "status"]),
    ("contradictions", ["article_a"]),
    ("contradictions", ["article_b"]),
    ("contradictions", ["score"]),
    ("articles", ["source"]),
    ("articles", ["language"]),
    ("reviews", ["contradiction_id"]),
    ("articles", ["content_hash"]),
    ("articles", ["path", "ref"]),
    ("entity_aliases", ["entity_id"]),
]

# made by migration m005, with its tables
ACCOUNTS_INDEXES = [
    ("claims", ["event"]),
    ("contradiction_claims", ["claim_id"]),
    ("contradiction_claims", ["article_id"]),
]

SEARCHED = {"articles": ["title", "text"], "claims": ["sentence"]}

# Each article's sketch hashes (store.copies) keyed by hash and newest first
# (``seq`` is minus the article's rowid): the candidates of a hash are one
# range of one b-tree, no lookup into another.
SKETCHES = """create table article_sketches (
    hash integer not null, seq integer not null, article_id text not null, primary key (hash, seq)
) without rowid"""


def fts_triggers(db, table):
    """(Re)create the triggers that keep the full-text index in step with any
    writer. Delete and update touch only rows the index holds, so a row
    deleted inside a batch whose indexing is deferred
    (``store.indexing_deferred``) cannot corrupt it."""
    columns = SEARCHED[table]
    fts, cols = f"{table}_fts", ", ".join(columns)
    indexed = f"exists (select 1 from [{fts}_docsize] where id = old.rowid)"
    old = ", ".join(f"old.[{c}]" for c in columns)
    for suffix in ("ai", "ad", "au"):
        db.execute(f"drop trigger if exists [{table}_{suffix}]")
    insert_trigger(db, table)
    db.execute(
        f"create trigger [{table}_ad] after delete on [{table}] when {indexed} begin "
        f"insert into [{fts}] ([{fts}], rowid, {cols}) values ('delete', old.rowid, {old}); end"
    )
    db.execute(
        f"create trigger [{table}_au] after update of {cols} on [{table}] when {indexed} begin "
        f"insert into [{fts}] ([{fts}], rowid, {cols}) values ('delete', old.rowid, {old}); "
        f"insert into [{fts}] (rowid, {cols}) select new.rowid, {', '.join(f'new.[{c}]' for c in columns)}; end"
    )


def insert_trigger(db, table):
    """The insert trigger alone: the one ``store.indexing_deferred`` lifts for a batch."""
    cols = ", ".join(SEARCHED[table])
    db.execute(
        f"create trigger if not exists [{table}_ai] after insert on [{table}] begin "
        f"insert into [{table}_fts] (rowid, {cols}) values (new.rowid, {', '.join(f'new.[{c}]' for c in SEARCHED[table])}); end"
    )
