"""Actor phrases news builds from several words, each one party: a role noun completed by a
nationality or institution ("وزير الدفاع الروسي"), a titled actor and the name learnt for
it, a noun and its role adjective ("مسلحون مجهولون"), and members of an institution in
the construct state ("عناصر الشرطة")."""

from __future__ import annotations

from tasks.actors import (
    Actor,
    Words,
    country_codes,
    country_of,
    has_pronoun,
    is_article,
    lexicon,
    norm_token,
)
from tasks.actors_institutions import nisba
from tasks.normalize import key_form
from tasks.schema import Language

_MAX_GAP = 4
# Tokens allowed between a role noun and the nationality or institution that completes it.
# Words spelt with a leading ال that are no definite nouns: relatives, إلى (key form
# الي: "وزير الدفاع إلى جمهورية مصر" is a minister going to Egypt), الآن "now".
_BRIDGE_STOP = frozenset(["الذي", "التي", "الذين", "الي", "الان"])


def compose(words: Words, actors: list[Actor]) -> list[Actor]:
    """Join a role noun with the nationality or institution that completes it.

    Up to ``_MAX_GAP`` words may sit between them (وزير الدفاع الروسي, المتحدث باسم مجلس
    الأمن القومي الأميركي); role-only actors in the gap are absorbed. A ``و`` on the
    country word means a new conjunct (الجيش وروسيا), not a modifier, and a ``ب`` or ``ل``
    a place (``_to_a_place``).
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
                and not has_pronoun(words.keys[actor.last])
                and ((_nationality(nxt) and end == k + 1) or not _inflected(words.keys[actor.last]))
                and not any(_after_closed_chain(words, actor, later) for later in actors[k + 1 : end + 1])
                and nxt.country
                and nxt.first - actor.last <= _MAX_GAP + 1
                and all(_bridge(words, j) for j in range(actor.last + 1, nxt.first))
                and _may_head_chain(
                    words, actor, end > k + 1 or nxt.kind in ("title", "agent"), range(actor.last + 1, nxt.first)
                )
                and not words.keys[nxt.first].startswith("و")
                and not _to_a_place(words, nxt)
                and not _object_country(words, actor, nxt)
                and not _closed_name(words, actor, range(actor.last + 1, nxt.first))
            ):
                code = nxt.code if len(nxt.code) > 3 else nxt.code + actor.code
                named = actor.kind == "title" and nxt.kind in ("adj", "country")
                out.append(Actor(actor.start, nxt.end, actor.first, nxt.last, code, actor.kind, "", named))
                k = end + 1
                continue
        owner = actors[k + 1] if k + 1 < len(actors) else None
        # "المتحدث باسم الشرطة" speaks for the body named after باسم; "الأمين العام لمجلس
        # التعاون" is the council's officer: one actor, with the body's code.
        spokesman = key_form(words.keys[actor.last]) == "باسم" and owner and owner.first == actor.last + 1
        if owner is not None and ((spokesman and not owner.country) or _office_of(words, actor, owner)):
            out.append(Actor(actor.start, owner.end, actor.first, owner.last, owner.code, actor.kind, "", False))
            k += 2
            continue
        out.append(actor)
        k += 1
    return out


# Last words of office titles the dictionaries list as whole actors (الأمين العام، المدير
# العام، الرئيس التنفيذي، المتحدث الرسمي، المندوب الدائم).
_OFFICE_ENDS = frozenset(key_form(w) for w in ("العام", "التنفيذي", "الرسمي", "الدائم", "المساعد"))


def _office_of(words: Words, title: Actor, owner: Actor) -> bool:
    """A definite title right before a body glued to ل is that body's officer ("الأمين العام
    للأمم المتحدة", "الأمين العام لرابطة العالم الإسلامي"); not before a country or a town,
    which a title with ل is sent to ("المبعوث الأممي لليمن")."""
    if owner.first != title.last + 1 or owner.country:
        return False
    if title.kind != "title" and key_form(words.keys[title.last]) not in _OFFICE_ENDS:
        return False
    if owner.kind in ("city", "country", "adj") or not is_article(words.keys[title.last]):
        return False
    glued = key_form(words.keys[owner.first])[: owner.start - words.spans[owner.first][0]]
    return glued in ("ل", "لل")


def _to_a_place(words: Words, nxt: Actor) -> bool:
    """A country word with a glued ب is a place or an instrument (سيارة مفخخة بأفغانستان:
    the car bomb is not Afghan), and a town or country with a glued ل (no article) a
    destination ("اجتياح الميليشيات لصنعاء": the militias are not Sanaa's)."""
    glued = key_form(words.keys[nxt.first])[: nxt.start - words.spans[nxt.first][0]]
    place = nxt.kind in ("country", "city") or (nxt.kind == "actor" and nxt.first == nxt.last)
    return "ب" in glued or (place and glued[-1:] == "ل")


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


def _closed_name(words: Words, actor: Actor, gap: range) -> bool:
    """A name of several words ending in a definite one (جامعة الدول العربية) is complete:
    a definite noun after it opens a new phrase, whose adjective is its own ("استنكرت
    جامعة الدول العربية القصف التركي": the shelling is Turkish, not the League). Only
    adjectives in ي, ية (رئيس هيئة الأركان العامة الإيراني), nouns joined by و that share
    the adjective, and باسم may still follow."""
    if actor.first == actor.last or not is_article(words.keys[actor.last]):
        return False
    shared = ("باسم", "وال")  # باسم opens a genitive; "الجيش الوطني والمقاومة الشعبية اليمنية"
    return any(not key_form(words.keys[j]).startswith(shared) and not nisba(words.keys[j]) for j in gap)


def _object_country(words: Words, actor: Actor, nxt: Actor) -> bool:
    """A country or town name right after a definite role noun, unless a glued ل makes it the
    owner ("الجناح العسكري لحركة حماس"): a definite noun takes no genitive, so the name
    is a new phrase, the verb's object in "انتقد الرئيس إسرائيل", "زار الوزير الهند". A
    one-word actor with a country code spelt with the article is the plural nationality
    adjective ("الجنود الأفغان"), which does describe the noun."""
    place = nxt.kind in ("country", "city") or (nxt.first == nxt.last and nxt.code in country_codes())
    place = place or (nxt.first < nxt.last and _indefinite_role(words.keys[nxt.first]))
    adjacent = nxt.first == actor.last + 1 and key_form(words.keys[actor.last]) != "باسم"
    if not place or not adjacent or not is_article(words.keys[actor.first]):
        return False
    glued = key_form(words.keys[nxt.first])[: nxt.start - words.spans[nxt.first][0]]
    return "ل" not in glued and (nxt.kind == "country" or not is_article(words.keys[nxt.first]))


def _indefinite_role(token: str) -> bool:
    """A role noun without the article (جنديين، مسلحون): after a definite noun it opens
    the next phrase, since an adjective of the definite noun would carry the article."""
    hit = lexicon(Language.ARABIC).match([token], 0)
    return not is_article(token) and hit is not None and hit[0].kind == "agent"


def _after_closed_chain(words: Words, head: Actor, later: Actor) -> bool:
    """Whether ``later`` stands after a construct chain its definite genitive has closed,
    as a new phrase: an article-less head takes nouns up to the first definite one (لجنة
    حقوق الإنسان, قائد الشرطة), then only adjectives. In "انتقدت لجنة حقوق الإنسان
    الحكومة المصرية" or "هاجم مسلحو الحركة الجنود الأمريكيين" the next definite noun is
    the verb's object, and its nationality is the object's. A nationality adjective or a
    role adjective in ي (العسكرية, الانتحاري) still describes the chain; باسم opens a new
    genitive (المتحدث باسم الكرملين), and a listed name right after a title is its
    holder's (وزير الخارجية عبد الله غل)."""
    if is_article(words.keys[head.first]) or later.kind == "adj" or nisba(words.keys[later.first]):
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
        if prev is not None and _described(words, prev, actor):
            # "جماعة بوكو حرام المتطرفة", "تنظيم داعش الإرهابي": the group, described.
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
    if has_pronoun(words.keys[head.last]):
        return False  # "هاجمت حكومته المتظاهرين": a possessed noun governs no genitive
    for own in ("ان", "ا"):  # طيران التحالف, ميليشيا الحوثي: the word's own ending, no dual or tanwin
        if last.endswith(own) and norm_token(last[: -len(own)]) not in lexicon(Language.ARABIC).root:
            return not last.startswith(("ال", "وال"))
    return not last.startswith(("ال", "وال")) and not last.endswith(("ون", "ين", "ان", "ا"))


_ARMED_DESCRIPTIONS = frozenset(["RAD", "UAF"])


def _described(words: Words, head: Actor, adjective: Actor) -> bool:
    """A definite one-word armed description (المتطرفة، الإرهابي، المسلحة) right after a
    definite or named group of several words, agreeing with its head noun in gender and
    number, describes that group; one that does not agree is another party ("قتل الجيش
    الإرهابيين": the army killed the terrorists)."""
    if adjective.first != head.last + 1 or adjective.first != adjective.last or head.first == head.last:
        return False
    if adjective.code not in _ARMED_DESCRIPTIONS:
        return False
    adj = key_form(words.keys[adjective.first])
    if not adj.startswith("ال") or adjective.start != words.spans[adjective.first][0]:
        return False
    noun = key_form(words.keys[head.first])
    if adj.endswith(("ين", "ون")):
        return noun.endswith(adj[-2:])
    if adj.endswith("ه"):
        return noun.endswith(("ه", "ات"))
    return not noun.endswith(("ه", "ات", "ين", "ون"))


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
