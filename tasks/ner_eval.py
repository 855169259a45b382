"""Entity-level exact-match scoring with conlleval's chunking rules.

Shared by ``tasks.train_ner`` (dev score after training) and ``bench/eval_ner.py``. A
chunk starts at ``B-X``, at ``I-X`` after ``O`` or after a different type, and ends
before the next start or ``O``; a predicted entity counts only if type, start and end
all match (conlleval's definition, so numbers compare with the literature).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

Chunk = tuple[str, int, int]


def chunks(tags: Sequence[str]) -> list[Chunk]:
    """``(label, start, end)`` token spans of the entities in a BIO sequence."""
    out: list[Chunk] = []
    label, start = "", -1
    for i, tag in enumerate((*tags, "O")):
        prefix, _, kind = tag.partition("-")
        starts = prefix == "B" or (prefix == "I" and kind != label)
        if start >= 0 and (tag == "O" or starts):
            out.append((label, start, i))
            label, start = "", -1
        if starts:
            label, start = kind, i
    return out


def score(pairs: Iterable[tuple[Sequence[str], Sequence[str]]]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 (percent) and counts per label and ``overall``.

    ``pairs`` yields ``(gold tags, predicted tags)`` per sentence.
    """
    gold_n: Counter[str] = Counter()
    pred_n: Counter[str] = Counter()
    hit_n: Counter[str] = Counter()
    for gold, pred in pairs:
        g, p = set(chunks(gold)), set(chunks(pred))
        for label, _, _ in g:
            gold_n[label] += 1
        for label, _, _ in p:
            pred_n[label] += 1
        for label, _, _ in g & p:
            hit_n[label] += 1
    result: dict[str, dict[str, float]] = {}
    for label in [*sorted(gold_n.keys() | pred_n.keys()), "overall"]:
        if label == "overall":
            gold, pred, hit = sum(gold_n.values()), sum(pred_n.values()), sum(hit_n.values())
        else:
            gold, pred, hit = gold_n[label], pred_n[label], hit_n[label]
        p = 100.0 * hit / pred if pred else 0.0
        r = 100.0 * hit / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        result[label] = {"precision": p, "recall": r, "f1": f, "gold": gold, "predicted": pred, "correct": hit}
    return result
