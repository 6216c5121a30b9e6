"""Entity mentions: the alias table is the matcher; rapidfuzz only accepts a
close misspelling of a long alias under guards; unknown holders get an entity
of their own from their surface form."""

import re
import unicodedata

from rapidfuzz import fuzz, process

from .. import lexicon
from ..lexicon import norm, words_pattern
from ..model import Mention


def _capitalised(shared):
    """A run of capitalised words, with the lexicons' lower-case name particles
    inside it ("Ahmad bin Yusuf", "Vincent van Gogh"). The particles are tried
    as listed and need no word boundary, as before they were data: so
    "Putin denied" still yields "Putin de" (a known flaw, kept by this refactor)."""
    particles = "|".join(re.escape(p) for p in shared["name_particles"]) or lexicon.NEVER
    return re.compile(rf"\b[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|{particles}))*")


def slug(name):
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "entity"


def is_acronym(alias):
    letters = re.sub(r"[^\w]", "", alias)
    return len(letters) <= 4 and letters.isupper()


class Matcher:
    """Finds entity mentions in text from (alias, entity_id, name) rows."""

    def __init__(self, rows):
        self.entity_of = {}
        self.name_of = {}
        for alias, entity_id, name in rows:
            self.entity_of[self.key(alias)] = entity_id
            self.name_of[entity_id] = name
        plain = [a for a, _, _ in rows if not is_acronym(a)]
        acronyms = [a for a, _, _ in rows if is_acronym(a)]
        self.plain = words_pattern(plain)
        self.acronyms = words_pattern(acronyms, flags=0)
        self.fuzzy_choices = [k for k in self.entity_of if len(k) >= 7]

    @staticmethod
    def key(alias):
        return norm(alias)

    def find(self, text):
        """A ``Mention`` for every entity named, longest first, no overlaps."""
        found = []
        for pattern in (self.plain, self.acronyms):
            for m in pattern.finditer(text):
                entity = self.entity_of.get(self.key(m.group()))
                if entity and m.group()[0].isupper():  # names are capitalised: "China", not "china"
                    found.append(Mention(m.start(), m.end(), entity, m.group()))
        found.sort(key=lambda f: (f.start, f.start - f.end))
        out, last_end = [], -1
        for f in found:
            if f.start >= last_end:
                out.append(f)
                last_end = f.end
        return out

    def fuzzy(self, surface, threshold=90, margin=5):
        """An entity for a close misspelling of a long alias, or None.

        Guards: a high score, a clear margin over the runner-up entity, the
        same direction words (every lexicon's ``directions``) on both sides,
        never for short forms.
        """
        key = self.key(surface)
        if len(key) < 7 or not self.fuzzy_choices:
            return None
        best = process.extract(key, self.fuzzy_choices, scorer=fuzz.ratio, limit=5)
        if not best or best[0][1] < threshold:
            return None
        top_alias, top_score, _ = best[0]
        entity = self.entity_of[top_alias]
        rival = next((s for a, s, _ in best[1:] if self.entity_of[a] != entity), 0)
        if top_score - rival < margin:
            return None
        directions = lexicon.shared().sets["directions"]
        if set(key.split()) & directions != set(top_alias.split()) & directions:
            return None
        return entity


def unknown_names(text, start, end, stop_words):
    """(start, end, name, sure) of capitalised names in text[start:end], stop
    words trimmed; a lone capitalised word opening the sentence is not ``sure``."""
    out = []
    for m in lexicon.shared().memo("capitalised", _capitalised).finditer(text, start, end):
        words = m.group().strip(" .-").split()
        offset = m.start()
        while words and norm(words[0]).strip(".") in stop_words:
            offset = text.index(words[0], offset) + len(words[0])
            words = words[1:]
        while words and norm(words[-1]).strip(".") in stop_words:
            words = words[:-1]
        if not words:
            continue
        name = " ".join(words)
        first = text.index(words[0], offset)
        opens = not text[start:first].strip(" \"“'‘(")
        acronym = name.isupper() and len(name) >= 2
        if len(name) < 3 and not acronym:
            continue
        out.append((first, first + len(name), name, not (opens and len(words) == 1 and not acronym)))
    return out


def _letters(text):
    return re.sub(r"[^\w]|\d|_", "", text).lower()


def _subsequence(short, long):
    it = iter(long)
    return all(ch in it for ch in short)


SHORT_IN_PARENS = re.compile(r"\(\s*([A-Z][A-Za-z]{1,9}(?:\s[A-Z]{2,6})?)\s*\)")
SHORT_BEFORE_PARENS = re.compile(r"(?<![\w-])([A-Z][A-Za-z]{1,9}(?:\s[A-Z]{2,6})?)\s*\(\s*([A-Z][^()\n]{4,100}?)\s*\)")
NAME_WORD = re.compile(r"[\w'’.-]+")


def acronym_definitions(text, connectors, titles):
    """(long, short, long_start) for every "Long Name (SHORT)" and "SHORT (Long
    Name)" in the text: the short form's letters, in order, are letters of the
    long name, which starts with the short form's first letter (titles before
    it dropped): "Badan Nasional Penanggulangan Bencana (BNPB)", "Polri
    (Kepolisian Negara Republik Indonesia)"."""
    out = []
    for m in SHORT_IN_PARENS.finditer(text):
        short = m.group(1)
        before = list(NAME_WORD.finditer(text, max(0, m.start() - 160), m.start()))
        run = []
        for w in reversed(before):
            gap = text[w.end() : (run[0].start() if run else m.start())]
            if gap.strip() or "\n" in gap:
                break
            if w.group()[0].isupper() or (run and norm(w.group()) in connectors):
                run.insert(0, w)
            else:
                break
        while run and norm(run[0].group()) in connectors:
            run.pop(0)
        long = _best_long(text, run, short, titles)
        if not long and short.isupper() and len(short) >= 3:
            # "the National Disaster Mitigation Agency (BNPB)": a translated name
            while run and norm(run[0].group()) in titles:
                run.pop(0)
            run = _after_possessive(run)
            if 2 <= len(run) <= 8:
                long = text[run[0].start() : run[-1].end()], run[0].start()
        if long:
            out.append((long[0], short, long[1]))
    for m in SHORT_BEFORE_PARENS.finditer(text):
        short = m.group(1)
        words = list(NAME_WORD.finditer(text, m.start(2), m.end(2)))
        if all(w.group()[0].isupper() or norm(w.group()) in connectors for w in words):
            long = _best_long(text, words, short, titles, whole=True)
            if not long and " " in short:  # "The KRWA (...)": the short form is the last word
                short = short.split()[-1]
                long = _best_long(text, words, short, titles, whole=True)
            if long:
                out.append((long[0], short, long[1]))
    return out


def _after_possessive(run):
    """The words after the last possessive ("Indonesia's Population Agency"):
    the owner named before it is no part of the body's name."""
    owned = [i for i, w in enumerate(run[:-1]) if re.search(r"['’]s$", w.group())]
    return run[owned[-1] + 1 :] if owned else run


def _best_long(text, run, short, titles, whole=False):
    letters = _letters(short)
    if len(letters) < 2:
        return None
    for k in range(len(run) - 1) if not whole else range(1):
        part = run[k:]
        if len(part) < 2 or norm(part[0].group()) in titles:
            continue
        long = text[part[0].start() : part[-1].end()]
        if (
            _letters(long)[:1] == letters[:1]
            and _subsequence(letters, _letters(long))
            and len(letters) * 2 <= len(_letters(long))
        ):
            return long, part[0].start()
    return None
