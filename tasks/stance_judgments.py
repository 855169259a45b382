"""Judged stance records: the article samples they come from and the judgment files.

Both ``bench/stance_precision.py`` (which scores records against judgments) and
``tasks.train_stance_confidence`` (which learns from them) read these, so the way a
sample is drawn and a record is keyed lives in one place.

A sample is every article of a SaudiNewsNet ``.jsonl[.gz]`` whose position's SHA-1
starts with one byte (``pick``), after the first ``skip``: fixed, spread out, and each
byte disjoint from the others. A judgment line is ``verdict, polarity, holder, target,
sentence_sha1, sentence, note`` (tab-separated); it is keyed by the sentence and the
record's holder, target and polarity, so judgments survive code changes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

FIELDS = ("verdict", "polarity", "holder", "target", "sentence_sha1", "sentence", "note")
Key = tuple[str, str, str, str]


def pick_articles(path: Path, n: int, *, skip: int = 1000, pick: int = 0) -> list[tuple[str, str]]:
    """``n`` (id, text) articles with a body from sample ``pick`` (see the module docstring)."""
    out = []
    with gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open() as fh:
        for i, line in enumerate(fh):
            if i < skip or hashlib.sha1(str(i).encode()).digest()[0] != pick:
                continue
            article = json.loads(line)
            if not (article.get("content") or "").strip():
                continue
            out.append((f"{path.name}#{i}", f"{article.get('title', '')}\n\n{article.get('content', '')}"))
            if len(out) == n:
                break
    return out


def sentence_key(sentence: str) -> str:
    return hashlib.sha1(sentence.strip().encode()).hexdigest()[:16]


def record_key(row: dict[str, str]) -> Key:
    return (row["sentence_sha1"], row["holder"], row["target"], row["polarity"])


def load_judgments(path: Path) -> dict[Key, str]:
    """``ok``/``wrong`` by record key; lines without a verdict (and a missing file) are skipped."""
    verdicts: dict[Key, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
        parts = line.split("\t")
        if len(parts) < len(FIELDS) - 1 or parts[0] not in ("ok", "wrong"):
            continue
        row = dict(zip(FIELDS, parts, strict=False))
        verdicts[record_key(row)] = row["verdict"]
    return verdicts
