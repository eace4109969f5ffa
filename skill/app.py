"""The Flask app factory: the one door through which Alexa's requests come in.

`POST /` is the skill endpoint (Amazon's checks first, see verify.py), `GET /health` says the
service is up. Errors at the edge are JSON answers (400, 404, 405, 413); errors inside are
spoken apologies (basics.Apology). One JSON log line per request, with no user ids and no slot
values.
"""
from __future__ import annotations

import json
import logging
import time
from typing import Any

from ask_sdk_core.exceptions import SerializationException
from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from . import __version__, answer, build_skill
from .config import Config
from .store import open_store
from .verify import VerificationError, Verifier

log = logging.getLogger("skill.http")
EMPTY_RESPONSE = {"version": "1.0", "response": {}}


def create_app(config: Config | None = None, *, verifier: Verifier | None = None) -> Flask:
    """Build the service. With no config, it is read from the environment, once, here.

    `verifier` replaces the one built from the config (tests give it a local chain source).
    """
    config = config or Config.from_env()
    _configure_logging(config.log_level)
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = config.max_body_bytes
    app.config["BACKPOP"] = config
    store = open_store(config.store, data_dir=config.data_dir, region=config.dynamodb_region,
                       endpoint_url=config.dynamodb_endpoint, create_table=config.dynamodb_create_table)
    skill = build_skill(store=store)
    verifier = verifier or Verifier(skill_ids=config.skill_ids, check_signature=config.verify)
    app.extensions["backpop.skill"] = skill
    if not config.verify:
        log.warning(json.dumps({"event": "verification_off", "message":
                    "BACKPOP_VERIFY=0: request signatures and timestamps are NOT checked. "
                    "Local testing only; never expose this service to the internet like this."}))
        from .simulator.web import blueprint

        app.register_blueprint(blueprint, url_prefix="/simulator")

    @app.post("/")
    def skill_endpoint() -> Any:
        started = time.perf_counter()
        body = request.get_data(cache=True)
        envelope = _parse(body)
        line: dict[str, Any] = {"event": "request", "type": _request_type(envelope), "intent": _intent(envelope)}
        try:
            if envelope is None:
                return _error(400, "body is not a request envelope", line, started)
            verifier.verify(request.headers, body, envelope)
        except VerificationError as failure:
            return _error(400, failure.reason, line, started)
        try:
            result = answer(skill, body.decode("utf-8"))
            line["outcome"] = "answered"
        except SerializationException:
            result, line["outcome"] = EMPTY_RESPONSE, "unknown_request_type"
        except Exception as exc:  # noqa: BLE001 - an error inside is never a 500 for Alexa
            log.exception(json.dumps({"event": "skill_error", "error": type(exc).__name__}))
            result, line["outcome"] = EMPTY_RESPONSE, "error"
        _log(line, 200, started)
        return jsonify(result)

    @app.get("/health")
    def health() -> Any:
        return jsonify({"status": "ok", "version": __version__})

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        line = {"event": "request", "path": request.path, "method": request.method}
        reason = {413: "body too large", 404: "not found", 405: "method not allowed"}.get(exc.code or 500, exc.name)
        return _error(exc.code or 500, reason, line, None)

    return app


def _parse(body: bytes) -> dict[str, Any] | None:
    """The envelope when the body is JSON shaped like an Alexa request, else None."""
    try:
        envelope = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(envelope, dict) or not isinstance(envelope.get("request"), dict):
        return None
    if not isinstance(envelope["request"].get("type"), str) or not isinstance(envelope.get("version", ""), str):
        return None
    return envelope


def _request_type(envelope: dict[str, Any] | None) -> str | None:
    return (envelope or {}).get("request", {}).get("type")


def _intent(envelope: dict[str, Any] | None) -> str | None:
    intent = (envelope or {}).get("request", {}).get("intent")
    return intent.get("name") if isinstance(intent, dict) else None


def _error(status: int, reason: str, line: dict[str, Any], started: float | None) -> tuple[Response, int]:
    line["outcome"] = reason
    _log(line, status, started)
    return jsonify({"error": reason}), status


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


def _configure_logging(level: str) -> None:
    logger = logging.getLogger("skill")
    logger.setLevel(level)
    if not any(getattr(h, "_backpop", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(_JsonLines())
        handler._backpop = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
