"""Soak: a stream of files into a watching ``seedflow run`` while its processes are killed,
then every file's outcome is counted.

    python bench/soak.py [--inbox ARTICLES] [-n 3000] [--every 3] [--faults pool,worker,redis,run]

The fault tests in ``tests/integration`` each kill one thing once, on a few hundred files.
This script keeps killing for as long as files arrive and most of them are in flight, with
every kind of fault mixed at random (seeded), the way a bad day in production would:

- ``pool``: SIGKILL one Celery pool process (billiard replaces it; its message comes back);
- ``worker``: SIGKILL the Celery main process and its pool (``run`` starts a new worker;
  the unacked messages come back after the visibility timeout);
- ``redis``: SIGKILL the embedded redis-server (``run`` restarts it from its AOF, which is
  fsynced every second, so up to a second of ledger writes can be lost);
- ``run``: SIGKILL ``seedflow run`` and everything it started, then start it again (the
  watcher's catch-up scan and the stuck sweep must find what was in flight).

Then it stops the run and checks the bar of DESIGN.md: every input file has exactly one
outcome, a result file or an error file, and nothing else is in the results folder. A
document whose stage was killed ``SEEDFLOW_MAX_ATTEMPTS`` times (default 3) fails on
purpose (reason ``internal``, "the worker process died each time"), since the pipeline
cannot tell a document that kills its worker from one that was unlucky; the error
records are counted by reason, not hidden.
Recovery settings are shortened so the run ends in minutes (visibility timeout 20 s,
stuck sweep 30 s, rescan 5 s); production keeps the defaults.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from _common import Report, Seedflow, arg_parser, corpus, descendants, log, workdir

KINDS = ("pool", "worker", "redis", "run")
QUICK = {
    "SEEDFLOW_SOFT_TIME_LIMIT": "8",
    "SEEDFLOW_TIME_LIMIT": "12",
    "SEEDFLOW_VISIBILITY_TIMEOUT": "20",
    "SEEDFLOW_STUCK_SECONDS": "30",
    "SEEDFLOW_RESCAN_SECONDS": "5",
}


def outcomes(results: Path) -> tuple[Counter[str], Counter[str], list[str]]:
    """(result files per input name, error files per input name, error reasons)."""
    done: Counter[str] = Counter(p.name[: -len(".json")] for p in results.glob("*.json"))
    failed: Counter[str] = Counter()
    reasons = []
    for p in (results / "failed").glob("*.error.json"):
        failed[p.name[: -len(".error.json")]] += 1
        with contextlib.suppress(OSError, ValueError):
            reasons.append(json.loads(p.read_bytes()).get("reason", "?"))
    return done, failed, reasons


def kill(pids: list[int]) -> int:
    killed = 0
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
            killed += 1
    return killed


def inject(kind: str, sf: Seedflow, rng: random.Random) -> bool:
    """One fault of ``kind``; False when its process is not there right now (restarting)."""
    main, pool = sf.worker_pool()
    if kind == "pool":
        return bool(pool) and kill([rng.choice(pool)]) == 1
    if kind == "worker":
        return main is not None and kill([main, *pool]) >= 1
    if kind == "redis":
        with contextlib.suppress(OSError, ValueError):
            return kill([int((sf.state / "redis.pid").read_text())]) == 1
        return False
    assert sf.proc is not None
    kill([sf.proc.pid, *descendants(sf.proc.pid)])
    sf.proc.wait()
    sf.start()
    return True


def feed(docs: list[tuple[str, bytes]], inbox: Path, per_s: float, done: threading.Event) -> None:
    """Write the files at ``per_s`` per second, each complete before it appears (rename)."""
    start = time.monotonic()
    for i, (name, data) in enumerate(docs):
        delay = start + i / per_s - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        part = inbox.parent / f"{name}.part"
        part.write_bytes(data)
        part.rename(inbox / name)
    done.set()


def main(argv: list[str] | None = None) -> None:
    ap = arg_parser(__doc__)
    ap.add_argument("-n", type=int, default=3000, help="files (default 3000)")
    ap.add_argument("--rate", type=float, default=100.0, help="files written per second (default 100)")
    ap.add_argument("--every", type=float, default=3.0, help="seconds between faults (default 3)")
    ap.add_argument("--faults", default=",".join(KINDS), help=f"kinds to mix (default {','.join(KINDS)})")
    ap.add_argument("--seed", type=int, default=1, help="random seed of the fault schedule (default 1)")
    ap.add_argument("--timeout", type=float, default=900, help="give up after this many seconds (default 900)")
    ap.add_argument("--keep", action="store_true", help="keep the working directory")
    args = ap.parse_args(argv)
    kinds = [k for k in args.faults.split(",") if k]
    if not set(kinds) <= set(KINDS):
        ap.error(f"--faults: choose from {', '.join(KINDS)}")
    rng = random.Random(args.seed)
    report = Report("soak", {"inbox": str(args.inbox), "n": args.n, "rate": args.rate, "every": args.every,
                             "faults": ",".join(kinds), "seed": args.seed, **QUICK})  # fmt: skip
    docs = corpus(args.inbox, args.n)
    names = sorted(name for name, _ in docs)
    injected: Counter[str] = Counter()
    with workdir(args.keep, prefix="sfsoak.") as root:
        sf = Seedflow(root, workers=2, once=False, env=QUICK).start()
        fed = threading.Event()
        t0 = time.monotonic()
        feeder = threading.Thread(target=feed, args=(docs, sf.inbox, args.rate, fed), daemon=True)
        feeder.start()
        next_fault, last_finished = t0 + args.every, -1
        try:
            while time.monotonic() - t0 < args.timeout:
                # Counting the outcomes lists the results folder (10,000 files): at most once
                # a second, so the check does not take CPU from the run it checks, and often
                # enough that a fault can land every ``--every`` seconds.
                time.sleep(min(1.0, args.every / 2))
                if sf.proc is not None and sf.proc.poll() is not None:
                    raise SystemExit(f"seedflow run exited on its own (code {sf.proc.returncode}): see {sf.log_path}")
                done, failed, _ = outcomes(sf.results)
                finished = len(done.keys() | failed.keys())
                if fed.is_set() and finished >= len(names):
                    break
                # Faults go on until 90% are finished, so the last ones land mid-flight too;
                # each waits for progress since the one before, so it hits a working system.
                if kinds and time.monotonic() >= next_fault and last_finished < finished < 0.9 * len(names):
                    kind = rng.choice(kinds)
                    if inject(kind, sf, rng):
                        injected[kind] += 1
                        last_finished = finished
                        log(f"{time.monotonic() - t0:6.1f} s  {kind:<6}  {finished} of {len(names)} finished")
                    next_fault = time.monotonic() + args.every
            elapsed = time.monotonic() - t0
            time.sleep(2)  # a late redelivery must not add a second outcome
        finally:
            sf.stop()
        done, failed, reasons = outcomes(sf.results)
        events = Counter(e.get("event") for e in sf.events())
    expected = set(names)
    outcome_count = {n: done[n] + failed[n] for n in expected}
    data: dict[str, Any] = {
        "files": len(names),
        "faults": dict(injected),
        "results": sum(1 for n in expected if done[n]),
        "errors": sum(1 for n in expected if failed[n]),
        "error_reasons": dict(Counter(reasons)),
        "missing": sorted(n for n, c in outcome_count.items() if c == 0),
        "more_than_one": sorted(n for n, c in outcome_count.items() if c > 1),
        "unexpected": sorted((done.keys() | failed.keys()) - expected),
        "seconds": round(elapsed, 1),
        "restarts": {k: events[k] for k in ("worker.died", "redis.died") if events[k]},
    }
    report.data = data
    report.table("faults injected", ["kind", "count"], [[k, injected[k]] for k in kinds])
    rows = [[k, data[k] if isinstance(data[k], int | float) else len(data[k])]
            for k in ("files", "results", "errors", "missing", "more_than_one", "unexpected", "seconds")]  # fmt: skip
    report.table("outcomes (the bar: missing = more_than_one = unexpected = 0)", ["", "count"], rows)
    report.table("error records by reason", ["reason", "count"], sorted(map(list, data["error_reasons"].items())))
    report.emit(args.json)
    if data["missing"] or data["more_than_one"] or data["unexpected"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
