"""Skip-gram clusters: the shipped table's shape, clitic fallback, and the k-means helper.

Building the clusters needs numpy and gensim (the ``train`` extra, also in ``test``, so
the training code is tested wherever the tests run).
"""

from __future__ import annotations

from tasks.ner_embeddings import SIZES, embedding_clusters, embedding_features
from tasks.ner_features import word_info
from tasks.normalize import key_form


def test_shipped_table_has_one_id_per_size_in_range() -> None:
    table = embedding_clusters()
    assert len(table) > 50_000
    for feats in list(table.values())[:2000]:
        assert [f.split("=")[0] for f in feats] == [f"e{size}" for size in SIZES]
        assert all(0 <= int(f.split("=")[1]) < size for f, size in zip(feats, SIZES, strict=True))


def test_common_words_are_in_the_table() -> None:
    table = embedding_clusters()
    for word in ("روسيا", "الرئيس", "السعودية", "قال"):
        assert key_form(word) in table, word


def test_clitic_form_falls_back_to_its_stem() -> None:
    table = embedding_clusters()
    # فبروسيا is rare; peeling the conjunction gives بروسيا, which the news corpus uses
    assert key_form("فبروسيا") not in table and key_form("بروسيا") in table
    assert embedding_features(key_form("فبروسيا")) == table[key_form("بروسيا")]
    assert embedding_features(key_form("فبروسيا")) != table[key_form("روسيا")]
    assert embedding_features(key_form("وروسياqq")) == ("e=unk",)


def test_word_info_carries_the_embedding_clusters() -> None:
    feats = word_info("روسيا")[0]
    assert sum(f.startswith("e") and "=" in f and f[1:2].isdigit() for f in feats) == len(SIZES)
    assert "e=unk" in word_info("qqqzzzxx")[0]


def test_spherical_kmeans_separates_two_directions() -> None:
    import numpy as np

    from tasks.ner_embeddings import spherical_kmeans

    rng = np.random.default_rng(0)
    a = np.array([1.0, 0.0, 0.0]) + 0.05 * rng.standard_normal((50, 3))
    b = np.array([0.0, 0.0, 1.0]) + 0.05 * rng.standard_normal((50, 3))
    vectors = np.vstack([a, b]).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    labels = spherical_kmeans(vectors, 2, np.random.default_rng(1))
    assert len(set(labels[:50])) == 1 and len(set(labels[50:])) == 1
    assert labels[0] != labels[50]


def test_build_embedding_clusters_writes_loadable_table(tmp_path, monkeypatch) -> None:
    import tasks.ner_embeddings as emb

    rng = __import__("random").Random(3)
    towns, names = ["روسيا", "مصر", "لبنان", "تونس"], ["محمد", "احمد", "علي", "خالد"]
    articles = []
    for _ in range(400):
        articles.append(["زار", rng.choice(names), "مدينه", "في", rng.choice(towns), "امس", "."])
    out = tmp_path / "c.tsv.gz"
    monkeypatch.setattr(emb, "SIZES", (2, 3))
    count = emb.build_embedding_clusters(articles, out=out, epochs=20, dims=10, window=1)
    assert count == len({t for a in articles for t in a})
    monkeypatch.setattr(emb, "EMBEDDING_CLUSTERS_PATH", out)
    emb.embedding_clusters.cache_clear()
    try:
        table = emb.embedding_clusters()
        assert set(table) == {t for a in articles for t in a}
        assert all(len(feats) == 2 and feats[0].startswith("e2=") for feats in table.values())
    finally:
        emb.embedding_clusters.cache_clear()
