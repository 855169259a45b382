"""The cue dictionaries and the light stemmer that reads an inflected word as one of their
verb lemmas.

Kept apart from cue finding (``tasks.stance_cues``) because far more than the finder needs
them: the role, place, mood and conflict rules load the lexicons and ask ``verb_lemma`` of
the words around a cue against word lists of their own (speech, light, carrying verbs), and
none of them should have to reach into the finder for that.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tasks.actors import DATA, Lexicon, common_words, country_codes, load_table
from tasks.caches import word_cache
from tasks.normalize import key_form
from tasks.schema import Language

_VERB_SUFFIXES = ("تما", "تان", "تم", "تن", "ون", "وا", "ان", "ين", "نا", "ت", "ا", "ن")
# Endings before which a verb with a weak last letter loses it: اعتدى → اعتدوا، اعتدت،
# يعتدون; التقى → التقوا، التقت. The ي is restored after them.
_WEAK_SUFFIXES = ("وا", "ون", "ت")
PRONOUNS = ("هما", "هم", "ها", "ه")


@dataclass
class Lexicons:
    cues: Lexicon
    verbs: dict[str, str]
    goldstein: dict[str, float]
    # The verbs as a word list, so that ``verb_lemma`` look-ups are cached per word.
    lemmas: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.lemmas = frozenset(self.verbs)


@cache
def lexicons(language: Language) -> Lexicons:
    """Cue dictionaries, loaded once per process on first use, with the word lists the
    Arabic role rules consult (frequent words, country codes), so that no document in the
    middle of a batch pays for loading them."""
    suffix = "en" if language == Language.ENGLISH else "ar"
    if language != Language.ENGLISH:
        common_words(), country_codes()
    goldstein = {code: float(score) for code, score in load_table(DATA / "goldstein.tsv", 2)}
    return Lexicons(
        Lexicon(load_table(DATA / f"cues_{suffix}.tsv", 3)),
        {verb: code for verb, code in load_table(DATA / f"verbs_{suffix}.tsv", 2)},
        goldstein,
    )


def strip_conj(word: str) -> list[str]:
    forms = [word]
    if word[:1] in "وف" and len(word) > 3:
        forms.append(word[1:])
    return forms + [f[1:] for f in forms if f[:1] == "س" and len(f) > 4]


def verb_lemma(token: str, verbs: dict[str, str] | frozenset[str]) -> tuple[str, bool] | None:
    """The dictionary lemma an inflected Arabic verb stands for, and whether it is imperfect.

    Peels a conjunction, the future س, one object pronoun, one subject suffix and one
    imperfect prefix (ي ت ن ا), restoring the ا of derived forms (يعتقل → اعتقل) and the
    weak last letter (اعتدوا → اعتدى); the least-peeled candidate wins. Words with the
    article take no imperfect prefix: they are nouns unless listed as verbs (التقى، التقت).
    """
    if isinstance(verbs, frozenset):
        return _set_lemma(token, verbs)
    return next(((form, imperfect) for form, imperfect in _verb_forms(token) if form in verbs), None)


@word_cache
def _set_lemma(token: str, verbs: frozenset[str]) -> tuple[str, bool] | None:
    """``verb_lemma`` against a fixed word list (speech, light, denial verbs), cached per
    word and list: the role rules ask it of every word before a cue."""
    return next(((form, imperfect) for form, imperfect in _verb_forms(token) if form in verbs), None)


@word_cache
def _verb_forms(token: str) -> tuple[tuple[str, bool], ...]:
    """Every lemma form ``verb_lemma`` may try for a token, in order (cached per word).
    A word ending in ta marbuta is a noun (وزارة is not و + زار + ه), and هنا is "here"
    (the verb هنأ keeps its hamza in news spelling)."""
    out: list[tuple[str, bool]] = []
    if token.endswith("ة") or strip_conj(token)[-1] == "هنا":
        return ()
    for word in strip_conj(key_form(token)):
        article = word.startswith("ال")  # a noun, or a listed verb such as التقى: no prefix
        stems = [word] + [word[: -len(p)] for p in PRONOUNS if word.endswith(p) and len(word) - len(p) >= 3]
        bodies = list(stems)
        weak: list[str] = []
        for stem in stems:
            bodies += [stem[: -len(s)] for s in _VERB_SUFFIXES if stem.endswith(s) and len(stem) - len(s) >= 3]
            weak += [stem[: -len(s)] + "ي" for s in _WEAK_SUFFIXES if stem.endswith(s) and len(stem) - len(s) >= 3]
        bodies += weak
        out += [(body, False) for body in bodies]
        if article:
            continue
        for body in bodies:
            if body[:1] in "يتنا" and len(body) >= 4:
                out += [(body[1:], True), ("ا" + body[1:], True)]
                if body[1] == "و" and body not in weak:  # يوقف → أوقف; not أوردت → أردى
                    out.append(("ا" + body[2:], True))
    return tuple(out)


def verb_lemma_en(token: str, verbs: dict[str, str]) -> str | None:
    """The verb an English word inflects: -s, -es, -ies, -ed, -d, -ing peeled (with the
    silent e restored); PETRARCH2 lists irregular forms itself."""
    word = token.lower()
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("s"):
        forms += [word[:-1], word[:-2]]
    if word.endswith("ed"):
        forms += [word[:-2], word[:-1], word[:-3]]
    if word.endswith("ing"):
        forms += [word[:-3], word[:-3] + "e", word[:-4]]
    return next((f for f in forms if len(f) >= 3 and f in verbs), None)
