"""What seedflow computes: pure functions over pydantic models, no Celery, no Redis.

``analyze`` runs the whole analysis in-process and gives what the pipeline gives, minus
the source block and timings: the pipeline calls these same functions, one per task.
"""

from __future__ import annotations

import hashlib
import time

from tasks.assemble import assemble
from tasks.caches import WORD_CACHE_SIZE, vocabulary
from tasks.entities import extract_entities
from tasks.normalize import normalize_text
from tasks.schema import Result
from tasks.stance import tag_stance

# Written for the warm-up: the constructions that load the rest of the lexicons
# (reported speech, a negated cue, dates, nationality adjectives, English).
_WARM_TEXTS = (
    "قال المتحدث باسم وزارة الخارجية الفرنسية يوم الاثنين 3 مارس/آذار 2025 إن باريس تدعم "
    "الحوار بين الطرفين، ولم تؤكد مشاركتها في القمة. وأعرب الرئيس المصري عن قلقه من التصعيد "
    "في غزة، فيما نفت الحكومة الإسرائيلية شن هجمات على المدنيين أمس الأحد.",
    "The spokesman of the United Nations said on Monday that France supports the talks, "
    "while the Israeli government denied attacking civilians in Gaza last week.",
)


def analyze(text: str) -> Result:
    doc = normalize_text(text)
    doc_id = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return assemble(doc_id, doc, extract_entities(doc), tag_stance(doc))


def warm_up(words: int = WORD_CACHE_SIZE, *, seconds: float = 20.0) -> int:
    """Load every model and lexicon and fill the per-word caches with the ``words`` most
    frequent words of Arabic news (``tasks.caches``), so that a worker starts with the
    memory it will keep and its first documents are as fast as the rest. Filling stops
    after ``seconds``: a slow machine gets a partly filled cache, not a worker process
    that never reports ready. Returns how many words it analyzed."""
    deadline = time.monotonic() + seconds
    for text in _WARM_TEXTS:
        _analyze_layers(text)
    vocab = vocabulary()[:words]
    done = 0
    for i in range(0, len(vocab), 400):
        if time.monotonic() > deadline:
            break
        chunk = vocab[i : i + 400]
        _analyze_layers("\n".join(" ".join(chunk[j : j + 20]) + "." for j in range(0, len(chunk), 20)))
        done += len(chunk)
    return done


def _analyze_layers(text: str) -> None:
    doc = normalize_text(text)
    extract_entities(doc)
    tag_stance(doc)
