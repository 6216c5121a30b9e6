"""Every URL the pages link to, built in one place (as Datasette's url_builder.py)."""

import urllib.parse

from datasette.utils import path_with_replaced_args, tilde_encode


class Urls:
    """URLs of the factcheck pages of one database."""

    def __init__(self, datasette, db):
        self.datasette = datasette
        self.base = datasette.urls.path(f"/-/factcheck/{tilde_encode(db.route)}")
        self.db = db

    def index(self):
        return self.base

    def _page(self, kind, id):
        return f"{self.base}/{kind}/{tilde_encode(str(id))}"

    def contradiction(self, id):
        return self._page("contradiction", id)

    def claimreview(self, id):
        """A reviewed flag as ClaimReview JSON-LD."""
        return self.contradiction(id) + "/claimreview.json"

    def claimreviews(self):
        """Every reviewed flag as ClaimReview JSON-LD."""
        return f"{self.base}/claimreview.json"

    def entity(self, id):
        return self._page("entity", id)

    def article(self, id):
        return self._page("article", id)

    def query(self, name, **params):
        return self.datasette.urls.query(self.db.name, name) + "?" + urllib.parse.urlencode(params)


def page_url(request, as_json=False, **args):
    """This page (or its JSON twin) with these query string arguments replaced."""
    path = request.path
    if request.url_vars.get("format") == "json":
        path = path[: -len(".json")]
    return path_with_replaced_args(request, args, path=path + ".json" if as_json else path)


def safe_url(url):
    """The URL if it is http(s), else None: nothing else ever becomes a link."""
    if not url:
        return None
    url = url.strip()
    parts = urllib.parse.urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else None
