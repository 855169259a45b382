"""How far to trust a stance record: a logistic model over the evidence behind it.

The role rules' own scores (0.7 for a subject next to its cue, 0.5 for a crowd ...) were
set by hand and do not separate right records from wrong ones. Rule rounds written from
one judged set did not carry over to fresh news either (bench/README.md). So a record's
``confidence`` is learned instead: the chance that a reader of the sentence accepts its
holder, target and polarity, from a logistic model trained on records that independent
annotators judged on ordinary news (``python -m tasks.train_stance_confidence``; data and
scores in tasks/data/README.md). A caller that wants fewer, surer records passes a minimum
confidence to ``tag_stance`` (the pipeline's ``SEEDFLOW_STANCE_MIN_CONFIDENCE``); neutral
records are kept whatever their score, because their note says why.

The default is no minimum. The model was trained on ordinary news, where most
conflict records are wrong; on conflict reporting (the event gold of
``bench/eval_stance.py``) most are right, and there its scores barely separate right from
wrong. A bar that about doubles precision on ordinary news (0.42) leaves more than
half of the event gold's conflict sentences without an against record, so the bar is
the user's choice, with the trade-off measured in bench/README.md.

The evidence is what the tagger knew when it made the record: which rule found the
holder, the kinds of actor on both sides, how far they stand from the cue, the cue's
kind and CAMEO root, the words of and around holder, target and cue, and how crowded the
sentence is.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import orjson

from tasks.actors import Actor, Words, norm_set, norm_token
from tasks.schema import Polarity
from tasks.stance_cues import Hit, bare

MODEL_PATH = Path(__file__).parent / "data" / "stance" / "confidence.json"
# Words of sports reports, where attack, defence, "hit" and "beat" are no stances.
_SPORT = norm_set(
    "مباراة مباراه المباراة الدوري دوري لاعب لاعبين اللاعب المنتخب منتخب البطولة بطولة النادي نادي "
    "الفريق فريق هدف هدفا أهداف الاهداف المدرب مدرب الملعب كرة الكرة الشوط"
)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    """The first edge ``n`` does not exceed, or ``>last``: coarse enough for a few hundred
    judged records."""
    return next((f"<={e}" for e in edges if n <= e), f">{edges[-1]}")


def _gap(actor: Actor, hit: Hit) -> str:
    """Words between an actor and the cue, bucketed, marked ``after`` when the actor
    follows the cue and ``inside`` when it is the cue's own object."""
    if actor.last < hit.first:
        return _bucket(hit.first - actor.last - 1, (0, 2, 6))
    if actor.first > hit.last:
        return "after" + _bucket(actor.first - hit.last - 1, (0, 2, 6))
    return "inside"


def _word(words: Words, i: int, lo: int, hi: int) -> str:
    """Word ``i`` in matching form, or ``-`` outside the sentence ``lo:hi``."""
    return norm_token(bare(words, i)) if lo <= i < hi else "-"


def evidence(
    words: Words,
    hit: Hit,
    holder: Actor,
    target: Actor,
    polarity: Polarity,
    *,
    path: float,
    speaker: Actor | None,
    sentence: tuple[int, int],
    index: int,
    sport: bool,
    cues: int,
    actors: int,
) -> tuple[str, ...]:
    """The binary features of one record. ``path`` is the role rules' score for the way
    the holder and target were found (0.3-0.8); ``speaker`` the speaker of the reported
    speech the cue sits in, if any; ``sentence`` the sentence's first and past-the-end
    word, ``index`` its place in the document (0 is the headline) and ``sport`` whether it
    reads as a sports report (``sporty``). The first and last words of holder and target,
    the word before the holder and the words around the cue are features too: the weights
    of those the judged records hold often enough (الإرهابي, صاروخ, بين) say what the
    kinds alone cannot (cross-validated log-loss 0.507 without the context words, 0.476
    with them)."""
    lo, hi = sentence
    pol = polarity.value
    cue = "participle" if hit.participle else "verb" if hit.verb else "lemma" if hit.lemma else "noun"
    same = holder.country is not None and holder.country == target.country
    return (
        f"pol={pol}",
        f"root={hit.code[:2]}",
        f"pol_root={pol}:{hit.code[:2]}",
        f"cue={cue}",
        f"pol_cue={pol}:{cue}",
        f"holder={holder.kind}",
        f"target={target.kind}",
        f"pol_holder={pol}:{holder.kind}",
        f"holder_named={holder.named}",
        f"target_named={target.named}",
        f"holder_country={holder.country is not None}",
        f"target_country={target.country is not None}",
        f"same_country={same}",
        f"holder_gap={_gap(holder, hit)}",
        f"target_gap={_gap(target, hit)}",
        f"holder_words={_bucket(holder.last - holder.first + 1, (1, 2))}",
        f"target_words={_bucket(target.last - target.first + 1, (1, 2))}",
        f"path={path:.1f}",
        f"speech={speaker is not None}",
        f"holder_is_speaker={speaker is holder}",
        f"sentence_words={_bucket(hi - lo, (15, 30, 60))}",
        f"headline={index == 0}",
        f"sport={sport}",
        f"holder_word={norm_token(bare(words, holder.first))}",
        f"holder_last={norm_token(bare(words, holder.last))}",
        f"before_holder={_word(words, holder.first - 1, lo, hi)}",
        f"target_word={norm_token(bare(words, target.first))}",
        f"target_last={norm_token(bare(words, target.last))}",
        f"cue_word={norm_token(bare(words, hit.first))}",
        f"before_cue={_word(words, hit.first - 1, lo, hi)}",
        f"after_cue={_word(words, hit.last + 1, lo, hi)}",
        f"cues={_bucket(cues, (1, 3, 6))}",
        f"actors={_bucket(actors, (2, 4, 8))}",
    )


def sporty(words: Words, lo: int, hi: int) -> bool:
    """Whether words ``lo:hi`` hold a word of sports reports (once per sentence)."""
    return any(norm_token(words.keys[i]) in _SPORT for i in range(lo, hi))


@cache
def model() -> dict:
    """``{"bias", "weights", "suggested_bar", ...}`` as ``tasks.train_stance_confidence`` writes it."""
    return orjson.loads(MODEL_PATH.read_bytes())


def trust(features: tuple[str, ...]) -> float:
    """The model's probability that a reader accepts the record."""
    m = model()
    weights = m["weights"]
    z = m["bias"] + sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-z))


def suggested_bar() -> float:
    """The minimum confidence chosen for ordinary news (best cross-validated F0.5)."""
    return float(model()["suggested_bar"])
