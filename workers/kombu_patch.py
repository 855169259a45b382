"""A guard around one kombu failure that leaves a worker alive but deaf.

When the broker connection drops, Celery closes the consumer's connection and kombu, while
closing the channel, tries to push the channel's unacknowledged messages back to their
queue. It builds a client for that from ``channel.connection.client``, which can already
be gone: the ``AttributeError`` that follows is not among the connection errors Celery
expects, so the consumer dies with "Unrecoverable error" and the worker hangs in shutdown
instead of reconnecting (seen here as 1 Redis restart in about 8; upstream reports of
the same family: celery/celery#10205, #8030). Raising the connection error it really is
lets kombu and Celery treat it as one: skip the restore and reconnect. Nothing is lost:
the messages stay in kombu's unacked set and come back after the visibility timeout.
"""

from __future__ import annotations

from typing import Any

import redis
from kombu.transport import redis as kombu_redis

_original = kombu_redis.Channel._connparams


def _connparams(self: Any, asynchronous: bool = False) -> Any:
    if self.connection.client is None:
        raise redis.ConnectionError("the broker connection is already closed")
    return _original(self, asynchronous)


def apply() -> None:
    kombu_redis.Channel._connparams = _connparams
