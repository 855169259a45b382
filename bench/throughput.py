"""Throughput: the Celery pipeline against the floor of the same analysis in a plain process pool.

    python bench/throughput.py [--inbox DIR] [-n 1000] [--workers 2] [--repeat 1] [--json]

*Floor*: ``tasks.analyze`` (after decoding the bytes, as the pipeline does) over the N
documents in a ``multiprocessing`` pool of ``--workers`` processes, each warmed up first
as a worker's pool process is (``tasks.warm_up``: models loaded, per-word caches filled),
so the figure is pure analysis with no queueing. *Pipeline*: ``seedflow
run --once --workers W`` over the same N files in a fresh temporary directory with its own
embedded Redis, minus the wall time of the same command on an empty inbox (start-up and
shut-down of Redis, worker and watcher). Also shown: the *steady* rate from the result
files, (N - 1) / (last finished_at - first finished_at), which leaves out the worker's
boot (the empty run stops before the worker has booted, so subtracting it leaves the
boot in), the rate net of a 1-document run, (N - 1) / (wall(N) - wall(1)), which
subtracts the boot too, and the same to the last result instead of the exit,
(N - 1) / (last(N) - last(1)) with each last result timed from its run's start: the
worker's warm shutdown after the last result takes 1.8-2.9 s whatever N was (billiard
joins a supervisor thread that sleeps 0.8 s at a time), so the exit adds only noise.

CPU seconds per document (user + system of every process, Redis included) are shown too,
both net of start-up (the floor minus its warm-up, the pipeline minus a 1-document run):
on a shared machine they move much less than wall time with other people's load.

The ratio pipeline / floor is issue 7's throughput target (>= 0.9 on 1,000+ real articles).
With fewer source files than N, copies get a unique line appended (distinct SHA-256).
"""

from __future__ import annotations

import multiprocessing as mp
import time
from typing import Any

from _common import (
    Report,
    arg_parser,
    children_cpu,
    corpus,
    log,
    run_once,
    sigterm_as_interrupt,
    workdir,
)


def _warm() -> float:
    """Warm a process up as a worker's pool process is (models, lexicons, filled caches);
    returns the CPU seconds that took."""
    from tasks import warm_up

    warm_up()
    return time.process_time()


def _analyze(data: bytes) -> int:
    """Entities found, or -1 for a rejected file (empty, binary...), as the pipeline records it.

    The InputError is caught here: it cannot cross a process boundary (its ``__init__``
    takes two arguments, so unpickling it in the parent fails and ``Pool.map`` hangs).
    """
    from tasks import analyze
    from tasks.normalize import decode
    from tasks.schema import InputError

    try:
        text, _ = decode(data)
    except InputError:
        return -1
    return len(analyze(text).entities)


def floor(docs: list[bytes], workers: int) -> dict[str, Any]:
    """Docs/s of the bare analysis in a pool of ``workers`` warmed-up processes."""
    ctx = mp.get_context("fork")
    cpu0 = children_cpu()
    with ctx.Pool(workers) as pool:
        warm_cpu = sum(pool.map(_warm_one, range(workers), chunksize=1))  # every process warmed up once
        t = time.perf_counter()
        found = pool.map(_analyze, docs, chunksize=4)
        wall = time.perf_counter() - t
        pool.close()
        pool.join()
    cpu = children_cpu() - cpu0 - warm_cpu  # the pipeline's figure is net of its start-up too
    return {
        "wall_s": wall,
        "docs_per_s": len(docs) / wall,
        "rejected": sum(1 for x in found if x < 0),
        "cpu_ms_per_doc": cpu / len(docs) * 1000,
    }


def _warm_one(_: int) -> float:
    """Warm one pool process (a top-level function: Pool.map pickles it by name)."""
    cpu = _warm()
    time.sleep(0.2)  # hold this process so the next warm-up lands on the other one
    return cpu


def pipeline(docs: list[tuple[str, bytes]], workers: int) -> dict[str, Any]:
    with workdir() as empty_root:
        empty = run_once([], workers, empty_root)
    with workdir() as one_root:
        one = run_once(docs[:1], workers, one_root)
    with workdir() as root:
        full = run_once(docs, workers, root)
    net = full["wall_s"] - empty["wall_s"]
    cpu = (full["cpu_s"] - one["cpu_s"]) / (len(docs) - 1) * 1000 if len(docs) > 1 else float("nan")
    net1 = full["wall_s"] - one["wall_s"]
    to_last = (full["last_finished"] - full["started_at"]) - (one["last_finished"] - one["started_at"])
    return {"empty_wall_s": empty["wall_s"], "one_wall_s": one["wall_s"], "wall_s": full["wall_s"], "net_s": net,
            "docs_per_s": len(docs) / net, "minus_one_docs_per_s": (len(docs) - 1) / net1,
            "to_last_docs_per_s": (len(docs) - 1) / to_last,
            "steady_docs_per_s": full["steady_docs_per_s"], "cpu_ms_per_doc": cpu,
            "results": full["results"], "errors": full["errors"], "rc": full["rc"]}  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    ap = arg_parser(__doc__)
    ap.add_argument("-n", type=int, default=1000, help="documents (default 1000)")
    ap.add_argument("--workers", type=int, default=2, help="pool / worker processes (default 2)")
    ap.add_argument("--repeat", type=int, default=1, help="repeat the measurement (default 1)")
    args = ap.parse_args(argv)
    sigterm_as_interrupt()
    docs = corpus(args.inbox, args.n)
    report = Report("throughput", {"inbox": str(args.inbox), "n": args.n, "workers": args.workers})
    rows: list[list[Any]] = []
    cpu_rows: list[list[Any]] = []
    runs = []
    for i in range(args.repeat):
        log(f"run {i + 1}: floor ({args.n} docs, {args.workers} processes)")
        f = floor([d for _, d in docs], args.workers)
        log(f"run {i + 1}: floor {f['docs_per_s']:.1f} docs/s; pipeline")
        p = pipeline(docs, args.workers)
        log(f"run {i + 1}: pipeline {p['docs_per_s']:.1f} docs/s ({p['results']} results, {p['errors']} errors)")
        runs.append({"floor": f, "pipeline": p})
        rows += [
            [f"{i + 1}: analyze pool (floor)", f["wall_s"], "", f["docs_per_s"], 1.0],
            [
                f"{i + 1}: seedflow run --once",
                p["wall_s"],
                p["empty_wall_s"],
                p["docs_per_s"],
                p["docs_per_s"] / f["docs_per_s"],
            ],
            [
                f"{i + 1}: seedflow, minus 1-doc run",
                "",
                p["one_wall_s"],
                p["minus_one_docs_per_s"],
                p["minus_one_docs_per_s"] / f["docs_per_s"],
            ],
            [
                f"{i + 1}: seedflow to last result, minus 1-doc run's",
                "",
                "",
                p["to_last_docs_per_s"],
                p["to_last_docs_per_s"] / f["docs_per_s"],
            ],
            [f"{i + 1}: seedflow steady", "", "", p["steady_docs_per_s"], p["steady_docs_per_s"] / f["docs_per_s"]],
        ]
        cpu_rows += [
            [f"{i + 1}: analyze pool (floor, net of its warm-up)", f["cpu_ms_per_doc"], 1.0],
            [f"{i + 1}: seedflow (all processes, net of a 1-doc run)", p["cpu_ms_per_doc"],
             f["cpu_ms_per_doc"] / p["cpu_ms_per_doc"]],
        ]  # fmt: skip
    report.data["runs"] = runs
    report.table(f"throughput over {args.n} documents, {args.workers} processes",
                 ["what", "wall s", "baseline s", "docs/s", "ratio"], rows)  # fmt: skip
    report.table("CPU per document (steadier than wall time on a shared machine): floor / pipeline",
                 ["what", "CPU ms/doc", "ratio"], cpu_rows)  # fmt: skip
    report.emit(args.json)


if __name__ == "__main__":
    main()
