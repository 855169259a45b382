"""Stance tagging: one hand-written sentence per rule, and the seed article's relations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks import analyze
from tasks.actors import find_actors, load_table
from tasks.normalize import normalize_text
from tasks.schema import Polarity, Stance
from tasks.stance import summarize, tag_stance, verb_lemma
from tests.conftest import tagged_stances as _stances

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_b53155becc98c546.txt"


def _pairs(stances: list[Stance]) -> set[tuple[str | None, str | None, str]]:
    return {(s.holder.code, s.target.code, s.polarity.value) for s in stances}


def test_cue_verb_with_inflection_gives_holder_target_and_code() -> None:
    [s] = _stances("حذرت روسيا أوكرانيا من عواقب وخيمة.")
    assert (s.holder.text, s.target.text) == ("روسيا", "أوكرانيا")
    assert (s.holder.code, s.target.code) == ("RUS", "UKR")
    assert s.polarity == Polarity.AGAINST
    assert s.event_code == "130" and s.goldstein == -4.4
    assert s.cue.text == "حذرت"


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("تعهدت", "تعهد"), ("أعربت", None), ("حذرت", "حذر"), ("فرضت", "فرض"), ("ناشد", "ناشد"), ("يعتقلون", "اعتقل")],
)
def test_light_stemmer_reaches_the_lemma(word: str, lemma: str | None) -> None:
    from tasks.schema import Language
    from tasks.stance import lexicons

    found = verb_lemma(word, lexicons(Language.ARABIC).verbs)
    assert (found[0] if found else None) == lemma


def test_noun_cue_and_clitics() -> None:
    stances = _stances("فرضت واشنطن عقوبات جديدة على موسكو.")
    assert ("USA", "RUS", "against") in _pairs(stances)
    assert all(s.event_code == "163" for s in stances)
    [war] = _stances("وتواصل روسيا حربها ضد أوكرانيا.")
    assert (war.holder.code, war.target.code, war.polarity) == ("RUS", "UKR", Polarity.AGAINST)


def test_nationality_adjective_and_title_make_one_actor_and_teach_the_name() -> None:
    doc = normalize_text("وزار وزير الدفاع الروسي سيرغي شويغو بيونغ يانغ. وقال شويغو إن بلاده تدعم كوريا الشمالية.")
    actors = find_actors(doc)
    assert actors[0].text == "وزير الدفاع الروسي سيرغي شويغو"
    assert actors[0].code == "RUSGOV"
    assert any(a.text == "شويغو" and a.code == "RUSGOV" for a in actors[2:])


def test_clitics_are_peeled_from_actor_spans() -> None:
    doc = normalize_text("قدمت بيونغ يانغ أسلحة لروسيا وللجيش الروسي بالكرملين.")
    found = {(a.text, a.code) for a in find_actors(doc)}
    assert ("روسيا", "RUS") in found
    assert ("الكرملين", "RUSGOV") in found
    assert ("جيش الروسي", "RUSMIL") in found  # و + ل + (ا)ل peeled: the span starts at the noun


def test_nouns_are_not_read_as_verbs() -> None:
    from tasks.schema import Language
    from tasks.stance import lexicons

    verbs = lexicons(Language.ARABIC).verbs
    assert verb_lemma("وزارة", verbs) is None  # not و + زار + ه
    assert verb_lemma("وزار", verbs) == ("زار", False)


def test_reported_speech_gives_the_speaker_the_quote() -> None:
    text = "وقال المتحدث باسم الكرملين إن موسكو وبيونغ يانغ تتمتعان بعلاقات طيبة."
    [s] = _stances(text)
    assert s.holder.text == "المتحدث باسم الكرملين"
    assert s.target.code == "PRK"
    assert s.polarity == Polarity.FAVOR


def test_quote_with_its_own_subject_keeps_it() -> None:
    [s] = _stances("وقال البيت الأبيض إن روسيا هاجمت أوكرانيا.")
    assert (s.holder.code, s.target.code, s.polarity) == ("RUS", "UKR", Polarity.AGAINST)


def test_agencies_report_and_hold_nothing() -> None:
    stances = _stances("وذكرت وكالة الأنباء الكورية الشمالية أن روسيا هاجمت أوكرانيا.")
    assert _pairs(stances) == {("RUS", "UKR", "against")}


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("لم تهاجم روسيا أوكرانيا.", "لم"),
        ("وقال الكرملين إن روسيا لن تهاجم أوكرانيا.", "لن"),
        ("نفت روسيا أنها هاجمت أوكرانيا.", "نفت"),
        ("لكن الكرملين لم يؤكد أن روسيا هاجمت أوكرانيا.", "لم"),
    ],
)
def test_negation_denial_and_hedge_neutralize_with_a_note(text: str, note: str) -> None:
    stances = _stances(text)
    assert stances, text
    assert all(s.polarity == Polarity.NEUTRAL for s in stances)
    assert all(s.note and note in s.note for s in stances)


def test_english_sentence() -> None:
    doc = normalize_text("The United States imposed sanctions on Russia over the war, the White House said today.")
    stances = tag_stance(doc)
    assert any(s.holder.code and s.holder.code.startswith("USA") and s.target.code == "RUS" for s in stances)
    assert all(s.polarity == Polarity.AGAINST for s in stances)


def test_english_reported_speech_and_negation() -> None:
    [s] = _stances("The Kremlin said Moscow and Pyongyang enjoy good relations.")
    assert (s.holder.text, s.target.code, s.polarity) == ("Kremlin", "PRK", Polarity.FAVOR)
    [n] = _stances("Israel did not attack Iran, officials said.")
    assert (n.holder.code, n.target.code, n.cue.text, n.polarity) == ("ISR", "IRN", "attack", Polarity.NEUTRAL)
    assert n.note and "not" in n.note


def test_seed_article_relations() -> None:
    doc = normalize_text(SEED.read_text(encoding="utf-8"))
    stances = _stances(doc.text)
    pairs = {
        (s.holder.code[:3], s.target.code[:3], s.polarity.value) for s in stances if s.holder.code and s.target.code
    }
    assert ("RUS", "PRK", "favor") in pairs
    assert ("USA", "RUS", "against") in pairs or ("USA", "PRK", "against") in pairs
    assert ("PRK", "RUS", "favor") in pairs
    assert ("RUS", "UKR", "against") in pairs
    peskov = [s for s in stances if "بيسكوف" in s.holder.text or "الكرملين" in s.holder.text]
    assert any(s.target.code == "PRK" and s.polarity == Polarity.FAVOR for s in peskov)
    kim = [s for s in stances if "كيم" in s.holder.text and s.target.code == "RUSMIL"]
    assert kim and kim[0].polarity == Polarity.FAVOR
    wrong = {("RUS", "PRK", "against"), ("PRK", "RUS", "against"), ("USA", "RUS", "favor"), ("RUS", "UKR", "favor")}
    assert not pairs & wrong
    net = {(x.holder, x.target): x.net for x in summarize(stances)}
    assert net[("RUS", "PRK")] == Polarity.FAVOR
    assert net[("RUS", "UKR")] == Polarity.AGAINST
    assert net[("USA", "RUS")] == Polarity.AGAINST


def test_seed_article_through_analyze() -> None:
    result = analyze(SEED.read_text(encoding="utf-8"))
    assert result.stances and result.stance_summary
    for s in result.stances:
        assert result.normalized.text[s.holder.start : s.holder.end] == s.holder.text


def test_summary_counts_and_net() -> None:
    stances = _stances("حذرت روسيا أوكرانيا. هاجمت روسيا أوكرانيا. أشادت روسيا بأوكرانيا.")
    [line] = summarize(stances)
    assert (line.holder, line.target, line.favor, line.against, line.net) == ("RUS", "UKR", 1, 2, Polarity.AGAINST)


def test_loader_skips_malformed_lines(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text(
        "روسي\tRUS\tadj\nbroken line\n\t\t\nكوري شمالي\tPRK\tadj\textra\nموسكو\tRUS\tcity\n", encoding="utf-8"
    )
    assert load_table(path, 3) == [["روسي", "RUS", "adj"], ["موسكو", "RUS", "city"]]


def test_other_language_gives_nothing() -> None:
    assert tag_stance(normalize_text("Привет мир, это тест.")) == []


def test_protest_holder_is_the_crowd_and_target_the_authority() -> None:
    stances = _stances("وخرج آلاف المتظاهرين في القاهرة احتجاجا على قرار الحكومة.")
    protest = [s for s in stances if s.event_code and s.event_code.startswith("14")]
    assert protest
    assert all(s.holder.text == "المتظاهرين" and s.polarity == Polarity.AGAINST for s in protest)
    assert any(s.target.text == "الحكومة" for s in protest)
    assert all("القاهرة" not in (s.holder.text, s.target.text) for s in stances)


def test_crowd_verb_without_a_crowd_is_no_protest() -> None:
    assert not [s for s in _stances("وخرج الرئيس الروسي من الاجتماع مع الحكومة.") if s.event_code == "141"]


def test_reporter_is_not_the_author_of_a_reported_killing() -> None:
    stances = _stances("وأعلنت الشرطة مقتل ثلاثة مدنيين في هجوم نفذه مسلحون.")
    assert all(s.holder.text != "الشرطة" for s in stances)
    assert any(s.holder.text == "مسلحون" and s.target.text == "مدنيين" for s in stances)


def test_attack_noun_takes_its_nationality_adjective_as_author() -> None:
    stances = _stances("وأسفر القصف الإسرائيلي على غزة عن سقوط ضحايا.")
    assert any(s.holder.code == "ISR" and s.polarity == Polarity.AGAINST for s in stances)


def test_everyday_words_are_not_places() -> None:
    assert find_actors(normalize_text("كيف وصلت فرقة الإنقاذ؟")) == []


def _against(stances: list[Stance]) -> set[tuple[str, str]]:
    return {(s.holder.text, s.target.text) for s in stances if s.polarity == Polarity.AGAINST}


def test_construct_plural_of_five_letters_is_its_role_noun() -> None:
    # "The army killed dozens of the group's gunmen": مسلحي is مسلحين in the construct state.
    assert ("الجيش", "مسلحي الجماعة") in _against(_stances("وقتل الجيش عشرات من مسلحي الجماعة في الجبال."))
    assert not find_actors(normalize_text("وهذا هو السبب الرئيسي."))  # رئيسي "main" is no president


def test_warplanes_are_the_air_force_of_their_nationality() -> None:
    [s] = _stances("وقصفت المروحيات الروسية قرية في الجبال.")
    assert (s.holder.text, s.holder.code) == ("المروحيات الروسية", "RUSMIL")


def test_a_unit_belonging_to_an_actor_is_that_actor() -> None:
    # "A drone belonging to the French forces struck the fighters' positions."
    stances = _stances("وقصفت طائرة بدون طيار تابعة للقوات الفرنسية مواقع المقاتلين.")
    assert {s.holder.code for s in stances} == {"FRAMIL"}


def test_a_colon_ends_the_dateline_clause() -> None:
    # The paper's name before the colon is no subject of the verb after it.
    [s] = _stances('* القاهرة "الأهرام": هاجم مسلحون حافلة للسياح.')
    assert (s.holder.text, s.target.text) == ("مسلحون", "سياح")


def test_an_attack_noun_takes_the_author_its_relative_clause_names() -> None:
    # "…in a raid carried out by foreign forces on a house": the forces, aimed at the house.
    stances = _stances("وقتل خمسة أشخاص في غارة شنتها قوات أجنبية على منزل في القرية.")
    assert ("قوات أجنبية", "منزل", "غارة") in {(s.holder.text, s.target.text, s.cue.text) for s in stances}
    assert all(s.holder.text != "أشخاص" for s in stances)


def test_an_armed_group_with_possessive_lam_is_a_target() -> None:
    # مواقع للمتمردين: the rebels' positions were attacked; بسيارة مفخخة is a weapon.
    assert ("الجيش", "متمردين") in _against(_stances("وهاجم الجيش مواقع للمتمردين في الشمال."))


def test_a_dual_after_an_ambiguous_verb_is_a_victim() -> None:
    # "Two soldiers were killed in an Israeli shelling": جنديان counts two victims.
    stances = _stances("وقتل جنديان لبنانيان في قصف إسرائيلي على الحدود.")
    assert ("إسرائيلي", "جنديان لبنانيان") in _against(stances)


def test_any_booby_trapped_vehicle_is_a_bomb() -> None:
    # "Three were killed in the explosion of a booby-trapped motorbike": the bomb is the author.
    stances = _stances("وقتل ثلاثة أشخاص في انفجار دراجة مفخخة قرب السوق.")
    assert ("دراجة مفخخة", "أشخاص") in _against(stances)


def test_while_ends_the_target_search_of_an_attack() -> None:
    # The soldier killed "while" is the victim of another incident, not of this attack.
    stances = _stances("وانفجرت عبوة ناسفة في السوق، فيما قتل جندي في حادث آخر.")
    assert all(s.target.text != "جندي" for s in stances if s.cue.text == "وانفجرت")


def test_a_protest_in_front_of_a_building_is_addressed_to_it() -> None:
    [s] = _stances("واعتصم المعلمون أمام مبنى الوزارة.")
    assert (s.holder.text, s.target.text) == ("المعلمون", "مبنى الوزارة")


def test_a_claiming_verb_is_not_an_actor() -> None:
    assert not find_actors(normalize_text("تبنى التنظيم العملية."))


def test_the_definite_object_inside_a_phrase_cue_is_its_target() -> None:
    # "The riot police set about dispersing the strikers": the strikers were dispersed.
    stances = _stances("وقامت الشرطة بتفريق المعتصمين بالقوة.")
    assert ("الشرطة", "المعتصمين") in _against(stances)


def test_clashes_with_someone_pair_the_subject_and_the_one_after_ma() -> None:
    stances = _stances("وجرح عدد من الطلاب في مواجهات مع الجيش قرب الجامعة.")
    assert ("الطلاب", "الجيش") in _against(stances)


def test_a_crowd_named_by_its_size_takes_part_in_a_protest_noun() -> None:
    [s] = _stances("وشارك المئات في مسيرة ضد الحكومة.")
    assert (s.holder.text, s.target.text) == ("المئات", "الحكومة")


def test_passive_spelling_of_assassinate_and_fire_as_an_agent_phrase() -> None:
    assert ("مسلحين", "الصحفي") in _against(_stances("واغتيل الصحفي برصاص مسلحين أمام منزله."))
    assert ("قناص", "شرطيا") in _against(_stances("وقتل شرطيا بنيران قناص في المدينة."))


def test_what_a_crowd_carries_is_not_its_target() -> None:
    # "Protesters carrying French flags gathered before the ministry": France is no target.
    stances = _stances("وتجمع متظاهرون يحملون الأعلام الفرنسية أمام مبنى الوزارة.")
    assert all("الفرنسية" not in s.target.text for s in stances)


def test_a_protest_note_is_addressed_to_the_one_it_was_handed() -> None:
    # "The students handed the university's president a protest note."
    stances = _stances("وسلم الطلاب رئيس الجامعة مذكرة احتجاج على القرار.")
    assert ("الطلاب", "رئيس") in _against(stances)


def test_a_definite_role_noun_does_not_head_another_role_noun() -> None:
    # الطلاب and السفير المصري are two parties, not "the Egyptian ambassador's students".
    actors = find_actors(normalize_text("وقابل الطلاب السفير المصري أمس."))
    assert [a.text for a in actors] == ["الطلاب", "السفير المصري"]


def test_a_definite_subject_does_not_take_the_object_nationality() -> None:
    # "The protesters burned the American flag": the flag is American, the protesters are not.
    actors = find_actors(normalize_text("وأحرق المتظاهرون العلم الأمريكي."))
    assert [a.text for a in actors] == ["المتظاهرون", "الأمريكي"]
    actors = find_actors(normalize_text("وقالت القوات الخاصة العراقية."))
    assert [(a.text, a.code) for a in actors] == [("القوات الخاصة العراقية", "IRQMIL")]


def test_people_of_any_trade_hold_the_protest_they_are_subject_of() -> None:
    [s] = _stances("واعتصم عشرات الأطباء أمام وزارة الصحة.")
    assert s.holder.text == "الأطباء"


def test_possessed_units_in_reported_speech_are_the_speakers() -> None:
    # "The army said its planes bombed the rebels' positions": the army holds it.
    stances = _stances("وقال الجيش الباكستاني إن طائراته قصفت مواقع للمتمردين.")
    assert ("الجيش الباكستاني", "متمردين") in _against(stances)


def test_a_country_after_fi_and_a_place_noun_is_where_it_happened() -> None:
    stances = _stances("وخطف مسلحون في دلتا النيجر ثلاثة مهندسين أجانب.")
    assert ("مسلحون", "مهندسين") in _against(stances)


def test_strikes_on_targets_and_a_bomber_blowing_himself_up_in_a_place() -> None:
    assert ("الطيران الروسي", "أهدافا") in _against(_stances("وقصف الطيران الروسي أهدافا في الجبال."))
    assert ("انتحاري", "مسجد") in _against(_stances("وفجر انتحاري نفسه داخل مسجد في المدينة."))


def test_a_subordinate_clause_has_its_own_subject() -> None:
    # "Four soldiers were killed when gunmen attacked a checkpoint": the gunmen attacked.
    stances = _stances("وقتل أربعة جنود عندما هاجم مسلحون نقطة تفتيش للجيش.")
    assert {s.holder.text for s in stances if s.cue.text == "هاجم"} == {"مسلحون"}


def test_a_counted_subject_of_a_verb_done_to_places_is_the_agent() -> None:
    # You storm a building, not people: the hundreds of students stormed it.
    [s] = _stances("واقتحم مئات العمال مقر الشركة.")
    assert s.holder.text == "العمال"


def test_nominative_construct_plural_and_its_genitive() -> None:
    # سائقو الحافلات: the drivers (construct, ن dropped); the buses are theirs, no target.
    stances = _stances("وهاجم مستوطنو البؤرة سائقي الحافلات.")
    assert ("مستوطنو", "سائقي") in _against(stances)
    assert not [s for s in _stances("وأضرب سائقو الحافلات أمس.") if s.target.text.startswith("الحافلات")]


def test_the_passive_subject_before_an_apposition_and_an_aside_in_brackets() -> None:
    # "X, the regional manager of the company, was kidnapped in town (40 km east of the
    # capital) by gunmen": the manager of the company is the victim, the gunmen the agents.
    stances = _stances(
        "وقالت الشرطة إن فلان، المدير الإقليمي لشركة النفط، خطف في البلدة (40 كلم شرق العاصمة) من قبل مسلحين."
    )
    assert ("مسلحين", "شركة النفط") in _against(stances)


def test_the_genitive_of_an_attack_noun_is_its_author() -> None:
    # "The gunmen's attack on the village", "the planes' raids on positions".
    assert ("المسلحين", "القرية") in _against(_stances("وأسفر هجوم المسلحين على القرية عن خسائر."))
    stances = _stances("وأدت غارات الطائرات لمواقع في الجبال إلى أضرار.")
    assert ("الطائرات", "مواقع") in _against(stances)
    assert not [s for s in _stances("وتواصل قصف غزة منذ أيام.") if s.holder.text == "غزة"]


def test_a_verb_spelt_noun_after_a_preposition_is_the_noun() -> None:
    # على هدم: the demolition (a noun) by the authorities, of the houses.
    stances = _stances("واحتج السكان على هدم منازلهم من قبل السلطات الإسرائيلية.")
    assert ("السلطات الإسرائيلية", "منازلهم") in _against(stances)


def test_directions_before_a_place_and_a_school_is_no_teacher() -> None:
    stances = _stances("وقصفت الطائرات مدرسة في منطقة شمال غربي سوريا.")
    assert all(s.target.text != "سوريا" and s.holder.text != "مدرسة" for s in stances)


def test_air_force_ending_in_an_is_no_dual_and_planes_counted_bomb() -> None:
    # طيران is not the dual of طير; three planes bombed, they were not bombed.
    assert ("طيران", "متمردين") in _against(_stances("وقصف طيران الجيش مواقع للمتمردين."))
    [s] = _stances("وقصفت ثلاث طائرات حربية مواقع للمتمردين.")
    assert s.holder.text.startswith("طائرات")


def test_an_armed_actor_after_lam_is_the_author_of_an_attack_noun() -> None:
    stances = _stances("وقتل عشرة أشخاص جراء غارات لطائرات الجيش على مقرات للمتمردين.")
    assert ("طائرات", "متمردين") in _against(stances) or ("طائرات الجيش", "متمردين") in _against(stances)


def test_a_nationality_after_a_place_noun_is_the_place() -> None:
    # "a market in the Iraqi province of Diyala": Iraq is where, not whom.
    stances = _stances("وانفجرت سيارة مفخخة في سوق بمحافظة ديالى العراقية.")
    assert all(s.target.text != "العراقية" for s in stances)


def test_the_same_party_twice_is_no_reciprocal_pair_and_deadly_is_no_killer() -> None:
    assert not _stances("وتصل طائرات أمريكية وطائرات أمريكية أخرى لخوض معركة.")
    assert not find_actors(normalize_text("الغارات القاتلة"))


def test_a_march_or_a_volley_is_aimed_where_it_is_directed() -> None:
    [s] = _stances("ونظم العمال مسيرة باتجاه مقر الوزارة، التي فرقت عناصرها المسيرة.")[:1]
    assert (s.holder.text, s.target.text) == ("العمال", "مقر الوزارة")
    stances = _stances("وخرج نحو 500 طالب في مسيرة ضد الحكومة.")
    assert all(s.target.text != "500" for s in stances)


def test_aqdama_is_no_handing_verb() -> None:
    # "Police members set about beating the protesters": أقدم is "set about", not "I present".
    assert ("عناصر", "المتظاهرين") in _against(_stances("وأقدم عناصر من الشرطة على ضرب المتظاهرين."))


def test_a_verbal_noun_with_the_victims_pronoun_has_no_author_before_it() -> None:
    # "…which led to his wounding": the commander named before is the victim, not the author.
    stances = _stances("وانفجرت عبوة قرب موكب القائد ما أسفر عن إصابته بجروح.")
    assert all(s.holder.text != "القائد" for s in stances)


def test_hostages_and_members_are_actors() -> None:
    assert ("الجماعة", "رهينة بريطانية") in _against(_stances("وأعدمت الجماعة رهينة بريطانية."))


def test_a_counted_crowd_of_unlisted_people_holds_the_protest() -> None:
    [s] = _stances("وتظاهر مئات المغاربة أمام البرلمان.")
    assert (s.holder.text, s.target.text) == ("مئات المغاربة", "البرلمان")


def test_members_of_an_institution_are_one_actor_and_one_of_them_is_counted() -> None:
    actors = find_actors(normalize_text("وهاجم عناصر الشرطة المتظاهرين."))
    assert next((a.text, a.code) for a in actors) == ("عناصر الشرطة", "COP")
    # "One of the policemen was killed in a bombing": أحد counts a victim.
    stances = _stances("وقتل أحد عناصر الشرطة في انفجار عبوة ناسفة.")
    assert ("عبوة ناسفة", "عناصر الشرطة") in _against(stances)


def test_a_noun_after_a_comma_takes_no_subject_and_an_order_has_its_giver() -> None:
    # "A party member announced, the killing of five…": the party is no killer.
    stances = _stances("أعلن عضو في الحزب الذي يتزعمه الرئيس الأفغاني، مقتل خمسة حراس في انفجار عبوة ناسفة.")
    assert all(s.holder.text != "الرئيس الأفغاني" for s in stances)
    stances = _stances("وأمر وزير الداخلية المصري، باعتقال ضابط كبير.")
    assert ("وزير الداخلية المصري", "ضابط") in _against(stances)


def test_crowds_named_by_nationality_and_the_un() -> None:
    # "Hundreds of Palestinians gathered before the UN offices": a people can protest.
    [s] = _stances("واحتشد مئات الفلسطينيين أمام مقر الأمم المتحدة.")
    assert (s.holder.text, s.target.code) == ("الفلسطينيين", "IGOUNO")
    [s] = _stances("وتظاهر آلاف الأتراك أمام البرلمان.")
    assert s.holder.text == "آلاف الأتراك"


def test_a_listed_student_protester_at_the_clause_start_is_a_verb_and_its_subject() -> None:
    # "طالب المحتجون" is "the protesters demanded", not the listed "طالب محتج".
    [s] = _stances("طالب المحتجون باستقالة الحكومة.")
    assert (s.holder.text, s.target.text, s.cue.text) == ("المحتجون", "الحكومة", "طالب")


def test_the_antecedent_of_a_relative_is_the_passive_victim() -> None:
    # "The union mourned the journalist who was assassinated by gunmen's bullets."
    stances = _stances("ونعت النقابة الصحفي الذي اغتيل برصاص مسلحين.")
    assert ("مسلحين", "الصحفي") in _against(stances)


def test_an_artillery_of_a_country_after_the_attack_noun_is_its_author() -> None:
    stances = _stances("وقتل ثلاثة أشخاص في قصف مدفعي تركي على القرية.")
    assert ("مدفعي تركي", "أشخاص") in _against(stances)


def test_those_a_strike_supports_do_not_hold_it() -> None:
    # "The union called a strike in support of the protesters occupying the government seat."
    stances = _stances("دعت النقابة إلى الإضراب دعما للمتظاهرين الذين يحتلون مقر الحكومة.")
    assert ("النقابة", "الحكومة") in {(s.holder.text, s.target.text) for s in stances if s.event_code == "143"}


def test_a_force_led_by_a_state_is_that_states() -> None:
    stances = _stances("وقتل مدنيان على يد قوات التحالف التي تقودها الولايات المتحدة.")
    assert {s.holder.code for s in stances} == {"USA"}


def test_a_lone_indefinite_subject_killed_in_a_clash_is_the_victim() -> None:
    # "A British soldier was killed in a clash with Taliban fighters."
    stances = _stances("وقتل جندي بريطاني في اشتباك مع مسلحي الحركة.")
    assert ("مسلحي", "جندي بريطاني") in _against(stances)
    assert ("الجيش", "مسلحين") in _against(_stances("وقتل الجيش عشرة مسلحين في هجوم على القرية."))
