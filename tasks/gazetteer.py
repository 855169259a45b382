"""Name lists for the entity layer: longest-match look-up with clitics peeled.

One compact file (``tasks/data/gazetteer.tsv.gz``, built by ``tasks.train_ner``) holds
Arabic and English names from CLDR (babel), pycountry, ANERgazet and the event-coding
actor dictionaries. Lines are ``label<TAB>group<TAB>key``: ``key`` is a sequence of
match tokens (see ``match_token``) and ``group`` links spellings of one thing (the
DPRK's long name and كوريا الشمالية share ``C:KP``) so grouping can use it.

The CRF uses matches as features; English documents use them directly because there is
no English training data.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tasks.arabic import prefix_splits
from tasks.caches import word_cache
from tasks.normalize import key_form

GAZETTEER_PATH = Path(__file__).parent / "data" / "gazetteer.tsv.gz"
_MAX_TOKENS = 8
_ARABIC_START, _ARABIC_END = "\u0600", "\u06ff"


@word_cache
def match_token(word: str) -> str:
    """The form a token is compared in: the key form without the article.

    The actor dictionaries store lemmas (بيت_أبيض_), the news text has البيت الأبيض;
    dropping ``ال`` from every token lets one key serve both. Feminine agreement
    (كوريا_شمالي_ vs كوريا الشمالية) is handled when the file is built, by adding the
    ``ة`` variant of multi-word entries, because stripping ``ة`` here would make
    المالية match Mali.
    """
    key = key_form(word)
    if key.startswith("ال") and len(key) >= 4 and _ARABIC_START <= key[0] <= _ARABIC_END:
        return key[2:]
    return key


@word_cache
def first_token_variants(word: str) -> tuple[tuple[int, str], ...]:
    """``(peeled, match token)`` for a name's first word: itself, then with clitics peeled."""
    key = key_form(word)
    if not key or not _ARABIC_START <= key[0] <= _ARABIC_END:
        return ((0, match_token(word)),)
    out: list[tuple[int, str]] = []
    seen: set[str] = set()
    for offset, stem in prefix_splits(key):
        token = match_token(stem)
        if token not in seen:
            seen.add(token)
            out.append((offset, token))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Match:
    """Tokens ``[start, end)`` matched an entry; ``peeled`` characters of the first token are clitics."""

    start: int
    end: int
    labels: tuple[str, ...]
    group: str
    peeled: int


class Gazetteer:
    """Entries keyed by match-token tuples, with a prefix set so scans stop early."""

    def __init__(self, entries: dict[tuple[str, ...], tuple[tuple[str, ...], str]]) -> None:
        self.entries = entries
        self.prefixes = {key[:i] for key in entries for i in range(1, len(key))}

    @classmethod
    def load(cls, path: Path = GAZETTEER_PATH) -> Gazetteer:
        merged: dict[tuple[str, ...], tuple[tuple[str, ...], str]] = {}
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                label, group, key = line.rstrip("\n").split("\t")
                tokens = tuple(key.split(" "))
                labels, old_group = merged.get(tokens, ((), ""))
                if label not in labels:
                    labels = (*labels, label)
                merged[tokens] = (labels, old_group or group)
        return cls(merged)

    def lookup(self, tokens: Sequence[str]) -> tuple[tuple[str, ...], str] | None:
        """Labels and group of an entry given as raw words (no clitic peeling)."""
        return self.entries.get(tuple(match_token(t) for t in tokens))

    def matches(self, words: Sequence[str], capitalized: bool = False) -> list[Match]:
        """Non-overlapping longest matches, left to right.

        With ``capitalized`` every matched Latin word must start upper-case (English:
        "Turkey" the country, not "turkey" the bird).
        """
        keys = [match_token(w) for w in words]
        out: list[Match] = []
        i, n = 0, len(words)
        while i < n:
            best: Match | None = None
            for peeled, first in first_token_variants(words[i]):
                key: tuple[str, ...] = (first,)
                j = i + 1
                while True:
                    hit = self.entries.get(key)
                    if hit and (best is None or j > best.end) and _cased(words, i, j, capitalized):
                        best = Match(i, j, hit[0], hit[1], peeled)
                    if j >= n or j - i >= _MAX_TOKENS or key not in self.prefixes:
                        break
                    key = (*key, keys[j])
                    j += 1
            if best is None:
                i += 1
            else:
                out.append(best)
                i = best.end
        return out


def _cased(words: Sequence[str], start: int, end: int, capitalized: bool) -> bool:
    if not capitalized:
        return True
    return all(w[:1].isupper() or not w[:1].isalpha() or w in ("of", "the", "and") for w in words[start:end]) and (
        words[start][:1].isupper()
    )


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    return Gazetteer.load()
