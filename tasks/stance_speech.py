"""Reported speech: who says what, and where what they say starts.

The speaker of قال، أكد، أعرب، نقلت عن holds the stances inside the quote that name no
subject of their own (``tasks.stance_roles``), so finding the speaker and the start of the
quote is its own small grammar, kept apart from the cue and role rules it feeds.
"""

from __future__ import annotations

from tasks.actors import Actor, Words, word_set
from tasks.caches import word_cache
from tasks.normalize import key_form
from tasks.stance_cues import NEGATORS, SPEECH_AR, SPEECH_EN, bare
from tasks.stance_lexicon import strip_conj, verb_lemma
from tasks.stance_roles import Speech

_SPEECH_PARTICIPLES = word_set("مشيرا مشيره مضيفا مضيفه موضحا موضحه موكدا موكده لافتا لافته")
_COMPLEMENT = frozenset(["ان", ":"]) | {'"'}
_QUOTE_FROM = frozenset(["نقل"])


def find_speech(
    words: Words, lo: int, hi: int, actors: list[Actor], english: bool, carried: Actor | None
) -> list[Speech]:
    """Speech verbs of one sentence, their speakers and where the reported content starts."""
    out: list[Speech] = []
    for i in range(lo, hi):
        word = key_form(words.keys[i]).lower()
        if not (word in SPEECH_EN if english else _is_speech(words.keys[i])):
            continue
        speaker = _speaker(words, i, hi, actors, english)
        if speaker is None and out:
            speaker = out[-1].speaker
        if speaker is None and i == lo and any(f in _SPEECH_PARTICIPLES for f in strip_conj(word)):
            speaker = carried
        after = speaker.last + 1 if speaker and speaker.first > i else i + 1
        quote = next((j for j in range(i + 1, hi) if bare(words, j) in _COMPLEMENT), after)
        back = [bare(words, j) for j in range(max(lo, i - 2), i)]
        note = next((f"reported with '{b} {words.keys[i]}': not confirmed" for b in back if b in NEGATORS), None)
        out.append(Speech(i, speaker, quote, note))
    return out


@word_cache
def _is_speech(token: str) -> bool:
    """A speech verb (قال، أكدت، وأشار …) or a circumstantial speech participle (مشيرا)."""
    return verb_lemma(token, SPEECH_AR) is not None or any(
        f in _SPEECH_PARTICIPLES for f in strip_conj(key_form(token))
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
    if verb_lemma(words.keys[i], _QUOTE_FROM):
        start = next((j + 1 for j in range(i + 1, min(hi, i + 9)) if bare(words, j) == "عن"), start)
    for actor in actors:
        if start <= actor.first <= start + 3 and not any(
            bare(words, j) in _COMPLEMENT for j in range(start, actor.first)
        ):
            return actor
    return before[-1] if before else None
