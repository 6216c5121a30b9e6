"""The built-in contradiction rules and the rule that tells conflict from change.

Each rule receives the claims of one slot (same kind, subject and predicate),
each a dict with the claim's columns plus ``group`` (its article, duplicates
folded into one), ``source``, ``published`` and ``title``, and yields flags.

Conflict or change (``relation``):

* the claims cannot be separated in time (either date unknown, or their
  ``as_of`` dates are no more than ``window_days`` apart): ``conflict``;
* the later claim carries a revision word (revised, updated, now, finally,
  diralat, direvisi, kini, akhirnya ...) and is at least a day later: ``change``;
* they are more than ``window_days`` apart: ``change``, the later one supersedes.
"""
import bisect
import datetime as dt
import json
import math

DEFAULT_WINDOW_DAYS = 7
STANCE_WORDS = {"confirmed": "confirmed", "denied": "denied", "silent": "stayed silent"}


def relation(a, b, window_days=DEFAULT_WINDOW_DAYS):
    """("conflict" | "change", days apart or None) for two claims."""
    da, db = _day(a.get("as_of")), _day(b.get("as_of"))
    if da is None or db is None:
        return "conflict", None
    gap = abs((db - da).days)
    later = b if db > da else a
    if gap >= 1 and later.get("revision"):
        return "change", gap
    if gap > window_days:
        return "change", gap
    return "conflict", gap


def _day(value):
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


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
    day = _day(value)
    return day.toordinal() if day else dt.date.max.toordinal()


# -- stances ----------------------------------------------------------------
def _stance_account(claims):
    return frozenset(c["value"] for c in claims)


def _stances_disagree(ca_list, cb_list):
    va, vb = _stance_account(ca_list), _stance_account(cb_list)
    return bool(va - vb) and bool(vb - va)


def compare_stances(kind, claims, settings):
    if kind != "stance":
        return
    for ca_list, cb_list in pairs_of_groups(claims, _stance_account, _stances_disagree):
        va, vb = _stance_account(ca_list), _stance_account(cb_list)
        a = next(c for c in ca_list if c["value"] not in vb)
        b = next(c for c in cb_list if c["value"] not in va)
        yield flag("stance", a, b, settings, strength=0.9 if {a["value"], b["value"]} == {"confirmed", "denied"} else 0.75)


# -- numbers ----------------------------------------------------------------
def interval(c):
    low = c.get("value_low")
    high = c.get("value_high")
    low = c["value_num"] if low is None else low
    high = math.inf if high is None and c.get("qualifier") == "min" else (c["value_num"] if high is None else high)
    return low, high


def _number_account(claims):
    return frozenset(interval(c) for c in claims)


def _numbers_disagree(ca_list, cb_list):
    return not any(la <= hb and lb <= ha for la, ha in _number_account(ca_list) for lb, hb in _number_account(cb_list))


def compare_numbers(kind, claims, settings):
    if kind != "number":
        return
    for ca_list, cb_list in pairs_of_groups(claims, _number_account, _numbers_disagree):
        a, b = min(((a, b) for a in ca_list for b in cb_list), key=lambda p: _gap(*p))
        yield flag("number", a, b, settings, strength=0.6 + min(0.3, _gap(a, b)))


def _gap(a, b):
    """How far apart two figures are, relative to the larger."""
    return abs(a["value_num"] - b["value_num"]) / max(abs(a["value_num"]), abs(b["value_num"]), 1e-9)


# -- dates ------------------------------------------------------------------
def compatible_dates(a, b):
    return a.startswith(b) or b.startswith(a)


def _date_account(claims):
    return frozenset(c["value"] for c in claims)


def _dates_disagree(ca_list, cb_list):
    return not any(compatible_dates(a, b) for a in _date_account(ca_list) for b in _date_account(cb_list))


def compare_dates(kind, claims, settings):
    if kind != "date":
        return
    for ca_list, cb_list in pairs_of_groups(claims, _date_account, _dates_disagree):
        a, b = ca_list[0], cb_list[0]
        precise = a["qualifier"] == "day" and b["qualifier"] == "day"
        yield flag("date", a, b, settings, strength=0.7 if precise else 0.55)


# -- flags and explanations -------------------------------------------------
def flag(kind, a, b, settings, strength):
    """A flag for claims a and b, ordered earlier first, explained."""
    window = settings.get("window_days", DEFAULT_WINDOW_DAYS)
    if (a.get("as_of") or "9999") > (b.get("as_of") or "9999"):
        a, b = b, a
    rel, gap = relation(a, b, window)
    certain = all(c.get("as_of_source") in ("sentence", "published") for c in (a, b))
    score = round(min(1.0, strength + (0.1 if certain else 0.0)), 3)
    return {
        "claim_a": a["id"], "claim_b": b["id"], "kind": kind, "relation": rel,
        "explanation": explain(kind, a, b, rel, gap, window), "score": score,
    }


def _value(c):
    if c["kind"] == "stance":
        return STANCE_WORDS.get(c["value"], c["value"])
    if c["kind"] == "number":
        hedge = {"approx": "about ", "min": "at least ", "max": "up to ", "vague": "an unspecified "}.get(c.get("qualifier"), "")
        return f"{hedge}{c['value']}"
    return c["value"]


def _when(c):
    if not c.get("as_of"):
        return "date unknown"
    how = {"sentence": "stated in the sentence", "published": "publication date", "inferred": "inferred from the article"}
    return f"{c['as_of'][:10]}, {how.get(c.get('as_of_source'), 'date')}"


def _who(c):
    if c.get("source"):
        return c["source"]
    return f"“{c['title']}”" if c.get("title") else (c.get("ref") or c["article_id"])


def explain(kind, a, b, rel, gap, window=DEFAULT_WINDOW_DAYS):
    what = {
        "stance": f"{a.get('subject_name') or a.get('subject') or 'The actor'} on {_pred(a)}",
        "number": f"{_pred(a)}" + (f" ({a.get('subject_name')})" if a.get("subject_name") else ""),
        "date": f"date of {_pred(a)}" + (f" ({a.get('subject_name')})" if a.get("subject_name") else ""),
    }[kind]
    first = f"{what}: {_who(a)} says {_value(a)} ({_when(a)}); {_who(b)} says {_value(b)} ({_when(b)})."
    if rel == "change":
        why = f"{gap} days later" + (" and worded as an update" if b.get("revision") else "")
        return first + f" The second account is {why}, so this reads as a change over time, not a disagreement."
    if gap is None:
        return first + " One date is unknown, so they cannot be told apart in time: the sources disagree."
    when = "the same day" if gap == 0 else f"{gap} day{'s' if gap != 1 else ''} apart"
    return first + f" The accounts are {when}, within the {window}-day window: the sources disagree."


def _pred(c):
    return (c.get("predicate") or "").replace("_", " ").replace(":", ", ")
