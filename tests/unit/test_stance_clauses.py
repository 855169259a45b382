"""Stance roles from clause grammar: which actor can be a subject (places, prepositions,
plural verbs), light verbs, fronted objects, apposition, and clause breaks."""

from __future__ import annotations

from tasks.schema import Polarity
from tests.conftest import pairs
from tests.conftest import roles as _roles
from tests.conftest import tagged_stances as _stances


def test_a_place_with_a_preposition_is_not_the_subject_of_a_verb() -> None:
    # "A car bomb went off in Afghanistan, killing eight civilians": Afghanistan kills no one.
    stances = _stances("انفجرت سيارة مفخخة بأفغانستان، تقتل ثمانية مدنيين.")
    assert all(s.holder.text != "أفغانستان" for s in stances)
    assert ("سيارة مفخخة", "مدنيين") in {(h, t) for h, t, _ in _roles(stances)}


def test_a_town_is_not_the_subject_of_a_plural_verb() -> None:
    # "Protesters came out of Cairo's mosques condemning the president": the protesters condemn.
    stances = _stances("وخرج متظاهرون من مساجد القاهرة ينددون بالرئيس.")
    assert all(s.holder.text != "القاهرة" for s in stances)
    assert ("متظاهرون", "الرئيس") in {(h, t) for h, t, _ in _roles(stances)}


def test_two_groups_with_one_role_code_are_two_parties() -> None:
    # Settlers attacked villagers: both are civilians (CVL), still two sides.
    stances = _stances("وقال مسؤول فلسطيني إن مستوطنين هاجموا المواطنين في القرية.")
    assert ("مستوطنين", "المواطنين") in {(h, t) for h, t, _ in _roles(stances)}


def test_armed_group_and_civilians_of_one_country_are_two_parties() -> None:
    stances = _stances("وهاجمت حركة طالبان المدنيين الأفغان في قندهار.")
    assert ("حركة طالبان", "المدنيين الأفغان") in {(h, t) for h, t, _ in _roles(stances)}


def test_light_verb_subject_does_what_the_noun_names() -> None:
    stances = _stances("وقام المتظاهرون باحراق العلم الإسرائيلي أمام السفارة.")
    assert any(s.holder.text == "المتظاهرون" and s.cue.text == "باحراق" for s in stances)
    stances = _stances("وقام مسلحون يرتدون زي قوات الأمن بخطف وكيل وزارة النفط العراقية.")
    assert ("مسلحون", "وكيل وزارة النفط العراقية") in {(h, t) for h, t, _ in _roles(stances)}


def test_fronted_object_with_a_pronoun_on_the_verb() -> None:
    # "Two Malian soldiers, Tuareg fighters kidnapped them."
    stances = _stances("وقال مصدر إن جنديين ماليين خطفهم مسلحون في الشمال.")
    assert ("مسلحون", "جنديين ماليين") in {(h, t) for h, t, _ in _roles(stances)}


def test_verb_after_a_place_and_a_comma_takes_its_subject_after_it() -> None:
    # "... the fuel that entered Gaza, dozens of protesters clashed with the Egyptian police."
    stances = _stances("وبعد نفاد الوقود الذي دخل غزة، اشتبك العشرات من المتظاهرين مع الشرطة المصرية.")
    assert ("المتظاهرين", "الشرطة المصرية") in {(h, t) for h, t, _ in _roles(stances)}
    assert all(s.holder.text != "غزة" for s in stances)


def test_a_person_before_the_comma_stays_the_subject() -> None:
    stances = _stances("وقال البيت الأبيض إن وزير الدفاع الروسي، هدد أوكرانيا.")
    assert ("وزير الدفاع الروسي", "أوكرانيا") in {(h, t) for h, t, _ in _roles(stances)}


def test_clash_with_takes_the_partner_after_maa() -> None:
    stances = _stances("واشتبك مسلحون قرب معبر رفح مع قوات الأمن المصرية.")
    assert ("مسلحون", "قوات الأمن المصرية") in {(h, t) for h, t, _ in _roles(stances)}


def test_object_pronoun_on_a_noun_cue_after_a_light_verb() -> None:
    # "A girl described how ten soldiers, from a peacekeeping force, raped her."
    stances = _stances("ووصفت طفلة كيف قام عشرة جنود، من قوة حفظ السلام، باغتصابها.")
    assert ("جنود", "طفلة") in {(h, t) for h, t, _ in _roles(stances)}


def test_a_place_after_madina_or_muhafaza_is_where_not_whom() -> None:
    stances = _stances("واقتحم مسلحون مبنى في محافظة نينوى.")
    assert all("نينوى" not in (s.holder.text, s.target.text) for s in stances)
    assert ("مسلحون", "مبنى") in {(h, t) for h, t, _ in _roles(stances)}


def test_an_actor_after_a_preposition_word_is_no_subject() -> None:
    # "... on its way to Cairo when two gunmen opened fire on the security force."
    stances = _stances("وكانت السيارة في طريقها إلى القاهرة عندما أطلق المسلحان النار على القوة الأمنية.")
    assert all(s.holder.text != "القاهرة" for s in stances)
    assert ("المسلحان", "القوة الأمنية") in {(h, t) for h, t, _ in _roles(stances)}


def test_a_place_after_a_place_word_with_a_clitic_is_where() -> None:
    # "Gunmen in northern Afghanistan attacked an army convoy": بشمال is ب + شمال.
    stances = _stances("وهاجم مسلحون بشمال أفغانستان قافلة للجيش.")
    assert all(s.target.text != "أفغانستان" for s in stances)


def test_the_driver_not_the_car_is_the_subject() -> None:
    # "A bomber driving a truck bomb blew himself up near the base."
    stances = _stances('وقال مسؤول إن "انتحاريا يقود شاحنة مفخخة، فجر نفسه قرب مقر الشرطة".')
    assert {h for h, _, c in _roles(stances) if c == "فجر"} == {"انتحاريا"}


def test_a_verb_joined_after_a_place_shares_the_earlier_subject() -> None:
    # "Gunmen kidnapped the consul in Peshawar, north-west Pakistan, and killed his driver."
    stances = _stances("وخطف مسلحون القنصل العام في مدينة بيشاور شمال غرب باكستان وقتلوا سائقه.")
    assert {h for h, _, c in _roles(stances) if c == "وقتلوا"} <= {"مسلحون"}
    stances = _stances("ويعتصم آلاف المتظاهرين أمام البرلمان في بانكوك، ويطالبون باستقالة وزير الداخلية.")
    assert ("المتظاهرين", "وزير الداخلية", "ويطالبون") in _roles(stances)


def test_the_named_head_of_an_apposition_is_the_subject() -> None:
    # '"The Taliban", the Afghan armed group, had attacked an army convoy.'
    stances = _stances('وكانت "حركة طالبان"، الجماعة المسلحة الأفغانية قد هاجمت قافلة للجيش.')
    assert {h for h, _, c in _roles(stances) if c == "هاجمت"} == {"حركة طالبان"}


def test_a_region_named_by_a_place_noun_holds_nothing() -> None:
    # "An air strike targeted the Pakistani tribal region bordering Afghanistan."
    stances = _stances("وقتل خمسة أشخاص في ضربة جوية استهدفت المنطقة القبلية الباكستانية المحاذية لأفغانستان.")
    assert all(s.holder.text != "المنطقة القبلية الباكستانية" for s in stances)


def test_a_colon_ends_the_dateline_clause() -> None:
    # The paper's name before the colon is no subject of the verb after it.
    [s] = _stances('* القاهرة "الأهرام": هاجم مسلحون حافلة للسياح.')
    assert (s.holder.text, s.target.text) == ("مسلحون", "سياح")


def test_the_definite_object_inside_a_phrase_cue_is_its_target() -> None:
    # "The riot police set about dispersing the strikers": the strikers were dispersed.
    stances = _stances("وقامت الشرطة بتفريق المعتصمين بالقوة.")
    assert ("الشرطة", "المعتصمين") in pairs(stances)


def test_clashes_with_someone_pair_the_subject_and_the_one_after_ma() -> None:
    stances = _stances("وجرح عدد من الطلاب في مواجهات مع الجيش قرب الجامعة.")
    assert ("الطلاب", "الجيش") in pairs(stances)


def test_possessed_units_in_reported_speech_are_the_speakers() -> None:
    # "The army said its planes bombed the rebels' positions": the army holds it.
    stances = _stances("وقال الجيش الباكستاني إن طائراته قصفت مواقع للمتمردين.")
    assert ("الجيش الباكستاني", "متمردين") in pairs(stances)


def test_a_country_after_fi_and_a_place_noun_is_where_it_happened() -> None:
    stances = _stances("وخطف مسلحون في دلتا النيجر ثلاثة مهندسين أجانب.")
    assert ("مسلحون", "مهندسين") in pairs(stances)


def test_a_place_joined_to_where_it_happened_is_where_too() -> None:
    # "Battles in the two cities of Fallujah and Ramadi against ISIS": Ramadi and Fallujah
    # are where the battles are, not who fights ISIS.
    stances = _stances("وتخوض القوات العراقية معارك في مدينتي الفلوجة والرمادي ضد تنظيم داعش.")
    assert all(s.holder.text not in ("الفلوجة", "الرمادي") for s in stances)


def test_an_indefinite_accusative_is_no_subject() -> None:
    # "… in a vote on acting militarily against the Syrian government's forces": عسكريا is
    # an adverb (accusative tanwin), not a soldier; "إن مسلحا هاجم" keeps its subject.
    stances = _stances("وخسر في تصويت على التحرك عسكريا ضد قوات الحكومة السورية.")
    assert all(s.holder.text != "عسكريا" for s in stances)
    assert ("مسلحا", "القرية") in pairs(_stances("وقال الشرطي إن مسلحا هاجم القرية."))


def test_a_subordinate_clause_has_its_own_subject() -> None:
    # "Four soldiers were killed when gunmen attacked a checkpoint": the gunmen attacked.
    stances = _stances("وقتل أربعة جنود عندما هاجم مسلحون نقطة تفتيش للجيش.")
    assert {s.holder.text for s in stances if s.cue.text == "هاجم"} == {"مسلحون"}


def test_directions_before_a_place_and_a_school_is_no_teacher() -> None:
    stances = _stances("وقصفت الطائرات مدرسة في منطقة شمال غربي سوريا.")
    assert all(s.target.text != "سوريا" and s.holder.text != "مدرسة" for s in stances)


def test_a_nationality_after_a_place_noun_is_the_place() -> None:
    # "a market in the Iraqi province of Diyala": Iraq is where, not whom.
    stances = _stances("وانفجرت سيارة مفخخة في سوق بمحافظة ديالى العراقية.")
    assert all(s.target.text != "العراقية" for s in stances)


def test_a_noun_after_a_comma_takes_no_subject_and_an_order_has_its_giver() -> None:
    # "A party member announced, the killing of five…": the party is no killer.
    stances = _stances("أعلن عضو في الحزب الذي يتزعمه الرئيس الأفغاني، مقتل خمسة حراس في انفجار عبوة ناسفة.")
    assert all(s.holder.text != "الرئيس الأفغاني" for s in stances)
    stances = _stances("وأمر وزير الداخلية المصري، باعتقال ضابط كبير.")
    assert ("وزير الداخلية المصري", "ضابط") in pairs(stances)


def test_a_unit_with_a_verb_before_belonging_is_not_the_owners() -> None:
    # "A warship fired a missile that hit positions belonging to the front": the positions
    # are the front's, the warship is American.
    stances = _stances("وأطلقت بارجة أمريكية صاروخا استهدف مواقع تابعة لجبهة النصرة.")
    assert ("بارجة أمريكية", "جبهة النصرة") in {(s.holder.text, s.target.text) for s in stances}


def test_those_fought_alongside_are_allies_not_targets() -> None:
    stances = _stances("وقاتلت فصائل المعارضة إلى جانب الجبهة ضد النظام.")
    assert {s.target.text for s in stances if s.polarity == Polarity.AGAINST} == {"النظام"}


def test_a_coordinated_subject_is_held_by_its_first_conjunct() -> None:
    # "Members of the Tagammu, Nasserist and Socialist Alliance parties against Bush's visit."
    stances = _stances("وتظاهر أعضاء أحزاب التجمع والناصري والتحالف الاشتراكي ضد زيارة بوش.")
    assert {(s.holder.text, s.target.text) for s in stances} == {("أحزاب", "بوش")}


def test_a_possessed_subject_after_a_relative_verb_holds_it() -> None:
    # "Nigeria, whose president warned the United States": the president warned.
    stances = _stances("وتقع نيجيريا التي حذر رئيسها الولايات المتحدة من العواقب.")
    assert {(s.holder.text, s.target.text) for s in stances} == {("رئيسها", "الولايات المتحدة")}


def test_an_armed_group_under_lam_is_no_subject() -> None:
    # "Gunmen belonging to al-Qaeda attacked an army checkpoint": the gunmen attacked.
    stances = _stances("وأكدت مصادر أن مسلحين ينتمون لتنظيم القاعدة هاجموا نقطة تفتيش للجيش.")
    assert {s.holder.text for s in stances} == {"مسلحين"}


def test_against_whoever_names_no_target() -> None:
    # "The legal measures against those accused of insulting the president."
    assert not pairs(_stances("وانتقد الحزب الإجراءات القانونية ضد من اتهموا بإهانة الرئيس التركي."))
    # "The army waged a war on al-Qaeda."
    assert ("الجيش", "تنظيم القاعدة") in pairs(_stances("وشن الجيش حربا ضد تنظيم القاعدة."))


def test_a_nominative_plural_after_a_singular_verb_is_its_subject() -> None:
    # "Ten soldiers deployed in the village when gunmen stormed the town hall."
    stances = _stances("وانتشر عشرة جنود في القرية حين اقتحم مسلحون مبنى البلدية.")
    assert ("جنود", "مسلحون") not in pairs(stances)
    assert ("مسلحون", "مبنى البلدية") in pairs(stances)


def test_a_party_in_a_clause_on_a_time_is_no_object() -> None:
    # "Gunmen stormed buildings in the capital on the day the president gave his speech."
    stances = _stances("واقتحم مسلحون عددا من المباني في العاصمة في اليوم الذي يلقي فيه الرئيس الروسي خطابه.")
    assert not any(t == "الرئيس الروسي" for _, t in pairs(stances))


def test_a_target_is_not_sought_in_the_next_sentence_after_a_comma() -> None:
    # "The militants burned the library, and the reconstruction comes after the government's appeal."
    stances = _stances("وأحرق المتشددون المكتبة القديمة، وتأتي إعادة البناء بعد مناشدة حكومة مالي.")
    assert ("المتشددون", "حكومة مالي") not in pairs(stances)


def test_a_party_behind_a_preposition_is_no_fronted_object() -> None:
    # "The legal expert worked for the PLO, and Israel accused him of bias."
    stances = _stances("وعمل الخبير القانوني لمنظمة التحرير الفلسطينية واتهمته إسرائيل بالتحيز.")
    assert not any(t.startswith("منظمة التحرير") for _, t in pairs(stances))
    # "Malian soldiers, Tuareg fighters kidnapped them."
    assert ("مقاتلو", "عسكريين ماليين") in pairs(_stances("عسكريين ماليين خطفهم مقاتلو الطوارق."))


def test_fighters_and_the_group_whose_ranks_they_join_are_one_side() -> None:
    # "The government says hundreds of young men went to fight in the ranks of the Nusra Front."
    stances = _stances("وتقول الحكومة إن مئات الشبان ذهبوا للقتال في صفوف جبهة النصرة.")
    assert ("جبهة النصرة", "الشبان") not in pairs(stances)


def test_a_feminine_verb_has_no_man_for_subject() -> None:
    # "A woman suicide bomber blew herself up in a security centre and killed a police officer;
    # she had visited Lebanon": زارت is feminine, so the officer did not visit.
    stances = _stances("وكانت امرأة انتحارية فجرت نفسها في مركز للأمن وقتلت ضابط شرطة زارت لبنان.")
    assert ("ضابط شرطة", "لبنان") not in pairs(stances, Polarity.FAVOR)
    assert ("ضابط شرطة", "المتظاهرين") in pairs(_stances("وهاجم ضابط شرطة المتظاهرين."))
