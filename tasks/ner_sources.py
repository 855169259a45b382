"""Readers for the training-time sources of the entity layer (never used at run time).

``read_conll`` reads the NER corpora; ``gazetteer_entries`` turns CLDR (babel),
pycountry, ANERgazet and the event-coding actor dictionaries (read, with their types
inferred, by ``tasks.ner_actor_dicts``) into typed name entries.
"""

from __future__ import annotations

import gettext
import zoneinfo
from collections.abc import Iterator
from pathlib import Path

from babel import Locale
from babel.dates import get_timezone_location

from tasks.ner_actor_dicts import Entry, arabic_actor_entries, english_actor_entries
from tasks.normalize import clean, tokenize

Sentence = tuple[list[str], list[str]]

_TAG_MAP = {"PERS": "PERSON", "PER": "PERSON"}


def read_conll(path: Path) -> list[Sentence]:
    """Sentences of ``token TAG`` lines (space or tab separated, extra tag columns ignored).

    Tags are mapped to seedflow's labels (PERS/PER → PERSON); blank lines end sentences.
    """
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            if words:
                sentences.append((words, tags))
                words, tags = [], []
            continue
        tag = parts[1]
        if tag != "O":
            prefix, _, label = tag.partition("-")
            tag = f"{prefix}-{_TAG_MAP.get(label, label)}"
        words.append(parts[0])
        tags.append(tag)
    if words:
        sentences.append((words, tags))
    return sentences


def _words(name: str) -> str:
    """A name as the pipeline tokenizes it: cleaned (no diacritics) and token-joined."""
    text = clean(name.replace("_", " "))[0]
    return " ".join(text[a:b] for a, b in tokenize(text))


def _pycountry_names() -> Iterator[tuple[str, str, str]]:
    import pycountry

    ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"], fallback=True)
    for country in pycountry.countries:
        group = f"C:{country.alpha_2}"
        for attr in ("name", "official_name", "common_name"):
            name = getattr(country, attr, None)
            if name:
                yield group, name, ar.gettext(name)


_CLDR_ORGS = frozenset(("UN", "EU"))  # CLDR lists them among territories
_CLDR_PSEUDO = frozenset(("EZ", "QO", "XA", "XB", "ZZ"))


def cldr_entries() -> Iterator[Entry]:
    """Territories and time-zone cities in Arabic and English, plus pycountry's names."""
    for lang in ("ar", "en"):
        for code, name in Locale(lang).territories.items():
            if code in _CLDR_ORGS:
                yield "ORG", f"O:{code.lower()}", name
            elif code.isalpha() and len(code) == 2 and code not in _CLDR_PSEUDO:
                yield "LOC", f"C:{code}", name
        for tz in sorted(zoneinfo.available_timezones()):
            if "/" in tz and not tz.startswith(("Etc/", "SystemV/", "US/")):
                city = get_timezone_location(tz, locale=lang, return_city=True)
                yield "LOC", f"T:{tz}", city
    for group, english, arabic in _pycountry_names():
        yield "LOC", group, english
        if "،" not in arabic:  # "كوريا، جمهورية" inverted forms would make كوريا ambiguous
            yield "LOC", group, arabic
    yield from _EXTRA


# Names CLDR lacks but Arabic news uses constantly: state seats and the news agencies
# articles cite as sources.
_EXTRA: tuple[Entry, ...] = (
    ("LOC", "C:KP", "جمهورية كوريا الشعبية الديمقراطية"),
    ("LOC", "T:Asia/Pyongyang", "بيونغيانغ"),
    ("ORG", "O:kremlin", "الكرملين"),
    ("ORG", "O:whitehouse", "البيت الأبيض"),
    ("ORG", "O:pentagon", "البنتاغون"),
    ("ORG", "O:un", "الأمم المتحدة"),
    ("ORG", "O:un", "منظمة الأمم المتحدة"),
    ("ORG", "O:anadolu", "وكالة الأناضول"),
    ("ORG", "O:anadolu", "وكالة الأناضول للأنباء"),
    ("ORG", "O:kcna", "وكالة الأنباء المركزية الكورية"),
    ("ORG", "O:reuters", "وكالة رويترز"),
    ("ORG", "O:reuters", "رويترز"),
    ("ORG", "O:afp", "وكالة الصحافة الفرنسية"),
    ("ORG", "O:afp", "وكالة فرانس برس"),
    ("ORG", "O:afp", "فرانس برس"),
    ("ORG", "O:ap", "وكالة أسوشيتد برس"),
    ("ORG", "O:ap", "أسوشيتد برس"),
    ("ORG", "O:tass", "وكالة تاس"),
    ("ORG", "O:ria", "وكالة نوفوستي"),
    ("ORG", "O:ria", "وكالة ريا نوفوستي"),
    ("ORG", "O:xinhua", "وكالة شينخوا"),
    ("ORG", "O:xinhua", "وكالة أنباء شينخوا"),
    ("ORG", "O:spa", "وكالة الأنباء السعودية"),
    ("ORG", "O:wam", "وكالة أنباء الإمارات"),
    ("ORG", "O:qna", "وكالة الأنباء القطرية"),
    ("ORG", "O:kuna", "وكالة الأنباء الكويتية"),
    ("ORG", "O:mena", "وكالة أنباء الشرق الأوسط"),
    ("ORG", "O:irna", "وكالة الأنباء الإيرانية"),
    ("ORG", "O:sana", "وكالة الأنباء السورية"),
    ("ORG", "O:petra", "وكالة الأنباء الأردنية"),
    ("ORG", "O:nato", "حلف شمال الأطلسي"),
    ("ORG", "O:nato", "حلف الناتو"),
    ("ORG", "O:nato", "الناتو"),
    ("ORG", "O:eu", "الاتحاد الأوروبي"),
    ("ORG", "O:al", "جامعة الدول العربية"),
    ("ORG", "O:gcc", "مجلس التعاون الخليجي"),
    ("ORG", "O:unsc", "مجلس الأمن الدولي"),
)


def anergazet_entries(folder: Path) -> Iterator[Entry]:
    for label, name in (("LOC", "Loc"), ("ORG", "Org"), ("PERSON", "Pers")):
        for line in (folder / f"Aligned{name}Gazetteer.txt").read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("="):
                yield label, "", line


def gazetteer_entries(data: Path) -> Iterator[Entry]:
    """Every typed name, surface words joined by single spaces (English title-cased)."""
    for label, group, name in cldr_entries():
        yield label, group, _words(name)
    for label, group, name in anergazet_entries(data / "ner" / "anergazet"):
        yield label, group, _words(name)
    actor_ar = data / "events" / "universalpetrarch-arabic" / "actor_dict_ar_v4.txt"
    for label, group, name in arabic_actor_entries(actor_ar):
        yield label, group, _words(name)
    for label, group, name in english_actor_entries(data / "events" / "petrarch2-english"):
        yield label, group, _words(name.title())
