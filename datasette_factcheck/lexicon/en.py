"""English morphology: what the ``en`` lexicon's word lists cannot say.

After a quotation English may put the speech verb before its pronoun
("said he", "added she") as well as after it ("he said"); the pronouns that
may follow are the lexicon's ``inverted_pronouns``. A name is possessive when
one of the lexicon's ``possessive_suffixes`` follows it ("Iran's mission"),
which the base class already reads from the lexicon.
"""

from . import morphology
from .text import alternation, norm


class Morphology(morphology.Morphology):
    def speaker_forms(self):
        """A pronoun and the verb ("he said"), or the verb and a pronoun ("said he")."""
        inverted = alternation(map(norm, self.lex["inverted_pronouns"]))
        return [*super().speaker_forms(), rf"\w+\s+(?:{inverted})"]

    def ordinal_forms(self, cardinal):
        """The regular ordinals of a cardinal number word: "-th" on it ("fourth",
        "hundredth"), "-ieth" for a "-y" ("twentieth"); the irregular ones
        ("first", "fifth", "twelfth") are the lexicon's ``ordinal_words``."""
        yield cardinal + "th"
        if cardinal.endswith("y"):
            yield cardinal[:-1] + "ieth"
