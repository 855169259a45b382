"""Fault injection against real processes: killed pool processes and workers, slow,
hanging and crashing analysis. Every document must end with exactly one outcome."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import time
from pathlib import Path

import kombu
import pytest
import redis

from tests.conftest import FAST_RECOVERY, TEXTS, Worker, wait_for
from tests.faults import BOOM, HANG, SLOW
from workers import kombu_patch
from workers.app import celery_url


def make_inbox(inbox: Path, n: int) -> list[str]:
    names = []
    for i in range(n):
        name = f"doc-{i:04d}.txt"
        (inbox / name).write_text(f"{TEXTS[i % len(TEXTS)]}\nرقم {i}\n", encoding="utf-8")
        names.append(name)
    return names


def watcher():
    """A watcher (not started) whose stuck-document sweep acts after 5 s, as in production
    after ``SEEDFLOW_STUCK_SECONDS``."""
    from workers.pipeline import watcher as make

    return make({"stuck_seconds": 5})


def submit_all(names: list[str]):
    w = watcher()
    for n in names:
        assert w.submit(n) == "new"
    return w.store


def claim_all(inbox: Path, names: list[str]):
    """Claim the files as the watcher does, without sending anything: the caller sends
    them as one batch (the watcher's own first batches are smaller, see ``submit``)."""
    store = watcher().store
    ids = [hashlib.sha256((inbox / n).read_bytes()).hexdigest() for n in names]
    assert [store.claim(d, n, (inbox / n).read_bytes()) for d, n in zip(ids, names, strict=True)] == ["new"] * len(ids)
    return store, ids


def send_batch(doc_ids: list[str]) -> None:
    from workers.pipeline import enqueue

    enqueue(doc_ids)


def finish(store, n: int, timeout: float = 120) -> None:
    """Wait for ``n`` done documents, sweeping as the watcher would every 2 s."""
    w = watcher()
    deadline = time.monotonic() + timeout
    while store.counts()["done"] < n:
        if time.monotonic() > deadline:
            stuck = {d: store.doc(d) for d in store.stale(time.time())}
            raise AssertionError(f"unfinished after {timeout} s: {stuck}, unacked={store.r.hlen('unacked')}")
        time.sleep(2)
        w.sweep()


def assert_exactly_once(store, names: list[str]) -> None:
    """One result file per input, one done entry per document, nothing failed or left."""
    results = sorted(p.name for p in store.results.glob("*.json"))
    assert results == sorted(f"{n}.json" for n in names)
    assert not list((store.results / "failed").glob("*")) if (store.results / "failed").exists() else True
    assert store.counts() == {"queued": 0, "running": 0, "done": len(names), "failed": 0}
    assert len(store.r.keys("sf:result:*")) == len(names)
    ids = {json.loads((store.results / r).read_text())["doc_id"] for r in results}
    assert len(ids) == len(names)
    assert not store.r.keys("sf:raw:*") and not store.r.keys("sf:normalize:*")


def test_killed_pool_processes_lose_nothing(clean: Path) -> None:
    names = make_inbox(clean, 200)
    worker = Worker(**FAST_RECOVERY)
    try:
        store = submit_all(names)
        kills = 0
        rng = random.Random(7)
        while store.counts()["done"] < len(names) and kills < 12:
            time.sleep(0.3)
            kids = worker.children()
            if kids:
                os.kill(rng.choice(kids), signal.SIGKILL)
                kills += 1
        assert kills >= 5, "the run ended before enough processes were killed to mean anything"
        finish(store, len(names))
        time.sleep(1)  # late redeliveries must not change anything either
        assert_exactly_once(store, names)
    finally:
        worker.stop()


def test_killed_worker_main_process_loses_nothing(clean: Path) -> None:
    names = make_inbox(clean, 300)
    store = submit_all(names)
    stranded = 0
    for target in (40, 100):
        worker = Worker(ready=False, **FAST_RECOVERY)
        wait_for(lambda t=target: store.counts()["done"] >= t, 120)
        kids = worker.children()
        worker.proc.kill()  # SIGKILL: no warm shutdown, its unacked messages stay in Redis
        worker.proc.wait()
        for pid in kids:
            os.kill(pid, signal.SIGKILL)
        stranded += store.r.hlen("unacked")
    assert store.counts()["done"] < len(names)
    assert stranded, "no message was in flight when the worker died: the test proved nothing"
    worker = Worker(**FAST_RECOVERY)
    try:
        # Unacked messages come back after the visibility timeout (10 s here); a message
        # the dead worker had popped but not yet recorded as unacked is re-queued by the sweep.
        finish(store, len(names))
        time.sleep(1)
        assert_exactly_once(store, names)
    finally:
        worker.stop()


@pytest.fixture(scope="module")
def faulty_worker():
    w = Worker(app="tests.faults", SEEDFLOW_SOFT_TIME_LIMIT="1.5", SEEDFLOW_TIME_LIMIT="3",
               SEEDFLOW_VISIBILITY_TIMEOUT="10")  # fmt: skip
    yield w
    w.stop()


@pytest.mark.parametrize(("marker", "reason"), [(SLOW, "timeout"), (HANG, "timeout"), (BOOM, "internal")])
def test_pathological_documents_fail_cleanly_and_the_worker_keeps_serving(
    clean: Path, faulty_worker: Worker, marker: str, reason: str
) -> None:
    (clean / "bad.txt").write_text(f"{TEXTS[1]}\n{marker}\n", encoding="utf-8")
    (clean / "good.txt").write_text(TEXTS[0], encoding="utf-8")
    store, ids = claim_all(clean, ["bad.txt", "good.txt"])
    send_batch(ids)  # one batch: the good document must not suffer
    error = store.error_path("bad.txt")
    wait_for(error.exists, 30)
    record = json.loads(error.read_text())
    assert record["reason"] == reason
    assert record["stage"] == "entities"
    wait_for(store.result_path("good.txt").exists, 30)
    wait_for(lambda: store.counts() == {"queued": 0, "running": 0, "done": 1, "failed": 1}, 10)
    assert faulty_worker.proc.poll() is None
    # A failure is final: no retry loop re-runs it.
    attempts = store.doc(record["doc_id"])["attempts:entities"]
    time.sleep(1.5)
    doc = store.doc(record["doc_id"])
    assert doc["attempts:entities"] == attempts and doc["state"] == "failed"


def test_a_batch_delivered_again_after_two_deaths_still_finishes(clean: Path, faulty_worker: Worker) -> None:
    """Two deliveries of a batch died mid-way (their ledger moves are made here by hand;
    SEEDFLOW_MAX_ATTEMPTS is 3). The third delivery splits the batch and restarts each
    document alone. The split itself runs nothing, so it must not count as a delivery:
    counted, it made the documents' own runs their fourth and failed them as poison, which
    ``bench/soak.py`` saw for 9 of 10,000 files under a fault every 3 s."""
    names = [f"mate-{i}.txt" for i in range(3)]
    for i, name in enumerate(names):  # content of their own: no late message of another test applies
        (clean / name).write_text(f"{TEXTS[i]}\nmate {i}\n", encoding="utf-8")
    store, ids = claim_all(clean, names)
    for _ in range(2):
        store.move_many(ids, "running", "normalize")
    send_batch(ids)  # the batch's message, as redelivered after the second death
    for name, doc_id in zip(names, ids, strict=True):
        wait_for(lambda n=name: store.result_path(n).exists() or store.error_path(n).exists(), 30)
        assert store.result_path(name).exists(), store.error_path(name).read_text()
        assert store.doc(doc_id)["attempts:normalize"] == "3"


def test_a_stage_that_finished_before_is_handed_on_not_run_or_counted(clean: Path, faulty_worker: Worker) -> None:
    """Normalize finished for these documents (its layers are stored) but its deliveries
    were never acknowledged (a Redis restart, a worker killed right after), three times,
    which is SEEDFLOW_MAX_ATTEMPTS. The fourth delivery must hand them on to the next
    stages without running normalize again or counting the delivery: counted, it failed
    them as documents that kill their worker, which they are not."""
    from tasks.normalize import normalize_bytes

    names = [f"acked-{i}.txt" for i in range(3)]
    for i, name in enumerate(names):  # content of their own: no late message of another test applies
        (clean / name).write_text(f"{TEXTS[i]}\nacked {i}\n", encoding="utf-8")
    store, ids = claim_all(clean, names)
    writes = store.writes()
    for name, doc_id in zip(names, ids, strict=True):
        writes.put_layer(doc_id, "normalize", normalize_bytes((clean / name).read_bytes())[1].to_layer(), 0.125)
    writes.execute()
    for _ in range(3):
        store.move_many(ids, "running", "normalize")
    send_batch(ids)  # the batch's message, delivered a fourth time
    for name, doc_id in zip(names, ids, strict=True):
        wait_for(lambda n=name: store.result_path(n).exists() or store.error_path(n).exists(), 30)
        assert store.result_path(name).exists(), store.error_path(name).read_text()
        doc = store.doc(doc_id)
        assert (doc["attempts:normalize"], doc["ms:normalize"]) == ("3", "0.125")  # not run again


def test_closing_a_channel_whose_connection_is_gone_is_a_connection_error(redis_url: str) -> None:
    """kombu restores unacked messages when a channel closes; with the broker connection
    already gone that used to raise AttributeError and kill the worker's consumer."""
    kombu_patch.apply()  # as workers.app does
    conn = kombu.Connection(celery_url(redis_url))
    channel = conn.default_channel
    channel.connection.client = None
    with pytest.raises(redis.ConnectionError):
        channel._connparams()
    conn.maybe_close_channel(channel)  # swallowed as a connection error, not raised
