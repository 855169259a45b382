"""Acts undone or opposed: a conflict word that asserts no conflict.

A conflict cue can be the object of a verb that lifts or rejects it ("رفع العقوبات عن
طهران", "تعارض فرض العقوبات"), and a verb of opposing can reach an actor inside the act it
opposes: either way nobody stands against that actor. Unlike the evidence rules of
``tasks.stance_conflict``, which ask whether the two sides can be parties, these read the
verb that governs the cue, so they keep their own word lists of lifting and refusing.
"""

from __future__ import annotations

from tasks.actors import Actor, Words, candidates, norm_set, norm_token, word_set
from tasks.stance_cues import CLAUSE_BREAK, Hit, bare, is_break
from tasks.stance_grammar import match_set
from tasks.stance_lexicon import verb_lemma

_UNDOING = norm_set("رفع الغاء إلغاء تخفيف رفض معارضة اعتراض انهاء إنهاء وقف")
_UNDOING_VERBS = word_set("رفع الغى خفف رفض عارض اعترض انهى اوقف")


def undone(words: Words, hit: Hit, lo: int) -> str | None:
    """Why a noun cue asserts no conflict, if it does not: lifted or opposed ("رفع
    العقوبات", "يعارض فرض العقوبات", "اعتراض … على الاتفاق"). Negation is read for every
    cue by ``tasks.stance._negation``."""
    if hit.verb or hit.english:
        return None
    for j in range(hit.first - 1, max(lo, hit.first - 3) - 1, -1):
        if is_break(words, j, CLAUSE_BREAK):
            return None
        key = norm_token(words.keys[j])
        if key in _UNDOING or verb_lemma(words.keys[j], _UNDOING_VERBS) is not None:
            return f"undone by '{words.keys[j]}'"
        if bare(words, j) not in ("على", "علي", "فرض"):
            break
    return None


_OPPOSING = word_set("عارض رفض اعترض مانع")
# The verbal nouns of refusing (معارضة is left out: it is also "the opposition").
_REFUSALS = match_set("رفض رفضه رفضها رفضهم ممانعة ممانعته ممانعتها اعتراض اعتراضه اعتراضها")


def _opposing(words: Words, j: int) -> bool:
    """A verb of opposing (any person or tense: "تمانع", "رفضت") or its verbal noun at ``j``."""
    return verb_lemma(words.keys[j], _OPPOSING) is not None or any(c in _REFUSALS for c in candidates(words.keys[j]))


def opposes_act(words: Words, hit: Hit, hits: list[Hit], holder: Actor, target: Actor) -> str | None:
    """Opposing an act is no stance against the act's target: in "تعارض فرض العقوبات على
    طهران" the government opposes the sanctions, it is not against Tehran. A verb of
    opposing (عارض، رفض، اعترض، مانع) with another noun cue between it and its target; and,
    the other way, a noun cue up to eight words after such a verb or its verbal noun, in its
    clause ("عارض اردوغان العقوبات التي تستهدف برنامج طهران", "كانت تمانع الدخول في حرب ضد
    داعش") and held by a party named before it, the opposer, who does not wage what he
    opposes."""
    if not hit.verb:
        verb = next((j for j in range(hit.first - 1, max(0, hit.first - 9) - 1, -1) if _opposing(words, j)), None)
        if (
            verb is None
            or holder.last >= hit.first
            or any(is_break(words, j, CLAUSE_BREAK) for j in range(verb + 1, hit.first))
        ):
            return None
        return f"object of '{words.keys[verb]}': opposed, not held"
    if hit.lemma not in _OPPOSING:
        return None
    inner = next((h for h in hits if hit.last < h.first < target.first and not h.verb), None)
    return None if inner is None else f"opposes '{words.keys[inner.first]}', not its target"
