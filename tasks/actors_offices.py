"""Offices the dictionaries leave out (مدير، محافظ، أمين، وكيل): alone they are as often a
common noun as an official, so they are read from the words after them, as names are."""

from __future__ import annotations

from tasks.actors import Actor, Words, is_article, is_word, key_set
from tasks.actors_names import NAME_STOP
from tasks.normalize import key_form

# Office titles the dictionaries leave out, since alone they are as often a common noun
# (أمين "trustworthy"): with a definite genitive or a place they are an official
# ("مدير الجوازات", "محافظ جدة", "أمين الطائف").
_OFFICES = key_set("مدير محافظ أمين وكيل")


def office_titles(words: Words, actors: list[Actor]) -> list[Actor]:
    """An office title followed by a definite word or a place actor becomes a government
    official spanning both; the place it governs is its genitive, not a party of its own
    ("زار محافظ ظهران الجنوب": the governor visited, not Dhahran al-Janub)."""
    starts = {a.first: a for a in actors}
    taken = {j for a in actors for j in range(a.first, a.last + 1)}
    found: list[Actor] = []
    dropped: set[int] = set()
    for i, token in enumerate(words.keys[:-1]):
        key = key_form(token)
        peeled = 1 if key[:1] == "و" and key[1:] in _OFFICES else 0
        if i in taken or (not peeled and key not in _OFFICES):
            continue  # "المدير الإقليمي": with the article the next word is an adjective
        place = starts.get(i + 1)
        if place is not None and place.kind in ("country", "city") and place.start == words.spans[i + 1][0]:
            last = place.last
            dropped.add(id(place))
        elif i + 1 not in taken and is_article(words.keys[i + 1]) and is_word(words.keys[i + 1]):
            last = i + 1
        else:
            continue
        while last + 1 < len(words.keys) and last - i < 3 and _office_adjective(words.keys[last + 1]):
            last += 1  # "مدير الدفاع المدني": the genitive's adjective, no civilian party
        found.append(Actor(words.spans[i][0] + peeled, words.spans[last][1], i, last, "GOV", "title", "", False))
    if not found:
        return actors
    inside = [a for a in actors if any(f.first <= a.first and a.last <= f.last for f in found)]
    dropped.update(id(a) for a in inside)
    return sorted([a for a in actors if id(a) not in dropped] + found, key=lambda a: a.start)


def _office_adjective(token: str) -> bool:
    """A definite adjective in ي or ية after an office's genitive (المدني، العامة)."""
    key = key_form(token)
    return is_article(key) and key.endswith(("ي", "يه", "ية", "عامه", "عامة")) and key not in NAME_STOP
