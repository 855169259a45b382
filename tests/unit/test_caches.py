"""Per-word caches are bounded, and the warm-up fills them before the first document."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from enum import Enum

import tasks
from tasks.actors import lexicon
from tasks.caches import WORD_CACHE_SIZE, vocabulary


def _caches() -> dict[str, object]:
    found = {}
    for info in pkgutil.iter_modules(tasks.__path__):
        module = importlib.import_module(f"tasks.{info.name}")
        for name, value in vars(module).items():
            if callable(value) and hasattr(value, "cache_info") and value.__module__ == module.__name__:
                found[f"{module.__name__}.{name}"] = value
    return found


def _keyed_by_words(fn: object) -> bool:
    """True unless every argument is an enum (a loader per language holds one value each)."""
    params = inspect.signature(fn.__wrapped__, eval_str=True).parameters.values()  # type: ignore[attr-defined]
    return not all(isinstance(p.annotation, type) and issubclass(p.annotation, Enum) for p in params)


def test_every_cache_keyed_by_words_is_bounded() -> None:
    """A cache keyed by words must not grow with the vocabulary of the documents seen."""
    caches = _caches()
    assert caches, "no caches found: the test looks in the wrong place"
    keyed = {name: fn for name, fn in caches.items() if _keyed_by_words(fn)}
    assert keyed, "no per-word cache found: the test looks in the wrong place"
    for name, fn in keyed.items():
        maxsize = fn.cache_info().maxsize  # type: ignore[attr-defined]
        assert maxsize is not None and maxsize <= WORD_CACHE_SIZE, f"{name} has maxsize={maxsize}"


def test_vocabulary_is_frequent_news_words() -> None:
    words = vocabulary()
    assert len(words) >= WORD_CACHE_SIZE
    assert {"في", "من", "على", "إلى"} <= set(words[:20])
    assert len(set(words)) == len(words)


def test_warm_up_fills_the_word_caches() -> None:
    word_caches = [fn for fn in _caches().values() if _keyed_by_words(fn)]
    for fn in word_caches:
        fn.cache_clear()  # type: ignore[attr-defined]
    assert tasks.warm_up(2000) == 2000
    sizes = [fn.cache_info().currsize for fn in word_caches]  # type: ignore[attr-defined]
    assert max(sizes) >= 2000, sizes


def test_warm_up_stops_filling_at_its_time_budget() -> None:
    """A slow machine gets a partly filled cache, not a pool process that never reports up."""
    word_caches = [fn for fn in _caches().values() if _keyed_by_words(fn)]
    for fn in word_caches:
        fn.cache_clear()  # type: ignore[attr-defined]
    lexicon.cache_clear()
    tasks.warm_up(WORD_CACHE_SIZE, seconds=0)
    sizes = [fn.cache_info().currsize for fn in word_caches]  # type: ignore[attr-defined]
    assert max(sizes) < WORD_CACHE_SIZE // 4, sizes
    assert lexicon.cache_info().currsize == 2, "both actor lexicons load whatever the budget"


def test_context_caches_are_full_after_the_default_warm_up() -> None:
    """The stance rules' context look-ups are bounded below what the warm-up reaches, so a
    worker starts with them full instead of growing through its first documents."""
    from tasks.caches import CONTEXT_CACHE_SIZE

    context = [fn for fn in _caches().values() if fn.cache_info().maxsize == CONTEXT_CACHE_SIZE]  # type: ignore[attr-defined]
    assert context, "no context cache found: the test looks in the wrong place"
    for fn in context:
        fn.cache_clear()  # type: ignore[attr-defined]
    tasks.warm_up()
    assert [fn.cache_info().currsize for fn in context] == [CONTEXT_CACHE_SIZE] * len(context)  # type: ignore[attr-defined]
