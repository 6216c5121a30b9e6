"""Names the alias table does not know: people and organisations found in
the text become typed entities, an acronym defined in it ("Long Name (ACR)")
is one entity with its long name, a title or a role before a name is not
part of it, and a later short form of a name in the article is that person.

``Names`` is a part of ``extract.Document``: its methods read the document's
text, lexicon and mentions, and add the entities and mentions they find."""

import bisect
import re

from .. import lexicon
from ..lexicon import fold, norm, words_pattern
from ..model import Mention
from . import sentences
from .entities import acronym_definitions, slug, unknown_names
from .sentences import words


def _common_words():
    """Single words the lexicons of every language use as common words
    (word lists, proposition and stance forms), less title, organisation and
    place words: capitalised before a name, such a word is not part of it."""
    out, names = set(), set()
    for code in lexicon.languages():
        lex = lexicon.get(code)
        for key, values in lex.sets.items():
            for value in values:
                for w in re.findall(r"\w+", str(value)):
                    (names if key in ("titles", "organisation_words", "place_words") else out).add(norm(w))
        for forms in (lex.proposition_of, lex.stance_of):
            for form in forms:
                out.update(norm(w) for w in re.findall(r"\w+", str(form)))
    return {w for w in out - names if w.isalpha() and len(w) >= 3}


class Names:
    def _register_names(self):
        """Every name in the text becomes an entity: an acronym defined in the
        text ("Long Name (ACR)", "ACR (Long Name)") is one entity with its long
        name (a known one's when either form is known); capitalised names of
        people and organisations (titles dropped) get an entity of their kind;
        a person's later single name ("Hartawan", "Wiryo") is that person when
        only one person of the article carries it; a single name after a title
        ("Letjen Darmawan") is a person; an unknown acronym an organisation."""
        lex, text, matcher = self.lex, self.text, self.matcher
        connectors = lex.sets["coordinators"] | lex.sets["prepositions"] | lex.sets["determiners"]
        for long, short, at in acronym_definitions(text, connectors, self._title_words()):
            if at < self.dateline_end:
                continue
            entity = (
                matcher.entity_of.get(matcher.key(short))
                or matcher.entity_of.get(matcher.key(long))
                or matcher.fuzzy(long)
            )
            kind = self._kind(long.split())
            if entity:
                self._entity(entity, matcher.name_of.get(entity, short), kind, (long, short))
            elif kind == "person":  # "Tono Gunawan (TG)": the person, known by both
                entity = self._entity(None, long, kind, (long, short))
            else:  # an organisation goes by its short form
                entity = self._entity(slug(short), short, "organisation", (long, short))
            self._add_mentions(entity, (long, short))
        lower = (
            self._lower_words()
            | lex.sets["prepositions"]
            | lex.sets["clause_breaks"]
            | lex.sets["coordinators"]
            | lex.sets["speech_verbs"]
            | lex.sets["determiners"]
            | lex.sets["past_markers"]
        )
        stop = (
            lex.sets["stopwords"]
            | lex.sets["modality"]
            | set(lex.stance_of)
            | set(lex.weekdays)
            | set(lex.months)
            | set(lex.zones)
        )
        singles = []
        for s, e in self.sentences:
            s = max(s, self.dateline_end)
            if s >= e:
                continue
            if text[e - 1] not in '.!?"”’':
                ws = text[s:e].split()
                if len(ws) >= 5 and sum(w[0].isupper() for w in ws) > 0.6 * len(ws):
                    continue  # a headline in title case names nothing reliably
            for a, b, name, sure in unknown_names(text, s, e, stop):
                if self._overlaps(a, b) and self._company(a, b):
                    continue
                if self._overlaps(a, b):
                    # "Juru bicara Polda Lembah Hijau Kombes X": the name after the known one
                    inside = [m for m in self.mentions if a < m.end and m.start < b]
                    a = inside[-1][1]
                    while a < b and not text[a].isalnum():
                        a += 1
                    name, sure = text[a:b], True
                    if not name or not name[0].isupper():
                        continue
                parts = name.split()
                while parts and norm(parts[0]) in lower:  # "Menurut Darius": a common word, capitalised
                    a = text.index(parts[0], a) + len(parts[0])
                    parts.pop(0)
                name = " ".join(parts)
                if not name or all(norm(w) in self._title_words() for w in parts):
                    continue  # a title alone ("Kapolri") names no one new
                bare = self._without_titles(name)
                a = b - len(bare) if name.endswith(bare) else a
                parts = bare.split()
                cut = sure and self._person_after_body(parts, bare != name or self._after_title(a))
                if cut:  # "Kepala BPBS Sukaraya Bayu Santosa": the body, then the person speaking for it
                    self._register_body(a, " ".join(parts[:cut]))
                    name = bare = " ".join(parts[cut:])
                    a, parts = b - len(bare), parts[cut:]
                if len(parts) == 1:
                    singles.append((a, bare, sure))
                elif sure and len(parts) <= 5:
                    kind = self._kind(parts)
                    if kind == "extracted":
                        continue  # a place or a phrase ("Kota Sumber"), not a person or a body
                    # with its rank ("Bharada Anton Wiranata") the same person
                    entity = self._entity(
                        None, bare, kind, (bare, name) if kind == "person" and len(name.split()) <= 6 else (bare,)
                    )
                    body = self._body_before(a) if kind == "person" else None
                    if body:
                        self.body_of.setdefault(entity, body)
        initials = {}
        for entity, row in self.new_entities.items():
            if row["kind"] == "person":
                for alias in row["aliases"]:
                    key = "".join(w[0] for w in alias.split() if w[0].isupper() and norm(w) not in self._title_words())
                    initials.setdefault(key, set()).add(entity)
        for a, name, sure in singles:
            entity = self._known_name(name)
            if not entity and name.isupper() and 2 <= len(name) <= 3 and len(initials.get(name, ())) == 1:
                entity = next(iter(initials[name]))  # "TG" for Tono Gunawan
            if entity:
                self.new_entities[entity]["aliases"].add(name)
            elif sure and name.isupper() and len(name) >= 3 and name.isalpha():
                self._entity(slug(name), name, "organisation", (name,))
            elif sure and name.isalpha() and len(name) >= 3 and self._after_title(a) and not self._place(name):
                self._entity(None, name, "person", (name,))
        self._initials(stop)
        self._nicknames()

    def _nicknames(self):
        """ "Dodi, sapaan akrabnya, ...", "Bob, as he is known": a nickname of the
        person named last before it."""
        lex, text = self.lex, self.text
        pattern = lex.memo(
            "nickname",
            lambda lx: (
                re.compile(
                    r"(?<![\w-])([A-Z][a-z]{2,})\s*,?\s+(?:"
                    + "|".join(re.escape(w) for w in sorted(lx.sets["nickname_markers"], key=len, reverse=True))
                    + r")\b",
                    re.UNICODE,
                )
                if lx.sets["nickname_markers"]
                else None
            ),
        )
        if pattern is None or not lex.memo("nickname_marker", lambda lx: words_pattern(lx["nickname_markers"])).search(
            text
        ):
            return
        for m in pattern.finditer(text):
            best = None
            for entity, row in self.new_entities.items():
                if row["kind"] != "person":
                    continue
                for alias in row["aliases"]:
                    if len(alias.split()) < 2:
                        continue
                    at = text.rfind(alias, 0, m.start())
                    if at >= 0 and (best is None or at > best[0]):
                        best = (at, entity)
            if best and norm(m.group(1)) not in self.token_ids:
                self.new_entities[best[1]]["aliases"].add(m.group(1))

    def _person_after_body(self, parts, titled):
        """Where a person's name starts in a titled name that opens with a
        body's acronym ("Kepala BPBS Sukaraya Bayu Santosa"): after the acronym
        and the words of the body's name after it (``_of_body``), when two or
        more words of a person's name, none a place's, are left. None for a
        body's own name ("Komnas HAM", "Kepala BPBS Kabupaten Sukaraya"), a
        legal form ("PT Bayu Santosa", a company) or no title before it ("KM
        Sinar Bahari", a ship's name)."""
        legal = lexicon.shared().sets["legal_forms"]
        acronyms = [i for i, w in enumerate(parts) if len(w) > 1 and w.isalpha() and w.isupper()]
        if not titled or not acronyms or len(parts) - acronyms[-1] < 3 or norm(parts[acronyms[-1]]) in legal:
            return None
        cut = acronyms[-1] + 1
        while len(parts) - cut > 2 and self._of_body(parts[: cut + 1], parts[cut + 1]):
            cut += 1
        person = parts[cut:]
        return cut if self._kind(person) == "person" and not any(map(self._placed, person)) else None

    def _of_body(self, body, after):
        """Whether a body's name goes on to ``body``'s last word: a place's
        (``_placed``), the text names the body so without the word ``after``
        following, or it writes ``after`` alone (a person's short name: "kata Bayu")."""
        named = rf"(?<![\w-]){re.escape(' '.join(body))}(?![\w-])(?!\s+{re.escape(after)}(?![\w-]))"
        return self._placed(body[-1]) or bool(re.search(named, self.text)) or self._alone(after)

    def _placed(self, word):
        """Whether a word is a place's: a place word, or one the text writes
        after a place word ("Kabupaten Sukaraya", "Selat Sukaraya")."""
        place_words = self.lex.sets["place_words"]
        if norm(word) in place_words:
            return True
        return any(
            norm(m.group(1)) in place_words for m in re.finditer(rf"(\w+)\s+{re.escape(word)}(?![\w-])", self.text)
        )

    def _alone(self, word):
        """Whether the text writes ``word`` as a name of one word: no capitalised word next to it."""
        text = self.text
        for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
            before = re.search(r"(\w+) *$", text[max(0, m.start() - 40) : m.start()])
            if not (before and before.group(1)[0].isupper()) and not text[m.end() :].lstrip(" ")[:1].isupper():
                return True
        return False

    def _register_body(self, at, name):
        """The body a person's name follows, as an organisation named at ``at``."""
        entity = self._known_name(name) or self._entity(slug(name), name, "organisation", (name,))
        self.mentions = sorted(self.mentions + [Mention(at, at + len(name), entity, name)])

    def _body_before(self, at):
        """The known body a person's name follows with only titles between
        ("Kapolri Jenderal X", "Juru bicara Polda Lembah Hijau, Kombes X"): the body they speak for."""
        k = bisect.bisect_left(self.mentions, (at,)) - 1
        if k < 0 or self.mentions[k].end > at or at - self.mentions[k].end > 40:
            return None
        gap = self.text[self.mentions[k].end : at]
        if re.search(r"[^\w\s,.]", gap) or not all(norm(w) in self._title_words() for w in re.findall(r"\w+", gap)):
            return None
        return self.mentions[k].entity if self.voice_of(self.mentions[k]) else None

    def kind_of(self, entity):
        """An entity's kind (person, organisation, ...): as this article found it, else as the lexicon gives it."""
        row = self.new_entities.get(entity)
        if row:
            return row["kind"]
        return self.lex.memo("entity_kinds", lambda lx: {e["id"]: e.get("kind") for e in lexicon.entities()}).get(
            entity
        )

    def voice_of(self, mention):
        """Whether a person named after this mention speaks for it: not when a
        unit's name comes before it ("Kepala Satuan Logistik Polri X" heads a unit)."""
        before = words(self.text, max(0, mention.start - 30), mention.start)
        if not before or self.text[before[-1][1] : mention.start] != " ":
            return True
        return not (before[-1][2][0].isupper() and norm(before[-1][2]) not in self._title_words())

    def _place(self, name):
        """A name the text puts after a preposition ("di Sukaraya") is a place,
        so "Bupati Sukaraya" names an office, not a person called Sukaraya."""
        return fold(name) in self._word_facts()[1]

    def _lower_words(self):
        """The words this text also writes in lower case: common words, not names."""
        return self._word_facts()[0]

    def _word_facts(self):
        """(words written in lower case, words following a preposition), folded: one pass."""
        if getattr(self, "_facts", None) is None:
            lower, placed, prev = set(), set(), ""
            prepositions = self.lex.sets["prepositions"]
            for m in sentences.WORD.finditer(self.text):
                w = m.group()
                f = w.casefold()
                if w[0].islower():
                    lower.add(f)
                elif prev in prepositions:
                    placed.add(f)
                prev = f
            self._facts = lower, placed
        return self._facts

    def _initials(self, stop):
        """ "Bripka Tomi Saragih atau Bripka T": a person's
        title with an initial, given as another name of them, is an alias."""
        lex, text = self.lex, self.text
        if not lex.memo("alias_marker", lambda lx: words_pattern(lx["alias_markers"])).search(text):
            return
        pattern = lex.memo(
            "initial_alias",
            lambda lx: re.compile(
                r"\s*,?\s+(?:"
                + "|".join(re.escape(w) for w in sorted(lx.sets["alias_markers"], key=len, reverse=True))
                + r")\s+"
                r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?\s+[A-Z])\.?(?![\w])",
                re.IGNORECASE,
            ),
        )
        for entity in list(self.name_ids.values()):
            row = self.new_entities.get(entity)
            if not row or row["kind"] != "person":
                continue
            for alias in list(row["aliases"]):
                for m in re.finditer(re.escape(alias), text):
                    found = pattern.match(text, m.end())
                    if found and found.group(1)[0].isupper():
                        title = found.group(1)[:-1].strip()
                        if all(norm(w) in self._title_words() for w in title.split()):
                            row["aliases"].add(found.group(1))

    def _company(self, a, b):
        """ "Norway Coastal Airlines", "Norwegian Coastal Airlines":
        a known name, more capitalised words and a company word make a company
        of its own (its id from the known entity's, so both spellings meet),
        which replaces the state as the mention there."""
        inside = [m for m in self.mentions if a <= m.start and m.end <= b]
        if len(inside) != 1 or inside[0][0] != a:
            return False
        rest = self.text[inside[0][1] : b].split()
        if (
            not rest
            or len(rest) > 4
            or norm(rest[-1]) not in self.lex.sets["company_words"]
            or not all(w[0].isupper() for w in rest)
        ):
            return False
        name = self.text[a:b]
        entity = self._entity(slug(inside[0][2] + " " + " ".join(rest)), name, "organisation", (name,))
        self.mentions = sorted([m for m in self.mentions if m is not inside[0]] + [Mention(a, b, entity, name)])
        return True

    def _overlaps(self, a, b):
        """Whether text[a:b] overlaps a mention."""
        k = bisect.bisect_left(self.mentions, (b,))
        return any(m.end > a for m in self.mentions[max(0, k - 3) : k])

    def _kind(self, parts):
        """ "organisation" (a word of an organisation's or a company's in any
        language, a legal form, or an acronym), "person" (two to four capitalised
        words none of which the text also writes in lower case or names a
        place, nor owns the next: "Java's Sukaraya"), else "extracted"."""
        folded = [norm(w).strip(".") for w in parts]
        words_of = lexicon.shared().memo(
            "entity_kind_words",
            lambda _: tuple(
                set().union(*(lexicon.get(c).sets[k] for c in lexicon.languages() for k in keys))
                for keys in (("organisation_words", "company_words", "legal_forms"), ("place_words",))
            ),
        )
        if any(w in words_of[0] for w in folded) or any(w.isupper() and len(w) > 1 for w in parts):
            return "organisation"
        lower = self._lower_words()
        if (
            len(parts) <= 4
            and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in parts)
            and not any(w in words_of[1] or w in lower for w in folded)
            and not any(re.search(r"['’]s$", w) for w in parts[:-1])
        ):
            return "person"
        return "extracted"

    def _entity(self, entity, name, kind, aliases):
        """Record a new entity (or new aliases of a known one); a person's id is
        their full name, so two people sharing their first two names in two
        articles stay two; in one article, a shorter form of a person named
        before ("Anton Wiranata" after "Anton Wiranata Pranata Siregar") is them."""
        if entity is None:
            entity = (self._longer_person(name) if kind == "person" else None) or slug(name)
        row = self.new_entities.setdefault(entity, {"id": entity, "name": name, "kind": kind, "aliases": set()})
        row["aliases"].update(aliases)
        self.name_ids[norm(name)] = entity
        if kind == "person":
            for w in name.split():
                if len(w) >= 3:
                    key = norm(w)
                    self.token_ids[key] = entity if self.token_ids.get(key, entity) == entity else False
        return entity

    def _longer_person(self, name):
        """The one person of this article whose name holds every word of
        ``name``, in order, and more; None when none or several do."""
        want = [norm(w) for w in name.split()]
        found = set()
        for entity, row in self.new_entities.items():
            if row["kind"] != "person":
                continue
            for alias in row["aliases"] | {row["name"]}:
                have = iter(norm(w) for w in alias.split())
                if len(alias.split()) > len(want) and all(w in have for w in want):
                    found.add(entity)
        return next(iter(found)) if len(found) == 1 else None

    def _known_name(self, name):
        """The entity a name found in this article already has, if any."""
        key = norm(name)
        return self.name_ids.get(key) or self.token_ids.get(key) or None

    def _after_title(self, at):
        before = words(self.text, max(0, at - 30), at)
        return bool(before) and norm(before[-1][2]) in self._title_words()

    def _add_mentions(self, entity, forms):
        taken = list(self.mentions)
        for form in forms:
            for m in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", self.text):
                if m.start() >= self.dateline_end and not any(t.start < m.end() and m.start() < t.end for t in taken):
                    taken.append(Mention(m.start(), m.end(), entity, form))
        self.mentions = sorted(taken)

    def holder_from_name(self, start, end, last=True):
        """An entity for a capitalised name in the span that no alias knows
        (the last one, or the first): created when new, and remembered as a mention."""
        lex = self.lex
        stop = lex.sets["stopwords"] | lex.sets["modality"] | set(lex.stance_of) | set(lex.weekdays) | set(lex.months)
        names = []
        for a, b, name, sure in unknown_names(self.text, start, end, stop):
            if any(m.start < b and a < m.end for m in self.mentions) or self._governed(max(0, a - 40), a, agents=False):
                continue  # a known name, or one governed by a preposition ("including CCTV footage")
            entity = self.matcher.fuzzy(name) or self._known_name(
                self._without_titles(name)
            )  # a misspelt known name ("Pyongyag"), a name met before
            if entity or sure:
                names.append((a, b, name, entity))
        if not names:
            return None
        a, b, name, entity = names[-1] if last else names[0]
        name = self._without_titles(name)
        if not entity:
            entity = self._entity(
                None, name, self._kind(name.split()) if len(name.split()) > 1 else "extracted", (name,)
            )
        elif entity in self.new_entities:
            self.new_entities[entity]["aliases"].add(name)
        self.mentions = sorted(self.mentions + [Mention(a, b, entity, name)])
        return entity

    def _without_titles(self, name):
        """A person's name without the ranks and offices before it, so
        "Irjen Bayu Santosa" and "spokesman Bayu Santosa" are one person;
        an office over a place ("Kapolda Jawa Timur") stays whole; nor a
        common word before it ("Warga Rahmat Hidayat Lubis", see ``_common_lead``)."""
        name = self._titled(name)
        parts = name.split()
        if len(parts) >= 3 and self._common_lead(parts[0]) and self._kind(parts[1:]) == "person":
            return " ".join(parts[1:])
        return name

    def _common_lead(self, word):
        """Whether a capitalised word before a name is a common word, no part
        of the name: one the lexicons use as a common word ("warga" among the
        count fillers, "korban" in a proposition) and no title, organisation
        or place word."""
        vocab = lexicon.shared().memo("common_words", lambda _: _common_words())
        return norm(word) in vocab

    def _titled(self, name):
        found = list(self.lex.re["title"].finditer(name))
        if found and found[-1].end() < len(name):
            rest = name[found[-1].end() :].strip(" ,.")
            if rest and rest[0].isupper() and norm(rest.split()[0]) not in self.lex.sets["place_words"]:
                return rest
            # "Gubernur Jawa Tengah Darius Wiryo": the office's place, then the person
            parts = rest.split()
            while parts and (norm(parts[0]) in self.lex.sets["place_words"] or self._place(parts[0])):
                parts.pop(0)
            if len(parts) >= 2 and parts[0][:1].isupper():
                return " ".join(parts)
        return name
