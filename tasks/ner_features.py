"""CRF features for Arabic (and any) tokens; shared by training and tagging so they never drift.

Arabic names arrive glued to clitics and with spelling variants, so every word is seen
through its key form (``tasks.normalize.key_form``), every stem ``prefix_splits`` can
peel off, its affixes, its PPMI and skip-gram word clusters (``tasks.ner_clusters``,
``tasks.ner_embeddings``), its neighbours, and whether a name list covers it. Per-word
features are cached: news repeats its words, which keeps tagging well above 20k tokens/s.
"""

from __future__ import annotations

from collections.abc import Sequence

from tasks.caches import word_cache
from tasks.gazetteer import Match, first_token_variants
from tasks.ner_clusters import clusters
from tasks.ner_embeddings import embedding_features
from tasks.normalize import key_form

_PUNCT = frozenset(".,،؛;:!?؟\"'()[]-/«»…")
_ARABIC_START, _ARABIC_END = "\u0600", "\u06ff"


@word_cache
def word_info(word: str) -> tuple[tuple[str, ...], str, str, str, str]:
    """``(features, key, shortest stem, suffix-2, mid-size cluster)`` of one word, context-free.

    The cluster is the word's own, else that of its first clitic-peeled form the news
    corpus knows (لروسيا is rare, روسيا is not).
    """
    key = key_form(word)
    variants = first_token_variants(word)
    stem = variants[-1][1]
    feats = [f"w={key}", f"p2={key[:2]}", f"p3={key[:3]}", f"s1={key[-1:]}", f"s2={key[-2:]}", f"s3={key[-3:]}"]
    table = clusters()
    ids = table.get(key) or next((table[key[p:]] for p, _ in variants if key[p:] in table), ())
    feats.extend(f"c{i}={c}" for i, c in enumerate(ids))
    feats.extend(embedding_features(key))
    feats.extend(f"st={token}" for _, token in variants[1:])
    if len(variants) > 1:
        feats.append(f"cl={key[: variants[-1][0]]}")
        feats.append(f"ss2={stem[-2:]}")
    first = key[:1]
    if first.isdigit():
        feats.append("digit")
    elif first in _PUNCT:
        feats.append("punct")
    elif first.isascii() and first.isalpha():
        feats.append("latin")
        if word[:1].isupper():
            feats.append("upper")
    elif not _ARABIC_START <= first <= _ARABIC_END:
        feats.append("other")
    feats.append(f"len={min(len(stem), 8)}")
    return tuple(feats), key, stem, key[-2:], ids[1] if ids else "-"


def gazetteer_flags(words: Sequence[str], matches: Sequence[Match]) -> list[list[str]]:
    """Per token, ``B-LOC``/``I-PERSON``… for each longest name-list match covering it."""
    flags: list[list[str]] = [[] for _ in words]
    for m in matches:
        for label in m.labels:
            flags[m.start].append(f"B-{label}")
            for i in range(m.start + 1, m.end):
                flags[i].append(f"I-{label}")
        if m.end - m.start > 1:
            for i in range(m.start, m.end):
                flags[i].append("multi")
    return flags


def sentence_features(words: Sequence[str], matches: Sequence[Match]) -> list[list[str]]:
    """One feature list per token: the word's own features, its gazetteer flags, and a
    window of two words each side (keys), one each side (stems, flags, suffixes).
    ``matches`` are the sentence's ``Gazetteer.matches``, which the caller needs too."""
    infos = [word_info(w) for w in words]
    flags = gazetteer_flags(words, matches)
    n = len(words)
    keys = ["<s>", "<s>", *[info[1] for info in infos], "</s>", "</s>"]
    out: list[list[str]] = []
    for i, (own, key, *_) in enumerate(infos):
        f = ["bias", *own]
        f.extend(f"g={flag}" for flag in flags[i])
        k = i + 2
        f.append(f"w-2={keys[k - 2]}")
        f.append(f"w-1={keys[k - 1]}")
        f.append(f"w+1={keys[k + 1]}")
        f.append(f"w+2={keys[k + 2]}")
        f.append(f"w-1|w={keys[k - 1]}|{key}")
        f.append(f"w|w+1={key}|{keys[k + 1]}")
        cluster = infos[i][4]
        if i > 0:
            prev = infos[i - 1]
            f.append(f"st-1={prev[2]}")
            f.append(f"s2-1={prev[3]}")
            f.append(f"c-1={prev[4]}")
            f.append(f"c-1|c={prev[4]}|{cluster}")
            f.extend(f"g-1={flag}" for flag in flags[i - 1])
        if i + 1 < n:
            nxt = infos[i + 1]
            f.append(f"st+1={nxt[2]}")
            f.append(f"s2+1={nxt[3]}")
            f.append(f"c+1={nxt[4]}")
            f.append(f"c|c+1={cluster}|{nxt[4]}")
            f.extend(f"g+1={flag}" for flag in flags[i + 1])
        out.append(f)
    return out
