"""The built-in rules: one per kind, each saying what an article's account
is and when two accounts disagree, with a strength. Time, conflict vs
change and the explanation are ``compare``'s, the same for every rule."""

import math

from ..extension import Rule
from ..model import DATE, NUMBER, STANCE, Disagreement, iso_day
from .compare import GROWING


class StanceRule(Rule):
    """Two articles disagree when each gives a stance the other does not."""

    name, kind = "stances", STANCE

    def account(self, claims):
        return frozenset(c["value"] for c in claims)

    def disagreement(self, claims_a, claims_b):
        va, vb = self.account(claims_a), self.account(claims_b)
        if not (va - vb and vb - va):
            return None
        a = next(c for c in claims_a if c["value"] not in vb)
        b = next(c for c in claims_b if c["value"] not in va)
        return Disagreement(a, b, 0.9 if {a["value"], b["value"]} == {"confirmed", "denied"} else 0.75)


def interval(c):
    """The values a figure allows: its hedge's range, open above for "at least"."""
    low = c.get("value_low")
    high = c.get("value_high")
    low = c["value_num"] if low is None else low
    high = math.inf if high is None and c.get("qualifier") == "min" else (c["value_num"] if high is None else high)
    return low, high


def current(claims):
    """The figures an article gives as the count of its day: of a count that
    only grows (``compare.GROWING``), its largest; the smaller ones are tolls
    it has passed ("up from 162 the night before", a caption's older figure)."""
    if claims and (claims[0].get("predicate") or "").split(":")[0] in GROWING:
        return [max(claims, key=lambda c: c["value_num"])]
    return claims


class NumberRule(Rule):
    """Two articles disagree when no figure of one overlaps a figure of the
    other, hedges and ranges counted; the closest pair shows it. Of a count
    that only grows, an article's figure is its largest (``current``)."""

    name, kind = "numbers", NUMBER

    def account(self, claims):
        return frozenset(interval(c) for c in current(claims))

    def disagreement(self, claims_a, claims_b):
        if any(la <= hb and lb <= ha for la, ha in self.account(claims_a) for lb, hb in self.account(claims_b)):
            return None
        pairs = ((a, b) for a in current(claims_a) for b in current(claims_b))
        a, b = min(pairs, key=lambda pair: _gap(*pair))
        return Disagreement(a, b, 0.6 + min(0.3, _gap(a, b)))


def _gap(a, b):
    """How far apart two figures are, relative to the larger."""
    return abs(a["value_num"] - b["value_num"]) / max(abs(a["value_num"]), abs(b["value_num"]), 1e-9)


def compatible_dates(a, b):
    """Whether two ISO dates can name the same day ("2024-10" and "2024-10-18" can)."""
    return a.startswith(b) or b.startswith(a)


# Dates of one happening are told within weeks of it: two accounts of an actor's
# "date of confirmation" further apart than this speak of two happenings.
HAPPENING_DAYS = 31


class DateRule(Rule):
    """Two articles disagree when no date of one is compatible with a date of
    the other, and they tell them within HAPPENING_DAYS of each other."""

    name, kind = "dates", DATE

    def account(self, claims):
        return frozenset(c["value"] for c in claims)

    def disagreement(self, claims_a, claims_b):
        if any(compatible_dates(a, b) for a in self.account(claims_a) for b in self.account(claims_b)):
            return None
        a, b = claims_a[0], claims_b[0]
        told_a, told_b = iso_day(a.get("as_of")), iso_day(b.get("as_of"))
        if told_a and told_b and abs((told_a - told_b).days) > HAPPENING_DAYS:
            return None
        precise = a["qualifier"] == "day" and b["qualifier"] == "day"
        return Disagreement(a, b, 0.7 if precise else 0.55)
