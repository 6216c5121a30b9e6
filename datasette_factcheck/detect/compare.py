"""What detection does for every rule alike: order a disagreement's claims
in time, tell conflict from change, score it and explain it.

Conflict or change (``relation``):

* the claims cannot be separated in time (either date unknown, or their
  ``as_of`` dates are no more than ``window_days`` apart): ``conflict``;
* the later claim carries a revision word (revised, updated, now, finally,
  diralat, direvisi, kini, akhirnya ...) and is at least a day later: ``change``;
* they are more than ``window_days`` apart: ``change``, the later one supersedes.
"""
from ..model import CHANGE, CONFLICT, STANCE_LABELS, iso_day
from .pairing import pairs_of_groups

DEFAULT_WINDOW_DAYS = 7

def compare(rule, claims, settings):
    """The flags (dicts) one rule raises over one slot's claims."""
    for side_a, side_b in pairs_of_groups(claims, rule.account, rule.disagreement):
        found = rule.disagreement(side_a, side_b)
        yield flag(rule.kind, found.a, found.b, settings, found.strength)

def relation(a, b, window_days=DEFAULT_WINDOW_DAYS):
    """("conflict" | "change", days apart or None) for two claims."""
    da, db = iso_day(a.get("as_of")), iso_day(b.get("as_of"))
    if da is None or db is None:
        return CONFLICT, None
    gap = abs((db - da).days)
    later = b if db > da else a
    if gap >= 1 and later.get("revision"):
        return CHANGE, gap
    if gap > window_days:
        return CHANGE, gap
    return CONFLICT, gap

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
        return STANCE_LABELS.get(c["value"], c["value"])
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
    if rel == CHANGE:
        why = f"{gap} days later" + (" and worded as an update" if b.get("revision") else "")
        return first + f" The second account is {why}, so this reads as a change over time, not a disagreement."
    if gap is None:
        return first + " One date is unknown, so they cannot be told apart in time: the sources disagree."
    when = "the same day" if gap == 0 else f"{gap} day{'s' if gap != 1 else ''} apart"
    return first + f" The accounts are {when}, within the {window}-day window: the sources disagree."

def _pred(c):
    return (c.get("predicate") or "").replace("_", " ").replace(":", ", ")
