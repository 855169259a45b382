"""The Celery tasks: thin wrappers that load a layer, call ``tasks.*``, store a layer.

Messages carry only the doc_id; text and layers travel through Redis (``Store``). Each
task first moves the document's ledger entry, which tells it whether this delivery is a
duplicate of finished work (then it does nothing) and how often this stage has been
tried (a document that keeps killing its worker fails instead of looping). The last task
writes the result and marks the document done: nobody blocks on ``chain(...).get()``.

The fan-out after ``normalize`` and the fan-in before ``assemble`` are done here rather
than with a Celery ``chord``: freezing a chord subscribes the sender to the result
channel of every header task (a pubsub round trip per document, and senders that hang
at exit while unsubscribing from a stopped server). The join is a Redis set of finished
stages, which keeps a chord's guarantees: entities and stance run in parallel, assemble
runs after both, and a redelivered stage cannot count twice.
"""

from __future__ import annotations

import time
from functools import cache
from typing import Any

import redis
from celery import Task
from celery.exceptions import Ignore, SoftTimeLimitExceeded, TimeLimitExceeded
from celery.signals import worker_process_init

from tasks.assemble import assemble as build_result
from tasks.entities import extract_entities
from tasks.normalize import normalize_bytes
from tasks.schema import Entity, InputError, Normalized, Reason, Source, Stance
from tasks.stance import tag_stance
from workers.app import app, redis_url, settings
from workers.logs import log, setup
from workers.metrics import observe_stage
from workers.store import Store, connect, utc

setup(settings.log_json, settings.log_level)
TRANSIENT = (redis.ConnectionError, redis.TimeoutError, redis.BusyLoadingError)
PARALLEL = ("entities", "stance")
NEW_DOCUMENT_PRIORITY = 9


@cache
def store() -> Store:
    return Store(connect(redis_url), settings.results, result_ttl=settings.result_ttl)


@worker_process_init.connect
def _warm_up(**_: Any) -> None:
    """Load the models and dictionaries when a pool process starts, not on its first
    document (about 0.1 s), so that a lone file's latency does not depend on luck."""
    from tasks.normalize import normalize_text

    doc = normalize_text("قال الرئيس إن روسيا تدعم الاتفاق. The minister said Russia supports it.")
    extract_entities(doc)
    tag_stance(doc)


class StageTask(Task):
    """Retries what is transient (Redis unreachable), records what is not."""

    autoretry_for = TRANSIENT
    retry_backoff = 1
    retry_backoff_max = 30
    retry_jitter = True
    max_retries = 8

    def on_failure(self, exc: BaseException, task_id: str, args: Any, kwargs: Any, einfo: Any) -> None:
        doc_id = args[0]
        reason = Reason.TIMEOUT if isinstance(exc, SoftTimeLimitExceeded | TimeLimitExceeded) else Reason.INTERNAL
        stage = self.name.rsplit(".", 1)[-1]
        message = f"{stage} failed: {type(exc).__name__}: {exc}"
        if reason is Reason.TIMEOUT:
            message = f"{stage} took longer than its time limit ({exc}); the text may be pathological"
        log.error("document.failed", doc_id=doc_id, stage=stage, reason=reason.value, error=repr(exc)[:300])
        try:
            s = store()
            s.fail(doc_id, s.doc(doc_id).get("path", doc_id), reason, message, stage)
        except (redis.RedisError, OSError) as err:
            log.error("document.fail_not_recorded", doc_id=doc_id, error=str(err),
                      action="the stuck-document sweep will re-queue it")  # fmt: skip


def _enter(doc_id: str, stage: str) -> Store:
    """Mark the document running in ``stage``; stop here when it needs no more work."""
    s = store()
    prev, attempts = s.move(doc_id, "running", stage)
    if prev is None or prev in ("done", "failed"):
        log.info("stage.skipped", doc_id=doc_id, stage=stage, state=prev or "unknown")
        raise Ignore()
    if attempts > settings.max_attempts:
        s.fail(doc_id, s.doc(doc_id).get("path", doc_id), Reason.INTERNAL,
               f"{stage} was started {attempts - 1} times and never finished: the worker process died "
               "each time (out of memory, killed, or the hard time limit)", stage)  # fmt: skip
        raise Ignore()
    return s


def _load(s: Store, doc_id: str, *names: str) -> list[Any]:
    values = s.layers(doc_id, names)
    if any(v is None for v in values):
        # Intermediates vanished (Redis lost them): start the document over.
        missing = [n for n, v in zip(names, values, strict=True) if v is None]
        log.warning("stage.missing_input", doc_id=doc_id, missing=missing, action="restarting the document")
        s.move(doc_id, "queued", "requeue")
        enqueue(doc_id)
        raise Ignore()
    return values


@app.task(name="seedflow.normalize", base=StageTask, ignore_result=True)
def normalize(doc_id: str) -> None:
    s = _enter(doc_id, "normalize")
    t = time.perf_counter()
    data = s.raw(doc_id)
    if data is None:
        message = "the document's bytes are no longer in Redis; re-save the file to submit it again"
        s.fail(doc_id, s.doc(doc_id).get("path", doc_id), Reason.VANISHED, message, "normalize")
        raise Ignore()
    try:
        _, doc = normalize_bytes(data)
    except InputError as exc:
        record = s.fail(doc_id, s.doc(doc_id).get("path", doc_id), exc.reason, exc.message, "normalize")
        log.warning("document.rejected", doc_id=doc_id, path=record.path, reason=exc.reason.value, message=exc.message)
        raise Ignore() from None
    s.put_layer(doc_id, "normalize", doc.model_dump(), (time.perf_counter() - t) * 1000)
    entities.apply_async((doc_id,), ignore_result=True)
    stance.apply_async((doc_id,), ignore_result=True)


@app.task(name="seedflow.entities", base=StageTask, ignore_result=True)
def entities(doc_id: str) -> None:
    s = _enter(doc_id, "entities")
    (norm,) = _load(s, doc_id, "normalize")
    t = time.perf_counter()
    found = extract_entities(Normalized.model_validate(norm))
    s.put_layer(doc_id, "entities", [e.model_dump() for e in found], (time.perf_counter() - t) * 1000)
    if s.join(doc_id, "entities") == len(PARALLEL):
        assemble.apply_async((doc_id,), ignore_result=True)


@app.task(name="seedflow.stance", base=StageTask, ignore_result=True)
def stance(doc_id: str) -> None:
    s = _enter(doc_id, "stance")
    (norm,) = _load(s, doc_id, "normalize")
    t = time.perf_counter()
    found = tag_stance(Normalized.model_validate(norm))
    s.put_layer(doc_id, "stance", [x.model_dump() for x in found], (time.perf_counter() - t) * 1000)
    if s.join(doc_id, "stance") == len(PARALLEL):
        assemble.apply_async((doc_id,), ignore_result=True)


@app.task(name="seedflow.assemble", base=StageTask, ignore_result=True)
def assemble(doc_id: str) -> None:
    s = _enter(doc_id, "assemble")
    t = time.perf_counter()
    norm, ents, stances = _load(s, doc_id, "normalize", "entities", "stance")
    info = s.doc(doc_id)
    timings = {k[3:]: float(v) for k, v in info.items() if k.startswith("ms:")}
    timings["assemble"] = (time.perf_counter() - t) * 1000
    source = Source(path=info["path"], size=int(info["size"]), sha256=doc_id,
                    received_at=utc(float(info["received_at"])), finished_at=utc(time.time()))  # fmt: skip
    result = build_result(
        doc_id,
        Normalized.model_validate(norm),
        [Entity.model_validate(e) for e in ents],
        [Stance.model_validate(x) for x in stances],
        source=source,
        timings_ms=timings,
    )
    observe_stage(s.r, "assemble", timings["assemble"] / 1000)
    s.finish(doc_id, result.model_dump(mode="json"))
    log.info("document.done", doc_id=doc_id, path=info["path"], ms=round(sum(timings.values()), 1),
             entities=len(ents), stances=len(stances))  # fmt: skip


def enqueue(doc_id: str) -> None:
    """Start a document's pipeline.

    New documents go in at the lowest priority (on Redis, 9 is consumed last), so the
    later stages of documents already started come first: under a flood, documents finish
    steadily and only a few hold intermediate layers in Redis, instead of every document
    being normalized before any is assembled. ``ignore_result``: outcomes are read from
    the ledger, so the sender never subscribes to a result channel.
    """
    normalize.apply_async((doc_id,), ignore_result=True, priority=NEW_DOCUMENT_PRIORITY)
