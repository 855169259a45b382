"""Decoding and normalization: pure functions, no Redis."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tasks.normalize import clean, decode, detect_language, key_form, normalize_bytes, normalize_text, split_sentences
from tasks.schema import InputError, Language, Reason

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "seeds" / "000_b53155becc98c546.txt").read_text(encoding="utf-8")
ARTICLE = (ROOT / "tests" / "fixtures" / "article_a.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("utf-16", "utf-16-le"), ("utf-16-le", "utf-16-le"),
     ("utf-16-be", "utf-16-be"), ("cp1256", "cp1256")],
)  # fmt: skip
def test_decodes_the_encodings_arabic_news_arrives_in(encoding: str, expected: str) -> None:
    text, used = decode(SEED.encode(encoding))
    assert used == expected
    assert text == SEED


def test_windows_1256_text_is_read_as_arabic() -> None:
    _, doc = normalize_bytes(ARTICLE.encode("cp1256", errors="replace"))
    assert doc.encoding == "cp1256"
    assert doc.language is Language.ARABIC
    assert "ال" in doc.text


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", Reason.EMPTY), (b"  \n\t \r\n", Reason.EMPTY), (" \u00a0\n".encode(), Reason.EMPTY),
     (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", Reason.BINARY), (bytes(range(1, 32)) * 50, Reason.BINARY),
     (b"\xef\xbb\xbf\xff\xfe\xfa", Reason.UNDECODABLE)],
)  # fmt: skip
def test_bad_input_is_a_permanent_error_with_a_reason(data: bytes, reason: Reason) -> None:
    with pytest.raises(InputError) as err:
        normalize_bytes(data)
    assert err.value.reason is reason
    assert err.value.message


def test_random_bytes_are_binary() -> None:
    with pytest.raises(InputError) as err:
        decode(os.urandom(4096) + b"\x00")
    assert err.value.reason is Reason.BINARY


def test_cleaning_removes_controls_diacritics_and_unifies_forms() -> None:
    raw = "\u200fمُحَمَّد\u0640\u0640 «قال»\u00a0\u00a0 ٢٠٢٣\u2013 \r\nﻻ\u200b"
    text, _ = clean(raw)
    assert text == 'محمد "قال" 2023-\nلا'


def test_offsets_map_every_character_back_to_the_raw_text() -> None:
    raw = "\ufeff  وقال   بيسكوف،\r\n\r\n\r\n«روسيا» تَتَمَتَّع\u200f بعلاقات ١٢"
    doc = normalize_text(raw)
    assert doc.raw_offset(len(doc.text)) == len(raw)
    for i, ch in enumerate(doc.text):
        src = raw[doc.raw_offset(i)]
        if not ch.isspace() and ch not in '"0123456789':
            assert src == ch, (i, ch, src)
    start = doc.text.index("بيسكوف")
    rs, re_ = doc.to_raw(start, start + len("بيسكوف"))
    assert raw[rs:re_] == "بيسكوف"
    start = doc.text.index("تتمتع")
    rs, re_ = doc.to_raw(start, start + len("تتمتع"))
    assert raw[rs:re_] == "تَتَمَتَّع"


def test_offsets_round_trip_on_the_seed_article_for_every_token() -> None:
    doc = normalize_text(SEED)
    for start, end in doc.tokens:
        rs, re_ = doc.to_raw(start, end)
        assert clean(SEED[rs:re_])[0] == doc.text[start:end]


def test_key_form_folds_letter_variants_and_keeps_length() -> None:
    text = "أحمد إيران آسيا مستشفى مدرسة مؤتمر رئيس Washington"
    key = key_form(text)
    assert len(key) == len(text)
    assert key == "احمد ايران اسيا مستشفي مدرسه موتمر رييس washington"


def test_sentences_split_on_arabic_and_latin_punctuation_and_lines() -> None:
    text = "قال بيسكوف إن العلاقات جيدة. هل ستتطور؟ نعم!\nسطر جديد بلا نقطة\nJ. Smith arrived. Done"
    parts = [text[s:e] for s, e in split_sentences(text)]
    assert parts == ["قال بيسكوف إن العلاقات جيدة.", "هل ستتطور؟", "نعم!", "سطر جديد بلا نقطة",
                     "J. Smith arrived.", "Done"]  # fmt: skip
    # A dotted abbreviation ends no sentence: "The U.S." would lose its verb.
    text = "The U.S. imposed sanctions. It ended."
    assert [text[s:e] for s, e in split_sentences(text)] == ["The U.S. imposed sanctions.", "It ended."]


def test_seed_article_sentences() -> None:
    doc = normalize_text(SEED)
    assert len(doc.sentences) == 17
    first = doc.text[doc.sentences[0][0] : doc.sentences[0][1]]
    assert first.startswith("تعهدت روسيا") and first.endswith("الأسلحة.")


@pytest.mark.parametrize(
    ("text", "language"),
    [(SEED, Language.ARABIC),
     ("The Kremlin said on Thursday that Russia and North Korea enjoy good relations.", Language.ENGLISH),
     ("Le Kremlin a déclaré jeudi que la Russie voulait développer ses relations.", Language.OTHER),
     ("Кремль заявил, что Россия намерена развивать отношения.", Language.OTHER),
     ("12345 67890", Language.OTHER)],
)  # fmt: skip
def test_language_detection(text: str, language: Language) -> None:
    assert detect_language(text) is language


def test_input_errors_survive_pickling() -> None:
    """Raised in a process pool, the error travels back pickled; it must not hang the pool."""
    import pickle

    err = pickle.loads(pickle.dumps(InputError(Reason.BINARY, "binary bytes")))
    assert (err.reason, err.message, str(err)) == (Reason.BINARY, "binary bytes", "binary bytes")


def test_offset_runs_expand_to_the_full_offset_map() -> None:
    for raw in (SEED, "\ufeff  وقال   بيسكوف،\r\n\r\n\r\n«روسيا» تَتَمَتَّع\u200f ﻻ بعلاقات ١٢", "a"):
        doc = normalize_text(raw)
        offsets = [doc.raw_offset(i) for i in range(len(doc.text) + 1)]
        assert len(offsets) == len(doc.text) + 1 and offsets[-1] == len(raw)
        assert offsets == sorted(offsets)
        assert len(doc.offset_runs) < len(doc.text) or len(raw) < 3
