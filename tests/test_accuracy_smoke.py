"""The accuracy harness (`benchmarks/accuracy.py`) still runs end to end.

A smoke test so the harness cannot rot. With the shared folder next to the
repository it scores against a copy of the seeds gold and scorer only (so
the run does not depend on the real-dev gold); on a clean clone without it,
the harness must still exit 0 and say so. Nothing is asserted about scores.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def run_harness(*args):
    return subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "accuracy.py"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_accuracy_harness_scores_the_seeds_or_says_shared_is_missing(tmp_path):
    scorer, gold = SHARED / "eval" / "score.py", SHARED / "eval" / "seeds-gold.json"
    if not (scorer.is_file() and gold.is_file()):
        result = run_harness("--shared", str(SHARED))
        assert result.returncode == 0, result.stderr[-3000:]
        assert "shared folder missing" in result.stdout or "nothing scored" in result.stdout
        return

    shared = tmp_path / "shared"
    (shared / "eval").mkdir(parents=True)
    shutil.copy(scorer, shared / "eval")
    shutil.copy(gold, shared / "eval")
    result = run_harness("--shared", str(shared), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.splitlines()
    header = next(line for line in lines if line.startswith("measure "))
    assert [c.strip() for c in header.split("|")][1] == "seeds"
    overall = next(line for line in lines if line.startswith("overall "))
    assert re.match(r"overall\s+\| \d\.\d{3}", overall), overall
    assert "ms per article" in result.stdout
    assert (tmp_path / "out" / "results.json").is_file()
