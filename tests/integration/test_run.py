"""End to end: the real ``seedflow`` command with its embedded Redis, as a user runs it."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import jsonschema

from tests.conftest import FIXTURES, ROOT, SEED, seedflow, wait_for

SCHEMA = json.loads((ROOT / "schema" / "result.schema.json").read_text())
ERROR_SCHEMA = json.loads((ROOT / "schema" / "error.schema.json").read_text())


def _inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / SEED.name).write_bytes(SEED.read_bytes())
    text = (FIXTURES / "article_a.txt").read_text(encoding="utf-8")
    (inbox / "windows-1256.txt").write_bytes(text.encode("cp1256", errors="replace"))
    (inbox / "utf-16.txt").write_bytes((FIXTURES / "article_b.txt").read_text(encoding="utf-8").encode("utf-16"))
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "binary.dat").write_bytes(bytes(range(256)) * 20)
    return inbox


def test_run_once_processes_the_inbox_and_exits(tmp_path: Path) -> None:
    _inbox(tmp_path)
    proc = seedflow("run", "--once", "--inbox", "in", "--results", "out", "--workers", "2", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = tmp_path / "out"
    results = sorted(p.name for p in out.glob("*.json"))
    assert results == [f"{SEED.name}.json", "utf-16.txt.json", "windows-1256.txt.json"]
    for name in results:
        jsonschema.validate(json.loads((out / name).read_text()), SCHEMA)
    encodings = {n: json.loads((out / n).read_text())["normalized"]["encoding"] for n in results}
    assert encodings == {
        f"{SEED.name}.json": "utf-8",
        "utf-16.txt.json": "utf-16-le",
        "windows-1256.txt.json": "cp1256",
    }
    errors = {p.name: json.loads(p.read_text()) for p in (out / "failed").glob("*.error.json")}
    assert {n: e["reason"] for n, e in errors.items()} == {
        "empty.txt.error.json": "empty",
        "binary.dat.error.json": "binary",
    }
    for e in errors.values():
        jsonschema.validate(e, ERROR_SCHEMA)
    # Everything stopped: the embedded Redis is gone, its AOF stays for the next run.
    assert not (tmp_path / ".seedflow" / "redis.url").exists()
    assert list((tmp_path / ".seedflow").glob("appendonly*"))

    again = seedflow("run", "--once", "--inbox", "in", "--results", "out", cwd=tmp_path)
    assert again.returncode == 0, again.stderr[-3000:]
    assert '"files": 0' in again.stderr  # nothing is processed twice


def test_run_watches_and_stops_gracefully(tmp_path: Path) -> None:
    from workers.embedded import free_port

    inbox = tmp_path / "in"
    inbox.mkdir()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEEDFLOW_")}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "workers.cli",
            "run",
            "--inbox",
            "in",
            "--results",
            "out",
            "--workers",
            "1",
            "--metrics-port",
            str(port),
        ],
        cwd=tmp_path,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(lambda: (tmp_path / ".seedflow" / "redis.url").exists(), 30)
        time.sleep(0.5)
        (inbox / "dropped.part").write_bytes(SEED.read_bytes())
        os.rename(inbox / "dropped.part", inbox / "dropped.txt")
        result = tmp_path / "out" / "dropped.txt.json"
        wait_for(result.exists, 60)
        assert json.loads(result.read_text())["source"]["path"] == "dropped.txt"
        status = seedflow("status", "--json", cwd=tmp_path)
        assert status.returncode == 0, status.stderr
        assert json.loads(status.stdout)["done"] == 1
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as r:
            metrics = r.read().decode()
        assert 'seedflow_documents{state="done"} 1.0' in metrics
        shown = seedflow("result", "in/dropped.txt", "--inbox", "in", "--results", "out", cwd=tmp_path)
        assert json.loads(shown.stdout)["doc_id"] == json.loads(result.read_text())["doc_id"]
        assert b"\n" not in result.read_bytes(), "result files are stored compact"
        assert shown.stdout.startswith('{\n  "'), "seedflow result prints them indented"
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err[-3000:]
    assert "redis.stopped" in err


def test_run_once_with_a_queue_per_stage(tmp_path: Path) -> None:
    """With SEEDFLOW_SPLIT_QUEUES every stage, assemble included, goes through its own
    queue (otherwise assemble runs where the join completes, with no message)."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / SEED.name).write_bytes(SEED.read_bytes())
    proc = seedflow("run", "--once", "--inbox", "in", "--results", "out", "--workers", "2", cwd=tmp_path,
                    env={"SEEDFLOW_SPLIT_QUEUES": "1"})  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads((tmp_path / "out" / f"{SEED.name}.json").read_text())
    assert set(result["timings_ms"]) == {"normalize", "entities", "stance", "assemble"}
    aof = b"".join(p.read_bytes() for p in (tmp_path / ".seedflow").rglob("appendonly*") if p.is_file())
    for stage in ("normalize", "entities", "stance", "assemble"):
        # LPUSH <key>, the key being the queue or one of its priority lists (queue\x06\x16<p>)
        assert re.search(rb"LPUSH\r\n\$\d+\r\nseedflow\.%s(\r\n|\x06\x16)" % stage.encode(), aof), stage
