"""Actor phrases news builds from several words, each one party: a role noun completed by a
nationality or institution ("وزير الدفاع الروسي"), a titled actor and the name learnt for
it, a noun and its role adjective ("مسلحون مجهولون"), and members of an institution in
the construct state ("عناصر الشرطة")."""

from __future__ import annotations

from tasks.actors import Actor, Words, country_of, is_article
from tasks.normalize import key_form

_MAX_GAP = 4
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
        out.append(actor)
        k += 1
    return out


def _may_head_chain(words: Words, actor: Actor, absorbs: bool, gap: range) -> bool:
    """Whether a role noun reaches a country word across the words between them. A noun
    without the article heads a construct chain of any nouns (وزير الدفاع الروسي, رجال
    الأمن المركزي المصري). A definite one only takes adjectives that agree with it (القوات
    الخاصة العراقية, الجيش الوطني الأفغاني; after a plural in ون/ين, adjectives in ون/ين),
    a noun joined by و that shares the adjective (الجيش والشعب الروسيين) or باسم
    (المتحدث باسم الخارجية الأميركية): in "أحرق المتظاهرون العلم الأمريكي" the flag is
    the object, and "الطلاب السفير المصري" (``absorbs``: another role noun) are two
    parties."""
    if not is_article(words.keys[actor.first]) or (gap and key_form(words.keys[gap[0]]) == "باسم"):
        return True
    if absorbs:
        return False
    plural = key_form(words.keys[actor.last]).endswith(("ون", "ين"))
    endings = ("ون", "ين") if plural else ("ه", "ي", "ون", "ين")
    return all(key_form(words.keys[j]).endswith(endings) or key_form(words.keys[j]).startswith("وال") for j in gap)


def _bridge(words: Words, j: int) -> bool:
    """A word that can sit inside a construct chain (وزير الدفاع, المتحدث باسم مجلس الأمن):
    a definite noun or باسم. Verbs, prepositions and bare nouns end the chain."""
    key = key_form(words.keys[j])
    return (key.startswith(("ال", "لل", "وال")) or key == "باسم") and key not in _BRIDGE_STOP


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
    actor. Different case endings keep subject and object apart ("قتل مسلحون جنديا")."""
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
        ):
            out[-1] = Actor(prev.start, actor.end, prev.first, actor.last, prev.code, prev.kind, "", prev.named)
            continue
        if prev is not None and _members_of(words, prev, actor):
            out[-1] = Actor(prev.start, actor.end, prev.first, actor.last, actor.code, prev.kind, "", prev.named)
            continue
        out.append(actor)
    return out


def _members_of(words: Words, head: Actor, owner: Actor) -> bool:
    """A role noun in the construct state with a definite actor for genitive ("عناصر
    الشرطة", "مقاتلي القاعدة", "جنود الجيش الإسرائيلي") is one actor, the members of the
    genitive, with its code. The head has no article and none of the endings a construct
    noun drops (ون، ين، ان، tanwin ا); the genitive is not a nominative plural ("طالب
    المحتجون" is a verb and its subject)."""
    if head.last + 1 != owner.first or head.kind != "agent" or head.country:
        return False
    first, last = key_form(words.keys[owner.first]), key_form(words.keys[head.last])
    if owner.start != words.spans[owner.first][0] or not first.startswith("ال") or first.endswith("ون"):
        return False
    return not last.startswith(("ال", "وال")) and not last.endswith(("ون", "ين", "ان", "ا"))


def _case(token: str) -> str:
    """The case an indefinite plural or accusative ending shows: nominative (ون),
    accusative-genitive (ين, tanwin alif), or none."""
    key = key_form(token)
    if key.endswith("ون"):
        return "nom"
    return "acc" if key.endswith(("ين", "ا")) else ""
