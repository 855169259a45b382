"""The normalization layer survives the trip through Redis (JSON) between stages."""

from __future__ import annotations

import orjson

from tasks.actors import lexicon
from tasks.normalize import normalize_text
from tasks.schema import Language, Normalized

ENGLISH = "The spokesman said on Monday that France supports the talks with Germany."
ARABIC = "قال المتحدث إن فرنسا تدعم   المحادثات مع ألمانيا ﻻ"


def _through_redis(text: str):
    doc = normalize_text(text)
    return doc, Normalized.from_layer(orjson.loads(orjson.dumps(doc.to_layer())))


def test_layer_round_trip_keeps_offsets_and_spans() -> None:
    for text in (ENGLISH, ARABIC):
        doc, back = _through_redis(text)
        assert back.text == doc.text
        assert [back.raw_offset(i) for i in range(len(doc.text) + 1)] == [
            doc.raw_offset(i) for i in range(len(doc.text) + 1)
        ]
        assert back.tokens == doc.tokens
        assert back.sentences == doc.sentences
        assert back.offset_runs == doc.offset_runs
        assert back.to_raw(3, 9) == doc.to_raw(3, 9)


def test_layer_language_is_the_enum_so_language_keyed_caches_are_shared() -> None:
    _, back = _through_redis(ENGLISH)
    assert type(back.language) is Language
    assert lexicon(back.language) is lexicon(Language.ENGLISH)
