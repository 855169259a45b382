"""Mood of a material conflict cue: whether the attack or protest it names took place.

An attack or a protest that is only conditional ("إذا حاولت أميركا توجيه ضربة"), future
("ستتعرض لهجوم"), threatened, planned, wanted, demanded, feared or expected ("هددت
باستهداف", "يخططون لتنفيذ عمل إرهابي", "تحسبا لأي ضربة", "هجوم ألماني محتمل") or foiled
or prevented ("أحبطت محاولة اختطاف", "لمنع التظاهرات") is no event: the parties may be
right, but nothing was done yet. Such a record is kept neutral with the reason, as a
hedged or negated one is (``tasks.stance._polarity``), so an analyst still sees who
threatens whom. Verbal stances (demands, threats, criticism) are acts in themselves and
are not read here.
"""

from __future__ import annotations

from tasks.actors import Words, candidates, key_set, word_set
from tasks.normalize import key_form
from tasks.stance_cues import CLAUSE_BREAK, Hit, is_break
from tasks.stance_grammar import AIMING, is_masdar, match_set
from tasks.stance_lexicon import strip_conj, verb_lemma

# Conditional particles, and the particle of a yes/no question: a cue after one in its
# clause is a condition or a question, not a fact ("هل يقضى على إسرائيل بتسيير المظاهرات؟").
_CONDITIONALS = key_set("إذا اذا لو لولا هل")
# "في حال", "في حالة": in case; حالة only before what may happen ("في حالة تأهب" is a
# state of alert, no condition).
_CASE = key_set("حال")
_CASE_OF = key_set("حالة")
_SURPRISE = key_set("به بها بهم بهما هو هي هم هن")
_HAPPENING = key_set("ان أن لم ما عدم وقوع حدوث استمرار تعرض تعرضه تعرضها فشل")
# Words of stopping or condemning: an act under them is real ("طالبوا بوقف المداهمات").
_REAL = key_set("وقف ايقاف إيقاف انهاء إنهاء ادانة إدانة")

# Words that make the act they govern (within three words after them) one intended,
# threatened, expected, feared, prevented or about to happen (على وشك), in key form
# without conjunction or a glued ب/ل (بهدف → هدف is left out: هدف alone is also "a target").
_GOVERNORS = key_set(
    "هدد تهدد يهدد هددت هددوا يهددون تهديد التهديد تهديدات "
    "خطط يخطط تخطط خططت خططوا يخططون خطة خططا التخطيط تخطيط مخطط "
    "ينوي تنوي ينوون نوى نية يعتزم تعتزم اعتزم اعتزام عزم "
    "يسعى تسعى يسعون سعي "
    "يهدف تهدف يريد تريد يريدون أراد "
    "طالب يطالب طالبت طالبوا يطالبون مطالبة المطالبة "
    "توعد يتوعد تتوعد توعدت "
    "احتمال احتمالات امكانية إمكانية امكان إمكان يمكن ممكن "
    "تحسبا تحسب خشية يخشى تخشى خوفا مخاوف المخاوف تخوف تخوفا "
    "اتقاء تفادي ردع منع يمنع تمنع "
    "أحبط احبط أحبطت احبطت يحبط إحباط احباط "
    "توقع يتوقع تتوقع متوقع التوقعات توقعات وشك"
)
# Adjectives after an act that make it only possible or expected ("هجوم ألماني محتمل").
_POSSIBLE = key_set("محتمل محتملة المحتمل المحتملة مرتقب مرتقبة المرتقب المرتقبة وشيك وشيكة")
# Verbs through which a future tense reaches the act named after them ("ستتعرض لهجوم",
# "سيؤدي إلى مقتل", "ستشن هجوما").
_CARRIERS = word_set("ادي تعرض شن نفذ وجه تم قام بدا شهد اسفر")

MATERIAL = ("14", "17", "18", "19", "20")


def unreal(words: Words, hit: Hit, lo: int) -> str | None:
    """Why a material conflict cue (protest, coercion, assault, fight, mass violence) names
    no act that took place, if it does not: a conditional particle earlier in its clause, an
    imperfect verb after من "whoever" (a rule or a threat, not an event), a future tense on
    it or on the verb that carries it, a word of intent, threat, fear, expectation or
    prevention up to three words before it, or a word of possibility right after it (with
    its adjective)."""
    if hit.english or hit.code[:2] not in MATERIAL:
        return None
    for j in range(hit.first - 1, max(lo, hit.first - 10) - 1, -1):
        if is_break(words, j, CLAUSE_BREAK):
            break
        if _conditional(words, j, lo):
            return f"conditional or asked ('{words.keys[j]}')"
    if hit.verb and _future(words.keys[hit.first], hit.lemma):
        return f"future '{words.keys[hit.first]}'"
    if hit.verb and hit.imperfect and hit.first > lo and key_form(words.keys[hit.first - 1]) in _WHOEVER:
        return f"whoever ('{words.keys[hit.first - 1]} {words.keys[hit.first]}')"  # "ومن يقتل مؤمنا متعمدا"
    governed = not hit.verb or hit.imperfect  # a past-tense verb states a fact
    for j in range(hit.first - 1, max(lo, hit.first - 3) - 1, -1):
        key = _peeled(words.keys[j])
        if (
            is_break(words, j, CLAUSE_BREAK)
            or key in _REAL
            or (j < hit.first - 1 and key_form(words.keys[j + 1])[:1] == "و")
        ):
            break  # "خططت ونفذت تفجيرا": a verb joined by و has its own mood
        if (governed or j == hit.first - 1) and key in _GOVERNORS:  # "يمكن ضربها": a verbal noun
            return f"only intended, feared, prevented or imminent ('{words.keys[j]}')"
        if _future(words.keys[j], "") and verb_lemma(_without_conj(words.keys[j])[1:], _CARRIERS) is not None:
            return f"future '{words.keys[j]}'"
    aim = hit.first - 1 if hit.first > lo else None
    if not hit.verb and aim is not None and verb_lemma(words.keys[aim], AIMING) and is_masdar(words.keys[hit.first]):
        return f"only aimed at ('{words.keys[aim]}')"  # "كانت تستهدف تفجير مقر البرلمان"
    for j in range(hit.last + 1, min(len(words.keys), hit.last + 3)):
        if _peeled(words.keys[j]) in _POSSIBLE:
            return f"only possible ('{words.keys[j]}')"
    return f"purpose '{words.keys[hit.first]}'" if _purpose(words, hit, lo) else None


# What a ل after it marks as suffered, resulting, answered or condemned, not intended:
# تعرض للتعذيب، أدى لمقتل، نتيجة لقصف، التصدي لهجوم، ضحية لاعتداء، انتقاما لضربة، رفضا
# لقصف، استمرارا للهجمات (and خلافا ل "unlike").
_UNDERGOING = match_set(
    "تعرض تعرضت يتعرض تتعرض يتعرضون تتعرضان تعرضوا تعرضه تعرضها تعرضهم عرضة ضحية ضحايا ادى أدى ادت أدت "
    "يؤدي تؤدي نتيجة التصدي تصدى تصدت تصديا مسرحا انتقاما ردا ثأرا استمرار استمرارا خلافا رفضا ادانة إدانة "
    "استنكارا تنديدا"
)


def _purpose(words: Words, hit: Hit, lo: int) -> bool:
    """A verbal noun with the ل of purpose ("محطة انطلاق لضرب أميركا", "تمهد الطريق لضرب
    المفاعل"): what is done in order to strike, not a strike. One word, without the
    article (للهجوم is "the attack", an object), not a plural or a noun of one act (لهجمات،
    لضربة), and not after a word of undergoing, resulting or answering (``_UNDERGOING``) earlier in
    its clause."""
    key = _without_conj(words.keys[hit.first])
    if hit.verb or hit.first != hit.last or key[:1] != "ل" or key.startswith("لل") or key.endswith(("ه", "ات")):
        return False
    for j in range(hit.first - 1, max(lo, hit.first - 8) - 1, -1):
        if is_break(words, j, CLAUSE_BREAK):
            break
        if any(c in _UNDERGOING for c in candidates(words.keys[j])):
            return False  # "تعرضت سفارة الدنمارك في إسلام آباد لهجوم": across subject and place
    return True


_WHOEVER = key_set("من ومن فمن")


def _conditional(words: Words, j: int, lo: int) -> bool:
    """A conditional particle at ``j``: إذا، لو، لولا, or في حال / في حالة before what
    may happen. إذا before a pronoun or a definite noun, bare or after ب, is the إذا of
    surprise ("فإذا بها حرب مفتوحة": and lo, it was a war), which tells what happened."""
    key = _peeled(words.keys[j])
    after = key_form(words.keys[j + 1]) if j + 1 < len(words.keys) else ""
    if key in _CONDITIONALS:
        return not (after in _SURPRISE or after.startswith(("ال", "بال")))
    after = _peeled(words.keys[j + 1]) if j + 1 < len(words.keys) else ""
    case = key in _CASE or (key in _CASE_OF and after in _HAPPENING)
    return case and j > lo and _peeled(words.keys[j - 1]) == "في"


def _peeled(token: str) -> str:
    """A word in key form without its conjunction and a glued ب or ل (وبهدف → هدف)."""
    key = strip_conj(key_form(token))[-1]
    return key[1:] if key[:1] in "بل" and len(key) > 3 else key


def _future(token: str, lemma: str) -> bool:
    """An imperfect verb with the future prefix س (سيضرب، وستتعرض), not a lemma that
    begins with س itself."""
    key = _without_conj(token)
    return len(key) >= 5 and key[0] == "س" and key[1] in "يتنا" and not lemma.startswith("س")


def _without_conj(token: str) -> str:
    key = key_form(token)
    return key[1:] if key[:1] in "وف" and len(key) > 4 else key
