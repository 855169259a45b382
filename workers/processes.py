"""Stopping a child process politely, then firmly: one rule for Redis, workers and Flower."""

from __future__ import annotations

import subprocess

from workers.logs import log


def stop(proc: subprocess.Popen[bytes] | None, timeout: float, *, name: str) -> None:
    """SIGTERM (Celery's warm shutdown, Redis' AOF flush), then SIGKILL after ``timeout``."""
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        log.warning("process.killed", process=name, why=f"still running {timeout:.0f} s after SIGTERM")
        proc.kill()
        proc.wait()
