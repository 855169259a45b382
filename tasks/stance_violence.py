"""Role rules for violence (CAMEO 17x–20): attack nouns and their authors, agents named
after the act, unidentified attackers, and the place and thing words an attack may hit
(``thing_in``; which of them it was aimed at is decided in ``tasks.stance_aim``).

News reports violence mostly without a grammatical agent ("قُتل 12 شخصا في هجوم انتحاري"),
so these rules decide who did it from the words around the cue rather than from clause
order alone; the victims of passive reports are found in ``tasks.stance_victims``.
"""

from __future__ import annotations

from tasks.actors import (
    Actor,
    Words,
    candidates,
    country_codes,
    has_pronoun,
    is_article,
    key_set,
    lexicon,
    norm_token,
    word_set,
)
from tasks.actors_institutions import nisba
from tasks.normalize import key_form
from tasks.schema import Language
from tasks.stance_cues import CLAUSE_BREAK, Hit, bare, is_break
from tasks.stance_grammar import ARMED, following, is_definite, match_set, role
from tasks.stance_lexicon import strip_conj
from tasks.stance_places import PLACE_PREPS, is_locative
from tasks.stance_subjects import is_victim

_RELATIVE_VERBS = "نفذه نفذته نفذها شنه شنته شنها تبناه تبنته تقودها يقودها تقوده يقوده قادها قادته"
# The present tense too: "الهجوم الذي تشنه قوات المخلوع", "الغارات التي يشنها التحالف".
_RELATIVE_PRESENT = "ينفذه تنفذه ينفذها تنفذها يشنه تشنه يشنها تشنها"
_AGENT_MARKERS = match_set(f"نفذ نفذت شنت يد ايدي تبني تبنت برصاص بنيران بواسطة {_RELATIVE_VERBS} {_RELATIVE_PRESENT}")

# Relative clauses naming who carried an attack out or led it ("هجوم نفذته", "غارة
# شنتها", "ضربات جوية تقودها الولايات المتحدة"); the pronoun matters: "هجوم نفذ انتقاما"
# is passive and names no one.
_RELATIVE_AGENT = match_set(f"{_RELATIVE_VERBS} {_RELATIVE_PRESENT}")

_FORCES = word_set("MIL COP SPY")

ATTACK_NOUNS = match_set("هجوم هجمات تفجير تفجيرات انفجار اعتداء اعتداءات غارة غارات قصف عملية عمليات كمين")

# Places and things attacks and protests are aimed at, in match form.
_THINGS = match_set(
    "مقر مقرات مكتب مكاتب مستشفى مستشفي سوق اسواق فندق سفينة سفن دورية دوريات موكب قافلة قوافل منزل منازل "
    "مسجد كنيسة مدرسة حافلة حافلات سيارة سيارات طائرة طائرات مبنى مبني مباني حاجز معبر مصنع محطة جسر جسور "
    "بوابة نقطة ثكنة قاعدة بلدة بلدات قرية قري مخيم مخيمات مستوطنة مستوطنات مواقع موقع اهداف "
    "انبوب انابيب منشاة منشات مطار ميناء سجن مركز مراكز كنيس برج"
)


# Premises named by their institution (an embassy, a consulate, a ministry's building).
_PREMISES = match_set("سفارة السفارة سفارات السفارات قنصلية القنصلية بعثة البعثة")


def perpetrator(words: Words, hit: Hit, actors: list[Actor], lo: int, hi: int) -> Actor | None:
    """For violence with no subject in sight: the agent after نفذه/شنه/على يد, else an
    armed non-state actor (مسلحون, انتحاري, سيارة مفخخة) named in the sentence, as event
    coders record the attacker, even an unidentified one."""
    agent = marked_agent(words, actors, lo, hi) or _clash_partner(words, hit, actors, hi)
    if agent is not None:
        return agent
    armed = [
        a
        for a in actors
        if role(a) in ARMED
        and not (a.first <= hit.first <= a.last)
        and not is_victim(words, a)
        and (a.first != hit.last + 1 or hit.code == "183")  # "انفجار سيارة مفخخة" names the weapon
        and not _elsewhere(words, hit, a)
    ]
    return armed[0] if armed else _projectile(words, hit, actors, lo, hi)


_ELSEWHERE = key_set("حيث بينما فيما")


def _elsewhere(words: Words, hit: Hit, actor: Actor) -> bool:
    """An armed group named in a clause of its own after the killing, opened by حيث،
    بينما، فيما ("قتل عشرة جنود … في ولاية لوغار حيث ينتشر متمردو طالبان"), is only said
    to be there: it is not taken for the unnamed attacker."""
    return actor.first > hit.last and any(bare(words, j) in _ELSEWHERE for j in range(hit.last + 1, actor.first))


_PROJECTILE_NOUNS = match_set("قذيفة قذائف صاروخ صواريخ قنبلة قنابل لغم الغام")
_PROJECTILE_KINDS = match_set("هاون الهاون كاتيوشا الكاتيوشا غراد مدفعية صاروخية")


def _projectile(words: Words, hit: Hit, actors: list[Actor], lo: int, hi: int) -> Actor | None:
    """With no attacker named at all, the shell, rocket, bomb or mine that did it stands for
    the unnamed attacker, as a car bomb does ("سقطت قذائف هاون على مبان سكنية ما أدى إلى
    مقتل مدنيين", "أصيب جنديان في هجوم بقذائف الهاون"): the word and the kind after it
    (هاون، الكاتيوشا). A weapon under an actor's name is left alone."""
    if any(c in _PROJECTILE_NOUNS for c in candidates(words.keys[hit.first])):
        return None  # a volley (صواريخ، قذائف) is the act; another one is not its author
    for j in range(lo, hi):
        if any(a.first <= j <= a.last for a in actors):
            continue
        offset = next((o for form, o in candidates(words.keys[j]).items() if form in _PROJECTILE_NOUNS), None)
        if offset is None:
            continue
        kind = j + 1 < hi and any(c in _PROJECTILE_KINDS for c in candidates(words.keys[j + 1]))
        last = j + 1 if kind else j
        start = words.spans[j][0] + offset
        return Actor(start, words.spans[last][1], j, last, "UAF", "agent", words.text[start : words.spans[last][1]])
    return None


_CLASH_NOUNS = match_set("اشتباك اشتباكات مواجهة مواجهات معارك معركة")


def _clash_partner(words: Words, hit: Hit, actors: list[Actor], hi: int) -> Actor | None:
    """Those killed in a clash "with" someone were killed by them: "مقتل ثلاثة إرهابيين في
    اشتباك مع قوات الأمن", "قتل مسلحان في مواجهات مع الجيش" (the clash within eight words
    after the cue, the actor right after its مع)."""
    for j in following(words, hit.last + 1, hi, 8):
        if is_break(words, j, CLAUSE_BREAK):
            return None
        if any(c in _CLASH_NOUNS for c in candidates(words.keys[j])) and j + 2 < hi and bare(words, j + 1) == "مع":
            return next((a for a in actors if a.first in (j + 2, j + 3) and not is_locative(words, a)), None)
    return None


def noun_author(words: Words, hit: Hit, actors: list[Actor], hi: int) -> Actor | None:
    """The author an attack noun names right after it: in a relative clause ("غارة شنتها
    طائرة …", "هجوم انتحاري نفذته امرأة", "عمليات نفذها قراصنة"; the marker at most one
    adjective after the noun), or as the genitive of the noun in the construct state
    ("هجوم المسلحين على القرية", "قصف الطائرات لمنزل", "اعتداء المستوطنين"): an attack's
    genitive is who attacked, unless it is a place ("قصف غزة" is the shelling of Gaza); so
    is an armed actor or a force after ل ("غارات لطائراته", "هجوم لطالبان").
    Whoever stands before the noun is then its victim or a bystander, not its author."""
    return None if hit.verb else author_after(words, hit.first, hit.last, actors, hi)


def author_after(words: Words, first: int, last: int, actors: list[Actor], hi: int) -> Actor | None:
    """``noun_author`` for the attack noun at tokens ``first``..``last``."""
    relative = marked_agent(words, actors, last + 1, min(hi, last + 4), _RELATIVE_AGENT)
    if relative is not None or first != last:
        return relative
    return attack_owner(words, first, actors)


# A military coalition, which the institution rules read as a party alliance (PTY).
_COALITIONS = match_set("التحالف تحالف")


def attack_owner(words: Words, i: int, actors: list[Actor]) -> Actor | None:
    """The author named right after the attack noun at token ``i``: its definite genitive
    in the construct state, or an armed actor or a force after ل (see ``noun_author``).
    Any verbal noun of violence whose genitive is followed by its object with ل has that
    genitive for agent, a state too ("قتل اليهود للفلسطينيين", "قصف إسرائيل لغزة",
    "اعتقال الشرطة للمتظاهرين"); without it the genitive of قتل، اغتيال، اعتقال is the victim."""
    owner = next((a for a in actors if a.first == i + 1), None)
    if owner is None or is_locative(words, owner) or owner.kind in ("city", "adj"):
        return None
    premises = any(c in _THINGS or c in _PREMISES for c in candidates(words.keys[owner.first]))
    if premises and role(owner) not in ARMED | _FORCES:  # car bombs, planes act: "غارات الطائرات"
        return None  # "تفجير السفارة الإسرائيلية": a building is what was bombed, never who bombed
    lam = _lam_object(words, owner.last + 1) and key_form(words.keys[owner.first]) not in _OFFICES
    if not lam and not any(c in ATTACK_NOUNS for c in candidates(words.keys[i])):
        return None
    if not lam and (owner.kind == "country" or owner.code in country_codes()):
        return None
    glued = key_form(words.keys[owner.first])[: owner.start - words.spans[owner.first][0]]
    coalition = any(c in _COALITIONS for c in candidates(words.keys[owner.first]))
    if glued.endswith("ل") and (role(owner) in ARMED | _FORCES | {"GOV"} or coalition):
        return owner  # "غارات لطائراته", "هجوم لطالبان", "قصف لقوات النظام": theirs
    named = owner.kind in ("country", "person", "actor")  # definite without the article
    if lam and not glued and not is_definite(words.keys[i]) and (named or is_article(words.keys[owner.first])):
        return owner  # "قصف إسرائيل لغزة"; "ضربة عسكرية لإيران" has an adjective, no genitive
    # The genitive is definite by its article or, itself a construct, by its last word
    # ("قصف قوات النظام لمدن").
    definite = is_article(words.keys[owner.first]) or (owner.last > owner.first and is_article(words.keys[owner.last]))
    construct = not glued and not is_definite(words.keys[i]) and definite
    return owner if construct else None


# Nouns of office: the ل after them names the body the office belongs to ("اغتيال
# الأمين العام لحزب الله" is the assassination of Hezbollah's secretary-general).
_OFFICES = key_set(
    "أمين الأمين رئيس الرئيس قائد القائد زعيم الزعيم مدير المدير وزير الوزير الناطق المتحدث نائب النائب "
    "مسؤول المسؤول عضو العضو ممثل الممثل مستشار المستشار"
)
_NOT_LAM = key_set("لدى لكن لأن لان لكي لقد لهذا لذلك لذا لعل لم لن لا له لها لهم")


def _lam_object(words: Words, j: int) -> bool:
    """Whether token ``j`` is a noun with the ل that marks a verbal noun's object."""
    if j >= len(words.keys):
        return False
    key = key_form(words.keys[j])
    return key[:1] == "ل" and len(key) > 3 and key not in _NOT_LAM and key.isalpha()


def suffered_by_pronoun(words: Words, hit: Hit) -> bool:
    """A noun of what was done to someone with a pronoun for that someone (مقتله، إصابته،
    اغتيالها، اعتقالهم): the pronoun is the victim, so the actor before the noun is not its
    author. Attack nouns are the other way round: هجماتها are its attacks."""
    token = words.keys[hit.first]
    if hit.verb or hit.first != hit.last:
        return False
    return has_pronoun(token) and not any(c in ATTACK_NOUNS for c in candidates(token))


def marked_agent(
    words: Words, actors: list[Actor], lo: int, hi: int, markers: frozenset[str] | None = None
) -> Actor | None:
    """The actor after نفذه/شنه/تبنته/على يد/برصاص/من قبل (up to six words on); with
    ``markers``, after those words only."""
    for j in range(lo, hi - 1):
        by = markers is None and bare(words, j) == "قبل" and j > lo and bare(words, j - 1) == "من"
        if by or any(c in (markers or _AGENT_MARKERS) for c in candidates(words.keys[j])):
            agent = next((a for a in actors if j < a.first <= j + 6 and not is_locative(words, a)), None)
            if agent:
                return agent
    return None


def attacker_adj(actor: Actor) -> bool:
    """What may describe an attack's author right after the attack noun: a nationality
    ("قصف إسرائيلي"), an armed group ("هجوم انتحاري") or a force of a country ("قصف مدفعي
    إسرائيلي": Israeli artillery)."""
    return actor.kind == "adj" or role(actor) in ARMED or (role(actor) in _FORCES and actor.country is not None)


def attack_adjective(words: Words, actor: Actor, *, nisba_only: bool = False) -> bool:
    """An armed role right after an attack noun, agreeing with it in definiteness, is an
    adjective of the attack ("هجوم انتحاري", "الهجوم الإرهابي", "في تفجير انتحاري"): it says
    how the attack was made, so it is neither whom a cue before it hit nor, for readers, a
    party that holds it. After a noun of what was suffered (مقتل مسلحين) the noun is the
    victim, so only attack nouns count. ``nisba_only`` also leaves out a weapon in the
    genitive (تفجير عبوة ناسفة), which event coders take for the unnamed attacker."""
    j = actor.first - 1
    if j < 0 or role(actor) not in ARMED or not any(c in ATTACK_NOUNS for c in candidates(words.keys[j])):
        return False
    if nisba_only and (actor.first != actor.last or not nisba(words.keys[actor.first])):
        return False
    return is_definite(words.keys[j]) == is_definite(words.keys[actor.first])


def _in_construct(token: str) -> bool:
    """A sound plural in the construct state, its ن dropped (سائقو، مقاتلي): a form the
    dictionaries do not list as such (انتحاري is an adjective, not a construct plural)."""
    key = strip_conj(key_form(token))[-1]
    if is_article(key) or not key.endswith(("و", "ي")):
        return False
    return norm_token(key) not in lexicon(Language.ARABIC).root


def thing_in(
    words: Words, span: range, actors: list[Actor], facing: frozenset[str] = frozenset(), glued_lam: bool = False
) -> Actor | None:
    """The first place or thing word in ``span`` (in its order), outside any actor, not after
    في/من/قرب … (except the ``facing`` ones) and without a glued ب or ل ("مضادة للطائرات"
    names no target; ``glued_lam`` allows ل, the object marker after a verbal noun and its
    agent), as an actor with no code. A definite word after an indefinite thing
    is its construct complement and part of its name: "مبنى المحافظة", "مقر الشركة" (after
    a definite one it is an adjective: "البلدات المحيطة")."""
    for j in span:
        if any(a.first <= j <= a.last for a in actors):
            continue  # "انفجار سيارة مفخخة": the car is the bomb
        if any(a.last == j - 1 for a in actors) and _in_construct(words.keys[j - 1]):
            continue  # "سائقو سيارات الأجرة": the cars name the drivers, not a target
        offset = next((o for form, o in candidates(words.keys[j]).items() if form in _THINGS), None)
        if offset is None or has_pronoun(words.keys[j]):
            continue  # "قصفت الطائرات مواقعه": its positions name their owner, not a target
        prev = bare(words, j - 1) if j > 0 else ""
        where = (prev in PLACE_PREPS and prev not in facing) or prev in ("من", "الي", "عن")
        glued = key_form(words.keys[j])[:offset].replace("ال", "")
        if not where and "ب" not in glued and ("ل" not in glued or glued_lam):
            start, end = words.spans[j]
            last = j
            if not is_definite(words.keys[j]) and j + 1 < len(words.keys) and is_article(words.keys[j + 1]):
                last, end = j + 1, words.spans[j + 1][1]
            return Actor(start + offset, end, j, last, "", "thing", words.text[start + offset : end])
    return None
