"""Our hookspecs, added to Datasette's own plugin manager (as
datasette-enrichments does): a plugin is a Datasette plugin that also
implements any of these with ``datasette.hookimpl``.

Each hook receives ``config``, the ``plugins`` section of the metadata /
datasette.yaml in use (plugin name -> its settings; ``{}`` when there is
none), and ``datasette``, the running instance where there is one (None
for a command-line load). An implementation may take either, both or none.
The built-ins register through these same hooks (``builtins.py``).
"""

from pluggy import HookspecMarker

hookspec = HookspecMarker("datasette")


@hookspec
def factcheck_lexicons(config, datasette):
    """Return a list of lexicon sources to merge: paths to YAML files or dicts
    (a ``language`` lexicon, checked against the lexicon schema, and/or
    ``entities``)."""


@hookspec
def factcheck_extractors(config, datasette):
    """Return a list of ``extension.Extractor`` instances."""


@hookspec
def factcheck_rules(config, datasette):
    """Return a list of ``extension.Rule`` instances."""
