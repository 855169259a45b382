"""The hand-written tables of the stance dictionaries: what news need that the sources lack.

The event-coding sources give most verbs, actors and agents (``tasks.build_stance_data``
reads them), but their codes are shifted or noisy where news use them most, and they lack
noun cues and the role nouns of recent wars. What the sources miss or get wrong is
written by hand here, apart from the build logic, so that a review of a new cue or a code
fix reads only tables, and so that the tables can grow without the build module growing.
"""

from __future__ import annotations

from tasks.actors import norm_phrase, word_set


def _entries(block: str) -> list[str]:
    """Entries of a hand-written table: separated by ";" or new lines."""
    return [e.strip() for line in block.splitlines() for e in line.split(";") if e.strip()]


def _pairs(block: str) -> list[tuple[str, str]]:
    """``phrase CODE`` entries (the phrase may hold spaces)."""
    return [tuple(e.rsplit(" ", 1)) for e in _entries(block)]  # type: ignore[misc]


def _triples(block: str) -> list[tuple[str, str, str]]:
    """``phrase CODE layout`` entries."""
    return [tuple(e.rsplit(" ", 2)) for e in _entries(block)]  # type: ignore[misc]


# Verbs whose gloss route gives a poor code for news usage; CAMEO code by hand. قطع، فتح
# ألقى, فرّق and أغلق are events only with the objects ``tasks.stance_cues`` lists for them
# (قطع الطريق, فتح النار, ألقى القبض, فرّق المتظاهرين: PETRARCH2 codes DISPERSE + PROTEST
# 175, أغلق الطرق).
VERB_OVERRIDES: dict[str, str] = dict(
    entry.split()
    for entry in _entries("""
تعهد 030; التزم 030; وعد 030; توعد 130; حذر 130; انذر 130; هدد 130; فرض 163; ناشد 020
دعا 020; طالب 100; زار 042; التقى 040; اجتمع 040; استقبل 043; قتل 190; اغتال 186
هاجم 190; اعتدى 180; قصف 195; اغار 195; اطلق 190; فجر 183; انفجر 183; اختطف 181
خطف 181; اعتقل 173; احتجز 173; ادان 111; انتقد 111; ندد 111; اتهم 112; رفض 120
عارض 120; تظاهر 141; احتج 140; اعتصم 141; اضرب 143; اشاد 051; رحب 051; ايد 051
دعم 051; ساعد 070; تعاون 030; اصاب 190; جرح 190; حاصر 191; طرد 120; عاقب 163
شكر 051; هنأ 051; عزى 051; اشتبك 190; حارب 190; قاتل 190; ضرب 180; اعدم 180
ذبح 180; نحر 180; استهدف 190; دمر 190; احرق 180; اقتحم 190; داهم 173; شن 190
قمع 175; نسف 183; احتشد 141; اغتصب 180; عذب 180; هتف 141; استنكر 111; شجب 111
قاطع 163; تعدى 180; اصيب 190; هدم 1712; خرب 1712; صادر 1711; اضرم 180; نهب 1711
 تجمع 141; سار 141; خرج 141; نزل 141; تدفق 141; احتشد 141; انضم 141; اسقط 190; خطف 181
قطع 144; فتح 190; القى 173; فرق 175; اغلق 144; اردى 190; اغتيل 186
""")
)

# The dictionary's verb list is broad and, through loose glosses, noisy (اجرى "conduct"
# coded as 170 coerce, صدر "issue" as 061): only these reviewed lemmas become cues, with the
# code the gloss route gives them. Everything else in the dictionary stays out.
VERB_KEEP = word_set(
    "ابعد اتصل اتهم اجبر اجتمع احبط احتج احتجز احترم احتل احرق اختطف اختلف ادان ارغم استقبل استنكر "
    "استهدف استولي اشاد اشتبك اشتكي اصاب اصطدم اضرب اعاق اعتدي اعتصم اعتقل اعدم اغار اغتال اقتحم اقترح "
    "انتقد انذر انفجر ايد تبادل تبرع تحدي تظاهر تعاون تعهد توسل جرح حارب حاصر حذر خاض خاطب خطف داهم دعا "
    "دعم دمر ذبح رحب رشق رفض زار ساعد سخر شكر شن صارع ضرب طالب طرد عارض عاقب عزي فجر فرض قاتل قاطع قاوم "
    "قتل قذف قصف ناشد ناقش ندد هاجم هجم هدد هنا وعد هزم"
)

# Noun and phrase cues the verb dictionary lacks: phrase, CAMEO code, role layout.
# Layouts: "hd" holder then target; "rec" reciprocal (A و B, or between A and B);
# "tgt" the actor before the cue is the target and the speaker the holder; "pas" what the
# subject suffered (لقي X مصرعه: X is the victim).
CUES_AR = _triples("""
عن قلق 012 hd; بالقلق 012 hd; عن مخاوف 012 hd; علاقات طيبة 051 rec; علاقة طيبة 051 rec
علاقات جيدة 051 rec; علاقات وثيقة 051 rec; علاقات متميزة 051 rec; الاحترام المتبادل 051 rec; الصداقة 051 rec
محادثة ودية 040 rec; محادثات ودية 040 rec; التعاون 030 rec; نجاحات 051 tgt; عقوبات 163 hd
حرب 190 hd; حرب ضد 190 hd; ضد 110 hd; مناهضة 110 hd; شعارات 141 hd
لافتات 141 hd; هتافات 141 hd; اضراب 143 hd; يوم غضب 141 hd; قطع الطريق 144 hd
قطع الطرق 144 hd; هجوم 190 hd; هجمات 190 hd
اعتداء 180 hd; مقتل 190 hd; اغتيال 186 hd; قصف 195 hd; غارة 195 hd
غارات 195 hd; تفجير 183 hd; انفجار 183 hd; اشتباكات 190 rec; معارك 190 rec
اعتقال 173 hd; اختطاف 181 hd; تظاهرة 141 hd; مظاهرة 141 hd; تظاهرات 141 hd
مظاهرات 141 hd; احتجاج 140 hd; احتجاجا 140 hd; احتجاجات 140 hd; اعتصام 141 hd
مسيرة 141 hd; اطلاق النار 190 hd; اطلاق نار 190 hd; النار 190 hd; كمين 190 hd
ادانة 111 hd; انتقاد 111 hd; تهديد 130 hd; حصار 191 hd; دعم 051 hd
تأييد 051 hd; ترحيب 051 hd; اتفاق 057 rec; صواريخ 190 hd; قذائف 190 hd
تعذيب 180 hd; اغتصاب 180 hd; خطف 181 hd; تبادل 040 rec; شغب 145 hd
احتشد 141 hd; ضربة جوية 195 hd; ضربات جوية 195 hd; مواجهات 190 rec; صدامات 190 rec
اقتحام 190 hd; احراق 180 hd; حرق 180 hd; تنديد 111 hd; تنديدا 111 hd; اعدام 180 hd; مذكرة احتجاج 140 hd
قذيفة 190 hd; صاروخ 190 hd; اطلاق الرصاص 190 hd; اطلاق رصاص 190 hd; اطلاق النيران 190 hd
تبادل اطلاق النار 190 rec; معركة 190 rec; اقتتال 190 rec; قتال 190 hd; عدوان 190 hd; غزو 190 hd
عملية انتحارية 183 hd; عمليات انتحارية 183 hd; مداهمة 173 hd; احتجاز 173 hd; مجزرة 202 hd
مذبحة 202 hd; مجازر 202 hd; هدم 1712 hd; نهب 1711 hd; مصرع 190 pas; حتف 190 pas
وقفة احتجاجية 141 hd; وقفات احتجاجية 141 hd; عصيان مدني 1411 hd; اضراب عن الطعام 1423 hd
ضرب 180 hd; القبض على 173 hd
تفريق المتظاهرين 175 hd; تفريق المحتجين 175 hd; تفريق المظاهرة 175 hd; تفريق التظاهرة 175 hd
مصادمات 190 rec; اشتباك 190 rec; اغلاق الطريق 144 hd; اغلاق الطرق 144 hd
تفريق الحشود 175 hd; تفريق المعتصمين 175 hd; تفريق الاعتصام 175 hd; تفريق المسيرة 175 hd
""")
CUES_EN = _triples("""
concern 012 hd; concerns 012 hd; good relations 051 rec; friendly relations 051 rec; mutual respect 051 rec
friendship 051 rec; cooperation 030 rec; sanctions 163 hd; war 190 hd; war against 190 hd
attack 190 hd; attacks 190 hd; invasion 190 hd; support 051 hd
""")

# Role nouns the agent file lacks (or spells in a rarer form), with their CAMEO agent code.
# Broken plurals (زعماء، ضباط، أقباط) need their own line: ``candidates`` only peels sound
# plural endings. Plurals in ة (قادة، طلبة) are left out, their match form is a verb (قاد).
# The Islamic State (2014) is newer than the UniversalPetrarch dictionaries; bare الدولة
# الإسلامية is left out, as matching blind to ة reads it as الدول الإسلامية (Islamic countries).
# Warplanes, helicopters and tanks are the army that flies or drives them: news writes
# "قصفت الطائرات الإسرائيلية" and "قامت دبابة اسرائيلية بقصف" for the air force and army.
# Armed groups of the 2010s wars that the dictionaries lack or misread (الجيش السوري الحر
# matched as the Syrian army, سرايا القدس as Jerusalem), coded as Phoenix codes them where it
# lists them (Free Syrian Army SYRREB, Ahrar al-Sham SYRREBMUS, Peshmerga IRQMIL, Boko Haram
# NGAREB), else by country and role. Relatives and captives are the victims of the crime
# news ("مواطن يقتل ابنه", "تعذيب المحتجزين"); ابن and شقيق count only with a pronoun.
AGENTS_AR = _pairs("""
أشخاص CVL; شخص CVL; مدني CVL; مدنيين CVL; مواطن CVL; سكان CVL; متظاهر CVL; محتج CVL
طالب EDU; جندي MIL; جنود MIL; جيش MIL; قوات MIL; مسلح UAF; مسلحون UAF; مقاتل UAF
متمرد REB; ارهابي UAF; شرطة COP; شرطي COP; عناصر UAF; ميليشيا UAF; وزير GOV; رئيس GOV
زعيم GOV; متحدث GOV; المتحدث باسم GOV; حكومة GOV; سفير GOV; قائد MIL; نظام GOV; سلطات GOV
معارضة OPP; ناشط OPP; صحفي MED; حكومة GOV; أطفال CVL; طفل CVL; نساء CVL; مهاجم UAF
متطرف RAD; ضابط MIL; عقيد MIL; عميد MIL; لواء MIL; عسكري MIL; حوثي REB; متطوع MIL
قوة MIL; قوات الأمن COP; رجال الأمن COP; مستوطن CVL; مسؤول GOV; صحافي MED; سكان CVL; معتقل CVL
سجين CVL; لاجئ REF; مجهول UAF; مجهولين UAF; مسلحين UAF; متطوع MIL; عشائر CVL; شاب CVL
أجنبي CVL; أجانب CVL; عمال LAB; متهم CVL; مصور MED; طبيب HLH; أطباء HLH; أكراد CVL
جماعة UAF; قراصنة CRM; مسيحي CVL; مفجر UAF; سيارة مفخخة UAF; شاحنة مفخخة UAF; عبوة ناسفة UAF; انتحاري UAF
مجند MIL; قنصل GOV; دبلوماسي GOV; سائق CVL; حارس COP; حراس COP; قاض JUD; قضاة JUD
نائب LEG; شيخ CVL; زوار CVL; مارة CVL; تلاميذ EDU; طلاب EDU; معلم EDU; فلاح CVL
صياد CVL; امرأة CVL; رجل CVL
متظاهر OPP; متظاهرين OPP; متظاهرون OPP; محتج OPP; محتجين OPP; مناهض OPP; نشطاء OPP; ناشطين OPP
أنصار OPP; مهندس CVL; سائح CVL; سياح CVL; ركاب CVL; راكب CVL; موظف CVL; مصلين CVL; حجاج CVL
قرويين CVL; عائلات CVL; شرطيين COP; علمانيين OPP; مسلح UAF; متشدد RAD; متشددين RAD; مقاتلو UAF
رجال CVL; أهالي CVL; جماهير CVL; عرب CVL; أسرى CVL; سجناء CVL; نواب LEG; حزب PTY; أحزاب PTY; نقابة LAB
شركة BUS; ميليشيات UAF; مليشيات UAF; مليشيا UAF; عصابة CRM; عصابات CRM; خاطفين CRM; خاطفون CRM
حزام ناسف UAF; أحزمة ناسفة UAF; أفراد الأمن COP; عناصر الأمن COP; قوات الاحتلال MIL; جيش الاحتلال MIL; حزب الله LBNREB
الاحتلال MIL; المقاومة REB; ميلشيات UAF; ميلشيا UAF; سياسيين CVL; سياسيون CVL
زعماء GOV; وزراء GOV; رؤساء GOV; سفراء GOV; ضباط MIL; جيوش MIL; ثوار REB; فصائل UAF; لصوص CRM
رهائن CVL; شبان CVL; أقباط CVL; يهود CVL
داعش IMGREB; تنظيم داعش IMGREB; تنظيم الدولة IMGREB; تنظيم الدولة الإسلامية IMGREB
طائرة MIL; طائرات MIL; مقاتلات MIL; مروحية MIL; مروحيات MIL; دبابة MIL; دبابات MIL; طيران MIL
قناص UAF; معتصم OPP; معتصمين OPP; مضرب OPP; مشارك CVL; رهينة CVL; أفراد CVL; عائلة CVL
أجهزة الأمن COP; الأجهزة الأمنية COP; جهاز الأمن COP; الأمم المتحدة IGOUNO
الجيش الحر SYRREB; الجيش السوري الحر SYRREB; أحرار الشام SYRREBMUS; حركة أحرار الشام SYRREBMUS
جيش الإسلام SYRREB; جيش الفتح SYRREB; وحدات حماية الشعب SYRREB; الحشد الشعبي IRQMIL
البيشمركة IRQMIL; قوات البيشمركة IRQMIL; أنصار الله YEMREB; أنصار بيت المقدس EGYREB
بوكو حرام NGAREB; سرايا القدس PSEREB; حركة الشباب المجاهدين SOMREB; الإخوان المسلمين OPP
الإخوان المسلمون OPP; أنصار الشريعة REB; المحاكم الإسلامية SOMREB; حركة العدل والمساواة SDNREB
كتائب شهداء الأقصى PSEREB; نمور التاميل LKAREB; الجيش الإسلامي في العراق IRQREB; فيلق بدر IRQREB
القاعدة في بلاد المغرب الإسلامي IMGREBRAD; تنظيم القاعدة في بلاد المغرب الإسلامي IMGREBRAD
القاعدة في جزيرة العرب IMGREBRAD
تنظيم القاعدة في جزيرة العرب IMGREBRAD; قوات حفظ السلام IGOMIL; شيعة MUS
أسير CVL; محتجز CVL; محتجزين CVL; صبي CVL; فتاة CVL; فتى CVL; طفلة CVL; ابن CVL; ابنة CVL
زوج CVL; زوجة CVL; والد CVL; والدة CVL; شقيق CVL; شقيقة CVL; خال CVL; أخت CVL
قيادة عمليات MIL; قيادة العمليات MIL; قيادة العمليات المشتركة MIL
""")

# Dictionary entries that are everyday words far more often than actors (كيف "how", not
# Kyiv; تجمع "gathering"; بندقية "rifle", not Venice; طيار in "بدون طيار"; تبنى the verb
# "claimed", as in تبنت الحركة الهجوم; تهديد "threat", a noun cue; جبان "cowardly", said
# of attacks, listed as an opposition agent; words the UniversalPetrarch files code by a
# slip: جسم "body" CHLEDU, شمس "sun" USAEDU, فرح "joy" PSE, ذهبي "golden" JORELI, بشر
# "humans" GOV, نادرة "rare" BUS (a waitress is نادلة); CLDR city names news use as words:
# ترك "leaving" (Truk, Micronesia), نوم "sleep" (Nome, Alaska); دير "monastery", coded
# REL, which is the first word of the city دير الزور), operations, which
# are acts, not parties (عملية عسكرية, "a military operation"), and الشرق الأوسط, a
# region and the newspaper that reports ("قال لـ«الشرق الأوسط»"): never actors.
NOT_ACTORS = frozenset(
    norm_phrase(w)
    for w in word_set(
        "كيف بندقية تجمع معلنة معلنين اقصى قافلة طيار متنزه الكنيستين ناسفا ناسفة تبنى تهديد جبان "
        "جسم شمس فرح ذهبي بشر نادرة ترك نوم دير"
    )
) | {norm_phrase("عملية عسكرية"), norm_phrase("عملية استخباراتية"), norm_phrase("الشرق الأوسط")}

# Codes the sources get wrong for entries news use often, set after every vote. Each entry
# must be in the sources (the build stops otherwise): this table mends, it adds nothing.
CODE_FIXES: dict[str, str] = {
    "الاتحاد الأوروبي": "IGOEUREEC",  # CLDR's EU region code QUU is no CAMEO code
    "European Union": "IGOEUREEC",  # the same CLDR row in English
    "كوسوفو": "KSV",  # CLDR's XKK is a private-use code; CAMEO and UniversalPetrarch use KSV
    "Kosovo": "KSV",  # the same CLDR row in English
    "كوسوفوي": "KSV",  # its adjective, made from the CLDR name
    "الكردستاني": "IRQ",  # Kurdistani, coded KGZ (Kyrgyzstan); IRQ as كردستان and the Kurdistani parties
    "المجرية": "HUN",  # Hungarian, listed as both AUT and HUN; the tie kept AUT
    "الظهران": "SAU",  # Dhahran, in the Eastern Province, coded IRN
    "ضحية": "CVL",  # a victim, coded KWT in the actor file and CVL in the agent file; the tie kept KWT
    "إمارة": "GOV",  # an emirate, in Saudi news a region's governorate (إمارة منطقة الرياض), not ARE
    "أوباما": "USAGOV",  # president 2009-2017 (the news is 2015); the dated codes after his term (ELI) won the vote
    "باراك أوباما": "USAGOV",  # the same
    "الحوثيون": "YEMREB",  # coded OPP; الحوثيين is YEMREB
    "داعية": "REL",  # a preacher; the agent file glosses it MONGER (BUS)
}

# English auxiliaries and light verbs that PETRARCH2 lists inside phrasal patterns.
AUXILIARIES_EN = word_set(
    "be is are was were been being do does did done have has had will would can could may might shall should "
    "must get got make made take took go went come came give gave put say said says tell told"
)

# English actors newer than the Phoenix dictionaries (2014).
ACTORS_EN = _pairs("kim jong un PRKGOV")

# Person titles: a name may follow them, and an alias is learnt from it.
TITLES_AR = ["وزير", "رئيس", "زعيم", "متحدث", "سفير", "قائد", "ملك", "امير", "مبعوث", "مستشار"]
