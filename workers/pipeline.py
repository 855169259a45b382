"""The Celery tasks: thin wrappers that load a layer, call ``tasks.*``, store a layer.

Messages carry only doc_ids; text and layers travel through Redis (``Store``). A message
carries a *batch* of doc_ids: one when files arrive one by one (latency), up to
``SEEDFLOW_BATCH_SIZE`` when they arrive faster than they are processed (a catch-up scan,
a flood), which spreads the fixed cost of a Celery task over many documents. Within a
batch every document is on its own: each first moves its ledger entry, which tells
whether this delivery is a duplicate of finished work (then it is skipped) and how often
this stage has been tried, and a failure is recorded for that document alone. A batch
that comes back after its worker died is split into single documents, so that one
document that kills its worker fails alone after ``SEEDFLOW_MAX_ATTEMPTS``. The last task
writes the results and marks the documents done: nobody blocks on ``chain(...).get()``.

The fan-out after ``normalize`` and the fan-in before ``assemble`` are done here rather
than with a Celery ``chord``: freezing a chord subscribes the sender to the result
channel of every header task (a pubsub round trip per document, and senders that hang
at exit while unsubscribing from a stopped server). The join is a Redis set of finished
stages, which keeps a chord's guarantees: entities and stance run in parallel, assemble
runs after both, and a redelivered stage cannot count twice. Assemble runs in the process
of the stage that completes the join, with no message of its own, unless each stage has
its own queue (``SEEDFLOW_SPLIT_QUEUES``).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from functools import cache, partial
from typing import Any

import kombu.pools
import redis
from celery import Task
from celery.exceptions import SoftTimeLimitExceeded, TimeLimitExceeded
from celery.signals import worker_process_init

from tasks import warm_up
from tasks.assemble import assemble as build_result
from tasks.entities import extract_entities
from tasks.normalize import normalize_bytes
from tasks.schema import Entity, InputError, Normalized, Reason, Source, Stance
from tasks.stance import tag_stance
from workers.app import app, queues, redis_url, settings
from workers.logs import log, setup
from workers.store import PARALLEL_STAGES, Store, Writes, connect, utc
from workers.watcher import Watcher

setup(settings.log_json, settings.log_level)
TRANSIENT = (redis.ConnectionError, redis.TimeoutError, redis.BusyLoadingError)
NEW_DOCUMENT_PRIORITY = 9
_RAW = ("raw",)


@cache
def store() -> Store:
    return Store(connect(redis_url), settings.results, result_ttl=settings.result_ttl)


@worker_process_init.connect
def _warm_up(**_: Any) -> None:
    """Load the models and fill the per-word caches when a pool process starts, not
    during its first documents: a lone file's latency does not depend on luck, and the
    process starts with the memory it keeps (``tasks.caches``)."""
    t = time.perf_counter()
    words = warm_up(settings.warm_up_words)
    # Models, lexicons and cache entries live as long as the process: keep the cyclic
    # garbage collector from walking them again on every full collection.
    gc.freeze()
    log.info("worker.warmed_up", words=words, ms=round((time.perf_counter() - t) * 1000))


class StageTask(Task):
    """Retries what is transient (Redis unreachable); ``on_failure`` sorts out the rest."""

    autoretry_for = TRANSIENT
    retry_backoff = 1
    retry_backoff_max = 30
    retry_jitter = True
    max_retries = 8

    def on_failure(self, exc: BaseException, task_id: str, args: Any, kwargs: Any, einfo: Any) -> None:
        """The whole task failed. Errors inside one document's analysis never get here
        (``_each`` records them); what does is the hard time limit, or the broker and Redis
        staying away. The first is the document's fault (a batch is split to find which
        one); the others are not, so the documents stay running for the sweep to retry."""
        doc_ids: list[str] = args[0]
        stage = self.name.rsplit(".", 1)[-1]
        try:
            if not isinstance(exc, TimeLimitExceeded):
                log.error("batch.failed", stage=stage, size=len(doc_ids), error=repr(exc)[:300],
                          action="the stuck-document sweep will re-queue these documents")  # fmt: skip
            elif len(doc_ids) > 1:
                log.warning("batch.split", stage=stage, size=len(doc_ids), why="hard time limit")
                for doc_id in doc_ids:
                    enqueue([doc_id])
            else:
                _fail(store(), doc_ids[0], stage, exc)
        except (redis.RedisError, OSError) as err:
            log.error("document.fail_not_recorded", doc_ids=doc_ids, error=str(err),
                      action="the stuck-document sweep will re-queue them")  # fmt: skip


def _fail(s: Store, doc_id: str, stage: str, exc: BaseException) -> None:
    timeout = isinstance(exc, SoftTimeLimitExceeded | TimeLimitExceeded)
    reason = Reason.TIMEOUT if timeout else Reason.INTERNAL
    message = f"{stage} failed: {type(exc).__name__}: {exc}"
    if timeout:
        message = f"{stage} took longer than its time limit ({exc}); the text may be pathological"
    log.error("document.failed", doc_id=doc_id, stage=stage, reason=reason.value, error=repr(exc)[:300])
    s.fail(doc_id, s.doc(doc_id).get("path", doc_id), reason, message, stage)


class _Skip(Exception):
    """This document needs no more work in this stage."""


class _Split(Exception):
    """A batch delivered again after its worker died: retry its documents one by one."""


def _check(s: Store, doc_id: str, stage: str, batch: int, prev: str | None, attempts: int) -> None:
    """Decide from the ledger move whether this document goes ahead in ``stage``."""
    if prev is None or prev in ("done", "failed"):
        log.info("stage.skipped", doc_id=doc_id, stage=stage, state=prev or "unknown")
        raise _Skip
    if attempts > settings.max_attempts:
        s.fail(doc_id, s.doc(doc_id).get("path", doc_id), Reason.INTERNAL,
               f"{stage} was started {attempts - 1} times and never finished: the worker process died "
               "each time (out of memory, killed, or the hard time limit)", stage)  # fmt: skip
        raise _Skip
    if attempts > 1 and batch > 1:
        raise _Split


Work = Callable[[Store, str, list[Any], Writes], None]


def _each(doc_ids: list[str], stage: str, work: Work, inputs: tuple[str, ...] = ()) -> list[str] | None:
    """Run ``work`` on each document of a batch with its ``inputs`` layers; returns the
    documents it succeeded on, or None when the batch was split up instead.

    The ledger moves, the layer reads and the writes ``work`` queues on the batch's
    pipeline take one round trip each for the whole batch. Failures are per document;
    only Redis errors escape (the task retries the batch: every step is idempotent)."""
    s = store()
    moves = s.move_many(doc_ids, "running", stage)
    layers = s.layers_many(doc_ids, inputs) if inputs else [[] for _ in doc_ids]
    # Delivered before: a document whose layer of this stage is stored finished it, and only
    # the acknowledgement was lost (a Redis restart, a worker killed right after).
    again = any(attempts > 1 for _, attempts in moves) and stage != "assemble"
    finished = s.stored(doc_ids, stage) if again else [False] * len(doc_ids)
    writes = s.writes()
    try:
        return _run(s, doc_ids, stage, work, inputs, moves, layers, finished, writes)
    finally:
        writes.execute()


def _run(
    s: Store,
    doc_ids: list[str],
    stage: str,
    work: Work,
    inputs: tuple[str, ...],
    moves: list[tuple[str | None, int]],
    layers: list[list[bytes | None]],
    finished: list[bool],
    writes: Writes,
) -> list[str] | None:
    done: list[str] = []
    # Documents handed on without being run: this delivery is taken back from their
    # attempts, which count deaths of a worker running them (SEEDFLOW_MAX_ATTEMPTS).
    uncounted: list[str] = []
    rows = zip(doc_ids, moves, layers, finished, strict=True)
    for i, (doc_id, (prev, attempts), values, stored) in enumerate(rows):
        try:
            if stored and prev not in (None, "done", "failed"):
                uncounted.append(doc_id)
                done.append(doc_id)
                continue
            _check(s, doc_id, stage, len(doc_ids), prev, attempts)
            if any(v is None for v in values):
                # Intermediates vanished (Redis lost them): start the document over.
                missing = [n for n, v in zip(inputs, values, strict=True) if v is None]
                log.warning("stage.missing_input", doc_id=doc_id, missing=missing, action="restarting the document")
                s.move(doc_id, "queued", "requeue")
                enqueue([doc_id])
                continue
            work(s, doc_id, s.decode_layers(inputs, values), writes)
            done.append(doc_id)
        except _Skip:
            continue
        except _Split:
            log.warning("batch.split", stage=stage, size=len(doc_ids), why="delivered again")
            # This delivery runs none of the documents from here on: counting it would
            # fail an innocent document after two deaths of its batch instead of three.
            s.uncount(uncounted + doc_ids[i:], stage)
            for d in doc_ids:
                enqueue([d])
            return None
        except TRANSIENT:
            raise
        except (Exception, SoftTimeLimitExceeded) as exc:  # one document's bug must not sink its batch
            if not isinstance(exc, SoftTimeLimitExceeded):
                log.exception("stage.error", doc_id=doc_id, stage=stage)
            _fail(s, doc_id, stage, exc)
    s.uncount(uncounted, stage)
    return done


def _normalize_one(s: Store, doc_id: str, values: list[Any], writes: Writes) -> None:
    t = time.perf_counter()
    (data,) = values
    if data is None:
        message = "the document's bytes are no longer in Redis; re-save the file to submit it again"
        s.fail(doc_id, s.doc(doc_id).get("path", doc_id), Reason.VANISHED, message, "normalize")
        raise _Skip
    try:
        _, doc = normalize_bytes(data)
    except InputError as exc:
        record = s.fail(doc_id, s.doc(doc_id).get("path", doc_id), exc.reason, exc.message, "normalize")
        log.warning("document.rejected", doc_id=doc_id, path=record.path, reason=exc.reason.value, message=exc.message)
        raise _Skip from None
    writes.put_layer(doc_id, "normalize", doc.to_layer(), (time.perf_counter() - t) * 1000)


@app.task(name="seedflow.normalize", base=StageTask, ignore_result=True)
def normalize(doc_ids: list[str]) -> None:
    ready = _each(doc_ids, "normalize", _normalize_one, _RAW)
    if ready:
        _send(entities, ready)
        _send(stance, ready)


def _parallel(doc_ids: list[str], stage: str, analyze: Callable[[Normalized], list[Any]]) -> None:
    def one(s: Store, doc_id: str, values: list[Any], writes: Writes) -> None:
        t = time.perf_counter()
        found = analyze(Normalized.from_layer(values[0]))
        writes.put_layer(doc_id, stage, [x.model_dump() for x in found], (time.perf_counter() - t) * 1000)

    done = _each(doc_ids, stage, one, ("normalize",))
    if done is not None and store().join(doc_ids, stage) == len(PARALLEL_STAGES):
        if settings.split_queues:
            _send(assemble, doc_ids)  # to its own queue, which a deployment may scale apart
        else:
            # One queue for all stages: a message would only add a wait for the broker and
            # the worker (about 5 ms here) and the cost of a task. Assemble stays its own
            # stage: its own ledger move, attempts, timing and failures.
            _assemble(doc_ids)


@app.task(name="seedflow.entities", base=StageTask, ignore_result=True)
def entities(doc_ids: list[str]) -> None:
    _parallel(doc_ids, "entities", extract_entities)


@app.task(name="seedflow.stance", base=StageTask, ignore_result=True)
def stance(doc_ids: list[str]) -> None:
    _parallel(doc_ids, "stance", partial(tag_stance, min_confidence=settings.stance_min_confidence))


def _assemble_one(s: Store, doc_id: str, values: list[Any], writes: Writes) -> None:
    t = time.perf_counter()
    norm, ents, stances, (info, paths) = values
    timings = {k[3:]: float(v) for k, v in info.items() if k.startswith("ms:")}
    source = Source(path=info["path"], size=int(info["size"]), sha256=doc_id,
                    received_at=utc(float(info["received_at"])), finished_at=utc(time.time()))  # fmt: skip
    result = build_result(
        doc_id,
        Normalized.from_layer(norm),
        [Entity.model_validate(e) for e in ents],
        [Stance.model_validate(x) for x in stances],
        source=source,
        timings_ms=timings,
    )
    result.timings_ms["assemble"] = assembled = (time.perf_counter() - t) * 1000
    blob = result.model_dump_json().encode()  # compact: a third smaller in Redis and on disk
    writes.finish(doc_id, blob, info["path"], paths, seconds=assembled / 1000)
    log.info("document.done", doc_id=doc_id, path=info["path"], ms=round(sum(result.timings_ms.values()), 1),
             entities=len(ents), stances=len(stances))  # fmt: skip


@app.task(name="seedflow.assemble", base=StageTask, ignore_result=True)
def assemble(doc_ids: list[str]) -> None:
    _assemble(doc_ids)


def _assemble(doc_ids: list[str]) -> None:
    ledger = dict(zip(doc_ids, store().docs_and_paths(doc_ids), strict=True))

    def one(s: Store, doc_id: str, values: list[Any], writes: Writes) -> None:
        _assemble_one(s, doc_id, [*values, ledger[doc_id]], writes)

    _each(doc_ids, "assemble", one, ("normalize", "entities", "stance"))


def watcher(overrides: dict[str, Any] | None = None) -> Watcher:
    """A watcher that submits into this pipeline (``overrides`` change settings for it)."""
    return Watcher(settings.model_copy(update=overrides or {}), store(), enqueue, queues(settings))


def enqueue(doc_ids: list[str]) -> None:
    """Start the pipeline for a batch of documents.

    New documents go in at the lowest priority (on Redis, 9 is consumed last), so the
    later stages of documents already started come first: under a flood, documents finish
    steadily and only a few hold intermediate layers in Redis, instead of every document
    being normalized before any is assembled. ``ignore_result``: outcomes are read from
    the ledger, so the sender never subscribes to a result channel.
    """
    _send(normalize, doc_ids, priority=NEW_DOCUMENT_PRIORITY)


def _send(task: Task, doc_ids: list[str], **options: Any) -> None:
    """Publish a stage. After the broker restarts, kombu can hand out a producer whose
    channel is already closed (``'NoneType' object has no attribute 'client'``): drop
    every pooled connection and try again rather than lose the documents."""
    for attempt in range(4):
        try:
            task.apply_async((doc_ids,), ignore_result=True, **options)
            return
        except Exception as exc:
            if attempt == 3:
                raise
            log.warning("dispatch.retry", stage=task.name, error=repr(exc)[:200], attempt=attempt + 1)
            kombu.pools.reset()
            app._pool = None
            app.amqp._producer_pool = None
            time.sleep(0.2 * (attempt + 1))
