"""DATE mentions by rule: month names in both Arabic traditions, Hijri months, weekdays,
relative expressions, English dates.

ANERcorp has no DATE tag, and date expressions are a closed class, so rules beat a model
here. Patterns run on the key form (``tasks.normalize.key_form``: one spelling for
أ/إ/ا, ى/ي, ة/ه), which has the length of the display text, so spans carry over. Digits
are already ASCII after normalization; Arabic-Indic digits are accepted too for
pre-tokenized input.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tasks.normalize import key_form

_GREGORIAN = "يناير فبراير مارس ابريل مايو يونيو يونيه يوليو يوليه اغسطس سبتمبر اكتوبر نوفمبر ديسمبر"
_LEVANTINE = "كانون الثاني|شباط|اذار|نيسان|ايار|حزيران|تموز|ايلول|تشرين الاول|تشرين الثاني|كانون الاول"
_HIJRI = (
    "محرم|صفر|ربيع الاول|ربيع الثاني|ربيع الاخر|جمادي الاولي|جمادي الاول|جمادي الثانيه|جمادي الاخره|"
    "جمادي الاخر|رجب|شعبان|رمضان|شوال|ذو القعده|ذي القعده|ذو الحجه|ذي الحجه"
)
_WEEKDAYS = "الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت"
_NUM = r"[0-9٠-٩]{1,4}"
_YEAR = r"[0-9٠-٩]{4}"
_MONTH = f"(?:{'|'.join(_GREGORIAN.split())}|{_LEVANTINE})"
_SECOND_MONTH = f"(?:{_MONTH}|اب)"  # آب (August) only after a slash: alone it is "father"
_SUFFIX = r"(?:\s+(?:الماضي|المقبل|القادم|الجاري|الحالي|المنصرم))"
_ERA = r"(?:\s*(?:هـ|ه|م|هجري|هجريه|ميلادي|ميلاديه|للهجره|للميلاد)(?!\w))"
_NUMERIC = r"(?:[0-9٠-٩]{1,2}\s*[/.\-]\s*[0-9٠-٩]{1,2}\s*[/.\-]\s*[0-9٠-٩]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2})"
_YEAR_P = rf"(?:\(\s*{_YEAR}\s*\)|{_YEAR})"  # عام (1976)
_IN_PARENS = rf"(?:\s*\(\s*(?:{_NUMERIC}|{_YEAR})\s*\))"  # تشرين الثاني (27/11/1946)
_PRE = r"(?:(?<!\w)|(?<=(?<!\w)[وفبل]))"  # a date may carry a clitic: بيوليو, والخميس

_AR_PATTERNS = (
    # 26 يوليو/ تموز 2023 الماضي ; يوليو/تموز ; 5 رمضان 1445 هـ
    rf"{_PRE}(?:(?:يوم\s+)?{_NUM}\s+)?{_MONTH}(?:\s*/\s*{_SECOND_MONTH})?"
    rf"(?:\s+(?:عام\s+|سنه\s+)?{_YEAR}{_ERA}?|{_IN_PARENS})?{_SUFFIX}?",
    rf"{_PRE}{_NUMERIC}",  # 24/8/1993, 2023-07-26
    rf"{_PRE}(?:{_NUM}\s+)?(?:شهر\s+)?(?:{_HIJRI})(?:\s+{_YEAR}{_ERA}?)?(?=\s+{_YEAR}|{_ERA}|\s+الماضي|\s+المقبل)"
    rf"(?:\s+{_YEAR}{_ERA}?|{_ERA})?{_SUFFIX}?",
    rf"{_PRE}(?:شهر|{_NUM})\s+(?:{_HIJRI})(?:\s+{_YEAR}{_ERA}?)?{_SUFFIX}?",
    # اليوم الخميس, أمس الأربعاء, يوم الجمعة الماضي, صباح اليوم الخميس
    rf"{_PRE}(?:(?:اليوم|امس|غدا|يوم|مساء|صباح|ليله|فجر)\s+(?:(?:اليوم|امس)\s+)?)?(?:{_WEEKDAYS})"
    rf"(?:\s+{_NUM}\s+{_MONTH})?{_SUFFIX}?(?!\w)",
    rf"{_PRE}(?:الشهر|الاسبوع|العام|السنه|الاسابيع|الاشهر|الشهور|الايام)\s+(?:الماضي|الماضيه|المقبل|المقبله|"
    rf"القادم|القادمه|الجاري|الحالي|المنصرم)(?!\w)",
    rf"{_PRE}(?:هذا|هذه)\s+(?:الشهر|الاسبوع|العام|السنه)(?!\w)",
    rf"{_PRE}(?:عام|سنه)\s+{_YEAR_P}{_ERA}?(?!\w)",
    rf"{_PRE}(?:اول\s+)?امس(?=\s+(?:الاول|{_WEEKDAYS}))(?:\s+(?:الاول|{_WEEKDAYS}))",
)

_EN_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_EN_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_EN_PATTERNS = (
    rf"(?:\d{{1,2}}\s+)?{_EN_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?",
    rf"(?:(?:last|next|this|on)\s+)?{_EN_DAY}",
    r"(?:last|next|this|past)\s+(?:week|month|year)",
    r"(?:yesterday|today|tomorrow)",
    r"(?:in|since|by)\s+\d{4}",
)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # Every Arabic pattern starts at a word start (or after a clitic): checked once, before
    # the alternation, most positions fail at once instead of once per pattern (3.5x faster
    # over a document, same matches).
    alternatives = "|".join(rf"(?:{p.removeprefix(_PRE)})(?!\w)" for p in _AR_PATTERNS)
    arabic = re.compile(rf"{_PRE}(?:{alternatives})")
    english = re.compile("|".join(rf"(?<!\w)(?:{p})(?!\w)" for p in _EN_PATTERNS))
    return arabic, english


_EN_RELATIVE = frozenset(("last", "next", "this", "past", "yesterday", "today", "tomorrow"))
_AMBIGUOUS = frozenset(("مارس", "نيسان"))  # also "he practised" and a car maker
_EN_LEAD = re.compile(r"^(?:on|in|since|by)\s+", re.IGNORECASE)


def find_dates(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` spans of date expressions in ``text`` (display or key form)."""
    arabic, english = _patterns()
    key = key_form(text)
    spans = [m.span() for m in arabic.finditer(key) if m.group().strip() not in _AMBIGUOUS]
    for m in english.finditer(text):
        start, end = m.span()
        lead = _EN_LEAD.match(m.group())
        if lead and len(m.group()) > lead.end():
            start += lead.end()
        if text[start].isupper() or text[start].isdigit() or text[start:end].split()[0] in _EN_RELATIVE:
            spans.append((start, end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
