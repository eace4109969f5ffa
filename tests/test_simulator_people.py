"""The simulator's new parts: Alexa's permission question answered with "grant" or "deny",
reminders kept by the fake Alexa API it starts on loopback, a recognised person switched with
--person or ".person NAME", and CanFulfillIntentRequest sent with --can-fulfill."""
from __future__ import annotations

import pytest
from conftest_simulator import models_dir  # noqa: F401

from skill import content
from skill.cli import main
from skill.simulator import models
from skill.simulator.chat import Simulator, person_id
from skill.simulator.fake_alexa import FakeAlexaApi
from skill.simulator.transport import InProcess
from skill.store import MemoryStore, Store


def text(key: str, **values) -> str:
    return content.for_locale("en-US").text(f"reminders.texts.{key.replace('.', '_')}", **values)


@pytest.fixture(autouse=True)
def forgetful_store(monkeypatch, tmp_path):
    monkeypatch.setenv("BACKPOP_STORE", "memory://")
    monkeypatch.setenv("BACKPOP_DATA_DIR", str(tmp_path))


@pytest.fixture
def api():
    with FakeAlexaApi(time_zone="Australia/Sydney") as fake:
        yield fake


@pytest.fixture
def chat(api):
    return Simulator(models.resolver_for("en-US", None), InProcess(store=Store(MemoryStore())), api=api)


def simulate(capsys, models_dir, *args: str) -> tuple[int, str]:
    code = main(["simulate", "--models", str(models_dir), *args])
    return code, capsys.readouterr().out


def test_consent_is_shown_and_grant_sets_the_reminder_in_the_fake_api(chat, api):
    chat.say("open back pop coach")
    chat.say("remind me to stretch every weekday at three")
    asked = chat.say("yes")
    assert "Alexa asks: Do you allow Back Pop Coach" in asked.as_text() and chat.open
    done = chat.say("grant")
    assert done.request["request"]["type"] == "Connections.Response"
    assert done.request["request"]["payload"] == {"status": "ACCEPTED"}
    assert done.heard.startswith(text("done.set", when="every weekday at 3 PM", cancel=text("done.cancel")))
    (kept,) = api.reminders.values()
    assert kept["trigger"]["timeZoneId"] == "Australia/Sydney"
    listed = chat.say("what reminders do i have")
    assert listed.heard.startswith(text("list.one", when="every weekday at 3 PM"))
    assert listed.request["context"]["System"]["user"]["permissions"]["consentToken"]


def test_deny_sets_nothing(chat, api):
    chat.say("ask back pop coach to remind me to stretch in an hour")
    chat.say("yes")
    refused = chat.say("deny")
    assert refused.request["request"]["payload"] == {"status": "DENIED"}
    assert refused.heard.startswith(text("consent.denied")) and api.reminders == {}


def test_silence_to_the_permission_question_is_not_answered(chat, api):
    chat.say("ask back pop coach to remind me to stretch at four pm")
    chat.say("yes")
    assert chat.silence().request["request"]["payload"] == {"status": "NOT_ANSWERED"}
    assert api.reminders == {}


def test_two_people_switched_with_dot_person_resume_their_own_place(chat):
    chat.say(".person Alex")
    chat.say("open back pop coach")
    chat.say("guide me through cat cow")
    chat.say("next")
    chat.say("pause")
    switched = chat.say(".person Sam")
    assert "Sam is speaking" in switched.note
    assert "Last time" not in chat.say("open back pop coach").heard
    chat.say(".person Alex")
    back = chat.say("open back pop coach")
    assert "Last time you were on cat cow, step 2" in back.heard
    assert back.request["context"]["System"]["person"]["personId"] == person_id("Alex")


def test_person_flag_and_can_fulfill_flag(capsys, models_dir):
    code, out = simulate(capsys, models_dir, "--person", "Sam", "--json", "open back pop coach")
    assert code == 0 and person_id("Sam") in out
    code, out = simulate(capsys, models_dir, "--can-fulfill", "why does my back pop", "--can-fulfill", "next",
                         "--can-fulfill", "remind me to stretch every day at ten")
    assert code == 0
    blocks = out.split("Can fulfill: ")[1:]
    assert "canFulfill: YES" in blocks[0] and "canFulfill: NO" in blocks[1]
    assert "canFulfill: YES" in blocks[2] and "time: canUnderstand YES, canFulfill YES" in blocks[2]


def test_a_chat_sets_and_lists_a_reminder_from_the_command_line(capsys, models_dir):
    code, out = simulate(capsys, models_dir, "open back pop coach", "remind me to stretch every day at ten",
                         "yes", "grant", "what reminders do i have")
    assert code == 0
    assert "Alexa asks: Do you allow Back Pop Coach" in out
    assert text("list.one", when="every day at 10 AM") in out
