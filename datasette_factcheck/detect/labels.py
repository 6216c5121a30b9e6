"""Human labels for what a slot counts, dates or takes a stance on, in
English and in an article's language, so no internal key (``troops:planned``,
``about:resmi``, ``number||people``) reaches a page or an explanation.

A predicate is a concept (``dead``, ``troops``, ``occur``, ``troops_sent``)
with qualifiers (``:planned``, ``:part``), a kind of money (``money:aid``), a
percentage (``percent:evacuees``) or, for a stance on something unnamed, the
word it is about (``about:kelalaian``). The words are the lexicons'
(``concept_labels``, ``qualifier_labels``): a concept without a label reads
through its first surface form in the language's lexicon, then its English
label, and failing that its key in words.
"""

import functools

from .. import lexicon

ENGLISH = "en"  # every label is also given in English, the pages' own language
LEXICON_MAPPINGS = ("count_states", "count_nouns", "money_kinds", "events", "propositions")


def _lexicon(language):
    return lexicon.get(language) if language in lexicon.languages() else None


def _labels(language, key):
    """A labels mapping of the language's lexicon (``concept_labels``, ``qualifier_labels``)."""
    lex = _lexicon(language)
    return (lex[key] if lex else None) or {}


@functools.lru_cache(maxsize=None)
def _surface(language, concept):
    """The first word the language's lexicon gives a concept, or None."""
    lex = _lexicon(language)
    for key in LEXICON_MAPPINGS if lex else ():
        mapping = lex[key] or {}
        if isinstance(mapping, dict) and mapping.get(concept):
            return str(mapping[concept][0])
    return None


def _concept(concept, language):
    """A concept in words: its label in the language, its first word there, its English label, its key."""
    return (
        _labels(language, "concept_labels").get(concept)
        or _surface(language, concept)
        or _labels(ENGLISH, "concept_labels").get(concept)
        or concept.replace("_", " ")
    )


@functools.lru_cache(maxsize=4096)
def predicate_label(kind, predicate, language=ENGLISH):
    """What a slot is about, in words of ``language`` (English by default)."""
    if not predicate:
        return ""
    q = {**_labels(ENGLISH, "qualifier_labels"), **_labels(language, "qualifier_labels")}
    parts = predicate.split(":")
    if parts[0] == "about":
        return f"{q['about']} “{' '.join(parts[1:]).replace('_', ' ')}”"
    words, after, prefix = [], [], ""
    for i, part in enumerate(parts):
        if part == "percent" and not words:
            prefix = q["percent"] + " "
        elif part in ("planned", "part") and i:
            after.append(q[part])
        elif part in ("money", "span") and len(parts) > i + 1:
            continue  # "money:aid" reads as its kind of money, "span:kali" as "kali"
        elif part:
            words.append(_concept(part, language))
    label = prefix + ", ".join(words)
    if after:
        label += f" ({', '.join(after)})"
    date_of = _labels(language, "qualifier_labels").get("date_of")
    if kind == "date" and date_of and label != _concept("occur", language):
        label = f"{date_of} {label}"
    return label


def slot_label(kind, predicate, subject_name=None, language=ENGLISH):
    """A slot in words: what, and about whom ("troops (planned), North Korea")."""
    label = predicate_label(kind, predicate, language)
    return f"{label}, {subject_name}" if subject_name else label


def labels(kind, predicate, language):
    """(English label, label in the article's language, or None when that is English)."""
    english = predicate_label(kind, predicate, ENGLISH)
    if not language or language == ENGLISH:
        return english, None
    own = predicate_label(kind, predicate, language)
    return english, (own if own != english else None)
