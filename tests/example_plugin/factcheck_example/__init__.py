"""An example plugin: counts a word its configuration names, flags articles
that count it differently, and adds an entity through a lexicon.

Configured in metadata.yml / datasette.yaml::

    plugins:
      factcheck-example:
        word: sirene
        strength: 0.33
"""

from datasette import hookimpl

from datasette_factcheck.extension import Extractor, Rule
from datasette_factcheck.model import Disagreement

NAME = "factcheck-example"


def settings(config):
    return {"word": "sirene", "strength": 0.5, **config.get(NAME, {})}


class WordCount(Extractor):
    """A number claim for each sentence naming the word: how often it does
    (about Atlantis, the entity the plugin's lexicon adds). A count this
    loose never disagrees by the built-in number rule's measure: its range is
    open, so only the plugin's own rule compares it."""

    name, version = "example-word-count", "1"

    def extract(self, doc):
        word = self.config["word"]
        for i, (start, end) in enumerate(doc.sentences):
            n = doc.text[start:end].casefold().count(word)
            if n:
                yield doc.claim(
                    "number",
                    i,
                    start,
                    end,
                    str(n),
                    "atlantis",
                    f"mentions:{word}",
                    value_num=float(n),
                    qualifier="vague",
                    value_low=0.0,
                    value_high=float("inf"),
                )


class WordCountRule(Rule):
    """Two articles disagree when they name the word a different number of times."""

    name, kind = "example-word-count", "number"

    def account(self, claims):
        return frozenset(c["value"] for c in claims)

    def disagreement(self, claims_a, claims_b):
        if claims_a[0]["predicate"] != f"mentions:{self.config['word']}":
            return None
        if self.account(claims_a) == self.account(claims_b):
            return None
        return Disagreement(claims_a[0], claims_b[0], self.config["strength"])


@hookimpl
def factcheck_extractors(config):
    return [WordCount(settings(config))]


@hookimpl
def factcheck_rules(config):
    return [WordCountRule(settings(config))]


@hookimpl
def factcheck_lexicons():
    return [
        {
            "entities": [
                {"id": "atlantis", "name": "Atlantis", "kind": "country", "aliases": ["Atlantis", "Negeri Atlantis"]}
            ]
        }
    ]
