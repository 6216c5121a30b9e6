"""`datasette factcheck load|detect`: the command line of CONTRACT.md."""
import sys

import click

from . import detect as detection
from . import duplicates, lexicon, store
from .extract import extract
from .extract.entities import Matcher
from .ingest import DEFAULT_MAX_BYTES, read_inputs
from .rules import DEFAULT_WINDOW_DAYS

window_option = click.option(
    "--window-days", type=click.IntRange(0), default=DEFAULT_WINDOW_DAYS, show_default=True,
    help="Claims at most this many days apart are a conflict; further apart, a change.",
)


@click.group()
def factcheck():
    """Load news articles, extract their claims and flag contradictions."""


@factcheck.command()
@click.argument("db_path", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1, required=True)
@click.option("--no-detect", is_flag=True, help="Store articles and claims; skip detection.")
@window_option
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True, help="Refuse input files larger than this.")
@click.option("--silent", is_flag=True, help="No progress bar or summary.")
def load(db_path, paths, no_detect, window_days, max_bytes, silent):
    """Load articles from PATHS (files or folders; - for JSONL on stdin) into DB_PATH."""
    db = store.open_db(db_path)
    duplicates.ensure_table(db)
    store.save_entities(db, lexicon.entities())
    matcher = Matcher(store.aliases(db))
    counts = {"new": 0, "unchanged": 0, "errors": 0, "claims": 0}
    touched = set()
    items = read_inputs(paths, max_bytes=max_bytes)
    show = not silent and sys.stderr.isatty()
    with click.progressbar(items, label="Loading", file=sys.stderr, show_pos=True) if show else _nullbar(items) as bar:
        for path, ref, item in bar:
            if isinstance(item, Exception):
                counts["errors"] += 1
                click.echo(f"error: {path}{':' + str(item.line) if item.line else ''}: {item.reason}", err=True)
                store.record_error(db, path, item.reason, item.line)
                continue
            status, n = _store_article(db, matcher, item)
            counts[status] += 1
            counts["claims"] += n
            if status == "new":
                touched.add(item["id"])
                store.clear_errors(db, path)
    flags = None
    if touched and not no_detect:
        flags = detection.detect(db, window_days, article_ids=touched)
    if not silent:
        click.echo(
            f"{counts['new']} articles stored ({counts['unchanged']} unchanged), {counts['claims']} claims, "
            f"{counts['errors']} errors" + ("" if flags is None else f", {flags} contradictions in the slots touched"),
            err=True,
        )
    if counts["errors"]:
        sys.exit(1)


class _nullbar:
    def __init__(self, items):
        self.items = items

    def __enter__(self):
        return self.items

    def __exit__(self, *exc):
        return False


def _store_article(db, matcher, article):
    """Store one article (whole or not at all). ("new" | "unchanged", claims stored)."""
    existing = db.execute("select id from articles where content_hash = ?", [article["content_hash"]]).fetchone()
    if existing:
        return "unchanged", 0
    previous = db.execute("select id from articles where path = ? and ref = ?", [article["path"], article["ref"]]).fetchall()
    hashes = duplicates.sketch(article["text"])
    article["duplicate_of"] = duplicates.find_original(db, article, hashes)
    claims, new_entities = extract(article, matcher)
    with db.conn:
        stale = [r[0] for r in previous]
        if stale:
            store.drop_claims(db, stale)
            db.execute(f"delete from articles where id in ({','.join('?' for _ in stale)})", stale)
            db.execute(f"delete from article_sketches where article_id in ({','.join('?' for _ in stale)})", stale)
        store.replace_article(db, article, claims, new_entities)
        duplicates.store_sketch(db, article["id"], hashes)
    if new_entities:
        matcher.__init__(store.aliases(db))
    return "new", len(claims)


@factcheck.command(name="detect")
@click.argument("db_path", type=click.Path(exists=True, dir_okay=False))
@window_option
@click.option("--silent", is_flag=True)
def detect_command(db_path, window_days, silent):
    """Re-run contradiction detection over every claim in DB_PATH."""
    db = store.open_db(db_path)
    n = detection.detect(db, window_days)
    if not silent:
        click.echo(f"{n} contradictions", err=True)
