"""Evaluate stance records as event detection on OEDA's Arabic event-detection gold.

``eval_stance.py`` scores sentences that all hold a conflict event, so it cannot see a
record that should not exist. The ``*_gsr.csv`` files of the same gold fill that gap:
2,915 news sentences, each judged by several annotators for one event type (ASSAULT or
PROTEST) as ``yes`` (unanimous), ``easy no`` (unanimous no), ``difficult no`` (mostly
no) or ``ambiguous``. A sentence is *detected* when the tagger gives it an ``against``
record whose CAMEO code maps to that event type in the CAMEO-to-PLOVER table
(``plover/CAMEO2PLOVER-2021.txt``: 14x is PROTEST, 18x/19x/20x and a few 17x are ASSAULT).

Scored: precision, recall and F1 of ``yes`` against ``easy no`` + ``difficult no``
(``ambiguous`` left out), and the false-alarm rate on ``easy no`` alone. A stance record
needs a holder and a target, so an event told without its actor ("قتل 12 شخصا") is a miss
here by design: the figure measures what an analyst gets as records, not bare detection.

Halves follow ``eval_stance.py``: a sentence that is also in ``*_spans.json`` keeps that
sentence's half, any other is split by a hash of its id, so tuning on one half of either
file never looks at the other half of the other.

    python bench/eval_events.py /work/shared/data/events [--json] [--tune-only]
"""

from __future__ import annotations

import argparse
import csv
import re
from collections.abc import Iterable
from pathlib import Path

import orjson
from _common import Report
from eval_stance import half

from tasks.normalize import normalize_text
from tasks.schema import Polarity
from tasks.stance import tag_stance

POSITIVE = "yes"
NEGATIVE = ("easy no", "difficult no")


def plover_table(path: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER event type, from lines such as ``1823: ASSAULT, , # Kill…``."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"(\d+):\s*([A-Z_]+)", line)
        if match:
            table[match[1]] = match[2]
    return table


def event_type(code: str | None, table: dict[str, str]) -> str | None:
    """The PLOVER type of ``code`` or of its nearest listed parent (1831 -> 183 -> 18)."""
    while code:
        if code in table:
            return table[code]
        code = code[:-1] if len(code) > 2 else ""
    return None


def load(events: Path) -> list[dict[str, str]]:
    """Judged sentences with their half and their event type, ``ambiguous`` dropped."""
    gold = events / "arabic_event_gsr_dev"
    span_half: dict[str, str] = {}
    for path in sorted(gold.glob("*_spans.json")):
        for item in orjson.loads(path.read_bytes()):
            span_half[item["text"].strip()] = half(f"{item['source']}|{item['_id']}")
    rows = []
    for path in sorted(gold.glob("*_gsr.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["label"] != POSITIVE and row["label"] not in NEGATIVE:
                    continue
                text = row["text"].strip()
                rows.append(
                    {
                        "half": span_half.get(text) or half(row["id"]),
                        "type": row["event_type"],
                        "label": row["label"],
                        "text": text,
                    }
                )
    return rows


def detected(text: str, kind: str, table: dict[str, str], bar: float = 0.0) -> bool:
    return any(
        s.polarity == Polarity.AGAINST and event_type(s.event_code, table) == kind
        for s in tag_stance(normalize_text(text), min_confidence=bar)
    )


def score(rows: Iterable[dict[str, str]], table: dict[str, str], bar: float = 0.0) -> dict[str, float]:
    counts = {"tp": 0, "fp": 0, "fn": 0, "no": 0, "easy": 0, "easy_fp": 0}
    for row in rows:
        hit = detected(row["text"], row["type"], table, bar)
        positive = row["label"] == POSITIVE
        counts["tp"] += hit and positive
        counts["fp"] += hit and not positive
        counts["fn"] += positive and not hit
        counts["no"] += not positive
        counts["easy"] += row["label"] == "easy no"
        counts["easy_fp"] += hit and row["label"] == "easy no"
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "yes": tp + fn,
        "no": counts["no"],
        "detected": tp + fp,
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "false_alarm_easy_no": counts["easy_fp"] / counts["easy"] if counts["easy"] else 0.0,
    }


def evaluate(events: Path, halves: tuple[str, ...], bar: float = 0.0) -> dict[str, dict[str, float]]:
    table = plover_table(events / "plover" / "CAMEO2PLOVER-2021.txt")
    rows = load(events)
    results: dict[str, dict[str, float]] = {}
    for name in halves:
        for kind in ("ASSAULT", "PROTEST", "both"):
            chosen = [r for r in rows if name in ("all", r["half"]) and kind in ("both", r["type"])]
            results[f"{name} {kind}"] = score(chosen, table, bar)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description="stance records as ASSAULT/PROTEST event detection")
    parser.add_argument("events", type=Path, help="folder holding plover/ and arabic_event_gsr_dev/")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--tune-only", action="store_true", help="score the tuning half only (while tuning)")
    parser.add_argument("--min-confidence", type=float, default=0.0, help="leave out records under this (default 0)")
    args = parser.parse_args()
    params = {"events": str(args.events), "tune_only": args.tune_only, "min_confidence": args.min_confidence}
    report = Report("eval_events", params)
    halves = ("tune",) if args.tune_only else ("tune", "held-out", "all")
    report.data = evaluate(args.events, halves, args.min_confidence)
    rows = [[name, r["yes"], r["no"], r["detected"], 100 * r["precision"], 100 * r["recall"], 100 * r["f1"],
             100 * r["false_alarm_easy_no"]] for name, r in report.data.items()]  # fmt: skip
    report.table(
        "yes = unanimous event; no = easy no + difficult no; ambiguous left out",
        ["half / event", "yes", "no", "detected", "precision %", "recall %", "F1 %", "easy-no alarms %"],
        rows,
    )
    report.emit(args.json)


if __name__ == "__main__":
    main()
