"""The pipeline against a real redis-server and a real Celery worker subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import FIXTURES, ROOT, SEED, Worker, wait_for

SCHEMA = json.loads((ROOT / "schema" / "result.schema.json").read_text())
ERROR_SCHEMA = json.loads((ROOT / "schema" / "error.schema.json").read_text())

pytestmark = pytest.mark.usefixtures("worker")


@pytest.fixture
def watcher(clean: Path):
    from workers.pipeline import watcher as make

    return make()


def outcome(rel: str, *, failed: bool = False, timeout: float = 30) -> dict:
    from workers.pipeline import store

    path = store().error_path(rel) if failed else store().result_path(rel)
    wait_for(path.exists, timeout)
    return json.loads(path.read_text())


def test_a_file_becomes_one_valid_result(watcher, clean: Path) -> None:
    from workers.pipeline import store

    (clean / "seed.txt").write_bytes(SEED.read_bytes())
    assert watcher.submit("seed.txt") == "new"
    result = outcome("seed.txt")
    jsonschema.validate(result, SCHEMA)
    assert result["doc_id"] == result["source"]["sha256"]
    assert result["source"]["path"] == "seed.txt"
    assert result["language"] == "ar"
    assert set(result["timings_ms"]) == {"normalize", "entities", "stance", "assemble"}
    assert len(result["normalized"]["sentences"]) == 17
    s = store()
    assert s.counts() == {"queued": 0, "running": 0, "done": 1, "failed": 0}
    assert json.loads(s.result(result["doc_id"]))["doc_id"] == result["doc_id"]
    # Intermediate layers are gone once the document is done.
    assert not s.r.keys(f"sf:raw:{result['doc_id']}") and not s.r.keys(f"sf:normalize:{result['doc_id']}")


def test_same_content_is_processed_once_under_every_name(watcher, clean: Path) -> None:
    from workers.pipeline import store

    for name in ("a.txt", "sub/b.txt", "c.txt"):
        (clean / name).parent.mkdir(exist_ok=True)
        (clean / name).write_bytes(SEED.read_bytes())
    states = [watcher.submit(n) for n in ("a.txt", "sub/b.txt")]
    assert states[0] == "new" and states[1] in ("queued", "running", "done")
    first = outcome("a.txt")
    outcome("sub/b.txt")
    assert watcher.submit("c.txt") == "done"  # written at once from the stored result
    third = outcome("c.txt", timeout=0.1)
    assert third["source"]["path"] == "c.txt" and third["doc_id"] == first["doc_id"]
    s = store()
    assert s.counts()["done"] == 1
    assert int(s.doc(first["doc_id"])["attempts:normalize"]) == 1
    assert not s.r.exists(f"sf:raw:{first['doc_id']}"), "known content must not re-enter Redis"


def test_encodings_give_the_same_analysis(watcher, clean: Path) -> None:
    text = (FIXTURES / "article_a.txt").read_text(encoding="utf-8").encode("cp1256", "replace").decode("cp1256")
    (clean / "u8.txt").write_bytes(text.encode("utf-8"))
    (clean / "cp.txt").write_bytes(text.encode("cp1256"))
    (clean / "u16.txt").write_bytes(text.encode("utf-16"))
    for n in ("u8.txt", "cp.txt", "u16.txt"):
        assert watcher.submit(n) == "new"
    results = {n: outcome(n) for n in ("u8.txt", "cp.txt", "u16.txt")}
    assert results["cp.txt"]["normalized"]["encoding"] == "cp1256"
    assert results["u16.txt"]["normalized"]["encoding"] == "utf-16-le"
    texts = {r["normalized"]["text"] for r in results.values()}
    assert len(texts) == 1
    assert len({r["doc_id"] for r in results.values()}) == 3


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("empty.txt", lambda p: p.write_bytes(b""), "empty"),
        ("blank.txt", lambda p: p.write_bytes(b" \n\t\n"), "empty"),
        ("junk.bin", lambda p: p.write_bytes(os.urandom(2048) + b"\x00"), "binary"),
        ("big.txt", lambda p: p.write_bytes(b"a" * (16 * 1024 * 1024 + 1)), "too_large"),
        ("bad.txt", lambda p: p.write_bytes(b"\xef\xbb\xbf\xff\xfe\xfa text"), "undecodable"),
        ("link.txt", lambda p: p.symlink_to("/etc/hostname"), "symlink"),
        ("fifo.txt", lambda p: os.mkfifo(p), "not_regular"),
        ("gone.txt", lambda p: None, "vanished"),
    ],
)
def test_bad_input_gets_an_error_record(watcher, clean: Path, name: str, make, reason: str) -> None:
    from workers.pipeline import store

    make(clean / name)
    watcher.submit(name)
    record = outcome(name, failed=True)
    jsonschema.validate(record, ERROR_SCHEMA)
    assert record["reason"] == reason
    assert record["path"] == name
    assert record["message"]
    s = store()
    assert [f["reason"] for f in s.failed()] == [reason]
    assert s.counts()["failed"] == 1
    assert not store().result_path(name).exists()


def test_watcher_picks_up_written_and_renamed_files_and_ignores_junk(watcher, clean: Path) -> None:
    from workers.pipeline import store

    watcher.start()
    try:
        with open(clean / "written.txt", "wb") as f:
            f.write(SEED.read_bytes()[:2000])
            f.flush()
            f.write(SEED.read_bytes()[2000:])
        (clean / "incoming.part").write_bytes((FIXTURES / "article_b.txt").read_bytes())
        os.rename(clean / "incoming.part", clean / "renamed.txt")
        (clean / "deep" / "er").mkdir(parents=True)
        (clean / "deep" / "er" / "nested.txt").write_bytes((FIXTURES / "article_a.txt").read_bytes())
        for junk in (".hidden.txt", "x.tmp", "y.txt~", ".DS_Store", "Thumbs.db", "z.swp"):
            (clean / junk).write_bytes(b"junk that must not be processed")
        written = outcome("written.txt")
        assert written["source"]["size"] == len(SEED.read_bytes())
        outcome("renamed.txt")
        outcome("deep/er/nested.txt")
    finally:
        watcher.stop()
    s = store()
    assert s.counts()["done"] == 3 and s.counts()["failed"] == 0
    assert sorted(p.name for p in s.results.rglob("*.json")) == ["nested.txt.json", "renamed.txt.json",
                                                                  "written.txt.json"]  # fmt: skip


def test_catch_up_scan_submits_only_files_without_outcome(watcher, clean: Path) -> None:
    (clean / "one.txt").write_bytes(SEED.read_bytes())
    assert watcher.scan() == ["one.txt"]
    watcher.start(observe=False)
    try:
        outcome("one.txt")
        (clean / "two.txt").write_bytes((FIXTURES / "article_b.txt").read_bytes())
        assert watcher.scan() == ["two.txt"]
        outcome("two.txt")
        assert watcher.scan() == []
    finally:
        watcher.stop()


def test_a_redelivered_stage_changes_nothing(watcher, clean: Path) -> None:
    from workers.pipeline import assemble, normalize, store

    (clean / "seed.txt").write_bytes(SEED.read_bytes())
    watcher.submit("seed.txt")
    first = outcome("seed.txt")
    doc_id = first["doc_id"]
    normalize.apply_async(([doc_id],), ignore_result=True)
    assemble.apply_async(([doc_id],), ignore_result=True)
    s = store()
    wait_for(lambda: s.doc(doc_id).get("duplicates") == "2")
    assert s.doc(doc_id)["attempts:assemble"] == "1"
    assert s.counts() == {"queued": 0, "running": 0, "done": 1, "failed": 0}
    assert json.loads(s.result_path("seed.txt").read_text())["source"]["finished_at"] == first["source"]["finished_at"]


def test_status_json_reports_the_ledger(watcher, clean: Path) -> None:
    (clean / "seed.txt").write_bytes(SEED.read_bytes())
    (clean / "empty.txt").write_bytes(b"")
    watcher.submit("seed.txt")
    watcher.submit("empty.txt")
    outcome("seed.txt")
    cmd = [sys.executable, "-m", "workers.cli", "status", "--json"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    status = json.loads(out.stdout)
    assert (status["done"], status["failed"], status["queued"]) == (1, 1, 0)
    assert status["queues"] == {"seedflow": 0}
    assert status["failures"] == {"empty": 1}
    assert len(status["workers"]) >= 1
    wide = {**os.environ, "COLUMNS": "120"}
    table = subprocess.run(cmd[:-1], capture_output=True, text=True, check=True, env=wide)
    assert "seedflow=0" in table.stdout and "empty=1" in table.stdout


def test_new_documents_queue_behind_documents_already_started(clean: Path) -> None:
    """New documents go to the lowest-priority list, so started ones finish first."""
    from workers.app import app, queue_keys, settings
    from workers.pipeline import enqueue, store

    assert app.control.cancel_consumer(settings.queue, reply=True, timeout=5)
    try:
        time.sleep(1.5)  # a BRPOP already in flight (1 s timeout) may still take one message
        enqueue(["0" * 64])
        lists = {key: store().r.llen(key) for key in queue_keys(settings.queue)}
        assert lists == {settings.queue: 0, f"{settings.queue}\x06\x163": 0, f"{settings.queue}\x06\x166": 0,
                         f"{settings.queue}\x06\x169": 1}  # fmt: skip
    finally:
        store().r.delete(*queue_keys(settings.queue))
        assert app.control.add_consumer(settings.queue, reply=True, timeout=5)


def test_each_pool_process_warms_up_when_it_starts(tmp_path: Path) -> None:
    """Models and per-word caches are loaded before a pool process takes its first task."""
    log = tmp_path / "worker.log"
    worker = Worker(log=log, concurrency=2, SEEDFLOW_WARM_UP_WORDS="400")
    try:
        warmed = lambda: [json.loads(x) for x in log.read_text().splitlines() if '"worker.warmed_up"' in x]  # noqa: E731
        wait_for(lambda: len(warmed()) == 2, 60)
        assert [w["words"] for w in warmed()] == [400, 400]
    finally:
        worker.stop()
