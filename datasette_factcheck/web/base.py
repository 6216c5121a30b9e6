"""What every page does first and last (as Datasette's views/base.py): find the
database the actor may read, and answer as HTML or, at the .json URL, as JSON."""

from datasette.utils import tilde_decode
from datasette.utils.asgi import NotFound, Response
from datasette.views.base import DatasetteError

from ..store import migrations
from . import compat
from .queries import is_factcheck_database
from .url_builder import page_url

# The tables behind the pages: reading a page needs permission to view every one.
TABLES = ("articles", "claims", "contradictions", "entities", "reviews")


async def database(datasette, request):
    """The requested factcheck database, after checking the actor may read it."""
    route = tilde_decode(request.url_vars["database"])
    try:
        db = datasette.get_database(route=route)
    except KeyError:
        raise NotFound(f"Database not found: {route}") from None
    await compat.ensure_can_view(datasette, request.actor, db.name, TABLES)
    if not await is_factcheck_database(db):
        raise NotFound(f"{db.name} has no factcheck tables")
    missing = await _missing_migrations(db)
    if missing:
        raise DatasetteError(
            f"{db.name} was made by an older datasette-factcheck (it lacks {', '.join(missing)}): "
            f"run `datasette factcheck detect {db.path or db.name}` once to bring it up to date",
            status=409,
            title="Database needs an upgrade",
        )
    return db


async def _missing_migrations(db):
    """The migrations this code has that the database does not record (the pages read their columns)."""
    if not await db.table_exists("_migrations"):
        return list(migrations.MIGRATIONS)
    recorded = {row[0] for row in (await db.execute("select name from _migrations")).rows}
    return [name for name in migrations.MIGRATIONS if name not in recorded]


async def render(datasette, request, template, data, **context):
    if request.url_vars.get("format") == "json":
        return Response.json(data, default=str)
    return Response.html(
        await datasette.render_template(
            template,
            dict(context, data=data, alternate_url_json=page_url(request, as_json=True)),
            request=request,
        )
    )
