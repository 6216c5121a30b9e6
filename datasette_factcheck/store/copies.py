"""Near-duplicate (syndicated) articles: a bottom-k sketch of word shingles
finds candidates through an index, rapidfuzz confirms them."""

import hashlib
import re

from rapidfuzz import fuzz

from ..read.datelines import dateline

SHINGLE = 5
SKETCH = 16
MIN_SHARED = 4
MIN_RATIO = 88
PER_HASH = 16  # candidates read per shared hash
MIN_WORDS = 25  # too short to tell a copy from two outlets' one-line items


def sketch(text):
    """The SKETCH smallest hashes of the text's word 5-grams."""
    words = re.findall(r"\w+", text.lower())
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    hashes = sorted(int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") >> 1 for g in grams)
    return hashes[:SKETCH]


def find_original(db, article, hashes, exclude=()):
    """The id of a stored article this one copies (folded to its own original),
    or None; ``exclude`` holds the article's own older versions."""
    if not hashes or len(article["text"].split()) < MIN_WORDS:
        return None
    # one statement, bounded per hash: boilerplate shingles are in thousands of
    # articles; the most recently stored first, as a copy follows its original
    each = "select * from (select article_id, -seq as r from article_sketches where hash = ? and article_id != ? order by seq limit ?)"
    params = [p for h in hashes for p in (h, article["id"], PER_HASH)] + [MIN_SHARED]
    rows = db.conn.execute(
        f"select article_id from ({' union all '.join([each] * len(hashes))}) "
        "group by article_id having count(*) >= ? order by count(*) desc, max(r) desc limit 5",
        params,
    ).fetchall()
    body = _body(article["text"])
    for (other_id,) in rows:
        if other_id in exclude:
            continue
        other = db.conn.execute("select text, duplicate_of from articles where id = ?", [other_id]).fetchone()
        # with the cutoff rapidfuzz gives up (0) as soon as the score cannot reach it
        if other and fuzz.ratio(body, _body(other[0]), score_cutoff=MIN_RATIO):
            return other[1] or other_id
    return None


def _body(text):
    """The text without its outlet's dateline, which a copy always changes."""
    return text[dateline(text)[1] :]


def store_sketch(db, article_id, hashes):
    """Store the sketch of an article already in ``articles`` (its rowid orders it)."""
    db.execute("delete from article_sketches where article_id = ?", [article_id])
    db.conn.executemany(
        "insert or ignore into article_sketches (hash, seq, article_id) select ?, -rowid, id from articles where id = ?",
        [(h, article_id) for h in hashes],
    )
