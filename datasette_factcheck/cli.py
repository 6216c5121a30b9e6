"""`datasette factcheck load|detect`: the command line of CONTRACT.md."""

import contextlib
import os
import sys

import click

from . import detect as detection
from . import pipeline, plugins, store
from .detect.compare import DEFAULT_WINDOW_DAYS
from .lexicon.schema import LexiconError
from .read import DEFAULT_MAX_BYTES

window_option = click.option(
    "--window-days",
    type=click.IntRange(0),
    default=DEFAULT_WINDOW_DAYS,
    show_default=True,
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
    "--workers",
    type=click.IntRange(1),
    default=default_workers,
    show_default=f"one per core, at most {MAX_DEFAULT_WORKERS}",
    help="Processes extracting claims and comparing them; the database keeps one writer. The result is the same for any N.",
)


config_option = click.option(
    "-c",
    "--config",
    "-m",
    "--metadata",
    "config_path",
    type=click.Path(exists=True, dir_okay=False),
    help="A datasette.yaml or metadata.yml whose plugins section configures the extractors, rules and lexicons.",
)


def _configure(config_path):
    """Give the plugins their configuration before anything runs."""
    if config_path:
        try:
            plugins.configure(plugins.read_config(config_path))
        except (OSError, ValueError) as e:
            raise click.BadParameter(str(e), param_hint="--config") from e


@click.group()
def factcheck():
    """Load news articles, extract their claims and flag contradictions."""


@factcheck.command()
@click.argument("db_path", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1, required=True)
@click.option("--no-detect", is_flag=True, help="Store articles and claims; skip detection.")
@window_option
@click.option(
    "--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True, help="Refuse input files larger than this."
)
@click.option("--silent", is_flag=True, help="No progress bar or summary.")
@workers_option
@config_option
def load(db_path, paths, no_detect, window_days, max_bytes, silent, workers, config_path):
    """Load articles from PATHS (files or folders; - for JSONL on stdin) into DB_PATH.

    Loading the same inputs again changes nothing; a bad input is reported with
    its path and reason and the rest still loads (exit status 1)."""
    _configure(config_path)
    hints = set()

    def on_error(error):
        click.echo(f"error: {error}", err=True)
        if error.hint and error.hint not in hints:
            hints.add(error.hint)
            click.echo(f"hint: {error.hint}", err=True)

    def progress(files):
        if silent or not sys.stderr.isatty() or len(files) < 2:
            return contextlib.nullcontext(files)
        return click.progressbar(files, label="Loading", file=sys.stderr, show_pos=True)

    try:
        report = pipeline.load(
            store.open_db(db_path),
            paths,
            detect=not no_detect,
            window_days=window_days,
            max_bytes=max_bytes,
            workers=workers,
            on_error=on_error,
            progress=progress,
        )
    except LexiconError as e:  # a lexicon (ours or a plugin's) is wrong: nothing can be read
        raise click.ClickException(str(e)) from e
    if not silent:
        click.echo(summary(report), err=True)
    if report.errors:
        sys.exit(1)


def summary(report):
    """The load's closing line: what was stored, and where the failures are listed."""
    text = f"{report.new} articles stored ({report.unchanged} unchanged), {report.claims} claims"
    if report.flags is not None:
        text += f", {report.flags} contradictions in the slots touched"
    if report.errors:
        text += (
            f"; {report.failed_inputs} input{'s' if report.failed_inputs != 1 else ''} failed "
            f"({len(report.errors)} error{'s' if len(report.errors) != 1 else ''}), listed in the load_errors table"
        )
    else:
        text += ", 0 errors"
    return text


@factcheck.command(name="detect")
@click.argument("db_path", type=click.Path(exists=True, dir_okay=False))
@window_option
@click.option("--silent", is_flag=True, help="No summary.")
@workers_option
@config_option
def detect_command(db_path, window_days, silent, workers, config_path):
    """Re-run contradiction detection over every claim in DB_PATH."""
    _configure(config_path)
    db = store.open_db(db_path)
    n = detection.detect(db, window_days, workers=workers)
    if not silent:
        click.echo(f"{n} contradictions", err=True)
