"""Actor dictionaries, the matching forms of words, and the actor records found with them.

Event coders find their own actors rather than waiting for NER, so stance tagging can run
beside entity extraction. Names are matched on the key form with clitics peeled off
(``tasks.arabic.prefix_splits``) and inflection reduced (article, ta marbuta, sound plural
and possessive suffixes), the same reduction the build script applies to dictionary
entries, so "وزارة_دفاع_أميركي_" meets "وزارة الدفاع الأميركية".

Detection over a document is in ``tasks.actors_detect``; the phrases news builds from
several words (role noun + nationality, members of an institution) in
``tasks.actors_phrases``, unlisted institutions in ``tasks.actors_institutions``, and
personal names in ``tasks.actors_names``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tasks.arabic import prefix_splits
from tasks.caches import word_cache
from tasks.normalize import key_form
from tasks.schema import Language, Normalized

DATA = Path(__file__).parent / "data" / "stance"


def word_set(text: str) -> frozenset[str]:
    """The words of one space-separated string: long word lists stay readable in source."""
    return frozenset(text.split())


def key_set(text: str) -> frozenset[str]:
    """``word_set`` in key form (``tasks.normalize.key_form``), for look-ups of keys."""
    return frozenset(key_form(w) for w in text.split())


def norm_set(text: str) -> frozenset[str]:
    """``word_set`` in matching form (``norm_token``), for look-ups of matched words."""
    return frozenset(norm_token(w) for w in text.split())


_SUFFIXES = ("ين", "ون", "ات", "ان", "هما", "هم", "ها", "ه", "ا")
_PRONOUNS = ("هما", "هم", "ها", "ه")
# Feminine nouns of parties as a pronoun spells them, with ت (حكومته، زوجتها، شرطتها). Not every
# feminine noun: the feminine of a role noun with a pronoun is its verbal noun far more
# often (معارضته "his opposition", مشاركته "his participation").
_TA = key_set("حكومت شرطت عائلت أسرت زوجت ابنت شقيقت والدت")
_WORD = re.compile(r"\w", re.UNICODE)


def has_pronoun(token: str) -> bool:
    """A word ending in a possessive or object pronoun (قواته، رئيسها، جنودهم، مواقعهما), read
    on the written token, where ta marbuta (ة) is no ه; short words (له، به) are left out."""
    return token.endswith(("ها", "هم", "هما")) or (token.endswith("ه") and len(token) > 3)


def is_word(token: str) -> bool:
    """A token with a letter or digit in it, not punctuation."""
    return bool(_WORD.search(token))


def norm_token(token: str) -> str:
    """Matching form of one word: key form, no article, no ta marbuta, no trailing dots."""
    word = key_form(token).strip(".")
    if word.startswith("ال") and len(word) > 3:
        word = word[2:]
    if word.endswith("ه") and len(word) > 2:
        word = word[:-1]
    return word


def norm_phrase(phrase: str) -> str:
    """Matching form of a dictionary phrase (underscores and spaces both split words)."""
    words = [norm_token(w) for w in phrase.replace("_", " ").split()]
    return " ".join(w for w in words if w and _WORD.search(w))


@word_cache
def candidates(token: str) -> dict[str, int]:
    """Matching forms a text token may stand for, each with the clitic length peeled.

    Arabic: every clitic split, then with and without a plural or pronoun suffix, all in
    ``norm_token`` form. Latin: the lower-cased word and, for possessives, without ``'s``,
    and for a plural in -s the singular the agent lists hold.
    """
    key = key_form(token)
    out: dict[str, int] = {}
    if not key or key[0] < "\u0600":
        word = key.strip(".")
        out[word] = 0
        if word.endswith("'s"):
            out.setdefault(word[:-2], 0)
        if word.endswith("s") and len(word) > 4 and not word.endswith(("ss", "'s")):
            out.setdefault(word[:-1], 0)  # soldiers, protesters: the agent lists are singular
        return out
    for offset, stem in prefix_splits(key):
        if "ك" in key[:offset]:
            continue
        forms = [stem]
        for suffix in _SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
                forms.append(stem[: -len(suffix)])
                if suffix in _PRONOUNS and stem[: -len(suffix)] in _TA:
                    forms.append(stem[: -len(suffix) - 1])  # ة before a pronoun is ت: زوجته
        if stem.endswith("يين") and len(stem) > 4:
            forms.append(stem[:-2])
        if stem.endswith(("يتين", "يتان")) and len(stem) > 5:
            forms.append(stem[:-3])  # feminine dual nisba: طائرتين جورجيتين
        if _construct_plural(stem):
            forms.append(stem[:-1])  # construct plural: مستوطني براخة، مسلحي الحركة
        if stem.endswith("و") and len(stem) >= 5 and not stem.startswith("ال"):
            forms.append(stem[:-1])  # nominative construct plural: سائقو الأجرة، مستوطنو
        for form in forms:
            out.setdefault(norm_token(form), offset)
    return out


def _construct_plural(stem: str) -> bool:
    """A sound plural in the construct state, its ن dropped (مستوطني، مسلحي، محتجي), or an
    adjective in the dictionaries' lemma form, which drops the ي (الحرس الثوري is listed as
    حرس ثور). A five-letter word, or one with the article (which a construct noun cannot
    take), keeps its ي when it is an everyday word: رئيسي "main", عربي "Arab", الحربي
    "military"."""
    if not stem.endswith("ي") or len(stem) < 5:
        return False
    if len(stem) >= 6 and not stem.startswith("ال"):
        return True
    return norm_token(stem) not in common_words()


def load_table(path: Path, columns: int) -> list[list[str]]:
    """Rows of a tab-separated data file; lines with another number of fields are skipped
    rather than fatal, so one bad line in a hand-edited lexicon cannot stop a worker."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) == columns and all(f.strip() for f in fields):
            rows.append([f.strip() for f in fields])
    return rows


@dataclass(frozen=True)
class Entry:
    words: tuple[str, ...]
    code: str
    kind: str


_END = "\x00"
_POSSESSIVE = ("ها", "هم", "هما")


class Lexicon:
    """A phrase dictionary as a word trie: a look-up follows only the branches the next
    tokens' matching forms open, so its cost does not grow with the number of entries."""

    def __init__(self, rows: list[list[str]]) -> None:
        self.root: dict[str, dict] = {}
        for phrase, code, kind in rows:
            words = tuple(phrase.split())
            node = self.root
            for word in words:
                node = node.setdefault(word, {})
            node.setdefault(_END, Entry(words, code, kind))

    def match(self, keys: list[str], i: int, end: int | None = None) -> tuple[Entry, int, int] | None:
        """Longest entry starting at token ``i`` (and ending before ``end``), with the
        clitic length of its first word and the index of its last token.

        A quotation mark inside a name is passed over: news quotes the proper part of an
        organisation's name (تنظيم "القاعدة", كتائب "شهداء الأقصى"), which the
        dictionaries list unquoted. A word with a possessive pronoun ends a name: it takes no
        genitive ("رئيسها الولايات المتحدة" is not "رئيس الولايات المتحدة")."""
        end = len(keys) if end is None else end
        best: tuple[Entry, int, int] | None = None
        for cand, offset in candidates(keys[i]).items():
            node = self.root.get(cand)
            if node is None:
                continue
            stack = [(node, i + 1)]
            while stack:
                node, j = stack.pop()
                entry = node.get(_END)
                if entry is not None and (best is None or len(entry.words) > len(best[0].words)):
                    best = (entry, offset, j - 1)
                if j < end and len(node) > (entry is not None) and not keys[j - 1].endswith(_POSSESSIVE):
                    if keys[j] == '"' and j + 1 < end:
                        j += 1
                    stack.extend((node[c], j + 1) for c in candidates(keys[j]) if c in node and c != _END)
        return best


@cache
def lexicon(language: Language) -> Lexicon:
    name = "actors_en.tsv" if language == Language.ENGLISH else "actors_ar.tsv"
    return Lexicon(load_table(DATA / name, 3))


@cache
def country_codes() -> frozenset[str]:
    return frozenset(code for _, code, kind in load_table(DATA / "actors_ar.tsv", 3) if kind in ("country", "region"))


def country_of(code: str | None) -> str | None:
    """The country part of an actor code (RUSGOV → RUS), None for bare roles (MIL, CVL)."""
    if code and code[:3] in country_codes():
        return code[:3]
    return None


@cache
def common_words() -> frozenset[str]:
    """The most frequent Arabic news words: never taken for a person's name."""
    return frozenset(word for word, _ in load_table(DATA / "common_ar.tsv", 2))


@dataclass
class Actor:
    start: int
    end: int
    first: int
    last: int
    code: str
    kind: str
    text: str = ""
    named: bool = False

    @property
    def country(self) -> str | None:
        return country_of(self.code)


@dataclass
class Words:
    """The word tokens of a document (punctuation kept as one-character tokens)."""

    spans: list[tuple[int, int]]
    keys: list[str]
    text: str

    @classmethod
    def of(cls, doc: Normalized) -> Words:
        return cls(doc.tokens, [doc.text[s:e] for s, e in doc.tokens], doc.text)

    def key(self, i: int) -> str:
        return norm_token(self.keys[i])


def is_article(token: str) -> bool:
    return key_form(token).startswith("ال")
