"""Name-free questions: answer CanFulfillIntentRequest ("Alexa, why does my back pop?").

Alexa asks, before routing a request without the skill's name, whether the skill can
understand and fulfil it. The answer is data only: no speech, no card, no directive, no session
or record change (SaveState and WarningFirst leave this request alone).

- YES: a question the skill answers fully, with every slot it was given understood;
- MAYBE: something the skill can help with but may not be what was meant (its own reminders
  when Alexa has reminders of its own, a free-form question it cannot place, a slot value it
  does not know);
- NO: commands that only mean something inside the skill ("next", "make it easier"), "forget
  me", and anything that reads as a red flag: an emergency deserves Alexa's own answer, not a
  stretching skill's.
"""
from __future__ import annotations

import logging
from functools import lru_cache

from ask_sdk_core.dispatch_components import AbstractExceptionHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_model.canfulfill import (
    CanFulfillIntent,
    CanFulfillIntentValues,
    CanFulfillSlot,
    CanFulfillSlotValues,
    CanUnderstandSlotValues,
)

from . import carriers, reminder_times, safety, screen, topics
from .dispatch import RequestHandler

YES, NO, MAYBE = "YES", "NO", "MAYBE"
log = logging.getLogger("skill")

FULLY_ANSWERED = ("ChooseStretchIntent", "GuideStretchIntent", "StartRoutineIntent", "ListStretchesIntent",
                  "CheckSymptomsIntent", "SetReminderIntent")  # and every topic intent
PERHAPS_MEANT = ("JustPoppedIntent", "ReportSymptomIntent", "ProgressIntent", "ListRemindersIntent",
                 "ChangeReminderIntent", "CancelReminderIntent")  # and every free-text intent


@lru_cache(maxsize=1)  # read from data at the first name-free question, not at import
def _kinds() -> tuple[frozenset[str], frozenset[str]]:
    return (frozenset((*topics.intent_topics(), *FULLY_ANSWERED)),
            frozenset((*carriers.intents(), *PERHAPS_MEANT)))
CUSTOM_SLOTS = {"area", "position", "stretch", "symptom", "recurrence"}


def _slot(understand_: str, fulfil: str) -> dict[str, str]:
    """One slot's answer: canUnderstand is YES, NO or MAYBE; canFulfill only YES or NO."""
    return {"canUnderstand": understand_, "canFulfill": fulfil}


def judge(intent: str, slots: list[safety.SlotReading], *, red_flag: bool,
          locale: str | None = None) -> tuple[str, dict[str, dict[str, str]]]:
    """The answer for an intent and its filled slots: (YES/NO/MAYBE, per-slot answers)."""
    answers: dict[str, dict[str, str]] = {}
    placed = True
    free_text = carriers.table(locale)
    for reading in slots:
        if reading.name in CUSTOM_SLOTS:
            answers[reading.name] = _slot(YES, YES) if reading.resolved_id else _slot(NO, NO)
        elif reading.name == "minutes":
            answers[reading.name] = _slot(YES, YES) if (reading.spoken or "").isdigit() else _slot(NO, NO)
        elif reading.name == "time":
            answers[reading.name] = _slot(YES, YES) if reading_time(reading.spoken) else _slot(NO, NO)
        elif reading.name == "duration":
            ok = reminder_times.parse_duration(reading.spoken) is not None
            answers[reading.name] = _slot(YES, YES) if ok else _slot(NO, NO)
        elif intent in free_text:  # free words: only what the skill can place
            placed = topics.route(carriers.said(locale, intent, reading.spoken), locale) is not None
            answers[reading.name] = _slot(YES, YES) if placed else _slot(MAYBE, NO)
        else:  # free words inside a specific question ("what helps {query}"): the question decides
            answers[reading.name] = _slot(YES, YES)
    carrier = screen.screen([carriers.said(locale, intent, "")], locale) if intent in free_text else None
    if red_flag or (carrier is not None and carrier.level in screen.PRE_EMPTING):  # "chest pain ...", "i fell ..."
        return NO, answers
    fully_answered, perhaps_meant = _kinds()
    if intent in fully_answered:
        verdict = YES
    elif intent in perhaps_meant:
        verdict = YES if intent in free_text and placed and slots and asks(free_text[intent]) else MAYBE
    else:
        return NO, answers
    if verdict == YES and any(a["canUnderstand"] != YES for a in answers.values()):
        verdict = MAYBE
    return verdict, answers


def asks(carrier: carriers.Carrier) -> bool:
    """A free-text intent whose opener can start a question put to the skill by name-free
    routing; a reply ("no ...", "maybe ..."), someone else, the past or "stop" is only a turn of a
    conversation already under way."""
    return carrier.answers is None and carrier.restore not in CONVERSATIONAL


CONVERSATIONAL = {"someone else", "my dog", "years ago", "stop"}


def reading_time(value: str | None) -> bool:
    return reminder_times.parse_time(value) is not None


class CanFulfill(RequestHandler):
    """CanFulfillIntentRequest: YES, NO or MAYBE for the intent and each slot; nothing said, nothing kept."""

    request_types = ("CanFulfillIntentRequest",)

    def handle(self, handler_input: HandlerInput) -> Response:
        intent = handler_input.request_envelope.request.intent
        red_flag = "red_flag" in handler_input.attributes_manager.request_attributes
        verdict, answers = judge(intent.name if intent else "", safety.read_slots(handler_input), red_flag=red_flag,
                                 locale=handler_input.request_envelope.request.locale)
        return answer(handler_input, verdict, answers)


def answer(handler_input: HandlerInput, verdict: str, answers: dict[str, dict[str, str]]) -> Response:
    handler_input.response_builder.set_can_fulfill_intent(CanFulfillIntent(
        can_fulfill=CanFulfillIntentValues(verdict),
        slots={name: CanFulfillSlot(can_understand=CanUnderstandSlotValues(a["canUnderstand"]),
                                    can_fulfill=CanFulfillSlotValues(a["canFulfill"]))
               for name, a in answers.items()}))
    return handler_input.response_builder.response


class CanFulfillError(AbstractExceptionHandler):
    """An error while judging: NO, logged as one JSON line; never the spoken apology."""

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        request = handler_input.request_envelope.request
        return getattr(request, "object_type", None) == "CanFulfillIntentRequest"

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        log.error('{"event": "can_fulfill_error", "error": "%s"}', type(exception).__name__, exc_info=exception)
        from ask_sdk_core.response_helper import ResponseFactory

        handler_input.response_builder = ResponseFactory()
        return answer(handler_input, NO, {})


# First of all: not even the red-flag rule may speak or change anything for this request.
HANDLERS = (CanFulfill(),)
EXCEPTION_HANDLERS = (CanFulfillError(),)
