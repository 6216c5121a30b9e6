"""From one article to its claims.

``Document`` holds what every extractor shares (sentences, entity mentions,
resolved dates, the reference date); extractors registered through the
``factcheck_extractors`` hook turn it into claims.
"""

import bisect
import hashlib
import json
import re
from collections import Counter

from .. import lexicon, plugins
from ..lexicon import fold, norm
from ..model import DATE, Claim, iso_day
from ..read.datelines import dateline
from . import dates, sentences
from .entities import Matcher
from .names import Names
from .sentences import words

REVISION_WORDS = 4  # how far before a date a revision word revises it


class Document(Names):
    def __init__(self, article, matcher: Matcher, today=None):
        self.article = article
        self.text = article["text"]
        self.lex = lexicon.get(article.get("language") or "en")
        self.matcher = matcher
        self.new_entities = {}
        self._clauses = {}
        self.sentences = list(sentences.split(self.text, self.lex.sets["abbreviations"]))
        # the outlet's dateline ("Jakarta Wire –") names no actor of the story
        self.dateline_end = dateline(self.text)[1]
        self.mentions = [m for m in matcher.find(self.text) if m.start >= self.dateline_end]
        self.name_ids, self.token_ids, self.body_of = {}, {}, {}
        self._register_names()
        self.published = iso_day(article.get("published"))
        self._resolve_dates(today)
        self.topic = self._topic()

    # -- dates -------------------------------------------------------------
    def _resolve_dates(self, today):
        found = [(i, m) for i, (s, e) in enumerate(self.sentences) for m in dates.find(self.text, s, e, self.lex)]
        ref = self.published
        self.ref_source = "published" if ref else None
        if ref is None:
            ref, self.ref_source = dates.reference(found, self._future, today)
        self.ref = ref
        self.dates = [(i, m) for i, m in found if dates.resolve(m, ref, today, forward=self._future(i, m.start))]
        self.date_spans = [(m.start, m.end) for _, m in found]

    def _future(self, i, at=None):
        """Whether sentence i (or the clause of it holding offset ``at``) speaks of the future."""
        s, e = self.sentences[i]
        if at is not None:
            s, e = next(((a, b) for a, b in self.clauses(s, e) if a <= at < b), (s, e))
        return bool(self.lex.re["future"].search(self.text, s, e))

    def clauses(self, start, end):
        """The clause spans of text[start:end] (see ``sentences.clauses``), worked out once."""
        key = (start, end)
        if key not in self._clauses:
            self._clauses[key] = sentences.clauses(self.text, start, end, self.lex)
        return self._clauses[key]

    def sentence_date(self, i):
        for j, m in self.dates:
            if j == i and m.precision == "day" and not m.weekday_mismatch:
                return m.value
        return None

    def latest_date(self, i):
        """(as_of, source) for a figure in sentence i: the latest explicit day it
        names ("the quake that struck on Monday ... has risen to 27, the agency
        said on Tuesday": Tuesday), else as ``as_of``. A count holds as of its
        latest telling, not of the happening its sentence also dates."""
        days = [m.value for j, m in self.dates if j == i and m.precision == "day" and not m.weekday_mismatch]
        if self.ref:
            days = [d for d in days if d <= self.ref.isoformat()] or days
        return (max(days), "sentence") if days else self.as_of(i)

    def as_of(self, i):
        """(as_of, source) for a claim in sentence i: an explicit date in the
        sentence, else the publication date, else the inferred one."""
        explicit = self.sentence_date(i)
        if explicit:
            return explicit, "sentence"
        if self.ref:
            return self.ref.isoformat(), self.ref_source
        return None, None

    # -- entities ----------------------------------------------------------
    def entities_in(self, start, end):
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def actor_before(self, start, end):
        """The entities acting before ``end``: the nearest mention not governed by a
        preposition ("dari Korsel", "to the United Nations") unless possessive
        ("Iran's mission"), with those coordinated with it."""
        lex, text = self.lex, self.text
        mentions = self.entities_in(start, end)
        chosen = None
        for k in range(len(mentions) - 1, -1, -1):
            m_start, m_end = mentions[k][0], mentions[k][1]
            if lex.morph.possessive(text, m_end):
                chosen = k
                break
            if self._governed(max(start, m_start - 40), m_start):
                continue
            chosen = k
            break
        if chosen is None:
            return []
        group = [mentions[chosen][2]]
        # coordinated actors, also across the commas of a list of representatives:
        # "PM Jepang X, PM Jerman Y dan PM Norwegia Z menyebut"
        every = self.mentions
        k, listed = every.index(mentions[chosen]), False
        while k > 0:
            gap = text[every[k - 1][1] : every[k][0]]
            if not re.fullmatch(r"[\w\s,()]*", gap) or every[k - 1][1] < start - 200:
                break
            gap_words = [w for w in re.findall(r"\w+", gap)]
            listed = listed or any(norm(w) in lex.sets["coordinators"] for w in gap_words)
            if every[k - 1][0] < start and not listed:
                break  # before the clause, only a list with a coordinator
            if all(
                norm(w) in lex.sets["coordinators"] or norm(w) in self._title_words() or w[0].isupper()
                for w in gap_words
            ) and not self._governed(max(0, every[k - 1][0] - 40), every[k - 1][0]):
                group.insert(0, every[k - 1][2])
                k -= 1
            else:
                break
        return list(dict.fromkeys(group))

    def _governed(self, start, at, agents=True):
        """Whether a preposition governs the name at ``at`` ("dari Korsel"),
        unless a role noun governs the preposition ("pejabat di Kementerian Luar Negeri");
        with ``agents=False`` an agent marker ("oleh X", "by X") does not count."""
        lex = self.lex
        prev = [norm(w) for _, _, w in words(self.text, start, at)]
        while prev and prev[-1] in lex.sets["determiners"]:
            prev.pop()
        if not (prev and prev[-1] in lex.sets["prepositions"]):
            return False
        if not agents and prev[-1] in lex.sets["agent_markers"]:
            return False
        return not (len(prev) > 1 and prev[-2] in lex.sets["role_nouns"])

    def _title_words(self):
        return self.lex.memo("title_words", lambda lx: {w for t in lx.sets["titles"] for w in t.split()})

    # -- propositions ------------------------------------------------------
    def _topic(self):
        counts = Counter()
        title = self.article.get("title") or ""
        for source in (title, title, self.text):
            for m in self.lex.re["proposition"].finditer(source):
                counts[self.lex.lookup(self.lex.proposition_of, m.group())] += 1
        return counts.most_common(1)[0][0] if counts else "general"

    # -- the story ---------------------------------------------------------
    def anchors(self, most=40):
        """Names that place the article in its story ("kanjuruhan", "amasra"):
        capitalised words that open no sentence and name no known entity,
        month or weekday. Claims without a subject compare only across
        articles sharing one, so two disasters' death tolls never meet."""
        lex, text = self.lex, self.text
        skip = lex.sets["stopwords"] | set(lex.months) | set(lex.weekdays) | set(lex.stance_of)
        counts = Counter()
        starts = [m.start for m in self.mentions]
        for s, e in self.sentences:
            found = sentences.WORD.finditer(text, s, e)
            next(found, None)  # a sentence's first word is capitalised anyway
            for m in found:
                a = m.start()
                if not text[a].isupper() or a < self.dateline_end:
                    continue
                k = bisect.bisect_right(starts, a) - 1
                if k >= 0 and a < self.mentions[k].end:
                    continue  # inside a known entity's name
                w = fold(m.group())
                if len(w) > 2 and norm(w) not in skip and not w.isdigit():
                    counts[w] += 1
        return sorted(w for w, _ in counts.most_common(most))

    # -- claims ------------------------------------------------------------
    def _revision_span(self, kind, s, e, start):
        """Where a revision word makes a claim a revised one: its sentence; for a
        date, the few words before it ("diundur menjadi 12 Juni"), since a toll
        "bertambah menjadi 38" in the same sentence revises no date."""
        if kind != DATE:
            return s, e
        before = words(self.text, s, start)[-REVISION_WORDS:]
        return (before[0][0] if before else start), start

    def claim(self, kind, i, start, end, value, subject=None, predicate=None, when=None, **extra):
        """A ``model.Claim`` in sentence ``i``, its evidence at ``start:end``,
        dated by the sentence (or the article) unless ``when`` gives (as_of,
        as_of_source); ``extra`` sets the optional fields."""
        s, e = self.sentences[i]
        as_of, as_of_source = when or self.as_of(i)
        key = "|".join(str(x) for x in (self.article["id"], kind, start, end, subject, predicate, value))
        return Claim(
            id=hashlib.sha1(key.encode()).hexdigest()[:16],
            article_id=self.article["id"],
            kind=kind,
            subject=subject,
            predicate=predicate,
            value=value,
            as_of=as_of,
            as_of_source=as_of_source,
            sentence=self.text[s:e],
            start=start,
            end=end,
            sentence_start=s,
            revision=1 if self.lex.re["revision"].search(self.text, *self._revision_span(kind, s, e, start)) else 0,
            **extra,
        )


def extract(article, matcher, today=None):
    """(claims, new_entities) for one article, from every registered extractor;
    also sets ``article["anchors"]``, the names placing it in its story."""
    doc = Document(article, matcher, today)
    claims, seen = [], set()
    for extractor in plugins.extractors():
        for claim in extractor.extract(doc):
            if claim.id not in seen:
                seen.add(claim.id)
                claim.extractor = claim.extractor or extractor.name
                claims.append(claim.row())
    new = [dict(e, aliases=sorted(e["aliases"])) for e in doc.new_entities.values()]
    article["anchors"] = json.dumps(doc.anchors(), ensure_ascii=False)
    return claims, new
