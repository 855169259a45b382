"""How far from a cooperation cue its parties may stand.

A favor record's partner must sit close after its cue and a subject after its verb right
after it (``tasks.stance_evidence``); both distances skip the same words, which fill a
slot without being one: honorifics and titles the dictionaries leave outside an actor,
time words and a when-or-where aside set off by commas ("استقبل الوزير، أمس، السفير").
The same titles and honorifics tell when a title and the name after it are one person
(``in_apposition``). Kept together so that those word lists and the counting that skips
them change as one.
"""

from __future__ import annotations

from tasks.actors import Actor, Words, is_word, key_set
from tasks.normalize import key_form
from tasks.stance_cues import CLAUSE_BREAK, Hit, bare, is_break
from tasks.stance_grammar import is_definite
from tasks.stance_subjects import is_quantity

# Honorifics between a verb and its subject ("استقبل سمو أمير المنطقة").
_HONORIFICS = key_set("سمو معالي فخامة سماحة دولة")
# Titles the dictionaries leave outside the actor ("استقبل خادم الحرمين الشريفين الملك سلمان").
_TITLES = _HONORIFICS | key_set("صاحب السمو الملكي خادم الحرمين الشريفين الملك الأمير الشيخ الدكتور المهندس السيد")
# Before a name: the titles, and the honorifics and ranks news puts between a title and
# the name it gives ("وزير الخارجية الأستاذ عادل الجبير", "قائد القوات العميد سعيد").
_BEFORE_NAMES = _TITLES | key_set("الأستاذ فضيلة سعادة اللواء العميد العقيد الفريق المقدم الرائد")
# Prepositions that lead an aside of place or time ("، في بيان أمس،").
_LEADS = key_set("في خلال")
# When words: set off by commas they are an aside, not a clause ("استقبل الوزير، أمس، السفير").
_TIMES = key_set("أمس اليوم غدا الليلة صباح مساء الأول الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت")


def in_reach(words: Words, hit: Hit, target: Actor, holder: Actor) -> bool:
    """A partner after the cue is within ten words of it, with no comma, dash or clause
    break or ثم between (quotes and a time or place aside set off by commas aside): further
    on it belongs to another clause. The subject and its titles between a verb and its object are no
    distance ("استقبل سمو أمير منطقة الرياض في مكتبه أمس كلا من رئيس الديوان")."""
    gap = [
        j
        for j in range(hit.last + 1, target.first)
        if not holder.first <= j <= holder.last and key_form(words.keys[j]) not in _TITLES and not _aside(words, j)
    ]
    if len(gap) > 10:
        return False
    return not any(
        is_break(words, j, CLAUSE_BREAK)
        or bare(words, j) == "ثم"
        or (not is_word(words.keys[j]) and words.keys[j] != '"')
        for j in gap
    )


def _aside(words: Words, j: int) -> bool:
    """A comma that opens or closes an aside of up to four words set off by commas: time
    words, or a phrase led by في or خلال ("الوزير، أمس، السفير", "دعا الوزير، في بيان
    أمس، المواطنين"), which says when or where, not a new clause."""
    if words.keys[j] not in ("،", ","):
        return False
    for step in (1, -1):
        inner = []
        k = j + step
        while 0 <= k < len(words.keys) and len(inner) <= 4 and is_word(words.keys[k]):
            inner.append(key_form(words.keys[k]))
            k += step
        if not inner or len(inner) > 4 or not 0 <= k < len(words.keys) or words.keys[k] not in ("،", ","):
            continue
        lead = inner[0] if step == 1 else inner[-1]
        if lead in _LEADS or all(w in _TIMES for w in inner):
            return True
    return False


def right_after(words: Words, hit: Hit, holder: Actor) -> bool:
    """A subject after its verb stands right after it, past quantity and time words,
    honorifics and the titles before a name ("استقبل خادم الحرمين الشريفين الملك سلمان",
    "واستقبل اليوم وزير") only; an actor
    further on is inside the object ("وعد بإغلاق القاعدة")."""
    gap = range(hit.last + 1, holder.first)
    return all(is_quantity(words, j) or key_form(words.keys[j]) in _TITLES | _TIMES for j in gap)


def in_apposition(words: Words, title: Actor, name: Actor) -> bool:
    """A title or role and the listed name that follows it, directly or after honorifics,
    are one person ("رئيس حزب القوات اللبنانية سمير جعجع"): no stance between them. The name
    has no article, which keeps a definite object apart ("قتل المسلحون الجيش السوري"), and
    no و, which joins another party ("بين مصلين فلسطينيين والشرطة الإسرائيلية")."""
    if title.kind not in ("title", "agent") or name.kind != "actor" or name.first <= title.last:
        return False
    between = range(title.last + 1, name.first)
    if len(between) > 2 or not all(key_form(words.keys[j]) in _BEFORE_NAMES for j in between):
        return False
    first = key_form(words.keys[name.first])
    return not is_definite(first) and first[:1] != "و"
