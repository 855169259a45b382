"""Who did what a noun cue names ("شن الجيش غارات", "قام المتظاهرون باحراق", "قتل الجيش
ناشطا في غارة"): the subject of the verb that carries the noun, not the actor nearest to
it. Used by ``tasks.stance_roles`` before its general holder search."""

from __future__ import annotations

from tasks.actors import Actor, Words, candidates, key_set, word_set
from tasks.normalize import key_form
from tasks.stance_cues import CLAUSE_BREAK, Hit, bare, is_break
from tasks.stance_grammar import is_governed, is_violent, match_set
from tasks.stance_lexicon import verb_lemma
from tasks.stance_places import is_locative

_LIGHT_VERBS = word_set("قام اقدم امر")
_LIGHT_NOUNS = match_set("قيام إقدام")

_SUPPORT_VERBS = word_set("شن نفذ ارتكب خاض وجه")
# رد "responded" carries an attack noun with ب ("ردّ الحوثيون على هجمات المقاومة بقصف
# أحياء"); without ب it repels one ("رد الهجوم"), so its subject is no author then.
_RESPONDING = key_set("رد ردت ردوا يرد ترد يردون")


def support_subject(words: Words, hit: Hit, actors: list[Actor], lo: int) -> Actor | None:
    """The subject of a verb that carries an attack noun as its object ("نفذت حركة طالبان
    هجوما انتحاريا", "شن الجيش غارات", "خاضت موسكو حربين"): it is the author, whatever
    adjective the noun takes (انتحاريا says how, not who). With nothing between verb and
    noun the subject stands right before the verb ("وكانت القوات الأميركية وجهت ضربات").
    One who responds with an attack (ردّ بقصف) is its author too."""
    with_bi = key_form(words.keys[hit.first])[:1] == "ب"
    for j in range(hit.first - 1, max(lo, hit.first - 6) - 1, -1):
        if is_break(words, j, CLAUSE_BREAK):
            return None
        key = key_form(words.keys[j])
        responding = with_bi and (key in _RESPONDING or (key[:1] in "وف" and key[1:] in _RESPONDING))
        if responding or verb_lemma(words.keys[j], _SUPPORT_VERBS) is not None:
            between = (a for a in actors if j < a.first and a.last < hit.first and not is_governed(words, a))
            before = (a for a in actors if a.last == j - 1 and a.first >= lo and not is_governed(words, a))
            return next(between, None) or next(before, None)
    return None


_IN_ACT = key_set("في خلال اثناء أثناء")


def circumstance_of(words: Words, hit: Hit, previous: Hit | None, roles: dict) -> Actor | None:
    """An attack noun after في/خلال that follows an active violent verb in the same clause
    names how that verb's subject did it ("قتل الجيش ناشطا في غارة جوية": the army's
    raid), so it shares the verb's holder."""
    if previous is None or not previous.verb or previous.passive or not is_violent(previous):
        return None
    if id(previous) not in roles or hit.first == 0:
        return None
    glued = key_form(words.keys[hit.first])[:1] == "ب"
    if not glued and bare(words, hit.first - 1) not in _IN_ACT:
        return None
    if any(is_break(words, j, CLAUSE_BREAK) for j in range(previous.last + 1, hit.first)):
        return None
    return roles[id(previous)]


def light_subject(words: Words, hit: Hit, actors: list[Actor], lo: int) -> Actor | None:
    """The subject of a light verb that carries a noun cue: "قام المتظاهرون باحراق",
    "أقدم متظاهرون على قطع الطريق", "قام مسلحون … بخطف": the first actor after قام/أقدم
    or their verbal nouns ("استنكرت قيام عناصر النصرة بخطف العقيد"), within twelve words
    of the cue, did what the noun names, whoever the noun's own neighbours are; so did the
    one who ordered it ("أمر رئيس الوزراء … باعتقال ضابط")."""
    if hit.verb or hit.english:
        return None
    key = key_form(words.keys[hit.first])
    marked = key[:1] == "ب" or (hit.first > lo and bare(words, hit.first - 1) in ("علي", "على"))
    if not marked:
        return None
    for j in range(hit.first - 1, max(lo, hit.first - 13) - 1, -1):
        if words.keys[j] not in ("،", ",") and is_break(words, j, CLAUSE_BREAK):
            return None  # commas may set off an apposition: "قام عشرة جنود، من قوة …، باغتصابها"
        light = verb_lemma(words.keys[j], _LIGHT_VERBS) is not None
        if light or any(c in _LIGHT_NOUNS for c in candidates(words.keys[j])):
            return next(
                (
                    a
                    for a in actors
                    if j < a.first and a.last < hit.first and not is_locative(words, a) and not is_governed(words, a)
                ),
                None,
            )
    return None
