"""Word clusters learned from Arabic news, a CRF feature for words ANERcorp never saw.

ANERcorp has 125k tokens; most names in new articles are not among them. Words used in
the same contexts (the word before and the word after) in 30k news articles land in
the same cluster, so an unseen surname shares a cluster with seen ones. A window of one
word scored better on the dev split than two (71.5 vs 69.9 F1) or four (67.3).

Built at training time (``build_clusters``: positive PMI of word-context counts, a
randomized SVD, k-means at three granularities; numpy only there) and shipped as
``tasks/data/clusters.tsv.gz`` (``word<TAB>c64<TAB>c256<TAB>c1024``, words in key form).
Because the corpus is CC BY-NC-SA, so is this file (see ``tasks/data/README.md``).
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from tasks.normalize import key_form

if TYPE_CHECKING:  # numpy is needed to build the clusters, not to use them
    import numpy as np

CLUSTERS_PATH = Path(__file__).parent / "data" / "clusters.tsv.gz"
SIZES = (64, 256, 1024)
_STRIP = dict.fromkeys([0x0640, *range(0x064B, 0x0653), 0x0670])
_TOKEN = re.compile(r"\w+|[^\w\s]")


def corpus_tokens(path: Path) -> Iterator[list[str]]:
    """Key-form tokens of each article (title and body) of a SaudiNewsNet-style jsonl.gz."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            article = json.loads(line)
            text = key_form(f"{article.get('title', '')}\n{article.get('content', '')}".translate(_STRIP))
            yield _TOKEN.findall(text)


def build_clusters(
    articles: Sequence[list[str]],
    out: Path = CLUSTERS_PATH,
    vocab_size: int = 60_000,
    contexts: int = 1000,
    dims: int = 100,
    window: int = 1,
    seed: int = 13,
) -> int:
    """Cluster the ``vocab_size`` most frequent words of key-form ``articles`` (``corpus_tokens``);
    returns how many were written."""
    import numpy as np

    rng = np.random.default_rng(seed)
    counts = Counter(t for tokens in articles for t in tokens)
    vocab = [w for w, _ in counts.most_common(vocab_size)]
    index = {w: i for i, w in enumerate(vocab)}
    slots = (*range(-window, 0), *range(1, window + 1))
    width = contexts * len(slots)
    # one id stream with a -1 between articles, so windows never cross an article
    ids = np.array([index.get(t, -1) for tokens in articles for t in (*tokens, "")], dtype=np.int64)
    cooc = np.zeros(len(vocab) * width, dtype=np.float64)
    for s, offset in enumerate(slots):
        if offset > 0:
            word, ctx = ids[:-offset], ids[offset:]
        else:
            word, ctx = ids[-offset:], ids[:offset]
        keep = (word >= 0) & (ctx >= 0) & (ctx < contexts)
        cooc += np.bincount(word[keep] * width + ctx[keep] + s * contexts, minlength=cooc.size)
    matrix = cooc.reshape(len(vocab), width).astype(np.float32)
    total = matrix.sum()
    row = matrix.sum(axis=1, keepdims=True) + 1e-9
    col = matrix.sum(axis=0, keepdims=True) ** 0.75
    col = col / col.sum() * total + 1e-9
    with np.errstate(divide="ignore"):
        ppmi = np.maximum(np.log(matrix * total / (row * col)), 0).astype(np.float32)
    probe = ppmi @ rng.standard_normal((width, dims + 20)).astype(np.float32)
    basis, _ = np.linalg.qr(probe)
    u, s, _ = np.linalg.svd(basis.T @ ppmi, full_matrices=False)
    vectors = (basis @ u[:, :dims]) * np.sqrt(s[:dims])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    labels = [_kmeans(vectors, k, rng) for k in SIZES]
    lines = [f"{w}\t" + "\t".join(str(int(lab[i])) for lab in labels) + "\n" for i, w in enumerate(vocab)]
    with gzip.GzipFile(out, "wb", mtime=0) as fh:
        fh.write("".join(lines).encode("utf-8"))
    return len(lines)


def _kmeans(vectors: np.ndarray, k: int, rng: np.random.Generator, iterations: int = 12) -> np.ndarray:
    """Spherical k-means (cosine), seeded from random rows: cluster index per row."""
    import numpy as np

    centers = vectors[rng.choice(len(vectors), k, replace=False)]
    for _ in range(iterations):
        assign = np.argmax(vectors @ centers.T, axis=1)
        for c in range(k):
            members = vectors[assign == c]
            if len(members):
                centers[c] = members.sum(axis=0) / (np.linalg.norm(members.sum(axis=0)) + 1e-9)
    return np.argmax(vectors @ centers.T, axis=1)


@lru_cache(maxsize=1)
def clusters() -> dict[str, tuple[str, ...]]:
    """Key-form word → cluster ids at each granularity, loaded once per process."""
    out: dict[str, tuple[str, ...]] = {}
    with gzip.open(CLUSTERS_PATH, "rt", encoding="utf-8") as fh:
        for line in fh:
            word, *ids = line.rstrip("\n").split("\t")
            out[word] = tuple(ids)
    return out
