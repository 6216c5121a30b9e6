"""The extractors, rules and lexicons registered on Datasette's plugin
manager, with the configuration they receive.

The hookspecs and the built-ins are registered once, before the hooks are
first called (not at import: the built-ins import the extractors, which
import this module). What the hooks return is kept until the registered plugins or the
configuration change, so asking for the extractors once per article costs a
comparison, not a hook call.
"""

import yaml
from datasette.plugins import pm

from . import hookspecs
from .extension import Extractor, Rule

BUILTINS = "datasette_factcheck.builtins"
_config = {"plugins": {}, "datasette": None}
_cache = {}
_registered = False


def register():
    """Add our hookspecs and the built-ins to Datasette's plugin manager (once)."""
    global _registered
    if _registered:
        return
    _registered = True
    if not hasattr(pm.hook, "factcheck_extractors"):
        pm.add_hookspecs(hookspecs)
    if pm.get_plugin(BUILTINS) is None:
        from . import builtins

        pm.register(builtins, BUILTINS)


def configure(plugins_config=None, datasette=None):
    """Set the configuration hooks receive: the ``plugins`` section of a
    metadata / datasette.yaml file, and the Datasette instance if any."""
    _config["plugins"] = dict(plugins_config or {})
    _config["datasette"] = datasette
    _cache.clear()


def read_config(path):
    """The ``plugins`` section of a metadata.yml / datasette.yaml (or JSON) file."""
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f) or {}
    section = data.get("plugins", {}) if isinstance(data, dict) else None
    if not isinstance(section, dict):
        raise ValueError(f"{path}: expected a mapping with a 'plugins' mapping")
    return section


def config():
    """The ``plugins`` configuration in use (plugin name -> settings)."""
    return _config["plugins"]


def _collected(hook, kind):
    register()
    # the plugins themselves, not their ids: a key holding them keeps an id from being reused
    state = (frozenset(pm.get_plugins()), hook)
    if state not in _cache:
        results = getattr(pm.hook, hook)(config=_config["plugins"], datasette=_config["datasette"])
        found = [item for group in results for item in group]
        for item in found:
            if kind and not isinstance(item, kind):
                raise TypeError(f"{hook} returned {item!r}, not an instance of {kind.__module__}.{kind.__qualname__}")
        _cache[state] = found
    return _cache[state]


def extractors():
    return _collected("factcheck_extractors", Extractor)


def rules():
    return _collected("factcheck_rules", Rule)


def lexicon_sources():
    return _collected("factcheck_lexicons", None)
