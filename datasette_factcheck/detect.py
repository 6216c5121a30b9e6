"""Detection: group claims into slots, run every registered rule in each slot,
store the flags. Cost grows with the slots, not with the square of the corpus."""
import hashlib
import itertools

from . import plugins, store
from .rules import DEFAULT_WINDOW_DAYS

CLAIMS = """
select c.*, coalesce(a.duplicate_of, a.id) as "group", a.source, a.published, a.title, a.ref, a.anchors,
       e.name as subject_name
from claims c join articles a on a.id = c.article_id
left join entities e on e.id = c.subject
"""
COMPARABLE = """
(c.kind != 'stance' or c.subject is not null)
and (c.kind != 'date' or c.predicate != 'mention')
and c.predicate is not null
"""


def slot_key(claim):
    """Claims compare only within a slot: same kind, subject and predicate."""
    return f"{claim['kind']}|{claim['subject'] or ''}|{claim['predicate']}"


def detect(db, window_days=DEFAULT_WINDOW_DAYS, slots=None):
    """Recompute contradictions: everywhere, or only in ``slots``; then mark
    every article as detected. Returns the number of flags written."""
    settings = {"window_days": window_days}
    db.conn.row_factory = None
    with store.transaction(db):
        if slots is None:
            db.execute("delete from contradictions")
            rows = _rows(db, f"{CLAIMS} where {COMPARABLE} order by c.slot")
        else:
            db.execute("create temp table if not exists touched (slot text primary key)")
            db.execute("delete from touched")
            db.conn.executemany("insert into touched values (?)", [(s,) for s in slots])
            db.execute("delete from contradictions where slot in (select slot from touched)")
            rows = _rows(db, f"{CLAIMS} where {COMPARABLE} and c.slot in (select slot from touched) order by c.slot")
        written = 0
        rules = plugins.rules()
        batch = []
        for key, group in itertools.groupby(rows, key=lambda c: c["slot"]):
            claims = list(group)
            if len({c["group"] for c in claims}) < 2:
                continue
            kind = claims[0]["kind"]
            by_id = {c["id"]: c for c in claims}
            for rule in rules:
                for f in rule(kind, claims, settings) or ():
                    batch.append(_row(f, key, rule, by_id))
            if len(batch) >= 5000:
                written += _write(db, batch)
                batch = []
        written += _write(db, batch)
        db.execute(
            "update contradictions set status = coalesce((select verdict from reviews r "
            "where r.contradiction_id = contradictions.id order by r.id desc limit 1), 'open')"
            + ("" if slots is None else " where slot in (select slot from touched)")
        )
        db.execute("update articles set detected = 1 where detected is not 1")
    return written


def _rows(db, sql, params=()):
    cursor = db.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(names, row))


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


def _write(db, batch):
    store.insert_rows(db.conn, "contradictions", batch)
    return len(batch)
