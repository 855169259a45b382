"""Actor dictionaries and actor detection for the stance layer.

Event coders find their own actors rather than waiting for NER, so stance tagging can run
beside entity extraction. Names are matched on the key form with clitics peeled off
(``tasks.arabic.prefix_splits``) and inflection reduced (article, ta marbuta, sound plural
and possessive suffixes), the same reduction the build script applies to dictionary
entries, so "وزارة_دفاع_أميركي_" meets "وزارة الدفاع الأميركية".

Beyond plain look-up, three compositions matter in news prose:
- a role noun followed by a nationality or institution makes one actor of that country
  ("وزير الدفاع الروسي" → RUSGOV, "المتحدث باسم الكرملين" → RUSGOV);
- a title may be followed by a name ("… الروسي سيرغي شويغو"), and an unknown name set
  before a comma and a titled actor ("ديمتري بيسكوف، المتحدث باسم الكرملين") is an
  apposition; both teach the document an alias, so a later bare "شويغو" is still Russia;
- news agencies (وكالة …) are reporters, not parties: actors inside their names are dropped.
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


_SUFFIXES = ("ين", "ون", "ات", "ان", "هما", "هم", "ها", "ه", "ا")
_WORD = re.compile(r"\w", re.UNICODE)
_MAX_GAP = 4
_AGENCY_STOP = frozenset(["عن", "ان", "حينها", "الي", "في", "وفق", "حسب", "ذلك", "قوله", "قولها"])
_NAME_STOP = word_set(
    "في من علي الي عن مع ان قد لم لن لا ما هو هي الذي التي بين بعد قبل خلال حيث كما اليوم امس عندما حين "
    "وقال وقالت قال قالت اكد وكان كان كانت وكانت زار التقي ذكر ذكرت"
)
_ADVERBS = frozenset(key_form(w) for w in word_set("بالقوة بقوة"))
# Role nouns whose feminine form is a verbal noun or adjective (see ``_feminine_masdar``).
_MASDAR_LIKE = word_set("مقاتل مناهض مهاجم مسلح مدافع مدني ثانوي مدرس قاتل")
# Tokens allowed between a role noun and the nationality or institution that completes it.
_BRIDGE_STOP = frozenset(["الذي", "التي", "الذين"])


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
        if stem.endswith("يين") and len(stem) > 4:
            forms.append(stem[:-2])
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
        dictionaries list unquoted."""
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
                if j < end and len(node) > (entry is not None):
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
    return frozenset(code for _, code, kind in load_table(DATA / "actors_ar.tsv", 3) if kind == "country")


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


def _agency_tokens(words: Words) -> set[int]:
    """Token indices inside news-agency names (وكالة الأنباء الكورية …)."""
    inside: set[int] = set()
    for i, word in enumerate(words.keys):
        maybe = "وكال" in word or "agency" in word.lower()
        if not maybe or not {"وكال", "agency"} & set(candidates(word)):
            continue
        j = i
        while j < len(words.keys) and j - i < 6:
            if j > i and (not _WORD.search(words.keys[j]) or words.key(j) in _AGENCY_STOP):
                break
            inside.add(j)
            j += 1
    return inside


def _raw_actors(words: Words, lex: Lexicon, skip: set[int]) -> list[Actor]:
    found: list[Actor] = []
    i = 0
    while i < len(words.keys):
        hit = None if i in skip else lex.match(words.keys, i)
        if hit is None:
            i += 1
            continue
        entry, offset, last = hit
        if _false_split(words.keys[i], entry, offset) or _feminine_masdar(words.keys[i], entry):
            i += 1
            continue
        named = entry.kind == "title" and len(entry.words) > 1 and country_of(entry.code) is not None
        found.append(
            Actor(words.spans[i][0] + offset, words.spans[last][1], i, last, entry.code, entry.kind, "", named)
        )
        i = last + 1
    return found


def _false_split(token: str, entry: Entry, offset: int) -> bool:
    """A one-word actor reached by peeling ف/ب/ل/ك off an everyday word: فرقة is a
    squad, not ف + الرقة (Raqqa). A peeled و is kept (والعراق is و + العراق). بالقوة and
    بقوة are "by force", "strongly", not ب + a military force."""
    if key_form(token) in _ADVERBS:
        return True
    if offset == 0 or len(entry.words) > 1 or key_form(token)[:1] == "و" or entry.kind == "agent":
        return False
    return norm_token(token) in common_words()


def _feminine_masdar(token: str, entry: Entry) -> bool:
    """A masculine role noun reached through its feminine form, which in news is a verbal
    noun or an adjective far more often than a woman: مقاتلة "fighting", مناهضة "hostile",
    مهاجمة "attacking", المسلحة "armed" (of operations, forces), المدنية "civil", ثانوية
    "secondary (school)", مدرسة "school", القاتلة "deadly"."""
    return len(entry.words) == 1 and entry.words[0] in _MASDAR_LIKE and key_form(token).endswith("ه")


def _compose(words: Words, actors: list[Actor]) -> list[Actor]:
    """Join a role noun with the nationality or institution that completes it.

    Up to ``_MAX_GAP`` words may sit between them (وزير الدفاع الروسي, المتحدث باسم مجلس
    الأمن القومي الأميركي); role-only actors in the gap are absorbed. A ``و`` on the
    country word means a new conjunct (الجيش وروسيا), not a modifier, and a ``ب`` a place
    or an instrument (سيارة مفخخة بأفغانستان: the car bomb is not Afghan).
    """
    out: list[Actor] = []
    k = 0
    while k < len(actors):
        actor = actors[k]
        end = k + 1
        if actor.kind != "alias" and country_of(actor.code) is None:
            while end < len(actors) and actors[end].first - actor.last <= _MAX_GAP + 1 and not actors[end].country:
                end += 1
            nxt = actors[end] if end < len(actors) else None
            if (
                nxt is not None
                and nxt.country
                and nxt.first - actor.last <= _MAX_GAP + 1
                and all(_bridge(words, j) for j in range(actor.last + 1, nxt.first))
                and _may_head_chain(
                    words, actor, end > k + 1 or nxt.kind in ("title", "agent"), range(actor.last + 1, nxt.first)
                )
                and not words.keys[nxt.first].startswith("و")
                and "ب" not in key_form(words.keys[nxt.first])[: nxt.start - words.spans[nxt.first][0]]
            ):
                code = nxt.code if len(nxt.code) > 3 else nxt.code + actor.code
                named = actor.kind == "title" and nxt.kind in ("adj", "country")
                out.append(Actor(actor.start, nxt.end, actor.first, nxt.last, code, actor.kind, "", named))
                k = end + 1
                continue
        out.append(actor)
        k += 1
    return out


def _may_head_chain(words: Words, actor: Actor, absorbs: bool, gap: range) -> bool:
    """Whether a role noun reaches a country word across the words between them. A noun
    without the article heads a construct chain of any nouns (وزير الدفاع الروسي, رجال
    الأمن المركزي المصري). A definite one only takes adjectives that agree with it (القوات
    الخاصة العراقية, الجيش الوطني الأفغاني; after a plural in ون/ين, adjectives in ون/ين),
    a noun joined by و that shares the adjective (الجيش والشعب الروسيين) or باسم
    (المتحدث باسم الخارجية الأميركية): in "أحرق المتظاهرون العلم الأمريكي" the flag is
    the object, and "الطلاب السفير المصري" (``absorbs``: another role noun) are two
    parties."""
    if not is_article(words.keys[actor.first]) or (gap and key_form(words.keys[gap[0]]) == "باسم"):
        return True
    if absorbs:
        return False
    plural = key_form(words.keys[actor.last]).endswith(("ون", "ين"))
    endings = ("ون", "ين") if plural else ("ه", "ي", "ون", "ين")
    return all(key_form(words.keys[j]).endswith(endings) or key_form(words.keys[j]).startswith("وال") for j in gap)


def _bridge(words: Words, j: int) -> bool:
    """A word that can sit inside a construct chain (وزير الدفاع, المتحدث باسم مجلس الأمن):
    a definite noun or باسم. Verbs, prepositions and bare nouns end the chain."""
    key = key_form(words.keys[j])
    return (key.startswith(("ال", "لل", "وال")) or key == "باسم") and key not in _BRIDGE_STOP


def _is_name(words: Words, j: int, taken: set[int]) -> bool:
    word = words.keys[j]
    return (
        j not in taken
        and bool(_WORD.search(word))
        and not word.isdigit()
        and key_form(word) not in _NAME_STOP
        and not any(c in common_words() or c in _NAME_STOP for c in candidates(word))
        and len(word) > 1
    )


def _learn_aliases(words: Words, actors: list[Actor]) -> dict[str, str]:
    """Names the document ties to a titled actor: after the title, or in apposition."""
    aliases: dict[str, str] = {}
    taken = {j for a in actors for j in range(a.first, a.last + 1)}
    for actor in actors:
        if actor.kind != "title" or not actor.country:
            continue
        j = actor.last + 1
        while actor.named and j < len(words.keys) and j - actor.last <= 3 and _is_name(words, j, taken):
            j += 1
        names = range(actor.last + 1, j)
        if actor.first >= 2 and words.keys[actor.first - 1] in "،,":
            k = actor.first - 2
            while k >= 0 and actor.first - 1 - k <= 3 and _is_name(words, k, taken):
                k -= 1
            names = names or range(k + 1, actor.first - 1)
        for n in names:
            aliases.setdefault(words.key(n), actor.code)
        if names:
            aliases[" ".join(words.key(n) for n in names)] = actor.code
    return aliases


def find_actors(doc: Normalized, words: Words | None = None) -> list[Actor]:
    """Actors of a whole document, sorted by position, with text set from ``doc.text``."""
    words = words or Words.of(doc)
    agency = _agency_tokens(words) if doc.language != Language.ENGLISH else set()
    lex = lexicon(doc.language if doc.language == Language.ENGLISH else Language.ARABIC)
    actors = _raw_actors(words, lex, agency)
    if doc.language != Language.ENGLISH:
        actors = _compose(words, actors)
        aliases = _learn_aliases(words, actors)
        if aliases:
            alias_lex = Lexicon([[name, code, "alias"] for name, code in aliases.items()])
            taken = {j for a in actors for j in range(a.first, a.last + 1)} | agency
            actors += _raw_actors(words, alias_lex, taken)
            actors = _merge_adjacent(sorted(actors, key=lambda a: a.start), words)
        actors = _join_roles(words, actors)
        actors = _named_in_slot(words, actors)
    for actor in actors:
        actor.text = doc.text[actor.start : actor.end]
    return actors


# Verbal nouns of what befalls a politician: the word after them is a person.
_PERSON_SLOTS = frozenset(
    norm_token(w) for w in word_set("استقالة رحيل ترشيح ترشح بقاء إقالة اقالة تنحي محاكمة إسقاط اسقاط")
)


def _named_in_slot(words: Words, actors: list[Actor]) -> list[Actor]:
    """Unknown personal names in the slot news reserves for a person: after the verbal
    noun of a political fate (استقالة، رحيل، ترشيح، بقاء، إقالة، تنحي، محاكمة، إسقاط):
    "يطالبون باستقالة ساماك", "رفضهم لترشيح ميقاتي". A name is one or two words that
    are neither frequent news words nor an actor already, without the article; it is an
    actor with no code (the dictionaries do not know it)."""
    taken = {j for a in actors for j in range(a.first, a.last + 1)}
    found: list[Actor] = []
    for i in range(len(words.keys) - 1):
        if not any(c in _PERSON_SLOTS for c in candidates(words.keys[i])):
            continue
        j = i + 1
        while j < len(words.keys) and j - i <= 2 and _is_name(words, j, taken) and not is_article(words.keys[j]):
            j += 1
        if j > i + 1:
            start, end = words.spans[i + 1][0], words.spans[j - 1][1]
            found.append(Actor(start, end, i + 1, j - 1, "", "person"))
    return sorted(actors + found, key=lambda a: a.start) if found else actors


def is_article(token: str) -> bool:
    return key_form(token).startswith("ال")


def _merge_adjacent(actors: list[Actor], words: Words) -> list[Actor]:
    """A titled actor directly followed by its learnt name becomes one actor."""
    out: list[Actor] = []
    for actor in actors:
        prev = out[-1] if out else None
        if prev and actor.kind == "alias" and prev.last + 1 == actor.first and prev.country == actor.country:
            prev.end, prev.last = actor.end, actor.last
            continue
        if prev and prev.first <= actor.first <= prev.last:
            continue
        out.append(actor)
    return out


def _join_roles(words: Words, actors: list[Actor]) -> list[Actor]:
    """Two role nouns side by side, both without the article and in the same case, are a
    noun and its adjective: "جنودا متمردين", "مفجر انتحاري", "مسلحون مجهولون" are one
    actor. Different case endings keep subject and object apart ("قتل مسلحون جنديا")."""
    out: list[Actor] = []
    for actor in actors:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.last + 1 == actor.first
            and prev.kind == actor.kind == "agent"
            and not prev.country
            and not actor.country
            and actor.start == words.spans[actor.first][0]
            and not key_form(words.keys[actor.first]).startswith(("ال", "و"))
            and not key_form(words.keys[prev.last]).startswith("ال")
            and _case(words.keys[prev.last]) == _case(words.keys[actor.first])
        ):
            out[-1] = Actor(prev.start, actor.end, prev.first, actor.last, prev.code, prev.kind, "", prev.named)
            continue
        if prev is not None and _members_of(words, prev, actor):
            out[-1] = Actor(prev.start, actor.end, prev.first, actor.last, actor.code, prev.kind, "", prev.named)
            continue
        out.append(actor)
    return out


def _members_of(words: Words, head: Actor, owner: Actor) -> bool:
    """A role noun in the construct state with a definite actor for genitive ("عناصر
    الشرطة", "مقاتلي القاعدة", "جنود الجيش الإسرائيلي") is one actor, the members of the
    genitive, with its code. The head has no article and none of the endings a construct
    noun drops (ون، ين، ان، tanwin ا); the genitive is not a nominative plural ("طالب
    المحتجون" is a verb and its subject)."""
    if head.last + 1 != owner.first or head.kind != "agent" or head.country:
        return False
    first, last = key_form(words.keys[owner.first]), key_form(words.keys[head.last])
    if owner.start != words.spans[owner.first][0] or not first.startswith("ال") or first.endswith("ون"):
        return False
    return not last.startswith(("ال", "وال")) and not last.endswith(("ون", "ين", "ان", "ا"))


def _case(token: str) -> str:
    """The case an indefinite plural or accusative ending shows: nominative (ون),
    accusative-genitive (ين, tanwin alif), or none."""
    key = key_form(token)
    if key.endswith("ون"):
        return "nom"
    return "acc" if key.endswith(("ين", "ا")) else ""
