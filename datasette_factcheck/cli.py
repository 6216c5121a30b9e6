"""`datasette factcheck load|detect`: the command line of CONTRACT.md."""
import collections
import os
import sqlite3
import sys

import click

from . import detect as detection
from . import store
from .ingest import DEFAULT_MAX_BYTES, iter_paths, read_path
from .loader import Loader
from .parallel import Extractors
from .rules import DEFAULT_WINDOW_DAYS

BATCH = 64  # articles a worker extracts between writes
AHEAD = 2  # batches being extracted while one is written

window_option = click.option(
    "--window-days", type=click.IntRange(0), default=DEFAULT_WINDOW_DAYS, show_default=True,
    help="Claims at most this many days apart are a conflict; further apart, a change.",
)

MAX_DEFAULT_WORKERS = 4  # past this the one writer, not extraction, sets the pace


def default_workers():
    """One worker per CPU core this process may use, at most MAX_DEFAULT_WORKERS."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_DEFAULT_WORKERS))


workers_option = click.option(
    "--workers", type=click.IntRange(1), default=default_workers, show_default=f"one per core, at most {MAX_DEFAULT_WORKERS}",
    help="Processes extracting claims and comparing them; the database keeps one writer. The result is the same for any N.",
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
@workers_option
def load(db_path, paths, no_detect, window_days, max_bytes, silent, workers):
    """Load articles from PATHS (files or folders; - for JSONL on stdin) into DB_PATH.

    Loading the same inputs again changes nothing; a bad input is reported with
    its path and reason and the rest still loads (exit status 1)."""
    db = store.open_db(db_path)
    loader = Loader(db)
    counts = {"new": 0, "unchanged": 0, "errors": 0, "claims": 0}
    failed = set()
    pending = []  # (where, ref, article) waiting for extraction, in input order
    extractors = Extractors(store.aliases(db), workers)

    def report(where, reason, line=0):
        counts["errors"] += 1
        failed.add(where)
        click.echo(f"error: {where}{f':{line}' if line else ''}: {reason}", err=True)
        store.record_error(db, where, reason, line)

    def save(where, ref, article, analysed=None):
        try:
            status, n = loader.store(article, analysed)
        except sqlite3.Error as e:  # the article's transaction rolled back; the rest goes on
            report(where, f"could not store {ref}: {e}")
            return
        counts[status] += 1
        counts["claims"] += n

    in_flight = collections.deque()  # submitted batches, oldest first: (items, async result)

    def drain(keep=0):
        """Write the oldest batches, in input order, until ``keep`` are left in flight."""
        while len(in_flight) > keep:
            items, result = in_flight.popleft()
            analysed = result.get()
            with loader.batch():
                for (where, ref, article), done in zip(items, analysed):
                    save(where, ref, article, done)

    def flush(wait=True):
        batch = list(pending)
        pending.clear()
        if batch:
            in_flight.append((batch, extractors.submit([a for _, _, a in batch])))
        # the workers keep AHEAD batches to extract while this process writes
        drain(0 if wait else AHEAD)

    try:
        for article in loader.stale():  # lexicons or aliases changed since these were read
            pending.append((article["path"], article["ref"], article))
        flush()
        files = list(iter_paths(paths))
        show = not silent and sys.stderr.isatty() and len(files) > 1
        with click.progressbar(files, label="Loading", file=sys.stderr, show_pos=True) if show else _Quiet(files) as bar:
            for path in bar:
                for where, ref, item in read_path(path, max_bytes):
                    if isinstance(item, Exception):
                        report(where, item.reason, item.line)
                    elif loader.is_current(item):
                        flush()  # keep input order
                        save(where, ref, item)
                    else:
                        pending.append((where, ref, item))
                        if len(pending) >= BATCH * workers:
                            flush(wait=False)
            flush()
    finally:
        extractors.close()
    for path in files:
        if str(path) not in failed:
            store.clear_errors(db, str(path))
    flags = None
    slots = loader.pending_slots()
    if slots and not no_detect:
        flags = detection.detect(db, window_days, slots=slots, workers=workers)
    if not silent:
        click.echo(
            f"{counts['new']} articles stored ({counts['unchanged']} unchanged), {counts['claims']} claims, "
            f"{counts['errors']} errors" + ("" if flags is None else f", {flags} contradictions in the slots touched"),
            err=True,
        )
    if counts["errors"]:
        sys.exit(1)


class _Quiet:
    """Stands in for click's progress bar when there is nothing to show."""

    def __init__(self, items):
        self.items = items

    def __enter__(self):
        return self.items

    def __exit__(self, *exc):
        return False


@factcheck.command(name="detect")
@click.argument("db_path", type=click.Path(exists=True, dir_okay=False))
@window_option
@click.option("--silent", is_flag=True, help="No summary.")
@workers_option
def detect_command(db_path, window_days, silent, workers):
    """Re-run contradiction detection over every claim in DB_PATH."""
    db = store.open_db(db_path)
    n = detection.detect(db, window_days, workers=workers)
    if not silent:
        click.echo(f"{n} contradictions", err=True)
