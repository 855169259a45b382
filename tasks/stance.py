"""Stance: who stands for or against whom, in the event-coding tradition.

A stance is a cue (a verb from the CAMEO dictionaries, or a noun or phrase such as
عقوبات or علاقات طيبة) with a CAMEO event code; its polarity is the sign of the code's
Goldstein score, so "favor" and "against" mean cooperation and conflict on a published
scale rather than a home-made one. Holder and target are actors from ``tasks.actors``.

Roles follow Arabic clause order: a subject right before the cue (SVO, "روسيا تسعى"), else
right after a verb (VSO, "تعهدت روسيا"), else the nearest actor earlier in the clause; a
verb joined by و to an earlier cue shares its subject. Reported speech gives the speaker
the stances inside the quote that name no subject of their own, or whose subject is the
speaker's own country (a Kremlin spokesman speaking of Moscow speaks for Russia).
Agencies only report. Negation and hedges make the record neutral and say why in
``note``, because "did not confirm" or "may supply" asserts no stance.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from tasks.actors import DATA, Actor, Lexicon, Words, candidates, find_actors, load_table, norm_token, word_set
from tasks.normalize import key_form
from tasks.schema import ActorRef, Cue, Language, Normalized, Polarity, Stance, StanceSummary

_SPEECH_AR = word_set("قال اكد اعرب ذكر اشار نقل صرح اعلن اوضح اضاف تحدث ابدي شدد")
_SPEECH_PARTICIPLES = word_set("مشيرا مشيره مضيفا مضيفه موضحا موضحه موكدا موكده لافتا لافته")
_SPEECH_EN = frozenset(["said", "says", "say", "told", "stated", "added", "noted", "according", "warned"])
_COMPLEMENT = frozenset(["ان", ":"]) | {'"'}
_NEGATORS = {"لم": "لم", "لن": "لن", "لا": "لا", "ليس": "ليس", "ليست": "ليس", "ما": "ما", "عدم": "عدم", "غير": "غير"}
_NEGATORS_EN = frozenset(["not", "n't", "never", "no"])
_DENIALS = frozenset(["نفي", "نفت", "ينفي", "تنفي", "نفوا", "denied", "denies", "deny"])
_HEDGES = frozenset(["ربما", "يحتمل", "محتمل", "قد", "may", "might", "could"])
_FILLERS = frozenset(["قد", "لم", "لن", "لا", "ما", "كان", "كانت", "وكان", "وكانت", "،", ",", "-", "(", ")"])
_CLAUSE_BREAK = frozenset(["ان", "بينما", "لكن", "حيث", "،", ",", ";", "؛", "that", "while", "but", "whereas"])
_TARGET_BREAK = frozenset(["بينما", "لكن", "حيث", ";", "؛", "while", "but", "whereas"])
_VERB_SUFFIXES = ("تما", "تان", "تم", "تن", "ون", "وا", "ان", "ين", "نا", "ت", "ا", "ن")
_PRONOUNS = ("هما", "هم", "ها", "ه")


@dataclass
class Hit:
    """A cue found in the text, before roles are assigned."""

    first: int
    last: int
    code: str
    layout: str
    verb: bool
    imperfect: bool = False


@dataclass
class Speech:
    verb: int
    speaker: Actor | None
    quote: int
    note: str | None = None


@dataclass
class Lexicons:
    cues: Lexicon
    verbs: dict[str, str]
    goldstein: dict[str, float] = field(default_factory=dict)


@cache
def lexicons(language: Language) -> Lexicons:
    """Cue dictionaries, loaded once per process on first use."""
    suffix = "en" if language == Language.ENGLISH else "ar"
    goldstein = {code: float(score) for code, score in load_table(DATA / "goldstein.tsv", 2)}
    return Lexicons(
        Lexicon(load_table(DATA / f"cues_{suffix}.tsv", 3)),
        {verb: code for verb, code in load_table(DATA / f"verbs_{suffix}.tsv", 2)},
        goldstein,
    )


def _strip_conj(word: str) -> list[str]:
    forms = [word]
    if word[:1] in "وف" and len(word) > 3:
        forms.append(word[1:])
    return forms + [f[1:] for f in forms if f[:1] == "س" and len(f) > 4]


def verb_lemma(token: str, verbs: dict[str, str] | frozenset[str]) -> tuple[str, bool] | None:
    """The dictionary lemma an inflected Arabic verb stands for, and whether it is imperfect.

    Peels a conjunction, the future س, one object pronoun, one subject suffix and one
    imperfect prefix (ي ت ن ا), restoring the ا of derived forms (يعتقل → اعتقل); the
    least-peeled candidate wins. Words with the article are nouns and never match.
    """
    key = key_form(token)
    for word in _strip_conj(key):
        if word.startswith("ال"):
            if word in verbs:
                return word, False
            continue
        stems = [word] + [word[: -len(p)] for p in _PRONOUNS if word.endswith(p) and len(word) - len(p) >= 3]
        bodies = list(stems)
        for stem in stems:
            bodies += [stem[: -len(s)] for s in _VERB_SUFFIXES if stem.endswith(s) and len(stem) - len(s) >= 3]
        for body in bodies:
            if body in verbs:
                return body, False
        for body in bodies:
            if body[:1] in "يتنا" and len(body) >= 4:
                for lemma in (body[1:], "ا" + body[1:], "ا" + body[2:] if body[1] == "و" else ""):
                    if lemma in verbs:
                        return lemma, True
    return None


def verb_lemma_en(token: str, verbs: dict[str, str]) -> str | None:
    word = token.lower()
    forms = [word, word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-2] + "e", word[:-1] + "e"]
    return next((f for f in forms if len(f) >= 3 and f in verbs), None)


def _find_cues(words: Words, lo: int, hi: int, lex: Lexicons, english: bool) -> list[Hit]:
    hits: list[Hit] = []
    i = lo
    while i < hi:
        phrase = lex.cues.match(words.keys[lo:hi], i - lo)
        if phrase:
            entry, _ = phrase
            hits.append(Hit(i, i + len(entry.words) - 1, entry.code, entry.kind, verb=False))
            i += len(entry.words)
            continue
        word = words.keys[i]
        if english:
            lemma = verb_lemma_en(word, lex.verbs)
            found = (lemma, False) if lemma and word.lower() not in _SPEECH_EN else None
        else:
            found = verb_lemma(word, lex.verbs)
            if found and found[0] in _SPEECH_AR:
                found = None
        if found:
            hits.append(Hit(i, i, lex.verbs[found[0]], "hd", verb=True, imperfect=found[1]))
        i += 1
    return hits


def _bare(words: Words, i: int) -> str:
    """A word without a leading conjunction, for function-word checks."""
    key = key_form(words.keys[i]).lower()
    return key[1:] if key[:1] in "وف" and len(key) > 2 and (key[1:] in _NEGATORS or key[1:] in _CLAUSE_BREAK) else key


def _is_break(words: Words, i: int, breaks: frozenset[str]) -> bool:
    return _bare(words, i) in breaks or words.key(i) in breaks or any(c in breaks for c in candidates(words.keys[i]))


def _find_speech(
    words: Words, lo: int, hi: int, actors: list[Actor], english: bool, carried: Actor | None
) -> list[Speech]:
    """Speech verbs of one sentence, their speakers and where the reported content starts."""
    out: list[Speech] = []
    for i in range(lo, hi):
        word = key_form(words.keys[i]).lower()
        if english:
            if word not in _SPEECH_EN:
                continue
        elif not (
            (verb_lemma(words.keys[i], _SPEECH_AR) or (None, False))[0] in _SPEECH_AR
            or any(f in _SPEECH_PARTICIPLES for f in _strip_conj(word))
        ):
            continue
        speaker = _speaker(words, i, hi, actors, english)
        if speaker is None and out:
            speaker = out[-1].speaker
        if speaker is None and i == lo and any(f in _SPEECH_PARTICIPLES for f in _strip_conj(word)):
            speaker = carried
        quote = next((j for j in range(i + 1, hi) if _bare(words, j) in _COMPLEMENT), i + 1)
        back = [_bare(words, j) for j in range(max(lo, i - 2), i)]
        note = next((f"reported with '{b} {words.keys[i]}': not confirmed" for b in back if b in _NEGATORS), None)
        out.append(Speech(i, speaker, quote, note))
    return out


def _speaker(words: Words, i: int, hi: int, actors: list[Actor], english: bool) -> Actor | None:
    """VSO: the first actor after the verb before the complementizer (after عن for نقلت عن);
    SVO: an actor ending just before it. An agency in that slot means no speaker."""
    start = i + 1
    if not english and verb_lemma(words.keys[i], frozenset({"نقل"})):
        start = next((j + 1 for j in range(i + 1, min(hi, i + 9)) if _bare(words, j) == "عن"), start)
    for actor in actors:
        if start <= actor.first <= start + 3 and not any(
            _bare(words, j) in _COMPLEMENT for j in range(start, actor.first)
        ):
            return actor
    before = [a for a in actors if i - 2 <= a.last < i]
    return before[-1] if before else None


def _holder(
    words: Words, hit: Hit, actors: list[Actor], lo: int, sent_lo: int, previous: Hit | None, roles: dict
) -> Actor | None:
    """The cue's subject; see the module docstring for the order of the rules.

    A cue right after ``أنه/أنها/بأنهم`` has that pronoun for subject, which points back
    to the nearest actor before it ("نفت روسيا أنها هاجمت").
    """
    before = hit.first - 1
    while before > sent_lo and _bare(words, before) in _FILLERS:
        before -= 1
    if before >= sent_lo and _is_pronoun_complement(words.keys[before]):
        earlier = [a for a in actors if sent_lo <= a.first and a.last < before]
        return earlier[-1] if earlier else None
    near = [
        a
        for a in actors
        if a.last < hit.first
        and all(words.keys[j] in _FILLERS or _bare(words, j) in _FILLERS for j in range(a.last + 1, hit.first))
    ]
    if near and hit.first - near[-1].last <= 3:
        return near[-1]
    if hit.verb and previous is not None and words.keys[hit.first][:1] in "وف" and id(previous) in roles:
        return roles[id(previous)]
    if hit.verb:
        after = [a for a in actors if hit.last < a.first <= hit.last + 4]
        if after and not any(_is_break(words, j, _CLAUSE_BREAK) for j in range(hit.last + 1, after[0].first)):
            return after[0]
    for actor in reversed([a for a in actors if lo <= a.first and a.last < hit.first]):
        if not any(_is_break(words, j, _CLAUSE_BREAK) for j in range(actor.last + 1, hit.first)):
            return actor
        break
    return None


def _is_pronoun_complement(word: str) -> bool:
    key = key_form(word)
    return any(key.endswith("ان" + p) and len(key) <= len(p) + 4 for p in _PRONOUNS)


def _pair(words: Words, actors: list[Actor], lo: int, hi: int) -> tuple[Actor, Actor] | None:
    """Two actors joined by و (A وB), first such pair in ``[lo, hi)``."""
    span = [a for a in actors if lo <= a.first and a.last < hi]
    for a, b in pairwise(span):
        if (b.first == a.last + 1 and words.keys[b.first][:1] == "و") or (
            b.first == a.last + 2 and words.keys[a.last + 1].lower() == "and"
        ):
            return a, b
    return None


def _same(a: Actor, b: Actor) -> bool:
    return (a.start, a.end) == (b.start, b.end) or bool(a.country and a.country == b.country)


def _roles(
    words: Words,
    hit: Hit,
    actors: list[Actor],
    lo: int,
    hi: int,
    speech: Speech | None,
    previous: Hit | None,
    roles: dict,
) -> tuple[Actor, Actor, float] | None:
    speaker = speech.speaker if speech else None
    clause = next((j + 1 for j in range(hit.first - 1, lo - 1, -1) if _is_break(words, j, _CLAUSE_BREAK)), lo)
    if hit.layout == "tgt":
        before = [a for a in actors if clause <= a.first and a.last < hit.first]
        return (speaker, before[-1], 0.6) if speaker and before and not _same(speaker, before[-1]) else None
    if hit.layout == "rec":
        pair = _pair(words, actors, clause, hit.first) or _pair(words, actors, hit.last + 1, hi)
        if pair:
            a, b = pair
            if speaker and speaker.country and speaker.country == b.country:
                a, b = b, a
            if speaker and speaker.country and speaker.country == a.country:
                return (speaker, b, 0.7)
            return (a, b, 0.6)
    holder = _holder(words, hit, actors, max(lo, speech.quote if speech else lo), lo, previous, roles)
    confidence = 0.7
    if holder is None or (speaker and holder.country and holder.country == speaker.country):
        holder, confidence = speaker, 0.6
    if holder is None:
        return None
    roles[id(hit)] = holder
    start = max(hit.last, holder.last if holder.first > hit.last else hit.last) + 1
    for actor in actors:
        if actor.first < start or actor.first >= hi:
            continue
        if any(_is_break(words, j, _TARGET_BREAK) for j in range(start, actor.first)):
            break
        if not _same(actor, holder):
            return holder, actor, confidence + (0.1 if holder.country and actor.country else 0.0)
    return None


def _polarity(words: Words, hit: Hit, lo: int, goldstein: float, speech: Speech | None) -> tuple[Polarity, str | None]:
    base = Polarity.FAVOR if goldstein > 0 else Polarity.AGAINST if goldstein < 0 else Polarity.NEUTRAL
    for j in range(max(lo, hit.first - 2), hit.first):
        bare = _bare(words, j)
        if bare in _NEGATORS or bare in _NEGATORS_EN:
            return Polarity.NEUTRAL, f"negated by '{words.keys[j]}'"
        if bare in _HEDGES and (hit.imperfect or bare != "قد"):
            return Polarity.NEUTRAL, f"hedged by '{words.keys[j]}'"
    for j in range(lo, hit.first):
        if _bare(words, j) in _DENIALS or (verb_lemma(words.keys[j], frozenset({"نفي"})) is not None):
            return Polarity.NEUTRAL, f"denied by '{words.keys[j]}'"
    if speech and speech.note and speech.quote <= hit.first:
        return Polarity.NEUTRAL, speech.note
    return base, None


def _ref(doc: Normalized, actor: Actor) -> ActorRef:
    return ActorRef(text=actor.text, start=actor.start, end=actor.end, code=actor.code)


def tag_stance(doc: Normalized) -> list[Stance]:
    """Stance records for every sentence of ``doc`` (Arabic and English; none for other)."""
    if doc.language == Language.OTHER or not doc.tokens:
        return []
    english = doc.language == Language.ENGLISH
    lex = lexicons(Language.ENGLISH if english else Language.ARABIC)
    words = Words.of(doc)
    actors = find_actors(doc, words)
    by_sentence: dict[int, list[int]] = {}
    for i, (start, _) in enumerate(words.spans):
        by_sentence.setdefault(doc.sentence_of(start), []).append(i)
    out: list[Stance] = []
    carried: Actor | None = None
    for index, toks in sorted(by_sentence.items()):
        lo, hi = toks[0], toks[-1] + 1
        local = [a for a in actors if lo <= a.first < hi]
        speeches = _find_speech(words, lo, hi, local, english, carried)
        carried = next((s.speaker for s in reversed(speeches) if s.speaker), None)
        records: dict[tuple[int, int, int, int], Stance] = {}
        roles: dict[int, Actor] = {}
        previous: Hit | None = None
        for hit in _find_cues(words, lo, hi, lex, english):
            speech = next((s for s in reversed(speeches) if s.quote <= hit.first), None)
            found = _roles(words, hit, local, lo, hi, speech, previous, roles)
            previous = hit
            if not found:
                continue
            holder, target, confidence = found
            goldstein = lex.goldstein.get(hit.code, 0.0)
            polarity, note = _polarity(words, hit, lo, goldstein, speech)
            if goldstein == 0.0 and note is None:
                continue
            start, end = words.spans[hit.first][0], words.spans[hit.last][1]
            record = Stance(
                holder=_ref(doc, holder),
                target=_ref(doc, target),
                polarity=polarity,
                cue=Cue(text=doc.text[start:end], start=start, end=end),
                event_code=hit.code,
                goldstein=goldstein,
                sentence=index,
                confidence=round(confidence * (0.8 if note else 1.0), 2),
                note=note,
            )
            key = (holder.start, holder.end, target.start, target.end)
            kept = records.get(key)
            if kept is None or _rank(record) > _rank(kept):
                records[key] = record
        out.extend(sorted(records.values(), key=lambda s: s.cue.start))
    return out


def _rank(stance: Stance) -> tuple[bool, float]:
    return stance.polarity != Polarity.NEUTRAL, abs(stance.goldstein or 0.0)


def canonical(actor: ActorRef) -> str:
    """The summary name of an actor: its country code when known (RUS for the Kremlin,
    Peskov and Moscow alike), else its full code, else its normalized text."""
    from tasks.actors import country_of

    return country_of(actor.code) or actor.code or " ".join(norm_token(w) for w in actor.text.split())


def summarize(stances: list[Stance]) -> list[StanceSummary]:
    """One line per (holder, target) pair: counts by polarity and the net polarity (the
    sign of favor minus against; neutral on a tie)."""
    counts: dict[tuple[str, str], dict[Polarity, int]] = {}
    for stance in stances:
        pair = (canonical(stance.holder), canonical(stance.target))
        counts.setdefault(pair, dict.fromkeys(Polarity, 0))[stance.polarity] += 1
    out = []
    for (holder, target), c in counts.items():
        diff = c[Polarity.FAVOR] - c[Polarity.AGAINST]
        net = Polarity.FAVOR if diff > 0 else Polarity.AGAINST if diff < 0 else Polarity.NEUTRAL
        out.append(
            StanceSummary(
                holder=holder,
                target=target,
                favor=c[Polarity.FAVOR],
                against=c[Polarity.AGAINST],
                neutral=c[Polarity.NEUTRAL],
                net=net,
            )
        )
    return out
