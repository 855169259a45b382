"""Who belongs to whom: a party named as one member of another, or as a man's family.

Records set two parties against or beside each other; a member of a group and the group
("ويؤيد المرشحون الديموقراطيون بدءا بهيلاري كلينتون"), or a man and the family who speak
of him ("عبر أبناء الشيخ عن شكرهم"), are not two such sides.
"""

from __future__ import annotations

from tasks.actors import Actor, Words, key_set, norm_set, norm_token
from tasks.normalize import key_form

# A pronoun pointing back at a group, after which a party is one of its members: "منهم"
# (among them), or the second word of "بمن فيهم"، "بما فيها"، "من بينهم"، "على رأسهم"،
# "في مقدمتهم"; and "بدءا ب" (starting with).
_AMONG = key_set("منهم ومنهم")
_INCLUDING = key_set("فيهم فيها بينهم رأسهم رأسها راسهم راسها مقدمتهم مقدمتها")
_INCLUDING_LEADS = key_set("بمن بما من ومن على وعلى في وفي")
_STARTING = key_set("بدءا بدءاً ابتداء ابتداءً")


def part_of(words: Words, holder: Actor, target: Actor) -> bool:
    """A target named as one member of the holder's group ("ويؤيد المرشحون الديموقراطيون
    بدءا بهيلاري كلينتون", "هاجم المسلحون ومنهم قياديون"): a party does not stand for or
    against its own members."""
    j = target.first - 1
    if holder.last > j or j < 0:
        return False
    prev = key_form(words.keys[j])
    if prev in _AMONG:
        return True
    if prev in _INCLUDING:
        return j > 0 and key_form(words.keys[j - 1]) in _INCLUDING_LEADS
    glued = key_form(words.text[words.spans[target.first][0] : target.start])
    return prev in _STARTING and glued.endswith("ب")


# Family nouns whose genitive is the relative, not the speaker ("أبناء الشيخ", "أسرة الفقيد").
_KIN = norm_set(
    "أسرة اسرة عائلة أبناء ابناء أبناؤه ذوي ذوو أقارب اقارب أهل اهالي أهالي والد والدة "
    "شقيق شقيقة أخ أخو أخي زوجة زوج نجل نجلا أنجال أرملة ارملة حفيد أحفاد"
)


def kin_of(words: Words, holder: Actor) -> bool:
    """A holder in the genitive of a family noun ("عبر أبناء الشيخ عبدالرحمن عن شكرهم",
    "أكد والد الرقيب"): the sons, the family or the father speak and act, not the man
    named after them."""
    return holder.first > 0 and norm_token(words.keys[holder.first - 1]) in _KIN
