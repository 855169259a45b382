"""Where documents live while they flow, and where their outcome lands.

Redis holds the ledger (one hash per document plus a sorted set per state, scored by
time, so counts, throughput and the oldest waiting document are single commands), the
raw bytes and the stage layers (deleted once the document is finished), results and
error records. The results folder holds the durable record: a document is done when its
result file exists. Every write is idempotent, and state changes run as Lua scripts so
that two deliveries of the same task can never count a document twice. Scripts queued
on a pipeline go as EVAL with their text: redis-py's registered scripts would first ask
the server whether it knows them (SCRIPT EXISTS), an extra round trip per pipeline.
"""

from __future__ import annotations

import hashlib
import math
import os
import threading
import time
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

import orjson
import redis

from tasks.schema import ErrorRecord, Reason

STATES = ("queued", "running", "done", "failed")
PARALLEL_STAGES = ("entities", "stance")
TERMINAL = ("done", "failed")
EVENTS = "sf:events"
PATHS = "sf:paths"
ACTIVE = "sf:active"
REASONS = "sf:failure_reasons"

# KEYS: doc hash. ARGV: doc_id, relpath, now, size, raw bytes, ttl. Registers the path;
# claims the document (and stores its bytes) only if no state exists yet, so content that
# is already known never re-enters Redis. Returns the existing or new state.
_CLAIM = """
redis.call('HSET', 'sf:paths', ARGV[2], ARGV[1])
redis.call('SADD', 'sf:docpaths:' .. ARGV[1], ARGV[2])
local state = redis.call('HGET', KEYS[1], 'state')
if state then return state end
redis.call('SET', 'sf:raw:' .. ARGV[1], ARGV[5], 'EX', ARGV[6])
redis.call('HSET', KEYS[1], 'state', 'queued', 'path', ARGV[2], 'size', ARGV[4], 'received_at', ARGV[3])
redis.call('ZADD', 'sf:state:queued', ARGV[3], ARGV[1])
redis.call('ZADD', 'sf:active', ARGV[3], ARGV[1])
return 'new'
"""

# The ledger move shared by the scripts below: (doc hash, doc_id, new state, now, stage,
# reason or nil). Terminal states are final (a late delivery only bumps ``duplicates``);
# counters move only on a real transition. Reaching (or finding) a terminal state drops
# the intermediates in the same atomic step, so a crash between "done" and clean-up
# cannot leave them behind. Returns {state before, deliveries of this stage so far}.
_MOVE_FN = """
local function move(key, id, state, now, stage, reason)
  local function drop()
    for _, k in ipairs({'raw', 'normalize', 'entities', 'stance'}) do
      redis.call('DEL', 'sf:' .. k .. ':' .. id)
    end
    redis.call('ZREM', 'sf:active', id)
  end
  local cur = redis.call('HGET', key, 'state')
  if not cur then return false end
  if cur == 'done' or cur == 'failed' then
    drop()
    return {cur, redis.call('HINCRBY', key, 'duplicates', 1)}
  end
  if cur ~= state then
    redis.call('ZREM', 'sf:state:' .. cur, id)
    redis.call('ZADD', 'sf:state:' .. state, now, id)
    redis.call('HSET', key, 'state', state)
    if reason then redis.call('HINCRBY', 'sf:failure_reasons', reason, 1) end
  end
  if state == 'done' or state == 'failed' then
    drop()
    return {cur, 0}
  end
  redis.call('ZADD', 'sf:active', now, id)
  if state ~= 'running' then return {cur, 0} end
  return {cur, redis.call('HINCRBY', key, 'attempts:' .. stage, 1)}
end
"""

# Adds one stage run to a histogram hash (see ``bucket_of``).
_OBSERVE_FN = """
local function observe(key, field, seconds)
  redis.call('HINCRBY', key, field, 1)
  redis.call('HINCRBYFLOAT', key, 'sum', seconds)
end
"""

# KEYS: doc hash. ARGV: doc_id, new state, now, stage, [reason].
_MOVE = _MOVE_FN + "return move(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5])"

# KEYS: a batch's join set. ARGV: stage, stages to join, TTL once all have, TTL before.
# A complete join is kept a while rather than deleted, so that a parallel stage delivered
# again (its worker died or Redis blinked after the join) finds it complete and runs
# assemble again (which skips what is done) instead of waiting for the sweep.
_JOIN = """
redis.call('SADD', KEYS[1], ARGV[1])
local n = redis.call('SCARD', KEYS[1])
redis.call('EXPIRE', KEYS[1], n >= tonumber(ARGV[2]) and ARGV[3] or ARGV[4])
return n
"""

# KEYS: the documents' hashes. ARGV: stage. Takes back one delivery of ``stage`` from
# each unfinished document (a known document only: HINCRBY would create a bare hash).
_UNCOUNT = """
for _, key in ipairs(KEYS) do
  local state = redis.call('HGET', key, 'state')
  if state and state ~= 'done' and state ~= 'failed' then
    redis.call('HINCRBY', key, 'attempts:' .. ARGV[1], -1)
  end
end
"""

# KEYS: the documents' hashes. ARGV: new state, now, stage, then the doc_ids. ``move``
# for a whole batch in one script call (a call costs the server more than the moves).
_MOVE_MANY = (
    _MOVE_FN
    + """
local out = {}
for i, key in ipairs(KEYS) do
  out[i] = move(key, ARGV[3 + i], ARGV[1], ARGV[2], ARGV[3], nil)
end
return out
"""
)

# KEYS: stage histogram, then per document its layer key and hash. ARGV: ttl, ms field,
# then per document value, ms, bucket, seconds. A late duplicate of a stage must not
# re-create a layer that the finished document already dropped. The timings go into the
# histogram in the same call.
_PUT_LAYERS = (
    _OBSERVE_FN
    + """
for i = 1, (#KEYS - 1) / 2 do
  local layer, doc, a = KEYS[2 * i], KEYS[2 * i + 1], 2 + 4 * (i - 1)
  local state = redis.call('HGET', doc, 'state')
  if state ~= 'done' and state ~= 'failed' then
    redis.call('SET', layer, ARGV[a + 1], 'EX', ARGV[1])
    redis.call('HSET', doc, ARGV[2], ARGV[a + 2])
    observe(KEYS[1], ARGV[a + 3], ARGV[a + 4])
  end
end
"""
)

# KEYS: assemble histogram, then per document its hash and result key. ARGV: now, ttl
# (0: none), event channel, then per document doc_id, result, bucket, seconds, event.
# Results, moves to done, timings and events of a batch in one call.
_FINISH_MANY = (
    _MOVE_FN
    + _OBSERVE_FN
    + """
for i = 1, (#KEYS - 1) / 2 do
  local doc, result, a = KEYS[2 * i], KEYS[2 * i + 1], 3 + 5 * (i - 1)
  if tonumber(ARGV[2]) > 0 then
    redis.call('SET', result, ARGV[a + 2], 'EX', ARGV[2])
  else
    redis.call('SET', result, ARGV[a + 2])
  end
  move(doc, ARGV[a + 1], 'done', ARGV[1], 'assemble', nil)
  observe(KEYS[1], ARGV[a + 3], ARGV[a + 4])
  redis.call('PUBLISH', ARGV[3], ARGV[a + 5])
end
"""
)

LAYER_TTL = 7 * 24 * 3600
# Longer than a redelivery takes (visibility timeout, autoretry backoff).
JOINED_TTL = 3600


# Seconds. Stages take milliseconds to a few seconds; the tail reaches the hard time limit.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, math.inf)
HIST_KEY = "sf:hist:{stage}"


def bucket_field(b: float) -> str:
    """Prometheus' spelling of a bucket bound (``le`` label), also the hash field name."""
    return "+Inf" if math.isinf(b) else repr(float(b))


def bucket_of(seconds: float) -> tuple[str, float]:
    """The histogram field a duration falls in, and the duration to add to the sum. A
    negative or undefined duration (a clock step) counts as 0 s: every stage run counts."""
    seconds = max(0.0, seconds) if math.isfinite(seconds) else 0.0
    return bucket_field(next(b for b in BUCKETS if seconds <= b)), seconds


def _now() -> float:
    return time.time()


def utc(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def connect(url: str) -> redis.Redis:
    """A client that survives a Redis restart: retries with backoff instead of failing."""
    from redis.backoff import ExponentialBackoff
    from redis.retry import Retry

    return redis.Redis.from_url(
        url,
        retry=Retry(ExponentialBackoff(cap=2.0, base=0.05), retries=20),
        retry_on_error=[redis.ConnectionError, redis.TimeoutError, redis.BusyLoadingError],
        health_check_interval=30,
        socket_connect_timeout=5,
    )


def safe_relpath(rel: str) -> str:
    """A path below the inbox, as POSIX text with no way out of a folder (no ``..``, no root)."""
    if rel and "\\" not in rel and all(p not in ("", ".", "..") for p in rel.split("/")):
        return rel  # already plain: the catch-up scan asks this of every file
    parts = [p for p in PurePosixPath(rel.replace("\\", "/")).parts if p not in ("", ".", "..", "/")]
    if not parts:
        raise ValueError(f"not a path below the inbox: {rel!r}")
    return "/".join(parts)


def atomic_write(path: Path, data: bytes) -> None:
    """Readers see the old file or the new one, never half of either.

    The temporary name is fixed per thread (a thread writes one file at a time), which
    spares ``mkstemp``'s random names; the folder is created only when the open says it
    is missing. Files get the usual umask-based mode, so other users can read results.
    """
    tmp = path.parent / f".{path.name}.{os.getpid()}.{threading.get_native_id()}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class Store:
    def __init__(self, client: redis.Redis, results: Path, *, result_ttl: int = 0) -> None:
        self.r = client
        self.results = results.resolve()
        self.result_ttl = result_ttl or None
        self._claim = client.register_script(_CLAIM)
        self._move = client.register_script(_MOVE)
        self._move_many = client.register_script(_MOVE_MANY)
        self._join = client.register_script(_JOIN)
        self._uncount = client.register_script(_UNCOUNT)

    # -- file locations ---------------------------------------------------------------
    def _outcome_paths(self, relpath: str) -> tuple[str, str]:
        """Where the result and the error record of ``relpath`` go, as plain strings (the
        catch-up scan stats them for every file; pathlib would cost more than the stat)."""
        rel = safe_relpath(relpath)
        return f"{self.results}/{rel}.json", f"{self.results}/failed/{rel}.error.json"

    def result_path(self, relpath: str) -> Path:
        return Path(self._outcome_paths(relpath)[0])

    def error_path(self, relpath: str) -> Path:
        return Path(self._outcome_paths(relpath)[1])

    def has_outcome(self, relpath: str, mtime: float) -> bool:
        """True when the file at ``relpath`` (last modified at ``mtime``) already has its
        result or error file: the catch-up scan's fast path, one or two stats per file."""
        for p in self._outcome_paths(relpath):
            try:
                if os.stat(p).st_mtime >= mtime:
                    return True
            except OSError:
                continue
        return False

    # -- ledger -----------------------------------------------------------------------
    def claim(self, doc_id: str, relpath: str, data: bytes) -> str:
        """Register ``relpath`` as holding ``doc_id``; returns ``new`` when the caller must
        enqueue the pipeline, else the state the document already has."""
        relpath = safe_relpath(relpath)
        now = _now()
        state = self._claim(keys=[f"sf:doc:{doc_id}"], args=[doc_id, relpath, now, len(data), data, LAYER_TTL])
        state = state.decode()
        if state == "done":
            self._write_outcome(doc_id, [relpath])
        elif state == "failed":
            self._write_outcome(doc_id, [relpath], failed=True)
        return state

    def move(self, doc_id: str, state: str, stage: str, reason: str | None = None) -> tuple[str | None, int]:
        """Move a document to ``state``; returns the state it had (``None``: unknown
        document) and how many times ``stage`` has been entered for it."""
        args: list[Any] = [doc_id, state, _now(), stage]
        if reason:
            args.append(reason)
        out = self._move(keys=[f"sf:doc:{doc_id}"], args=args)
        if not out:
            return None, 0
        return out[0].decode(), int(out[1])

    def move_many(self, doc_ids: list[str], state: str, stage: str) -> list[tuple[str | None, int]]:
        """``move`` for a batch, in one round trip."""
        keys = [f"sf:doc:{d}" for d in doc_ids]
        outs = self._move_many(keys=keys, args=[state, _now(), stage, *doc_ids])
        return [(out[0].decode(), int(out[1])) if out else (None, 0) for out in outs]

    def uncount(self, doc_ids: list[str], stage: str) -> None:
        """Take back the delivery of ``stage`` that ``move_many`` counted for these
        documents: they were handed on without being run."""
        if doc_ids:
            self._uncount(keys=[f"sf:doc:{d}" for d in doc_ids], args=[stage])

    def doc(self, doc_id: str) -> dict[str, str]:
        return {k.decode(): v.decode() for k, v in self.r.hgetall(f"sf:doc:{doc_id}").items()}

    def paths_of(self, doc_id: str) -> list[str]:
        """Paths that still hold this content (a path rewritten with new content is dropped)."""
        return self._owned(doc_id, sorted(p.decode() for p in self.r.smembers(f"sf:docpaths:{doc_id}")))

    def _owned(self, doc_id: str, paths: list[str]) -> list[str]:
        if not paths:
            return []
        owners = self.r.hmget(PATHS, paths)
        return [p for p, o in zip(paths, owners, strict=True) if o is not None and o.decode() == doc_id]

    def raw(self, doc_id: str) -> bytes | None:
        return self.r.get(f"sf:raw:{doc_id}")

    def writes(self) -> Writes:
        """A batch's layer and result writes, sent together by ``Writes.execute``."""
        return Writes(self)

    def join(self, doc_ids: list[str], stage: str) -> int:
        """Record that ``stage`` finished for this batch; returns how many parallel stages
        have. The key is derived from the batch itself, so a redelivered stage finds it."""
        key = "sf:join:" + hashlib.sha1("\n".join(doc_ids).encode()).hexdigest()
        return int(self._join(keys=[key], args=[stage, len(PARALLEL_STAGES), JOINED_TTL, LAYER_TTL]))

    def layers_many(self, doc_ids: list[str], names: tuple[str, ...]) -> list[list[bytes | None]]:
        """The ``names`` layers of each document as stored (None where missing), in one
        MGET. They stay JSON until their document's turn (``decode_layers``): a batch's
        layers decoded at once would set a worker's memory high-water mark, and so its
        resident size, by the whole batch instead of one document."""
        values = self.r.mget([f"sf:{n}:{d}" for d in doc_ids for n in names])
        return [values[i : i + len(names)] for i in range(0, len(values), len(names))]

    def stored(self, doc_ids: list[str], name: str) -> list[bool]:
        """Whether each document's ``name`` layer is in Redis, in one round trip."""
        pipe = self.r.pipeline(transaction=False)
        for d in doc_ids:
            pipe.exists(f"sf:{name}:{d}")
        return [bool(n) for n in pipe.execute()]

    @staticmethod
    def decode_layers(names: tuple[str, ...], values: list[bytes | None]) -> list[Any]:
        """``raw`` stays bytes; the other layers are JSON."""
        return [v if v is None or n == "raw" else orjson.loads(v) for n, v in zip(names, values, strict=True)]

    # -- outcomes -------------------------------------------------------------------------
    def docs_and_paths(self, doc_ids: list[str]) -> list[tuple[dict[str, str], list[str]]]:
        """Ledger entry and owned paths of each document of a batch, in two round trips."""
        pipe = self.r.pipeline(transaction=False)
        for doc_id in doc_ids:
            pipe.hgetall(f"sf:doc:{doc_id}")
            pipe.smembers(f"sf:docpaths:{doc_id}")
        out = pipe.execute()
        infos = [{k.decode(): v.decode() for k, v in h.items()} for h in out[0::2]]
        paths = [sorted(p.decode() for p in m) for m in out[1::2]]
        flat = [p for ps in paths for p in ps]
        owners = iter(self.r.hmget(PATHS, flat) if flat else [])
        owned = [
            [p for p in ps if (o := next(owners)) is not None and o.decode() == d]
            for d, ps in zip(doc_ids, paths, strict=True)
        ]
        return list(zip(infos, owned, strict=True))

    def fail(self, doc_id: str | None, relpath: str, reason: Reason, message: str, stage: str) -> ErrorRecord:
        """Record a permanent failure. Without a doc_id (the file could not be read) the
        record is keyed by its path."""
        record = ErrorRecord(doc_id=doc_id, path=relpath, reason=reason, message=message, stage=stage, at=utc(_now()))
        blob = orjson.dumps(record.model_dump(mode="json"), option=orjson.OPT_INDENT_2)
        key = doc_id or f"path:{safe_relpath(relpath)}"
        pipe = self.r.pipeline(transaction=False)
        pipe.set(f"sf:error:{key}", blob)
        if doc_id is None:
            pipe.zadd("sf:state:failed", {key: _now()})
            pipe.hincrby(REASONS, reason.value, 1)
        pipe.execute()
        if doc_id is not None:
            self.move(doc_id, "failed", stage, reason.value)
        paths = self.paths_of(doc_id) if doc_id else [safe_relpath(relpath)]
        self._write_outcome(key, paths or [safe_relpath(relpath)], blob=blob, failed=True)
        self.r.publish(EVENTS, orjson.dumps({"doc_id": key, "state": "failed", "reason": reason.value}))
        return record

    def _write_outcome(
        self, key: str, paths: list[str], *, blob: bytes | None = None, failed: bool = False, built_for: str = ""
    ) -> None:
        """Write the result (or error) file of every path; a path has one outcome, so the
        other kind of file, left from an earlier version of that path, is removed. A
        result names its source path: for any other path a copy names that path instead."""
        if blob is None:
            blob = self.r.get(f"sf:error:{key}" if failed else f"sf:result:{key}")
            if blob is None:
                return
        for rel in paths:
            target, stale = (self.error_path(rel), self.result_path(rel))
            if not failed:
                target, stale = stale, target
            data = blob
            if not failed and rel != built_for:
                doc = orjson.loads(blob)
                if doc.get("source") and doc["source"]["path"] != rel:
                    doc["source"]["path"] = rel
                    data = orjson.dumps(doc)
            atomic_write(target, data)
            stale.unlink(missing_ok=True)

    def result(self, doc_id: str) -> bytes | None:
        return self.r.get(f"sf:result:{doc_id}")

    def error(self, key: str) -> bytes | None:
        return self.r.get(f"sf:error:{key}")

    def failed(self) -> list[dict[str, Any]]:
        keys = [k.decode() for k in self.r.zrange("sf:state:failed", 0, -1)]
        blobs = self.r.mget([f"sf:error:{k}" for k in keys]) if keys else []
        return [orjson.loads(b) for b in blobs if b]

    def forget(self, key: str) -> list[str]:
        """Drop a failed document from the ledger so it can be submitted again; returns
        the paths that held it (their error files are removed)."""
        paths = self.paths_of(key) if not key.startswith("path:") else [key[5:]]
        pipe = self.r.pipeline(transaction=False)
        pipe.zrem("sf:state:failed", key)
        pipe.delete(f"sf:error:{key}", f"sf:doc:{key}")
        pipe.execute()
        for rel in paths:
            self.error_path(rel).unlink(missing_ok=True)
        return paths

    def counts(self) -> dict[str, int]:
        pipe = self.r.pipeline(transaction=False)
        for s in STATES:
            pipe.zcard(f"sf:state:{s}")
        return dict(zip(STATES, pipe.execute(), strict=True))

    def stale(self, older_than: float) -> list[str]:
        """Unfinished documents with no activity since ``older_than`` (a timestamp)."""
        return [d.decode() for d in self.r.zrangebyscore(ACTIVE, "-inf", older_than)]


class Writes:
    """What a batch's documents leave in Redis, queued while they are analyzed and sent
    as one script call per kind: a script call costs the server more than the writes it
    makes, so per-document calls would cost more than the batching saves elsewhere."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.layers: dict[str, list[Any]] = {}
        self.finished: list[Any] = []

    def put_layer(self, doc_id: str, name: str, value: Any, ms: float) -> None:
        """Queue a stage's layer and timing."""
        self.layers.setdefault(name, []).append((doc_id, orjson.dumps(value), f"{ms:.3f}", *bucket_of(ms / 1000)))

    def finish(self, doc_id: str, blob: bytes, path: str, paths: list[str], *, seconds: float = 0.0) -> None:
        """Write the result file (JSON ``blob``, built for ``path``) of every path holding
        the document now, and queue the Redis copy and the move to done: the files exist
        before the ledger says so."""
        self.store._write_outcome(doc_id, paths, blob=blob, built_for=path)
        event = orjson.dumps({"doc_id": doc_id, "state": "done"})
        self.finished.append((doc_id, blob, *bucket_of(seconds), event))

    def execute(self) -> None:
        if not (self.layers or self.finished):
            return
        # Plain EVAL: a registered script in a pipeline makes redis-py check SCRIPT EXISTS
        # first, one more round trip per batch.
        pipe = self.store.r.pipeline(transaction=False)
        for name, items in self.layers.items():
            keys = [k for doc_id, *_ in items for k in (f"sf:{name}:{doc_id}", f"sf:doc:{doc_id}")]
            args = [a for _, *rest in items for a in rest]
            pipe.eval(_PUT_LAYERS, 1 + len(keys), HIST_KEY.format(stage=name), *keys, LAYER_TTL, f"ms:{name}", *args)
        if self.finished:
            keys = [k for doc_id, *_ in self.finished for k in (f"sf:doc:{doc_id}", f"sf:result:{doc_id}")]
            args = [a for item in self.finished for a in item]
            pipe.eval(_FINISH_MANY, 1 + len(keys), HIST_KEY.format(stage="assemble"), *keys,
                      _now(), self.store.result_ttl or 0, EVENTS, *args)  # fmt: skip
        pipe.execute()
        self.layers, self.finished = {}, []
