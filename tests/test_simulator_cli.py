"""`backpop simulate`: one-shot turns, the interactive chat, replay files, skill I/O, and --url."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from conftest_simulator import REPLAYS, models_dir, running_server, small_models  # noqa: F401

from skill.app import create_app
from skill.cli import main
from skill.config import Config
from skill.simulator import models, replay
from skill.simulator.chat import Simulator
from skill.simulator.resolver import FALLBACK
from skill.simulator.transport import InProcess
from skill.store import open_store



@pytest.fixture(autouse=True)
def forgetful_store(monkeypatch, tmp_path):
    """Nothing the simulated skill remembers is written outside the test's folder."""
    monkeypatch.setenv("BACKPOP_STORE", "memory://")
    monkeypatch.setenv("BACKPOP_DATA_DIR", str(tmp_path))


def simulate(capsys, models_dir, *args: str) -> tuple[int, str, str]:
    code = main(["simulate", "--models", str(models_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_one_utterance_prints_the_spoken_answer(capsys, models_dir):
    code, out, _ = simulate(capsys, models_dir, "why does my back pop")
    assert code == 0
    assert "You: why does my back pop" in out
    assert "Resolved: WhatIsThePopIntent" in out
    heard = re.search(r"^Alexa: (.+)$", out, re.M).group(1)
    assert heard.startswith("Safety first") and "pop" in heard  # the warning first, then the answer
    assert "(session open)" in out or "(session ended)" in out


def test_utterances_are_turns_of_one_session_with_json(capsys, models_dir):
    code, out, _ = simulate(capsys, models_dir, "--json", "--screen", "open back pop coach", "guide me through cat cow")
    assert code == 0
    blocks = [json.loads(b) for b in re.findall(r"^\{\n.*?^\}$", out, re.M | re.S)]
    requests = [b for b in blocks if "request" in b and "context" in b]
    assert [r["request"]["type"] for r in requests] == ["LaunchRequest", "IntentRequest"]
    assert [r["session"]["new"] for r in requests] == [True, False]
    assert requests[1]["session"]["sessionId"] == requests[0]["session"]["sessionId"]
    assert requests[1]["request"]["intent"]["slots"]["stretch"]["resolutions"]["resolutionsPerAuthority"][0][
        "values"][0]["value"]["id"] == "cat_cow"
    assert "Screen: Cat cow — step 1 of" in out


def test_an_interactive_chat_runs_a_whole_guided_stretch(capsys, monkeypatch, models_dir):
    said = ["open back pop coach", "guide me through cat cow", "next", "go back", "repeat", "pause",
            "open back pop coach", "resume", "next", "next", "next", "next", "no", "stop"]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(said) + "\n"))
    code, out, _ = simulate(capsys, models_dir, "--screen")
    assert code == 0
    for step in range(1, 5):
        assert f"step {step} of 4" in out
    assert "[pause 10s]" in out and "[pause 5s]" in out
    assert "Resolved: AMAZON.PauseIntent" in out and "Resolved: AMAZON.ResumeIntent" in out
    assert out.count("(session ended)") >= 2  # pause closes the session; stop closes the last
    assert FALLBACK not in out


def test_the_chat_treats_an_empty_line_as_silence_and_exit_as_leaving(capsys, monkeypatch, models_dir):
    monkeypatch.setattr("sys.stdin", io.StringIO("open back pop coach\n\n\nwhy does my back pop\nexit\nexit\nnot read\n"))
    code, out, _ = simulate(capsys, models_dir)
    assert code == 0
    assert "(Alexa repeats the reprompt: " in out
    assert out.count("Resolved: SessionEndedRequest") == 1 and "(silence)" in out
    assert out.count("(session ended)") >= 2 and "not read" not in out


def test_silence_replays_the_reprompt_then_ends_the_session(models_dir):
    chat = Simulator(models.resolver_for("en-US", models_dir), InProcess(store=None))
    chat.say("open back pop coach")
    first = chat.silence()
    assert first.request is None and first.note.startswith("Alexa repeats the reprompt: ")
    second = chat.silence()
    ended = second.request["request"]
    assert (ended["type"], ended["reason"]) == ("SessionEndedRequest", "EXCEEDED_MAX_REPROMPTS")
    assert not chat.open


def test_exit_sends_session_ended_and_the_next_turn_starts_afresh(models_dir):
    chat = Simulator(models.resolver_for("en-US", models_dir), InProcess(store=None))
    opened = chat.say("open back pop coach")
    ended = chat.say("exit")
    assert ended.request["request"]["type"] == "SessionEndedRequest"
    assert ended.request["request"]["reason"] == "USER_INITIATED"
    assert ended.request["session"]["sessionId"] == opened.request["session"]["sessionId"]
    assert not chat.open and chat.say("exit").request is None
    again = chat.say("why does my back pop")
    assert again.request["session"]["new"] is True and again.request["session"]["attributes"] == {}
    assert again.request["session"]["sessionId"] != opened.request["session"]["sessionId"]


def test_a_chat_remembers_across_sessions_on_a_file_store(models_dir, tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'sim.sqlite3'}", data_dir=tmp_path)
    chat = Simulator(models.resolver_for("en-US", models_dir), InProcess(store=store))
    chat.say("open back pop coach")
    chat.say("guide me through cat cow")
    chat.say("next")
    assert chat.say("pause").response["response"]["shouldEndSession"] is True
    later = Simulator(models.resolver_for("en-US", models_dir), InProcess(store=store))
    assert "cat cow" in later.say("open back pop coach").heard.lower()  # the kept place is offered


def replay_files() -> list[Path]:
    return sorted(REPLAYS.glob("*.json"))


def test_the_example_replays_ship():
    names = {p.name for p in replay_files()}
    assert {"explain-the-pop.json", "choose-a-stretch.json", "guided-stretch.json", "check-symptoms.json",
            "red-flag.json"} <= names


@pytest.mark.parametrize("path", replay_files(), ids=lambda p: p.stem)
def test_each_replay_runs_offline(path):
    plan = replay.load(path)
    assert plan.skill_id.startswith("amzn1.ask.skill.") and plan.user_input
    chat = Simulator(models.resolver_for(plan.locale), InProcess(store=None), locale=plan.locale, skill_id=plan.skill_id)
    turns = replay.play(chat, plan.user_input)
    assert plan.user_input[-1] == ".quit" and ".quit" not in plan.user_input[:-1]  # ask dialog leaves at the end
    assert len(turns) == len(plan.user_input) - 1
    for turn in turns:
        assert turn.resolution.intent != FALLBACK, turn.said
        if turn.request["request"]["type"] != "SessionEndedRequest":
            assert turn.heard, turn.said
    if path.stem == "red-flag":  # the advice itself, not only the warning every session opens with
        assert "911" in turns[-1].heard and turns[-1].response["response"]["shouldEndSession"] is True


def test_replay_with_save_skill_io_writes_the_ask_dialog_shape(capsys, models_dir, tmp_path):
    replay_file = tmp_path / "mine.json"
    replay_file.write_text(json.dumps({"skillId": "amzn1.ask.skill.00000000-0000-0000-0000-000000000000",
                                       "locale": "en-GB", "type": "text",
                                       "userInput": ["open back pop coach", "why does my back pop", ".quit", "help"]}))
    io_file = tmp_path / "io.json"
    code, out, _ = simulate(capsys, models_dir, "--replay", str(replay_file), "--save-skill-io", str(io_file))
    assert code == 0 and out.count("You: ") == 2  # ".quit" ends the replay, as in ask dialog
    invocations = json.loads(io_file.read_text())["invocations"]
    assert [sorted(i) for i in invocations] == [["request", "response"]] * 2
    # ask-cli's DialogSaveSkillIoFile: what was typed, then the SMAPI simulation result
    assert [i["request"] for i in invocations] == [{"utterance": "open back pop coach", "newSession": True},
                                                   {"utterance": "why does my back pop", "newSession": False}]
    results = [i["response"]["body"] for i in invocations]
    assert all(r["status"] == "SUCCESSFUL" and r["id"] and r["result"]["error"] is None for r in results)
    (first,), (second,) = (r["result"]["skillExecutionInfo"]["invocations"] for r in results)
    assert first["invocationRequest"]["body"]["request"]["locale"] == "en-GB"
    assert first["invocationResponse"]["body"]["response"]["outputSpeech"]["ssml"].startswith("<speak>Safety first")
    assert second["invocationRequest"]["body"]["request"]["intent"]["name"] == "WhatIsThePopIntent"
    assert isinstance(second["metrics"]["skillExecutionTimeInMilliseconds"], int)
    caption = results[0]["result"]["alexaExecutionInfo"]["alexaResponses"][0]["content"]["caption"]
    assert caption.startswith("Safety first") and "<" not in caption
    assert results[1]["result"]["alexaExecutionInfo"]["consideredIntents"][0]["name"] == "WhatIsThePopIntent"
    # and Amazon's own SMAPI model classes read each result
    from ask_sdk_core.serialize import DefaultSerializer

    for result in results:
        parsed = DefaultSerializer().deserialize(
            json.dumps(result), "ask_smapi_model.v2.skill.simulations.simulations_api_response.SimulationsApiResponse")
        assert parsed.status.value == "SUCCESSFUL"
        assert parsed.result.skill_execution_info.invocations[0].invocation_response.body["response"]


@pytest.mark.parametrize("content", ['{"type": "voice", "userInput": []}', '{"userInput": "hi"}', "not json"])
def test_a_bad_replay_file_is_refused(capsys, models_dir, tmp_path, content):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    code, _, err = simulate(capsys, models_dir, "--replay", str(bad))
    assert code == 2 and "backpop simulate:" in err


def test_a_locale_without_a_model_is_refused(capsys, tmp_path):
    code, _, err = simulate(capsys, tmp_path, "--locale", "en-US", "hello")
    assert code == 2 and "no interaction model for en-US" in err


def test_url_sends_the_requests_over_http(capsys, models_dir):
    app = create_app(Config(verify=False, store="memory://"))
    with running_server(app) as base:
        code, out, err = simulate(capsys, models_dir, "--url", base + "/", "open back pop coach", "why does my back pop")
    assert code == 0, err
    assert out.count("Alexa: ") == 2 and "Resolved: WhatIsThePopIntent" in out


def test_url_says_when_the_service_refuses_or_is_not_there(capsys, models_dir):
    with running_server(create_app(Config(verify=True, store="memory://"))) as base:
        code, _, err = simulate(capsys, models_dir, "--url", base + "/", "open back pop coach")
        assert code == 1 and "HTTP 400" in err and "BACKPOP_VERIFY=0" in err
    code, _, err = simulate(capsys, models_dir, "--url", base + "/", "open back pop coach")
    assert code == 1 and "cannot reach" in err
