# Back Pop Coach as a container: gunicorn serving skill.app:create_app() on port 8000.
# Configuration is by environment only (see the README's configuration table); nothing is baked
# in but the defaults below. Alexa only calls https:// endpoints: put TLS in front of this.
#
#   docker build -t back-pop-coach .
#   docker run --rm -p 8000:8000 -e BACKPOP_SKILL_ID=amzn1.ask.skill.YOUR-ID \
#       -v backpop-data:/data back-pop-coach
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# The interaction models come along for the simulator page (only served with BACKPOP_VERIFY=0).
COPY pyproject.toml README.md ./
COPY skill ./skill
COPY interaction_models ./interaction_models
# The project is installed from its own pyproject.toml, which pins what it needs.
# hadolint ignore=DL3013
RUN pip install ".[serve,dynamodb]" \
    && rm -rf build ./*.egg-info \
    && groupadd --system --gid 10001 backpop \
    && useradd --system --uid 10001 --gid backpop --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin backpop \
    && mkdir -p /data \
    && chown backpop:backpop /data

# The default SQLite store lives in /data (BACKPOP_STORE=dynamodb://TABLE needs no volume).
# WEB_CONCURRENCY is gunicorn's worker count; GUNICORN_CMD_ARGS can add other gunicorn options.
# The workers are gevent's (skill/gunicorn_conf.py): slow or stalled clients cost a greenlet each
# and cannot stall the service, as they stall sync workers (two of them) or gthread (one a thread).
ENV BACKPOP_DATA_DIR=/data \
    WEB_CONCURRENCY=2
VOLUME ["/data"]

USER 10001:10001
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4).status == 200 else 1)"]

CMD ["gunicorn", "-c", "python:skill.gunicorn_conf", "--bind", "0.0.0.0:8000", "skill.app:create_app()"]
