"""Idle latency: from a file renamed into the inbox to its result file existing.

    python bench/latency.py [--inbox DIR] [-n 200] [--workers 2] [--gap 0.05] [--json]

Starts ``seedflow run`` (watching, inotify) in a temporary directory, waits until it has
answered a few warm-up files (worker booted, models loaded in every pool process), then
hands it one file at a time: the bytes are written to ``<name>.part`` in a folder beside
the inbox and ``os.rename``d in (what a careful producer does), and the clock runs from
just before the rename until ``results/<name>.json`` exists (polled every 0.5 ms).
``--part-inside`` writes the ``.part`` file inside the inbox instead (the watcher ignores
``*.part``; the rename is then a move within the watched tree). The next file comes
``--gap`` seconds after the previous result, so the system is idle each time. Every file
has distinct content (a new document, never a cache hit).

The result's ``source.received_at`` / ``finished_at`` split each latency into: rename to
claim (watcher: event, read, hash, Redis claim), claim to done (the pipeline; split again
into the analysis on the critical path, from the result's ``timings_ms``, and the rest),
done to file visible (the bench's polling). Issue 7's targets: p50 <= 30 ms, p99 <= 100 ms.
"""

from __future__ import annotations

import os
import time
from datetime import datetime
from pathlib import Path

import orjson
from _common import Report, Seedflow, arg_parser, corpus, log, pct, sigterm_as_interrupt, workdir


def wait_for(paths: tuple[Path, ...], timeout: float, poll: float = 0.0005) -> tuple[float, Path]:
    """(perf_counter(), path) when the first of ``paths`` exists; raises TimeoutError."""
    deadline = time.perf_counter() + timeout
    while True:
        for p in paths:
            if os.path.exists(p):
                return time.perf_counter(), p
        if time.perf_counter() > deadline:
            raise TimeoutError(f"no outcome {paths[0]} within {timeout} s")
        time.sleep(poll)


def drop(sf: Seedflow, staging: Path, name: str, data: bytes) -> tuple[float, float]:
    """Write ``name.part`` in ``staging``, rename it into the inbox; (wall clock, perf clock) at rename."""
    part = staging / (name + ".part")
    part.write_bytes(data)
    t_wall, t = time.time(), time.perf_counter()
    os.rename(part, sf.inbox / name)
    return t_wall, t


def main(argv: list[str] | None = None) -> None:
    ap = arg_parser(__doc__)
    ap.add_argument("-n", type=int, default=200, help="files measured (default 200)")
    ap.add_argument("--warmup", type=int, default=6, help="files processed before measuring (default 6)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--gap", type=float, default=0.05, help="idle seconds between files (default 0.05)")
    ap.add_argument("--timeout", type=float, default=60, help="seconds to wait for one result (default 60)")
    ap.add_argument(
        "--part-inside",
        action="store_true",
        help="write the .part file inside the inbox (a move within the watched tree), not beside it",
    )
    args = ap.parse_args(argv)
    sigterm_as_interrupt()
    docs = corpus(args.inbox, args.warmup + args.n)
    where = "inside" if args.part_inside else "outside"
    report = Report("latency", {"inbox": str(args.inbox), "n": args.n, "workers": args.workers, "gap_s": args.gap,
                                "part_file": f"{where} the inbox"})  # fmt: skip
    total: list[float] = []
    watch: list[float] = []
    pipe: list[float] = []
    visible: list[float] = []
    analysis: list[float] = []
    rejected = 0
    with workdir() as root:
        sf = Seedflow(root, workers=args.workers, once=False)
        staging = sf.inbox if args.part_inside else root / "staging"
        staging.mkdir(exist_ok=True)
        try:
            sf.start()
            log("seedflow run started; warming up")
            t_boot = time.perf_counter()
            for i, (name, data) in enumerate(docs):
                if i == args.warmup:
                    log(f"warm after {time.perf_counter() - t_boot:.1f} s; measuring {args.n} files")
                    sf.remember()
                t_wall, t0 = drop(sf, staging, name, data)
                result = sf.results / (name + ".json")
                error = sf.results / "failed" / (name + ".error.json")
                t1, seen = wait_for((result, error), args.timeout if i >= args.warmup else 120)
                if seen == error:
                    rejected += 1  # an empty or binary file: an outcome, but not a timed analysis
                elif i >= args.warmup:
                    res = orjson.loads(result.read_bytes())
                    src, ms = res["source"], res["timings_ms"]
                    received = datetime.fromisoformat(src["received_at"]).timestamp()
                    finished = datetime.fromisoformat(src["finished_at"]).timestamp()
                    total.append((t1 - t0) * 1000)
                    watch.append((received - t_wall) * 1000)
                    pipe.append((finished - received) * 1000)
                    visible.append(total[-1] - watch[-1] - pipe[-1])
                    analysis.append(ms["normalize"] + max(ms["entities"], ms["stance"]) + ms["assemble"])
                time.sleep(args.gap)
        finally:
            sf.stop()
    rest = [x - a for x, a in zip(pipe, analysis, strict=True)]
    rows = [[what, pct(v, 50), pct(v, 90), pct(v, 99), max(v), sum(v) / len(v)]
            for what, v in (("rename -> result file", total), ("  rename -> claimed (watcher)", watch),
                            ("  claimed -> done (pipeline)", pipe),
                            ("    analysis on the critical path", analysis),
                            ("    the rest: messages, Redis, files", rest),
                            ("  done -> seen by bench", visible))]  # fmt: skip
    report.data = {"ms": {"total": total, "watcher": watch, "pipeline": pipe, "analysis": analysis, "visible": visible},
                   "rejected": rejected}  # fmt: skip
    report.table(f"idle latency, {len(total)} results (+{rejected} rejected files) one at a time, "
                 f"{args.workers} worker processes (ms)",
                 ["segment", "p50", "p90", "p99", "max", "mean"], rows)  # fmt: skip
    report.emit(args.json)


if __name__ == "__main__":
    main()
