"""Extraction in worker processes (``load --workers N``); the database is
written by the main process alone, in input order."""
import multiprocessing

from .extract.entities import Matcher
from .store.articles import analyse

_matcher = None


def _init(alias_rows):
    global _matcher
    _matcher = Matcher(alias_rows)


def _analyse(article):
    return analyse(article, _matcher)


class Extractors:
    """Runs ``loader.analyse`` over batches of articles, here or in a pool of processes."""

    def __init__(self, alias_rows, workers=1):
        self.pool = None
        if workers > 1:
            context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
            self.pool = context.Pool(workers, initializer=_init, initargs=(alias_rows,))
        else:
            _init(alias_rows)

    def submit(self, articles):
        """Start analysing a batch; ``.get()`` on the result gives, in order,
        what ``analyse`` returns for each article. With workers the
        batch runs while the caller writes the one before."""
        if self.pool is None:
            return _Done([_analyse(a) for a in articles])
        return self.pool.map_async(_analyse, articles, chunksize=max(1, len(articles) // 8))

    def close(self):
        if self.pool is not None:
            self.pool.close()
            self.pool.join()


class _Done:
    def __init__(self, value):
        self.value = value

    def get(self):
        return self.value
