"""Hypothesis through HTTP against the production server: never a 5xx, and every 200 is a valid
response whose SSML parses. A short profile runs in the suite; the long one from the README:

    BACKPOP_FUZZ=long .venv/bin/python -m pytest tests/test_fuzz.py
"""
from __future__ import annotations

import http.client
import json
import os
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import envelope, intent_request
from test_app import PATHS, with_
from test_load import start_server

settings.register_profile("short", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.register_profile("long", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
PROFILE = os.environ.get("BACKPOP_FUZZ", "short")

INTENTS = ["QuestionIntent", "ReportSymptomIntent", "GuideStretchIntent", "StartRoutineIntent", "AMAZON.NextIntent",
           "AMAZON.PauseIntent", "AMAZON.YesIntent", "JustPoppedIntent", "ForgetMeIntent", "NoSuchIntent"]
SLOTS = ["query", "symptom", "stretch", "area", "minutes", "position"]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=12)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fuzz")
    process, port = start_server(tmp)
    yield port
    process.terminate()
    process.wait(timeout=20)
    assert "Traceback" not in (tmp / "server.log").read_text()


def post(port: int, body: bytes) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.request("POST", "/", body=body, headers={"Content-Type": "application/json"})
        reply = conn.getresponse()
        return reply.status, reply.read()
    finally:
        conn.close()


def check(status: int, raw: bytes) -> None:
    assert status < 500, raw[:300]
    data = json.loads(raw)
    if status == 200:
        assert data["version"] == "1.0" and isinstance(data["response"], dict)
        speech = data["response"].get("outputSpeech")
        if speech:
            ET.fromstring(speech["ssml"])
    else:
        assert status in (400, 413) and isinstance(data["error"], str)


@settings(settings.get_profile(PROFILE))
@given(intent=st.sampled_from(INTENTS), slots=st.dictionaries(st.sampled_from(SLOTS), st.text(max_size=40), max_size=3),
       new=st.booleans(), path=st.one_of(st.none(), st.sampled_from(PATHS)), value=json_values)
def test_a_mutated_envelope_never_gets_a_5xx(server, intent, slots, new, path, value):
    body = envelope(intent_request(intent, **slots), new=new, session_id="amzn1.echo-api.session.fuzz",
                    attributes=None, user_id="amzn1.ask.account.FUZZ")
    if path is not None:
        body = with_(path, value, body)
    check(*post(server, json.dumps(body).encode()))


@settings(settings.get_profile(PROFILE))
@given(raw=st.one_of(st.binary(max_size=300), st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
                     json_values.map(lambda v: json.dumps(v).encode())))
def test_any_bytes_never_get_a_5xx(server, raw):
    check(*post(server, raw))
