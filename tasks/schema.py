"""The JSON contract of seedflow: what a result and an error record look like.

Everything a worker writes (to Redis and to ``results/``) is one of these models,
validated on the way out. ``SCHEMA_VERSION`` changes whenever a field changes meaning,
so consumers can tell old records from new ones; the published JSON Schema
(``schema/result.schema.json``) is generated from these classes.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import datetime
from enum import StrEnum
from functools import cached_property
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"
PIPELINE_VERSION = "0.1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Language(StrEnum):
    ARABIC = "ar"
    ENGLISH = "en"
    OTHER = "other"


class Label(StrEnum):
    PERSON = "PERSON"
    ORG = "ORG"
    LOC = "LOC"
    DATE = "DATE"
    MISC = "MISC"


class Polarity(StrEnum):
    FAVOR = "favor"
    AGAINST = "against"
    NEUTRAL = "neutral"


class Reason(StrEnum):
    """Why a document could not be processed; stable codes for machines."""

    EMPTY = "empty"
    BINARY = "binary"
    TOO_LARGE = "too_large"
    UNDECODABLE = "undecodable"
    SYMLINK = "symlink"
    NOT_REGULAR = "not_regular"
    VANISHED = "vanished"
    UNREADABLE = "unreadable"
    TIMEOUT = "timeout"
    INTERNAL = "internal"


Span = tuple[int, int]


class Sentence(_Model):
    start: int
    end: int


class Token(_Model):
    start: int
    end: int


_FLAT = ("sentences", "tokens", "offset_runs")


class Normalized(_Model):
    """The normalization layer: display text plus what later stages need.

    It travels through Redis between stages, three reads per document, so it carries no
    per-character arrays: the offset map is stored as runs (``offset_runs``: the text
    offset where a run starts and the raw offset there; within a run both advance
    together), and the key form is left to ``tasks.normalize.key_form``, which the stages
    apply to the words they look up.
    """

    text: str
    encoding: str
    language: Language
    sentences: list[Span]
    tokens: list[Span]
    offset_runs: list[Span]

    @cached_property
    def _run_starts(self) -> list[int]:
        return [start for start, _ in self.offset_runs]

    def raw_offset(self, i: int) -> int:
        """Offset in the decoded raw text of ``text[i]`` (``i == len(text)``: the end)."""
        start, raw = self.offset_runs[bisect_right(self._run_starts, i) - 1]
        return raw + i - start

    def to_raw(self, start: int, end: int) -> Span:
        """Map a ``[start, end)`` span of ``text`` to the raw text's offsets."""
        if start >= end:
            raw = self.raw_offset(start)
            return raw, raw
        return self.raw_offset(start), self.raw_offset(end - 1) + 1

    def to_layer(self) -> dict[str, Any]:
        """The layer as stored between stages: the spans as flat ``[start, end, ...]``
        lists, which ``orjson`` decodes several times faster than a list of pairs (one
        object per number instead of three per span), on every one of the three reads."""
        return {
            "text": self.text,
            "encoding": self.encoding,
            "language": self.language.value,
            **{name: [n for span in getattr(self, name) for n in span] for name in _FLAT},
        }

    @classmethod
    def from_layer(cls, layer: dict[str, Any]) -> Normalized:
        """Rebuild from ``to_layer`` without validating again (the pipeline wrote it, and
        validation would cost more than the look-ups it feeds). The language is made a
        ``Language`` again: as a plain ``"en"`` it would be another key to every cache
        keyed by language (a second copy of the English lexicon, 34 MB)."""
        spans = {}
        for name in _FLAT:
            it = iter(layer[name])
            spans[name] = list(zip(it, it, strict=True))
        return cls.model_construct(
            text=layer["text"], encoding=layer["encoding"], language=Language(layer["language"]), **spans
        )

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (binary search: sentences are sorted)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid][0] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo


class Mention(_Model):
    text: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    sentence: int


class Entity(_Model):
    id: str = Field(description="Stable within one document: e1, e2, …")
    name: str = Field(description="Canonical name: the longest full form, without titles")
    label: Label
    mentions: list[Mention]


class ActorRef(_Model):
    text: str
    start: int
    end: int
    entity: str | None = Field(default=None, description="id of the linked entity, if any")
    code: str | None = Field(default=None, description="actor code from the dictionary, e.g. RUS, USAGOV")


class Cue(_Model):
    text: str
    start: int
    end: int


class Stance(_Model):
    holder: ActorRef
    target: ActorRef
    polarity: Polarity
    cue: Cue
    event_code: str | None = None
    goldstein: float | None = None
    sentence: int
    confidence: float = Field(ge=0.0, le=1.0)
    note: str | None = Field(default=None, description="why polarity was changed (negation, hedge)")


class StanceSummary(_Model):
    holder: str
    target: str
    favor: int = 0
    against: int = 0
    neutral: int = 0
    net: Polarity


class Source(_Model):
    path: str
    size: int
    sha256: str
    received_at: datetime
    finished_at: datetime


class NormalizedOut(_Model):
    """The part of the normalization layer a result carries (no per-token arrays)."""

    text: str
    encoding: str
    sentences: list[Span]


class Result(_Model):
    schema_version: Literal["1.0"] = SCHEMA_VERSION
    pipeline_version: str = PIPELINE_VERSION
    doc_id: str
    source: Source | None = None
    language: Language
    normalized: NormalizedOut
    entities: list[Entity]
    stances: list[Stance]
    stance_summary: list[StanceSummary]
    timings_ms: dict[str, float] = Field(default_factory=dict)


class ErrorRecord(_Model):
    schema_version: Literal["1.0"] = SCHEMA_VERSION
    doc_id: str | None
    path: str
    reason: Reason
    message: str
    stage: str
    at: datetime


class InputError(Exception):
    """A permanent problem with the input: never retried, always recorded."""

    def __init__(self, reason: Reason, message: str) -> None:
        super().__init__(reason, message)  # both in args: the error survives pickling
        self.reason = reason
        self.message = message

    def __str__(self) -> str:
        return self.message


def json_schemas() -> dict[str, dict]:
    """The published JSON Schemas, keyed by file name under ``schema/``."""
    return {
        "result.schema.json": Result.model_json_schema(mode="serialization"),
        "error.schema.json": ErrorRecord.model_json_schema(mode="serialization"),
    }
