"""Places in stance roles: a country or town after في/قرب/شمال …, after a place noun
(بمحافظة ديالى العراقية) or heading a place name (في دلتا النيجر) is where something
happened, not a party; an actor headed by a place noun is a region, no holder; and a
country or town right after a noun in ة or with the article is that noun's place, no holder
either (``genitive_place``).

Kept apart from the subject rules (``tasks.stance_subjects``), which ask it whether an
actor may be a subject at all.
"""

from __future__ import annotations

from tasks.actors import Actor, Words, country_codes, is_article, key_set, lexicon
from tasks.normalize import key_form
from tasks.schema import Language
from tasks.stance_cues import bare
from tasks.stance_lexicon import lexicons, verb_lemma

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
    if _conjoined_place(words, actor):
        return True
    prev = bare(words, actor.first - 1)
    if prev in PLACE_PREPS or (prev[:1] in "وبل" and prev[1:] in PLACE_PREPS):
        return True
    if actor.kind == "adj" and any(_place_word(bare(words, j)) for j in range(max(0, actor.first - 3), actor.first)):
        return True  # "بمحافظة ديالى العراقية": the adjective names the province's country
    return actor.first >= 2 and bare(words, actor.first - 2) == "في" and _place_head_noun(words, actor.first - 1)


def _conjoined_place(words: Words, actor: Actor) -> bool:
    """A place joined by و to a place that is where something happened is one too: "في
    مدينتي الفلوجة والرمادي", "في سوريا والعراق"."""
    if not words.text[words.spans[actor.first][0] : actor.start].startswith("و"):
        return False
    names = lexicon(Language.ARABIC)
    for first in range(actor.first - 1, max(actor.first - 4, -1), -1):
        hit = names.match(words.keys, first, actor.first)
        if hit is not None and hit[2] == actor.first - 1 and hit[0].code in country_codes():
            start = words.spans[first][0] + hit[1]
            place = Actor(start, words.spans[hit[2]][1], first, hit[2], hit[0].code, hit[0].kind)
            return is_locative(words, place)
    return False


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


def genitive_place(words: Words, actor: Actor, cue: range) -> bool:
    """A country or town right after a noun that governs it or that it names ("جامعة
    الأنبار", "بسلطنة عمان", "العاصمة مسقط", "السفارة الولايات المتحدة"): the noun's
    place, not a party; whoever holds the stance is the noun's owner, or no one named. The
    noun must be one no verb can be, in ة or with the article (unvowelled "ريف دمشق" or
    "فتح حلب" could be a verb and its object, "شنت تركيا" is one); the cue word itself is
    left to the role rules ("قصف إسرائيل لغزة"), and so is a noun that is an actor of its
    own ("حكومة طهران")."""
    if not (actor.kind in ("country", "city") or is_town(actor)) or actor.first == 0 or actor.first - 1 in cue:
        return False
    if actor.start != words.spans[actor.first][0]:
        return False  # a clitic: "لسوريا", "بحلب" are read elsewhere
    raw = words.keys[actor.first - 1]
    prev = key_form(raw)
    if not prev.isalpha() or prev in _NOT_HEADS:
        return False
    # Only a word no verb can be: one in ة or with the article ("العاصمة مسقط").
    return (raw.endswith("ة") or is_article(prev)) and _is_noun(prev)


_NOT_HEADS = key_set("في من إلى الى على عن مع ضد بين و أو او ان أن إن قال اعلن أعلن حيث بينما لكن ثم")


def _is_noun(key: str) -> bool:
    """No verb of the cue dictionaries and no actor of its own ("حكومة طهران" is one)."""
    if verb_lemma(key, lexicons(Language.ARABIC).lemmas) is not None:
        return False
    return lexicon(Language.ARABIC).match([key], 0, 1) is None
