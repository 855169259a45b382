"""Typed names from the event-coding actor dictionaries (training time only).

UniversalPetrarch (Arabic) and PETRARCH2 Phoenix (English) code actors for event coding
and do not say what kind of thing an actor is, so the type is inferred: a bare country
code is a place, an entry with dated tenures and no organization word is a person, the
rest an organization. Those guesses and the word lists they rest on are most of the
source reading, so they are kept apart from the plainer readers in ``tasks.ner_sources``
(CoNLL, CLDR, ANERgazet), which merge these entries with theirs. ``Entry``, the row all
of them yield, lives here because ``tasks.ner_sources`` imports this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

Entry = tuple[str, str, str]  # label, group, surface name (space-separated words)

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
