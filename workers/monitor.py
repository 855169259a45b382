"""What is going on: one snapshot function shared by ``seedflow status`` and the live view.

All figures come from Redis in one round trip (ledger sorted sets, queue lists, failure
counters), except workers online, which asks Celery (a broadcast ping with a short
timeout) and is therefore optional.
"""

from __future__ import annotations

import time
from typing import Any

from rich.table import Table

from workers.queues import queue_keys
from workers.store import REASONS, STATES, Store


def snapshot(store: Store, queue_names: list[str], *, window: float = 60.0) -> dict[str, Any]:
    now = time.time()
    pipe = store.r.pipeline(transaction=False)
    for s in STATES:
        pipe.zcard(f"sf:state:{s}")
    for q in queue_names:
        for key in queue_keys(q):
            pipe.llen(key)
    pipe.zcount("sf:state:done", now - window, "+inf")
    pipe.zrange("sf:state:queued", 0, 0, withscores=True)
    pipe.hgetall(REASONS)
    out = pipe.execute()
    counts = dict(zip(STATES, out[: len(STATES)], strict=True))
    rest = out[len(STATES) :]
    per_queue = len(queue_keys(""))
    depth = {q: sum(rest[i * per_queue : (i + 1) * per_queue]) for i, q in enumerate(queue_names)}
    recent, oldest, reasons = rest[len(queue_names) * per_queue :]
    return {
        **counts,
        "queues": depth,
        "throughput_per_s": round(recent / window, 2),
        "oldest_queued_s": round(now - oldest[0][1], 1) if oldest else 0.0,
        "failures": {k.decode(): int(v) for k, v in reasons.items()},
        "at": now,
    }


def table(snap: dict[str, Any]) -> Table:
    t = Table(title="seedflow", show_header=True, header_style="bold")
    for col in ("queued", "running", "done", "failed", "messages", "docs/s", "oldest queued", "workers"):
        t.add_column(col, justify="right")
    workers = snap.get("workers")
    t.add_row(
        *(str(snap[s]) for s in STATES),
        " ".join(f"{q}={n}" for q, n in snap["queues"].items()),
        f"{snap['throughput_per_s']:.1f}",
        f"{snap['oldest_queued_s']:.0f} s",
        "?" if workers is None else str(len(workers)),
    )
    if snap["failures"]:
        t.caption = "failures: " + ", ".join(f"{k}={v}" for k, v in sorted(snap["failures"].items()))
    return t


def workers_online(app: Any, timeout: float = 1.0) -> list[str]:
    replies = app.control.ping(timeout=timeout) or []
    return sorted(name for reply in replies for name in reply)
