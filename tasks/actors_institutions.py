"""Institutions and groups the actor dictionaries do not list, read from their head noun
(لجنة، مجلس، هيئة، حركة، جبهة، جماعة، تنظيم، تحالف، ائتلاف، اتحاد، منظمة، جمعية، رابطة and
their plurals) and the genitive, adjectives or name that complete it."""

from __future__ import annotations

from tasks.actors import Actor, Words, candidates, is_article, is_word, key_set, norm_set, norm_token
from tasks.actors_names import is_name
from tasks.normalize import key_form

# Head nouns of institutions and organised groups, in match form, with the role an unlisted
# one is given: councils, committees and authorities govern; movements, fronts, groups and
# organisations in conflict news are mostly armed; coalitions are parties; unions labour.
_INSTITUTIONS = {
    norm_token(word): code
    for heads, code in (
        ("لجنة مجلس هيئة لجان مجالس هيئات", "GOV"),
        ("حركة جبهة جماعة تنظيم حركات جبهات جماعات تنظيمات", "REB"),
        ("تحالف ائتلاف تحالفات", "PTY"),
        ("اتحاد اتحادات", "LAB"),
        ("منظمة جمعية رابطة منظمات جمعيات روابط", "NGO"),
    )
    for word in heads.split()
}
# Heads that are everyday nouns as often ("حركة المرور" traffic, "تنظيم المؤتمر" organising
# the conference, "الحركة التجارية"): a group only with a quoted name or one of these
# adjectives.
_EVERYDAY_HEADS = norm_set("حركة تنظيم حركات تنظيمات")
_GROUP_ADJECTIVES = norm_set(
    "الإسلامية الاسلامية المسلحة المتمردة المتشددة المتطرفة الإرهابي الارهابي الانفصالية الجهادية"
)
# Genitives that make the head a place or a thing: the battle front, the wind's movement.
_NOT_GENITIVES = norm_set("القتال الحرب المعارك المواجهة الرياح")
# Words that end a construct chain: prepositions, particles, relatives; and a conjunction or
# preposition glued to the article starts a new phrase.
_CHAIN_STOP = key_set("في من على علي الى إلى عن مع ان أن قد لم لن لا ما بين بعد قبل خلال حيث كما الذي التي الذين")
_GOVERNED = ("وال", "بال", "لل", "فال", "كال")
# Heads spelt like an adjective (منظمة "organised"): after a feminine noun they describe it.
_ADJECTIVE_HEADS = frozenset([norm_token("منظمة")])


def nisba(token: str) -> bool:
    """A relational adjective by its ending: عسكري، العسكرية، الانتحاريين (not التي، إلى,
    nor the verbal nouns in اية: حماية، رعاية)."""
    key = key_form(token)
    return key.endswith(("ي", "يه", "يين", "يون")) and not key.endswith("ايه") and key not in _CHAIN_STOP


def institutions(words: Words, actors: list[Actor]) -> list[Actor]:
    """Institutions and groups the dictionaries do not list, read from their head noun
    (لجنة، مجلس، هيئة، حركة، جبهة، جماعة، تنظيم، تحالف، ائتلاف، اتحاد، منظمة، جمعية،
    رابطة): with the article, the head and the adjectives after it ("المجلس العسكري",
    "الجماعة", "التحالف"); without it, the construct chain up to its first definite
    genitive ("هيئة علماء المسلمين", "جبهة الخلاص الوطني", "اتحاد الشغل") or a quoted or
    unknown name ("جماعة بوكو حرام"). Each is one actor of kind ``org`` with the head's
    role, so the words of its name are no parties of their own."""
    taken = {j: a for a in actors for j in range(a.first, a.last + 1)}
    found: list[Actor] = []
    absorbed: set[int] = set()
    i = 0
    while i < len(words.keys):
        listed = taken.get(i)
        head = None if listed is not None and listed.last > i else _institution_head(words.keys[i])
        if head is None:
            i += 1
            continue
        code, offset = head
        last = _institution_end(words, (i, offset), taken, norm_token(words.keys[i][offset:]) in _EVERYDAY_HEADS)
        if last is None or (last == i and listed is not None):
            i += 1
            continue
        start = words.spans[i][0] + offset
        found.append(Actor(start, words.spans[last][1], i, last, code, "org", words.text[start : words.spans[last][1]]))
        absorbed |= {id(taken[j]) for j in range(i, last + 1) if j in taken}
        i = last + 1
    if not found:
        return actors
    return sorted([a for a in actors if id(a) not in absorbed] + found, key=lambda a: a.start)


def _institution_head(token: str) -> tuple[str, int] | None:
    """The role and clitic length of an institution's head noun, if ``token`` is one."""
    for form, offset in candidates(token).items():
        if form in _INSTITUTIONS and norm_token(key_form(token)[offset:]) == form:
            return _INSTITUTIONS[form], offset
    return None


def _institution_end(words: Words, head: tuple[int, int], taken: dict[int, Actor], everyday: bool) -> int | None:
    """The last token of the institution headed at ``head`` (token index, clitic length),
    or None. Listed actors inside are part of its name (the genitive "المسلمين" of "هيئة
    علماء المسلمين")."""
    keys = words.keys
    i, offset = head
    key = key_form(keys[i])
    if norm_token(key[offset:]) in _ADJECTIVE_HEADS and i > 0 and key_form(keys[i - 1]).endswith("ه"):
        return None  # "حملة منظمة", "الجريمة المنظمة": organised, an adjective
    if key[offset:].startswith("ال") or key[:offset].endswith(("ال", "لل")):
        last = _adjectives(words, i, taken, everyday)
        return None if everyday and last == i else last
    if i + 1 < len(keys) and keys[i + 1] == '"':
        close = next((j for j in range(i + 2, min(len(keys), i + 7)) if keys[j] == '"'), None)
        return close - 1 if close is not None and close > i + 2 else None
    described = _indefinite_adjectives(words, i, taken, everyday)
    if described > i:
        return described  # "جمعيات حقوقية", "جماعة مسلحة", "حركة متمردة"
    if everyday:
        # "حركة الشباب الصومالية": a nationality marks the group, "حركة المرور" has none.
        last = _institution_end(words, head, taken, False)
        after = taken.get(last + 1) if last is not None else None
        return last if after is not None and after.kind == "adj" and is_article(keys[last]) else None
    for j in range(i + 1, min(len(keys), i + 4)):
        word = key_form(keys[j])
        if not is_word(word) or word.isdigit() or word in _CHAIN_STOP or word.startswith(_GOVERNED):
            break
        if not is_article(word) and (len(word) <= 3 or word[:1] == "ي"):
            break  # "حملة منظمة تقوم بها": a verb or a particle is no genitive
        if norm_token(word) in _NOT_GENITIVES:
            return None
        owner = taken.get(j)
        if is_article(word):
            if owner is not None and owner.first != j:
                return None
            return _adjectives(words, owner.last if owner is not None else j, taken, False)
        if owner is not None:
            break
    named = _INSTITUTIONS[norm_token(key[offset:])] == "REB" and i + 1 < len(keys) and is_name(words, i + 1, set(taken))
    return i + 1 if named and not is_article(keys[i + 1]) else None


def _adjectives(words: Words, last: int, taken: dict[int, Actor], everyday: bool) -> int:
    """The last of the definite adjectives after token ``last`` (relational ones in ي, or
    for an everyday head only the listed group adjectives); a listed actor other than a
    one-word role adjective (العسكري) ends them: a nationality completes the name later
    (``compose``)."""
    j = last + 1
    while j < len(words.keys) and is_article(words.keys[j]) and _free_or_role(taken.get(j), j):
        if everyday and norm_token(words.keys[j]) not in _GROUP_ADJECTIVES:
            break
        if not everyday and not nisba(words.keys[j]) and norm_token(words.keys[j]) not in _GROUP_ADJECTIVES:
            break
        j += 1
    return j - 1


def _indefinite_adjectives(words: Words, i: int, taken: dict[int, Actor], everyday: bool) -> int:
    """The last of the indefinite adjectives right after an indefinite head (relational
    ones in ي or the group adjectives; for an everyday head only the latter), agreeing in
    gender: a head in ة or a plural in ات takes adjectives in ة ("جمعيات حقوقية"), so a
    verbal noun in ي after it is its genitive ("لجنة تفادي التعذيب")."""
    feminine = key_form(words.keys[i]).endswith(("ه", "ات"))
    j = i + 1
    while j < len(words.keys) and j not in taken and not is_article(words.keys[j]):
        form, key = norm_token(words.keys[j]), key_form(words.keys[j])
        if key.endswith("ه") != feminine:
            break
        if form not in _GROUP_ADJECTIVES and (everyday or not nisba(words.keys[j]) or len(form) < 4):
            break
        j += 1
    return j - 1


def _free_or_role(actor: Actor | None, j: int) -> bool:
    """Token ``j`` is outside any listed actor, or is a one-word role noun (MIL العسكري)."""
    return actor is None or (actor.first == actor.last == j and actor.kind == "agent" and not actor.country)
