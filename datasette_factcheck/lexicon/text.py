"""Folding and word patterns: how a lexicon's words meet a text.

``fold`` is the one case folding of the package (``str.casefold``); ``norm``
is the key form of every word list (folded, runs of spaces and hyphens one
space). Code compares a word of a text with a lexicon's words through
``norm``, and keeps a word it stores or returns in its ``fold`` form.
"""

import functools
import re


def fold(text):
    """``text`` case-folded: the one folding used to match words."""
    return text.casefold()


SPACES = re.compile(r"[\s\-]+")


@functools.lru_cache(maxsize=65536)
def norm(text):
    """Folded, runs of spaces and hyphens one space: the key form of every word
    list. Cached: the same words are looked up again and again in an article."""
    return SPACES.sub(" ", fold(text)).strip()


def words_pattern(words, suffixes=(), flags=re.IGNORECASE):
    """One regex matching any of ``words`` as whole words (longest first), each
    optionally followed by one of ``suffixes``.

    The words are laid out as a trie, so at each position the regex follows one
    branch per character instead of trying every word: lexicons of hundreds
    of words cost little more than one."""
    words = {w for w in words if w}
    if not words:
        return re.compile(NEVER)
    folded = bool(flags & re.IGNORECASE)
    tail = "(?:" + alternation(suffixes) + ")?" if suffixes else ""
    return re.compile(rf"(?<![\w-])(?:{_trie(words, folded)}){tail}(?![\w-])", flags)


NEVER = r"(?!x)x"  # a regex that matches nothing: what an empty word list compiles to


def alternation(words, boundary=False):
    """The regex source of an alternation of ``words`` as written, longest
    first; with ``boundary`` each word ending in a word character must end
    at a word boundary ("per cent", but "%" anywhere). An empty list matches nothing."""
    parts = [
        re.escape(w) + (r"\b" if boundary and re.search(r"\w$", w) else "")
        for w in sorted(set(words), key=lambda w: (-len(w), w))
    ]
    return "|".join(parts) if parts else NEVER


def dotted(words):
    """The regex source of an alternation of abbreviations written with or
    without a full stop after each letter but the last ("pm", "p.m");
    an empty list matches nothing."""
    return "|".join(r"\.?".join(map(re.escape, w)) for w in sorted(words)) or NEVER


def _trie(words, folded):
    """A regex for the words: shared prefixes factored out, longer words first
    (greedy), a space matching any run of spaces and hyphens."""
    root = {}
    for word in words:
        node = root
        for ch in word:
            low = fold(ch)
            node = node.setdefault(low if folded and len(low) == 1 else ch, {})
        node[""] = {}

    def build(node):
        branches = [
            (r"[\s\-]+" if ch == " " else re.escape(ch)) + build(child) for ch, child in sorted(node.items()) if ch
        ]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return build(root)
