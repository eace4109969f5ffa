"""skill.serializer.Serializer reads and writes exactly what ask-sdk's DefaultSerializer does.

The SDK's serializer is the oracle. Every request of every locale's model (slots filled as
Alexa fills them) and the other request types go through a skill whose serializer checks each
envelope it reads and each response it writes against the SDK's, in several states; every
request type the SDK knows is read both ways; generated damage (any JSON value at any place of an
envelope) gets the same model or the same failure; timestamps read the same in several time zones.
"""
from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ask_sdk_core.exceptions import SerializationException
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope
from ask_sdk_model.request import Request
from hypothesis import given, settings
from hypothesis import strategies as st
from test_canfulfill import filled, intents_of
from test_dispatch import OTHER_REQUESTS, in_state
from test_fuzz import PROFILE, json_values

from skill import build_skill, modelgen
from skill.serializer import Serializer
from skill.simulator.envelopes import envelope

SDK = DefaultSerializer()
ROOT = Path(__file__).resolve().parents[1]


def sdk_read(payload: Any, obj_type: Any = RequestEnvelope) -> Any:
    return SDK.deserialize(json.dumps(payload), obj_type)


def outcome(read: Any, payload: Any) -> tuple[str, Any]:
    """("model", the model and its JSON both ways) or ("fails", the exception's type)."""
    try:
        model = read(payload)
    except Exception as exc:  # noqa: BLE001 - the failure's type is what is compared
        return "fails", type(exc).__name__
    return "model", (model, json.dumps(SDK.serialize(model), sort_keys=True, default=repr))


class Checked(Serializer):
    """Reads and writes as Serializer does, and checks each top-level call against the SDK's."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.read_checked = self.written_checked = 0

    def from_data(self, payload: Any, obj_type: Any) -> Any:
        if self.inside:
            return super().from_data(payload, obj_type)
        self.inside = True
        try:
            mine = super().from_data(payload, obj_type)
        finally:
            self.inside = False
        theirs = sdk_read(payload, obj_type)
        assert mine == theirs, payload
        assert repr(mine) == repr(theirs)  # the same types all the way down, time zones included
        self.read_checked += 1
        return mine

    def serialize(self, obj: Any) -> Any:
        if self.inside:
            return super().serialize(obj)
        self.inside = True
        try:
            mine = super().serialize(obj)
        finally:
            self.inside = False
        assert json.dumps(mine) == json.dumps(SDK.serialize(obj))  # the same JSON, key order included
        self.written_checked += 1
        return mine


@pytest.mark.parametrize("locale", modelgen.LOCALES)
@pytest.mark.parametrize("state", ["new session", "mid-routine"])
def test_every_request_and_response_reads_and_writes_as_the_sdk_does(locale: str, state: str) -> None:
    skill = build_skill()
    skill.serializer = checked = Checked()
    requests = [{"type": "IntentRequest", "intent": {"name": intent["name"], "confirmationStatus": "NONE",
                                                     "slots": filled(locale, intent)}}
                for intent in intents_of(locale)] + OTHER_REQUESTS
    for request in requests:
        in_state(skill, state, locale).send(request)
    assert checked.read_checked >= len(requests) and checked.written_checked >= len(requests)


@pytest.mark.parametrize("request_type", sorted(Request.discriminator_value_class_map))
def test_every_request_type_the_sdk_knows_reads_the_same(request_type: str) -> None:
    plain = envelope({"type": request_type})
    kind, mine = outcome(lambda p: Serializer().from_data(p, RequestEnvelope), plain)
    assert (kind, mine) == outcome(sdk_read, plain)
    assert kind == "model" and mine[0].request.object_type == request_type
    odd = envelope({"type": request_type, "token": "t", "reason": "USER_INITIATED", "name": "x",
                    "status": {"code": "200"}, "payload": {"a": [1, {"b": None}]}, "unknownField": {"x": 1}})
    assert outcome(lambda p: Serializer().from_data(p, RequestEnvelope), odd) == outcome(sdk_read, odd)


BROKEN = [
    {"version": "1.0"},                                     # no request at all
    {"request": {"type": "NoSuchRequest"}},                 # a type the SDK does not know
    {"request": {"timestamp": "2026-12-01T23:58:58Z"}},     # no type
    {"request": {"type": "LaunchRequest", "timestamp": "2026-13-01T23:58:58Z"}},
    {"request": {"type": "LaunchRequest", "timestamp": "2026-12-01T24:00:00Z"}},
    {"request": {"type": "LaunchRequest", "timestamp": "2026-12-01T23:58:58.123Z"}},
    {"request": {"type": "LaunchRequest", "timestamp": "2026-12-01T23:58:58+05:30"}},
    {"request": {"type": "LaunchRequest", "timestamp": "Dec 1 2026 11pm"}},
    {"request": {"type": "LaunchRequest", "timestamp": 1764633538}},
    {"request": {"type": "LaunchRequest", "timestamp": ["2026-12-01T23:58:58Z"]}},
    {"request": {"type": "IntentRequest", "intent": {"name": "X", "slots": ["not", "a", "dict"]}}},
    {"request": {"type": "IntentRequest", "intent": {"name": "X", "confirmationStatus": "MAYBE"}}},
    {"request": {"type": "IntentRequest", "intent": "GuideStretchIntent"}},
    {"request": {"type": "IntentRequest", "intent": {"name": 5, "slots": {"q": {"value": 7}}}}},
    {"session": "abc", "request": {"type": "LaunchRequest"}},
    {"session": {"new": "yes", "attributes": [1, 2]}, "request": {"type": "LaunchRequest"}},
    {"context": {"System": {"user": {"userId": None}, "device": 3}}, "request": {"type": "LaunchRequest"}},
    {"request": {"type": "LaunchRequest"}, "version": {"nested": {"deep": [1.5, True, None]}}},
]


@pytest.mark.parametrize("damage", BROKEN, ids=range(len(BROKEN)))
def test_a_broken_envelope_reads_or_fails_as_the_sdk_does(damage: dict[str, Any]) -> None:
    body = envelope({"type": "LaunchRequest"})
    for key, value in damage.items():
        body[key] = {**body[key], **value} if isinstance(value, dict) and isinstance(body.get(key), dict) else value
    mine = outcome(lambda p: Serializer().from_data(p, RequestEnvelope), body)
    assert mine == outcome(sdk_read, body)


def _places(value: Any, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(value, dict):
        for key, sub in value.items():
            found += _places(sub, (*path, key))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            found += _places(sub, (*path, index))
    return found


def _with(value: Any, path: tuple, new: Any) -> Any:
    if not path:
        return new
    value = copy.deepcopy(value)
    target = value
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new
    return value


BASE = envelope({"type": "IntentRequest", "intent": {"name": "GuideStretchIntent", "confirmationStatus": "NONE",
                                                     "slots": filled("en-US", next(i for i in intents_of("en-US")
                                                                                   if i["name"] == "GuideStretchIntent"))}},
                screen=True, person_id="amzn1.ask.person.P")
PLACES = _places(BASE)


@settings(max_examples=300 if PROFILE == "short" else 5000, deadline=None)
@given(where=st.sampled_from(PLACES), value=json_values)
def test_any_value_anywhere_reads_or_fails_as_the_sdk_does(where: tuple, value: Any) -> None:
    body = _with(BASE, where, value)
    assert outcome(lambda p: Serializer().from_data(p, RequestEnvelope), body) == outcome(sdk_read, body)


@pytest.mark.parametrize("zone", ["UTC", "Europe/London", "America/Los_Angeles", "Asia/Kolkata", "UTC+3"])
def test_timestamps_read_the_same_in_any_time_zone(zone: str) -> None:
    """dateutil gives a "Z" time its tzlocal() on a machine whose zone is UTC, its UTC elsewhere."""
    script = ("import json, sys; from ask_sdk_core.serialize import DefaultSerializer;"
              "from skill.serializer import Serializer; from datetime import date, datetime\n"
              "for s in ['2026-12-01T23:58:58Z', '2026-06-01T01:00:00Z', '2026-10-25T01:30:00Z', '2027-03-28T01:30:00Z']:\n"
              "    for kind in (datetime, date):\n"
              "        a = Serializer().from_data(s, kind); b = DefaultSerializer()._DefaultSerializer__deserialize(s, kind)\n"
              "        assert repr(a) == repr(b) and a == b, (s, repr(a), repr(b))\n"
              "        if kind is datetime: assert (a.tzname(), a.utcoffset()) == (b.tzname(), b.utcoffset())\n"
              "print('same')")
    env = {**os.environ, "TZ": zone}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "same", done.stderr[-2000:]


def test_a_type_name_that_does_not_resolve_fails_each_time_as_the_sdk_does() -> None:
    mine = Serializer()
    for _ in range(2):  # a failed name is not kept as if it had resolved
        with pytest.raises(SerializationException):
            mine.from_data({"a": 1}, "ask_sdk_model.NoSuchModel")
        with pytest.raises(SerializationException):
            SDK.deserialize('{"a": 1}', "ask_sdk_model.NoSuchModel")
    assert mine.deserialize(None, RequestEnvelope) is None
    with pytest.raises(SerializationException):
        mine.deserialize("{not json", RequestEnvelope)


def test_the_skill_reads_and_writes_with_it() -> None:
    assert isinstance(build_skill().serializer, Serializer)
