"""Role assignment for stance tagging: which actor holds a cue and which is its target.

Roles follow Arabic clause order (see ``tasks.stance``); violence, protest and reciprocal
cues have rules of their own because news prose reports them in passive, nominal and
crowd-subject forms that plain subject-verb-object order gets wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from tasks.actors import Actor, Words, candidates, country_codes, norm_token, word_set
from tasks.normalize import key_form
from tasks.stance_cues import CLAUSE_BREAK, PRONOUNS, Hit, bare, is_break, strip_conj, verb_lemma


def _match_set(text: str) -> frozenset[str]:
    """A word list in both its written and its matching form (``candidates`` yields the
    latter: آلاف → اف, مئات → ميات), so look-ups through either succeed."""
    words = word_set(text)
    return words | {norm_token(w) for w in words}


_FILLERS = frozenset(["قد", "لم", "لن", "لا", "ما", "كان", "كانت", "وكان", "وكانت", "،", ",", "-", "(", ")"])
_TARGET_BREAK = frozenset(["بينما", "لكن", "حيث", ";", "؛", "while", "but", "whereas"])
_TARGET_BREAK_EN = _TARGET_BREAK | {","}
_POSSESSIVE_EN = word_set("its their his her")
# In key form too (مدينة → مدينه), the form ``bare`` gives.
_PLACE_PREPS = frozenset(
    key_form(w)
    for w in word_set(
        "في قرب شمال جنوب شرق غرب وسط داخل خارج بالقرب مدينة بلدة منطقة محافظة عاصمة خليج ضاحية قضاء مخيم "
        "حي شارع ولاية اقليم قرية مناطق انحاء مدن امام near in at"
    )
)
_NUMBERS = _match_set(
    "اثنين اثنان ثلاث ثلاثه اربع اربعه خمس خمسه ست سته سبع سبعه ثماني ثمانيه تسع تسعه عشر عشره عشرات "
    "مئات الاف عشرين ثلاثين اربعين خمسين مائه ميه الف عدد"
)
_AGENT_MARKERS = word_set("نفذ نفذه نفذته نفذها نفذت شنه شنته شنت شنها يد ايدي تبني تبناه تبنته تبنت برصاص")
_ARMED = word_set("UAF REB IMG RAD CRM")
_CROWDS = word_set("CVL OPP EDU LAB")
# Verbs that are protest events only when a crowd is their subject (خرج المتظاهرون, سار
# الطلاب, تجمع الآلاف); "خرج الرئيس" is no protest.
_CROWD_VERBS = word_set("تجمع سار خرج تدفق احتشد انضم")
_FORCES = word_set("MIL COP SPY")
_ATTACK_NOUNS = _match_set("هجوم هجمات تفجير تفجيرات انفجار اعتداء اعتداءات غارة غارات قصف عملية عمليات كمين")
_RELATIVES = word_set("الذي التي الذين اللذين اللتين اللواتي اللاتي")
# Places and things attacks and protests are aimed at, in match form.
_THINGS = _match_set(
    "مقر مقرات مكتب مكاتب مستشفى مستشفي سوق اسواق فندق سفينة سفن دورية دوريات موكب قافلة قوافل منزل منازل "
    "مسجد كنيسة مدرسة حافلة حافلات سيارة سيارات طائرة طائرات مبنى مبني مركز حاجز معبر مصنع محطة جسر "
    "بوابة نقطة ثكنة قاعدة"
)
_PASSIVE_LEMMAS = word_set("اصيب")
_EXPOSED = word_set("تعرض")
_SOLIDARITY = _match_set("تضامنا تضامن دعما دعم تاييدا تاييد نصرة مساندة مساندين")
_SLOGANS = _match_set("شعارات شعار لافتات لافتة هتافات يافطات")
_CROWD_SIZES = _match_set("آلاف ألوف مئات عشرات")
_WITH_VERBS = word_set("اشتبك اصطدم تعاون اجتمع التقي تحالف تبادل")
_LIGHT_VERBS = word_set("قام اقدم")
_IN_ATTACK = word_set("في جراء اثر خلال")
# Roles that speak for a state: a country with one of these (or none) is that state.
_STATE_ROLES = frozenset(["", "GOV", "MIL", "COP", "SPY", "JUD", "LEG", "ELI"])
_INTRANSITIVE = word_set("اشتبك انفجر اصطدم")
# Human groups that can hold a protest when they are its grammatical subject.
_GROUPS = word_set("PTY LAB REF")
_QUANTITY = _match_set("من نحو حوالي قرابة زهاء الفي الفا مئتي مئتا اكثر الاف امس اليوم ابناء افراد")


@dataclass
class Speech:
    verb: int
    speaker: Actor | None
    quote: int
    note: str | None = None


def _holder(
    words: Words, hit: Hit, actors: list[Actor], lo: int, sent_lo: int, previous: Hit | None, roles: dict
) -> Actor | None:
    """The cue's subject; see the module docstring for the order of the rules.

    A cue right after ``أنه/أنها/بأنهم`` has that pronoun for subject, which points back
    to the nearest actor before it ("نفت روسيا أنها هاجمت"). An actor earlier in the same
    clause is the subject (SVO, the only order after أن); a clause that opens with the
    verb takes the actor right after it (VSO).
    """
    before = hit.first - 1
    while before > sent_lo and bare(words, before) in _FILLERS:
        before -= 1
    if before >= sent_lo and _is_pronoun_complement(words.keys[before]):
        earlier = [a for a in actors if sent_lo <= a.first and a.last < before and not _locative(words, a)]
        return earlier[-1] if earlier else None
    shared = hit.verb and previous is not None and words.keys[hit.first][:1] in "وف" and id(previous) in roles
    if shared and not any(a.last == before for a in actors):
        return roles[id(previous)]
    adjacent = [
        a
        for a in actors
        if a.last < hit.first and all(bare(words, j) in _FILLERS for j in range(a.last + 1, hit.first))
    ]
    close = adjacent and hit.first - adjacent[-1].last <= 3 and adjacent[-1].first >= sent_lo
    place = close and (adjacent[-1].kind == "country" or _town(adjacent[-1]))
    if place and any(words.keys[j] in ("،", ",") for j in range(adjacent[-1].last + 1, hit.first)):
        # "…دخلت غزة، اشتبك العشرات من المتظاهرين": a place before the comma ends the last
        # clause; a verb opening the next one has its subject after it. A person before the
        # comma is a fronted subject ("وزير الدفاع الروسي سيرغي شويغو، ناشد").
        vso = _vso_subject(words, hit, actors)
        if vso is not None and _can_hold(words, vso, hit):
            return vso
    if close and _can_hold(words, adjacent[-1], hit):
        return adjacent[-1]
    clause = _clause_start(words, hit.first, lo)
    earlier = [a for a in actors if clause <= a.first and a.last < hit.first and _can_hold(words, a, hit)]
    if earlier and hit.english and bare(words, hit.first - 1) in _POSSESSIVE_EN:
        return earlier[0]
    if earlier:
        return earlier[-1]
    if hit.verb and not _plural_verb(words, hit):
        after = [a for a in actors if hit.last < a.first <= hit.last + 6 and not _locative(words, a)]
        if (
            after
            and not any(is_break(words, j, CLAUSE_BREAK) for j in range(hit.last + 1, after[0].first))
            and _can_hold(words, after[0], hit)
        ):
            return after[0]
    return None


def _violent(hit: Hit) -> bool:
    return hit.code[:2] in ("17", "18", "19", "20")


def _can_hold(words: Words, actor: Actor, hit: Hit) -> bool:
    """Whether an actor in subject position can be the holder. Places cannot; for violence,
    counted nouns ("خمسة مدنيين قتلوا") and counted partitives ("ثلاثة من عناصر") are
    victims of a passive verb, and an attack noun (هجوم, مقتل) takes only an armed actor,
    a force (army, police) or a named state, not a bare nationality adjective.

    Grammar rules out two more for verbs: a subject never carries a preposition
    ("بباكستان", "للمتظاهرين"; a noun cue's holder may: "لروسيا … في حربها"; an attack's
    weapon may: "هجوم بسيارة مفخخة استهدف …" has the car bomb for author), and a country
    or town is singular, so it cannot be the subject of a verb with a plural ending
    ("الخرطوم ينددون": the protesters condemn)."""
    if _locative(words, actor) or (hit.verb and _governed(words, actor) and not _may_govern(words, actor)):
        return False
    if (actor.kind == "country" or _town(actor)) and actor.last < hit.first and _plural_verb(words, hit):
        return False
    if not _violent(hit):
        return True
    if _victim(words, actor) and not _active_only(hit):
        return False
    state = actor.country is not None and actor.kind != "adj" and actor.code[-3:] != "CVL"
    return hit.verb or actor.code[-3:] in _ARMED or actor.code[-3:] in _FORCES or state


def _active_only(hit: Hit) -> bool:
    """A past-tense verb whose spelling has no passive reading: form III (هاجم; the passive
    is هوجم), forms V and VI (تظاهر) and intransitive VII/VIII (انفجر, اشتبك). Their counted
    subject ("هاجم آلاف المتظاهرين", "العشرات من المستوطنين هاجموا") is the attacker, not a
    victim as after the ambiguous قتل (قَتل/قُتل)."""
    lemma = hit.lemma
    if not hit.verb or hit.imperfect or hit.english or len(lemma) < 4:
        return False
    return (len(lemma) == 4 and lemma[1] == "ا") or lemma[0] == "ت" or lemma in _INTRANSITIVE


def _may_govern(words: Words, actor: Actor) -> bool:
    """An actor under a preposition that still heads a verb: an attack's weapon, and the
    antecedent of a relative pronoun ("للقوات الأميركية التي تقاتل", "للمتظاهرين الذين يحتلون")."""
    nxt = actor.last + 1
    return actor.code[-3:] in _ARMED or (nxt < len(words.keys) and bare(words, nxt) in _RELATIVES)


def _governed(words: Words, actor: Actor) -> bool:
    """Whether the actor's first word carries a preposition clitic (ب، ل، ك after an
    optional و/ف): "بباكستان", "للشرطة", "وبالجيش" are objects or places, never subjects."""
    peeled = key_form(words.keys[actor.first])[: actor.start - words.spans[actor.first][0]]
    if peeled[:1] in ("و", "ف"):
        peeled = peeled[1:]
    return peeled[:1] in ("ب", "ل", "ك")


def _plural_verb(words: Words, hit: Hit) -> bool:
    """A verb cue with a plural subject ending (ينددون، هاجموا). Arabic puts such a verb
    after its subject; a verb that comes first stays singular (هاجم المسلحون), so a plural
    verb has no subject after it."""
    if not hit.verb or hit.english:
        return False
    key = key_form(words.keys[hit.first])
    return key.endswith(("ون", "وا")) and not hit.lemma.endswith(("ون", "وا"))


def _plural_form(token: str) -> bool:
    """A word with the past-tense plural ending (نظموا، رفعوا): a verb whose subject precedes it."""
    key = strip_conj(key_form(token))[-1]
    return len(key) >= 5 and key.endswith("وا")


def _counted(words: Words, actor: Actor) -> bool:
    """ "قتل 12 شخصا", "قتل أربعة أشخاص": a counted noun after the verb is the victim of a
    passive verb (unvowelled, قُتل and قَتل look alike), not its subject."""
    if actor.first == 0:
        return False
    prev = key_form(words.keys[actor.first - 1])
    return prev.isdigit() or any(c in _NUMBERS for c in candidates(prev))


def _perpetrator(words: Words, hit: Hit, actors: list[Actor], lo: int, hi: int) -> Actor | None:
    """For violence with no subject in sight: the agent after نفذه/شنه/على يد, else an
    armed non-state actor (مسلحون, انتحاري, سيارة مفخخة) named in the sentence, as event
    coders record the attacker, even an unidentified one."""
    agent = _marked_agent(words, actors, lo, hi)
    if agent is not None:
        return agent
    armed = [
        a
        for a in actors
        if a.code[-3:] in _ARMED
        and not (a.first <= hit.first <= a.last)
        and not _victim(words, a)
        and (a.first != hit.last + 1 or hit.code == "183")  # "انفجار سيارة مفخخة" names the weapon
    ]
    return armed[0] if armed else None


def _marked_agent(words: Words, actors: list[Actor], lo: int, hi: int) -> Actor | None:
    """The actor after نفذه/شنه/تبنته/على يد/برصاص/من قبل (up to six words on)."""
    for j in range(lo, hi - 1):
        by = bare(words, j) == "قبل" and j > lo and bare(words, j - 1) == "من"
        if by or any(c in _AGENT_MARKERS for c in candidates(words.keys[j])):
            agent = next((a for a in actors if j < a.first <= j + 6 and not _locative(words, a)), None)
            if agent:
                return agent
    return None


def _victim(words: Words, actor: Actor) -> bool:
    """A counted noun ("ثلاثة مسلحين") or a counted partitive ("ثلاثة من عناصر")."""
    if _counted(words, actor):
        # "قام عشرة جنود باغتصابها": a counted subject of the light verb قام is the agent
        light = actor.first >= 2 and verb_lemma(words.keys[actor.first - 2], frozenset({"قام"})) is not None
        return not light
    if actor.first < 2 or bare(words, actor.first - 1) != "من":
        return False
    prev = key_form(words.keys[actor.first - 2])
    return prev.isdigit() or any(c in _NUMBERS for c in candidates(prev))


def _clause_start(words: Words, i: int, lo: int) -> int:
    return next((j + 1 for j in range(i - 1, lo - 1, -1) if is_break(words, j, CLAUSE_BREAK)), lo)


def _locative(words: Words, actor: Actor) -> bool:
    """A place after في/قرب/شمال… (or glued ب) is where something happened, not a party."""
    if actor.kind not in ("country", "city") and actor.code not in country_codes():
        return False
    if _town(actor) and words.keys[actor.first][:1] == "ب" and actor.start > words.spans[actor.first][0]:
        return True
    if actor.first == 0:
        return False
    prev = bare(words, actor.first - 1)
    return prev in _PLACE_PREPS or (prev[:1] == "و" and prev[1:] in _PLACE_PREPS)


def _town(actor: Actor) -> bool:
    """A city, or a dictionary actor coded with a bare country code (صنعاء YEM, نينوى IRQ):
    the UniversalPetrarch list codes towns and regions that way, and country names
    themselves come from CLDR with kind ``country``."""
    return actor.kind == "city" or (actor.kind == "actor" and actor.code in country_codes())


def _is_pronoun_complement(word: str) -> bool:
    key = key_form(word)
    return any(key.endswith("ان" + p) and len(key) <= len(p) + 4 for p in PRONOUNS)


def _pair(words: Words, actors: list[Actor], lo: int, hi: int) -> tuple[Actor, Actor] | None:
    """Two actors joined by و (A وB), first such pair in ``[lo, hi)``."""
    span = [a for a in actors if lo <= a.first and a.last < hi]
    for a, b in pairwise(span):
        if (b.first == a.last + 1 and words.keys[b.first][:1] == "و") or (
            b.first == a.last + 2 and words.keys[a.last + 1].lower() == "and"
        ):
            return a, b
    return None


def _same(a: Actor, b: Actor) -> bool:
    """One party: the same mention or name (دحلان and محمد دحلان), or the same state (the Kremlin and Moscow are
    both Russia). Two bare roles with one code are two groups ("مستوطنون هاجموا
    المواطنين": settlers and villagers are both CVL), and so are a state and a non-state
    group of its country (Afghan Taliban and Afghan civilians, protesters and their
    government)."""
    words_a, words_b = set(a.text.split()), set(b.text.split())
    if (a.start, a.end) == (b.start, b.end) or words_a <= words_b or words_b <= words_a:
        return True
    return bool(a.country and a.country == b.country and _state(a) and _state(b))


def _state(actor: Actor) -> bool:
    return actor.code[3:6] in _STATE_ROLES


def _verbal(code: str) -> bool:
    """Codes for what an actor says (CAMEO 01–05 and 09–13: comment, appeal, intend,
    consult, endorse, investigate, demand, disapprove, reject, threaten): a speaker can hold
    these; material acts (aid, force, violence) are only reported by the speaker."""
    return code[:2] in ("01", "02", "03", "04", "05", "09", "10", "11", "12", "13")


def assign_roles(
    words: Words,
    hit: Hit,
    actors: list[Actor],
    lo: int,
    hi: int,
    speech: Speech | None,
    previous: Hit | None,
    roles: dict,
) -> tuple[Actor, Actor, float] | None:
    speaker = speech.speaker if speech and _verbal(hit.code) else None
    clause = _clause_start(words, hit.first, lo)
    if _violent(hit):
        passive = (_passive if hit.verb else _suffered)(words, hit, actors, clause, hi)
        if passive is not None:
            return passive or None
    fronted = _fronted_object(words, hit, actors, clause)
    if fronted is not None:
        return fronted
    if hit.layout == "tgt":
        before = [a for a in actors if clause <= a.first and a.last < hit.first]
        return (speaker, before[-1], 0.6) if speaker and before and not _same(speaker, before[-1]) else None
    if hit.layout == "rec":
        pair = _pair(words, actors, clause, hit.first) or _pair(words, actors, hit.last + 1, hi)
        if pair:
            a, b = pair
            if b.code[-3:] == "OPP" and a.code[-3:] != "OPP":
                a, b = b, a  # "مواجهات بين الشرطة والمتظاهرين": the protesters' event
            if speaker and speaker.country and speaker.country == b.country:
                a, b = b, a
            if speaker and speaker.country and speaker.country == a.country:
                return (speaker, b, 0.7)
            return (a, b, 0.6)
    quote = max(lo, speech.quote if speech else lo)
    light = _light_subject(words, hit, actors, quote)
    holder = light or _holder(words, hit, actors, quote, lo, previous, roles)
    if _slogan_verb(words, hit, lo):
        holder = _protester(words, hit, actors, lo, hi, None, None)
    confidence = 0.7
    if holder is not None and speech is not None and holder is speech.speaker and not _verbal(hit.code):
        holder = None  # "أعلنت الشرطة مقتل …": the police report the killing
    if _violent(hit) and not hit.verb:
        # "الهجوم الإسرائيلي", "غارة أميركية": a nationality adjective on an attack noun is its author.
        adj = next(
            (a for a in actors if a.first == hit.last + 1 and (a.kind == "adj" or _armed_adj(words, hit, a))), None
        )
        holder = adj or holder
    if hit.code[:2] == "14":
        # "وأضاف النشطاء أن رجالا ونساء نظموا مسيرة": the activists report the march.
        pool = [a for a in actors if speech is None or a is not speech.speaker]
        shared = hit.verb and previous is not None and words.keys[hit.first][:1] in "وف"
        holder = _protester(words, hit, pool, lo, hi, holder, roles.get(id(previous)) if shared else None)
        if holder is None and hit.lemma in _CROWD_VERBS:
            return None
    if holder is None or (speaker and holder.country and holder.country == speaker.country):
        holder, confidence = speaker, 0.6
    if holder is None and _violent(hit):
        holder, confidence = _perpetrator(words, hit, actors, lo, hi), 0.5
    elif holder is None and hit.code[:2] == "14":
        crowd = [a for a in actors if lo <= a.first < hi and a.code[-3:] in _CROWDS and not _locative(words, a)]
        holder, confidence = (crowd[0], 0.5) if crowd else (None, 0.0)
    if holder is None:
        return None
    roles[id(hit)] = holder
    target = _target(words, hit, actors, holder, clause, hi)
    if target is None and light is not None:
        target = _pronoun_referent(words, hit, actors, holder, lo)
    if target is None:
        return None
    return holder, target, confidence + (0.1 if holder.country and target.country else 0.0)


def _slogan_verb(words: Words, hit: Hit, lo: int) -> bool:
    """A verb whose subject is a slogan or banner ("شعارات تندد", "لافتات تطالب",
    "هتافات تدين"): what the banner says, the crowd carrying it says."""
    return hit.verb and hit.first > lo and any(c in _SLOGANS for c in candidates(words.keys[hit.first - 1]))


def _pronoun_referent(words: Words, hit: Hit, actors: list[Actor], holder: Actor, lo: int) -> Actor | None:
    """The actor an object pronoun on a noun cue points back to ("قام الجنود باغتصابها":
    her, the girl named before): the nearest actor before the holder."""
    if not key_form(words.keys[hit.last]).endswith(("ها", "هم", "هما")):
        return None
    before = [a for a in actors if lo <= a.first and a.last < holder.first and not _locative(words, a)]
    return before[-1] if before and not _same(before[-1], holder) else None


def _fronted_object(words: Words, hit: Hit, actors: list[Actor], clause: int) -> tuple[Actor, Actor, float] | None:
    """Object first, then the verb with a pronoun for it, then the subject: "عسكريين
    ماليين خطفهم مقاتلو الطوارق" (Malian soldiers, Tuareg fighters kidnapped them). The
    actor right after such a verb is the holder, the actor the pronoun points back to
    the target."""
    if not hit.verb or hit.english or not _object_pronoun(words.keys[hit.first], hit.lemma):
        return None
    after = next((a for a in actors if hit.last < a.first <= hit.last + 2), None)
    if after is None or _locative(words, after) or _governed(words, after):
        return None
    if not all(_quantity(words, j) for j in range(hit.last + 1, after.first)):
        return None
    before = [a for a in actors if clause <= a.first and a.last < hit.first and not _locative(words, a)]
    if not before or _same(before[-1], after):
        return None
    return after, before[-1], 0.6


def _object_pronoun(token: str, lemma: str) -> bool:
    """Whether a verb carries an object pronoun (خطفهم, هاجمها, انتقدوه)."""
    key = strip_conj(key_form(token))[-1]
    if key == lemma:
        return False
    return key.endswith(("هم", "ها", "هما")) or (key.endswith("ه") and not lemma.endswith("ه"))


def _light_subject(words: Words, hit: Hit, actors: list[Actor], lo: int) -> Actor | None:
    """The subject of a light verb that carries a noun cue: "قام المتظاهرون باحراق",
    "أقدم متظاهرون على قطع الطريق", "قام مسلحون … بخطف": the first actor after قام/أقدم
    (within twelve words of the cue) did what the noun names, whoever the noun's own
    neighbours are."""
    if hit.verb or hit.english:
        return None
    key = key_form(words.keys[hit.first])
    marked = key[:1] == "ب" or (hit.first > lo and bare(words, hit.first - 1) in ("علي", "على"))
    if not marked:
        return None
    for j in range(hit.first - 1, max(lo, hit.first - 13) - 1, -1):
        if words.keys[j] not in ("،", ",") and is_break(words, j, CLAUSE_BREAK):
            return None  # commas may set off an apposition: "قام عشرة جنود، من قوة …، باغتصابها"
        if verb_lemma(words.keys[j], _LIGHT_VERBS) is not None:
            return next(
                (
                    a
                    for a in actors
                    if j < a.first and a.last < hit.first and not _locative(words, a) and not _governed(words, a)
                ),
                None,
            )
    return None


def _passive(
    words: Words, hit: Hit, actors: list[Actor], clause: int, hi: int
) -> tuple[Actor, Actor, float] | tuple[()] | None:
    """Violence reported in the passive: a verb that is passive by its spelling (أصيب), or
    an ambiguous one (قتل: قَتل or قُتل) followed by the attack it happened in ("قتل 12
    شخصا في هجوم انتحاري", "ستة مدنيين قتلوا في انفجار") or by its agent ("خطفوا على
    أيدي مسلحين", "من قبل", "برصاص"). The victim is the subject: a
    counted noun after the verb, or the first actor of the clause before it when that is
    a counted noun or a civilian; the holder is the attack's author (هجوم انتحاري) or the
    perpetrator named in the sentence. An uncounted actor right after the verb ("قتل
    الجيش عشرة مسلحين في هجوم") keeps the active reading.

    None when the verb is read as active; an empty tuple when it is passive but the victim
    or the author is missing (a passive subject is never the holder, so no record)."""
    if _active_only(hit):
        return None
    attack = _attack_after(words, hit, hi)
    certain = hit.lemma in _PASSIVE_LEMMAS or _by_agent_after(words, hit, hi)
    if attack is None and not certain:
        return None
    before = [a for a in actors if clause <= a.first and a.last < hit.first and not _locative(words, a)]
    after = next((a for a in actors if hit.last < a.first <= hit.last + 4), None)
    if before and (certain or _counted(words, before[0]) or before[0].code[-3:] == "CVL"):
        victim = before[0]
    elif after is not None and not _locative(words, after) and (certain or _counted(words, after)):
        victim = after
    elif certain:
        return ()
    else:
        return None
    rest = [a for a in actors if a is not victim]
    author = _marked_agent(words, rest, clause, hi)
    if author is None and attack is not None:
        author = next((a for a in rest if a.first == attack + 1 and (a.kind == "adj" or a.code[-3:] in _ARMED)), None)
    author = author or _perpetrator(words, hit, rest, clause, hi)
    if author is None or _same(author, victim):
        return ()
    return author, victim, 0.5


def _suffered(
    words: Words, hit: Hit, actors: list[Actor], clause: int, hi: int
) -> tuple[Actor, Actor, float] | tuple[()] | None:
    """Attack nouns that name what the subject suffered: "لقي سبعة أشخاص مصرعهم" (layout
    ``pas``: مصرع، حتف) and "تعرضت الدورية لهجوم" (تعرض + ل + attack noun). The victim is
    the subject (before the cue, else after it); the holder the agent named, the attack's
    author right after the noun, or the perpetrator of the sentence. None when the noun is
    not of that kind; an empty tuple when victim or author is missing."""
    exposed = None
    if key_form(words.keys[hit.first])[:1] == "ل":
        exposed = next(
            (
                j
                for j in range(hit.first - 1, max(clause, hit.first - 5) - 1, -1)
                if verb_lemma(words.keys[j], _EXPOSED)
            ),
            None,
        )
    if hit.layout != "pas" and exposed is None:
        return None
    before = [a for a in actors if clause <= a.first and a.last < hit.first and not _locative(words, a)]
    after = next((a for a in actors if hit.last < a.first <= hit.last + 4 and not _locative(words, a)), None)
    victim = before[-1] if before else after if hit.layout == "pas" else None
    victim = victim or _thing(words, range(hit.first - 1, clause - 1, -1), actors)
    if victim is None:
        return ()
    rest = [a for a in actors if a is not victim]
    author = _marked_agent(words, rest, clause, hi)
    author = author or next((a for a in rest if a.first == hit.last + 1 and a.code[-3:] in _ARMED), None)
    author = author or _perpetrator(words, hit, rest, clause, hi)
    if author is None or _same(author, victim):
        return ()
    return author, victim, 0.5


def _by_agent_after(words: Words, hit: Hit, hi: int) -> bool:
    """Whether a passive agent phrase follows the verb in its clause: "خطف … من قبل
    مسلحين", "خطفوا على أيدي مسلحين", "قتل برصاص الجيش"."""
    for j in range(hit.last + 1, min(hi, hit.last + 9)):
        if is_break(words, j, CLAUSE_BREAK):
            return False
        word = bare(words, j)
        if word == "قبل" and bare(words, j - 1) == "من":
            return True
        if word in ("يد", "ايدي") and bare(words, j - 1) in ("علي", "على"):
            return True
        if key_form(words.keys[j]).startswith(("برصاص", "بنيران")):
            return True
    return False


def _attack_after(words: Words, hit: Hit, hi: int) -> int | None:
    """The attack noun a violent verb is said to have happened in ("في هجوم", "بانفجار",
    "جراء قصف"), within eight words and the same clause."""
    for j in range(hit.last + 1, min(hi, hit.last + 9)):
        if is_break(words, j, CLAUSE_BREAK):
            return None
        if not any(c in _ATTACK_NOUNS for c in candidates(words.keys[j])):
            continue
        glued = key_form(words.keys[j])[:1] == "ب"
        if glued or (j > 0 and bare(words, j - 1) in _IN_ATTACK):
            return j
    return None


def _armed_adj(words: Words, hit: Hit, actor: Actor) -> bool:
    """An armed role right after an attack noun and agreeing with it in definiteness is an
    adjective naming the attacker ("هجوم انتحاري", "الهجوم الانتحاري"); after a noun of
    what was suffered (مقتل مسلحين) the noun is the victim, so only attack nouns count."""
    if actor.code[-3:] not in _ARMED or not any(c in _ATTACK_NOUNS for c in candidates(words.keys[hit.first])):
        return False
    return _definite(words.keys[hit.last]) == _definite(words.keys[actor.first])


def _definite(token: str) -> bool:
    key = key_form(token)
    return key.startswith(("ال", "وال", "بال", "لل", "فال"))


def _group(actor: Actor) -> bool:
    """A crowd, party, union or refugees: people who can hold a protest."""
    return _crowd(actor) or actor.code[-3:] in _GROUPS


def _crowd(actor: Actor) -> bool:
    return actor.code[-3:] in _CROWDS


def _protester(
    words: Words, hit: Hit, actors: list[Actor], lo: int, hi: int, holder: Actor | None, shared: Actor | None
) -> Actor | None:
    """The holder of a protest: a protester (OPP) found by the clause rules; else a crowd,
    party, union or refugees in subject position ("خرج الطلاب", "العمال تجمعوا") or the
    subject of a protest verb joined by و ("وساروا"); else the protesters (OPP) of the
    sentence; else the subject found by the clause rules when it is a crowd, a party or a
    union; else the crowd (متظاهرون, طلاب, عمال …) nearest the cue in the sentence, before
    it first ("خرج آلاف المتظاهرين … احتجاجا" puts it before the noun cue)."""
    crowd = [a for a in actors if lo <= a.first < hi and _crowd(a) and not _locative(words, a)]
    protesters = [a for a in crowd if a.code[-3:] == "OPP"]
    if holder is not None and holder.code[-3:] == "OPP":
        return holder
    subject = _subject(words, hit, actors, lo) or shared or _counted_crowd(words, hit)
    if subject is not None and _group(subject):
        return subject
    if protesters:
        crowd = protesters
    elif holder is not None and (_crowd(holder) or holder.code[-3:] in ("PTY", "LAB")):
        return holder
    if not crowd:
        return None if hit.lemma in _CROWD_VERBS else holder
    return min(crowd, key=lambda a: hit.first - a.last if a.last < hit.first else 2 * (a.first - hit.last))


def _counted_crowd(words: Words, hit: Hit) -> Actor | None:
    """A crowd named only by its size right after a protest verb: "وتظاهر الآلاف",
    "خرج المئات". The number word is the subject, a crowd of people (CVL)."""
    j = hit.last + 1
    if not hit.verb or j >= len(words.keys) or not key_form(words.keys[j]).startswith("ال"):
        return None
    if not any(c in _CROWD_SIZES for c in candidates(words.keys[j])):
        return None
    start, end = words.spans[j]
    return Actor(start, end, j, j, "CVL", "agent", words.text[start:end])


def _subject(words: Words, hit: Hit, actors: list[Actor], lo: int) -> Actor | None:
    """The actor in subject position of a cue: right before it (fillers allowed), or for a
    verb the first actor after it with only quantity words between ("خرج عدد من الطلاب",
    "تظاهر نحو ألفي شخص"). A plural verb has its whole subject before it, so the first
    group of its clause heads that subject ("الآلاف من المتظاهرين من تلاميذ … وطلاب الثانوي
    تدفقوا": the protesters), and so does a noun cue a plural verb just before governs
    ("رجالا ونساء نظموا عقب ذلك مسيرة"). Used where the clause rules would reach further afield."""
    object_of_plural = not hit.verb and any(
        _plural_form(words.keys[j]) for j in range(max(lo, hit.first - 3), hit.first)
    )
    if _plural_verb(words, hit) or object_of_plural:
        clause = _clause_start(words, hit.first, lo)
        head = next(
            (a for a in actors if clause <= a.first and a.last < hit.first and _group(a) and _can_hold(words, a, hit)),
            None,
        )
        if head is not None:
            return head
    before = [a for a in actors if lo <= a.first and a.last < hit.first]
    if before and hit.first - before[-1].last <= 3:
        gap = range(before[-1].last + 1, hit.first)
        if all(bare(words, j) in _FILLERS for j in gap) and _can_hold(words, before[-1], hit):
            return before[-1]
    return _vso_subject(words, hit, actors)


def _vso_subject(words: Words, hit: Hit, actors: list[Actor]) -> Actor | None:
    """The subject right after a singular verb, past quantity words only ("خرج عدد من الطلاب")."""
    if not hit.verb or _plural_verb(words, hit):
        return None
    after = next((a for a in actors if hit.last < a.first <= hit.last + 4), None)
    if after is None or _locative(words, after) or _governed(words, after):
        return None
    gap = range(hit.last + 1, after.first)
    return after if all(_quantity(words, j) for j in gap) else None


def _quantity(words: Words, j: int) -> bool:
    """A number or quantity word that may stand between a verb and its subject."""
    key = key_form(words.keys[j])
    return key.isdigit() or any(c in _NUMBERS or c in _QUANTITY for c in candidates(key))


def _target(words: Words, hit: Hit, actors: list[Actor], holder: Actor, clause: int, hi: int) -> Actor | None:
    """The first actor after the cue that is not the holder or joined to it by و (for
    violence, a counted victim just before a passive verb comes first). A group with the
    holder's own bare role (CVL and CVL) is taken only when no other actor follows."""
    if _violent(hit):
        victims = [a for a in actors if clause <= a.first and a.last < hit.first and a is not holder]
        if victims and _counted(words, victims[-1]) and hit.first - victims[-1].last <= 2:
            return victims[-1]
    partner = _with_partner(words, hit, actors, holder, hi)
    if partner is not None:
        return partner
    skip = {id(holder)}
    last = holder.last
    fallback = None
    for actor in actors:
        if actor.first <= hit.last or actor.first >= hi or _locative(words, actor):
            continue
        breaks = _TARGET_BREAK_EN if hit.english else _TARGET_BREAK
        if any(is_break(words, j, breaks) for j in range(hit.last + 1, actor.first)):
            break
        if actor.first == last + 1 and words.keys[actor.first][:1] == "و" and last >= holder.last:
            skip.add(id(actor))
            last = actor.last
            continue
        if hit.code[:2] == "14" and (_crowd(actor) or _supported(words, actor)):
            continue
        if actor.code[-3:] in _ARMED and _governed(words, actor):
            continue  # "بسيارة مفخخة": the weapon, not the victim
        if actor.kind == "city" and (_violent(hit) or hit.code[:2] == "14") and not _aimed(words, actor):
            continue
        if id(actor) in skip or _same(actor, holder):
            continue
        if actor.code != holder.code or actor.country:
            return actor
        fallback = fallback or actor
    if fallback is None and (_violent(hit) or hit.code[:2] == "14"):
        return _thing_after(words, hit, actors, hi)
    return fallback


def _with_partner(words: Words, hit: Hit, actors: list[Actor], holder: Actor, hi: int) -> Actor | None:
    """The other side of a verb done "with" someone (اشتبك مع، اجتمع مع، تعاون مع): the
    actor right after مع in the same clause, however many words stand before it."""
    if not hit.verb or hit.lemma not in _WITH_VERBS:
        return None
    for j in range(hit.last + 1, min(hi, hit.last + 15)):
        if is_break(words, j, _TARGET_BREAK):
            return None
        if bare(words, j) == "مع":
            actor = next((a for a in actors if j < a.first <= j + 2), None)
            return actor if actor is not None and not _same(actor, holder) else None
    return None


def _thing_after(words: Words, hit: Hit, actors: list[Actor], hi: int) -> Actor | None:
    """For an attack or a protest with no actor to receive it, the place or thing it hit
    (مقر، دورية، موكب، سفينة، سيارة …) in the words after the cue, as event coders
    record a target even when it is a building: "استهدف موكبا", "أحرقوا عشرين سيارة".
    A thing after في/من/قرب … or with a glued ب is where it happened ("خرج من المنزل",
    "بالقرب من منزلها"), not what was hit. The record has no actor code; things are never
    holders."""
    breaks = _TARGET_BREAK_EN if hit.english else _TARGET_BREAK
    stop = next(
        (j for j in range(hit.last + 1, min(hi, hit.last + 9)) if is_break(words, j, breaks | CLAUSE_BREAK)),
        min(hi, hit.last + 9),
    )
    return _thing(words, range(hit.last + 1, stop), actors)


def _thing(words: Words, span: range, actors: list[Actor]) -> Actor | None:
    """The first place or thing word in ``span`` (in its order), outside any actor and not
    after في/من/قرب …, as an actor with no code."""
    for j in span:
        if any(a.first <= j <= a.last for a in actors):
            continue  # "انفجار سيارة مفخخة": the car is the bomb
        offset = next((o for form, o in candidates(words.keys[j]).items() if form in _THINGS), None)
        where = j > 0 and (bare(words, j - 1) in _PLACE_PREPS or bare(words, j - 1) in ("من", "الي", "عن"))
        if offset is not None and not where and "ب" not in key_form(words.keys[j])[:offset]:
            start, end = words.spans[j]
            return Actor(start + offset, end, j, j, "", "thing", words.text[start + offset : end])
    return None


def _supported(words: Words, actor: Actor) -> bool:
    """An actor a protest stands with, not against: "تضامنا مع الشعب الفلسطيني", "دعما
    للمتظاهرين", "تأييدا للحكومة", "نصرة لغزة"."""
    back = [bare(words, j) for j in range(max(0, actor.first - 2), actor.first)]
    glued = key_form(words.keys[actor.first])[: actor.start - words.spans[actor.first][0]]
    return any(any(c in _SOLIDARITY for c in candidates(b)) for b in back) and (
        "مع" in back or "ل" in glued or any(b.startswith("ل") for b in back)
    )


def _aimed(words: Words, actor: Actor) -> bool:
    """A town is a target only when the act is aimed at it ("صواريخ على عسقلان")."""
    return actor.first > 0 and bare(words, actor.first - 1) in ("علي", "على")
