"""Recovery of whole processes: Redis killed (embedded and external), `seedflow run`
stopped and restarted, the watcher killed, and a flood that overflows inotify."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis

from tests.conftest import FAST_RECOVERY, TEXTS, wait_for
from workers.embedded import EmbeddedRedis, server_binary

QUICK = {
    **FAST_RECOVERY,
    "SEEDFLOW_RESCAN_SECONDS": "2",
    "SEEDFLOW_STUCK_SECONDS": "8",
    "SEEDFLOW_SETTLE_SECONDS": "0.3",
    "SEEDFLOW_LOG_JSON": "1",
}


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("SEEDFLOW_")}
    return {**base, **QUICK, **extra}


def fill(inbox: Path, n: int, *, tiny: bool = False) -> list[str]:
    inbox.mkdir(parents=True, exist_ok=True)
    names = []
    for i in range(n):
        name = f"doc-{i:05d}.txt"
        body = f"خبر عاجل رقم {i}: التقى وزير الخارجية السعودي نظيره المصري في الرياض." if tiny else TEXTS[i % 3]
        (inbox / name).write_text(f"{body}\nرقم {i}\n", encoding="utf-8")
        names.append(name)
    return names


def results_of(out: Path) -> list[str]:
    return sorted(p.name[: -len(".json")] for p in out.glob("*.json"))


def ledger(state_dir: Path) -> dict:
    """Open the AOF a finished run left behind and read its ledger."""
    from workers.store import Store

    server = EmbeddedRedis(state_dir)
    store = Store(redis.Redis.from_url(server.start()), state_dir / "unused")
    try:
        docs = [store.doc(k.decode()[7:]) for k in store.r.scan_iter("sf:doc:*")]
        return {"counts": store.counts(), "docs": docs}
    finally:
        store.r.close()
        server.stop()


class Cli:
    """A ``seedflow`` subprocess whose log goes to a file: a pipe nobody reads while
    10,000 documents are logged would fill up and freeze the process."""

    def __init__(self, *args: str, cwd: Path, extra: dict[str, str] | None = None) -> None:
        self.log = cwd / f"seedflow-{args[0]}-{time.monotonic_ns()}.log"
        with self.log.open("w") as f:
            self.proc = subprocess.Popen([sys.executable, "-m", "workers.cli", *args], cwd=cwd,
                                         env=env(**(extra or {})), stderr=f)  # fmt: skip
        self.pid = self.proc.pid

    def poll(self) -> int | None:
        return self.proc.poll()

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 120) -> tuple[int, str]:
        """Signal the process (if still running), wait, and return its exit code and log."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        return self.wait(timeout)

    def wait(self, timeout: float = 240) -> tuple[int, str]:
        code = self.proc.wait(timeout)
        return code, self.log.read_text()


def test_embedded_redis_killed_mid_run_restarts_from_its_aof(tmp_path: Path) -> None:
    names = fill(tmp_path / "in", 150)
    proc = Cli("run", "--once", "--inbox", "in", "--results", "out", "--workers", "2", cwd=tmp_path)
    wait_for(lambda: len(results_of(tmp_path / "out")) >= 30, 60)
    os.kill(int((tmp_path / ".seedflow" / "redis.pid").read_text()), signal.SIGKILL)
    code, err = proc.wait()
    assert code == 0, err[-3000:]
    assert "redis.died" in err
    assert results_of(tmp_path / "out") == names
    assert not (tmp_path / "out" / "failed").exists()
    book = ledger(tmp_path / ".seedflow")
    assert book["counts"] == {"queued": 0, "running": 0, "done": 150, "failed": 0}


def test_run_stopped_with_sigterm_resumes_without_doing_anything_twice(tmp_path: Path) -> None:
    names = fill(tmp_path / "in", 150)
    proc = Cli("run", "--inbox", "in", "--results", "out", "--workers", "2", cwd=tmp_path)
    wait_for(lambda: len(results_of(tmp_path / "out")) >= 30, 60)
    code, err = proc.stop()
    assert code == 0, err[-3000:]
    first = len(results_of(tmp_path / "out"))
    assert first < len(names), "the run finished before it was stopped: the test proved nothing"
    code, err = Cli("run", "--once", "--inbox", "in", "--results", "out", "--workers", "2", cwd=tmp_path).wait()
    assert code == 0, err[-3000:]
    assert results_of(tmp_path / "out") == names
    book = ledger(tmp_path / ".seedflow")
    assert book["counts"] == {"queued": 0, "running": 0, "done": 150, "failed": 0}
    assert {d.get("attempts:normalize") for d in book["docs"]} == {"1"}, "a document was normalized twice"
    assert {d.get("attempts:assemble") for d in book["docs"]} == {"1"}, "a document was assembled twice"


def test_external_redis_restart_and_killed_watcher(tmp_path: Path) -> None:
    """With an external Redis, workers and the watcher reconnect instead of dying."""
    sock = tmp_path / "r.sock"
    args = [str(server_binary()), "--port", "0", "--unixsocket", str(sock), "--dir", str(tmp_path),
            "--appendonly", "yes", "--save", ""]  # fmt: skip
    server = subprocess.Popen(args, stdout=subprocess.DEVNULL)
    url = f"unix://{sock}"
    wait_for(lambda: sock.exists(), 10)
    extra = {"SEEDFLOW_REDIS_URL": url, "SEEDFLOW_INBOX": "in", "SEEDFLOW_RESULTS": "out"}
    worker = Cli("worker", "--workers", "2", cwd=tmp_path, extra=extra)
    watcher = Cli("watch", cwd=tmp_path, extra=extra)
    try:
        names = fill(tmp_path / "in", 60)
        wait_for(lambda: len(results_of(tmp_path / "out")) >= 10, 60)
        server.kill()
        server.wait()
        watcher.kill()  # the watcher dies too, mid-run
        watcher.wait()
        time.sleep(2)
        assert worker.poll() is None, "the worker died with Redis"
        server = subprocess.Popen(args, stdout=subprocess.DEVNULL)
        names += [n for n in fill(tmp_path / "in", 90) if n not in names]  # files arriving meanwhile
        watcher = Cli("watch", cwd=tmp_path, extra=extra)
        wait_for(lambda: results_of(tmp_path / "out") == names, 180)
        assert worker.poll() is None and watcher.poll() is None
        client = redis.Redis.from_url(url)
        wait_for(lambda: client.zcard("sf:state:done") == len(names), 30)
        assert client.zcard("sf:state:failed") == 0
    finally:
        for p in (watcher, worker):
            p.stop(timeout=60)
        server.terminate()
        server.wait()


@pytest.mark.timeout(900)
def test_flood_with_a_real_inotify_overflow(tmp_path: Path) -> None:
    """10,000 files arrive while the watcher is frozen: the kernel's event queue (16,384
    by default) overflows for real, and the rescan that the overflow triggers finds them."""
    inbox = tmp_path / "in"
    inbox.mkdir()
    proc = Cli("run", "--inbox", "in", "--results", "out", "--workers", "2", cwd=tmp_path,
               extra={"SEEDFLOW_RESCAN_SECONDS": "3600"})  # fmt: skip
    try:
        wait_for(lambda: (tmp_path / ".seedflow" / "redis.url").exists(), 30)
        time.sleep(1)
        os.kill(proc.pid, signal.SIGSTOP)
        names = fill(inbox, 10_000, tiny=True)
        os.kill(proc.pid, signal.SIGCONT)
        wait_for(lambda: len(list((tmp_path / "out").glob("*.json"))) == len(names), 600, interval=1)
    finally:
        os.kill(proc.pid, signal.SIGCONT)
        _, err = proc.stop()
    assert results_of(tmp_path / "out") == names
    events = [json.loads(line)["event"] for line in err.splitlines() if line.startswith('{"')]
    assert "watcher.overflow" in events, "the kernel queue did not overflow: the test proved nothing"
    assert "watcher.rescan" in events
