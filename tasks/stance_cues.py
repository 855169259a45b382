"""Cue finding for stance tagging: CAMEO verbs (read through the stemmer of
``tasks.stance_lexicon``), noun and phrase cues, and the small word lists the clause rules
share.

Kept apart from role assignment (``tasks.stance_roles``) so that each concern stays small:
this module answers "is there an event here, and which code", the other "who did it to whom".
"""

from __future__ import annotations

from dataclasses import dataclass

from tasks.actors import Words, candidates, key_set, norm_set, norm_token, word_set
from tasks.caches import context_cache, word_cache
from tasks.normalize import key_form
from tasks.stance_lexicon import PRONOUNS, Lexicons, strip_conj, verb_lemma, verb_lemma_en

SPEECH_AR = word_set("قال اكد اعرب ذكر اشار نقل صرح اعلن اوضح اضاف تحدث ابدي شدد")
SPEECH_EN = word_set("said says say told stated added noted according")
NEGATORS = word_set("لم لن لا ليس ليست ما عدم غير")
# "لا يزال، ما زالت": still, not a negation; nor are "did not stop, cease, hesitate" ("لم
# تتوقف عن تعذيب المحتجزين", "لم يتردد في مهاجمة"), which say the act goes on.
STILL = word_set(
    "زال يزال تزال زالت يزالون تزالان برح توقف يتوقف تتوقف يتوقفوا يتوقفون يكف تكف يكفوا "
    "يتوان تتوان يتواني تتواني يتردد تتردد يترددوا ينقطع تنقطع"
)
CLAUSE_BREAK = frozenset(["ان", "بينما", "لكن", "حيث", "،", ",", ";", "؛", ":", "that", "while", "but", "whereas"]) | (
    # Subordinators open a clause with a subject of its own: "قتل ستة من رجال الشرطة عندما
    # هاجم مسلحون مركزا" (the gunmen attacked, not the police).
    word_set("عندما حينما بعدما")
)
# Verbs coded by their object (see ``_object_code``): object word (match form) → code.
_OBJECT_CODED: dict[str, tuple[tuple[str, str], ...]] = {
    "اطلق": tuple(
        [(norm_token("سراح"), "0841"), (norm_token("الغاز"), "175")]
        + [
            (norm_token(w), "190")
            for w in word_set("النار النيران الرصاص صواريخ صاروخ قذائف قذيفة قنابل قنبلة عيارات طلقات الرصاصات")
        ]
    ),
    "قطع": tuple((norm_token(w), "144") for w in word_set("الطريق الطرق طريق الشوارع")),
    "اغلق": tuple((norm_token(w), "144") for w in word_set("الطريق الطرق طريق الشوارع المداخل")),
    "فرق": tuple(
        (norm_token(w), "175")
        for w in word_set("متظاهر متظاهرين محتج محتجين مظاهرة تظاهرة حشود معتصمين اعتصام مسيرة تجمع")
    ),
    "فتح": tuple((norm_token(w), "190") for w in word_set("النار النيران")),
    "القي": tuple(
        [(norm_token("القبض"), "173")]
        + [(norm_token(w), "190") for w in word_set("قنبلة قنابل المتفجرات متفجرات عبوة عبوات")]
    ),
}
_COMBATING = norm_set("مكافحة منع")
_DAYS = key_set("امس أمس اليوم الغد يوم أول السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة")


@dataclass
class Hit:
    """A cue found in the text, before roles are assigned."""

    first: int
    last: int
    code: str
    layout: str
    verb: bool
    imperfect: bool = False
    english: bool = False
    lemma: str = ""
    participle: bool = False
    # Set by the role rules when a violent verb is read as passive, so that a verb joined
    # to it by و shares that reading ("قتل 28 متطوعا وجرح 55 شخصا").
    passive: bool = False


def find_cues(words: Words, lo: int, hi: int, lex: Lexicons, english: bool) -> list[Hit]:
    hits: list[Hit] = []
    i = lo
    while i < hi:
        phrase = lex.cues.match(words.keys, i, hi)
        if phrase and i > lo and any(c in _COMBATING for c in candidates(words.keys[i - 1])):
            phrase = None  # "شرطة مكافحة الشغب", "منع التظاهر": combated or banned, not held
        if phrase and phrase[0].words in _PATHS and not _marching_context(words, i, lo, hi):
            phrase = None  # "قائد المسيرة", "مسيرة البناء": a course, no march
        verb_like = phrase and phrase[0].kind == "hd" and len(phrase[0].words) == 1
        if phrase and not (
            verb_like and _verb_spelling(words.keys[i], phrase[0].code, lex) and not _after_prep(words, i, lo)
        ):
            entry, _, last = phrase
            hits.append(Hit(i, last, entry.code, entry.kind, verb=False, english=english))
            i = last + 1
            continue
        word = words.keys[i]
        if english:
            lemma = verb_lemma_en(word, lex.verbs)
            found = (lemma, False) if lemma and word.lower() not in SPEECH_EN else None
        else:
            found = verb_lemma(word, lex.lemmas)
            lemma = found[0] if found else ""
            if found and (lemma in SPEECH_AR or _dawn(words, i, hi) or _graduated(words, i, hi, lemma)):
                found = None
            if found and _casualties(word, lemma):
                found = None
        code = lex.verbs[found[0]] if found else None
        if found is None and not english:
            lemma = _participle(word, lex.verbs)
            if lemma is not None:
                hits.append(Hit(i, i, lex.verbs[lemma], "hd", verb=False, lemma=lemma, participle=True))
                i += 1
                continue
        if found and found[0] in _OBJECT_CODED:
            code = _object_code(words, i, hi, found[0])
        if found and code:
            # After a preposition the verb's spelling is its verbal noun: "أسفر عن إصابته".
            verb = english or not (_after_prep(words, i, lo) and bare(words, i - 1) != "من")
            hits.append(Hit(i, i, code, "hd", verb=verb, imperfect=found[1], english=english, lemma=found[0]))
        i += 1
    return hits


# Cue nouns that are also a course or a career (مسيرة "march" and "path"), and the words
# around a march that make it a protest: how it is held, where it goes, what it is for.
_PATHS = frozenset([(norm_token("مسيرة"),), (norm_token("مسيرات"),)])
_MARCH_CONTEXT = norm_set(
    "احتجاجية احتجاجيه حاشدة سلمية منددة غاضبة ضد احتجاجا تنديدا للمطالبة للتنديد باتجاه نحو امام أمام "
    "متظاهرين المتظاهرين المتظاهرون محتجين المحتجين المحتجون نظم نظمت نظموا شارك شاركوا خرج خرجوا انطلقت "
    "رافعين هاتفين رددوا مطالبين منددين"
)


def _marching_context(words: Words, i: int, lo: int, hi: int) -> bool:
    """Whether the march at ``i`` is a protest: a word of protest, crowd or direction within
    six words of it ("نظم العمال مسيرة باتجاه الوزارة", "مسيرة احتجاجية", "خرجوا في
    مسيرة ضد"); "قائد المسيرة" and "مسيرة التنمية" have none."""
    near = range(max(lo, i - 6), min(hi, i + 7))
    return any(norm_token(strip_conj(key_form(words.keys[j]))[-1]) in _MARCH_CONTEXT for j in near if j != i)


# Prepositions, and the nouns used as ones that take a genitive ("جراء قصف", "إثر هجوم",
# "عقب اغتيال": due to, after, following the shelling).
_PREP_WORDS = key_set("على علي في من إلى الى عن ضد حول بعد قبل خلال عبر بسبب جراء إثر عقب أثناء نتيجة بفعل وسط")


def _after_prep(words: Words, i: int, lo: int) -> bool:
    """A word right after a preposition is a noun: "احتجوا على هدم منازلهم" (the
    demolition), not the verb هدم (من is left to the caller: "من هاجم" is "whoever
    attacked")."""
    return i > lo and bare(words, i - 1) in _PREP_WORDS


_CASUALTY_LEMMAS = frozenset(["قتل", "جرح", "اسر"])


def _casualties(token: str, lemma: str) -> bool:
    """قتلاهم، جرحاها، أسراهم are "their dead, wounded, captives" (قتلى + a pronoun), not a
    dual verb with an object ("the two killed them"), which news hardly writes."""
    key = strip_conj(key_form(token))[-1]
    return lemma in _CASUALTY_LEMMAS and any(key == lemma + "ا" + p for p in PRONOUNS)


def _dawn(words: Words, i: int, hi: int) -> bool:
    """فجر before a day word is "dawn" ("فجر امس", "فجر الأحد", "فجر أول من أمس"), not the
    verb "blew up"."""
    return strip_conj(key_form(words.keys[i]))[-1] == "فجر" and i + 1 < hi and key_form(words.keys[i + 1]) in _DAYS


_STUDY_PLACES = norm_set("جامعة جامعات كلية كليات معهد معاهد اكاديمية أكاديمية مدرسة مدارس دراسة الدراسة")


def _graduated(words: Words, i: int, hi: int, lemma: str) -> bool:
    """تخرّج "graduated" spelt like تَخرج "goes out": تخرج (تخرجت، تخرجوا) from or in a
    university, college, school or one's studies ("تخرج من جامعة القاهرة", "تخرجت في كلية
    الطب", "شاب تخرج من الدراسة") is no crowd going out to protest. The subject may stand
    between ("تخرج الفنان رضوان الجبر من كلية الفنون")."""
    if lemma != "خرج" or strip_conj(key_form(words.keys[i]))[-1][:1] != "ت":
        return False
    for j in range(i + 1, min(hi, i + 7)):
        if is_break(words, j, CLAUSE_BREAK):
            return False
        if bare(words, j) in ("من", "في") and j + 1 < hi:
            return any(c in _STUDY_PLACES for c in candidates(words.keys[j + 1]))
    return False


def verbal(code: str) -> bool:
    """Codes for what an actor says (CAMEO 01–05 and 09–13: comment, appeal, intend,
    consult, endorse, investigate, demand, disapprove, reject, threaten)."""
    return code[:2] in ("01", "02", "03", "04", "05", "09", "10", "11", "12", "13")


@word_cache
def _participle_forms(token: str) -> tuple[str, ...]:
    """Verb lemmas an indefinite accusative active participle may stand for: مطالبين،
    منددا (forms II, III: drop the م), منتقدين، مستنكرين (forms VIII, X: م → ا), رافضين
    (form I فاعل: drop the ا). Only the ين and ا endings of a circumstantial participle
    ("خرجوا مطالبين"), never the bare or definite noun (مطالب "demands", المنتقدين)."""
    key = strip_conj(key_form(token))[-1]
    if key.startswith("ال"):
        return ()
    body = key[:-2] if key.endswith("ين") else key[:-1] if key.endswith("ا") else ""
    if len(body) < 4:
        return ()
    if body[0] == "م":
        return (body[1:], "ا" + body[1:])
    return (body[0] + body[2:],) if body[1] == "ا" and len(body) == 4 else ()


def _participle(token: str, verbs: dict[str, str]) -> str | None:
    """The verb of a circumstantial participle that is a verbal cue (demand, condemn,
    reject): "خرج المتظاهرون مطالبين برحيل الحكومة" is the protesters' demand. Material
    acts are left out: مهاجم، مقاتل، متظاهر are role nouns."""
    return next((f for f in _participle_forms(token) if f in verbs and verbal(verbs[f])), None)


def _object_code(words: Words, i: int, hi: int, lemma: str) -> str | None:
    """The code of a verb whose meaning is set by its object: أطلق النار/صواريخ is force
    (190), أطلق سراح a release (0841), أطلق حملة/مبادرة/قمرا no event at all; قطع الطريق
    and أغلق الطرق are a blockade (144), فتح النار force, ألقى القبض an arrest (173),
    ألقى قنبلة force, فرّق المتظاهرين repression (175), and قطع العلاقات, أغلق الملف,
    فتح تحقيقا, ألقى كلمة, فرق العمل (teams) are none of these. The object is looked for
    in the next six words (the subject may stand between: أطلق الجيش النار; أطلقت الشرطة
    الغاز المسيل للدموع is repression, 175)."""
    for j in range(i + 1, min(hi, i + 7)):
        forms = candidates(words.keys[j])
        for word, code in _OBJECT_CODED[lemma]:
            if word in forms:
                return code
        if is_break(words, j, CLAUSE_BREAK):
            break
    return None


def _verb_spelling(token: str, code: str, lex: Lexicons) -> bool:
    """A one-word noun cue written exactly as a verb of the same event family: "تظاهر" is
    the verb (تظاهرة is the noun, its ta marbuta gone in match form), and a verb cue knows
    its subject may follow it. Words with the article or a preposition stay nouns, and
    reciprocal cues (تبادل) keep their layout."""
    key = key_form(token)
    if key.startswith(("ال", "وال", "بال", "لل")) or key[:1] in "بل" or key.endswith("ه"):
        return False
    found = verb_lemma(token, lex.lemmas)
    return found is not None and lex.verbs[found[0]][:2] == code[:2]


def bare(words: Words, i: int) -> str:
    """A word without a leading conjunction, for function-word checks."""
    return _bare(words.keys[i])


@context_cache
def _bare(token: str) -> str:
    """``bare`` per word: the role rules ask it of the same few words many times."""
    key = key_form(token).lower()
    return key[1:] if key[:1] in "وف" and len(key) > 2 and (key[1:] in NEGATORS or key[1:] in CLAUSE_BREAK) else key


def is_break(words: Words, i: int, breaks: frozenset[str]) -> bool:
    return _is_break(words.keys[i], breaks)


@context_cache
def _is_break(token: str, breaks: frozenset[str]) -> bool:
    """``is_break`` per word and break list (a handful of lists, cached like ``_bare``). A
    break reached by peeling only the article is no break: الآن "now" is not ال + أن."""
    if _bare(token) in breaks:
        return True
    key = key_form(token)
    forms = [norm_token(token), *candidates(token)]
    return any(c in breaks and key != "ال" + c for c in forms)
