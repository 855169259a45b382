"""Targets of protests (CAMEO 14x): whom a protest note handed over is addressed to, what a
protest that names no one is against (the state where it happens, the issue after احتجاجا
على, the party whose fall it demands), and what a crowd carries, which is shown, not
protested against.

Kept apart from who protests (``tasks.stance_protest``): the target rules
(``tasks.stance_targets``, ``tasks.stance_roles``) call these once the holder is known, and
they need only its crowd tests (``is_crowd``, ``is_supported``), not the holder rules.
"""

from __future__ import annotations

from tasks.actors import Actor, Words, candidates, country_codes, is_article, norm_token, word_set
from tasks.normalize import key_form
from tasks.stance_cues import CLAUSE_BREAK, Hit, bare, is_break
from tasks.stance_grammar import RELATIVES, match_set, same_party
from tasks.stance_lexicon import verb_lemma
from tasks.stance_places import is_locative
from tasks.stance_protest import is_crowd, is_supported


def protest_place(words: Words, hit: Hit, actors: list[Actor], holder: Actor, lo: int, hi: int) -> Actor | None:
    """The state a protest with no one named to receive it is aimed at: the place where it
    happens or whose project it opposes ("متظاهرون في البقاع اللبناني", "المحطة
    الفرنسية"), as event coders code an untargeted demonstration against the country's
    authorities. A country, town or nationality with no role of its own, nearest the cue;
    not one the protest stands with, nor one inside a quoted slogan ("لا لتخريب الجزائر"
    is what the banner says, not where it is carried), nor a plural nationality, which
    names people ("مصريين": Egyptians, not Egypt)."""
    quotes = [j for j in range(lo, hi) if words.keys[j] == '"']
    places = [
        a
        for a in actors
        if lo <= a.first < hi
        and a.code in country_codes()
        and not same_party(a, holder)
        and not is_supported(words, a)
        and sum(j < a.first for j in quotes) % 2 == 0
        and not (a.kind == "adj" and key_form(words.keys[a.last]).endswith(("ين", "ون")))
    ]
    return min(places, key=lambda a: abs(a.first - hit.first), default=None)


_HANDING = word_set("سلم قدم وجه ارسل بعث")


def recipient(words: Words, hit: Hit, actors: list[Actor], holder: Actor, clause: int) -> Actor | None:
    """The first object of a verb of handing whose second object is the noun cue: "سلم
    المتظاهرون السفير مذكرة احتجاج" (handed the ambassador a protest note) is addressed
    to the ambassador, who stands between the subject and the cue."""
    if hit.verb:
        return None
    for j in range(hit.first - 1, max(clause, hit.first - 8) - 1, -1):
        handing = verb_lemma(words.keys[j], _HANDING)
        if handing is not None and not handing[1]:  # past tense: أقدم is not "I present"
            between = [
                a
                for a in actors
                if j < a.first and a.last < hit.first and a is not holder and not is_locative(words, a)
            ]
            return between[-1] if between and not same_party(between[-1], holder) else None
    return None


_CARRIED = word_set("حمل ارتدي رفع")


def carried(words: Words, actor: Actor, lo: int) -> bool:
    """An actor named in what a crowd carries, wears or raises ("حملوا الأعلام المغربية",
    "يرتدون لباس معتقلي غوانتانامو", "رفعوا صور الرئيس"): a flag or a portrait is shown,
    not attacked or protested against."""
    for j in range(actor.first - 1, max(lo, actor.first - 3) - 1, -1):
        if verb_lemma(words.keys[j], _CARRIED) is not None:
            return True
    return False


# Words that introduce what a protest is against, and the preposition each takes.
_ISSUE_MARKERS = {norm_token(w): prep for w, prep in (("احتجاجا", "على"), ("للاحتجاج", "على"), ("تنديدا", "ب"),
                                                      ("رفضا", "ل"), ("ضد", ""))}  # fmt: skip


def protest_issue(words: Words, actors: list[Actor], lo: int, hi: int) -> Actor | None:
    """What a protest with no one named to receive it is against: the issue after احتجاجا
    على، تنديدا ب، رفضا ل، ضد ("احتجاجا على ارتفاع الرسوم": the rise of the fees), as a thing
    with no actor code, with its definite genitive. Annotators code such an issue as the
    target; it is never a holder."""
    for j in range(lo, hi - 1):
        prep = _ISSUE_MARKERS.get(norm_token(words.keys[j]))
        if prep is None:
            continue
        k, offset = j + 1, 0
        if prep == "على":
            if bare(words, k) not in ("على", "علي") or k + 1 >= hi:
                continue
            k += 1
        elif prep and key_form(words.keys[k]).startswith(prep) and len(words.keys[k]) > 3:
            offset = len(prep)
        if not words.keys[k][offset:].isalpha() or any(a.first <= k <= a.last for a in actors):
            continue
        last = k + 1 if k + 1 < hi and is_article(words.keys[k + 1]) and not is_article(words.keys[k]) else k
        start, end = words.spans[k][0] + offset, words.spans[last][1]
        return Actor(start, end, k, last, "", "thing", words.text[start:end])
    return None


# Demands for someone's fall: whose resignation, ouster, dismissal or trial a protest wants.
_OUSTING = match_set("استقالة رحيل إسقاط اسقاط إقالة اقالة محاكمة تنحي تنحية")


def ousted(words: Words, hit: Hit, actors: list[Actor], hi: int) -> Actor | None:
    """The party whose fall a protest demands, named right after the noun of resigning,
    leaving, overthrow or trial after the cue in its clause ("إضراب … للضغط في
    سبيل استقالة رئيس الوزراء", "مطالبين برحيل الحكومة"): the protest is against them,
    whoever else is named between. Not for a protest verb in a relative clause ("المحتجون
    الذين تجمعوا أمام البرلمان باستقالة الحكومة"): the demand is the main verb's."""
    if hit.code[:2] != "14" or (hit.first > 0 and key_form(words.keys[hit.first - 1]) in RELATIVES):
        return None
    for j in range(hit.last + 1, hi - 1):
        if is_break(words, j, CLAUSE_BREAK):
            return None
        if any(c in _OUSTING for c in candidates(words.keys[j])):
            actor = next((a for a in actors if a.first == j + 1), None)
            if actor is not None and not is_crowd(actor):
                return actor
    return None
