"""Detection: group claims into slots, run every registered rule in each slot,
store the flags. Cost grows with the slots, not with the square of the corpus."""

import collections
import itertools
import sqlite3
from typing import FrozenSet, List, NamedTuple

from .. import plugins, pool, store
from ..model import Flag
from ..store import speakers
from ..store.resolve import resolve
from . import events, timing
from .compare import DEFAULT_WINDOW_DAYS, compare

CLAIMS = """
select c.*, coalesce(a.duplicate_of, a.id) as "group", a.source, a.published, a.title, a.ref, a.anchors,
       e.name as subject_name
from claims c join articles a on a.id = c.article_id
left join entities e on e.id = c.subject
"""
ARTICLE_FIELDS = ("group", "source", "published", "title", "ref", "anchors")
# What ``people`` (or ``warga``) alone count is unknown, those ``aboard`` aside: a
# bare count of people (no state, "25 orang ... tertimbun") is never compared, nor
# a frequency or a span of time (``span:``; extract.numbers.SPAN).
COMPARABLE = """
(c.kind != 'stance' or c.subject is not null)
and (c.kind != 'date' or c.predicate != 'mention')
and (c.kind != 'number' or (c.predicate != 'people' and c.predicate not like 'people:%' and c.predicate not like 'span:%'))
and c.predicate is not null
"""
# A claim without a subject compares only within its event (detect.events):
# the unit of comparison is (slot, this).
EVENT_KEY = "(case when c.subject is null then coalesce(c.event, '') else '' end)"
# One unit's claims in time order: each article (duplicates folded) at its earliest claim.
# A slot's claims have a subject or all have none (the slot key holds it), so the
# unit (slot, event key) is found along the (slot, event) index: the claims of
# one event, or those of a slot with a subject or without an event.
UNIT_IN_EVENT = "c.slot = :slot and c.event = :event"
UNIT_WHOLE = "c.slot = :slot and :event = '' and (c.subject is not null or c.event is null)"
ORDERED_IN = CLAIMS + """
join (
    select coalesce(a.duplicate_of, a.id) as grp, min(coalesce(c.as_of, '9999')) as t
    from claims c join articles a on a.id = c.article_id where {unit} group by grp
) g on g.grp = coalesce(a.duplicate_of, a.id)
where {comparable} and {unit} order by g.t, g.grp, c.article_id, c.start
"""
ORDERED = ORDERED_IN.format(unit=UNIT_WHOLE, comparable=COMPARABLE)  # a unit without an event
ORDERED_EVENT = ORDERED_IN.format(unit=UNIT_IN_EVENT, comparable=COMPARABLE)


def detect(db, window_days=DEFAULT_WINDOW_DAYS, slots=None, workers=1):
    """Recompute contradictions: everywhere, or only in ``slots``; then mark
    every article as detected. Returns the number of flags written.

    Slots are read and compared one at a time, a big one in windows along
    time (see ``flags_in``), so memory stays bounded however large the
    corpus; with ``workers`` the other slots are compared in processes
    meanwhile. The flags are written here, in one transaction."""
    settings = {"window_days": window_days}
    everywhere = slots is None
    db.conn.row_factory = None
    # events first, committed on their own: worker processes read claims.event
    # through their own connections, which see only what is committed
    with store.transaction(db):
        moved = resolve(db) | speakers.attribute(db.conn) | events.assign(db)
        moved |= timing.infer(db.conn)
    with store.transaction(db):
        if everywhere:
            db.execute("delete from contradiction_claims")
            db.execute("delete from contradictions")
            within = ""
        else:
            db.execute("create temp table if not exists touched (slot text primary key)")
            db.execute("delete from touched")
            db.conn.executemany("insert into touched values (?)", [(s,) for s in set(slots) | moved])
            db.execute(
                "delete from contradiction_claims where contradiction_id in "
                "(select id from contradictions where slot in (select slot from touched))"
            )
            db.execute("delete from contradictions where slot in (select slot from touched)")
            within = "and c.slot in (select slot from touched)"
        sizes = [
            ((slot, ev), n)
            for slot, ev, n in db.execute(
                f"select c.slot, {EVENT_KEY}, count(*) from claims c where {COMPARABLE} {within} group by 1, 2"
            ).fetchall()
        ]
        written = 0
        many = lambda kept: sum(n for _, n in sizes) > kept  # noqa: E731
        with (
            store.indexes_rebuilt(db, "contradictions", when=many),
            store.indexes_rebuilt(db, "contradiction_claims", when=many),
        ):
            for flags in _flags(db, sizes, settings, workers):
                sides = [row for f in flags for row in f.pop("sides")]
                store.insert_rows(db.conn, "contradictions", flags)
                store.insert_rows(db.conn, "contradiction_claims", sides)
                written += len(flags)
        db.execute(
            "update contradictions set status = coalesce((select verdict from reviews r "
            "where r.contradiction_id = contradictions.id order by r.id desc limit 1), 'open')"
            + ("" if everywhere else " where slot in (select slot from touched)")
        )
        db.execute("update articles set detected = 1 where detected is not 1")
    return written


def _flags(db, sizes, settings, workers):
    """Lists of flag rows, from every (slot, number of claims) in ``sizes``.

    The work comes in jobs of at most about WINDOW claims: a window of a big
    slot (read here, in time order) or a task of small slots. Without workers
    each job is compared here in turn. With workers, this process reads and
    writes while they compare, no more than two jobs per worker in flight, so
    results never pile up faster than they are written."""
    jobs = _jobs(db.conn, sizes)
    if workers < 2 or sum(n for _, n in sizes) <= WINDOW:
        for job in jobs:
            yield from _parts(_run(job, settings, db.conn))
        return
    path = db.execute("pragma database_list").fetchone()[2]  # the main database's file
    workers_pool = pool.start(workers, _open, (path, plugins.config()))
    pending = collections.deque()
    try:
        for job in jobs:
            pending.append(workers_pool.apply_async(_run_in_worker, (job, settings)))
            if len(pending) >= 2 * workers:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
    finally:
        workers_pool.terminate()


class Window(NamedTuple):
    """A window of a big unit (slot, event key): its claims, and the ids it shares with the window before."""

    slot: tuple
    claims: List[dict]
    shared: FrozenSet[str]


class Slots(NamedTuple):
    """Small units (slot, event key) compared together in one job."""

    slots: List[tuple]


def _jobs(conn, sizes):
    """A ``Window`` for each window of a big slot, then ``Slots`` of small
    slots grouped up to WINDOW claims."""
    for slot, n in sizes:
        if n > WINDOW:
            for claims, shared in windows(conn, slot):
                yield Window(slot, claims, frozenset(shared))
    for task in _tasks([(slot, n) for slot, n in sizes if n <= WINDOW]):
        yield Slots(task)


def _run(job, settings, conn):
    """The flags of one job (see ``_jobs``)."""
    if isinstance(job, Window):
        return (
            f for f in _compare(job.claims, job.slot[0], settings) if not {f["claim_a"], f["claim_b"]} <= job.shared
        )
    return (f for unit in job.slots for f in flags_in(conn, unit, settings))


def _run_in_worker(job, settings):
    return list(_run(job, settings, _conn))


def _tasks(sizes):
    """Slots grouped into tasks of at most WINDOW claims (a slot never split)."""
    tasks, current, total = [], [], 0
    for slot, n in sizes:
        if current and total + n > WINDOW:
            tasks.append(current)
            current, total = [], 0
        current.append(slot)
        total += n
    return tasks + [current] if current else tasks


def _parts(flags, size=5000):
    """A stream of flags as lists of at most ``size``."""
    while True:
        part = list(itertools.islice(flags, size))
        if not part:
            return
        yield part


_conn = None


def _open(path, plugins_config):
    global _conn
    plugins.configure(plugins_config)
    _conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    _conn.execute(f"PRAGMA busy_timeout = {store.BUSY_TIMEOUT_S * 1000}")


WINDOW = 5_000  # claims compared at once
OVERLAP = 1_000  # claims a window shares with the one before


def flags_in(conn, unit, settings):
    """The flag rows every registered rule raises in one unit (slot, event
    key; a bare slot is its claims with a subject), window by window."""
    unit = unit if isinstance(unit, tuple) else (unit, "")
    for claims, shared in windows(conn, unit):
        yield from (f for f in _compare(claims, unit[0], settings) if not {f["claim_a"], f["claim_b"]} <= shared)


def windows(conn, unit):
    """(claims, shared ids) of each window of one slot: a slot of more than
    WINDOW claims is read in time order (its articles by their earliest claim)
    and cut into windows, each sharing its first OVERLAP claims with the one
    before; a pair lying wholly in that shared part was the earlier window's
    to flag. The rules pair each article with its nearest disagreeing
    neighbours in time, so a window holds them but for articles whose only
    disagreeing accounts are further away."""
    window, shared = [], set()
    unit = unit if isinstance(unit, tuple) else (unit, "")
    sql = ORDERED_EVENT if unit[1] else ORDERED
    for claim in _rows(conn, sql, {"slot": unit[0], "event": unit[1]}):
        if len(window) >= WINDOW and claim["group"] != window[-1]["group"]:
            yield window, shared
            start = len(window) - OVERLAP
            while start > 0 and window[start]["group"] == window[start - 1]["group"]:
                start -= 1  # never part of an article's claims
            window = window[start:]
            shared = {c["id"] for c in window}
        window.append(claim)
    yield window, shared


def _compare(claims, slot, settings):
    """Flag rows from every rule of this slot's kind."""
    if len({c["group"] for c in claims}) < 2:
        return
    kind = claims[0]["kind"]
    by_id = {c["id"]: c for c in claims}
    for rule in plugins.rules():
        if rule.kind == kind:
            for f in compare(rule, claims, settings):
                yield _row(f, slot, rule, by_id)


def _rows(conn, sql, params=()):
    """Claim rows as dicts; claims of one article in a row share its fields, not copies."""
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    article = {"article_id": None}
    for row in cursor:
        claim = dict(zip(names, row))
        if claim["article_id"] != article["article_id"]:
            article = {k: claim[k] for k in ARTICLE_FIELDS + ("article_id",)}
        claim.update(article)
        yield claim


def _row(f, slot, rule, by_id):
    """A contradictions row, with ``sides``: its contradiction_claims rows."""
    sides = f.get("sides") or ([by_id[f["claim_a"]]], [by_id[f["claim_b"]]])
    flag = Flag(
        claim_a=f["claim_a"],
        claim_b=f["claim_b"],
        kind=f["kind"],
        relation=f["relation"],
        explanation=f["explanation"],
        score=f["score"],
        slot=slot,
        article_a=by_id[f["claim_a"]]["article_id"],
        article_b=by_id[f["claim_b"]]["article_id"],
        rule=rule.name,
        sides=sides,
        key=f.get("key") and f"{rule.name}|{f['key']}",
    )
    return dict(flag.row(), sides=flag.side_rows())
