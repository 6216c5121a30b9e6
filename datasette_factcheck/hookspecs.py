"""The project's own pluggy hookspecs: how plugins add extractors, rules and lexicons.

A plugin module implements any of these with ``@hookimpl`` and registers through
the ``datasette_factcheck`` setuptools entry point (or ``pm.register`` in tests).
The built-in extractors, rules and lexicons register through the same hooks.
"""
import pluggy

hookspec = pluggy.HookspecMarker("datasette_factcheck")
hookimpl = pluggy.HookimplMarker("datasette_factcheck")


@hookspec
def factcheck_lexicons():
    """Return a list of paths to lexicon YAML files (or dicts) to merge, per language."""


@hookspec
def factcheck_extractors():
    """Return a list of extractors: callables ``(doc) -> iterable of Claim``.

    ``doc`` is an ``extract.Document``: the article, its sentences, entity
    mentions, lexicon and reference date.
    """


@hookspec
def factcheck_rules():
    """Return a list of contradiction rules: callables ``(kind, claims, settings) -> iterable of Flag``.

    Each call receives the claims of one slot (same kind, subject and predicate)
    from different articles; a rule yields flags only for the kinds it handles.
    """
