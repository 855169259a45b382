"""The inbox watcher: notices complete files and hands each to the pipeline once.

Modelled on paperless-ngx's consumer. Events (inotify close-write and moved-in, or a
polling observer for network and Docker Desktop mounts) only nominate paths; a path is
submitted when it is known complete: closed after writing, renamed in, or unchanged in
size and mtime for ``settle_seconds``. A catch-up scan at start and a periodic rescan
find what events missed (watcher down, inotify overflow, lost Redis state); the content
hash makes submitting twice harmless. One thread does all submissions, so a flood of
events never blocks the observer.
"""

from __future__ import annotations

import hashlib
import logging
import os
import queue
import re
import stat
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fnmatch import translate
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from tasks.schema import Reason
from workers.logs import log
from workers.queues import queue_keys
from workers.settings import Settings
from workers.store import Store

JUNK = (".*", "*.part", "*.tmp", "*~", "*.swp", "*.crdownload", "Thumbs.db", "desktop.ini", "~$*")


_JUNK_NAME = re.compile("|".join(translate(pattern) for pattern in JUNK))


def is_junk(relpath: str) -> bool:
    """Temporary and system files, in any folder of the path: never processed, never recorded."""
    return any(_JUNK_NAME.match(part) for part in relpath.split("/"))


@dataclass
class _Pending:
    size: int
    mtime_ns: int
    changed_at: float


class _Overflow(logging.Handler):
    """watchdog reports a kernel queue overflow only as a log line: turn it into a rescan."""

    def __init__(self, trigger: Callable[[], None]) -> None:
        super().__init__(logging.WARNING)
        self.trigger = trigger

    def emit(self, record: logging.LogRecord) -> None:
        if "overflow" in record.getMessage().lower():
            log.warning("watcher.overflow", action="kernel dropped file events; rescanning the inbox")
            self.trigger()


class Watcher:
    def __init__(
        self, settings: Settings, store: Store, enqueue: Callable[[str], None], queue_names: list[str]
    ) -> None:
        self.settings = settings
        self.queue_names = queue_names
        self.inbox = settings.inbox.resolve()
        self.store = store
        self.enqueue = enqueue
        self._batch: list[str] = []
        self._batch_target = 1
        self._todo: queue.Queue[str] = queue.Queue()
        self._queued: set[str] = set()
        self._pending: dict[str, _Pending] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._rescan = threading.Event()
        self._threads: list[threading.Thread] = []
        self._observer: BaseObserver | None = None
        self._overflow = _Overflow(self._rescan.set)
        self.submitted = 0

    # -- life cycle -----------------------------------------------------------------------
    def start(self, *, observe: bool = True) -> None:
        self.inbox.mkdir(parents=True, exist_ok=True)
        if observe:
            polling = self.settings.polling
            self._observer = PollingObserver(timeout=self.settings.settle_seconds / 2) if polling else _native()
            self._observer.schedule(_Handler(self), str(self.inbox), recursive=True)
            self._observer.start()
            logging.getLogger("watchdog").addHandler(self._overflow)
        for target in (self._submit_loop, self._settle_loop, self._rescan_loop):
            t = threading.Thread(target=target, name=f"watcher{target.__name__}", daemon=True)
            t.start()
            self._threads.append(t)
        log.info("watcher.started", inbox=str(self.inbox), mode="polling" if self.settings.polling else "inotify")

    def stop(self) -> None:
        self._stop.set()
        self._rescan.set()
        if self._observer:
            self._observer.stop()
            self._observer.join()
            logging.getLogger("watchdog").removeHandler(self._overflow)
        self._todo.put("")
        for t in self._threads:
            t.join()
        log.info("watcher.stopped", submitted=self.submitted)

    def drain(self) -> None:
        """Block until every nominated path has been submitted."""
        self._todo.join()

    # -- nominating paths -------------------------------------------------------------------
    def relpath(self, path: str | Path) -> str | None:
        try:
            rel = Path(os.path.abspath(path)).relative_to(self.inbox).as_posix()
        except ValueError:
            return None
        return None if rel == "." or is_junk(rel) else rel

    def nominate(self, relpath: str) -> None:
        """Submit now (the file is known complete)."""
        with self._lock:
            self._pending.pop(relpath, None)
            if relpath in self._queued:
                return
            self._queued.add(relpath)
        self._todo.put(relpath)

    def track(self, relpath: str) -> None:
        """Submit once the file has stopped changing."""
        with self._lock:
            if relpath in self._queued:
                return
            self._pending[relpath] = _Pending(-1, -1, time.monotonic())

    def scan(self) -> list[str]:
        """Nominate every file under the inbox that has no outcome yet; returns them."""
        found = []
        for rel, st in self._walk(self.inbox, ""):
            if self.store.has_outcome(rel, st.st_mtime):
                continue
            found.append(rel)
            self.nominate(rel)
        return found

    def _walk(self, folder: Path, prefix: str) -> Iterator[tuple[str, os.stat_result]]:
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            log.warning("watcher.unreadable_folder", folder=str(folder), error=exc.strerror)
            return
        for entry in entries:
            if _JUNK_NAME.match(entry.name):  # the folders above were checked on the way down
                continue
            rel = prefix + entry.name
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISDIR(st.st_mode):
                yield from self._walk(Path(entry.path), rel + "/")
            else:
                yield rel, st

    # -- threads ----------------------------------------------------------------------------
    def _submit_loop(self) -> None:
        while True:
            rel = self._todo.get()
            try:
                if not rel:  # stopping: what was claimed goes out, or it waits for the stuck sweep
                    self.flush()
                    return
                with self._lock:
                    self._queued.discard(rel)
                # Batch while more paths wait; a lone file goes at once (latency).
                self.submit(rel, flush=self._todo.empty())
            except Exception as exc:  # a bad file must never stop the watcher
                log.exception("watcher.submit_error", path=rel, error=str(exc))
            finally:
                self._todo.task_done()

    def _settle_loop(self) -> None:
        tick = min(self.settings.settle_seconds / 4, 0.25)
        while not self._stop.wait(tick):
            now = time.monotonic()
            with self._lock:
                items = list(self._pending.items())
            for rel, p in items:
                try:
                    st = (self.inbox / rel).stat()
                except OSError:
                    self.nominate(rel)  # gone or unreadable: submit() records why
                    continue
                if (st.st_size, st.st_mtime_ns) != (p.size, p.mtime_ns):
                    p.size, p.mtime_ns, p.changed_at = st.st_size, st.st_mtime_ns, now
                elif now - p.changed_at >= self.settings.settle_seconds:
                    self.nominate(rel)

    def _rescan_loop(self) -> None:
        while not self._stop.is_set():
            self._rescan.wait(self.settings.rescan_seconds)
            if self._stop.is_set():
                return
            self._rescan.clear()
            try:
                found = self.scan()
                swept = self.sweep()
                if found or swept:
                    log.info("watcher.rescan", nominated=len(found), requeued=swept)
            except Exception as exc:  # Redis down: try again next period
                log.warning("watcher.rescan_failed", error=str(exc))

    def sweep(self) -> int:
        """Re-queue documents with no progress for ``stuck_seconds`` whose messages were
        lost (a Redis restart between AOF syncs, a purge). Only when the queues are empty:
        under a backlog, waiting is normal and re-queuing would double the work."""
        if any(self.store.r.llen(key) for q in self.queue_names for key in queue_keys(q)):
            return 0
        stale = self.store.stale(time.time() - self.settings.stuck_seconds)
        for doc_id in stale:
            if self.store.raw(doc_id) is None:
                for rel in self.store.forget(doc_id):
                    self.nominate(rel)
            else:
                self.store.move(doc_id, "queued", "sweep")
                self.enqueue([doc_id])
            log.warning("document.requeued", doc_id=doc_id, why="no progress", seconds=self.settings.stuck_seconds)
        return len(stale)

    # -- submitting one file -------------------------------------------------------------
    def submit(self, rel: str, path: Path | None = None, *, flush: bool = True) -> str:
        """Read, check and claim one file (by default ``inbox/rel``); returns what
        happened: the document's state, or the reason it was rejected. A new document
        joins the current batch, which is sent when full or when ``flush`` is true, also
        when this file itself is rejected (the documents before it must not wait).

        A burst starts with small batches that double up to ``batch_size`` (1, 2, 4...):
        the first documents reach the workers at once instead of after a full batch has
        been read, and the stages downstream start filling while the rest is claimed.
        The size drops back to one when the burst ends (``flush``)."""
        try:
            return self._claim(rel, path or self.inbox / rel)
        finally:
            if flush:
                self.flush()
                self._batch_target = 1
            elif len(self._batch) >= self._batch_target:
                self.flush()
                self._batch_target = min(2 * self._batch_target, self.settings.batch_size)

    def _claim(self, rel: str, path: Path) -> str:
        try:
            data = self._read(path)
        except _Rejected as r:
            self.store.fail(None, rel, r.reason, r.message, "watch")
            log.warning("document.rejected", path=rel, reason=r.reason.value, message=r.message)
            return r.reason.value
        if not data:
            self.store.fail(None, rel, Reason.EMPTY, "the file is empty (0 bytes)", "watch")
            log.warning("document.rejected", path=rel, reason="empty", message="the file is empty (0 bytes)")
            return Reason.EMPTY.value
        doc_id = hashlib.sha256(data).hexdigest()
        state = self.store.claim(doc_id, rel, data)
        if state == "new":
            self._batch.append(doc_id)
        log.debug("document.submitted", path=rel, doc_id=doc_id, state=state)
        return state

    def flush(self) -> None:
        """Send the documents claimed so far as one batch. When the broker cannot take it
        (Redis restarting), the batch stays for the next flush: its documents are claimed,
        so submitting their files again would not send them."""
        if self._batch:
            batch, self._batch = self._batch, []
            try:
                self.enqueue(batch)
            except Exception:
                self._batch = batch + self._batch
                raise
            self.submitted += len(batch)

    def _read(self, path: Path) -> bytes:
        """The file's bytes, refusing what must not be read: links out of the inbox,
        FIFOs and devices (opened non-blocking and checked again after opening, in case the
        path was swapped), and anything over the size limit (checked before reading)."""
        try:
            st = path.lstat()
            if stat.S_ISLNK(st.st_mode):
                target = path.resolve()
                if not target.is_relative_to(self.inbox):
                    raise _Rejected(Reason.SYMLINK, "symbolic link pointing outside the inbox; it is never followed")
                path, st = target, target.lstat()
            if not stat.S_ISREG(st.st_mode):
                raise _Rejected(Reason.NOT_REGULAR, "not a regular file (directory, FIFO, socket or device)")
            if st.st_size > self.settings.max_bytes:
                raise _Rejected(Reason.TOO_LARGE, f"{st.st_size} bytes is over the limit of "
                                f"{self.settings.max_bytes} (SEEDFLOW_MAX_BYTES)")  # fmt: skip
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
            with os.fdopen(fd, "rb") as f:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    raise _Rejected(Reason.NOT_REGULAR, "not a regular file (it changed while being opened)")
                data = f.read(self.settings.max_bytes + 1)
        except FileNotFoundError:
            raise _Rejected(Reason.VANISHED, "the file was deleted or moved before it could be read") from None
        except PermissionError:
            raise _Rejected(Reason.UNREADABLE, "permission denied; make the file readable by seedflow") from None
        except OSError as exc:
            raise _Rejected(Reason.UNREADABLE, f"could not read the file: {exc.strerror}") from None
        if len(data) > self.settings.max_bytes:
            raise _Rejected(Reason.TOO_LARGE, f"the file grew past the limit of {self.settings.max_bytes} bytes")
        return data


def _native() -> BaseObserver:
    """The platform's observer; on Linux with full inotify events, so that a file moved in
    from outside the inbox arrives as "moved" (complete: submitted at once) instead of
    "created" (maybe still being written: it would wait for the settle time)."""
    try:
        from watchdog.observers.inotify import InotifyObserver
    except ImportError:
        return Observer()
    return InotifyObserver(generate_full_events=True)


class _Rejected(Exception):
    def __init__(self, reason: Reason, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: Watcher) -> None:
        self.w = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            if event.event_type in ("created", "moved"):
                self.w._rescan.set()  # a folder moved in brings files no event announced
            return
        kind = event.event_type
        if kind == "moved":
            rel = self.w.relpath(os.fsdecode(event.dest_path)) if event.dest_path else None
            if rel:  # no destination: the file left the inbox
                self.w.nominate(rel)
            return
        rel = self.w.relpath(os.fsdecode(event.src_path))
        if not rel:
            return
        if kind == "closed":
            self.w.nominate(rel)
        elif kind in ("created", "modified"):
            self.w.track(rel)
