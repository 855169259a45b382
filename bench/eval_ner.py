"""Score ``tasks.ner_tagger.tag_tokens`` on a CoNLL file: entity-level P/R/F1 and tokens/s.

    python bench/eval_ner.py /tmp/seedflow_ner_dev.conll [--json]

The file has ``token TAG`` lines (BIO; PERS/PER are read as PERSON) and blank lines
between sentences; ``python -m tasks.train_ner`` writes its dev split in this format.
Scores follow conlleval (exact type and span); predicted types the file never uses
(DATE on ANERcorp) are dropped unless ``--all-labels`` is given. Speed is measured on one core after a
warm-up pass, so model loading and first-use caches are not counted.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from tasks.ner_eval import score
from tasks.ner_sources import read_conll
from tasks.ner_tagger import tag_tokens


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="entity-level exact-match P/R/F1 of tag_tokens on a CoNLL file")
    parser.add_argument("conll", type=Path)
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--all-labels",
        action="store_true",
        help="also count predicted labels the file never uses (by default they are dropped: ANERcorp has no DATE)",
    )
    args = parser.parse_args(argv)

    sentences = read_conll(args.conll)
    gold_labels = {tag[2:] for _, tags in sentences for tag in tags if tag != "O"}
    tag_tokens(sentences[0][0])  # load the model and gazetteer before timing
    started = time.process_time()
    predicted = [tag_tokens(words) for words, _ in sentences]
    elapsed = time.process_time() - started
    tokens = sum(len(words) for words, _ in sentences)
    cold = tokens / elapsed if elapsed else float("inf")
    started = time.process_time()
    for words, _ in sentences:
        tag_tokens(words)
    warm_elapsed = time.process_time() - started
    warm = tokens / warm_elapsed if warm_elapsed else float("inf")
    if not args.all_labels:
        predicted = [[t if t[2:] in gold_labels else "O" for t in tags] for tags in predicted]
    result = score((tags, pred) for (_, tags), pred in zip(sentences, predicted, strict=True))

    if args.json:
        print(json.dumps({"scores": result, "tokens": tokens, "tokens_per_s": cold, "tokens_per_s_warm": warm}))
        return
    print(f"{'type':<10}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}")
    for label, row in result.items():
        print(
            f"{label:<10}{row['precision']:>8.2f}{row['recall']:>8.2f}{row['f1']:>8.2f}"
            f"{row['gold']:>8.0f}{row['predicted']:>8.0f}"
        )
    print(f"\n{tokens} tokens, {cold:,.0f} tokens/s first pass, {warm:,.0f} tokens/s with warm caches (CPU time)")


if __name__ == "__main__":
    main()
