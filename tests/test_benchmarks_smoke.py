"""The benchmark harness still runs end to end (`benchmarks/run.py --quick`).

A smoke test so the harness cannot rot: it checks that all five figures were
printed and that valid JSON was written. It asserts nothing about time.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quick_benchmark_prints_all_figures_and_writes_json(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    for label in (
        "1 load vs bare insert",
        "2 load growth",
        "3 detect alone",
        "4 page index",
        "4 page contradiction",
        "4 page entity",
        "4 page table",
        "5 peak RSS of load",
        "6 --workers 2 vs 1",
    ):
        assert label in out, f"{label!r} missing from:\n{out}"

    data = json.loads((tmp_path / "results.json").read_text())
    figures = data["figures"]
    assert {"1_ratio", "2_growth", "3_detect", "4_pages", "5_rss"} <= set(figures)
    assert figures["1_ratio"]["ratio"] > 0
    assert figures["1_ratio"]["bare_insert_s"] > 0
    assert figures["1_ratio"]["workers_default"] >= 1 and figures["1_ratio"]["ratio_one_process"] > 0
    assert figures["6_workers"]["speedup"] > 0
    copies = figures["1_ratio"]["copies"]  # scored against the generator's own record of its copies
    assert copies["copies"] > 0 and copies["found"] + copies["missed"] == copies["copies"]
    assert "exponent" in figures["2_growth"]
    assert all(p["claims"] > 0 for p in figures["3_detect"]["points"])
    assert "exponent" in figures["3_detect"]
    pages = figures["4_pages"]["pages"]
    assert pages["table"]["status"] == 200 and pages["table"]["median_ms"] > 0
    for page in ("index", "contradiction", "entity"):
        assert page in pages  # measured, or recorded as missing
    assert all(p.get("peak_rss_mb", 1) > 0 for p in figures["5_rss"]["points"])
    assert data["meta"]["mode"] == "quick"
    assert data["table"]
