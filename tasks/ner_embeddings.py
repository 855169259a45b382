"""Skip-gram word clusters from Arabic news: a second, finer view of unseen words for the CRF.

The PPMI clusters (``tasks.ner_clusters``) see one word each side; skip-gram vectors
(window 5) trained on the same 30,697 SaudiNewsNet articles place a surname the CRF
never saw next to the surnames it did at more granularities (100, 300, 1000 and 3000
clusters). Added to the PPMI clusters they raised the validation F1 from 71.7 to 73.8;
replacing them gave 72.3, so both are used.

Built at training time (``build_embedding_clusters``: gensim word2vec on one thread, so
a fixed seed gives the same vectors, then spherical k-means; gensim and numpy only
there) and shipped as ``tasks/data/clusters_w2v.tsv.gz``
(``word<TAB>e100<TAB>e300<TAB>e1000<TAB>e3000``, words in key form). The vectors
themselves are not shipped: the clusters carry what the CRF uses of them. The corpus is
CC BY-NC-SA, so is this file (see ``tasks/data/README.md``).
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from tasks.arabic import prefix_splits

if TYPE_CHECKING:  # numpy is needed to build the clusters, not to use them
    import numpy as np

EMBEDDING_CLUSTERS_PATH = Path(__file__).parent / "data" / "clusters_w2v.tsv.gz"
SIZES = (100, 300, 1000, 3000)
_UNKNOWN = ("e=unk",)


def build_embedding_clusters(
    articles: Sequence[list[str]],
    out: Path = EMBEDDING_CLUSTERS_PATH,
    vocab_size: int = 150_000,
    dims: int = 100,
    window: int = 5,
    epochs: int = 5,
    seed: int = 13,
) -> int:
    """Train skip-gram vectors on key-form ``articles`` and cluster the ``vocab_size`` most
    frequent words at each of ``SIZES``; returns how many words were written."""
    import numpy as np
    from gensim.models import Word2Vec

    model = Word2Vec(
        articles,
        vector_size=dims,
        window=window,
        sg=1,
        negative=5,
        sample=1e-4,
        min_count=3,
        epochs=epochs,
        workers=1,  # one thread: the only way word2vec is deterministic for a seed
        seed=seed,
    )
    words = model.wv.index_to_key[:vocab_size]
    vectors = np.asarray(model.wv[words], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    rng = np.random.default_rng(seed)
    labels = [spherical_kmeans(vectors, k, rng) for k in SIZES]
    lines = [f"{w}\t" + "\t".join(str(int(lab[i])) for lab in labels) + "\n" for i, w in enumerate(words)]
    with gzip.GzipFile(out, "wb", mtime=0) as fh:
        fh.write("".join(lines).encode("utf-8"))
    return len(lines)


def spherical_kmeans(vectors: np.ndarray, k: int, rng: np.random.Generator, iterations: int = 15) -> np.ndarray:
    """Cluster index per row of unit ``vectors`` (cosine k-means seeded from random rows);
    assignments are computed in blocks so 150k x 3000 similarities never sit in memory."""
    import numpy as np

    centers = vectors[rng.choice(len(vectors), k, replace=False)].copy()

    def assign() -> np.ndarray:
        out = np.empty(len(vectors), dtype=np.int64)
        for s in range(0, len(vectors), 20_000):
            out[s : s + 20_000] = np.argmax(vectors[s : s + 20_000] @ centers.T, axis=1)
        return out

    for _ in range(iterations):
        sums = np.zeros_like(centers)
        np.add.at(sums, assign(), vectors)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        filled = norms[:, 0] > 0  # an emptied cluster keeps its old center
        centers[filled] = sums[filled] / norms[filled]
    return assign()


@lru_cache(maxsize=1)
def embedding_clusters() -> dict[str, tuple[str, ...]]:
    """Key-form word → its CRF features (``e100=7``, … ``e3000=2190``), loaded once per process.

    The feature strings are shared between words (4,400 distinct ones for 120k words),
    which keeps the table at about 30 MB of a worker's memory instead of 50.
    """
    shared: dict[str, str] = {}
    out: dict[str, tuple[str, ...]] = {}
    with gzip.open(EMBEDDING_CLUSTERS_PATH, "rt", encoding="utf-8") as fh:
        for line in fh:
            word, *ids = line.rstrip("\n").split("\t")
            feats = (f"e{size}={c}" for size, c in zip(SIZES, ids, strict=True))
            out[word] = tuple(shared.setdefault(f, f) for f in feats)
    return out


def embedding_features(key: str) -> tuple[str, ...]:
    """``e100=…`` … ``e3000=…`` for a key-form word: its own clusters, else those of the
    first clitic-peeled stem the corpus knows (وبوتين → بوتين), else ``e=unk``."""
    table = embedding_clusters()
    feats = table.get(key) or next((table[stem] for _, stem in prefix_splits(key)[1:] if stem in table), None)
    return feats or _UNKNOWN
