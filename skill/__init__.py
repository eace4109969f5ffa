"""Back Pop Coach: the Alexa skill, without any web framework.

`build_skill()` puts the handlers together in one ordered list, which is the conversation's
precedence, written once: a name-free CanFulfillIntentRequest (which only asks) apart, a red flag
first, then a check question just asked, then a running routine, then the offers and the intent
families, then the catch-alls. First match wins, as in ask-sdk.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from ask_sdk_core.skill import CustomSkill
    from ask_sdk_model import RequestEnvelope
    from ask_sdk_model.services import ApiClient

    from .store import Store


def handlers() -> tuple:
    """Every request handler, in dispatch order."""
    from . import answers, basics, canfulfill, guide, progress, reminders, safety, sounds, stretches, symptoms

    return (
        *canfulfill.HANDLERS,
        *safety.HANDLERS,
        *symptoms.TRIAGE_HANDLERS,
        *guide.HANDLERS,
        *symptoms.HANDLERS,
        *sounds.HANDLERS,
        *guide.ENTRY_HANDLERS,
        *stretches.FIRST_HANDLERS,
        *answers.HANDLERS,
        *stretches.HANDLERS,
        *progress.HANDLERS,
        *reminders.HANDLERS,
        *basics.HANDLERS,
        *basics.LAST_HANDLERS,
    )


def build_skill(store: "Store | None" = None, api_client: "ApiClient | None" = None) -> "CustomSkill":
    """The ask-sdk-core skill on a `store.Store`. With no store, what persists lives in the session only.

    The API client calls Alexa's APIs (reminders, the device's time zone) at the request's
    apiEndpoint; by default alexa_api.AlexaApiClient, which has a deadline on every call.
    """
    from ask_sdk_core.skill_builder import CustomSkillBuilder

    from . import basics, canfulfill, safety, session
    from .alexa_api import AlexaApiClient
    from .dispatch import IndexedRequestMapper
    from .serializer import Serializer

    builder = CustomSkillBuilder(persistence_adapter=store, api_client=api_client or AlexaApiClient())
    builder.add_global_request_interceptor(session.UseStore(store))
    for interceptor in (*safety.REQUEST_INTERCEPTORS, *basics.REQUEST_INTERCEPTORS):
        builder.add_global_request_interceptor(interceptor)
    for handler in handlers():
        builder.add_request_handler(handler)
    for exception_handler in (*canfulfill.EXCEPTION_HANDLERS, *basics.EXCEPTION_HANDLERS):
        builder.add_exception_handler(exception_handler)
    for interceptor in (*safety.RESPONSE_INTERCEPTORS, session.SaveState()):
        builder.add_global_response_interceptor(interceptor)
    skill = builder.create()
    skill.serializer = Serializer()  # the SDK's results, its per-call work kept (serializer.py)
    dispatcher = skill.request_dispatcher
    dispatcher.request_mappers = [IndexedRequestMapper(mapper.request_handler_chains)
                                  for mapper in dispatcher.request_mappers]
    return skill


def answer(skill: "CustomSkill", envelope: "dict | str") -> dict:
    """Run one request envelope (JSON text, or parsed) through the skill; the response as JSON.

    Raises ask_sdk_core.exceptions.SerializationException for an envelope the SDK cannot read
    (for instance a request type it does not know).
    """
    return respond(skill, read_envelope(skill, envelope))


def read_envelope(skill: "CustomSkill", envelope: "dict | str") -> "RequestEnvelope":
    """The SDK's model of an envelope; a parsed one is not turned back into text and parsed again."""
    from ask_sdk_core.exceptions import SerializationException
    from ask_sdk_model import RequestEnvelope

    if isinstance(envelope, str):
        return skill.serializer.deserialize(envelope, RequestEnvelope)
    to_model = getattr(skill.serializer, "_DefaultSerializer__deserialize", None)  # the SDK's own, minus json.loads
    if to_model is None:
        return skill.serializer.deserialize(json.dumps(envelope), RequestEnvelope)
    try:
        return to_model(envelope, RequestEnvelope)
    except SerializationException:
        raise
    except Exception as exc:  # as deserialize() would report it
        raise SerializationException(type(exc).__name__) from None


def respond(skill: "CustomSkill", request: "RequestEnvelope", *, owned: bool = False) -> dict:
    """The skill's response to a read envelope, as JSON.

    `owned`: the envelope was parsed from this request's own body, so nothing else holds its
    session attributes, and the handlers get them without the SDK's deep copy (AttributesManager
    deep-copies them on every request: about a twentieth of a guided step here).
    """
    session = request.session
    if owned and session is not None and session.attributes:
        session.attributes = _Owned(session.attributes)
    response = skill.invoke(request_envelope=request, context=None)
    return skill.serializer.serialize(response)


class _Owned(dict):
    """Session attributes parsed from this request's own body and held by nothing else: a deep
    copy of them (ask-sdk-core's AttributesManager makes one) is the very same dict."""

    __slots__ = ()

    def __deepcopy__(self, memo: dict) -> "_Owned":
        return self
