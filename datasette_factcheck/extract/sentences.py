"""Sentences, clauses and word tokens, as character spans of the article text."""

import re

from ..lexicon.text import norm

WORD = re.compile(r"\w+(?:[-'’.]\w+)*", re.UNICODE)
# A sentence ends at . ! ? (and closing quotes/brackets) before a space and a
# capital, digit or opening quote; or at a line break.
BOUNDARY = re.compile(
    r"([.!?…]+[\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9\u00C0-\u024F])"
    # a full stop with its space lost: "Selasa (9/5/2023).Setelah", "dievakuasi.Warga"
    r"|(?<=[a-z]{3}|..\))([.!?])(?=[A-Z][a-z]{2})"
)
QUOTES = re.compile(r"[\"“”]")


def split(text, abbreviations=frozenset()):
    """Yield (start, end) of each sentence, never crossing a line break."""
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        line = para.group()
        for m in BOUNDARY.finditer(line):
            before = line[: m.start()]
            last = re.search(r"(\w+(?:\.\w+)*)$", before)
            mark = 1 if m.group(1) else 2
            if m.group(mark) == "." and last and (norm(last.group(1)) in abbreviations or len(last.group(1)) == 1):
                continue
            end = para.start() + m.end(mark)
            yield from _trimmed(text, start, end)
            start = para.start() + m.end()
        yield from _trimmed(text, start, para.end())


def _trimmed(text, start, end):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def words(text, start=0, end=None):
    """Word tokens of text[start:end] as (start, end, word) with absolute offsets."""
    end = len(text) if end is None else end
    return [(m.start() + start, m.end() + start, m.group()) for m in WORD.finditer(text[start:end])]


def quote_spans(text, start, end):
    """(start, end) of each quotation inside text[start:end]."""
    marks = [m.start() + start for m in QUOTES.finditer(text[start:end])]
    spans = []
    if len(marks) % 2 and _closing(text, marks[0], start):
        # a quotation begun in an earlier sentence ends here: "... are untrue,” said X."
        spans.append((start, marks[0] + 1))
        marks = marks[1:]
    for a, b in zip(marks[0::2], marks[1::2]):
        spans.append((a, b + 1))
    if len(marks) % 2:
        spans.append((marks[-1], end))
    return spans


def _closing(text, at, start):
    """Whether the quote mark at ``at`` closes a quotation: a right quote, or a
    straight one right after punctuation or a word with text before it."""
    if text[at] == "”":
        return True
    if text[at] == "“":
        return False
    return at > start and (text[at - 1] in ",.!?" or text[at - 1].isalnum())


def clauses(text, start, end, lex):
    """Split a sentence into clause spans at commas, semicolons, quotes and the
    lexicon's clause words ("bahwa", "that", "setelah", ...)."""
    cuts = {start, end}
    for m in re.finditer(r"(?<!\d),|,(?!\d)|[;\"“”()]|(?<!\d):|:(?!\d)|\s[-–—]\s", text[start:end]):
        if m.group() in "()":
            continue
        cuts.add(start + m.start())
        cuts.add(start + m.end())
    for m in lex.re["clause_break"].finditer(text, start, end):
        cuts.add(m.start())
        cuts.add(m.end())
    points = sorted(cuts)
    return [(a, b) for a, b in zip(points, points[1:]) if text[a:b].strip(' ,;:"“”-–—')]
