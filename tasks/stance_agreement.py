"""Case and agreement: what the endings of an unvowelled verb and its nouns still show.

Arabic writes no short vowels, but the sound masculine plural keeps its case in the
spelling: ـون is nominative, ـين accusative or genitive. A verb placed before its subject
stays singular ("اقتحم مسلحون"), and a verb's object is never nominative. So a singular
verb followed at once by a noun in ـون has that noun for subject (or, in the passive, for
the one it befell, a reading ``tasks.stance_victims`` settles first), whatever party an
earlier clause named: "قتل 14 ضابطا حين اقتحم مسلحون عددا من المباني" has the gunmen
storming, not the officers. And a pronoun on a verb is its object, so the party after such
a verb is its subject and the object stands before it (``fronted_object``). A verb agrees
with its subject in gender on either side: زارت (she visited) has no man for subject, so
"قتلت ضابط شرطة زارت سوريا" does not have the officer visiting (``wrong_gender``).
"""

from __future__ import annotations

from tasks.actors import Actor, Words
from tasks.normalize import key_form
from tasks.stance_cues import Hit
from tasks.stance_grammar import has_object_pronoun, is_governed, is_plural_verb, same_party
from tasks.stance_lexicon import strip_conj
from tasks.stance_places import is_locative
from tasks.stance_subjects import can_hold, is_quantity

# Agents and plural nationality adjectives (الإسرائيليون) may be plural subjects; names
# ending in ون (هارون) may not be read so.
_PLURAL_KINDS = frozenset(["agent", "adj"])


def nominative_subject(words: Words, hit: Hit, actors: list[Actor]) -> Actor | None:
    """The actor right after a singular verb cue whose head ends in the nominative ـون
    (see the module docstring), when it can hold the cue."""
    if not hit.verb or hit.english or is_plural_verb(words, hit):
        return None
    actor = next((a for a in actors if a.first == hit.last + 1), None)
    if actor is None or actor.kind not in _PLURAL_KINDS or actor.start != words.spans[actor.first][0]:
        return None
    key = key_form(words.keys[actor.first])
    return actor if len(key) > 4 and key.endswith("ون") and can_hold(words, actor, hit) else None


def fronted_object(
    words: Words, hit: Hit, actors: list[Actor], clause: int
) -> tuple[Actor, Actor, float] | tuple[()] | None:
    """Object first, then the verb with a pronoun for it, then the subject: "عسكريين
    ماليين خطفهم مقاتلو الطوارق" (Malian soldiers, Tuareg fighters kidnapped them). The
    actor right after such a verb is the holder, the actor the pronoun points back to
    the target; when the actor before carries ب or ل ("لمنظمة التحرير واتهمته إسرائيل":
    "for the PLO") it is no object, and no target is named (empty tuple)."""
    if not hit.verb or hit.english or not has_object_pronoun(words.keys[hit.first], hit.lemma):
        return None
    after = next((a for a in actors if hit.last < a.first <= hit.last + 2), None)
    if after is None or is_locative(words, after) or is_governed(words, after):
        return None
    if not all(is_quantity(words, j) for j in range(hit.last + 1, after.first)):
        return None
    before = [a for a in actors if clause <= a.first and a.last < hit.first and not is_locative(words, a)]
    if not before or same_party(before[-1], after):
        return None
    return () if is_governed(words, before[-1]) else (after, before[-1], 0.6)


def wrong_gender(words: Words, hit: Hit, holder: Actor) -> bool:
    """A past verb in the feminine (ـت: زارت، هاجمت) next to a holder that is a man: a
    role noun or title of no state (ضابط شرطة) in the masculine singular, told by its shape (a nisba in ي such as
    جندي، شرطي، or the pattern فاعل such as ضابط، حارس; a title such as وزير). The holder
    is then no subject of the verb. Feminine nouns (ة، ات), plurals, states and names are
    left alone: a non-human plural or a state takes a feminine verb."""
    if not hit.verb or hit.english or hit.passive or hit.imperfect or hit.first != hit.last:
        return False
    verb = strip_conj(key_form(words.keys[hit.first]))[-1]
    if not verb.endswith("ت") or hit.lemma.endswith("ت") or len(verb) != len(hit.lemma) + 1:
        return False
    role_noun = holder.kind in ("agent", "title") or (holder.kind == "actor" and len(holder.code) == 3)
    if not role_noun or not (holder.last == hit.first - 1 or holder.first == hit.last + 1):
        return False
    head = key_form(words.keys[holder.first])
    head = head[2:] if head.startswith("ال") else head
    if head.endswith(("ه", "ات", "ون", "ين", "ان", "اء")):
        return False
    return holder.kind == "title" or (len(head) == 4 and head[1] == "ا") or (len(head) >= 4 and head.endswith("ي"))
