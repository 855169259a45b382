"""Which words are stance cues, and with which CAMEO code: verbs coded by their object,
verb-spelt nouns, participles, and words that only look like cues."""

from __future__ import annotations

from tasks.actors_detect import find_actors
from tasks.normalize import normalize_text
from tasks.schema import Polarity
from tests.conftest import pairs
from tests.conftest import roles as _roles
from tests.conftest import tagged_stances as _stances


def test_atlaqa_is_coded_by_its_object() -> None:
    # Releasing detainees is cooperation (0841), launching a campaign is no event, firing is force.
    [release] = _stances("وأطلقت السلطات سراح عشرة معتقلين.")
    assert (release.event_code, release.polarity) == ("0841", Polarity.FAVOR)
    assert not _stances("وأطلقت الحكومة حملة لمكافحة الفساد في الوزارات.")
    [fire] = _stances("وأطلقت قوات الأمن الغاز المسيل للدموع على المتظاهرين.")
    assert (fire.holder.text, fire.target.text, fire.event_code) == ("قوات الأمن", "المتظاهرين", "175")


def test_verbs_coded_by_their_object() -> None:
    # Blocking roads is a blockade; opening fire is force; arresting is 173; beating is assault.
    [road] = _stances("وقطع المحتجون الطريق الرئيسي أمام مبنى المحافظة.")
    assert (road.holder.text, road.event_code) == ("المحتجون", "144")
    [fire] = _stances("وفتح مسلحون النار على دورية للشرطة.")
    assert (fire.holder.text, fire.target.text, fire.event_code) == ("مسلحون", "شرطة", "190")
    [arrest] = _stances("وألقت الشرطة القبض على ثلاثة متظاهرين.")
    assert (arrest.holder.text, arrest.target.text, arrest.event_code) == ("الشرطة", "متظاهرين", "173")
    assert not _stances("وقطعت الحكومة الكهرباء، وفتحت الشرطة تحقيقا، وألقى الوزير كلمة.")
    stances = _stances("واعتدى الحراس على السجناء بالضرب.")
    assert ("الحراس", "السجناء") in {(h, t) for h, t, _ in _roles(stances)}


def test_closing_roads_clashes_and_shooting_dead() -> None:
    [road] = _stances("وأغلق المحتجون الطرق المؤدية إلى مقر الحكومة.")
    assert (road.holder.text, road.event_code) == ("المحتجون", "144")
    assert not _stances("وأغلقت الحكومة الملف نهائيا.")
    stances = _stances("ووقعت مصادمات بين الشرطة والمتظاهرين أمام البرلمان.")
    assert {frozenset((s.holder.text, s.target.text)) for s in stances} == {frozenset(("الشرطة", "المتظاهرين"))}
    stances = _stances("وأردى مسلحون ضابطا في الشرطة قرب منزله.")
    assert ("مسلحون", "ضابطا") in {(h, t) for h, t, _ in _roles(stances)}


def test_demolition_verb_is_a_conflict_cue() -> None:
    stances = _stances("وهدمت قوات الاحتلال منزل عائلة فلسطينية في الخليل.")
    [s] = [s for s in stances if s.cue.text == "وهدمت"]
    assert (s.holder.text, s.polarity, s.event_code) == ("قوات الاحتلال", Polarity.AGAINST, "1712")


def test_exchange_of_fire_is_reciprocal() -> None:
    stances = _stances("ووقع تبادل اطلاق النار بين الشرطة ومسلحين قرب الحدود.")
    pairs = {frozenset((s.holder.text, s.target.text)) for s in stances if s.event_code == "190"}
    assert frozenset(("الشرطة", "مسلحين")) in pairs


def test_dispersing_protesters_is_repression() -> None:
    [s] = _stances("وفرقت الشرطة المتظاهرين بالقوة أمام البرلمان.")
    assert (s.holder.text, s.target.text, s.event_code) == ("الشرطة", "المتظاهرين", "175")
    assert not find_actors(normalize_text("بالقوة"))  # "by force", not a military force
    assert not _stances("وفرق العمل الحكومية تعمل مع الجيش.")  # teams, not "dispersed"


def test_fajr_before_a_day_is_dawn_not_blew_up() -> None:
    # "Mortar shells fell on houses at dawn yesterday, killing two civilians."
    stances = _stances("وسقطت قذائف على منازل المدنيين فجر امس.")
    assert all(s.cue.text != "فجر" for s in stances)
    [s] = _stances("وفجر مسلحون جسرا فجر الأحد.")
    assert (s.holder.text, s.cue.text) == ("مسلحون", "وفجر")


def test_a_cue_noun_after_combating_or_banning_is_no_event() -> None:
    # "Riot police dispersed the crowd": no riot; "the ban on demonstrations": no demonstration.
    stances = _stances("واعتقلت شرطة مكافحة الشغب عشرة طلاب بعد قرار منع التظاهرات في الجامعة.")
    assert {s.cue.text for s in stances} == {"واعتقلت"}


def test_demanded_is_a_demand_not_a_student() -> None:
    # طالب opening the clause is the verb "demanded" (CAMEO 100, a demand), not طالب "student".
    [s] = _stances("وطالب المتظاهرون الحكومة بالاستقالة.")
    assert (s.holder.text, s.target.text, s.event_code, s.polarity) == (
        "المتظاهرون",
        "الحكومة",
        "100",
        Polarity.AGAINST,
    )


def test_a_listed_student_protester_at_the_clause_start_is_a_verb_and_its_subject() -> None:
    # "طالب المحتجون" is "the protesters demanded", not the listed "طالب محتج".
    [s] = _stances("طالب المحتجون باستقالة الحكومة.")
    assert (s.holder.text, s.target.text, s.cue.text) == ("المحتجون", "الحكومة", "طالب")


def test_a_circumstantial_participle_is_the_demand_of_the_verbs_subject() -> None:
    # "The deputies returned to parliament, demanding that the minister resign."
    [s] = _stances("وعاد النواب إلى قاعة البرلمان، مطالبين وزير التعليم بالاستقالة.")
    assert (s.holder.text, s.target.text, s.cue.text, s.event_code) == ("النواب", "وزير التعليم", "مطالبين", "100")
    # The bare noun مطالب ("demands") is no participle.
    assert not [s for s in _stances("ورفضت الحكومة مطالب المعارضة.") if s.cue.text == "مطالب"]


def test_a_verb_spelt_noun_after_a_preposition_is_the_noun() -> None:
    # على هدم: the demolition (a noun) by the authorities, of the houses.
    stances = _stances("واحتج السكان على هدم المنازل من قبل السلطات الإسرائيلية.")
    assert ("السلطات الإسرائيلية", "المنازل") in pairs(stances)


def test_a_name_spelt_as_a_one_word_noun_cue_is_the_event() -> None:
    # الصدامات is "the clashes" (a cue), not the dictionary name صدام with a plural ending.
    stances = _stances("وتظاهر الطلاب أمام الجامعة وتبعت ذلك الصدامات مع الشرطة.")
    assert ("الطلاب", "الشرطة") in {(h, t) for h, t, _ in _roles(stances)}
    assert all("الصدامات" not in (s.holder.text, s.target.text) for s in stances)


def test_an_actor_inside_the_cue_phrase_is_not_a_party() -> None:
    stances = _stances("وشهد السوق العديد من العمليات الانتحارية ضد المارة.")
    assert not [s for s in stances if s.cue.text == "العمليات الانتحارية" and s.holder.text == "الانتحارية"]


def test_weak_verbs_and_pronoun_objects() -> None:
    # اعتدوا is اعتدى with its last letter dropped; عليهم points back to the farmers.
    stances = _stances("وهدد المستوطنون المزارعين في الحقل واعتدوا عليهم بالضرب.")
    assert ("المستوطنون", "المزارعين", "واعتدوا") in _roles(stances)
    # التقت is التقى; هنا is "here", not the verb هنأ.
    [met] = _stances("والتقت وزيرة الخارجية الأمريكية الرئيس المصري.")
    assert met.cue.text == "والتقت"
    assert not _stances("وقال الوزير إن الجيش الأمريكي هنا لحماية السفارة.")


def test_abyan_is_a_province_and_graduating_is_no_protest() -> None:
    # أبين is the Yemeni province, not the verb أبى "refused" (no longer a cue).
    assert not _stances("وتقدمت القوات اليمنية في محافظتي لحج وأبين.")
    # تخرّج "graduated" is spelt like تخرج "goes out".
    assert not _stances("وتخرج الوزير من جامعة القاهرة ثم عمل في الشركة.")
    [s] = _stances("وخرج الطلاب من الجامعة في مسيرة ضد الحكومة.")
    assert (s.holder.text, s.target.text) == ("الطلاب", "الحكومة")
    assert not _stances("وتخرجوا من المدارس العليا شبه العسكرية.")


def test_a_march_is_a_protest_only_in_a_protest_context() -> None:
    # مسيرة is also a course: "the leader of the march (the nation's course)".
    assert not _stances("واهتمام حكومتنا بقيادة قائد المسيرة الملك سلمان.")
    [s] = _stances("ونظم العمال مسيرة باتجاه مقر الوزارة.")
    assert (s.holder.text, s.cue.text) == ("العمال", "مسيرة")


def _codes(text: str) -> set[str]:
    return {s.event_code for s in _stances(text) if s.polarity == Polarity.AGAINST}


def test_sparking_an_issue_and_striking_an_example_are_no_attacks() -> None:
    # "sparked a major issue with the Egyptian government"; "gave the Iraqi government as an example".
    assert "183" not in _codes("وفجر رئيس الوزراء الإسرائيلي قضية كبرى مع الحكومة المصرية.")
    assert "180" not in _codes("وضرب الرئيس الأميركي مثالا بالحكومة العراقية.")
    # "the financial crisis that struck the United States"
    assert "180" not in _codes("وقال الوزير إن الأزمة المالية التي ضربت الولايات المتحدة أضرت بالصين.")


def test_stealing_the_limelight_is_no_abduction_but_holding_hostages_is() -> None:
    assert "181" not in _codes("وخطف الرئيس الفرنسي الأضواء من رئيس الوزراء البريطاني.")
    # "The Saudi team snatched the championship title": sport, no kidnapping.
    assert "181" not in _codes("وخطف المنتخب السعودي لقب البطولة من المنتخب الأردني.")
    [held] = _stances("واحتجز مسلحون أربعة من رجال الشرطة رهائن.")
    assert (held.holder.text, held.target.text, held.event_code) == ("مسلحون", "رجال الشرطة", "181")
    [arrest] = _stances("واحتجزت الشرطة أربعة من المسلحين.")
    assert arrest.event_code == "173"


def test_missiles_sold_are_hardware_and_missiles_fired_a_volley() -> None:
    assert "190" not in _codes("وباعت روسيا صواريخ إلى إيران.")
    assert "190" in _codes("وأطلقت حماس صواريخ على إسرائيل.")


def test_war_as_the_genitive_of_warlords_or_war_crimes_is_no_war() -> None:
    from tasks.actors import Words
    from tasks.stance_cues import find_cues
    from tasks.stance_lexicon import lexicons
    from tasks.stance_senses import read_senses

    doc = normalize_text("وأصدرت محكمة جرائم الحرب حكما على أمراء الحرب وقادة آلة الحرب.")
    words = Words.of(doc)
    lex = lexicons(doc.language)
    hits = find_cues(words, 0, len(words.keys), lex, False)
    assert sum(h.code == "190" for h in hits) == 3
    assert not any(h.code == "190" for h in read_senses(words, hits, 0, len(words.keys)))


def test_going_out_of_a_contest_or_taking_someone_out_is_no_march() -> None:
    # "went out of the first round"; أخرج "took the director out" (form IV), no crowd going out.
    assert "141" not in _codes("وخرج الطلاب المصريون من الدور الأول للمسابقة أمام الحكومة.")
    assert "141" not in _codes("وأخرج المتظاهرون المدير من مبنى الحكومة.")


def test_graduating_with_the_subject_between_is_no_march() -> None:
    assert not _stances("وتخرج الطالب محمد علي من كلية الطب في جامعة القاهرة بدعم من الحكومة.")


def test_graduating_from_ones_studies_is_no_march() -> None:
    # "The play tells of a young man who graduated from his studies and found no work in Turkey."
    assert not _stances("وتحكي المسرحية قصة شاب تخرج من الدراسة ولم يجد عملا في الدوائر الحكومية التركية.")


def test_a_violent_noun_that_names_a_class_or_a_charge_is_no_act() -> None:
    # "kidnapping gangs", "detonation bombs", "crimes of rape and killing" (both conjuncts).
    assert not _stances("وقالت الوزارة إن عصابات الخطف الجماعي لموظفي الدولة ستنشط في بغداد.")
    assert not _stances("وأكد المسؤول أن الآلاف من قنابل التفجير تقلق القوات الأميركية.")
    assert not _stances("ودانت المحكمة المتهمين بجرائم اغتصاب وقتل المدنيين.")


def test_fajr_before_the_day_before_yesterday_is_dawn() -> None:
    # "The police arrested five gunmen at dawn the day before yesterday."
    stances = _stances("واعتقلت الشرطة فجر أول من أمس خمسة من المسلحين.")
    assert all(s.event_code != "183" for s in stances)


def test_shots_fired_into_the_air_hit_no_one() -> None:
    # "The gunmen fired into the air celebrating their leader's release."
    assert not _stances("وأطلق المسلحون النار في الهواء ابتهاجا بالإفراج عن قائدهم أمام مقر الشرطة.")
    assert ("المسلحون", "الشرطة") in pairs(_stances("وأطلق المسلحون النار على مقر الشرطة."))


def test_awrada_reported_is_not_arda_shot_dead() -> None:
    # أوردت "reported" must not be read as أردى "shot dead" through أ + وردي.
    assert not _stances("ونفت الوزارة معلومات أوردتها هيئة الإذاعة البريطانية عن الجيش الأميركي.")


def test_what_prompted_is_no_call() -> None:
    # "Israel closed the crossings, which prompted the United Nations to warn of a disaster."
    assert not _stances("أغلقت إسرائيل المعابر مما دعا الأمم المتحدة إلى التحذير من كارثة.")
    # "The Egyptian president called on Israel to withdraw."
    assert ("الرئيس المصري", "إسرائيل") in pairs(_stances("دعا الرئيس المصري إسرائيل إلى الانسحاب."), Polarity.FAVOR)


def test_a_programme_that_targets_an_audience_is_no_attack() -> None:
    # "The office ran outreach programmes that targeted private companies and Muslim communities."
    assert not _stances("ونفذ المكتب برامج دعوية متعددة استهدفت الشركات الأهلية والجاليات المسلمة.")
    # "Gunmen targeted the government headquarters" stays an attack.
    assert _stances("وقالت الشرطة إن مسلحين استهدفوا مقر الحكومة.")


def test_fajr_before_a_place_name_is_dawn_not_blew_up() -> None:
    # "Parliament warned the Dawn of Tripoli militias": فجر before a town is a name, no bombing.
    stances = _stances("وحذر البرلمان ميليشيات فجر طرابلس من مهاجمة المطار.")
    assert all(s.cue.text != "فجر" for s in stances)
    # "A suicide bomber blew himself up in a market" keeps the bombing.
    assert any(s.cue.text == "وفجر" for s in _stances("وفجر انتحاري نفسه في سوق المدينة."))


def test_sadir_before_an_is_issued_not_confiscated() -> None:
    # "The papers carried a statement issued by the Egyptian defence ministry saying the army destroyed ...".
    stances = _stances("ونقلت الصحف بيانا صادرا عن وزارة الدفاع المصرية يقول إن الجيش دمر مواقع المسلحين.")
    assert all(s.event_code != "1711" for s in stances)
    assert ("الجيش", "المسلحين") in pairs(stances)
    # "The police confiscated weapons from the accused" is still a seizure.
    assert any(s.event_code == "1711" for s in _stances("وصادرت الشرطة أسلحة من المتهمين."))


def test_signs_combining_and_crossroads_are_no_protest_or_boycott() -> None:
    # مظاهر "signs of" (demonstrations are مظاهرة، مظاهرات), تجمع بين "combines",
    # تقاطع طريق "a road crossing" (تقاطع is also "she boycotts").
    assert not _stances("وأمر أمير منطقة عسير بإيقاف مظاهر الاحتفالات في المهرجان.")
    assert not _stances("وتعد الشركة علامة تجارية أمريكية تجمع بين الأصالة والحداثة.")
    assert not _stances("وقال المواطنون إن مشروع تطوير تقاطع طريق الملك عبدالله مع طريق مكة تأخر.")
    assert ("الطلاب", "الحكومة") in pairs(_stances("نظم الطلاب مظاهرات ضد الحكومة."))
    assert ("السعودية", "إيران") in pairs(_stances("السعودية تقاطع إيران."))


def test_a_crossroads_opened_or_named_and_a_family_gathering_are_no_events() -> None:
    # "The opening of the Al-Basr crossroads with King Fahd road"; "a family gathering".
    assert not pairs(_stances("الإعلان عن افتتاح تقاطع البصر مع الملك فهد"))
    assert not pairs(_stances("وكان الحفل عبارة عن تجمع أسري دون كلمات رسمية من المتحدث الرسمي."))


def test_a_cordon_or_fees_imposed_and_a_warning_to_the_public_are_no_sanction_or_threat() -> None:
    # "The army imposed a security cordon"; "the council imposed fees on land"; "the ministry
    # warned citizens against dealing with ...": no party is sanctioned or threatened.
    assert not pairs(_stances("وفرضت قوات الجيش طوقا أمنيا حول المنطقة بعد هجوم المسلحين."))
    assert not pairs(_stances("وقرر المجلس فرض رسوم على أراضي المواطنين."))
    assert not pairs(_stances("وحذرت وزارة الداخلية المواطنين من التعامل مع المكاتب الوهمية."))
    # Sanctions and control imposed by force are still conflict.
    assert ("واشنطن", "روسيا") in pairs(_stances("وفرضت واشنطن عقوبات على روسيا."))


def test_a_rank_occupied_or_a_match_played_is_no_occupation_or_fight() -> None:
    # "Montreal occupies sixth place"; "Al-Ittihad played its second friendly yesterday".
    assert not pairs(_stances("ويحتل مونتريال المركز السادس في القسم الشرقي متقدما على نيويورك."))
    assert not pairs(_stances("وخاض فريق الاتحاد ثانية مواجهاته الودية أمس أمام فريق أورنافاسيس الإيطالي."))
    assert ("الحوثيون", "صنعاء") in pairs(_stances("ومنذ أن احتل الحوثيون صنعاء عاد التوتر."))


def test_whoever_kills_is_a_rule_not_an_event() -> None:
    [n] = _stances("ومن يقتل الجنود المدنيين يحاكم.")
    assert n.polarity.value == "neutral" and n.note and "whoever" in n.note


def test_a_title_a_civil_war_and_the_attack_line_are_no_war_or_attack() -> None:
    assert not _stances("من جهته، أكد اللواء أركان حرب كامل الوزير أن العمل مستمر.")
    assert not _stances("ويمثل التعاقد مع المحترف البرازيلي إضافة كبيرة في خط الهجوم الفتحاوي.")
    assert not _stances("ذلك حالها، حرب أهلية ودماء بين الجيش والمتمردين.")
    assert ("تركيا", "تنظيم داعش") in pairs(_stances("رحبت الفصائل بدخول تركيا على خط الحرب على تنظيم داعش."))


def test_a_world_war_or_a_war_of_attrition_names_no_two_sides() -> None:
    # "Iran entangled itself in a war of attrition in Syria and Iraq"; "the Second World War".
    assert not pairs(_stances("فقد ثبت أن إيران ورطت نفسها في حرب استنزاف داخل سوريا والعراق."))
    assert not pairs(_stances("وتحتفل بريطانيا بذكرى انتهاء الحرب العالمية الثانية مع ألمانيا."))


def test_facilities_receive_and_ads_target_without_any_stance() -> None:
    assert not _stances("وقالت المسؤولة إن المستشفى استقبل خلال شهر يوليو جثامين 9 مدنيين.")
    assert not _stances("وقال إن مطار عدن استقبل أمس الطائرة السعودية الثانية.")
    assert not _stances("يستهدف الإعلان شريحة رجال الأعمال.")
    assert not _stances("قد سدد المالكي ضربة قاضية لأي تقارب بين بغداد والرياض.")
    assert _stances("استقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية الأمريكي جون كيري.")


def test_festivals_flows_graduations_and_council_names_are_no_events() -> None:
    assert not _stances("تعيش المدينة المنورة تظاهرة اجتماعية واحتفالية ابتهاجا بالعيد.")
    assert not _stances("شهدت محافظة الأحساء تدفق أعداد كبيرة من الزوار والسياح.")
    assert not _stances("حضر ولي العهد حفل تخرج إحدى الكليات العسكرية في مصر.")
    assert not _stances("وأكد الأمين العام تصميم دول مجلس التعاون على محاربة التنظيمات الإرهابية المتطرفة.")
    assert ("المتظاهرون", "الحكومة") in pairs(_stances("تدفق المتظاهرون إلى الميدان احتجاجا على قرار الحكومة."))
    assert ("روسيا", "الصين") in pairs(_stances("أكدت روسيا التعاون مع الصين."), Polarity.FAVOR)


def test_against_after_a_word_of_playing_is_a_match() -> None:
    assert not _stances("وتلعب جنوب السودان ضد موريتانيا، والفائز منهما يقابل تونس.")
    assert _stances("وتظاهر الطلاب ضد الحكومة.")


def test_against_before_a_word_of_fixtures_is_a_match() -> None:
    # A qualifying draw: "Gambia against Namibia, to face Guinea".
    assert not _stances("غامبيا ضد ناميبيا لمقابلة غينيا.")
    assert ("الآلاف", "الحكومة") in pairs(_stances("وتظاهر الآلاف ضد الحكومة في ملعب المدينة."))


def test_after_a_noun_used_as_a_preposition_a_verb_spelling_is_its_verbal_noun() -> None:
    # "25 Houthis were wounded by (جراء) an air strike the coalition forces carried out":
    # قصف is the strike, not "he shelled" with the Houthis for subject.
    text = "وأصيب 25 حوثيا جراء قصف جوي شنته قوات التحالف على مواقعهم."
    assert not any(h == "حوثيا" for h, _ in pairs(_stances(text)))
