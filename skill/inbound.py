"""What a request body must be before the skill sees it: UTF-8 JSON shaped like an Alexa envelope.

`parse(body)` returns the envelope or raises `Malformed` with a short, safe reason (the service
answers 400 with it). It checks the encoding (strict UTF-8, no byte-order mark, no unpaired
surrogates), the JSON (nesting too deep for the parser is refused, not a crash), and the type of
every field the SDK or the skill reads, at every level, including the session attributes the
skill wrote itself. The SDK turns a wrong type into a string rather than failing, so these
checks are what stands between a forged body and the handlers.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

__all__ = ["Malformed", "parse", "MAX_DEPTH"]

MAX_DEPTH = 24  # session attributes nest 4 deep; anything far deeper is not Alexa
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_STR, _OPT_STR = (str,), (str, type(None))
_INT = (int,)
_NUM_OR_NONE = (int, float, type(None))


class Malformed(ValueError):
    """A body that is not an Alexa request envelope; `.reason` is short and carries no input."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def parse(body: bytes) -> dict[str, Any]:
    """The envelope in `body`, checked; raise Malformed otherwise."""
    if body.startswith(b"\xef\xbb\xbf"):
        raise Malformed("body is not UTF-8 JSON")
    try:
        text = body.decode("utf-8")
        envelope = json.loads(text)
    except (UnicodeDecodeError, ValueError):
        raise Malformed("body is not UTF-8 JSON") from None
    except RecursionError:
        raise Malformed("body nests too deeply") from None
    if _SURROGATE_ESCAPE.search(text):
        try:
            json.dumps(envelope, ensure_ascii=False).encode("utf-8")
        except (UnicodeEncodeError, RecursionError):
            raise Malformed("body has unpaired surrogates") from None
    if not isinstance(envelope, dict) or not isinstance(envelope.get("request"), dict):
        raise Malformed("body is not a request envelope")
    _check_envelope(envelope)
    return envelope


def _field(obj: dict[str, Any], key: str, types: tuple[type, ...], where: str, *, required: bool = False) -> Any:
    value = obj.get(key)
    if value is None and not required and type(None) not in types:
        return None
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in types and int in types):
        raise Malformed(f"malformed {where}.{key}")
    return value


def _object(obj: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    """A nested object that may be missing (then empty); anything but an object is refused."""
    value = obj.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise Malformed(f"malformed {where}.{key}")
    return value


def _check_envelope(envelope: dict[str, Any]) -> None:
    _field(envelope, "version", _STR, "envelope")
    request = envelope["request"]
    if not isinstance(request.get("type"), str) or not request["type"]:
        raise Malformed("body is not a request envelope")
    for key in ("requestId", "timestamp", "locale", "reason", "dialogState"):
        _field(request, key, _STR, "request")
    for key in ("error", "body", "cause"):
        _object(request, key, "request")
    intent = _object(request, "intent", "request")
    if intent:
        _field(intent, "name", _STR, "request.intent", required=True)
        _field(intent, "confirmationStatus", _STR, "request.intent")
        for name, slot in _object(intent, "slots", "request.intent").items():
            _check_slot(slot)

    session = _object(envelope, "session", "envelope")
    if session:
        _field(session, "new", (bool,), "session")
        _field(session, "sessionId", _STR, "session")
        _field(_object(session, "application", "session"), "applicationId", _STR, "session.application")
        _field(_object(session, "user", "session"), "userId", _STR, "session.user")
        _check_attributes(_object(session, "attributes", "session"))

    # Alexa sends context.System with every request (the SDK reads its API token before any handler)
    context = envelope.get("context")
    if not isinstance(context, dict) or not isinstance(context.get("System"), dict):
        raise Malformed("malformed envelope.context: every request carries context.System")
    system = context["System"]
    _field(_object(system, "application", "context.System"), "applicationId", _STR, "context.System.application")
    _field(_object(system, "user", "context.System"), "userId", _STR, "context.System.user")
    for key in ("apiEndpoint", "apiAccessToken"):
        _field(system, key, _STR, "context.System")
    device = _object(system, "device", "context.System")
    _field(device, "deviceId", _STR, "context.System.device")
    _object(device, "supportedInterfaces", "context.System.device")


def _check_slot(slot: Any) -> None:
    if not isinstance(slot, dict):
        raise Malformed("malformed request.intent.slots")
    for key in ("name", "value", "confirmationStatus"):
        _field(slot, key, _STR, "request.intent.slots")
    authorities = _object(slot, "resolutions", "request.intent.slots").get("resolutionsPerAuthority") or []
    if not isinstance(authorities, list):
        raise Malformed("malformed request.intent.slots.resolutions")
    for authority in authorities:
        if not isinstance(authority, dict):
            raise Malformed("malformed request.intent.slots.resolutions")
        _field(_object(authority, "status", "resolutions"), "code", _STR, "resolutions.status")
        values = authority.get("values") or []
        if not isinstance(values, list) or not all(isinstance(v, dict) for v in values):
            raise Malformed("malformed request.intent.slots.resolutions")
        for value in values:
            inner = _object(value, "value", "resolutions.values")
            _field(inner, "name", _STR, "resolutions.values.value")
            _field(inner, "id", _STR, "resolutions.values.value")


_ROUTINE = {"stretch_ids": list, "index": int, "step": int, "easier": bool}
_TURN = {"pending": _OPT_STR, "told": _OPT_STR, "check_other": (bool,), "topic": _OPT_STR, "next_topic": _OPT_STR, "more_said": (bool,), "triage_step": (int, type(None)), "offer": (dict,),
         "paused": (bool,), "last_ssml": _OPT_STR, "last_reprompt": _OPT_STR}
_USER = {"intro_heard": (bool,), "popped_at": _NUM_OR_NONE, "prefs": (dict,), "_v": (int, type(None)),
         "_unsaved": (list,)}


def _check_attributes(attributes: dict[str, Any]) -> None:
    """The session attributes the skill wrote itself (Alexa hands them back as they were)."""
    if not _shallow_enough(attributes, MAX_DEPTH):
        raise Malformed("malformed session.attributes")
    turn = _object(attributes, "turn", "session.attributes")
    for key, types in _TURN.items():
        _typed(turn, key, types, "session.attributes.turn")
    if not all(isinstance(v, str) for v in turn.get("offer", {}).values()):
        raise Malformed("malformed session.attributes.turn.offer")
    _check_routine(_object(turn, "routine", "session.attributes.turn"), "session.attributes.turn.routine")
    user = _object(attributes, "user", "session.attributes")
    for key, types in _USER.items():
        _typed(user, key, types, "session.attributes.user")
    if not all(isinstance(v, str) for v in user.get("_unsaved") or ()):
        raise Malformed("malformed session.attributes.user._unsaved")
    place = _object(user, "place", "session.attributes.user")
    _check_routine(place, "session.attributes.user.place")
    _typed(place, "saved_at", _NUM_OR_NONE, "session.attributes.user.place")


def _typed(obj: dict[str, Any], key: str, types: tuple[type, ...], where: str) -> None:
    """`obj[key]`, when there, is one of `types` (a bool is not an int here)."""
    if key not in obj or obj[key] is None and type(None) in types:
        return
    value = obj[key]
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
        raise Malformed(f"malformed {where}.{key}")


def _check_routine(routine: dict[str, Any], where: str) -> None:
    """A routine's shape, and that it names stretches the skill has, at steps they have."""
    if not routine:
        return
    for key, kind in _ROUTINE.items():
        _typed(routine, key, (kind,), where)
    ids = routine.get("stretch_ids") or []
    steps = _steps_per_stretch()
    if not ids or not all(isinstance(s, str) and s in steps for s in ids):
        raise Malformed(f"malformed {where}.stretch_ids")
    index, step = routine.get("index", 0), routine.get("step", 0)
    if not 0 <= index < len(ids) or not 0 <= step < steps[ids[index]]:
        raise Malformed(f"malformed {where}")


@lru_cache(maxsize=1)
def _steps_per_stretch() -> dict[str, int]:
    """Each stretch the skill has, and how many steps a place in it may name (at least two)."""
    from .content import for_locale

    return {sid: max(len(stretch["steps"]), 2) for sid, stretch in for_locale(None).stretches.items()}


def _shallow_enough(value: Any, limit: int) -> bool:
    """False when `value` nests deeper than `limit` (walked level by level, without recursion)."""
    level = [value]
    for _ in range(limit + 1):
        below: list[Any] = []
        for node in level:
            if isinstance(node, dict):
                below.extend(node.values())
            elif isinstance(node, list):
                below.extend(node)
        if not below:
            return True
        level = below
    return False
