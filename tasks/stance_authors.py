"""Who is not the author of an attack a sentence names: the subject of a word that reacts
to it (condemning, investigating, protesting, answering or facing it), and the actor after a
verb whose subject is the attack itself ("التفجير الذي ضرب العاصمة").

News names attacks as the object of reactions and as the subject of verbs of hitting far
more often than with their author in subject position; the role rules
(``tasks.stance_roles``) ask this module before taking the nearest actor for the author.
"""

from __future__ import annotations

from tasks.actors import Actor, Words, candidates, has_pronoun, key_set
from tasks.normalize import key_form
from tasks.stance_cues import CLAUSE_BREAK, Hit, is_break
from tasks.stance_grammar import match_set
from tasks.stance_places import is_locative
from tasks.stance_violence import ATTACK_NOUNS

# Words of reacting to an act: condemning, deploring, protesting, investigating, trying,
# answering, avenging, mourning, marking or facing it.
_REACTING = match_set(
    "ادان أدان دان ادانت أدانت دانت يدين تدين إدانة ادانة مدينا استنكر استنكرت يستنكر استنكار استنكارا "
    "مستنكرا ندد نددت يندد تندد تنديد تنديدا شجب شجبت احتجاجا احتجاج التحقيق تحقيق التحقيقات تحقيقات "
    "يحقق تحقق محاكمة محاكمات قضية ملف ردا انتقاما ثأرا نعى نعت ذكرى الذكرى منذ مواجهة لمواجهة التصدي تصديا"
)


def reacted(words: Words, hit: Hit, holder: Actor | None, clause: int) -> bool:
    """An attack noun governed by a word of reacting to it, with the holder (if one was
    found) before that word ("ودان الرئيس جريمة اغتيال الوزير", "التحقيق في قضية اغتيال",
    "احتجاجا على الهجوم", "في مواجهة الاعتداءات"): the one who condemns, investigates,
    protests or faces it is the subject of the reaction, not the author of the act it
    reacts to, who can only be named after that word (the noun's genitive or adjective,
    its نفذه …), never guessed from the sentence."""
    if hit.verb or (holder is not None and holder.first > hit.first):
        return False
    for j in range(hit.first - 1, max(clause, hit.first - 8) - 1, -1):
        if holder is not None and j <= holder.last:
            # VSO: the holder may be the subject of the reaction verb ("وأدان الوزير قصف"),
            # past its titles ("ودان رئيس الجمهورية العماد اميل لحود جريمة اغتيال")
            return any(_reacting(words, k) for k in range(max(clause, holder.first - 6), holder.first))
        if _reacting(words, j):
            return True
    return False


def _reacting(words: Words, j: int) -> bool:
    return any(c in _REACTING for c in candidates(words.keys[j]))


_WHICH = key_set("الذي التي الذين اللذين اللتين")
# Nouns news names an attack by when it condemns it ("العمل الإرهابي الجبان الذي استهدف").
_ACTS = match_set("عمل حادث حادثة جريمة")
_BEFORE_NOUN = key_set("بعد قبل منذ إثر اثر عقب خلال أثناء اثناء في جراء ضد على عن من إلى الى")


def attack_subject(words: Words, hit: Hit, lo: int, actors: list[Actor]) -> int | None:
    """Where the attack noun stands that a violent verb has for subject, up to three words
    before it, past its adjectives and a relative pronoun ("التفجير المزدوج الذي ضرب
    العاصمة", "مكمن مماثل استهدف سيارة", "العمل الإرهابي الجبان الذي استهدف"); None if it
    has none. The attack hit what follows, so the actor after the verb is its object, not
    its subject, and no actor before the noun is its subject either ("أدان الرئيس الهجوم
    الذي استهدف المسجد"). A noun after a preposition ("بعد الهجوم اعتقلت الشرطة") is no
    subject, unless a relative pronoun makes it the antecedent ("بعد التفجير الذي ضرب").
    A noun inside an actor's name is that actor ("قيادة العمليات المشتركة", a command)."""
    if not hit.verb:
        return None
    relative = False
    for j in range(hit.first - 1, max(lo, hit.first - 4) - 1, -1):
        if is_break(words, j, CLAUSE_BREAK):
            return None
        relative = relative or key_form(words.keys[j]) in _WHICH
        attack = any(c in ATTACK_NOUNS or c in _ACTS for c in candidates(words.keys[j]))
        if attack and not any(a.first <= j <= a.last for a in actors):
            glued = key_form(words.keys[j])[:1] in "بل"
            prev = key_form(words.keys[j - 1]) if j > lo else ""
            prev = prev[1:] if prev[:1] in "وف" and len(prev) > 3 else prev  # "وبعد الهجوم"
            return j if relative or not (glued or prev in _BEFORE_NOUN) else None
    return None


_WARS = match_set("حرب حروب عدوان غزو حملة حملات")
# What exploded is no author: "انفجارها في وجهه" is the firework's blast.
_BLASTS = match_set("انفجار انفجارات")


def attack_owner_pronoun(words: Words, hit: Hit, actors: list[Actor], lo: int) -> Actor | None:
    """An attack noun with a possessive pronoun (حربها، هجماتهم، غاراته، عدوانها) is its owner's
    attack, and the pronoun points back to the party named last before it in the
    sentence, not to the subject of the clause it stands in: in "قد تقدم كوريا الشمالية
    الأسلحة لروسيا لاستخدامها في حربها ضد أوكرانيا" the war is Russia's. A place after
    في or قرب is where something happened, no owner."""
    token = words.keys[hit.first]
    if hit.verb or hit.first != hit.last or not has_pronoun(token):
        return None
    forms = candidates(token)
    if not any(c in ATTACK_NOUNS or c in _WARS for c in forms) or any(c in _BLASTS for c in forms):
        return None
    before = [a for a in actors if lo <= a.first and a.last < hit.first and not is_locative(words, a)]
    return before[-1] if before else None
