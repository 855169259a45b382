"""Role assignment for stance tagging: which actor holds a cue and which is its target.

Roles follow Arabic clause order (see ``tasks.stance``); violence, protest and reciprocal
cues have rules of their own because news prose reports them in passive, nominal and
crowd-subject forms that plain subject-verb-object order gets wrong. This module picks
the holder; ``tasks.stance_targets`` the target, and ``tasks.stance_sides`` the two sides
of a reciprocal cue.
"""

from __future__ import annotations

from dataclasses import dataclass

from tasks.actors import Actor, Words, has_pronoun, is_article, is_word, word_set
from tasks.normalize import key_form
from tasks.stance_agreement import fronted_object, nominative_subject
from tasks.stance_aim import aimed_at
from tasks.stance_authors import attack_owner_pronoun, attack_subject, reacted
from tasks.stance_cues import CLAUSE_BREAK, Hit, bare, is_break, verbal
from tasks.stance_grammar import (
    FILLERS,
    RELATIVES,
    clause_start,
    conjoined,
    is_governed,
    is_plural_verb,
    is_pronoun_complement,
    is_violent,
    role,
    same_party,
)
from tasks.stance_noun_holders import circumstance_of, light_subject, support_subject
from tasks.stance_places import is_locative, is_town
from tasks.stance_protest import CROWD_VERBS, CROWDS, circumstantial, is_slogan_verb, protester
from tasks.stance_protest_targets import protest_issue, protest_place
from tasks.stance_sides import two_sides
from tasks.stance_subjects import can_hold, carrier, oblique_plural, vso_subject
from tasks.stance_targets import find_target
from tasks.stance_victims import attack_author, passive, suffered
from tasks.stance_violence import attack_adjective, marked_agent, noun_author, perpetrator, suffered_by_pronoun

_POSSESSIVE_EN = word_set("its their his her")

_NOUN_FILLERS = FILLERS - {"،", ","}


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
    to the nearest actor before it ("نفت روسيا أنها هاجمت"); a nominative plural right
    after it is its subject (``nominative_subject``). Else an actor earlier in the same
    clause is (SVO, the only order after أن); a clause opening with the verb takes the
    actor right after it (VSO)."""
    resumptive = _resumptive_subject(words, hit, actors) or nominative_subject(words, hit, actors)
    if resumptive is not None:
        return resumptive
    subject = attack_subject(words, hit, sent_lo, actors) if is_violent(hit) else None
    if subject is not None and not words.keys[subject].endswith(("ه", "ها", "هم")):
        # The attack is the subject ("الهجوم الإسرائيلي الذي استهدف"): only its nationality
        # names who did it; "الإرهابي"، "الجبان" say what kind of act it was.
        return next((a for a in actors if subject < a.first and a.last < hit.first and a.kind == "adj"), None)
    before = hit.first - 1
    while before > sent_lo and bare(words, before) in FILLERS:
        before -= 1
    if before >= sent_lo and is_pronoun_complement(words.keys[before]):
        earlier = [a for a in actors if sent_lo <= a.first and a.last < before and not is_locative(words, a)]
        return earlier[-1] if earlier else None
    shared = previous is not None and conjoined(words, hit) and id(previous) in roles
    if shared and not any(a.last == before and can_hold(words, a, hit) for a in actors):
        # "ويعتصمون … في بانكوك، ويطالبون": a place before the verb is no subject of its own.
        return roles[id(previous)]
    if hit.participle and previous is not None and id(previous) in roles:
        # "وتجمع المتظاهرون أمام المبنى مطالبين": a circumstantial participle has the
        # subject of the verb it follows, however far back.
        return roles[id(previous)]
    # A noun after a comma is the object of an earlier verb ("أعلن …، مقتل خمسة"): the
    # actor before the comma is not its subject.
    fillers = FILLERS if hit.verb else _NOUN_FILLERS
    adjacent = [
        a for a in actors if a.last < hit.first and all(bare(words, j) in fillers for j in range(a.last + 1, hit.first))
    ]
    close = adjacent and hit.first - adjacent[-1].last <= 3 and adjacent[-1].first >= sent_lo and not hit.participle
    place = close and (adjacent[-1].kind == "country" or is_town(adjacent[-1]))
    if place and any(words.keys[j] in ("،", ",") for j in range(adjacent[-1].last + 1, hit.first)):
        # "…دخلت غزة، اشتبك العشرات من المتظاهرين": a place before the comma ends a clause; a
        # person before it is a fronted subject ("وزير الدفاع الروسي سيرغي شويغو، ناشد").
        vso = vso_subject(words, hit, actors)
        if vso is not None and can_hold(words, vso, hit):
            return vso
    if close and can_hold(words, adjacent[-1], hit):
        subject = carrier(words, adjacent[-1], actors) or _apposed(words, adjacent[-1], actors) or adjacent[-1]
        return _first_conjunct(words, subject, actors, sent_lo)
    # A participle's subject is the main verb's: the first actor of the sentence or quote,
    # before any comma ("عاد النواب إلى البرلمان، مطالبين").
    clause = lo if hit.participle else clause_start(words, hit.first, lo)
    earlier = [a for a in actors if clause <= a.first and a.last < hit.first and can_hold(words, a, hit)]
    if earlier and (hit.participle or (hit.english and bare(words, hit.first - 1) in _POSSESSIVE_EN)):
        return earlier[0]
    if earlier:
        return _first_conjunct(words, earlier[-1], earlier, clause)
    if hit.verb and not is_plural_verb(words, hit) and subject is None:
        after = [a for a in actors if hit.last < a.first <= hit.last + 6 and not is_locative(words, a)]
        if (
            after
            and not any(is_break(words, j, CLAUSE_BREAK) for j in range(hit.last + 1, after[0].first))
            and can_hold(words, after[0], hit)
            and not oblique_plural(words, hit, after[0])
        ):
            return after[0]
    return None


def _resumptive_subject(words: Words, hit: Hit, actors: list[Actor]) -> Actor | None:
    """In a relative clause the verb's subject may follow it with a pronoun pointing back to
    the antecedent: in "نيجيريا التي حذر رئيسها الولايات المتحدة" her president warned,
    not Nigeria, and the United States is the object."""
    if not hit.verb or hit.english or hit.first == 0 or key_form(words.keys[hit.first - 1]) not in RELATIVES:
        return None
    after = next((a for a in actors if a.first == hit.last + 1), None)
    if after is None or is_governed(words, after) or not words.keys[after.last].endswith(("ها", "هم", "ه")):
        return None
    return after if not words.keys[after.last].endswith("ة") else None


def _about_itself(words: Words, hit: Hit, lo: int) -> bool:
    """A cue right after أنه/أنها/أنهم (fillers allowed): the speaker reports its own act
    ("أعلن الجيش أنه قتل ناشطا": the army killed him), not someone else's."""
    j = hit.first - 1
    while j > lo and bare(words, j) in FILLERS:
        j -= 1
    return j >= lo and is_pronoun_complement(words.keys[j])


def _first_conjunct(words: Words, actor: Actor, actors: list[Actor], lo: int) -> Actor:
    """The head of a coordinated subject: "أعضاء أحزاب التجمع والناصري والتحالف الاشتراكي
    ضد الزيارة" is the party members' stance, named first; the actor nearest the cue is
    only its last conjunct. Steps back over actors glued to و, across up to four plain
    words (the unlisted conjuncts), never past a comma or a clause break."""
    while words.keys[actor.first][:1] == "و" and actor.start > words.spans[actor.first][0]:
        prev = next((a for a in reversed(actors) if lo <= a.first and a.last < actor.first), None)
        if prev is None or actor.first - prev.last > 5:
            break
        gap = range(prev.last + 1, actor.first)
        if any(not is_word(words.keys[j]) or is_break(words, j, CLAUSE_BREAK) for j in gap):
            break
        actor = prev
    return actor


def _possessed(words: Words, actor: Actor) -> bool:
    """A role noun with a possessive pronoun and no country of its own (طائراته، قواتها،
    جنوده): in reported speech the owner is the speaker."""
    token = words.keys[actor.last]
    return not actor.country and not is_article(token) and has_pronoun(token)


def _apposed(words: Words, actor: Actor, actors: list[Actor]) -> Actor | None:
    """The named head of a description in apposition: in "كتائب القسام، الجناح العسكري
    لحركة حماس، أطلقت" the wing and the brigades are one party; the name before the comma
    is the subject the description explains."""
    if actor.first < 2 or not is_article(words.keys[actor.first]) or words.keys[actor.first - 1] not in ("،", ","):
        return None
    end = actor.first - 2 - (words.keys[actor.first - 2] == '"')
    head = next((a for a in actors if a.last == end), None)
    return head if head is not None and head.kind not in ("country", "city", "adj") and not is_town(head) else None


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
    speaker = speech.speaker if speech and verbal(hit.code) else None
    clause = clause_start(words, hit.first, lo)
    actors = [a for a in actors if not circumstantial(words, a, lo)]
    if is_violent(hit):
        joined = previous if previous is not None and previous.passive and conjoined(words, hit) else None
        shared = roles.get(id(joined)) if joined is not None else None
        if hit.verb:
            reported = passive(words, hit, actors, (lo, clause, hi), shared if joined is not None else None)
        else:
            reported = suffered(words, hit, actors, clause, hi)
        if reported is not None:
            if reported:
                hit.passive = hit.verb
                roles[id(hit)] = reported[0]
            return reported or None
    fronted = fronted_object(words, hit, actors, clause)
    if fronted is not None:
        return fronted
    if hit.layout == "tgt":
        before = [a for a in actors if clause <= a.first and a.last < hit.first]
        return (speaker, before[-1], 0.6) if speaker and before and not same_party(speaker, before[-1]) else None
    if hit.layout == "rec":
        violent = is_violent(hit)
        before, after = (clause, hit.first), (hit.last + 1, hi)
        pair = two_sides(words, actors, *before, violent) or two_sides(words, actors, *after, violent)
        if pair and not same_party(*pair):
            a, b = pair
            if role(b) == "OPP" and role(a) != "OPP":
                a, b = b, a  # "مواجهات بين الشرطة والمتظاهرين": the protesters' event
            if speaker and speaker.country and speaker.country == b.country:
                a, b = b, a
            if speaker and speaker.country and speaker.country == a.country:
                return (speaker, b, 0.7)
            return (a, b, 0.6)
    quote = max(lo, speech.quote if speech else lo)
    light = light_subject(words, hit, actors, quote)
    holder = light or _holder(words, hit, actors, quote, lo, previous, roles)
    reaction = is_violent(hit) and reacted(words, hit, holder, clause)
    holder = None if reaction else holder  # "ودان الرئيس اغتيال الوزير": no author named
    if is_slogan_verb(words, hit, lo):
        holder = protester(words, hit, actors, lo, hi, None, None)
    confidence = 0.7
    author = noun_author(words, hit, actors, hi) if is_violent(hit) else None
    if author is not None:
        target = aimed_at(words, author, actors, hi)
        return (author, target, 0.6) if target is not None and not same_party(author, target) else None
    reporter = holder is not None and speech is not None and holder is speech.speaker
    if reporter and not verbal(hit.code) and not _about_itself(words, hit, lo):
        holder = None  # "أعلنت الشرطة مقتل …": the police report the killing
    if is_violent(hit) and light is None and suffered_by_pronoun(words, hit):
        holder = None  # "أسفر عن إصابته": his wounding; the one named before is the victim
    if is_violent(hit) and not hit.verb:
        # "الهجوم الإسرائيلي", "غارة أميركية": a nationality adjective on an attack noun is its
        # author; an armed one ("الهجوم الانتحاري", "التفجير الإرهابي") only says how.
        adj = next((a for a in actors if a.first == hit.last + 1 and a.kind == "adj"), None)
        support = support_subject(words, hit, actors, lo)
        owner = attack_owner_pronoun(words, hit, actors, lo)
        holder = support or adj or owner or circumstance_of(words, hit, previous, roles) or holder
    if hit.code[:2] == "14":
        # "وأضاف النشطاء أن رجالا ونساء نظموا مسيرة": the activists report the march.
        pool = [a for a in actors if speech is None or a is not speech.speaker]
        shared = previous is not None and conjoined(words, hit)
        holder = protester(words, hit, pool, lo, hi, holder, roles.get(id(previous)) if shared else None)
        if holder is None and hit.lemma in CROWD_VERBS:
            return None
    if holder is not None and speech is not None and speech.speaker is not None and _possessed(words, holder):
        # "قال الجيش إن طائراته قصفت": its planes are the army's, when nothing nearer is named.
        nearer = any(speech.quote <= a.first and a.last < holder.first for a in actors)
        holder = holder if nearer else speech.speaker
    if holder is None or (speaker and holder.country and holder.country == speaker.country):
        holder, confidence = speaker, 0.6
    if holder is None and is_violent(hit) and attack_subject(words, hit, lo, actors) is None:
        # No subject: done as in a passive; after a reaction only by a marked agent ("برصاص جنود").
        author = marked_agent(words, actors, hit.last + 1, hi)
        if not reaction:
            author = author or attack_author(words, hit, actors, hi) or perpetrator(words, hit, actors, lo, hi)
        if author is not None and author.first == hit.last + 1 and attack_adjective(words, author, nisba_only=True):
            author = None  # "التفجير الإرهابي الذي استهدف …": how it was done, nobody named
        holder, confidence, hit.passive = author, 0.5, hit.verb
    elif holder is None and hit.code[:2] == "14":
        crowd = [a for a in actors if lo <= a.first < hi and role(a) in CROWDS and not is_locative(words, a)]
        holder, confidence = (crowd[0], 0.5) if crowd else (None, 0.0)
    if holder is None:
        return None
    roles[id(hit)] = holder
    target = find_target(words, hit, actors, holder, (lo, clause, hi), light is not None)
    if target is None and hit.code[:2] == "14":
        target, confidence = protest_place(words, hit, actors, holder, lo, hi), 0.4
    if target is None and hit.code[:2] == "14":
        target, confidence = protest_issue(words, actors, lo, hi), 0.3
    if target is None:
        return None
    return holder, target, confidence + (0.1 if holder.country and target.country else 0.0)
