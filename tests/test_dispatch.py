"""The indexed request mapper picks exactly the handler ask-sdk's own mapper would pick.

skill.dispatch.IndexedRequestMapper asks only the handlers that could take a request's type and
intent. Here every request goes through both: every intent of every locale's model (slots filled
as Alexa fills them) and the other request types, in every state a person can be in (a new
session, after launch, mid-routine, paused, mid-check, after an offer, after a free-text red flag),
and the handler each picks must be the same one.
"""
from __future__ import annotations

from typing import Any

import pytest
from ask_sdk_runtime.dispatch_components.request_components import GenericRequestMapper
from conftest import Conversation
from test_canfulfill import filled, intents_of

from skill import build_skill, modelgen
from skill.dispatch import IndexedRequestMapper


class BothMappers(IndexedRequestMapper):
    """Picks as the indexed mapper does, and records what ask-sdk's mapper would have picked."""

    def __init__(self, chains: list[Any]) -> None:
        super().__init__(chains)
        self.picks: list[tuple[str, str, str]] = []  # (request, indexed pick, ask-sdk's pick)

    def get_request_handler_chain(self, handler_input: Any) -> Any:
        mine = super().get_request_handler_chain(handler_input)
        theirs = GenericRequestMapper.get_request_handler_chain(self, handler_input)
        request = handler_input.request_envelope.request
        intent = getattr(getattr(request, "intent", None), "name", None)
        self.picks.append((f"{request.object_type} {intent or ''}".strip(), _name(mine), _name(theirs)))
        return mine


def _name(chain: Any) -> str:
    return type(chain.request_handler).__name__ if chain is not None else "none"


def checked_skill() -> tuple[Any, BothMappers]:
    skill = build_skill()
    mapper = BothMappers(skill.request_dispatcher.request_mappers[0].request_handler_chains)
    skill.request_dispatcher.request_mappers = [mapper]
    return skill, mapper


STATES = {
    "new session": [],
    "after launch": [("LaunchRequest", {})],
    "mid-routine": [("GuideStretchIntent", {"stretch": ("cat cow", "cat_cow")}), ("AMAZON.NextIntent", {})],
    "paused": [("GuideStretchIntent", {"stretch": ("cat cow", "cat_cow")}), ("AMAZON.PauseIntent", {})],
    "mid-check": [("CheckSymptomsIntent", {})],
    "after an offer": [("ChooseStretchIntent", {"area": ("lower back", "lower_back")})],
    "after a red flag": [("QuestionIntent", {"query": "my legs went numb and weak"})],
}
OTHER_REQUESTS = [
    {"type": "LaunchRequest"},
    {"type": "SessionEndedRequest", "reason": "USER_INITIATED"},
    {"type": "IntentRequest", "intent": {"name": "NoSuchIntent", "confirmationStatus": "NONE", "slots": {}}},
    {"type": "Connections.Response", "name": "AskFor", "status": {"code": "200", "message": "OK"},
     "payload": {"status": "DENIED"}, "token": ""},
    {"type": "Display.ElementSelected", "token": "x"},
]


def in_state(skill: Any, state: str, locale: str) -> Conversation:
    talk = Conversation(skill, locale=locale)
    for step, (name, slots) in enumerate(STATES[state]):
        if name == "LaunchRequest":
            talk.launch()
        else:
            if step == 0:
                talk.restart()
            talk.say(name, **slots)
    return talk


@pytest.mark.parametrize("locale", modelgen.LOCALES)
@pytest.mark.parametrize("state", list(STATES))
def test_the_indexed_mapper_picks_what_ask_sdk_would(locale: str, state: str) -> None:
    skill, mapper = checked_skill()
    requests = [{"type": "IntentRequest", "intent": {"name": intent["name"], "confirmationStatus": "NONE",
                                                     "slots": filled(locale, intent)}}
                for intent in intents_of(locale)] + OTHER_REQUESTS
    for request in requests:
        talk = in_state(skill, state, locale)
        talk.send(request)
    differing = [pick for pick in mapper.picks if pick[1] != pick[2]]
    assert not differing, differing[:10]
    picked = {pick[1] for pick in mapper.picks}
    assert len(mapper.picks) >= len(requests) and len(picked) > 5  # asked every time; many handlers picked


def test_the_index_stays_one_entry_per_known_name() -> None:
    """Intent names no handler declares share one entry: invented names do not grow it."""
    skill, mapper = checked_skill()
    talk = Conversation(skill)
    for n in range(50):
        talk.say(f"Invented{n}Intent")
    assert sum(1 for kind, name in mapper._index if name == IndexedRequestMapper.OTHER) == 1
    assert {pick[1] for pick in mapper.picks} == {pick[2] for pick in mapper.picks}
