"""The Flask app factory: the one door through which Alexa's requests come in.

`POST /` is the skill endpoint: the body is checked (inbound.py), then Amazon's checks
(verify.py), then the skill answers. `GET /health` reports the service and its store
(`?deep=1` writes and reads a probe record). Errors at the edge are JSON answers (400, 404,
405, 413); errors inside are spoken apologies (basics.Apology). One JSON log line per request,
with no user ids and no slot values; a traceback in the log names frames and exception types
only, never an exception's message (it could carry what someone said).
"""
from __future__ import annotations

import json
import logging
import time
import traceback
from typing import Any

from flask import Flask, Response, request
from werkzeug.exceptions import HTTPException

from . import build_skill, read_envelope, respond
from .config import Config
from .inbound import Malformed, parse
from .store import open_store
from .verify import ReplayCache, VerificationError, Verifier

log = logging.getLogger("skill.http")
EMPTY_RESPONSE = {"version": "1.0", "response": {}}
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "Strict-Transport-Security": "max-age=31536000",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
}
SIMULATOR_CSP = "default-src 'self'; media-src 'self' blob:; frame-ancestors 'none'"


def create_app(config: Config | None = None, *, verifier: Verifier | None = None, skill: Any = None) -> Flask:
    """Build the service. With no config, it is read from the environment, once, here.

    `verifier` replaces the one built from the config (tests give it a local chain source);
    `skill` replaces Back Pop Coach (the benchmarks put a hello-world skill behind this same door).
    """
    config = config or Config.from_env()
    _configure_logging(config.log_level)
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = config.max_body_bytes
    app.config["BACKPOP"] = config
    store = open_store(config.store, data_dir=config.data_dir, region=config.dynamodb_region,
                       endpoint_url=config.dynamodb_endpoint, create_table=config.dynamodb_create_table)
    skill = skill if skill is not None else build_skill(store=store)
    replays = ReplayCache(config.replay_cache) if config.replay_cache else None
    verifier = verifier or Verifier(skill_ids=config.skill_ids, check_signature=config.verify, replays=replays)
    known_types = _known_request_types()
    app.extensions["backpop.skill"] = skill
    app.extensions["backpop.store"] = store
    if not config.verify:
        log.warning(json.dumps({"event": "verification_off", "message":
                    "BACKPOP_VERIFY=0: request signatures and timestamps are NOT checked. "
                    "Local testing only; never expose this service to the internet like this."}))
        from .simulator.web import blueprint

        app.register_blueprint(blueprint, url_prefix="/simulator")

    @app.post("/")
    def skill_endpoint() -> Any:
        started = time.perf_counter()
        body = request.get_data(cache=False)
        line: dict[str, Any] = {"event": "request"}
        try:
            envelope = parse(body)
        except Malformed as bad:
            return _error(400, bad.reason, line, started)
        line["type"], line["intent"] = envelope["request"]["type"], (envelope["request"].get("intent") or {}).get("name")
        try:
            verifier.verify(request.headers, body, envelope)
        except VerificationError as failure:
            return _error(400, failure.reason, line, started)
        result, line["outcome"] = EMPTY_RESPONSE, "unknown_request_type"
        if line["type"] in known_types:
            try:
                model = read_envelope(skill, envelope)
            except Exception:  # noqa: BLE001 - SerializationException, RecursionError: the body, not us
                return _error(400, "malformed request envelope", line, started)
            try:
                result, line["outcome"] = respond(skill, model, owned=True), "answered"
            except Exception as exc:  # noqa: BLE001 - an error inside is never a 500 for Alexa
                log.error(json.dumps({"event": "skill_error", "error": type(exc).__name__}), exc_info=exc)
                result, line["outcome"] = EMPTY_RESPONSE, "error"
        _log(line, 200, started)
        return app.response_class(json.dumps(result, separators=(",", ":")), mimetype="application/json")

    @app.get("/health")
    def health() -> Any:
        """The service is up; the store's state as of its last call, or probed now with ?deep=1."""
        deep = request.args.get("deep", "").lower() in ("1", "true", "yes")
        state = ("ok" if store.probe() else "failing") if deep else store.state
        body = {"status": "degraded" if state == "failing" else "ok", "store": state}
        return _json(body, 503 if deep and state == "failing" else 200)

    @app.after_request
    def security_headers(response: Response) -> Response:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.path.startswith("/simulator"):
            response.headers["Content-Security-Policy"] = SIMULATOR_CSP
            response.headers["Cache-Control"] = "no-cache"
        return response

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        line = {"event": "request", "path": request.path, "method": request.method}
        reason = {413: "body too large", 404: "not found", 405: "method not allowed"}.get(exc.code or 500, exc.name)
        return _error(exc.code or 500, reason, line, None)

    return app


def _known_request_types() -> frozenset[str]:
    """The request types the SDK's model can read; any other gets a valid empty response."""
    from ask_sdk_model.request import Request

    return frozenset(Request.discriminator_value_class_map)


def _json(body: dict[str, Any], status: int) -> Response:
    from flask import current_app

    return current_app.response_class(json.dumps(body), status=status, mimetype="application/json")


def _error(status: int, reason: str, line: dict[str, Any], started: float | None) -> Response:
    line["outcome"] = reason
    _log(line, status, started)
    return _json({"error": reason}, status)


def _log(line: dict[str, Any], status: int, started: float | None) -> None:
    line["status"] = status
    if started is not None:
        line["latency_ms"] = round((time.perf_counter() - started) * 1000, 2)
    log.info(json.dumps(line))


class _JsonLines(logging.Formatter):
    """One JSON object per line: level, logger, the message's own fields, and any traceback as one
    escaped string (for the operator's log only; it never reaches a response)."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        try:
            fields = json.loads(message) if message.startswith("{") else {"message": message}
        except ValueError:
            fields = {"message": message}
        line = {"level": record.levelname.lower(), "logger": record.name, **fields}
        if record.exc_info:
            line["trace"] = self.formatException(record.exc_info)
        return json.dumps(line)

    def formatException(self, ei: Any) -> str:  # noqa: N802 - logging's name
        """Frames (file, line, function) and exception types, chained ones too; never a message."""
        lines: list[str] = []
        exc = ei[1]
        seen: set[int] = set()
        while exc is not None and id(exc) not in seen:
            seen.add(id(exc))
            frames = traceback.extract_tb(exc.__traceback__)
            lines.extend(f"{f.filename}:{f.lineno} in {f.name}" for f in frames)
            lines.append(type(exc).__name__)
            exc = exc.__cause__ or exc.__context__
        return " | ".join(lines)


def _configure_logging(level: str) -> None:
    logger = logging.getLogger("skill")
    logger.setLevel(level)
    if not any(getattr(h, "_backpop", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(_JsonLines())
        handler._backpop = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
