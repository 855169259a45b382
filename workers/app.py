"""The Celery app and its reliability configuration (DESIGN.md §4).

Built from ``Settings`` when imported, so ``celery -A workers.app worker`` and the CLI see
the same configuration. Every choice below trades a little speed for never losing or
double-counting a document: late acks plus reject-on-worker-lost mean a killed process
returns its message to the queue; prefetch 1 keeps the backlog visible in Redis (and to
autoscalers); the visibility timeout (set in all three places Celery reads it) is longer
than the hard time limit so a slow task is never handed to a second worker while it runs.
"""

from __future__ import annotations

from celery import Celery

from workers import kombu_patch
from workers.embedded import find_running
from workers.queues import STAGES, queue_keys, queues
from workers.settings import Settings

__all__ = ["STAGES", "app", "create_app", "queue_keys", "queues", "redis_url", "settings"]


def celery_url(url: str) -> str:
    """Celery spells a unix socket ``redis+socket://``; redis-py spells it ``unix://``."""
    return "redis+socket://" + url[len("unix://") :] if url.startswith("unix://") else url


def resolve_url(settings: Settings) -> str:
    url = settings.url() or find_running(settings.state_dir)
    if not url:
        raise RuntimeError(
            "no Redis to talk to: set SEEDFLOW_REDIS_URL, or start `seedflow run` in this directory "
            f"(it writes {settings.state_dir / 'redis.url'})"
        )
    return url


def create_app(settings: Settings, url: str) -> Celery:
    kombu_patch.apply()
    app = Celery("seedflow", broker=celery_url(url), backend=celery_url(url), include=["workers.pipeline"])
    transport = {
        "visibility_timeout": settings.visibility_timeout,
        # kombu sweeps for expired unacked messages every interval x throttle seconds
        # (100 s by default): make a lost worker's messages come back soon after the
        # visibility timeout instead of minutes later.
        "unacked_restore_interval": max(1, min(10, settings.visibility_timeout // 10)),
        "unacked_restore_throttle": 1,
        "socket_keepalive": True,
        "retry_on_timeout": True,
    }
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        result_accept_content=["json"],
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_soft_time_limit=settings.soft_time_limit,
        task_time_limit=settings.time_limit,
        visibility_timeout=settings.visibility_timeout,
        broker_transport_options=transport,
        result_backend_transport_options=transport,
        result_expires=max(3600, 4 * settings.stuck_seconds),
        worker_max_memory_per_child=settings.max_memory_per_child_kb or None,
        # A pool process loads the models and fills its caches before it reports up
        # (``SEEDFLOW_WARM_UP_WORDS``): 1-3 s, more on a loaded machine, where Celery's
        # default of 4 s would kill and restart it over and over.
        worker_proc_alive_timeout=60,
        broker_connection_retry_on_startup=True,
        # Ride out a Redis restart (embedded supervisor, failover) instead of dropping
        # the message: about 15 s of retries before the sender sees an error.
        task_publish_retry_policy={"max_retries": 10, "interval_start": 0.1, "interval_step": 0.5, "interval_max": 2},
        broker_connection_max_retries=None,
        redis_backend_health_check_interval=30,
        task_default_queue=settings.queue,
        task_routes=(
            {f"seedflow.{stage}": {"queue": f"{settings.queue}.{stage}"} for stage in STAGES}
            if settings.split_queues
            else {}
        ),
        worker_send_task_events=settings.events,
        task_send_sent_event=settings.events,
        worker_hijack_root_logger=False,
        worker_redirect_stdouts=False,
        worker_cancel_long_running_tasks_on_connection_loss=False,
        enable_utc=True,
    )
    return app


settings = Settings()
redis_url = resolve_url(settings)
app = create_app(settings, redis_url)
