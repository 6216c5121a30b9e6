"""The built-in lexicons, extractors and rules, registered once on Datasette's
plugin manager through our own hooks, like any plugin's."""

from pathlib import Path

from datasette import hookimpl

from .detect.rules import DateRule, NumberRule, StanceRule
from .extension import Extractor
from .extract import dates, numbers, stances

LEXICONS = Path(__file__).parent / "lexicons"


class _Module(Extractor):
    """A built-in extractor: one of our extract modules' ``claims(doc)``."""

    module = None

    def extract(self, doc):
        return self.module.claims(doc)


class Dates(_Module):
    name, module = "dates", dates


class Numbers(_Module):
    name, module = "numbers", numbers


class Stances(_Module):
    name, module = "stances", stances


@hookimpl
def factcheck_lexicons():
    return sorted(LEXICONS.glob("*.yml"))


@hookimpl
def factcheck_extractors():
    return [Dates(), Numbers(), Stances()]


@hookimpl
def factcheck_rules():
    return [NumberRule(), DateRule(), StanceRule()]
