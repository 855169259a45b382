"""Evidence for conflict (against) records.

Conflict records keep looser role rules than cooperation ones (``tasks.stance_evidence``),
since event reports name their parties close by; but on ordinary news a thing, a helped
ally or one party named twice still turns up as a side, and a rejecting verb reaches an
actor inside the rejected act. A noun cue lifted or opposed through the verb that governs
it ("رفع العقوبات عن طهران") asserts no conflict at all (``tasks.stance_opposed_acts``).
"""

from __future__ import annotations

from tasks.actors import (
    Actor,
    Words,
    country_of,
    is_article,
    is_word,
    key_set,
    lexicon,
    norm_set,
    norm_token,
)
from tasks.actors_institutions import nisba
from tasks.normalize import key_form
from tasks.schema import Language
from tasks.stance_cues import CLAUSE_BREAK, Hit, is_break
from tasks.stance_evidence import adjective
from tasks.stance_grammar import BETWEEN, match_set, role
from tasks.stance_lexicon import lexicons, verb_lemma
from tasks.stance_members import part_of
from tasks.stance_places import is_town
from tasks.stance_protest import CROWD_VERBS


def plausible_against(words: Words, hit: Hit, holder: Actor, target: Actor) -> bool:
    """Whether a conflict record's sides can be parties. The holder is no definite
    adjective of a definite thing with no country ("للجريمة الإرهابية البشعة التي نفذها",
    "قاعدة العند العسكرية"): a thing does not act, while an indefinite one may be a bare
    noun ("مسلحون"), a nationality names its state, one after a listed role noun its group
    ("الميليشيات الحوثية"), and one right after an attack noun its author ("الغارات
    التركية"). Nor is a side helped or defended by the attack (``_helped``), nor are the
    sides one party named twice ("ميليشيات الحوثيين … ميليشيات
    الحوثي", "حارس المرمى … الحارس") or the target one member of the holder
    (``part_of``)."""
    if hit.english:
        return True
    thing = adjective(words, holder) and is_article(words.keys[holder.first]) and not holder.country
    if thing and holder.first != hit.last + 1 and not _of_role(words, holder):
        return False
    if _armed_crowd(words, hit, holder, target) or _describes_protests(words, hit, holder):
        return False
    if _helped(words, hit, holder, target) or (_far_object(words, hit, target) and role(holder) != "OPP"):
        return False
    if part_of(words, holder, target) or _in_ranks(words, hit, holder, target) or _one_party(words, holder, target):
        return False
    if _coordinated(words, hit, holder, target) or _armed_arrest(words, hit, holder):
        return False
    if hit.layout == "rec" and (is_town(holder) or is_town(target)):
        return False  # "بمعركة الرمادي", "في محيط القاعدة": where the sides fight, not a side
    return not _same_name(words, holder, target) and not _allied(words, hit, holder, target)


_OUTLAWS = frozenset(["IMG", "RAD", "CRM"])


def _armed_arrest(words: Words, hit: Hit, holder: Actor) -> bool:
    """An arrest (CAMEO 173) in the news is a state's: terrorists, extremists, gangs or a
    terrorist adjective named near it are the arrested ("القبض على خلية إرهابية مؤيدة
    لداعش", "ضبط عصابة"). Militias and rebels do detain people ("ألقى الثوار القبض على
    72 حوثيا"), so they stay."""
    if hit.code != "173":
        return False
    adjective = holder.first == holder.last and role(holder) == "UAF" and nisba(words.keys[holder.first])
    return role(holder) in _OUTLAWS or adjective


_FORCES = frozenset(["UAF", "REB", "IMG", "RAD", "CRM", "MIL", "COP"])


def _armed_crowd(words: Words, hit: Hit, holder: Actor, target: Actor) -> bool:
    """A crowd verb (تجمع، خرج، تدفق …) is a protest only for a crowd: fighters or troops
    gathering, flowing in or leaving ("تدفق المقاتلين الأجانب", "القوات الأجنبية يجب أن
    تخرج من سوريا") are no protest, whichever of them the roles picked."""
    if hit.code[:2] != "14" or hit.lemma not in CROWD_VERBS:
        return False
    if role(target) in _FORCES or role(holder) in _FORCES:
        return True
    found = lexicon(Language.ARABIC).match(words.keys, holder.first - 1, holder.first) if holder.first else None
    code = found[0].code if found is not None else ""
    return (code[3:6] if country_of(code) else code[:3]) in _FORCES


def _describes_protests(words: Words, hit: Hit, holder: Actor) -> bool:
    """A feminine singular participle right after a plural protest noun agrees with it as
    Arabic non-human plurals take their adjectives ("المظاهرات المعترضة على المؤتمر": the
    objecting demonstrations): it describes the protests, it names no protesters, who would
    be a masculine plural (المعترضين)."""
    if hit.verb or hit.code[:2] != "14" or holder.first != hit.last + 1 or holder.first != holder.last:
        return False
    plural = key_form(words.keys[hit.last]).endswith("ات")
    return plural and holder.kind == "agent" and key_form(words.keys[holder.first]).endswith("ه")


def _far_object(words: Words, hit: Hit, target: Actor) -> bool:
    """A verb of demanding, criticising, rejecting or threatening (CAMEO 10-13) names its
    object within four words; further on the actor belongs to the demanded or rejected
    act ("رفض التخلي عن أي لاعب … وفقا للألمانية", "ورفض النقل للمستشفى"). Protesters'
    slogans are left alone: what they denounce is often named further on."""
    if not hit.verb or hit.code[:2] not in ("10", "11", "12", "13") or target.first <= hit.last:
        return False
    gap = range(hit.last + 1, target.first)
    return len(gap) > 4 or any(not is_word(words.keys[j].strip('"')) for j in gap)


_SUPPORTED = norm_set("مدعوم مدعومة مدعومين مدعومون بدعم بغطاء بمساندة باسناد بإسناد")
_DEFENDING = norm_set("للدفاع دفاعا لحماية لمساندة لدعم دعما لاسناد لإسناد")


def _helped(words: Words, hit: Hit, holder: Actor, target: Actor) -> bool:
    """Strikes that support or defend someone are not against them: "القوات اليمنية
    مدعومة بضربات جوية من التحالف" (the forces are helped, not the strikers), "بضربات
    جوية للدفاع عن المعارضين", "شن سلسلة من الغارات لمساندة المقاومة" (the opposition,
    the resistance are defended, not hit; the word stands right before them)."""
    before = range(max(0, hit.first - 2), hit.first)
    if not hit.verb and holder.last < hit.first and any(norm_token(words.keys[j]) in _SUPPORTED for j in before):
        return True
    if target.first <= hit.last or target.first - hit.last > 6:
        return False  # "الغارة أسفرت عن تدمير آليات … في طريقها لدعم المتمردين": the vehicles' aim
    if any(is_break(words, j, CLAUSE_BREAK) for j in range(hit.last + 1, target.first)):
        return False
    before_target = range(max(hit.last + 1, target.first - 2), target.first)
    return any(norm_token(words.keys[j]) in _DEFENDING for j in before_target)


_GENERIC = match_set("قوات قو عناصر افراد مسلح مقاتل جنود جندي ميليشيات مليشيات جماعات رجال مواطن شرط امن")


def _of_role(words: Words, actor: Actor) -> bool:
    """An adjective after a listed role noun names the group ("الميليشيات الحوثية")."""
    return lexicon(Language.ARABIC).match(words.keys, actor.first - 1, actor.first) is not None


# Words of allegiance between two parties (the forces "loyal to", "allied with" a side).
_ALLEGIANCE = norm_set("التابع التابعة التابعين الخاصة الخاص الموالية الموالي الموالين المنضوية المتحالفة")


def _allied(words: Words, hit: Hit, holder: Actor, target: Actor) -> bool:
    """Two sides on one side of the cue, the second within three words of a word of
    belonging or alliance right after the first ("كتائب القسام التابعة لحركة حماس", "الميليشيات الخاصة بالحوثي"): one
    side and its master or ally, not two enemies. With the cue between them the owner is
    the target ("قصف مواقع تابعة لمتطرفين")."""
    first, second = (holder, target) if holder.last < target.first else (target, holder)
    between = range(first.last + 1, second.first)
    if not 0 < len(between) <= 3 or first.last < hit.first <= second.first:
        return False
    return norm_token(words.keys[first.last + 1]) in _ALLEGIANCE  # not "المحتجون سيارة تابعة لشركة"


def _coordinated(words: Words, hit: Hit, holder: Actor, target: Actor) -> bool:
    """The two sides joined by و in one noun phrase ("مقتل عشرين من الحوثيين وقوات صالح",
    "الحكومة التركية والتحالف يسعيان"), the second right after the first or after one or
    two words describing it ("الجيش النظامي والمليشيات"): parties listed together share a
    fate or a deed, they are one side, not each other's enemy. Two parties stand against
    each other through و only after بين, which may open a longer phrase ("اشتباكات بين
    الجيش والمسلحين", "بين مقاتلي الفرقة 16 مشاة وقوات النظام"), or as the pair a
    reciprocal cue governs right after it ("اشتبك الجيش والمسلحون")."""
    first, second = (holder, target) if holder.last < target.first else (target, holder)
    gap = range(first.last + 1, second.first)
    if len(gap) > 2 or key_form(words.keys[second.first])[:1] != "و" or second.start == words.spans[second.first][0]:
        return False
    if first.last < hit.first <= second.first or any(not is_word(words.keys[j]) or _is_verb(words, j) for j in gap):
        return False
    for j in range(first.first - 1, max(0, first.first - 4) - 1, -1):  # "بين مقاتلي الفرقة 16 مشاة وقوات"
        if key_form(words.keys[j]) in BETWEEN:
            return False
        if not is_word(words.keys[j]):
            break
    return not (hit.last < first.first and first.first - hit.last <= 2)


def _is_verb(words: Words, j: int) -> bool:
    """A cue verb of the Arabic dictionary: a clause of its own, not a describing word."""
    return verb_lemma(words.keys[j], lexicons(Language.ARABIC).lemmas) is not None


_RANKS = key_set("صفوف جانب بجانب")


def _in_ranks(words: Words, hit: Hit, holder: Actor, target: Actor) -> bool:
    """One side named after the cue "in the ranks of" or "alongside" ("ذهبوا للقتال في
    صفوف جبهة النصرة", "إلى جانب الجيش"), the other before the cue: the fighters and the
    group they fight for, one side, not enemies."""
    first, second = (holder, target) if holder.last < target.first else (target, holder)
    ranked = second.first > 0 and key_form(words.keys[second.first - 1]) in _RANKS
    return ranked and first.last < hit.first and hit.last < second.first


_UNBOUND = ("ون", "ين", "ان")


def _one_party(words: Words, holder: Actor, target: Actor) -> bool:
    """Two role nouns side by side with no و, the first one word with no article and no
    ending a construct drops (ون، ين، ان): a head and its genitive, one party ("من قبل
    مليشيا الحوثي"); or a definite role noun and a definite adjective in ية/ي after it
    ("معقل الميليشيات الحوثية"), or a plural one agreeing in case ("المستوطنين المتطرفين");
    or members and the group من names (``_partitive``).
    Neither is a subject and its object. A title heads a genitive too ("زعيم جماعة
    خراسان")."""
    first, second = (holder, target) if holder.last < target.first else (target, holder)
    if _partitive(words, first, second):
        return True
    if (
        second.first != first.last + 1
        or first.kind not in ("agent", "title")
        or key_form(words.keys[second.first])[:1] == "و"
    ):
        return False
    head, after = key_form(words.keys[first.last]), key_form(words.keys[second.first])
    if head.endswith(("ها", "هم", "هما")):
        return False  # "حذر رئيسها الولايات المتحدة": a possessed noun takes no genitive
    if not is_article(head):  # a one-word head: a phrase may end in an adjective ("طائرات حربية مجهولة")
        unbound = first.first == first.last and not head.endswith(_UNBOUND)
        return unbound and second.start == words.spans[second.first][0]
    if not is_article(after) or second.first != second.last:
        return False
    agreeing = any(head.endswith(case) and after.endswith(case) for case in ("ين", "ون"))
    return after.endswith(("يه", "ية", "ي")) or agreeing  # "المستوطنين المتطرفين": one party


def _partitive(words: Words, first: Actor, second: Actor) -> bool:
    """A role noun and the group its من names ("مقتل 20 مسلحا من تنظيم داعش", "عناصر من
    الحوثيين"): the members and their group, one party."""
    linked = second.first == first.last + 2 and key_form(words.keys[first.last + 1]) == "من"
    return linked and first.kind in ("agent", "title") and not first.country


def _same_name(words: Words, holder: Actor, target: Actor) -> bool:
    """Two mentions sharing a word that is not a generic role noun, with no two different
    countries: the same group ("مليشيا الحوثي" and "الحوثيين"), not two sides."""
    if holder.country and target.country and holder.country != target.country:
        return False
    mine = {_stem(words.keys[j]) for j in range(holder.first, holder.last + 1)} - _GENERIC
    return any(_stem(words.keys[j]) in mine for j in range(target.first, target.last + 1))


def _stem(token: str) -> str:
    """A word without conjunction, article or plural ending, for matching one name in two
    forms (الحوثيين، الحوثي، وحوثيا; الدولي and الدولة stay apart)."""
    key = norm_token(token)
    key = key[1:] if key[:1] == "و" and len(key) > 4 else key
    key = key[2:] if key.startswith("ال") and len(key) > 4 else key
    for end in ("ين", "ون", "ا"):
        if key.endswith(end) and len(key) - len(end) >= 3:
            return key[: -len(end)]
    return key
