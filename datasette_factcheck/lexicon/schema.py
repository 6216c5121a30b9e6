"""The lexicon schema: every key a lexicon source may have, its type, whether
a language must have it, and what it is for.

A lexicon source is a YAML file of ours or a dict (or file) a plugin returns
from the ``factcheck_lexicons`` hook. Each source is checked on its own when
the lexicons load (an unknown key, a value of the wrong type); each language,
once its sources are merged, is checked for its required keys and for keys
that name the entries of another (``within``). Every error names the source
and the key.

Code reads a lexicon only through keys declared here: asking a ``Lexicon``
for a key this module does not declare raises ``UndeclaredKey``, so a
misspelt key fails where it is asked for instead of matching nothing.

Most keys are per language: they are used for texts in that language. A
``shared`` key's words are used for every text, whatever its language (a
time zone, a currency sign or a direction in a name reads the same in a text
of any language); each language file lists its own, and code asks for their
union (``lexicon.shared()``).
"""

import difflib
import re
from dataclasses import dataclass

from .text import norm
from .types import Entities, Groups, Int, Mapping, Range, Regex, Text, Type, Words, describe


class LexiconError(ValueError):
    """A lexicon source or language that does not fit the schema."""

    def __init__(self, source, key, problem):
        self.source, self.key, self.problem = source, key, problem
        where = f"key {key!r}: " if key else ""
        super().__init__(f"{source}: {where}{problem}")


class UndeclaredKey(KeyError):
    """Code asked a lexicon for a key the schema does not declare."""

    def __str__(self):
        return self.args[0]


# -- the keys ----------------------------------------------------------------
@dataclass(frozen=True)
class Key:
    name: str
    type: Type
    doc: str
    required: bool = False
    shared: bool = False
    within: str = None  # every entry names an entry (a word or group) of this key


WORDS, MARKS = Words(), Words(exact=True)
HEADER_NAMES = ("author", "published", "title", "source", "drop")
HEADER_VALUES = ("author", "published", "title", "source")  # patterns that capture the value

LANGUAGE_KEYS = [
    Key("language", Text(r"[a-z]{2,3}", "an ISO 639 language code"), "The language the file is for.", required=True),
    Key("decimal", Text(r"[.,]", "'.' or ','"), "The decimal separator.", required=True),
    Key("group", Text(r"[.,]", "'.' or ','"), "The thousands separator.", required=True),
    # dates
    Key("months", Mapping(Int(1, 12)), "Month names and short forms -> month number.", required=True),
    Key("weekdays", Mapping(Int(0, 6)), "Weekday names -> weekday (Monday 0).", required=True),
    Key(
        "common_word_months",
        WORDS,
        'Short month forms that, in lower case, are ordinary words ("may", "des").',
        within="months",
    ),
    Key("year_markers", WORDS, 'Words before a bare year that make it a date ("tahun 2022").'),
    Key("weekday_markers", WORDS, 'Words that tie a lone weekday to the publication date ("pada hari Senin").'),
    Key(
        "weekday_after_markers", WORDS, 'Words after a lone weekday that tie it to the publication date ("Senin lalu").'
    ),
    Key("day_parts", WORDS, 'Parts of the day after a weekday ("Sabtu pagi").'),
    Key("month_markers", WORDS, 'Words before a lone month name that make it a date ("pada bulan Agustus").'),
    Key("ordinal_suffixes", MARKS, 'Suffixes of an ordinal day number ("21st October").'),
    Key("day_month_links", WORDS, 'Words between a day number and its month ("21st of October").'),
    Key(
        "numeric_date_order",
        Text(r"dmy|mdy", "'dmy' or 'mdy'"),
        'Which comes first in a numeric date whose parts do not tell ("8/1/20"): the day (dmy) or the month (mdy).',
    ),
    Key(
        "relative_dates",
        Mapping(Text(r"[+-]?\d+ (?:day|week|month|year)", "an offset like '-1 day' or '+1 month'")),
        'Words dating by the publication ("kemarin", "last month") -> offset.',
    ),
    Key(
        "relative_units",
        Mapping(Text(r"day|week|month|year", "day, week, month or year")),
        'Units of "N units ago" ("tiga hari lalu", "two weeks ago") -> unit.',
    ),
    Key(
        "ago_words",
        Mapping(Int(-1, 1)),
        'Words after "N units" dating by the publication ("lalu", "ago": -1; "lagi": +1).',
    ),
    Key("zones", Mapping(Text(r"[+-]\d\d:\d\d", "a UTC offset like +07:00")), "Time zone names -> UTC offset."),
    Key(
        "time_words",
        WORDS,
        'Words after a clock-shaped number that make it a time of day ("22.00 WIB", "1500 GMT").',
        shared=True,
    ),
    Key(
        "meridiems",
        Mapping(Int(0, 12)),
        '12-hour clock marks -> hours to add ("pm": 12); written with or without dots ("p.m.").',
        shared=True,
    ),
    # numbers
    Key("scales", Mapping(Int(1)), "Scale words and abbreviations -> multiplier.", required=True),
    Key(
        "attached_scales",
        MARKS,
        'Scale abbreviations that may be written onto the digits ("10k", "5rb"), case as written.',
        shared=True,
        within="scales",
    ),
    Key(
        "attached_only_scales",
        WORDS,
        'Scale abbreviations that scale only when written onto the digits ("5m", not "5 m").',
        within="scales",
    ),
    Key("number_words", Mapping(Int(0)), "Number words -> value.", required=True),
    Key(
        "number_multipliers",
        Mapping(Int(1, also=("teen",))),
        'Words combining with number words ("dua belas", "tiga ratus") -> multiplier; "teen" adds ten.',
        required=True,
    ),
    Key("number_links", WORDS, 'Words joining the parts of a spelled-out number ("one hundred and five").'),
    Key("number_articles", WORDS, 'Words standing for one before a multiplier ("a thousand").'),
    Key("unit_prefixes", MARKS, 'Prefixes standing for one on a multiplier ("seratus", "sejuta").'),
    Key("decimal_words", WORDS, 'Words for the decimal point in a spelled-out number ("satu koma lima").'),
    Key("negative_words", WORDS, 'Words making a spelled-out or written number negative ("minus 3").'),
    Key(
        "ordinal_words",
        Mapping(Int(1)),
        'Ordinals that are not a cardinal with a prefix or suffix ("pertama", "first") -> value.',
    ),
    Key("ordinal_prefixes", MARKS, 'Prefixes making an ordinal of a cardinal ("kedua", "ke-21").'),
    Key("vague", Mapping(Range()), "Vague amounts -> [low, high].", required=True),
    Key("hedges", Groups({"approx", "min", "max"}), "Hedges and bounds before a number, by kind.", required=True),
    Key("hedge_links", WORDS, "Words allowed between a hedge and its number, besides spaces and quotes."),
    Key("percent_words", WORDS, "Words after a number that make it a percentage.", shared=True),
    Key(
        "currency_marks",
        MARKS,
        'Currency signs and codes before an amount ("Rp", "US$"), case as written.',
        shared=True,
    ),
    Key("label_words", WORDS, 'A number right after one of these is a label, not a count ("pintu 13").'),
    Key(
        "concept_labels",
        Mapping(Text(), what="concept"),
        'How a page names a concept a slot counts, dates or takes a stance on ("dead", "troops sent"); a concept without one reads as its first word in the lexicon.',
    ),
    Key(
        "qualifier_labels",
        Mapping(Text(), {"planned", "part", "percent", "about", "date_of"}, what="qualifier"),
        "How a page names a slot's qualifiers: planned, part of a total, percent of, about (an unnamed proposition), date of.",
    ),
    Key(
        "name_words",
        WORDS,
        'A number right after one of these names a model, vehicle, flight or version ("penerbangan 418", "tipe 390"); its later bare mentions in the article name it too.',
    ),
    Key("idioms", WORDS, "Phrases whose number word is an idiom, not a count."),
    Key("count_fillers", WORDS, "Words of a counted phrase that carry no meaning for the slot."),
    Key("subset_markers", WORDS, 'After a number, marks it a part of a larger whole ("1.500 di antaranya").'),
    Key(
        "part_clause_words",
        WORDS,
        'Anywhere in a number\'s clause, these make it a part of a total ("yang dapat diidentifikasi ... ada 165 jenazah").',
    ),
    Key(
        "part_markers",
        WORDS,
        'Before a number, marks it a part of a total named before ("termasuk 12 anak", "including 63").',
    ),
    Key("plan_markers", WORDS, "Marks a figure planned or decided rather than already true."),
    Key("done_markers", WORDS, "Marks a figure already in place."),
    Key(
        "aspect_nouns",
        WORDS,
        "Concepts (count_nouns names) where a decision and what is in place are different figures.",
        within="count_nouns",
    ),
    Key("count_nouns", Groups(), "What numbers count: concept -> surface words.", required=True),
    Key("count_states", Groups(), "States a count is in (dead, injured): concept -> surface words.", required=True),
    Key(
        "weak_states",
        WORDS,
        'Count states that give way to another state after them ("140 people on board were killed": the dead).',
    ),
    Key(
        "frequency_words",
        WORDS,
        'A number followed by one of these counts occurrences ("lima kali", "five times"), never a state named after it.',
    ),
    Key("money_kinds", Groups(), "What an amount of money is for: kind -> surface words."),
    Key("origin_markers", WORDS, 'Words between a counted noun and the entity it comes from ("tentara asal Rusia").'),
    # stances
    Key("stances", Groups({"confirmed", "denied", "silent"}), "Stance cues by value.", required=True),
    Key("holder_after", WORDS, "Cues whose holder follows them (passive and nominal forms)."),
    Key("agent_markers", WORDS, 'Words after a passive cue that introduce its agent ("oleh", "by").'),
    Key("silence_nouns", WORDS, 'Negation + one of these nouns is silence ("tidak memberikan komentar").'),
    Key("negations", WORDS, "Negation words."),
    Key("modality", WORDS, "A cue after one of these is a guess about a stance, not a stance."),
    Key("speech_verbs", WORDS, 'Speech verbs ("X menegaskan bahwa ...").'),
    Key("never_words", WORDS, '"never" and its like.'),
    Key(
        "proposition_objects",
        Groups(),
        'Words a proposition\'s surface forms need as their object, before a passive form or right after an active one ("downed the helicopter"; not "downed a drone").',
    ),
    Key(
        "proposition_refinements",
        Mapping(Text(r"\w+", "a proposition"), what="proposition"),
        "A proposition that, with an object word of another close after it, is that other one: a missile that hit the plane, a strike as the cause of a plane crash are the plane shot down.",
    ),
    Key(
        "object_prepositions",
        WORDS,
        'A preposition right after a proposition\'s form that still leads to its object ("the downing of the helicopter").',
    ),
    Key(
        "subordinators",
        WORDS,
        'Words opening a clause whose actor is the main clause\'s ("Setelah sepekan membantah, X mengakui").',
    ),
    Key(
        "object_fillers",
        WORDS,
        'Words opening a stance\'s object without naming it ("adanya kebocoran", "the existence of"): the head noun follows.',
    ),
    Key(
        "personal_words",
        WORDS,
        "In a cue's object, the speaker's own matter (\"keterlibatan pribadinya\", \"his own role\"): the stance stays the person's, not the body's they speak for.",
    ),
    Key(
        "occurrence_words",
        WORDS,
        'After a stated proposition, a negation and one of these deny it ("... never happened").',
    ),
    Key(
        "admissions",
        WORDS,
        'Confirmation cues that admit: insisting on not making them is a denial ("bersikukuh tidak mau membenarkan").',
    ),
    Key(
        "falsity_words",
        WORDS,
        'Words calling a stated proposition false ("... adalah rekayasa", "... is untrue"): stated after a speech verb, a denial.',
    ),
    Key(
        "assessment_hedges",
        WORDS,
        'Hedges of an assessment ("highly likely"): a statement they hedge still affirms; other modality blocks it.',
    ),
    Key(
        "manner_negations",
        WORDS,
        'Words a negation qualifies without negating the proposition ("tidak sengaja", "not intentionally").',
    ),
    Key("organisation_words", WORDS, 'Words making a name an organisation\'s ("Badan", "Agency"), not a person\'s.'),
    Key(
        "company_words",
        WORDS,
        'Last words of a company named after a place ("Norway Coastal Airlines"): the company, not the state.',
    ),
    Key(
        "legal_forms",
        WORDS,
        'A company\'s legal form ("PT", "Tbk", "Ltd"): written or left out, the same company, so resolution ignores it.',
        shared=True,
    ),
    Key(
        "alias_markers",
        WORDS,
        'Words giving another name of a person ("Bripka Tomi Saragih atau Bripka T", "X, also known as ...").',
    ),
    Key("nickname_markers", WORDS, 'Words after a nickname of the person named before ("Dodi, sapaan akrabnya").'),
    Key(
        "request_frames",
        WORDS,
        'Words before a passive cue making it the reporter\'s request, not a stance ("saat dikonfirmasi").',
    ),
    Key(
        "ignorance_words",
        WORDS,
        'A confirmation cue, a negation and one of these is silence ("mengaku belum mengetahui").',
    ),
    Key(
        "refusals",
        WORDS,
        'Refusing or failing before a cue makes it silence ("refused to confirm", "could not confirm", "menolak mengonfirmasi"), also where a modal word is part of it.',
    ),
    Key(
        "pending_words",
        WORDS,
        'Right after a confirmation cue, waiting to know is silence ("mengaku masih menanti laporan").',
    ),
    Key(
        "insistence_words", WORDS, 'Insisting on a negated admission is a denial ("bersikukuh tidak mau membenarkan").'
    ),
    Key(
        "role_nouns",
        WORDS,
        'People speaking for a body: "pejabat di Kementerian Luar Negeri", "officials at the ministry" hold the body\'s stance.',
    ),
    Key("past_markers", WORDS, 'A stance told as history ("sebelumnya membantah").'),
    Key(
        "past_openers",
        WORDS,
        'Opening a sentence, its first clause tells an earlier stance ("Setelah sepekan membantah, X mengakui").',
    ),
    Key("future_markers", WORDS, "Marks a sentence about the future."),
    Key(
        "pronouns",
        WORDS,
        'Pronouns that, opening the words after a quotation, give its speaker ("dia mengatakan", "he said").',
    ),
    Key("pronoun_clitics", WORDS, 'Clitics standing for a pronoun on the word after a quotation ("ujarnya").'),
    Key("inverted_pronouns", WORDS, 'Pronouns that may follow the speech verb after a quotation ("said he").'),
    Key("propositions", Groups(), "Propositions stances are about: concept -> surface words.", required=True),
    Key("generic_objects", WORDS, 'Objects naming the reported matter, not a new proposition ("laporan itu").'),
    # dates and stances
    Key("events", Groups(), "Event words for date claims: event -> surface words.", required=True),
    Key("revision_markers", WORDS, "Words that mark a later claim as a revision of an earlier one."),
    # sentences, clauses and names
    Key("suffixes", WORDS, 'Suffixes that may follow any word ("kunjungannya"); stripped to look a word up.'),
    Key("possessive_suffixes", MARKS, 'Suffixes making a name possessive, so its actor ("Norway\'s mission").'),
    Key("clause_breaks", WORDS, "Clause boundaries for finding who holds a stance."),
    Key("coordinators", WORDS, 'Words coordinating actors ("dan", "and").'),
    Key("demonstratives", WORDS, "A name right after one of these is an object, not an actor."),
    Key("titles", WORDS, 'Ranks and offices before a name ("Irjen", "spokesman").'),
    Key("place_words", WORDS, 'An office followed by one of these governs a place ("Kapolda Jawa Timur").'),
    Key(
        "directions", WORDS, "Direction words a misspelt name may never gain or lose (North/South Korea).", shared=True
    ),
    Key("name_particles", WORDS, 'Lower-case words inside a capitalised name ("bin", "van").', shared=True),
    Key("determiners", WORDS, "Determiners before a name."),
    Key("prepositions", WORDS, 'A name governed by one of these is not an actor ("dari Korsel").'),
    Key("stopwords", WORDS, "Words that are never a name or a topic."),
    Key("abbreviations", WORDS, "Abbreviations whose full stop ends no sentence."),
    Key(
        "header_patterns",
        Mapping(Regex(), HEADER_NAMES, what="name"),
        "Header lines of a plain-text article that are metadata (author, published, title and source capture the value; drop lines are neither metadata nor body).",
    ),
]
ENTITY_KEYS = [
    Key("entities", Entities(), "Entities and their surface forms in every language."),
]
LANGUAGE = {k.name: k for k in LANGUAGE_KEYS}
ENTITY = {k.name: k for k in ENTITY_KEYS}
KEYS = {**LANGUAGE, **ENTITY}
SHARED = {name for name, k in LANGUAGE.items() if k.shared}


def of_type(cls):
    """The names of the language keys whose values are of type ``cls``."""
    return [k.name for k in LANGUAGE_KEYS if isinstance(k.type, cls)]


def declared(name):
    """The language ``Key`` called ``name``; ``UndeclaredKey`` when the schema has none."""
    try:
        return LANGUAGE[name]
    except (KeyError, TypeError):
        raise UndeclaredKey(
            f"{name!r} is not a lexicon key{_suggest(name, LANGUAGE)} (the keys are declared in {__name__})"
        ) from None


def _suggest(name, known):
    close = difflib.get_close_matches(str(name), list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


# -- checks ------------------------------------------------------------------
def check_source(data, source):
    """Check one source (a file's or a plugin's dict) before it is merged:
    a mapping of declared keys, each value of its type. Raises LexiconError."""
    if not isinstance(data, dict):
        raise LexiconError(source, None, f"a lexicon source must be a mapping of keys, got {describe(data)}")
    for key, value in data.items():
        if key not in KEYS:
            raise LexiconError(source, key, f"unknown key{_suggest(key, KEYS)}")
        problem = KEYS[key].type.check(value)
        if problem:
            raise LexiconError(source, key, problem)
    if "language" not in data and set(data) & set(LANGUAGE):
        raise LexiconError(
            source, "language", "missing: a source with language keys must say which language they are for"
        )
    if "header_patterns" in data:
        for name in HEADER_VALUES:
            pattern = data["header_patterns"].get(name)
            if pattern is not None and re.compile(pattern).groups < 1:
                raise LexiconError(source, "header_patterns", f"{name!r} must capture the value in a group")


def check_language(data, source):
    """Check one language once its sources are merged: every required key
    present, every ``within`` key naming entries of its key."""
    for key in LANGUAGE_KEYS:
        if key.required and key.name not in data:
            raise LexiconError(source, key.name, "missing (a required key)")
    for key in LANGUAGE_KEYS:
        if key.within and key.name in data:
            entries = data.get(key.within, {})
            known = {norm(e) for e in entries}
            for word in data[key.name]:
                if norm(word) not in known:
                    raise LexiconError(source, key.name, f"{word!r} is not an entry of {key.within!r}")


def complete(data):
    """The merged language with every optional key it leaves out at its empty value."""
    return {**{k.name: k.type.default() for k in LANGUAGE_KEYS if not k.required}, **data}
