"""The last step: join the layers into one Result.

Stance tagging finds holders and targets with its own actor dictionary (so it can run in
parallel with entity extraction); here each actor is linked to the entity whose mention
overlaps it most, which is how a reader gets from "the Kremlin spokesman" to the
Dmitry Peskov entity.
"""

from __future__ import annotations

from tasks.schema import ActorRef, Entity, Normalized, NormalizedOut, Result, Source, Stance
from tasks.stance import summarize


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def link(actor: ActorRef, entities: list[Entity]) -> ActorRef:
    """The actor with ``entity`` set to the id of the best-overlapping entity, if any."""
    best, best_overlap = None, 0
    for entity in entities:
        for m in entity.mentions:
            o = _overlap((actor.start, actor.end), (m.start, m.end))
            if o > best_overlap:
                best, best_overlap = entity.id, o
    return actor.model_copy(update={"entity": best}) if best else actor


def assemble(
    doc_id: str,
    doc: Normalized,
    entities: list[Entity],
    stances: list[Stance],
    *,
    source: Source | None = None,
    timings_ms: dict[str, float] | None = None,
) -> Result:
    linked = [
        s.model_copy(update={"holder": link(s.holder, entities), "target": link(s.target, entities)}) for s in stances
    ]
    return Result(
        doc_id=doc_id,
        source=source,
        language=doc.language,
        normalized=NormalizedOut(text=doc.text, encoding=doc.encoding, sentences=doc.sentences),
        entities=entities,
        stances=linked,
        stance_summary=summarize(linked),
        timings_ms=timings_ms or {},
    )
