"""Entity resolution across articles: one person or organisation that
articles name in different forms becomes one entity.

Extraction resolves names within one article only, so across articles a
misspelt surname ("Dewi Kartiko" for "Dewi Kartika"), a shorter form
("Bayu Santosa", "Santosa" for "Bayu Santosa Wiranegara") or a shortened
company name ("Nusantara Airways" for "Nusantara International Airways")
stays an entity of its own. ``resolve`` merges them, after the articles are
stored and before detection compares claims by subject (``detect`` calls
it first). It is a pass over stored rows, so it lives with the store:
extraction sees one article, detection only reads the claims.

It is a function of the names stored, never of the order they came in:
each pass regroups every name extraction found (a merged-away entity is
remembered in ``entity_merges``, a moved claim's or alias's own entity in
its ``resolved_from``), so a merge that later coverage makes ambiguous is
undone. A false merge costs more than a split, so a name merges only:

- as a misspelling: same kind and number of words, one word of at least
  MIN_LETTERS letters one edit away, every other word equal, no direction
  word changed, never a given name's last letter ("Dewa"/"Dewi" are a
  brother and a sister); the odd word rare (a typo) or both spellings of a
  common word; and of people never when one article writes both names;
- as a shorter form of exactly one longer name in the corpus: a person's
  words in order within one other person's (a single word of at least
  MIN_LETTERS letters, no acronym), an organisation's (two words or more)
  within one other organisation's, the same first and last word (a legal
  form such as "PT" or "Ltd" left out), with the same direction words.

A lexicon's entity, or one a user gave an alias, is fixed: others may merge
into it, it never merges into another. People never merge with
organisations, nor with the places and countries of the lexicon.
"""

import collections
import re
from typing import Callable, Dict, List, NamedTuple, Tuple

from rapidfuzz.distance import Levenshtein

from .. import lexicon, store
from ..extract.entities import is_acronym
from ..lexicon import norm
from ..model import slot_key

KINDS = ("person", "organisation")
MIN_LETTERS = 5  # a shorter word's edit or lone word is too likely another name
TYPO_ARTICLES = 2  # a misspelt word is written in no more articles than this


class Name(NamedTuple):
    """An entity as resolution sees it: its forms are the names it goes by
    (a learned entity's own name; a fixed entity's name and aliases)."""

    id: str
    name: str
    kind: str
    fixed: bool
    forms: Tuple[Tuple[str, ...], ...]


class Corpus(NamedTuple):
    """What resolution asks of the stored articles: how many mention all of
    some names, and whether any writes a word in lower case (a common word)."""

    articles: Callable[..., int]
    lowercase: Callable[[str], bool]


def words(name):
    return tuple(norm(name).split())


def within(short, long):
    """Whether every word of ``short`` is in ``long``, in order."""
    rest = iter(long)
    return all(w in rest for w in short)


def misspelt(a, b, directions):
    """The two words that differ when word tuples ``a`` and ``b`` are one name
    with one word misspelt (else None)."""
    if len(a) != len(b) or len(a) < 2:
        return None
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(diff) != 1:
        return None
    i = diff[0]
    x, y = a[i], b[i]
    ok = (
        min(len(x), len(y)) >= MIN_LETTERS
        and x.isalpha()
        and y.isalpha()
        and x not in directions
        and y not in directions
        and Levenshtein.distance(x, y) == 1
        and not (i == 0 and len(x) == len(y) and x[:-1] == y[:-1])
    )
    return (x, y) if ok else None


def _a_typo(x, y, corpus):
    """Whether words ``x`` and ``y`` are one word: two spellings of a common
    word (both written in lower case: "international", "internasional"), or
    one a typo, which is rare. Two names one letter apart that coverage
    writes again and again are two places or two people."""
    if corpus.lowercase(x) and corpus.lowercase(y):
        return True
    return min(corpus.articles(x), corpus.articles(y)) <= TYPO_ARTICLES


def plan(names: List[Name], corpus: Corpus) -> Dict[str, str]:
    """{learned entity id: the id it resolves to (itself when no merge)}."""
    directions = lexicon.shared().sets["directions"]
    names = sorted(names)
    spelling = _spelling_units(names, corpus, directions)
    units = collections.defaultdict(list)
    for n in names:
        units[spelling[n.id]].append(n)
    having = collections.defaultdict(set)  # (kind, word) -> units with a form holding it
    for u, members in units.items():
        for n in members:
            for f in n.forms:
                for w in f:
                    having[(n.kind, w)].add(u)
    into = {u: v for u in units if (v := _longer(u, units, having, directions))}
    out = {}
    for u, members in units.items():
        root = u
        while root in into:
            root = into[root]
        target = _canonical(units[root], corpus)
        for n in members:
            if not n.fixed:
                out[n.id] = target
    return out


def _spelling_units(names, corpus, directions):
    """{id: unit id}: names one misspelling apart share a unit, when every
    pair of the unit is such a pair and it holds one fixed entity at most."""
    buckets = collections.defaultdict(set)
    for n in names:
        for f in (f for f in n.forms if len(f) >= 2):
            for i in range(len(f)):
                buckets[(n.kind, len(f), i, f[:i] + f[i + 1 :])].add(n)
    pairs = set()
    for group in buckets.values():
        for a in group:
            for b in group:
                if a.id < b.id and (not a.fixed or not b.fixed) and _variants(a, b, corpus, directions):
                    pairs.add((a.id, b.id))
    parent = {n.id: n.id for n in names}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in sorted(pairs):
        parent[max(find(a), find(b))] = min(find(a), find(b))
    members = collections.defaultdict(list)
    for n in names:
        members[find(n.id)].append(n)
    unit = {}
    for root, ns in members.items():
        whole = sum(n.fixed for n in ns) <= 1 and all((a.id, b.id) in pairs for a in ns for b in ns if a.id < b.id)
        for n in ns:
            unit[n.id] = root if whole else n.id
    return unit


def _variants(a, b, corpus, directions):
    """Whether two names are one misspelt; of people, only when no article
    names both (two relatives may be one letter apart, two bodies hardly)."""
    odd = next((pair for f in a.forms for g in b.forms if (pair := misspelt(f, g, directions))), None)
    return bool(odd) and _a_typo(*odd, corpus) and not (a.kind == "person" and corpus.articles(a.name, b.name))


def _longer(u, units, having, directions):
    """The one unit a learned unit's name is a shorter form of, or None."""
    members = units[u]
    if any(n.fixed for n in members):
        return None
    kind = members[0].kind
    found = {}  # unit -> its forms holding one of ours
    for n in members:
        for f in n.forms:
            if is_acronym(n.name) or (len(f) == 1 and (kind != "person" or len(f[0]) < MIN_LETTERS)):
                continue
            for v in sorted(set.intersection(*(having[(kind, w)] for w in f)) - {u}):
                for g in (g for o in units[v] for g in o.forms):
                    if len(g) > len(f) and within(f, g):
                        found.setdefault(v, []).append((f, g))
    top = [v for v in found if not any(w != v and _inside(units[v], units[w]) for w in found)]
    if len(top) != 1:
        return None
    ok = any(
        set(f) & directions == set(g) & directions and (kind == "person" or _same_ends(f, g)) for f, g in found[top[0]]
    )
    return top[0] if ok else None


def _same_ends(f, g):
    """Whether two organisations' names share their first and last word, their
    legal forms left out: "PT Lontar Jaya Abadi" is "Lontar Jaya Abadi"."""
    legal = lexicon.shared().sets["legal_forms"]
    f, g = ([w for w in x if w.strip(".") not in legal] for x in (f, g))
    return bool(f) and bool(g) and (f[0], f[-1]) == (g[0], g[-1])


def _inside(short, long):
    return any(len(g) > len(f) and within(f, g) for a in short for f in a.forms for b in long for g in b.forms)


def _canonical(members, corpus):
    """The unit's fixed entity, else the spelling most articles write, then
    the one whose words most articles write (a misspelt word is rare)."""
    fixed = [n for n in members if n.fixed]
    if fixed:
        return fixed[0].id
    if len(members) == 1:
        return members[0].id
    return min(
        members, key=lambda n: (-corpus.articles(n.name), -sum(corpus.articles(w) for w in words(n.name)), n.id)
    ).id


def fts_corpus(conn):
    """A ``Corpus`` over the articles' full-text index."""

    def match(*names):
        return " AND ".join('"' + name.replace('"', '""') + '"' for name in names)

    def articles(*names):
        return conn.execute("select count(*) from articles_fts where articles_fts match ?", [match(*names)]).fetchone()[
            0
        ]

    def lowercase(word):
        written = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
        return any(
            written.search(text)
            for (text,) in conn.execute(
                "select text from articles where rowid in (select rowid from articles_fts where articles_fts match ?)",
                [match(word)],
            )
        )

    return Corpus(articles, lowercase)


def resolve(db):
    """Merge the stored entities that name one person or organisation (see
    the module's docstring); return the slots whose claims changed subject."""
    conn = db.conn
    fixed_ids = {r[0] for r in conn.execute(f"select distinct entity_id from entity_aliases where {store.GIVEN}")}
    kinds = ",".join(f"'{k}'" for k in KINDS)
    learned, fixed = {}, {}
    for id, name, kind in conn.execute(
        f"select entity_id, name, kind from entity_merges union all "
        f"select id, name, kind from entities where kind in ({kinds})"
    ):
        if id in fixed_ids:
            fixed[id] = (name, kind)
        else:
            learned.setdefault(id, Name(id, name, kind, False, (words(name),)))
    aliases = collections.defaultdict(set)
    for alias, entity in conn.execute(f"select alias, entity_id from entity_aliases where {store.GIVEN}"):
        if entity in fixed and not is_acronym(alias):
            aliases[entity].add(words(alias))
    names = list(learned.values()) + [
        Name(id, name, kind, True, tuple(sorted(aliases[id] | {words(name)}))) for id, (name, kind) in fixed.items()
    ]
    target = plan(names, fts_corpus(conn))
    return _apply(conn, learned, target)


def _apply(conn, learned, target):
    """Store ``target`` ({learned id: entity}): claims and aliases follow
    their own entity's target, merged-away entities leave ``entities`` for
    ``entity_merges``, and their names stay aliases of what they merged into."""
    merged = {x: c for x, c in target.items() if c != x}
    back = conn.execute("select entity_id, name, kind from entity_merges").fetchall()
    conn.executemany(
        "insert or ignore into entities (id, name, kind) values (?, ?, ?)", [r for r in back if r[0] not in merged]
    )
    conn.execute("delete from entity_merges")
    conn.executemany(
        "insert into entity_merges (entity_id, name, kind, canonical) values (?, ?, ?, ?)",
        [(x, learned[x].name, learned[x].kind, c) for x, c in sorted(merged.items())],
    )
    conn.execute("create temp table if not exists resolution (entity_id text primary key, canonical text)")
    conn.execute("delete from resolution")
    conn.executemany("insert into resolution values (?, ?)", sorted(target.items()))
    changed, updates = set(), []
    for id, kind, predicate, slot, own, canonical in conn.execute(
        "select c.id, c.kind, c.predicate, c.slot, coalesce(c.resolved_from, c.subject), r.canonical "
        "from claims c join resolution r on r.entity_id = coalesce(c.resolved_from, c.subject) "
        "where c.subject is not r.canonical"
    ).fetchall():
        new = slot_key(kind, canonical, predicate)
        changed.update((slot, new))
        updates.append((canonical, own if own != canonical else None, new, id))
    conn.executemany("update claims set subject = ?, resolved_from = ?, slot = ? where id = ?", updates)
    moves = [
        (canonical, "merged" if own != canonical else "extracted", own if own != canonical else None, alias)
        for alias, own, canonical in conn.execute(
            "select a.alias, coalesce(a.resolved_from, a.entity_id), r.canonical "
            "from entity_aliases a join resolution r on r.entity_id = coalesce(a.resolved_from, a.entity_id) "
            "where a.origin in ('extracted', 'merged') and a.entity_id is not r.canonical"
        ).fetchall()
    ]
    conn.executemany("update entity_aliases set entity_id = ?, origin = ?, resolved_from = ? where alias = ?", moves)
    conn.executemany(
        "insert or ignore into entity_aliases (alias, entity_id, origin, resolved_from) values (?, ?, 'merged', ?)",
        [(learned[x].name, c, x) for x, c in sorted(merged.items())],
    )
    conn.executemany("delete from entities where id = ?", [(x,) for x in sorted(merged)])
    return changed
