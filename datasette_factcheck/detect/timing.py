"""The time of an undated article, from the event it belongs to.

An article with no publication date and no dated day of its own ("the quake
on Monday ... data as of Monday evening") cannot be placed in time alone,
and a claim of unknown time can be neither a conflict nor a change. Its
event can place it: coverage of a happening is written on or after the
happening's first day, so each weekday the article names is the first such
weekday on or after its event's first dated day, and the article speaks as
of the latest of them. Its claims without a time take that day, with
``as_of_source`` EVENT (a stance it tells as earlier stays of unknown time). An article naming no weekday, or of an event with no
dated coverage, stays undated.

Recomputed on every detection (the event's first day moves as coverage
joins it); the slots whose claims' time changed are returned for
incremental detection to compare again.
"""

import collections
import datetime as dt

from .. import lexicon
from ..extract import dates
from ..model import EARLIER, iso_day

EVENT = "event"  # as_of_source of a time inferred from the article's event
# Claims this pass times: those of no time, or of a time it gave before; a stance
# told as earlier keeps its unknown time (it held before the article's account).
UNTIMED = "((c.as_of is null and coalesce(c.as_of_source, '') != ?) or c.as_of_source = ?)"


def infer(conn):
    """Set the time of undated articles' claims from their events; return the slots changed."""
    first = {ev: iso_day(day) for ev, day in conn.execute("select id, first from events where first is not null")}
    rows = conn.execute(
        "select a.id, a.text, a.language, c.event, count(*) from articles a join claims c on c.article_id = a.id "
        f"where a.published is null and {UNTIMED} group by a.id, c.event",
        [EARLIER, EVENT],
    ).fetchall()
    events = collections.defaultdict(collections.Counter)
    texts = {}
    for article_id, text, language, event, n in rows:
        events[article_id][event] += n
        texts[article_id] = (text, language)
    changed = set()
    for article_id, counts in events.items():
        event = max(counts, key=lambda e: (counts[e], e or ""))
        day = _day(*texts[article_id], first.get(event)) if event in first else None
        as_of = day.isoformat() if day else None
        for claim_id, slot, old in conn.execute(
            f"select id, slot, as_of from claims c where article_id = ? and {UNTIMED}",
            [article_id, EARLIER, EVENT],
        ).fetchall():
            if old != as_of:
                conn.execute(
                    "update claims set as_of = ?, as_of_source = ? where id = ?",
                    [as_of, EVENT if as_of else None, claim_id],
                )
                changed.add(slot)
    return changed


def _day(text, language, first):
    """The latest weekday the text names, each the first such day on or after ``first``."""
    lex = lexicon.get(language or "en")
    days = []
    for m in dates.find(text, 0, len(text), lex):
        if m.weekday is not None and m.day is None and m.month is None and m.offset is None:
            if dates.resolve(m, first - dt.timedelta(days=1), forward=True):
                days.append(m.date)
    return max(days) if days else None
