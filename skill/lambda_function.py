"""AWS Lambda entry point: `skill.lambda_function.handler`, the same skill as the web service.

Lambda hands `handler(event, context)` the request envelope already parsed. The skill is built
once per container, on the first event (the environment is read then, never at import), with
the DynamoDB store by default; there is no Flask here. Lambda has already checked who called
(the Alexa Skills Kit trigger), so there are no signature or timestamp checks; the application
id is still checked against `BACKPOP_SKILL_ID` when that is set.

Environment (see the README, "AWS Lambda"):
    BACKPOP_STORE               store URL; default dynamodb://$BACKPOP_DYNAMODB_TABLE
    BACKPOP_DYNAMODB_TABLE      table name when BACKPOP_STORE is unset (default back-pop-coach)
    BACKPOP_DYNAMODB_REGION     region (default $AWS_REGION, which Lambda sets)
    BACKPOP_DYNAMODB_ENDPOINT   endpoint URL (DynamoDB Local, moto); unset on AWS
    BACKPOP_SKILL_ID            comma-separated skill ids allowed; unset: any
    BACKPOP_DATA_DIR            base for a relative sqlite:/// store (default /tmp, Lambda's only
                                writable place; SQLite there is per container and lost with it)
    BACKPOP_LOG_LEVEL           log level (default INFO)
"""
from __future__ import annotations

import json
import logging
import os
import threading
from pathlib import Path
from typing import Any, Mapping, NamedTuple, TYPE_CHECKING

from . import answer, build_skill
from .config import Config
from .store import open_store
from .verify import VerificationError, Verifier

if TYPE_CHECKING:
    from ask_sdk_core.skill import CustomSkill

__all__ = ["handler", "WrongSkill", "DEFAULT_TABLE"]

DEFAULT_TABLE = "back-pop-coach"
EMPTY_RESPONSE: dict[str, Any] = {"version": "1.0", "response": {}}

log = logging.getLogger("skill.lambda")


class WrongSkill(Exception):
    """The event names an application id that BACKPOP_SKILL_ID does not allow."""


class _Runtime(NamedTuple):
    skill: "CustomSkill"
    skill_ids: frozenset[str]
    verifier: Verifier  # the application-id check only: Lambda's trigger has checked the caller


_runtime: _Runtime | None = None
_lock = threading.Lock()


def handler(event: "Mapping[str, Any] | str", context: Any = None) -> dict[str, Any]:
    """Answer one Alexa request envelope with the skill's response envelope.

    Raises WrongSkill for another skill's request (Lambda returns it to Alexa as an error,
    as ask-sdk's own skill-id check does). A request type the SDK cannot read gets the empty
    response, as the web service gives it.
    """
    from ask_sdk_core.exceptions import SerializationException

    runtime = _get_runtime()
    envelope = json.loads(event) if isinstance(event, str) else event
    _check_application(envelope, runtime.verifier)
    try:
        result = answer(runtime.skill, envelope)
        outcome = "answered"
    except SerializationException:
        result, outcome = EMPTY_RESPONSE, "unknown_request_type"
    log.info(json.dumps({"event": "request", "type": _request_type(envelope), "outcome": outcome}))
    return result


def _get_runtime() -> _Runtime:
    """The skill for this container, built on first use."""
    global _runtime
    with _lock:
        if _runtime is None:
            _runtime = _build(os.environ)
        return _runtime


def _build(env: Mapping[str, str]) -> _Runtime:
    config = Config.from_env(env)
    logging.getLogger("skill").setLevel(config.log_level)
    store_url = config.store or "dynamodb://" + (env.get("BACKPOP_DYNAMODB_TABLE") or DEFAULT_TABLE)
    # The table is created beforehand (README, "AWS Lambda"): the function's role then needs no
    # dynamodb:CreateTable, and a first request never waits for a table to be made.
    store = open_store(store_url, data_dir=Path(env.get("BACKPOP_DATA_DIR") or "/tmp"),
                       region=config.dynamodb_region, endpoint_url=config.dynamodb_endpoint, create_table=False)
    _warm(store)
    return _Runtime(skill=build_skill(store=store), skill_ids=config.skill_ids,
                    verifier=Verifier(skill_ids=config.skill_ids, check_signature=False))


def _warm(store: Any) -> None:
    """Import boto3 and build the DynamoDB client now, at the cold start rather than inside the
    first request (that import alone can take most of a second). No network call here.
    """
    warm = getattr(getattr(store, "backend", None), "warm", None)  # DynamoStore's (SQLite has none)
    if warm is not None:
        try:
            warm()
        except Exception as exc:  # noqa: BLE001 - the store retries on its own first call
            log.warning(json.dumps({"event": "store_warm_failed", "error": type(exc).__name__}))


def _check_application(envelope: Mapping[str, Any], verifier: Verifier) -> None:
    try:
        verifier.verify({}, b"", envelope)
    except VerificationError as failure:
        log.warning(json.dumps({"event": "request", "type": _request_type(envelope), "outcome": failure.reason}))
        raise WrongSkill(f"refused: {failure.reason}") from None


def _request_type(envelope: Mapping[str, Any]) -> str | None:
    request = envelope.get("request")
    return request.get("type") if isinstance(request, Mapping) else None
