"""Arabic clitics: the light segmentation every dictionary look-up needs.

Names arrive glued to conjunctions, prepositions and the article (وروسيا, لروسيا,
بالكرملين, للرئيس). Look-ups try each way of peeling them off, longest word first, on
the key form (``tasks.normalize.key_form``), and report how many characters were peeled
so that the span of the match stays exact.
"""

from __future__ import annotations

_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_MIN_STEM = 2


def prefix_splits(word: str) -> list[tuple[int, str]]:
    """``(offset, stem)`` pairs: the word itself, then each stem left after peeling a
    conjunction, a preposition and/or the article; ``لل`` is ``ل`` + ``ال``."""
    out = [(0, word)]
    seen = {word}

    def add(offset: int, stem: str) -> None:
        if len(stem) >= _MIN_STEM and stem not in seen:
            seen.add(stem)
            out.append((offset, stem))

    starts = [0]
    if word[:1] in _CONJ:
        starts.append(1)
    for start in list(starts):
        rest = word[start:]
        if rest[:1] in _PREP:
            if rest[:2] == "لل":
                add(start + 2, rest[2:])
                add(start + 1, "ا" + rest[1:])
            starts.append(start + 1)
    for start in starts:
        add(start, word[start:])
        if word[start : start + 2] == "ال":
            add(start + 2, word[start + 2 :])
    return out
