"""Stance roles for protests (CAMEO 14x): who holds a protest and whom it is aimed at."""

from __future__ import annotations

from tasks.actors_detect import find_actors
from tasks.normalize import normalize_text
from tasks.schema import Polarity
from tests.conftest import pairs
from tests.conftest import roles as _roles
from tests.conftest import tagged_stances as _stances


def test_protest_holder_is_the_crowd_and_target_the_authority() -> None:
    stances = _stances("وخرج آلاف المتظاهرين في القاهرة احتجاجا على قرار الحكومة.")
    protest = [s for s in stances if s.event_code and s.event_code.startswith("14")]
    assert protest
    assert all(s.holder.text == "المتظاهرين" and s.polarity == Polarity.AGAINST for s in protest)
    assert any(s.target.text == "الحكومة" for s in protest)
    assert all("القاهرة" not in (s.holder.text, s.target.text) for s in stances)


def test_crowd_verb_without_a_crowd_is_no_protest() -> None:
    assert not [s for s in _stances("وخرج الرئيس الروسي من الاجتماع مع الحكومة.") if s.event_code == "141"]


def test_protest_holder_is_the_crowd_subject_not_other_protesters() -> None:
    # The students marched; the activists only went along with them.
    stances = _stances("وخرج الطلاب من الجامعة وساروا نحو السفارة الفرنسية يرافقهم عدد من النشطاء.")
    assert {s.holder.text for s in stances if s.event_code and s.event_code.startswith("14")} == {"الطلاب"}
    assert ("الطلاب", "السفارة الفرنسية") in {(h, t) for h, t, _ in _roles(stances)}


def test_protest_subject_after_the_verb_past_a_quantity() -> None:
    # "Hundreds of workers gathered before parliament, with some protesters present": the workers hold it.
    stances = _stances("وتجمع مئات العمال أمام البرلمان بحضور عدد من المتظاهرين.")
    assert [s.holder.text for s in stances if s.cue.text == "وتجمع"] == ["العمال"]


def test_protest_verb_written_like_its_noun_takes_the_subject_after_it() -> None:
    # تظاهر here is the verb ("about two thousand people demonstrated"), not the noun تظاهرة.
    stances = _stances("تظاهر نحو ألفي شخص أمس أمام السفارة الإسرائيلية بحضور عدد من المتظاهرين.")
    assert ("شخص", "السفارة الإسرائيلية") in {(h, t) for h, t, _ in _roles(stances)}


def test_what_the_banners_say_the_crowd_says() -> None:
    # "The protesters raised slogans condemning the government."
    stances = _stances("ورفع المتظاهرون، الذين جاؤوا من المدن، يافطات تندد بالحكومة المغربية.")
    assert ("المتظاهرون", "الحكومة المغربية", "تندد") in _roles(stances)


def test_a_crowd_named_by_its_size_holds_the_protest() -> None:
    stances = _stances("وتظاهر الآلاف أمس أمام مقر الحكومة، ورفع المتظاهرون لافتات.")
    assert [s.holder.text for s in stances if s.cue.text == "وتظاهر"] == ["الآلاف"]


def test_protest_subject_after_a_partitive() -> None:
    stances = _stances("وخرج المئات من أبناء العشائر في تظاهرة ضد الحكومة.")
    assert [s.holder.text for s in stances if s.cue.text == "وخرج"] == ["العشائر"]


def test_plural_verb_takes_the_head_of_its_subject() -> None:
    # "Thousands of workers and university students poured into the streets against the government."
    stances = _stances("وقال شهود إن الآلاف من العمال وطلاب الجامعات تدفقوا إلى الشوارع ضد الحكومة.")
    assert [s.holder.text for s in stances if s.cue.text == "تدفقوا"] == ["العمال"]


def test_reporter_of_a_march_is_not_its_holder() -> None:
    # "The activists added that men and women organised a march to the government's seat."
    stances = _stances("وأضاف النشطاء أن رجالا ونساء نظموا مسيرة احتجاجية نحو مقر الحكومة.")
    assert [s.holder.text for s in stances if s.cue.text == "مسيرة"] == ["رجالا"]


def test_a_protest_in_solidarity_is_not_against_those_it_supports() -> None:
    stances = _stances("وتظاهر الطلاب أمس تضامنا مع الشعب الفلسطيني أمام سفارة إسرائيل.")
    assert all(s.target.text != "الشعب الفلسطيني" for s in stances if s.polarity == Polarity.AGAINST)
    assert any(s.holder.text == "الطلاب" and "إسرائيل" in s.target.text for s in stances)


def test_a_crowd_gathering_for_a_concert_is_no_protest() -> None:
    assert not _stances("واحتشد الآلاف من الشباب الكوبيين خارج المبنى لحضور الحفل.")
    assert not find_actors(normalize_text("وثيقة تخرج من قسم الهندسة المدنية"))


def test_protest_phrases_and_a_ministry_is_no_crowd() -> None:
    # A labour ministry (GOVLAB) is a government body the workers protest at, not a union.
    stances = _stances("ونظم العمال وقفة احتجاجية أمام وزارة العمل للمطالبة برفع الأجور.")
    assert ("العمال", "وزارة العمل", "وقفة احتجاجية") in _roles(stances)
    [hunger] = [s for s in _stances("وبدأ معتقلون إضرابا عن الطعام ضد الحكومة.") if s.event_code == "1423"]
    assert hunger.holder.text == "معتقلون"


def test_the_target_is_not_looked_for_past_a_subordinator() -> None:
    # "... demanding her punishment because she insulted the Muslims": not against the Muslims.
    stances = _stances("وخرج متظاهرون من المساجد يطالبون بمعاقبتها لأنها أساءت للمسلمين.")
    assert all(s.target.text != "مسلمين" for s in stances)


def test_an_untargeted_protest_is_aimed_at_the_state_where_it_happens() -> None:
    # "Hundreds of workers held a sit-in in the Egyptian city of Alexandria": no one is named,
    # event coders code the state of the place.
    [s] = [s for s in _stances("ونظم مئات العمال اعتصاما في مدينة الإسكندرية المصرية.") if s.cue.text == "اعتصاما"]
    assert (s.holder.text, s.polarity, s.target.code) == ("العمال", Polarity.AGAINST, "EGY")
    # A country inside a quoted slogan is what the banner says, not where it is carried.
    assert not _stances('ورفع المتظاهرون في الساحة لافتات كتب عليها "بغداد حرة".')
    # A plural nationality names people, not their state: the activists struck alongside them.
    assert not _stances("وشارك نشطاء مع مصريين كثيرين في الإضراب العام.")


def test_the_target_is_not_looked_for_past_illa_anna() -> None:
    # "The workers gathered in the stadium, but the police dispersed them": not against the police.
    stances = _stances("وتجمع العمال في الملعب، إلا أن الشرطة قامت بتفريقهم.")
    assert all(s.target.text != "الشرطة" for s in stances if s.cue.text == "وتجمع")


def test_the_organiser_of_a_protest_holds_it() -> None:
    # "A demonstration organised by the opposition party in front of the embassy."
    stances = _stances("وفرقت الشرطة مظاهرة نظمها حزب المعارضة أمام السفارة الأمريكية.")
    assert [s.holder.text for s in stances if s.cue.text == "مظاهرة"] == ["حزب المعارضة"]
    stances = _stances("وشارك الآلاف في تظاهرة دعت إليها النقابات العمالية ضد الحكومة.")
    assert [s.holder.text for s in stances if s.cue.text == "تظاهرة"] == ["النقابات"]


def test_a_protest_in_front_of_a_building_is_addressed_to_it() -> None:
    [s] = _stances("واعتصم المعلمون أمام مبنى الوزارة.")
    assert (s.holder.text, s.target.text) == ("المعلمون", "مبنى الوزارة")


def test_a_crowd_named_by_its_size_takes_part_in_a_protest_noun() -> None:
    [s] = _stances("وشارك المئات في مسيرة ضد الحكومة.")
    assert (s.holder.text, s.target.text) == ("المئات", "الحكومة")


def test_what_a_crowd_carries_is_not_its_target() -> None:
    # "Protesters carrying French flags gathered before the ministry": France is no target.
    stances = _stances("وتجمع متظاهرون يحملون الأعلام الفرنسية أمام مبنى الوزارة.")
    assert all("الفرنسية" not in s.target.text for s in stances)


def test_a_protest_note_is_addressed_to_the_one_it_was_handed() -> None:
    # "The students handed the university's president a protest note."
    stances = _stances("وسلم الطلاب رئيس الجامعة مذكرة احتجاج على القرار.")
    assert ("الطلاب", "رئيس") in pairs(stances)


def test_people_of_any_trade_hold_the_protest_they_are_subject_of() -> None:
    [s] = _stances("واعتصم عشرات الأطباء أمام وزارة الصحة.")
    assert s.holder.text == "الأطباء"


def test_a_march_or_a_volley_is_aimed_where_it_is_directed() -> None:
    [s] = _stances("ونظم العمال مسيرة باتجاه مقر الوزارة، التي فرقت عناصرها المسيرة.")[:1]
    assert (s.holder.text, s.target.text) == ("العمال", "مقر الوزارة")
    stances = _stances("وخرج نحو 500 طالب في مسيرة ضد الحكومة.")
    assert all(s.target.text != "500" for s in stances)


def test_aqdama_is_no_handing_verb() -> None:
    # "Police members set about beating the protesters": أقدم is "set about", not "I present".
    assert ("عناصر", "المتظاهرين") in pairs(_stances("وأقدم عناصر من الشرطة على ضرب المتظاهرين."))


def test_a_counted_crowd_of_unlisted_people_holds_the_protest() -> None:
    [s] = _stances("وتظاهر مئات المغاربة أمام البرلمان.")
    assert (s.holder.text, s.target.text) == ("مئات المغاربة", "البرلمان")


def test_crowds_named_by_nationality_and_the_un() -> None:
    # "Hundreds of Palestinians gathered before the UN offices": a people can protest.
    [s] = _stances("واحتشد مئات الفلسطينيين أمام مقر الأمم المتحدة.")
    assert (s.holder.text, s.target.code) == ("الفلسطينيين", "IGOUNO")
    [s] = _stances("وتظاهر آلاف الأتراك أمام البرلمان.")
    assert s.holder.text == "آلاف الأتراك"


def test_those_a_strike_supports_do_not_hold_it() -> None:
    # "The union called a strike in support of the protesters occupying the government seat."
    stances = _stances("دعت النقابة إلى الإضراب دعما للمتظاهرين الذين يحتلون مقر الحكومة.")
    assert ("النقابة", "الحكومة") in {(s.holder.text, s.target.text) for s in stances if s.event_code == "143"}


def test_a_verb_spelt_with_fa_is_not_joined_to_the_previous_one() -> None:
    # فرّق starts with ف: the relative clause's own subject (its members) dispersed the march.
    stances = _stances("ونظم الطلاب مسيرة نحو مقر الحزب، الذي فرق عناصره المسيرة بإطلاق النار على الطلاب.")
    assert all(s.holder.text != "الطلاب" for s in stances if s.cue.text in ("فرق", "بإطلاق النار"))


def test_joining_is_a_protest_only_when_a_protest_is_joined() -> None:
    [s] = _stances("وانضم آلاف العمال إلى المتظاهرين أمام البرلمان.")
    assert (s.holder.text, s.event_code) == ("العمال", "141")
    assert not _stances("ونأمل أن ينضم المهندسون السعوديون إلى سوق العمل.")


def test_a_crowd_marching_as_protesters_holds_the_protest() -> None:
    # "Hundreds of thousands went out into the streets demonstrating against the government."
    [s] = _stances("خرج مئات الآلاف إلى الشوارع متظاهرين ضد الحكومة.")
    assert (s.holder.text, s.target.text) == ("مئات الآلاف", "الحكومة")
    assert not _stances("واحتشد الآلاف لحضور الحفل.")


def test_the_demand_is_past_a_relative_clause_on_its_subject() -> None:
    # "The protesters who gathered before parliament demanded the government's resignation."
    stances = _stances("وطالب المحتجون الذين تجمعوا أمام البرلمان باستقالة الحكومة.")
    assert {s.target.text for s in stances if s.cue.text == "وطالب"} == {"الحكومة"}


def test_a_gathering_with_a_protest_purpose_is_a_protest() -> None:
    [s] = _stances("وتجمع العشرات أمام السفارة الإسرائيلية في عمان للمطالبة بطرد السفير.")
    assert (s.holder.text, s.target.text) == ("العشرات", "السفارة الإسرائيلية")


def test_a_protest_with_no_one_to_receive_it_is_against_its_issue() -> None:
    [s] = _stances("وتظاهر آلاف الطلاب في الجامعة احتجاجا على ارتفاع الرسوم الدراسية.")
    assert (s.holder.text, s.target.text, s.target.code, s.polarity) == (
        "الطلاب",
        "ارتفاع الرسوم",
        None,
        Polarity.AGAINST,
    )
    [s] = _stances("وخرج آلاف الأردنيين في مسيرات احتجاجية تنديدا بالغلاء.")
    assert s.target.text == "الغلاء"


def test_a_state_an_official_or_a_body_going_out_is_no_protest() -> None:
    # "Turkey left the alliance, and the Kurds were angered": خرج with a state for subject.
    assert not _stances("خرجت تركيا من الحلف فغضب الأكراد.")
    # "The Lebanese president left the hall amid the protesters' chants."
    assert not any(s.event_code[:2] == "14" for s in _stances("وخرج الرئيس اللبناني من القاعة وسط هتافات المتظاهرين."))
    # "The delegation walked in the old town in Hebron": a definite noun subject, no crowd.
    text = "وسار الوفد في البلدة القديمة في الخليل حيث يواجه الفلسطينيون المستوطنين الإسرائيليين."
    assert not any(s.event_code[:2] == "14" for s in _stances(text))
    # A crowd going out still protests.
    assert ("الطلاب", "الحكومة") in pairs(_stances("وخرج الطلاب إلى الشوارع احتجاجا على قرار الحكومة."))


def test_banners_that_hail_someone_are_no_protest_against_them() -> None:
    # "The protesters raised slogans welcoming the new government": they favor it.
    stances = _stances("ورفع المتظاهرون شعارات ترحب بالحكومة الجديدة.")
    assert ("المتظاهرون", "الحكومة") not in pairs(stances)
    assert ("المتظاهرون", "الحكومة") in pairs(stances, Polarity.FAVOR)
    assert ("المتظاهرون", "الحكومة") in pairs(_stances("ورفع المتظاهرون شعارات تندد بالحكومة الجديدة."))


def test_a_protest_lodged_with_a_government_is_a_complaint() -> None:
    # "Egypt officially protested to Iran yesterday": a diplomatic complaint (111), no demonstration.
    stances = _stances("واحتجت مصر رسميا أمس لدى إيران على تنظيم مظاهرة أمام سفارتها.")
    assert any((s.holder.text, s.target.text, s.event_code) == ("مصر", "إيران", "111") for s in stances)
    [demo] = _stances("واحتج الطلاب أمام مبنى الحكومة على ارتفاع الرسوم.")
    assert demo.event_code == "140"


def test_a_feminine_participle_after_plural_protests_describes_them() -> None:
    # "the objecting demonstrations" (non-human plural agreement) vs "the objectors' demonstrations".
    assert not _stances("وتواصلت المظاهرات المعترضة على سياسة الحكومة الإسرائيلية.")
    stances = _stances("وتواصلت مظاهرات المعترضين على سياسة الحكومة الإسرائيلية.")
    assert ("المعترضين", "الحكومة الإسرائيلية") in pairs(stances)


def test_a_protest_target_is_not_sought_inside_the_speech_after_qawlahu() -> None:
    # "… quoted the president, who joined the protesters, as saying that the Palestinians will win."
    stances = _stances("ونقلت الوكالة عن الرئيس الذي انضم للمتظاهرين قوله إن الفلسطينيين سينتصرون.")
    assert not any(s.event_code[:2] == "14" for s in stances)


def test_an_official_body_before_a_comma_is_not_the_subject_of_the_next_gathering() -> None:
    text = (
        "وتظاهر الآلاف احتجاجا على تشكيل مجالس الإسناد، "
        "وتجمع المتظاهرون أمام مبنى المحافظة مطالبين الحكومة المحلية بالاستقالة."
    )
    assert ("المتظاهرون", "الحكومة") in pairs(_stances(text))


def test_a_protest_is_against_whose_fall_it_demands() -> None:
    # The strike backs the protesters occupying the government's seat to force the prime
    # minister out: he is its target, not the government building named on the way.
    stances = _stances(
        "دعا الاتحاد النقابي في تايلاند الى الإضراب دعما للمتظاهرين الذين يحتلون مقر الحكومة "
        "في بانكوك للضغط في سبيل استقالة رئيس الوزراء."
    )
    assert ("الاتحاد النقابي", "رئيس الوزراء") in pairs([s for s in stances if s.cue.text == "الإضراب"])


def test_going_out_is_a_protest_only_with_protesters_or_the_streets_named() -> None:
    # Residents leaving a burning building went out; protesters or the streets make a protest.
    assert not _stances("فيما خرج باقي السكان وهم بصحة جيدة إثر اندلاع حريق في عمارة.")
    assert ("الآلاف", "الحكومة") in pairs(_stances("خرج الآلاف إلى الشوارع منددين بقرار الحكومة."))
    stances = _stances("كما خرج مساء أول من امس مئات من المتظاهرين تدعمهم الأحزاب المعارضة احتجاجا على تعامل الحكومة.")
    assert ("المتظاهرين", "الحكومة") in pairs(stances)


def test_going_down_to_the_streets_is_a_protest_and_staying_at_a_hotel_is_none() -> None:
    stances = _stances("ونزل المتظاهرون الى الشوارع غضبا من قرار بريطانيا.")
    assert any(s.polarity == Polarity.AGAINST and s.holder.text == "المتظاهرون" for s in stances)
    assert not _stances("نزل الوفد الأمريكي في فندق بالرياض.")
