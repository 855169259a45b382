"""Where an act was aimed: the place or thing after the cue (``thing_after``), the way a
march or a volley went (``toward``), what an attack whose author is named after it fell on
(``aimed_at``), and the armed actors and towns that are its means or its scene rather than
its target (``instrument``, ``aimed``).

Kept apart from the violence rules (``tasks.stance_violence``), which find who attacked:
these serve the target rules, for protests as well as attacks, and share with the violence
rules only the place and thing finder ``thing_in``.
"""

from __future__ import annotations

from tasks.actors import Actor, Words, candidates, is_article, key_set, word_set
from tasks.normalize import key_form
from tasks.stance_cues import CLAUSE_BREAK, Hit, bare, is_break
from tasks.stance_grammar import ARMED, TARGET_BREAK, TARGET_BREAK_EN, following, is_weapon, match_set, role
from tasks.stance_places import PLACE_PREPS, is_locative
from tasks.stance_subjects import is_quantity
from tasks.stance_violence import thing_in


def aimed_at(words: Words, author: Actor, actors: list[Actor], hi: int) -> Actor | None:
    """What an attack whose author is named after it was aimed at: the actor or thing after
    على/ضد past the author ("غارة شنتها طائرات على منزل", "هجوم نفذه متطرف ضد مستشفى").
    The words between the noun and على describe the author ("طائرة … التي تقاتل
    طالبان"), so nothing there is the target."""
    after = author.last + 1
    if after < hi and key_form(words.keys[after])[:1] == "ل" and not is_article(words.keys[after]):
        # "قصف الطائرات لمنزل": the object of a verbal noun with its agent takes ل
        # "تفجير الانتحاري لشاحنته الملغومة": a bomb set off is the weapon, not a target
        actor = next((a for a in actors if a.first == after and not is_locative(words, a)), None)
        if actor is not None and is_weapon(words, actor):
            return None
        found = actor or thing_in(words, range(after, after + 1), actors, frozenset(), glued_lam=True)
        if found is not None:
            return found
    for j in range(author.last + 1, hi):
        if is_break(words, j, CLAUSE_BREAK | TARGET_BREAK):
            return None
        if bare(words, j) in ("علي", "على", "ضد"):
            actor = next((a for a in actors if j < a.first <= j + 2 and not is_locative(words, a)), None)
            return actor or thing_in(words, range(j + 1, min(hi, j + 3)), actors)
    return None


_TOWARD = key_set("باتجاه اتجاه نحو صوب")
_ON = key_set("على علي ضد")
_FIRING = word_set("اطلق فتح القي رشق قذف")


def toward(words: Words, hit: Hit, actors: list[Actor], hi: int) -> Actor | None:
    """Where a march or a volley was directed, even a place: "مسيرة باتجاه مقر الحكومة",
    "أطلقوا صواريخ في اتجاه شمال إسرائيل" (within eight words of the cue, same clause;
    نحو before a number is "about"). What is fired, thrown or opened goes "on" its target
    too: after أطلق، فتح، ألقى، رشق the actor after على/ضد is hit, not the object before
    it ("أطلقت الشرطة مدافع المياه على المتظاهرين")."""
    marks = _TOWARD | _ON if hit.verb and hit.lemma in _FIRING else _TOWARD
    for j in following(words, hit.last + 1, hi, 8):
        if is_break(words, j, CLAUSE_BREAK):
            return None
        if bare(words, j) not in marks or j + 1 >= hi or is_quantity(words, j + 1):
            continue
        near = range(j + 1, min(hi, j + 4))
        actor = next((a for a in actors if a.first in near), None)
        if actor is not None and bare(words, j) in _ON:
            return actor  # "النار على دورية للشرطة": the police's patrol, the police hit
        thing = thing_in(words, near, actors, PLACE_PREPS)
        return min((x for x in (actor, thing) if x is not None), key=lambda x: x.first, default=None)
    return None


def thing_after(words: Words, hit: Hit, actors: list[Actor], hi: int) -> Actor | None:
    """For an attack or a protest with no actor to receive it, the place or thing it hit
    (مقر، دورية، موكب، سفينة، سيارة …) in the words after the cue, as event coders
    record a target even when it is a building: "استهدف موكبا", "أحرقوا عشرين سيارة".
    A thing after في/من/قرب … or with a glued ب is where it happened ("خرج من المنزل",
    "بالقرب من منزلها"), not what was hit; but a protest held in front of or outside a
    building ("اعتصموا أمام مبنى الوزارة", "خارج السفارة") is addressed to it. The record
    has no actor code; things are never holders."""
    breaks = TARGET_BREAK_EN if hit.english else TARGET_BREAK
    stop = next(
        (j for j in range(hit.last + 1, min(hi, hit.last + 9)) if is_break(words, j, breaks | CLAUSE_BREAK)),
        min(hi, hit.last + 9),
    )
    return thing_in(words, range(hit.last + 1, stop), actors, _facing(words, hit))


_FACING = key_set("أمام خارج")
_SELF = key_set("نفسه نفسها انفسهم")


def _facing(words: Words, hit: Hit) -> frozenset[str]:
    """Place words that still lead to what was hit: a protest before or outside a building
    is addressed to it, and a bomber who blew himself up in, inside, outside or near a
    place ("فجر نفسه داخل مسجد") attacked that place."""
    if hit.code[:2] == "14":
        return _FACING
    own = any(key_form(words.keys[j]) in _SELF for j in range(hit.last + 1, min(len(words.keys), hit.last + 7)))
    return PLACE_PREPS if hit.verb and own else frozenset()


# War machines, which the dictionaries list as the military: with ب they are the means.
_MACHINES = match_set("مدفعية المدفعية طائرات الطائرات طيران الطيران مروحيات المروحيات دبابات الدبابات مقاتلات")


def instrument(words: Words, actor: Actor) -> bool:
    """An armed actor or a war machine with the instrumental ب ("بسيارة مفخخة",
    "بانتحاري", "يقصف بالمدفعية مواقع"): the means of the act. With ل it is a possessor
    ("مواقع للحوثيين": the Houthis' positions), which is what was hit."""
    peeled = key_form(words.keys[actor.first])[: actor.start - words.spans[actor.first][0]]
    machine = any(c in _MACHINES for c in candidates(words.keys[actor.first]))
    return "ب" in peeled and (role(actor) in ARMED or machine)


def aimed(words: Words, actor: Actor) -> bool:
    """A town is a target only when the act is aimed at it ("صواريخ على عسقلان")."""
    return actor.first > 0 and bare(words, actor.first - 1) in ("علي", "على")
