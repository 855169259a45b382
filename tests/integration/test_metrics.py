"""``/metrics`` against a real Redis and a real Celery worker: values move as documents flow.

Each test starts the exporter on a free port and scrapes it over HTTP, as Prometheus would.
The servers are daemon threads (``start_metrics_server`` returns nothing to stop) and die
with the test process.
"""

from __future__ import annotations

import math
import os
import socket
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
import redis
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import FIXTURES, SEED, wait_for

pytestmark = pytest.mark.usefixtures("worker")
Scrape = Callable[[], dict[tuple[str, tuple[tuple[str, str], ...]], float]]
IDLE = "sf-test-idle"  # a queue no worker consumes, to see depth without racing a worker


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def val(m: dict, name: str, **labels: str) -> float | None:
    return m.get((name, tuple(sorted(labels.items()))))


@pytest.fixture
def scrape(clean: Path) -> Scrape:
    from workers.app import app, queues, settings
    from workers.metrics import start_metrics_server
    from workers.monitor import workers_online
    from workers.pipeline import store

    port = _free_port()
    names = [*queues(settings), IDLE]
    start_metrics_server(store(), names, port, workers_online=lambda: workers_online(app, 0.5), addr="127.0.0.1")

    def get() -> dict:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as resp:
            assert resp.status == 200
            body = resp.read().decode()
        return {(s.name, tuple(sorted(s.labels.items()))): s.value
                for fam in text_string_to_metric_families(body) for s in fam.samples}  # fmt: skip

    wait_for(lambda: _answers(port), timeout=5)
    return get


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


def _submit(inbox: Path, files: dict[str, bytes]) -> None:
    from workers.pipeline import watcher

    w = watcher()
    for name, data in files.items():
        (inbox / name).write_bytes(data)
        w.submit(name)


def _outcomes(names: list[str], failed: list[str]) -> None:
    from workers.pipeline import store

    s = store()
    for n in names:
        wait_for(s.result_path(n).exists, 60)
    for n in failed:
        wait_for(s.error_path(n).exists, 60)


GOOD = {"seed.txt": SEED.read_bytes(), "a.txt": (FIXTURES / "article_a.txt").read_bytes(),
        "b.txt": (FIXTURES / "article_b.txt").read_bytes()}  # fmt: skip


def test_an_idle_pipeline_scrapes_as_zeros(scrape: Scrape) -> None:
    m = scrape()
    assert val(m, "seedflow_redis_up") == 1
    for state in ("queued", "running", "done", "failed"):
        assert val(m, "seedflow_documents", state=state) == 0
    assert val(m, "seedflow_queue_depth", queue="seedflow") == 0
    assert val(m, "seedflow_oldest_queued_seconds") == 0
    assert val(m, "seedflow_workers_online") >= 1
    assert not [k for k in m if k[0] == "seedflow_failures_total"]
    for stage in ("normalize", "entities", "stance", "assemble"):
        assert val(m, "seedflow_stage_duration_seconds_count", stage=stage) == 0


def test_values_follow_documents_from_queue_to_done_and_failed(scrape: Scrape, clean: Path) -> None:
    from workers.app import app, settings

    # Stop the worker consuming, so the backlog is observable rather than a race.
    assert app.control.cancel_consumer(settings.queue, reply=True, timeout=5)
    try:
        time.sleep(1.5)  # a BRPOP already in flight (1 s timeout) may still take one message
        _submit(clean, {**GOOD, "empty.txt": b"", "junk.bin": os.urandom(2048) + b"\x00"})
        time.sleep(1.1)
        m = scrape()
        assert val(m, "seedflow_queue_depth", queue="seedflow") == 4  # 3 articles + the binary
        assert val(m, "seedflow_documents", state="queued") == 4
        assert val(m, "seedflow_documents", state="failed") == 1  # empty: refused by the watcher
        assert val(m, "seedflow_failures_total", reason="empty") == 1
        assert val(m, "seedflow_oldest_queued_seconds") >= 1.0
    finally:
        assert app.control.add_consumer(settings.queue, reply=True, timeout=5)

    _outcomes(list(GOOD), ["empty.txt", "junk.bin"])
    m = wait_for(lambda: (m := scrape()) and val(m, "seedflow_documents", state="done") == 3 and m, 10)
    assert val(m, "seedflow_queue_depth", queue="seedflow") == 0
    assert val(m, "seedflow_documents", state="queued") == 0
    assert val(m, "seedflow_documents", state="running") == 0
    assert val(m, "seedflow_documents", state="failed") == 2
    assert val(m, "seedflow_failures_total", reason="empty") == 1
    assert val(m, "seedflow_failures_total", reason="binary") == 1
    assert val(m, "seedflow_oldest_queued_seconds") == 0
    assert val(m, "seedflow_throughput_per_second") == pytest.approx(3 / 60, abs=0.01)


def test_queue_depth_counts_every_configured_queue(scrape: Scrape, redis_url: str) -> None:
    redis.Redis.from_url(redis_url).lpush(IDLE, "a", "b", "c")
    assert val(scrape(), "seedflow_queue_depth", queue=IDLE) == 3


def test_stage_histogram_counts_every_stage_of_every_document(scrape: Scrape, clean: Path) -> None:
    _submit(clean, {k: GOOD[k] for k in ("seed.txt", "a.txt")})
    _outcomes(["seed.txt", "a.txt"], [])
    m = scrape()
    for stage in ("normalize", "entities", "stance", "assemble"):
        count = val(m, "seedflow_stage_duration_seconds_count", stage=stage)
        assert count == 2, f"{stage}: {count} observations for 2 documents"
        assert val(m, "seedflow_stage_duration_seconds_sum", stage=stage) > 0
        assert val(m, "seedflow_stage_duration_seconds_bucket", stage=stage, le="+Inf") == 2


def test_stage_timings_fill_buckets_cumulatively(scrape: Scrape, redis_url: str, tmp_path: Path) -> None:
    from workers.store import Store

    w = Store(redis.Redis.from_url(redis_url), tmp_path).writes()
    for i, seconds in enumerate((0.003, 0.2, 7.0, 500.0, math.nan, -1.0, 0.04)):
        w.put_layer(f"{i:064x}", "stance", [], seconds * 1000)
    w.execute()
    m = scrape()

    def bucket(le: str) -> float | None:
        return val(m, "seedflow_stage_duration_seconds_bucket", stage="stance", le=le)

    # -1 and NaN count as 0 s: a clock step must not make a stage run vanish.
    assert [bucket(le) for le in ("0.005", "0.05", "0.25", "10.0", "120.0", "+Inf")] == [3, 4, 5, 6, 6, 7]
    assert val(m, "seedflow_stage_duration_seconds_count", stage="stance") == 7
    assert val(m, "seedflow_stage_duration_seconds_sum", stage="stance") == pytest.approx(507.243)
    assert val(m, "seedflow_stage_duration_seconds_count", stage="entities") == 0


def test_unreachable_redis_reports_down_instead_of_failing_the_scrape(tmp_path: Path) -> None:
    from workers.metrics import SeedflowCollector
    from workers.store import Store

    client = redis.Redis(unix_socket_path=str(tmp_path / "no-such.sock"), socket_connect_timeout=0.5)
    families = list(SeedflowCollector(Store(client, tmp_path), ["seedflow"]).collect())
    assert [(f.name, [s.value for s in f.samples]) for f in families] == [("seedflow_redis_up", [0])]
