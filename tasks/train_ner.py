"""Rebuild the entity layer's shipped files: ``python -m tasks.train_ner --data ../shared/data``.

Writes ``tasks/data/gazetteer.tsv.gz`` (name lists), ``tasks/data/clusters.tsv.gz`` and
``tasks/data/clusters_w2v.tsv.gz`` (PPMI and skip-gram word clusters from the SaudiNewsNet
articles) and ``tasks/data/ner.crfsuite`` (the CRF). The
CRF is trained on ANERcorp's CAMeL train part minus its last 10% of sentences, which are
kept as the dev split, written out as CoNLL for ``bench/eval_ner.py`` and scored at the
end. L-BFGS training is deterministic, so the same data gives the same model.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

import pycrfsuite

from tasks.gazetteer import GAZETTEER_PATH, Gazetteer, match_token
from tasks.ner_clusters import build_clusters, clusters, corpus_tokens
from tasks.ner_embeddings import build_embedding_clusters, embedding_clusters
from tasks.ner_eval import score
from tasks.ner_features import sentence_features
from tasks.ner_sources import Sentence, gazetteer_entries, read_conll

MODEL_PATH = Path(__file__).parent / "data" / "ner.crfsuite"
SEED = 13  # the SVD probe, word2vec and k-means starts; L-BFGS itself is deterministic
DEV_SHARE = 0.10
CRF_PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True}


def build_gazetteer(data: Path, out: Path = GAZETTEER_PATH) -> int:
    """Write the name lists as ``label<TAB>group<TAB>match-key`` lines; returns the count.

    Source order is priority order (the loader keeps the first group of a key): CLDR
    and pycountry, then ANERgazet, then the actor dictionaries.
    """
    lines: dict[str, None] = {}
    for label, group, name in gazetteer_entries(data):
        tokens = [match_token(w) for w in name.split(" ") if w]
        if not tokens or (len(tokens) == 1 and len(tokens[0]) < 3):
            continue
        lines[f"{label}\t{group}\t{' '.join(tokens)}\n"] = None
        feminine = [tokens[0], *(t + "ه" if t.endswith("ي") else t for t in tokens[1:])]
        if feminine != tokens:  # lemma كوريا شمالي also matches كوريا الشمالية
            lines[f"{label}\t{group}\t{' '.join(feminine)}\n"] = None
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(out, "wb", mtime=0) as fh:
        fh.write("".join(lines).encode("utf-8"))
    return len(lines)


def split(sentences: list[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    cut = int(len(sentences) * (1 - DEV_SHARE))
    return sentences[:cut], sentences[cut:]


def write_conll(sentences: list[Sentence], path: Path) -> None:
    path.write_text("".join("".join(f"{w} {t}\n" for w, t in zip(*s, strict=True)) + "\n" for s in sentences))


def train(sentences: list[Sentence], gaz: Gazetteer, model: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in sentences:
        trainer.append(sentence_features(words, gaz.matches(words)), tags)
    trainer.set_params(CRF_PARAMS)
    trainer.train(str(model))


def evaluate(sentences: list[Sentence], gaz: Gazetteer, model: Path) -> dict[str, dict[str, float]]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return score((tags, tagger.tag(sentence_features(words, gaz.matches(words)))) for words, tags in sentences)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder (../shared/data)")
    parser.add_argument("--dev-out", type=Path, default=Path("/tmp/seedflow_ner_dev.conll"))
    parser.add_argument("--model", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    count = build_gazetteer(args.data)
    gaz = Gazetteer.load()
    print(f"gazetteer: {count} entries")
    articles = list(corpus_tokens(args.data / "news" / "saudinewsnet_dev.jsonl.gz"))
    words = build_clusters(articles, seed=SEED)
    clusters.cache_clear()
    print(f"clusters: {words} words")
    words = build_embedding_clusters(articles, seed=SEED)
    del articles
    embedding_clusters.cache_clear()
    print(f"skip-gram clusters: {words} words")
    train_part, dev_part = split(read_conll(args.data / "ner" / "anercorp_train.txt"))
    write_conll(dev_part, args.dev_out)
    print(f"train {len(train_part)} sentences, dev {len(dev_part)} sentences -> {args.dev_out}")
    train(train_part, gaz, args.model)
    print(f"trained in {time.perf_counter() - started:.0f}s -> {args.model}")
    result = evaluate(dev_part, gaz, args.model)
    print(json.dumps({k: round(v["f1"], 2) for k, v in result.items()}))


if __name__ == "__main__":
    main()
