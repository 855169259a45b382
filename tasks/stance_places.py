"""Places in stance roles: a country or town after في/قرب/شمال …, after a place noun
(بمحافظة ديالى العراقية) or heading a place name (في دلتا النيجر) is where something
happened, not a party; and an actor headed by a place noun is a region, no holder.

Kept apart from the clause grammar (``tasks.stance_grammar``), which asks it whether an
actor may be a subject at all.
"""

from __future__ import annotations

from tasks.actors import Actor, Words, country_codes, is_article, key_set
from tasks.normalize import key_form
from tasks.stance_cues import bare

# In key form too (مدينة → مدينه), the form ``bare`` gives.
PLACE_PREPS = key_set(
    "في قرب شمال جنوب شرق غرب وسط داخل خارج بالقرب مدينة بلدة منطقة محافظة عاصمة خليج ضاحية قضاء مخيم "
    "حي شارع ولاية اقليم قرية مناطق انحاء مدن امام شمالي جنوبي شرقي غربي حدود الحدود فوق اجواء اراضي "
    "الاراضي سواحل near in at"
)

_PLACE_NOUNS = key_set("منطقة مدينة بلدة محافظة ولاية اقليم إقليم قرية مخيم ضاحية قضاء")


def place_head(words: Words, actor: Actor) -> bool:
    """An actor whose first word is a place noun (المنطقة، مدينة، محافظة …)."""
    key = key_form(words.keys[actor.first])
    return (key[2:] if key.startswith("ال") else key) in _PLACE_NOUNS


def is_locative(words: Words, actor: Actor) -> bool:
    """A place after في/قرب/شمال… (or glued ب) is where something happened, not a party;
    so is one after a place word with a clitic ("بوسط نيودلهي", "لمحافظة الديوانية") or
    after في and a noun that heads it ("في دلتا النيجر")."""
    if actor.kind not in ("country", "city") and actor.code not in country_codes():
        return False
    if is_town(actor) and words.keys[actor.first][:1] == "ب" and actor.start > words.spans[actor.first][0]:
        return True
    if actor.first == 0:
        return False
    prev = bare(words, actor.first - 1)
    if prev in PLACE_PREPS or (prev[:1] in "وبل" and prev[1:] in PLACE_PREPS):
        return True
    if actor.kind == "adj" and any(_place_word(bare(words, j)) for j in range(max(0, actor.first - 3), actor.first)):
        return True  # "بمحافظة ديالى العراقية": the adjective names the province's country
    return actor.first >= 2 and bare(words, actor.first - 2) == "في" and _place_head_noun(words, actor.first - 1)


def _place_word(word: str) -> bool:
    return word in PLACE_PREPS or (word[:1] in "وبل" and word[1:] in PLACE_PREPS)


# Nouns after في that are not places: "في حق X" (against), "في مواجهة X", "في وجه X".
_NOT_PLACES = key_set("حق مواجهة وجه ظل عهد")


def _place_head_noun(words: Words, j: int) -> bool:
    """An article-less noun heading a place name after في ("في دلتا النيجر", "في ريف
    دمشق"): the place is where something happened, like one right after في."""
    key = key_form(words.keys[j])
    return key.isalpha() and not is_article(key) and key not in _NOT_PLACES and not key.isdigit()


def is_town(actor: Actor) -> bool:
    """A city, or a dictionary actor coded with a bare country code (صنعاء YEM, نينوى IRQ):
    the UniversalPetrarch list codes towns and regions that way, and country names
    themselves come from CLDR with kind ``country``."""
    return actor.kind == "city" or (actor.kind == "actor" and actor.code in country_codes())
