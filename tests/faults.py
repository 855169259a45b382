"""A Celery app for fault-injection tests: seedflow's real app and tasks, with one analysis
function wrapped so that marked documents misbehave the way pathological input would.

Started as a real worker (``celery -A tests.faults worker``); only documents containing
a marker are affected, everything else runs the production code path.
"""

from __future__ import annotations

import time

from celery.exceptions import SoftTimeLimitExceeded

from workers import pipeline
from workers.app import app

SLOW = "__SEEDFLOW_SLOW__"  # runs past the soft time limit
HANG = "__SEEDFLOW_HANG__"  # ignores the soft limit: only the hard limit stops it
BOOM = "__SEEDFLOW_BOOM__"  # raises an unexpected exception

_real = pipeline.extract_entities


def _faulty(doc):
    if SLOW in doc.text:
        time.sleep(3600)
    if HANG in doc.text:
        deadline = time.monotonic() + 3600
        while time.monotonic() < deadline:
            try:
                time.sleep(3600)
            except SoftTimeLimitExceeded:
                continue
    if BOOM in doc.text:
        raise RuntimeError("injected failure")
    return _real(doc)


pipeline.extract_entities = _faulty
__all__ = ["app"]
