"""The built-in lexicons, extractors and rules, registered through our own hooks."""
from pathlib import Path

from .detect import rules
from .extract import dates, numbers, stances
from .hookspecs import hookimpl

LEXICONS = Path(__file__).parent / "lexicons"


@hookimpl
def factcheck_lexicons():
    return sorted(LEXICONS.glob("*.yml"))


@hookimpl
def factcheck_extractors():
    return [dates.claims, numbers.claims, stances.claims]


@hookimpl
def factcheck_rules():
    return [rules.compare_numbers, rules.compare_dates, rules.compare_stances]
