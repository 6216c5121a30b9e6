"""A bounded load test of the factcheck pages under `datasette serve`.

    .venv/bin/python benchmarks/loadtest.py                     # seeds database, 50 clients, 30 s
    .venv/bin/python benchmarks/loadtest.py --db some.db --clients 20 --seconds 10

Starts `datasette serve DB` on 127.0.0.1 with a free port (loopback only: the
server is never bound to another interface and no other host is ever
contacted), then runs N client threads (stdlib http.client, one keep-alive
connection each) for a fixed time, each cycling over the factcheck pages:
the contradictions index (HTML and JSON, with and without filters), every
contradiction page, article page and entity page of the database (up to
``--max-pages`` of each kind). Prints requests, errors (non-200 responses and
connection failures), throughput and latency percentiles, overall and per
page kind, and exits non-zero if there were errors.

Bounded: at most ``--clients`` (<= 200) threads, ``--seconds`` (<= 300) of
load, ``--max-requests`` in total, and a per-request timeout. Without ``--db``
it loads seeds/ into a temporary database first with `datasette factcheck
load`.
"""

import argparse
import http.client
import json
import os
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def tilde(value):
    from datasette.utils import tilde_encode

    return tilde_encode(str(value))


def pages(db_path, name, max_pages):
    """(kind, path) for the pages to request."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        flags = [r[0] for r in conn.execute("select id from contradictions order by id limit ?", [max_pages])]
        articles = [r[0] for r in conn.execute("select id from articles order by id limit ?", [max_pages])]
        entities = [
            r[0]
            for r in conn.execute(
                "select distinct subject from claims where subject is not null order by subject limit ?", [max_pages]
            )
        ]
    finally:
        conn.close()
    base = f"/-/factcheck/{quote(name)}"
    out = [
        ("index", base),
        ("index.json", base + ".json"),
        ("index", base + "?kind=stance"),
        ("index.json", base + ".json?relation=conflict&_sort=date"),
        ("index", base + "?_search=Korea"),
    ]
    out += [("contradiction", f"{base}/contradiction/{tilde(i)}") for i in flags]
    out += [("contradiction.json", f"{base}/contradiction/{tilde(i)}.json") for i in flags[:10]]
    out += [("article", f"{base}/article/{tilde(i)}") for i in articles]
    out += [("entity", f"{base}/entity/{tilde(i)}") for i in entities]
    return out


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {}  # kind -> [seconds]
        self.errors = []
        self.requests = 0

    def add(self, kind, seconds, error=None):
        with self.lock:
            self.requests += 1
            self.latencies.setdefault(kind, []).append(seconds)
            if error is not None:
                self.errors.append((kind, error))


def client(index, targets, port, deadline, stats, budget, timeout):
    conn = None
    order = list(targets)
    random.Random(index).shuffle(order)  # each client visits every page, in its own order
    i = 0
    while time.monotonic() < deadline:
        with budget["lock"]:
            if budget["left"] <= 0:
                return
            budget["left"] -= 1
        kind, path = order[i % len(order)]
        i += 1
        start = time.perf_counter()
        error = None
        try:
            if conn is None:
                conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
            conn.request("GET", path, headers={"Connection": "keep-alive"})
            response = conn.getresponse()
            body = response.read()
            if response.status != 200:
                error = f"{response.status} {path}"
            elif not body:
                error = f"empty body {path}"
            if response.getheader("connection", "").lower() == "close":
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException) as e:
            error = f"{type(e).__name__}: {e} {path}"
            if conn is not None:
                conn.close()
            conn = None
        stats.add(kind, time.perf_counter() - start, error)
    if conn is not None:
        conn.close()


def percentile(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def wait_ready(port, path, server, limit=60):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"datasette serve exited with {server.returncode}: {server.stderr.read()}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=5)
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            conn.close()
            if response.status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("datasette serve did not answer in time")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="a factcheck database (default: seeds/ loaded into a temporary one)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--max-pages", type=int, default=50, help="at most this many pages of each kind")
    parser.add_argument("--timeout", type=float, default=30, help="per-request timeout in seconds")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if not 1 <= args.clients <= 200:
        parser.error("--clients must be between 1 and 200")
    if not 0 < args.seconds <= 300:
        parser.error("--seconds must be in (0, 300]")

    with tempfile.TemporaryDirectory() as tmp:
        if args.db:
            db = Path(args.db).resolve()
        else:
            db = Path(tmp) / "seeds.db"
            run = subprocess.run(
                [sys.executable, "-m", "datasette", "factcheck", "load", str(db), str(ROOT / "seeds"), "--silent"],
                capture_output=True,
                text=True,
                timeout=300,
            )
            if run.returncode != 0:
                raise SystemExit(f"loading seeds failed: {run.stderr}")
        name = db.stem
        targets = pages(db, name, args.max_pages)
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "datasette", "serve", str(db), "-h", HOST, "-p", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            wait_ready(port, targets[0][1], server)
            stats = Stats()
            budget = {"left": args.max_requests, "lock": threading.Lock()}
            started = time.monotonic()
            deadline = started + args.seconds
            threads = [
                threading.Thread(
                    target=client, args=(i, targets, port, deadline, stats, budget, args.timeout), daemon=True
                )
                for i in range(args.clients)
            ]
            for t in threads:
                t.start()
            for t in threads:
                t.join(args.seconds + args.timeout + 10)
            elapsed = time.monotonic() - started
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()

    everything = [v for values in stats.latencies.values() for v in values]
    figures = {
        "database": str(db) if args.db else "seeds (5 articles)",
        "clients": args.clients,
        "seconds": round(elapsed, 1),
        "pages": len(targets),
        "requests": stats.requests,
        "errors": len(stats.errors),
        "requests_per_second": round(stats.requests / elapsed, 1),
        "p50_ms": round(percentile(everything, 50) * 1000, 1),
        "p95_ms": round(percentile(everything, 95) * 1000, 1),
        "p99_ms": round(percentile(everything, 99) * 1000, 1),
        "max_ms": round(max(everything) * 1000, 1) if everything else None,
        "by_kind": {
            kind: {
                "requests": len(v),
                "p50_ms": round(percentile(v, 50) * 1000, 1),
                "p95_ms": round(percentile(v, 95) * 1000, 1),
            }
            for kind, v in sorted(stats.latencies.items())
        },
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
    }
    print(f"datasette serve on {HOST}:{port}, {figures['database']}, {len(targets)} distinct pages")
    print(
        f"{args.clients} clients for {elapsed:.1f} s: {stats.requests} requests, {len(stats.errors)} errors, "
        f"{figures['requests_per_second']} req/s"
    )
    print(
        f"latency p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, p99 {figures['p99_ms']} ms, max {figures['max_ms']} ms"
    )
    for kind, f in figures["by_kind"].items():
        print(f"  {kind:<20} {f['requests']:>7} requests  p50 {f['p50_ms']:>8} ms  p95 {f['p95_ms']:>8} ms")
    for kind, error in stats.errors[:10]:
        print(f"  error: {kind}: {error}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 1 if stats.errors else 0


if __name__ == "__main__":
    sys.exit(main())
