"""Per-language word lists, loaded from YAML data files and compiled once.

Every language-specific word lives in ``lexicons/<lang>.yml``; plugins add or
extend languages through the ``factcheck_lexicons`` hook. Adding a language is
adding a file.
"""
import functools
import re
from pathlib import Path

import yaml

from .. import plugins

HERE = Path(__file__).parent.parent / "lexicons"
# libyaml's parser where PyYAML was built with it: the lexicons load in a fifth of the time
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(source):
    if isinstance(source, dict):
        return source
    with open(source, encoding="utf-8") as fp:
        return yaml.load(fp, Loader=LOADER)


def _merge(base, extra):
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        elif isinstance(value, list) and isinstance(base.get(key), list):
            base[key] = base[key] + [v for v in value if v not in base[key]]
        else:
            base[key] = value
    return base


@functools.lru_cache(maxsize=None)
def raw():
    """language -> merged dict, plus the entity list under the key ``entities``."""
    out = {}
    entities = []
    for source in plugins.lexicon_sources():
        data = _read(source)
        if "entities" in data:
            entities.extend(data["entities"])
        if "language" in data:
            out.setdefault(data["language"], {})
            _merge(out[data["language"]], data)
    return out, entities


def languages():
    return sorted(raw()[0])


def entities():
    return raw()[1]


def norm(text):
    """Casefold and collapse spaces and hyphens: the key form of every word list."""
    return re.sub(r"[\s\-]+", " ", text.lower()).strip()


def words_pattern(words, suffixes=(), flags=re.IGNORECASE):
    """One regex matching any of ``words`` as whole words (longest first), each
    optionally followed by one of ``suffixes``.

    The words are laid out as a trie, so at each position the regex follows one
    branch per character instead of trying every word: lexicons of hundreds
    of words cost little more than one."""
    words = {w for w in words if w}
    if not words:
        return re.compile(r"(?!x)x")
    fold = bool(flags & re.IGNORECASE)
    tail = "(?:" + "|".join(re.escape(s) for s in sorted(suffixes, key=len, reverse=True)) + ")?" if suffixes else ""
    return re.compile(rf"(?<![\w-])(?:{_trie(words, fold)}){tail}(?![\w-])", flags)


def _trie(words, fold):
    """A regex for the words: shared prefixes factored out, longer words first
    (greedy), a space matching any run of spaces and hyphens."""
    root = {}
    for word in words:
        node = root
        for ch in word:
            low = ch.lower()
            node = node.setdefault(low if fold and len(low) == 1 else ch, {})
        node[""] = {}

    def build(node):
        branches = [(r"[\s\-]+" if ch == " " else re.escape(ch)) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return build(root)


class Lexicon:
    """The compiled word lists of one language."""

    def __init__(self, code):
        self.code = code
        d = raw()[0][code]
        self.data = d
        self.decimal, self.group = d["decimal"], d["group"]
        self.months = {norm(k): v for k, v in d["months"].items()}
        self.weekdays = {norm(k): v for k, v in d["weekdays"].items()}
        self.scales = {norm(k): v for k, v in d["scales"].items()}
        self.number_words = {norm(k): v for k, v in d["number_words"].items()}
        self.multipliers = {norm(k): v for k, v in d["number_multipliers"].items()}
        self.vague = {norm(k): tuple(v) for k, v in d["vague"].items()}
        self.hedge_of = {norm(w): kind for kind, ws in d["hedges"].items() for w in ws}
        self.stance_of = {norm(w): value for value, ws in d["stances"].items() for w in ws}
        self.event_of = {norm(w): event for event, ws in d["events"].items() for w in ws}
        self.noun_of = {norm(w): c for c, ws in d["count_nouns"].items() for w in ws}
        self.state_of = {norm(w): c for c, ws in d["count_states"].items() for w in ws}
        self.money_kind_of = {norm(w): c for c, ws in d.get("money_kinds", {}).items() for w in ws}
        self.proposition_of = {norm(w): c for c, ws in d["propositions"].items() for w in ws}
        self.sets = {
            key: {norm(w) for w in d.get(key, [])}
            for key in (
                "label_words", "count_fillers", "negations", "modality", "speech_verbs",
                "clause_breaks", "coordinators", "stopwords", "abbreviations",
                "holder_after", "agent_markers", "prepositions", "determiners", "day_parts", "month_markers", "demonstratives", "aspect_nouns", "generic_objects", "place_words", "year_markers", "weekday_markers",
                "percent_words",
            )
        }
        self.zones = {k.lower(): v for k, v in d.get("zones", {}).items()}
        suffixes = d.get("suffixes", [])

        def p(words):
            return words_pattern(words, suffixes)

        self.re = {
            "month": p(self.months),
            "weekday": p(self.weekdays),
            "scale": p(self.scales),
            "hedge": p(self.hedge_of),
            "vague": p(self.vague),
            "stance": p(self.stance_of),
            "event": p(self.event_of),
            "noun": p(self.noun_of),
            "state": p(self.state_of),
            "proposition": p(self.proposition_of),
            "money_kind": p(self.money_kind_of),
            "title": p(d.get("titles", [])),
            "idiom": p(d.get("idioms", [])),
            "subset": p(d.get("subset_markers", [])),
            "plan": p(d.get("plan_markers", [])),
            "future": p(d.get("future_markers", [])),
            "past": p(d.get("past_markers", [])),
            "done": p(d.get("done_markers", [])),
            "revision": p(d.get("revision_markers", [])),
            "silence_noun": p(d.get("silence_nouns", [])),
            "negation": p(self.sets["negations"]),
            "modality": p(self.sets["modality"]),
            "never": p(d.get("never_words", [])),
            "speech": p(self.sets["speech_verbs"]),
            "clause_break": p(self.sets["clause_breaks"]),
            "number_word": p(list(self.number_words) + list(self.multipliers)),
        }
        self.suffixes = sorted(suffixes, key=len, reverse=True)
        self.header = {k: re.compile(v, re.IGNORECASE) for k, v in d.get("header_patterns", {}).items()}


    def lookup(self, mapping, text):
        """The value ``mapping`` gives a matched ``text`` (spacing and suffixes normalised)."""
        key = norm(text)
        if key in mapping:
            return mapping[key]
        for suffix in self.suffixes:
            if key.endswith(suffix) and key[: -len(suffix)] in mapping:
                return mapping[key[: -len(suffix)]]
        return None


@functools.lru_cache(maxsize=None)
def get(code):
    """The compiled lexicon for a language code, falling back to English."""
    return Lexicon(code if code in raw()[0] else "en")


def reset():
    """Forget cached lexicons (after a plugin adds one)."""
    raw.cache_clear()
    get.cache_clear()
