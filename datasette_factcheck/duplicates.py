"""Near-duplicate (syndicated) articles: a bottom-k sketch of word shingles
finds candidates through an index, rapidfuzz confirms them."""
import hashlib
import re

from rapidfuzz import fuzz

SHINGLE = 5
SKETCH = 16
MIN_SHARED = 4
MIN_RATIO = 85


def sketch(text):
    """The SKETCH smallest hashes of the text's word 5-grams."""
    words = re.findall(r"\w+", text.lower())
    grams = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    hashes = sorted(int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") >> 1 for g in grams)
    return hashes[:SKETCH]


def ensure_table(db):
    if not db["article_sketches"].exists():
        db["article_sketches"].create({"article_id": str, "hash": int}, pk=("article_id", "hash"))
        db["article_sketches"].create_index(["hash"], if_not_exists=True)


def find_original(db, article, hashes):
    """The id of a stored article this one copies (folded to its own original), or None."""
    if not hashes:
        return None
    marks = ",".join("?" for _ in hashes)
    rows = db.execute(
        f"select s.article_id, count(*) n from article_sketches s where s.hash in ({marks}) "
        "and s.article_id != ? group by s.article_id having n >= ? order by n desc limit 5",
        [*hashes, article["id"], MIN_SHARED],
    ).fetchall()
    for other_id, _ in rows:
        other = db.execute("select text, duplicate_of from articles where id = ?", [other_id]).fetchone()
        if other and fuzz.ratio(article["text"], other[0]) >= MIN_RATIO:
            return other[1] or other_id
    return None


def store_sketch(db, article_id, hashes):
    db.execute("delete from article_sketches where article_id = ?", [article_id])
    db["article_sketches"].insert_all([{"article_id": article_id, "hash": h} for h in hashes], pk=("article_id", "hash"), ignore=True)
