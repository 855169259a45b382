"""Role assignment for stance tagging: which actor holds a cue and which is its target.

Roles follow Arabic clause order (see ``tasks.stance``); violence, protest and reciprocal
cues have rules of their own because news prose reports them in passive, nominal and
crowd-subject forms that plain subject-verb-object order gets wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from tasks.actors import Actor, Words, candidates, country_codes, word_set
from tasks.normalize import key_form
from tasks.stance_cues import CLAUSE_BREAK, PRONOUNS, Hit, bare, is_break, verb_lemma

_FILLERS = frozenset(["قد", "لم", "لن", "لا", "ما", "كان", "كانت", "وكان", "وكانت", "،", ",", "-", "(", ")"])
_TARGET_BREAK = frozenset(["بينما", "لكن", "حيث", ";", "؛", "while", "but", "whereas"])
_TARGET_BREAK_EN = _TARGET_BREAK | {","}
_POSSESSIVE_EN = word_set("its their his her")
_PLACE_PREPS = word_set(
    "في قرب شمال جنوب شرق غرب وسط داخل خارج بالقرب مدينة بلدة منطقة محافظة عاصمة خليج ضاحية قضاء مخيم "
    "حي شارع ولاية اقليم قرية مناطق انحاء مدن امام near in at"
)
_NUMBERS = word_set(
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
    if close and _can_hold(words, adjacent[-1], hit):
        return adjacent[-1]
    clause = _clause_start(words, hit.first, lo)
    earlier = [a for a in actors if clause <= a.first and a.last < hit.first and _can_hold(words, a, hit)]
    if earlier and hit.english and bare(words, hit.first - 1) in _POSSESSIVE_EN:
        return earlier[0]
    if earlier:
        return earlier[-1]
    if hit.verb:
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
    a force (army, police) or a named state, not a bare nationality adjective."""
    if _locative(words, actor):
        return False
    if not _violent(hit):
        return True
    if _victim(words, actor):
        return False
    state = actor.country is not None and actor.kind != "adj" and actor.code[-3:] != "CVL"
    return hit.verb or actor.code[-3:] in _ARMED or actor.code[-3:] in _FORCES or state


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
    for j in range(lo, hi - 1):
        by = bare(words, j) == "قبل" and j > lo and bare(words, j - 1) == "من"
        if by or any(c in _AGENT_MARKERS for c in candidates(words.keys[j])):
            agent = next((a for a in actors if j < a.first <= j + 6 and not _locative(words, a)), None)
            if agent:
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
    if actor.kind == "city" and words.keys[actor.first][:1] == "ب" and actor.start > words.spans[actor.first][0]:
        return True
    if actor.first == 0:
        return False
    prev = bare(words, actor.first - 1)
    return prev in _PLACE_PREPS or (prev[:1] == "و" and prev[1:] in _PLACE_PREPS)


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
    return (a.start, a.end) == (b.start, b.end) or a.code == b.code or bool(a.country and a.country == b.country)


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
    holder = _holder(words, hit, actors, quote, lo, previous, roles)
    confidence = 0.7
    if holder is not None and speech is not None and holder is speech.speaker and not _verbal(hit.code):
        holder = None  # "أعلنت الشرطة مقتل …": the police report the killing
    if _violent(hit) and not hit.verb:
        # "الهجوم الإسرائيلي", "غارة أميركية": a nationality adjective on an attack noun is its author.
        adj = next((a for a in actors if a.first == hit.last + 1 and a.kind == "adj"), None)
        holder = adj or holder
    if hit.code[:2] == "14":
        holder = _protester(words, hit, actors, lo, hi, holder)
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
    if target is None:
        return None
    return holder, target, confidence + (0.1 if holder.country and target.country else 0.0)


def _crowd(actor: Actor) -> bool:
    return actor.code[-3:] in _CROWDS


def _protester(words: Words, hit: Hit, actors: list[Actor], lo: int, hi: int, holder: Actor | None) -> Actor | None:
    """The holder of a protest: the subject found by the clause rules when it is a crowd, a
    party or a union; else the crowd (متظاهرون, طلاب, عمال …) nearest the cue in the
    sentence, before it first ("خرج آلاف المتظاهرين … احتجاجا" puts it before the noun cue)."""
    crowd = [a for a in actors if lo <= a.first < hi and _crowd(a) and not _locative(words, a)]
    protesters = [a for a in crowd if a.code[-3:] == "OPP"]
    if holder is not None and holder.code[-3:] == "OPP":
        return holder
    if protesters:
        crowd = protesters
    elif holder is not None and (_crowd(holder) or holder.code[-3:] in ("PTY", "LAB")):
        return holder
    if not crowd:
        return None if hit.lemma in _CROWD_VERBS else holder
    return min(crowd, key=lambda a: hit.first - a.last if a.last < hit.first else 2 * (a.first - hit.last))


def _target(words: Words, hit: Hit, actors: list[Actor], holder: Actor, clause: int, hi: int) -> Actor | None:
    """The first actor after the cue that is not the holder or joined to it by و (for
    violence, a counted victim just before a passive verb comes first)."""
    if _violent(hit):
        victims = [a for a in actors if clause <= a.first and a.last < hit.first and a is not holder]
        if victims and _counted(words, victims[-1]) and hit.first - victims[-1].last <= 2:
            return victims[-1]
    skip = {id(holder)}
    last = holder.last
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
        if hit.code[:2] == "14" and _crowd(actor):
            continue
        if actor.kind == "city" and (_violent(hit) or hit.code[:2] == "14") and not _aimed(words, actor):
            continue
        if id(actor) not in skip and not _same(actor, holder):
            return actor
    return None


def _aimed(words: Words, actor: Actor) -> bool:
    """A town is a target only when the act is aimed at it ("صواريخ على عسقلان")."""
    return actor.first > 0 and bare(words, actor.first - 1) in ("علي", "على")
