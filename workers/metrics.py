"""Prometheus metrics, read from Redis at scrape time.

Why a collector instead of counters in this process: every figure seedflow has lives in
Redis (ledger, queue lists, failure counters) and is shared by all worker containers. A
scrape reads them through ``monitor.snapshot`` (one round trip), so a single exporter (the
watcher or ``seedflow run``) describes the whole fleet; scaling workers neither splits nor
multiplies series, and a restarted exporter loses nothing.

Why the stage histogram lives in Redis too: a stage runs in a prefork child of some
worker container; a process-local ``Histogram`` would be scattered over processes that
Prometheus cannot all reach and that vanish when recycled. ``store.Writes`` adds each
duration to a hash ``sf:hist:<stage>`` instead: one field per bucket bound holding a
*non-cumulative* count (a run increments exactly one field), plus ``sum`` in seconds. The
collector makes the counts cumulative. Bounds are fixed below; a field whose bound is not
in ``BUCKETS`` (left by another version) is ignored rather than misfiled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

import redis
from prometheus_client import CollectorRegistry, start_http_server
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector

from workers.logs import log
from workers.monitor import snapshot
from workers.queues import STAGES
from workers.store import BUCKETS, HIST_KEY, STATES, Store, bucket_field


class SeedflowCollector(Collector):
    """Yields every seedflow metric from one ``snapshot`` plus one pipelined histogram read."""

    def __init__(
        self, store: Store, queue_names: Sequence[str], workers_online: Callable[[], Any] | None = None
    ) -> None:
        self.store = store
        self.queue_names = list(queue_names)
        self.workers_online = workers_online

    def _histograms(self) -> dict[str, dict[bytes, bytes]]:
        pipe = self.store.r.pipeline(transaction=False)
        for stage in STAGES:
            pipe.hgetall(HIST_KEY.format(stage=stage))
        return dict(zip(STAGES, pipe.execute(), strict=True))

    def collect(self) -> Iterator[Metric]:
        up = GaugeMetricFamily("seedflow_redis_up", "1 when the last scrape could read Redis, else 0.")
        try:
            snap = snapshot(self.store, self.queue_names)
            hists = self._histograms()
        except redis.RedisError as exc:
            # Answer even when Redis is down (once the client's retries give up), so an alert
            # can fire on this; a scrape that times out first shows as Prometheus' own `up` 0.
            log.warning("metrics.redis_unreachable", error=str(exc)[:200], action="check SEEDFLOW_REDIS_URL")
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up

        depth = GaugeMetricFamily("seedflow_queue_depth", "Task messages waiting in each queue.", labels=["queue"])
        for queue, n in snap["queues"].items():
            depth.add_metric([queue], n)
        yield depth
        docs = GaugeMetricFamily("seedflow_documents", "Documents in each ledger state.", labels=["state"])
        for state in STATES:
            docs.add_metric([state], snap[state])
        yield docs
        failures = CounterMetricFamily("seedflow_failures", "Permanent failures by reason code.", labels=["reason"])
        for reason, n in sorted(snap["failures"].items()):
            failures.add_metric([reason], n)
        yield failures
        oldest = snap["oldest_queued_s"]
        yield GaugeMetricFamily("seedflow_oldest_queued_seconds", "Age of the oldest queued document.", value=oldest)
        rate = snap["throughput_per_s"]
        yield GaugeMetricFamily("seedflow_throughput_per_second", "Documents done in the last minute / 60.", value=rate)

        hist = HistogramMetricFamily(
            "seedflow_stage_duration_seconds", "Time each pipeline stage took, across all workers.", labels=["stage"]
        )
        for stage, fields in hists.items():
            counts = {k.decode(): v for k, v in fields.items()}
            running, buckets = 0, []
            for b in BUCKETS:
                running += int(counts.get(bucket_field(b), 0))
                buckets.append((bucket_field(b), running))
            hist.add_metric([stage], buckets, sum_value=float(counts.get("sum", 0)))
        yield hist

        if self.workers_online is not None:
            try:
                online = self.workers_online()
            except Exception as exc:  # a broadcast ping may time out; the other metrics still count
                log.warning("metrics.workers_unknown", error=repr(exc)[:200])
            else:
                n = online if isinstance(online, int) else len(online)
                yield GaugeMetricFamily("seedflow_workers_online", "Celery workers answering a ping.", value=n)


def start_metrics_server(
    store: Store,
    queue_names: Sequence[str],
    port: int,
    *,
    workers_online: Callable[[], Any] | None = None,
    addr: str = "0.0.0.0",
) -> None:
    """Serve ``/metrics`` on ``port`` (0: off) from a daemon thread.

    A private registry keeps the default process/GC collectors (about this one exporter
    process, not the pipeline) out of the output. ``addr`` is all interfaces because in a
    container that is the only way to be scraped. A port already in use is logged, not
    fatal: metrics must never stop the pipeline.
    """
    if not port:
        return
    registry = CollectorRegistry(auto_describe=False)
    registry.register(SeedflowCollector(store, queue_names, workers_online))
    try:
        start_http_server(port, addr=addr, registry=registry)
    except OSError as exc:
        log.error("metrics.not_served", port=port, error=str(exc), action="pass --metrics-port with a free port, or 0")
        return
    log.info("metrics.serving", url=f"http://{addr}:{port}/metrics")
