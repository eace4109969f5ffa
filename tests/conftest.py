"""Shared fixtures: a Conversation that carries a session, over the simulator's envelope builders.

A test reads like the dialogue it checks:

    talk = Conversation(skill)
    talk.launch()
    reply = talk.say("ChooseStretchIntent", area=("lower back", "lower_back"))
    assert "knee to chest" in reply.speech
"""
from __future__ import annotations

import os
import socket
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from skill import answer, build_skill
from skill.simulator.envelopes import SKILL_ID, envelope, slot  # noqa: F401  (re-exported for the tests)
from skill.speech import spoken_text
from skill.store import open_store

SHARED = Path(__file__).resolve().parents[2] / "shared"
# Every SSML the Conversation helper saw in this run, (locale, ssml), for the independent checker.
SSML_SEEN: dict[tuple[str, str], None] = {}


def intent_request(name: str, **slots: Any) -> dict[str, Any]:
    """An IntentRequest body; a slot is plain words, or (words, resolved id or None)."""
    built = {}
    for key, value in slots.items():
        if isinstance(value, tuple):
            spoken, resolved_id = value
            built[key] = slot(key, spoken, resolved_type="TYPE", matches=[(spoken, resolved_id)] if resolved_id else [])
        else:
            built[key] = slot(key, value)
    return {"type": "IntentRequest", "intent": {"name": name, "confirmationStatus": "NONE", "slots": built}}


@dataclass
class Reply:
    """One response, as a person would notice it."""

    raw: dict[str, Any]

    @property
    def response(self) -> dict[str, Any]:
        return self.raw.get("response", {})

    @property
    def ssml(self) -> str:
        return (self.response.get("outputSpeech") or {}).get("ssml", "")

    @property
    def speech(self) -> str:
        return spoken_text(self.ssml)

    @property
    def reprompt(self) -> str:
        return spoken_text(((self.response.get("reprompt") or {}).get("outputSpeech") or {}).get("ssml", ""))

    @property
    def ended(self) -> bool:
        return bool(self.response.get("shouldEndSession"))

    @property
    def card(self) -> str:
        return (self.response.get("card") or {}).get("content", "")

    @property
    def directives(self) -> list[dict[str, Any]]:
        return self.response.get("directives") or []

    @property
    def words(self) -> int:
        return len(self.speech.split())

    def well_formed(self) -> bool:
        ET.fromstring(self.ssml)
        return True


@dataclass
class Conversation:
    """A person talking to the skill: session id and attributes carried between turns."""

    skill: Any
    locale: str = "en-US"
    user_id: str = "amzn1.ask.account.TEST"
    screen: bool = False
    person_id: str | None = None
    api_endpoint: str = "https://api.amazonalexa.com"
    consent_token: str | None = None
    session_id: str = field(default_factory=lambda: f"amzn1.echo-api.session.{uuid.uuid4()}")
    attributes: dict[str, Any] | None = None
    new: bool = True
    history: list[Reply] = field(default_factory=list)

    def send(self, request: dict[str, Any]) -> Reply:
        if self.new is None:
            self.restart()
        body = envelope(request, new=self.new, session_id=self.session_id, attributes=self.attributes,
                        locale=self.locale, user_id=self.user_id, screen=self.screen, person_id=self.person_id,
                        api_endpoint=self.api_endpoint, consent_token=self.consent_token)
        reply = Reply(answer(self.skill, body))
        for speech in (reply.ssml, ((reply.response.get("reprompt") or {}).get("outputSpeech") or {}).get("ssml")):
            if speech:
                SSML_SEEN[(self.locale, speech)] = None
        self.new = False
        self.attributes = reply.raw.get("sessionAttributes")
        self.history.append(reply)
        if reply.ended:
            self.new = None  # the next turn starts a new session, as on a device
        return reply

    def launch(self) -> Reply:
        self.restart()
        return self.send({"type": "LaunchRequest"})

    def say(self, intent: str, **slots: Any) -> Reply:
        return self.send(intent_request(intent, **slots))

    def end_session(self, reason: str = "EXCEEDED_MAX_REPROMPTS") -> Reply:
        reply = self.send({"type": "SessionEndedRequest", "reason": reason})
        self.new = None
        return reply

    def restart(self) -> None:
        self.session_id, self.attributes, self.new = f"amzn1.echo-api.session.{uuid.uuid4()}", None, True


@pytest.fixture
def skill():
    """The skill with no store: what persists lives in the session."""
    return build_skill()


@pytest.fixture
def stored_skill(tmp_path):
    """The skill on a real SQLite store in a temporary folder."""
    return build_skill(store=open_store(f"sqlite:///{tmp_path / 'store.sqlite3'}", data_dir=tmp_path))


@pytest.fixture
def talk(skill):
    return Conversation(skill)


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def moto_endpoint():
    """moto's DynamoDB server on 127.0.0.1 with dummy credentials, once for the whole run."""
    from moto.server import ThreadedMotoServer

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("AWS_ACCESS_KEY_ID", "testing")
        mp.setenv("AWS_SECRET_ACCESS_KEY", "testing")
        mp.setenv("AWS_DEFAULT_REGION", "us-east-1")
        mp.delenv("AWS_PROFILE", raising=False)
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        server.start()
        host, port = server.get_host_and_port()
        try:
            yield f"http://{host}:{port}"
        finally:
            server.stop()


@pytest.fixture(scope="session", autouse=True)
def every_response_passes_an_independent_ssml_checker(request):
    """At the end of the run, every SSML the conversations produced goes through ssml-check-core
    (Alexa's rules) in one node call; any error fails the run (at the last test's teardown)."""
    yield
    if not SSML_SEEN:
        return
    import independent_checkers

    reason = independent_checkers.missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI must check every response's SSML: {reason}")
        reporter = request.config.pluginmanager.get_plugin("terminalreporter")
        if reporter:
            reporter.write_line(f"SSML of {len(SSML_SEEN)} responses not checked by ssml-check-core: {reason}")
        return
    seen = list(SSML_SEEN)
    found = independent_checkers.run({"ssml": [{"locale": loc, "ssml": ssml} for loc, ssml in seen]})["ssml"]
    if found:
        lines = [f"{seen[f['index']][1][:300]}\n    -> {f['errors']}" for f in found[:10]]
        pytest.fail(f"ssml-check-core found errors in {len(found)} of {len(seen)} responses:\n" + "\n".join(lines))
    artifacts = Path(__file__).resolve().parents[1] / "artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "ssml-check.txt").write_text(
        f"ssml-check-core (platform amazon): {len(seen)} distinct response SSMLs, 0 errors\n", encoding="utf-8")
