"""Cooperation (favor) records need stricter evidence: the holder the cue's subject, the
target a party in an object slot, neither a thing, an adjective, a place's genitive or the
holder again. Each test has a wrong record that must no longer appear and, where the
sentence has one, the right record that must stay."""

from __future__ import annotations

from tasks.schema import Polarity
from tests.conftest import pairs
from tests.conftest import tagged_stances as _stances


def test_a_verb_and_its_subject_and_object_stay() -> None:
    # "The minister called on the citizens to be careful."
    assert ("الوزير", "المواطنين") in pairs(_stances("ودعا الوزير المواطنين إلى الحذر."), Polarity.FAVOR)


def test_a_name_and_its_title_are_one_party() -> None:
    # "Sheikh Khalid bin Saad Al Nahyan, chairman of the board, praised the results."
    stances = _stances("أشاد الشيخ خالد بن سعد آل نهيان رئيس مجلس الإدارة بالنتائج.")
    assert not any(t == "رئيس" for _, t in pairs(stances, Polarity.FAVOR))


def test_a_repeated_head_noun_is_the_holder_again() -> None:
    # "The head of the research institute stressed the institute's support for young people."
    stances = _stances("وأكد رئيس المعهد الوطني للبحوث على دعم المعهد للشباب.")
    assert not any(t == "المعهد" for _, t in pairs(stances, Polarity.FAVOR))


def test_an_adjective_of_a_thing_is_no_partner() -> None:
    # "The local universities cooperate with their foreign counterparts."
    stances = _stances("وتشهد المملكة تعاون الجامعات المحلية مع نظيراتها الأجنبية في تطوير المناهج.")
    assert not any(t == "الأجنبية" for _, t in pairs(stances, Polarity.FAVOR))


def test_a_place_in_the_genitive_is_no_partner() -> None:
    # "He said his aim was a deal in the interest of Portugal."
    stances = _stances("وقال الوزير إن هدفه هو الحصول على اتفاق يكون في مصلحة البرتغال.")
    assert not any(t == "البرتغال" for _, t in pairs(stances, Polarity.FAVOR))


def test_an_object_with_a_preposition_is_not_the_subject() -> None:
    # "Ahmad, newly named director of the company, said he would meet officials."
    stances = _stances("وقال أحمد المعين مديرا للشركة إنه سيلتقي بمسؤولين من الوزارة.")
    assert not any(h == "شركة" for h, _ in pairs(stances, Polarity.FAVOR))


def test_a_partner_far_past_a_comma_is_out_of_reach() -> None:
    # "The governor visited the houses hit by shells, which fell on the hospital, and the police."
    stances = _stances("زار المحافظ المنازل المتضررة، حيث سقطت القذائف قرب المستشفى، وعلى مقر الشرطة.")
    assert not any(t == "الشرطة" for _, t in pairs(stances, Polarity.FAVOR))


def test_a_noun_joined_by_wa_is_not_held_by_the_genitive_before_it() -> None:
    # "The project started on an initiative of the company and the support of the ministry."
    stances = _stances("انطلق المشروع بمبادرة من شركة أرامكو ودعم وزارة الصحة.")
    assert not any(h == "شركة أرامكو" for h, _ in pairs(stances, Polarity.FAVOR))


def test_a_reciprocal_noun_with_bayna_pairs_the_two_after_it() -> None:
    # "The council approved an agreement for cooperation between Oman and the government of Kenya."
    stances = _stances("ووافق المجلس على اتفاقية للتعاون بين عمان وحكومة كينيا.")
    assert not any(h == "المجلس" for h, _ in pairs(stances, Polarity.FAVOR))
    # "The speaker praised the spirit of cooperation among the members of society."
    stances = _stances("وقال المدير إن الشركة تنمي روح التعاون بين أفراد المجتمع.")
    assert not pairs(stances, Polarity.FAVOR)


def test_a_reciprocal_noun_with_its_genitive_names_no_partner() -> None:
    # "I saw the cooperation of Muslims from every country."
    assert not pairs(_stances("قال الحاج إنه رأى تعاون المسلمين من كل الدول."), Polarity.FAVOR)


def test_machines_do_not_cooperate() -> None:
    # "The planes do not affect the hidden support for the militias."
    assert not pairs(_stances("الطائرات لا تؤثر على الدعم الخفي للميليشيات."), Polarity.FAVOR)


def test_a_verb_after_a_relative_pronoun_with_an_object_pronoun() -> None:
    # "the Sudanese whom the passport office receives": the Sudanese are received.
    stances = _stances("وتصحيح أوضاع السودانيين الذين تستقبلهم الجوازات خلال مواعيد للرجال.")
    assert not any(h == "السودانيين" for h, _ in pairs(stances, Polarity.FAVOR))


def test_a_subject_after_its_verb_stands_right_after_it() -> None:
    # "who promised to close the military base": the base is no promiser.
    stances = _stances("وقال الرئيس الذي وعد بإغلاق السجن إن الكونغرس يعرقل ذلك.")
    assert not any(h == "الكونغرس" or t == "الكونغرس" for h, t in pairs(stances, Polarity.FAVOR))


def test_tawa33ada_is_a_threat() -> None:
    # "The president vowed to crush the rebellion."
    stances = _stances("وتوعد الرئيس بسحق المتمردين.")
    assert not pairs(stances, Polarity.FAVOR)
    assert any(s.polarity == Polarity.AGAINST and s.event_code == "130" for s in stances)


def test_a_definite_adjective_of_a_thing_does_not_attack() -> None:
    # "the heinous terrorist crime carried out by settlers led to the burning of a child"
    stances = _stances("وأدت الجريمة الإرهابية البشعة إلى حرق طفل فلسطيني.")
    assert not any(h == "الإرهابية" for h, _ in pairs(stances))


def test_a_nationality_after_an_attack_noun_stays_its_author() -> None:
    # "The Iraqi government condemned the Turkish raids."
    stances = _stances("وشنت الطائرات التركية غارات على مواقع الحزب.")
    assert any(h == "الطائرات التركية" or h == "التركية" for h, _ in pairs(stances))


def test_one_group_named_twice_is_not_two_sides() -> None:
    # "more than ten Houthi militiamen were killed … the Houthi militias"
    stances = _stances("وقتل أكثر من عشرة من ميليشيات الحوثي في كمين نصبته ميليشيات الحوثيين.")
    assert not any({h, t} == {"ميليشيات الحوثي", "ميليشيات الحوثيين"} for h, t in pairs(stances))


def test_opposing_sanctions_is_not_against_their_target() -> None:
    # "The government said it opposes imposing sanctions on Tehran" (and "it imposed them").
    stances = _stances("وقالت الحكومة إنها تعارض فرض العقوبات على طهران.")
    assert not any(t == "طهران" for _, t in pairs(stances))
    assert ("الحكومة", "طهران") in pairs(_stances("وقالت الحكومة إنها فرضت العقوبات على طهران."))


def test_a_noun_cue_negated_through_its_verb() -> None:
    # "The party has not yet started its war against Ankara."
    stances = _stances("وقال المتحدث إن الحزب لم يبدأ حربه حتى الآن ضد أنقرة.")
    assert not any(t == "أنقرة" for _, t in pairs(stances))


def test_still_is_not_a_negation() -> None:
    # "The clashes between the army and the gunmen are still going on."
    stances = _stances("ولا تزال الاشتباكات بين الجيش والمسلحين مستمرة.")
    assert ("الجيش", "المسلحين") in pairs(stances)


def test_not_stopping_is_not_a_negation() -> None:
    # "The forces that did not stop torturing the detainees": the torture goes on.
    stances = _stances("وقال التقرير إن القوات الأمريكية لم تتوقف عن تعذيب المحتجزين.")
    assert ("القوات الأمريكية", "المحتجزين") in pairs(stances)


def test_lifted_sanctions_are_no_conflict() -> None:
    # "Washington began lifting the sanctions it imposed on Tehran."
    stances = _stances("وبدأت واشنطن رفع العقوبات عن طهران.")
    assert not any(s.cue.text == "العقوبات" and s.polarity == Polarity.AGAINST for s in stances)
    assert any(s.note and "undone" in s.note for s in stances)


def test_a_group_only_said_to_be_there_is_not_the_killer() -> None:
    # "Eight policemen were killed in an explosion in the province, where Shabaab fighters are deployed."
    stances = _stances("قتل ثمانية شرطيين في انفجار في الولاية حيث ينتشر مسلحو حركة الشباب.")
    assert not any("مسلحو" in h or "الشباب" in h for h, _ in pairs(stances))


def test_a_country_under_above_is_where_not_who() -> None:
    # "An air raid by the coalition forces over Yemen killed a commander."
    stances = _stances("وأدت غارة جوية لقوات التحالف فوق اليمن إلى مقتل قائد ميداني.")
    assert not any(h == "اليمن" for h, _ in pairs(stances))


def test_strikes_that_support_or_defend_are_not_against_the_helped() -> None:
    # "The government forces, supported by air strikes from the coalition, retook the town."
    stances = _stances("وقالت مصادر إن القوات الحكومية مدعومة بضربات جوية من التحالف استعادت البلدة.")
    assert not any(h == "القوات الحكومية" for h, _ in pairs(stances))
    # "Washington allowed air strikes to defend the rebels it trained."
    stances = _stances("وقررت واشنطن السماح بضربات جوية للدفاع عن المتمردين الذين دربتهم.")
    assert not any(t == "المتمردين" for _, t in pairs(stances))
    # A verb too: "the coalition's aviation launched raids in support of the resistance".
    stances = _stances("وقالت مصادر إن طيران التحالف شن سلسلة من الغارات لمساندة المقاومة الشعبية.")
    assert not any(t == "المقاومة" for _, t in pairs(stances))
    # "The union called for a strike in support of the protesters."
    stances = _stances("دعا الاتحاد النقابي الى الإضراب دعما للمتظاهرين الذين يحتلون مقر الحكومة.")
    assert ("الاتحاد النقابي", "متظاهرين") not in pairs(stances)
    # Support named in another clause is someone else's aim: the raid still hit the rebels.
    stances = _stances(
        "شنت طائرات التحالف العربي غارات على معسكر في أبين، وأشارت مصادر إلى أن الغارة أسفرت عن تدمير "
        "عدة آليات عسكرية، كانت تحمل أسلحة في طريقها لدعم المتمردين."
    )
    assert any(s.cue.text == "الغارة" and s.target.text == "المتمردين" for s in stances)


def test_a_rejecting_verb_names_its_object_close_by() -> None:
    # "The chairman refused to let any other player go and move to the police club."
    stances = _stances("ورفض الرئيس التخلي عن أي لاعب آخر وانتقاله إلى نادي الشرطة.")
    assert not any(t == "الشرطة" for _, t in pairs(stances))
    # "The minister rejected the union's demands": a close object stays.
    assert ("الوزير", "النقابة") in pairs(_stances("ورفض الوزير النقابة ومطالبها."))


def test_a_unit_and_the_group_it_belongs_to_are_allies() -> None:
    # "Police said explosions targeted cars of commanders of the Qassam Brigades belonging to Hamas."
    stances = _stances("وقالت الشرطة إن انفجارات استهدفت سيارات قادة في كتائب القسام التابعة لحركة حماس.")
    assert not any({h, t} == {"القسام", "حركة حماس"} for h, t in pairs(stances))


def test_their_dead_is_no_killing() -> None:
    # "The rebels show no interest in the fate of their dead and captives."
    stances = _stances("وقال القائد إن المتمردين لا يبدون أي اهتمام بمصير قتلاهم وأسراهم.")
    assert not any(s.cue.text == "قتلاهم" for s in stances)


def test_a_name_spelt_as_a_verb_after_a_preposition_is_the_name() -> None:
    # "Pakistan, which Daesh accuses of controlling the Afghan Taliban": طالبان is no demand.
    stances = _stances("وتسعى باكستان التي يتهمها تنظيم داعش بالسيطرة على طالبان الأفغان إلى الحوار.")
    assert not any(s.cue.text == "طالبان" for s in stances)


def test_the_sources_reporting_a_killing_did_not_do_it() -> None:
    # "Medical and military Iraqi sources reported the killing of five gunmen."
    stances = _stances("أفادت مصادر طبية وعسكرية عراقية السبت بمقتل خمسة مسلحين في الأنبار.")
    assert not any("عراقية" in h for h, _ in pairs(stances))


def test_cooperation_negated_through_its_verb_is_neutral_with_the_reason() -> None:
    # "The spokesman said the deal does not include providing air support to the Kurdish fighters."
    stances = _stances('وقال المتحدث إن "الاتفاق لا يتضمن توفير دعم جوي للمقاتلين الأكراد".')
    assert stances and all(s.polarity == Polarity.NEUTRAL and s.note == "negated by 'لا'" for s in stances)


def test_fighters_gathering_or_leaving_are_no_protest() -> None:
    # "All foreign forces must leave Iraq." / "the flow of foreign fighters"
    for text in ("وقال الوزير إن القوات الأجنبية يجب أن تخرج من العراق.", "وحذر من تدفق المقاتلين الاجانب."):
        assert not any(s.event_code and s.event_code.startswith("14") for s in _stances(text))


def test_the_subject_and_its_titles_are_no_distance_to_the_object() -> None:
    # "The Emir of Riyadh received in his office yesterday morning the mayor and the police chief."
    text = "واستقبل سمو أمير منطقة الرياض في مكتبه بقصر الحكم صباح أمس كلا من رئيس البلدية ومدير الشرطة."
    assert ("أمير منطقة الرياض", "رئيس البلدية") in pairs(_stances(text), Polarity.FAVOR)


def test_titles_may_stand_between_the_verb_and_its_subject() -> None:
    # "The Custodian of the Two Holy Mosques King Salman received the Egyptian president."
    text = "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود الرئيس المصري."
    assert ("سلمان", "الرئيس المصري") in pairs(_stances(text), Polarity.FAVOR)


def test_a_time_word_set_off_by_commas_is_no_clause_break() -> None:
    # "The interior minister received, yesterday, the American ambassador."
    stances = _stances("استقبل وزير الداخلية، أمس، السفير الأمريكي.")
    assert ("وزير الداخلية", "السفير الأمريكي") in pairs(stances, Polarity.FAVOR)


def test_a_comma_after_a_time_word_still_ends_the_clause() -> None:
    # "The minister received (guests) yesterday, then the American president left."
    stances = _stances("استقبل الوزير أمس، ثم غادر الرئيس الأمريكي.")
    assert ("الوزير", "الرئيس الأمريكي") not in pairs(stances, Polarity.FAVOR)


def test_an_adverb_read_as_a_country_is_no_partner() -> None:
    # "The government supported the companies financially" (ماليا is no Mali).
    stances = _stances("ودعمت الحكومة الشركات ماليا.")
    assert not any(t.endswith("ماليا") for _, t in pairs(stances, Polarity.FAVOR))


def test_a_definite_country_adjective_after_a_definite_noun_is_no_partner() -> None:
    # "The government announced its financial support for the Yemeni government" (المالي: financial).
    stances = _stances("وأعلنت الحكومة عن دعمها المالي للحكومة اليمنية.")
    assert not any(t == "المالي" for _, t in pairs(stances, Polarity.FAVOR))


def test_a_time_word_may_stand_between_the_verb_and_its_subject() -> None:
    # "Today the foreign minister received the American ambassador."
    stances = _stances("واستقبل اليوم وزير الخارجية السفير الأمريكي.")
    assert ("وزير الخارجية", "السفير الأمريكي") in pairs(stances, Polarity.FAVOR)


def test_a_place_or_time_aside_set_off_by_commas_is_no_clause_break() -> None:
    # "The interior minister called, in a statement yesterday, on the citizens to be careful."
    stances = _stances("دعا وزير الداخلية، في بيان أمس، المواطنين إلى الحذر.")
    assert ("وزير الداخلية", "المواطنين") in pairs(stances, Polarity.FAVOR)


def test_then_opens_a_new_clause() -> None:
    # "The minister received (guests) in Riyadh, then the American president left."
    stances = _stances("استقبل الوزير، في الرياض، ثم غادر الرئيس الأمريكي.")
    assert ("الوزير", "الرئيس الأمريكي") not in pairs(stances, Polarity.FAVOR)


def test_a_party_after_a_glued_preposition_is_an_object_not_an_apposition() -> None:
    # "The foreign minister met the Egyptian president."
    stances = _stances("وقد التقى وزير الخارجية بالرئيس المصري.")
    assert ("وزير الخارجية", "الرئيس المصري") in pairs(stances, Polarity.FAVOR)


def test_the_thanker_favors_a_prince_named_with_his_title() -> None:
    # "Prince Majid bin Saud expressed his thanks to the Red Crescent Authority for its efforts."
    stances = _stances("وأعرب الأمير ماجد بن سعود عن شكره لهيئة الهلال الأحمر على جهودها.")
    assert ("الأمير ماجد بن سعود", "هيئة الهلال الأحمر") in pairs(stances, Polarity.FAVOR)


def test_a_meeting_with_a_king_after_a_time_phrase() -> None:
    # "The minister will meet, during the visit, King Hamad and a number of officials."
    stances = _stances("وقال الوزير إنه سيلتقي خلال الزيارة الملك حمد بن عيسى وعددا من المسؤولين.")
    assert any(t == "الملك حمد بن عيسى" for _, t in pairs(stances, Polarity.FAVOR))


def test_two_partners_after_with_do_not_cooperate_with_each_other() -> None:
    # "The centre works, in cooperation with the Yemeni government and UN bodies, ..."
    text = "يستمر المركز بالتعاون مع الحكومة اليمنية والمنظمات الأممية في توزيع المساعدات."
    assert not pairs(_stances(text), Polarity.FAVOR)


def test_sports_clubs_take_no_stance() -> None:
    # "The chairman of Al-Wahda club thanked the fans of Al-Ahli."
    assert not pairs(_stances("وشكر رئيس نادي الوحدة جماهير الأهلي."), Polarity.FAVOR)


def test_an_official_appeals_to_a_group() -> None:
    # "The director of civil defence called on all residents to stay away from the valleys."
    stances = _stances("دعا مدير الدفاع المدني جميع السكان إلى الابتعاد عن الأودية.")
    assert any(h.startswith("مدير الدفاع") for h, _ in pairs(stances, Polarity.FAVOR))


def test_a_name_after_a_second_title_of_the_holder_is_the_holder_again() -> None:
    # "The mayor of Riyadh and chairman of the municipal council, engineer Saad Al-Qahtani, thanked ..."
    text = "شكر أمين الرياض ورئيس المجلس البلدي المهندس سعد القحطاني رعاية الحفل."
    assert not any(t.startswith("المهندس") for _, t in pairs(_stances(text), Polarity.FAVOR))


def test_a_name_and_its_article_less_role_noun_are_one_party() -> None:
    # "Mahmoud Abbas, deputy head of the committee, called for dialogue."
    stances = _stances("دعا محمود عباس نائب رئيس اللجنة إلى الحوار.")
    assert not any(t == "نائب رئيس" for _, t in pairs(stances, Polarity.FAVOR))


def test_a_member_named_after_starting_with_is_the_holder_itself() -> None:
    # "The Democratic candidates, starting with Hillary Clinton, support reforming the law."
    stances = _stances("ويؤيد المرشحون الديموقراطيون بدءا بهيلاري كلينتون إصلاح قانون الهجرة.")
    assert not any(t == "هيلاري كلينتون" for _, t in pairs(stances, Polarity.FAVOR))


def test_the_opposer_of_a_measure_does_not_hold_it() -> None:
    # "The minister opposed the sanctions that target Tehran's nuclear programme."
    stances = _stances("وعارض الوزير التركي العقوبات الدولية التي تستهدف برنامج طهران النووي.")
    assert ("الوزير التركي", "طهران") not in pairs(stances)


def test_refusing_to_enter_a_war_is_not_waging_it() -> None:
    # "He explained that Turkey was refusing to enter a war against ISIS with the coalition."
    stances = _stances("وأوضح أن تركيا كانت تمانع الدخول في حرب ضد تنظيم داعش مع التحالف الدولي.")
    assert not any(h == "تركيا" for h, _ in pairs(stances))


def test_an_english_verb_with_a_common_noun_object_has_no_later_partner() -> None:
    # A photo caption: buying vegetables is no cooperation with "the Muslim holy month".
    stances = _stances("A man buys bread from a baker on the first day of the Muslim holy month of Ramadan.")
    assert not pairs(stances, Polarity.FAVOR)
    praised = _stances("Egypt praised efforts by Saudi Arabia to end the war.")
    assert ("Egypt", "Saudi Arabia") in pairs(praised, Polarity.FAVOR)


def test_the_family_of_a_man_thanks_not_the_man() -> None:
    # "The sons of Sheikh Abdulrahman bin Raja expressed their thanks to King Salman."
    stances = _stances("وعبر أبناء الشيخ عبدالرحمن بن رجا عن شكرهم لخادم الحرمين الشريفين الملك سلمان.")
    assert not any(h.startswith("الشيخ") for h, _ in pairs(stances, Polarity.FAVOR))
