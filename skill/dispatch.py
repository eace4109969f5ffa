"""Small handler base classes, so each handler's `can_handle` reads as one expression."""
from __future__ import annotations

from typing import Any, Callable, Iterable

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_intent_name, get_request_type
from ask_sdk_runtime.dispatch_components.request_components import GenericRequestMapper

from . import content, session
from .content import Content


class intents_from:  # noqa: N801 - used like a value in a class body
    """A handler's intent names worked out from data at first use, not at import, so a cold
    start reads only the data files its first request needs (a launch needs no free-text words).

        intents = intents_from(lambda: ("ItHurtsIntent", *carriers.intents()))
    """

    def __init__(self, names: Callable[[], Iterable[str]]) -> None:
        self._names = names

    def __set_name__(self, owner: type, attribute: str) -> None:
        self._owner, self._attribute = owner, attribute

    def __get__(self, handler: Any, owner: type | None = None) -> tuple[str, ...]:
        value = tuple(self._names())
        setattr(self._owner, self._attribute, value)  # from now on a plain class attribute
        return value


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


class IndexedRequestMapper(GenericRequestMapper):
    """ask-sdk's request mapper (first handler in order whose can_handle holds), asking only the
    handlers that could take the request's type and intent.

    A handler that keeps the base class's can_handle declares what it takes (`intents`,
    `request_types`), so it is skipped for any other without being asked; a handler with its
    own can_handle is always asked. The order is the list's, so the first match is the same as
    asking every handler in turn (tests/test_dispatch.py checks this over the model's intents);
    it saves about fifty can_handle calls a request. The index holds one entry per request
    type and intent name some handler names (any other name shares one entry), so it is bounded.
    """

    OTHER = "*"

    def __init__(self, request_handler_chains: list[Any]) -> None:
        super().__init__(request_handler_chains)
        self._types = frozenset(kind for chain in self.request_handler_chains
                                for kind in _request_types(chain.request_handler))
        self._names: frozenset[str] | None = None  # at the first intent (intents_from reads data)
        self._index: dict[tuple[str, str], list[Any]] = {}

    def get_request_handler_chain(self, handler_input: HandlerInput) -> Any:
        request = handler_input.request_envelope.request
        kind = request.object_type if request.object_type in self._types else self.OTHER
        intent = getattr(request, "intent", None) if kind == "IntentRequest" else None
        name = self.OTHER
        if intent is not None:
            if self._names is None:
                self._names = frozenset(declared for chain in self.request_handler_chains
                                        for declared in _intents(chain.request_handler))
            name = intent.name if intent.name in self._names else self.OTHER
        chains = self._index.get((kind, name))
        if chains is None:
            chains = self._index[(kind, name)] = [
                chain for chain in self.request_handler_chains if _could_take(chain.request_handler, kind, name)]
        for chain in chains:
            if chain.request_handler.can_handle(handler_input=handler_input):
                return chain
        return None


def _request_types(handler: Any) -> tuple[str, ...]:
    """The request types a handler with the base can_handle is limited to (none: it decides)."""
    can_handle = type(handler).can_handle
    if can_handle is IntentHandler.can_handle:
        return ("IntentRequest",)
    return tuple(handler.request_types) if can_handle is RequestHandler.can_handle else ()


def _intents(handler: Any) -> tuple[str, ...]:
    return tuple(handler.intents) if type(handler).can_handle is IntentHandler.can_handle else ()


def _could_take(handler: Any, kind: str, name: str) -> bool:
    can_handle = type(handler).can_handle
    if can_handle is IntentHandler.can_handle:
        return kind == "IntentRequest" and name in handler.intents
    if can_handle is RequestHandler.can_handle:
        return kind in handler.request_types
    return True


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
