"""Readers for the training-time sources of the entity layer (never used at run time).

``read_conll`` reads the NER corpora; ``gazetteer_entries`` turns CLDR (babel),
pycountry, ANERgazet and the event-coding actor dictionaries into typed name entries.
The actor dictionaries do not say what kind of thing an actor is, so the type is
inferred: a bare country code is a place, an entry with dated tenures and no
organization word is a person, the rest an organization.
"""

from __future__ import annotations

import gettext
import re
import zoneinfo
from collections.abc import Iterator
from pathlib import Path

from babel import Locale
from babel.dates import get_timezone_location

from tasks.normalize import clean, tokenize

Sentence = tuple[list[str], list[str]]
Entry = tuple[str, str, str]  # label, group, surface name (space-separated words)

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


_AR_ORG_WORDS = frozenset(
    [
        "وزارة",
        "حركة",
        "منظمة",
        "مجلس",
        "قوة",
        "قوات",
        "حزب",
        "اتحاد",
        "جيش",
        "شرطة",
        "جبهة",
        "وكالة",
        "شركة",
        "جامعة",
        "بنك",
        "هيئة",
        "لجنة",
        "محكمة",
        "برلمان",
        "حكومة",
        "كتائب",
        "كتيبة",
        "جماعة",
        "تنظيم",
        "رابطة",
        "جمعية",
        "مؤسسة",
        "صحيفة",
        "قناة",
        "إذاعة",
        "تلفزيون",
        "مصرف",
        "لواء",
        "سرايا",
        "جهاز",
        "مكتب",
        "إدارة",
        "دائرة",
        "مديرية",
        "نقابة",
        "تحالف",
        "ائتلاف",
        "مركز",
        "معهد",
        "أكاديمية",
        "البيت",
        "بيت",
        "الكرملين",
    ]
)
_AR_TITLES = frozenset(
    [
        "رئيس",
        "وزير",
        "ملك",
        "أمير",
        "شيخ",
        "جنرال",
        "زعيم",
        "متحدث",
        "نائب",
        "مستشار",
        "سفير",
        "قائد",
        "رئيسة",
        "وزيرة",
        "سلطان",
        "إمام",
        "عقيد",
        "لواء",
        "عميد",
        "مبعوث",
        "أمين",
        "عام",
        "ولي",
        "عهد",
        "الرئيس",
        "الوزير",
        "الملك",
        "الأمير",
        "الشيخ",
    ]
)
_EN_ORG_WORDS = frozenset(
    [
        "MINISTRY",
        "COUNCIL",
        "PARTY",
        "ARMY",
        "FORCE",
        "FORCES",
        "POLICE",
        "HOUSE",
        "KREMLIN",
        "COURT",
        "BANK",
        "UNION",
        "ORGANIZATION",
        "COMMITTEE",
        "AGENCY",
        "FRONT",
        "MOVEMENT",
        "GOVERNMENT",
        "PARLIAMENT",
        "ASSEMBLY",
        "CONGRESS",
        "SENATE",
        "DEPARTMENT",
        "OFFICE",
        "COMMISSION",
        "BRIGADE",
        "BRIGADES",
        "GROUP",
        "NAVY",
        "GUARD",
        "CORPS",
        "FUND",
        "PROGRAM",
        "PROGRAMME",
        "ASSOCIATION",
        "INSTITUTE",
        "UNIVERSITY",
        "COMPANY",
        "CORPORATION",
        "AUTHORITY",
        "SERVICE",
        "SERVICES",
        "TRIBUNAL",
        "LEAGUE",
        "COALITION",
        "ALLIANCE",
        "MISSION",
    ]
)
_EN_ROLE_WORDS = frozenset(
    [
        "SPOKESMAN",
        "SPOKESWOMAN",
        "SPOKESPERSON",
        "OFFICIAL",
        "OFFICIALS",
        "SECRETARY",
        "MINISTER",
        "PRESIDENT",
        "ADVISER",
        "ADVISOR",
        "AMBASSADOR",
        "ENVOY",
        "CHIEF",
        "HEAD",
        "LEADER",
        "SOURCE",
        "SOURCES",
        "DIRECTOR",
        "DELEGATION",
        "STAFF",
        "AIDE",
    ]
)
_DEMONYM_ENDINGS = ("IAN", "EAN", "ESE", "ISH", "ICAN", "IANS", "EANS", "ICANS")
_CODE = re.compile(r"\[~?([A-Z]+)(?:\s+(\d+)-(\d+))?\]")


def _actor_blocks(path: Path) -> Iterator[tuple[list[str], list[tuple[str, bool]], str]]:
    """``(names, codes, comment)`` per entry of a PETRARCH actor file: the entry line,
    its ``+`` aliases, and the ``[CODE date-date]`` lines that follow."""
    names: list[str] = []
    codes: list[tuple[str, bool]] = []
    comment = ""
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body, _, note = line.partition("#")
        stripped = body.strip()
        if not stripped:
            continue
        if stripped.startswith("+"):
            names.append(_CODE.split(stripped[1:])[0].strip())
        elif not stripped.startswith("["):
            if names:
                yield names, codes, comment
            names, codes, comment = [_CODE.split(stripped)[0].strip()], [], note
        codes.extend((m.group(1), m.group(2) is not None) for m in _CODE.finditer(stripped))
    if names:
        yield names, codes, comment


def _country_groups() -> dict[str, str]:
    import pycountry

    return {c.alpha_3: f"C:{c.alpha_2}" for c in pycountry.countries}


def arabic_actor_entries(path: Path) -> Iterator[Entry]:
    countries = _country_groups()
    for index, (names, codes, _) in enumerate(_actor_blocks(path)):
        name = names[0].strip("_ ")
        words = [w for w in name.split("_") if w]
        if not words:
            continue
        bare = [c for c, _ in codes if c in countries]
        dated = any(d for _, d in codes)
        if words[0] in _AR_ORG_WORDS or (words[0].startswith("ال") and len(words) == 1 and not dated and not bare):
            yield "ORG", f"A:{index}", " ".join(words)
        elif bare and not dated and not (len(words) == 1 and words[0].endswith("ي")):
            yield "LOC", f"A:{index}", " ".join(words)  # lemmatized, often adjectival: not curated
        elif dated:
            while len(words) > 1 and (words[0] in _AR_TITLES or words[0].endswith("ي")):
                words = words[1:]
            if len(words) > 1 or not words[0].endswith("ي"):
                yield "PERSON", f"A:{index}", " ".join(words)


def english_actor_entries(folder: Path) -> Iterator[Entry]:
    countries = _country_groups()
    files = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
    first_names: set[str] = set()  # of the Countries file's people, read first
    for fname in files:
        for index, (names, codes, comment) in enumerate(_actor_blocks(folder / fname)):
            primary = [w for w in names[0].strip("_ ").split("_") if w]
            if not primary or any(not re.fullmatch(r"[A-Z][A-Z.'\-]*", w) for w in primary):
                continue
            group = f"E:{fname[8:11]}{index}"
            bare = [c for c, dated in codes if c in countries and not dated]
            if len(codes) == 1 and bare and len(codes[0][0]) == 3:
                yield "LOC", countries[bare[0]], " ".join(primary)
                for alias in names[1:]:
                    words = [w for w in alias.strip("_ ").split("_") if w]
                    if not words or set(words) & _EN_ROLE_WORDS:
                        continue
                    if len(words) == 1 and words[0] != primary[0] and words[0][:4] == primary[0][:4]:
                        continue  # demonyms and misspellings (AFGHAN_, AFGANISTAN_)
                    if words[-1].endswith(_DEMONYM_ENDINGS):
                        continue  # NORTH_KOREAN_, RUSSIAN_: adjectives, not places
                    yield "LOC", countries[bare[0]] if set(words) & set(primary) else "", " ".join(words)
            elif (
                "CountryInfo" in comment
                or any(d for _, d in codes)
                or (len(primary) in (2, 3) and primary[0] in first_names)  # JOHN_KIRBY_ [USAGOV]
            ) and not set(primary) & _EN_ORG_WORDS:
                if set(primary) & (_EN_ROLE_WORDS | {"OF", "KPA"}) or any(
                    w.endswith(_DEMONYM_ENDINGS) for w in primary
                ):
                    continue  # RUSSIAN_PRESIDENT_YELTSIN_, RUSSIAN_SFSR_: not a bare personal name
                first_names.add(primary[0])
                allowed = set(primary)
                for alias in names:
                    words = [w for w in alias.strip("_ ").split("_") if w]
                    if words and all(w in allowed or len(w.rstrip(".")) == 1 for w in words):
                        yield "PERSON", group, " ".join(words)
            else:
                for n, alias in enumerate(names):
                    words = [w for w in alias.strip("_ ").split("_") if w]
                    if len(words) in (2, 3) and words[0] in first_names and not set(words) & _EN_ORG_WORDS:
                        yield "PERSON", f"{group}.{n}", " ".join(words)  # +JOHN_KIRBY under US military
                    elif words and not set(words) & _EN_ROLE_WORDS and "(" not in alias:
                        yield "ORG", group, " ".join(words)


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
