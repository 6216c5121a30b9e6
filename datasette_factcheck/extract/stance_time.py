"""When a stance holds: the date of its own statement, not of its matter.

"Iran admitted that its military shot down the jet that crashed on
Wednesday": Wednesday dates the crash, the admission is of the article's
day. A stance's date is one in the sentence before its cue (no clause word
between: "On Tuesday, police denied", "pada 21 Oktober lalu, X membantah"),
one a few words after the cue in its own clause, or the one that closes the sentence after a
comma (", Sabtu (6/8/2022)."): the Indonesian convention for the day of the
statement. Any other date belongs to what is confirmed or denied, and the
stance takes the article's reference day.

A stance told as history ("had denied for days", "Diberitakan sebelumnya,
X membenarkan") held before the article's day: its ``as_of_source`` is
EARLIER and its ``as_of`` the reference day it preceded (None when the
article has none), so detection can order it before the article's own
account of now.
"""

from ..lexicon import norm
from ..model import EARLIER
from .sentences import words

# A date this few words after the cue, in its clause, dates the statement ("denied on
# Friday", "membantah laporan itu pada Sabtu"); further on it dates the matter
# ("mengakui ... telah menembak pesawat ... pada Rabu").
OWN_CLAUSE_WORDS = 4


def told_as_history(doc, s, clause_start, cue_start, cue_end):
    """ "days after the Kremlin denied", "Kapolda sebelumnya membantah", "had
    denied": an earlier stance retold, not the source's account of now,
    unless the sentence dates it ("Sebelumnya, pada hari Minggu, Polri sempat membantah")."""
    markers = [
        m
        for m in doc.lex.re["past"].finditer(doc.text, s, cue_end)
        if m.start() < cue_start
        and (
            m.start() >= clause_start
            or not doc.text[m.end() : clause_start].strip(" ,")
            or (len(words(doc.text, m.end(), cue_start)) <= 6 and "," not in doc.text[m.end() : cue_start])
        )
    ]
    if not markers:
        return _opened_as_history(doc, s, cue_start)
    since = markers[0].start()
    return not any(since <= m.start < cue_start for _, m in doc.dates if m.precision == "day")


def stance_time(doc, i, cs, ce, told=False):
    """(as_of, as_of_source) of a stance whose cue is text[cs:ce] in sentence i."""
    if told:
        return (doc.ref.isoformat() if doc.ref else None), EARLIER
    s, e = doc.sentences[i]
    text, breaks = doc.text, doc.lex.re["clause_break"]
    for j, m in doc.dates:
        if j != i or m.precision != "day" or m.weekday_mismatch:
            continue
        before = m.end <= cs and not breaks.search(text, m.end, cs)
        own_clause = (
            m.start >= ce
            and len(words(text, ce, m.start)) <= OWN_CLAUSE_WORDS
            and not breaks.search(text, ce, m.start)
            and "," not in text[ce : m.start]
        )
        closing = m.start >= ce and not text[m.end : e].strip(' .)"”’') and text[s : m.start].rstrip().endswith(",")
        if before or own_clause or closing:
            return m.value, "sentence"
    if doc.ref:
        return doc.ref.isoformat(), doc.ref_source
    return None, None


def _opened_as_history(doc, s, cue_start):
    """A cue in the first clause of a sentence opened by a past opener ("Setelah
    sepekan membantah, X akhirnya mengakui"): the stance the main clause moved on from."""
    start = max(s, doc.dateline_end)
    opening = words(doc.text, start, cue_start)
    return (
        bool(opening) and norm(opening[0][2]) in doc.lex.sets["past_openers"] and "," not in doc.text[start:cue_start]
    )
