"""What a URL says about an article: the outlet's registered domain and the
publication date written into its path.

The registered domain ("example.co.id" for news.example.co.id, m.example.co.id and
www.example.co.id) comes from the Public Suffix List bundled with the ``tld``
package (a dependency of trafilatura, read offline, never updated at run
time); without it, a small rule set covers the common country-code second
levels (``co.id``, ``co.uk``, ...).
"""

import datetime as dt
import functools
import ipaddress
import re
from urllib.parse import urlparse

# Second levels under a two-letter country code that are public suffixes in
# the list (co.id, ac.id, go.id, or.id, web.id, sch.id, co.uk, com.au, ...):
# the fallback when the ``tld`` package is missing.
_SECOND_LEVELS = {
    "ac",
    "co",
    "com",
    "edu",
    "go",
    "gob",
    "gov",
    "gv",
    "mil",
    "my",
    "ne",
    "net",
    "nic",
    "or",
    "org",
    "sch",
    "web",
}
_HOST = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")


def host(url):
    """The lower-case host name of ``url`` (scheme optional), or None."""
    if not url:
        return None
    url = url.strip()
    if "://" not in url[:12]:
        url = "//" + url
    try:
        netloc = urlparse(url).hostname or ""
    except ValueError:
        return None
    netloc = netloc.strip(".").lower()
    return netloc or None


@functools.lru_cache(maxsize=4096)
def registered_domain(name):
    """The registered domain of a URL or host name: "example.co.id" for
    ``https://news.example.co.id/x``, "wartanusa.com" for "Kota.WartaNusa.com",
    "korankita.co.id" for "KORANKITA.CO.ID". A host that is no domain (an IP address,
    "localhost") is given back as it is; None when there is no host."""
    h = host(name)
    if not h:
        return None
    try:
        ipaddress.ip_address(h)
        return h
    except ValueError:
        pass
    if not _HOST.match(h):
        return h
    try:
        from tld import get_fld
    except ImportError:  # pragma: no cover - tld comes with trafilatura
        return _fallback_domain(h)
    try:
        found = get_fld(h, fix_protocol=True, fail_silently=True)
    except Exception:  # a name the list cannot parse
        found = None
    return found or _fallback_domain(h)


def _fallback_domain(h):
    labels = h.split(".")
    if len(labels) < 2:
        return h
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVELS else 2
    return ".".join(labels[-keep:])


def looks_like_domain(name):
    """Whether a name is written as a domain ("KORANKITA.com", "geosurvey.co.id", "WARTANUSA.CO")."""
    name = name.strip().lower()
    if " " in name or "." not in name:
        return False
    labels = name.split(".")
    return bool(_HOST.match(name)) and labels[-1].isalpha() and 2 <= len(labels[-1]) <= 12 and len(labels[0]) >= 2


_YEAR = r"(?P<y>(?:19|20)\d\d)"
URL_DAY = [
    # /2022/11/21/, /2022-11-21-, /2022_1_9, /news/2020-01-10/
    re.compile(r"(?<![\d])" + _YEAR + r"(?P<sep>[/_.-])(?P<m>0?[1-9]|1[0-2])(?P=sep)(?P<d>0?[1-9]|[12]\d|3[01])(?!\d)"),
    # /20200111/, /news/20200108125756-7-128535/ (a date, optionally with its clock time)
    re.compile(
        r"(?<![\d])"
        + _YEAR
        + r"(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?:(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?)?(?!\d)"
    ),
]
# /2023/02/slug: the month only (not /2022/02/30/, a day that is none)
URL_MONTH = re.compile(r"/" + _YEAR + r"/(?P<m>0?[1-9]|1[0-2])(?=/(?!\d{1,2}(?!\d))|$)")


def url_date(url, today=None):
    """(value, precision) of the date in a URL's path or query: ("2022-11-21",
    "day"), ("2023-02", "month"), or (None, None). Hosts are not read; a year
    after next year, or a day that is no calendar day, is no date."""
    if not url:
        return None, None
    try:
        parts = urlparse(url.strip())
    except ValueError:
        return None, None
    where = parts.path + ("?" + parts.query if parts.query else "")
    last = (today or dt.date.today()).year + 1
    for pattern in URL_DAY:
        for m in pattern.finditer(where):
            y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
            if y > last:
                continue
            try:
                return dt.date(y, mo, d).isoformat(), "day"
            except ValueError:
                continue
    m = URL_MONTH.search(where)
    if m and int(m["y"]) <= last:
        return f"{int(m['y']):04d}-{int(m['m']):02d}", "month"
    return None, None
