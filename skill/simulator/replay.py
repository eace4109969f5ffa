"""Replay files in the ASK CLI's `ask dialog` format, and skill I/O files in its --save-skill-io shape.

A replay file is what `ask dialog --replay FILE` plays against the real Alexa:

    {"skillId": "amzn1.ask.skill....", "locale": "en-US", "type": "text",
     "userInput": ["open back pop coach", "why does my back pop", "stop"]}

so the same file runs offline here and against the deployed skill there. Lines starting with
"." are ask dialog's own commands: ".quit" stops the replay, the others are skipped. A file
ends with ".quit", so `ask dialog --replay` leaves when it is done.

A skill I/O file is what `ask dialog --save-skill-io FILE` writes (ask-cli's
DialogSaveSkillIoFile): one invocation a typed line, its request what was typed and its response
the SMAPI simulation result (as ask-smapi-model's SimulationsApiResponse), which holds the
envelope the skill got and the one it answered:

    {"invocations": [{"request": {"utterance": "open back pop coach", "newSession": true},
                      "response": {"body": {"id", "status": "SUCCESSFUL", "result": {
                          "skillExecutionInfo": {"invocations": [{"invocationRequest": {"endpoint",
                              "body": REQUEST ENVELOPE}, "invocationResponse": {"body": RESPONSE},
                              "metrics": {"skillExecutionTimeInMilliseconds"}}]},
                          "alexaExecutionInfo": {"alexaResponses": [{"type": "Speech",
                              "content": {"caption"}}], "consideredIntents": [...]},
                          "error": null}}}}]}
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from typing import Any

from ..speech import spoken_text
from .chat import Simulator, Turn

OFFLINE_ENDPOINT = "offline:backpop-simulate"


class ReplayError(ValueError):
    """The file is not an `ask dialog` replay file."""


@dataclass(frozen=True)
class Replay:
    skill_id: str
    locale: str
    user_input: tuple[str, ...]


def load(path: str | Path) -> Replay:
    """Read and check a replay file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ReplayError(f"cannot read replay file {path}: {exc}") from None
    if not isinstance(data, dict) or data.get("type", "text") != "text":
        raise ReplayError(f"{path}: a replay file is a JSON object with \"type\": \"text\"")
    lines = data.get("userInput")
    if not isinstance(lines, list) or not all(isinstance(line, str) for line in lines):
        raise ReplayError(f"{path}: \"userInput\" must be a list of strings")
    return Replay(str(data.get("skillId", "")), str(data.get("locale", "en-US")), tuple(lines))


def play(simulator: Simulator, lines: tuple[str, ...] | list[str]) -> list[Turn]:
    """Say each line in turn, in one simulator (so the session carries on as on a device)."""
    turns = []
    for line in lines:
        command = line.strip()
        if command.startswith("."):
            if command == ".quit":
                break
            if command.split()[0] == ".person":  # the simulator's own: switch the recognised speaker
                turns.append(simulator.say(command))
            continue
        turns.append(simulator.say(line))
    return turns


def cli_invocation(number: int, entry: dict[str, Any]) -> dict[str, Any]:
    """One turn as `ask dialog --save-skill-io` writes it: what was typed, and the simulation result."""
    request, response = entry["request"], entry["response"] or {}
    session = request.get("session") or {}
    body = response.get("response") or {}
    caption = spoken_text((body.get("outputSpeech") or {}).get("ssml")) or (body.get("outputSpeech") or {}).get("text", "")
    intent = (request.get("request") or {}).get("intent")
    return {
        "request": {"utterance": entry["said"], "newSession": bool(session.get("new", True))},
        "response": {"body": {
            "id": f"offline-simulation-{number + 1}",
            "status": "SUCCESSFUL",
            "result": {
                "skillExecutionInfo": {"invocations": [{
                    "invocationRequest": {"endpoint": OFFLINE_ENDPOINT, "body": request},
                    "invocationResponse": {"body": response},
                    "metrics": {"skillExecutionTimeInMilliseconds": entry.get("milliseconds", 0)},
                }]},
                "alexaExecutionInfo": {
                    "alexaResponses": [{"type": "Speech", "content": {"caption": caption}}] if caption else [],
                    "consideredIntents": [intent] if intent else [],
                },
                "error": None,
            },
        }},
    }


def save_skill_io(simulator: Simulator, path: str | Path) -> None:
    """Write every turn in the shape `ask dialog --save-skill-io` writes (see the module docstring)."""
    Path(path).write_text(json.dumps(simulator.skill_io(), indent=2) + "\n", encoding="utf-8")
