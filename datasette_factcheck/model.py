"""The data every stage shares, defined once: kinds, relations, statuses,
stance labels, the slot key, and the typed claim, disagreement and flag.

Extractors make ``Claim``; storage keeps rows (``Claim.row``); detection
reads rows back, and a rule answers with a ``Disagreement`` that detection
turns into a ``Flag``.
"""

import dataclasses
import datetime as dt
import hashlib
from typing import Any, Dict, List, NamedTuple, Optional, Tuple

NUMBER, DATE, STANCE = "number", "date", "stance"
KINDS = (NUMBER, DATE, STANCE)
CONFLICT, CHANGE = "conflict", "change"
# The concept of a happening's own date ("terjadi", "crashed", "died"): it has no
# actor, so its slot is its event's (claims without a subject compare within one
# event) and not the entity named nearest, which differs from outlet to outlet.
HAPPENED = "occur"
# as_of_source of a stance told as history ("had denied"): it held before as_of, the article's day
EARLIER = "earlier"
RELATIONS = (CONFLICT, CHANGE)
OPEN, CONFIRMED, DISMISSED = "open", "confirmed", "dismissed"
STATUSES = (OPEN, CONFIRMED, DISMISSED)
STANCE_VALUES = ("confirmed", "denied", "silent")
# how a stance value reads in a sentence ("X stayed silent") and on a page
STANCE_LABELS = {"confirmed": "confirmed", "denied": "denied", "silent": "stayed silent"}
STANCE_SYMBOLS = {"confirmed": "✔", "denied": "✘", "silent": "…"}


ABOUT = "about:"  # a proposition the lexicon does not know, named by its object phrase


def slot_key(kind, subject, predicate):
    """Claims compare only within a slot: same kind, subject and predicate; of a
    proposition named by its object phrase, the phrase's head noun ("about:kebocoran
    data" and "about:kebocoran" are one matter, the label keeps the phrase)."""
    if predicate and predicate.startswith(ABOUT):
        predicate = ABOUT + predicate[len(ABOUT) :].split(" ")[0]
    return f"{kind}|{subject or ''}|{predicate}"


def iso_day(value) -> Optional[dt.date]:
    """The day an ISO 8601 value (date or datetime, any precision from a
    day) names, or None when it names none."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclasses.dataclass
class Claim:
    """One claim an extractor found: what the sentence says, about whom, when.

    ``start``/``end`` are offsets of the evidence in the article's text,
    ``sentence_start`` of its sentence; ``value_low``/``value_high`` and
    ``qualifier`` carry hedges and ranges; ``as_of_source`` says where the
    time came from (sentence, published, inferred)."""

    id: str
    article_id: str
    kind: str
    subject: Optional[str]
    predicate: Optional[str]
    value: Optional[str]
    as_of: Optional[str]
    as_of_source: Optional[str]
    sentence: str
    start: int
    end: int
    sentence_start: int
    revision: int = 0
    value_num: Optional[float] = None
    value_low: Optional[float] = None
    value_high: Optional[float] = None
    qualifier: Optional[str] = None
    cue: Optional[str] = None
    extractor: Optional[str] = None
    speaker: Optional[str] = None  # the person who said it for the body that holds it

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"claim kind {self.kind!r} is not one of {', '.join(KINDS)}")

    @property
    def slot(self):
        return slot_key(self.kind, self.subject, self.predicate)

    def row(self) -> Dict[str, Any]:
        """The claim as a row of the ``claims`` table."""
        row = dict(self.__dict__)
        row["slot"] = self.slot
        return row


class Mention(NamedTuple):
    """An entity named in a text: where (offsets), which entity, and as what surface."""

    start: int
    end: int
    entity: str
    surface: str


class Disagreement(NamedTuple):
    """What a rule reports: two claims (rows of one slot, from two articles
    whose accounts differ) and how strongly they disagree, 0 to 1. Whether it
    is a conflict or a change, and the explanation, detection decides."""

    a: dict
    b: dict
    strength: float


@dataclasses.dataclass
class Account:
    """What several articles say alike in one slot at one time: the articles
    (syndicated copies folded into their originals) whose ``Rule.account``
    is ``value`` and whose claims hold on ``day`` (an ordinal; None when
    unknown). A flag stands for two accounts that disagree."""

    value: Any
    day: Optional[int]
    groups: List[str]
    claims: List[dict]
    earlier: bool = False  # told as held before its articles' day (see pairing)

    @property
    def key(self):
        return (canonical(self.value), self.day) + ((EARLIER,) if self.earlier else ())


def canonical(value):
    """A value's text, the same in every process: a set's members sorted
    (their iteration order follows string hashing, which differs per process)."""
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(canonical(v) for v in value)) + "}"
    if isinstance(value, (tuple, list)):
        return "(" + ", ".join(canonical(v) for v in value) + ")"
    return repr(value)


@dataclasses.dataclass
class Event:
    """One happening (what, where, when) that coverage speaks of: a row of
    the ``events`` table. Claims without a subject compare only within one."""

    id: str
    label: str
    names: str
    first: Optional[str]
    last: Optional[str]
    articles: int
    sources: int
    claims: int = 0

    def row(self) -> Dict[str, Any]:
        return dict(self.__dict__)


@dataclasses.dataclass
class Flag:
    """A row of the ``contradictions`` table; ``sides`` are the claims of
    each account (rows of ``contradiction_claims``), ``key`` what names the
    two accounts (the flag's id, so a flag keeps its reviews while more
    coverage joins either account)."""

    claim_a: str
    claim_b: str
    kind: str
    relation: str
    explanation: str
    score: float
    slot: str
    article_a: str
    article_b: str
    rule: str
    status: str = OPEN
    sides: Tuple[List[dict], List[dict]] = ((), ())
    key: Optional[str] = None

    @property
    def id(self):
        key = self.key or f"{self.claim_a}|{self.claim_b}"
        return hashlib.sha1(key.encode()).hexdigest()[:16]

    def row(self) -> Dict[str, Any]:
        row = {k: v for k, v in self.__dict__.items() if k not in ("sides", "key")}
        return dict(row, id=self.id)

    def side_rows(self) -> List[Dict[str, Any]]:
        """The ``contradiction_claims`` rows: every claim of each account."""
        id = self.id
        return [
            {"contradiction_id": id, "claim_id": c["id"], "side": side, "article_id": c["article_id"]}
            for side, claims in zip("ab", self.sides)
            for c in claims
        ]
