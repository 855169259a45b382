"""The entity layer on the seed article, hand-written sentences and pre-tokenized input.

Uses only what ships in ``tasks/data`` (never ../shared), so it runs on a user's machine.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks import analyze
from tasks.entities import extract_entities
from tasks.gazetteer import first_token_variants, gazetteer, match_token
from tasks.ner_dates import find_dates
from tasks.ner_eval import chunks, score
from tasks.ner_tagger import _propagate, tag_tokens
from tasks.normalize import clean, normalize_text
from tasks.schema import Entity, Label, Language

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_b53155becc98c546.txt"


@pytest.fixture(scope="module")
def seed_entities() -> tuple[str, list[Entity]]:
    doc = normalize_text(SEED.read_text(encoding="utf-8"))
    return doc.text, extract_entities(doc)


def _find(entities: list[Entity], needle: str) -> list[Entity]:
    return [e for e in entities if any(needle in m.text for m in e.mentions)]


@pytest.mark.parametrize(
    ("needle", "labels"),
    [
        ("بوتين", {Label.PERSON}),
        ("بيسكوف", {Label.PERSON}),
        ("كيم جونغ أون", {Label.PERSON}),
        ("شويغو", {Label.PERSON}),
        ("كيربي", {Label.PERSON}),
        ("روسيا", {Label.LOC}),
        ("كوريا الشمالية", {Label.LOC}),
        ("واشنطن", {Label.LOC}),
        ("أوكرانيا", {Label.LOC}),
        ("الكرملين", {Label.ORG, Label.LOC}),
        ("البيت الأبيض", {Label.ORG, Label.LOC}),
        ("موسكو", {Label.LOC}),
        ("بيونغ يانغ", {Label.LOC}),
        ("الولايات المتحدة", {Label.LOC}),
        ("الأناضول", {Label.ORG}),
        ("مجلس الأمن القومي", {Label.ORG}),
        ("وكالة الأنباء المركزية الكورية", {Label.ORG}),
    ],
)
def test_seed_finds_each_name_once(seed_entities: tuple[str, list[Entity]], needle: str, labels: set[Label]) -> None:
    _, entities = seed_entities
    found = _find(entities, needle)
    assert len(found) == 1, [(e.name, [m.text for m in e.mentions]) for e in found]
    assert found[0].label in labels


def test_seed_groups_putin_under_full_name(seed_entities: tuple[str, list[Entity]]) -> None:
    _, entities = seed_entities
    (putin,) = _find(entities, "بوتين")
    assert putin.name == "فلاديمير بوتين"
    assert len(putin.mentions) >= 4
    assert {m.text for m in putin.mentions} == {"بوتين", "فلاديمير بوتين"}


def test_seed_russia_loses_clitics(seed_entities: tuple[str, list[Entity]]) -> None:
    text, entities = seed_entities
    (russia,) = _find(entities, "روسيا")
    assert russia.name == "روسيا"
    assert all(m.text == "روسيا" for m in russia.mentions)
    prefixes = {text[m.start - 1] for m in russia.mentions}
    assert {"ل", "و"} <= prefixes  # لروسيا and وروسيا were mentions too


def test_seed_dates_are_dates_not_people(seed_entities: tuple[str, list[Entity]]) -> None:
    _, entities = seed_entities
    thursday = _find(entities, "اليوم الخميس")
    assert thursday and all(e.label == Label.DATE for e in thursday)
    assert any(e.label == Label.DATE and "تموز" in e.name for e in entities)
    assert not [e for e in entities if e.label == Label.PERSON and "الخميس" in e.name]


def test_seed_spans_round_trip(seed_entities: tuple[str, list[Entity]]) -> None:
    text, entities = seed_entities
    raw = SEED.read_text(encoding="utf-8")
    assert [e.id for e in entities] == [f"e{i}" for i in range(1, len(entities) + 1)]
    firsts = [e.mentions[0].start for e in entities]
    assert firsts == sorted(firsts)
    for e in entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
            assert clean(raw[m.raw_start : m.raw_end])[0] == m.text


def test_tag_tokens_shape_and_labels() -> None:
    tokens = ["وقال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "في", "موسكو", "اليوم", "الخميس"]
    tags = tag_tokens(tokens)
    assert len(tags) == len(tokens)
    assert all(t == "O" or t[:2] in ("B-", "I-") for t in tags)
    assert tags[3:5] == ["B-PERSON", "I-PERSON"]
    assert tags[6] == "B-LOC"
    assert tags[7:9] == ["B-DATE", "I-DATE"]
    assert tag_tokens([]) == []


def test_english_sentence() -> None:
    doc = normalize_text(
        "Russian President Vladimir Putin met officials in Moscow on Wednesday, the Kremlin said. "
        "Putin later spoke to reporters. The White House in Washington said it was concerned about Ukraine."
    )
    entities = extract_entities(doc)
    by_name = {e.name: e for e in entities}
    assert by_name["Vladimir Putin"].label == Label.PERSON
    assert [m.text for m in by_name["Vladimir Putin"].mentions] == ["Vladimir Putin", "Putin"]
    assert by_name["Moscow"].label == Label.LOC
    assert by_name["Washington"].label == Label.LOC
    assert by_name["Ukraine"].label == Label.LOC
    assert by_name["Kremlin"].label == Label.ORG
    assert by_name["White House"].label == Label.ORG
    assert by_name["Wednesday"].label == Label.DATE
    assert "Russian" not in by_name


def test_english_people_after_titles_and_by_surname() -> None:
    doc = normalize_text(
        "Kremlin spokesman Dmitry Peskov said on Thursday that ties were good. "
        "White House spokesman John Kirby said the United Nations was informed. Kirby added that Peskov was wrong."
    )
    by_name = {e.name: e for e in extract_entities(doc)}
    assert by_name["Dmitry Peskov"].label == Label.PERSON
    assert [m.text for m in by_name["Dmitry Peskov"].mentions] == ["Dmitry Peskov", "Peskov"]
    assert [m.text for m in by_name["John Kirby"].mentions] == ["John Kirby", "Kirby"]
    assert by_name["United Nations"].label == Label.ORG


def test_other_language_is_empty() -> None:
    doc = normalize_text("Le président a parlé longtemps devant les députés réunis hier soir.")
    assert doc.language == Language.OTHER
    assert extract_entities(doc) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("زار البلاد في 26 يوليو/ تموز الماضي", ["26 يوليو/ تموز الماضي"]),
        ("وصل أمس الأربعاء إلى الرياض", ["أمس الأربعاء"]),
        ("في 5 رمضان 1445 هـ", ["5 رمضان 1445 هـ"]),
        ("التقى رمضان بالوزير", []),
        ("وصل في 5 رمضان إلى مكة", ["5 رمضان"]),
        ("ولد بتاريخ 24/8/1993 في عمان عام (1976) م", ["24/8/1993", "عام (1976) م"]),
        ("في تشرين الثاني (27/11/1946) وعام 1320 هجري", ["تشرين الثاني (27/11/1946)", "عام 1320 هجري"]),
        ("وصل يوم 19 مايو / أيار وسعره 3.5 / 7 دولار", ["يوم 19 مايو / أيار"]),
        ("مارس الضغط على الحكومة الشهر الماضي", ["الشهر الماضي"]),
        ("عقوبات فرضت هذا الشهر وفي آذار ٢٠٢٣", ["هذا الشهر", "آذار ٢٠٢٣"]),
        ("قال أبو علي إن أب الضحية", []),
    ],
)
def test_date_rules(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in find_dates(text)] == expected


def test_date_patterns_all_start_at_a_word_or_clitic() -> None:
    """``find_dates`` checks that start once for all patterns: one that did not open with
    it would silently get it."""
    from tasks.ner_dates import _AR_PATTERNS, _PRE

    assert all(p.startswith(_PRE) for p in _AR_PATTERNS)
    assert find_dates("قالبيوليو إن بيوليو") == [(14, 19)]  # not inside a word; after a clitic


def test_clitic_variants_and_gazetteer_keys() -> None:
    variants = dict((token, peeled) for peeled, token in first_token_variants("للكرملين"))
    assert variants[match_token("الكرملين")] == 2
    assert match_token("الشمالية") == "شماليه"
    assert match_token("المالية") != match_token("مالي")
    hit = gazetteer().lookup(["كوريا", "الشمالية"])
    assert hit is not None and "LOC" in hit[0]


def test_grouping_short_names_and_nisba_free_titles() -> None:
    doc = normalize_text("استقبل الرئيس الروسي فلاديمير بوتين الوزير. وقال بوتين إن روسيا ستواصل دعم لبنان.")
    entities = extract_entities(doc)
    people = [e for e in entities if e.label == Label.PERSON]
    assert [(e.name, len(e.mentions)) for e in people] == [("فلاديمير بوتين", 2)]


def test_seed_has_nothing_but_names_and_dates(seed_entities: tuple[str, list[Entity]]) -> None:
    _, entities = seed_entities
    people = sorted(e.name for e in entities if e.label == Label.PERSON)
    assert people == sorted(["ديمتري بيسكوف", "فلاديمير بوتين", "كيم جونغ أون", "جون كيربي", "سيرغي شويغو"])
    assert all(m.text.split()[-1] not in ("أمامه", "معرضا") for e in entities for m in e.mentions)


def test_repeated_name_is_tagged_everywhere() -> None:
    sentences = [["وقال", "المدرب", "جوزيه", "مانويل"], ["وأضاف", "جوزيه", "مانويل", "أن", "الأهلي", "جاهز"]]
    tags = [["O", "O", "B-PERSON", "I-PERSON"], ["O", "O", "O", "O", "B-ORG", "O"]]
    _propagate(sentences, tags)
    assert tags[1] == ["O", "B-PERSON", "I-PERSON", "O", "B-ORG", "O"]


def test_conlleval_chunks_and_scores() -> None:
    assert chunks(["B-PERSON", "I-PERSON", "O", "I-LOC", "B-LOC", "I-ORG"]) == [
        ("PERSON", 0, 2),
        ("LOC", 3, 4),
        ("LOC", 4, 5),
        ("ORG", 5, 6),
    ]
    result = score([(["B-LOC", "O", "B-PERSON", "I-PERSON"], ["B-LOC", "O", "B-PERSON", "O"])])
    assert result["LOC"]["f1"] == 100.0
    assert result["PERSON"]["f1"] == 0.0
    assert result["overall"]["precision"] == 50.0


def test_analyze_reports_the_seed_people() -> None:
    result = analyze(SEED.read_text(encoding="utf-8"))
    people = {e.name for e in result.entities if e.label == Label.PERSON}
    assert {"فلاديمير بوتين", "ديمتري بيسكوف", "كيم جونغ أون", "جون كيربي", "سيرغي شويغو"} <= people


def test_a_title_alone_is_not_a_name() -> None:
    doc = normalize_text(
        "يفيد أن زعيمي البلدين، الرئيس الروسي فلاديمير بوتين وزعيم كوريا الشمالية كيم جونغ أون قد تبادلا رسائل."
    )
    people = {e.name for e in extract_entities(doc) if e.label == Label.PERSON}
    assert people == {"فلاديمير بوتين", "كيم جونغ أون"}
