"""Personal names the dictionaries do not know: names a document ties to a titled actor
(after the title, or in apposition) and names in the slot news reserves for a person."""

from __future__ import annotations

from tasks.actors import Actor, Words, candidates, common_words, is_article, is_word, norm_token, word_set
from tasks.normalize import key_form

_NAME_STOP = word_set(
    "في من علي الي عن مع ان قد لم لن لا ما هو هي الذي التي بين بعد قبل خلال حيث كما اليوم امس عندما حين "
    "وقال وقالت قال قالت اكد وكان كان كانت وكانت زار التقي ذكر ذكرت"
)


def is_name(words: Words, j: int, taken: set[int]) -> bool:
    """A word that may be part of a personal name: a name is what neither the actor
    dictionaries (``taken``) nor the list of frequent news words know, and no function
    word, number or punctuation mark."""
    word = words.keys[j]
    return (
        j not in taken
        and is_word(word)
        and not word.isdigit()
        and key_form(word) not in _NAME_STOP
        and not any(c in common_words() or c in _NAME_STOP for c in candidates(word))
        and len(word) > 1
    )


def learn_aliases(words: Words, actors: list[Actor]) -> dict[str, str]:
    """Names the document ties to a titled actor: after the title, or in apposition."""
    aliases: dict[str, str] = {}
    taken = {j for a in actors for j in range(a.first, a.last + 1)}
    for actor in actors:
        if actor.kind != "title" or not actor.country:
            continue
        j = actor.last + 1
        while actor.named and j < len(words.keys) and j - actor.last <= 3 and is_name(words, j, taken):
            j += 1
        names = range(actor.last + 1, j)
        if actor.first >= 2 and words.keys[actor.first - 1] in "،,":
            k = actor.first - 2
            while k >= 0 and actor.first - 1 - k <= 3 and is_name(words, k, taken):
                k -= 1
            names = names or range(k + 1, actor.first - 1)
        for n in names:
            aliases.setdefault(words.key(n), actor.code)
        if names:
            aliases[" ".join(words.key(n) for n in names)] = actor.code
    return aliases


# Verbal nouns of what befalls a politician: the word after them is a person.
_PERSON_SLOTS = frozenset(
    norm_token(w) for w in word_set("استقالة رحيل ترشيح ترشح بقاء إقالة اقالة تنحي محاكمة إسقاط اسقاط")
)


def named_in_slot(words: Words, actors: list[Actor]) -> list[Actor]:
    """Unknown personal names in the slot news reserves for a person: after the verbal
    noun of a political fate (استقالة، رحيل، ترشيح، بقاء، إقالة، تنحي، محاكمة، إسقاط):
    "يطالبون باستقالة ساماك", "رفضهم لترشيح ميقاتي". A name is one or two words that
    are neither frequent news words nor an actor already, without the article; it is an
    actor with no code (the dictionaries do not know it)."""
    taken = {j for a in actors for j in range(a.first, a.last + 1)}
    found: list[Actor] = []
    for i in range(len(words.keys) - 1):
        if not any(c in _PERSON_SLOTS for c in candidates(words.keys[i])):
            continue
        j = i + 1
        while j < len(words.keys) and j - i <= 2 and is_name(words, j, taken) and not is_article(words.keys[j]):
            j += 1
        if j > i + 1:
            start, end = words.spans[i + 1][0], words.spans[j - 1][1]
            found.append(Actor(start, end, i + 1, j - 1, "", "person"))
    return sorted(actors + found, key=lambda a: a.start) if found else actors
