"""Stance: who stands for or against whom, in the event-coding tradition.

A stance is a cue (a verb from the CAMEO dictionaries, or a noun or phrase such as
عقوبات or علاقات طيبة) with a CAMEO event code; its polarity is the sign of the code's
Goldstein score, so "favor" and "against" mean cooperation and conflict on a published
scale rather than a home-made one. Holder and target are actors from ``tasks.actors``.

Roles follow Arabic clause order: a subject right before the cue (SVO, "روسيا تسعى"), else
right after a verb (VSO, "تعهدت روسيا"), else the nearest actor earlier in the clause; a
verb joined by و to an earlier cue shares its subject. Reported speech gives the speaker
the stances inside the quote that name no subject of their own, or whose subject is the
speaker's own country (a Kremlin spokesman speaking of Moscow speaks for Russia).
Agencies only report. Negation and hedges make the record neutral and say why in
``note``, because "did not confirm" or "may supply" asserts no stance.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from tasks.actors import (
    DATA,
    Actor,
    Lexicon,
    Words,
    candidates,
    country_codes,
    country_of,
    find_actors,
    load_table,
    norm_token,
    word_set,
)
from tasks.normalize import key_form
from tasks.schema import ActorRef, Cue, Language, Normalized, Polarity, Stance, StanceSummary

_SPEECH_AR = word_set("قال اكد اعرب ذكر اشار نقل صرح اعلن اوضح اضاف تحدث ابدي شدد")
_SPEECH_PARTICIPLES = word_set("مشيرا مشيره مضيفا مضيفه موضحا موضحه موكدا موكده لافتا لافته")
_SPEECH_EN = word_set("said says say told stated added noted according")
_COMPLEMENT = frozenset(["ان", ":"]) | {'"'}
_NEGATORS = word_set("لم لن لا ليس ليست ما عدم غير")
_NEGATORS_EN = frozenset(["not", "n't", "never", "no"])
_DENIALS = frozenset(["نفي", "نفت", "ينفي", "تنفي", "نفوا", "denied", "denies", "deny"])
_HEDGES = frozenset(["ربما", "يحتمل", "محتمل", "قد", "may", "might", "could"])
_FILLERS = frozenset(["قد", "لم", "لن", "لا", "ما", "كان", "كانت", "وكان", "وكانت", "،", ",", "-", "(", ")"])
_CLAUSE_BREAK = frozenset(["ان", "بينما", "لكن", "حيث", "،", ",", ";", "؛", "that", "while", "but", "whereas"])
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
_VERB_SUFFIXES = ("تما", "تان", "تم", "تن", "ون", "وا", "ان", "ين", "نا", "ت", "ا", "ن")
_PRONOUNS = ("هما", "هم", "ها", "ه")


@dataclass
class Hit:
    """A cue found in the text, before roles are assigned."""

    first: int
    last: int
    code: str
    layout: str
    verb: bool
    imperfect: bool = False
    english: bool = False
    lemma: str = ""


@dataclass
class Speech:
    verb: int
    speaker: Actor | None
    quote: int
    note: str | None = None


@dataclass
class Lexicons:
    cues: Lexicon
    verbs: dict[str, str]
    goldstein: dict[str, float]


@cache
def lexicons(language: Language) -> Lexicons:
    """Cue dictionaries, loaded once per process on first use."""
    suffix = "en" if language == Language.ENGLISH else "ar"
    goldstein = {code: float(score) for code, score in load_table(DATA / "goldstein.tsv", 2)}
    return Lexicons(
        Lexicon(load_table(DATA / f"cues_{suffix}.tsv", 3)),
        {verb: code for verb, code in load_table(DATA / f"verbs_{suffix}.tsv", 2)},
        goldstein,
    )


def _strip_conj(word: str) -> list[str]:
    forms = [word]
    if word[:1] in "وف" and len(word) > 3:
        forms.append(word[1:])
    return forms + [f[1:] for f in forms if f[:1] == "س" and len(f) > 4]


def verb_lemma(token: str, verbs: dict[str, str] | frozenset[str]) -> tuple[str, bool] | None:
    """The dictionary lemma an inflected Arabic verb stands for, and whether it is imperfect.

    Peels a conjunction, the future س, one object pronoun, one subject suffix and one
    imperfect prefix (ي ت ن ا), restoring the ا of derived forms (يعتقل → اعتقل); the
    least-peeled candidate wins. Words with the article are nouns unless listed as such
    (التقى).
    """
    return next(((form, imperfect) for form, imperfect in _verb_forms(token) if form in verbs), None)


@lru_cache(maxsize=65536)
def _verb_forms(token: str) -> tuple[tuple[str, bool], ...]:
    """Every lemma form ``verb_lemma`` may try for a token, in order (cached per word).
    A word ending in ta marbuta is a noun (وزارة is not و + زار + ه)."""
    out: list[tuple[str, bool]] = []
    if token.endswith("ة"):
        return ()
    for word in _strip_conj(key_form(token)):
        if word.startswith("ال"):
            out.append((word, False))
            continue
        stems = [word] + [word[: -len(p)] for p in _PRONOUNS if word.endswith(p) and len(word) - len(p) >= 3]
        bodies = list(stems)
        for stem in stems:
            bodies += [stem[: -len(s)] for s in _VERB_SUFFIXES if stem.endswith(s) and len(stem) - len(s) >= 3]
        out += [(body, False) for body in bodies]
        for body in bodies:
            if body[:1] in "يتنا" and len(body) >= 4:
                out += [(body[1:], True), ("ا" + body[1:], True)]
                if body[1] == "و":
                    out.append(("ا" + body[2:], True))
    return tuple(out)


def verb_lemma_en(token: str, verbs: dict[str, str]) -> str | None:
    """The verb an English word inflects: -s, -es, -ies, -ed, -d, -ing peeled (with the
    silent e restored); PETRARCH2 lists irregular forms itself."""
    word = token.lower()
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("s"):
        forms += [word[:-1], word[:-2]]
    if word.endswith("ed"):
        forms += [word[:-2], word[:-1], word[:-3]]
    if word.endswith("ing"):
        forms += [word[:-3], word[:-3] + "e", word[:-4]]
    return next((f for f in forms if len(f) >= 3 and f in verbs), None)


def _find_cues(words: Words, lo: int, hi: int, lex: Lexicons, english: bool) -> list[Hit]:
    hits: list[Hit] = []
    i = lo
    while i < hi:
        phrase = lex.cues.match(words.keys, i, hi)
        if phrase:
            entry, _ = phrase
            hits.append(Hit(i, i + len(entry.words) - 1, entry.code, entry.kind, verb=False, english=english))
            i += len(entry.words)
            continue
        word = words.keys[i]
        if english:
            lemma = verb_lemma_en(word, lex.verbs)
            found = (lemma, False) if lemma and word.lower() not in _SPEECH_EN else None
        else:
            found = verb_lemma(word, lex.verbs)
            if found and found[0] in _SPEECH_AR:
                found = None
        if found:
            code = lex.verbs[found[0]]
            hits.append(Hit(i, i, code, "hd", verb=True, imperfect=found[1], english=english, lemma=found[0]))
        i += 1
    return hits


def _bare(words: Words, i: int) -> str:
    """A word without a leading conjunction, for function-word checks."""
    key = key_form(words.keys[i]).lower()
    return key[1:] if key[:1] in "وف" and len(key) > 2 and (key[1:] in _NEGATORS or key[1:] in _CLAUSE_BREAK) else key


def _is_break(words: Words, i: int, breaks: frozenset[str]) -> bool:
    return _bare(words, i) in breaks or words.key(i) in breaks or any(c in breaks for c in candidates(words.keys[i]))


def _find_speech(
    words: Words, lo: int, hi: int, actors: list[Actor], english: bool, carried: Actor | None
) -> list[Speech]:
    """Speech verbs of one sentence, their speakers and where the reported content starts."""
    out: list[Speech] = []
    for i in range(lo, hi):
        word = key_form(words.keys[i]).lower()
        if not (word in _SPEECH_EN if english else _is_speech(words.keys[i])):
            continue
        speaker = _speaker(words, i, hi, actors, english)
        if speaker is None and out:
            speaker = out[-1].speaker
        if speaker is None and i == lo and any(f in _SPEECH_PARTICIPLES for f in _strip_conj(word)):
            speaker = carried
        after = speaker.last + 1 if speaker and speaker.first > i else i + 1
        quote = next((j for j in range(i + 1, hi) if _bare(words, j) in _COMPLEMENT), after)
        back = [_bare(words, j) for j in range(max(lo, i - 2), i)]
        note = next((f"reported with '{b} {words.keys[i]}': not confirmed" for b in back if b in _NEGATORS), None)
        out.append(Speech(i, speaker, quote, note))
    return out


@lru_cache(maxsize=65536)
def _is_speech(token: str) -> bool:
    """A speech verb (قال، أكدت، وأشار …) or a circumstantial speech participle (مشيرا)."""
    return verb_lemma(token, _SPEECH_AR) is not None or any(
        f in _SPEECH_PARTICIPLES for f in _strip_conj(key_form(token))
    )


def _speaker(words: Words, i: int, hi: int, actors: list[Actor], english: bool) -> Actor | None:
    """VSO: the first actor after the verb before the complementizer (after عن for نقلت عن);
    SVO: an actor ending just before it. An agency in that slot means no speaker. English
    puts the speaker first ("the Kremlin said"), after the verb only when inverted
    (", the White House said" has it before; "…, said the White House" after)."""
    before = [a for a in actors if i - 2 <= a.last < i]
    if english:
        inverted = i > 0 and words.keys[i - 1] in (",", '"')
        after = next((a for a in actors if i < a.first <= i + 3), None) if inverted else None
        return before[-1] if before else after
    start = i + 1
    if verb_lemma(words.keys[i], frozenset({"نقل"})):
        start = next((j + 1 for j in range(i + 1, min(hi, i + 9)) if _bare(words, j) == "عن"), start)
    for actor in actors:
        if start <= actor.first <= start + 3 and not any(
            _bare(words, j) in _COMPLEMENT for j in range(start, actor.first)
        ):
            return actor
    return before[-1] if before else None


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
    while before > sent_lo and _bare(words, before) in _FILLERS:
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
        if a.last < hit.first and all(_bare(words, j) in _FILLERS for j in range(a.last + 1, hit.first))
    ]
    close = adjacent and hit.first - adjacent[-1].last <= 3 and adjacent[-1].first >= sent_lo
    if close and _can_hold(words, adjacent[-1], hit):
        return adjacent[-1]
    clause = _clause_start(words, hit.first, lo)
    earlier = [a for a in actors if clause <= a.first and a.last < hit.first and _can_hold(words, a, hit)]
    if earlier and hit.english and _bare(words, hit.first - 1) in _POSSESSIVE_EN:
        return earlier[0]
    if earlier:
        return earlier[-1]
    if hit.verb:
        after = [a for a in actors if hit.last < a.first <= hit.last + 6 and not _locative(words, a)]
        if (
            after
            and not any(_is_break(words, j, _CLAUSE_BREAK) for j in range(hit.last + 1, after[0].first))
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
        by = _bare(words, j) == "قبل" and j > lo and _bare(words, j - 1) == "من"
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
    if actor.first < 2 or _bare(words, actor.first - 1) != "من":
        return False
    prev = key_form(words.keys[actor.first - 2])
    return prev.isdigit() or any(c in _NUMBERS for c in candidates(prev))


def _clause_start(words: Words, i: int, lo: int) -> int:
    return next((j + 1 for j in range(i - 1, lo - 1, -1) if _is_break(words, j, _CLAUSE_BREAK)), lo)


def _locative(words: Words, actor: Actor) -> bool:
    """A place after في/قرب/شمال… (or glued ب) is where something happened, not a party."""
    if actor.kind not in ("country", "city") and actor.code not in country_codes():
        return False
    if actor.kind == "city" and words.keys[actor.first][:1] == "ب" and actor.start > words.spans[actor.first][0]:
        return True
    if actor.first == 0:
        return False
    prev = _bare(words, actor.first - 1)
    return prev in _PLACE_PREPS or (prev[:1] == "و" and prev[1:] in _PLACE_PREPS)


def _is_pronoun_complement(word: str) -> bool:
    key = key_form(word)
    return any(key.endswith("ان" + p) and len(key) <= len(p) + 4 for p in _PRONOUNS)


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


def _roles(
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
        if any(_is_break(words, j, breaks) for j in range(hit.last + 1, actor.first)):
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
    return actor.first > 0 and _bare(words, actor.first - 1) in ("علي", "على")


def _polarity(words: Words, hit: Hit, lo: int, goldstein: float, speech: Speech | None) -> tuple[Polarity, str | None]:
    base = Polarity.FAVOR if goldstein > 0 else Polarity.AGAINST if goldstein < 0 else Polarity.NEUTRAL
    for j in range(max(lo, hit.first - 2), hit.first):
        bare = _bare(words, j)
        if bare in _NEGATORS or bare in _NEGATORS_EN:
            return Polarity.NEUTRAL, f"negated by '{words.keys[j]}'"
        if bare in _HEDGES and (hit.imperfect or bare != "قد"):
            return Polarity.NEUTRAL, f"hedged by '{words.keys[j]}'"
    for j in range(lo, hit.first):
        if _bare(words, j) in _DENIALS or (verb_lemma(words.keys[j], frozenset({"نفي"})) is not None):
            return Polarity.NEUTRAL, f"denied by '{words.keys[j]}'"
    if speech and speech.note and speech.quote <= hit.first:
        return Polarity.NEUTRAL, speech.note
    return base, None


def _ref(doc: Normalized, actor: Actor) -> ActorRef:
    return ActorRef(text=actor.text, start=actor.start, end=actor.end, code=actor.code)


def tag_stance(doc: Normalized) -> list[Stance]:
    """Stance records for every sentence of ``doc`` (Arabic and English; none for other)."""
    if doc.language == Language.OTHER or not doc.tokens:
        return []
    english = doc.language == Language.ENGLISH
    lex = lexicons(Language.ENGLISH if english else Language.ARABIC)
    words = Words.of(doc)
    actors = find_actors(doc, words)
    by_sentence: dict[int, list[int]] = {}
    index = 0
    for i, (start, _) in enumerate(words.spans):
        while index + 1 < len(doc.sentences) and doc.sentences[index + 1][0] <= start:
            index += 1
        by_sentence.setdefault(index, []).append(i)
    out: list[Stance] = []
    carried: Actor | None = None
    for index, toks in sorted(by_sentence.items()):
        lo, hi = toks[0], toks[-1] + 1
        local = [a for a in actors if lo <= a.first < hi]
        speeches = _find_speech(words, lo, hi, local, english, carried)
        carried = next((s.speaker for s in reversed(speeches) if s.speaker), None)
        records: dict[tuple[int, int, int, int], Stance] = {}
        roles: dict[int, Actor] = {}
        previous: Hit | None = None
        inside = {j for a in local for j in range(a.first, a.last + 1)}
        for hit in _find_cues(words, lo, hi, lex, english):
            if hit.verb and hit.first in inside:
                continue
            speech = next((s for s in reversed(speeches) if s.quote <= hit.first), None)
            found = _roles(words, hit, local, lo, hi, speech, previous, roles)
            previous = hit
            if not found:
                continue
            holder, target, confidence = found
            goldstein = lex.goldstein.get(hit.code, 0.0)
            polarity, note = _polarity(words, hit, lo, goldstein, speech)
            if goldstein == 0.0 and note is None:
                continue
            start, end = words.spans[hit.first][0], words.spans[hit.last][1]
            record = Stance(
                holder=_ref(doc, holder),
                target=_ref(doc, target),
                polarity=polarity,
                cue=Cue(text=doc.text[start:end], start=start, end=end),
                event_code=hit.code,
                goldstein=goldstein,
                sentence=index,
                confidence=round(confidence * (0.8 if note else 1.0), 2),
                note=note,
            )
            key = (holder.start, holder.end, target.start, target.end)
            kept = records.get(key)
            if kept is None or _rank(record) > _rank(kept):
                records[key] = record
        out.extend(sorted(records.values(), key=lambda s: s.cue.start))
    return out


def _rank(stance: Stance) -> tuple[bool, float]:
    return stance.polarity != Polarity.NEUTRAL, abs(stance.goldstein or 0.0)


def canonical(actor: ActorRef) -> str:
    """The summary name of an actor: its country code when known (RUS for the Kremlin,
    Peskov and Moscow alike), else its full code, else its normalized text."""
    return country_of(actor.code) or actor.code or " ".join(norm_token(w) for w in actor.text.split())


def summarize(stances: list[Stance]) -> list[StanceSummary]:
    """One line per (holder, target) pair: counts by polarity and the net polarity (the
    sign of favor minus against; neutral on a tie)."""
    counts: dict[tuple[str, str], dict[Polarity, int]] = {}
    for stance in stances:
        pair = (canonical(stance.holder), canonical(stance.target))
        counts.setdefault(pair, dict.fromkeys(Polarity, 0))[stance.polarity] += 1
    out = []
    for (holder, target), c in counts.items():
        diff = c[Polarity.FAVOR] - c[Polarity.AGAINST]
        net = Polarity.FAVOR if diff > 0 else Polarity.AGAINST if diff < 0 else Polarity.NEUTRAL
        out.append(
            StanceSummary(
                holder=holder,
                target=target,
                favor=c[Polarity.FAVOR],
                against=c[Polarity.AGAINST],
                neutral=c[Polarity.NEUTRAL],
                net=net,
            )
        )
    return out
