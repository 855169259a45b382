"""Token tagging for the entity layer: a BIO tag per word, before any mention is built.

Arabic words are tagged by the CRF (``tasks/data/ner.crfsuite``, features in
``tasks.ner_features``) with curated name-list entries laid over it, Latin words by the
name lists and the titles before a person, names are copied to their untagged repeats, and
DATE comes from rules. Kept apart from building and grouping mentions (``tasks.entities``)
because ``bench/eval_ner.py`` scores exactly this step on CoNLL tokens, the one the model
was trained for.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from tasks.gazetteer import Gazetteer, first_token_variants, gazetteer, match_token
from tasks.ner_dates import find_dates
from tasks.ner_eval import chunks
from tasks.ner_features import sentence_features

MODEL_PATH = Path(__file__).parent / "data" / "ner.crfsuite"
_SENTENCE_END = frozenset(".!?؟")
CURATED = frozenset(("C:", "T:", "O:"))
_EN_TRIGGERS = frozenset(
    (
        *("President", "Minister", "minister", "Secretary", "secretary", "spokesman", "spokeswoman"),
        *("spokesperson", "leader", "Chancellor", "Senator", "senator", "Mr", "Mrs", "Ms", "Dr", "General"),
        *("Ambassador", "ambassador", "envoy", "King", "Prince", "Sheikh", "Premier"),
    )
)


@lru_cache(maxsize=1)
def _tagger() -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    return tagger


def _is_latin(words: Sequence[str]) -> bool:
    letters = [w[0] for w in words if w[:1].isalpha()]
    return bool(letters) and sum(ch.isascii() for ch in letters) > 0.5 * len(letters)


def _sentence_tags(words: Sequence[str], gaz: Gazetteer) -> list[str]:
    """Model tags for Arabic (or unknown-script) words, dictionary tags for Latin ones.

    A curated entry (CLDR country or city, a few well-known institutions) that
    extends an entity the model found replaces it: the model cuts
    جمهورية كوريا الشعبية الديمقراطية short. Only multi-word institutions
    (وكالة الأناضول) are added where the model found nothing; countries and cities
    are not: on the dev split that cost 5 points of LOC F1 (كييف the football club,
    موسكو the government).
    """
    if _is_latin(words):
        tags = ["O"] * len(words)
        for m in gaz.matches(words, capitalized=True):
            _put(tags, m.start, m.end, m.labels[0])
        _titled_people(words, tags)
        return tags
    matches = gaz.matches(words)
    tags = list(_tagger().tag(sentence_features(words, matches)))
    for m in matches:
        inside = tags[m.start : m.end]
        extends = any(t != "O" for t in inside) and "O" in inside
        if (m.group[:2] in CURATED and extends) or (m.group[:2] == "O:" and m.end - m.start > 1):
            _put(tags, m.start, m.end, m.labels[0])
    return tags


def tag_sentences(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """Tag each sentence, then propagate names across them (see ``_propagate``)."""
    gaz = gazetteer()
    tags = [_sentence_tags(words, gaz) for words in sentences]
    _propagate(sentences, tags)
    return tags


def _name_key(words: Sequence[str]) -> tuple[str, ...]:
    return (first_token_variants(words[0])[-1][1], *(match_token(w) for w in words[1:]))


def _propagate(sentences: Sequence[Sequence[str]], tags: list[list[str]]) -> None:
    """Tag untagged repeats of names tagged elsewhere in the same text, in place.

    Articles repeat their names (الأهلي, جوزيه) and the model misses some repeats;
    copying the majority label of a name (compared clitic-free) to its untagged
    occurrences gained about 1 F1 point on dev-split windows of 10-40 sentences. A
    person's last name alone counts as a repeat of the person.
    """
    known: dict[tuple[str, ...], Counter[str]] = {}
    for words, sentence_tags in zip(sentences, tags, strict=True):
        for label, a, b in chunks(sentence_tags):
            if label != "DATE":
                known.setdefault(_name_key(words[a:b]), Counter())[label] += 1
            if label == "PERSON" and b - a > 1:  # later "Kirby" alone after "John Kirby"
                known.setdefault(_name_key(words[b - 1 : b]), Counter())[label] += 1
    if not known:
        return
    longest = max(len(k) for k in known)
    for words, sentence_tags in zip(sentences, tags, strict=True):
        stems = [first_token_variants(w)[-1][1] for w in words]
        keys = [match_token(w) for w in words]
        i = 0
        while i < len(words):
            run = 0
            while i + run < len(words) and run < longest and sentence_tags[i + run] == "O":
                run += 1
            if len(keys[i]) > 2:
                for j in range(i + run, i, -1):
                    labels = known.get((stems[i], *keys[i + 1 : j]))
                    if labels:
                        _put(sentence_tags, i, j, labels.most_common(1)[0][0])
                        i = j - 1
                        break
            i += 1


def _titled_people(words: Sequence[str], tags: list[str]) -> None:
    """English people the name lists miss: up to four capitalized words after a title
    or role word ("spokesman Dmitry Peskov", "Minister Sergei Shoigu")."""
    i = 0
    while i < len(words):
        if words[i] in _EN_TRIGGERS:
            j = i + 1
            while j < len(words) and j - i <= 4 and words[j][:1].isupper() and tags[j] == "O":
                j += 1
            if j > i + 1 and words[i + 1] not in _EN_TRIGGERS:
                _put(tags, i + 1, j, "PERSON")
            i = j
        else:
            i += 1


def _put(tags: list[str], start: int, end: int, label: str) -> None:
    """Write one entity over ``[start, end)`` unless a longer tagged entity contains it
    (الولايات المتحدة الأمريكية stays whole); entities it overlaps are cut."""
    for _, a, b in chunks(tags):
        if a <= start and end <= b and (a, b) != (start, end):
            return
    tags[start] = f"B-{label}"
    tags[start + 1 : end] = [f"I-{label}"] * (end - start - 1)
    if end < len(tags) and tags[end].startswith("I-"):
        tags[end] = "B-" + tags[end][2:]


def tag_tokens(tokens: Sequence[str]) -> list[str]:
    """BIO tags (B-PERSON, I-ORG, B-LOC, B-DATE, B-MISC, O…) for pre-tokenized text.

    The tokens are cut into sentences at sentence-final punctuation (the model was
    trained on sentences), tagged, and date rules are applied over the whole sequence.
    """
    words = list(tokens)
    sentences: list[list[str]] = []
    start = 0
    for i, word in enumerate(words):
        if word in _SENTENCE_END or i == len(words) - 1:
            sentences.append(words[start : i + 1])
            start = i + 1
    tags = [t for sentence_tags in tag_sentences(sentences) for t in sentence_tags]
    offsets: list[int] = []
    pos = 0
    for word in words:
        offsets.append(pos)
        pos += len(word) + 1
    for a, b in find_dates(" ".join(words)):
        first = bisect.bisect_right(offsets, a) - 1
        last = bisect.bisect_left(offsets, b)
        if first < 0 or offsets[first] != a:
            continue  # a date that begins inside a token (after a clitic): the token is not a date
        tags[first:last] = ["B-DATE"] + ["I-DATE"] * (last - first - 1)
        if last < len(tags) and tags[last].startswith("I-"):
            tags[last] = "B-" + tags[last][2:]
    return tags
