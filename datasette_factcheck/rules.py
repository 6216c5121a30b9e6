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
import datetime as dt
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


def pairs_of_groups(claims):
    groups = by_group(claims)
    keys = sorted(groups)
    for i, ga in enumerate(keys):
        for gb in keys[i + 1:]:
            yield groups[ga], groups[gb]


# -- stances ----------------------------------------------------------------
def compare_stances(kind, claims, settings):
    if kind != "stance":
        return
    for ca_list, cb_list in pairs_of_groups(claims):
        va = {c["value"] for c in ca_list}
        vb = {c["value"] for c in cb_list}
        only_a, only_b = va - vb, vb - va
        if not only_a or not only_b:
            continue
        a = next(c for c in ca_list if c["value"] in only_a)
        b = next(c for c in cb_list if c["value"] in only_b)
        yield flag("stance", a, b, settings, strength=0.9 if {a["value"], b["value"]} == {"confirmed", "denied"} else 0.75)


# -- numbers ----------------------------------------------------------------
def interval(c):
    low = c.get("value_low")
    high = c.get("value_high")
    low = c["value_num"] if low is None else low
    high = math.inf if high is None and c.get("qualifier") == "min" else (c["value_num"] if high is None else high)
    return low, high


def compare_numbers(kind, claims, settings):
    if kind != "number":
        return
    for ca_list, cb_list in pairs_of_groups(claims):
        agree = False
        best = None
        for a in ca_list:
            for b in cb_list:
                (la, ha), (lb, hb) = interval(a), interval(b)
                if la <= hb and lb <= ha:
                    agree = True
                    break
                gap = abs(a["value_num"] - b["value_num"]) / max(abs(a["value_num"]), abs(b["value_num"]), 1e-9)
                if best is None or gap < best[0]:
                    best = (gap, a, b)
            if agree:
                break
        if not agree and best:
            gap, a, b = best
            yield flag("number", a, b, settings, strength=0.6 + min(0.3, gap))


# -- dates ------------------------------------------------------------------
def compatible_dates(a, b):
    return a.startswith(b) or b.startswith(a)


def compare_dates(kind, claims, settings):
    if kind != "date":
        return
    for ca_list, cb_list in pairs_of_groups(claims):
        if any(compatible_dates(a["value"], b["value"]) for a in ca_list for b in cb_list):
            continue
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
    return c.get("source") or c.get("title") or c.get("ref") or c["article_id"]


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
