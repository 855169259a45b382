"""The idiom table of ``tasks.stance_senses``: a conflict cue with a word near it that puts
it in a sense naming no event (ضرب مثلا, خطف الأضواء, حرب أهلية, بيان صادر عن, تجمع بين,
فرض طوقا أمنيا, حذر المواطنين),
one row per idiom, with the word lists the rows read.

Kept apart from the sense checks because it is data: a new idiom is a row and a word list
here, while the senses that take more than a nearby word to tell stay as code in
``tasks.stance_senses``.
"""

from __future__ import annotations

from dataclasses import dataclass

from tasks.stance_grammar import AIMING, match_set

_STRIKING = match_set("ضرب ضربة")
# Objects that make ضرب an idiom: an example, an appointment, a cordon, a record, ignoring.
_STRUCK_IDIOMS = match_set("مثلا مثالا المثل أمثلة امثلة موعدا عرض طوقا طوق رقما أطنابه اطنابه أخماسا")
# What follows ضربة in a compound that is no attack: a masterstroke, luck, sport's kicks,
# a knockout or a lucky stroke (ضربة قاضية، موفقة: figures of speech).
_STROKES = match_set("معلم حظ البداية بداية جزاء الجزاء ركنية الترجيح ترجيح حرة الحرة رأس قاضية موفقة")
# Forces of nature and abstractions that "strike" a country or a market.
_FORCES_OF_NATURE = match_set(
    "زلزال الزلزال هزة عاصفة العاصفة إعصار اعصار فيضان فيضانات جفاف وباء أزمة ازمة الأزمة الازمة ركود "
    "الركود انهيار هاجس"
)

# What is imposed that is no sanction on anyone: a cordon, a perimeter, a state of emergency,
# fees, a blackout, prestige ("فرضت قوات الجيش طوقا أمنيا", "فرض رسوم على الأراضي"); control
# imposed on a place is a military act ("تفرض سيطرة كاملة على مجمع الجامعة").
_IMPOSING = match_set("فرض")
_NO_SANCTION = match_set("طوق طوقا نطاق نطاقا حالة رسوم رسوما تعتيم تعتيما هيبة هيبته هيبتها نفسها نفسه")
# Whom a warning addresses to protect them: the public ("حذرت وزارة الداخلية المواطنين").
_WARNING = match_set("حذر")
_PUBLIC = match_set("المواطنين المواطنون المقيمين السكان الأهالي الاهالي الجماهير الحجاج المعتمرين الزوار المستهلكين")

# Sport and rankings: occupying a rank or an area (يحتل المركز الثالث، تحتل مساحة), and
# playing a match (خاض الفريق لقاء وديا، أولى مواجهاته هذا الموسم).
_OCCUPYING = match_set("احتل")
_RANKS = match_set("المركز مركز المرتبة مرتبة الصدارة الوصافة المراكز مساحة")
_FIGHTING = match_set("خاض مواجهة مواجهات مواجهاته")
_MATCHES = match_set("لقاء مباراة مباراته مباريات نهائي النهائي الودية ودية وديا الموسم الدوري بطولة")

_SEIZING = match_set("خطف اختطف")
_GATHERING = match_set("تجمع")
_BETWEEN = match_set("بين")
_BOYCOTTING = match_set("تقاطع")
# Words around تقاطع "crossroads" (also "she boycotts"): roads and road works, and the
# words that place, open or join one ("قرب تقاطع", "افتتاح تقاطع البصر مع طريق الملك فهد").
_ROADS = match_set(
    "طريق طرق شارع شوارع مشروع مشروعي تطوير جسر دوار إشارة اشارة افتتاح فتح لفتح قرب عند كوبري نفق مخرج مع"
)
# What is "snatched" that is no abduction: the limelight, hearts, a title, a win, a player
# from another club ("خطف المنتخب لقب البطولة", "خطف البرازيلي ألميدا مهاجم الهلال").
_LIMELIGHT = match_set(
    "الأضواء الاضواء الأنظار الانظار الأبصار الابصار الاهتمام القلوب الألباب لقب اللقب بطولة هداف مهاجم "
    "الفوز التعادل النقاط"
)

WAR = match_set("حرب")
# A civil war names no two sides: "حرب أهلية ودماء"; nor does a world war, a sectarian or
# cold war, or a kind of fighting (حرب العصابات "guerrilla war", حرب استنزاف "a war of
# attrition").
_CIVIL = match_set(
    "أهلية اهلية الأهلية الاهلية العالمية العالميتين المدنية الطائفية الباردة العصابات استنزاف الاستنزاف"
)

# Programmes, courses and events that "target" an audience ("برامج دعوية استهدفت الشركات",
# "فعاليات ثقافية استهدفت زوار المركز"); a campaign (حملة) may be military and is left out.
_OUTREACH = match_set(
    "برنامج برامج البرنامج البرامج فعالية فعاليات الفعاليات دورة دورات الدورات مبادرة مبادرات المبادرة "
    "مشروع مشاريع المشروع ورشة ورش محاضرات محاضرة ندوة ندوات ملتقى الملتقى مسابقة مسابقات "
    "الإعلان الاعلان إعلان اعلان الاستثمار استثمار خطة الخطة تحرك"
)
# Facilities that "receive" (استقبل) patients, bodies, flights and ships: no meeting.
_FACILITIES = match_set("مستشفى المستشفى مستشفيات مطار المطار ميناء الميناء مركز المركز")
_RECEIVING = frozenset(["استقبل"])
# Organisations named after cooperation: مجلس التعاون الخليجي، منظمة التعاون الإسلامي.
_COOPERATION = match_set("التعاون تعاون")
_COUNCILS = match_set("مجلس منظمة")

# دعا "called" whose subject is ما (what: a fact) is "prompted, led to": "مما دعا جماعة
# لاتهام تركيا", "وهو ما دعا الحكومة إلى". الذي is left out: it may stand for a person.
_CALLING = frozenset(["دعا"])
_WHAT = match_set("ما مما")

# The participle صادر "issued" (بيان صادر عن الوزارة), spelt as the verb صادر "confiscated".
_ISSUED = match_set("صادر صادرا صادرة صادره الصادر الصادرة الصادره صادرين")
_BY = match_set("عن")

# ضد "against" after a word of playing: a match ("وتلعب جنوب السودان ضد موريتانيا").
_AGAINST = match_set("ضد")
_PLAYING = match_set("لعب يلعب تلعب يلعبون لعبت مباراة مباراته مباراتها مباريات يلتقي تلتقي فوز فاز تعادل")
# A draw's fixtures: "غامبيا ضد ناميبيا لمقابلة غينيا" (the winner to face Guinea).
_FIXTURES = match_set("لمقابلة مباراة مباراتي مباريات ملعب بطولة الدور الذهاب الإياب الاياب")

_BANNERS = match_set("شعارات شعار الشعارات لافتات لافتة اللافتات هتافات الهتافات يافطات")
# What a banner or chant says when it hails: welcoming, saluting, praising, supporting.
_HAILING = match_set("ترحب تحيي تحيى تشيد تمجد تؤيد تويد تهنئ تهني تبارك تمدح تثني مرحبة مؤيدة داعمة المؤيدة المرحبة")


@dataclass(frozen=True)
class Idiom:
    """A cue (by its forms or lemma) is in another sense when a word of ``near`` stands
    within ``before`` words before it or ``after`` words after it, up to a clause break;
    ``pos`` ("verb", "noun") when only that part of speech takes the sense."""

    cue: frozenset[str]
    near: frozenset[str]
    before: int = 0
    after: int = 0
    pos: str = ""


IDIOMS = (
    Idiom(WAR, _CIVIL, after=1, pos="noun"),  # "حرب أهلية": no two parties named by the cue
    Idiom(_ISSUED, _BY, after=2),  # "بيان صادر عن الخارجية": issued by, not confiscated
    Idiom(_STRIKING, _STRUCK_IDIOMS | _STROKES, after=4, pos="verb"),  # "ضرب مثلا"
    Idiom(_STRIKING, _STRUCK_IDIOMS | _STROKES, after=1, pos="noun"),  # "ضربة حظ"
    Idiom(_STRIKING, _FORCES_OF_NATURE, before=4, after=3),  # "زلزال ضرب المنطقة"
    Idiom(AIMING, _OUTREACH, before=4, pos="verb"),  # "برامج دعوية استهدفت الشركات"
    Idiom(_COOPERATION, _COUNCILS, before=1, pos="noun"),  # "دول مجلس التعاون الخليجي"
    Idiom(_RECEIVING, _FACILITIES, before=3),  # "المستشفى استقبل جثامين": admitted, landed
    Idiom(_CALLING, _WHAT, before=1, pos="verb"),  # "مما دعا جماعة لاتهام تركيا": prompted
    Idiom(_BANNERS, _HAILING, after=2, pos="noun"),  # "شعارات ترحب بالانقلاب": hailing
    Idiom(_SEIZING, _LIMELIGHT, after=3),  # "خطف الأضواء": stole the limelight
    Idiom(_OCCUPYING, _RANKS, after=4, pos="verb"),  # "ويحتل مونتريال المركز السادس"
    Idiom(_FIGHTING, _MATCHES, after=5),  # "خاض الاتحاد لقاء وديا", "مواجهاته الودية"
    Idiom(_IMPOSING, _NO_SANCTION, after=2),  # "فرضت قوات الجيش طوقا أمنيا": a cordon
    Idiom(_WARNING, _PUBLIC, after=4, pos="verb"),  # "حذرت الوزارة المواطنين من": advice
    Idiom(_GATHERING, _BETWEEN, after=1),  # "تجمع بين الأصالة والحداثة": combines
    Idiom(_BOYCOTTING, _ROADS, before=1, after=3),  # "تطوير تقاطع طريق": a crossroads
    Idiom(_AGAINST, _PLAYING, before=4),  # "وتلعب جنوب السودان ضد موريتانيا": a match
    Idiom(_AGAINST, _FIXTURES, after=4),  # "غامبيا ضد ناميبيا لمقابلة غينيا": a fixture
)
