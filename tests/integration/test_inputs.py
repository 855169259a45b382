"""What users actually drop into an inbox: odd names, unreadable files, folders, files
still being written, replaced or deleted, and the failed/retry commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SEED, wait_for

pytestmark = pytest.mark.usefixtures("worker")


def make_watcher(**overrides):
    from workers.pipeline import watcher

    return watcher(overrides)


@pytest.mark.parametrize("name", ["with space.txt", "new\nline.txt", "عاجل: خبر.txt", "-rf.txt", "--help.txt",
                                  "sub dir/ünïcödé.txt", "a'b\"c$(x).txt"])  # fmt: skip
def test_any_file_name_gets_its_result(clean: Path, name: str) -> None:
    from workers.pipeline import store

    (clean / name).parent.mkdir(exist_ok=True)
    (clean / name).write_bytes(SEED.read_bytes())
    assert make_watcher().submit(name) == "new"
    result = store().result_path(name)
    assert result.parent == store().results / Path(name).parent
    wait_for(result.exists)
    assert json.loads(result.read_text())["source"]["path"] == name


def test_a_folder_named_like_a_file_is_a_folder(clean: Path) -> None:
    from workers.pipeline import store

    (clean / "report.txt").mkdir()
    (clean / "report.txt" / "inner.txt").write_bytes(SEED.read_bytes())
    assert make_watcher().scan() == ["report.txt/inner.txt"]
    make_watcher().submit("report.txt/inner.txt")
    wait_for(store().result_path("report.txt/inner.txt").exists)
    assert not store().error_path("report.txt").exists()


def test_an_unreadable_file_is_reported_not_retried(clean: Path) -> None:
    """Root reads any file, so when the tests run as root the read happens in a forked
    child that has dropped to an unprivileged user first."""
    from workers.pipeline import store
    from workers.watcher import _Rejected

    watcher = make_watcher()
    target = clean / "secret.txt"
    target.write_bytes(SEED.read_bytes())
    target.chmod(0o000)
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: never returns into pytest
        try:
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            try:
                watcher._read(target)
                answer = "read"
            except _Rejected as r:
                answer = r.reason.value
            os.write(write_fd, answer.encode())
        finally:
            os._exit(0)
    os.close(write_fd)
    os.waitpid(pid, 0)
    assert os.read(read_fd, 100).decode() == "unreadable"
    os.close(read_fd)
    # Through the real submit path, a rejection becomes a record and is not retried:
    (clean / "gone.txt").write_bytes(b"x")
    (clean / "gone.txt").unlink()
    assert watcher.submit("gone.txt") == "vanished"
    assert json.loads(store().error_path("gone.txt").read_text())["reason"] == "vanished"
    assert store().counts()["failed"] == 1


def test_slow_writer_in_polling_mode_gives_one_complete_document(clean: Path) -> None:
    from workers.pipeline import store

    data = SEED.read_bytes()
    watcher = make_watcher(polling=True, settle_seconds=0.6)
    watcher.start()

    def write_slowly() -> None:
        with open(clean / "slow.txt", "wb") as f:
            for i in range(0, len(data), len(data) // 10):
                f.write(data[i : i + len(data) // 10])
                f.flush()
                time.sleep(0.2)

    try:
        writer = threading.Thread(target=write_slowly)
        writer.start()
        writer.join()
        result = store().result_path("slow.txt")
        wait_for(result.exists)
        assert json.loads(result.read_text())["source"]["size"] == len(data)
    finally:
        watcher.stop()
    assert store().counts()["done"] == 1, "a partial file was processed"


def test_replaced_content_is_a_new_document_with_one_result_file(clean: Path) -> None:
    from workers.pipeline import store

    watcher = make_watcher()
    watcher.start()
    try:
        (clean / "news.txt").write_bytes(SEED.read_bytes())
        result = store().result_path("news.txt")
        wait_for(result.exists)
        first = json.loads(result.read_text())["doc_id"]
        time.sleep(0.05)
        (clean / "news.txt").write_bytes((FIXTURES / "article_b.txt").read_bytes())
        wait_for(lambda: json.loads(result.read_text())["doc_id"] != first)
    finally:
        watcher.stop()
    assert store().counts()["done"] == 2
    assert [p.name for p in store().results.rglob("*.json")] == ["news.txt.json"]


def test_a_file_deleted_before_it_was_read_is_recorded_as_vanished(clean: Path) -> None:
    from workers.pipeline import store

    watcher = make_watcher(polling=True, settle_seconds=1.0)
    watcher.start()
    try:
        (clean / "brief.txt").write_bytes(SEED.read_bytes())
        time.sleep(0.6)  # seen by the poller, not yet settled
        (clean / "brief.txt").unlink()
        error = store().error_path("brief.txt")
        wait_for(error.exists, 10)
        assert json.loads(error.read_text())["reason"] == "vanished"
    finally:
        watcher.stop()


def test_failed_lists_and_retry_requeues_after_the_file_is_fixed(clean: Path) -> None:
    from workers.pipeline import store

    (clean / "draft.txt").write_bytes(b"   \n")
    make_watcher().submit("draft.txt")
    error = store().error_path("draft.txt")
    wait_for(error.exists)
    cli = [sys.executable, "-m", "workers.cli"]
    listed = subprocess.run([*cli, "failed", "--json"], capture_output=True, text=True, check=True)
    records = json.loads(listed.stdout)
    assert [(r["path"], r["reason"]) for r in records] == [("draft.txt", "empty")]
    (clean / "draft.txt").write_bytes(SEED.read_bytes())
    retried = subprocess.run([*cli, "retry", records[0]["doc_id"]], capture_output=True, text=True, check=True)
    assert retried.stdout.split("\t")[0] == "draft.txt"
    wait_for(store().result_path("draft.txt").exists)
    assert not error.exists()
    assert store().counts()["failed"] == 0


def test_a_file_moved_in_from_outside_goes_without_waiting_to_settle(clean: Path, tmp_path: Path) -> None:
    from workers.pipeline import store

    watcher = make_watcher(settle_seconds=30.0)  # waiting to settle would fail this test
    watcher.start()
    try:
        outside = tmp_path / "download.txt"
        outside.write_bytes(SEED.read_bytes())
        os.rename(outside, clean / "moved-in.txt")
        wait_for(store().result_path("moved-in.txt").exists, 10)
        os.rename(clean / "moved-in.txt", tmp_path / "moved-out.txt")  # leaving the inbox is no event to act on
        time.sleep(0.3)
    finally:
        watcher.stop()
    assert store().counts() == {"queued": 0, "running": 0, "done": 1, "failed": 0}


def test_a_burst_starts_with_small_batches_that_double(clean: Path) -> None:
    """The first file of a burst reaches the workers alone, then 2, 4... up to the batch
    size; the end of the burst flushes what is left and starts the doubling over."""
    from workers.pipeline import queues, settings, store
    from workers.watcher import Watcher

    sent: list[int] = []
    watcher = Watcher(settings.model_copy(update={"batch_size": 8}), store(), lambda ids: sent.append(len(ids)),
                      queues(settings))  # fmt: skip
    names = [f"{i:02}.txt" for i in range(25)]
    for i, name in enumerate(names):
        (clean / name).write_bytes(SEED.read_bytes() + f"\n{i}".encode())
        watcher.submit(name, flush=name == names[-1])
    assert sent == [1, 2, 4, 8, 8, 2]
    (clean / "next.txt").write_bytes(SEED.read_bytes() + b"\nnext")
    (clean / "after.txt").write_bytes(SEED.read_bytes() + b"\nafter")
    watcher.submit("next.txt", flush=False)
    watcher.submit("after.txt", flush=True)
    assert sent[-2:] == [1, 1]


def test_a_burst_that_ends_with_a_rejected_file_still_sends_its_batch(clean: Path) -> None:
    """The last file of a burst is the one that flushes the batch; when that file is
    rejected (empty here), the documents claimed before it must still be sent."""
    from workers.pipeline import queues, settings, store
    from workers.watcher import Watcher

    sent: list[list[str]] = []
    watcher = Watcher(settings, store(), sent.append, queues(settings))
    for i, name in enumerate(["a.txt", "b.txt", "c.txt", "d.txt"]):  # batches: a, b+c, then d waits
        (clean / name).write_bytes(SEED.read_bytes() + f"\n{i}".encode())
        assert watcher.submit(name, flush=False) == "new"
    (clean / "last.txt").write_bytes(b"")
    assert watcher.submit("last.txt", flush=True) == "empty"
    assert [len(batch) for batch in sent] == [1, 2, 1]


def test_stopping_mid_burst_sends_what_was_claimed(clean: Path) -> None:
    """``stop()`` queues its sentinel behind the paths still to submit, so the last of
    them is not the end of the burst and flushes nothing: the sentinel must."""
    from workers.pipeline import queues, settings, store
    from workers.watcher import Watcher

    sent: list[list[str]] = []
    watcher = Watcher(settings, store(), sent.append, queues(settings))
    for i, name in enumerate(["a.txt", "b.txt", "c.txt", "d.txt"]):
        (clean / name).write_bytes(SEED.read_bytes() + f"\n{i}".encode())
        watcher.nominate(name)
    watcher._todo.put("")  # what stop() does, with the submit loop run here instead of in its thread
    watcher._submit_loop()
    assert [len(batch) for batch in sent] == [1, 2, 1]


def test_a_batch_the_broker_refused_goes_with_the_next_flush(clean: Path) -> None:
    from workers.pipeline import queues, settings, store
    from workers.watcher import Watcher

    sent: list[list[str]] = []

    def enqueue(batch: list[str]) -> None:
        if not sent:
            sent.append([])
            raise ConnectionError("broker restarting")
        sent.append(batch)

    watcher = Watcher(settings, store(), enqueue, queues(settings))
    for i, name in enumerate(["a.txt", "b.txt"]):
        (clean / name).write_bytes(SEED.read_bytes() + f"\n{i}".encode())
    with pytest.raises(ConnectionError):
        watcher.submit("a.txt")
    assert watcher.submit("b.txt") == "new"
    assert [len(batch) for batch in sent] == [0, 2] and watcher.submitted == 2
