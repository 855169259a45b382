"""Who may be a cue's subject: the holder test every role rule applies (``can_hold``: no
place, no source of the report, no counted victim of a passive verb, no bare nationality
behind an attack noun), the counts and quantity words it turns on, the subject right after
a verb, and who drives or carries the actor in subject position (``carrier``).

Kept apart from the clause grammar (``tasks.stance_grammar``), on which it builds: the
holder test is one judgement that gains a case with each false holder found, while the
grammar is small word-level facts the target and evidence rules share as well.
"""

from __future__ import annotations

from tasks.actors import (
    Actor,
    Words,
    candidates,
    country_of,
    is_article,
    key_set,
    lexicon,
    norm_set,
    norm_token,
    word_set,
)
from tasks.normalize import key_form
from tasks.schema import Language
from tasks.stance_cues import Hit, bare
from tasks.stance_grammar import ARMED, ATTRIBUTION, RELATIVES, is_governed, is_plural_verb, is_violent, match_set, role
from tasks.stance_lexicon import strip_conj, verb_lemma
from tasks.stance_places import is_locative, is_town, place_head

_NUMBERS = match_set(
    "اثنين اثنان ثلاث ثلاثه اربع اربعه خمس خمسه ست سته سبع سبعه ثماني ثمانيه تسع تسعه عشر عشره عشرات "
    "مئات الاف عشرين ثلاثين اربعين خمسين مائه ميه الف عدد احد احدي"
)

_FORCES = word_set("MIL COP SPY")

# Prepositions written as words; من is left out, it heads partitive subjects (عدد من الطلاب).
_PREPOSITIONS = key_set("إلى الى على علي عن مع لدى ضد نحو عبر حول")

# Unarmed groups that still clash with the police: protesters, students, workers.
_CLASHING = word_set("OPP EDU LAB")

_INTRANSITIVE = word_set("اشتبك انفجر اصطدم")

_TO_PLACES = word_set("اقتحم احرق دمر نهب اضرم هدم قصف اغار")

_STAND_IN = frozenset(["قام"])

_QUANTITY = match_set("من نحو حوالي قرابة زهاء الفي الفا مئتي مئتا اكثر الاف امس اليوم ابناء افراد")


def can_hold(words: Words, actor: Actor, hit: Hit) -> bool:
    """Whether an actor in subject position can be the holder. Places cannot; for violence,
    counted nouns ("خمسة مدنيين قتلوا") and counted partitives ("ثلاثة من عناصر") are
    victims of a passive verb, and an attack noun (هجوم, مقتل) takes only an armed actor,
    a force (army, police) or a named state, not a bare nationality adjective nor a town
    ("شهدت بغداد هجوما": where it happened; a town attacks only as a verb's subject).

    Grammar rules out two more for verbs: a subject never carries or follows a preposition
    ("بباكستان", "للمتظاهرين", "إلى القاهرة"; a noun cue's holder may: "لروسيا … في حربها";
    an attack's weapon may: "هجوم بسيارة مفخخة استهدف …" has the car bomb for author), and a country
    or town is singular, so it cannot be the subject of a verb with a plural ending
    ("الخرطوم ينددون": the protesters condemn). Nor is the source of the report
    ("بحسب المسؤولين") a holder, nor a region named by a place noun ("المنطقة القبلية
    الباكستانية": where a strike hit, not who struck), nor an indefinite accusative
    (``_adverbial``: "التحرك عسكريا")."""
    if is_locative(words, actor) or (hit.verb and is_governed(words, actor) and not _may_govern(words, actor)):
        return False
    if is_source(words, actor) or place_head(words, actor) or _adverbial(words, actor):
        return False
    if hit.verb and actor.first > 0 and bare(words, actor.first - 1) in _PREPOSITIONS and not _may_govern(words, actor):
        return False  # "إلى القاهرة عندما أطلق": after a preposition word too
    if (actor.kind == "country" or is_town(actor)) and actor.last < hit.first and is_plural_verb(words, hit):
        return False
    if not is_violent(hit) or (hit.layout == "rec" and role(actor) in _CLASHING):
        return True  # protesters are a side of the clashes they are in (مواجهات مع الشرطة)
    if is_victim(words, actor) and not is_active_only(hit) and not reflexive(words, hit):
        return False
    state = actor.country is not None and actor.kind != "adj" and role(actor) != "CVL" and not is_town(actor)
    return hit.verb or role(actor) in ARMED or role(actor) in _FORCES or state


# Particles whose noun is accusative: "إن مسلحا هاجم" has an accusative subject.
_ACCUSATIVE_SUBJECT = key_set("إن ان أن بأن وإن وأن لكن ولكن كأن")


def _adverbial(words: Words, actor: Actor) -> bool:
    """An indefinite noun in the accusative, its tanwin written ا ("التحرك عسكريا" militarily,
    "قتل إرهابيا", "تمردا"), is an object or an adverb, never a subject: unless counted
    ("هاجم 20 مسلحا") or the noun of إن ("إن مسلحا"). Only where the ا is an ending, not
    part of the listed word (ميليشيا، روسيا)."""
    key = key_form(words.keys[actor.first])
    if actor.last != actor.first or not key.endswith("ا") or key.endswith("ها") or is_article(key) or actor.first == 0:
        return False
    names = lexicon(Language.ARABIC).root
    if norm_token(key) in names or norm_token(key[:-1]) not in names:
        return False
    return not is_counted(words, actor) and key_form(words.keys[actor.first - 1]) not in _ACCUSATIVE_SUBJECT


def is_source(words: Words, actor: Actor) -> bool:
    """An actor the report is attributed to: "بحسب المسؤولين", "وفقا لمصادر أمنية
    عراقية" (up to three words after the attribution word), or the adjective of the
    sources themselves ("مصادر حكومية أفغانية أعلنت عن مقتل", "مصادر طبية وأمنية وعسكرية
    عراقية"): sources report an act, they do not do it."""
    before = range(max(0, actor.first - 3), actor.first)
    if any(bare(words, j) in ATTRIBUTION for j in before):
        return True
    if actor.kind not in ("adj", "agent") or is_article(words.keys[actor.first]):
        return False
    return any(norm_token(words.keys[j]) in _SOURCES for j in before)


_SOURCES = norm_set("مصادر مصدر")


_SELF = key_set("نفسه نفسها نفسيهما نفسهما انفسهم أنفسهم انفسهن")


def reflexive(words: Words, hit: Hit) -> bool:
    """A verb with a reflexive object within four words ("فجر انتحاري نفسه", "فجرا
    نفسيهما"): whoever did it to himself is its subject, whatever number counts him."""
    return hit.verb and any(
        key_form(words.keys[j]) in _SELF for j in range(hit.last + 1, min(len(words.keys), hit.last + 5))
    )


def is_active_only(hit: Hit) -> bool:
    """A past-tense verb whose spelling has no passive reading: form III (هاجم; the passive
    is هوجم), forms V and VI (تظاهر) and intransitive VII/VIII (انفجر, اشتبك). Their counted
    subject ("هاجم آلاف المتظاهرين", "العشرات من المستوطنين هاجموا") is the attacker, not a
    victim as after the ambiguous قتل (قَتل/قُتل). Nor are people the passive subject of
    verbs done to places and things (اقتحم، أحرق، دمر، نهب، أضرم، هدم، قصف، أغار): "اقتحم
    مئات الطلاب المبنى" has the students storm it, "قصفت ثلاث طائرات" the planes bomb."""
    lemma = hit.lemma
    if not hit.verb or hit.imperfect or hit.english or len(lemma) < 3:
        return False
    if lemma in _TO_PLACES:
        return True
    return len(lemma) >= 4 and ((len(lemma) == 4 and lemma[1] == "ا") or lemma[0] == "ت" or lemma in _INTRANSITIVE)


def _may_govern(words: Words, actor: Actor) -> bool:
    """An actor under a preposition that still heads a verb: an attack's weapon under the
    instrumental ب ("هجوم بسيارة مفخخة استهدف"), and the antecedent of a relative pronoun
    ("للقوات الأميركية التي تقاتل", "للمتظاهرين الذين يحتلون"). An armed group under ل
    belongs to another phrase ("مسلحين ينتمون لتنظيم القاعدة هاجموا": the gunmen)."""
    nxt = actor.last + 1
    peeled = key_form(words.keys[actor.first])[: actor.start - words.spans[actor.first][0]]
    weapon = role(actor) in ARMED and "ب" in peeled
    return weapon or (nxt < len(words.keys) and bare(words, nxt) in RELATIVES)


def is_counted(words: Words, actor: Actor) -> bool:
    """ "قتل 12 شخصا", "قتل أربعة أشخاص": a counted noun after the verb is the victim of a
    passive verb (unvowelled, قُتل and قَتل look alike), not its subject."""
    if is_dual(words, actor):
        return True
    if actor.first == 0:
        return False
    return _number(words, actor.first - 1)


def is_dual(words: Words, actor: Actor) -> bool:
    """A role noun or nationality in the nominative dual (شرطيان، جنديان، عراقيان): a count
    of two, like "اثنان"; so "قتل شرطيان في هجوم" reports two policemen killed. The word
    without ان must be a listed one (شرطي; not طير for طيران), and names that end so
    (طالبان، لبنان) are not duals, nor are four-letter plurals (سكان، شبان)."""
    key = strip_conj(key_form(words.keys[actor.first]))[-1]
    if actor.kind in ("country", "city", "person") or not key.endswith("ان") or len(key) < 5 or key.startswith("ال"):
        return False
    names = lexicon(Language.ARABIC)
    own = names.match([key], 0)
    if own is not None and own[0].words == (norm_token(key),) and country_of(own[0].code) is not None:
        return False
    return norm_token(key[:-2]) in names.root


def named_suffering(words: Words, actor: Actor) -> bool:
    """The genitive of a noun of suffering, past a number ("مقتل مقاتل إسلامي", "اعتقال
    مسلحين", "استشهاد رجال الأمن", "مقتل 6 مقاتلين"), or the group من names after the
    casualties ("المصابين من رجال الأمن")."""
    j = actor.first - 1
    if j >= 1 and bare(words, j) == "من" and any(c in _CASUALTIES for c in candidates(words.keys[j - 1])):
        return True
    while j >= 0 and is_quantity(words, j):
        j -= 1
    return j >= 0 and any(c in SUFFERING for c in candidates(words.keys[j]))


def is_victim(words: Words, actor: Actor) -> bool:
    """A counted noun ("ثلاثة مسلحين"), a counted partitive ("ثلاثة من عناصر", "15 عنصرا من
    تنظيم داعش": the group the counted dead belong to) or a party
    named as suffering (``named_suffering``): the one killed or arrested, never the author
    of an attack in the sentence."""
    if named_suffering(words, actor):
        return True
    if is_counted(words, actor):
        # "قام عشرة جنود باغتصابها": a counted subject of the light verb قام is the agent
        light = actor.first >= 2 and verb_lemma(words.keys[actor.first - 2], _STAND_IN) is not None
        return not light and not has_object(words, actor)
    lead = actor.first - 1
    if words.text[words.spans[actor.first][0] : actor.start].startswith("و"):
        # A conjunct shares the partitive: "من الأطفال والنساء", "من ميليشيات صالح والحوثي".
        lead = next((j for j in range(lead, max(lead - 3, 0), -1) if bare(words, j) == "من"), lead)
    if lead < 1 or bare(words, lead) != "من":
        return False
    count = lead - 1
    if count >= 2 and key_form(words.keys[count]) == "الاقل" and bare(words, count - 1) in ("على", "علي"):
        count -= 2  # "17 على الأقل من أفراد الأمن": a count hedged by "at least"
    # "15 عنصرا من": a number's accusative noun (tamyiz) between the count and من.
    tamyiz = count >= 1 and words.keys[count].endswith("ا") and _number(words, count - 1)
    return tamyiz or _number(words, count)


def _number(words: Words, j: int) -> bool:
    """A number in digits or words (``is_quantity`` adds words of quantity)."""
    key = key_form(words.keys[j])
    return key.isdigit() or any(c in _NUMBERS for c in candidates(key))


# Nouns of what befalls someone: the actor right after them is who suffered it. Only verbal
# nouns no verb is spelt like (خطف، جرح are verbs too: "وخطف مسلحون"); a caller that knows
# its word is a noun may add them.
SUFFERING = match_set("مقتل مصرع اصابة اصابه اعتقال اغتيال اختطاف اعدام استشهاد وفاة")
# The casualties a من names: "المصابين من رجال الأمن" (the wounded among the security men).
_CASUALTIES = match_set("المصابين مصابين القتلى قتلى الجرحى جرحى الضحايا ضحايا الشهداء شهداء")


def vso_subject(words: Words, hit: Hit, actors: list[Actor]) -> Actor | None:
    """The subject right after a singular verb, past quantity words only ("خرج عدد من الطلاب")."""
    if not hit.verb or is_plural_verb(words, hit):
        return None
    after = next((a for a in actors if hit.last < a.first <= hit.last + 4), None)
    if after is None or is_locative(words, after) or is_governed(words, after) or oblique_plural(words, hit, after):
        return None
    gap = range(hit.last + 1, after.first)
    return after if all(is_quantity(words, j) for j in gap) else None


# Singular role nouns spelt with a final ين, no plural ending: a prisoner, a hostage.
_SINGULAR_IN = frozenset(["سجين", "رهين"])


def oblique_plural(words: Words, hit: Hit, actor: Actor) -> bool:
    """A role noun in the sound plural's oblique case right after the verb (ـين: "وقتل
    المصلين", "يقتل المسلحين") is its object or a verbal noun's genitive; a subject there
    would be nominative (ـون: "وقتل المسلحون الجنود")."""
    key = key_form(words.keys[actor.first])
    plural = key.endswith("ين") and len(key) > 5 and norm_token(key) not in _SINGULAR_IN
    return actor.first == hit.last + 1 and actor.kind == "agent" and plural


def is_quantity(words: Words, j: int) -> bool:
    """A number or quantity word that may stand between a verb and its subject."""
    return _number(words, j) or any(c in _QUANTITY for c in candidates(words.keys[j]))


def has_object(words: Words, actor: Actor) -> bool:
    """A counted sound plural directly followed by a role noun that does not agree with it
    in number is a subject with its object ("قتل عشرة مسلحين جنديا": ten gunmen killed a
    soldier), not the victims of a passive verb; a plural or a nationality after it
    describes it ("خمسة جنود أمريكيين", "ثلاثة مسلحين مجهولين")."""
    j = actor.last + 1
    if j >= len(words.keys) or not key_form(words.keys[actor.last]).endswith(("ين", "ون")):
        return False
    found = lexicon(Language.ARABIC).match(words.keys, j)
    if found is None or found[1] or found[0].kind in ("adj", "country", "city"):
        return False
    return not key_form(words.keys[j]).endswith(("ين", "ون"))


# Imperfect verbs of driving, carrying and wearing: what follows them is their object.
_CARRY_VERBS = word_set("قود حمل استقل ارتدي ركب")  # يقود: the stemmer's hollow stem


def carrier(words: Words, actor: Actor, actors: list[Actor]) -> Actor | None:
    """The actor that drives, carries or wears the one in subject position: in "انتحاريا
    يقود سيارة مفخخة، فجر نفسه" the car bomb is the object of يقود, and the bomber before
    it is the subject of فجر."""
    verb = actor.first - 1
    found = verb_lemma(words.keys[verb], _CARRY_VERBS) if verb >= 1 else None
    if found is None or not found[1]:
        return None
    return next((a for a in actors if a.last == verb - 1), None)
