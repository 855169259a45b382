"""Every knob seedflow has, in one place: defaults here, overrides from ``SEEDFLOW_*``.

The CLI's flags write into the same object, so a flag and its environment variable can
never disagree about what the default is.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from tasks.caches import WORD_CACHE_SIZE


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SEEDFLOW_", extra="ignore")

    redis_url: SecretStr | None = Field(
        default=None,
        description="Broker, result backend and store. Unset: `seedflow run` starts an embedded Redis.",
    )
    inbox: Path = Field(default=Path("seeds"), description="The watched folder.")
    results: Path = Field(default=Path("results"), description="Where result and error JSON files go.")
    state_dir: Path = Field(default=Path(".seedflow"), description="Embedded Redis data (AOF) and socket.")
    workers: int = Field(default=os.cpu_count() or 1, ge=1, description="Worker processes per worker service.")
    max_bytes: int = Field(default=16 * 1024 * 1024, ge=1, description="Larger files fail as `too_large`.")
    polling: bool = Field(default=False, description="Poll the inbox instead of inotify (network, Docker Desktop).")
    settle_seconds: float = Field(default=1.0, gt=0, description="A file unchanged this long counts as complete.")
    rescan_seconds: float = Field(default=60.0, gt=0, description="Full inbox rescan period (missed events).")
    stuck_seconds: float = Field(default=600.0, gt=0, description="Re-queue documents queued/running this long.")
    batch_size: int = Field(default=32, ge=1, le=1000, description="Documents per task message under load.")
    max_attempts: int = Field(default=3, ge=1, description="Deliveries of one document before it fails.")
    soft_time_limit: float = Field(default=60.0, gt=0, description="Per task; the task then fails as `timeout`.")
    time_limit: float = Field(default=90.0, gt=0, description="Per task hard limit: the process is killed.")
    visibility_timeout: int = Field(default=300, gt=0, description="Unacked messages are redelivered after this.")
    result_ttl: int = Field(default=7 * 24 * 3600, ge=0, description="Seconds results stay in Redis (0: forever).")
    warm_up_words: int = Field(
        default=WORD_CACHE_SIZE,
        ge=0,
        description="Frequent words each pool process analyzes at start, filling its caches (0: models only).",
    )
    max_memory_per_child_kb: int = Field(default=512 * 1024, ge=0, description="Recycle a pool process above this.")
    stance_min_confidence: float = Field(
        default=0.0,
        ge=0.0,
        le=1.0,
        description="favor/against records under this confidence are left out; 0 keeps them all "
        "(the README gives precision and recall at several bars).",
    )
    queue: str = Field(default="seedflow", description="Queue name; stages use <queue>.<stage> when split.")
    split_queues: bool = Field(default=False, description="Route each stage to its own queue.")
    events: bool = Field(default=False, description="Send Celery task events (needed by Flower).")
    metrics_port: int = Field(default=9808, ge=0, le=65535, description="/metrics port of run and watch (0: off).")
    flower_auth: SecretStr | None = Field(default=None, description="Flower basic auth `user:password`.")
    log_json: bool | None = Field(default=None, description="JSON logs; default: JSON unless on a terminal.")
    log_level: str = Field(default="INFO")

    @model_validator(mode="after")
    def _limits_fit(self) -> Settings:
        """Redis redelivers unacked messages after the visibility timeout: if that came
        before the hard limit, a slow task would run twice at once."""
        if not self.soft_time_limit < self.time_limit < self.visibility_timeout:
            raise ValueError("need soft_time_limit < time_limit < visibility_timeout")
        return self

    def url(self) -> str | None:
        return self.redis_url.get_secret_value() if self.redis_url else None
