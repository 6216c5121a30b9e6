"""Which articles of a slot meet: pairs of articles whose accounts disagree,
in proportion to the articles, not to their square.

Each article's claims in the slot are one side (a syndicated copy counts as
its original); articles giving the same account form a cluster, and each
article meets its NEAREST articles in time among the clusters that
disagree with it.
"""
import bisect
import datetime as dt
import json

from ..model import iso_day

def by_group(claims):
    groups = {}
    # a syndicated copy counts as its original: the original's own claims speak first
    for c in sorted(claims, key=lambda c: (c["group"], c["article_id"] != c["group"], c["start"])):
        groups.setdefault(c["group"], []).append(c)
    return groups


NEAREST = 3  # each article meets this many of its nearest articles with another account
MAX_ACCOUNTS = 40  # past this many distinct accounts in one slot, compare neighbours in time
NEIGHBOURS = 8


def pairs_of_groups(claims, account, disagree):
    """Pairs of articles (their claims in this slot) whose accounts disagree.

    Articles giving the same account (the same ``account(claims)``) form one
    cluster; each article meets the NEAREST articles in time among those whose
    account disagrees with its own. A slot with many articles so yields flags
    in proportion to its articles, not to their square.
    """
    groups = by_group(claims)
    when = {g: _ordinal(min((c.get("as_of") or "9999-12-31") for c in cl)) for g, cl in groups.items()}
    related = _same_story(groups)
    clusters = {}
    for g, cl in groups.items():
        clusters.setdefault(account(cl), []).append(g)
    if len(clusters) > MAX_ACCOUNTS:
        yield from _neighbour_pairs(groups, when, disagree, related)
        return
    keys = sorted(clusters, key=repr)
    order = {k: sorted(clusters[k], key=lambda g: (when[g], g)) for k in keys}
    times = {k: [when[g] for g in order[k]] for k in keys}
    rival = {k1: [k2 for k2 in keys if k2 != k1 and disagree(groups[clusters[k1][0]], groups[clusters[k2][0]])] for k1 in keys}
    pairs = set()
    for k1 in keys:
        for g in clusters[k1]:
            near = []
            for k2 in rival[k1]:
                for h in _nearest(order[k2], times[k2], when[g], lambda h: related(g, h)):
                    near.append((abs(when[h] - when[g]), h))
            for _, h in sorted(near)[:NEAREST]:
                pairs.add((min(g, h), max(g, h)))
    for g, h in sorted(pairs):
        yield groups[g], groups[h]


def _same_story(groups):
    """Whether two articles can speak of the same thing. With a subject (an
    actor, an entity) the slot says so; without one ("127 people died"),
    they must share a name placing them in one story (Kanjuruhan, Amasra)."""
    if any(cl[0].get("subject") for cl in groups.values()):
        return lambda g, h: True
    names = {g: set(json.loads(cl[0].get("anchors") or "[]")) for g, cl in groups.items()}
    return lambda g, h: bool(names[g] & names[h])


def _neighbour_pairs(groups, when, disagree, related):
    order = sorted(groups, key=lambda g: (when[g], g))
    for i, g in enumerate(order):
        for h in order[i + 1:i + 1 + NEIGHBOURS]:
            if related(g, h) and disagree(groups[g], groups[h]):
                yield groups[g], groups[h]


def _nearest(ys, times, t, keep, scan=64):
    """Up to NEAREST of ``ys`` (sorted by ``times``) closest to ``t`` that ``keep`` accepts."""
    at = bisect.bisect_left(times, t)
    lo, hi, out, seen = at - 1, at, [], 0
    while len(out) < NEAREST and seen < scan and (lo >= 0 or hi < len(ys)):
        if hi < len(ys) and (lo < 0 or times[hi] - t <= t - times[lo]):
            candidate, hi = ys[hi], hi + 1
        else:
            candidate, lo = ys[lo], lo - 1
        seen += 1
        if keep(candidate):
            out.append(candidate)
    return out


def _ordinal(value):
    day = iso_day(value)
    return day.toordinal() if day else dt.date.max.toordinal()


