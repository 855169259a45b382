"""What seedflow computes: pure functions over pydantic models, no Celery, no Redis.

``analyze`` runs the whole analysis in-process and gives what the pipeline gives, minus
the source block and timings: the pipeline calls these same functions, one per task.
"""

from __future__ import annotations

import hashlib

from tasks.assemble import assemble
from tasks.entities import extract_entities
from tasks.normalize import normalize_text
from tasks.schema import Result
from tasks.stance import tag_stance


def analyze(text: str) -> Result:
    doc = normalize_text(text)
    doc_id = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return assemble(doc_id, doc, extract_entities(doc), tag_stance(doc))
