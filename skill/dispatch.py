"""Small handler base classes, so each handler's `can_handle` reads as one expression."""
from __future__ import annotations

from typing import Any

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_intent_name, get_request_type

from . import content, session
from .content import Content


class IntentHandler(AbstractRequestHandler):
    """Handles the named intents, when `when()` also holds."""

    intents: tuple[str, ...] = ()

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return (
            get_request_type(handler_input) == "IntentRequest"
            and get_intent_name(handler_input) in self.intents
            and self.when(handler_input)
        )

    def when(self, handler_input: HandlerInput) -> bool:
        return True


class RequestHandler(AbstractRequestHandler):
    """Handles the named request types."""

    request_types: tuple[str, ...] = ()

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return get_request_type(handler_input) in self.request_types


def words(handler_input: HandlerInput) -> Content:
    """The content for the request's locale."""
    return content.for_locale(getattr(handler_input.request_envelope.request, "locale", None))


def slot_id(handler_input: HandlerInput, name: str) -> str | None:
    """The resolved value id of a slot (entity resolution), or None."""
    for reading in _readings(handler_input):
        if reading.name == name:
            return reading.resolved_id
    return None


def slot_text(handler_input: HandlerInput, name: str) -> str | None:
    for reading in _readings(handler_input):
        if reading.name == name:
            return reading.spoken
    return None


def _readings(handler_input: HandlerInput) -> list[Any]:
    from .safety import read_slots

    attrs = handler_input.attributes_manager.request_attributes
    if "slots" not in attrs:
        attrs["slots"] = read_slots(handler_input)
    return attrs["slots"]


def pending(handler_input: HandlerInput, *values: str) -> bool:
    """True when the question the previous reply asked was one of these."""
    return session.turn(handler_input).asked in values
