"""Flat hotspot tables from a pyinstrument session (for PROFILE.md).

    .venv/bin/python benchmarks/hotspots.py SESSION.pyisession [--top 25]

Prints two Markdown tables: functions by self time, and the package's own
functions (datasette_factcheck) by cumulative time, each as % of the profile.
Needs pyinstrument (install it into the venv for the measurement only).
"""

import argparse
import pstats
import subprocess
import sys
import tempfile
from pathlib import Path


def load(session):
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "profile.pstats"
        pyinstrument = Path(sys.executable).parent / "pyinstrument"
        subprocess.run([str(pyinstrument), "--load", str(session), "-r", "pstats", "-o", str(out)], check=True)
        return pstats.Stats(str(out))


def name(key):
    filename, line, func = key
    for marker in ("site-packages/", "datasette_factcheck/", "lib/python3"):
        if marker in filename:
            filename = (
                filename.split(marker, 1)[1]
                if marker != "datasette_factcheck/"
                else "datasette_factcheck/" + filename.split(marker, 1)[1]
            )
            break
    return f"{func} ({filename}:{line})"


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("session")
    p.add_argument("--top", type=int, default=25)
    args = p.parse_args(argv)
    stats = load(args.session).stats
    # Sum of self times = the profiled wall time (cumulative times of recursive
    # functions such as click's invoke are counted twice by pstats).
    total = sum(v[2] for v in stats.values())
    own = sorted(stats.items(), key=lambda kv: kv[1][2], reverse=True)
    print(f"Total profiled: {total:.1f} s\n")
    print("| self % | self s | function |\n|---:|---:|---|")
    for key, v in own[: args.top]:
        print(f"| {100 * v[2] / total:.1f} | {v[2]:.1f} | {name(key)} |")
    print("\n| cumulative % | cumulative s | package function |\n|---:|---:|---|")
    ours = [(k, v) for k, v in stats.items() if "datasette_factcheck" in k[0]]
    for key, v in sorted(ours, key=lambda kv: kv[1][3], reverse=True)[: args.top]:
        print(f"| {100 * v[3] / total:.1f} | {v[3]:.1f} | {name(key)} |")


if __name__ == "__main__":
    main()
