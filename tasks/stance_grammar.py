"""Clause grammar shared by the stance role rules: where a clause starts, which actor is a
preposition's object or a weapon, which verb forms are plural or joined by و, which word is
a verbal noun of doing (``is_masdar``), and when two mentions are one party (places:
``tasks.stance_places``; whether an actor may be a cue's subject at all:
``tasks.stance_subjects``).

Kept apart from the role rules (``tasks.stance_roles``, ``tasks.stance_targets``,
``tasks.stance_subjects``) and their violence and protest specialisations
(``tasks.stance_violence``, ``tasks.stance_victims``, ``tasks.stance_protest``), which all
build on it.
"""

from __future__ import annotations

from tasks.actors import Actor, Words, candidates, is_article, key_set, norm_token, word_set
from tasks.normalize import key_form
from tasks.stance_cues import CLAUSE_BREAK, Hit, is_break
from tasks.stance_lexicon import PRONOUNS, strip_conj


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

ARMED = word_set("UAF REB IMG RAD CRM")

# Words before an attack noun that make it the circumstance of what befell someone
# ("قتل 12 شخصا في هجوم", "جراء قصف", "إثر انفجار").
IN_ATTACK = key_set("في جراء إثر اثر خلال")

# بين "between", which opens the two sides of a fight ("اشتباكات بين الجيش والمسلحين").
BETWEEN = key_set("بين وبين")

# Relative pronouns, in key form.
RELATIVES = key_set("الذي التي الذين اللذين اللتين اللواتي اللاتي")

# Roles that speak for a state: a country with one of these (or none) is that state.
_STATE_ROLES = frozenset(["", "GOV", "MIL", "COP", "SPY", "JUD", "LEG", "ELI"])


def is_violent(hit: Hit) -> bool:
    """Coercion, assault, fight or mass violence (CAMEO 17–20)."""
    return hit.code[:2] in ("17", "18", "19", "20")


def role(actor: Actor) -> str:
    """The actor's role code: the three letters after its country (RUSGOV → GOV, PSEOPP →
    OPP), else its first three (MIL, GOVLAB → GOV: a labour ministry is a government body,
    not a union; SOMCVLELI → CVL)."""
    return actor.code[3:6] if actor.country else actor.code[:3]


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


_OBJECT_PRONOUNS = ("هما", "هم", "ها", "ه")
_SUBJECT_ENDINGS = ("", "وا", "و", "ت", "ا", "نا", "تم", "ن")


def has_object_pronoun(token: str, lemma: str) -> bool:
    """Whether a verb carries an object pronoun (خطفهم, هاجمها, انتقدوه, اتهمته): what is
    left without the pronoun, and without a subject ending, ends as the lemma does. A lemma
    may end in the pronoun's letters itself: تتهم is "accuses", not ت + ته + هم."""
    key = strip_conj(key_form(token))[-1]
    if key == lemma:
        return False
    for pronoun in _OBJECT_PRONOUNS:
        rest = key[: -len(pronoun)]
        stems = (rest[: len(rest) - len(end)] for end in _SUBJECT_ENDINGS if rest.endswith(end))
        if key.endswith(pronoun) and any(stem.endswith(lemma[-1:]) for stem in stems):
            return True
    return False


def construct_object(words: Words, hit: Hit, actor: Actor) -> bool:
    """An actor that is the definite genitive object inside a phrase cue whose head has no
    article: "تفريق المتظاهرين" (dispersing the protesters) names whom it was done to. In
    "العمليات الانتحارية" noun and adjective share the article; the actor describes the act."""
    inside = hit.first < actor.first and actor.last <= hit.last
    return inside and is_article(words.keys[actor.first]) and not is_definite(words.keys[hit.first])


def is_definite(token: str) -> bool:
    key = key_form(token)
    return key.startswith(("ال", "وال", "بال", "لل", "فال"))


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


# استهدف "targeted" with a verbal noun for object is "aimed at doing"; first-form verbal
# nouns it takes so (derived forms are told by their pattern, ``is_masdar``).
AIMING = frozenset(["استهدف"])
_PLAIN_MASDARS = match_set("محو قتل ضرب خطف قصف سيطرة السيطرة نهب حرق")


def is_masdar(token: str) -> bool:
    """A verbal noun of doing something to someone: the pattern تفعيل (تفجير، تدمير، تهجير)
    or a first-form one of violence and control (قتل، محو، السيطرة). افتعال and its kin are
    left out, since they also name gatherings an attack may target (اجتماع، احتفال، اعتصام),
    and so is إفعال, which unvowelled is the plural أفعال (أتباع "followers")."""
    key = key_form(token)
    key = key[2:] if key.startswith("ال") else key
    return (len(key) == 5 and key[0] == "ت" and key[3] == "ي") or any(c in _PLAIN_MASDARS for c in candidates(token))
