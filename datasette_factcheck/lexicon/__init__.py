"""Per-language word lists, loaded from YAML data files, checked and compiled once.

Every language-specific word lives in ``lexicons/<lang>.yml``; plugins add or
extend languages through the ``factcheck_lexicons`` hook. Every source is
checked against ``schema`` as it loads (once a process: ``raw`` is cached),
so an unknown key, a value of the wrong type or a missing required key is an
error naming the source and the key. What cannot be a word list is in one
module per language (``morphology``: ``id.py``, ``en.py``), found by
language code. Adding a language is adding a file.
"""

import copy
import functools
import re

import yaml

from .. import plugins
from . import morphology, schema
from .schema import LexiconError, UndeclaredKey
from .text import NEVER, alternation, dotted, fold, norm, words_pattern

__all__ = [
    "Lexicon",
    "LexiconError",
    "UndeclaredKey",
    "alternation",
    "dotted",
    "entities",
    "fold",
    "get",
    "languages",
    "norm",
    "raw",
    "reset",
    "shared",
    "words_pattern",
    "NEVER",
]

# libyaml's parser where PyYAML was built with it: the lexicons load in a fifth of the time
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(source):
    """A source's data; LexiconError (its source named by the caller) when a file cannot be read."""
    if isinstance(source, dict):
        return copy.deepcopy(source)  # merging must never change a plugin's own dict
    try:
        with open(source, encoding="utf-8") as fp:
            return yaml.load(fp, Loader=LOADER)
    except yaml.YAMLError as e:
        raise LexiconError(source, None, f"not valid YAML: {e}") from None
    except OSError as e:
        raise LexiconError(source, None, f"cannot be read: {e.strerror or e}") from None


def _merge(base, extra):
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        elif isinstance(value, list) and isinstance(base.get(key), list):
            base[key] = base[key] + [v for v in value if v not in base[key]]
        else:
            base[key] = value
    return base


def _name(source, index):
    """How an error names a source: a file by its path; a dict by the plugin
    whose ``factcheck_lexicons`` hook returned it, where that can be told."""
    if not isinstance(source, dict):
        return str(source)
    return f"{_plugin_of(source) or 'a plugin'} (lexicon source {index}, a dict from factcheck_lexicons)"


def _plugin_of(source):
    """The name of the plugin returning ``source`` from its hook (asked again: errors only)."""
    try:
        arguments = {"config": plugins.config(), "datasette": None}
        for impl in plugins.pm.hook.factcheck_lexicons.get_hookimpls():
            returned = impl.function(*[arguments.get(a) for a in impl.argnames]) or []
            if any(s is source or s == source for s in returned):
                return f"plugin {impl.plugin_name!r}"
    except Exception:  # naming the source must never hide the error itself
        return None
    return None


@functools.lru_cache(maxsize=None)
def raw():
    """language -> merged dict, plus the entity list under the key ``entities``.

    Each source is checked against the schema as it is read, each language
    once merged; any LexiconError names the source (and key) at fault."""
    out, entities, origins = {}, [], {}
    for index, source in enumerate(plugins.lexicon_sources(), 1):
        try:
            data = _read(source)
            schema.check_source(data, source)
        except LexiconError as e:
            raise LexiconError(_name(source, index), e.key, e.problem) from None
        entities.extend(data.get("entities", []))
        if "language" in data:
            code = data["language"]
            origins.setdefault(code, []).append((source, index))
            _merge(out.setdefault(code, {}), {k: v for k, v in data.items() if k != "entities"})
    for code, merged in out.items():
        try:
            schema.check_language(merged, code)
        except LexiconError as e:
            names = ", ".join(_name(s, i) for s, i in origins[code])
            raise LexiconError(f"the {code!r} lexicon (from {names})", e.key, e.problem) from None
    return out, entities


def languages():
    return sorted(raw()[0])


def entities():
    return raw()[1]


class Entries(dict):
    """Values by name: a missing name raises ``UndeclaredKey`` (a KeyError,
    with ``missing(name)`` saying why) instead of giving an empty default."""

    def __init__(self, values, missing):
        super().__init__(values)
        self.missing = missing

    def __missing__(self, key):
        raise UndeclaredKey(self.missing(key))

    def get(self, key, default=None):
        """Like ``[key]``: a name that is not here raises, whatever the default."""
        return self[key] if key in self else self.__missing__(key)


def _not_a(kind, key, shared=False):
    """Why there is no ``kind`` called ``key``: the schema does not declare it
    (``schema.declared`` raises), or it is of another kind."""
    declared = schema.declared(key)
    if shared and not declared.shared:
        return f"{key!r} is not {kind}: it is a per-language key (ask the language's lexicon)"
    return f"{key!r} is not {kind}: it is {declared.type.description}"


class _Words:
    """Words by schema key (``self[key]``), and what code derives from them (``memo``)."""

    def __getitem__(self, key):
        return self.data[key]

    def memo(self, name, build):
        """``build(self)``, computed once for these words: the patterns an
        extractor derives from them, rebuilt when the lexicons are reset."""
        try:
            return self._memo[name]
        except KeyError:
            value = self._memo[name] = build(self)
            return value


class Lexicon(_Words):
    """The compiled word lists of one language; ``lex[key]`` is the value of a
    schema key (its empty value when an optional key is left out)."""

    def __init__(self, code):
        self.code = code
        self._memo = {}
        d = self.data = Entries(schema.complete(raw()[0][code]), lambda key: _not_a("a lexicon key", key))
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
        self.money_kind_of = {norm(w): c for c, ws in d["money_kinds"].items() for w in ws}
        self.proposition_of = {norm(w): c for c, ws in d["propositions"].items() for w in ws}
        self.sets = Entries(
            {
                key: {norm(w) for w in d[key]}
                for key in schema.of_type(schema.Words)
                if not schema.LANGUAGE[key].type.exact
            },
            lambda key: _not_a("a word list", key),
        )
        self.zones = {norm(k): v for k, v in d["zones"].items()}
        suffixes = d["suffixes"]

        def p(words):
            return words_pattern(words, suffixes)

        self.re = Entries(
            {
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
                "title": p(d["titles"]),
                "idiom": p(d["idioms"]),
                "subset": p(d["subset_markers"]),
                "part": p(d["part_markers"]),
                "part_clause": p(d["part_clause_words"]),
                "plan": p(d["plan_markers"]),
                "future": p(d["future_markers"]),
                "past": p(d["past_markers"]),
                "done": p(d["done_markers"]),
                "revision": p(d["revision_markers"]),
                "silence_noun": p(d["silence_nouns"]),
                "negation": p(self.sets["negations"]),
                "modality": p(self.sets["modality"]),
                "never": p(d["never_words"]),
                "speech": p(self.sets["speech_verbs"]),
                "clause_break": p(self.sets["clause_breaks"]),
                "number_word": p(list(self.number_words) + list(self.multipliers)),
            },
            lambda name: f"the {code!r} lexicon has no pattern {name!r}; its patterns are {', '.join(sorted(self.re))}",
        )
        self.header = {k: re.compile(v, re.IGNORECASE) for k, v in d["header_patterns"].items()}
        self.morph = morphology.for_language(code)(self)

    def lookup(self, mapping, text):
        """The value ``mapping`` gives a matched ``text`` (spacing, case and
        suffixes normalised by the language's morphology)."""
        for key in self.morph.stems(norm(text)):
            if key in mapping:
                return mapping[key]
        return None


class Shared(_Words):
    """The words of the schema's ``shared`` keys, every language's together:
    the words code recognises in a text of any language. ``shared[key]`` is
    the words as written (a mapping's entries merged), ``shared.sets[key]``
    them folded with ``norm``."""

    def __init__(self, lexicons):
        self._memo = {}
        values = {}
        for key in sorted(schema.SHARED):
            if isinstance(schema.LANGUAGE[key].type, schema.Mapping):
                values[key] = {norm(k): v for lex in lexicons for k, v in lex[key].items()}
            else:
                values[key] = list(dict.fromkeys(w for lex in lexicons for w in lex[key]))
        self.data = Entries(values, lambda key: _not_a("a shared key", key, shared=True))
        self.sets = Entries(
            {
                k: {norm(w) for w in v}
                for k, v in values.items()
                if isinstance(v, list) and not schema.LANGUAGE[k].type.exact
            },
            lambda key: _not_a("a shared word list", key, shared=True),
        )


@functools.lru_cache(maxsize=None)
def get(code):
    """The compiled lexicon for a language code, falling back to English."""
    return Lexicon(code if code in raw()[0] else "en")


@functools.lru_cache(maxsize=None)
def shared():
    """The shared keys' words of every language (see ``Shared``)."""
    return Shared([get(code) for code in languages()])


def reset():
    """Forget cached lexicons (after a plugin adds one)."""
    raw.cache_clear()
    get.cache_clear()
    shared.cache_clear()
