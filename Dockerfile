# syntax=docker/dockerfile:1
# One image for every seedflow service (watcher, worker, flower): the service is the command,
# e.g. `docker run IMAGE worker`. See docker-compose.yml and the Operations section of README.md.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src
# Only what `pip install .` reads (the rest is kept out by the allowlist in .dockerignore).
COPY pyproject.toml README.md ./
COPY tasks ./tasks
COPY workers ./workers
# Dependencies come from pyproject.toml alone (with the flower extra, so one image also runs
# Flower). The BuildKit cache mount keeps pip's wheel cache out of the image without
# --no-cache-dir, so rebuilds after a code change do not download everything again.
# tests/integration/test_deploy.py runs this exact command in a fresh venv.
RUN --mount=type=cache,target=/root/.cache/pip pip install ".[flower]"

# Non-root at run time. /data/results exists in the image, owned by the service user, so a
# fresh named volume mounted there inherits that owner and the workers can write to it.
RUN useradd --system --uid 10001 --create-home --home-dir /home/seedflow seedflow \
    && mkdir -p /data/inbox /data/results /data/state \
    && chown -R seedflow:seedflow /data
USER seedflow
WORKDIR /data
ENV SEEDFLOW_INBOX=/data/inbox \
    SEEDFLOW_RESULTS=/data/results \
    SEEDFLOW_STATE_DIR=/data/state \
    SEEDFLOW_LOG_JSON=1

# Healthy = this container reaches its Redis (every service needs it and nothing else of
# the service's own). A one-liner, not `seedflow status`, so a check costs milliseconds and
# no Celery broadcast; the check fails fast instead of riding out the client's retries.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, redis; redis.Redis.from_url(os.environ['SEEDFLOW_REDIS_URL'], socket_timeout=3, socket_connect_timeout=3).ping()"]

# Exec form: seedflow is the process that receives SIGTERM (`seedflow worker` then execs
# into Celery), so `docker stop` means a warm shutdown: running tasks finish, unstarted
# ones stay in Redis (late acks). Compose adds `init: true` to reap stray children.
ENTRYPOINT ["seedflow"]
CMD ["--help"]
