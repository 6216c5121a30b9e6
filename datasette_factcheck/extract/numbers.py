"""Numbers in text: digits in either convention, scale words, number words,
hedges and vague amounts, with what is not a count (years, times, scores,
labels, phone numbers, list numbering, idioms) left out."""

import math
import re
from dataclasses import dataclass
from typing import NamedTuple, Optional

from .. import lexicon
from ..lexicon import alternation, dotted, fold, norm
from . import numwords
from .sentences import words


def _digits_pattern(shared):
    """A run of digits in either convention, not part of a word, a date or a
    code; a scale abbreviation of any lexicon may be written onto it ("10k", "5rb")."""
    attached = alternation(shared["attached_scales"])
    return re.compile(
        rf"(?:(?<![\w.,/:+#-])|(?<=[\s(]-)|(?<=^-))(\d{{1,3}}(?:([.,])\d{{3}})(?:\2\d{{3}})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!(?!(?:{attached})\b)[\w/:]|[.,]\d|-\d)"
    )


def _digits():
    return lexicon.shared().memo("digits", _digits_pattern)


def _clock_pattern(shared):
    """What after a number makes it a time of day: a 12-hour mark ("p.m.") or
    a time word ("WIB", "GMT", "jam") of any lexicon."""
    return re.compile(rf"\s*(?:(?:{dotted(shared['meridiems'])})\b|(?:{alternation(shared['time_words'])})\b)", re.I)


def _percent_pattern(shared):
    """A percent word of any lexicon right after a number ("%", "persen", "per cent")."""
    return re.compile(rf"\s*(?:{alternation(shared['percent_words'], boundary=True)})", re.I)


def _currency_pattern(shared):
    """A currency sign or code of any lexicon right before an amount ("Rp", "US$")."""
    return re.compile(rf"(?:{alternation(shared['currency_marks'])})\s*$")


DIGIT = re.compile(r"\d")
# Phone numbers written in groups: +62 271 555 0199, (021) 555-0199, 0511-4477-2190
PHONE = re.compile(r"(?<![\w.,])(?:\+\d{1,3}[\s-]?)?\(?\d{2,4}\)?(?:[\s-]\d{2,5}){2,}(?![\w.,]\d)")


@dataclass
class NumberMention:
    start: int
    end: int
    value: float
    low: float
    high: float
    qualifier: str = "exact"  # exact, approx, min, max, vague
    percent: bool = False
    ordinal: bool = False  # a rank ("kedua", "twenty-first", "ke-21"): read, never a count

    @property
    def canonical(self):
        return plain(self.value)


def plain(value):
    """A number as a plain decimal: 12000, 1.5."""
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def parse_digits(token, lex, scaled=False):
    """The value of a digit string under the language's convention.

    A separator followed by exactly three digits groups thousands (12.000,
    12,000) unless a scale word follows (1,5 juta = 1.5 million)."""
    seps = [c for c in token if c in ".,"]
    if not seps:
        return float(token)
    if len(set(seps)) == 2:
        decimal = token[max(token.rfind("."), token.rfind(","))]
        group = "," if decimal == "." else "."
        return float(token.replace(group, "").replace(decimal, "."))
    sep = seps[0]
    if len(seps) > 1:
        return float(token.replace(sep, ""))
    tail = token.split(sep)[1]
    if len(tail) == 3 and not scaled:
        return float(token.replace(sep, ""))
    return float(token.replace(sep, "."))


def words_value(phrase, lex):
    """The value of a phrase of number words ("dua belas ribu", "fifteen hundred"), or None."""
    return numwords.value(phrase, lex)


def find(text, start, end, lex, masked=()):
    """NumberMentions in text[start:end] that are counts, skipping ``masked`` spans (dates)."""
    out = []
    digits = list(_digits().finditer(text, start, end))
    runs = list(_word_runs(text, start, end, lex))
    ordinals = numwords.ordinal_digits(text, start, end, lex) if DIGIT.search(text, start, end) else []
    vague = list(lex.re["vague"].finditer(text, start, end))
    if not (digits or runs or vague or ordinals):
        return out  # most sentences count nothing: spare them the idiom and phone scans
    idioms = [(m.start(), m.end()) for m in lex.re["idiom"].finditer(text, start, end)]
    phones = (
        [(m.start(), m.end()) for m in PHONE.finditer(text, start, end) if len(re.sub(r"\D", "", m.group())) >= 8]
        if digits
        else []
    )
    blocked = list(masked) + idioms + phones + [(a, b) for a, b, _ in ordinals]

    def is_blocked(a, b):
        return any(a < y and x < b for x, y in blocked)

    for m in digits:
        if is_blocked(m.start(), m.end()):
            continue
        mention = _digit_mention(text, m, lex, start)
        if mention:
            out.append(mention)
    for m in runs:
        if is_blocked(m.start, m.end) or any(o.start <= m.start < o.end for o in out):
            continue
        out.append(m)
    for m in vague:
        if is_blocked(m.start(), m.end()) or any(o.start < m.end() and m.start() < o.end for o in out):
            continue
        low, high = lex.lookup(lex.vague, m.group())
        out.append(NumberMention(m.start(), m.end(), float(low), float(low), float(high), "vague"))
    for a, b, value in ordinals:
        if not any(x < b and a < y for x, y in masked):
            out.append(NumberMention(a, b, value, value, value, ordinal=True))
    out.sort(key=lambda n: n.start)
    for n in out:
        if not n.ordinal:
            _hedge(text, n, lex, start)
    return out


def _digit_mention(text, m, lex, sentence_start):
    token = m.group(1)
    before = text[max(sentence_start, m.start() - 25) : m.start()]
    after = text[m.end() : m.end() + 30]
    prev = re.findall(r"[\w#]+", before)
    if prev and norm(prev[-1]) in lex.sets["label_words"] and not before.endswith(("  ",)):
        return None
    shared = lexicon.shared()
    zone = shared.memo("clock", _clock_pattern).match(after)
    if zone and (re.search(r"[.:]\d\d$", token) or re.fullmatch(r"\d{1,2}|[0-2]\d[0-5]\d", token)):
        return None  # a clock time: 22.00 WIB, 10 p.m., 1500 GMT
    if re.match(r"\s*\)", after) and re.search(r"(?<![\w'’.-])[A-Z][\w'’.-]*\s*\($", before):
        return None  # an age after a name: "Dimas (7)"
    if re.fullmatch(r"\d{1,3}", token) and re.match(r",", after) and re.search(r"[A-Z][\w'’.-]+,\s*$", before):
        return None  # an age between commas after a name: "Dewi Lestari, 54, said"
    line_start = text.rfind("\n", 0, m.start()) + 1
    if not text[line_start : m.start()].strip() and re.match(r"[.)]\s", after):
        return None  # list numbering
    digits = re.sub(r"\D", "", token)
    if len(digits) >= 8 and not re.search(r"[.,]\d{3}$", token):
        return None  # phone, identity and account numbers
    if token.startswith("0") and len(digits) > 1 and not re.match(r"0[.,]\d", token):
        return None
    attached = re.match(r"[A-Za-z]+\b", text[m.end() : m.end() + 4])
    gap = m.end() + (len(after) - len(after.lstrip(" -")))
    scale = lex.re["scale"].match(text[gap : gap + 20])  # a slice: "15-hundred" has no word before it
    scale_value = 1
    end = m.end()
    if attached and lex.lookup(lex.scales, attached.group()) and _as_written(attached.group(), lex):
        scale_value = lex.lookup(lex.scales, attached.group())
        end = m.end() + attached.end()
    elif scale and gap - m.end() <= 2 and _as_written(scale.group(), lex):
        word = norm(scale.group())
        if not (word in lex.sets["attached_only_scales"] and gap != m.end()):
            scale_value = lex.lookup(lex.scales, word)
            end = gap + scale.end()
    try:
        value = parse_digits(token, lex, scaled=scale_value != 1) * scale_value
    except ValueError:
        return None
    if scale_value == 1 and re.fullmatch(r"(1[89]|20|21)\d\d", token):
        return None  # a year
    pct = shared.memo("percent", _percent_pattern).match(text[end : end + 10])
    if pct:
        end += pct.end()
    if math.isinf(value) or math.isnan(value):
        return None
    begin = m.start()
    sign = lex.memo("sign", _sign_pattern).search(text[max(sentence_start, begin - 12) : begin])
    if sign:  # a signed figure: "-2,5 persen", "minus 3"
        value, begin = -value, begin - len(sign.group())
    return NumberMention(begin, end, value, value, value, percent=bool(pct))


def _sign_pattern(lex):
    """A minus sign or word right before the digits ("-2,5", "minus 3")."""
    return re.compile(rf"(?:(?<![\w-])[-\u2212]|(?<!\w)(?:{alternation(lex['negative_words'])})\s+)$", re.I)


def _as_written(word, lex):
    """A one-letter scale abbreviation scales only in the case the language
    writes it ("Rp 2,5 M" is miliar, "5 m" metres; "$5m" million)."""
    return len(word) > 1 or word in lex["attached_scales"]


def _word_runs(text, start, end, lex):
    """Spelled-out numbers: ordinals as ranks; zero and one only before what they
    count ("satu rumah", "one suspect"), since "one" is also a pronoun."""
    for w in numwords.find(text, start, end, lex):
        if w.ordinal:
            yield NumberMention(w.start, w.end, w.value, w.value, w.value, ordinal=True)
        elif abs(w.value) >= 2 or _counted_next(text, w.end, lex):
            yield NumberMention(w.start, w.end, w.value, w.value, w.value)


def _counted_next(text, at, lex):
    """Whether a count noun or state follows within two words ("enam korban", "six suspects")."""
    nxt = re.match(r"\s+((?:[\w-]+\s+){0,2}[\w-]+)", text[at : at + 60])
    if not nxt:
        return False
    return any(lex.re[k].search(nxt.group(1)) for k in ("noun", "state"))


def _hedge(text, n, lex, sentence_start):
    window = text[max(sentence_start, n.start - 30) : n.start]
    for m in lex.re["hedge"].finditer(window):
        link = window[m.end() :].strip(' "“')
        if not link or norm(link) in lex.sets["hedge_links"]:
            kind = lex.lookup(lex.hedge_of, m.group())
            n.qualifier = kind
            if kind == "approx":
                n.low, n.high = n.value * 0.9, n.value * 1.1
            elif kind == "min":
                n.low, n.high = n.value, math.inf
            elif kind == "max":
                n.low, n.high = 0.0, n.value
            n.start = n.start - len(window) + m.start()


# The predicate of a frequency or a span of time ("span:kali", "span:years"): read and
# stored, never compared (detect.COMPARABLE): "examined four times" and "shot five
# times" are no two accounts of one thing.
SPAN = "span:"


class Count(NamedTuple):
    """The last count read: what it counted, whose, and the start of its sentence."""

    concept: str
    subject: Optional[str]
    sentence: int


def claims(doc):
    """Number claims: each count with what it counts (predicate) and whose it is (subject)."""
    lex, text = doc.lex, doc.text
    previous = None  # the last count: "... 127 tewas. 125 di antaranya ..." refers back to it
    names = identifiers(doc)
    for i, (s, e) in enumerate(doc.sentences):
        masked = [span for span in doc.date_spans if s <= span[0] < e]
        for n in find(text, s, e, lex, masked):
            if n.ordinal or (
                n.value in names
                and n.qualifier == "exact"
                and re.fullmatch(r"\d+", text[n.start : n.end])
                and not _counted_next(text, n.end, lex)
            ):
                continue  # a rank, or a number the article uses as a name ("Skyliner 390", "Penerbangan 418")
            counted = _counted(doc, n, s, e, previous)
            if counted is None:
                continue
            predicate, subject, head_end = counted
            if predicate is not None:  # None: stored for what it says, never compared (detect.COMPARABLE)
                if not _joined_word(text, n.end) and not predicate.startswith(SPAN):
                    previous = Count(predicate.split(":")[0], subject, s)  # a measure is no count to refer back to
                predicate += _qualifier(doc, n, s, e, predicate)
                if n.percent:
                    predicate = "percent:" + predicate
            yield doc.claim(
                "number",
                i,
                n.start,
                n.end,
                plain(n.value),
                subject,
                predicate,
                doc.latest_date(i),
                value_num=n.value,
                value_low=n.low,
                value_high=None if math.isinf(n.high) else n.high,
                qualifier=n.qualifier,
            )


# a word and the number naming something with it: "Skyliner 390", "Penerbangan 418", "XP 10"
SHORT_NUMBER = re.compile(r"(?<=[ \u00a0])\d{1,4}(?![\d.,]\d|[.,]?\d)")
WORD_BEFORE = re.compile(r"(?<![\w.$])([^\W\d_][\w’'-]*)[ \u00a0]+$")


def identifiers(doc):
    """The numbers an article uses as names of a model, vehicle, flight or
    version: right after a word of ``name_words`` ("penerbangan 418", "type
    390"), or right after a capitalised word that is neither a sentence's first
    nor a currency or date word ("Skyliner 390", "pesawat Nusantara Air 418"),
    or after an all-capitals one anywhere ("XP 10"), with nothing counted and
    no unit after them ("Arif 12 tahun" is a duration). A later bare mention of
    such a number is the name again ("produksi 390 dihentikan"); one followed by
    what it counts is a count all the same ("390 warga") -- ``claims`` checks."""
    lex, text = doc.lex, doc.text
    if not any(c.isdigit() for c in text):
        return set()
    currency = {norm(c) for c in lexicon.shared()["currency_marks"]}
    skip = set(lex.months) | set(lex.weekdays) | lex.sets["label_words"] | set(lex.hedge_of) | lex.sets["stopwords"]
    names = set()
    name_word = lex.memo("name_word", _name_word_pattern)
    units = {norm(u) for u in lex["relative_units"]} | {norm(p) for p in lex["percent_words"]}
    for n in SHORT_NUMBER.finditer(text):  # digits are rarer than words: find them first
        at = n.start()
        number = n.group()
        if any(a <= at < b for a, b in doc.date_spans) or _counted_next(text, n.end(), lex):
            continue
        following = re.match(r"[ \u00a0]*([^\W\d_][\w-]*)", text[n.end() : n.end() + 30])
        if following and norm(following.group(1)) in units:
            continue  # a duration or share: "Arif 12 tahun menjabat"
        if re.fullmatch(r"(1[89]|20|21)\d\d", number):
            continue  # a year
        if name_word and name_word.search(text, max(0, at - 40), at):
            names.add(float(number))  # "penerbangan 418", "type 390"
            continue
        w = WORD_BEFORE.search(text, max(0, at - 40), at)
        if not w or not w.group(1)[0].isupper():
            continue
        word, start = w.group(1), w.start(1)
        if norm(word) in skip or norm(word) in currency:
            continue
        before = text[max(0, start - 8) : start].rstrip(" \"“‘'(")
        initial = start < 8 and not before or bool(before) and before[-1] in ".!?:\n"
        if initial and not (word.isupper() and len(word) >= 2):
            continue
        if _title_case(text, start):
            continue  # a headline capitalises every word: "Korban Banjir Bertambah Menjadi 250 Orang"
        names.add(float(number))
    return names


def _name_word_pattern(lex):
    """A word naming what the number after it is ("penerbangan", "flight"), or None."""
    if not lex["name_words"]:
        return None
    return re.compile(rf"(?<![\w-])(?:{alternation(lex['name_words'])})[ \u00a0]+$", re.I)


def _title_case(text, at):
    """Whether the line holding ``at`` capitalises most of its words, as a headline does."""
    line = text[text.rfind("\n", 0, at) + 1 : (text.find("\n", at) + 1 or len(text) + 1) - 1]
    words = re.findall(r"[^\W\d_]+", line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _qualifier(doc, n, s, e, concept):
    """What kind of figure it is, so like meets like: a part of a total
    (":part"); for things sent (troops, weapons) a decision (":planned"), while
    what is already in place is one figure whether given as a part or not."""
    lex, text = doc.lex, doc.text
    clauses = doc.clauses(s, e)
    clause_start = max((c for c, _ in clauses if c <= n.start), default=s)
    clause_end = min((c for _, c in clauses if c > n.start), default=e)
    part = bool(
        lex.re["subset"].search(text, n.end, min(e, n.end + 30))
        or lex.re["subset"].search(text, max(s, n.start - 25), n.start)
        or lex.re["part"].search(text, max(s, n.start - 25), n.start)
        or lex.re["part_clause"].search(text, clause_start, clause_end)
    )
    if concept in lex.sets["aspect_nouns"]:
        if lex.re["plan"].search(text, max(clause_start, n.start - 60), n.start):
            return ":planned"
        if lex.re["done"].search(text, clause_start, clause_end):
            return ""
    return ":part" if part else ""


def _counted(doc, n, s, e, previous):
    """(predicate, subject, end of the counted phrase), the predicate None for a
    figure amid counts whose counted thing goes unsaid; or None when nothing is counted."""
    lex, text = doc.lex, doc.text
    subset = lex.re["subset"].match(text, n.end + 1)
    if subset:  # "120 of the dead", "1.500 di antaranya": a part of a count named here or before
        inner = lex.re["state"].search(subset.group()) or lex.re["noun"].search(subset.group())
        if inner:
            mapping = lex.state_of if lex.re["state"].search(subset.group()) else lex.noun_of
            return lex.lookup(mapping, inner.group()), previous.subject if previous else None, n.end
        if previous:
            return previous.concept, previous.subject, n.end
    stop = re.search(r"[,.;:!?()\"“”]", text[n.end : e])
    limit = n.end + (stop.start() if stop else e - n.end)
    limit = min(limit, n.end + 70)
    measure = _joined_word(text, n.end)
    if measure:  # "a 5.6-magnitude quake that killed 162": the number measures the word it is joined to
        return lex.lookup(lex.noun_of, measure) or fold(measure), None, n.end + 1 + len(measure)
    span = None if n.percent else _span_word(text, n.end, lex)
    if span:  # "menembak lima kali hingga tewas", "two months after 134 died": how often, how long
        return SPAN + fold(span.group(1)), None, n.end + span.end()
    state = lex.re["state"].search(text, n.end, limit)
    if state and lex.lookup(lex.state_of, state.group()) in lex.sets["weak_states"]:
        # "140 people on board were killed": the dead, all of those on board
        state = lex.re["state"].search(text, state.end(), limit) or state
    noun = lex.re["noun"].search(text, n.end, limit)
    if state and noun and state.start() > noun.start() + 40:
        state = None
    if state and _counts_other(text, n.end, state.start(), lex):
        state = None  # "three hospitals ... to treat the injured": the hospitals are counted
    noun_concept = lex.lookup(lex.noun_of, noun.group()) if noun else None
    concept = lex.lookup(lex.state_of, state.group()) if state else None
    if concept is None and noun_concept in (None, "people"):
        # "korban meninggal ... 125 orang", "the death toll ... rose to 125"
        back = max(s, n.start - 90, text.rfind(";", s, n.start) + 1)
        before = list(lex.re["state"].finditer(text, back, n.start))
        if before and not _digits().search(text, before[-1].end(), n.start):
            concept = lex.lookup(lex.state_of, before[-1].group())
    concept = concept or noun_concept
    if concept == "money" or lexicon.shared().memo("currency", _currency_pattern).search(
        text, max(s, n.start - 5), n.start
    ):
        # an amount of money, by what it is for: "santunan Rp 50 juta", "losses of $2 billion"
        concept = "money:" + (_money_kind(text, max(s, n.start - 80), limit, lex) or "amount")
    if concept is None and not _head_word(text, n.end, limit, lex):
        # "jumlah rudal ... mencapai 220 unit", "the number of missiles ... was 220"
        back = max(s, n.start - 60)
        before = list(lex.re["noun"].finditer(text, back, n.start))
        if before and not _digits().search(text, before[-1].end(), n.start):
            concept = lex.lookup(lex.noun_of, before[-1].group())
    subject = _subject(doc, n, s, limit, noun or state)
    if concept is None:
        head = _head_word(text, n.end, limit, lex)
        if head is None and previous and previous.sentence == s:
            # "127 tewas, kemarin 120": the sentence's count
            return previous.concept, previous.subject or subject, n.end
        if head is None and previous:
            return None, subject, n.end  # "Kemudian 63.": a figure amid counts, of a thing the sentence leaves unsaid
        if head is None:
            return None
        concept = head
    return concept, subject, limit


# a number hyphen-joined to the word it measures: "5.6-magnitude", "10-kilometre"
JOINED = re.compile(r"-([^\W\d_]{3,})\b")


def _joined_word(text, at):
    m = JOINED.match(text, at)
    return m.group(1) if m else None


def _span_word(text, at, lex):
    """The frequency or time-span word right after a number ("kali", "times", "months"), as a match."""
    m = re.match(r"\s+([^\W\d_][\w-]*)", text[at : at + 40])
    spans = lex.memo("span_words", lambda lx: lx.sets["frequency_words"] | {norm(u) for u in lx["relative_units"]})
    return m if m and norm(m.group(1)) in spans else None


def _counts_other(text, at, state_at, lex):
    """Whether the number names its own thing before a state word further on: an
    unknown noun right after it ("three hospitals"), the state more than two
    words beyond ("... in Cianjur to treat the injured"). "12 penambang tewas",
    the state right after the noun, still counts the dead."""
    head = re.match(r"\s+([^\W\d_][\w-]*)", text[at:state_at])
    if not head:
        return False
    key = norm(head.group(1))
    if key in lex.sets["count_fillers"] or key in lex.sets["stopwords"] or key in lex.scales:
        return False
    if lex.re["noun"].match(text, at + head.start(1)) or lex.re["state"].match(text, at + head.start(1)):
        return False
    return len(words(text, at + head.end(), state_at)) > 2


def _money_kind(text, start, end, lex):
    found = list(lex.re["money_kind"].finditer(text, start, end))
    return lex.lookup(lex.money_kind_of, found[-1].group()) if found else None


def _subject(doc, n, s, limit, counted):
    """Whose count it is: named in the counted phrase ("10,000 North Korean troops",
    "tentara Rusia", "dari Korut"), else the actor of its clause ("Korut mengirim
    12.000"), never a place ("in Turkey killed 40")."""
    for start, _end, entity, _ in doc.entities_in(n.end, limit):
        if (counted and start < counted.start()) or not doc.text[n.end : start].strip():
            return entity  # "10,000 North Korean troops", "including 30 Brazilians"
        between = norm(doc.text[(counted.end() if counted else n.end) : start]).split()
        if counted and (
            not between or between[-1] in doc.lex.sets["agent_markers"] or between[-1] in doc.lex.sets["origin_markers"]
        ):
            return entity
        break
    clause_start = s
    for c, _ in doc.clauses(s, n.start + 1):
        if c <= n.start:
            clause_start = c
    actors = doc.actor_before(clause_start, n.start)
    return actors[-1] if actors else None


def _head_word(text, start, limit, lex):
    for m in re.finditer(r"[^\W\d_][\w-]*", text[start:limit]):
        word, key = fold(m.group()), norm(m.group())
        if key in lex.sets["count_fillers"] or key in lex.sets["stopwords"] or key in lex.scales:
            continue
        return word
    return None
