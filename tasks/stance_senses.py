"""Word senses of conflict cues: the everyday meanings of words the CAMEO dictionaries list
for violence and protest.

Arabic news uses several attack and crowd words in senses that name no event: فجّر قضية
"sparked an issue" (not "blew up"), a civil war, the attack line of a football team (خط
الهجوم), the military title أركان حرب, فجر before a country or town "the dawn of" in a
group's or operation's name (ميليشيات فجر ليبيا), ضرب مثلا "gave an example", a crisis or
an earthquake that "struck" a country, خطف الأضواء "stole the limelight", أمراء الحرب
"warlords", a violent noun naming a class or a charge (عصابات الخطف، بتهمة القتل),
missiles sold or developed, خرج من البطولة "went out of the tournament", أخرج "directed,
took out", استهدف with a verbal noun "aimed at doing" (تستهدف السيطرة) or with a programme,
event, advertisement or plan for subject "addressed to" (برامج دعوية استهدفت الشركات), a
hospital or airport that "received" (استقبل) bodies or flights, the cooperation of مجلس
التعاون (a council's name), protest words in a festival, parade, settlement, flow of
visitors or graduation (تظاهرة احتفالية، تجمع سكاني، تدفق الزوار، حفل تخرج), دعا with ما for subject
"prompted" (مما دعا جماعة لاتهام تركيا), صادر before عن "issued by" (بيان صادر عن
الوزارة), not "confiscated", shots fired into the air (أطلقوا النار في الهواء), banners
and chants that hail someone ("شعارات ترحب بالانقلاب"), ضد after a word of playing (a match:
"وتلعب جنوب السودان ضد موريتانيا"). The sense shows in the word's
object, subject or compound, read here after the cue finder (``tasks.stance_cues``)
has done its work; a cue in another sense is dropped. A sense that a word near the cue
tells is a row of the idiom table (``tasks.stance_idioms``); the others are checks here. Taking
hostages (احتجز رهائن) is an abduction, not an arrest, and is recoded so, a protest lodged
with a government (احتجت مصر رسميا لدى إيران) is a complaint (CAMEO 111), and a politician's
attack in a speech or an article ("شن عباس هجوما على حماس في كلمة") is criticism (CAMEO
111).
"""

from __future__ import annotations

from collections.abc import Iterable

from tasks.actors import Actor, Words, candidates, is_article, lexicon
from tasks.normalize import key_form
from tasks.schema import Language
from tasks.stance_cues import CLAUSE_BREAK, Hit, is_break
from tasks.stance_grammar import AIMING, ARMED, following, is_masdar, match_set, role
from tasks.stance_idioms import IDIOMS, WAR, Idiom

# What is "sparked" (فجّر، تفجّر، تفجير): an issue, a dispute, a feeling, a situation.
_ISSUES = match_set(
    "قضية قضايا ازمة أزمة أزمات جدل جدلا الجدل خلاف خلافات الخلاف غضب الغضب مفاجأة مفاجاة فضيحة "
    "ثورة صراع احتجاجات مظاهرات الوضع الأوضاع الاوضاع أوضاع مشكلة مشكلات مفاوضات تساؤلات نقاش"
)
# What is blown up: a bomb, a car, oneself, a building ("فجر نفسه", "فجروا سيارة").
_BOMBED = match_set("نفسه نفسها انفسهم سيارة عبوة قنبلة حزام منزل مبنى جسر مقر")
_SPARKING = match_set("فجر تفجير تفجر")

# Heads of compounds with war as their genitive: warlords, war crimes and criminals,
# prisoners of war, profiteers, a war ministry, a war machine.
_OF_WAR = match_set(
    "أمراء امراء أمير امير جرائم جريمة مجرمي مجرمو مجرم أسرى اسرى أسير تجار أثرياء وزير وزارة آلة الة أركان اركان"
)
# Football's attack line and its strikers: "خط الهجوم".
_LINE = match_set("خط")

# Heads that make a violent noun after them the name of a class or a charge, not an act:
# kidnapping gangs, detonation bombs, perpetrators of killings, murder crimes, a charge.
_OF_ACTS = match_set("عصابات عصابة قنابل مرتكبي مرتكبو مرتكب جرائم تهمة تهم بتهمة بتهم")

_MISSILES = match_set("صواريخ صاروخ قذائف")
# Missiles traded, made, held, deployed or defended against are hardware, not a volley.
_HARDWARE = match_set(
    "باع باعت بيع صفقة صفقات شراء اشترى تهريب هرب تطوير طور صناعة تصنيع صنع امتلاك امتلك يمتلك تمتلك "
    "منظومة منظومات مخزون ترسانة نشر منصات منصة درع مضادة مضاد المضادة مزودة مزود تزويد زود تسليم "
    "شحنة شحنات"
)

# Words of firing: missiles launched or falling are a volley whatever else is said of them
# ("صنع وإطلاق صواريخ القسام").
_FIRED = match_set("اطلاق إطلاق اطلق أطلق سقوط سقطت قصف")

# Verbs of going out and marching (see ``_other_sense``), and what one goes out of when
# eliminated: a round, a tournament, a contest.
_GOING = frozenset(["خرج", "سار"])
_CONTESTS = match_set("الدور الدوري البطولة المسابقة المنافسة المنافسات السباق التصفيات الكأس المونديال الدورة")

# Protesting "officially" or "with" a government is lodging a complaint.
_PROTESTING = frozenset(["احتج"])
_FORMAL = match_set("رسميا لدى")

# Holding someone as a hostage is abducting him.
_HOLDING = frozenset(["احتجز"])
_HOSTAGES = match_set("رهائن رهينة الرهائن الرهينة كرهائن كرهينة")

# What makes a protest word a festival, a parade, a settlement or a metaphor ("تظاهرة
# احتفالية", "مظاهرة بحرية", "تجمع سكاني", "تجمع أسري", "مسيرة التنمية"), a flow of visitors or money
# ("تدفق الزوار"), or a graduation ("حفل تخرج").
_FESTIVE = match_set(
    "رياضية الرياضية ثقافية الثقافية احتفالية الاحتفالية اجتماعية الاجتماعية بحرية البحرية فنية الفنية "
    "علمية العلمية سياحية السياحية تراثية التراثية سكاني السكاني سكنية السكنية التنمية تنمية البناء العطاء "
    "الخير النهضة أسري الأسري عائلي العائلي"
)
_FLOWS = match_set(
    "أعداد اعداد الزوار زوار السياح سياح العمال عمال المهاجرين مهاجرين اللاجئين لاجئين الأموال الاموال "
    "الاستثمارات النفط المياه السيولة"
)
_CEREMONY = match_set("حفل حفلة احتفال احتفالات")
_FLOWING = frozenset(["تدفق"])

# Firing and what is fired, and the air it may go into.
_FIRING = match_set("اطلق إطلاق اطلاق فتح النار النيران نيران الرصاص رصاص")
_AIR = match_set("الهواء الهوا")


def read_senses(words: Words, hits: list[Hit], lo: int, hi: int) -> list[Hit]:
    """The hits of one sentence ``[lo, hi)`` that mean an event: cues in another sense
    (see the module docstring) dropped, and a word joined by و right after a dropped noun
    with it, a noun too ("جرائم اغتصاب وقتل": both name the crimes); hostage-taking recoded as
    abduction (181), a protest lodged officially or with someone (احتج رسميا، احتج لدى) as
    criticism (111)."""
    out = []
    dropped = -2
    for hit in hits:
        joined = hit.first == dropped + 1 and key_form(words.keys[hit.first])[:1] == "و"
        if joined or (not hit.english and _other_sense(words, hit, lo, hi)):
            dropped = hit.last
            continue
        if hit.lemma in _HOLDING and any(_near(words, range(hit.last + 1, min(hi, hit.last + 9)), _HOSTAGES)):
            hit.code = "181"  # "احتجزوا أربعة من الشرطة رهائن": held as hostages
        if hit.lemma in _PROTESTING and hit.verb and _near(words, range(hit.last + 1, min(hi, hit.last + 6)), _FORMAL):
            hit.code = "111"  # "احتجت مصر رسميا لدى إيران": a formal complaint, no demonstration
        out.append(hit)
    return out


def _place_name(words: Words, j: int) -> bool:
    """A country or town named at ``j`` with no clitic or article (ليبيا، طرابلس)."""
    found = lexicon(Language.ARABIC).match(words.keys, j, j + 1)
    return found is not None and found[0].kind in ("country", "city") and not is_article(words.keys[j])


def _forms(words: Words, hit: Hit) -> set[str]:
    return set(candidates(words.keys[hit.first])) | ({hit.lemma} if hit.lemma else set())


def _near(words: Words, span: Iterable[int], wanted: frozenset[str]) -> list[int]:
    """Positions of ``span`` holding a word of ``wanted``, up to a clause break."""
    found = []
    for j in span:
        if is_break(words, j, CLAUSE_BREAK):
            break
        if any(c in wanted for c in candidates(words.keys[j])):
            found.append(j)
    return found


def _idiom(words: Words, hit: Hit, forms: set[str], row: Idiom, lo: int, hi: int) -> bool:
    if not forms & row.cue or (row.pos and hit.verb != (row.pos == "verb")):
        return False
    before = range(hit.first - 1, max(lo, hit.first - row.before) - 1, -1)
    after = range(hit.last + 1, min(hi, hit.last + 1 + row.after))
    return bool(_near(words, before, row.near) or _near(words, after, row.near))


def _other_sense(words: Words, hit: Hit, lo: int, hi: int) -> bool:
    """Whether the cue is meant in a sense that names no event (module docstring): one of
    the ``IDIOMS``, or a sense the checks below tell by more than a nearby word."""
    forms = _forms(words, hit)
    if any(_idiom(words, hit, forms, row, lo, hi) for row in IDIOMS):
        return True
    return any(check(words, hit, forms, lo, hi) for check in _SENSE_CHECKS)


def _class_or_charge(words: Words, hit: Hit, forms: set[str], lo: int, hi: int) -> bool:
    """A violent noun after a head that makes it a class, a charge or a title ("عصابات
    الخطف", "بتهمة القتل", "أمراء الحرب", "أركان حرب"), or football's attack line ("خط
    الهجوم"; "على خط الحرب" is the front)."""
    if hit.verb or hit.first <= lo or hit.code[:2] not in ("17", "18", "19", "20"):
        return False
    heads = set(candidates(words.keys[hit.first - 1]))
    return bool(heads & _OF_ACTS or (forms & WAR and heads & _OF_WAR) or (heads & _LINE and not forms & WAR))


def _dawn_of(words: Words, hit: Hit, forms: set[str], lo: int, hi: int) -> bool:
    """ "ميليشيات فجر ليبيا": "the dawn of Libya", a name; no town is blown up."""
    after = hit.last + 1
    return key_form(words.keys[hit.first]) == "فجر" and after < hi and _place_name(words, after)


def _sparked(words: Words, hit: Hit, forms: set[str], lo: int, hi: int) -> bool:
    """An issue sparked, unless a bomb comes first. A verb's object or subject may stand a
    few words on ("فجر بلاتر … قضية كبرى"); a noun's is its genitive ("تفجير الأوضاع")."""
    if not forms & _SPARKING:
        return False
    reach = following(words, hit.last + 1, hi, 12 if hit.verb else 1)
    issues = _near(words, reach, _ISSUES)
    bombs = _near(words, reach, _BOMBED)
    return bool(issues) and (not bombs or issues[0] < bombs[0])


def _aimed_at_doing(words: Words, hit: Hit, forms: set[str], lo: int, hi: int) -> bool:
    """ "تستهدف السيطرة على كركوك", "استهدفت محو الشعب": aimed at doing, no strike."""
    return hit.lemma in AIMING and hit.verb and hit.last + 1 < hi and is_masdar(words.keys[hit.last + 1])


def _into_the_air(words: Words, hit: Hit, forms: set[str], lo: int, hi: int) -> bool:
    """ "أطلقوا النار في الهواء": fired into the air, at no one."""
    return bool(forms & _FIRING and _near(words, following(words, hit.last + 1, hi, 8), _AIR))


def _signs_of(words: Words, hit: Hit, forms: set[str], lo: int, hi: int) -> bool:
    """ "مظاهر الاحتفال": the signs of, not demonstrations (مظاهرة، مظاهرات)."""
    return hit.code[:2] == "14" and not hit.verb and words.keys[hit.first].endswith("مظاهر")


def _hardware(words: Words, hit: Hit, forms: set[str], lo: int, hi: int) -> bool:
    """Missiles sold, made or deployed, unless they are fired too ("صنع وإطلاق صواريخ")."""
    if not forms & _MISSILES or hit.verb:
        return False
    before = [set(candidates(words.keys[j])) for j in range(max(lo, hit.first - 3), hit.first)]
    return any(c & _HARDWARE for c in before) and not any(c & _FIRED for c in before)


def _out_of_a_contest(words: Words, hit: Hit, forms: set[str], lo: int, hi: int) -> bool:
    """أخرج "took out, directed", and going out of a tournament ("خرج من البطولة")."""
    if hit.lemma not in _GOING or not hit.verb:
        return False
    key = key_form(words.keys[hit.first])
    causative = (key[1:] if key[:1] in "وف" else key)[:1] == "ا"
    after = hit.last + 1
    contests = _near(words, range(after, min(hi, after + 6)), _CONTESTS)
    return causative or any(key_form(words.keys[j - 1]) == "من" for j in contests)


def _festive(words: Words, hit: Hit, forms: set[str], lo: int, hi: int) -> bool:
    """A protest word in a festival, parade, settlement, metaphor, flow or graduation."""
    if hit.code[:2] != "14":
        return False
    after = hit.last + 1
    if _near(words, range(after, min(hi, after + 1)), _FESTIVE):
        return True
    if hit.lemma in _FLOWING and _near(words, range(after, min(hi, after + 2)), _FLOWS):
        return True
    return hit.first > lo and bool(_near(words, (hit.first - 1,), _CEREMONY))


_SENSE_CHECKS = (
    _class_or_charge,
    _dawn_of,
    _sparked,
    _aimed_at_doing,
    _festive,
    _into_the_air,
    _signs_of,
    _hardware,
    _out_of_a_contest,
)


_ATTACKING = match_set("هجوم هجوما هجمات هاجم شن")
# Words of speaking and writing that make an attack verbal.
_SPOKEN = match_set(
    "كلمة كلمته خطاب خطابه مقال مقالة مقاله تصريح تصريحات تصريحاته بيان بيانه مؤتمر مقابلة حديث حديثه "
    "قائلا واصفا متهما انتقد انتقادات لاذع لاذعا خطباء خطيب منبر"
)
# Adjectives that make an attack a military one whoever ordered it.
_MILITARY = match_set("عسكري عسكريا عسكرية جوي جويا جوية صاروخي صاروخيا بري بريا مسلح مسلحا انتحاري انتحاريا")
_ARMED_ROLES = ARMED | {"MIL", "COP", "SPY"}
_PLACE_KINDS = frozenset(["country", "city", "adj"])


def verbal_attack(words: Words, hit: Hit, holder: Actor, hi: int) -> str | None:
    """CAMEO 111 (criticize or denounce) for an attack (هاجم، هجوم، شن هجوما) held by a
    person, an official or a party, not by an armed group, a force or a state, with the
    speech, statement or article it was made in named after it in its sentence ("شن الرئيس
    عباس أعنف هجوم له على حماس مستغلا كلمة ألقاها", "جنبلاط يشن هجوما على النظام السوري
    ويحذر في مقال"; not a statement that only reports it: "قال في بيان إن الرئيس شن
    هجوما"), and no military word on the attack: Arabic news calls sharp criticism an
    attack."""
    if hit.english or not _forms(words, hit) & _ATTACKING:
        return None
    if role(holder) in _ARMED_ROLES or holder.kind in _PLACE_KINDS or len(holder.code) <= 3:
        return None
    if _near(words, range(hit.last + 1, min(hi, hit.last + 4)), _MILITARY):
        return None
    spoken = any(any(c in _SPOKEN for c in candidates(words.keys[j])) for j in range(hit.last + 1, hi))
    return "111" if spoken else None
