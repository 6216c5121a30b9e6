"""Storing articles: one article whole or not at all, the same content once,
a changed article replacing its old version, and re-extraction when the
lexicons or the user's aliases change."""

import contextlib
import hashlib
import json
import traceback
from typing import NamedTuple

from .. import __name__ as package
from .. import lexicon, plugins, store
from ..extract import extract
from ..extract.entities import Matcher
from . import copies as duplicates

VERSION = "1"  # bump when extraction changes in a way stored claims should follow


class Loader:
    def __init__(self, db):
        self.db = db
        store.save_entities(db, lexicon.entities())
        self.matcher = Matcher(store.aliases(db))
        self.fingerprint = fingerprint(db)
        self.slots = set()
        self.stored = None  # inside ``batch``: ids of the articles stored

    def is_current(self, article):
        """Whether this text is stored already, read with today's lexicons and aliases."""
        row = self.db.execute(
            "select extracted_with from articles where content_hash = ?", [article["content_hash"]]
        ).fetchone()
        return bool(row) and row[0] == self.fingerprint

    def store(self, article, analysed=None):
        """Store one article (already ``analysed`` by a worker, or analysed
        here). Returns ("new" | "unchanged", number of claims).

        A path that now holds other text loses its old version; the slots its
        claims leave or join are collected in ``self.slots`` for detection."""
        db = self.db
        previous = [
            r[0]
            for r in db.execute(
                "select id from articles where path = ? and ref = ? and id != ?",
                [article["path"], article["ref"], article["id"]],
            ).fetchall()
        ]
        existing = db.execute(
            "select id, extracted_with from articles where content_hash = ?", [article["content_hash"]]
        ).fetchone()
        if existing and existing[1] == self.fingerprint:
            if previous:
                with store.transaction(db):
                    self._drop(previous)
            return "unchanged", 0
        if existing:  # same text, stale extraction: keep where it was first read from
            keep = db.execute("select ref, path from articles where id = ?", [existing[0]]).fetchone()
            article.update(ref=keep[0], path=keep[1])
        analysed = analysed or analyse(article, self.matcher)
        if isinstance(analysed, Failure):
            raise ExtractionFailed(analysed)
        claims, new_entities, article["anchors"], hashes = analysed
        article["duplicate_of"] = duplicates.find_original(db, article, hashes, exclude=previous)
        article["extracted_with"] = self.fingerprint
        article["detected"] = 0
        with store.transaction(db):
            self._drop(previous + [article["id"]], keep=article["id"])
            store.replace_article(db, article, claims, new_entities)
            if self.stored is not None:
                self.stored.append(article["id"])
            duplicates.store_sketch(db, article["id"], hashes)
        self.slots.update(c["slot"] for c in claims)
        return "new", len(claims)

    @contextlib.contextmanager
    def batch(self):
        """Store many articles in one transaction (each its own savepoint),
        their text indexed together at the end."""
        with store.transaction(self.db), store.indexing_deferred(self.db) as stored:
            self.stored = stored
            try:
                yield
            finally:
                self.stored = None

    def _drop(self, ids, keep=None):
        """Remove these articles (all but ``keep``, which is about to be rewritten)
        with their claims and flags, noting the slots they leave."""
        marks = ",".join("?" for _ in ids)
        self.slots.update(
            r[0] for r in self.db.execute(f"select distinct slot from claims where article_id in ({marks})", ids)
        )
        store.drop_claims(self.db, ids)
        gone = [i for i in ids if i != keep]
        if gone:
            marks = ",".join("?" for _ in gone)
            self.db.execute(f"delete from article_sketches where article_id in ({marks})", gone)
            self.db.execute(f"update articles set duplicate_of = null where duplicate_of in ({marks})", gone)
            self.db.execute(f"delete from articles where id in ({marks})", gone)

    def pending_slots(self):
        """Slots touched by this load, and by earlier loads that stopped before detection."""
        rows = self.db.execute(
            "select distinct c.slot from claims c join articles a on a.id = c.article_id where a.detected is not 1"
        ).fetchall()
        return self.slots | {r[0] for r in rows}

    def stale(self):
        """Stored articles extracted with other lexicons or aliases than now."""
        cursor = self.db.conn.execute(
            "select id, ref, path, url, title, source, author, published, language, text, content_hash "
            "from articles where extracted_with is not ?",
            [self.fingerprint],
        )
        names = [d[0] for d in cursor.description]
        for row in cursor.fetchall():
            yield dict(zip(names, row))


class Failure(NamedTuple):
    """What ``analyse`` returns when extraction raised: plain strings, so it
    crosses from a worker process like any result."""

    exception: str  # the exception's type name
    message: str
    where: str  # the innermost frame, "module.py:line in function"


class ExtractionFailed(Exception):
    """Extraction (built-in or plugin code) raised on one article."""

    def __init__(self, failure):
        super().__init__(f"extraction failed: {failure.exception}: {failure.message} (at {failure.where})")
        self.failure = failure


def analyse(article, matcher):
    """The work on one article that needs no database, so it can run in a
    worker process: (claims, new entities, story anchors, copy sketch), or a
    ``Failure`` when any extractor raised, so the batch's other articles go on."""
    try:
        claims, new_entities = extract(article, matcher)
        return claims, new_entities, article["anchors"], duplicates.sketch(article["text"])
    except Exception as e:
        frame = traceback.extract_tb(e.__traceback__)[-1]
        return Failure(type(e).__name__, str(e), f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno} in {frame.name}")


def fingerprint(db):
    """A hash of what extraction depends on: our version, the lexicons and the aliases table."""
    h = hashlib.sha1(f"{package}:{VERSION}".encode())
    for name in sorted(lexicon.raw()[0]):
        h.update(json.dumps(lexicon.raw()[0][name], sort_keys=True, default=str).encode())
    h.update(json.dumps(lexicon.entities(), sort_keys=True, default=str).encode())
    for row in db.execute(f"select alias, entity_id from entity_aliases where {store.GIVEN} order by alias"):
        h.update(f"{row[0]}={row[1]};".encode())
    for extractor in plugins.extractors():
        h.update(f"{extractor.name}:{extractor.version};".encode())
    return h.hexdigest()[:16]
