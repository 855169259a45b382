"""Personal names the dictionaries do not know: names a document ties to a titled actor
(after the title, or in apposition) and names in the slot news reserves for a person."""

from __future__ import annotations

from tasks.actors import (
    Actor,
    Words,
    candidates,
    common_words,
    is_article,
    is_word,
    key_set,
    norm_set,
    norm_token,
    word_set,
)
from tasks.normalize import key_form

NAME_STOP = word_set(
    "في من علي الي عن مع ان قد لم لن لا ما هو هي الذي التي بين بعد قبل خلال حيث كما اليوم امس عندما حين "
    "وقال وقالت قال قالت اكد وكان كان كانت وكانت زار التقي ذكر ذكرت"
)


def is_name(words: Words, j: int, taken: set[int]) -> bool:
    """A word that may be part of a personal name: a name is what neither the actor
    dictionaries (``taken``) nor the list of frequent news words know, and no function
    word, number, punctuation mark or noun of a person's fate (اغتيال، زيارة)."""
    word = words.keys[j]
    return (
        j not in taken
        and is_word(word)
        and not word.isdigit()
        and key_form(word) not in NAME_STOP
        and not any(c in common_words() or c in NAME_STOP or c in _PERSON_SLOTS for c in candidates(word))
        and len(word) > 1
    )


def learn_aliases(words: Words, actors: list[Actor]) -> dict[str, str]:
    """Names the document ties to a titled actor: after the title, or in apposition."""
    aliases: dict[str, str] = {}
    taken = {j for a in actors for j in range(a.first, a.last + 1)}
    for actor in actors:
        if actor.kind != "title" or not actor.country:
            continue
        j = actor.last + 1
        while actor.named and j < len(words.keys) and j - actor.last <= 3 and is_name(words, j, taken):
            j += 1
        names = range(actor.last + 1, j)
        if actor.first >= 2 and words.keys[actor.first - 1] in "،,":
            k = actor.first - 2
            while k >= 0 and actor.first - 1 - k <= 3 and is_name(words, k, taken):
                k -= 1
            names = names or range(k + 1, actor.first - 1)
        for n in names:
            aliases.setdefault(words.key(n), actor.code)
        if names:
            aliases[" ".join(words.key(n) for n in names)] = actor.code
    return aliases


# Verbal nouns of what befalls a politician (a resignation, a visit, an assassination): the
# word after them is a person.
_PERSON_SLOTS = norm_set("استقالة رحيل ترشيح ترشح بقاء إقالة اقالة تنحي محاكمة إسقاط اسقاط زيارة اغتيال")


def named_in_slot(words: Words, actors: list[Actor]) -> list[Actor]:
    """Unknown personal names in the slot news reserves for a person: after the verbal
    noun of a political fate (استقالة، رحيل، ترشيح، بقاء، إقالة، تنحي، محاكمة، إسقاط):
    "يطالبون باستقالة ساماك", "رفضهم لترشيح ميقاتي" (one or two words that are neither
    frequent news words nor an actor already, without the article); and after a speech
    verb, right before what is said ("ويقول نصر إنه"). It is an actor with no code (the
    dictionaries do not know it)."""
    taken = {j for a in actors for j in range(a.first, a.last + 1)}
    found: list[Actor] = []
    for i in range(len(words.keys) - 1):
        if _speech_verb(words.keys[i]):
            j = _speaker_name(words, i, taken)
        elif any(c in _PERSON_SLOTS for c in candidates(words.keys[i])):
            j = i + 1
            while j < len(words.keys) and j - i <= 2 and is_name(words, j, taken) and not is_article(words.keys[j]):
                j += 1
        else:
            continue
        if j > i + 1:
            start, end = words.spans[i + 1][0], words.spans[j - 1][1]
            found.append(Actor(start, end, i + 1, j - 1, "", "person"))
            taken.update(range(i + 1, j))
    return sorted(actors + found, key=lambda a: a.start) if found else actors


_SPEECH_FORMS = key_set("قال قالت يقول تقول أكد اكد أكدت اكدت أضاف اضاف أضافت اضافت ذكر ذكرت صرح صرحت أوضح اوضح أوضحت")
_COMPLEMENTS = key_set("إن ان أن إنه انه إنها انها : ، ,")


def _speech_verb(token: str) -> bool:
    key = key_form(token)
    return key in _SPEECH_FORMS or (key[:1] in "وف" and key[1:] in _SPEECH_FORMS)


def _speaker_name(words: Words, i: int, taken: set[int]) -> int:
    """The end (exclusive) of an unknown name right after a speech verb and right before
    what is said ("ويقول نصر إنه …", "وقال أمجد وهبة: …", "قالت فلانة لوكالة …"): a speaker
    the dictionaries do not know. ``i + 1`` when there is none."""
    j = i + 1
    while j < len(words.keys) and j - i <= 3 and _name_word(words, j, taken, j == i + 1):
        j += 1
    if j == i + 1 and _common_first_name(words, j, taken):
        j = i + 3
    if j == i + 1 or j >= len(words.keys):
        return i + 1
    after = key_form(words.keys[j])
    said = after in _COMPLEMENTS or (after[:1] == "ل" and len(after) > 3)
    return j if said else i + 1


# Singular person roles news puts before a name: "العميد صادق سرحان", "الناشط أمجد وهبة".
_PERSON_ROLES = norm_set(
    "عميد لواء عقيد رائد نقيب جنرال شيخ صحفي صحافي ناشط مصور طبيب كاتب محامي قاضي دكتور مهندس سيد "
    "نائب ناطق مواطن شاب طالب فتاة طفل جندي ضابط قيادي معارض داعية امام إمام"
)
# The most frequent first names, which the list of frequent news words would otherwise
# keep from being read as names.
_FIRST_NAMES = key_set(
    "محمد أحمد احمد علي حسن حسين محمود مصطفى خالد عمر إبراهيم ابراهيم يوسف سعيد صالح سالم فهد ناصر عبدالله "
    "عبدالرحمن عبدالعزيز سلمان فيصل طارق ماجد وليد هشام عادل جمال كمال سامي رائد ياسر يحيى عثمان موسى عيسى "
    "حمد حمود زياد نبيل منصور بشار معمر صدام نوري حيدر مقتدى باسم بلال بدر بسام بكر لؤي ليث لطفي"
)
# Endings of plurals, verbs and possessed nouns (زملاءه، رئيسها): no name ends so.
_NOT_NAME_ENDINGS = ("ون", "ين", "وا", "ات", "ءه", "اه", "ها", "هم")
_NAME_LINKS = key_set("بن ابن أبو ابو عبد ولد")


def titled_names(words: Words, actors: list[Actor]) -> list[Actor]:
    """A title or a singular person role followed by a name takes the name into its span
    ("المتحدث باسم الشرطة أحمد الزعبي", "العميد صادق سرحان", "الناشط أمجد وهبة"): up to
    three words, each a frequent first name, a word the frequent-word list does not know,
    a link (بن، أبو، عبد) or, after the first, a family name with the article and the
    relational ending (الزعبي). Words spelt like verbs or plurals end the name."""
    taken = {j for a in actors for j in range(a.first, a.last + 1)}
    for actor in actors:
        if actor.named or not _titled(words, actor):
            continue
        start = actor.last + 1
        while start < len(words.keys) and start not in taken and _family_name(words.keys[start]):
            start += 1  # "الناشط الحقوقي أمجد وهبة": the role's adjectives come first
        j = start
        while j < len(words.keys) and j - start < 3 and _name_word(words, j, taken, j == start):
            j += 1
        if j == start and _common_first_name(words, start, taken):
            j = start + 2  # "العميد صادق سرحان": a first name that is also a word, and a surname
        if j > start and key_form(words.keys[j - 1]) not in _NAME_LINKS:
            actor.last, actor.end, actor.named = j - 1, words.spans[j - 1][1], True
            taken.update(range(actor.first, j))
    return actors


def _governed(key: str) -> bool:
    """A preposition glued to a noun or a future particle to a verb (برصاص، بإسعاف،
    للأمانة، ستتلقى): no name. The first names that start so are listed."""
    return key[:2] in ("لل", "وال", "بال", "فال", "كال") or key[:1] in "بل" or (key[:1] == "س" and key[1:2] in "تين")


def _family_name(token: str) -> bool:
    """A definite word with the relational ending: an adjective (الحقوقي) or a family
    name (الزعبي)."""
    key = key_form(token)
    return key.startswith("ال") and key.endswith("ي") and len(key) > 4 and key not in NAME_STOP


def _common_first_name(words: Words, j: int, taken: set[int]) -> bool:
    """A frequent word right after a title followed by an unknown one: a first name that
    is also a word (صادق "truthful", نصر "victory") and a surname."""
    if j + 1 >= len(words.keys) or j in taken or not is_word(words.keys[j]) or words.keys[j].isdigit():
        return False
    key = key_form(words.keys[j])
    if key in NAME_STOP or key.startswith("ال") or key[:1] in "يتن" or key.endswith((*_NOT_NAME_ENDINGS, "ه")):
        return False
    if _governed(key) or any(c in _PERSON_SLOTS for c in candidates(words.keys[j])):
        return False  # "الرئيس اغتيال شكري بلعيد": the president condemned an assassination
    return not is_article(words.keys[j + 1]) and _name_word(words, j + 1, taken, False)


def _titled(words: Words, actor: Actor) -> bool:
    """A definite title or person role ("الشيخ", "رئيس الوزراء", "المتحدث باسم الشرطة"):
    after an indefinite one the next word is its genitive or adjective (زعيم مجموعة، زعيم
    شيعي), not a name."""
    if not any(is_article(words.keys[j]) for j in range(actor.first, actor.last + 1)):
        return False
    if actor.kind == "title":
        return True
    return actor.first == actor.last and norm_token(words.keys[actor.first]) in _PERSON_ROLES


def _name_word(words: Words, j: int, taken: set[int], first: bool) -> bool:
    """Whether word ``j`` can be part of a personal name after a title (``first``: its
    first word): a listed first name or link, a family name after the first word, or a word
    no list knows that is spelt like no verb, plural or preposition-governed noun."""
    key = key_form(words.keys[j])
    if words.keys[j].endswith("على"):
        return False  # the preposition; the name Ali is written علي, which key forms fold into it
    if key in _FIRST_NAMES or (not first and key in _NAME_LINKS):
        return j not in taken
    if key.startswith("ال"):
        return not first and j not in taken and _family_name(words.keys[j])
    verb_like = (key[:1] in "يتنأ" and not first) or key.endswith(_NOT_NAME_ENDINGS) or _governed(key)
    return not verb_like and key[:1] not in "يتن" and is_name(words, j, taken)


# Royal titles the dictionaries leave out, since alone they are as often a word (الملك
# "the property", الأمير of a story): only before a name are they a head of state or a
# prince ("الملك عبدالله الثاني", "الأمير فيصل بن خالد").
_ROYAL = ("ملك", "امير", "اميره")
# A royal title's clitics and article, each with the length the actor's span skips: the
# article stays, a glued preposition or و goes, as in every actor ("للأمير" → "أمير").
_ROYAL_LEADS = {"ال": 0, "وال": 1, "بال": 1, "فال": 1, "لل": 2, "ولل": 3}


def _royal_offset(token: str) -> int | None:
    """Where the royal title in ``token`` starts, None for no royal title."""
    key = key_form(token)
    for lead, offset in _ROYAL_LEADS.items():
        if key.startswith(lead) and key[len(lead) :] in _ROYAL:
            return offset
    return None


def royal_names(words: Words, actors: list[Actor]) -> list[Actor]:
    """A royal title followed by a name (a frequent first name, or a word no list knows,
    then more such words up to four, على spelt with ى being the preposition) becomes a
    titled person of the government. The word after a link (بن، آل) is a name even when
    the dictionaries know it ("بن سعود" is no Saudi actor): the actor it was is dropped.
    An honorific before the title (سمو، خادم الحرمين) is left to the evidence rules."""
    taken = {j for a in actors for j in range(a.first, a.last + 1)}
    found: list[Actor] = []
    for i, token in enumerate(words.keys[:-1]):
        offset = None if i in taken else _royal_offset(token)
        if offset is None or not _name_word(words, i + 1, taken, True):
            continue
        j = i + 2
        while j < len(words.keys) and j - i <= 4 and words.keys[j] != "على" and _name_or_linked(words, j, taken):
            j += 1
        if key_form(words.keys[j - 1]) in _ROYAL_LINKS:
            continue
        found.append(Actor(words.spans[i][0] + offset, words.spans[j - 1][1], i, j - 1, "GOV", "title", "", True))
        taken.update(range(i, j))
    if not found:
        return actors
    kept = [a for a in actors if not any(f.first <= a.first and a.last <= f.last for f in found)]
    return sorted(kept + found, key=lambda a: a.start)


_ROYAL_LINKS = _NAME_LINKS | {key_form("آل")}


def _name_or_linked(words: Words, j: int, taken: set[int]) -> bool:
    """A later word of a royal name: a name word, a link, or any word after a link."""
    if key_form(words.keys[j]) in _ROYAL_LINKS:
        return True
    after_link = key_form(words.keys[j - 1]) in _ROYAL_LINKS
    return _name_word(words, j, taken, False) or (after_link and is_word(words.keys[j]) and not words.keys[j].isdigit())
