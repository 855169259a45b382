"""Evaluate stance tagging on OEDA's Arabic event gold (``*_spans.json``).

Every gold sentence holds a conflict event (assault or protest), so a good tagger finds an
``against`` stance in it, with holder and target on the annotated source and target
actors. Reported per half: the tuning half (rules were adjusted looking at it) and the
held-out half (never looked at), split by a hash of the sentence id so the split is stable
and independent of file order.

Gold actors: the words of ``source_gold``/``target_gold`` when the annotators agreed, else
the union of the annotators' source/target words. A stance "overlaps" a gold actor when
one of the actor's words (clitics peeled, key form) is among them. Gold words are cleaned
as the sentence is (diacritics, tatweel, quotes) before that comparison.

Sentences where no annotator marked a source (passive "قُتل 12 شخصا", "مقتل …") or no
target (many protests) cannot count for the holder+target figure: a stance record always
has a holder and a target (DESIGN.md §5), so there is no "unspecified holder" that could
match an empty gold side, and counting such sentences as matched whatever the tagger says
would inflate the figure. They stay in the denominator of the headline figure; the
``both_gold`` column gives the same figure over the sentences whose gold names both actors.

    python bench/eval_stance.py /work/shared/data/events/arabic_event_gsr_dev [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import re
import time
from pathlib import Path

import orjson
from _common import Report

from tasks.actors import candidates
from tasks.normalize import clean, normalize_text
from tasks.schema import Polarity, Stance
from tasks.stance import tag_stance


def half(sentence_id: str) -> str:
    """``tune`` or ``held-out``, by the first byte of the id's SHA-1."""
    return "tune" if hashlib.sha1(sentence_id.encode()).digest()[0] % 2 == 0 else "held-out"


def _forms(words: list[str]) -> set[str]:
    """Matching forms of gold words, after the same cleaning the tagged text gets (the
    annotators' words keep diacritics and tatweel, "إثيوبياً", "لـ«الشركة", which the
    normalized sentence no longer has; compared raw they could never match)."""
    out: set[str] = set()
    for word in words:
        for part in re.findall(r"\w+", clean(word)[0]):
            out.update(candidates(part))
    return out


def gold_actors(item: dict, side: str) -> set[str]:
    agreed = (item.get(f"{side}_gold") or "").split()
    if agreed:
        return _forms(agreed)
    words: list[str] = []
    for span in item.get("spans") or []:
        words += span.get(f"{side}_actor") or []
    return _forms(words)


def _hits(text: str, gold: set[str]) -> bool:
    """Whether a word of the tagged actor is a gold word; words are split as ``_forms``
    splits the gold, so a quotation mark glued to a name ('تنظيم "داعش') hides nothing."""
    return any(set(candidates(w)) & gold for w in re.findall(r"\w+", text))


def score(item: dict, stances: list[Stance]) -> tuple[bool, bool, bool]:
    """(an against stance found, one has holder on the gold source and target on the gold
    target, the gold names both a source and a target)."""
    against = [s for s in stances if s.polarity == Polarity.AGAINST]
    source, target = gold_actors(item, "source"), gold_actors(item, "target")
    both = any(_hits(s.holder.text, source) and _hits(s.target.text, target) for s in against)
    return bool(against), both, bool(source and target)


def evaluate(
    folder: Path, halves: tuple[str, ...] = ("tune", "held-out", "all"), bar: float = 0.0
) -> dict[str, dict[str, float]]:
    items = []
    for path in sorted(folder.glob("*_spans.json")):
        items += orjson.loads(path.read_bytes())
    results: dict[str, dict[str, float]] = {}
    docs = [(half(f"{i['source']}|{i['_id']}"), i, normalize_text(i["text"])) for i in items]
    for name in halves:
        chosen = [(item, doc) for h, item, doc in docs if name in ("all", h)]
        start = time.perf_counter()
        tagged = [tag_stance(doc, min_confidence=bar) for _, doc in chosen]
        elapsed = time.perf_counter() - start
        scores = [score(item, stances) for (item, _), stances in zip(chosen, tagged, strict=True)]
        n = len(scores) or 1
        complete = [b for _, b, full in scores if full]
        results[name] = {
            "sentences": len(scores),
            "against_found": sum(a for a, _, _ in scores) / n,
            "holder_and_target_overlap": sum(b for _, b, _ in scores) / n,
            "both_gold_sentences": len(complete),
            "overlap_where_gold_has_both": sum(complete) / (len(complete) or 1),
            "sentences_per_s": len(scores) / elapsed if elapsed else 0.0,
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description="stance tagging on the Arabic event gold")
    parser.add_argument("folder", type=Path, help="folder holding *_spans.json")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--tune-only", action="store_true", help="score the tuning half only (while tuning)")
    parser.add_argument("--min-confidence", type=float, default=0.0, help="leave out records under this (default 0)")
    args = parser.parse_args()
    tag_stance(normalize_text("قال الرئيس"))  # load dictionaries before timing
    halves = ("tune",) if args.tune_only else ("tune", "held-out", "all")
    params = {"folder": str(args.folder), "tune_only": args.tune_only, "min_confidence": args.min_confidence}
    report = Report("eval_stance", params)
    report.data = evaluate(args.folder, halves, args.min_confidence)
    rows = [[name, r["sentences"], 100 * r["against_found"], 100 * r["holder_and_target_overlap"],
             f"{r['overlap_where_gold_has_both']:.1%} of {r['both_gold_sentences']}", r["sentences_per_s"]]
            for name, r in report.data.items()]  # fmt: skip
    report.table(
        "targets: against found >= 80%, holder+target overlap >= 50% (tune on 'tune' only)",
        ["half", "sentences", "against found %", "holder+target %", "where gold has both", "sent/s"],
        rows,
    )
    report.emit(args.json)


if __name__ == "__main__":
    main()
