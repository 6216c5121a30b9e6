"""Accuracy harness: how right the product is, on every gold set that applies.

    .venv/bin/python benchmarks/accuracy.py [--out DIR] [--workers N] [--shared DIR]

Loads ``seeds/``, ``tests/articles/``, ``tests/heldout/`` and, where present, the rebuilt
real-dev texts (``.cache/real-dev/*.jsonl``, never committed) into one fresh
database with ``datasette factcheck load``, run as a user runs it, then scores
that database with the shared scorer (``<shared>/eval/score.py``) against

- ``<shared>/eval/seeds-gold.json``, always;
- ``<shared>/eval/real-dev/gold.json``, when ``.cache/real-dev/`` holds every
  article that gold names;
- ``tests/heldout/gold.json``, invented coverage annotated by someone who had
  not read the rules (a check we did not write to our rules).

It prints one table (a row per measure, a column per gold set, the targets
from the issues, and a mark on every cell that misses its target), the flags
per real-dev article and the load time per article. ``--out DIR`` also writes
``results.json`` and keeps the database there (``accuracy.db``) so its misses
can be listed with ``score.py DB GOLD --verbose``.

A measurement, not a test: the exit status is 0 whatever the scores, and also
when the shared folder is missing (a clean clone in CI), which is then said.
"""

import argparse
import importlib.util
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL_DEV_DIR = Path(".cache") / "real-dev"  # relative to ROOT, as stored in articles.path
# invented coverage annotated by a helper who had not read the rules (tests/heldout/README.md)
HELD_OUT = Path("tests") / "heldout"

# Targets from the issues, per gold set: a score at least this is met (with a
# small tolerance, so a printed 1.000 is met).
TARGETS = {
    "seeds": {"overall": 1.0},
    "real-dev": {
        "flag_recall": 0.85,
        "false_conflicts_avoided": 0.95,
        "article_metadata": 0.95,
        "stance_recall": 0.90,
        "stance_precision": 0.95,
        "entity_resolution": 0.95,
    },
}
EPS = 1e-9


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="write results.json and keep accuracy.db here")
    ap.add_argument("--workers", type=int, help="passed to `datasette factcheck load`")
    ap.add_argument(
        "--shared",
        type=Path,
        default=ROOT.parent / "shared",
        help="the shared folder holding eval/score.py (default: ../shared)",
    )
    return ap.parse_args(argv)


def inputs():
    """Paths to load, relative to ROOT, and the real-dev files among them."""
    paths = ["seeds"] if (ROOT / "seeds").exists() else []
    # the articles of tests/articles/, not its annotation (expected.yml is no input)
    paths += sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "articles").glob("*") if p.suffix in (".txt", ".jsonl")
    )
    if (ROOT / HELD_OUT / "articles.jsonl").is_file():
        paths.append(str(HELD_OUT / "articles.jsonl"))
    real_dev = sorted(str(p.relative_to(ROOT)) for p in (ROOT / REAL_DEV_DIR).glob("*.jsonl"))
    return paths + real_dev, real_dev


def real_dev_missing(gold):
    """The ids of the articles the real-dev gold names that no file of
    ``.cache/real-dev/`` holds: the gold applies only when none is missing."""
    held = set()
    for path in (ROOT / REAL_DEV_DIR).glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                held.add(json.loads(line).get("id"))
    return sorted(set(json.loads(gold.read_text(encoding="utf-8"))["articles"]) - held)


def load(db, paths, workers):
    """Run the load as a user would; return its exit status, stderr and wall time."""
    cmd = [sys.executable, "-m", "datasette", "factcheck", "load", str(db), *paths, "--silent"]
    if workers:
        cmd += ["--workers", str(workers)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    return {"returncode": proc.returncode, "stderr": proc.stderr.strip(), "seconds": time.perf_counter() - start}


def gold_sets(shared):
    """The gold files that apply here, by name; and notes on what was left out."""
    sets, notes = {}, []
    seeds = shared / "eval" / "seeds-gold.json"
    if seeds.is_file():
        sets["seeds"] = seeds
    else:
        notes.append(f"no seeds gold at {seeds}")
    real = shared / "eval" / "real-dev" / "gold.json"
    missing = real_dev_missing(real) if real.is_file() else None
    if not real.is_file():
        notes.append(f"real-dev not scored: no gold at {real}")
    elif missing:
        notes.append(f"real-dev not scored: {REAL_DEV_DIR}/ lacks {len(missing)} of the gold's articles")
    else:
        sets["real-dev"] = real
    held_out = ROOT / HELD_OUT / "gold.json"
    if held_out.is_file():
        sets["held-out"] = held_out
    return sets, notes


def scorer_module(path):
    """Import score.py from its path; None when it cannot be imported."""
    try:
        spec = importlib.util.spec_from_file_location("factcheck_score", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    except Exception:  # an unimportable scorer is still run as a command
        return None


def score(score_py, db, gold):
    """{"measures": {name: {"score", "detail"}}, "overall"}: through the
    scorer's own Scorer class when it has one, else its --json output."""
    module = scorer_module(score_py)
    if module is not None and hasattr(module, "Scorer"):
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        try:
            with open(gold, encoding="utf-8") as f:
                result = module.Scorer(conn, json.load(f), False).run()
        finally:
            conn.close()
    else:
        proc = subprocess.run(
            [sys.executable, str(score_py), str(db), str(gold), "--json"], capture_output=True, text=True, check=True
        )
        result = json.loads(proc.stdout)
    return {"measures": result["measures"], "overall": result["overall"]}


def scalar(db, sql, params=()):
    """One value from the database, read-only."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchone()[0]
    finally:
        conn.close()


def flags_per_article(db, real_dev_paths):
    """Flags touching a real-dev article (by claim_a or claim_b), per real-dev article."""
    if not real_dev_paths:
        return None
    marks = ",".join("?" * len(real_dev_paths))
    articles = scalar(db, f"select count(*) from articles where path in ({marks})", real_dev_paths)
    flags = scalar(
        db,
        f"""
        select count(*) from contradictions x
        where exists (select 1 from claims c join articles a on a.id = c.article_id
                      where c.id in (x.claim_a, x.claim_b) and a.path in ({marks}))""",
        real_dev_paths,
    )
    return {"articles": articles, "flags": flags, "per_article": flags / articles if articles else None}


def target_of(set_name, measure):
    return TARGETS.get(set_name, {}).get(measure)


def cell(set_name, measure, result):
    """A score with its detail, marked when it misses its target."""
    if measure == "overall":
        value, detail = result["overall"], ""
    elif measure in result["measures"]:
        value, detail = result["measures"][measure]["score"], f" ({result['measures'][measure]['detail']})"
    else:
        return "-"
    target = target_of(set_name, measure)
    mark = "  MISSED" if target is not None and value < target - EPS else ""
    return f"{value:.3f}{detail}{mark}"


def targets_text(measure, names):
    def text(t):
        return "= 1.000" if t >= 1.0 else f">= {t:.2f}"

    parts = [f"{n} {text(target_of(n, measure))}" for n in names if target_of(n, measure) is not None]
    return ", ".join(parts) or "-"


def table(results):
    """Rows = measures in the scorer's order, then overall; columns = gold sets, targets."""
    names = list(results)
    measures = []
    for r in results.values():
        measures += [m for m in r["measures"] if m not in measures]
    rows = [["measure", *names, "target"]]
    for m in measures + ["overall"]:
        rows.append([m, *(cell(n, m, results[n]) for n in names), targets_text(m, names)])
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def run(args):
    sets, notes = gold_sets(args.shared)
    score_py = args.shared / "eval" / "score.py"
    if not args.shared.is_dir():
        sets, notes = {}, [f"shared folder missing: {args.shared}; nothing scored"]
    elif not score_py.is_file():
        sets, notes = {}, [f"no scorer at {score_py}; nothing scored"]

    if args.out is None:  # print only: the database goes with its temporary folder
        with tempfile.TemporaryDirectory(prefix="factcheck-accuracy-") as tmp:
            return measure(args, Path(tmp), sets, notes, score_py)
    args.out.mkdir(parents=True, exist_ok=True)
    return measure(args, args.out, sets, notes, score_py)


def measure(args, workdir, sets, notes, score_py):
    """Load into a fresh workdir/accuracy.db, score it, print (and write) the results."""
    paths, real_dev_paths = inputs()
    db = (workdir / "accuracy.db").resolve()
    for suffix in ("", "-wal", "-shm"):  # always a fresh database
        Path(f"{db}{suffix}").unlink(missing_ok=True)

    print(f"loading {', '.join(paths)} into {db}")
    loaded = load(db, paths, args.workers)
    if not db.exists():
        print(f"load failed (exit {loaded['returncode']}), no database:\n{loaded['stderr']}")
        return 1
    n_articles = scalar(db, "select count(*) from articles")
    loaded["articles"] = n_articles
    loaded["ms_per_article"] = 1000 * loaded["seconds"] / n_articles if n_articles else None
    if loaded["returncode"]:
        print(f"load exited {loaded['returncode']} (some inputs failed, scored anyway):")
        for line in loaded["stderr"].splitlines()[-10:]:
            print("  " + line)

    results = {}
    for name, gold in sets.items():
        try:
            results[name] = score(score_py, db, gold)
        except Exception as e:  # a database the scorer cannot read is a finding, not a crash
            notes.append(f"{name} not scored: {type(e).__name__}: {e}")
    flags = flags_per_article(db, real_dev_paths)

    print()
    if results:
        print(table(results))
    for note in notes:
        print("note:", note)
    if flags:
        per = f"{flags['per_article']:.2f}" if flags["per_article"] is not None else "-"
        print(f"flags per real-dev article: {per} ({flags['flags']} flags / {flags['articles']} articles)")
    ms = f"{loaded['ms_per_article']:.1f}" if loaded["ms_per_article"] is not None else "-"
    print(
        f"load: {ms} ms per article ({n_articles} articles in {loaded['seconds']:.2f} s, "
        f"start-up included; exit {loaded['returncode']})"
    )

    if args.out:
        out = {
            "gold_sets": {n: {**r, "targets": TARGETS.get(n, {}), "gold": str(sets[n])} for n, r in results.items()},
            "flags_real_dev": flags,
            "load": loaded,
            "notes": notes,
            "db": str(db),
        }
        (args.out / "results.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.out / 'results.json'}; database kept at {db}")
    return 0


if __name__ == "__main__":
    sys.exit(run(parse_args()))
