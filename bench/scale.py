"""Scale: worker processes, catch-up scan of large inboxes, Redis memory and worker RSS over many documents.

    python bench/scale.py [--only workers,scan,memory] [--inbox DIR] [--json]
        [-n 300] [--scan-sizes 10000,100000] [--docs 10000]

* ``workers``: ``seedflow run --once`` over ``-n`` documents with 1 and with 2 worker
  processes: docs/s net of an empty-inbox run, and steady docs/s from the result files.
* ``scan``: ``workers.watcher.Watcher.scan()`` (the catch-up scan at start and every
  rescan) over inboxes of 10,000 and 100,000 small files in folders of 1,000, first with
  no results (every file is nominated: two failed stats each), then with a result file
  newer than each input (the fast path: one stat per file). Redis is not touched by a
  scan. Timed twice each; the page cache is warm (the files were just written).
* ``memory``: one ``seedflow run`` (watching, 2 processes) fed ``--docs`` distinct
  documents as one folder renamed into the inbox (a "drop a folder of 10,000"), after 20
  warm-up documents. Redis ``used_memory`` before and after, minus the bytes of the
  stored results (``STRLEN sf:result:*``): what each finished document leaves beyond its
  result (results themselves expire after ``SEEDFLOW_RESULT_TTL``). Keys per prefix with
  ``MEMORY USAGE`` show where it sits. Also the VmRSS of each pool process at start (warmed
  up, before any document), after 20 documents, after 1,000 more and at the end. Give
  ``--inbox`` a ``.jsonl.gz`` of articles (``shared/data/news/saudinewsnet_dev.jsonl.gz``)
  to feed distinct real articles: copies of a small folder repeat one small vocabulary and
  hide how per-word caches grow.

Issue 7's targets: 100,000-file scan <= 10 s; <= 2 KB of Redis per finished document beyond
its result; worker RSS growth <= 10 % over 10,000 documents.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from _common import (
    Report,
    Seedflow,
    arg_parser,
    corpus,
    count_files,
    log,
    rss_kb,
    run_once,
    sigterm_as_interrupt,
    workdir,
    write_corpus,
)


def bench_workers(report: Report, docs: list[tuple[str, bytes]]) -> None:
    rows = []
    for w in (1, 2):
        with workdir() as root:
            empty = run_once([], w, root)
        with workdir() as root:
            full = run_once(docs, w, root)
        rate = len(docs) / (full["wall_s"] - empty["wall_s"])
        log(f"workers={w}: {rate:.1f} docs/s net, {full['steady_docs_per_s']:.1f} steady")
        rows.append([w, full["wall_s"], empty["wall_s"], rate, full["steady_docs_per_s"], full["results"]])
    for r in rows:
        r.append(r[4] / rows[0][4])
    report.data["workers"] = rows
    report.table(f"worker processes, seedflow run --once over {len(docs)} documents",
                 ["processes", "wall s", "empty-run s", "docs/s net", "docs/s steady", "results", "speed-up"],
                 rows)  # fmt: skip


def _make_inbox(root: Path, n: int) -> Path:
    inbox = root / "in"
    for d in range(0, n, 1000):
        folder = inbox / f"d{d // 1000:04d}"
        folder.mkdir(parents=True)
        for i in range(d, min(n, d + 1000)):
            (folder / f"f{i:06d}.txt").write_bytes(b"x")
    return inbox


def _make_results(root: Path, inbox: Path) -> None:
    results = root / "out"
    for folder in inbox.iterdir():
        out = results / folder.name
        out.mkdir(parents=True)
        for f in os.listdir(folder):
            (out / (f + ".json")).write_bytes(b"{}")


def bench_scan(report: Report, sizes: list[int]) -> None:
    import redis

    from workers.settings import Settings
    from workers.store import Store
    from workers.watcher import Watcher

    rows = []
    for n in sizes:
        with workdir() as root:
            t = time.perf_counter()
            inbox = _make_inbox(root, n)
            log(f"scan: {n} files written in {time.perf_counter() - t:.1f} s")
            settings = Settings(inbox=inbox, results=root / "out", redis_url=None)
            # A scan never talks to Redis; the client is never connected.
            store = Store(redis.Redis(unix_socket_path=str(root / "none.sock")), root / "out")
            for case in ("no results (all nominated)", "results exist (fast path)"):
                if case.startswith("results"):
                    _make_results(root, inbox)
                times = []
                for _ in range(2):
                    w = Watcher(settings, store, lambda _doc: None, ["seedflow"])
                    t = time.perf_counter()
                    found = w.scan()
                    times.append(time.perf_counter() - t)
                log(f"scan: {n} files, {case}: {min(times):.2f} s ({len(found)} nominated)")
                rows.append([n, case, times[0], times[1], len(found), min(times) / n * 1e6])
    report.data["scan"] = rows
    report.table("catch-up scan (Watcher.scan), warm page cache",
                 ["files", "case", "1st s", "2nd s", "nominated", "µs/file"], rows)  # fmt: skip


def _redis_stats(url: str) -> dict[str, Any]:
    import redis

    r = redis.Redis.from_url(url)
    try:
        info = r.info("memory")
        keys = r.dbsize()
        results = 0
        groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        batch: list[bytes] = []

        def flush() -> None:
            nonlocal results
            pipe = r.pipeline(transaction=False)
            for k in batch:
                pipe.memory_usage(k, samples=0)
                pipe.type(k)
                pipe.strlen(k) if k.startswith(b"sf:result:") else pipe.ping()
            out = pipe.execute()
            for i, k in enumerate(batch):
                usage, kind, slen = out[3 * i : 3 * i + 3]
                name = k.decode(errors="replace")
                prefix = ":".join(name.split(":")[:2]) if name.startswith("sf:") else name.split(":")[0][:30]
                g = groups[f"{prefix} ({kind.decode()})"]
                g[0] += 1
                g[1] += usage or 0
                if k.startswith(b"sf:result:"):
                    results += int(slen)
            batch.clear()

        for k in r.scan_iter(count=1000):
            batch.append(k)
            if len(batch) >= 1000:
                flush()
        flush()
        return {"used_memory": info["used_memory"], "used_memory_dataset": info.get("used_memory_dataset"),
                "keys": keys, "result_bytes": results, "groups": dict(groups)}  # fmt: skip
    finally:
        r.close()


def _pool_rss(sf: Seedflow) -> dict[int, int | None]:
    _, pool = sf.worker_pool()
    return {pid: rss_kb(pid) for pid in pool}


def _wait_results(
    sf: Seedflow, n: int, timeout: float, sample: dict[int, int], at: dict[int, dict[int, int | None]] | None = None
) -> float:
    """Seconds until ``n`` outcome files exist; records the peak RSS per pool process, and
    in ``at`` the RSS when the outcome count first passes each key of ``at``."""
    t = time.perf_counter()
    last = -1
    while (done := count_files(sf.results)) < n:
        rss = _pool_rss(sf)
        for pid, kb in rss.items():
            if kb:
                sample[pid] = max(sample.get(pid, 0), kb)
        for mark in at or {}:
            if done >= mark and not at[mark]:  # type: ignore[index]
                at[mark] = rss  # type: ignore[index]
        if time.perf_counter() - t > timeout:
            raise TimeoutError(f"only {done} of {n} outcomes after {timeout} s")
        if done // 1000 != last // 1000:
            log(f"memory: {done}/{n} outcomes")
            last = done
        time.sleep(1)
    return time.perf_counter() - t


def _settled_rss(sf: Seedflow, timeout: float = 120.0) -> dict[int, int | None]:
    """Pool RSS once the processes have finished their warm-up (two readings a second
    apart within 1% of each other), so "start" is the idle, ready worker."""
    deadline = time.monotonic() + timeout
    last = _pool_rss(sf)
    while time.monotonic() < deadline:
        time.sleep(1)
        now = _pool_rss(sf)
        if now.keys() == last.keys() and all(a and b and abs(a - b) <= 0.01 * a for a, b in
                                             zip(last.values(), now.values(), strict=True)):  # fmt: skip
            return now
        last = now
    return last


def bench_memory(report: Report, src: Path, n: int, workers: int) -> None:
    warm = 20
    docs = corpus(src, warm + n)
    with workdir() as root:
        sf = Seedflow(root, workers=workers, once=False)
        staging = root / "staging"
        write_corpus(docs[warm:], staging / "batch", per_folder=1000)
        try:
            sf.start()
            while not sf.redis_url() or not sf.worker_pool()[1]:
                time.sleep(0.1)
            rss_start = _settled_rss(sf)
            sf.remember()
            write_corpus(docs[:warm], staging / "warm")
            os.rename(staging / "warm", sf.inbox / "warm")
            _wait_results(sf, warm, 300, {})
            rss_warm = _pool_rss(sf)
            url = sf.redis_url()
            assert url
            before = _redis_stats(url)
            peak: dict[int, int] = {}
            marks: dict[int, dict[int, int | None]] = {warm + 1000: {}}
            t = time.perf_counter()
            os.rename(staging / "batch", sf.inbox / "batch")
            _wait_results(sf, warm + n, 4 * 3600, peak, marks)
            rss_1000 = marks[warm + 1000]
            seconds = time.perf_counter() - t
            time.sleep(1)
            rss_end = _pool_rss(sf)
            after = _redis_stats(url)
        finally:
            sf.stop()
    grew = after["used_memory"] - before["used_memory"]
    res = after["result_bytes"] - before["result_bytes"]
    mrows = [
        ["used_memory before (after warm-up)", before["used_memory"], ""],
        ["used_memory after", after["used_memory"], ""],
        ["growth per document", grew / n, ""],
        ["stored result bytes per document (STRLEN)", res / n, ""],
        ["growth beyond the result, per document", (grew - res) / n, ""],
    ]
    for g, (count, usage) in sorted(after["groups"].items(), key=lambda kv: -kv[1][1]):
        b = before["groups"].get(g, [0, 0])
        mrows.append([f"  keys {g}", count - b[0], (usage - b[1]) / n])
    report.data["memory"] = {"before": before, "after": after, "documents": n, "seconds": seconds}
    report.table(f"Redis memory over {n} finished documents ({n / seconds:.1f} docs/s while feeding)",
                 ["what", "bytes / new keys", "MEMORY USAGE B/doc"], mrows)  # fmt: skip
    rrows = []
    for pid in sorted(set(rss_start) | set(rss_end)):
        s0, s1, s2, s3 = rss_start.get(pid), rss_warm.get(pid), rss_1000.get(pid), rss_end.get(pid)
        growth_0 = (s3 - s0) / s0 * 100 if s0 and s3 else float("nan")
        growth = (s3 - s1) / s1 * 100 if s1 and s3 else float("nan")
        growth_k = (s3 - s2) / s2 * 100 if s2 and s3 else float("nan")
        rrows.append([pid, s0 or "-", s1 or "-", s2 or "-", peak.get(pid, "-"), s3 or "-", growth_0, growth, growth_k])
    report.data["rss_kb"] = {"start": rss_start, "warm": rss_warm, "after_1000": rss_1000, "end": rss_end,
                             "peak": peak}  # fmt: skip
    report.table(f"worker pool RSS (KiB) over {n} documents; a pid missing at an end was recycled",
                 ["pid", "start", "after 20", "after 1,000", "peak", "end", "growth % start->end",
                  "growth % 20->end", "growth % 1,000->end"], rrows)  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    ap = arg_parser(__doc__)
    ap.add_argument("--only", default="workers,scan,memory", help="comma-separated parts (default: all)")
    ap.add_argument("-n", type=int, default=300, help="documents for the workers part (default 300)")
    ap.add_argument("--scan-sizes", default="10000,100000", help="inbox sizes for the scan (default 10000,100000)")
    ap.add_argument("--docs", type=int, default=10000, help="documents for the memory/RSS part (default 10000)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes of the memory part (default 2)")
    args = ap.parse_args(argv)
    sigterm_as_interrupt()
    parts = set(args.only.split(","))
    report = Report("scale", {"inbox": str(args.inbox), "only": args.only, "n": args.n,
                              "scan_sizes": args.scan_sizes, "docs": args.docs})  # fmt: skip
    if "workers" in parts:
        bench_workers(report, corpus(args.inbox, args.n))
    if "scan" in parts:
        bench_scan(report, [int(x) for x in args.scan_sizes.split(",")])
    if "memory" in parts:
        bench_memory(report, args.inbox, args.docs, args.workers)
    report.emit(args.json)


if __name__ == "__main__":
    main()
