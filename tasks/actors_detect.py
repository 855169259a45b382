"""Actor detection over a document: dictionary look-up, then the compositions news prose
needs (``tasks.actors_phrases``, ``tasks.actors_names``).

- a role noun followed by a nationality or institution makes one actor of that country
  ("وزير الدفاع الروسي" → RUSGOV, "المتحدث باسم الكرملين" → RUSGOV);
- a title may be followed by a name ("… الروسي سيرغي شويغو"), and an unknown name set
  before a comma and a titled actor ("ديمتري بيسكوف، المتحدث باسم الكرملين") is an
  apposition; both teach the document an alias, so a later bare "شويغو" is still Russia;
- news agencies (وكالة …) are reporters, not parties: actors inside their names are dropped.
"""

from __future__ import annotations

from tasks.actors import (
    Actor,
    Entry,
    Lexicon,
    Words,
    candidates,
    common_words,
    country_of,
    has_pronoun,
    is_word,
    key_set,
    lexicon,
    norm_token,
    word_set,
)
from tasks.actors_institutions import institutions
from tasks.actors_names import learn_aliases, named_in_slot, royal_names, titled_names
from tasks.actors_offices import office_titles
from tasks.actors_phrases import compose, join_roles, merge_adjacent
from tasks.arabic import prefix_splits
from tasks.normalize import key_form
from tasks.schema import Language, Normalized

_AGENCY_STOP = frozenset(["عن", "ان", "حينها", "الي", "في", "وفق", "حسب", "ذلك", "قوله", "قولها"])
_ADVERBS = key_set("بالقوة بقوة")
# The Levantine month names, printed beside the Gregorian ones ("10 أبريل (نيسان)"): نيسان
# is an EDU actor in the dictionary and, peeled as a dual, Nice (France);
# and هند without the article is the woman's name Hind (India is الهند).
_NOT_NAMES = key_set("كانون شباط آذار اذار نيسان أيار ايار حزيران تموز آب اب أيلول ايلول تشرين هند")
# Names spelt as a common word, which as names never take the article or a feminine ending:
# الحماس is "the enthusiasm" ("شاكرا الحماس الكبير"), never the movement; المبارك "the
# blessed" ("المسجد الأقصى المبارك"), never Mubarak; المالية، مالية "financial", never Mali;
# البرية، القوات البرية "land", never Berri; السيول "the floods", never Seoul.
_BARE_NAMES = frozenset(norm_token(w) for w in ("حماس", "مبارك", "مالي", "بري", "سيول"))
# Actors named by a verbal noun with the article, which without it is the act: الاحتلال
# "the occupier", المقاومة "the resistance", but "احتلال المدن" is the occupation of the
# towns and "مقاومة السلطات" resisting the authorities; الحشد الشعبي is the Iraqi militia,
# "حشد شعبي كبير" a large crowd. الكاميرون is Cameroon; كاميرون alone is David Cameron.
_DEFINITE_ONLY = frozenset(tuple(norm_token(w) for w in n.split()) for n in ("احتلال", "مقاومة", "حشد شعبي", "كاميرون"))
# One-word agents that ta marbuta tells from another word, which matching (blind to ة)
# would take for them: شرطة "police" but شرط "condition" (الشرط الأول، بشرط), عائلة "family"
# but عائلي "familial" (خلاف عائلي), شيعة "the Shia" but شيّع "escorted (a funeral)";
# سياح "tourists" but سياحة "tourism" (وزارة السياحة); أنقرة "Ankara" but انقر "click".
_WITH_TA = frozenset([norm_token("شرطة"), norm_token("عائلة"), norm_token("شيعة"), norm_token("أنقرة")])
_WITHOUT_TA = frozenset([norm_token("سياح")])
# Kinship nouns that name a relative only with a pronoun: ابنه "his son", شقيقها "her
# brother", but ابن تيمية، ابن علي (Ibn Taymiyya, Ben Ali) and اليمن الشقيق "brotherly Yemen".
_OWNED_ONLY = frozenset([norm_token("ابن"), norm_token("شقيق")])
# Role nouns whose feminine form is a verbal noun or adjective (see ``_feminine_masdar``).
_MASDAR_LIKE = word_set("مقاتل مناهض مهاجم مسلح مدافع مدني ثانوي مدرس قاتل مناشد عسكري مشرع")


def find_actors(doc: Normalized, words: Words | None = None) -> list[Actor]:
    """Actors of a whole document, sorted by position, with text set from ``doc.text``."""
    words = words or Words.of(doc)
    agency = _agency_tokens(words) if doc.language != Language.ENGLISH else set()
    lex = lexicon(doc.language if doc.language == Language.ENGLISH else Language.ARABIC)
    actors = _raw_actors(words, lex, agency)
    if doc.language != Language.ENGLISH:
        actors = titled_names(words, office_titles(words, compose(words, institutions(words, actors))))
        actors = royal_names(words, actors)
        aliases = learn_aliases(words, actors)
        if aliases:
            alias_lex = Lexicon([[name, code, "alias"] for name, code in aliases.items()])
            taken = {j for a in actors for j in range(a.first, a.last + 1)} | agency
            actors += _raw_actors(words, alias_lex, taken)
            actors = merge_adjacent(sorted(actors, key=lambda a: a.start), words)
        actors = join_roles(words, actors)
        actors = named_in_slot(words, actors)
    for actor in actors:
        _end_at_line_break(words, actor)
        actor.text = doc.text[actor.start : actor.end]
    return actors


def _end_at_line_break(words: Words, actor: Actor) -> None:
    """A name ends at a line break: a headline's last words never run into the body's
    first ("منظمة العالم الإسلامي" + "التقى", read as one more adjective)."""
    for j in range(actor.first, actor.last):
        if "\n" in words.text[words.spans[j][1] : words.spans[j + 1][0]]:
            actor.last, actor.end = j, words.spans[j][1]
            return


def _agency_tokens(words: Words) -> set[int]:
    """Token indices inside news-agency names (وكالة الأنباء الكورية …)."""
    inside: set[int] = set()
    for i, word in enumerate(words.keys):
        maybe = "وكال" in word or "agency" in word.lower()
        if not maybe or not {"وكال", "agency"} & set(candidates(word)):
            continue
        j = i
        while j < len(words.keys) and j - i < 6:
            if j > i and (not is_word(words.keys[j]) or words.key(j) in _AGENCY_STOP):
                break
            inside.add(j)
            j += 1
    return inside


def _raw_actors(words: Words, lex: Lexicon, skip: set[int]) -> list[Actor]:
    found: list[Actor] = []
    i = 0
    while i < len(words.keys):
        hit = None if i in skip else lex.match(words.keys, i)
        if hit is None:
            i += 1
            continue
        entry, offset, last = hit
        token = words.keys[i]
        if (
            entry.kind == "region"
            or _false_split(token, entry, offset)
            or _feminine_masdar(token, entry)
            or _other_word(token, entry)
        ):
            i += 1
            continue
        if _lowercase_acronym(words.text[words.spans[i][0] : words.spans[i][1]], entry) or _prayer(words, i, entry):
            i += 1
            continue
        named = entry.kind == "title" and len(entry.words) > 1 and country_of(entry.code) is not None
        found.append(
            Actor(words.spans[i][0] + offset, words.spans[last][1], i, last, entry.code, entry.kind, "", named)
        )
        i = last + 1
    return found


# The sunset prayer is spelt as Morocco: "قبل أذان المغرب", "بعد صلاة المغرب".
_PRAYER_CALLS = key_set("أذان اذان صلاة صلاه صلاتي صلاتا لصلاة")


def _prayer(words: Words, i: int, entry: Entry) -> bool:
    """المغرب right after a call to prayer or a prayer's name is the time, not the country."""
    return entry.words == (norm_token("المغرب"),) and i > 0 and key_form(words.keys[i - 1]) in _PRAYER_CALLS


def _false_split(token: str, entry: Entry, offset: int) -> bool:
    """A one-word actor reached by peeling ف/ب/ل/ك off an everyday word: فرقة is a
    squad, not ف + الرقة (Raqqa). A peeled و is kept (والعراق is و + العراق). بالقوة and
    بقوة are "by force", "strongly", not ب + a military force; a month name is a date."""
    if key_form(token) in _ADVERBS or key_form(token).removeprefix("و") in _NOT_NAMES:
        return True
    if offset == 0 or len(entry.words) > 1 or key_form(token)[:1] == "و" or entry.kind == "agent":
        return False
    return norm_token(token) in common_words()


def _lowercase_acronym(raw: str, entry: Entry) -> bool:
    """An English acronym (UN, US, EU) written otherwise: "us" is the pronoun, "Un" the end
    of Kim Jong Un; the dictionaries, matched lower-cased, list them as countries."""
    word = entry.words[0]
    return len(entry.words) == 1 and word.isascii() and len(word) <= 3 and not raw.isupper()


def _common_noun(token: str, entry: Entry) -> bool:
    """A one-word name from ``_BARE_NAMES`` spelt with the article (after و، ف، ب، ك or
    as لل) or with ة is the common word it was taken from."""
    if len(entry.words) != 1 or entry.words[0] not in _BARE_NAMES:
        return False
    key = key_form(token)
    key = key[1:] if key[:1] in "وف" and len(key) > 4 else key
    key = key[1:] if key[:1] in "بك" and key[1:3] == "ال" else key
    return key.startswith(("ال", "لل")) or key.endswith("ه")


def _other_word(token: str, entry: Entry) -> bool:
    """A one-word name that is here a common noun (``_common_noun``), or a one-word
    agent of ``_WITH_TA`` spelt without ة (الشرط "the condition"), or of ``_WITHOUT_TA``
    spelt with it (السياحة "tourism"), or one of ``_DEFINITE_ONLY`` without the article:
    another word, no party. ة before a pronoun is written ت (شرطتها), and counts as ة; a
    ت with no pronoun after it is a verb's (شيّعت "escorted")."""
    if _common_noun(token, entry) or _plural_name(token, entry):
        return True
    if entry.words[0] in _OWNED_ONLY and len(entry.words) == 1:
        return not has_pronoun(token)
    if tuple(entry.words) in _DEFINITE_ONLY:
        return not any(stem.startswith("ال") for _, stem in prefix_splits(key_form(token)))
    if len(entry.words) != 1 or entry.words[0] not in _WITH_TA | _WITHOUT_TA:
        return False
    key = key_form(token).rstrip(".")
    stem = entry.words[0]
    ta = key.endswith("ه") or any(key.endswith(stem + "ت" + p) for p in ("ه", "ها", "هم", "هما"))
    return ta != (stem in _WITH_TA)


_PLURALS = ("ات", "ون", "ين")


# Role nouns listed in a broken plural, which takes no sound plural ending: عربات is
# "vehicles", not عرب "Arabs"; رجالات "notables" are still men, so رجال is not here.
_BROKEN_PLURALS = frozenset(norm_token(w) for w in ("عرب", "أكراد", "أجانب", "أهالي", "سجناء"))


def _plural_name(token: str, entry: Entry) -> bool:
    """A one-word name (not a role noun or title, not a nisba in ي, whose plurals are its people)
    or a broken plural (``_BROKEN_PLURALS``) reached by peeling a plural ending off the word:
    a name has no plural, so الموصلات is "the conductors", not Mosul."""
    if len(entry.words) != 1 or entry.words[0].endswith("ي"):
        return False
    if entry.kind in ("agent", "title") and entry.words[0] not in _BROKEN_PLURALS:
        return False
    word = entry.words[0]
    return any(norm_token(stem) == word + end for _, stem in prefix_splits(key_form(token)) for end in _PLURALS)


def _feminine_masdar(token: str, entry: Entry) -> bool:
    """A masculine role noun reached through its feminine form, which in news is a verbal
    noun or an adjective far more often than a woman: مقاتلة "fighting", مناهضة "hostile",
    مهاجمة "attacking", المسلحة "armed" (of operations, forces), المدنية "civil", العسكرية
    "military" (of campaigns, operations), ثانوية "secondary (school)", مدرسة "school",
    القاتلة "deadly", مناشدة "an appeal", مشرعة "open" (أبواب مشرعة; also a district of
    Taiz). The feminine dual (قاعدتين عسكريتين) is the same adjective."""
    feminine = key_form(token).endswith(("ه", "تين", "تان"))
    return len(entry.words) == 1 and entry.words[0] in _MASDAR_LIKE and feminine
