"""A batch's writes go to a real redis-server as one script call per kind: each document
still gets exactly its own outcome, and a finished document is never written to again."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import orjson
import redis

from workers.store import HIST_KEY, Store, bucket_field


def _store(results: Path) -> Store:
    return Store(redis.Redis.from_url(os.environ["SEEDFLOW_REDIS_URL"]), results, result_ttl=60)


def test_batched_moves_layers_and_finishes_keep_each_document_apart(clean: Path, tmp_path: Path) -> None:
    s = _store(tmp_path / "results")
    ids = ["a" * 64, "b" * 64, "c" * 64]
    for i, doc_id in enumerate(ids):
        assert s.claim(doc_id, f"in/{i}.txt", f"text {i}".encode()) == "new"
    s.move(ids[2], "failed", "normalize", "internal")

    moves = s.move_many([*ids, "d" * 64], "running", "entities")
    assert moves == [("queued", 1), ("queued", 1), ("failed", 1), (None, 0)]  # failed: a duplicate delivery

    w = s.writes()
    for doc_id, ms in zip(ids, (3.0, 30.0, 3.0), strict=True):
        w.put_layer(doc_id, "entities", [{"doc": doc_id[0]}], ms)
    w.execute()
    assert orjson.loads(s.r.get(f"sf:entities:{ids[0]}")) == [{"doc": "a"}]
    assert orjson.loads(s.r.get(f"sf:entities:{ids[1]}")) == [{"doc": "b"}]
    assert s.r.get(f"sf:entities:{ids[2]}") is None  # the failed document gets no layer back
    assert s.doc(ids[1])["ms:entities"] == "30.000"
    hist = {k.decode(): v.decode() for k, v in s.r.hgetall(HIST_KEY.format(stage="entities")).items()}
    assert hist[bucket_field(0.005)] == "1" and hist[bucket_field(0.05)] == "1"
    assert abs(float(hist["sum"]) - 0.033) < 1e-9

    events = s.r.pubsub()
    events.subscribe("sf:events")
    events.get_message(timeout=1)  # the subscription confirmation
    w = s.writes()
    for i, doc_id in enumerate(ids[:2]):
        w.finish(doc_id, orjson.dumps({"doc_id": doc_id}), f"in/{i}.txt", [f"in/{i}.txt"], seconds=0.002)
    w.execute()

    assert s.counts() == {"queued": 0, "running": 0, "done": 2, "failed": 1}
    for i, doc_id in enumerate(ids[:2]):
        assert orjson.loads(s.result(doc_id)) == {"doc_id": doc_id}
        assert 0 < s.r.ttl(f"sf:result:{doc_id}") <= 60
        assert orjson.loads(s.result_path(f"in/{i}.txt").read_bytes()) == {"doc_id": doc_id}
        assert s.r.get(f"sf:entities:{doc_id}") is None and s.r.get(f"sf:raw:{doc_id}") is None  # dropped at done
    published = [events.get_message(timeout=1) for _ in range(2)]
    assert [orjson.loads(m["data"]) for m in published if m] == [
        {"doc_id": ids[0], "state": "done"},
        {"doc_id": ids[1], "state": "done"},
    ]
    assert s.r.hget(HIST_KEY.format(stage="assemble"), bucket_field(0.005)) == b"2"


def test_a_stage_delivered_again_after_the_join_still_assembles(clean: Path) -> None:
    """The worker completing the join dies before assemble has run: the redelivered stage
    finds the join complete (it is kept, not deleted) and assembles, instead of leaving the
    document to the stuck-document sweep. The stage functions run here, in this process;
    the messages they send stay in the queue (no worker in this module)."""
    from tests.conftest import SEED
    from workers.pipeline import entities, normalize, stance, store

    s = store()
    data = SEED.read_bytes()
    doc_id = hashlib.sha256(data).hexdigest()
    assert s.claim(doc_id, "seed.txt", data) == "new"
    normalize([doc_id])
    entities([doc_id])
    assert s.join([doc_id], "stance") == 2  # the stance worker got this far, then died
    assert s.doc(doc_id)["state"] == "running" and not s.result_path("seed.txt").exists()

    stance([doc_id])  # the same message, delivered again

    assert s.doc(doc_id)["state"] == "done"
    assert s.doc(doc_id)["attempts:stance"] == "1"  # the join above stood in for the first run
    result = orjson.loads(s.result_path("seed.txt").read_bytes())
    assert result["doc_id"] == doc_id and result["stances"] and result["entities"]
