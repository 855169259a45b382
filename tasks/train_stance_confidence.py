"""Rebuild ``tasks/data/stance/confidence.json``: ``python -m tasks.train_stance_confidence``.

Learns how far to trust a favor/against record (``tasks.stance_confidence``) from records
that annotators judged on ordinary news. Training sets only: the first judged set
(``bench/data/stance_judgments.tsv``, sample 0) and ``stance_judgments_train.tsv``
(samples 2-6, 9-21 and 30-45). The test sets (``stance_judgments_fresh.tsv``, sample 1, and
``stance_judgments_test.tsv``, samples 7-8 and 22-29) are never read here.

The model is an L2-regularized logistic regression fitted by L-BFGS from zero weights, so
the same records give the same weights. Its strength and the suggested bar are chosen by five-fold
cross-validation grouped by article (records of one article never sit on both sides):
the strength with the lowest held-out log-loss, then the bar with the best held-out
F0.5 of "the reader accepts the record", which weighs precision twice as much as the
share of right records kept, because a wrong record costs an analyst more than a missed one.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

from tasks.normalize import normalize_text
from tasks.schema import Polarity
from tasks.stance import explain_stances
from tasks.stance_confidence import MODEL_PATH, model
from tasks.stance_judgments import load_judgments, pick_articles, sentence_key

BENCH_DATA = Path(__file__).resolve().parents[1] / "bench" / "data"
# (judgment file, samples, articles per sample), as bench/stance_precision.py drew them.
TRAINING = (
    ("stance_judgments.tsv", (0,), 80),
    ("stance_judgments_train.tsv", (2, 3, 4, 5, 6, *range(9, 22), *range(30, 46)), 110),
)
STRENGTHS = (0.3, 1.0, 3.0, 10.0, 30.0)
FOLDS = 5
BETA = 0.5

Example = tuple[str, tuple[str, ...], int]


def examples(
    articles: Path, judgments: Path = BENCH_DATA, sets: tuple[tuple[str, tuple[int, ...], int], ...] = TRAINING
) -> tuple[list[Example], int]:
    """(article, features, 1 if ok) for every judged favor/against record the code makes
    now, and how many of its records nobody has judged."""
    out: list[Example] = []
    unjudged = 0
    for name, picks, n in sets:
        verdicts = load_judgments(judgments / name)
        for pick in picks:
            for article, text in pick_articles(articles, n, pick=pick):
                doc = normalize_text(text)
                for stance, facts in explain_stances(doc, min_confidence=0.0):
                    if stance.polarity == Polarity.NEUTRAL:
                        continue
                    start, end = doc.sentences[stance.sentence]
                    sentence = " ".join(doc.text[start:end].split())
                    key = (sentence_key(sentence), stance.holder.text, stance.target.text, stance.polarity.value)
                    verdict = verdicts.get(key)
                    if verdict is None:
                        unjudged += 1
                        continue
                    out.append((article, facts, int(verdict == "ok")))
    return out, unjudged


def fit(x: sparse.csr_matrix, y: np.ndarray, strength: float) -> np.ndarray:
    """Weights (bias first; ``x`` has a column of ones first) minimizing the log-loss plus
    ``strength``/2 times the squared weights, bias unpenalized. L-BFGS on the sparse
    matrix: a few thousand binary features, a handful set per record."""
    penalty = np.full(x.shape[1], strength)
    penalty[0] = 0.0

    def objective(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        loss = float(np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 * np.sum(penalty * w * w))
        return loss, x.T @ (1.0 / (1.0 + np.exp(-z)) - y) + penalty * w

    found = optimize.minimize(objective, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B",
                              options={"maxiter": 2000, "gtol": 1e-7})  # fmt: skip
    return found.x


def _fold(article: str) -> int:
    return hashlib.sha1(article.encode()).digest()[0] % FOLDS


def out_of_fold(x: sparse.csr_matrix, y: np.ndarray, folds: np.ndarray, strength: float) -> np.ndarray:
    """Each record's probability from the model fitted on the other folds."""
    p = np.zeros(len(y))
    for k in range(FOLDS):
        test = folds == k
        w = fit(x[~test], y[~test], strength)
        p[test] = 1.0 / (1.0 + np.exp(-x[test] @ w))
    return p


def _matrix(data: list[Example], index: dict[str, int]) -> sparse.csr_matrix:
    rows, cols = [], []
    for row, (_, facts, _) in enumerate(data):
        for col in [0, *(index[f] for f in facts if f in index)]:
            rows.append(row)
            cols.append(col)
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(data), len(index) + 1))


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def choose_bar(p: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    """(bar, precision, share of right records kept) with the best F0.5 over bars on a
    0.01 grid."""
    best = (0.0, float(y.mean()), 1.0)
    best_f = -1.0
    for step in range(100):
        bar = step / 100
        kept = p >= bar
        if not kept.any():
            break
        precision, recall = float(y[kept].mean()), float(y[kept].sum() / max(y.sum(), 1))
        f = (1 + BETA**2) * precision * recall / (BETA**2 * precision + recall) if precision + recall else 0.0
        if f > best_f + 1e-12:
            best_f, best = f, (bar, precision, recall)
    return best


def train(articles: Path, out: Path = MODEL_PATH) -> dict:
    started = time.perf_counter()
    data, unjudged = examples(articles)
    names = sorted({f for _, facts, _ in data for f in facts})
    x = _matrix(data, {f: i + 1 for i, f in enumerate(names)})
    y = np.array([label for _, _, label in data], dtype=float)
    folds = np.array([_fold(article) for article, _, _ in data])
    held_out = {s: out_of_fold(x, y, folds, s) for s in STRENGTHS}
    losses = {s: log_loss(p, y) for s, p in held_out.items()}
    strength = min(losses, key=losses.__getitem__)
    bar, precision, kept = choose_bar(held_out[strength], y)
    w = fit(x, y, strength)
    weights = {f: round(float(w[i + 1]), 4) for i, f in enumerate(names) if abs(w[i + 1]) >= 1e-4}
    result = {
        "bias": round(float(w[0]), 4),
        "suggested_bar": bar,
        "weights": weights,
        "trained_on": {"records": len(data), "ok": int(y.sum()), "unjudged_left_out": unjudged},
        "cross_validation": {
            "strength": strength,
            "log_loss": {str(s): round(v, 4) for s, v in losses.items()},
            "base_log_loss": round(log_loss(np.full(len(y), y.mean()), y), 4),
            "precision_at_bar": round(precision, 4),
            "ok_kept_at_bar": round(kept, 4),
            "precision_without_bar": round(float(y.mean()), 4),
        },
    }
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    model.cache_clear()
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    ap.add_argument("--data", type=Path, default=Path("../shared/data"), help="the shared data folder")
    args = ap.parse_args()
    result = train(args.data / "news" / "saudinewsnet_dev.jsonl.gz")
    summary = {k: v for k, v in result.items() if k != "weights"}
    print(json.dumps(summary, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
