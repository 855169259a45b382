"""The two sides of a reciprocal cue: who clashed with, or met, whom.

A reciprocal cue (اشتباكات، معارك، علاقات طيبة) names both its parties, joined by و or
opened by بين, rather than a subject and an object, so finding them takes rules no other
role uses (بين through a head word, sides closed by من جهة). Kept apart from
``tasks.stance_roles``, which takes the pair and only decides which side holds the cue.
"""

from __future__ import annotations

from itertools import pairwise

from tasks.actors import Actor, Words, key_set
from tasks.normalize import key_form
from tasks.stance_cues import CLAUSE_BREAK, is_break
from tasks.stance_grammar import BETWEEN
from tasks.stance_subjects import is_quantity


def two_sides(words: Words, actors: list[Actor], lo: int, hi: int, violent: bool = False) -> tuple[Actor, Actor] | None:
    """Two actors joined by و (A وB, A وعشرات B), first such pair in ``[lo, hi)``. After
    بين, in a fight, the first side is the one بين opens, whatever describes it before the
    و ("بين القوات العراقية المسنودة بفصائل الحشد وتنظيم داعش": the forces, not the
    militias). A pair right after مع is one side, the one the subject faces ("معارك مع
    الحوثيين وقوات صالح"): no two sides then."""
    span = [a for a in actors if lo <= a.first and a.last < hi]
    opened = _between(words, span) if violent else None
    if opened is not None:
        return opened
    for a, b in pairwise(span):
        if (b.first == a.last + 1 and words.keys[b.first][:1] == "و") or (
            b.first == a.last + 2 and words.keys[a.last + 1].lower() == "and"
        ):
            return None if a.first > 0 and key_form(words.keys[a.first - 1]) == "مع" else (a, b)
        counted = b.first == a.last + 2 and words.keys[a.last + 1][:1] == "و"
        if counted and is_quantity(words, a.last + 1):
            return a, b  # "بين الشرطة ومئات الشبان": a counted second party
    return None


def _between(words: Words, span: list[Actor]) -> tuple[Actor, Actor] | None:
    """The actor بين opens (directly, or through one word no actor holds: "بين غرفتي أنصار
    الشريعة") and the first actor with a glued و after it in its clause, or, when the sides
    are marked, the actor that opens the second side."""
    for k, first in enumerate(span):
        if not _opened_by_between(words, first, span[k - 1] if k else None):
            continue
        marked = _second_side(words, first, span[k + 1 :])
        if marked is not None:
            return first, marked
        for second in span[k + 1 :]:
            gap = range(first.last + 1, second.first)
            if len(gap) > 8 or any(is_break(words, j, CLAUSE_BREAK) for j in gap):
                return None
            if key_form(words.keys[second.first])[:1] == "و" and second.start > words.spans[second.first][0]:
                return first, second
        return None
    return None


def _opened_by_between(words: Words, actor: Actor, before: Actor | None) -> bool:
    """بين right before the actor, or before one head word that no earlier actor holds and
    that joins nothing with و ("بين غرفتي أنصار الشريعة")."""
    at = actor.first - 1
    if at < 0:
        return False
    if key_form(words.keys[at]) in BETWEEN:
        return True
    if at < 1 or (before is not None and before.last >= at) or key_form(words.keys[at])[:1] == "و":
        return False
    return key_form(words.keys[at - 1]) in BETWEEN


_SIDES = key_set("جهة طرف ناحية")


def _second_side(words: Words, first: Actor, later: list[Actor]) -> Actor | None:
    """ "بين الحوثيين والقوات الموالية لصالح من جهة، والمقاومة من جهة أخرى": من جهة (or
    من طرف) closes the first side, however many allies it lists, and the actor joined by و
    right after it opens the second."""
    for j in range(first.last + 1, min(len(words.keys) - 1, first.last + 30)):
        if key_form(words.keys[j]) == "من" and key_form(words.keys[j + 1]) in _SIDES:
            return next(
                (a for a in later if j + 1 < a.first <= j + 4 and key_form(words.keys[a.first])[:1] == "و"), None
            )
    return None
