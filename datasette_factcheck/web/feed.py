"""/<database>/-/factcheck/contradiction/<id>: a flag's page addressed from its
database's path. A canned query cannot know its database's name, so the
feed query links each entry relatively (``-/factcheck/contradiction/<id>``
from ``/<database>/open_conflicts_feed.atom``) and this redirects to the page."""

from datasette.utils import tilde_decode
from datasette.utils.asgi import Response

from . import base
from .url_builder import Urls


async def flag(datasette, request):
    db = await base.database(datasette, request)
    return Response.redirect(Urls(datasette, db).contradiction(tilde_decode(request.url_vars["id"])))
