"""Detection: group claims into slots, run every registered rule in each slot,
store the flags. Cost grows with the slots, not with the square of the corpus."""
import hashlib
import itertools
import multiprocessing
import sqlite3

from . import plugins, store
from .rules import DEFAULT_WINDOW_DAYS

CLAIMS = """
select c.*, coalesce(a.duplicate_of, a.id) as "group", a.source, a.published, a.title, a.ref, a.anchors,
       e.name as subject_name
from claims c join articles a on a.id = c.article_id
left join entities e on e.id = c.subject
"""
ARTICLE_FIELDS = ("group", "source", "published", "title", "ref", "anchors")
COMPARABLE = """
(c.kind != 'stance' or c.subject is not null)
and (c.kind != 'date' or c.predicate != 'mention')
and c.predicate is not null
"""


def slot_key(claim):
    """Claims compare only within a slot: same kind, subject and predicate."""
    return f"{claim['kind']}|{claim['subject'] or ''}|{claim['predicate']}"


def detect(db, window_days=DEFAULT_WINDOW_DAYS, slots=None, workers=1):
    """Recompute contradictions: everywhere, or only in ``slots``; then mark
    every article as detected. Returns the number of flags written.

    Slots are read and compared one at a time (in ``workers`` processes when
    more than one), so memory follows the largest slot, not the corpus; the
    flags are written here, in one transaction."""
    settings = {"window_days": window_days}
    everywhere = slots is None
    db.conn.row_factory = None
    with store.transaction(db):
        if everywhere:
            db.execute("delete from contradictions")
            slots = [r[0] for r in db.execute(f"select distinct c.slot from claims c where {COMPARABLE}")]
        else:
            db.execute("create temp table if not exists touched (slot text primary key)")
            db.execute("delete from touched")
            db.conn.executemany("insert into touched values (?)", [(s,) for s in slots])
            db.execute("delete from contradictions where slot in (select slot from touched)")
        written = 0
        for flags in _flags(db, sorted(slots), settings, workers):
            store.insert_rows(db.conn, "contradictions", flags)
            written += len(flags)
        db.execute(
            "update contradictions set status = coalesce((select verdict from reviews r "
            "where r.contradiction_id = contradictions.id order by r.id desc limit 1), 'open')"
            + ("" if everywhere else " where slot in (select slot from touched)")
        )
        db.execute("update articles set detected = 1 where detected is not 1")
    return written


def _flags(db, slots, settings, workers):
    """Lists of flag rows, slot by slot (a big slot's in parts)."""
    if workers <= 1 or len(slots) < 2:
        for slot in slots:
            flags = flags_in(db.conn, slot, settings)
            while True:
                part = list(itertools.islice(flags, 5000))
                if not part:
                    break
                yield part
        return
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    path = db.execute("pragma database_list").fetchone()[2]  # the main database's file
    with context.Pool(workers, initializer=_open, initargs=(path,)) as pool:
        yield from pool.imap_unordered(_flags_in_worker, [(slot, settings) for slot in slots])


_conn = None


def _open(path):
    global _conn
    _conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    _conn.execute("PRAGMA busy_timeout = 30000")


def _flags_in_worker(task):
    return list(flags_in(_conn, *task))


def flags_in(conn, slot, settings):
    """The flag rows every registered rule raises in one slot."""
    claims = list(_rows(conn, f"{CLAIMS} where {COMPARABLE} and c.slot = ?", [slot]))
    if len({c["group"] for c in claims}) < 2:
        return
    kind = claims[0]["kind"]
    by_id = {c["id"]: c for c in claims}
    for rule in plugins.rules():
        for f in rule(kind, claims, settings) or ():
            yield _row(f, slot, rule, by_id)


def _rows(conn, sql, params=()):
    """Claim rows as dicts; what they share with their article is shared, not copied."""
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    shared = {}
    for row in cursor:
        claim = dict(zip(names, row))
        article = shared.setdefault(claim["article_id"], {k: claim[k] for k in ARTICLE_FIELDS})
        claim.update(article)
        yield claim


def _row(f, key, rule, by_id):
    a, b = by_id.get(f["claim_a"]), by_id.get(f["claim_b"])
    return {
        "id": hashlib.sha1(f"{f['claim_a']}|{f['claim_b']}".encode()).hexdigest()[:16],
        "claim_a": f["claim_a"], "claim_b": f["claim_b"], "kind": f["kind"],
        "relation": f["relation"], "explanation": f.get("explanation"),
        "score": f.get("score"), "status": "open", "slot": key,
        "article_a": a["article_id"] if a else None, "article_b": b["article_id"] if b else None,
        "rule": f.get("rule") or getattr(rule, "__name__", "rule"),
    }



