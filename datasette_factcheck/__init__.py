"""datasette-factcheck: Datasette hook implementations (thin; the work lives in modules).

Hooks that exist on only one Datasette line are marked; the other line never calls them.
"""

from datasette import Forbidden, hookimpl


@hookimpl
def register_commands(cli):
    from .cli import factcheck

    cli.add_command(factcheck)


@hookimpl
def register_routes():
    return ROUTES


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    return cells.render_cell(row, value, column, table, database, datasette)


@hookimpl
def extra_css_urls(view_name, table, datasette):
    if view_name in ("table", "row") and table in TABLES:
        return [datasette.urls.static_plugins(compat.PLUGIN, "factcheck.css")]


def _link(datasette, database):
    return {"href": Urls(datasette, datasette.get_database(database)).index(), "label": "Contradictions (factcheck)"}


@hookimpl
def database_actions(datasette, database):
    async def inner():
        if await queries.is_factcheck_database(datasette.get_database(database)):
            return [_link(datasette, database)]

    return inner


@hookimpl
def table_actions(datasette, database, table):
    async def inner():
        if table in TABLES and await queries.is_factcheck_database(datasette.get_database(database)):
            return [_link(datasette, database)]

    return inner


@hookimpl
def menu_links(datasette, actor):
    async def inner():
        links = []
        for name, db in datasette.databases.items():
            if name != "_internal" and await queries.is_factcheck_database(db):
                try:
                    await compat.ensure_can_view(datasette, actor, name, TABLES)
                except Forbidden:
                    continue
                links.append(_link(datasette, name))
        return links

    return inner


@hookimpl
def canned_queries(datasette, database):  # Datasette 0.65
    return queries.for_database(datasette, database)


@hookimpl
def startup(datasette):  # stored queries: Datasette 1.0a
    return compat.store_queries(datasette)


@hookimpl
def register_enrichments(datasette):  # datasette-enrichments, which alone calls it, when installed
    from .web.enrichment import FactCheck

    return [FactCheck()]


@hookimpl
def permission_allowed(datasette, actor, action, resource):  # Datasette 0.65
    return compat.permission_allowed(datasette, actor, action, resource)


@hookimpl
def register_actions():  # Datasette 1.0a
    return compat.register_actions()


@hookimpl
def permission_resources_sql(datasette, actor, action):  # Datasette 1.0a
    return compat.permission_resources_sql(datasette, actor, action)


# Imported after the hooks are defined, on purpose: these modules import
# datasette.plugins, which registers this package from its entry point. When a
# script imports the package first (a notebook, a plugin), that registration
# must find every hook above already defined.
from .web import ROUTES, TABLES, cells, compat, queries  # noqa: E402
from .web.url_builder import Urls  # noqa: E402
