"""Stance tagging: records, cue verbs, reported speech, negation, English, and the seed
article's relations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks import analyze
from tasks.actors import load_table
from tasks.normalize import normalize_text
from tasks.schema import Polarity, Stance
from tasks.stance import summarize, tag_stance
from tasks.stance_lexicon import lexicons, verb_lemma
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

    found = verb_lemma(word, lexicons(Language.ARABIC).verbs)
    assert (found[0] if found else None) == lemma


def test_noun_cue_and_clitics() -> None:
    stances = _stances("فرضت واشنطن عقوبات جديدة على موسكو.")
    assert ("USA", "RUS", "against") in _pairs(stances)
    assert all(s.event_code == "163" for s in stances)
    [war] = _stances("وتواصل روسيا حربها ضد أوكرانيا.")
    assert (war.holder.code, war.target.code, war.polarity) == ("RUS", "UKR", Polarity.AGAINST)


def test_an_attack_noun_with_a_possessive_pronoun_is_the_last_named_partys() -> None:
    # The clause's subject (North Korea) gives the arms; the war is Russia's, named last.
    [war] = [s for s in _stances("قد تقدم كوريا الشمالية الأسلحة لروسيا لاستخدامها في حربها ضد أوكرانيا.")
             if s.cue.text == "حربها"]  # fmt: skip
    assert (war.holder.code, war.target.code) == ("RUS", "UKR")
    # What exploded is no author: the young man was hurt by the firework's blast.
    blasts = _stances("أصيب شاب بحروق بسبب انفجارها في وجهه أثناء إنقاذه الأطفال.")
    assert not [s for s in blasts if s.holder.text == "شاب"]


def test_nouns_are_not_read_as_verbs() -> None:
    from tasks.schema import Language

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
        # Through the verb that governs the cue, the same for conflict and cooperation.
        ("لم يعد الجيش الروسي يهاجم أوكرانيا.", "لم"),
        ("ولم تقرر الحكومة الروسية بعد دعم أوكرانيا.", "ولم"),
        # What someone should do, or was charged with, is not asserted.
        ("وقال لافروف: ويجب على أمريكا التعاون مع الأسد.", "ويجب"),
        ("وأعدم التنظيم شخصين من سكان الفلوجة بتهمة التعاون مع القوات العراقية.", "بتهمة"),
    ],
)
def test_negation_denial_and_hedge_neutralize_with_a_note(text: str, note: str) -> None:
    stances = _stances(text)
    assert stances, text
    assert all(s.polarity == Polarity.NEUTRAL for s in stances)
    assert all(s.note and note in s.note for s in stances)


def test_a_relative_clause_after_an_obligation_states_a_fact() -> None:
    # "Turkey, which opposes autonomy for the Kurds, must watch …": the opposition is a fact.
    stances = _stances("ويتعين على تركيا التي تعارض منح الأكراد الحكم الذاتي أن تراقب الحدود.")
    assert any(s.cue.text == "تعارض" and s.polarity == Polarity.AGAINST for s in stances)


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


def test_english_acronyms_are_written_in_capitals() -> None:
    # "us" is the pronoun and "Un" the end of Kim Jong Un, not the United States and the UN;
    # "U.S." (a token "U.S" and a dot) is the United States.
    [s] = _stances("The U.S. imposed sanctions on North Korea.")
    assert (s.holder.code, s.target.code) == ("USA", "PRK")
    # Cooperation is mutual: Kim toward Putin and Putin toward Kim.
    [kim, _] = _stances("The White House said Kim Jong Un and Vladimir Putin pledged to boost cooperation.")
    assert (kim.holder.text, kim.holder.code) == ("Kim Jong Un", "PRKGOV")
    from tasks.actors_detect import find_actors

    assert [a.code for a in find_actors(normalize_text("They told us the UN would help."))] == ["IGOUNO"]


def test_english_plural_role_nouns() -> None:
    stances = _stances("Gunmen killed five soldiers in an attack on a checkpoint.")
    assert ("Gunmen", "soldiers") in {(s.holder.text, s.target.text) for s in stances}


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
    # "North Korea may give Russia more arms for its war against Ukraine": the war is Russia's.
    wrong = {("RUS", "PRK", "against"), ("PRK", "RUS", "against"), ("USA", "RUS", "favor"), ("RUS", "UKR", "favor")}
    wrong |= {("PRK", "UKR", "against")}
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


def test_a_lemma_ending_in_a_pronoun_letter_has_no_object_pronoun() -> None:
    # تتهم "accuses" ends in هم as its lemma اتهم does: no fronted object, the subject accuses.
    assert _pairs(_stances("باكستان تتهم الهند بانتهاك الهدنة في كشمير")) == {("PAK", "IND", "against")}
    from tasks.stance_grammar import has_object_pronoun

    assert has_object_pronoun("اتهمته", "اتهم") and has_object_pronoun("انتقدوه", "انتقد")
    assert not has_object_pronoun("يتهم", "اتهم")


def test_a_title_and_the_name_after_it_are_one_person() -> None:
    # "The Lebanese Forces leader Samir Geagea congratulated the Egyptian people": no
    # stance of the leader toward Geagea.
    stances = _stances("من جهته، هنأ رئيس حزب القوات اللبنانية سمير جعجع، الشعب المصري.")
    assert not any("جعجع" in s.target.text for s in stances)
