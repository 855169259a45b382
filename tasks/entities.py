"""The entity layer: find names and dates in a normalized document and group them.

Arabic text is tagged by a CRF trained on ANERcorp (``tasks/data/ner.crfsuite``, features
in ``tasks.ner_features``); English text, for which there is no training data, by
longest match against the CLDR and Phoenix name lists; DATE everywhere by rules
(``tasks.ner_dates``), which win over the model where they overlap. Mentions then lose
attached clitics (لروسيا → روسيا) and leading titles, and are grouped: same name-list
group, same key, or, for people, one name contained in another (بوتين ⊂ فلاديمير بوتين).
The canonical name is the longest mention (the most frequent of equally long ones, so a
name the model once ran into a verb does not win). An entity whose mention is a curated
name (CLDR, a few institutions) takes that label: the model, trained on 2007 news, calls
البيت الأبيض MISC.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from tasks.gazetteer import Gazetteer, first_token_variants, gazetteer, match_token
from tasks.ner_dates import find_dates
from tasks.ner_eval import chunks
from tasks.ner_features import sentence_features
from tasks.normalize import key_form
from tasks.schema import Entity, Label, Language, Mention, Normalized

MODEL_PATH = Path(__file__).parent / "data" / "ner.crfsuite"
_SENTENCE_END = frozenset(".!?؟")
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
_CURATED = frozenset(("C:", "T:", "O:"))
_EN_TRIGGERS = frozenset(
    (
        *("President", "Minister", "minister", "Secretary", "secretary", "spokesman", "spokeswoman"),
        *("spokesperson", "leader", "Chancellor", "Senator", "senator", "Mr", "Mrs", "Ms", "Dr", "General"),
        *("Ambassador", "ambassador", "envoy", "King", "Prince", "Sheikh", "Premier"),
    )
)
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
        if (m.group[:2] in _CURATED and extends) or (m.group[:2] == "O:" and m.end - m.start > 1):
            _put(tags, m.start, m.end, m.labels[0])
    return tags


def _tag_sentences(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
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
    tags = [t for sentence_tags in _tag_sentences(sentences) for t in sentence_tags]
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
    for spans, words, tags in zip(sentence_spans, sentences, _tag_sentences(sentences), strict=True):
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
            if hit and hit[1][:2] in _CURATED:
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
