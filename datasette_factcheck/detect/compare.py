"""What detection does for every rule alike: order a disagreement's claims
in time, tell conflict from change, score it and explain it.

Conflict or change (``relation``):

* the claims cannot be separated in time (either date unknown, or their
  ``as_of`` dates are no more than ``window_days`` apart): ``conflict``;
* the later claim carries a revision word (revised, updated, now, finally,
  diralat, direvisi, kini, akhirnya ...) and is at least a day later: ``change``;
* they are more than ``window_days`` apart: ``change``, the later one supersedes;
* an actor who is reported to confirm (admit) at least a day after being
  reported to deny or stay silent has changed stance: ``change``, the
  admission supersedes; the other way round stays a ``conflict``;
* a count that only grows as a story moves on (the dead, the injured, the damaged homes:
  ``GROWING``) and is larger at least a day later, or any other figure of a
  running tally (the missing: ``RUNNING``) at least a day
  later: ``change``, the later figure supersedes; two different figures the
  same day stay a ``conflict``;
* a stance told as held earlier ("had denied for days") before another
  account of a day not before it: ``change``; and where one side's own
  article tells the other side's stance as its earlier one (``history``),
  undated or not, the two are the story's history: ``change``.

Which claims of unknown time may be flagged at all is ``pairing``'s rule: an
undated claim meets others only where the slot's dated coverage lies within
the window, so it is never a conflict with a claim months away.
"""

from ..model import CHANGE, CONFLICT, EARLIER, NUMBER, STANCE, STANCE_LABELS, iso_day
from .labels import predicate_label
from .pairing import account_pairs, representative

DEFAULT_WINDOW_DAYS = 7
# What is counted in these slots accumulates as a story moves on: a larger
# figure on a later day supersedes the earlier one rather than contradicting it.
GROWING = {"dead", "injured", "casualties", "arrested", "homes"}  # homes: damaged ones, counted as assessed
# Running tallies of a happening move either way as it is counted (the missing
# rise as reports come in and fall as people are found): a different figure at
# least a day later is the tally updated, not a disagreement.
RUNNING = {"missing"}


def compare(rule, claims, settings):
    """The flags (dicts) one rule raises over one slot's claims: one for
    each pair of accounts that disagree, with every claim of both."""
    window = settings.get("window_days", DEFAULT_WINDOW_DAYS)
    told = history(claims)
    for acc_a, acc_b in account_pairs(claims, rule.account, rule.disagreement, window):
        rep_a = representative(acc_a)
        found = rule.disagreement(rep_a, representative(acc_b, rep_a))
        if found is None:
            continue
        yield flag(rule.kind, found.a, found.b, settings, found.strength, (acc_a, acc_b), told)


def history(claims):
    """{article group: (values it tells as held earlier, values it gives as
    now)}: "Iran had denied for days" in an article reporting the admission."""
    told = {}
    for c in claims:
        before, now = told.setdefault(c["group"], (set(), set()))
        (before if c.get("as_of_source") == EARLIER else now).add(c["value"])
    return told


def retells(told, earlier, later):
    """Whether one side's own article tells the story's history from
    ``earlier`` to ``later``: ``later``'s article tells ``earlier``'s value as
    held before its account, or ``earlier`` is told as history by an article
    whose account of now is ``later``'s value. Not a conflict: a change."""
    before, _ = told.get(later["group"], ((), ()))
    _, now = told.get(earlier["group"], ((), ()))
    if later.get("as_of_source") == EARLIER:
        return False
    return earlier.get("value") in before or (earlier.get("as_of_source") == EARLIER and later.get("value") in now)


def _order(c):
    """Time order: by as_of, a stance told as earlier before the article's own account of that day."""
    return (c.get("as_of") or "9999", c.get("as_of_source") != EARLIER)


def growing(a, b):
    """Whether b, the later claim, is a larger figure of a count that only
    grows, or another figure of a running tally (``RUNNING``)."""
    if a.get("kind") != NUMBER or b.get("value_num") is None or a.get("value_num") is None:
        return False
    if a.get("predicate") != b.get("predicate"):
        return False
    base = (a.get("predicate") or "").split(":")[0]
    return (base in GROWING and b["value_num"] > a["value_num"]) or base in RUNNING


def admitted(a, b):
    """Whether b, the later stance claim, admits what a denied or was silent on."""
    return a.get("kind") == STANCE and b.get("value") == "confirmed" and a.get("value") in ("denied", "silent")


def relation(a, b, window_days=DEFAULT_WINDOW_DAYS):
    """("conflict" | "change", days apart or None) for two claims."""
    da, db = iso_day(a.get("as_of")), iso_day(b.get("as_of"))
    if da is None or db is None:
        return CONFLICT, None
    gap = abs((db - da).days)
    earlier, later = (a, b) if _order(a) < _order(b) else (b, a)
    if earlier.get("as_of_source") == EARLIER and later.get("as_of_source") != EARLIER:
        return CHANGE, gap  # held before its article's day, which is not after the other's
    if gap >= 1 and later.get("revision"):
        return CHANGE, gap
    if gap > window_days:
        return CHANGE, gap
    if gap >= 1 and (growing(earlier, later) or admitted(earlier, later)):
        return CHANGE, gap
    return CONFLICT, gap


def flag(kind, a, b, settings, strength, accounts=None, told=None):
    """A flag for claims a and b, ordered earlier first, explained; with
    ``accounts`` (the two ``model.Account`` the claims speak for), its
    sides are every claim of each account and its key names both. ``told``
    (see ``history``) makes a conflict a change where one side's own
    article tells the other side's stance as the earlier one."""
    window = settings.get("window_days", DEFAULT_WINDOW_DAYS)
    told = told or {}
    if accounts is None:
        accounts = (None, None)
    if _order(a) > _order(b) or (retells(told, b, a) and not retells(told, a, b)):
        a, b = b, a
        accounts = accounts[::-1]
    rel, gap = relation(a, b, window)
    retold = rel == CONFLICT and retells(told, a, b) and not retells(told, b, a)
    if retold:
        rel = CHANGE
    certain = all(c.get("as_of_source") in ("sentence", "published") for c in (a, b))
    score = round(min(1.0, strength + (0.1 if certain else 0.0)), 3)
    out = {
        "claim_a": a["id"],
        "claim_b": b["id"],
        "kind": kind,
        "relation": rel,
        "explanation": explain(kind, a, b, rel, gap, window, accounts, retold),
        "score": score,
    }
    if accounts[0] is not None:
        out["sides"] = (accounts[0].claims, accounts[1].claims)
        out["key"] = "|".join(
            str(x)
            for x in (
                a.get("slot"),
                "" if a.get("subject") else a.get("event") or "",
                *accounts[0].key,
                *accounts[1].key,
            )
        )
    return out


def _value(c):
    if c["kind"] == "stance":
        return STANCE_LABELS.get(c["value"], c["value"])
    if c["kind"] == "number":
        hedge = {"approx": "about ", "min": "at least ", "max": "up to ", "vague": "an unspecified "}.get(
            c.get("qualifier"), ""
        )
        return f"{hedge}{c['value']}"
    return c["value"]


def _when(c):
    if c.get("as_of_source") == EARLIER:
        return f"before {c['as_of'][:10]}, told as earlier" if c.get("as_of") else "earlier, date unknown"
    if not c.get("as_of"):
        return "date unknown"
    how = {
        "sentence": "stated in the sentence",
        "published": "publication date",
        "inferred": "inferred from the article",
        "event": "inferred from its event's dates",
    }
    return f"{c['as_of'][:10]}, {how.get(c.get('as_of_source'), 'date')}"


def _outlets(account):
    """The outlets of an account's articles, syndicated copies counted once (as their original)."""
    return {x.get("source") or x["group"] for x in account.claims if x["article_id"] == x["group"]} or {None}


def _who(c, account=None):
    if account is not None and len(account.groups) > 1:
        n = len(_outlets(account))
        return f"{n} outlets" if n > 1 else f"{_who(c)} ({len(account.groups)} articles)"
    if c.get("source"):
        return c["source"]
    return f"“{c['title']}”" if c.get("title") else (c.get("ref") or c["article_id"])


def explain(kind, a, b, rel, gap, window=DEFAULT_WINDOW_DAYS, accounts=(None, None), retold=False):
    what = {
        "stance": f"{a.get('subject_name') or a.get('subject') or 'The actor'} on {_pred(a)}",
        "number": f"{_pred(a)}" + (f" ({a.get('subject_name')})" if a.get("subject_name") else ""),
        "date": f"{_pred(a)}" + (f" ({a.get('subject_name')})" if a.get("subject_name") else ""),
    }[kind]
    first = f"{what}: {_who(a, accounts[0])} say{'' if _many(accounts[0]) else 's'} {_value(a)} ({_when(a)}); {_who(b, accounts[1])} say{'' if _many(accounts[1]) else 's'} {_value(b)} ({_when(b)})."
    if rel == CHANGE:
        return first + f" {_why_change(a, b, gap, retold)}, so this reads as a change over time, not a disagreement."
    if gap is None:
        return first + " One date is unknown, so they cannot be told apart in time: the sources disagree."
    when = "the same day" if gap == 0 else f"{gap} day{'s' if gap != 1 else ''} apart"
    return first + f" The accounts are {when}, within the {window}-day window: the sources disagree."


def _why_change(a, b, gap, retold):
    if retold:
        return "The second source itself tells the first stance as the one held before"
    if a.get("as_of_source") == EARLIER:
        return "The first stance is told as held before the second account"
    if b.get("revision"):
        reason = " and worded as an update"
    elif growing(a, b):
        reason = " and larger, as a toll grows" if b["value_num"] > a["value_num"] else ", a running tally updated"
    elif admitted(a, b):
        reason = " and an admission after a denial or silence"
    else:
        reason = ""
    return f"The second account is {gap} day{'s' if gap != 1 else ''} later{reason}"


def _many(account):
    return account is not None and len(account.groups) > 1 and len(_outlets(account)) > 1


def _pred(c):
    return predicate_label(c.get("kind"), c.get("predicate"))
