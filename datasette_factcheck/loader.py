"""Storing articles: one article whole or not at all, the same content once,
a changed article replacing its old version, and re-extraction when the
lexicons or the user's aliases change."""
import hashlib
import json

from . import __name__ as package, duplicates, lexicon, plugins, store
from .detect import slot_key
from .extract import extract
from .extract.entities import Matcher

VERSION = "1"  # bump when extraction changes in a way stored claims should follow


class Loader:
    def __init__(self, db):
        self.db = db
        duplicates.ensure_table(db)
        store.save_entities(db, lexicon.entities())
        self.matcher = Matcher(store.aliases(db))
        self.fingerprint = fingerprint(db)

    def store(self, article):
        """Store one article. Returns ("new" | "unchanged", number of claims)."""
        db = self.db
        existing = db.execute(
            "select id, extracted_with from articles where content_hash = ?", [article["content_hash"]]
        ).fetchone()
        if existing and existing[1] == self.fingerprint:
            return "unchanged", 0
        previous = [
            r[0] for r in db.execute(
                "select id from articles where path = ? and ref = ? and id != ?",
                [article["path"], article["ref"], article["id"]],
            ).fetchall()
        ]
        if existing:  # same text, stale extraction: keep where it was first read from
            keep = db.execute("select ref, path, duplicate_of from articles where id = ?", [existing[0]]).fetchone()
            article.update(ref=keep[0], path=keep[1])
        hashes = duplicates.sketch(article["text"])
        article["duplicate_of"] = duplicates.find_original(db, article, hashes)
        article["extracted_with"] = self.fingerprint
        claims, new_entities = extract(article, self.matcher)
        for claim in claims:
            claim["slot"] = slot_key(claim)
        with db.conn:
            if previous:
                marks = ",".join("?" for _ in previous)
                store.drop_claims(db, previous)
                db.execute(f"delete from article_sketches where article_id in ({marks})", previous)
                db.execute(f"update articles set duplicate_of = null where duplicate_of in ({marks})", previous)
                db.execute(f"delete from articles where id in ({marks})", previous)
            store.replace_article(db, article, claims, new_entities)
            duplicates.store_sketch(db, article["id"], hashes)
        return "new", len(claims)

    def stale(self):
        """Stored articles extracted with other lexicons or aliases than now."""
        cursor = self.db.conn.execute(
            "select id, ref, path, url, title, source, author, published, language, text, content_hash "
            "from articles where extracted_with is not ?", [self.fingerprint],
        )
        names = [d[0] for d in cursor.description]
        for row in cursor.fetchall():
            yield dict(zip(names, row))


def fingerprint(db):
    """A hash of what extraction depends on: our version, the lexicons and the aliases table."""
    h = hashlib.sha1(f"{package}:{VERSION}".encode())
    for name in sorted(lexicon.raw()[0]):
        h.update(json.dumps(lexicon.raw()[0][name], sort_keys=True, default=str).encode())
    h.update(json.dumps(lexicon.entities(), sort_keys=True, default=str).encode())
    for row in db.execute("select alias, entity_id from entity_aliases where origin is not 'extracted' order by alias"):
        h.update(f"{row[0]}={row[1]};".encode())
    for extractor in plugins.extractors():
        h.update(f"{getattr(extractor, '__module__', '')}.{getattr(extractor, '__qualname__', repr(extractor))}".encode())
    return h.hexdigest()[:16]
