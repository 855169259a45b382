"""Actor phrases news builds from several words, each one party: a role noun completed by a
nationality or institution ("وزير الدفاع الروسي"), a titled actor and the name learnt for
it, a noun and its role adjective ("مسلحون مجهولون"), and members of an institution in
the construct state ("عناصر الشرطة")."""

from __future__ import annotations

from tasks.actors import (
    Actor,
    Words,
    candidates,
    country_codes,
    country_of,
    is_article,
    is_word,
    lexicon,
    norm_token,
    word_set,
)
from tasks.actors_names import is_name
from tasks.normalize import key_form
from tasks.schema import Language

_MAX_GAP = 4
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
_EVERYDAY_HEADS = frozenset(norm_token(w) for w in word_set("حركة تنظيم حركات تنظيمات"))
_GROUP_ADJECTIVES = frozenset(
    norm_token(w)
    for w in word_set("الإسلامية الاسلامية المسلحة المتمردة المتشددة المتطرفة الإرهابي الارهابي الانفصالية الجهادية")
)
# Genitives that make the head a place or a thing: the battle front, the wind's movement.
_NOT_GENITIVES = frozenset(norm_token(w) for w in word_set("القتال الحرب المعارك المواجهة الرياح"))
# Words that end a construct chain: prepositions, particles, relatives; and a conjunction or
# preposition glued to the article starts a new phrase.
_CHAIN_STOP = frozenset(
    key_form(w)
    for w in word_set("في من على علي الى إلى عن مع ان أن قد لم لن لا ما بين بعد قبل خلال حيث كما الذي التي الذين")
)
_GOVERNED = ("وال", "بال", "لل", "فال", "كال")
# Heads spelt like an adjective (منظمة "organised"): after a feminine noun they describe it.
_ADJECTIVE_HEADS = frozenset([norm_token("منظمة")])
# Tokens allowed between a role noun and the nationality or institution that completes it.
_BRIDGE_STOP = frozenset(["الذي", "التي", "الذين"])


def compose(words: Words, actors: list[Actor]) -> list[Actor]:
    """Join a role noun with the nationality or institution that completes it.

    Up to ``_MAX_GAP`` words may sit between them (وزير الدفاع الروسي, المتحدث باسم مجلس
    الأمن القومي الأميركي); role-only actors in the gap are absorbed. A ``و`` on the
    country word means a new conjunct (الجيش وروسيا), not a modifier, and a ``ب`` a place
    or an instrument (سيارة مفخخة بأفغانستان: the car bomb is not Afghan).
    """
    out: list[Actor] = []
    k = 0
    while k < len(actors):
        actor = actors[k]
        end = k + 1
        if actor.kind != "alias" and country_of(actor.code) is None:
            while end < len(actors) and actors[end].first - actor.last <= _MAX_GAP + 1 and not actors[end].country:
                end += 1
            nxt = actors[end] if end < len(actors) else None
            if (
                nxt is not None
                and not _possessed(words.keys[actor.last])
                and ((_nationality(nxt) and end == k + 1) or not _inflected(words.keys[actor.last]))
                and not any(_after_closed_chain(words, actor, later) for later in actors[k + 1 : end + 1])
                and nxt.country
                and nxt.first - actor.last <= _MAX_GAP + 1
                and all(_bridge(words, j) for j in range(actor.last + 1, nxt.first))
                and _may_head_chain(
                    words, actor, end > k + 1 or nxt.kind in ("title", "agent"), range(actor.last + 1, nxt.first)
                )
                and not words.keys[nxt.first].startswith("و")
                and "ب" not in key_form(words.keys[nxt.first])[: nxt.start - words.spans[nxt.first][0]]
            ):
                code = nxt.code if len(nxt.code) > 3 else nxt.code + actor.code
                named = actor.kind == "title" and nxt.kind in ("adj", "country")
                out.append(Actor(actor.start, nxt.end, actor.first, nxt.last, code, actor.kind, "", named))
                k = end + 1
                continue
        owner = actors[k + 1] if k + 1 < len(actors) else None
        if key_form(words.keys[actor.last]) == "باسم" and owner and owner.first == actor.last + 1 and not owner.country:
            # "المتحدث باسم الشرطة": the spokesman speaks for the body named after باسم.
            out.append(Actor(actor.start, owner.end, actor.first, owner.last, owner.code, actor.kind, "", False))
            k += 2
            continue
        out.append(actor)
        k += 1
    return out


def _may_head_chain(words: Words, actor: Actor, absorbs: bool, gap: range) -> bool:
    """Whether a role noun reaches a country word across the words between them. A noun
    without the article heads a construct chain of any nouns (وزير الدفاع الروسي, رجال
    الأمن المركزي المصري). A definite one only takes adjectives that agree with it (القوات
    الخاصة العراقية, الجيش الوطني الأفغاني; after a plural in ون/ين, adjectives in ون/ين),
    a noun joined by و that shares the adjective (الجيش والشعب الروسيين) or باسم, in
    the gap or ending the role noun (المتحدث باسم الخارجية الأميركية, المتحدث باسم مجلس
    الأمن القومي الأميركي): in "أحرق المتظاهرون العلم الأمريكي" the flag is
    the object, and "الطلاب السفير المصري" (``absorbs``: another role noun) are two
    parties."""
    if not is_article(words.keys[actor.first]) or "باسم" in {key_form(words.keys[j]) for j in (actor.last, *gap[:1])}:
        return True
    if absorbs:
        return False
    plural = key_form(words.keys[actor.last]).endswith(("ون", "ين"))
    endings = ("ون", "ين") if plural else ("ه", "ي", "ون", "ين")
    return all(key_form(words.keys[j]).endswith(endings) or key_form(words.keys[j]).startswith("وال") for j in gap)


def _after_closed_chain(words: Words, head: Actor, later: Actor) -> bool:
    """Whether ``later`` stands after a construct chain its definite genitive has closed,
    as a new phrase: an article-less head takes nouns up to the first definite one (لجنة
    حقوق الإنسان, قائد الشرطة), then only adjectives. In "انتقدت لجنة حقوق الإنسان
    الحكومة المصرية" or "هاجم مسلحو الحركة الجنود الأمريكيين" the next definite noun is
    the verb's object, and its nationality is the object's. A nationality adjective or a
    role adjective in ي (العسكرية, الانتحاري) still describes the chain; باسم opens a new
    genitive (المتحدث باسم الكرملين), and a listed name right after a title is its
    holder's (وزير الخارجية عبد الله غل)."""
    if is_article(words.keys[head.first]) or later.kind == "adj" or _nisba(words.keys[later.first]):
        return False
    name = later.kind == "actor" and not is_article(words.keys[later.first])
    if head.kind == "title" and later.first == head.last + 1 and name:
        return False
    opening = max((j for j in range(head.first, later.first) if key_form(words.keys[j]) == "باسم"), default=head.first)
    return any(is_article(words.keys[j]) for j in range(opening + 1, later.first))


def _nationality(actor: Actor) -> bool:
    """A nationality adjective or a country word with a bare country code (سوريا، أفغان)."""
    return actor.kind in ("adj", "country") or (actor.first == actor.last and actor.code in country_codes())


def _inflected(token: str) -> bool:
    """An indefinite noun with a plural ن or a tanwin alif (مسلحون، جنودا، مهندسين): not in
    the construct state, so it takes adjectives ("جنودا أمريكيين", "مواطنا سوريا", where the
    adjective is spelt like the country) but no genitive: in "اختطف مسلحون مهندسا صينيا"
    the Chinese engineer is the object."""
    key = key_form(token)
    return not key.startswith("ال") and key.endswith(("ون", "ين", "ا"))


def _possessed(token: str) -> bool:
    """A noun with a possessive pronoun (رئيسها، قواته، جنودهم) is already definite: it takes
    no genitive, so "حذر رئيسها الولايات المتحدة" has the United States for object."""
    return token.endswith(("ها", "هم", "هما")) or (token.endswith("ه") and len(token) > 3)


def _nisba(token: str) -> bool:
    """A relational adjective by its ending: عسكري، العسكرية، الانتحاريين (not التي، إلى,
    nor the verbal nouns in اية: حماية، رعاية)."""
    key = key_form(token)
    return key.endswith(("ي", "يه", "يين", "يون")) and not key.endswith("ايه") and key not in _CHAIN_STOP


def _bridge(words: Words, j: int) -> bool:
    """A word that can sit inside a construct chain (وزير الدفاع, المتحدث باسم مجلس الأمن):
    a definite noun, باسم, or the noun باسم governs (مجلس). Verbs, prepositions and other
    bare nouns end the chain."""
    key = key_form(words.keys[j])
    after_name = j > 0 and key_form(words.keys[j - 1]) == "باسم"
    return (key.startswith(("ال", "لل", "وال")) or key == "باسم" or after_name) and key not in _BRIDGE_STOP


def merge_adjacent(actors: list[Actor], words: Words) -> list[Actor]:
    """A titled actor directly followed by its learnt name becomes one actor."""
    out: list[Actor] = []
    for actor in actors:
        prev = out[-1] if out else None
        if prev and actor.kind == "alias" and prev.last + 1 == actor.first and prev.country == actor.country:
            prev.end, prev.last = actor.end, actor.last
            continue
        if prev and prev.first <= actor.first <= prev.last:
            continue
        out.append(actor)
    return out


def join_roles(words: Words, actors: list[Actor]) -> list[Actor]:
    """Two role nouns side by side, both without the article and in the same case, are a
    noun and its adjective: "جنودا متمردين", "مفجر انتحاري", "مسلحون مجهولون" are one
    actor. Different case or number endings keep subject and object apart ("قتل مسلحون
    جنديا", "قتل عشرة مسلحين جنديا")."""
    out: list[Actor] = []
    for actor in actors:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.last + 1 == actor.first
            and prev.kind == actor.kind == "agent"
            and not prev.country
            and not actor.country
            and actor.start == words.spans[actor.first][0]
            and not key_form(words.keys[actor.first]).startswith(("ال", "و"))
            and not key_form(words.keys[prev.last]).startswith("ال")
            and _case(words.keys[prev.last]) == _case(words.keys[actor.first])
            and _agree_in_number(words.keys[prev.last], words.keys[actor.first])
        ):
            out[-1] = Actor(prev.start, actor.end, prev.first, actor.last, prev.code, prev.kind, "", prev.named)
            continue
        if prev is not None and _members_of(words, prev, actor):
            # "مسلحو الحركة", "عناصر الجبهة": members keep their own role in an unlisted group.
            code = prev.code if actor.kind == "org" else actor.code
            out[-1] = Actor(prev.start, actor.end, prev.first, actor.last, code, prev.kind, "", prev.named)
            continue
        out.append(actor)
    return out


def _members_of(words: Words, head: Actor, owner: Actor) -> bool:
    """A role noun in the construct state with a definite actor for genitive ("عناصر
    الشرطة", "مقاتلي القاعدة", "جنود الجيش الإسرائيلي") is one actor, the members of the
    genitive, with its code. The head has no article and none of the endings a construct
    noun drops (ون، ين، the dual's ان، tanwin ا; طيران keeps its own ان: "طيران التحالف");
    the genitive is not a nominative plural ("طالب المحتجون" is a verb and its subject)."""
    if head.last + 1 != owner.first or head.kind != "agent" or head.country or head.named:
        return False
    first, last = key_form(words.keys[owner.first]), key_form(words.keys[head.last])
    if owner.start != words.spans[owner.first][0] or not first.startswith("ال") or first.endswith("ون"):
        return False
    if last.endswith("ان") and norm_token(last[:-2]) not in lexicon(Language.ARABIC).root:
        return not last.startswith(("ال", "وال"))  # طيران التحالف: its own ان, no dual
    return not last.startswith(("ال", "وال")) and not last.endswith(("ون", "ين", "ان", "ا"))


def _agree_in_number(noun: str, adjective: str) -> bool:
    """A sound plural takes a plural adjective (مسلحون مجهولون): after "مسلحين" a singular
    "جنديا" is the verb's object ("قتل عشرة مسلحين جنديا"), not a description."""
    plural = ("ين", "ون")
    return not key_form(noun).endswith(plural) or key_form(adjective).endswith(plural)


def _case(token: str) -> str:
    """The case an indefinite plural or accusative ending shows: nominative (ون),
    accusative-genitive (ين, tanwin alif), or none."""
    key = key_form(token)
    if key.endswith("ون"):
        return "nom"
    return "acc" if key.endswith(("ين", "ا")) else ""


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
        last = _institution_end(words, i, taken, norm_token(words.keys[i][offset:]) in _EVERYDAY_HEADS)
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


def _institution_end(words: Words, i: int, taken: dict[int, Actor], everyday: bool) -> int | None:
    """The last token of the institution headed at ``i``, or None. Listed actors inside
    are part of its name (the genitive "المسلمين" of "هيئة علماء المسلمين")."""
    keys = words.keys
    key = key_form(keys[i])
    offset = _institution_head(keys[i])[1]  # type: ignore[index]
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
        last = _institution_end(words, i, taken, False)
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
        if not everyday and not _nisba(words.keys[j]) and norm_token(words.keys[j]) not in _GROUP_ADJECTIVES:
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
        if form not in _GROUP_ADJECTIVES and (everyday or not _nisba(words.keys[j]) or len(form) < 4):
            break
        j += 1
    return j - 1


def _free_or_role(actor: Actor | None, j: int) -> bool:
    """Token ``j`` is outside any listed actor, or is a one-word role noun (MIL العسكري)."""
    return actor is None or (actor.first == actor.last == j and actor.kind == "agent" and not actor.country)
