"""Indonesian morphology: what the ``id`` lexicon's word lists cannot say.

Indonesian marks a pronoun with an enclitic on the word itself: after a
quotation, "ujarnya" or "katanya" (said-he) gives the speaker as a pronoun as
"dia mengatakan" does. The clitics are the lexicon's ``pronoun_clitics``;
what this module adds is that they attach to any word. Enclitics on the
words of a list ("kunjungannya", "bantahannya") are stripped for look-ups by
the base class from the lexicon's ``suffixes``.
"""

from . import morphology
from .text import alternation, norm


class Morphology(morphology.Morphology):
    def speaker_forms(self):
        """A pronoun and the verb ("dia mengatakan"), or any word carrying a
        pronoun clitic ("ujarnya", "tegasnya")."""
        clitics = alternation(map(norm, self.lex["pronoun_clitics"]))
        return [rf"\w+(?:{clitics})\b", *super().speaker_forms()]
