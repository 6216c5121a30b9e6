"""What every page does first and last (as Datasette's views/base.py): find the
database the actor may read, and answer as HTML or, at the .json URL, as JSON."""

from datasette.utils import tilde_decode
from datasette.utils.asgi import NotFound, Response

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
    return db


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
