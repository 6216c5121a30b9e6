"""The dateline opening a news text, and the outlet it names.

A dateline is a short prefix ended by a dash: "Outlet –", "KOTA, OUTLET -",
"OUTLET, KOTA –", "CITY (Agency) -", "SEOUL, Oct. 21 (Yonhap) --",
"TEHRAN, Iran —". Its parts are an agency in parentheses, names (an outlet,
a city, a country) and a date. Which name is the outlet:

- an agency in parentheses, else a name written as a domain ("KORANKITA.com");
- of two names, the one that is not a known place ("Jakarta, Warta Nusa");
  "City, Country" names none; else the second ("KOTA, OUTLET", the usual
  order), unless only the first is in mixed case;
- a lone name is an outlet when the article's URL is on its domain
  ("WARTA NUSA" on wartanusa.co.id), or when it is a name of several
  words in mixed case ("Jepara Pos") that is not a place; a single word or a
  name in capitals alone ("JAKARTA –", "TANAH RAWA –") is the dateline city.

A place is a country (Babel's territory names in the lexicons' languages, the
entities lexicon's countries), a city of the time zone database, a name the
entities lexicon resolves, a name made of the lexicons' place words
("Jawa Barat"), or a name the text itself puts after a preposition
("di Tanah Rawa"). A person (a name after a title word, or the byline) is
never an outlet.
"""

import functools
import re
from typing import NamedTuple, Optional

from .. import lexicon
from .urls import looks_like_domain, registered_domain

DASH = re.compile(r"(?:\s+|(?<=\)))(?:-{1,3}|[–—]{1,2})\s+|\s*[–—]{1,2}\s+")
AGENCY = re.compile(r"\(([^()\n]{2,40})\)\s*$")
NAME = re.compile(r"^[^\W\d_][\w.&'’-]*(?: (?:[^\W\d_]|&)[\w.&'’-]*){0,3}$")  # up to four words
MAX_PREFIX = 100


class Dateline(NamedTuple):
    """A parsed dateline: where it ends in the text, its parts, the outlet judged,
    and where it starts (after title lines for ``masthead``)."""

    end: int
    names: tuple
    agency: Optional[str]
    date: Optional[str]
    outlet: Optional[str]
    start: int = 0


def parse(text, start=0, url=None, author=None, lexes=None):
    """The dateline at ``text[start:]`` (after leading spaces), or None."""
    lead = start + len(text[start : start + 200]) - len(text[start : start + 200].lstrip())
    head = text[lead : lead + MAX_PREFIX + 8]
    m = DASH.search(head)
    if not m or m.start() == 0 or m.start() > MAX_PREFIX:
        return None
    prefix = head[: m.start()].strip()
    if "\n" in prefix or re.search(r"[!?;\"“”]", prefix):
        return None
    agency = None
    a = AGENCY.search(prefix)
    if a:
        agency, prefix = a.group(1).strip(), prefix[: a.start()].strip()
        if not NAME.match(agency) and not looks_like_domain(agency):
            return None
    parts = [p.strip() for p in prefix.split(",")] if prefix else []
    if len(parts) > 3 or any(not p for p in parts) or (not parts and not agency):
        return None
    lexes = lexes if lexes is not None else _lexes()
    names, date = [], None
    for p in parts:
        if re.search(r"\d", p):
            if date is not None or not _datelike(p, lexes):
                return None
            date = p
        elif looks_like_domain(p) or (NAME.match(p) and p[0].isupper() and not re.search(r"\.\s", p)):
            names.append(p)
        else:
            return None
    if not names and not agency:
        return None
    if len(parts) == 1 and names and not looks_like_domain(names[0]) and not _capitalised(names[0]):
        return None  # a sentence opening ("Korea Utara tetap diam –"), not a masthead
    rest = text[lead + m.end() :]
    outlet = judge(names, agency, rest, url=url, author=author, lexes=lexes)
    return Dateline(lead + m.end(), tuple(names), agency, date, outlet, lead)


def judge(names, agency, rest="", url=None, author=None, lexes=()):
    """Which of a dateline's parts is the outlet (see the module's doc), or None."""
    if agency and not _person(agency, author, lexes):
        return agency
    domains = [n for n in names if looks_like_domain(n)]
    if domains:
        return domains[0]
    names = [n for n in names if not _person(n, author, lexes)]
    if not names:
        return None
    home = _domain_word(url)
    for n in names:
        if home and _fold(n) == home:
            return _readable(n)
    if len(names) == 2:
        first, second = names
        if _country(second, lexes):
            return None  # City, Country
        places = [_place(n, rest, lexes) for n in names]
        if all(places):
            return None
        if any(places):
            return names[places.index(False)]
        if first.isupper() == second.isupper():
            return second  # KOTA, OUTLET
        return first if second.isupper() else second
    (name,) = names
    if len(name.split()) < 2 or name.isupper() or _place(name, rest, lexes):
        return None
    return name


def dateline(text):
    """(outlet, end of the prefix) for a dateline opening ``text``, or (None, 0).
    The end covers the prefix also when it names no outlet ("JAKARTA –")."""
    d = parse(text)
    return (d.outlet, d.end) if d else (None, 0)


def dateline_source(text):
    return dateline(text)[0]


def masthead(text, url=None, author=None, lines=12):
    """The dateline opening the first paragraph of ``text`` (title, standfirst
    and byline lines before it are passed over), or None."""
    lexes = _lexes()
    pos = 0
    for _ in range(lines):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        line = text[pos:line_end].strip()
        if line:
            d = parse(text, pos, url=url, author=author, lexes=lexes) if _paragraph(line) else None
            if d and d.end <= line_end + 1:
                return d
            if _paragraph(line):
                return None
        if nl < 0:
            return None
        pos = nl + 1
    return None


def _readable(name):
    """A masthead in capitals as a reader writes it ("PIKIRAN RAKYAT" -> "Pikiran
    Rakyat"); acronyms of up to three letters stay ("BBC NEWS" -> "BBC News")."""
    if not name.isupper():
        return name
    return " ".join(w if len(w) <= 3 else w.capitalize() for w in name.split())


def _capitalised(name):
    """Every word capitalised, but for short particles inside ("Times of Asia")."""
    words = name.split()
    return all(w[0].isupper() or w == "&" or (0 < i < len(words) - 1 and len(w) <= 3) for i, w in enumerate(words))


def _paragraph(line):
    """Whether a line reads as a paragraph of the body, not a title or byline."""
    return line.endswith((".", "!", "?", '"', "”", "’", "'", ")")) or len(line.split()) > 20


def _lexes():
    return [lexicon.get(code) for code in lexicon.languages()]


def _datelike(part, lexes):
    from ..extract import dates

    if re.fullmatch(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?", part):
        return True
    return any(m.month for lex in lexes for m in dates.find(part, 0, len(part), lex))


def _fold(name):
    return re.sub(r"[\W_]+", "", name.casefold())


def _domain_word(url):
    """The name part of a URL's registered domain, folded: "wartanusa"."""
    domain = registered_domain(url) if url else None
    if not domain or "." not in domain:
        return None
    return _fold(domain.split(".")[0])


def _words(name):
    return [w for w in re.split(r"[\s'’-]+", lexicon.norm(name)) if w]


def _person(name, author, lexes):
    if author and _fold(name) == _fold(author):
        return True
    first = _words(name)[:1]
    return bool(first) and any(first[0] in lex.sets["titles"] for lex in lexes)


def _country(name, lexes):
    return _fold(name) in _places(tuple(lex.code for lex in lexes))[0]


def _place(name, rest, lexes):
    """Whether a dateline name is a place (see the module's doc)."""
    countries, cities = _places(tuple(lex.code for lex in lexes))
    key = _fold(name)
    if key in countries or key in cities:
        return True
    words = _words(name)
    place_words = set().union(*(lex.sets["place_words"] | lex.sets["directions"] for lex in lexes)) if lexes else set()
    if words and all(w in place_words or _fold(w) in cities for w in words):
        return True
    if name.endswith(".") and len(name) <= 6:
        return True  # a state's abbreviation: "Calif."
    if rest and " " in name.strip():
        preps = set().union(*(lex.sets["prepositions"] for lex in lexes)) if lexes else set()
        for m in re.finditer(re.escape(name), rest[:5000], re.IGNORECASE):
            before = re.findall(r"[^\W\d_]+", rest[max(0, m.start() - 30) : m.start()])
            if before and lexicon.norm(before[-1]) in preps:
                return True
    return False


@functools.lru_cache(maxsize=8)
def _places(codes):
    """(countries, cities) as folded names, for the given language codes."""
    countries, cities = set(), set()
    try:
        from babel import Locale

        for code in codes:
            try:
                countries |= {_fold(n) for n in Locale.parse(code).territories.values()}
            except Exception:  # a language Babel does not know
                pass
    except ImportError:  # pragma: no cover - Babel comes with trafilatura
        pass
    try:
        import zoneinfo

        areas = (
            "Africa/",
            "America/",
            "Antarctica/",
            "Asia/",
            "Atlantic/",
            "Australia/",
            "Europe/",
            "Indian/",
            "Pacific/",
        )
        cities |= {_fold(z.rsplit("/", 1)[-1]) for z in zoneinfo.available_timezones() if z.startswith(areas)}
    except Exception:  # pragma: no cover - no time zone database
        pass
    for entity in lexicon.entities():
        if entity.get("kind") == "country":  # its capital and organs are aliases: none is an outlet's dateline name
            countries.add(_fold(entity["name"]))
            cities |= {_fold(a) for a in entity.get("aliases", ())}
    countries.discard("")
    cities.discard("")
    return frozenset(countries), frozenset(cities - countries)
