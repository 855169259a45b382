"""Actor detection for stance tagging: dictionary look-up with clitics, the phrases news
builds from several words, and names."""

from __future__ import annotations

from tasks.actors import DATA, Words, lexicon, load_table, norm_phrase
from tasks.actors_detect import find_actors
from tasks.normalize import normalize_text
from tasks.schema import Language
from tasks.stance_actors import refine_actors
from tests.conftest import pairs
from tests.conftest import roles as _roles
from tests.conftest import tagged_stances as _stances


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


def test_everyday_words_are_not_places() -> None:
    assert find_actors(normalize_text("كيف وصلت فرقة الإنقاذ؟")) == []


def test_current_country_codes_not_retired_ones() -> None:
    codes = {a.text: a.code for a in find_actors(normalize_text("ألمانيا، اليمن، بورما."))}
    assert codes.get("ألمانيا") == "DEU"
    assert codes.get("اليمن") == "YEM"
    assert codes.get("بورما") == "MMR"


def test_construct_plural_of_five_letters_is_its_role_noun() -> None:
    # "The army killed dozens of the group's gunmen": مسلحي is مسلحين in the construct state.
    assert ("الجيش", "مسلحي الجماعة") in pairs(_stances("وقتل الجيش عشرات من مسلحي الجماعة في الجبال."))
    assert not find_actors(normalize_text("وهذا هو السبب الرئيسي."))  # رئيسي "main" is no president


def test_nominative_construct_plural_and_its_genitive() -> None:
    # سائقو الحافلات: the drivers (construct, ن dropped); the buses are theirs, no target.
    stances = _stances("وهاجم مستوطنو البؤرة سائقي الحافلات.")
    assert ("مستوطنو", "سائقي") in pairs(stances)
    assert not [s for s in _stances("وأضرب سائقو الحافلات أمس.") if s.target.text.startswith("الحافلات")]


def test_noun_and_adjective_roles_are_one_actor() -> None:
    doc = normalize_text("أطلق جنودا متمردين النار. وقتل مسلحون جنديا.")
    texts = [a.text for a in find_actors(doc)]
    assert "جنودا متمردين" in texts
    assert "مسلحون" in texts and "جنديا" in texts  # subject and object keep apart


def test_members_of_an_institution_are_one_actor_and_one_of_them_is_counted() -> None:
    actors = find_actors(normalize_text("وهاجم عناصر الشرطة المتظاهرين."))
    assert next((a.text, a.code) for a in actors) == ("عناصر الشرطة", "COP")
    # "One of the policemen was killed in a bombing": أحد counts a victim.
    stances = _stances("وقتل أحد عناصر الشرطة في انفجار عبوة ناسفة.")
    assert ("عبوة ناسفة", "عناصر الشرطة") in pairs(stances)


def test_role_nouns_news_use_for_parties() -> None:
    doc = normalize_text("اشتبكت ميليشيات مع عناصر الأمن، وأضرب العرب، وهاجم حزب الله مقر الشركة.")
    codes = {a.text: a.code for a in find_actors(doc)}
    assert codes.get("ميليشيات") == "UAF"
    assert codes.get("عناصر الأمن") == "COP"
    assert codes.get("العرب") == "CVL"
    assert codes.get("حزب الله") == "LBNREB"
    assert codes.get("الشركة") == "BUS"


def test_broken_plural_role_nouns_are_actors() -> None:
    doc = normalize_text("وتجمع الأقباط، واعتقل الضباط الثوار، وأفرج الخاطفون عن الرهائن، واجتمع الزعماء.")
    codes = {a.text: a.code for a in find_actors(doc)}
    assert (codes.get("الأقباط"), codes.get("الضباط"), codes.get("الثوار")) == ("CVL", "MIL", "REB")
    assert (codes.get("الرهائن"), codes.get("الزعماء")) == ("CVL", "GOV")


def test_hostages_and_members_are_actors() -> None:
    assert ("الجماعة", "رهينة بريطانية") in pairs(_stances("وأعدمت الجماعة رهينة بريطانية."))


def test_feminine_verbal_nouns_are_not_role_nouns() -> None:
    doc = normalize_text("ورددوا شعارات مناهضة للحكومة، وتشكلت قوة لمقاتلة تنظيم القاعدة.")
    texts = {a.text for a in find_actors(doc)}
    assert "مناهضة" not in texts
    assert "مقاتلة" not in texts
    assert "المقاتلين" in {a.text for a in find_actors(normalize_text("وهاجم المقاتلين."))}


def test_a_role_noun_behind_a_preposition_clitic_is_found() -> None:
    # لشركة is ل + شركة even though the whole word is frequent in news.
    stances = _stances("وأحرق المحتجون سيارة تابعة لشركة النفط.")
    assert ("المحتجون", "شركة النفط") in {(h, t) for h, t, _ in _roles(stances)}


def test_a_quoted_part_of_a_name_is_still_the_name() -> None:
    doc = normalize_text('وقالت الشرطة إن تنظيم "القاعدة" تبنى الهجوم.')
    assert [a.code for a in find_actors(doc) if a.text.startswith("تنظيم")] == ["IMGREBRAD"]


def test_a_claiming_verb_is_not_an_actor() -> None:
    assert not find_actors(normalize_text("تبنى التنظيم العملية."))


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


def test_warplanes_are_the_air_force_of_their_nationality() -> None:
    [s] = _stances("وقصفت المروحيات الروسية قرية في الجبال.")
    assert (s.holder.text, s.holder.code) == ("المروحيات الروسية", "RUSMIL")


def test_a_unit_belonging_to_an_actor_is_that_actor() -> None:
    # "A drone belonging to the French forces struck the fighters' positions."
    stances = _stances("وقصفت طائرة بدون طيار تابعة للقوات الفرنسية مواقع المقاتلين.")
    assert {s.holder.code for s in stances} == {"FRAMIL"}


def test_a_force_led_by_a_state_is_that_states() -> None:
    stances = _stances("وقتل مدنيان على يد قوات التحالف التي تقودها الولايات المتحدة.")
    assert {s.holder.code for s in stances} == {"USA"}


def test_any_booby_trapped_vehicle_is_a_bomb() -> None:
    # "Three were killed in the explosion of a booby-trapped motorbike": the bomb is the author.
    stances = _stances("وقتل ثلاثة أشخاص في انفجار دراجة مفخخة قرب السوق.")
    assert ("دراجة مفخخة", "أشخاص") in pairs(stances)


def test_an_unknown_name_after_the_noun_of_a_political_fate_is_a_person() -> None:
    # "The protesters demand the resignation of Kovač": the name is in no dictionary.
    doc = normalize_text("ويطالب المتظاهرون باستقالة كوفاتش، ويرفضون رحيل القوات.")
    people = [a.text for a in find_actors(doc) if a.kind == "person"]
    assert people == ["كوفاتش"]  # رحيل القوات: the article marks no name
    tagged = _stances(doc.text)
    assert ("المتظاهرون", "كوفاتش") in {(h, t) for h, t, _ in _roles(tagged)}
    assert all(s.target.code is None for s in tagged if s.target.text == "كوفاتش")


def test_an_unknown_name_after_a_visit_or_an_assassination_is_a_person() -> None:
    # "The Iranian opposition criticises Mogherini's visit to Tehran."
    assert ("المعارضة الإيرانية", "موغيريني") in pairs(_stances("المعارضة الإيرانية تنتقد زيارة موغيريني لطهران"))
    doc = normalize_text("وأدان الرئيس اغتيال شكري بلعيد")
    assert [a.text for a in find_actors(doc) if a.kind == "person"] == ["شكري بلعيد"]


def test_a_definite_noun_after_a_closed_construct_chain_is_a_new_phrase() -> None:
    # "The human rights committee criticised the Egyptian government": two parties, the
    # nationality is the object's.
    actors = find_actors(normalize_text("وانتقدت لجنة حقوق الإنسان الحكومة المصرية."))
    assert [(a.text, a.code) for a in actors] == [("لجنة حقوق الإنسان", "GOVHRI"), ("الحكومة المصرية", "EGYGOV")]
    actors = find_actors(normalize_text("وهاجم مسلحو الحركة الجنود الأمريكيين."))
    assert [a.text for a in actors] == ["مسلحو", "الجنود الأمريكيين"]
    # A listed name right after a title is still the title's, an adjective still its chain's.
    actors = find_actors(normalize_text("ورفض ترشيح وزير الخارجية عبد الله غل."))
    assert actors[0].text == "وزير الخارجية عبد الله غل"
    assert [a.code for a in find_actors(normalize_text("وقال قائد الشرطة العراقية."))] == ["IRQCOP"]


def test_the_spokesman_of_an_institution_takes_its_nationality() -> None:
    actors = find_actors(normalize_text("وقال المتحدث باسم مجلس الأمن القومي الأميركي إن روسيا تهدد أوكرانيا."))
    assert (actors[0].text, actors[0].code) == ("المتحدث باسم مجلس الأمن القومي الأميركي", "USAGOV")


def test_unlisted_institutions_are_read_from_their_head_noun() -> None:
    found = {a.text: (a.code, a.kind) for a in find_actors(normalize_text(
        "وأعلنت هيئة علماء المسلمين وجبهة الخلاص الوطني واتحاد الشغل أن المجلس العسكري وجماعة بوكو حرام "
        'المتطرفة وتنظيم "أنصار الشريعة" هاجموا القرية.'
    ))}  # fmt: skip
    assert found["هيئة علماء المسلمين"] == ("GOV", "org")
    assert found["جبهة الخلاص الوطني"] == ("REB", "org")
    assert found["اتحاد الشغل"] == ("LAB", "org")
    assert found["المجلس العسكري"] == ("GOV", "org")
    assert found["جماعة بوكو حرام المتطرفة"] == ("NGAREB", "agent")  # listed, with its description
    assert found['تنظيم "أنصار الشريعة'] == ("REB", "org")
    assert "المسلمين" not in found and "العسكري" not in found  # inside the names
    # A nationality completes the name: the Syrian coalition is Syrian, not the government.
    [coalition] = [a for a in find_actors(normalize_text("وانتقد الائتلاف الوطني السوري.")) if a.kind == "org"]
    assert (coalition.text, coalition.code) == ("الائتلاف الوطني السوري", "SYRPTY")


def test_everyday_uses_of_institution_nouns_are_no_actors() -> None:
    # Traffic, organising a conference, an organised campaign, the battle front.
    doc = normalize_text(
        "وتزايدت حركة المرور وانتقد الوزير تنظيم المؤتمر في حملة منظمة تقوم بها الشركة على جبهة القتال."
    )
    assert [a.text for a in find_actors(doc)] == ["الوزير", "الشركة"]
    assert not find_actors(normalize_text("وهذه هي الجريمة المنظمة والحركة التجارية."))


def test_a_name_after_a_definite_title_or_person_role_is_part_of_it() -> None:
    found = [a.text for a in find_actors(normalize_text("وقال المتحدث باسم الشرطة أحمد الزعبي إن مسلحين هاجموا."))]
    assert found[0] == "المتحدث باسم الشرطة أحمد الزعبي"
    found = [a.text for a in find_actors(normalize_text("وانتقد الناشط الحقوقي أمجد وهبة الحكومة."))]
    assert found == ["الناشط الحقوقي أمجد وهبة", "الحكومة"]
    assert find_actors(normalize_text("وقال العميد صادق سرحان إن القوات تقدمت."))[0].text == "العميد صادق سرحان"
    # Not a possessed noun, a verb, a preposition's object, nor after an indefinite role.
    assert [a.text for a in find_actors(normalize_text("وهاجم الطالب زملاءه."))] == ["الطالب"]
    assert find_actors(normalize_text("واغتيل الصحفي برصاص مسلحين."))[0].text == "الصحفي"
    assert find_actors(normalize_text("وقال زعيم مجموعة خراسان."))[0].text == "زعيم"


def test_a_counted_plural_and_a_singular_noun_after_it_are_two_actors() -> None:
    # "Ten gunmen killed a soldier": the soldier is the object, not an adjective.
    assert [a.text for a in find_actors(normalize_text("وقتل عشرة مسلحين جنديا."))] == ["مسلحين", "جنديا"]


def test_a_noun_with_a_possessive_pronoun_takes_no_genitive() -> None:
    # "Its president warned the United States": رئيسها is not "the US president".
    actors = find_actors(normalize_text("وحذر رئيسها الولايات المتحدة من العواقب."))
    assert [(a.text, a.code) for a in actors] == [("رئيسها", "GOV"), ("الولايات المتحدة", "USA")]


def test_a_country_name_after_a_definite_role_noun_is_its_object() -> None:
    # A definite noun takes no genitive: "the president criticised Israel", "visited India".
    assert [a.text for a in find_actors(normalize_text("انتقد الرئيس إسرائيل بشدة."))] == ["الرئيس", "إسرائيل"]
    assert [a.text for a in find_actors(normalize_text("زار الوزير الهند."))] == ["الوزير", "الهند"]
    # A glued ل makes the owner, a plural nationality an adjective, باسم a genitive.
    assert [a.text for a in find_actors(normalize_text("الجناح العسكري لحركة حماس"))] == ["الجناح العسكري لحركة حماس"]
    assert [a.code for a in find_actors(normalize_text("قال الجنود الأفغان"))] == ["AFGMIL"]
    assert [a.code for a in find_actors(normalize_text("قال المتحدث باسم إسرائيل"))] == ["ISRGOV"]


def test_an_indefinite_role_noun_after_a_definite_one_opens_the_object() -> None:
    # An adjective of "الجيش" would carry the article: the two Israeli soldiers are the object.
    actors = find_actors(normalize_text("قتل الجيش جنديين إسرائيليين."))
    assert [a.text for a in actors] == ["الجيش", "جنديين إسرائيليين"]
    # A title followed by a name is one person, not two phrases.
    assert [a.text for a in find_actors(normalize_text("استقبل الرئيس بشار الأسد وفدا."))] == ["الرئيس بشار الأسد"]


def test_a_feminine_dual_nationality_adjective_is_its_country() -> None:
    actors = find_actors(normalize_text("أسقطت القوات الروسية طائرتين أمريكيتين."))
    assert [(a.text, a.code) for a in actors] == [("القوات الروسية", "RUS"), ("أمريكيتين", "USA")]
    # The dual of an adjective of things is no party: "two military bases".
    assert [a.text for a in find_actors(normalize_text("استخدام قاعدتين عسكريتين."))] == []


def test_a_complete_name_does_not_take_the_adjective_of_the_next_noun() -> None:
    actors = find_actors(normalize_text("استنكرت جامعة الدول العربية القصف التركي في شمال العراق."))
    assert [a.text for a in actors][:2] == ["جامعة الدول العربية", "التركي"]
    actors = find_actors(normalize_text("قال الجيش الوطني والشعب اليمني"))
    assert [a.code for a in actors] == ["YEMMIL"]
    # A conjunct that is a party of its own keeps the adjective: the army and the resistance.
    actors = find_actors(normalize_text("قال الجيش الوطني والمقاومة الشعبية اليمنية"))
    assert [a.code for a in actors] == ["MIL", "YEMREB"]


def test_month_names_and_hind_are_no_actors() -> None:
    # نيسان is an EDU actor in the dictionary and, read as a dual, Nice; هند is Hind.
    assert [a.text for a in find_actors(normalize_text("في 10 أبريل (نيسان) 2007 فجر 3 انتحاريين أنفسهم"))] == [
        "انتحاريين"
    ]
    assert [a.code for a in find_actors(normalize_text("ارتبطت المواطنة هند بالمعاناة"))] == ["CVL"]


def test_an_inflected_noun_takes_adjectives_but_no_genitive() -> None:
    # مسلحون keeps its ن: the Chinese engineer is the object, not the gunmen's.
    actors = find_actors(normalize_text("واختطف مسلحون مهندسا صينيا."))
    assert [a.text for a in actors] == ["مسلحون", "مهندسا صينيا"]
    assert [a.text for a in find_actors(normalize_text("وقتل مسلحون مدنيين افغانا."))][-1] == "مدنيين افغانا"


def test_an_everyday_head_with_a_nationality_is_a_group() -> None:
    [group] = find_actors(normalize_text("وتبنت حركة الشباب الصومالية الهجوم."))
    assert (group.text, group.code, group.kind) == ("حركة الشباب الصومالية", "SOMREB", "org")


def test_plural_institution_heads_and_indefinite_adjectives_agreeing_in_gender() -> None:
    found = {a.text: a.kind for a in find_actors(normalize_text(
        "ونظمت جمعيات حقوقية وجماعة مسلحة ومجلس محلي ومنظمات حقوق الإنسان وجماعات حماية الأطفال وقفة."
    ))}  # fmt: skip
    for name in ("جمعيات حقوقية", "جماعة مسلحة", "مجلس محلي", "منظمات حقوق الإنسان", "جماعات حماية الأطفال"):
        assert found.get(name) == "org", name
    # A verbal noun in ي after a feminine head is its genitive, not an adjective.
    assert [a.text for a in find_actors(normalize_text("وطالبوا لجنة تفادي التعذيب بنشر تقريرها."))] == [
        "لجنة تفادي التعذيب"
    ]
    assert not find_actors(normalize_text("وشهدت المدينة حركة تجارية نشطة."))


def test_an_unknown_name_between_a_speech_verb_and_what_is_said_is_a_speaker() -> None:
    people = [
        a.text for a in find_actors(normalize_text("وقال أمجد وهبة: إن الحكومة تقمع المتظاهرين.")) if a.kind == "person"
    ]
    assert people == ["أمجد وهبة"]
    assert [a.kind for a in find_actors(normalize_text("وأوضح صقر أن المنطقة تحتوي على ألغام."))] == ["person"]
    # Frequent words in that slot are no names ("وقال بيان إن", "وقالت مصادر إن").
    assert not find_actors(normalize_text("وقال بيان إن الاجتماع انتهى، وقالت مصادر إن الوفد غادر."))


def test_a_town_with_a_glued_lam_is_a_destination_and_a_threat_no_actor() -> None:
    # "Since the militias overran Sanaa…, the journalists were exposed to threats."
    actors = find_actors(normalize_text("منذ اجتياح الميليشيات لصنعاء، وتعرض الصحفيون للتهديد."))
    assert [a.text for a in actors] == ["الميليشيات", "صنعاء", "الصحفيون"]


def test_ila_is_no_definite_noun_inside_a_title() -> None:
    # "The defence minister leaves for the Republic of Egypt": إلى (key form الي) ends the chain.
    doc = normalize_text("يغادر وزير الدفاع إلى جمهورية مصر العربية في زيارة رسمية.")
    found = {a.text for a in find_actors(doc)}
    assert "وزير الدفاع" in found
    assert not any("إلى" in text for text in found)


def test_a_royal_title_before_a_name_is_a_person_and_ala_ends_the_name() -> None:
    # "The family expressed its thanks to Prince Majid bin Saud for his condolences."
    doc = normalize_text("وأعربت الأسرة عن شكرها للأمير ماجد بن سعود على تعازيه، والتقى الملك حمد وفدا.")
    found = {(a.text, a.code) for a in find_actors(doc)}
    assert ("أمير ماجد بن سعود", "GOV") in found
    assert ("الملك حمد", "GOV") in found


def test_a_royal_title_alone_is_no_actor() -> None:
    # "The king's property was sold" / "the prince of the story": no name follows.
    assert not any("الملك" in a.text for a in find_actors(normalize_text("وبيع الملك العام في المزاد.")))


def test_an_office_title_with_a_definite_genitive_is_an_official() -> None:
    # "The director of civil defence said ..."
    found = {(a.text, a.code) for a in find_actors(normalize_text("وقال مدير الدفاع المدني إن الحريق أخمد."))}
    assert ("مدير الدفاع المدني", "GOV") in found
    assert not find_actors(normalize_text("كان أمينا في عمله."))


def test_hamas_with_the_article_is_enthusiasm() -> None:
    # "The manager thanked the students for their great enthusiasm" / "Abbas sharply criticised Hamas."
    found = find_actors(normalize_text("شكر المدير الطلاب على الحماس الكبير وبالحماس نفسه."))
    assert not any("حماس" in a.text for a in found)
    assert "حماس" in {a.text for a in find_actors(normalize_text("وانتقد عباس حماس بشدة."))}


def test_ta_marbuta_tells_police_and_tourists_from_other_words() -> None:
    # "Turkey met the first condition" / "the Ministry of Tourism and the foreign tourists".
    assert not any(a.code == "COP" for a in find_actors(normalize_text("وحققت تركيا الشرط الأول بشرط ألا تتدخل.")))
    assert ("الشرطة", "COP") in {(a.text, a.code) for a in find_actors(normalize_text("وقالت الشرطة إن الحادث وقع."))}
    found = {a.text for a in find_actors(normalize_text("وقالت السياحة إن السياح الأجانب زادوا."))}
    assert "السياحة" not in found and "السياح" in found


def test_munashada_is_an_appeal() -> None:
    # "The decision came after the government's appeal to the international community."
    found = find_actors(normalize_text("وجاء القرار بعد مناشدة الحكومة للمجتمع الدولي."))
    assert not any(a.text.startswith("مناشد") for a in found)


def test_a_place_name_has_no_plural() -> None:
    # "liquid nitrogen cools the superconductors" (الموصلات, not Mosul); Mosul itself stays.
    assert not find_actors(normalize_text("ويستخدم النيتروجين لتبريد الموصلات الفائقة."))
    assert ("الموصل", "IRQ") in {(a.text, a.code) for a in find_actors(normalize_text("ووصلت القوات إلى الموصل."))}


def test_a_name_ends_at_a_line_break() -> None:
    """A headline's last words do not run into the body's first ("التقى" read as one more
    adjective of the organization)."""
    doc = normalize_text(
        "المشرف على مركز الملك سلمان للإغاثة يلتقي أمين منظمة العالم الإسلامي\n\n"
        "التقى رئيس حزب القوات اللبنانية\nاجتمع المشرف العام على المركز."
    )
    texts = [a.text for a in find_actors(doc)]
    assert "منظمة العالم الإسلامي" in texts
    assert not [t for t in texts if "\n" in t]


def test_military_operations_and_campaigns_are_no_actors() -> None:
    # عسكرية describes an operation, campaign or vehicle; soldiers are عسكريون.
    actors = find_actors(normalize_text("أطلقت أنقرة عملية عسكرية جوية ضد هدفين وحملة عسكرية أخرى."))
    assert [a.text for a in actors] == ["أنقرة"]
    assert [a.code for a in find_actors(normalize_text("قال مسؤولون عسكريون"))] == ["MIL"]


def test_the_islamic_state_is_an_armed_group() -> None:
    # Newer than the UniversalPetrarch dictionaries; bare الدولة الإسلامية stays out, as
    # matching blind to ة would read "الدول الإسلامية" (Islamic countries) as the group.
    assert [a.code for a in find_actors(normalize_text("قصفت طائرات تركية مواقع تنظيم داعش."))][-1] == "IMGREB"
    assert [a.code for a in find_actors(normalize_text("هاجم تنظيم الدولة الإسلامية القرية"))] == ["IMGREB"]
    assert not find_actors(normalize_text("اجتمع وزراء خارجية الدول الإسلامية"))[-1].code.startswith("IMG")


def test_continental_adjectives_name_a_region_and_continent_names_are_no_party() -> None:
    assert [(a.text, a.code) for a in find_actors(normalize_text("قال مسؤول أوروبي"))] == [("مسؤول أوروبي", "EURGOV")]
    assert [a.code for a in find_actors(normalize_text("وخطفوا أربعة أوروبيين"))] == ["EUR"]
    # "تصفيات أوروبا": continents are mostly sport and geography in news.
    assert find_actors(normalize_text("حسم نقطة من رصيد الفريق في تصفيات أوروبا")) == []


def test_cowardly_is_said_of_attacks_not_a_party() -> None:
    assert [a.text for a in find_actors(normalize_text("دان العمل الإرهابي الجبان"))] == ["الإرهابي"]


def test_politicians_in_the_plural_are_people_and_political_is_no_party() -> None:
    assert [a.text for a in find_actors(normalize_text("هاجم مفجرون انتحاريون سياسيين"))][-1] == "سياسيين"
    assert find_actors(normalize_text("دعا إلى الحل السياسي")) == []


def test_the_blessed_is_no_mubarak() -> None:
    assert find_actors(normalize_text("اقتحام المسجد الأقصى المبارك في عيد الفطر المبارك")) == []
    assert [a.code for a in find_actors(normalize_text("وقال مبارك"))] == ["EGYGOV"]


def test_shipped_dictionary_carries_the_code_fixes() -> None:
    # tasks/stance_data_tables.CODE_FIXES: CLDR's EU region code, a Kyrgyz Kurdistani, an Iranian Dhahran.
    codes = {name: code for name, code, _ in load_table(DATA / "actors_ar.tsv", 3)}
    assert codes[norm_phrase("الاتحاد الأوروبي")] == "IGOEUREEC"
    assert codes[norm_phrase("الكردستاني")] == "IRQ"
    assert codes[norm_phrase("الظهران")] == "SAU"
    assert codes[norm_phrase("أوباما")] == "USAGOV"
    assert norm_phrase("الشمس") not in codes  # the sun, listed as a US university
    assert [a.code for a in find_actors(normalize_text("رحب الاتحاد الأوروبي بالاتفاق"))] == ["IGOEUREEC"]


def test_armed_groups_the_dictionaries_lack_or_misread() -> None:
    def found(text: str) -> list[tuple[str, str]]:
        return [(a.text, a.code) for a in find_actors(normalize_text(text))]

    # The Free Syrian Army is a rebel force, not the Syrian army; سرايا القدس is no Jerusalem.
    assert found("وقال الجيش السوري الحر") == [("الجيش السوري الحر", "SYRREB")]
    assert found("وأعلنت سرايا القدس") == [("سرايا القدس", "PSEREB")]
    assert found("على حاجز لوحدات حماية الشعب") == [("وحدات حماية الشعب", "SYRREB")]
    # Al-Qaeda in the Islamic Maghreb is no Morocco.
    aqim = "تنظيم القاعدة في بلاد المغرب الإسلامي"
    assert found("وتبنى " + aqim) == [(aqim, "IMGREBRAD")]
    # الحشد الشعبي is the Iraqi militia; "حشد شعبي كبير" a large crowd.
    assert found("وتقدمت قوات الحشد الشعبي") == [("قوات الحشد الشعبي", "IRQMIL")]
    assert found("وسط حشد شعبي كبير") == []


def test_cameron_is_no_cameroon() -> None:
    # CLDR names Cameroon الكاميرون; without the article the word is David Cameron.
    codes = [a.code for a in find_actors(normalize_text("وقال كاميرون إن بريطانيا ستدعم الحكومة العراقية."))]
    assert "CMR" not in codes
    assert [a.code for a in find_actors(normalize_text("وهاجمت بوكو حرام قرية في الكاميرون."))][-1] == "CMR"


def test_nationality_adjectives_the_actor_dictionary_lists_as_towns_are_adjectives() -> None:
    # CLDR gives أفغانستاني and الدانمرك; the actor dictionary's أفغاني، دنماركي were towns.
    names = lexicon(Language.ARABIC)
    for word, code in (("أفغاني", "AFG"), ("دنماركي", "DNK"), ("بوسني", "BIH")):
        found = names.match([word], 0)
        assert found is not None and (found[0].code, found[0].kind) == (code, "adj")


def test_an_agreeing_armed_description_is_part_of_the_group() -> None:
    def found(text: str) -> list[str]:
        return [a.text for a in find_actors(normalize_text(text))]

    assert found("وتبنى تنظيم داعش الإرهابي الهجوم") == ["تنظيم داعش الإرهابي"]
    assert found("قتل مسلحو حركة الشباب الصومالية المتشددة جنودا")[1] == "حركة الشباب الصومالية المتشددة"
    # Not agreeing, it is another party: the army killed the terrorists.
    assert found("قتل الجيش العراقي الإرهابيين") == ["الجيش العراقي", "الإرهابيين"]


def test_a_broken_plural_takes_no_sound_plural_ending() -> None:
    # عربات "vehicles" is no plural of عرب "Arabs", which is itself a plural.
    assert [a.text for a in find_actors(normalize_text("قصفت المدفعية عربات ومواقع"))] == ["المدفعية"]
    assert [a.text for a in find_actors(normalize_text("وقال العرب والأكراد"))] == ["العرب", "الأكراد"]


def test_mushari_a_is_no_legislator() -> None:
    # مشرعة: "open" (doors), and a district of Taiz; مشرعون are legislators.
    assert find_actors(normalize_text("أبواب المدينة مشرعة دائما")) == []
    assert [a.code for a in find_actors(normalize_text("وقال مشرعون"))] == ["LEG"]


def test_deir_is_no_monastery_party() -> None:
    # دير "monastery" (listed as REL) opens the city دير الزور.
    assert [a.text for a in find_actors(normalize_text("قصف التحالف مواقع داعش في دير الزور"))] == ["التحالف", "داعش"]


def test_the_shia_are_a_party_and_a_funeral_escort_is_no_shia() -> None:
    # الشيعة "the Shia" (MUS, as Phoenix codes religious groups); شيّعت "escorted (a funeral)".
    assert [a.code for a in find_actors(normalize_text("تفجير استهدف تجمعا للشيعة"))][-1:] == ["MUS"]
    assert find_actors(normalize_text("وشيعت جموع غفيرة جنازة الشهيد")) == []


def test_relatives_named_with_a_pronoun_are_parties() -> None:
    # "A citizen kills his son and wounds his wife"; ة before a pronoun is ت (زوجته).
    assert ("مواطن", "ابنه") in pairs(_stances("مواطن يقتل ابنه بحائل"))
    assert [a.text for a in find_actors(normalize_text("وأصاب زوجته وشقيقها"))] == ["زوجته", "شقيقها"]
    # Without a pronoun they are part of a name (Ibn Taymiyya) or "brotherly" (اليمن الشقيق).
    assert find_actors(normalize_text("قال ابن تيمية")) == []
    assert find_actors(normalize_text("وقالت الابنة")) == []  # ة is no pronoun
    assert [a.text for a in find_actors(normalize_text("زار الوزير اليمن الشقيق"))] == ["الوزير", "اليمن"]
    # Only feminine nouns of parties: معارضتهما is "their opposition", no opposition party.
    assert find_actors(normalize_text("وأعلنا معارضتهما")) == []


def test_a_possessed_noun_governs_no_genitive() -> None:
    # "His government attacked the protesters": حكومته takes no genitive, two parties.
    found = [a.text for a in find_actors(normalize_text("وهاجمت حكومته المتظاهرين"))]
    assert found == ["حكومته", "المتظاهرين"]


def test_names_spelt_as_common_words_need_their_bare_form() -> None:
    # مالية "financial", البرية "land", السيول "the floods", انقر "click": not Mali, Berri,
    # Seoul or Ankara, which news write bare (and أنقرة with ة).
    assert find_actors(normalize_text("فرض غرامة مالية ودمرت السيول المنازل في المنطقة البرية. انقر هنا")) == []
    found = {a.text: a.code for a in find_actors(normalize_text("هاجمت قوات مالي المسلحين وانتقد بري أنقرة"))}
    assert found.get("قوات مالي") == "MLIMIL"
    assert found.get("بري") == "LBNGOVLEG"
    assert found.get("أنقرة") == "TUR"


def test_the_preposition_ala_is_no_name_after_a_title() -> None:
    # على folds into علي (Ali) in key form; after a title it is still "on", "at the hands of".
    found = [a.text for a in find_actors(normalize_text("وأدان الوزير اغتيال السفير على يد مسلحين"))]
    assert found == ["الوزير", "السفير", "مسلحين"]
    assert [a.text for a in find_actors(normalize_text("وقال الرئيس علي عبدالله صالح"))] == ["الرئيس علي عبدالله صالح"]


def test_force_used_or_summoned_is_no_armed_unit() -> None:
    # "Obama threatened to use force against Iran": force is the means, Obama the holder.
    assert ("أوباما", "ايران") in pairs(_stances("هدد أوباما باستخدام القوة ضد ايران"))
    doc = normalize_text("ولا حول ولا قوة إلا بالله")
    assert refine_actors(Words.of(doc), find_actors(doc)) == []
    # A unit: "a force of the counter-terrorism service clashed with the gunmen".
    assert ("قوة", "المسلحين") in pairs(_stances("وقال إن قوة من جهاز مكافحة الإرهاب اشتبكت مع المسلحين"))


def test_the_middle_east_is_no_party() -> None:
    # A region, and the newspaper that reports: "قال لـ«الشرق الأوسط»" (told Asharq Al-Awsat).
    found = [a.text for a in find_actors(normalize_text('وقال الوزير لـ"الشرق الأوسط" إن إيران تدعم الميليشيات'))]
    assert found == ["الوزير", "إيران", "الميليشيات"]


def test_a_secretary_general_of_a_body_is_its_officer() -> None:
    # "The GCC secretary general condemned ...": one actor, not a stance toward the council.
    doc = normalize_text("واستنكر الأمين العام لمجلس التعاون لدول الخليج العربية الهجوم على المسجد")
    assert [a.text for a in find_actors(doc)] == ["الأمين العام لمجلس التعاون"]
    assert not pairs(_stances(doc.text))
    # An envoy to a country is sent there: the country stays apart.
    found = [a.text for a in find_actors(normalize_text("وانتقد المبعوث الأممي لليمن الحوثيين"))]
    assert "يمن" in found


def test_the_georgian_adjective_names_georgia() -> None:
    # "Russian forces shot down two Georgian spy planes" (the 2008 war); George stays a name.
    found = {a.text: a.code for a in find_actors(normalize_text("أسقطت القوات الروسية طائرتي تجسس جورجيتين"))}
    assert found.get("جورجيتين") == "GEO"
    assert [a.code for a in find_actors(normalize_text("وقال جورج بوش"))] == ["USAELI"]
