"""The factcheck pages, one module each, each also as JSON at its .json URL.

Every page reads with a fixed number of queries (no query per row) and every
user value reaches SQL as a bound parameter. Output is escaped by Jinja;
only http(s) URLs ever become links.
"""

from . import article, claimreview, contradiction, entity, feed, index
from .base import TABLES

ROUTES = [
    (r"^/-/factcheck/(?P<database>[^/]+?)(\.(?P<format>json))?$", index.index),
    (
        r"^/-/factcheck/(?P<database>[^/]+)/contradiction/(?P<id>[^/]+?)(\.(?P<format>json))?$",
        contradiction.contradiction,
    ),
    (r"^/-/factcheck/(?P<database>[^/]+)/entity/(?P<id>[^/]+?)(\.(?P<format>json))?$", entity.entity),
    (r"^/-/factcheck/(?P<database>[^/]+)/article/(?P<id>[^/]+?)(\.(?P<format>json))?$", article.article),
    (r"^/-/factcheck/(?P<database>[^/]+)/contradiction/(?P<id>[^/]+)/claimreview\.json$", claimreview.one),
    (r"^/-/factcheck/(?P<database>[^/]+)/claimreview\.json$", claimreview.every),
    (r"^/(?P<database>[^/]+)/-/factcheck/contradiction/(?P<id>[^/]+)$", feed.flag),
]
__all__ = ["ROUTES", "TABLES"]
