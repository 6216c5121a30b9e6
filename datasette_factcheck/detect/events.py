"""Events: coverage grouped by the happening it speaks of (what, where,
when), so a death toll of one disaster never meets another's.

An event is named by a proper name its articles' leads share (the title and
the first LEAD characters of the body): "Sukaraya", "Tirtayasa", "Lembah Hijau".
Each article (a syndicated copy counts as its original) offers the names of
its lead that are story names: among its ``articles.anchors`` (capitalised
words that are no known entity, month or weekday), those capitalised in the
lead, never written in lower case in any lead of the corpus (so "Korban",
"Badan", "West" are words, not names), no word of an outlet's name, longer
than three letters. An article is first named by the one of its lead names
most leads share; then it takes, of its lead names, the one most articles
were named by (a lead naming no shared name falls back to the names anywhere
in the article). Articles of one name make one event, cut in two where
their publication days lie more than DAYS apart with nothing between.

Every article is in exactly one event, and an article is named from its own
lead: one article that compares two disasters joins the one it is about and
never bridges them (a false merge costs more than a split).

A claim belongs to the event its sentence speaks of: in an article of one
event, a sentence naming another event's name, and not its own, holds claims
of that other event; so a comparison piece holds claims of both.

Only claims without a subject are compared within one event (``detect``);
a subject (an actor, a country) places a claim well enough.

Cost: one pass over the articles' anchors and leads, and the claims'
sentences only of articles naming another event; linear in the corpus.
"""

import collections
import datetime as dt
import hashlib
import itertools
import json
import re

from ..model import HAPPENED, Event, iso_day

EARLIER = "/earlier"  # after an event's id: its coverage's claims of an earlier happening (see _of_earlier_times)
LATER = "/later/"  # after an event's id, with an article's: the dates of its later happenings (see _follow_ups)
FOLLOW_UP_DAYS = 2  # a happening's date this many days after its event's first dated day is a later one's
DAYS = 31  # dated articles of one name further apart than this (with nothing between) are two events
LEAD = 400  # characters of the body that, with the title, make an article's lead
WORD = re.compile(r"[\w'’.-]*\w")
LOWER = re.compile(r"(?<![\w-])[a-z][\w'’.-]*\w")


def _day(value):
    day = iso_day(value)
    return day.toordinal() if day else None


def group(articles, counts=None):
    """({article group: event id}, {group: its article ids}, [model.Event],
    {event id: its own names}) from rows (id, group, anchors, published,
    source, lead), ``lead`` the title and the body's first LEAD characters;
    ``counts`` ({group: its telling figures}, see ``telling``) joins
    chains of one time that share a figure (see ``_joined``)."""
    members, sources, names, lead_names, day = collections.defaultdict(list), collections.defaultdict(set), {}, {}, {}
    lower, outlet_words = set(), set()
    for id, grp, anchors, published, source, lead in articles:
        members[grp].append(id)
        sources[grp].add(source or id)
        outlet_words.update(WORD.findall((source or "").casefold()))
        if id != grp:
            continue
        lead = lead or ""
        lower.update(LOWER.findall(lead))
        names[grp] = set(json.loads(anchors or "[]"))
        capitalised = {w.casefold() for w in WORD.findall(lead) if w[:1].isupper()}
        lead_names[grp] = names[grp] & capitalised
        day[grp] = _day(published)
    for grp in members:  # a copy whose original is not stored
        names.setdefault(grp, set())
        lead_names.setdefault(grp, set())
        day.setdefault(grp, None)
    # a name proper to a happening: capitalised in a lead, never written in lower case in one, no outlet's name
    for grp in lead_names:
        lead_names[grp] = {w for w in lead_names[grp] if w not in lower and w not in outlet_words and len(w) > 3}
    in_leads = collections.Counter(w for ws in lead_names.values() for w in ws)
    first = {}
    for grp, ws in lead_names.items():
        shared = [w for w in ws if in_leads[w] > 1]
        first[grp] = max(shared, key=lambda w: (in_leads[w], w)) if shared else None
    taken = collections.Counter(k for k in first.values() if k)
    # each article takes, of the names in its lead (else anywhere in it), the one most articles are named by
    key = {}
    for grp in sorted(names):
        options = (
            [w for w in lead_names[grp] if taken[w] > 1]
            or [w for w in names[grp] if taken[w] > 1]
            or [w for w in lead_names[grp] if taken[w]]
        )
        key[grp] = max(options, key=lambda w: (taken[w], w)) if options else None
    by_key = collections.defaultdict(list)
    for grp in sorted(names):
        by_key[key[grp] or f"\0{grp}"].append(grp)
    components = []
    for _, gs in sorted(by_key.items()):
        components.extend(_chains(gs, day))
    components = _joined(components, counts or {}, day)
    event_of, events, used = {}, [], set()
    for gs in components:
        named = collections.Counter(key[g] for g in gs if key[g])
        name = max(named, key=lambda k: (named[k], k)) if named else None
        # an id a person can read and that stays as coverage joins: the name and the first day
        days = sorted(day[g] for g in gs if day[g] is not None)
        ev_id = "-".join(
            x
            for x in (
                _slug(name) if name else "article-" + hashlib.sha1(min(gs).encode()).hexdigest()[:10],
                dt.date.fromordinal(days[0]).isoformat() if days else "",
            )
            if x
        )
        while ev_id in used:
            ev_id += "-" + hashlib.sha1("|".join(sorted(gs)).encode()).hexdigest()[:6]
        used.add(ev_id)
        shared = collections.Counter(w for g in gs for w in lead_names[g])
        top_names = ([name] if name else []) + [
            w
            for w, k in sorted(shared.items(), key=lambda x: (-x[1], x[0]))
            if w != name and (k * 2 > len(gs) or len(gs) == 1)
        ][:2]
        days = sorted(day[g] for g in gs if day[g] is not None)
        start = dt.date.fromordinal(days[0]).isoformat() if days else None
        end = dt.date.fromordinal(days[-1]).isoformat() if days else None
        label = ", ".join(w[:1].upper() + w[1:] for w in top_names) or "(unnamed)"
        if start:
            label += f" · {start}" + (f" to {end}" if end != start else "")
        events.append(
            Event(
                id=ev_id,
                label=label,
                names=json.dumps(top_names, ensure_ascii=False),
                first=start,
                last=end,
                articles=sum(len(members[g]) for g in gs),
                sources=len(set().union(*(sources[g] for g in gs))),
            )
        )
        for g in gs:
            event_of[g] = ev_id
    own_names = {e.id: set(json.loads(e.names)[:1]) for e in events if e.articles > 1 and json.loads(e.names)}
    return event_of, members, events, own_names


def telling(value):
    """Whether a figure can tell one happening's coverage from another's: a
    count of at least 20 that is no round hundred and no year (176 dead is;
    10, 500, 2020 are not)."""
    return value >= 20 and value == int(value) and value % 100 and not 1900 <= value <= 2100


def _joined(components, counts, day):
    """Chains named differently but of one happening, joined: their days lie
    within DAYS, and a telling figure (the toll of "176 on board") is in at
    least a third of each chain's articles and in three articles in all. The
    outlets of one crash name it by the airline, the maker or a leader, but
    give its toll alike; two happenings rarely share one."""
    if not counts:
        return components
    parent = list(range(len(components)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    spans, support = [], []
    for gs in components:
        days = [day[g] for g in gs if day[g] is not None]
        spans.append((min(days), max(days)) if days else None)
        support.append(collections.Counter(n for g in gs for n in counts.get(g, ())))
    holders = collections.defaultdict(list)
    for i, gs in enumerate(components):
        for n, k in support[i].items():
            if k * 3 >= len(gs):
                holders[n].append(i)
    for n, idx in sorted(holders.items()):
        for i, j in itertools.combinations(idx, 2):
            a, b = spans[i], spans[j]
            near = a is None or b is None or (b[0] - a[1] <= DAYS and a[0] - b[1] <= DAYS)
            if near and support[i][n] + support[j][n] >= 3:
                parent[root(j)] = root(i)
    merged = collections.defaultdict(list)
    for i, gs in enumerate(components):
        merged[root(i)].extend(gs)
    return [sorted(gs, key=lambda g: (day[g] is None, day[g] or 0, g)) for _, gs in sorted(merged.items())]


def _of_earlier_times(conn, article_event, spans):
    """The subject-less claims of a sentence that dates a time ended more than
    DAYS before its event began ("... since floods killed 63 people in January
    2021"): they speak of an earlier happening, so they take the event's id with
    EARLIER after it and meet only what its coverage says of earlier times."""
    past = set()
    for article_id, sentence_start, value in conn.execute(
        "select article_id, sentence_start, value from claims where kind = 'date'"
    ):
        first = spans.get(article_event.get(article_id), (None, None))[0]
        end = _period_end(value)
        if first is not None and end is not None and end < first - DAYS:
            past.add((article_id, sentence_start))
    return {
        cid
        for cid, article_id, sentence_start in conn.execute(
            "select id, article_id, sentence_start from claims where subject is null"
        )
        if (article_id, sentence_start) in past
    }


def _follow_ups(conn, article_event, spans):
    """The happening dates ("when it happened", subject-less) more than
    FOLLOW_UP_DAYS after their event's first dated day: a later happening of
    the story (bodies found, an aftershock, a tally's day), not the event's own
    day, and rarely the same one in two articles: each article's are kept
    apart (the event's id, LATER and the article's id) and compared with none."""
    found = set()
    for cid, article_id, value in conn.execute(
        "select id, article_id, value from claims where kind = 'date' and predicate = ? and subject is null",
        [HAPPENED],
    ):
        first = spans.get(article_event.get(article_id), (None, None))[0]
        day = _day(value)
        if first is not None and day is not None and day > first + FOLLOW_UP_DAYS:
            found.add(cid)
    return found


def _period_end(value):
    """The ordinal of the last day of an ISO day, month or year ("2021-01" -> 31 January 2021)."""
    parts = (value or "").split("-")
    try:
        if len(parts) == 1:
            return dt.date(int(parts[0]), 12, 31).toordinal()
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            return (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).toordinal()
        return dt.date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def _near(span, day):
    """Whether an article of ``day`` may speak of an event of ``span``: within
    DAYS of it, or either undated (a 2020 piece holds no claim of a 2024 event)."""
    first, last = span
    return day is None or first is None or first - DAYS <= day <= last + DAYS


def _slug(name):
    return re.sub(r"[^\w]+", "-", name).strip("-") or "event"


def _chains(groups, day):
    """Articles of one name cut where their days lie more than DAYS apart;
    the undated join the largest chain."""
    dated = sorted((g for g in groups if day[g] is not None), key=lambda g: (day[g], g))
    chains = []
    for g in dated:
        if chains and day[g] - day[chains[-1][-1]] <= DAYS:
            chains[-1].append(g)
        else:
            chains.append([g])
    undated = [g for g in groups if day[g] is None]
    if not chains:
        return [undated]
    max(chains, key=len).extend(undated)
    return chains


def assign(db):
    """Recompute the events, store them, set every claim's event; return the
    slots whose claims changed event (detection compares them again)."""
    conn = db.conn
    # an article without a publication date is placed by the latest day its own sentences date
    rows = conn.execute(f"""select a.id, coalesce(a.duplicate_of, a.id), a.anchors,
               coalesce(a.published, (select max(c.as_of) from claims c where c.article_id = a.id
                                      and c.as_of_source in ('sentence', 'inferred'))),
               a.source, coalesce(a.title, '') || ' ' || substr(a.text, 1, {LEAD}) from articles a""").fetchall()
    counts = collections.defaultdict(set)
    for grp, value in conn.execute(
        "select coalesce(a.duplicate_of, a.id), c.value_num from claims c join articles a on a.id = c.article_id "
        "where c.kind = 'number' and c.value_num is not null and coalesce(c.qualifier, '') != 'vague'"
    ):
        if telling(value):
            counts[grp].add(value)
    event_of, members, events, own_names = group(rows, counts)
    article_event = {a: event_of[g] for g, ids in members.items() for a in ids}
    # names distinctive of one event: shared by most of its articles and by no other event's own names
    holders = collections.defaultdict(set)
    for ev, ns in own_names.items():
        for w in ns:
            holders[w].add(ev)
    distinctive = {w: next(iter(evs)) for w, evs in holders.items() if len(evs) == 1}
    anchors = {id: set(json.loads(a or "[]")) for id, _, a, _, _, _ in rows}
    published = {id: _day(p) for id, _, _, p, _, _ in rows}
    spans = {e.id: (_day(e.first), _day(e.last)) for e in events}
    wanted = {}  # claim id -> event
    for id, ev in article_event.items():
        foreign = {
            w
            for w in anchors.get(id, ())
            if w in distinctive and distinctive[w] != ev and _near(spans[distinctive[w]], published.get(id))
        }
        if not foreign:
            continue
        mine = own_names.get(ev, set())
        for cid, sentence in conn.execute("select id, sentence from claims where article_id = ?", [id]):
            words = set(re.findall(r"[\w'’.-]+", (sentence or "").casefold()))
            theirs = {distinctive[w] for w in foreign if w in words}
            if len(theirs) == 1 and not (words & mine):
                wanted[cid] = next(iter(theirs))
    earlier = _of_earlier_times(conn, article_event, spans)
    later = _follow_ups(conn, article_event, spans)
    changed, updates, counts = set(), [], collections.Counter()
    for cid, article_id, event, slot in conn.execute("select id, article_id, event, slot from claims"):
        want = wanted.get(cid) or article_event.get(article_id)
        if cid in earlier:
            want = f"{want}{EARLIER}"
        elif cid in later:
            want = f"{want}{LATER}{article_id}"  # one article's own: never compared
        counts[want] += 1
        if event != want:
            updates.append((want, cid))
            changed.add(slot)
    conn.executemany("update claims set event = ? where id = ?", updates)
    conn.execute("delete from events")
    for e in events:
        e.claims = counts.get(e.id, 0)
    from .. import store

    store.insert_rows(conn, "events", [e.row() for e in events])
    return changed
