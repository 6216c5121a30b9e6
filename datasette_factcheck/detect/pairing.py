"""Which accounts of a slot meet: a flag is a disagreement between two
accounts, not between two articles, so its cost follows the accounts.

An account (``model.Account``) is what several articles say alike at one
time: the articles (a syndicated copy counts as its original) whose
``Rule.account`` is equal and whose claims hold on the same day. Adding
more coverage that says the same on the same day only makes an account
bigger; it never takes a flag away.

Each dated account meets, for every other value it disagrees with, that
value's NEAREST accounts in time; so a slot yields flags in proportion to
its accounts, not to their square, and never to its articles.

A claim of unknown time (no date in its sentence, no publication date,
nothing to infer from) cannot be placed against a claim months away, so it
is never flagged against one: an undated account meets the others only
when the slot's dated claims all lie within UNDATED_SPAN days of each other
(for a claim without a subject the slot is one event's: the happening's own
coverage bounds its time, so the undated claim is at most that far from any
other and the flag is a ``conflict``), or when nothing in the slot is dated
at all. Where the slot's dated claims are spread wider, an undated account
is not flagged: it could be months from any of them.
"""

import bisect
import datetime as dt

from ..model import EARLIER, Account, canonical, iso_day

NEAREST = 3  # each account meets this many of its nearest accounts of every other value
MAX_VALUES = 40  # past this many distinct values in one slot, accounts meet their neighbours in time
NEIGHBOURS = 8
UNDATED_SPAN = 31  # days the dated claims of a slot may span for its undated claims to be flagged


def by_group(claims):
    groups = {}
    # a syndicated copy counts as its original: the original's own claims speak first
    for c in sorted(claims, key=lambda c: (c["group"], c["article_id"] != c["group"], c["start"])):
        groups.setdefault(c["group"], []).append(c)
    return groups


def accounts(claims, account):
    """The slot's accounts, ordered by day (unknown last), then value. What
    one article says on each day is its account that day: an article whose
    claims hold on two days (a denial it dates or tells as earlier, an
    admission it reports) is in an account of each."""
    found = {}
    for g, cl in by_group(claims).items():
        by_day = {}
        for c in cl:
            by_day.setdefault(_when(c), []).append(c)
        for (day, earlier), on_day in by_day.items():
            key = (account(on_day), day, earlier)
            if key not in found:
                found[key] = Account(value=key[0], day=day, groups=[], claims=[], earlier=earlier)
            found[key].groups.append(g)
            found[key].claims.extend(on_day)
    return sorted(found.values(), key=lambda a: (a.day is None, a.day or 0, canonical(a.value)))


def undated_may_meet(accs, window_days=None):
    """Whether this slot's undated accounts may be flagged (see the module's note)."""
    days = [a.day for a in accs if a.day is not None]
    return not days or max(days) - min(days) <= max(UNDATED_SPAN, window_days or 0)


def account_pairs(claims, account, disagree, window_days):
    """(Account, Account) pairs that disagree, earlier account first."""
    accs = accounts(claims, account)
    if len(accs) < 2:
        return
    by_value = {}
    for a in accs:
        by_value.setdefault(a.value, []).append(a)
    rep = {v: representative(group[0]) for v, group in by_value.items()}
    cache = {}

    def rivals(v1, v2):
        if (v1, v2) not in cache:
            cache[(v1, v2)] = cache[(v2, v1)] = disagree(rep[v1], rep[v2]) is not None
        return cache[(v1, v2)]

    undated = undated_may_meet(accs, window_days)
    met = set()
    if len(by_value) > MAX_VALUES:
        ordered = [a for a in accs if a.day is not None or undated]
        for i, a in enumerate(ordered):
            for j in range(i + 1, min(len(ordered), i + 1 + NEIGHBOURS)):
                b = ordered[j]
                if a.value != b.value and rivals(a.value, b.value):
                    met.add((i, j))
        for i, j in sorted(met):
            if _apart(ordered[i], ordered[j]):
                yield ordered[i], ordered[j]
        return
    index = {id(a): i for i, a in enumerate(accs)}
    dated = {v: [a for a in group if a.day is not None] for v, group in by_value.items()}
    days = {v: [a.day for a in group] for v, group in dated.items()}
    for a in accs:
        if a.day is None and not undated:
            continue
        for v, group in by_value.items():
            if v == a.value or not rivals(a.value, v):
                continue
            if a.day is None:
                near = sorted(group, key=lambda b: (-len(b.groups), b.day is None, b.day or 0))[:NEAREST]
            else:
                near = _nearest(dated[v], days[v], a.day)
                if undated:
                    near += [b for b in group if b.day is None][:NEAREST]
            for b in near:
                i, j = sorted((index[id(a)], index[id(b)]))
                met.add((i, j))
    for i, j in sorted(met):
        if _apart(accs[i], accs[j]):
            yield accs[i], accs[j]


def representative(acc, other=None):
    """The claims of the article that speaks for an account: the first by id
    whose time is stated rather than inferred, else the first by id; never
    ``other``'s article where the account has another (one article's own
    history is no disagreement between sources)."""
    groups = sorted(g for g in acc.groups if other is None or g not in _groups(other)) or sorted(acc.groups)
    certain = {c["group"] for c in acc.claims if c.get("as_of_source") in ("sentence", "published")}
    g = next((g for g in groups if g in certain), groups[0])
    return [c for c in acc.claims if c["group"] == g]


def _apart(a, b):
    """Whether two accounts are not the same articles: one article's own history is no flag."""
    return set(a.groups) != set(b.groups)


def _groups(claims):
    return {c["group"] for c in claims}


def _nearest(accs, days, day):
    """Up to NEAREST of ``accs`` (sorted by ``days``) closest to ``day``."""
    at = bisect.bisect_left(days, day)
    lo, hi, out = at - 1, at, []
    while len(out) < NEAREST and (lo >= 0 or hi < len(accs)):
        if hi < len(accs) and (lo < 0 or days[hi] - day <= day - days[lo]):
            out.append(accs[hi])
            hi += 1
        else:
            out.append(accs[lo])
            lo -= 1
    return out


def _when(claim):
    """(day, told as earlier) a claim holds on: a stance told as held before its
    article's day is an account of the day before ("had denied" is not the
    article's account of now), or of an unknown day of its own."""
    day = _ordinal(claim.get("as_of"))
    if claim.get("as_of_source") != EARLIER:
        return day, False
    return (day - 1 if day is not None else None), True


def _ordinal(value):
    day = iso_day(value)
    return day.toordinal() if day and day != dt.date(9999, 12, 31) else None
