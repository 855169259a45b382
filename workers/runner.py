"""``seedflow run``: everything on one machine, supervised.

Starts (in order) the embedded Redis if no URL is configured, a Celery worker
subprocess, and the watcher; restarts the worker if it dies; shows progress; and on
Ctrl-C / SIGTERM stops in reverse order, giving the worker a warm shutdown (running
tasks finish; with late acks anything unfinished goes back to the queue).
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import threading
import time

from rich.console import Console
from rich.live import Live

from workers import processes
from workers.embedded import EmbeddedRedis, find_running
from workers.logs import log
from workers.settings import Settings
from workers.store import Store


def worker_command(settings: Settings, queue_names: list[str], *, name: str) -> list[str]:
    cmd = [sys.executable, "-m", "celery", "--quiet", "-A", "workers.app", "worker",
           "--concurrency", str(settings.workers), "--queues", ",".join(queue_names),
           "--hostname", name, "--loglevel", "WARNING"]  # fmt: skip
    if not settings.events:
        cmd += ["--without-mingle", "--without-gossip", "--without-heartbeat"]
    return cmd


class WorkerProcess:
    """One ``celery worker`` subprocess, restarted when it exits on its own."""

    def __init__(self, cmd: list[str]) -> None:
        self.cmd = cmd
        self.proc: subprocess.Popen[bytes] | None = None
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._supervise, name="worker-supervisor", daemon=True)

    def start(self) -> None:
        self._spawn()
        self._thread.start()

    def _spawn(self) -> None:
        # Own process group: a Ctrl-C in the terminal reaches seedflow, which then asks
        # the worker for a warm shutdown, instead of hitting the worker twice.
        self.proc = subprocess.Popen(self.cmd, process_group=0)
        log.info("worker.started", pid=self.proc.pid)

    def _supervise(self) -> None:
        while not self._stopping.wait(0.5):
            if self.proc and self.proc.poll() is not None and not self._stopping.is_set():
                log.warning("worker.died", code=self.proc.returncode, action="restarting")
                self._spawn()

    def stop(self, timeout: float) -> None:
        self._stopping.set()
        processes.stop(self.proc, timeout, name="worker")
        log.info("worker.stopped")


def flower_command(settings: Settings) -> tuple[list[str], dict[str, str]]:
    """Flower on the same broker; the login travels in its environment, not its
    arguments, so it never shows in the process list."""
    cmd = [sys.executable, "-m", "celery", "-A", "workers.app", "flower", "--port=5555"]
    env = dict(os.environ)
    if settings.flower_auth:
        env["FLOWER_BASIC_AUTH"] = settings.flower_auth.get_secret_value()
    else:
        cmd.append("--address=127.0.0.1")  # no login: reachable from this machine only
    return cmd, env


def run(settings: Settings, *, once: bool, flower: bool = False) -> int:
    embedded = None
    if not settings.url():
        if find_running(settings.state_dir):
            action = "another `seedflow run` uses this state directory; stop it or pass --state-dir"
            log.error("run.busy", state_dir=str(settings.state_dir), action=action)
            return 2
        embedded = EmbeddedRedis(settings.state_dir)
        os.environ["SEEDFLOW_REDIS_URL"] = embedded.start()
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    if flower and importlib.util.find_spec("flower") is None:
        log.error("flower.missing", action='install it: pip install -e ".[flower]"')
        return 2
    if flower:
        os.environ["SEEDFLOW_EVENTS"] = "1"  # Flower sees tasks only through worker events
        settings = settings.model_copy(update={"events": True})
    worker = watcher = flower_proc = None
    try:
        from workers.app import queues
        from workers.pipeline import store
        from workers.pipeline import watcher as make_watcher

        names = queues(settings)
        worker = WorkerProcess(worker_command(settings, names, name=f"seedflow-{os.getpid()}@%h"))
        worker.start()
        watcher = make_watcher()
        watcher.start(observe=not once)
        if not once:
            from workers.app import app
            from workers.metrics import start_metrics_server
            from workers.monitor import workers_online

            start_metrics_server(store(), names, settings.metrics_port, addr="127.0.0.1",
                                 workers_online=lambda: workers_online(app, timeout=0.5))  # fmt: skip
        if flower:
            cmd, env = flower_command(settings)
            flower_proc = subprocess.Popen(cmd, env=env, process_group=0)
            log.info("flower.started", url="http://localhost:5555", auth=bool(settings.flower_auth))
        t0 = time.time()
        todo = watcher.scan()
        log.info("run.catch_up", files=len(todo))
        if once:
            watcher.drain()
            return 0 if _wait_for_outcomes(settings, store(), todo, t0, stop) else 1
        _show_progress(settings, store(), names, stop)
        return 0
    finally:
        processes.stop(flower_proc, 10, name="flower")
        if watcher:
            watcher.stop()
        if worker:
            worker.stop(settings.time_limit + 10)
        if embedded:
            embedded.stop()


def _wait_for_outcomes(settings: Settings, store: Store, todo: list[str], t0: float, stop: threading.Event) -> bool:
    """Wait until each path has a result or error file written by this run.

    Paths finish roughly in the order they were submitted, so each poll checks from the
    oldest unfinished path onwards and stops at the first that is not done: a handful of
    stats per poll instead of one per waiting file (which, for 10,000 files, would take
    a core away from the workers)."""
    remaining = list(reversed(todo))
    last_report = 0.0
    while remaining and not stop.is_set():
        while remaining and _fresh_outcome(store, remaining[-1], t0):
            remaining.pop()
        if time.monotonic() - last_report > 5:
            log.info("run.progress", done=len(todo) - len(remaining), total=len(todo))
            last_report = time.monotonic()
        if remaining:
            stop.wait(0.02)
    if remaining:
        log.warning("run.interrupted", unfinished=len(remaining))
        return False
    log.info("run.finished", files=len(todo), seconds=round(time.time() - t0, 2))
    return True


def _fresh_outcome(store: Store, rel: str, t0: float) -> bool:
    for p in (store.result_path(rel), store.error_path(rel)):
        try:
            if p.stat().st_mtime >= t0 - 0.05:
                return True
        except OSError:
            continue
    return False


def _show_progress(settings: Settings, store: Store, names: list[str], stop: threading.Event) -> None:
    from workers.monitor import snapshot, table

    console = Console(stderr=True)
    if console.is_terminal:
        with Live(table(snapshot(store, names)), console=console, refresh_per_second=2) as live:
            while not stop.wait(0.5):
                live.update(table(snapshot(store, names)))
        return
    last: dict[str, int] = {}
    while not stop.wait(10):
        snap = snapshot(store, names)
        counts = {k: snap[k] for k in ("queued", "running", "done", "failed")}
        if counts != last:
            log.info("status", **counts, per_s=snap["throughput_per_s"])
            last = counts
