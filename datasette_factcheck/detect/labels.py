"""Human labels for what a slot counts, dates or takes a stance on, in
English and in an article's language, so no internal key (``troops:planned``,
``about:resmi``, ``number||people``) reaches a page or an explanation.

A predicate is a concept (``dead``, ``troops``, ``occur``, ``troops_sent``)
with qualifiers (``:planned``, ``:part``), a kind of money (``money:aid``), a
percentage (``percent:evacuees``) or, for a stance on something unnamed, the
word it is about (``about:kelalaian``). English labels are written here for
the concepts the lexicons share; any other concept reads through its first
surface form in the language's lexicon, and failing that its key in words.
"""
import functools

# concept -> English label (what is counted, which event is dated, which proposition)
ENGLISH = {
    "dead": "dead", "injured": "injured", "missing": "missing", "casualties": "casualties (dead and injured)",
    "evacuees": "evacuated", "arrested": "arrested", "police": "police officers", "troops": "troops",
    "people": "people", "spectators": "spectators", "weapons": "weapons", "homes": "homes",
    "money": "money", "length": "length", "area": "area", "weight": "weight", "rainfall": "rainfall",
    "losses": "losses", "aid": "aid", "budget": "budget", "compensation": "compensation",
    "fine": "fine", "ransom": "ransom", "cost": "cost",
    "announce": "announcement", "reveal": "disclosure", "confirm": "confirmation", "deny": "denial",
    "visit": "visit", "meet": "meeting", "sign": "signing", "attack": "attack", "send": "dispatch",
    "enter": "entry", "occur": "when it happened", "die": "death", "arrest": "arrest",
    "elect": "election", "launch": "launch",
    "troops_sent": "troops sent", "weapons_supplied": "weapons supplied", "tear_gas": "tear gas use",
    "involvement": "involvement", "general": "the matter reported",
}
# concept -> Indonesian label, where the lexicon has no word for it
INDONESIAN = {"general": "hal yang diberitakan", "casualties": "korban (tewas dan luka)"}
QUALIFIERS = {
    "en": {"planned": "planned", "part": "part of a total", "percent": "percent of", "about": "about"},
    "id": {"planned": "direncanakan", "part": "sebagian dari total", "percent": "persen dari", "about": "tentang"},
}
LEXICON_MAPPINGS = ("count_states", "count_nouns", "money_kinds", "events", "propositions")


@functools.lru_cache(maxsize=None)
def _surface(language, concept):
    """The first word the language's lexicon gives a concept, or None."""
    try:
        from .. import lexicon
        if language not in lexicon.languages():
            return None
        data = lexicon.get(language).data
        for key in LEXICON_MAPPINGS:
            mapping = data.get(key) or {}
            if isinstance(mapping, dict) and mapping.get(concept):
                return str(mapping[concept][0])
    except Exception:
        return None
    return None


def _concept(concept, language):
    if language == "en" and concept in ENGLISH:
        return ENGLISH[concept]
    if language == "id" and concept in INDONESIAN:
        return INDONESIAN[concept]
    return _surface(language, concept) or ENGLISH.get(concept) or concept.replace("_", " ")


@functools.lru_cache(maxsize=4096)
def predicate_label(kind, predicate, language="en"):
    """What a slot is about, in words of ``language`` (English by default)."""
    if not predicate:
        return ""
    q = QUALIFIERS.get(language, QUALIFIERS["en"])
    parts = predicate.split(":")
    if parts[0] == "about":
        return f"{q['about']} “{' '.join(parts[1:]).replace('_', ' ')}”"
    words, after, prefix = [], [], ""
    for i, part in enumerate(parts):
        if part == "percent" and not words:
            prefix = q["percent"] + " "
        elif part in ("planned", "part") and i:
            after.append(q[part])
        elif part == "money" and len(parts) > i + 1:
            continue  # "money:aid" reads as its kind of money
        elif part:
            words.append(_concept(part, language))
    label = prefix + ", ".join(words)
    if after:
        label += f" ({', '.join(after)})"
    if kind == "date" and language == "en":
        label = f"date of {label}" if not label.startswith("when") else label
    return label


def slot_label(kind, predicate, subject_name=None, language="en"):
    """A slot in words: what, and about whom ("troops (planned), North Korea")."""
    label = predicate_label(kind, predicate, language)
    return f"{label}, {subject_name}" if subject_name else label


def labels(kind, predicate, language):
    """(English label, label in the article's language, or None when that is English)."""
    english = predicate_label(kind, predicate, "en")
    if not language or language == "en":
        return english, None
    own = predicate_label(kind, predicate, language)
    return english, (own if own != english else None)
