"""gunicorn's settings for Back Pop Coach in production: `gunicorn -c python:skill.gunicorn_conf`.

Workers are gevent's: each connection is a greenlet, so slow or stalled clients (a request sent a
byte at a time) cost a little memory each and never hold a worker, where gunicorn's sync workers
stall on two such clients and gthread's on one per thread (benchmarks/run.py measures it). The
skill's own calls cooperate: botocore's sockets are gevent's, and an SQLite call takes
microseconds (its busy timeout bounds a lock wait). Every setting can be overridden with
GUNICORN_CMD_ARGS (for example "--workers 4").
"""
from __future__ import annotations

import multiprocessing
import os

bind = os.environ.get("BACKPOP_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY") or max(2, multiprocessing.cpu_count()))
worker_class = "gevent"
worker_connections = 1000  # open connections per worker, slow ones included
timeout = 30  # a worker that stops answering its heartbeat is restarted
graceful_timeout = 10
keepalive = 5
limit_request_line = 4094
limit_request_fields = 50
accesslog = None  # the app logs one JSON line per request
