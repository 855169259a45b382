"""Who suffered violence (CAMEO 17x–20): passive reports ("قُتل 12 شخصا في هجوم"), nouns of
what the subject suffered (لقي مصرعه، تعرض لهجوم، نجا من محاولة اغتيال), and their victims.

Unvowelled Arabic spells the passive like the active (قَتل, قُتل), so a verb is read as
passive from what follows it: the attack it happened in or an agent phrase. The author of
the act is then found by the rules of ``tasks.stance_violence``.
"""

from __future__ import annotations

from tasks.actors import Actor, Words, candidates, is_article, key_set, word_set
from tasks.normalize import key_form
from tasks.stance_cues import CLAUSE_BREAK, Hit, bare, is_break
from tasks.stance_grammar import (
    ARMED,
    IN_ATTACK,
    RELATIVES,
    clause_start,
    following,
    is_plural_verb,
    match_set,
    role,
    same_party,
)
from tasks.stance_lexicon import strip_conj, verb_lemma
from tasks.stance_places import is_locative
from tasks.stance_subjects import has_object, is_active_only, is_counted, reflexive
from tasks.stance_violence import ATTACK_NOUNS, attack_owner, attacker_adj, marked_agent, perpetrator, thing_in

_CLASHES = match_set("اشتباك اشتباكات مواجهات معارك معركة")

# Verbs passive by their spelling: أصيب "was hit", اغتيل "was assassinated" (active اغتال).
_PASSIVE_LEMMAS = word_set("اصيب اغتيل")

_EXPOSED = word_set("تعرض")
# لقي "met" (his death): its subject is the one killed.
_MET = word_set("لقي")
_TO = key_set("إلى الى")
# Forms of نجا "survived": "نجا القائد من محاولة اغتيال" makes the commander the target.
_SURVIVED = word_set("نجا نجت نجوا ينجو تنجو")


def passive(
    words: Words, hit: Hit, actors: list[Actor], span: tuple[int, int, int], joined: Actor | None = None
) -> tuple[Actor, Actor, float] | tuple[()] | None:
    """Violence reported in the passive: a verb that is passive by its spelling (أصيب), or
    an ambiguous one (قتل: قَتل or قُتل) followed by the attack it happened in ("قتل 12
    شخصا في هجوم انتحاري", "ستة مدنيين قتلوا في انفجار") or by its agent ("خطفوا على
    أيدي مسلحين", "من قبل", "برصاص"). The victim is the subject: a
    counted noun after the verb, or the first actor of the clause before it when that is
    a counted noun or a civilian; the holder is the attack's author (هجوم انتحاري) or the
    perpetrator named in the sentence. An uncounted actor right after the verb ("قتل
    الجيش عشرة مسلحين في هجوم") keeps the active reading.

    A verb joined by و to a passive one ("قتل 28 متطوعا وجرح 55 شخصا") is passive too,
    with the same author (``joined``) and the counted noun after it for victim.

    None when the verb is read as active; an empty tuple when it is passive but the victim
    or the author is missing (a passive subject is never the holder, so no record)."""
    lo, clause, hi = span
    if joined is not None:
        victim = next((a for a in actors if hit.last < a.first <= hit.last + 4 and is_counted(words, a)), None)
        return (joined, victim, 0.5) if victim is not None and not same_party(joined, victim) else ()
    if is_active_only(hit) or reflexive(words, hit):
        return None
    attack = _attack_after(words, hit, hi)
    certain = (
        hit.lemma in _PASSIVE_LEMMAS
        or _by_agent_after(words, hit, hi)
        or _counted_objectless(words, hit, actors, clause, hi)
    )
    if attack is None and not certain:
        return None
    before = _subjects_before(words, hit, actors, clause) or before_apposition(words, actors, clause, lo)
    if hit.first >= 2 and bare(words, hit.first - 1) in RELATIVES:
        # "نعت النقابة الصحفي الذي اغتيل": the relative's antecedent is the one killed.
        before = [a for a in before if a.last == hit.first - 2] or before
    after = next((a for a in actors if hit.last < a.first <= hit.last + 4), None)
    # A killing verb with no object before the attack it happened in ("بوتو قتلت في هجوم
    # انتحاري") is passive: the verb is transitive, and its object would stand there.
    # Its subject may stand past a comma ("رئيسة الوزراء، بي نظير بوتو، قتلت"): the nearest.
    objectless = attack is not None and all(bare(words, j) in IN_ATTACK for j in range(hit.last + 1, attack))
    if objectless and not before:
        before = [a for a in actors if lo <= a.first and a.last < hit.first and not is_locative(words, a)][-1:]
    if before and (certain or objectless or is_counted(words, before[0]) or role(before[0]) == "CVL"):
        victim = before[0]
    elif after is not None and not is_locative(words, after) and (certain or _counted_or_lone(words, after, actors)):
        victim = after
    elif certain:
        return ()
    else:
        return None
    rest = [a for a in actors if a is not victim]
    # The agent phrase of a passive follows it; one earlier belongs to another verb
    # ("تدرب على يد فلان … وقتل من قبل القوات اليمنية").
    author = marked_agent(words, rest, hit.last + 1, hi) or marked_agent(words, rest, clause, hi)
    if author is None and attack is not None:
        author = next((a for a in rest if a.first == attack + 1 and attacker_adj(a)), None)
        author = author or attack_owner(words, attack, rest)  # "في قصف لقوات النظام"
    author = author or perpetrator(words, hit, rest, clause, hi)
    if author is None or same_party(author, victim):
        return ()
    return author, victim, 0.5


def _counted_objectless(words: Words, hit: Hit, actors: list[Actor], clause: int, hi: int) -> bool:
    """A plural verb that ends its clause after a counted subject is passive: a transitive
    verb with no object ("نحو 390 مقاتلا كرديا قتلوا، وأصيب 400 آخرون")."""
    ends = hit.last + 1 >= hi or words.keys[hit.last + 1] in ("،", ",", ".")
    if not ends or not is_plural_verb(words, hit):
        return False
    before = _subjects_before(words, hit, actors, clause)
    return bool(before) and is_counted(words, before[0])


def _subjects_before(words: Words, hit: Hit, actors: list[Actor], clause: int) -> list[Actor]:
    """The actors of the clause before the verb that may be its subject (no place)."""
    return [a for a in actors if clause <= a.first and a.last < hit.first and not is_locative(words, a)]


def suffered(
    words: Words, hit: Hit, actors: list[Actor], clause: int, hi: int
) -> tuple[Actor, Actor, float] | tuple[()] | None:
    """Attack nouns that name what the subject suffered: "لقي سبعة أشخاص مصرعهم" (layout
    ``pas``: مصرع، حتف), "تعرضت الدورية لهجوم" (تعرض + ل + attack noun) and "نجا القائد
    من محاولة اغتيال" (survived). The victim is
    the subject (before the cue, else after it); the holder the agent named, the attack's
    author right after the noun, or the perpetrator of the sentence. None when the noun is
    not of that kind; an empty tuple when victim or author is missing."""
    exposed = None
    # تعرض ل or تعرض إلى: "تعرضت الدورية لهجوم", "تعرضت القنصلية إلى اعتداء".
    if key_form(words.keys[hit.first])[:1] == "ل" or (hit.first > 0 and bare(words, hit.first - 1) in _TO):
        exposed = next(
            (
                j
                for j in range(hit.first - 1, max(clause, hit.first - 9) - 1, -1)
                if verb_lemma(words.keys[j], _EXPOSED)
            ),
            None,
        )
    near = range(max(clause, hit.first - 4), hit.first)
    survived = next((j for j in near if strip_conj(key_form(words.keys[j]))[-1] in _SURVIVED), None)
    verb = exposed if exposed is not None else survived
    if hit.layout != "pas" and verb is None:
        return None
    before = [
        a
        for a in actors
        if clause <= a.first and a.last < hit.first and not is_locative(words, a) and not in_brackets(words, a, clause)
    ]
    after = next((a for a in actors if hit.last < a.first <= hit.last + 4 and not is_locative(words, a)), None)
    met = next((j for j in range(hit.first - 1, clause - 1, -1) if verb_lemma(words.keys[j], _MET)), None)
    if verb is None and met is not None and any(a.first > met for a in before):
        # "لقي 115 مسلحا من الجبهة (تنظيم القاعدة) حتفهم": the subject right after لقي.
        verb = met
    if verb is not None:
        # The subject of تعرض/نجا: right after the verb, else the antecedent of a relative
        # pronoun before it ("المواطن الذي تعرض لإطلاق نار"), else the head of its clause
        # ("قائد مجلس … لمقاتلة تنظيم القاعدة نجا": the commander, not al-Qaeda).
        between = [a for a in before if a.first > verb]
        relative = verb > 0 and bare(words, verb - 1) in RELATIVES
        antecedent = [a for a in before if relative and a.last == verb - 2]
        victim = (between or antecedent or before or [None])[0]
    else:
        victim = before[-1] if before else after
    victim = victim or thing_in(words, range(hit.first - 1, clause - 1, -1), actors)
    if victim is None:
        return ()
    rest = [a for a in actors if a is not victim]
    author = marked_agent(words, rest, clause, hi)
    author = author or next((a for a in rest if a.first == hit.last + 1 and role(a) in ARMED), None)
    author = author or perpetrator(words, hit, rest, clause, hi)
    if author is None or same_party(author, victim):
        return ()
    return author, victim, 0.5


def _counted_or_lone(words: Words, after: Actor, actors: list[Actor]) -> bool:
    """The subject after a verb that happened in an attack is its victim when counted
    ("قتل 12 شخصا في هجوم") or when it is an indefinite noun with no object after it ("قتل
    جندي بريطاني في اشتباك"); a definite subject or one followed by an object is the
    attacker ("قتل الجيش عشرة مسلحين في هجوم")."""
    if is_counted(words, after):
        return not has_object(words, after)
    nxt = next((a for a in actors if a.first > after.last), None)
    return not is_article(words.keys[after.first]) and (nxt is None or nxt.first > after.last + 2)


def _by_agent_after(words: Words, hit: Hit, hi: int) -> bool:
    """Whether a passive agent phrase follows the verb in its clause: "خطف … من قبل
    مسلحين", "خطفوا على أيدي مسلحين", "قتل برصاص الجيش", "قتل ستة … بواسطة الجيش"; a
    comma may set the phrase off ("قتل ستة من رفاقهم، بواسطة الجيش")."""
    for j in following(words, hit.last + 1, hi, 8):
        set_off = words.keys[j] in ("،", ",") and j + 1 < hi and bare(words, j + 1) in ("بواسطه", "من", "علي", "على")
        if is_break(words, j, CLAUSE_BREAK) and not set_off:
            return False
        word = bare(words, j)
        if word == "قبل" and bare(words, j - 1) == "من":
            return True
        if word in ("يد", "ايدي") and bare(words, j - 1) in ("علي", "على"):
            return True
        if key_form(words.keys[j]).startswith(("برصاص", "بنيران")) or word == "بواسطه":
            return True
    return False


def attack_author(words: Words, hit: Hit, actors: list[Actor], hi: int) -> Actor | None:
    """The owner of the attack a violent noun happened in: "مقتل قيادي في داعش بغارة لطيران
    التحالف" (the coalition's raid), "في قصف لقوات النظام"; named before any armed actor
    the sentence merely mentions."""
    attack = _attack_after(words, hit, hi)
    return attack_owner(words, attack, actors) if attack is not None else None


def _attack_after(words: Words, hit: Hit, hi: int) -> int | None:
    """The attack noun a violent verb is said to have happened in ("في هجوم", "بانفجار",
    "جراء قصف", "في اشتباك مع"), within eight words and the same clause."""
    for j in following(words, hit.last + 1, hi, 8):
        if is_break(words, j, CLAUSE_BREAK):
            return None
        if not any(c in ATTACK_NOUNS or c in _CLASHES for c in candidates(words.keys[j])):
            continue
        glued = key_form(words.keys[j])[:1] == "ب"
        if glued or (j > 0 and bare(words, j - 1) in IN_ATTACK):
            return j
    return None


def before_apposition(words: Words, actors: list[Actor], clause: int, lo: int) -> list[Actor]:
    """The subject of a passive verb set before an apposition between commas: in "أن فلان،
    المدير الإقليمي للشركة، خطف …" the kidnapped is the one the apposition describes. The
    actors of the head, else of the description (a definite phrase after a comma)."""
    if clause - 1 <= lo or words.keys[clause - 1] not in ("،", ","):
        return []
    start = clause_start(words, clause - 1, lo)
    if not is_article(words.keys[start]) or start - 1 <= lo or words.keys[start - 1] not in ("،", ","):
        return []
    head = clause_start(words, start - 1, lo)
    return [a for a in actors if head <= a.first and a.last < clause - 1 and not is_locative(words, a)]


def in_brackets(words: Words, actor: Actor, lo: int) -> bool:
    """An actor inside a parenthesised aside opened after ``lo`` ("جبهة النصرة (تنظيم القاعدة
    في بلاد الشام)"): a gloss on what precedes, not a party of the clause."""
    depth = 0
    for j in range(lo, actor.first):
        depth += (words.keys[j] == "(") - (words.keys[j] == ")")
    return depth > 0
