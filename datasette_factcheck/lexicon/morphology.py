"""What a language's words do that a word list cannot say, one module per
language (``lexicon/id.py``, ``lexicon/en.py``), found by language code.

A language's module defines a ``Morphology`` subclass called ``Morphology``;
``for_language`` finds it in the registry (the built-ins, and whatever
``register`` added), and a language without one gets this base class, which
does what the lexicon's own words say and nothing more. The word lists a
module uses are the lexicon's (``lex[key]``), never words of its own.
"""

import importlib
import re

from .text import alternation, norm

BUILTIN = {"id": f"{__package__}.id", "en": f"{__package__}.en"}
_registered = {}


def register(code, cls):
    """Use ``cls`` (a ``Morphology`` subclass) for the language ``code``."""
    _registered[code] = cls


def for_language(code):
    """The Morphology class of a language: registered, built in, or the base."""
    if code in _registered:
        return _registered[code]
    if code in BUILTIN:
        return importlib.import_module(BUILTIN[code]).Morphology
    return Morphology


class Morphology:
    """The rules of a language without a module of its own: words are looked
    up as written or without one of the lexicon's ``suffixes``; a pronoun
    opening the words after a quotation is its speaker; a name followed by one
    of its ``possessive_suffixes`` is possessive."""

    def __init__(self, lex):
        self.lex = lex
        flags = re.IGNORECASE
        self._suffixes = sorted(lex["suffixes"], key=len, reverse=True)
        self._possessive = re.compile(rf"(?:{alternation(lex['possessive_suffixes'])})\b")
        self._speaker = re.compile(r"^\s*[,.]?\s*(?:" + "|".join(self.speaker_forms()) + ")", flags)

    def stems(self, key):
        """``key`` (a normed word or phrase), then each form of it without one
        of the lexicon's suffixes, longest suffix first."""
        yield key
        for suffix in self._suffixes:
            if key.endswith(suffix):
                yield key[: -len(suffix)]

    def speaker_forms(self):
        """Regex sources of the words after a quotation that give its speaker
        as a pronoun: here a pronoun and the verb ("dia mengatakan", "he said")."""
        return [rf"(?:{alternation(map(norm, self.lex['pronouns']))})\s+\w+"]

    def speaker_pronoun(self, text):
        """Whether ``text``, what follows a quotation, gives its speaker as a pronoun."""
        return bool(self._speaker.match(text))

    def possessive(self, text, end):
        """Whether the name ending at ``end`` in ``text`` is possessive ("Iran's mission")."""
        return bool(self._possessive.match(text, end, end + 3))
