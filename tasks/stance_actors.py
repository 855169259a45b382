"""Actor phrases the dictionaries cannot list, read from the words around them.

The dictionaries list names; news also names a party by what it drives or owns ("سيارة
مفخخة", "طائرة تابعة للقوات الأميركية") and mentions names that are no party at all
("صواريخ مضادة للطائرات"). These rewrites run once per document, before roles are assigned.
"""

from __future__ import annotations

from tasks.actors import Actor, Words, candidates, is_article, key_set, norm_set
from tasks.normalize import key_form
from tasks.schema import Language
from tasks.stance_lexicon import lexicons, verb_lemma


def refine_actors(words: Words, actors: list[Actor]) -> list[Actor]:
    """Actor phrases the dictionaries cannot list, read from the words around them: a
    booby-trapped vehicle is a bomb, a unit belonging to an actor is that actor, and the
    object of "anti-" in a weapon's name is no party."""
    actors = _owned(words, _booby_trapped(words, actors))
    return [a for a in actors if not _anti(words, a) and not _strength(words, a)]


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


_FORCE = norm_set("قوة")
# Words that make قوة "force, strength", not a unit: "استخدام القوة ضد إيران", "بكل قوة",
# "ولا حول ولا قوة"; and the blows whose strength it is ("قوة الضربات").
_USING = key_set("استخدام باستخدام لاستخدام استعمال باستعمال بكل ولا")
_STRIKES = norm_set("الضربات الضربة الهجمات الهجوم الغارات القصف")


def _strength(words: Words, actor: Actor) -> bool:
    """قوة used, summoned or named as strength ("باستخدام القوة العسكرية", "بكل قوة",
    "قوة الضربات"), no armed unit: a unit is "قوة من الجيش", "قوة أمنية", "قوة الطوارئ"."""
    if not _FORCE & set(candidates(words.keys[actor.first])):
        return False
    before = key_form(words.keys[actor.first - 1]) if actor.first > 0 else ""
    after = words.keys[actor.first + 1] if actor.first + 1 < len(words.keys) else ""
    return before in _USING or bool(_STRIKES & set(candidates(after)))


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
