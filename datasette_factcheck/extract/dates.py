"""Dates in text: found with the lexicon's month and weekday names, resolved
against a reference date, kept at the precision stated (2024, 2024-06, 2024-10-18).

We find candidate spans ourselves and normalise them here; dateparser was
measured as too slow per span and wrong as a finder (see README).
"""

import datetime as dt
import re
from dataclasses import dataclass

from .. import lexicon
from ..lexicon import Lexicon, alternation, dotted, norm, words_pattern
from ..model import HAPPENED
from . import numwords


@dataclass
class DateMention:
    start: int
    end: int
    year: int = None
    month: int = None
    day: int = None
    weekday: int = None
    precision: str = "day"  # day, month or year
    weekday_mismatch: bool = False
    offset: tuple = None  # a date by the publication: (n, unit), "kemarin" (-1, "day")

    @property
    def value(self):
        if self.precision == "year":
            return f"{self.year:04d}"
        if self.precision == "month":
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def date(self):
        if self.precision == "day" and self.year:
            return dt.date(self.year, self.month, self.day)
        return None


def _patterns(lex: Lexicon):
    M = lex.re["month"].pattern
    W = lex.re["weekday"].pattern
    markers = "|".join(re.escape(w) for w in sorted(lex.sets["weekday_markers"], key=len, reverse=True))
    after = "|".join(re.escape(w) for w in sorted(lex.sets["weekday_after_markers"], key=len, reverse=True))
    possessive = "|".join(re.escape(w) for w in lex["possessive_suffixes"])
    parts = "|".join(re.escape(w) for w in sorted(lex.sets["day_parts"], key=len, reverse=True))
    month_markers = "|".join(re.escape(w) for w in sorted(lex.sets["month_markers"], key=len, reverse=True))
    years = "|".join(re.escape(w) for w in sorted(lex.sets["year_markers"], key=len, reverse=True))
    Y = r"(?P<y>(?:1[89]|20|21)\d\d|[’']\d\d)(?!\d)"
    # an ordinal day ("21st") and the word between it and its month ("21st of October")
    ORD = rf"(?:{alternation(lex['ordinal_suffixes'])})?" if lex["ordinal_suffixes"] else ""
    OF = rf"(?:(?:{alternation(lex.sets['day_month_links'])})\s+)?" if lex["day_month_links"] else ""
    relative = alternation(sorted(lex["relative_dates"], key=len, reverse=True))
    units = alternation(lex["relative_units"])
    ago = alternation(lex["ago_words"])
    word = numwords.grammar(lex).source
    NUM = rf"(?P<n>\d{{1,3}}|(?:{word})(?:[\s-]+(?:{word}))*)"
    YY = r"(?P<y>\d{4}|\d{2})"
    # each pattern with what a sentence must hold for it to match at all
    patterns = [
        # tiga hari lalu, two weeks ago, setahun lalu
        (
            re.compile(
                rf"(?<!\w)(?:{NUM}\s+|(?P<se>{alternation(lex['unit_prefixes'])}))(?P<unit>{units})\s+(?P<ago>{ago})(?!\w)",
                re.I,
            ),
            ("relative",),
        ),
        # kemarin, pekan lalu, last month
        (re.compile(rf"(?<!\w)(?P<rel>{relative})(?!\w)", re.I), ("relative",)),
        # Kamis, 9/2 and Thu, 2/9: a weekday and a numeric day without its year
        (re.compile(rf"(?P<wd>{W})\s*,\s*(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?![/\d])", re.I), ("weekday", "digit")),
        # ", Friday." closing a sentence: the weekday of a news agency's report
        (re.compile(rf"(?<=,)\s*(?P<wd>{W})(?:\s+(?:{parts}))?(?=\s*[.;]|\s*$)", re.I), ("weekday",)),
        # Senin (28/10/2024), Jumat (18/10)
        (
            re.compile(rf"(?P<wd>{W})\s*\(\s*(?P<d>\d{{1,2}})/(?P<mo>\d{{1,2}})(?:/(?P<y>\d{{2,4}}))?\s*\)", re.I),
            ("weekday", "digit"),
        ),
        # Senin (28 Oktober). 2024
        (
            re.compile(
                rf"(?P<wd>{W})\s*\(\s*(?P<d>\d{{1,2}})\s+(?P<mn>{M})\.?\s*(?P<y>\d{{4}})?\s*\)(?:[.,]?\s*(?P<y2>(?:19|20)\d\d)(?!\d))?",
                re.I,
            ),
            ("weekday", "month", "digit"),
        ),
        # Rabu, 30 Oktober 2024 / 21 October 2024 / 12 Oktober
        (
            re.compile(
                rf"(?:(?P<wd>{W})\s*,?\s+)?(?<!\d)(?P<d>\d{{1,2}}){ORD}\s+{OF}(?P<mn>{M})\.?(?:\s*,?\s*{Y})?", re.I
            ),
            ("month", "digit"),
        ),
        # Monday, October 21, 2024 / Oct. 21
        (
            re.compile(rf"(?:(?P<wd>{W})\s*,?\s+)?(?P<mn>{M})\.?\s+(?P<d>\d{{1,2}}){ORD}(?!\d)(?:\s*,?\s*{Y})?", re.I),
            ("month", "digit"),
        ),
        # 2024-10-21
        (re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?!\d)"), ("digit",)),
        # 21/10/2024, 21-10-2024, 21.10.2024, 8/1/20: day or month first by the language
        (re.compile(rf"(?<![\d/.-])(?P<a>\d{{1,2}})([/.-])(?P<b>\d{{1,2}})\2{YY}(?![\d/])"), ("digit",)),
        # 1/2020: a month and its year
        (re.compile(r"(?<![\d/.-])(?P<mo>\d{1,2})/(?P<y>(?:19|20)\d\d)(?![\d/])"), ("digit",)),
        # Juni 2024
        (re.compile(rf"(?P<mn>{M})\.?\s+{Y}", re.I), ("month", "digit")),
        # tahun 2022, in 2022
        (re.compile(rf"(?<!\w)(?:{years})\s+{Y}", re.I), ("digit",)),
        # pada hari Senin, said Monday, Sabtu pagi
        (re.compile(rf"(?<!\w)(?:{markers})\s+(?P<wd>{W})(?![\w(])(?!\s*,?\s*\(?\d)", re.I), ("weekday",)),
        (re.compile(rf"(?P<wd>{W})\s+(?:{parts})(?!\w)", re.I), ("weekday",)),
        # Monday's earthquake, Senin lalu, "the quake struck Monday, officials said"
        (re.compile(rf"(?<!\w)(?P<wd>{W})(?:{possessive})(?!\w)", re.I), ("weekday",)) if possessive else None,
        (re.compile(rf"(?<!\w)(?P<wd>{W})\s+(?:{after})(?!\w)", re.I), ("weekday",)) if after else None,
        (re.compile(rf"(?<=[a-z] )(?P<wd>{W})(?=\s*[,.;](?!\d))", re.I), ("weekday",)),
        # in October, pada bulan Agustus
        (re.compile(rf"(?<!\w)(?:{month_markers})\s+(?P<mn>{M})(?!\w|\.?\s*\d)", re.I), ("month",)),
    ]
    return [p for p in patterns if p is not None]  # a language without possessives or after-markers has none of theirs


DIGIT = re.compile(r"\d")


def _relative_trigger(lex):
    """The words without which no date by the publication can be in a sentence."""
    return words_pattern(list(lex["relative_dates"]) + list(lex["ago_words"]))


def find(text, start, end, lex):
    """Unresolved DateMentions in text[start:end], longest first, no overlaps."""
    patterns = lex.memo("date_patterns", _patterns)
    present = {  # quick scans spare most of the patterns most sentences
        "digit": DIGIT.search(text, start, end),
        "month": lex.re["month"].search(text, start, end),
        "weekday": lex.re["weekday"].search(text, start, end),
        "relative": lex.memo("relative_trigger", _relative_trigger).search(text, start, end),
    }
    found = []
    for order, (pattern, needs) in enumerate(patterns):
        if not all(present[n] for n in needs):
            continue
        for m in pattern.finditer(text, start, end):
            g = m.groupdict()
            mention = _mention(m, g, lex)
            if mention:
                found.append((order, mention))
    dated = [m for _, m in found if m.day is not None and m.offset is None]
    # "on Monday, March 8, 2021": the weekday belongs to the explicit date, which wins
    found = [
        f
        for f in found
        if not (
            f[1].day is None
            and f[1].month is None
            and f[1].offset is None
            and f[1].weekday is not None
            and any(d.start < f[1].end + 3 and f[1].start < d.end for d in dated)
        )
    ]
    found.sort(key=lambda f: (f[1].start, -(f[1].end - f[1].start), f[0]))
    out, last_end = [], -1
    for _, mention in found:
        if mention.start >= last_end:
            out.append(mention)
            last_end = mention.end
    return out


def _mention(m, g, lex):
    if g.get("rel") or g.get("unit"):
        return _relative(m, g, lex)
    if g.get("a"):  # a numeric date: the language's order unless a part tells
        a, b = int(g["a"]), int(g["b"])
        day_first = lex["numeric_date_order"] != "mdy"
        if a > 12 >= b:
            day_first = True
        elif b > 12 >= a:
            day_first = False
        g = dict(g, d=str(a if day_first else b), mo=str(b if day_first else a))
    wd = g.get("wd")
    if wd and not wd[0].isupper():
        if not g.get("d"):
            return None  # "minggu" (week), "sun" (the star): weekdays are capitalised
        wd = None  # "friday, 03 september 2014": the date stands without it
    weekday = lex.lookup(lex.weekdays, wd) if wd else None
    month = int(g["mo"]) if g.get("mo") else (lex.lookup(lex.months, g["mn"]) if g.get("mn") else None)
    if g.get("mn") and not g.get("d") and not (g.get("y") or g.get("y2")) and not g["mn"][0].isupper():
        return None  # "in may" is not May
    if g.get("mn") and norm(g["mn"]) in lex.sets["common_word_months"] and not g["mn"][0].isupper():
        return None  # lower-case short forms are ordinary words ("may", "des")
    year = g.get("y") or g.get("y2")
    year = int(year.lstrip("’'")) if year else None
    if year is not None and year < 100:
        year += 2000
    day = int(g["d"]) if g.get("d") else None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    if day is None and month is None and weekday is None:
        precision = "year"
    elif day is None and weekday is None:
        precision = "month"
    else:
        precision = "day"
    return DateMention(m.start(), m.end(), year, month, day, weekday, precision)


def _relative(m, g, lex):
    if g.get("rel"):
        n, unit = lex.lookup(
            lex.memo("relative", lambda x: {norm(k): v for k, v in x["relative_dates"].items()}), g["rel"]
        ).split()
        n = int(n)
    else:
        unit = lex.lookup({norm(k): v for k, v in lex["relative_units"].items()}, g["unit"])
        count = 1 if g.get("se") else (int(g["n"]) if g["n"].isdigit() else numwords.value(g["n"], lex))
        if count is None or count != int(count) or not 0 < count <= 100:
            return None
        n = int(count) * lex.lookup({norm(k): v for k, v in lex["ago_words"].items()}, g["ago"])
    return DateMention(m.start(), m.end(), precision={"week": "day"}.get(unit, unit), offset=(n, unit))


def _shift(ref, n, unit):
    """The first and last day of the span ``n`` units from ``ref``."""
    if unit == "day":
        d = ref + dt.timedelta(days=n)
        return d, d
    if unit == "week":
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=n)
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        k = ref.year * 12 + ref.month - 1 + n
        first = dt.date(k // 12, k % 12 + 1, 1)
        nxt = dt.date((k + 1) // 12, (k + 1) % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    return dt.date(ref.year + n, 1, 1), dt.date(ref.year + n, 12, 31)


def _resolve_offset(mention, ref):
    """A date by the publication, at the finest precision holding all of its
    span: a day, else the month (or year) a week falls in."""
    if ref is None:
        return False
    first, last = _shift(ref, *mention.offset)
    mention.year, mention.month, mention.day = first.year, first.month, first.day
    if first == last:
        mention.precision = "day"
    elif (first.year, first.month) == (last.year, last.month):
        mention.precision = "month"
    elif first.year == last.year:
        mention.precision = "year"
    else:
        return False
    return True


# A day and month without a year, up to this many days after the reference day,
# is of the reference's year (a deadline, a hearing "on 17 March" told on 7 March);
# further ahead it is last year's.
AHEAD_DAYS = 31


def resolve(mention, ref=None, today=None, forward=False):
    """Fill in a missing year (and a weekday-only date) from ``ref``, the
    publication date: the most recent such day or month, or the next one when
    the sentence speaks of the future (``forward``). Without ``ref`` a day
    without its year takes the most recent past year whose weekday matches its
    own, and is unresolved without a weekday (never today's year); ``reference``
    puts the article's own years before that guess. False when it cannot be resolved."""
    today = today or dt.date.today()
    if mention.offset is not None:
        return _resolve_offset(mention, ref)
    if mention.day is None and mention.month is None and mention.weekday is not None:
        if ref is None:
            return False
        if forward:
            d = ref + dt.timedelta(days=(mention.weekday - ref.weekday()) % 7 or 7)
        else:
            d = ref - dt.timedelta(days=(ref.weekday() - mention.weekday) % 7)
        mention.year, mention.month, mention.day = d.year, d.month, d.day
        return True
    if mention.year is None and mention.day is None:
        if ref is None or mention.month is None:
            return False
        if forward:
            mention.year = ref.year + (1 if mention.month < ref.month else 0)
        else:
            mention.year = ref.year - (1 if mention.month > ref.month else 0)
        return True
    if mention.year is None:
        if ref is not None:
            year = ref.year
            this_year = _safe(year, mention.month, mention.day)
            if forward and this_year and this_year < ref:
                year += 1  # "will meet on 3 January", told in December
            elif not forward and this_year and this_year > ref + dt.timedelta(days=AHEAD_DAYS):
                year -= 1
            mention.year = year
        elif mention.weekday is not None:
            for year in range(today.year, today.year - 28, -1):
                d = _safe(year, mention.month, mention.day)
                if d and d <= today and d.weekday() == mention.weekday:
                    mention.year = year
                    break
            else:
                return False
        else:
            return False
    if mention.precision == "day":
        d = _safe(mention.year, mention.month, mention.day)
        if d is None:
            return False
        if mention.weekday is not None and d.weekday() != mention.weekday:
            mention.weekday_mismatch = True
    return True


def reference(found, future, today=None):
    """(reference date, "inferred") for an article without a publication date, or
    (None, None): the latest day the article dates, in a sentence not about the
    future where there is one. Days it dates with their year come first; a
    day dated only by its weekday ("Jumat (18/10)") guesses its year from the
    weekday's recurrence, so it counts only when the article states no year.
    ``found`` is [(sentence index, DateMention)], ``future(i)`` whether sentence i
    speaks of the future."""
    explicit, guessed = [], []
    for i, m in found:
        if m.precision == "day" and m.day and (m.year or m.weekday is not None):
            probe = DateMention(**m.__dict__)
            if resolve(probe, None, today):
                (explicit if m.year else guessed).append((not future(i), probe.date))
    dated = explicit or guessed
    past = [d for is_past, d in dated if is_past] or [d for _, d in dated]
    return (max(past), "inferred") if past else (None, None)


def _safe(year, month, day):
    try:
        return dt.date(year, month, day)
    except (TypeError, ValueError):
        return None


def _time_pattern(shared):
    """A clock time, with a 12-hour mark of any lexicon ("9:10 AM", "7.30 p.m.") and a zone."""
    ampm = rf"(?P<ampm>(?:{dotted(shared['meridiems'])})\.?)?"
    return re.compile(
        rf"(?<!\d)(?P<h>\d{{1,2}})[:.](?P<mi>\d{{2}})(?::(?P<s>\d{{2}}))?\s*{ampm}(?:\s*(?P<zone>[A-Za-z]{{2,5}}\b|[+-]\d{{2}}:?\d{{2}}))?",
        re.I,
    )


def parse_datetime(text, lexicons):
    """An ISO date or datetime (with zone when stated) from a loose dateline
    such as "Selasa 22 Oct 2024 - 19:08 WIB" or "October 3, 2022 9:10 AM GMT"."""
    text = text.strip()
    iso = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?", text)
    if iso:
        date, time, zone = iso.groups()
        if not time:
            return date
        time = time if len(time) == 8 else time + ":00"
        zone = "+00:00" if zone == "Z" else (zone[:3] + ":" + zone[-2:] if zone else "")
        return f"{date}T{time}{zone}"
    # a numeric date is read in the order of the language whose time zone the line names ("3/10/2022 07:30 WIT")
    words = set(re.findall(r"[a-z]+", text.casefold()))
    lexicons = sorted(lexicons, key=lambda lex: not words & set(lex.zones))
    for lex in lexicons:
        for mention in find(text, 0, len(text), lex):
            if mention.precision != "day" or mention.year is None or not resolve(mention):
                continue
            date = mention.value
            shared = lexicon.shared()
            t = shared.memo("time", _time_pattern).search(text, mention.end)
            if not t:
                return date
            hour, minute = int(t["h"]), int(t["mi"])
            if t["ampm"] and hour <= 12:  # 12 am is 0, 12 pm 12
                hour = hour % 12 + shared["meridiems"][norm(t["ampm"].replace(".", ""))]
            if hour > 23 or minute > 59:
                return date
            zone = _zone(t["zone"], lexicons)
            return f"{date}T{hour:02d}:{minute:02d}:{int(t['s'] or 0):02d}{zone}"
    return None


def _zone(name, lexicons):
    if not name:
        return ""
    if name[0] in "+-":
        return name[:3] + ":" + name[-2:]
    for lex in lexicons:
        if norm(name) in lex.zones:
            return lex.zones[norm(name)]
    return ""


def claims(doc):
    """Date claims: each resolved date with the event it dates (predicate) and
    who acts (subject). A date claim holds as of its article's day (the date it
    names is its value, not its time): what one outlet says on one day is one
    account of when things happened, whichever days it names."""
    when = (doc.ref.isoformat(), doc.ref_source) if doc.ref else (None, None)
    for i, m in doc.dates:
        s, e = doc.sentences[i]
        event, subject = _event(doc, m, s, e)
        yield doc.claim(
            "date",
            i,
            m.start,
            m.end,
            m.value,
            subject,
            event,
            when,
            qualifier="weekday_mismatch" if m.weekday_mismatch else m.precision,
        )


def _governed(text, s, at, lex):
    """Whether the word at ``at`` follows a preposition, a determiner between
    allowed ("dari kecelakaan", "of the crash")."""
    before = [norm(w) for w in re.findall(r"[\w'’-]+", text[max(s, at - 30) : at])]
    if before and before[-1] in lex.sets["determiners"]:
        before.pop()
    return bool(before) and before[-1] in lex.sets["prepositions"]


def _event(doc, m, s, e):
    """The event word nearest the date in its sentence, and the entity acting in it."""
    lex, text = doc.lex, doc.text
    best = None
    closing = not text[m.end : e].strip(' .)"”’') and text[s : m.start].rstrip().endswith(",")
    for ev in lex.re["event"].finditer(text, s, e):
        if closing and _governed(text, s, ev.start(), lex):
            continue  # "Petugas melihat puing-puing dari kecelakaan itu, Rabu (8/1)": the looking's day
        distance = ev.start() - m.end if ev.start() >= m.end else m.start - ev.end()
        if best is None or distance < best[0]:
            best = (distance, ev)
    if best is None:
        return "mention", None
    ev = best[1]
    event = lex.lookup(lex.event_of, ev.group())
    if event == HAPPENED:
        return event, None
    before = [x for x in doc.entities_in(s, ev.start()) if not (m.start <= x.start < m.end)]
    after = doc.entities_in(ev.end(), e)
    if before:
        return event, before[-1][2]
    return event, after[0][2] if after else None
