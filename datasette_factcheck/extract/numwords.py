"""Spelled-out numbers: one small grammar for every language, its words from the lexicon.

A language's lexicon gives the atoms (``number_words``: units, teens, tens),
the multipliers (``number_multipliers``: "belas"/teen, "puluh" x10, hundreds
and the scales), and the little words around them (``number_links`` "and",
``number_articles`` "a", ``unit_prefixes`` "se-", ``decimal_words`` "koma",
``negative_words`` "minus", ``ordinal_words`` "pertama"/"first",
``ordinal_prefixes`` "ke-"). Ordinal forms a list cannot give (English
"-th"/"-ieth") come from the language's morphology (``ordinal_forms``).

The grammar reads any cardinal below a quadrillion in either language:

    number  := [negative] group (scale group?)* [decimal digits+ [scale]]
    group   := below100 | below100? hundred [link] below100?
    below100:= unit | teen | tens [unit] | unit "belas" | unit "puluh" [unit]

with scales in descending order ("dua juta tiga ratus ribu lima",
"one million, two hundred thousand and five"), "se-" and "a" standing for
one before a multiplier ("seratus", "sejuta", "a thousand"), and English's
"fifteen hundred". An ordinal ("kedua puluh satu", "twenty-first") is read
with its value and marked ``ordinal``: a rank, not a count.

The finder runs the grammar only where an atom or a multiplier occurs: one
trie-compiled pattern finds the candidates, and each run of adjacent number
words is parsed once, left to right, longest reading first.
"""

import re
from dataclasses import dataclass

from ..lexicon import norm
from ..lexicon.text import _trie

# token kinds
ATOM, MULT, ONE, LINK, POINT, NEG = "atom", "mult", "one", "link", "point", "neg"
TEEN = "teen"
OPENS, CLOSES = "opens", "closes"  # an ordinal mark on the first word (ke-) or the last (-th)


@dataclass
class WordNumber:
    start: int
    end: int
    value: float
    ordinal: bool = False
    words: int = 1  # how many number words (and links) it spans


class Grammar:
    """The surface forms of one language's number words, each with the tokens it stands for."""

    def __init__(self, lex):
        self.forms = {}  # normed surface form -> tuple of (kind, value, ordinal)
        atoms = {w: v for w, v in lex.number_words.items()}
        mults = {w: v for w, v in lex.multipliers.items()}
        cardinal = {}
        for w, v in atoms.items():
            cardinal[w] = ((ATOM, v),)
        for w, m in mults.items():
            cardinal[w] = ((MULT, m),)
        for prefix in lex["unit_prefixes"]:  # se- + a multiplier: "seratus", "sebelas", "sejuta"
            for w, m in mults.items():
                cardinal.setdefault(norm(prefix) + w, ((ATOM, 1), (MULT, m)))
        for form, toks in cardinal.items():
            self.forms[form] = tuple((k, v, False) for k, v in toks)
        ordinals = {}
        morph_forms = getattr(lex.morph, "ordinal_forms", None)
        for form, toks in cardinal.items():
            for prefix in lex["ordinal_prefixes"]:  # ke- + a cardinal opens an ordinal: "kedua puluh satu"
                ordinals[norm(prefix) + form] = (toks, OPENS)
            if morph_forms:
                for o in morph_forms(form):  # "fourth", "twentieth", "hundredth" close one
                    ordinals[norm(o)] = (toks, CLOSES)
        for w, v in lex["ordinal_words"].items():  # the irregular ones: "pertama", "first", "twelfth"
            ordinals[norm(w)] = (((ATOM, v),), CLOSES)
        for form, (toks, how) in ordinals.items():
            if form not in self.forms:
                self.forms[form] = tuple((k, v, how) for k, v in toks)
        self.core = set(self.forms)  # the words whose presence runs the grammar
        for w in lex["number_articles"]:
            self.forms.setdefault(norm(w), ((ONE, 1, False),))
        for w in lex["number_links"]:
            self.forms.setdefault(norm(w), ((LINK, 0, False),))
        for w in lex["decimal_words"]:
            self.forms.setdefault(norm(w), ((POINT, 0, False),))
        for w in lex["negative_words"]:
            self.forms.setdefault(norm(w), ((NEG, 0, False),))
        self.source = _trie(set(self.forms), True)  # one number word, for other patterns to build on
        self.trigger = _words(self.core)
        self.token = _words(self.forms)

    def tokens(self, text, start, end):
        """(start, end, tokens, gap) for each number word in text[start:end]; gap is
        what separates it from the previous one ("" when adjacent, "," for a comma)."""
        out, last = [], None
        for m in self.token.finditer(text, start, end):
            between = text[last : m.start()] if last is not None else None
            if between is None:
                gap = None
            elif between.strip(" \t-\u00a0") == "":
                gap = ""
            elif between.strip(" \t\u00a0") == ",":
                gap = ","
            else:
                gap = None
            out.append((m.start(), m.end(), self.forms[norm(m.group())], gap))
            last = m.end()
        return out


def _words(words):
    """Whole words, case-insensitive; unlike the lexicon's word patterns a hyphen
    may join two of them ("twenty-one", "dua-tiga")."""
    return re.compile(rf"(?<!\w)(?:{_trie(set(words), True)})(?!\w)", re.I)


def grammar(lex):
    return lex.memo("number_grammar", Grammar)


def find(text, start, end, lex):
    """The WordNumbers in text[start:end], cardinals and ordinals, left to right."""
    g = grammar(lex)
    if not g.trigger.search(text, start, end):
        return []
    words = g.tokens(text, start, end)
    out, i = [], 0
    while i < len(words):
        found = _longest(words, i)
        if found is None:
            i += 1
            continue
        value, ordinal, j = found
        out.append(WordNumber(words[i][0], words[j - 1][1], value, ordinal, j - i))
        i = j
    return out


def value(phrase, lex):
    """The value of a whole phrase of number words ("dua belas ribu"), or None."""
    words = grammar(lex).tokens(phrase, 0, len(phrase))
    found = _longest(words, 0) if words else None
    if not found or found[2] != len(words) or words[0][0] != 0 or words[-1][1] != len(phrase.rstrip()):
        return None
    return found[0]


def _longest(words, i):
    """(value, ordinal, end index) of the longest number starting at words[i], or None."""
    state = _State()
    best = None
    j = i
    while j < len(words):
        w_start, w_end, toks, gap = words[j]
        if j > i and gap is None:
            break
        if j > i and gap == "," and not (state.last_kind == MULT and state.last_value >= 1000):
            break
        ok = True
        for tok in toks:
            if not state.feed(tok):
                ok = False
                break
        if not ok:
            break
        j += 1
        if state.complete():
            best = (state.value(), bool(state.ordinal), j)
        if state.ordinal == CLOSES:
            break
    return best


class _State:
    """The reading so far of a number, one token at a time; ``feed`` says whether the token fits."""

    def __init__(self):
        self.sign = 1
        self.total = 0  # the groups already closed by a scale
        self.group = 0  # the group below a thousand being read
        self.last_scale = float("inf")
        self.last_kind = None
        self.last_value = None
        self.last_unit = None  # a unit just read, which "belas"/"puluh" may take
        self.pending_one = False  # "a", "se-": one, if a multiplier follows
        self.zero = False
        self.frac = None  # the digits after a decimal word
        self.frac_scale = None
        self.ordinal = False
        self.count = 0

    def feed(self, tok):
        kind, v, ordinal = tok
        if self.ordinal == CLOSES or self.zero or self.frac_scale:
            return False  # nothing follows "twenty-first", a zero or "1.5 million"
        ok = self._feed(kind, v)
        if ok:
            self.count += 1
            self.ordinal = ordinal or self.ordinal
            self.last_kind, self.last_value = kind, v
        return ok

    def _feed(self, kind, v):
        if self.frac is not None:
            if kind == ATOM and v < 10 and not self.pending_one:
                self.frac.append(v)
                return True
            if kind == MULT and isinstance(v, int) and v >= 1000 and self.frac and self.total == 0:
                self.frac_scale = v
                return True
            return False
        if kind == NEG:
            if self.count:
                return False
            self.sign = -1
            return True
        if kind == ONE:
            if self.count and not (self.count == 1 and self.sign == -1):
                return False
            self.pending_one = True
            return True
        if kind == LINK:
            # "one hundred and five", "a thousand and twelve": only after hundreds or a scale
            return self.last_kind == MULT and isinstance(self.last_value, int) and self.last_value >= 100
        if kind == POINT:
            if self.pending_one or self.last_kind in (LINK, NEG, POINT):
                return False
            self.frac = []
            return True
        if self.pending_one and kind != MULT:
            return False
        low = self.group % 100
        if kind == ATOM:
            if self.last_kind == LINK and not (v < 100 and low == 0):
                return False
            if v == 0:
                if self.count and not (self.count == 1 and self.sign == -1):
                    return False
                self.zero = True
                return True
            if v < 10:
                if not (low == 0 or (low >= 20 and low % 10 == 0)):
                    return False
                self.group += v
                self.last_unit = v
                return True
            if v < 100:
                if low != 0:
                    return False
                self.group += v
                self.last_unit = None
                return True
            return False  # atoms of a hundred or more are multipliers here
        # a multiplier
        unit, self.last_unit = self.last_unit, None
        if self.pending_one:
            self.pending_one = False
            if v == TEEN or v == 10:
                self.group += 10 if v == 10 else 11
                return True
            if v == 100:
                if self.group:
                    return False
                self.group = 100
                return True
            return self._scale(1, v)
        if v == TEEN:  # "dua belas": the unit just read, plus ten
            if unit is None or self.last_kind != ATOM or low != unit:
                return False
            self.group += 10
            return True
        if v == 10:  # "tiga puluh": the unit just read, times ten
            if unit is None or self.last_kind != ATOM or low != unit:
                return False
            self.group += unit * 9
            return True
        if v == 100:  # "tiga ratus", "fifteen hundred"
            if self.group == 0 or self.group >= 100 or self.last_kind != ATOM:
                return False
            self.group *= 100
            return True
        if self.group == 0 or self.last_kind not in (ATOM, MULT):
            return False
        return self._scale(self.group, v)

    def _scale(self, group, v):
        if v >= self.last_scale:
            return False
        self.total += group * v
        self.group = 0
        self.last_scale = v
        return True

    def complete(self):
        if self.pending_one or self.last_kind in (LINK, NEG, ONE):
            return False
        if self.frac is not None:
            return bool(self.frac)
        return self.count > 0

    def value(self):
        whole = self.total + self.group
        if self.frac:
            whole = whole + float("0." + "".join(map(str, self.frac)))
            if self.frac_scale:
                whole *= self.frac_scale
        return float(self.sign * whole)


def ordinal_digits(text, start, end, lex):
    """Spans of ordinals written in digits with an ordinal prefix ("ke-21") or
    suffix ("21st"): (start, end, value)."""
    prefixes = "|".join(re.escape(p) for p in lex["ordinal_prefixes"])
    suffixes = "|".join(re.escape(s) for s in lex["ordinal_suffixes"])
    parts = []
    if prefixes:
        parts.append(rf"(?<![\w-])(?:{prefixes})-(\d+)(?!\w)")
    if suffixes:
        parts.append(rf"(?<![\w.,-])(\d+)(?:{suffixes})(?!\w)")
    if not parts:
        return []
    pattern = lex.memo("ordinal_digits", lambda _lex: re.compile("|".join(parts), re.I))
    return [(m.start(), m.end(), float(m.group(1) or m.group(2))) for m in pattern.finditer(text, start, end)]
