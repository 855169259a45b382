"""The benchmark scripts still run end to end: a few documents each, their JSON read back.

They are not timed here (figures come from full runs on a quiet machine, see
bench/README.md); this only keeps them from rotting as the pipeline changes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parents[2] / "bench"


def _run(script: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, str(BENCH / script), *args, "--json"], capture_output=True, text=True,
                         timeout=300, check=True)  # fmt: skip
    return json.loads(out.stdout)


def test_throughput_runs_the_floor_and_the_pipeline_on_the_same_documents() -> None:
    report = _run("throughput.py", "-n", "3")
    (run,) = report["results"]["runs"]
    assert run["floor"]["rejected"] == 0 and run["floor"]["docs_per_s"] > 0
    assert (run["pipeline"]["rc"], run["pipeline"]["results"], run["pipeline"]["errors"]) == (0, 3, 0)
    assert report["tables"][0]["rows"][0][0] == "1: analyze pool (floor)"


def test_latency_times_every_file_and_splits_the_time() -> None:
    ms = _run("latency.py", "-n", "3")["results"]["ms"]
    assert len(ms["total"]) == 3
    for i, total in enumerate(ms["total"]):
        assert 0 < ms["watcher"][i] + ms["pipeline"][i] + ms["visible"][i] <= total + 1
        assert 0 < ms["analysis"][i] < ms["pipeline"][i]
