"""Case and agreement: what the endings of an unvowelled verb and its nouns still show.

Arabic writes no short vowels, but the sound masculine plural keeps its case in the
spelling: ـون is nominative, ـين accusative or genitive. A verb placed before its subject
stays singular ("اقتحم مسلحون"), and a verb's object is never nominative. So a singular
verb followed at once by a noun in ـون has that noun for subject (or, in the passive, for
the one it befell, a reading ``tasks.stance_victims`` settles first), whatever party an
earlier clause named: "قتل 14 ضابطا حين اقتحم مسلحون عددا من المباني" has the gunmen
storming, not the officers.
"""

from __future__ import annotations

from tasks.actors import Actor, Words
from tasks.normalize import key_form
from tasks.stance_cues import Hit
from tasks.stance_grammar import can_hold, is_plural_verb

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
