"""The performance harness: five figures, measured side by side in one run.

    .venv/bin/python benchmarks/run.py            # full run (about 8 minutes on 2 cores)
    .venv/bin/python benchmarks/run.py --quick    # tiny sizes, seconds, for CI

Prints a table and writes ``benchmarks/out/results.json`` (``--out DIR`` to
put it elsewhere). Every figure is measured in this run, on this machine:

1. ``datasette factcheck load`` (store + extract + detect) of N articles
   against a bare ``sqlite-utils insert DB articles corpus.jsonl --nl`` of the
   same JSONL: the ratio of wall times, at the default workers and with one;
   the loaded copies are scored against the generator's ``copy_of``.
2. Growth: full load at N and 5N articles; exponent log(t5N/tN)/log 5.
3. ``datasette factcheck detect`` alone on databases of about 10k, 100k and 1M
   claims; exponent of time against claims.
4. Page latency (median, p95) of ``/-/factcheck/<db>``, a contradiction page
   and an entity page on the largest claims database, against Datasette's own
   table page ``/<db>/contradictions`` on the same database.
5. Peak memory of a full load at N and 10N articles: RSS of its largest
   process (``os.wait4`` rusage) and the summed PSS of all its processes.
6. ``--workers 2`` against ``--workers 1``.

Commands run as subprocesses exactly as a user types them (``datasette`` and
``sqlite-utils`` next to this Python), so their wall times include start-up;
the start-up of ``datasette factcheck load`` on one article is measured too and
reported, and the growth exponent is also given net of it.

Every subprocess has a time limit (``--timeout``). A step that runs out of time
is killed and reported as a lower bound (``>= 420 s``); the number of articles
it had stored by then is read from its database. A step whose linear
extrapolation from the previous size is already far beyond the limit is skipped
and reported with that extrapolation as its lower bound.

The claims databases for figure 3 are built from the database of the
growth-N load (real extraction output): its articles and claims are copied
as many times as needed, each copy standing for another batch of stories:
ids get a ``~r`` suffix, entities the extractor invented get one too (a new
story has new actors), numbers are scaled and dates shifted per copy, while
lexicon entities and predicates stay, so the slots fill the way a bigger
archive fills them. Nothing is asserted about time: this is a measurement,
not a test.
"""

import argparse
import asyncio
import datetime as dt
import hashlib
import json
import math
import os
import platform
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import generate  # noqa: E402

TARGETS = {
    "ratio": 10.0,
    "ratio_stretch": 5.0,
    "growth_exponent": 1.1,
    "detect_exponent": 1.1,
    "page_ratio": 2.0,
    "rss_mb": 500.0,
    "rss_flat": 1.25,  # peak at 10N no more than this times the peak at N counts as flat
}

SHARD = 10_000  # articles per JSONL file when a corpus is loaded as a folder

FULL = dict(
    articles=10_000,
    growth_n=2_000,
    rss_large=100_000,
    claims=[10_000, 100_000, 1_000_000],
    requests=20,
    timeout=600,
    rss_timeout=1500,
)
QUICK = dict(articles=200, growth_n=40, rss_large=300, claims=[300, 1_000], requests=3, timeout=120, rss_timeout=120)


def tool(name):
    """The console script next to this Python (the venv's), else on PATH."""
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else (shutil.which(name) or name)


# ----------------------------------------------------------------------------
# Subprocesses with a time limit, wall time and peak RSS


def run_timed(cmd, timeout, log_path):
    """Run cmd; {"seconds", "rc", "timed_out", "peak_rss_mb", "peak_tree_pss_mb", "log_tail"}.

    Peak RSS is ru_maxrss of this child (os.wait4: the largest single process
    of its tree), in MB. With worker processes the memory a load takes is the
    sum over its processes: ``peak_tree_pss_mb`` is the peak of that sum,
    sampled every 0.2 s, counting pages the processes share once (PSS; Linux
    only, else None)."""
    log_path = Path(log_path)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "w") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            cwd=ROOT,
            start_new_session=True,
        )
    timed_out = threading.Event()

    def kill():
        timed_out.set()
        for sig, pause in ((signal.SIGTERM, 5), (signal.SIGKILL, 0)):
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                return
            deadline = time.time() + pause
            while time.time() < deadline:
                if proc.returncode is not None:
                    return
                time.sleep(0.1)

    timer = threading.Timer(timeout, kill)
    timer.daemon = True
    timer.start()
    done = threading.Event()
    tree_peak = [0 if os.path.exists("/proc/self/smaps_rollup") else None]

    def sample():
        while tree_peak[0] is not None and not done.wait(0.2):
            tree_peak[0] = max(tree_peak[0], tree_pss_kb(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    tail = log_path.read_text(errors="replace")[-600:]
    return {
        "loadavg_1m_after": round(os.getloadavg()[0], 2),
        "cmd": " ".join(str(c) for c in cmd),
        "seconds": round(seconds, 3),
        "rc": proc.returncode,
        "timed_out": timed_out.is_set(),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "peak_tree_pss_mb": None if tree_peak[0] is None else round(tree_peak[0] / 1024, 1),
        "log_tail": tail.strip(),
    }


def tree_pss_kb(group):
    """The summed PSS (kB) of the processes in process group ``group``: a
    command and the workers it forked (it runs in a session of its own)."""
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as f:
                stat = f.read()
            if int(stat[stat.rindex(")") + 2 :].split()[2]) != group:  # state, ppid, pgrp
                continue
            with open(f"/proc/{entry.name}/smaps_rollup") as f:
                total += next(int(line.split()[1]) for line in f if line.startswith("Pss:"))
        except (OSError, ValueError, StopIteration):
            continue  # gone meanwhile
    return total


def remove_db(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        p = Path(str(path) + suffix)
        if p.exists():
            p.unlink()


def db_counts(path):
    """Rows in the contract tables (None for a table that is missing or unreadable)."""
    out = {}
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error:
        return out
    for table in ("articles", "claims", "contradictions"):
        try:
            out[table] = conn.execute(f"select count(*) from [{table}]").fetchone()[0]
        except sqlite3.Error:
            out[table] = None
    conn.close()
    return out


def short(n):
    """10000 -> 10k, 1000003 -> 1M."""
    if n >= 999_500:
        return f"{n / 1e6:.3g}M"
    if n >= 1000:
        return f"{n / 1e3:.3g}k"
    return str(n)


def fmt_s(seconds):
    if seconds is None:
        return "?"
    return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.0f} s"


def bound_text(value, bound, fmt):
    if value is None:
        return "not measured"
    return (">= " if bound == "lower" else "") + fmt(value)


# ----------------------------------------------------------------------------
# The harness


class Harness:
    def __init__(self, args):
        self.args = args
        self.out = Path(args.out).resolve()
        self.work = self.out / "work"
        self.logs = self.out / "logs"
        for d in (self.out, self.work, self.logs):
            d.mkdir(parents=True, exist_ok=True)
        self.datasette = tool("datasette")
        self.sqlite_utils = tool("sqlite-utils")
        self.results = {"meta": self.meta(), "figures": {}, "steps": {}}
        self.corpora = {}  # n -> one JSONL file (what sqlite-utils insert reads)
        self.folders = {}  # n -> folder of SHARD-article JSONL files, for loads of n > SHARD

    def log(self, message):
        stamp = time.strftime("%H:%M:%S")
        print(f"[{stamp}] {message}", file=sys.stderr, flush=True)

    def meta(self):
        import datasette

        try:
            commit = subprocess.run(
                ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
            ).stdout.strip()
            changed = subprocess.run(
                ["git", "status", "--porcelain", "--", "datasette_factcheck"], cwd=ROOT, capture_output=True, text=True
            ).stdout.split("\n")
            changed = [line[3:] for line in changed if line.strip()]
            dirty = bool(changed)
        except OSError:
            commit, dirty, changed = None, None, []
        mem = None
        try:
            mem = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
        except (ValueError, OSError, AttributeError):
            pass
        cpu = platform.processor() or None
        try:
            for line in Path("/proc/cpuinfo").read_text().splitlines():
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
        except OSError:
            pass
        return {
            "date": dt.datetime.now().isoformat(timespec="seconds"),
            "mode": "quick" if self.args.quick else "full",
            "machine": {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": mem, "platform": platform.platform()},
            "python": platform.python_version(),
            "datasette": datasette.__version__,
            "sqlite": sqlite3.sqlite_version,
            "commit": commit,
            "package_dirty": dirty,
            "package_changed_files": changed,
            "seed": self.args.seed,
            "loadavg_1m_at_start": round(os.getloadavg()[0], 2),
            "timeout_s": self.args.timeout,
            "command": " ".join([Path(sys.executable).name, "benchmarks/run.py", *sys.argv[1:]]),
        }

    # -- corpora -------------------------------------------------------------
    def corpus(self, n):
        """The path of an n-article corpus (prefixes of one seeded stream)."""
        return self.corpora[n]

    def make_corpora(self, sizes):
        digest = hashlib.sha1(Path(generate.__file__).read_bytes())
        for lexicon_file in sorted(Path(generate.LEXICONS).glob("*.yml")):
            digest.update(lexicon_file.read_bytes())
        tag = digest.hexdigest()[:8]
        sizes = sorted(set(sizes))
        paths = {n: self.work / f"corpus-{n}-s{self.args.seed}-{tag}.jsonl" for n in sizes}
        missing = [n for n in sizes if not paths[n].exists()]
        if missing:
            self.log(f"generating corpora {missing} (seed {self.args.seed})")
            start = time.perf_counter()
            generate._lex()
            top = max(missing)
            handles = {n: open(str(paths[n]) + ".tmp", "w", encoding="utf-8") for n in missing}
            for i, article in enumerate(generate.generate(top, self.args.seed)):
                line = json.dumps(article, ensure_ascii=False) + "\n"
                for n, fp in handles.items():
                    if i < n:
                        fp.write(line)
            for n, fp in handles.items():
                fp.close()
                os.replace(str(paths[n]) + ".tmp", paths[n])
            self.results["steps"]["generate"] = {"sizes": missing, "seconds": round(time.perf_counter() - start, 2)}
        self.corpora.update(paths)
        # Corpora bigger than a shard are loaded as a folder of JSONL files of
        # SHARD articles (an archive as it sits on disk): the loader refuses a
        # single file over its --max-bytes limit (50 MB by default).
        for n in sizes:
            if n > SHARD:
                folder = Path(str(paths[n])[: -len(".jsonl")])
                if not folder.is_dir():
                    tmp = Path(str(folder) + ".tmp")
                    shutil.rmtree(tmp, ignore_errors=True)
                    tmp.mkdir()
                    with open(paths[n], encoding="utf-8") as src:
                        part = None
                        for i, line in enumerate(src):
                            if i % SHARD == 0:
                                if part:
                                    part.close()
                                part = open(tmp / f"part-{i // SHARD:04d}.jsonl", "w", encoding="utf-8")
                            part.write(line)
                        if part:
                            part.close()
                    os.replace(tmp, folder)
                self.folders[n] = folder
        one = self.work / "corpus-1.jsonl"
        with open(paths[sizes[0]], encoding="utf-8") as src, open(one, "w", encoding="utf-8") as dst:
            dst.write(src.readline())
        self.corpora[1] = one

    # -- measurements --------------------------------------------------------
    def load(self, n, name, extra=(), timeout=None):
        db = self.work / f"{name}.db"
        remove_db(db)
        self.log(f"load {n:,} articles -> {db.name} {' '.join(extra)}")
        source = self.folders.get(n) or self.corpus(n)
        r = run_timed(
            [self.datasette, "factcheck", "load", str(db), str(source), *extra],
            timeout or self.args.timeout,
            self.logs / f"{name}.log",
        )
        r.update(
            articles=n,
            db=str(db),
            counts=db_counts(db),
            input=f"folder of {math.ceil(n / SHARD)} JSONL files" if n in self.folders else "one JSONL file",
        )
        if r["rc"] not in (0, None) and not r["timed_out"]:
            r["error"] = f"exit status {r['rc']}: {r['log_tail'][-300:]}"
        self.log(
            f"  {fmt_s(r['seconds'])}{' (timed out)' if r['timed_out'] else ''}, peak RSS {r['peak_rss_mb']} MB, {r['counts']}"
        )
        self.results["steps"][name] = r
        return r

    def bare_insert(self, n, repeat=3):
        times = []
        for _ in range(repeat):
            db = self.work / "bare.db"
            remove_db(db)
            r = run_timed(
                [self.sqlite_utils, "insert", str(db), "articles", str(self.corpus(n)), "--nl"],
                self.args.timeout,
                self.logs / "bare.log",
            )
            if r["rc"] != 0:
                r["error"] = f"exit status {r['rc']}"
                self.results["steps"]["bare_insert"] = r
                return r
            times.append(r["seconds"])
        r["seconds"] = round(statistics.median(times), 3)
        r["runs"] = times
        r["articles"] = n
        self.log(f"bare sqlite-utils insert {n:,}: {fmt_s(r['seconds'])} (median of {repeat})")
        self.results["steps"]["bare_insert"] = r
        return r

    def startup(self, repeat=3):
        times = []
        for _ in range(repeat):
            db = self.work / "startup.db"
            remove_db(db)
            r = run_timed(
                [self.datasette, "factcheck", "load", str(db), str(self.corpus(1))],
                self.args.timeout,
                self.logs / "startup.log",
            )
            times.append(r["seconds"])
        r["seconds"] = round(statistics.median(times), 3)
        r["runs"] = times
        self.log(f"start-up (load of 1 article): {fmt_s(r['seconds'])}")
        self.results["steps"]["startup"] = r
        return r["seconds"]

    def supports(self, option):
        try:
            text = subprocess.run(
                [self.datasette, "factcheck", "load", "--help"], capture_output=True, text=True, timeout=60
            ).stdout
        except (OSError, subprocess.TimeoutExpired):
            return False
        return option in text

    # -- figure 1, 2, 5 ------------------------------------------------------
    def figure_loads(self):
        a = self.args
        t0 = self.startup()
        small = self.load(a.growth_n, f"load-{a.growth_n}")
        main = self.load(a.articles, f"load-{a.articles}")
        bare = self.bare_insert(a.articles)

        copies = copy_scores(main["db"], self.corpus(a.articles))
        self.log(f"copies: {copies}")

        # (1) ratio
        f1 = {
            "articles": a.articles,
            "load_s": main["seconds"],
            "bare_insert_s": bare.get("seconds"),
            "timed_out": main["timed_out"],
            "counts": main["counts"],
            "startup_s": t0,
            "target": TARGETS["ratio"],
            "stretch": TARGETS["ratio_stretch"],
            "workers_default": default_workers(),
            "copies": copies,
        }
        if main.get("error") or bare.get("error"):
            f1["error"] = main.get("error") or bare.get("error")
        if bare.get("seconds"):
            f1["ratio"] = round(main["seconds"] / bare["seconds"], 1)
            f1["bound"] = "lower" if main["timed_out"] else None
            f1["met"] = judge(f1["ratio"], TARGETS["ratio"], f1["bound"])
        if main["counts"].get("articles") and main["seconds"]:
            f1["articles_per_s"] = round(main["counts"]["articles"] / main["seconds"], 1)
        self.results["figures"]["1_ratio"] = f1

        # (2) growth
        f2 = {
            "n": a.growth_n,
            "n5": a.articles,
            "t_n": small["seconds"],
            "t_5n": main["seconds"],
            "startup_s": t0,
            "timed_out": {"n": small["timed_out"], "5n": main["timed_out"]},
            "target": TARGETS["growth_exponent"],
        }
        scale = math.log(a.articles / a.growth_n)
        if not small["timed_out"]:
            f2["exponent"] = round(math.log(main["seconds"] / small["seconds"]) / scale, 2)
            if small["seconds"] > t0 and main["seconds"] > t0:
                f2["exponent_net_of_startup"] = round(
                    math.log((main["seconds"] - t0) / (small["seconds"] - t0)) / scale, 2
                )
            f2["bound"] = "lower" if main["timed_out"] else None
            f2["met"] = judge(f2["exponent"], TARGETS["growth_exponent"], f2["bound"])
        self.results["figures"]["2_growth"] = f2

        # (5) RSS: the load at N (above) and at 10N
        points = [
            {
                "articles": n,
                "peak_rss_mb": r["peak_rss_mb"],
                "peak_tree_pss_mb": r.get("peak_tree_pss_mb"),
                "seconds": r["seconds"],
                "timed_out": r["timed_out"],
                "stored": r["counts"].get("articles"),
                "input": r["input"],
                "error": r.get("error"),
            }
            for n, r in ((a.growth_n, small), (a.articles, main))
        ]
        if a.rss_large:
            predicted = self.extrapolate(main, a.articles, a.rss_large, t0)
            if predicted is not None and predicted > a.rss_timeout:
                points.append(
                    {
                        "articles": a.rss_large,
                        "skipped": True,
                        "predicted_s": round(predicted),
                        "reason": f"a linear extrapolation of the {a.articles:,}-article load gives >= {predicted:.0f} s, beyond --rss-timeout {a.rss_timeout}",
                    }
                )
                self.log(f"skip load of {a.rss_large:,}: predicted >= {predicted:.0f} s")
            else:
                big = self.load(a.rss_large, f"load-{a.rss_large}", timeout=a.rss_timeout)
                points.append(
                    {
                        "articles": a.rss_large,
                        "peak_rss_mb": big["peak_rss_mb"],
                        "peak_tree_pss_mb": big.get("peak_tree_pss_mb"),
                        "seconds": big["seconds"],
                        "timed_out": big["timed_out"],
                        "stored": big["counts"].get("articles"),
                        "input": big["input"],
                        "error": big.get("error"),
                    }
                )
                if big["seconds"]:
                    self.remove(big)
        for p in points:  # judged on the larger: one process's RSS, or all its processes together
            if p.get("peak_rss_mb") is not None:
                p["peak_mb"] = max(p["peak_rss_mb"], p.get("peak_tree_pss_mb") or 0)
        f5 = {"points": points, "target_mb": TARGETS["rss_mb"], "workers": default_workers()}
        done = [p for p in points if p.get("peak_mb") is not None and not p.get("error")]
        if any(p["peak_mb"] >= TARGETS["rss_mb"] for p in done):
            f5["met"] = False  # a peak already over the limit (even of a killed load) misses it
        elif len(done) >= 2 and not any(p["timed_out"] for p in done):
            # The two sizes (N and 10N); the growth-N point is printed, not judged:
            # below N the slots are smaller than a detection window, so less is held at once.
            base = next((p for p in done if p["articles"] == a.articles), done[0])
            f5["growth"] = round(done[-1]["peak_mb"] / base["peak_mb"], 2)
            f5["growth_between"] = [base["articles"], done[-1]["articles"]]
            # Flat: at 10N no more than rss_flat times the peak at N.
            flat = f5["growth"] <= TARGETS["rss_flat"]
            f5["met"] = False if not flat else (True if done[-1]["articles"] == a.rss_large else None)
        else:
            f5["met"] = None
        self.results["figures"]["5_rss"] = f5

        # (6) workers: one process against two, and figure 1 in one process
        if self.supports("--workers"):
            one = self.load(a.articles, f"load-{a.articles}-w1", extra=("--workers", "1"))
            # the default load above already ran with two workers where that is the default
            two = (
                main
                if f1["workers_default"] == 2
                else self.load(a.articles, f"load-{a.articles}-w2", extra=("--workers", "2"))
            )
            f6 = {
                "articles": a.articles,
                "t_1": one["seconds"],
                "t_2": two["seconds"],
                "timed_out": two["timed_out"] or one["timed_out"],
                "peak_rss_mb_1": one["peak_rss_mb"],
                "peak_rss_mb_2": two["peak_rss_mb"],
            }
            if two["seconds"] and not f6["timed_out"]:
                f6["speedup"] = round(one["seconds"] / two["seconds"], 2)
            self.results["figures"]["6_workers"] = f6
            if bare.get("seconds") and one["seconds"]:
                f1["ratio_one_process"] = round(one["seconds"] / bare["seconds"], 1)
                f1["load_one_process_s"] = one["seconds"]
            self.remove(one)
            if two is not main:
                self.remove(two)
        return small

    @staticmethod
    def extrapolate(step, n, n_next, t0):
        """Linear lower bound for a step n_next/n times larger."""
        if step["timed_out"]:
            stored = step["counts"].get("articles") or 0
            if stored:
                return t0 + (step["seconds"] - t0) * n_next / stored
            return step["seconds"] * n_next / n
        return t0 + max(0.0, step["seconds"] - t0) * n_next / n

    def remove(self, step):
        if not self.args.keep:
            remove_db(step["db"])

    # -- figure 3 and 4 ------------------------------------------------------
    def figure_detect(self, seed_db):
        a = self.args
        seed = self.work / "seed.db"
        remove_db(seed)
        src = sqlite3.connect(str(seed_db))
        dst = sqlite3.connect(str(seed))
        src.backup(dst)
        src.close()
        dst.close()
        points, dbs = [], {}
        t0 = None
        previous = None
        for size in a.claims:
            path = self.work / f"claims-{size}.db"
            self.log(f"build a database of {size:,} claims")
            start = time.perf_counter()
            info = build_claims_db(seed, path, size)
            info["build_s"] = round(time.perf_counter() - start, 1)
            self.log(f"  {info}")
            dbs[size] = path
            if t0 is None:
                empty = self.work / "claims-empty.db"
                remove_db(empty)
                build_claims_db(seed, empty, 0)
                r = run_timed(
                    [self.datasette, "factcheck", "detect", str(empty)], a.timeout, self.logs / "detect-empty.log"
                )
                t0 = r["seconds"]
                self.log(f"start-up (detect on an empty database): {fmt_s(t0)}")
            point = {"claims": info["claims"], "articles": info["articles"], "build_s": info["build_s"]}
            if previous and (previous.get("timed_out") or previous.get("skipped")):
                base = previous.get("seconds") or previous.get("predicted_s")
                predicted = t0 + (base - t0) * info["claims"] / previous["claims"]
                if predicted > 1.5 * a.timeout:
                    point.update(
                        skipped=True,
                        predicted_s=round(predicted),
                        reason=f"the {previous['claims']:,}-claim run already needed >= {base:.0f} s; linear extrapolation >= {predicted:.0f} s",
                    )
                    self.log(f"skip detect on {size:,} claims: predicted >= {predicted:.0f} s")
                    points.append(point)
                    previous = point
                    continue
            self.log(f"detect on {info['claims']:,} claims")
            r = run_timed(
                [self.datasette, "factcheck", "detect", str(path)], a.timeout, self.logs / f"detect-{size}.log"
            )
            counts = db_counts(path)
            point.update(
                seconds=r["seconds"],
                timed_out=r["timed_out"],
                peak_rss_mb=r["peak_rss_mb"],
                contradictions=counts.get("contradictions"),
                rc=r["rc"],
            )
            if r["rc"] not in (0, None) and not r["timed_out"]:
                point["error"] = r["log_tail"][-300:]
            self.log(
                f"  {fmt_s(r['seconds'])}{' (timed out)' if r['timed_out'] else ''}, {counts.get('contradictions')} contradictions, peak RSS {r['peak_rss_mb']} MB"
            )
            points.append(point)
            previous = point
        f3 = {"points": points, "startup_s": t0, "target": TARGETS["detect_exponent"]}
        ok = lambda p: p.get("seconds") is not None and not p.get("timed_out") and not p.get("error")  # noqa: E731
        segments = []
        for a_, b_ in zip(points, points[1:]):
            if not ok(a_) or b_.get("skipped") or b_.get("error") or b_.get("seconds") is None:
                continue
            seg = {
                "from": a_["claims"],
                "to": b_["claims"],
                "exponent": round(math.log(b_["seconds"] / a_["seconds"]) / math.log(b_["claims"] / a_["claims"]), 2),
                "bound": "lower" if b_.get("timed_out") else None,
            }
            if t0 and not b_.get("timed_out") and a_["seconds"] > t0 and b_["seconds"] > t0:
                seg["exponent_net_of_startup"] = round(
                    math.log((b_["seconds"] - t0) / (a_["seconds"] - t0)) / math.log(b_["claims"] / a_["claims"]), 2
                )
            segments.append(seg)
        f3["segments"] = segments
        done = [p for p in points if ok(p)]
        if len(done) >= 2:
            xs = [math.log(p["claims"]) for p in done]
            f3["exponent_fit"] = round(slope(xs, [math.log(p["seconds"]) for p in done]), 2)
        if segments:
            # The headline: the steepest growth measured (a lower bound counts when it is steeper).
            worst = max(segments, key=lambda g: g["exponent"])
            f3["exponent"], f3["bound"] = worst["exponent"], worst["bound"]
            verdicts = [judge(g["exponent"], TARGETS["detect_exponent"], g["bound"]) for g in segments]
            f3["met"] = False if False in verdicts else (None if None in verdicts or len(points) > len(done) else True)
        self.results["figures"]["3_detect"] = f3
        return dbs, points

    def figure_pages(self, dbs, points):
        a = self.args
        size = max(dbs)
        path = dbs[size]
        point = points[-1]
        source = "detect"
        if not point.get("seconds") or point.get("timed_out") or point.get("skipped") or point.get("error"):
            # Detection did not finish on the big database: give it the flags of
            # the largest database where it did (same claim ids: the copies are built alike).
            donors = [
                (p, dbs[s])
                for p, s in zip(points, a.claims)
                if p.get("seconds") and not p.get("timed_out") and not p.get("error")
            ]
            if donors:
                donor = donors[-1]
                before = db_counts(path).get("contradictions") or 0
                n = copy_contradictions(donor[1], path)
                source = (
                    f"{before:,} flags written by the unfinished detect, plus {n:,} copied from the "
                    f"{donor[0]['claims']:,}-claim database where detect finished"
                )
            else:
                source = "none: detect finished on no database"
        counts = db_counts(path)
        self.log(
            f"pages on {counts.get('claims'):,} claims, {counts.get('contradictions'):,} contradictions ({source})"
        )
        f4 = {
            "claims": counts.get("claims"),
            "contradictions": counts.get("contradictions"),
            "contradictions_source": source,
            "requests": a.requests,
            "target": TARGETS["page_ratio"],
        }
        try:
            f4["pages"] = asyncio.run(measure_pages(path, a.requests, a.page_budget))
        except Exception as e:  # the harness must survive a broken view
            f4["error"] = f"{type(e).__name__}: {e}"
            self.results["figures"]["4_pages"] = f4
            return
        table = f4["pages"].get("table", {})
        ratios = {}
        if table.get("median_ms"):
            for name, page in f4["pages"].items():
                if name != "table" and page.get("median_ms") is not None:
                    ratios[name] = {
                        "median": round(page["median_ms"] / table["median_ms"], 2),
                        "p95": round(page["p95_ms"] / table["p95_ms"], 2),
                    }
        f4["ratios"] = ratios
        required = ["index", "contradiction", "entity"]
        pages = f4["pages"]
        if any(pages.get(r, {}).get("errors") for r in required):
            f4["met"] = False  # a page that fails at this size misses the target whatever its latency
        elif all(r in ratios for r in required):
            f4["met"] = all(ratios[r]["median"] <= TARGETS["page_ratio"] for r in required)
        else:
            f4["met"] = None
        self.results["figures"]["4_pages"] = f4

    # -- output --------------------------------------------------------------
    def table(self):
        F = self.results["figures"]
        rows = []

        quick = self.args.quick

        def status(met):
            if quick:
                return "n/a (quick)"
            return {True: "met", False: "MISSED", None: "unknown"}[met]

        f1 = F.get("1_ratio", {})
        if f1:
            rows.append(
                (
                    "1 load vs bare insert",
                    f"{f1['articles']:,} articles",
                    bound_text(f1.get("ratio"), f1.get("bound"), lambda v: f"{v}x")
                    + f"  (load {fmt_s(f1['load_s'])}"
                    + (f" killed with {(f1['counts'].get('articles') or 0):,} stored" if f1["timed_out"] else "")
                    + f", insert {fmt_s(f1.get('bare_insert_s'))}; default --workers: {f1.get('workers_default', '?')})"
                    + (
                        f"; one process {f1['ratio_one_process']}x ({fmt_s(f1['load_one_process_s'])})"
                        if f1.get("ratio_one_process")
                        else ""
                    ),
                    "<= 10x (stretch 5x)",
                    status(f1.get("met")),
                )
            )
            c = f1.get("copies") or {}
            if "found" in c:
                rows.append(
                    (
                        "  copies found",
                        f"{c['copies']:,} copies",
                        f"{c['found']:,} found, {c['missed']:,} missed, {c['false']:,} filed as copies wrongly",
                        "",
                        "",
                    )
                )
        f2 = F.get("2_growth", {})
        if f2:
            net = f2.get("exponent_net_of_startup")
            rows.append(
                (
                    "2 load growth",
                    f"{f2['n']:,} -> {f2['n5']:,} articles",
                    bound_text(f2.get("exponent"), f2.get("bound"), lambda v: f"exponent {v}")
                    + (f" (net of start-up {net})" if net is not None else "")
                    + f"  ({fmt_s(f2['t_n'])} -> {fmt_s(f2['t_5n'])})",
                    "<= 1.1",
                    status(f2.get("met")),
                )
            )
        f3 = F.get("3_detect", {})
        if f3:
            parts = []
            for p in f3["points"]:
                if p.get("skipped"):
                    parts.append(f"{p['claims']:,}: skipped (>= {p['predicted_s']:.0f} s)")
                elif p.get("error"):
                    parts.append(f"{p['claims']:,}: error")
                else:
                    parts.append(f"{p['claims']:,}: {'>= ' if p.get('timed_out') else ''}{fmt_s(p.get('seconds'))}")
            segs = "; ".join(
                f"{short(g['from'])}->{short(g['to'])} {'>= ' if g['bound'] else ''}{g['exponent']}"
                + (f" (net {g['exponent_net_of_startup']})" if g.get("exponent_net_of_startup") is not None else "")
                for g in f3.get("segments", [])
            )
            rows.append(
                (
                    "3 detect alone",
                    "claims " + " / ".join(f"{p['claims']:,}" for p in f3["points"]),
                    (f"exponent {segs}" if segs else "exponent not measured") + "  (" + "; ".join(parts) + ")",
                    "<= 1.1",
                    status(f3.get("met")),
                )
            )
        f4 = F.get("4_pages", {})
        if f4:
            where = f"{(f4.get('claims') or 0):,} claims, {(f4.get('contradictions') or 0):,} flags"
            if f4.get("error"):
                rows.append(("4 pages", where, f"error: {f4['error']}", "<= 2x table page", "unknown"))
            for name, page in (f4.get("pages") or {}).items():
                if page.get("median_ms") is None:
                    text = page.get("state", "missing")
                else:
                    r = (f4.get("ratios") or {}).get(name)
                    text = f"median {page['median_ms']:.0f} ms, p95 {page['p95_ms']:.0f} ms" + (
                        f"  ({r['median']}x table)" if r else ""
                    )
                    if page.get("errors"):
                        text += f"; {page['state']}"
                verdict = ""
                if name in ("index", "contradiction", "entity"):
                    if page.get("median_ms") is None:
                        verdict = status(None)
                    else:
                        ratio = (f4.get("ratios") or {}).get(name, {}).get("median")
                        verdict = status(
                            not page.get("errors") and ratio is not None and ratio <= TARGETS["page_ratio"]
                        )
                rows.append(
                    (
                        f"4 page {name}",
                        where if name == "index" else page.get("path", ""),
                        text,
                        (
                            "<= 2x table page"
                            if name in ("index", "contradiction", "entity")
                            else "baseline" if name == "table" else ""
                        ),
                        verdict,
                    )
                )
        f5 = F.get("5_rss", {})
        if f5:
            parts = []
            for p in f5["points"]:
                if p.get("skipped"):
                    parts.append(f"{p['articles']:,}: skipped (load >= {p['predicted_s']:.0f} s)")
                elif p.get("error"):
                    parts.append(f"{p['articles']:,}: load failed ({p['error'][:80]})")
                else:
                    note = (
                        f", killed after {fmt_s(p['seconds'])} with {p.get('stored') or 0:,} stored"
                        if p.get("timed_out")
                        else ""
                    )
                    tree = f" ({p['peak_tree_pss_mb']:.0f})" if p.get("peak_tree_pss_mb") else ""
                    parts.append(
                        f"{p['articles']:,}: {'>= ' if p.get('timed_out') else ''}{p['peak_rss_mb']:.0f}{tree} MB{note}"
                    )
            rows.append(
                (
                    "5 peak RSS of load",
                    " / ".join(f"{p['articles']:,}" for p in f5["points"]),
                    "; ".join(parts)
                    + f"  (largest process (all {f5.get('workers', '?')} workers and the writer, PSS))"
                    + (
                        f"; {f5['growth_between'][0]:,} -> {f5['growth_between'][1]:,}: {f5['growth']}x"
                        if f5.get("growth")
                        else ""
                    ),
                    "flat, < 500 MB",
                    status(f5.get("met")),
                )
            )
        f6 = F.get("6_workers")
        if f6:
            rows.append(
                (
                    "6 --workers 2 vs 1",
                    f"{f6['articles']:,} articles",
                    (f"speed-up {f6['speedup']}x" if f6.get("speedup") else "not measured")
                    + f"  ({fmt_s(f6['t_1'])} -> {fmt_s(f6['t_2'])}"
                    + (
                        f"; peak RSS {f6['peak_rss_mb_1']:.0f} -> {f6['peak_rss_mb_2']:.0f} MB)"
                        if f6.get("peak_rss_mb_2")
                        else ")"
                    ),
                    ">= 1.7x",
                    status(f6["speedup"] >= 1.7) if f6.get("speedup") else "unknown",
                )
            )
        return rows

    def print_table(self):
        rows = self.table()
        headers = ("figure", "size", "measured", "target", "status")
        widths = [max(len(str(r[i])) for r in rows + [headers]) for i in range(5)]
        lines = [" | ".join(h.ljust(w) for h, w in zip(headers, widths)), "-+-".join("-" * w for w in widths)]
        for r in rows:
            lines.append(" | ".join(str(c).ljust(w) for c, w in zip(r, widths)))
        text = "\n".join(lines)
        m = self.results["meta"]
        print(
            f"\ndatasette-factcheck benchmarks ({m['mode']}, {'snapshot of ' if m.get('measured', '').startswith('snapshot') else ''}commit {m['commit']}{' + local changes' if m['package_dirty'] else ''}, "
            f"{m['machine']['cores']} cores, {m['machine']['cpu']}, Python {m['python']}, Datasette {m['datasette']}, SQLite {m['sqlite']}; "
            f"load average {m.get('loadavg_1m_at_start')} at start, {m.get('loadavg_1m_max_seen', '?')} at most)"
        )
        print(text)
        self.results["table"] = [dict(zip(headers, r)) for r in rows]
        return text

    def write(self):
        path = self.out / "results.json"
        path.write_text(json.dumps(self.results, indent=2, ensure_ascii=False) + "\n")
        print(f"\nresults: {path}")


# ----------------------------------------------------------------------------
# Claims databases for the detect benchmark


def copy_scores(db_path, corpus_path):
    """How the loaded database's ``duplicate_of`` matches the generator's
    ``copy_of``: copies found (filed under their original), missed, and
    articles filed as copies that are none."""
    truth = {}
    with open(corpus_path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            truth[record["id"]] = record.get("copy_of")
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        stored = conn.execute("select ref, id, duplicate_of from articles").fetchall()
        conn.close()
    except sqlite3.Error as e:
        return {"error": str(e)}
    id_of = {ref: i for ref, i, _ in stored}
    scores = {"copies": sum(1 for c in truth.values() if c), "found": 0, "missed": 0, "false": 0}
    for ref, _, duplicate_of in stored:
        if ref not in truth:
            continue
        original = truth[ref]
        if original:
            scores["found" if duplicate_of and duplicate_of == id_of.get(original) else "missed"] += 1
        elif duplicate_of:
            scores["false"] += 1
    return scores


def default_workers():
    """The --workers a plain load uses, from the package measured (1 before it had one)."""
    try:
        from datasette_factcheck.cli import default_workers as workers
    except ImportError:
        return 1
    return workers()


def judge(value, target, bound):
    """True/False when the figure settles the target, None when a lower bound does not."""
    if bound == "lower":
        return False if value > target else None
    return value <= target


def slope(xs, ys):
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else float("nan")


def _plain(value):
    if value is None:
        return None
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _shift(value, days):
    """Shift an ISO date or datetime (any precision we store) by days."""
    if not value or not days:
        return value
    text = str(value)
    try:
        if len(text) == 4 and text.isdigit():
            return str(int(text) + days // 365)
        if len(text) == 7:
            d = dt.date.fromisoformat(text + "-01") + dt.timedelta(days=days)
            return f"{d.year:04d}-{d.month:02d}"
        d = dt.date.fromisoformat(text[:10]) + dt.timedelta(days=days)
        return d.isoformat() + text[10:]
    except ValueError:
        return value


def _lexicon_entities():
    import yaml

    data = yaml.safe_load((generate.LEXICONS / "entities.yml").read_text(encoding="utf-8"))
    return {e["id"] for e in data["entities"]}


def _columns(conn, schema, table):
    return [r[1] for r in conn.execute(f"pragma {schema}.table_info([{table}])")]


def build_claims_db(seed, path, target):
    """A database made by store.open_db holding about ``target`` claims copied
    (with per-copy ids, invented entities, scaled numbers, shifted dates) from
    the seed database. {"claims", "articles", "copies"}."""
    from datasette_factcheck import store

    remove_db(path)
    db = store.open_db(str(path))
    db.conn.close()
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("pragma journal_mode = wal")
    conn.execute("attach database ? as seed", [str(seed)])
    lexicon_ids = _lexicon_entities()
    seed_entities = {r[0] for r in conn.execute("select id from seed.entities")}
    invented = seed_entities - lexicon_ids
    state = {"r": 0}

    def rid(value):
        r = state["r"]
        return value if (r == 0 or value is None) else f"{value}~{r}"

    def subject(value):
        return rid(value) if value in invented else value

    def factor():
        r = state["r"]
        return 1.0 if r == 0 else 1 + ((r * 3) % 10) / 10

    def num(value):
        if value is None:
            return None
        scaled = value * factor()
        return float(round(scaled)) if value == int(value) else round(scaled, 3)

    def claim_value(kind, value, value_num):
        if kind == "number" and value_num is not None:
            return _plain(num(value_num))
        if kind == "date":
            return _shift(value, state["r"] * 41)
        return value

    conn.create_function("fc_id", 1, rid)
    conn.create_function("fc_subject", 1, subject)
    conn.create_function("fc_num", 1, num)
    conn.create_function("fc_value", 3, claim_value)
    conn.create_function("fc_shift", 1, lambda v: _shift(v, state["r"] * 41))

    special = {
        "articles": {
            "id": "fc_id(id)",
            "duplicate_of": "fc_id(duplicate_of)",
            "ref": "fc_id(ref)",
            "content_hash": "fc_id(content_hash)",
            "published": "fc_shift(published)",
            "url": "fc_id(url)",
        },
        "claims": {
            "id": "fc_id(id)",
            "article_id": "fc_id(article_id)",
            "subject": "fc_subject(subject)",
            "value": "fc_value(kind, value, value_num)",
            "value_num": "fc_num(value_num)",
            "value_low": "fc_num(value_low)",
            "value_high": "fc_num(value_high)",
            "as_of": "fc_shift(as_of)",
        },
        "entities": {"id": "fc_id(id)"},
        "entity_aliases": {"alias": "fc_id(alias)", "entity_id": "fc_id(entity_id)"},
    }

    def copy_sql(table, where):
        cols = [c for c in _columns(conn, "main", table) if c in set(_columns(conn, "seed", table))]
        exprs = [special.get(table, {}).get(c, f"[{c}]") for c in cols]
        return f"insert or ignore into main.[{table}] ({', '.join(f'[{c}]' for c in cols)}) select {', '.join(exprs)} from seed.[{table}] {where}"

    per_article = conn.execute(
        "select a.rowid, (select count(*) from seed.claims c where c.article_id = a.id) from seed.articles a order by a.rowid"
    ).fetchall()
    per_copy = sum(n for _, n in per_article)
    conn.execute("begin")
    conn.execute(copy_sql("entities", ""))
    conn.execute(copy_sql("entity_aliases", ""))
    conn.execute("commit")
    total = articles = copies = 0
    if target and per_copy:
        r = 0
        while total < target:
            state["r"] = r
            need = target - total
            cut, got = None, 0
            if need < per_copy:
                for rowid, n in per_article:
                    got += n
                    if got >= need:
                        cut = rowid
                        break
            where = "" if cut is None else f"where rowid <= {cut}"
            conn.execute("begin")
            if r > 0:
                inv = ",".join("'" + e.replace("'", "''") + "'" for e in invented) or "''"
                conn.execute(copy_sql("entities", f"where id in ({inv})"))
                conn.execute(copy_sql("entity_aliases", f"where entity_id in ({inv})"))
            conn.execute(copy_sql("articles", where))
            conn.execute(
                copy_sql("claims", "" if cut is None else f"where article_id in (select id from seed.articles {where})")
            )
            conn.execute("commit")
            total += per_copy if cut is None else got
            articles += len(per_article) if cut is None else sum(1 for rowid, _ in per_article if rowid <= cut)
            copies += 1
            r += 1
    conn.execute("detach database seed")
    claims = conn.execute("select count(*) from claims").fetchone()[0]
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.close()
    return {"claims": claims, "articles": articles, "copies": copies, "seed_claims_per_copy": per_copy}


def copy_contradictions(donor, path):
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("attach database ? as donor", [str(donor)])
    cols = [c for c in _columns(conn, "main", "contradictions") if c in set(_columns(conn, "donor", "contradictions"))]
    names = ", ".join(f"[{c}]" for c in cols)
    conn.execute("begin")
    n = conn.execute(
        f"insert or ignore into main.contradictions ({names}) select {names} from donor.contradictions"
    ).rowcount
    conn.execute("commit")
    conn.execute("detach database donor")
    conn.close()
    return n


# ----------------------------------------------------------------------------
# Page latency, through Datasette's in-process client


async def measure_pages(path, requests, budget):
    from datasette.app import Datasette

    name = Path(path).stem
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    top = conn.execute("select max(rowid) from contradictions").fetchone()[0] or 0
    step = max(1, top // 25)
    flags = [r[0] for r in conn.execute(f"select id from contradictions where rowid % {step} = 0 limit 25")]
    busy = [
        r[0]
        for r in conn.execute(
            "select subject from claims where subject is not null group by subject order by count(*) desc limit 5"
        )
    ]
    conn.close()
    ds = Datasette([str(path)])
    pages = {
        "index": [f"/-/factcheck/{name}"],
        "contradiction": [f"/-/factcheck/{name}/contradiction/{f}" for f in flags],
        "entity": [f"/-/factcheck/{name}/entity/{e}" for e in busy],
        "table": [f"/{name}/contradictions"],
        "index.json": [f"/-/factcheck/{name}.json"],
    }
    out = {}
    for page, paths in pages.items():
        if not paths:
            out[page] = {"state": "no ids to request (empty table)"}
            continue
        start = time.perf_counter()
        first = await ds.client.get(paths[0])  # warm-up, not counted
        first_ms = round((time.perf_counter() - start) * 1000, 1)
        if first.status_code == 404:
            out[page] = {"path": paths[0], "status": 404, "state": "missing (404)", "first_ms": first_ms}
            continue
        times, statuses, failures = [], {}, []
        spent = 0.0
        for i in range(requests):
            p = paths[i % len(paths)]
            start = time.perf_counter()
            response = await ds.client.get(p)
            elapsed = time.perf_counter() - start
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            if response.status_code != 200 and len(failures) < 3:
                failures.append({"path": p, "status": response.status_code, "ms": round(elapsed * 1000, 1)})
            times.append(elapsed * 1000)
            spent += elapsed
            if spent > budget:
                break
        times.sort()
        errors = sum(n for code, n in statuses.items() if code != 200)
        out[page] = {
            "path": paths[0],
            "status": 200 if not errors else max(statuses, key=lambda c: (c != 200, statuses[c])),
            "n": len(times),
            "errors": errors,
            "failures": failures,
            "median_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[min(len(times) - 1, math.ceil(0.95 * len(times)) - 1)], 1),
            "max_ms": round(times[-1], 1),
            "first_ms": first_ms,
            "first_status": first.status_code,
            "statuses": statuses,
            "distinct_paths": len(paths),
        }
        if errors:
            out[page][
                "state"
            ] = f"{errors}/{len(times)} requests failed ({', '.join(str(c) for c in statuses if c != 200)})"
    return out


# ----------------------------------------------------------------------------


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="tiny sizes for CI (seconds); asserts nothing about time")
    p.add_argument(
        "--articles", type=int, help=f"N for the ratio and 5N of the growth figure (full: {FULL['articles']:,})"
    )
    p.add_argument("--growth-n", type=int, help=f"the smaller load of the growth figure (full: {FULL['growth_n']:,})")
    p.add_argument(
        "--rss-large", type=int, help=f"the large load of the RSS figure, 0 to skip (full: {FULL['rss_large']:,})"
    )
    p.add_argument("--claims", help="comma-separated claim counts for detect (full: 10000,100000,1000000)")
    p.add_argument("--requests", type=int, help="requests per page (full: 20)")
    p.add_argument("--page-budget", type=float, default=90.0, help="seconds of requests per page at most")
    p.add_argument("--timeout", type=float, help="seconds any one measured command may run (full: 600)")
    p.add_argument(
        "--rss-timeout",
        type=float,
        help="time limit of the large load of the RSS figure, skipped when a linear extrapolation exceeds it (full: 1500)",
    )
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", default=str(HERE / "out"), help="where results.json, corpora and databases go")
    p.add_argument("--keep", action="store_true", help="keep the big databases (they are removed to save disk)")
    p.add_argument("--only", help="comma-separated subset of: loads,detect,pages (pages needs detect)")
    p.add_argument(
        "--snapshot",
        metavar="REV",
        help="measure the package as committed at REV (e.g. HEAD), not the working tree others may be editing",
    )
    args = p.parse_args(argv)
    base = QUICK if args.quick else FULL
    for key, value in base.items():
        if getattr(args, key, None) is None:
            setattr(args, key, value)
    if isinstance(args.claims, str):
        args.claims = [int(x.replace("_", "")) for x in args.claims.split(",") if x.strip()]
    args.claims = sorted(args.claims)
    args.only = set((args.only or "loads,detect,pages").split(","))
    return args


def use_snapshot(rev, out):
    """Measure the package as of a git revision, whatever the working tree
    holds: extract it and put it first on the import path of this process and
    of every command it runs (the editable install's finder comes after
    sys.path). Returns (full sha, folder)."""
    sha = subprocess.run(["git", "rev-parse", rev], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    folder = Path(out) / f"snapshot-{sha[:12]}"
    if not (folder / "datasette_factcheck").is_dir():
        tmp = Path(str(folder) + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        archive = subprocess.run(
            ["git", "archive", sha, "datasette_factcheck"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(tmp)], input=archive, check=True)
        shutil.rmtree(folder, ignore_errors=True)
        os.replace(tmp, folder)
    sys.path.insert(0, str(folder))
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(folder)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    )
    generate.LEXICONS = folder / "datasette_factcheck" / "lexicons"
    return sha, folder


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    snapshot = None
    if args.snapshot:
        snapshot = use_snapshot(args.snapshot, Path(args.out).resolve())
    h = Harness(args)
    if snapshot:
        h.results["meta"].update(
            measured=f"snapshot of {args.snapshot} ({snapshot[0][:12]})",
            commit=snapshot[0][:12],
            package_dirty=False,
            package_changed_files=[],
        )
    else:
        h.results["meta"]["measured"] = "working tree"
    import datasette_factcheck

    h.results["meta"]["package_path"] = str(Path(datasette_factcheck.__file__).parent)
    start = time.perf_counter()
    h.make_corpora([args.growth_n, args.articles] + ([args.rss_large] if args.rss_large else []))
    seed_db = h.work / f"load-{args.growth_n}.db"
    try:
        if "loads" in args.only:
            h.figure_loads()
        if {"detect", "pages"} & args.only:
            if not seed_db.exists():
                h.load(args.growth_n, f"load-{args.growth_n}", extra=("--no-detect",))
            dbs, points = h.figure_detect(seed_db)
            if "pages" in args.only:
                h.figure_pages(dbs, points)
            if not args.keep:
                for size, path in dbs.items():
                    if size != max(dbs):
                        remove_db(path)
    finally:
        h.results["meta"]["total_s"] = round(time.perf_counter() - start, 1)
        h.results["meta"]["loadavg_1m_at_end"] = round(os.getloadavg()[0], 2)
        # Other work on the machine skews wall times: say how busy it was.
        h.results["meta"]["loadavg_1m_max_seen"] = max(
            [h.results["meta"]["loadavg_1m_at_start"], h.results["meta"]["loadavg_1m_at_end"]]
            + [v.get("loadavg_1m_after", 0) for v in h.results["steps"].values() if isinstance(v, dict)]
        )
        h.print_table()
        h.write()


if __name__ == "__main__":
    main()
