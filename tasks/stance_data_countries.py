"""Country, nationality-adjective and city rows of the Arabic and English actor dictionaries.

CLDR (babel) names every country and time-zone city in both languages, and an Arabic
nationality adjective follows from most one-word country names (روسيا → روسي). The few
countries where that rule fails, the continents coders treat as countries and the seats
of power news name instead of a state are hand-written tables that only this reading
uses, so they are kept with it, apart from the dictionary parsers of
``tasks.build_stance_data``.
"""

from __future__ import annotations

from collections import defaultdict

from babel import Locale
from babel.core import get_global
from babel.dates import get_timezone_location

# Countries whose CLDR names make unusable nationality adjectives or collide with words.
_NISBA_EXTRA: dict[str, list[str]] = {
    "USA": ["أمريكي", "أميركي"],
    "GBR": ["بريطاني"],
    "ARE": ["إماراتي"],
    "SAU": ["سعودي"],
    "PRK": ["كوري شمالي", "كوري ديمقراطي"],
    "KOR": ["كوري جنوبي"],
    "RUS": ["روسي"],
    "ISR": ["إسرائيلي"],
    "PSE": ["فلسطيني"],
    "NLD": ["هولندي"],
    "CZE": ["تشيكي"],
    "COD": ["كونغولي"],
    # Spellings CLDR's names do not give (it has أفغانستاني، الدانمرك), which the actor dictionary
    # lists as plain actors, so they were read as towns.
    "AFG": ["أفغاني"],
    "BIH": ["بوسني"],
    "DNK": ["دنماركي"],
    "AGO": ["انجولي"],
    "EUR": ["أوروبي", "أوربي"],  # continents: "خطفوا أربعة أوروبيين", "قوات أفريقية"
    "AFR": ["أفريقي", "إفريقي"],
}
# Continents, which event coders put in the country slot as Phoenix does (EUR, AFR): their
# adjectives make actors ("مسؤول أوروبي" EURGOV); their names, in news mostly sport
# ("تصفيات أوروبا") and geography, are only listed to make the codes countries.
_REGIONS = {"EUR": ["أوروبا", "أوربا"], "AFR": ["أفريقيا", "إفريقيا"]}
_NISBA_SKIP = frozenset(["MLI", "OMN", "TGO", "CHE"])
_CITIES_EXTRA: dict[str, list[str]] = {
    "USA": ["واشنطن", "البيت الأبيض", "البنتاغون"],
    "RUS": ["موسكو", "الكرملين"],
    "PRK": ["بيونغ يانغ", "جمهورية كوريا الشعبية الديمقراطية", "كوريا الديمقراطية"],
    "UKR": ["كييف", "كيف"],
    "CHN": ["بكين"],
    "GBR": ["لندن"],
    "FRA": ["باريس"],
    "IRN": ["طهران"],
}
_CITY_CODES: dict[str, str] = {"البيت الأبيض": "USAGOV", "البنتاغون": "USAMIL", "الكرملين": "RUSGOV"}


def _alpha3() -> dict[str, str]:
    """ISO alpha-2 → alpha-3 from CLDR's territory aliases (babel ships no direct table).

    Some alpha-2 codes have a retired alpha-3 alias too (DE: DDR and DEU, YE: YMD and YEM,
    MM: BUR and MMR); the current code spells the alpha-2 letters in order, the retired
    one does not, so it is preferred."""
    found: dict[str, list[str]] = defaultdict(list)
    for alias, targets in get_global("territory_aliases").items():
        if len(alias) == 3 and alias.isalpha() and len(targets) == 1:
            found[targets[0]].append(alias)
    return {a2: max(sorted(aliases), key=lambda a: a[0] == a2[0] and a2[1] in a[1:]) for a2, aliases in found.items()}


def nisba(name: str) -> str | None:
    """Nationality adjective of a one-word Arabic country name: روسيا → روسي, مصر → مصري."""
    word = name[2:] if name.startswith("ال") else name
    if " " in word or len(word) < 3:
        return None
    if word.endswith("يا"):
        return word[:-1]
    if word.endswith(("ا", "ة")):
        return word[:-1] + "ي"
    return word + "ي"


def countries() -> list[tuple[str, str, str]]:
    """(phrase, code, kind) rows for CLDR country names, adjectives and capitals."""
    a3 = _alpha3()
    rows: list[tuple[str, str, str]] = []
    for lang in ("ar", "en"):
        for a2, name in Locale(lang).territories.items():
            code = a3.get(a2)
            if code and a2.isalpha():
                rows.append((name, code, "country"))
                if lang == "ar" and code not in _NISBA_SKIP and (adj := nisba(name)):
                    rows.append((adj, code, "adj"))
    for zone, a2 in get_global("zone_territories").items():
        code = a3.get(a2)
        if code and "/" in zone:
            rows.append((get_timezone_location(zone, locale="ar", return_city=True), code, "city"))
            rows.append((get_timezone_location(zone, locale="en", return_city=True), code, "city"))
    for code, adjs in _NISBA_EXTRA.items():
        rows.extend((adj, code, "adj") for adj in adjs)
    for code, names in _REGIONS.items():
        rows.extend((name, code, "region") for name in names)
    for code, names in _CITIES_EXTRA.items():
        rows.extend((name, _CITY_CODES.get(name, code), "city") for name in names)
    return rows
