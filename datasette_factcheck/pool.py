"""Worker processes for load (extraction) and detect (comparison): one way
to start them, and the extraction workers. The database keeps one writer,
the main process."""

import multiprocessing

from . import plugins
from .extract.entities import Matcher
from .store.articles import analyse


def start(workers, initializer, initargs):
    """A pool of ``workers`` processes, forked where the platform can (a fork
    starts in milliseconds and inherits the registered plugins), else spawned."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return context.Pool(workers, initializer=initializer, initargs=initargs)


_matcher = None


def _init(alias_rows, plugins_config):
    global _matcher
    plugins.configure(plugins_config)
    _matcher = Matcher(alias_rows)


def _analyse(article):
    return analyse(article, _matcher)


class Extractors:
    """Runs ``store.articles.analyse`` over batches of articles, here or in a pool of processes."""

    def __init__(self, alias_rows, workers=1):
        self.pool = None
        if workers > 1:
            self.pool = start(workers, _init, (alias_rows, plugins.config()))
        else:
            global _matcher
            _matcher = Matcher(alias_rows)

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
