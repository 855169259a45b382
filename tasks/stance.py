"""Stance: who stands for or against whom, in the event-coding tradition.

A stance is a cue (a verb from the CAMEO dictionaries, or a noun or phrase such as
عقوبات or علاقات طيبة) with a CAMEO event code; its polarity is the sign of the code's
Goldstein score, so "favor" and "against" mean cooperation and conflict on a published
scale rather than a home-made one. Holder and target are actors from ``tasks.actors_detect``.

Roles follow Arabic clause order: a subject right before the cue (SVO, "روسيا تسعى"), else
right after a verb (VSO, "تعهدت روسيا"), else the nearest actor earlier in the clause; a
verb joined by و to an earlier cue shares its subject. A reciprocal cue (a clash, an
agreement between two parties) sets each party toward the other. Reported speech gives the speaker
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
    country_of,
    is_article,
    key_set,
    lexicon,
    norm_token,
)
from tasks.actors_detect import find_actors
from tasks.normalize import key_form
from tasks.schema import ActorRef, Cue, Language, Normalized, Polarity, Stance, StanceSummary
from tasks.stance_actors import refine_actors
from tasks.stance_agreement import wrong_gender
from tasks.stance_confidence import evidence, sporty, trust
from tasks.stance_conflict import plausible_against
from tasks.stance_cues import CLAUSE_BREAK, NEGATORS, STILL, Hit, bare, find_cues, is_break
from tasks.stance_evidence import plausible_favor
from tasks.stance_grammar import RELATIVES, construct_object
from tasks.stance_lexicon import Lexicons, lexicons, verb_lemma
from tasks.stance_mood import unreal
from tasks.stance_opposed_acts import opposes_act, undone
from tasks.stance_places import genitive_place
from tasks.stance_reach import in_apposition
from tasks.stance_roles import Speech, assign_roles
from tasks.stance_senses import read_senses, verbal_attack
from tasks.stance_speech import find_speech
from tasks.stance_subjects import named_suffering

_NEGATORS_EN = frozenset(["not", "n't", "never", "no"])
_VERBAL_NEGATORS = NEGATORS - {"ما", "غير"}
_DENIALS = frozenset(["نفي", "نفت", "ينفي", "تنفي", "نفوا", "denied", "denies", "deny"])
_HEDGES = frozenset(["ربما", "يحتمل", "محتمل", "قد", "may", "might", "could"])
_DENY = frozenset(["نفي"])
# "يجب على أمريكا التعاون مع الأسد" says what someone should do; "أعدم بتهمة التعاون مع
# القوات" what he was charged with: neither asserts the act.
_OBLIGATIONS = key_set("يجب ينبغي يتعين لابد")
_CHARGES = key_set("تهمة بتهمة تهم بتهم")


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
        if word in _CHARGES:
            return Polarity.NEUTRAL, f"only charged ('{words.keys[j]}')"
    for j in range(hit.first - 1, max(lo, hit.first - 4) - 1, -1):
        if bare(words, j) in RELATIVES:
            break  # "يتعين على تركيا التي تعارض": the relative clause states a fact
        if bare(words, j).removeprefix("و") in _OBLIGATIONS:
            return Polarity.NEUTRAL, f"only required ('{words.keys[j]}')"
    for j in range(lo, hit.first):
        if bare(words, j) in _DENIALS or (verb_lemma(words.keys[j], _DENY) is not None):
            return Polarity.NEUTRAL, f"denied by '{words.keys[j]}'"
    if speech and speech.note and speech.quote <= hit.first:
        return Polarity.NEUTRAL, speech.note
    reason = undone(words, hit, lo) or unreal(words, hit, lo)
    return (Polarity.NEUTRAL, reason) if reason else (base, None)


def _ref(doc: Normalized, actor: Actor) -> ActorRef:
    return ActorRef(text=actor.text, start=actor.start, end=actor.end, code=actor.code or None)


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
        speeches = find_speech(words, lo, hi, local, english, carried)
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
            if _no_stance(words, hit, holder, target):
                continue
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
            # A reciprocal cue (clashes, good relations) sets each party toward the other; a
            # speaker who stands for one side speaks only for it.
            mutual = hit.layout == "rec" and holder is not speaker
            start, end = words.spans[hit.first][0], words.spans[hit.last][1]
            for side, other in [(holder, target), (target, holder)] if mutual else [(holder, target)]:
                if polarity != Polarity.NEUTRAL and genitive_place(words, side, range(hit.first, hit.last + 1)):
                    continue
                facts = evidence(
                    words, hit, side, other, polarity, path=path, speaker=speaker,
                    sentence=(lo, hi), index=index, sport=sport, cues=len(hits), actors=len(local),
                )  # fmt: skip
                confidence = round(trust(facts), 2)  # the bar applies to the value the record shows
                if polarity != Polarity.NEUTRAL and confidence < min_confidence:
                    continue
                record = Stance(
                    holder=_ref(doc, side),
                    target=_ref(doc, other),
                    polarity=polarity,
                    cue=Cue(text=doc.text[start:end], start=start, end=end),
                    event_code=hit.code,
                    goldstein=goldstein,
                    sentence=index,
                    confidence=confidence,
                    note=note,
                )
                key = (side.start, side.end, other.start, other.end)
                kept = records.get(key)
                if kept is None or _rank(record) > _rank(kept[0]):
                    records[key] = (record, facts)
        out.extend(sorted(records.values(), key=lambda r: r[0].cue.start))
    return out


def _no_stance(words: Words, hit: Hit, holder: Actor, target: Actor) -> bool:
    """Pairs the role rules find that can hold no stance: a man as subject of a feminine
    verb ("ضابط شرطة زارت سوريا"), a title and the name it gives ("رئيس الحزب سمير جعجع":
    one person), and, in violence or protest, whoever is named as its casualty
    ("استشهاد رجال الأمن في التفجير")."""
    if wrong_gender(words, hit, holder):
        return True
    if in_apposition(words, holder, target) or in_apposition(words, target, holder):
        return True
    return hit.code[:2] in ("14", "18", "19") and named_suffering(words, holder)


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
