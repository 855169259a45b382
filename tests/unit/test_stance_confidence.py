"""The stance confidence model: its fit, its bar, its training data and its use."""

from __future__ import annotations

import json

import numpy as np
from scipy import sparse

from tasks.normalize import normalize_text
from tasks.schema import Polarity
from tasks.stance import explain_stances, tag_stance
from tasks.stance_confidence import model
from tasks.stance_judgments import sentence_key
from tasks.train_stance_confidence import choose_bar, examples, fit
from tests.conftest import SEED


def test_fit_recovers_a_known_logistic_model() -> None:
    rng = np.random.default_rng(7)
    x = np.column_stack([np.ones(20000), rng.integers(0, 2, (20000, 3))]).astype(float)
    truth = np.array([-1.0, 2.0, -1.5, 0.0])
    y = (rng.random(20000) < 1 / (1 + np.exp(-x @ truth))).astype(float)
    assert np.abs(fit(sparse.csr_matrix(x), y, strength=0.01) - truth).max() < 0.15
    # The penalty shrinks the weights but never the bias toward zero.
    shrunk = fit(sparse.csr_matrix(x), y, strength=5000.0)
    assert np.abs(shrunk[1:]).max() < 0.5 * np.abs(truth[1:]).max()


def test_bar_is_the_best_f05_and_favours_precision() -> None:
    """Worked by hand: keeping the two surest records (precision 1, two right of three)
    gives F0.5 = 0.909, better than keeping four (0.75 precision, all right: 0.789)."""
    p = np.array([0.9, 0.8, 0.7, 0.2, 0.1])
    y = np.array([1.0, 1.0, 0.0, 1.0, 0.0])
    bar, precision, kept = choose_bar(p, y)
    assert 0.7 < bar <= 0.8
    assert (precision, round(kept, 3)) == (1.0, 0.667)


def test_a_minimum_confidence_leaves_out_unsure_favor_and_against_only() -> None:
    doc = normalize_text(SEED.read_text(encoding="utf-8"))
    every = tag_stance(doc)
    assert every == tag_stance(doc, min_confidence=0.0)
    taken = [s for s in every if s.polarity != Polarity.NEUTRAL]
    bar = sorted(s.confidence for s in taken)[len(taken) // 2]
    kept = tag_stance(doc, min_confidence=bar)
    assert 0 < len([s for s in kept if s.polarity != Polarity.NEUTRAL]) < len(taken)
    assert all(s.confidence >= bar for s in kept if s.polarity != Polarity.NEUTRAL)
    neutral = [s for s in every if s.polarity == Polarity.NEUTRAL]
    assert neutral and neutral == [s for s in tag_stance(doc, min_confidence=1.0) if s.polarity == Polarity.NEUTRAL]


def test_the_shipped_model_knows_every_kind_of_evidence() -> None:
    """A new kind of evidence needs a retrained model (``python -m tasks.train_stance_confidence``):
    until then it would weigh nothing."""
    families = {f.split("=", 1)[0] for f in model()["weights"]}
    doc = normalize_text(SEED.read_text(encoding="utf-8"))
    emitted = {f.split("=", 1)[0] for _, facts in explain_stances(doc) for f in facts}
    assert emitted and emitted <= families
    assert 0.0 < model()["suggested_bar"] < 1.0


def test_training_examples_join_judgments_by_sentence_and_record(tmp_path) -> None:
    """Every judged record of the sampled articles becomes one example with its verdict;
    a record nobody judged is counted, not guessed."""
    text = SEED.read_text(encoding="utf-8")
    articles = tmp_path / "articles.jsonl"
    line = json.dumps({"title": "", "content": text}) + "\n"
    articles.write_text(line * 1300)  # samples leave out the first 1,000 articles
    doc = normalize_text(f"\n\n{text}")
    records = [s for s, _ in explain_stances(doc) if s.polarity != Polarity.NEUTRAL]
    lines = []
    for i, s in enumerate(records[1:]):
        start, end = doc.sentences[s.sentence]
        sentence = " ".join(doc.text[start:end].split())
        verdict = "ok" if i % 2 == 0 else "wrong"
        lines.append("\t".join([verdict, s.polarity.value, s.holder.text, s.target.text, sentence_key(sentence),
                                sentence, "note"]))  # fmt: skip
    (tmp_path / "judged.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    found, unjudged = examples(articles, tmp_path, (("judged.tsv", (0,), 1),))
    assert unjudged == 1
    assert [label for _, _, label in found] == [1 - i % 2 for i in range(len(records) - 1)]
    assert all(facts for _, facts, _ in found)
