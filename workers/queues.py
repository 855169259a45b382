"""Queue names: which Redis lists hold seedflow's messages.

Kept apart from ``workers.app`` (which connects on import) so the watcher, the monitor
and deployment checks can name queues without a broker.
"""

from __future__ import annotations

from workers.settings import Settings

STAGES = ("normalize", "entities", "stance", "assemble")


def queue_keys(name: str) -> list[str]:
    """The Redis lists behind one queue: kombu keeps one list per priority step."""
    return [name] + [f"{name}\x06\x16{p}" for p in (3, 6, 9)]


def queues(settings: Settings) -> list[str]:
    if not settings.split_queues:
        return [settings.queue]
    return [f"{settings.queue}.{stage}" for stage in STAGES]
