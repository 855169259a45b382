"""Stricter evidence for cooperation (favor) records.

On ordinary news most cooperative cues (شكر، دعم، تعاون، اتفاق، التقى) stand near words
that are not their parties: a name and its own title, an adjective of a thing (نظيراتها
الأجنبية), a place in the genitive (محافظ ظهران، قبائل مأرب), or an actor three clauses
away. A conflict cue in event reports usually has its parties in reach; a cooperative one
in feature prose seldom does. So a favor record is kept only when its holder can be the
cue's subject and its target sits in an object slot; the rest are dropped, since a wrong
"X supports Y" misleads an analyst more than a missing one. The distances those slots
allow are counted in ``tasks.stance_reach``. Conflict records have rules of their own
(``tasks.stance_conflict``).
"""

from __future__ import annotations

from tasks.actors import Actor, Words, country_of, is_article, is_word, key_set, lexicon, norm_set, norm_token, word_set
from tasks.normalize import key_form
from tasks.schema import Language
from tasks.stance_cues import CLAUSE_BREAK, Hit, bare, is_break
from tasks.stance_grammar import RELATIVES, has_object_pronoun, is_definite, is_governed
from tasks.stance_members import kin_of, part_of
from tasks.stance_reach import in_reach, right_after

# Words that mark what follows as the object or partner of a noun of cooperation.
_MARKERS = key_set("مع بين إلى الى على علي تجاه نحو تربط يربط تجمع")
_MACHINES = norm_set("طائرات طائرة مقاتلات دبابات الدبابات مروحيات مدرعات نظام النظام")
_NAME_LINKS = key_set("بن ابن آل ال أبو ابو")
# Particles and prepositions that never head a genitive place ("في اليمن" is where).
_PARTICLES = key_set("في من عن و أو ثم كل لدى عند")
_DIRECTIONS = key_set("باتجاه اتجاه نحو صوب")
_SPORT = norm_set("نادي النادي أندية الأندية فريق الفريق منتخب المنتخب لاعب اللاعب لاعبي مدرب المدرب")
_PLURAL_ENDINGS = ("ين", "ون", "يون", "يين")


def plausible_favor(
    words: Words, hit: Hit, holder: Actor, target: Actor, span: tuple[int, int], speaker: Actor | None
) -> bool:
    """Whether a cooperation record in the sentence ``span`` (start, end) has evidence
    enough to be kept (see the module docstring); ``speaker`` is the reporting speaker."""
    lo, hi = span
    if hit.english:
        return not _english_thing_object(words, hit, target)  # the other rules read Arabic clauses
    if _one_phrase(words, holder, target) or any(_thing(words, a) or _sport(words, a) for a in (holder, target)):
        return False
    if is_governed(words, holder) or _place_genitive(words, hit, target) or kin_of(words, holder):
        return False  # "للشركة … إنه سيلتقي": an object is no subject
    if holder.first > 0 and key_form(words.keys[holder.first - 1]) in _DIRECTIONS:
        return False  # "تحرك حوثي باتجاه مأرب والقبائل تناشد": where, not who
    if target.first > hit.last and not in_reach(words, hit, target, holder):
        return False
    if _coordinated(words, hit, holder):
        return False
    if hit.verb:
        if holder.first > hit.last:
            return right_after(words, hit, holder)
        return _relative_subject(words, hit, holder, lo)
    if holder.last < hit.first and holder is not speaker and not _noun_holder(words, hit, holder):
        return False
    return _object_slot(words, hit, holder, target, hi)


# English words that may stand between a verb and its party object.
_EN_FUNCTION = word_set("the a an to with for on in of at from by its their his her our also and new")
_EN_PARTNERS = word_set("with to for by")


def _english_thing_object(words: Words, hit: Hit, target: Actor) -> bool:
    """An English verb cue whose object is a common noun ("A woman buys vegetables from a
    vendor … of the Muslim holy month"): a party later in the sentence is its partner only
    after with, to, for or by ("signed agreements with Russia", "praised efforts by Egypt")."""
    if not hit.verb or target.first <= hit.last + 1 or hit.last + 1 >= len(words.keys):
        return False
    nxt = words.keys[hit.last + 1]
    if not nxt.isalpha() or not nxt.islower() or nxt in _EN_FUNCTION:
        return False
    return words.keys[target.first - 1].lower() not in _EN_PARTNERS


def _one_phrase(words: Words, holder: Actor, target: Actor) -> bool:
    """Holder and target that are one noun phrase or one party named twice: side by side
    with no و, the second a personal name or an article-less role noun ("محافظ ظهران
    الجنوب محمد فلاح"), a name
    and its title ("الشيخ محمد بن عيسى آل خليفة رئيس مجلس"), or a one-word target repeating the holder's
    head or its genitive ("رئيس أكاديمية البحث … دعم الأكاديمية", "مجلس الوزراء … المجلس")."""
    first, second = (holder, target) if holder.first < target.first else (target, holder)
    joined = key_form(words.keys[second.first])[:1] == "و"
    bare_role = second.kind == "agent" and not is_article(words.keys[second.first]) and not is_governed(words, second)
    titled = second.named and second.country is None  # "المهندس محمد": a title and a name
    glued = second.start > words.spans[second.first][0]  # "التقى الوزير بالرئيس": an object
    if second.first == first.last + 1 and not joined and not glued and (titled or bare_role):
        return True  # "ودعا الرئيس المواطنين", "أشادت روسيا بأوكرانيا": subject and object
    if not glued and (_apposed_title(words, first, second) or _co_title(words, holder, target)):
        return True
    if part_of(words, holder, target):
        return True
    if target.first != target.last:
        return False
    head = norm_token(words.keys[target.first])
    reach = range(holder.first, min(len(words.keys), holder.last + 2))
    own = {norm_token(words.keys[j]) for j in reach if j != target.first}
    return head in own


def _apposed_title(words: Words, first: Actor, second: Actor) -> bool:
    """An article-less title or role noun of no state after a name, with only the rest of
    the name between (no comma, no preposition, no article): the name's own title, not
    another party ("دعا موسى أبو مرزوق نائب رئيس المكتب السياسي")."""
    person = first.kind == "actor" and len(first.code) > 3 and not is_article(words.keys[first.first])  # a name
    role_noun = person and second.kind in ("actor", "agent") and len(second.code) == 3  # "نائب رئيس": GOV
    if not (second.kind == "title" or role_noun) or is_article(words.keys[second.first]):
        return False
    if second.first - first.last > 7:
        return False
    between = [key_form(words.keys[j]) for j in range(first.last + 1, second.first)]
    return all(k in _NAME_LINKS or (is_word(k) and not is_article(k) and k[:1] not in "لبو") for k in between)


def _sport(words: Words, actor: Actor) -> bool:
    """A club, team, player or coach, or a role of one ("رئيس نادي الهلال"): sport
    pages' thanks and signings are no political stance."""
    after = actor.last + 1
    near = [actor.first, after] if after < len(words.keys) else [actor.first]
    return any(norm_token(words.keys[j]) in _SPORT for j in near)


def _co_title(words: Words, holder: Actor, target: Actor) -> bool:
    """A person after a second title joined to the holder by و ("أمين الطائف ورئيس المجلس
    البلدي المهندس محمد"): the name is that title's, and the titles one person's."""
    gap = range(holder.last + 1, target.first)
    person = target.named or target.kind in ("agent", "title")
    if not gap or not person or target.country is not None or key_form(words.keys[gap[0]])[:1] != "و":
        return False
    return len(gap) <= 4 and all(is_word(words.keys[j]) and bare(words, j) not in _MARKERS for j in gap)


def _thing(words: Words, actor: Actor) -> bool:
    """A machine or system the dictionaries code as a force or a government ("طائرات",
    "الدبابات", "نظام إير بادي"), or an adjective (``_adjective``): neither cooperates."""
    if actor.first == actor.last and norm_token(words.keys[actor.first]) in _MACHINES:
        return True
    return _blessed(words, actor) or adjective(words, actor) or _adverb(words, actor)


def _adverb(words: Words, actor: Actor) -> bool:
    """An actor ending in an adverb the dictionaries read through its accusative ا
    ("ماليا" financially as مالي Mali, "عسكريا" militarily as the military): a names'
    entry never drops that ا, so the word is no party."""
    key = norm_token(words.keys[actor.last])
    if not key.endswith("ا") or is_article(key):
        return False
    found = lexicon(Language.ARABIC).match([words.keys[actor.last]], 0)
    return found is not None and found[0].words == (key[:-1],)


def adjective(words: Words, actor: Actor) -> bool:
    """A lone singular nationality or group adjective after a noun that is no actor
    ("المجتمعات المسلمة", "للشباب السعودي"), or a feminine agent word shaped as an
    adjective, relational or participle ("نظيراتها الأجنبية", "أعمالا إرهابية", "الشقة
    المستأجرة", "الجهات المشاركة"), or any definite feminine one after a definite noun
    ("البيوت الفقيرة"), or a definite country word in ي after a definite noun ("دعمها
    المالي": financial, no Mali), agreeing with the noun in definiteness as adjectives do: it
    describes a thing, not a party. Plural people nouns (الفلسطينيين), institutions
    (حكومة، شركة) and genitives ("تحرير المجلة") are parties."""
    if actor.first != actor.last or actor.first == 0:
        return False
    key = key_form(words.keys[actor.first])
    stem = key[2:] if is_article(key) else key
    feminine = actor.kind == "agent" and stem.endswith(("ة", "ه"))
    agrees = _definite(key) == _definite(words.keys[actor.first - 1])  # not "تحرير المجلة"
    shaped = stem.endswith(("ية", "يه")) or stem[:1] == "م" or is_article(key)
    nisba = actor.kind == "country" and is_article(key) and key.endswith("ي") and agrees  # "دعمها المالي"
    if actor.kind != "adj" and not nisba and not (feminine and agrees and shaped):
        return False
    prev = key_form(words.keys[actor.first - 1])
    if key.endswith(_PLURAL_ENDINGS) or key[:1] == "و" or prev in _PARTICLES or prev in _MARKERS:
        return False  # "بين السعودية": after a preposition السعودية is the country
    return is_word(prev)


def _definite(token: str) -> bool:
    """With the article, or made definite by a possessive pronoun (نظيراتها)."""
    return is_definite(token) or key_form(token).endswith(("ها", "هم", "هما"))


def _place_genitive(words: Words, hit: Hit, actor: Actor) -> bool:
    """A country or town right after an article-less noun other than the cue is that
    noun's genitive ("في مصلحة بريطانيا", "في ربوع اليمن"): a thing of the place, not a
    partner."""
    state = actor.first == actor.last and len(actor.code) == 3 and country_of(actor.code) is not None
    if not (state or actor.kind in ("country", "city")) or actor.first == 0 or actor.first - 1 == hit.last:
        return False
    prev = key_form(words.keys[actor.first - 1])
    if not is_word(prev) or is_definite(prev) or prev in _PARTICLES or prev in _MARKERS:
        return False
    return actor.start == words.spans[actor.first][0] and not prev.isdigit()


def _relative_subject(words: Words, hit: Hit, holder: Actor, lo: int) -> bool:
    """After a relative pronoun (past طالما، قد …) the verb's subject is the antecedent
    right before it; and when the verb carries an object pronoun ("اليمنيين الذين
    تستقبلهم الجوازات") the antecedent is its object, so no holder before counts."""
    rel = next(
        (j for j in range(hit.first - 1, max(lo, hit.first - 3) - 1, -1) if key_form(words.keys[j]) in RELATIVES), None
    )
    if rel is None:
        return True
    if has_object_pronoun(words.keys[hit.first], hit.lemma):
        return False
    end = rel - 1 - (words.keys[rel - 1] in ("،", ",") if rel > lo else 0)
    return holder.last == end


def _coordinated(words: Words, hit: Hit, holder: Actor) -> bool:
    """A cue joined by و right after the holder continues the phrase the holder is in:
    "بمبادرة من شركة سابك ودعم القطاع" is the company's initiative and the sector's
    support. A noun so joined is never held by the actor before it; a verb (ودعم reads as
    both) only when that actor sits after a preposition."""
    if key_form(words.keys[hit.first])[:1] != "و" or not 0 < hit.first - holder.last <= 2:
        return False
    if not hit.verb:
        return True
    return holder.first > 0 and (bare(words, holder.first - 1) in _PARTICLES or is_governed(words, holder))


def _noun_holder(words: Words, hit: Hit, holder: Actor) -> bool:
    """The holder of a noun of cooperation named before it: the owner of its possessive
    pronoun ("أعرب أبناء الشيخ عن شكرهم"), or an actor at most six words before it."""
    key = key_form(words.keys[hit.first])
    possessed = key.endswith(("ها", "هم", "هما")) or (key.endswith("ه") and not key.endswith("ته"))
    return possessed or hit.first - holder.last <= 6


def _object_slot(words: Words, hit: Hit, holder: Actor, target: Actor, hi: int) -> bool:
    """A noun of cooperation names its partner right after it (its genitive: "دعم
    الهيئة"), or within seven words through مع، بين، ل، إلى … with no comma or clause
    break between ("للتعاون بين السعودية وحكومة", "شكرها لاهتمام الحكومة"); a reciprocal
    noun may follow the pair it links closely ("بين مصر والسعودية علاقات وثيقة", "موسكو
    وبيونغ يانغ تتمتعان بعلاقات طيبة"), or from further off when a pronoun on it or after
    بين points back to the pair ("بوتين وكيم … يتعهدان بتعزيز تعاونهما")."""
    if target.last < hit.first:
        if hit.layout == "tgt":
            return True  # the praised actor precedes the cue ("الجيش سيحقق نجاحات")
        joined = key_form(words.keys[target.first])[:1] == "و"  # "موسكو وبيونغ يانغ تتمتعان"
        paired = joined or (holder.first > 0 and bare(words, holder.first - 1) == "بين")
        partner = hit.last + 1 < hi and bare(words, hit.last + 1) == "مع"  # "وقعت … وألمانيا اتفاقا مع إيران"
        near = hit.first - target.last <= 3 or _points_back(words, hit, hi)
        return hit.layout == "rec" and paired and near and not partner
    if hit.layout == "rec" and holder.first > hit.last and bare(words, holder.first - 1) == "مع":
        return False  # "بالتعاون مع الحكومة والمنظمات": both are partners of the subject
    gap = range(hit.last + 1, target.first)
    if len(gap) > 7 or any(is_break(words, j, CLAUSE_BREAK) or not is_word(words.keys[j].strip('"')) for j in gap):
        return False
    if not gap:
        return hit.layout != "rec"  # "تعاون المسلمين": the genitive cooperates, no partner
    if hit.layout == "rec" and holder.last < hit.first and any(bare(words, j) == "بين" for j in gap):
        return False  # "روح التعاون بين أفراد المجتمع": the pair after بين, not the speaker
    if _marked(words, target.first, target.start):
        return True
    return any(_marked(words, j, None) for j in gap if not holder.first <= j <= holder.last)


_PAIR_PRONOUNS = ("هما", "هم")


def _points_back(words: Words, hit: Hit, hi: int) -> bool:
    """A reciprocal noun with a dual or plural pronoun ("تعاونهما", "علاقاتهم"), or
    followed by بين and such a word ("التعاون بين بلديهما", "بينهما")."""
    if key_form(words.keys[hit.last]).endswith(_PAIR_PRONOUNS):
        return True
    nxt = [key_form(words.keys[j]) for j in range(hit.last + 1, min(hi, hit.last + 3))]
    if not nxt or not nxt[0].startswith("بين"):
        return False
    return any(k.endswith(_PAIR_PRONOUNS) for k in nxt)


def _marked(words: Words, j: int, start: int | None) -> bool:
    """A preposition word, or a glued ل/ب (on the actor itself when ``start`` says the
    actor begins after a clitic)."""
    key = key_form(words.keys[j])
    if key in _MARKERS:
        return True
    glued = key if start is None else key[: start - words.spans[j][0]]
    peeled = glued[1:] if glued[:1] in ("و", "ف") else glued
    return peeled[:1] in ("ل", "ب") and (start is not None or len(key) > 4)


def _blessed(words: Words, actor: Actor) -> bool:
    """A one-word name with the article after a definite noun is its adjective ("عيد الفطر
    المبارك", "المسجد الأقصى المبارك": blessed, no Mubarak)."""
    name = actor.kind not in ("agent", "title", "country", "city", "adj", "org")
    one = name and actor.first == actor.last and actor.first > 0 and is_article(words.keys[actor.first])
    return one and is_definite(words.keys[actor.first - 1])
