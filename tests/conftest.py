"""Shared fixtures: request envelopes built by functions, and a Conversation that carries a session.

A test reads like the dialogue it checks:

    talk = Conversation(skill)
    talk.launch()
    reply = talk.say("ChooseStretchIntent", area=("lower back", "lower_back"))
    assert "knee to chest" in reply.speech
"""
from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from skill import answer, build_skill
from skill.speech import spoken_text
from skill.store import open_store

SHARED = Path(__file__).resolve().parents[2] / "shared"
SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"
APL = {"Alexa.Presentation.APL": {"runtime": {"maxVersion": "2023.3"}}}


def slot(name: str, value: str | None, resolved_id: str | None = None, type_name: str = "TYPE") -> dict[str, Any]:
    """A slot as Alexa sends it; with an id, entity resolution says ER_SUCCESS_MATCH."""
    data: dict[str, Any] = {"name": name, "confirmationStatus": "NONE"}
    if value is None:
        return data
    data["value"] = value
    if resolved_id is not False:
        authority = f"amzn1.er-authority.echo-sdk.{SKILL_ID}.{type_name}"
        status = {"code": "ER_SUCCESS_MATCH" if resolved_id else "ER_SUCCESS_NO_MATCH"}
        values = [{"value": {"name": value, "id": resolved_id}}] if resolved_id else []
        data["resolutions"] = {"resolutionsPerAuthority": [{"authority": authority, "status": status, "values": values}]}
    return data


def envelope(request: dict[str, Any], *, new: bool, session_id: str, attributes: dict[str, Any] | None,
             locale: str = "en-US", user_id: str = "amzn1.ask.account.TEST", screen: bool = False) -> dict[str, Any]:
    """A whole request envelope around a request body."""
    system = {
        "application": {"applicationId": SKILL_ID},
        "user": {"userId": user_id},
        "device": {"deviceId": "amzn1.ask.device.TEST", "supportedInterfaces": dict(APL) if screen else {}},
        "apiEndpoint": "https://api.amazonalexa.com",
    }
    return {
        "version": "1.0",
        "session": {"new": new, "sessionId": session_id, "application": {"applicationId": SKILL_ID},
                    "attributes": attributes or {}, "user": {"userId": user_id}},
        "context": {"System": system},
        "request": {"requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
                    "timestamp": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "locale": locale, **request},
    }


def intent_request(name: str, **slots: Any) -> dict[str, Any]:
    """An IntentRequest; a slot is a value, or (value, resolved id)."""
    built = {}
    for key, value in slots.items():
        spoken, rid = (value if isinstance(value, tuple) else (value, None))
        built[key] = slot(key, spoken, rid)
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
    session_id: str = field(default_factory=lambda: f"amzn1.echo-api.session.{uuid.uuid4()}")
    attributes: dict[str, Any] | None = None
    new: bool = True
    history: list[Reply] = field(default_factory=list)

    def send(self, request: dict[str, Any]) -> Reply:
        if self.new is None:
            self.restart()
        body = envelope(request, new=self.new, session_id=self.session_id, attributes=self.attributes,
                        locale=self.locale, user_id=self.user_id, screen=self.screen)
        reply = Reply(answer(self.skill, body))
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
