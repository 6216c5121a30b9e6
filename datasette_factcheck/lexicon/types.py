"""The value types of lexicon keys: each checks a YAML value and says, in
words, what is wrong with it (a word list, a word -> number mapping with a
range, a regex, named groups of words, an entity list)."""

import re


def describe(value):
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {value} (YAML reads bare yes/no/on/off as booleans: quote the word)"
    return f"{type(value).__name__} {value!r}"


class Type:
    """A kind of value: ``check`` returns what is wrong with a value, or None."""

    description = "a value"
    empty = None  # the value of an optional key a language leaves out

    def check(self, value):
        raise NotImplementedError

    def default(self):
        return type(self.empty)() if isinstance(self.empty, (list, dict)) else self.empty


class Text(Type):
    def __init__(self, fullmatch=None, description="a string"):
        self.fullmatch = re.compile(fullmatch) if fullmatch else None
        self.description = description

    def check(self, value):
        if not isinstance(value, str):
            return f"expected {self.description}, got {describe(value)}"
        if self.fullmatch and not self.fullmatch.fullmatch(value):
            return f"expected {self.description}, got {value!r}"
        return None


class Words(Type):
    """A list of words or phrases, matched case-insensitively on word
    boundaries (``exact``: a list of marks matched as written)."""

    empty = []

    def __init__(self, exact=False):
        self.exact = exact
        self.description = "a list of marks (strings, matched as written)" if exact else "a list of words (strings)"

    def check(self, value):
        if not isinstance(value, list):
            return f"expected {self.description}, got {describe(value)}"
        for n, word in enumerate(value, 1):
            if not isinstance(word, str) or not word.strip():
                return f"item {n} should be a non-empty string, got {describe(word)}"
        return None


class Int(Type):
    def __init__(self, low=None, high=None, also=()):
        self.low, self.high, self.also = low, high, tuple(also)
        bounds = f" from {low}" if low is not None else ""
        bounds += f" to {high}" if high is not None else ""
        self.description = f"an integer{bounds}" + "".join(f" or {a!r}" for a in self.also)

    def check(self, value):
        if value in self.also and isinstance(value, str):
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            return f"expected {self.description}, got {describe(value)}"
        if (self.low is not None and value < self.low) or (self.high is not None and value > self.high):
            return f"expected {self.description}, got {value}"
        return None


class Range(Type):
    description = "a [low, high] pair of integers"

    def check(self, value):
        if not (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        ):
            return f"expected {self.description}, got {describe(value)}"
        if value[0] > value[1]:
            return f"expected low <= high, got {value}"
        return None


class Regex(Type):
    description = "a regular expression"

    def check(self, value):
        if not isinstance(value, str):
            return f"expected {self.description}, got {describe(value)}"
        try:
            re.compile(value)
        except re.error as e:
            return f"not a valid regular expression ({e})"
        return None


class Mapping(Type):
    """A mapping from words (or names) to values of one type; ``names``
    restricts which keys it may have."""

    empty = {}

    def __init__(self, value, names=None, what="word"):
        self.value, self.names, self.what = value, names, what
        self.description = f"a mapping {what} -> {value.description}"

    def check(self, value):
        if not isinstance(value, dict):
            return f"expected {self.description}, got {describe(value)}"
        for name, item in value.items():
            if not isinstance(name, str) or not name.strip():
                return f"every {self.what} should be a non-empty string, got {describe(name)}"
            if self.names is not None and name not in self.names:
                return f"unknown {self.what} {name!r}; expected one of {', '.join(sorted(self.names))}"
            problem = self.value.check(item)
            if problem:
                return f"{name!r}: {problem}"
        return None


def Groups(names=None):
    """A mapping from a name (a concept, a value) to the words that say it."""
    return Mapping(Words(), names, what="name")


class Entities(Type):
    description = "a list of entities (mappings with id, name, aliases and optionally kind)"
    empty = []
    FIELDS = {"id": Text(), "name": Text(), "kind": Text(), "aliases": Words()}
    REQUIRED = ("id", "name", "aliases")

    def check(self, value):
        if not isinstance(value, list):
            return f"expected {self.description}, got {describe(value)}"
        for n, entity in enumerate(value, 1):
            if not isinstance(entity, dict):
                return f"entity {n} should be a mapping, got {describe(entity)}"
            label = f"entity {n} ({entity.get('id')!r})" if isinstance(entity.get("id"), str) else f"entity {n}"
            for field in self.REQUIRED:
                if field not in entity:
                    return f"{label} has no {field!r}"
            for field, item in entity.items():
                if field not in self.FIELDS:
                    return f"{label}: unknown field {field!r}; expected {', '.join(self.FIELDS)}"
                problem = self.FIELDS[field].check(item)
                if problem:
                    return f"{label}: {field!r}: {problem}"
        return None
