"""The whole load as a library call: read inputs, extract, store, detect.

``load`` returns a ``LoadReport``; the click command only prints it, so a
notebook, an enrichment or a distributed job can run the same load. Every
failure (a reader, an extractor, storing one article) is that input's error:
given to ``on_error``, recorded in ``load_errors``, and the load goes on.
"""

import collections
import contextlib
import dataclasses
from typing import Callable, List, Optional

from . import detect as detection
from . import store
from .detect.compare import DEFAULT_WINDOW_DAYS
from .pool import Extractors
from .read import DEFAULT_MAX_BYTES, Input, iter_paths, read_path
from .store.articles import Loader

BATCH = 64  # articles a worker extracts between writes
AHEAD = 2  # batches being extracted while one is written


@dataclasses.dataclass
class LoadError:
    """One input that failed: the file, the record within it, and why."""

    path: str
    reason: str
    line: int = 0
    ref: Optional[str] = None
    exception: Optional[str] = None
    hint: Optional[str] = None  # advice worth showing once per load (a package to install)

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        record = f" ({self.ref})" if self.ref and self.ref not in where else ""
        return f"{where}{record}: {self.reason}"


@dataclasses.dataclass
class LoadReport:
    new: int = 0
    unchanged: int = 0
    claims: int = 0
    errors: List[LoadError] = dataclasses.field(default_factory=list)
    flags: Optional[int] = None  # contradictions written; None when detection did not run

    @property
    def failed_inputs(self):
        """How many input files had at least one error."""
        return len({e.path for e in self.errors})


def load(
    db,
    paths,
    detect=True,
    window_days=DEFAULT_WINDOW_DAYS,
    max_bytes=DEFAULT_MAX_BYTES,
    workers=1,
    on_error: Callable[[LoadError], None] = lambda error: None,
    progress=contextlib.nullcontext,
):
    """Load ``paths`` (files, folders, ``-`` for JSONL on stdin) into ``db``
    (a sqlite_utils Database opened by ``store.open_db``). ``progress(files)``
    is a context manager giving the files to iterate (a progress bar)."""
    report = LoadReport()
    loader = Loader(db)
    pending = []  # Inputs waiting for extraction, in input order
    in_flight = collections.deque()  # submitted batches, oldest first: (items, async result)
    extractors = Extractors(store.aliases(db), workers)

    def fail(error):
        report.errors.append(error)
        store.record_error(db, error.path, error.reason, error.line, error.ref, error.exception)
        on_error(error)

    def save(item, analysed=None):
        """Store one article: its (status, claims) or the LoadError it met."""
        try:
            return loader.store(item.item, analysed)
        except store.TransactionLost:
            raise  # the whole batch is gone: the caller stores it again, article by article
        except Exception as e:  # built-in or plugin code, or SQLite: this article's error
            return LoadError(
                item.path,
                f"could not store {item.ref}: {type(e).__name__}: {e}",
                item.line,
                item.ref,
                _exception_type(e),
            )

    def tally(results):
        for result in results:
            if isinstance(result, LoadError):
                fail(result)
            else:
                status, n = result
                setattr(report, status, getattr(report, status) + 1)
                report.claims += n

    def write(items, analysed):
        """One transaction for a batch; should SQLite roll it back itself, one per article."""
        try:
            with loader.batch():
                results = [save(item, done) for item, done in zip(items, analysed)]
        except store.TransactionLost:
            results = [save(item, done) for item, done in zip(items, analysed)]
        tally(results)

    def drain(keep=0):
        """Write the oldest batches, in input order, until ``keep`` are left in flight."""
        while len(in_flight) > keep:
            items, result = in_flight.popleft()
            write(items, result.get())

    def flush(wait=True):
        batch = list(pending)
        pending.clear()
        if batch:
            in_flight.append((batch, extractors.submit([item.item for item in batch])))
        # the workers keep AHEAD batches to extract while this process writes
        drain(0 if wait else AHEAD)

    try:
        for article in loader.stale():  # lexicons or aliases changed since these were read
            pending.append(Input(article["path"], article["ref"], article))
        flush()
        files = list(iter_paths(paths))
        with progress(files) as bar:
            for path in bar:
                for item in read_path(path, max_bytes):
                    if isinstance(item.item, Exception):
                        error = item.item
                        fail(LoadError(item.path, error.reason, item.line, item.ref, error.exception, error.hint))
                    elif loader.is_current(item.item):
                        flush()  # keep input order
                        tally([save(item)])
                    else:
                        pending.append(item)
                        if len(pending) >= BATCH * workers:
                            flush(wait=False)
            flush()
    finally:
        extractors.close()
    failed = {e.path for e in report.errors}
    for path in files:
        if str(path) not in failed:
            store.clear_errors(db, str(path))
    slots = loader.pending_slots()
    if slots and detect:
        report.flags = detection.detect(db, window_days, slots=slots, workers=workers)
    return report


def _exception_type(error):
    """The exception behind an error: what extraction raised, else the error itself."""
    failure = getattr(error, "failure", None)
    return failure.exception if failure else type(error).__name__
