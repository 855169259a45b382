"""structlog set-up: one event per line, JSON in containers, pretty on a terminal.

Logs go to stderr so that stdout stays free for command output (``status --json``,
``result``). Redis URLs are masked before they are logged (they may carry a password).
"""

from __future__ import annotations

import logging
import re
import sys

import structlog

_PASSWORD = re.compile(r"(rediss?://[^:/@]*:)[^@]*@")


def mask_url(url: str | None) -> str:
    return _PASSWORD.sub(r"\1****@", url or "")


def setup(json: bool | None = None, level: str = "INFO") -> None:
    if json is None:
        json = not sys.stderr.isatty()
    renderer: structlog.typing.Processor = (
        structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer(colors=sys.stderr.isatty())
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=structlog.WriteLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=True,
    )


log = structlog.get_logger("seedflow")
