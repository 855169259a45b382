"""Per-word caches: one bound for all of them, and the words that fill them at start.

The analysis steps compute a lot per distinct word (CRF features, clitic variants,
dictionary look-ups), so they cache it. News has an open vocabulary: unbounded, those
caches grew a worker by about 80 KB per document on distinct articles (240 MB after
3,000). Every per-word cache is therefore an LRU of ``WORD_CACHE_SIZE`` entries, and
``tasks.warm_up`` fills them with the most frequent words of Arabic news before the first
document, so a worker's memory at start is the memory it keeps (and its first documents
are as fast as the rest).

Rebuild the word list: ``python -m tasks.caches --data ../shared/data``.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import ParamSpec, TypeVar

VOCABULARY_PATH = Path(__file__).parent / "data" / "vocabulary.txt.gz"
WORD_CACHE_SIZE = 16384
# The look-ups the stance rules make on the words around a cue (``stance_cues._bare``,
# ``_is_break``) see mostly function words; the warm-up reaches about 5,000 of them, so a
# bound under that is full from the start instead of growing through the first thousand
# documents (10 MB a process at the larger bound).
CONTEXT_CACHE_SIZE = 4096
VOCABULARY_SIZE = 20000

P = ParamSpec("P")
R = TypeVar("R")


def word_cache(fn: Callable[P, R]) -> Callable[P, R]:
    """Memoize a per-word function in a bounded LRU (see the module docstring)."""
    return lru_cache(maxsize=WORD_CACHE_SIZE)(fn)  # type: ignore[return-value]


def context_cache(fn: Callable[P, R]) -> Callable[P, R]:
    """``word_cache`` with the smaller bound of ``CONTEXT_CACHE_SIZE``."""
    return lru_cache(maxsize=CONTEXT_CACHE_SIZE)(fn)  # type: ignore[return-value]


@lru_cache(maxsize=1)
def vocabulary() -> list[str]:
    """The shipped word list, most frequent first."""
    return gzip.decompress(VOCABULARY_PATH.read_bytes()).decode("utf-8").split()


def build_vocabulary(corpus: Path, out: Path = VOCABULARY_PATH, size: int = VOCABULARY_SIZE) -> int:
    """Count the normalized tokens (with a letter in them) of every article of a
    SaudiNewsNet ``.jsonl.gz`` and write the ``size`` most frequent, one per line."""
    from tasks.normalize import normalize_text

    counts: Counter[str] = Counter()
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            content = json.loads(line).get("content") or ""
            if not content.strip():
                continue
            doc = normalize_text(content)
            words = (doc.text[s:e] for s, e in doc.tokens)
            counts.update(w for w in words if not w.isdigit() and any(c.isalpha() for c in w))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:size]
    with gzip.GzipFile(out, "wb", mtime=0) as fh:
        fh.write("".join(f"{word}\n" for word, _ in ranked).encode("utf-8"))
    return len(ranked)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Rebuild tasks/data/vocabulary.txt.gz.")
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder (../shared/data)")
    args = parser.parse_args(argv)
    words = build_vocabulary(args.data / "news" / "saudinewsnet_dev.jsonl.gz")
    print(f"{words} words -> {VOCABULARY_PATH}")


if __name__ == "__main__":
    main()
