"""The base classes a plugin subclasses: an ``Extractor`` finds claims in one
article, a ``Rule`` says when two articles' claims in one slot disagree.

Each has a ``name`` and a ``version``. An extractor's name and version join
the fingerprint of stored extractions, so a changed plugin re-reads the
stored articles on the next load. A rule declares the one ``kind`` it
compares and returns a ``model.Disagreement`` with a strength; whether that
is a conflict or a change, and its explanation, detection decides for every
rule alike.
"""

from typing import Hashable, Iterable, Optional

from .model import KINDS, Claim, Disagreement


class _Named:
    name: str = ""
    version: str = "1"

    def __init__(self, config=None):
        if not self.name:
            raise TypeError(f"{type(self).__qualname__} needs a name")
        self.config = config or {}

    def __repr__(self):
        return f"<{type(self).__name__} {self.name} {self.version}>"


class Extractor(_Named):
    """Finds claims in one article."""

    def extract(self, doc) -> Iterable[Claim]:
        """The claims of ``doc`` (an ``extract.Document``: the article, its
        sentences, entity mentions, lexicon and dates); make each with
        ``doc.claim(...)``."""
        raise NotImplementedError


class Rule(_Named):
    """Compares the claims of one slot (same kind, subject and predicate), one
    article's claims (a list of rows) with another's."""

    kind: str = ""

    def __init__(self, config=None):
        super().__init__(config)
        if self.kind not in KINDS:
            raise TypeError(f"rule {self.name} must declare a kind, one of {', '.join(KINDS)}")

    def account(self, claims) -> Hashable:
        """What one article says in this slot: articles with equal accounts agree."""
        raise NotImplementedError

    def disagreement(self, claims_a, claims_b) -> Optional[Disagreement]:
        """How two articles' claims disagree (the two claims that show it
        best and a strength), or None when they agree."""
        raise NotImplementedError
