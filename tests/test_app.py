"""The service's edge: what Alexa (or anyone else) gets back over HTTP."""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import SKILL_ID, envelope, free_port, intent_request
from skill.app import create_app
from skill.config import Config
from test_verify import NOW, make_verifier, pki, signed_request  # noqa: F401  (pki is a fixture)


def config(**overrides) -> Config:
    return Config(**{"verify": False, "store": "memory://", **overrides})


def launch_body(**options) -> dict:
    return envelope({"type": "LaunchRequest"}, new=True, session_id="amzn1.echo-api.session.1",
                    attributes=None, **options)


@pytest.fixture
def client():
    return create_app(config()).test_client()


def test_health_reports_the_store_without_the_version(client):
    reply = client.get("/health")
    assert reply.status_code == 200
    assert reply.get_json() == {"status": "ok", "store": "unknown"}  # no call to the store yet
    client.post("/", json=launch_body())
    assert client.get("/health").get_json() == {"status": "ok", "store": "ok"}
    assert client.get("/health?deep=1").get_json() == {"status": "ok", "store": "ok"}


def test_health_says_when_the_store_fails_and_the_deep_probe_answers_503(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    client = create_app(config(store=f"sqlite:///{blocker}/db.sqlite3")).test_client()
    assert client.post("/", json=launch_body()).status_code == 200  # the skill still answers
    assert client.get("/health").get_json() == {"status": "degraded", "store": "failing"}
    deep = client.get("/health?deep=1")
    assert deep.status_code == 503 and deep.get_json() == {"status": "degraded", "store": "failing"}


def test_every_answer_carries_the_security_headers(client):
    for reply in (client.get("/health"), client.post("/", json=launch_body()), client.get("/nowhere")):
        assert reply.headers["X-Content-Type-Options"] == "nosniff"
        assert reply.headers["X-Frame-Options"] == "DENY"
        assert reply.headers["Cache-Control"] == "no-store"
        assert "frame-ancestors 'none'" in reply.headers["Content-Security-Policy"]


@pytest.mark.parametrize("method, path, status", [
    ("get", "/", 405), ("put", "/health", 405), ("get", "/nowhere", 404), ("post", "/nowhere", 404),
])
def test_other_paths_and_methods_answer_json(client, method, path, status):
    reply = getattr(client, method)(path)
    assert reply.status_code == status
    assert reply.is_json and reply.get_json()["error"]


def test_unsigned_request_is_refused_when_verification_is_on():
    client = create_app(config(verify=True)).test_client()
    reply = client.post("/", json=launch_body())
    assert reply.status_code == 400
    assert "SignatureCertChainUrl" in reply.get_json()["error"]


def test_a_signed_request_is_answered_when_verification_is_on(pki):  # noqa: F811
    body_env = launch_body()
    body_env["request"]["timestamp"] = NOW.strftime("%Y-%m-%dT%H:%M:%SZ")  # the verifier's clock
    headers, body, _ = signed_request(pki.leaf_key, body_env)
    app = create_app(config(verify=True), verifier=make_verifier(pki))
    reply = app.test_client().post("/", data=body, headers=headers, content_type="application/json")
    assert reply.status_code == 200
    assert "Safety first" in reply.get_json()["response"]["outputSpeech"]["ssml"]


def test_launch_with_verification_off_gets_a_well_formed_alexa_response(client):
    reply = client.post("/", json=launch_body())
    assert reply.status_code == 200
    data = reply.get_json()
    assert data["version"] == "1.0"
    response = data["response"]
    assert response["outputSpeech"]["type"] == "SSML"
    assert response["outputSpeech"]["ssml"].startswith("<speak>")
    assert response["reprompt"]["outputSpeech"]["ssml"]
    assert response["shouldEndSession"] is False


def test_wrong_application_id_is_refused_even_with_verification_off():
    client = create_app(config(skill_ids=frozenset({"amzn1.ask.skill.other"}))).test_client()
    reply = client.post("/", json=launch_body())
    assert reply.status_code == 400
    assert reply.get_json()["error"] == "unknown application id"


def test_allowed_application_id_is_answered():
    client = create_app(config(skill_ids=frozenset({"amzn1.ask.skill.other", SKILL_ID}))).test_client()
    assert client.post("/", json=launch_body()).status_code == 200


def test_body_over_256_kib_gets_413(client):
    reply = client.post("/", data=b"{" + b" " * (256 * 1024 + 1) + b"}", content_type="application/json")
    assert reply.status_code == 413
    assert reply.get_json()["error"] == "body too large"


@pytest.mark.parametrize("body", [b"[1, 2]", b'{"version": "1.0"}', b'{"request": "LaunchRequest"}',
                                  b'{"request": {"type": 7}}', b'{"request": {"type": ""}}'])
def test_body_that_is_not_a_request_envelope_gets_400(client, body):
    reply = client.post("/", data=body, content_type="application/json")
    assert reply.status_code == 400
    assert reply.get_json()["error"] == "body is not a request envelope"


def encoded(encoding: str) -> bytes:
    return json.dumps(launch_body()).encode(encoding)


@pytest.mark.parametrize("body", [
    b"not json", b"\xff\xfe", b"", encoded("utf-16"), encoded("utf-16-le"), encoded("utf-16-be"), encoded("utf-32"),
    encoded("utf-32-le"), b"\xef\xbb\xbf" + encoded("utf-8"), json.dumps(launch_body()).encode("utf-8")[:-1],
    json.dumps(launch_body()).replace('"LaunchRequest"', '"Launch\\ud800Request"').encode(),
    json.dumps(launch_body()).replace('"en-US"', '"\\udfff"').encode(),
    '{"request": {"type": "LaunchRequest\ud800"}}'.encode("utf-8", "surrogatepass"),
])
def test_a_body_that_is_not_utf8_json_gets_400_without_a_trace(client, body, caplog):
    with caplog.at_level(logging.INFO, logger="skill"):
        reply = client.post("/", data=body, content_type="application/json")
    assert reply.status_code == 400
    assert reply.get_json()["error"] in ("body is not UTF-8 JSON", "body has unpaired surrogates")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


@pytest.mark.parametrize("body", [b"[" * 3000 + b"]" * 3000, b'{"request": ' * 2000 + b"1" + b"}" * 2000])
def test_a_body_nested_thousands_deep_gets_400_saying_so(client, body, caplog):
    with caplog.at_level(logging.INFO, logger="skill"):
        reply = client.post("/", data=body, content_type="application/json")
    assert reply.status_code == 400 and reply.get_json()["error"] == "body nests too deeply"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


def with_(path: str, value, base: dict | None = None) -> dict:
    """The launch body (or `base`) with the value at a dotted path replaced (made when missing)."""
    body = json.loads(json.dumps(base or launch_body()))
    node = body
    *parents, last = path.split(".")
    for part in parents:
        node = node.setdefault(part, {})
    node[last] = value
    return body


def question_body(**slots) -> dict:
    return envelope(intent_request("QuestionIntent", **slots), new=False, session_id="s", attributes=None)


WRONG = [7, 1.5, True, "x", [], {}, [[[["deep"]]]], {"a": {"b": {"c": []}}}]
PATHS = ["version", "session", "session.new", "session.sessionId", "session.application",
         "session.application.applicationId", "session.user", "session.user.userId", "session.attributes",
         "session.attributes.turn", "session.attributes.turn.routine", "session.attributes.turn.routine.step",
         "session.attributes.turn.offer", "session.attributes.user", "session.attributes.user.place",
         "session.attributes.user.popped_at", "session.attributes.user._v", "context", "context.System",
         "context.System.user", "context.System.user.userId", "context.System.application.applicationId",
         "context.System.device", "context.System.device.supportedInterfaces", "request.requestId",
         "request.timestamp", "request.locale", "request.intent", "request.intent.name",
         "request.intent.slots", "request.intent.slots.query", "request.intent.slots.query.value",
         "request.intent.slots.query.resolutions", "request.intent.slots.query.resolutions.resolutionsPerAuthority"]


@pytest.mark.parametrize("path", PATHS)
def test_a_wrong_type_anywhere_in_the_envelope_is_a_400_or_an_answer_never_a_trace(client, path, caplog):
    for value in WRONG:
        body = with_(path, value, question_body(query="why does my back pop"))
        with caplog.at_level(logging.INFO, logger="skill"):
            reply = client.post("/", json=body)
        assert reply.status_code in (200, 400), (path, value)
        if reply.status_code == 400:
            assert reply.get_json()["error"].startswith(("malformed", "body is not")), (path, value)
        else:
            assert reply.get_json()["version"] == "1.0"
        errors = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
        assert not errors, (path, value, errors[0].getMessage())


def test_unknown_request_type_gets_a_valid_empty_response(client):
    body = launch_body()
    body["request"]["type"] = "Alexa.Something.NobodyKnows"
    reply = client.post("/", json=body)
    assert reply.status_code == 200
    assert reply.get_json() == {"version": "1.0", "response": {}}


def test_a_request_type_no_handler_uses_gets_an_empty_response(client):
    body = launch_body()
    body["request"] = {**body["request"], "type": "AlexaSkillEvent.SkillEnabled", "body": {}}
    del body["session"]
    reply = client.post("/", json=body)
    assert reply.status_code == 200
    assert "outputSpeech" not in reply.get_json()["response"]


def test_an_error_in_a_handler_is_a_spoken_apology_with_the_warning(client, monkeypatch):
    import skill.answers

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(skill.answers, "answer", broken)
    body = envelope(intent_request("WhatIsThePopIntent"), new=False, session_id="s", attributes=None)
    reply = client.post("/", json=body)
    assert reply.status_code == 200
    speech = reply.get_json()["response"]["outputSpeech"]["ssml"]
    assert speech.startswith("<speak>Safety first")
    assert "something went wrong" in speech
    assert "boom" not in reply.get_data(as_text=True) and "Traceback" not in reply.get_data(as_text=True)


def test_one_json_log_line_per_request_without_ids_or_slot_values(client, caplog):
    body = envelope(intent_request("ReportSymptomIntent", symptom=("a stiff back", "stiffness")), new=False,
                    session_id="s", attributes=None, user_id="amzn1.ask.account.SECRET")
    with caplog.at_level(logging.INFO, logger="skill.http"):
        client.post("/", json=body)
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "skill.http"]
    assert len(lines) == 1
    line = lines[0]
    assert line["type"] == "IntentRequest" and line["intent"] == "ReportSymptomIntent"
    assert line["outcome"] == "answered" and line["status"] == 200 and line["latency_ms"] >= 0
    text = json.dumps(line)
    assert "SECRET" not in text and "stiff" not in text


def test_verification_off_is_said_loudly_at_start_up(caplog):
    with caplog.at_level(logging.WARNING, logger="skill.http"):
        create_app(config(verify=False))
    assert any("NOT checked" in r.getMessage() for r in caplog.records)




def test_backpop_serve_answers_health(tmp_path):
    port = free_port()
    env = {**os.environ, "BACKPOP_DATA_DIR": str(tmp_path), "BACKPOP_VERIFY": "1"}
    server = subprocess.Popen([sys.executable, "-m", "skill.cli", "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=Path(__file__).parents[1])
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1) as reply:
                    assert json.load(reply)["status"] == "ok"
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("backpop serve did not answer /health")
        request = urllib.request.Request(f"http://127.0.0.1:{port}/", data=json.dumps(launch_body()).encode(),
                                         headers={"Content-Type": "application/json"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == 400
        refused.value.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_an_error_is_logged_as_one_json_line_with_its_trace(client, monkeypatch, caplog):
    import skill.answers
    from skill.app import _JsonLines

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(skill.answers, "answer", broken)
    with caplog.at_level(logging.ERROR, logger="skill"):
        client.post("/", json=envelope(intent_request("WhatIsThePopIntent"), new=False, session_id="s",
                                       attributes=None))
    formatted = [_JsonLines().format(record) for record in caplog.records]
    assert all("\n" not in line for line in formatted)  # one line each
    errors = [json.loads(line) for line in formatted if '"handler_error"' in line]
    assert len(errors) == 1 and errors[0]["error"] == "RuntimeError"
    trace = errors[0]["trace"]
    assert "answers.py" in trace and "RuntimeError" in trace
    assert "boom" not in trace  # an exception's message can carry what someone said: never logged


def test_backpop_serve_keeps_a_fixed_number_of_threads_under_many_connections(tmp_path):
    port = free_port()
    env = {**os.environ, "BACKPOP_DATA_DIR": str(tmp_path), "BACKPOP_VERIFY": "0"}
    server = subprocess.Popen([sys.executable, "-m", "skill.cli", "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=Path(__file__).parents[1])
    sockets = []
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        import socket

        for _ in range(60):  # stalled clients: connected, a request started, never finished
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            sock.sendall(b"POST / HTTP/1.1\r\n")
            sockets.append(sock)
        time.sleep(0.5)
        threads = len(os.listdir(f"/proc/{server.pid}/task"))
        from skill.cli import SERVE_THREADS

        assert threads <= SERVE_THREADS + 4, threads  # the pool and the main thread, not one per connection
    finally:
        for sock in sockets:
            sock.close()
        server.terminate()
        server.wait(timeout=10)
