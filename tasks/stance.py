"""Stance: who stands for or against whom, in the event-coding tradition.

A stance is a cue (a verb from the CAMEO dictionaries, or a noun or phrase such as
عقوبات or علاقات طيبة) with a CAMEO event code; its polarity is the sign of the code's
Goldstein score, so "favor" and "against" mean cooperation and conflict on a published
scale rather than a home-made one. Holder and target are actors from ``tasks.actors_detect``.

Roles follow Arabic clause order: a subject right before the cue (SVO, "روسيا تسعى"), else
right after a verb (VSO, "تعهدت روسيا"), else the nearest actor earlier in the clause; a
verb joined by و to an earlier cue shares its subject. Reported speech gives the speaker
the stances inside the quote that name no subject of their own, or whose subject is the
speaker's own country (a Kremlin spokesman speaking of Moscow speaks for Russia).
Agencies only report. Negation and hedges make the record neutral and say why in
``note``, because "did not confirm" or "may supply" asserts no stance. Each record's
``confidence`` comes from ``tasks.stance_confidence``, a model learned from judged records.
"""

from __future__ import annotations

from tasks.actors import (
    Actor,
    Words,
    candidates,
    country_of,
    is_article,
    key_set,
    lexicon,
    norm_set,
    norm_token,
    word_set,
)
from tasks.actors_detect import find_actors
from tasks.caches import word_cache
from tasks.normalize import key_form
from tasks.schema import ActorRef, Cue, Language, Normalized, Polarity, Stance, StanceSummary
from tasks.stance_agreement import wrong_gender
from tasks.stance_confidence import evidence, sporty, trust
from tasks.stance_conflict import opposes_act, plausible_against, undone
from tasks.stance_cues import CLAUSE_BREAK, NEGATORS, SPEECH_AR, SPEECH_EN, STILL, Hit, bare, find_cues, is_break
from tasks.stance_evidence import plausible_favor
from tasks.stance_grammar import construct_object
from tasks.stance_lexicon import Lexicons, lexicons, strip_conj, verb_lemma
from tasks.stance_mood import unreal
from tasks.stance_places import genitive_place
from tasks.stance_roles import Speech, assign_roles
from tasks.stance_senses import read_senses, verbal_attack

_SPEECH_PARTICIPLES = word_set("مشيرا مشيره مضيفا مضيفه موضحا موضحه موكدا موكده لافتا لافته")
_COMPLEMENT = frozenset(["ان", ":"]) | {'"'}
_NEGATORS_EN = frozenset(["not", "n't", "never", "no"])
_VERBAL_NEGATORS = NEGATORS - {"ما", "غير"}
_DENIALS = frozenset(["نفي", "نفت", "ينفي", "تنفي", "نفوا", "denied", "denies", "deny"])
_HEDGES = frozenset(["ربما", "يحتمل", "محتمل", "قد", "may", "might", "could"])
_DENY = frozenset(["نفي"])
_QUOTE_FROM = frozenset(["نقل"])


def _find_speech(
    words: Words, lo: int, hi: int, actors: list[Actor], english: bool, carried: Actor | None
) -> list[Speech]:
    """Speech verbs of one sentence, their speakers and where the reported content starts."""
    out: list[Speech] = []
    for i in range(lo, hi):
        word = key_form(words.keys[i]).lower()
        if not (word in SPEECH_EN if english else _is_speech(words.keys[i])):
            continue
        speaker = _speaker(words, i, hi, actors, english)
        if speaker is None and out:
            speaker = out[-1].speaker
        if speaker is None and i == lo and any(f in _SPEECH_PARTICIPLES for f in strip_conj(word)):
            speaker = carried
        after = speaker.last + 1 if speaker and speaker.first > i else i + 1
        quote = next((j for j in range(i + 1, hi) if bare(words, j) in _COMPLEMENT), after)
        back = [bare(words, j) for j in range(max(lo, i - 2), i)]
        note = next((f"reported with '{b} {words.keys[i]}': not confirmed" for b in back if b in NEGATORS), None)
        out.append(Speech(i, speaker, quote, note))
    return out


@word_cache
def _is_speech(token: str) -> bool:
    """A speech verb (قال، أكدت، وأشار …) or a circumstantial speech participle (مشيرا)."""
    return verb_lemma(token, SPEECH_AR) is not None or any(
        f in _SPEECH_PARTICIPLES for f in strip_conj(key_form(token))
    )


def _speaker(words: Words, i: int, hi: int, actors: list[Actor], english: bool) -> Actor | None:
    """VSO: the first actor after the verb before the complementizer (after عن for نقلت عن);
    SVO: an actor ending just before it. An agency in that slot means no speaker. English
    puts the speaker first ("the Kremlin said"), after the verb only when inverted
    (", the White House said" has it before; "…, said the White House" after)."""
    before = [a for a in actors if i - 2 <= a.last < i]
    if english:
        inverted = i > 0 and words.keys[i - 1] in (",", '"')
        after = next((a for a in actors if i < a.first <= i + 3), None) if inverted else None
        return before[-1] if before else after
    start = i + 1
    if verb_lemma(words.keys[i], _QUOTE_FROM):
        start = next((j + 1 for j in range(i + 1, min(hi, i + 9)) if bare(words, j) == "عن"), start)
    for actor in actors:
        if start <= actor.first <= start + 3 and not any(
            bare(words, j) in _COMPLEMENT for j in range(start, actor.first)
        ):
            return actor
    return before[-1] if before else None


def _opening_verb(words: Words, actor: Actor, lo: int, lex: Lexicons) -> Actor | None:
    """A role noun that opens its clause without the article and is spelt as a cue verb is
    the verb: "وطالب المتظاهرون" (demanded), not طالب (a student). Returns the actor
    without it: nothing for a one-word noun, the definite rest of a listed phrase ("طالب
    المحتجون" is not the listed "طالب محتج", a protesting student, but a verb and its
    subject), or the actor unchanged."""
    if actor.kind != "agent":
        return actor
    key = key_form(words.keys[actor.first])
    if key.startswith(("ال", "وال", "فال")):
        return actor
    opening = actor.first == lo or is_break(words, actor.first - 1, CLAUSE_BREAK) or key[:1] in "وف"
    if not opening or verb_lemma(words.keys[actor.first], lex.lemmas) is None:
        return actor
    if actor.first == actor.last:
        return None
    rest = lexicon(Language.ARABIC).match(words.keys, actor.first + 1, actor.last + 1)
    if not is_article(words.keys[actor.first + 1]) or rest is None or rest[2] != actor.last:
        return actor
    start = words.spans[actor.first + 1][0] + rest[1]
    return Actor(
        start, actor.end, actor.first + 1, actor.last, rest[0].code, rest[0].kind, words.text[start : actor.end]
    )


def _negation(words: Words, hit: Hit, lo: int) -> str | None:
    """Why the cue is negated, if it is: any negator in the two words before it ("لم
    يعلن"), or a verbal one (not ما or غير, which also mean "what" and "other") up to five
    words back in its clause, through the verb that governs the cue ("لم يبدأ حربه ضد
    تركيا", "ولا يتضمن توفير دعم جوي"). "لا يزال" is "still", no negation."""
    for j in range(hit.first - 1, max(lo, hit.first - 5) - 1, -1):
        near = j >= hit.first - 2
        if not near and is_break(words, j, CLAUSE_BREAK):
            return None
        word = bare(words, j)
        negator = word in NEGATORS or word in _NEGATORS_EN if near else word in _VERBAL_NEGATORS
        if negator and bare(words, j + 1) not in STILL:
            return f"negated by '{words.keys[j]}'"
    return None


def _polarity(words: Words, hit: Hit, lo: int, goldstein: float, speech: Speech | None) -> tuple[Polarity, str | None]:
    base = Polarity.FAVOR if goldstein > 0 else Polarity.AGAINST if goldstein < 0 else Polarity.NEUTRAL
    negated = _negation(words, hit, lo)
    if negated:
        return Polarity.NEUTRAL, negated
    for j in range(max(lo, hit.first - 2), hit.first):
        word = bare(words, j)
        if word in _HEDGES and (hit.imperfect or word != "قد"):
            return Polarity.NEUTRAL, f"hedged by '{words.keys[j]}'"
    for j in range(lo, hit.first):
        if bare(words, j) in _DENIALS or (verb_lemma(words.keys[j], _DENY) is not None):
            return Polarity.NEUTRAL, f"denied by '{words.keys[j]}'"
    if speech and speech.note and speech.quote <= hit.first:
        return Polarity.NEUTRAL, speech.note
    reason = undone(words, hit, lo) or unreal(words, hit, lo)
    return (Polarity.NEUTRAL, reason) if reason else (base, None)


def _ref(doc: Normalized, actor: Actor) -> ActorRef:
    return ActorRef(text=actor.text, start=actor.start, end=actor.end, code=actor.code or None)


def refine_actors(words: Words, actors: list[Actor]) -> list[Actor]:
    """Actor phrases the dictionaries cannot list, read from the words around them: a
    booby-trapped vehicle is a bomb, a unit belonging to an actor is that actor, and the
    object of "anti-" in a weapon's name is no party."""
    actors = _owned(words, _booby_trapped(words, actors))
    return [a for a in actors if not _anti(words, a)]


def _booby_trapped(words: Words, actors: list[Actor]) -> list[Actor]:
    """Any vehicle or object "مفخخ" or "ملغوم" (booby-trapped) is a bomb, an armed actor (UAF) like
    the listed سيارة مفخخة: "صهريج مفخخ", "دراجة نارية مفخخة" stand for the unnamed
    bomber as event coders record it, even when the noun alone is listed as another agent.
    A conjunction or preposition on the noun is left out."""
    taken = {j for a in actors for j in range(a.first, a.last + 1) if a.last > a.first}
    taken |= {a.first for a in actors if a.last == a.first and a.kind != "agent"}
    found: list[Actor] = []
    for i in range(len(words.keys) - 1):
        if i in taken or i + 1 in taken or not _TRAPPED & set(candidates(words.keys[i + 1])):
            continue
        actors = [a for a in actors if a.first != i]  # صهريج "tanker" (BUS) is the bomb here
        key = key_form(words.keys[i])
        offset = 1 if key[:1] in "وف" and len(key) > 4 else 0
        offset += 1 if key[offset : offset + 1] in "بل" and len(key) - offset > 4 else 0
        start, end = words.spans[i][0] + offset, words.spans[i + 1][1]
        found.append(Actor(start, end, i, i + 1, "UAF", "agent", words.text[start:end]))
    return sorted(actors + found, key=lambda a: a.start) if found else actors


_TRAPPED = frozenset(["مفخخ", "ملغوم"])
_ANTI = norm_set("مضاد مضادة مضادات")


def _anti(words: Words, actor: Actor) -> bool:
    """The object of "anti-" in a weapon's name ("صواريخ مضادة للطائرات", "قذائف مضادة
    للدروع") names what the weapon is for, not a party."""
    return actor.first > 0 and any(c in _ANTI for c in candidates(words.keys[actor.first - 1]))


_BELONGING = key_set("تابع تابعة تابعين تابعون تابعتين التابع التابعة التابعين")


_LEADING = key_set("يقودها تقودها يقوده تقوده يقودهم تقودهم")
_WHICH = key_set("الذي التي الذين")


def _owned(words: Words, actors: list[Actor]) -> list[Actor]:
    """A unit, plane or vehicle said to belong to an actor ("طائرة بدون طيار تابعة للقوات
    الأميركية", "مروحية تابعة لشركة") is that actor's: one actor from the unit to its
    owner, with the owner's code, so the owner holds what the drone did and receives what
    was done to its helicopter. Up to three words may describe the unit before تابعة, all
    agreeing with it in definiteness as adjectives do ("المحتجون سيارة تابعة": the car
    belongs, not the protesters), and none a cue verb ("بارجة استهدفت مواقع تابعة لجبهة":
    the positions belong to the front, the warship is no part of it). So is a force a state
    leads ("قوات التحالف التي تقودها الولايات المتحدة")."""
    out: list[Actor] = []
    k = 0
    while k < len(actors):
        actor = actors[k]
        owner = actors[k + 1] if k + 1 < len(actors) else None
        if owner is not None and actor.kind == "agent" and owner.first - actor.last <= 5:
            mark = owner.first - 1
            glued = key_form(words.keys[owner.first])[: owner.start - words.spans[owner.first][0]]
            definite = is_article(words.keys[actor.last])
            between = range(actor.last + 1, mark + 1)
            agree = all(is_article(words.keys[j]) == definite and not _is_verb(words.keys[j]) for j in between)
            owned = key_form(words.keys[mark]) in _BELONGING and glued.endswith("ل") and agree
            led = key_form(words.keys[mark]) in _LEADING and not glued and key_form(words.keys[mark - 1]) in _WHICH
            if (owned or led) and mark > actor.last:
                text = words.text[actor.start : owner.end]
                unit = Actor(actor.start, owner.end, actor.first, owner.last, owner.code, owner.kind, text, owner.named)
                out.append(unit)
                k += 2
                continue
        out.append(actor)
        k += 1
    return out


def _is_verb(token: str) -> bool:
    """A cue verb of the Arabic dictionary (any form the stemmer reaches)."""
    return verb_lemma(token, lexicons(Language.ARABIC).lemmas) is not None


def tag_stance(doc: Normalized, *, min_confidence: float = 0.0) -> list[Stance]:
    """Stance records for every sentence of ``doc`` (Arabic and English; none for other);
    favor/against records whose confidence is under ``min_confidence`` are left out."""
    return [record for record, _ in explain_stances(doc, min_confidence=min_confidence)]


def explain_stances(doc: Normalized, *, min_confidence: float = 0.0) -> list[tuple[Stance, tuple[str, ...]]]:
    """The records of ``tag_stance``, each with the evidence its confidence was scored on
    (the training of ``tasks.stance_confidence`` needs both)."""
    if doc.language == Language.OTHER or not doc.tokens:
        return []
    english = doc.language == Language.ENGLISH
    lex = lexicons(Language.ENGLISH if english else Language.ARABIC)
    words = Words.of(doc)
    actors = refine_actors(words, find_actors(doc, words))
    by_sentence: dict[int, list[int]] = {}
    index = 0
    for i, (start, _) in enumerate(words.spans):
        while index + 1 < len(doc.sentences) and doc.sentences[index + 1][0] <= start:
            index += 1
        by_sentence.setdefault(index, []).append(i)
    out: list[tuple[Stance, tuple[str, ...]]] = []
    carried: Actor | None = None
    for index, toks in sorted(by_sentence.items()):
        lo, hi = toks[0], toks[-1] + 1
        hits = read_senses(words, find_cues(words, lo, hi, lex, english), lo, hi)
        # A dictionary name spelt as a one-word noun cue is the event (الصدامات "the
        # clashes", not صدام + ات; تهديد "a threat"); role nouns (مناهضي) stay actors.
        nouns = {h.first for h in hits if not h.verb and not h.lemma and h.first == h.last}
        kept = (_opening_verb(words, a, lo, lex) for a in actors if lo <= a.first < hi)
        local = [
            a for a in kept if a is not None and not (a.kind == "actor" and a.first == a.last and a.first in nouns)
        ]
        speeches = _find_speech(words, lo, hi, local, english, carried)
        carried = next((s.speaker for s in reversed(speeches) if s.speaker), None)
        records: dict[tuple[int, int, int, int], tuple[Stance, tuple[str, ...]]] = {}
        roles: dict[int, Actor] = {}
        previous: Hit | None = None
        inside = {j for a in local for j in range(a.first, a.last + 1)}
        sport = bool(hits) and sporty(words, lo, hi)
        for hit in hits:
            if (hit.verb or hit.lemma) and hit.first in inside:
                continue  # a verb or participle spelt as an actor's name is the name ("طالبان")
            speech = next((s for s in reversed(speeches) if s.quote <= hit.first), None)
            # An actor inside the cue's own words ("العمليات الانتحارية") is part of the cue,
            # unless it is the object the cue's head governs ("بتفريق المتظاهرين").
            parties = [a for a in local if a.last < hit.first or a.first > hit.last or construct_object(words, hit, a)]
            found = assign_roles(words, hit, parties, lo, hi, speech, previous, roles)
            previous = hit
            if not found:
                continue
            holder, target, path = found  # path: the role rules' score for how they were found
            if wrong_gender(words, hit, holder):
                continue  # "ضابط شرطة زارت سوريا": a feminine verb has no man for subject
            hit.code = verbal_attack(words, hit, holder, hi) or hit.code
            goldstein = lex.goldstein.get(hit.code, 0.0)
            polarity, note = _polarity(words, hit, lo, goldstein, speech)
            opposed = opposes_act(words, hit, hits, holder, target) if polarity == Polarity.AGAINST else None
            polarity, note = (Polarity.NEUTRAL, opposed) if opposed else (polarity, note)
            if goldstein == 0.0 and note is None:
                continue
            speaker = speech.speaker if speech else None
            nearer = any(hit.last < h.first and h.last < target.first for h in hits)
            if polarity == Polarity.FAVOR and (
                nearer or not plausible_favor(words, hit, holder, target, (lo, hi), speaker)
            ):
                continue  # a partner past another cue is that cue's ("الاتفاق لا يتضمن توفير دعم للمقاتلين")
            if polarity == Polarity.AGAINST and not plausible_against(words, hit, holder, target):
                continue
            if polarity != Polarity.NEUTRAL and genitive_place(words, holder, range(hit.first, hit.last + 1)):
                continue
            facts = evidence(
                words, hit, holder, target, polarity, path=path, speaker=speaker,
                sentence=(lo, hi), index=index, sport=sport, cues=len(hits), actors=len(local),
            )  # fmt: skip
            confidence = round(trust(facts), 2)  # the bar applies to the value the record shows
            if polarity != Polarity.NEUTRAL and confidence < min_confidence:
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
                confidence=confidence,
                note=note,
            )
            key = (holder.start, holder.end, target.start, target.end)
            kept = records.get(key)
            if kept is None or _rank(record) > _rank(kept[0]):
                records[key] = (record, facts)
        out.extend(sorted(records.values(), key=lambda r: r[0].cue.start))
    return out


def _rank(stance: Stance) -> tuple[bool, float]:
    return stance.polarity != Polarity.NEUTRAL, abs(stance.goldstein or 0.0)


def canonical(actor: ActorRef) -> str:
    """The summary name of an actor: its country code when known (RUS for the Kremlin,
    Peskov and Moscow alike), else its full code, else its normalized text."""
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
