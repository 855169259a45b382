"""Stance roles for violence (CAMEO 17x-20): attack nouns and their authors, passive
reports and their victims, and what an attack hit."""

from __future__ import annotations

from tasks.actors_detect import find_actors
from tasks.normalize import normalize_text
from tasks.schema import Polarity
from tests.conftest import pairs
from tests.conftest import roles as _roles
from tests.conftest import tagged_stances as _stances


def test_reporter_is_not_the_author_of_a_reported_killing() -> None:
    stances = _stances("وأعلنت الشرطة مقتل ثلاثة مدنيين في هجوم نفذه مسلحون.")
    assert all(s.holder.text != "الشرطة" for s in stances)
    assert any(s.holder.text == "مسلحون" and s.target.text == "مدنيين" for s in stances)


def test_attack_noun_takes_its_nationality_adjective_as_author() -> None:
    stances = _stances("وأسفر القصف الإسرائيلي على غزة عن سقوط ضحايا.")
    assert any(s.holder.code == "ISR" and s.polarity == Polarity.AGAINST for s in stances)


def test_a_suicide_attack_names_no_author_and_the_weapon_is_no_victim() -> None:
    # "A suicide attack with a car bomb killed ten students": "suicide" says how it was done
    # (annotators reject it as a holder), a nationality says who did it.
    stances = _stances("وأسفر هجوم انتحاري بسيارة مفخخة عن مقتل عشرة طلاب.")
    assert all(s.target.text != "سيارة مفخخة" and s.holder.text != "انتحاري" for s in stances)
    assert ("الإسرائيلي", "طلاب") in pairs(_stances("أسفر الهجوم الإسرائيلي على المدرسة عن مقتل عشرة طلاب."))


def test_wounded_in_an_explosion_is_the_victim() -> None:
    # "Five soldiers were wounded in a roadside bomb blast": أصيب is passive by its spelling.
    stances = _stances("وأصيب خمسة جنود في انفجار عبوة ناسفة.")
    assert ("عبوة ناسفة", "جنود") in {(h, t) for h, t, _ in _roles(stances)}
    assert all(s.holder.text != "جنود" for s in stances)


def test_killed_in_an_attack_carried_out_by_gunmen() -> None:
    stances = _stances("وقال مصدر أمني إن ستة مدنيين قتلوا في هجوم شنه مسلحون.")
    assert ("مسلحون", "مدنيين") in {(h, t) for h, t, _ in _roles(stances)}
    assert all(s.holder.text != "مدنيين" for s in stances)


def test_uncounted_subject_after_the_verb_keeps_the_active_reading() -> None:
    stances = _stances("وقتل الجيش عشرة مسلحين في هجوم على معاقلهم.")
    assert ("الجيش", "مسلحين") in {(h, t) for h, t, _ in _roles(stances)}


def test_victims_before_a_passive_verb_are_not_its_holder() -> None:
    # "Two people were killed in a suicide attack": the bomber killed them, not the reverse.
    stances = _stances("وقال مسؤول إن شخصين قتلا في هجوم انتحاري.")
    assert ("انتحاري", "شخصين") in {(h, t) for h, t, _ in _roles(stances)}
    assert all(s.holder.text != "شخصين" for s in stances)


def test_a_passive_subject_without_an_author_gives_no_record() -> None:
    # "The Polish ambassador was wounded when his diplomatic convoy came under attack."
    stances = _stances("وأصيب السفير البولندي عندما تعرضت قافلته الدبلوماسية لهجوم.")
    assert all(s.holder.text != "السفير البولندي" for s in stances)


def test_counted_subject_of_an_active_only_verb_is_the_attacker() -> None:
    # هاجم (form III) has no passive reading: the thousands of protesters attacked.
    stances = _stances("وهاجم آلاف المتظاهرين مكتب الحكومة في العاصمة.")
    assert ("المتظاهرين", "الحكومة") in {(h, t) for h, t, _ in _roles(stances)}


def test_a_counted_subject_of_a_verb_done_to_places_is_the_agent() -> None:
    # You storm a building, not people: the hundreds of students stormed it.
    [s] = _stances("واقتحم مئات العمال مقر الشركة.")
    assert s.holder.text == "العمال"


def test_passive_agent_phrase_names_the_holder() -> None:
    # "Five Ethiopians were kidnapped at the hands of gunmen."
    stances = _stances("وأعلنت الشرطة أن خمسة إثيوبيين خطفوا على أيدي مسلحين.")
    assert ("مسلحين", "إثيوبيين") in {(h, t) for h, t, _ in _roles(stances)}
    assert all(s.holder.text != "إثيوبيين" for s in stances)
    # "The American journalist was kidnapped by gunmen": the verb comes first, still passive.
    stances = _stances("وخطف الصحفي الأمريكي من قبل مسلحين في بغداد.")
    assert ("مسلحين", "الصحفي الأمريكي") in {(h, t) for h, t, _ in _roles(stances)}


def test_things_hit_by_an_attack_are_targets_without_a_code() -> None:
    # "The protesters burnt dozens of cars": no actor was hit, the cars were.
    stances = _stances("وأحرق المتظاهرون عشرات السيارات.")
    [s] = [s for s in stances if s.cue.text == "وأحرق"]
    assert (s.holder.text, s.target.text, s.target.code) == ("المتظاهرون", "السيارات", None)
    # A thing after من or في is where it happened, not what was hit.
    assert not [s for s in _stances("وأحرق المتظاهرون الإطارات في الشارع قرب المنزل.") if "المنزل" in s.target.text]


def test_exposed_to_an_attack_is_the_victim() -> None:
    # "An army patrol came under an attack launched by gunmen": the army was attacked.
    stances = _stances("وتعرضت دورية للجيش لهجوم شنه مسلحون قرب الحدود.")
    assert ("مسلحون", "جيش") in {(h, t) for h, t, _ in _roles(stances)}  # للجيش: ل + ال peeled
    assert all(s.holder.text != "جيش" for s in stances)


def test_met_their_death_names_the_victims() -> None:
    stances = _stances("ولقي ثلاثة جنود مصرعهم في انفجار عبوة ناسفة.")
    assert ("عبوة ناسفة", "جنود") in {(h, t) for h, t, _ in _roles(stances)}


def test_the_survivor_of_an_attempt_is_its_target() -> None:
    # "The commander survived an assassination attempt by a suicide bomber."
    stances = _stances("وقالت مصادر أمنية إن القائد نجا من محاولة اغتيال نفذها انتحاري.")
    assert ("انتحاري", "القائد") in {(h, t) for h, t, _ in _roles(stances)}
    assert all(s.holder.text != "القائد" for s in stances)


def test_the_survivor_is_the_head_of_the_clause_not_a_later_actor() -> None:
    # "The police chief, who fights the gunmen, survived an assassination attempt."
    stances = _stances("وقال مسؤول إن قائد الشرطة الذي يلاحق المسلحين نجا من محاولة اغتيال.")
    assert {t for _, t, c in _roles(stances) if c == "اغتيال"} == {"قائد"}


def test_bewasitat_names_the_agent() -> None:
    # "The police announced seven people killed in a suicide bombing by means of a truck bomb."
    stances = _stances("وأعلنت الشرطة مقتل سبعة أشخاص بتفجير انتحاري بواسطة شاحنة مفخخة.")
    assert ("شاحنة مفخخة", "أشخاص", "مقتل") in _roles(stances)


def test_towns_and_villages_an_attack_is_aimed_at_are_its_target() -> None:
    stances = _stances("وأطلق مسلحون عشرات القذائف على البلدات الحدودية.")
    assert ("مسلحون", "البلدات") in {(h, t) for h, t, _ in _roles(stances)}


def test_a_verb_joined_to_a_subjectless_killing_shares_its_reading() -> None:
    # "Three soldiers of the Afghan army were killed and five people wounded, in a suicide attack."
    stances = _stances("وقتل ثلاثة جنود في الجيش الأفغاني وجرح خمسة أشخاص آخرون، في هجوم انتحاري.")
    assert ("انتحاري", "أشخاص", "وجرح") in _roles(stances)
    assert all(s.holder.text != "الجيش الأفغاني" for s in stances)


def test_a_bomb_is_never_the_target_and_a_source_never_the_holder() -> None:
    # "The bomber, who was carrying an explosive belt, attacked the checkpoint."
    stances = _stances("وهاجم الانتحاري الذي يحمل حزاما ناسفا الحاجز الأمني.")
    assert all(s.target.text != "حزاما ناسفا" for s in stances)
    # "Five civilians were killed, according to Pakistani officials, in an air strike."
    stances = _stances("وقتل خمسة مدنيين بحسب المسؤولين الباكستانيين في ضربة جوية.")
    assert all(s.holder.text != "المسؤولين الباكستانيين" for s in stances)


def test_a_thing_under_li_is_not_what_was_hit() -> None:
    # "anti-aircraft missiles": the aircraft were not attacked.
    stances = _stances("وزودت جهات مجهولة المتمردين بصواريخ مضادة للطائرات.")
    assert all("طائرات" not in s.target.text for s in stances)
    stances = _stances("وفجر مسلحون أحد الجسور غربي المدينة.")
    assert ("مسلحون", "الجسور") in {(h, t) for h, t, _ in _roles(stances)}


def test_an_attack_noun_takes_the_author_its_relative_clause_names() -> None:
    # "…in a raid carried out by foreign forces on a house": the forces, aimed at the house.
    stances = _stances("وقتل خمسة أشخاص في غارة شنتها قوات أجنبية على منزل في القرية.")
    assert ("قوات أجنبية", "منزل", "غارة") in {(s.holder.text, s.target.text, s.cue.text) for s in stances}
    assert all(s.holder.text != "أشخاص" for s in stances)


def test_an_armed_group_with_possessive_lam_is_a_target() -> None:
    # مواقع للمتمردين: the rebels' positions were attacked; بسيارة مفخخة is a weapon.
    assert ("الجيش", "متمردين") in pairs(_stances("وهاجم الجيش مواقع للمتمردين في الشمال."))


def test_a_dual_after_an_ambiguous_verb_is_a_victim() -> None:
    # "Two soldiers were killed in an Israeli shelling": جنديان counts two victims.
    stances = _stances("وقتل جنديان لبنانيان في قصف إسرائيلي على الحدود.")
    assert ("إسرائيلي", "جنديان لبنانيان") in pairs(stances)


def test_while_ends_the_target_search_of_an_attack() -> None:
    # The soldier killed "while" is the victim of another incident, not of this attack.
    stances = _stances("وانفجرت عبوة ناسفة في السوق، فيما قتل جندي في حادث آخر.")
    assert all(s.target.text != "جندي" for s in stances if s.cue.text == "وانفجرت")


def test_passive_spelling_of_assassinate_and_fire_as_an_agent_phrase() -> None:
    assert ("مسلحين", "الصحفي") in pairs(_stances("واغتيل الصحفي برصاص مسلحين أمام منزله."))
    assert ("قناص", "شرطيا") in pairs(_stances("وقتل شرطيا بنيران قناص في المدينة."))


def test_strikes_on_targets_and_a_bomber_blowing_himself_up_in_a_place() -> None:
    assert ("الطيران الروسي", "أهدافا") in pairs(_stances("وقصف الطيران الروسي أهدافا في الجبال."))
    assert ("انتحاري", "مسجد") in pairs(_stances("وفجر انتحاري نفسه داخل مسجد في المدينة."))


def test_the_passive_subject_before_an_apposition_and_an_aside_in_brackets() -> None:
    # "X, the regional manager of the company, was kidnapped in town (40 km east of the
    # capital) by gunmen": the manager of the company is the victim, the gunmen the agents.
    stances = _stances(
        "وقالت الشرطة إن فلان، المدير الإقليمي لشركة النفط، خطف في البلدة (40 كلم شرق العاصمة) من قبل مسلحين."
    )
    assert ("مسلحين", "شركة النفط") in pairs(stances)


def test_the_genitive_of_an_attack_noun_is_its_author() -> None:
    # "The gunmen's attack on the village", "the planes' raids on positions".
    assert ("المسلحين", "القرية") in pairs(_stances("وأسفر هجوم المسلحين على القرية عن خسائر."))
    stances = _stances("وأدت غارات الطائرات لمواقع في الجبال إلى أضرار.")
    assert ("الطائرات", "مواقع") in pairs(stances)
    assert not [s for s in _stances("وتواصل قصف غزة منذ أيام.") if s.holder.text == "غزة"]


def test_air_force_ending_in_an_is_no_dual_and_planes_counted_bomb() -> None:
    # طيران is not the dual of طير; three planes bombed, they were not bombed.
    assert ("طيران الجيش", "متمردين") in pairs(_stances("وقصف طيران الجيش مواقع للمتمردين."))
    [s] = _stances("وقصفت ثلاث طائرات حربية مواقع للمتمردين.")
    assert s.holder.text.startswith("طائرات")


def test_an_armed_actor_after_lam_is_the_author_of_an_attack_noun() -> None:
    stances = _stances("وقتل عشرة أشخاص جراء غارات لطائرات الجيش على مقرات للمتمردين.")
    assert ("طائرات", "متمردين") in pairs(stances) or ("طائرات الجيش", "متمردين") in pairs(stances)


def test_a_verbal_noun_with_the_victims_pronoun_has_no_author_before_it() -> None:
    # "…which led to his wounding": the commander named before is the victim, not the author.
    stances = _stances("وانفجرت عبوة قرب موكب القائد ما أسفر عن إصابته بجروح.")
    assert all(s.holder.text != "القائد" for s in stances)


def test_the_antecedent_of_a_relative_is_the_passive_victim() -> None:
    # "The union mourned the journalist who was assassinated by gunmen's bullets."
    stances = _stances("ونعت النقابة الصحفي الذي اغتيل برصاص مسلحين.")
    assert ("مسلحين", "الصحفي") in pairs(stances)


def test_an_artillery_of_a_country_after_the_attack_noun_is_its_author() -> None:
    stances = _stances("وقتل ثلاثة أشخاص في قصف مدفعي تركي على القرية.")
    assert ("مدفعي تركي", "أشخاص") in pairs(stances)


def test_a_lone_indefinite_subject_killed_in_a_clash_is_the_victim() -> None:
    # "A British soldier was killed in a clash with Taliban fighters."
    stances = _stances("وقتل جندي بريطاني في اشتباك مع مسلحي الحركة.")
    assert ("مسلحي", "جندي بريطاني") in pairs(stances)
    assert ("الجيش", "مسلحين") in pairs(_stances("وقتل الجيش عشرة مسلحين في هجوم على القرية."))


def test_the_same_party_twice_is_no_reciprocal_pair_and_deadly_is_no_killer() -> None:
    assert not _stances("وتصل طائرات أمريكية وطائرات أمريكية أخرى لخوض معركة.")
    assert not find_actors(normalize_text("الغارات القاتلة"))


def test_what_is_fired_on_someone_hits_them_not_the_projectile() -> None:
    # "The police fired water cannons and gas on protesters": مدافع is cannons, not the target.
    [s] = _stances("وأطلقت الشرطة مدافع المياه والغاز على متظاهرين في أنقرة.")
    assert (s.holder.text, s.target.text, s.event_code) == ("الشرطة", "متظاهرين", "175")


def test_the_air_force_of_a_coalition_and_the_killed_are_no_perpetrators() -> None:
    # طيران keeps its own ان: "the coalition's air force" is one actor, not a dual.
    [s] = _stances("وقصف طيران التحالف العربي مواقع للحوثيين.")
    assert (s.holder.text, s.target.text) == ("طيران التحالف العربي", "حوثيين")
    # "…killed, and the killing of an Islamist fighter in the strikes": the fighter is a victim.
    stances = _stances("وقال المرصد إن 173 مدنيا قتلوا بالإضافة إلى مقتل مقاتل إسلامي جراء الغارات.")
    assert all(s.holder.text != "مقاتل إسلامي" for s in stances)


def test_the_subject_of_laqiya_is_the_victim_not_a_gloss_in_brackets() -> None:
    stances = _stances("ولقي 15 مسلحا من جبهة النصرة (تنظيم القاعدة في الشام) حتفهم جراء غارات شنها التحالف.")
    assert ("التحالف", "مسلحا") in pairs(stances)


def test_a_counted_subject_with_an_object_is_the_killer() -> None:
    stances = _stances("وقتل عشرة مسلحين جنديا في هجوم على الحاجز.")
    assert ("مسلحين", "جنديا") in pairs(stances)
    assert ("انتحاري", "شخصا") in pairs(_stances("وقتل 12 شخصا في هجوم انتحاري."))


def test_a_quoted_rocket_make_is_no_target() -> None:
    stances = _stances('وأطلق مسلحون صواريخ "قسام" على مدينة سديروت.')
    assert all(s.target.text != "قسام" for s in stances)
    assert ("مسلحون", "سديروت") in pairs(stances)


def test_a_speaker_reporting_its_own_act_holds_it_and_its_raid() -> None:
    # "The army announced that it killed an activist in an air raid on Rafah."
    stances = _stances("وأعلن الجيش الإسرائيلي أنه قتل ناشطا من حركة الجهاد الإسلامي في غارة جوية على رفح.")
    assert {s.holder.text for s in stances} == {"الجيش الإسرائيلي"}
    assert ("الجيش الإسرائيلي", "ناشطا") in pairs(stances)
    # Reporting someone else's act still holds nothing.
    assert ("مسلحون", "مدنيين") in pairs(_stances("وأعلنت الشرطة مقتل ثلاثة مدنيين في هجوم نفذه مسلحون."))


def test_a_force_after_lam_authors_the_attack_a_passive_verb_happened_in() -> None:
    # "Two civilians were killed in shelling by the regime's forces on a district of Aleppo."
    stances = _stances("وقتل مدنيان في قصف لقوات النظام على حي سكني في حلب.")
    assert ("قوات النظام", "مدنيان") in pairs(stances)


def test_those_killed_in_a_clash_with_someone_were_killed_by_them() -> None:
    stances = _stances("وأعلنت وزارة الداخلية مقتل ثلاثة إرهابيين في اشتباك مع قوات الأمن في سيناء.")
    assert ("قوات الأمن", "إرهابيين") in pairs(stances)


def test_the_counted_people_before_an_attack_noun_are_its_victims() -> None:
    # "Dozens of Iraqis fell, dead or wounded, in a car bomb explosion."
    stances = _stances("سقط عشرات العراقيين بين قتيل وجريح بانفجار سيارة مفخخة وسط مدينة تلعفر.")
    assert ("سيارة مفخخة", "العراقيين") in pairs(stances)


def test_pipelines_and_convoys_are_things_hit_and_borders_are_places() -> None:
    assert ("مسلحون", "أنابيب") in pairs(_stances("وفجر مسلحون خط أنابيب للنفط في محافظة صلاح الدين."))
    stances = _stances("وقصفت طائرات حربية مجهولة قافلة من الشاحنات على الحدود السودانية.")
    assert {s.target.text for s in stances} == {"قافلة"}


def test_the_subject_of_a_support_verb_authors_its_attack_noun() -> None:
    # "The Taliban carried out a suicide attack on an American base": not "the suicide one".
    [s] = _stances("ونفذت حركة طالبان هجوما انتحاريا على قاعدة عسكرية أمريكية.")
    assert (s.holder.text, s.target.text) == ("حركة طالبان", "قاعدة عسكرية أمريكية")
    # Subject before the support verb: the American forces "directed" the air strikes.
    stances = _stances("وكانت القوات الاميركية وجهت عدة ضربات جوية داخل الصومال مستهدفة مقاتلي الشباب.")
    assert ("القوات الاميركية", "مقاتلي") in pairs(stances)


def test_exposed_to_an_attack_across_a_place_and_a_counted_second_party() -> None:
    stances = _stances("وتعرضت سفارة الدنمارك في إسلام آباد لهجوم انتحاري.")
    assert ("انتحاري", "سفارة الدنمارك") in pairs(stances)
    stances = _stances("واندلعت مواجهات بين الشرطة ومئات الشبان.")
    assert {frozenset((s.holder.text, s.target.text)) for s in stances} == {frozenset(("الشرطة", "الشبان"))}


def test_with_no_attacker_named_the_shell_stands_for_it() -> None:
    stances = _stances("وذكر مصدر أن عدة قذائف هاون سقطت على مبان سكنية ما أدى إلى مقتل مدنيين اثنين.")
    assert ("قذائف هاون", "مدنيين") in pairs(stances)
    assert ("قذائف الهاون", "جنديان أمريكيان") in pairs(
        _stances("وأصيب جنديان أمريكيان بجروح في هجوم بقذائف الهاون على قاعدتهما.")
    )
    # A volley is the act: another volley is not its author, and a named firer comes first.
    assert not _stances("وأطلقت 5 صواريخ و18 قذيفة مدفعية.")
    assert {s.holder.text for s in _stances("وأطلق مسلحون قذائف هاون على الحاجز.")} == {"مسلحون"}


def test_a_construct_genitive_of_an_attack_noun_is_its_author() -> None:
    # "the shelling of the regime's forces": قوات النظام is itself a construct, still definite.
    stances = _stances("وهاجم المقاتلون ردا على قصف قوات النظام لمدرسة في المدينة.")
    assert ("قوات النظام", "مدرسة") in pairs(stances)


def _moods(text: str) -> dict[str, tuple[Polarity, str | None]]:
    return {s.cue.text: (s.polarity, s.note) for s in _stances(text)}


def test_an_attack_in_a_condition_or_the_future_is_no_act() -> None:
    # "The region will flare up if Israel shells Gaza"; "the army will attack the rebels' positions".
    polarity, note = _moods("وقال الوزير إن المنطقة ستشتعل إذا قصفت إسرائيل غزة.")["قصفت"]
    assert polarity == Polarity.NEUTRAL and note is not None and "conditional" in note
    polarity, note = _moods("وسيهاجم الجيش مواقع المتمردين غدا.")["وسيهاجم"]
    assert polarity == Polarity.NEUTRAL and note is not None and "future" in note


def test_a_feared_attack_is_no_act_but_a_planned_and_executed_one_is() -> None:
    # "The government fears a possible attack by the gunmen on the army."
    polarity, _ = _moods("وتخشى الحكومة هجوما محتملا للمسلحين على الجيش.")["هجوما"]
    assert polarity == Polarity.NEUTRAL
    # "The group planned and carried out an attack on the army": carried out is a fact.
    assert _moods("وخططت الجماعة ونفذت هجوما على الجيش.")["هجوما"][0] == Polarity.AGAINST


def test_the_if_of_surprise_tells_what_happened() -> None:
    # "The delegation went to the town, and lo, the gunmen were attacking the army."
    polarity, _ = _moods("وذهب الوفد إلى المدينة فإذا بالمسلحين يهاجمون الجيش.")["يهاجمون"]
    assert polarity == Polarity.AGAINST


def test_who_condemns_or_investigates_an_attack_is_not_its_author() -> None:
    # "The Israeli government began investigating the Lebanese minister's assassination": it
    # investigates, it did not kill.
    assert not _stances("وبدأت الحكومة الإسرائيلية التحقيق في اغتيال الوزير اللبناني.")
    # The author named after the reaction word still holds the attack.
    assert ("مسلحون", "الجيش") in pairs(_stances("ودان الرئيس الهجوم الذي نفذه مسلحون على الجيش."))
    # "Students protested against the Israeli army's shelling of Gaza": the army shelled.
    stances = _stances("وتظاهر الطلاب احتجاجا على قصف الجيش الإسرائيلي لغزة.")
    assert ("الجيش الإسرائيلي", "غزة") in pairs(stances)


def test_killed_by_an_agent_after_bwasita_is_passive() -> None:
    # "The kidnappers, six of whose comrades were killed by the Sudanese army, freed the hostages."
    stances = _stances("وروى الرهينة أن الخاطفين الذين قتل ستة من رفاقهم بواسطة الجيش السوداني أفرجوا عن الرهائن.")
    assert ("الجيش السوداني", "الخاطفين") in pairs(stances)
    assert all(s.holder.text != "الخاطفين" for s in stances)


def test_a_town_is_where_an_attack_noun_happened_not_its_author() -> None:
    # "Baghdad saw an attack on the US army yesterday": the town is the scene.
    assert all(s.holder.text != "بغداد" for s in _stances("وشهدت بغداد أمس هجوما على الجيش الأميركي."))
    assert ("إسرائيل", "غزة") in pairs(_stances("وشنت إسرائيل غارة على غزة."))


def test_an_attack_asked_about_or_meant_as_a_purpose_is_no_act() -> None:
    # "Did the army attack the protesters yesterday?"; "a base for the gunmen to strike the US forces".
    assert _moods("هل هاجم الجيش المتظاهرين أمس؟")["هاجم"][0] == Polarity.NEUTRAL
    polarity, note = _moods("وقال الوزير إن المعسكر صار محطة للمسلحين لضرب القوات الأميركية.")["لضرب"]
    assert polarity == Polarity.NEUTRAL and note is not None and "purpose" in note
    # ل after تعرض marks what was suffered: "the detainees were subjected to torture".
    assert _moods("وتعرض المعتقلون للتعذيب على أيدي الشرطة.")["للتعذيب"][0] == Polarity.AGAINST


def test_a_politicians_attack_in_a_speech_is_criticism() -> None:
    # "The Lebanese prime minister launched a fierce attack on Hezbollah in a speech yesterday."
    [verbal] = _stances("وشن رئيس الوزراء اللبناني هجوما عنيفا على حزب الله في كلمة ألقاها أمس.")
    assert (verbal.holder.text, verbal.target.text, verbal.event_code) == ("رئيس الوزراء اللبناني", "حزب الله", "111")
    # An army's attack stays force, whatever statement reports it.
    [force] = _stances("وشن الجيش السوري هجوما على المعارضة المسلحة في حمص بحسب تصريحات المرصد.")
    assert force.event_code == "190"


def test_the_subject_of_a_verb_of_condemning_is_not_the_author_of_what_it_condemns() -> None:
    # "The Syrian government deplored the assassination of the Lebanese minister."
    stances = _stances("واستنكرت الحكومة السورية اغتيال الوزير اللبناني.")
    assert all(s.event_code != "186" for s in stances)


def test_a_verbal_noun_with_its_agent_and_a_lam_object() -> None:
    # "the police's arrest of the protesters", "Israel's shelling of Gaza": the genitive acts.
    assert ("الشرطة", "متظاهرين") in pairs(_stances("وندد الوزير باعتقال الشرطة للمتظاهرين."))
    assert ("إسرائيل", "غزة") in pairs(_stances("وندد الوزير بقصف إسرائيل لغزة."))
    # After a noun of office ل names its body: Hezbollah's secretary-general was the victim.
    stances = _stances("وندد الوزير باغتيال الأمين العام لحزب الله.")
    assert ("الأمين العام", "حزب الله") not in pairs(stances)


def test_a_counted_subject_who_blew_himself_up_is_the_bomber() -> None:
    # "Two suicide bombers blew themselves up in front of a military factory": a reflexive
    # object rules out the passive reading of the dual.
    stances = _stances("وكان انتحاريان قد فجرا نفسيهما امام مصنع عسكري.")
    assert ("انتحاريان", "مصنع") in pairs(stances)
    assert all(s.target.text != "انتحاريان" for s in stances)


def test_an_attack_one_was_about_to_make_is_no_act() -> None:
    # "The gunmen were about to blow up the police headquarters."
    polarity, note = _moods("وكان المسلحون على وشك تفجير مقر الشرطة.")["تفجير"]
    assert polarity == Polarity.NEUTRAL and note is not None and "imminent" in note


def test_a_long_subject_of_condemning_is_not_the_author_either() -> None:
    # "The EU foreign ministers condemned the attacks on the Lebanese army."
    stances = _stances("ودان وزراء خارجية دول الاتحاد الأوروبي الاعتداءات على الجيش اللبناني.")
    assert ("الاتحاد الأوروبي", "الجيش اللبناني") not in pairs(stances)


def test_aiming_at_doing_something_is_no_strike() -> None:
    # "Turkish forces aim at controlling ..."; "the group was aiming to blow up ...".
    stances = _stances("وحذر الوزير من أن القوات التركية تستهدف السيطرة على الحكومة العراقية.")
    assert ("القوات التركية", "الحكومة العراقية") not in pairs(stances)
    polarity, note = _moods("وقال المدعي العام إن الجماعة كانت تستهدف تفجير مقر الحكومة المغربية.")["تفجير"]
    assert polarity == Polarity.NEUTRAL and note is not None and "aimed" in note


def test_an_attack_something_resulted_from_is_no_purpose() -> None:
    # "Five civilians were wounded as a result of the Syrian army's shelling of the village."
    assert _moods("وأصيب خمسة مدنيين نتيجة لقصف الجيش السوري للقرية.")["لقصف"][0] == Polarity.AGAINST


def test_who_faces_an_attack_is_not_its_author() -> None:
    # "solidarity with Syria and Lebanon in facing the Israeli attacks and threats against them"
    stances = _stances("وأعلن الوزير التضامن مع سورية ولبنان في مواجهة الاعتداءات والتهديدات الإسرائيلية ضدهما.")
    assert all(s.cue.text != "الاعتداءات" for s in stances)


def test_the_object_of_a_verb_whose_subject_is_the_attack_is_no_author() -> None:
    # "the bombing that struck the Algerian capital": the capital was struck.
    stances = _stances("وقال المسؤول إن التفجير الذي ضرب العاصمة الجزائرية أوقع عشرات الضحايا.")
    assert all(s.holder.text != "الجزائرية" for s in stances)
    # After a preposition the attack is no subject: the police arrested the gunmen.
    assert ("الشرطة", "المسلحين") in pairs(_stances("وبعد الهجوم اعتقلت الشرطة عشرة من المسلحين."))


def test_a_verb_spelling_right_after_a_word_of_possibility_is_its_verbal_noun() -> None:
    # "the possibility of Israel launching an attack on Iran": شن after احتمال is a verbal noun.
    polarity, _ = _moods("وتحدثت الصحيفة عن احتمال شن إسرائيل هجوما على إيران.")["شن"]
    assert polarity == Polarity.NEUTRAL


def test_a_mined_car_is_a_bomb_and_a_bomb_set_off_is_no_target() -> None:
    # ملغومة is a synonym of مفخخة: "four people were killed in a car bomb explosion".
    assert ("سيارة ملغومة", "أشخاص") in pairs(_stances("وقتل أربعة أشخاص في انفجار سيارة ملغومة في كركوك."))
    # "the time of the bomber's detonation of his booby-trapped truck": the truck is the weapon.
    assert not _stances("وكان ذلك موعد تفجير الانتحاري لشاحنته المفخخة.")


def test_a_condemned_attack_with_no_holder_gets_no_guessed_author() -> None:
    # "The region's presidency deplored the attack on the party's office in the town where
    # armed groups are active": the groups are not said to have done it.
    stances = _stances("واستنكرت رئاسة الإقليم الهجوم على مقر الحزب في المدينة التي تنشط فيها جماعات مسلحة.")
    assert all(s.cue.text != "الهجوم" for s in stances)


def test_a_count_hedged_by_at_least_still_counts_the_victims() -> None:
    # "At least 17 security men and four civilians were killed in a suicide attack."
    stances = _stances("وقتل 17 على الأقل من أفراد الأمن وأربعة مدنيين في هجوم انتحاري قرب المدينة.")
    assert all(s.holder.text != "أفراد الأمن" for s in stances)
    assert ("انتحاري", "أفراد الأمن") in pairs(stances)


def test_the_group_of_counted_dead_is_not_their_killer() -> None:
    # "… announced the killing of 15 members of ISIS in clashes near Anbar university":
    # ISIS is whom the dead belong to (a number, its accusative noun, then من).
    stances = _stances("وأعلن العميد عن مقتل 15 عنصرا من تنظيم داعش خلال مواجهات في محيط جامعة الأنبار.")
    assert all(s.holder.text != "تنظيم داعش" for s in stances)


def test_a_conjunct_shares_the_counted_partitive() -> None:
    # "12 gunmen of Saleh's militias and the Houthis met their death … and coalition strikes":
    # the Houthis are among the dead, not the authors of the coalition's strikes.
    stances = _stances("ولقي 12 مسلحا من ميليشيات صالح والحوثي مصرعهم في كمائن وضربات لقوات التحالف.")
    assert all(s.holder.text not in ("الحوثي", "ميليشيات") for s in stances)


def test_a_town_is_no_side_of_a_battle() -> None:
    # "… a great advance of the security forces in the battles to clear the eastern sector
    # of Ramadi": Ramadi is where they fight, neither side of the battles.
    stances = _stances("وأعلن قائد الشرطة عن تقدم كبير للقوات الأمنية بمعارك تطهير القاطع الشرقي للرمادي.")
    assert all("رمادي" not in s.holder.text + s.target.text for s in stances)


def test_exposed_to_an_attack_with_ila() -> None:
    # "The US consulate in Istanbul was exposed to an attack by unknown gunmen" (تعرض إلى).
    stances = _stances("تعرضت القنصلية الأمريكية في مدينة اسطنبول اليوم إلى اعتداء من قبل مسلحين مجهولين.")
    assert ("مسلحين مجهولين", "القنصلية الأمريكية") in pairs(stances)
    assert all(s.holder.text != "القنصلية الأمريكية" for s in stances)


def test_a_killing_in_a_raid_is_by_the_raid_owner() -> None:
    # "A senior ISIS leader killed in a raid of the international coalition's aviation":
    # the raid's owner killed him; ISIS, named as his group, is the victim's side.
    stances = _stances("مقتل قيادي بارز في داعش بغارة لطيران التحالف الدولي في كركوك")
    assert ("طيران التحالف الدولي", "داعش") in pairs(stances)
    assert all(s.holder.text != "داعش" for s in stances)


def test_a_passive_agent_set_off_by_a_comma() -> None:
    stances = _stances("وروى الرهينة أن الخاطفين الذين قتل ستة من رفاقهم، بواسطة الجيش السوداني أفرجوا عن الرهائن.")
    assert ("الجيش السوداني", "الخاطفين") in pairs(stances)
    assert all(s.holder.text != "الخاطفين" for s in stances)


def test_the_agent_of_a_passive_verb_is_sought_after_it_first() -> None:
    # "… trained at the hands of an al-Qaeda leader, and was killed by the Yemeni forces".
    stances = _stances("وتلقى المتهمون التدريب على يد قيادي في تنظيم القاعدة وقتل من قبل القوات اليمنية.")
    assert all(s.holder.text != "تنظيم القاعدة" for s in stances)
    assert any(s.holder.text == "القوات اليمنية" for s in stances)


def test_a_bombed_embassy_is_no_bomber() -> None:
    # "the bombing of the Israeli embassy": the genitive building is what was bombed.
    stances = _stances("ونسب إليه تفجير السفارة الإسرائيلية في بوينس آيرس ردا على اغتيال زعيم الحزب.")
    assert all(s.holder.text != "السفارة الإسرائيلية" for s in stances)


def test_a_member_of_the_attackers_is_not_their_target() -> None:
    # "The protesters, students of the university among them, stormed the government building."
    stances = _stances("وهاجم المتظاهرون بمن فيهم طلاب الجامعة مبنى الحكومة.")
    assert ("المتظاهرون", "طلاب") not in pairs(stances)


def test_the_leader_of_an_attack_is_its_author() -> None:
    # "The Iraqi forces, helped by air strikes the United States leads, try to retake Ramadi."
    stances = _stances("تحاول القوات العراقية استعادة الرمادي بمساعدة ضربات جوية تقودها الولايات المتحدة.")
    assert ("القوات العراقية", "الولايات المتحدة") not in pairs(stances)
    # "Ten civilians were killed in air strikes the coalition leads on Raqqa."
    assert ("التحالف", "مدنيين") in pairs(_stances("وقتل عشرة مدنيين في غارات جوية يقودها التحالف على مدينة الرقة."))


def test_the_adjective_of_another_attack_is_not_hit() -> None:
    # "The gunmen burned the old manuscripts in a suicide bombing."
    stances = _stances("وأحرق المسلحون المخطوطات القديمة في تفجير انتحاري.")
    assert ("المسلحون", "انتحاري") not in pairs(stances)


def test_a_killing_verb_with_no_object_before_its_attack_is_passive() -> None:
    # "The former minister, Khalid al-Ali, was killed in a suicide attack in Baghdad."
    stances = _stances("وكان الوزير السابق، خالد العلي، قد قتل في هجوم انتحاري في بغداد.")
    assert ("انتحاري", "الوزير") in pairs(stances)


def test_the_subject_of_khada_wages_the_war() -> None:
    # "... a region that has seen a rebellion since Moscow fought two wars with the separatists."
    stances = _stances(
        "وسافر آلاف من مواطنيها إلى سوريا للقتال، وغالبيتهم من منطقة تشهد حركة تمرد منذ أن خاضت موسكو"
        " حربين مع الانفصاليين في الشيشان."
    )
    assert ("حركة تمرد", "الانفصاليين") not in pairs(stances)
    assert ("موسكو", "الانفصاليين") in pairs(stances)


def test_a_head_and_its_genitive_or_adjective_are_one_party() -> None:
    # "the storming of the cities by the Houthi militia" / "storming the Houthi militias' stronghold"
    assert not pairs(_stances("وقال إن اقتحام المدن من قبل مليشيا الحوثي كان غير شرعي."))
    stances = _stances("وأكد المصدر أن المقاومة تمكنت من اقتحام معقل الميليشيات الحوثية في المدينة.")
    assert pairs(stances) == {("المقاومة", "الميليشيات")}
    assert ("مسلحون", "الجنود") in pairs(_stances("وهاجم مسلحون الجنود."))


def test_parties_joined_by_wa_are_one_side_unless_after_bayna() -> None:
    # "The fighting killed ten of the rebels and the tribal forces": both lost men, no one fought the other.
    stances = _stances("وقالت مصادر محلية إن المعارك أسفرت عن مقتل عشرة من المتمردين وقوات القبائل.")
    assert not pairs(stances) & {("المتمردين", "قوات"), ("قوات", "المتمردين")}
    # "Clashes broke out between the army and gunmen": بين sets them against each other.
    assert ("الجيش", "المسلحين") in pairs(_stances("ودارت اشتباكات عنيفة بين الجيش والمسلحين في المدينة."))


def test_a_town_governed_by_a_noun_before_it_holds_nothing() -> None:
    # "The troops advanced to Mosul University and clash with the gunmen": the university's
    # town is where they clash, not who clashes.
    stances = _stances("وتقدمت القوات إلى جامعة الموصل وتشتبك مع المسلحين.")
    assert all(s.holder.text != "الموصل" for s in stances if s.polarity == Polarity.AGAINST)


def test_no_one_named_before_an_attack_that_is_a_verbs_subject_did_it() -> None:
    # "The president condemned the attack that targeted the mosque": the attack targeted it,
    # not the president; "its operations that target" are still the security forces'.
    assert not _stances("أدان الرئيس الهجوم الذي استهدف مسجد قوات الطوارئ.")
    stances = _stances("وتابع الأمن التركي عملياته النشطة التي تستهدف مناصري الكردستاني.")
    assert any(s.holder.code == "TUR" and s.cue.text == "تستهدف" for s in stances)


def test_condemning_an_attack_is_against_its_author_not_its_victims() -> None:
    # The king condemns the bombing that hit the emergency forces' mosque: the forces are
    # its victims, and "terrorist" names no one; a Turkish shelling names Turkey.
    stances = _stances("أعرب الملك عن إدانته للتفجير الإرهابي الذي استهدف مسجد قوات الطوارئ.")
    assert not [s for s in stances if s.cue.text == "إدانته"]
    stances = _stances("استنكرت جامعة الدول العربية القصف التركي في شمال العراق.")
    assert ("جامعة الدول العربية", "التركي") in pairs(stances)
    stances = _stances("أدانت الحكومة الهجوم الذي نفذته حركة طالبان على القاعدة.")
    assert ("الحكومة", "حركة طالبان") in pairs(stances)


def test_an_act_named_by_its_kind_names_no_author() -> None:
    # "The cowardly terrorist act that targeted the security men": no one is named.
    assert not _stances("وقال اللواء إن العمل الارهابي الجبان الذي استهدف رجال الامن سيزيد اصرارهم.")


def test_the_occupation_with_the_article_is_the_occupier() -> None:
    assert ("الاحتلال", "شابا فلسطينيا") in pairs(_stances("الاحتلال يقتل شاباً فلسطينياً بدم بارد في جنين"))
    # Without the article it is the act: "the occupation of the towns" names no party.
    assert [a.text for a in find_actors(normalize_text("رفض احتلال المدن"))] == []


def test_a_war_machine_after_bi_is_the_means_not_the_target() -> None:
    stances = _stances("أعلن أن الجيش التركي يقصف بالمدفعية مواقع تنظيم داعش في سوريا.")
    assert ("الجيش التركي", "تنظيم داعش") in pairs(stances)
    assert all(s.target.text != "المدفعية" for s in stances)


def test_the_one_exposed_through_a_relative_is_the_victim() -> None:
    stances = _stances("وقال إن السفارة تتابع قضية المواطن الذي تعرض لإطلاق نار من قبل مسلحين.")
    assert ("مسلحين", "المواطن") in pairs(stances)
    assert all(s.target.text != "السفارة" for s in stances)


def test_the_side_between_opens_fights_the_side_joined_by_waw() -> None:
    # What describes the first side ("backed by the militias") does not make its own pair.
    text = "وتشهد المدينة معارك عنيفة ما بين القوات الأمنية العراقية المسنودة بفصائل الحشد الشعبي وتنظيم داعش."
    sides = ("القوات الأمنية العراقية", "تنظيم داعش")
    assert pairs(_stances(text)) == {sides, sides[::-1]}


def test_a_militia_keeps_its_own_alif_before_its_genitive() -> None:
    # ميليشيا ends in its own alif, no tanwin: it heads "ميليشيا الحوثي" like ميليشيات does.
    assert [a.text for a in find_actors(normalize_text("إن ميليشيا الحوثي استهدفت منازل الأبرياء."))] == [
        "ميليشيا الحوثي"
    ]


def test_the_sunset_prayer_and_a_family_quarrel_are_no_parties() -> None:
    text = "إرهابي يباغت خاله قبل أذان المغرب ثم يعتدي على مواطنة إثر خلاف عائلي."
    assert [a.text for a in find_actors(normalize_text(text))] == ["إرهابي", "خاله", "مواطنة"]
    assert [a.code for a in find_actors(normalize_text("زار الوزير المغرب"))][-1:] == ["MAR"]


def test_a_result_verb_after_a_comma_opens_a_new_sentence() -> None:
    # "…, and the shelling killed seven civilians": the civilians are not the homes' owners.
    text = "إن ميليشيا الحوثي استهدفت منازل الأبرياء في عدد من الأحياء، وأسفر القصف عن مقتل سبعة مدنيين."
    stances = [s for s in _stances(text) if s.cue.text == "استهدفت"]
    assert [(s.holder.text, s.target.text) for s in stances] == [("ميليشيا الحوثي", "منازل الأبرياء")]


def test_the_resistance_with_the_article_is_a_party() -> None:
    assert ("مقاومة", "مسلحا حوثيا") in pairs(_stances("فقتل 18 مسلحا حوثيا في كمينين للمقاومة الشعبية."))
    # Without the article it is resisting: "مقاومة السلطات" names no party.
    assert [a.text for a in find_actors(normalize_text("اتهم بمقاومة السلطات"))] == ["السلطات"]


def test_who_responds_with_an_attack_is_its_author() -> None:
    stances = _stances("وردّ الحوثيون على هجمات المقاومة بقصف مواقع في تعز.")
    assert [s.holder.text for s in stances if s.cue.text == "بقصف"] == ["الحوثيون"]
    # Repelling an attack (no ب) does not make the army its author.
    assert ("الجيش", "المسلحون") not in pairs(_stances("ورد الجيش الهجوم الذي شنه المسلحون."))


def test_an_armed_adjective_of_an_attack_noun_holds_nothing() -> None:
    # "the terrorist bombing that targeted the emergency forces": nobody is named as its author.
    stances = _stances("وانهالت التغريدات الشاجبة للتفجير الإرهابي الذي استهدف قوات الطوارئ.")
    assert all(s.holder.text != "الإرهابي" for s in stances)
    # A weapon in the genitive still stands for the unnamed attacker, as event coders take it.
    assert ("عبوة ناسفة", "جنود") in pairs(_stances("وقتل ثلاثة جنود في انفجار عبوة ناسفة."))


def test_terrorists_named_at_an_arrest_are_the_arrested() -> None:
    stances = _stances("أعلنت السلطات المغربية اليوم القبض على خلية إرهابية مؤيدة لتنظيم داعش.")
    assert all(s.holder.text not in ("إرهابية", "تنظيم داعش") for s in stances)
    # Rebels do detain people.
    assert ("الثوار", "حوثيا") in pairs(_stances("كما ألقى الثوار القبض على 72 حوثيا."))


def test_members_and_the_group_min_names_are_one_party() -> None:
    stances = _stances("وأعلنت قيادة العمليات مقتل العشرات من عناصر من داعش خلال اشتباكات.")
    assert ("داعش", "عناصر") not in pairs(stances)
    assert not pairs(_stances("وأكدت المصادر مقتل زعيم جماعة خراسان في غارة."))
    # A possessed noun takes no genitive: "its president warned the United States".
    assert ("رئيسها", "الولايات المتحدة") in pairs(_stances("وحذر رئيسها الولايات المتحدة من التدخل."))


def test_a_plural_noun_and_its_agreeing_adjective_are_one_party() -> None:
    stances = _stances("استشهد الطفل الفلسطيني حرقا إثر استهداف المستوطنين المتطرفين لمنزل العائلة.")
    assert ("المتطرفين", "المستوطنين") not in pairs(stances)
    assert ("المستوطنين", "المتطرفين") not in pairs(stances)


def test_a_reciprocal_cue_sets_each_party_against_the_other() -> None:
    # "Clashes broke out between the army and the gunmen": each side fights the other.
    pairs_found = pairs(_stances("واندلعت اشتباكات عنيفة بين الجيش والمسلحين في المدينة."))
    assert {("الجيش", "المسلحين"), ("المسلحين", "الجيش")} <= pairs_found
    # "Gunmen attacked the soldiers": an attack has one author.
    assert ("الجنود", "مسلحون") not in pairs(_stances("وهاجم مسلحون الجنود."))


def test_min_jiha_closes_the_first_side_of_a_fight() -> None:
    # "Clashes between the Houthis and the forces loyal to the former president on one side
    # and the resistance on the other": the forces are the Houthis' allies, not their enemy.
    text = "وتدور اشتباكات عنيفة بين الحوثيين والقوات الموالية للرئيس السابق من جهة والمقاومة الشعبية من جهة أخرى."
    found = pairs(_stances(text))
    assert ("الحوثيين", "المقاومة") in found
    assert not found & {("الحوثيين", "القوات"), ("القوات", "الحوثيين")}


def test_between_may_open_a_side_through_one_head_word() -> None:
    # "Clashes between the two operations rooms of Ansar al-Sharia ... on one side and the
    # regime forces on the other": غرفتي is no party, the group after it opens the side.
    text = (
        "دارت اشتباكات بعد منتصف ليل أمس بين غرفتي أنصار الشريعة وفتح حلب من طرف، "
        "وقوات النظام وحزب الله اللبناني من طرف آخر، في محيط مسجد الرسول."
    )
    assert ("أنصار الشريعة", "قوات النظام") in pairs(_stances(text))


def test_a_pair_after_maa_is_the_side_the_subject_fights() -> None:
    # "The resistance fighters took the airport after fierce battles with the Houthi rebels
    # and the forces of the former president": the rebels and the forces are one side.
    text = (
        "وتمكن مقاتلو المقاومة الشعبية الأسبوع الماضي من السيطرة على مطار عدن بعد معارك عنيفة "
        "مع المتمردين الحوثيين وقوات الرئيس السابق."
    )
    assert ("مقاتلو المقاومة", "المتمردين الحوثيين") in pairs(_stances(text))


def test_who_died_or_was_wounded_holds_no_stance_in_the_attack() -> None:
    # "The minister checked on the wounded among the security men in the bombing of the
    # emergency forces' mosque": the security men suffered the bombing.
    text = "واطمأن الوزير على المصابين من رجال الأمن في حادث تفجير مسجد الطوارئ."
    assert not any(h == "رجال الأمن" for h, _ in pairs(_stances(text)))


def test_the_verbal_noun_of_a_light_verb_carries_its_subject() -> None:
    # "… after settlers set about (إقدام … على) burning a Palestinian child."
    assert ("مستوطنين", "طفل فلسطيني") in pairs(_stances("وذلك بعد إقدام مستوطنين على حرق طفل فلسطيني."))


def test_a_coalition_after_lam_owns_the_raid() -> None:
    # "Twenty ISIS gunmen were killed in raids of the coalition (غارات للتحالف)".
    assert ("تحالف", "مسلحا") in pairs(_stances("وقتل 20 مسلحا من داعش في غارات للتحالف."))


def test_a_relative_clause_in_the_present_names_the_author_too() -> None:
    # "The attack that the deposed president's forces are waging on civilians."
    stances = _stances("وقال إن المعوق هو الهجوم الذي تشنه قوات المخلوع على المدنيين.")
    assert ("قوات", "المدنيين") in pairs(stances)


def test_an_operations_command_is_a_party_not_an_attack() -> None:
    # قيادة عمليات بغداد is a command; its عمليات is no attack that did the killing.
    stances = _stances("وتمكنت قيادة عمليات بغداد من قتل 14 من عناصر داعش.")
    assert ("قيادة عمليات بغداد", "عناصر داعش") in pairs(stances)


def test_condemning_a_killing_is_not_against_its_victim() -> None:
    # "The minister condemned the assassination of the ambassador": against its author, if
    # named ("at the hands of gunmen"), never against the ambassador.
    assert not pairs(_stances("واستنكر الوزير اغتيال السفير."))
    assert not pairs(_stances("وأدان الرئيس مقتل الصحفي."))
    assert not pairs(_stances("وأدان الوزير استشهاد الجنود."))  # a death, any noun of suffering
    stances = _stances("وأدان الوزير اغتيال السفير على يد مسلحين.")
    assert ("الوزير", "السفير") not in pairs(stances)
    assert ("مسلحين", "السفير") in pairs(stances)


def test_a_thing_with_a_possessive_pronoun_is_no_target() -> None:
    # "Turkish warplanes raided its positions": the positions name their owner, elsewhere.
    stances = _stances("وشنت الطائرات الحربية التركية غارات على مواقعه.")
    assert not pairs(stances)
    assert ("الطائرات الحربية التركية", "مواقع") in pairs(_stances("وشنت الطائرات الحربية التركية غارات على مواقع."))


def test_a_sound_plural_in_the_oblique_after_a_verb_is_no_subject() -> None:
    # "…and the killing of the worshippers and the targeting of the security men": المصلين
    # (oblique ـين) is the object or genitive, never the subject; المسلحون (ـون) is.
    assert not pairs(_stances("إن هذه الأعمال وقتل المصلين الآمنين واستهداف رجال الأمن تدفع الشباب."))
    assert ("المسلحون", "الجنود") in pairs(_stances("وقتل المسلحون الجنود."))
    # Also after a place and a comma, where a singular verb takes the actor after it.
    assert ("المتظاهرين", "رجال الأمن") not in pairs(_stances("وفي مدينة رفح، اعتقل المتظاهرين رجال الأمن."))


def test_a_plural_verb_ending_its_clause_after_a_counted_subject_is_passive() -> None:
    # "About 390 Kurdish fighters of the PKK were killed, and 400 wounded, in a week of
    # Turkish raids": the fighters are victims, never the ones who killed.
    text = "وذكرت الوكالة أن نحو 390 مقاتلا كرديا من حزب العمال الكردستاني قتلوا، وأصيب 400 آخرون خلال الغارات التركية."
    assert all(h not in ("مقاتلا", "حزب العمال الكردستاني") for h, _ in pairs(_stances(text)))
