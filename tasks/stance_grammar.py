"""Clause grammar shared by the stance role rules: where a clause starts, which actor is a
preposition's object or a counted victim, which verb forms take a subject after them, and
when two mentions are one party (places: ``tasks.stance_places``).

Kept apart from the role rules (``tasks.stance_roles``, ``tasks.stance_targets``) and their
violence and protest specialisations (``tasks.stance_violence``, ``tasks.stance_victims``,
``tasks.stance_protest``), which all build on it.
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
from tasks.stance_cues import CLAUSE_BREAK, Hit, bare, is_break
from tasks.stance_lexicon import PRONOUNS, strip_conj, verb_lemma
from tasks.stance_places import is_locative, is_town, place_head


def match_set(text: str) -> frozenset[str]:
    """A word list in both its written and its matching form (``candidates`` yields the
    latter: آلاف → اف, مئات → ميات), so look-ups through either succeed."""
    words = word_set(text)
    return words | {norm_token(w) for w in words}


FILLERS = frozenset(["قد", "لم", "لن", "لا", "ما", "كان", "كانت", "وكان", "وكانت", "،", ",", "-", "(", ")"])

# "according to": the actor after it is the source of the report, never a party.
ATTRIBUTION = key_set("وفقا طبقا حسب بحسب حسبما نقلا")

TARGET_BREAK = (
    frozenset(["بينما", "لكن", "حيث", ";", "؛", "while", "but", "whereas"])
    | key_set("عندما لأن لان بعدما كي لكي إذ إلا فيما")
    | key_set("قوله قولها قولهم")  # "… انضم للمتظاهرين قوله إن": what follows is his speech
    | ATTRIBUTION
)

TARGET_BREAK_EN = TARGET_BREAK | {","}

_NUMBERS = match_set(
    "اثنين اثنان ثلاث ثلاثه اربع اربعه خمس خمسه ست سته سبع سبعه ثماني ثمانيه تسع تسعه عشر عشره عشرات "
    "مئات الاف عشرين ثلاثين اربعين خمسين مائه ميه الف عدد احد احدي"
)

ARMED = word_set("UAF REB IMG RAD CRM")

# Words before an attack noun that make it the circumstance of what befell someone
# ("قتل 12 شخصا في هجوم", "جراء قصف", "إثر انفجار").
IN_ATTACK = key_set("في جراء إثر اثر خلال")

# بين "between", which opens the two sides of a fight ("اشتباكات بين الجيش والمسلحين").
BETWEEN = key_set("بين وبين")

_FORCES = word_set("MIL COP SPY")

# Prepositions written as words; من is left out, it heads partitive subjects (عدد من الطلاب).
_PREPOSITIONS = key_set("إلى الى على علي عن مع لدى ضد نحو عبر حول")
# Relative pronouns, in key form.
RELATIVES = key_set("الذي التي الذين اللذين اللتين اللواتي اللاتي")

# Roles that speak for a state: a country with one of these (or none) is that state.
_STATE_ROLES = frozenset(["", "GOV", "MIL", "COP", "SPY", "JUD", "LEG", "ELI"])

# Unarmed groups that still clash with the police: protesters, students, workers.
_CLASHING = word_set("OPP EDU LAB")

_INTRANSITIVE = word_set("اشتبك انفجر اصطدم")

_TO_PLACES = word_set("اقتحم احرق دمر نهب اضرم هدم قصف اغار")

_STAND_IN = frozenset(["قام"])

_QUANTITY = match_set("من نحو حوالي قرابة زهاء الفي الفا مئتي مئتا اكثر الاف امس اليوم ابناء افراد")


def is_violent(hit: Hit) -> bool:
    """Coercion, assault, fight or mass violence (CAMEO 17–20)."""
    return hit.code[:2] in ("17", "18", "19", "20")


def role(actor: Actor) -> str:
    """The actor's role code: the three letters after its country (RUSGOV → GOV, PSEOPP →
    OPP), else its first three (MIL, GOVLAB → GOV: a labour ministry is a government body,
    not a union; SOMCVLELI → CVL)."""
    return actor.code[3:6] if actor.country else actor.code[:3]


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
    الباكستانية": where a strike hit, not who struck)."""
    if is_locative(words, actor) or (hit.verb and is_governed(words, actor) and not _may_govern(words, actor)):
        return False
    if is_source(words, actor) or place_head(words, actor):
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


WEAPONS = match_set("سيارة شاحنة عبوة عبوات حزام احزمة دراجة")


def is_weapon(words: Words, actor: Actor) -> bool:
    """A bomb the dictionaries list as an armed actor (سيارة مفخخة، عبوة ناسفة، حزام
    ناسف), any booby-trapped thing ("شاحنته الملغومة"), or a make quoted after a rocket or
    shell (صواريخ "قسام", قذائف "هاون"): it may stand for the unnamed attacker, but it is
    never what was attacked."""
    quoted = actor.first >= 2 and words.keys[actor.first - 1] == '"'
    if quoted and any(c in _PROJECTILES for c in candidates(words.keys[actor.first - 2])):
        return True
    trapped = any(c in _TRAPPED for c in candidates(words.keys[actor.last]))
    return role(actor) in ARMED and (trapped or any(c in WEAPONS for c in candidates(words.keys[actor.first])))


_PROJECTILES = match_set("صاروخ صواريخ قذيفة قذائف راجمة راجمات")
_TRAPPED = match_set("مفخخ مفخخة ملغوم ملغومة")


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


def is_governed(words: Words, actor: Actor) -> bool:
    """Whether the actor's first word carries a preposition clitic (ب، ل، ك after an
    optional و/ف): "بباكستان", "للشرطة", "وبالجيش" are objects or places, never subjects."""
    peeled = key_form(words.keys[actor.first])[: actor.start - words.spans[actor.first][0]]
    if peeled[:1] in ("و", "ف"):
        peeled = peeled[1:]
    return peeled[:1] in ("ب", "ل", "ك")


def is_plural_verb(words: Words, hit: Hit) -> bool:
    """A verb cue with a plural subject ending (ينددون، هاجموا). Arabic puts such a verb
    after its subject; a verb that comes first stays singular (هاجم المسلحون), so a plural
    verb has no subject after it."""
    if not hit.verb or hit.english:
        return False
    key = key_form(words.keys[hit.first])
    return key.endswith(("ون", "وا")) and not hit.lemma.endswith(("ون", "وا"))


def conjoined(words: Words, hit: Hit) -> bool:
    """A verb cue opening with the conjunction و or ف ("وساروا", "فهاجموا"), not with a
    letter of its own lemma (فرّق، فجّر، وعد)."""
    key = key_form(words.keys[hit.first])
    if not hit.verb or key[:1] not in "وف":
        return False
    return not (hit.lemma.startswith(key[0]) and key[1:2] != key[0])


def is_plural_form(token: str) -> bool:
    """A word with the past-tense plural ending (نظموا، رفعوا): a verb whose subject precedes it."""
    key = strip_conj(key_form(token))[-1]
    return len(key) >= 5 and key.endswith("وا")


def is_counted(words: Words, actor: Actor) -> bool:
    """ "قتل 12 شخصا", "قتل أربعة أشخاص": a counted noun after the verb is the victim of a
    passive verb (unvowelled, قُتل and قَتل look alike), not its subject."""
    if is_dual(words, actor):
        return True
    if actor.first == 0:
        return False
    prev = key_form(words.keys[actor.first - 1])
    return prev.isdigit() or any(c in _NUMBERS for c in candidates(prev))


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


def is_victim(words: Words, actor: Actor) -> bool:
    """A counted noun ("ثلاثة مسلحين"), a counted partitive ("ثلاثة من عناصر") or the
    genitive of a noun of suffering ("مقتل مقاتل إسلامي", "اعتقال مسلحين"): the one killed
    or arrested, never the author of an attack in the sentence."""
    if actor.first > 0 and any(c in _SUFFERING for c in candidates(words.keys[actor.first - 1])):
        return True
    if is_counted(words, actor):
        # "قام عشرة جنود باغتصابها": a counted subject of the light verb قام is the agent
        light = actor.first >= 2 and verb_lemma(words.keys[actor.first - 2], _STAND_IN) is not None
        return not light and not has_object(words, actor)
    if actor.first < 2 or bare(words, actor.first - 1) != "من":
        return False
    count = actor.first - 2
    if count >= 2 and key_form(words.keys[count]) == "الاقل" and bare(words, count - 1) in ("على", "علي"):
        count -= 2  # "17 على الأقل من أفراد الأمن": a count hedged by "at least"
    prev = key_form(words.keys[count])
    return prev.isdigit() or any(c in _NUMBERS for c in candidates(prev))


# Nouns of what befalls someone: the actor right after them is who suffered it. Only verbal
# nouns no verb is spelt like (خطف، جرح are verbs too: "وخطف مسلحون").
_SUFFERING = match_set("مقتل مصرع اصابة اصابه اعتقال اغتيال اختطاف اعدام")


def clause_start(words: Words, i: int, lo: int) -> int:
    """The first word of the clause word ``i`` is in (after أن، بينما، a comma …)."""
    return next((j + 1 for j in range(i - 1, lo - 1, -1) if is_break(words, j, CLAUSE_BREAK)), lo)


def is_pronoun_complement(word: str) -> bool:
    """أنه، أنها، بأنهم: a complementizer carrying the subject pronoun of its clause."""
    key = key_form(word)
    return any(key.endswith("ان" + p) and len(key) <= len(p) + 4 for p in PRONOUNS)


def same_party(a: Actor, b: Actor) -> bool:
    """One party: the same mention or name (دحلان and محمد دحلان), or the same state (the
    Kremlin and Moscow are both Russia). Two bare roles with one code are two groups ("مستوطنون هاجموا
    المواطنين": settlers and villagers are both CVL), and so are a state and a non-state
    group of its country (Afghan Taliban and Afghan civilians, protesters and their
    government)."""
    words_a, words_b = set(a.text.split()), set(b.text.split())
    if (a.start, a.end) == (b.start, b.end) or words_a <= words_b or words_b <= words_a:
        return True
    return bool(a.country and a.country == b.country and _state(a) and _state(b))


def _state(actor: Actor) -> bool:
    return actor.code[3:6] in _STATE_ROLES


def has_object_pronoun(token: str, lemma: str) -> bool:
    """Whether a verb carries an object pronoun (خطفهم, هاجمها, انتقدوه)."""
    key = strip_conj(key_form(token))[-1]
    if key == lemma:
        return False
    return key.endswith(("هم", "ها", "هما")) or (key.endswith("ه") and not lemma.endswith("ه"))


def construct_object(words: Words, hit: Hit, actor: Actor) -> bool:
    """An actor that is the definite genitive object inside a phrase cue whose head has no
    article: "تفريق المتظاهرين" (dispersing the protesters) names whom it was done to. In
    "العمليات الانتحارية" noun and adjective share the article; the actor describes the act."""
    inside = hit.first < actor.first and actor.last <= hit.last
    return inside and is_article(words.keys[actor.first]) and not is_definite(words.keys[hit.first])


def is_definite(token: str) -> bool:
    key = key_form(token)
    return key.startswith(("ال", "وال", "بال", "لل", "فال"))


def vso_subject(words: Words, hit: Hit, actors: list[Actor]) -> Actor | None:
    """The subject right after a singular verb, past quantity words only ("خرج عدد من الطلاب")."""
    if not hit.verb or is_plural_verb(words, hit):
        return None
    after = next((a for a in actors if hit.last < a.first <= hit.last + 4), None)
    if after is None or is_locative(words, after) or is_governed(words, after):
        return None
    gap = range(hit.last + 1, after.first)
    return after if all(is_quantity(words, j) for j in gap) else None


def is_quantity(words: Words, j: int) -> bool:
    """A number or quantity word that may stand between a verb and its subject."""
    key = key_form(words.keys[j])
    return key.isdigit() or any(c in _NUMBERS or c in _QUANTITY for c in candidates(key))


def following(words: Words, start: int, hi: int, count: int) -> list[int]:
    """The next ``count`` word positions from ``start``, passing over a parenthesised aside
    ("خطف في وسط مدينة تيزي وزو (110 كلم شرق العاصمة) من قبل مسلحين"): a distance or a
    date in brackets does not push the agent out of reach."""
    out: list[int] = []
    depth = 0
    for j in range(start, hi):
        token = words.keys[j]
        depth += (token == "(") - (token == ")")
        if depth == 0 and token != ")":
            out.append(j)
            if len(out) == count:
                break
    return out


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
