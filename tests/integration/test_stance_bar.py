"""``SEEDFLOW_STANCE_MIN_CONFIDENCE`` reaches the stance stage of a real worker."""

from __future__ import annotations

import json
from pathlib import Path

from tasks import analyze
from tasks.normalize import normalize_text
from tasks.stance import tag_stance
from tests.conftest import SEED, Worker, wait_for


def test_the_workers_bar_leaves_out_unsure_favor_and_against_records(clean: Path) -> None:
    from workers.pipeline import store, watcher

    text = SEED.read_text(encoding="utf-8")
    taken = [s for s in analyze(text).stances if s.polarity.value != "neutral"]
    bar = sorted(s.confidence for s in taken)[len(taken) // 2]
    assert min(s.confidence for s in taken) < bar  # so the test can fail
    worker = Worker(SEEDFLOW_STANCE_MIN_CONFIDENCE=str(bar), SEEDFLOW_WARM_UP_WORDS="0")
    try:
        (clean / "seed.txt").write_bytes(SEED.read_bytes())
        assert watcher().submit("seed.txt") == "new"
        path = store().result_path("seed.txt")
        wait_for(path.exists)
        stances = json.loads(path.read_text())["stances"]
    finally:
        worker.stop()
    kept = [s for s in stances if s["polarity"] != "neutral"]
    assert kept and all(s["confidence"] >= bar for s in kept)
    # The same records as the pure function given the same bar (with a bar, a pair's best
    # record can be one that would otherwise lose to an unsure record of the same pair).
    alone = tag_stance(normalize_text(text), min_confidence=bar)
    assert [(s["holder"]["start"], s["target"]["start"], s["cue"]["start"]) for s in kept] == [
        (s.holder.start, s.target.start, s.cue.start) for s in alone if s.polarity.value != "neutral"
    ]
    assert len(kept) < len(taken)
