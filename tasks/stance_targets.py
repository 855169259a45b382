"""The target of a cue: the first party after it that is not the holder's side, the
partner of a verb done "with" someone, the object inside a phrase cue, the one a protest
note is handed to, where a march or volley is aimed, and what an object pronoun points
back to."""

from __future__ import annotations

from tasks.actors import Actor, Words, candidates, key_set, word_set
from tasks.normalize import key_form
from tasks.stance_aim import aimed, instrument, thing_after, toward
from tasks.stance_cues import Hit, bare, is_break, verbal
from tasks.stance_grammar import (
    IN_ATTACK,
    RELATIVES,
    TARGET_BREAK,
    TARGET_BREAK_EN,
    construct_object,
    following,
    has_object_pronoun,
    is_masdar,
    is_violent,
    is_weapon,
    match_set,
    same_party,
)
from tasks.stance_lexicon import verb_lemma
from tasks.stance_places import is_locative
from tasks.stance_protest import is_crowd, is_supported
from tasks.stance_protest_targets import carried, ousted, recipient
from tasks.stance_subjects import SUFFERING, is_counted
from tasks.stance_violence import ATTACK_NOUNS, attack_adjective, author_after

_WITH_VERBS = word_set("اشتبك اصطدم تعاون اجتمع التقي تحالف تبادل")

_PRONOUN_OBJECTS = frozenset(
    key_form(p + s) for p in ("علي", "ضد", "ب", "ل") for s in ("ه", "ها", "هم", "هما")
) | key_set("عليه عليها عليهم عليهما")


# فيما "while" opens a new clause, but a protest's addressee is often named in the one on
# how it was met ("ينظمون مظاهرة …، فيما تقوم قوات الشرطة بقمعهم").
_PROTEST_BREAK = TARGET_BREAK - {key_form("فيما")}


def find_target(
    words: Words, hit: Hit, actors: list[Actor], holder: Actor, span: tuple[int, int, int], light: bool
) -> Actor | None:
    """The cue's target in the sentence ``span`` (start, clause start, end): the first
    fitting actor after the cue (``_target``), else what an object pronoun points back
    to, on a noun carried by a light verb (``light``) or on a verb. None when a headless
    relative follows ضد (``_whoever``)."""
    lo, clause, hi = span
    if _whoever(words, hit, hi):
        return None
    condemned = _condemned_attack(words, hit, hi)
    if condemned is not None:
        author = _attack_author(words, condemned, actors, hi)
        return author if author is not None and not same_party(author, holder) else None
    target = _target(words, hit, actors, holder, clause, hi)
    if target is None and light:
        target = _pronoun_referent(words, hit, actors, holder, lo)
    if target is None and hit.verb and _object_pronoun(words, hit, hi):
        target = _referent_after_holder(words, hit, actors, holder, lo)
    return target


# Verbal nouns of harm done to someone, whose genitive is the victim: "أدان مقتل الصحفي"
# condemns the killing of the journalist, not the journalist. After a criticism cue they
# are nouns, so those spelt like verbs (قتل، خطف) count too.
_HARMS = SUFFERING | match_set("قتل خطف إعدام تعذيب احتجاز ذبح استهداف")


def _condemned_attack(words: Words, hit: Hit, hi: int) -> int | None:
    """The attack or harm a criticism cue condemns, right after it or after one word
    ("أعرب عن إدانته للتفجير الإرهابي", "استنكرت القصف التركي", "أدان اغتيال السفير")."""
    if hit.code[:2] != "11":
        return None
    for j in range(hit.last + 1, min(hi, hit.last + 3)):
        if any(c in ATTACK_NOUNS or c in _HARMS for c in candidates(words.keys[j])):
            return j
    return None


def _attack_author(words: Words, i: int, actors: list[Actor], hi: int) -> Actor | None:
    """Whom condemning the attack at ``i`` is against: its author, named by a nationality
    adjective ("القصف التركي"), its genitive or a relative clause ("الهجوم الذي نفذته
    الحركة"); never the place or people the attack hit ("التفجير الذي استهدف مسجد قوات
    الطوارئ": the forces are its victims, not whom the king condemns). An armed adjective
    (الإرهابي، الانتحاري) says what kind of attack it was, and names no one."""
    adjective = next((a for a in actors if a.first == i + 1 and a.kind == "adj"), None)
    return adjective or author_after(words, i, i, actors, hi)


_AGAINST = key_set("ضد")
_HEADLESS = key_set("من ما الذين اللذين")


def _whoever(words: Words, hit: Hit, hi: int) -> bool:
    """A cue ending in ضد followed by من، ما or الذين: against "whoever" ("الإجراءات
    القانونية ضد من اتهموا بإهانة الرئيس"): ضد takes a noun, so من is no "from" here, and
    the target is the unnamed people the relative clause describes, not a party named in
    it (the insulted president). So has the verb of that relative clause."""
    nxt = hit.last + 1
    if nxt < hi and bare(words, hit.last) in _AGAINST and bare(words, nxt) in _HEADLESS:
        return True
    # The verb of that relative clause ("ضد من اتهموا بإهانة الرئيس") has "whoever" for
    # subject (or, passive, for object): its named party has no named other side.
    relative = hit.first > 1 and bare(words, hit.first - 1) in _HEADLESS
    return hit.verb and relative and bare(words, hit.first - 2) in _AGAINST


def _target(words: Words, hit: Hit, actors: list[Actor], holder: Actor, clause: int, hi: int) -> Actor | None:
    """The first actor after the cue that is not the holder or joined to it by و (for
    violence, a counted victim just before a passive verb comes first). A group with the
    holder's own bare role (CVL and CVL) is taken only when no other actor follows."""
    if is_violent(hit):
        victims = [a for a in actors if clause <= a.first and a.last < hit.first and a is not holder]
        if victims and is_counted(words, victims[-1]) and hit.first - victims[-1].last <= 2:
            return victims[-1]
        counted = [a for a in victims if is_counted(words, a) and not same_party(a, holder)]
        if counted and not hit.verb and _in_the_attack(words, hit):
            return counted[-1]  # "سقط عشرات العراقيين بين قتيل وجريح بانفجار سيارة مفخخة"
    partner = _with_partner(words, hit, actors, holder, hi)
    inner = next((a for a in actors if construct_object(words, hit, a) and not same_party(a, holder)), None)
    handed = recipient(words, hit, actors, holder, clause)
    aimed_to = toward(words, hit, actors, hi) if is_violent(hit) or hit.code[:2] == "14" else None
    if aimed_to is not None and same_party(aimed_to, holder):
        aimed_to = None
    fallen = ousted(words, hit, actors, hi)
    if partner is not None or inner is not None or handed is not None or aimed_to is not None or fallen is not None:
        return partner or inner or handed or aimed_to or fallen
    skip = {id(holder)}
    last = holder.last
    fallback = None
    complement = _past_relative(words, hit, holder, hi)
    for actor in actors:
        if actor.first <= max(hit.last, complement) or actor.first >= hi or is_locative(words, actor):
            continue
        breaks = TARGET_BREAK_EN if hit.english else _PROTEST_BREAK if hit.code[:2] == "14" else TARGET_BREAK
        if any(is_break(words, j, breaks) for j in following(words, hit.last + 1, actor.first, hi)):
            break  # a break inside brackets ("(… بحسب التقديرات)") ends nothing
        if _relative_on_time(words, hit.last + 1, actor.first) or _new_clause(words, hit.last + 1, actor.first):
            break  # "في اليوم الذي يلقي الرئيس خطابه": a party of when, not of whom
        if hit.participle and actor.first - hit.last > 4:
            break  # "مطالبين برحيل الحكومة": a participle's object follows it closely
        if actor.first == last + 1 and words.keys[actor.first][:1] == "و" and last >= holder.last:
            skip.add(id(actor))
            last = actor.last
            continue
        if (hit.code[:2] == "14" and (is_crowd(actor) or is_supported(words, actor))) or _alongside(words, actor):
            continue
        if instrument(words, actor) or is_weapon(words, actor):
            continue  # "بسيارة مفخخة", "يحمل حزاما ناسفا": the weapon, not the victim
        if attack_adjective(words, actor):
            continue  # "هجوما انتحاريا", "في تفجير انتحاري": how an attack was made, not whom it hit
        if actor.kind == "city" and (is_violent(hit) or hit.code[:2] == "14") and not aimed(words, actor):
            continue
        if id(actor) in skip or same_party(actor, holder) or carried(words, actor, hit.last + 1):
            continue
        if actor.code != holder.code or actor.country:
            return actor
        fallback = fallback or actor
    if fallback is None and (is_violent(hit) or hit.code[:2] == "14"):
        return thing_after(words, hit, actors, hi)
    return fallback


# Times a relative clause may describe ("في اليوم الذي", "في الوقت الذي": while).
_TIMES = match_set("يوم اليوم وقت الوقت ساعة الساعة ليلة الليلة أسبوع الأسبوع شهر الشهر عام العام لحظة اللحظة")


def _relative_on_time(words: Words, start: int, end: int) -> bool:
    """A relative pronoun in ``[start, end)`` whose antecedent is a time: what follows
    tells when ("اقتحم مسلحون عددا من المباني في اليوم الذي يلقي الرئيس خطابه", "في الوقت
    الذي"), and a party named in it is not the object of the verb before. (A clause on a
    place or a thing may name the object's owner, one on a noun cue the act's own parties:
    "الغارات التي تشنها أنقرة ضد حزب العمال".)"""
    return any(
        key_form(words.keys[j]) in RELATIVES and j > 0 and any(c in _TIMES for c in candidates(words.keys[j - 1]))
        for j in range(start, end)
    )


# Perfect verbs that open a sentence of their own after "، و": results and reports.
_CLAUSE_VERBS = key_set("أسفر ادى أدى أضاف أشار أكد أوضح قال كان تم")


def _new_clause(words: Words, start: int, end: int) -> bool:
    """A comma then و on an imperfect verb in ``[start, end)`` ("…، وتأتي إعادة البناء عقب
    مناشدة حكومة مالي") or on a perfect verb of result or report ("…، وأسفر القصف عن مقتل
    سبعة مدنيين"): a new sentence with its own subject and object begins. The imperfect
    is told by its prefix (ت، ي، ن) and by not being a verbal noun (وتعزيز، وتنفيذ)."""
    for j in range(start + 1, end):
        key = key_form(words.keys[j])
        verb = key[:1] == "و" and key[1:2] in ("ت", "ي", "ن") and len(key) >= 5 and not is_masdar(key[1:])
        verb = verb or (key[:1] == "و" and verb_lemma(words.keys[j], _CLAUSE_VERBS) is not None)
        if verb and words.keys[j - 1] in ("،", ","):
            return True
    return False


def _with_partner(words: Words, hit: Hit, actors: list[Actor], holder: Actor, hi: int) -> Actor | None:
    """The other side of a verb done "with" someone (اشتبك مع، اجتمع مع، تعاون مع): the
    actor right after مع in the same clause, however many words stand before it; and of a
    reciprocal noun (مواجهات مع الشرطة، اشتباكات مع الجيش), right after it."""
    reciprocal = not hit.verb and hit.layout == "rec"
    if not reciprocal and (not hit.verb or hit.lemma not in _WITH_VERBS):
        return None
    for j in range(hit.last + 1, min(hi, hit.last + (3 if reciprocal else 15))):
        if is_break(words, j, TARGET_BREAK):
            return None
        if bare(words, j) == "مع":
            actor = next((a for a in actors if j < a.first <= j + 2), None)
            return actor if actor is not None and not same_party(actor, holder) else None
    return None


def _pronoun_referent(words: Words, hit: Hit, actors: list[Actor], holder: Actor, lo: int) -> Actor | None:
    """The actor an object pronoun on a noun cue points back to ("قام الجنود باغتصابها":
    her, the girl named before): the nearest actor before the holder."""
    if not key_form(words.keys[hit.last]).endswith(("ها", "هم", "هما")):
        return None
    before = [a for a in actors if lo <= a.first and a.last < holder.first and not is_locative(words, a)]
    return before[-1] if before and not same_party(before[-1], holder) else None


def _object_pronoun(words: Words, hit: Hit, hi: int) -> bool:
    """A verb whose object is a pronoun: on the verb ("ورشقهم", "وطالبوه") or on the
    preposition after it ("واعتدوا عليهم", "نددوا به")."""
    if has_object_pronoun(words.keys[hit.first], hit.lemma):
        return True
    nxt = key_form(words.keys[hit.last + 1]) if hit.last + 1 < hi else ""
    return nxt in _PRONOUN_OBJECTS


def _referent_after_holder(words: Words, hit: Hit, actors: list[Actor], holder: Actor, lo: int) -> Actor | None:
    """What an object pronoun points back to when a verb names no target of its own: the
    actor last named between the holder and the verb ("هاجم المستوطنون المواطنين …
    واعتدوا عليهم": the villagers). None when nothing stands between them."""
    between = [
        a
        for a in actors
        if lo <= a.first and holder.last < a.first and a.last < hit.first and not is_locative(words, a)
    ]
    return between[-1] if between and not same_party(between[-1], holder) else None


_SIDE = key_set("جانب بجانب صفوف")


def _alongside(words: Words, actor: Actor) -> bool:
    """An actor one fights or stands "alongside" or "in the ranks of" ("قاتلت إلى جانب
    الجبهة ضد النظام", "بجانب القوات", "للقتال في صفوف تنظيم داعش"): an ally, not the
    target."""
    return actor.first > 0 and key_form(words.keys[actor.first - 1]) in _SIDE


_COMPLEMENT_WORDS = key_set("إلى الى على علي")


def _past_relative(words: Words, hit: Hit, holder: Actor, hi: int) -> int:
    """Where the complement of a demand or appeal starts when a relative clause on its
    subject stands between: in "طالب المحتجون الذين تجمعوا أمام البرلمان باستقالة الحكومة"
    the parliament is where they gathered, the government what they demanded (the first
    word with ب, or إلى/على, after the relative pronoun). -1 when there is none."""
    if not hit.verb or not verbal(hit.code) or holder.first <= hit.last or holder.last + 1 >= hi:
        return -1
    if key_form(words.keys[holder.last + 1]) not in RELATIVES:
        return -1
    for j in range(holder.last + 3, min(hi, holder.last + 12)):
        key = key_form(words.keys[j])
        if is_break(words, j, TARGET_BREAK) or words.keys[j] in ("،", ","):
            return -1
        if key in _COMPLEMENT_WORDS or (key[:1] == "ب" and len(key) > 4 and bare(words, j - 1) not in ("في", "من")):
            return j - 1
    return -1


def _in_the_attack(words: Words, hit: Hit) -> bool:
    """An attack noun introduced as the circumstance of what befell someone: with a glued
    ب (بانفجار) or after في/جراء/إثر. The counted people named before it in its clause are
    its victims, whatever verb tells their fate (سقط، لقي، قضى)."""
    glued = key_form(words.keys[hit.first])[:1] == "ب"
    return glued or (hit.first > 0 and bare(words, hit.first - 1) in IN_ATTACK)
