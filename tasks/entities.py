"""The entity layer: find names and dates in a normalized document and group them.

Words are tagged in ``tasks.ner_tagger``: Arabic text by a CRF trained on ANERcorp
(``tasks/data/ner.crfsuite``, features in ``tasks.ner_features``); English text, for which
there is no training data, by longest match against the CLDR and Phoenix name lists; DATE
everywhere by rules (``tasks.ner_dates``), which win over the model where they overlap.
Here the tagged mentions lose attached clitics (لروسيا → روسيا) and leading titles, and
are grouped: same name-list group, same key, or, for people, one name contained in
another (بوتين ⊂ فلاديمير بوتين).
The canonical name is the longest mention (the most frequent of equally long ones, so a
name the model once ran into a verb does not win). An entity whose mention is a curated
name (CLDR, a few institutions) takes that label: the model, trained on 2007 news, calls
البيت الأبيض MISC.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

from tasks.gazetteer import Gazetteer, first_token_variants, gazetteer, match_token
from tasks.ner_dates import find_dates
from tasks.ner_eval import chunks
from tasks.ner_tagger import CURATED, tag_sentences
from tasks.normalize import key_form
from tasks.schema import Entity, Label, Language, Mention, Normalized

_TITLES = frozenset(
    match_token(w)
    for w in [
        "الرئيس",
        "رئيس",
        "الزعيم",
        "زعيم",
        "الوزير",
        "وزير",
        "الملك",
        "ملك",
        "الأمير",
        "أمير",
        "الشيخ",
        "شيخ",
        "السيد",
        "السيدة",
        "المتحدث",
        "الجنرال",
        "President",
        "Prime",
        "Minister",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "King",
        "Prince",
        "General",
        "Secretary",
        "Spokesman",
        "The",
    ]
)
_CLITIC_START = ("وال", "فال", "بال", "كال")
_FUNCTION_WORDS = frozenset(
    map(
        key_form,
        (
            *("أمام", "خلف", "عن", "على", "إلى", "في", "من", "مع", "بعد", "قبل", "منذ", "عند", "لدى", "حول"),
            *("ضد", "بين", "دون", "نحو", "عبر", "فيها", "منها", "كما", "أيضا", "حيث", "قد", "لقد", "ثم"),
        ),
    )
)
_PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا", "ي")
_TITLE_ENDINGS = ("ي", "ا", "ان", "ين")  # dual and plural endings (not ه: أميرة is a name)


@dataclass
class _Candidate:
    start: int
    end: int
    label: str
    words: list[str]
    starts: list[int]
    group: str = ""
    curated: str = ""  # label of the curated name-list entry this mention is, if any
    norm: tuple[str, ...] = field(default_factory=tuple)


def _doc_candidates(doc: Normalized) -> list[_Candidate]:
    text, tokens = doc.text, doc.tokens
    token_starts = [a for a, _ in tokens]
    sentence_spans = []
    for s_start, s_end in doc.sentences:
        lo = bisect.bisect_left(token_starts, s_start)
        hi = bisect.bisect_left(token_starts, s_end)
        if hi > lo:
            sentence_spans.append(tokens[lo:hi])
    sentences = [[text[a:b] for a, b in spans] for spans in sentence_spans]
    out: list[_Candidate] = []
    for spans, words, tags in zip(sentence_spans, sentences, tag_sentences(sentences), strict=True):
        for label, i, j in chunks(tags):
            out.append(_Candidate(spans[i][0], spans[j - 1][1], label, words[i:j], [a for a, _ in spans[i:j]]))
    dates = find_dates(text)
    out = [c for c in out if not any(a < c.end and c.start < b for a, b in dates)]
    for a, b in dates:
        lo = bisect.bisect_left(token_starts, a)
        hi = bisect.bisect_left(token_starts, b)
        inside = tokens[lo:hi] or [(a, b)]
        out.append(_Candidate(a, b, "DATE", [text[x:y] for x, y in inside], [x for x, _ in inside]))
    out.sort(key=lambda c: c.start)
    return out


def _trim(c: _Candidate, gaz: Gazetteer, doc_names: set[str]) -> None:
    """Peel clitics off the first word and drop leading titles, keeping the span exact."""
    if c.label == "DATE":
        c.norm = tuple(match_token(w) for w in c.words)
        return
    while len(c.words) > 1 and match_token(c.words[0]) in _TITLES:
        c.words, c.starts = c.words[1:], c.starts[1:]
        c.start = c.starts[0]
    while len(c.words) > 1 and _function_word(c.words[-1]):
        c.words, c.starts = c.words[:-1], c.starts[:-1]
        c.end = c.starts[-1] + len(c.words[-1])
    first, rest = c.words[0], tuple(match_token(w) for w in c.words[1:])
    peel = 0
    for peeled, token in first_token_variants(first):
        if (token, *rest) in gaz.entries or (peeled and token in doc_names):
            peel = peeled
            hit = gaz.entries.get((token, *rest))
            c.group = hit[1] if hit else ""
            if hit and hit[1][:2] in CURATED:
                c.curated = hit[0][0]
            break
    else:
        key = key_form(first)
        if key.startswith(_CLITIC_START) and len(key) >= 5:
            peel = 1
        elif key.startswith("لل") and len(key) >= 5:
            peel = 2
    if peel and key_form(first)[peel - 2 : peel] == "ال" and peel >= 2 and len(first) - peel >= 2:
        peel -= 2  # keep the article: والكرملين → الكرملين
    c.start += peel
    c.words[0] = first[peel:]
    c.norm = tuple(match_token(w) for w in c.words)


def _function_word(word: str) -> bool:
    """A preposition or adverb, bare or with a pronoun suffix (أمامه, عنها): never the
    last word of a name, though the model sometimes runs a name into one."""
    key = key_form(word)
    return key in _FUNCTION_WORDS or any(key[: -len(s)] in _FUNCTION_WORDS for s in _PRONOUNS if key.endswith(s))


def _title_only(c: _Candidate) -> bool:
    """A name that is one title word, bare or inflected (زعيمي البلدين "the two leaders",
    الرئيسان): titles are not names, though the model sometimes tags one alone."""
    if c.label == "DATE" or len(c.words) != 1:
        return False
    key = match_token(c.words[0])
    return key in _TITLES or any(key[: -len(s)] in _TITLES for s in _TITLE_ENDINGS if key.endswith(s))


def _split_conjoined(c: _Candidate, doc_names: set[str]) -> list[_Candidate]:
    """Cut ``كيم وشويغو`` in two where a word is ``و`` + a name this document uses alone,
    and a person's span where the model ran across a preposition (كيم إلى شويغو)."""
    for i in range(1, len(c.words)):
        word = c.words[i]
        conjoined = c.label != "DATE" and word[:1] == "و" and match_token(word[1:]) in doc_names
        across = c.label == "PERSON" and _function_word(word) and i + 1 < len(c.words)
        if conjoined or across:
            head = _Candidate(c.start, c.starts[i - 1] + len(c.words[i - 1]), c.label, c.words[:i], c.starts[:i])
            skip = i + 1 if across else i
            tail = _Candidate(c.starts[skip], c.end, c.label, c.words[skip:], c.starts[skip:])
            return [head, *_split_conjoined(tail, doc_names)]
    return [c]


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _kind(label: str) -> str:
    """Labels that may share an entity: LOC, ORG and MISC do (الكرملين is tagged either
    way), people and dates stay apart."""
    return label if label in ("PERSON", "DATE") else "NAME"


def _same_person(c: _Candidate, kind: str, members: list[_Candidate]) -> bool:
    if kind == "PERSON" and any(_contains(m.norm, c.norm) or _contains(c.norm, m.norm) for m in members):
        return True
    return len(c.norm) == 1 and any(c.norm[0] in m.norm for m in members)


def _group(cands: list[_Candidate]) -> list[list[_Candidate]]:
    """Mentions (in text order) into entities: same name-list group or same key within a
    kind; a person's name inside another's (بوتين, فلاديمير بوتين); a single word that is
    part of a person's name, whatever the model called it."""
    groups: list[list[_Candidate]] = []
    index: dict[tuple[str, str | tuple[str, ...]], int] = {}
    people: list[int] = []
    for c in cands:
        kind = _kind(c.label)
        target = index.get((kind, c.group)) if c.group else None
        if target is None:
            target = index.get((kind, c.norm))
        if target is None and kind != "DATE":
            target = next((g for g in reversed(people) if _same_person(c, kind, groups[g])), None)
        if target is None:
            target = len(groups)
            groups.append([])
            if kind == "PERSON":
                people.append(target)
        groups[target].append(c)
        kind = _kind(groups[target][0].label)
        index.setdefault((kind, c.norm), target)
        if c.group:
            index.setdefault((kind, c.group), target)
    return groups


def extract_entities(doc: Normalized) -> list[Entity]:
    """Entities of one document, ids ``e1, e2, …`` in order of first mention."""
    if doc.language == Language.OTHER:
        return []
    gaz = gazetteer()
    cands = _doc_candidates(doc)
    doc_names = {match_token(w) for c in cands for w in c.words if len(w) > 2}
    cands = [part for c in cands for part in _split_conjoined(c, doc_names)]
    for c in cands:
        _trim(c, gaz, doc_names)
    cands = [
        c
        for c in cands
        if c.start < c.end and any(ch.isalnum() for ch in doc.text[c.start : c.end]) and not _title_only(c)
    ]
    entities: list[Entity] = []
    for index, members in enumerate(_group(cands), start=1):
        curated = [m.curated for m in members if m.curated]
        label = curated[0] if curated else Counter(m.label for m in members).most_common(1)[0][0]
        forms = Counter(m.norm for m in members)
        best = max(members, key=lambda m: (len(m.words), forms[m.norm], m.end - m.start))
        mentions = []
        for m in members:
            raw_start, raw_end = doc.to_raw(m.start, m.end)
            mentions.append(
                Mention(
                    text=doc.text[m.start : m.end],
                    start=m.start,
                    end=m.end,
                    raw_start=raw_start,
                    raw_end=raw_end,
                    sentence=doc.sentence_of(m.start),
                )
            )
        entities.append(
            Entity(id=f"e{index}", name=doc.text[best.start : best.end], label=Label(label), mentions=mentions)
        )
    return entities
