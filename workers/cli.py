"""The ``seedflow`` command.

Flags are written into ``SEEDFLOW_*`` environment variables before anything reads the
settings, so this process, the worker subprocess and the settings object agree on every
value; a flag overrides the environment, which overrides the default.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path
from types import ModuleType

import orjson

from workers.logs import log, mask_url, setup
from workers.settings import Settings

_FLAG_ENV = {
    "inbox": "INBOX",
    "results": "RESULTS",
    "state_dir": "STATE_DIR",
    "workers": "WORKERS",
    "metrics_port": "METRICS_PORT",
}


def _common(p: argparse.ArgumentParser, *, workers: bool = False) -> None:
    p.add_argument("--inbox", type=Path, help="watched folder (default: seeds, or SEEDFLOW_INBOX)")
    p.add_argument("--results", type=Path, help="results folder (default: results, or SEEDFLOW_RESULTS)")
    p.add_argument("--state-dir", type=Path, help="embedded Redis state (default: .seedflow)")
    if workers:
        p.add_argument("--workers", type=int, help="worker processes (default: number of cores)")


def _metrics(p: argparse.ArgumentParser) -> None:
    p.add_argument("--metrics-port", type=int, help="Prometheus /metrics port (default 9808; 0: off)")


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="seedflow",
        description="Watch a folder of news articles and analyze each file on Celery workers "
        "(normalization, entities, stance). Configuration: SEEDFLOW_* environment variables (see README).",
    )
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("run", help="everything on this machine: embedded Redis (unless "
                       "SEEDFLOW_REDIS_URL is set), workers, watcher, live status")  # fmt: skip
    _common(p, workers=True)
    p.add_argument("--once", action="store_true", help="process what is in the inbox now, then exit")
    p.add_argument("--flower", action="store_true", help="also start Flower on port 5555 (auth: SEEDFLOW_FLOWER_AUTH)")
    _metrics(p)
    p = sub.add_parser("watch", help="only the watcher (container service)")
    _common(p)
    _metrics(p)
    p = sub.add_parser("worker", help="only a Celery worker (container service)")
    _common(p, workers=True)
    p.add_argument("--queues", help="comma-separated queues to consume (default: all of seedflow's)")
    p = sub.add_parser("submit", help="submit files now (no watcher needed)")
    _common(p)
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p = sub.add_parser("status", help="queue depth, documents by state, throughput, failures, workers")
    _common(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--watch", action="store_true", help="redraw every second until Ctrl-C")
    p = sub.add_parser("result", help="print the result (or error record) of a file or doc_id")
    _common(p)
    p.add_argument("target", metavar="PATH|DOC_ID")
    p = sub.add_parser("failed", help="list failed documents with their reasons")
    _common(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p = sub.add_parser("retry", help="re-queue failed documents (all, or the given ones)")
    _common(p)
    p.add_argument("keys", nargs="*", metavar="DOC_ID", help="doc_ids (or path:<file>) from `seedflow failed`")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    for flag, env in _FLAG_ENV.items():
        value = getattr(args, flag, None)
        if value is not None:
            os.environ[f"SEEDFLOW_{env}"] = str(value)
    try:
        settings = Settings()
    except ValueError as exc:
        print(f"seedflow: invalid configuration: {exc}", file=sys.stderr)
        return 2
    setup(settings.log_json, settings.log_level)
    if args.command == "run":
        from workers.runner import run

        return run(settings, once=args.once, flower=args.flower)
    try:
        from workers import app as app_module
    except RuntimeError as exc:
        print(f"seedflow: {exc}", file=sys.stderr)
        return 2
    problem = _unreachable(app_module.redis_url)
    if problem:
        print(f"seedflow: cannot reach Redis at {mask_url(app_module.redis_url)}: {problem}", file=sys.stderr)
        return 2
    return _COMMANDS[args.command](args, settings, app_module)


def _unreachable(url: str) -> str | None:
    """Fail fast with a clear message instead of retrying for half a minute."""
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=5)
    try:
        client.ping()
    except (redis.RedisError, OSError) as exc:
        return str(exc).replace(url, mask_url(url))
    finally:
        client.close()
    return None


def _worker(args: argparse.Namespace, settings: Settings, app_module: ModuleType) -> int:
    from workers.runner import worker_command

    names = args.queues.split(",") if args.queues else app_module.queues(settings)
    cmd = worker_command(settings, names, name=f"seedflow-{os.getpid()}@%h")
    os.environ["SEEDFLOW_REDIS_URL"] = app_module.redis_url
    os.execv(cmd[0], cmd)  # the worker becomes this process: signals reach Celery directly


def _watch(args: argparse.Namespace, settings: Settings, app_module: ModuleType) -> int:
    import signal
    import threading

    from workers.pipeline import store
    from workers.pipeline import watcher as make_watcher

    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    from workers.metrics import start_metrics_server
    from workers.monitor import workers_online

    names = app_module.queues(settings)
    watcher = make_watcher()
    watcher.start()
    start_metrics_server(store(), names, settings.metrics_port,
                         workers_online=lambda: workers_online(app_module.app, timeout=0.5))  # fmt: skip
    log.info("run.catch_up", files=len(watcher.scan()))
    stop.wait()
    watcher.stop()
    return 0


def _submit(args: argparse.Namespace, settings: Settings, app_module: ModuleType) -> int:
    from workers.pipeline import watcher as make_watcher

    watcher = make_watcher()
    for f in args.files:
        rel = watcher.relpath(f) or f.name
        outcome = watcher.submit(rel, f)
        print(f"{rel}\t{outcome}")
    return 0


def _status(args: argparse.Namespace, settings: Settings, app_module: ModuleType) -> int:
    from rich.console import Console
    from rich.live import Live

    from workers.monitor import snapshot, table, workers_online
    from workers.pipeline import store

    names = app_module.queues(settings)

    def snap() -> dict:
        s = snapshot(store(), names)
        s["workers"] = workers_online(app_module.app, timeout=0.5)
        return s

    if args.json:
        sys.stdout.buffer.write(orjson.dumps(snap(), option=orjson.OPT_INDENT_2) + b"\n")
    elif args.watch:
        with Live(table(snap()), refresh_per_second=1) as live:
            try:
                while True:
                    time.sleep(1)
                    live.update(table(snap()))
            except KeyboardInterrupt:
                pass
    else:
        Console().print(table(snap()))
    return 0


def _result(args: argparse.Namespace, settings: Settings, app_module: ModuleType) -> int:
    from workers.pipeline import store

    s = store()
    target = Path(args.target)
    key = args.target
    if target.is_file():
        key = hashlib.sha256(target.read_bytes()).hexdigest()
        rel = os.path.relpath(target.resolve(), settings.inbox.resolve())
        for p in (s.result_path(rel), s.error_path(rel)) if not rel.startswith("..") else ():
            if p.exists():
                sys.stdout.buffer.write(_pretty(p.read_bytes()))
                return 0
    blob = s.result(key) or s.error(key) or s.error(f"path:{args.target}")
    if blob is None:
        print(f"seedflow: no result for {args.target} (not processed yet, or expired)", file=sys.stderr)
        return 1
    sys.stdout.buffer.write(_pretty(blob))
    return 0


def _pretty(blob: bytes) -> bytes:
    """Results are stored compact; a person reading one gets it indented."""
    return orjson.dumps(orjson.loads(blob), option=orjson.OPT_INDENT_2) + b"\n"


def _failed(args: argparse.Namespace, settings: Settings, app_module: ModuleType) -> int:
    from workers.pipeline import store

    records = store().failed()
    if args.json:
        sys.stdout.buffer.write(orjson.dumps(records, option=orjson.OPT_INDENT_2) + b"\n")
        return 0
    for r in records:
        key = r["doc_id"] or f"path:{r['path']}"
        print(f"{key}\t{r['reason']}\t{r['path']}\t{r['message']}")
    if not records:
        print("no failed documents", file=sys.stderr)
    return 0


def _retry(args: argparse.Namespace, settings: Settings, app_module: ModuleType) -> int:
    from workers.pipeline import store
    from workers.pipeline import watcher as make_watcher

    s = store()
    keys = args.keys or [r["doc_id"] or f"path:{r['path']}" for r in s.failed()]
    watcher = make_watcher()
    for key in keys:
        for rel in s.forget(key):
            print(f"{rel}\t{watcher.submit(rel)}")
    return 0


_COMMANDS = {
    "worker": _worker,
    "watch": _watch,
    "submit": _submit,
    "status": _status,
    "result": _result,
    "failed": _failed,
    "retry": _retry,
}

if __name__ == "__main__":
    sys.exit(main())
