"""The plugin manager for the project's own hooks, with the built-ins registered."""
import pluggy

from . import hookspecs

pm = pluggy.PluginManager("datasette_factcheck")
pm.add_hookspecs(hookspecs)
pm.load_setuptools_entrypoints("datasette_factcheck")

DEFAULT_PLUGINS = ("datasette_factcheck.builtins",)


def _register_defaults():
    import importlib

    for name in DEFAULT_PLUGINS:
        module = importlib.import_module(name)
        if not pm.is_registered(module):
            pm.register(module, name)


def extractors():
    _register_defaults()
    return [e for group in pm.hook.factcheck_extractors() for e in group]


def rules():
    _register_defaults()
    return [r for group in pm.hook.factcheck_rules() for r in group]


def lexicon_sources():
    _register_defaults()
    return [s for group in pm.hook.factcheck_lexicons() for s in group]
