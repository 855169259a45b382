"""Role rules for protests (CAMEO 14x): who protests (a crowd, party or union in subject
position, or the protesters of the sentence), and who stands on the protesters' side
rather than being protested against (crowds, those the protest stands with). What a protest
is aimed at is found by ``tasks.stance_protest_targets``.
"""

from __future__ import annotations

from tasks.actors import Actor, Words, candidates, country_codes, key_set, norm_token, word_set
from tasks.normalize import key_form
from tasks.stance_cues import Hit, bare
from tasks.stance_grammar import FILLERS, clause_start, is_plural_form, is_plural_verb, match_set, role
from tasks.stance_lexicon import strip_conj, verb_lemma
from tasks.stance_places import is_locative, is_town
from tasks.stance_subjects import can_hold, vso_subject

CROWDS = word_set("CVL OPP EDU LAB")

# Verbs that are protest events only when a crowd is their subject (خرج المتظاهرون, سار
# الطلاب, تجمع الآلاف); "خرج الرئيس" is no protest.
CROWD_VERBS = word_set("تجمع سار خرج نزل تدفق احتشد انضم")

_SOLIDARITY = match_set("تضامنا تضامن دعما دعم تاييدا تاييد نصرة مساندة مساندين")

_ORGANIZED = key_set("نظمها نظمه نظمتها نظمته")
_CALLED = key_set("دعا دعت")
_TO_IT = key_set("إليها إليه اليها اليه")

_SLOGANS = match_set("شعارات شعار لافتات لافتة هتافات يافطات")

_CROWD_SIZES = match_set("آلاف ألوف مئات عشرات")

# Human groups that can hold a protest when they are its grammatical subject.
_GROUPS = word_set("PTY LAB REF")


def is_slogan_verb(words: Words, hit: Hit, lo: int) -> bool:
    """A verb whose subject is a slogan or banner ("شعارات تندد", "لافتات تطالب",
    "هتافات تدين"): what the banner says, the crowd carrying it says."""
    return hit.verb and hit.first > lo and any(c in _SLOGANS for c in candidates(words.keys[hit.first - 1]))


def _group(actor: Actor) -> bool:
    """A crowd, party, union or refugees: people who can hold a protest; so can a people
    named by a plural nationality ("احتشد مئات الفلسطينيين")."""
    people = actor.kind == "adj" and key_form(actor.text.split()[-1]).endswith(("ين", "ون")) if actor.text else False
    return is_crowd(actor) or role(actor) in _GROUPS or people


def is_crowd(actor: Actor) -> bool:
    return role(actor) in CROWDS


def protester(
    words: Words, hit: Hit, actors: list[Actor], lo: int, hi: int, holder: Actor | None, shared: Actor | None
) -> Actor | None:
    """The holder of a protest: a protester (OPP) found by the clause rules; else a crowd,
    party, union or refugees in subject position ("خرج الطلاب", "العمال تجمعوا") or the
    subject of a protest verb joined by و ("وساروا"); else the protesters (OPP) of the
    sentence; else the subject found by the clause rules when it is a crowd, a party or a
    union; else the crowd (متظاهرون, طلاب, عمال …) nearest the cue in the sentence, before
    it first ("خرج آلاف المتظاهرين … احتجاجا" puts it before the noun cue). Joining is a
    protest only when a protest or its crowd is what is joined (see ``_joins_protest``)."""
    if hit.lemma in _JOINING and not _joins_protest(words, hit, hi):
        return None
    if hit.verb and hit.lemma in _GOING_OUT and not _went_out_to_protest(words, hit, actors, hi):
        return None
    organizer = _organizer(words, hit, actors, hi)
    if organizer is not None:
        return organizer
    # Those the protest stands with ("دعما للمتظاهرين") are not the ones holding it.
    crowd = [
        a
        for a in actors
        if lo <= a.first < hi and is_crowd(a) and not is_locative(words, a) and not is_supported(words, a)
    ]
    protesters = [a for a in crowd if role(a) == "OPP"]
    if holder is not None and role(holder) == "OPP":
        return holder
    subject = _subject(words, hit, actors, lo) or shared or _counted_crowd(words, hit)
    if subject is not None and (_group(subject) or _protesting_subject(hit, subject)):
        return subject
    lone = subject is not None and (
        subject.kind in ("country", "city", "person") or is_town(subject) or role(subject) in _OFFICIALS
    )
    # an actor before a comma ends the last clause ("تشكيل مجالس الاسناد، وتجمع المتظاهرون")
    lone = lone and not any(words.keys[j] in ("،", ",") for j in range(subject.last + 1, hit.first))
    if hit.verb and hit.lemma in CROWD_VERBS and (lone or _noun_subject(words, hit, actors)):
        return None  # "خرجت مصر من …", "خرج الرئيس", "وسار الوفد": a state, a person or a body went
    if protesters:
        crowd = protesters
    elif holder is not None and (is_crowd(holder) or role(holder) in ("PTY", "LAB")):
        return holder
    if not crowd:
        return None if hit.lemma in CROWD_VERBS else holder
    return min(crowd, key=lambda a: hit.first - a.last if a.last < hit.first else 2 * (a.first - hit.last))


# خرج "went out" and نزل "went down" are a protest only for protesters, or when the
# streets, a march or its purpose are named ("خرج الآلاف إلى الشوارع", "نزل المتظاهرون إلى
# الشوارع", "خرجوا منددين"); residents leaving a burning building, a director who "brings
# out" a film, a striker who "went out" to the press, guests who "stayed" are no protest.
_GOING_OUT = frozenset(["خرج", "نزل"])
_STREETS = match_set(
    "الشوارع شوارع الشارع شارع الساحات ساحات ساحة الميادين ميادين ميدان مظاهرة مظاهرات تظاهرة تظاهرات مسيرة مسيرات"
)


def _went_out_to_protest(words: Words, hit: Hit, actors: list[Actor], hi: int) -> bool:
    if _marching(words, hit):
        return True
    for j in range(hit.last + 1, min(hi, hit.last + 9)):
        if words.keys[j] in ("،", ",", "."):
            break
        if any(c in _STREETS or c in _PROTEST_PURPOSES for c in candidates(words.keys[j])):
            return True
    near = (a for a in actors if hit.first - 3 <= a.first <= hit.last + 8 and a.first != hit.first)
    return any(role(a) == "OPP" for a in near)


_OFFICIALS = word_set("GOV ELI LEG JUD")
_TIMES = key_set("اليوم الليلة الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت")


def _noun_subject(words: Words, hit: Hit, actors: list[Actor]) -> bool:
    """A definite noun right after a singular verb of moving that is no actor and no
    time word or quantity is its subject ("وسار الوفد في البلدة"): someone who is no crowd
    went, so no crowd protested."""
    j = hit.last + 1
    if j >= len(words.keys) or is_plural_verb(words, hit) or any(a.first <= j <= a.last for a in actors):
        return False
    key = key_form(words.keys[j])
    return key.startswith("ال") and key not in _TIMES and not any(c in _CROWD_SIZES for c in candidates(key))


_JOINING = word_set("انضم")
_PROTESTS = match_set(
    "مظاهرة مظاهرات تظاهرة تظاهرات احتجاج احتجاجات اعتصام اعتصامات اضراب مسيرة مسيرات وقفة الوقفة الوقوف "
    "حراك الحراك انتفاضة الانتفاضة عصيان المتظاهرين المتظاهرون المحتجين المحتجون المعتصمين المضربين"
)


def _joins_protest(words: Words, hit: Hit, hi: int) -> bool:
    """Whether a verb of joining (انضم) joins a protest or its crowd, named later in its
    clause ("انضم العمال إلى المتظاهرين", "انضموا إلى الإضراب", "إلى الوقوف … تضامنا");
    "تنضم إلى سوق العمل" is no protest, whoever joins."""
    for j in range(hit.last + 1, min(hi, hit.last + 16)):
        if words.keys[j] in ("،", ",", ".") or bare(words, j) in ("بينما", "لكن"):
            return False
        if any(c in _PROTESTS for c in candidates(words.keys[j])):
            return True
    return False


def _protesting_subject(hit: Hit, subject: Actor) -> bool:
    """Any people that are the subject of a verb that means protesting (اعتصم الصحفيون،
    تظاهر الأطباء، احتج القضاة) hold the protest, whatever their trade; only the verbs of
    moving (خرج، سار، تجمع) need a crowd. Places and nationalities are not people here."""
    people = subject.kind not in ("country", "city", "adj", "thing") and subject.code not in country_codes()
    return hit.verb and hit.lemma not in CROWD_VERBS and people


def _organizer(words: Words, hit: Hit, actors: list[Actor], hi: int) -> Actor | None:
    """Who organised or called a protest named by a noun: "مظاهرة نظمها حزب البعث",
    "تظاهرة دعت إليها المعارضة" (the actor within three words after the marker)."""
    if hit.verb or hit.last + 1 >= hi:
        return None
    j = hit.last + 1
    key = strip_conj(key_form(words.keys[j]))[-1]
    called = key in _CALLED and j + 1 < hi and key_form(words.keys[j + 1]) in _TO_IT
    if key not in _ORGANIZED and not called:
        return None
    start = j + 2 if called else j + 1
    return next((a for a in actors if start <= a.first <= start + 2 and not is_locative(words, a)), None)


# Indefinite accusative participles that describe a crowd on the move (حال): "خرج الآلاف
# إلى الشوارع متظاهرين", "ساروا مطالبين"; and the verbs of moving they follow.
_MARCHING = match_set("متظاهرين محتجين معتصمين مطالبين منددين رافضين هاتفين")
# Purposes that make a gathering a protest ("تجمع العشرات … للمطالبة بطرد السفير").
_PROTEST_PURPOSES = match_set("للمطالبة للتنديد للاحتجاج احتجاجا تنديدا")
_MOVING = CROWD_VERBS | word_set("عاد توجه نزل وقف")


def _marching_word(words: Words, j: int) -> bool:
    key = strip_conj(key_form(words.keys[j]))[-1]
    return key in _MARCHING and not key.startswith("ال")


def circumstantial(words: Words, actor: Actor, lo: int) -> bool:
    """A one-word protester participle after a verb of moving ("خرج الطلاب متظاهرين",
    "خرج مئات الآلاف إلى الشوارع متظاهرين ضد"): it says how the subject went, it is no
    party of its own; the crowd that went holds the protest."""
    if actor.first != actor.last or not _marching_word(words, actor.first) or actor.start > words.spans[actor.first][0]:
        return False
    return any(verb_lemma(words.keys[j], _MOVING) is not None for j in range(max(lo, actor.first - 8), actor.first - 1))


def _marching(words: Words, hit: Hit) -> bool:
    """A verb of moving followed in its clause by such a participle or a protest purpose
    (للمطالبة، احتجاجا): the crowd marched."""
    for j in range(hit.last + 2, min(len(words.keys), hit.last + 9)):
        if words.keys[j] in ("،", ",", "."):
            return False
        if _marching_word(words, j) or norm_token(strip_conj(words.keys[j])[-1]) in _PROTEST_PURPOSES:
            return True
    return False


def _counted_crowd(words: Words, hit: Hit) -> Actor | None:
    """A crowd named only by its size as the subject of a protest: right after a protest
    verb ("وتظاهر الآلاف", "اعتصم المئات"), or before the protest noun it took part in
    ("خرج الآلاف في مظاهرات", "شارك المئات في مسيرة"). The number word (with the people it
    counts after a verb: "تظاهر مئات المغاربة") is the subject, a crowd of people (CVL).
    Not right after the verbs that are protests only with protesters for subject (احتشد
    الآلاف … لحضور الحفل), unless a participle says they marched (``_marching``)."""
    if hit.verb:
        j = hit.last + 1
        if (hit.lemma in CROWD_VERBS and not _marching(words, hit)) or j >= len(words.keys):
            return None
    else:
        j = hit.first - 2 if hit.first >= 2 and bare(words, hit.first - 1) == "في" else -1
        if j < 0:
            return None
    if not any(c in _CROWD_SIZES for c in candidates(words.keys[j])):
        return None
    last = j
    if not words.keys[j].startswith("ال"):  # the written form: آلاف is key-formed الاف
        # "تظاهر مئات المغاربة": an indefinite size in the construct state with the people
        # it counts, a definite plural the dictionaries may not list.
        if not hit.verb or j + 1 >= len(words.keys) or not key_form(words.keys[j + 1]).startswith("ال"):
            return None
        last = j + 1
    start, end = words.spans[j][0], words.spans[last][1]
    return Actor(start, end, j, last, "CVL", "agent", words.text[start:end])


def _subject(words: Words, hit: Hit, actors: list[Actor], lo: int) -> Actor | None:
    """The actor in subject position of a cue: right before it (fillers allowed), or for a
    verb the first actor after it with only quantity words between ("خرج عدد من الطلاب",
    "تظاهر نحو ألفي شخص"). A plural verb has its whole subject before it, so the first
    group of its clause heads that subject ("الآلاف من المتظاهرين من تلاميذ … وطلاب الثانوي
    تدفقوا": the protesters), and so does a noun cue a plural verb just before governs
    ("رجالا ونساء نظموا عقب ذلك مسيرة"). Used where the clause rules would reach further afield."""
    object_of_plural = not hit.verb and any(
        is_plural_form(words.keys[j]) for j in range(max(lo, hit.first - 3), hit.first)
    )
    if is_plural_verb(words, hit) or object_of_plural:
        clause = clause_start(words, hit.first, lo)
        head = next(
            (a for a in actors if clause <= a.first and a.last < hit.first and _group(a) and can_hold(words, a, hit)),
            None,
        )
        if head is not None:
            return head
    before = [a for a in actors if lo <= a.first and a.last < hit.first]
    if before and hit.first - before[-1].last <= 3:
        gap = range(before[-1].last + 1, hit.first)
        if all(bare(words, j) in FILLERS for j in gap) and can_hold(words, before[-1], hit):
            return before[-1]
    return vso_subject(words, hit, actors)


def is_supported(words: Words, actor: Actor) -> bool:
    """An actor a protest stands with, not against: "تضامنا مع الشعب الفلسطيني", "دعما
    للمتظاهرين", "تأييدا للحكومة", "نصرة لغزة"."""
    back = [bare(words, j) for j in range(max(0, actor.first - 2), actor.first)]
    glued = key_form(words.keys[actor.first])[: actor.start - words.spans[actor.first][0]]
    return any(any(c in _SOLIDARITY for c in candidates(b)) for b in back) and (
        "مع" in back or "ل" in glued or any(b.startswith("ل") for b in back)
    )
