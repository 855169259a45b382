"""Decoding and normalization: bytes in, display text + key form + offset map out.

Every later stage works on the normalized ``text``; every span it reports can be mapped
back to the decoded raw text through the offset map (``Normalized.to_raw``). "Raw
offsets" are character offsets in the decoded file (after its BOM, before any cleaning),
because byte offsets would differ between UTF-8, UTF-16 and Windows-1256 copies of the
same article.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

from tasks.caches import word_cache
from tasks.schema import InputError, Language, Normalized, Reason

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")


def decode(data: bytes) -> tuple[str, str]:
    """Decode a file's bytes; returns ``(text, encoding)`` or raises a permanent InputError.

    Order matters: a BOM is proof; UTF-16 without a BOM shows as NUL bytes in every other
    position; strict UTF-8 almost never succeeds by accident; for the rest Windows-1256 is
    tried first because this tool's inputs are mostly Arabic news, and charset-normalizer
    decides when that guess does not look like Arabic.
    """
    if not data.strip():
        raise InputError(Reason.EMPTY, "the file is empty or holds only whitespace")
    text, encoding = _decode(data)
    if not text.strip():
        raise InputError(Reason.EMPTY, "the file holds only whitespace")
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > 0.05 * len(text):
        raise InputError(Reason.BINARY, "the file looks binary (NUL or control bytes), not text")
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                message = f"invalid {encoding} after its byte-order mark: {exc.reason}"
                raise InputError(Reason.UNDECODABLE, message) from exc
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    if b"\x00" in data:
        raise InputError(Reason.BINARY, "the file holds NUL bytes: it is binary, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    letters = len(_LETTER.findall(text))
    if letters and len(_ARABIC_LETTER.findall(text)) >= 0.25 * letters:
        return text, "cp1256"
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(Reason.UNDECODABLE, "no text encoding fits these bytes; save the file as UTF-8")
    return str(best), codecs.lookup(best.encoding).name


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: one byte of each pair is nearly always a block number.

    Latin text has 0x00 there, Arabic 0x06, punctuation 0x20; real 8-bit text almost
    never shows one of those in more than nine of ten alternate positions.
    """
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if _block_share(odd) > 0.9 and _block_share(even) < 0.5:
        encoding = "utf-16-le"
    elif _block_share(even) > 0.9 and _block_share(odd) < 0.5:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def _block_share(high: bytes) -> float:
    return (high.count(0) + high.count(6) + high.count(0x20)) / len(high)


def _build_table() -> dict[str, str]:
    """Per-character replacements for the display text ('' deletes)."""
    table: dict[str, str] = {}
    ranges = [(0x064B, 0x0660), (0x06D6, 0x06DD), (0x06DF, 0x06E9), (0x06EA, 0x06EE), (0x202A, 0x202F),
              (0x2066, 0x206A), (0x08D3, 0x0900)]  # fmt: skip
    drop = [0x0640, 0x0670, 0x061C, 0x00AD, 0x180E, 0x2060, 0xFEFF, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F]
    drop += [cp for lo, hi in ranges for cp in range(lo, hi)]
    for cp in drop:
        table[chr(cp)] = ""
    for ch in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02":
        table[ch] = '"'
    for ch in "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4":
        table[ch] = "'"
    for ch in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d":
        table[ch] = "-"
    for zero in (0x0660, 0x06F0, 0xFF10):
        for d in range(10):
            table[chr(zero + d)] = str(d)
    presentation = list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFF)) + list(range(0xFF01, 0xFF5F))
    for cp in presentation:
        ch = chr(cp)
        if ch in table or unicodedata.category(ch) == "Cn":
            continue
        folded = "".join(table.get(c, c) for c in unicodedata.normalize("NFKC", ch))
        if folded != ch:
            table[ch] = folded
    return table


_TABLE = _build_table()
_NEWLINES = frozenset("\n\u2028\u2029\x0b\x0c\x85")


def _key_table() -> dict[int, int]:
    table = {ord(a): ord(b) for a, b in zip("أإآٱؤئىیکةۀ", "ااااويييكهه", strict=True)}
    for cp in range(0x41, 0x250):
        ch = chr(cp)
        low = ch.lower()
        if low != ch and len(low) == 1:
            table[cp] = ord(low)
    return table


_KEY = _key_table()
# Tokens up to this length go through the per-word cache; whole texts are folded directly.
_WORD_LENGTH = 24


def key_form(text: str) -> str:
    """The matching form used for dictionary look-ups: same length as ``text``.

    Folds the letters Arabic writers use interchangeably (alef and hamza seats, final ya
    and alef maqsura, ta marbuta and ha) and Latin case, one character for one, so spans
    found in the key are valid in the display text.
    """
    return _key_word(text) if len(text) <= _WORD_LENGTH else text.translate(_KEY)


@word_cache
def _key_word(word: str) -> str:
    """``key_form`` of one token, cached: the stance rules fold the same words around every
    cue again (about 1,500 calls a document), and a cached look-up costs a tenth of
    ``str.translate`` with a mapping table."""
    return word.translate(_KEY)


def clean(raw: str) -> tuple[str, list[tuple[int, int]]]:
    """Display text and the way back: ``(i, r)`` runs saying that ``text[i]`` came from
    ``raw[r]`` and the characters after it from ``raw[r + 1]``, ``raw[r + 2]`` … up to the
    next run (``Normalized.raw_offset``). The end of ``text`` maps to the end of ``raw``.

    Removes bidi and zero-width controls, tatweel and diacritics; unifies quotes, dashes,
    digits; folds presentation forms (NFKC) and composes combining marks (NFC); turns CRLF
    and other line breaks into LF, collapses runs of spaces, and keeps at most one empty
    line between paragraphs.
    """
    out: list[str] = []
    runs: list[tuple[int, int]] = []
    follows = -1  # the raw offset that continues the current run
    space_at = -1
    newlines = 0
    for i, ch in enumerate(raw):
        if ch in _NEWLINES or ch == "\r":
            if ch == "\r" and raw[i + 1 : i + 2] == "\n":
                continue
            if not newlines:
                space_at = i
            newlines += 1
            continue
        if ch.isspace():
            if space_at < 0:
                space_at = i
            continue
        rep = _TABLE.get(ch, ch)
        if not rep:
            continue
        if out and unicodedata.combining(rep[0]):
            composed = unicodedata.normalize("NFC", out[-1] + rep)
            if len(composed) == 1:
                out[-1] = composed
                continue
        if space_at >= 0:
            if out:
                for gap in "\n\n" if newlines > 1 else "\n" if newlines else " ":
                    if space_at != follows:
                        runs.append((len(out), space_at))
                    out.append(gap)
                    follows = space_at + 1
            space_at = -1
            newlines = 0
        for part in rep:
            if i != follows:
                runs.append((len(out), i))
            out.append(part)
            follows = i + 1
    if len(raw) != follows:
        runs.append((len(out), len(raw)))
    return "".join(out), runs


_SENTENCE_END = re.compile(r"""[.!?؟…]+["')\]»]*(?=\s)|\n+""")
_TOKEN = re.compile(r"\w+(?:[.,'\-]\w+)*|[^\w\s]")
_INITIAL = re.compile(r"(?:^|[\s.])[A-Z]$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: ends at . ! ? ؟ … and at line breaks; not at the dot of a Latin
    initial ("George W. Bush") or of a dotted abbreviation ("the U.S. imposed"), which would
    cut a sentence between its subject and its verb."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group()[0] == "." and _INITIAL.search(text, max(0, m.start() - 2), m.start()):
            continue
        end = m.end() if m.group()[0] != "\n" else m.start()
        if text[start:end].strip():
            spans.append(_strip_span(text, start, end))
        start = m.end()
    if text[start:].strip():
        spans.append(_strip_span(text, start, len(text)))
    return spans


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def tokenize(text: str) -> list[tuple[int, int]]:
    """Token spans: words (with inner dots, commas, hyphens, apostrophes) and single symbols."""
    return [m.span() for m in _TOKEN.finditer(text)]


_EN_STOPWORDS = frozenset(
    ("the", "of", "and", "to", "in", "is", "was", "that", "for", "on", "with", "said", "by", "as", "at", "from")
)


def detect_language(text: str) -> Language:
    """Arabic when a quarter of the letters are Arabic (scraped Arabic news often carries
    CSS or English boilerplate), English when Latin letters and English function words
    dominate; anything else is ``other`` (later stages then do only language-neutral work)."""
    arabic = len(_ARABIC_LETTER.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    letters = len(_LETTER.findall(text))
    if not letters:
        return Language.OTHER
    if arabic >= 0.25 * letters:
        return Language.ARABIC
    if latin >= 0.5 * letters:
        words = re.findall(r"[a-z]+", text.lower())
        hits = sum(w in _EN_STOPWORDS for w in words)
        if words and hits >= 0.05 * len(words):
            return Language.ENGLISH
    return Language.OTHER


def normalize_text(raw: str, encoding: str = "utf-8") -> Normalized:
    """The whole normalization layer for already-decoded text."""
    text, runs = clean(raw)
    if not text:
        raise InputError(Reason.EMPTY, "nothing is left after removing whitespace and control characters")
    return Normalized(
        text=text,
        encoding=encoding,
        language=detect_language(text),
        sentences=split_sentences(text),
        tokens=tokenize(text),
        offset_runs=runs,
    )


def normalize_bytes(data: bytes) -> tuple[str, Normalized]:
    """Decode and normalize a file's bytes; returns the decoded raw text and the layer."""
    raw, encoding = decode(data)
    return raw, normalize_text(raw, encoding)
