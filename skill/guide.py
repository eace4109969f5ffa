"""Hands-free guided stretching: one step a turn, timed holds, navigation, resume later.

State-gated: while a routine runs (in the session), these handlers come before all others
but the red-flag rule. The place is kept in the person's record at every step, so a pause
or a session that closes mid-routine can be resumed at the next launch (within a day).
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_intent_name
from ask_sdk_model import Response
from ask_sdk_model.interfaces.alexa.presentation.apl import RenderDocumentDirective

from . import routine as steps
from . import session
from .dispatch import IntentHandler, RequestHandler, pending, slot_id, slot_text, words
from .session import Routine
from .speech import Reply, question, render, statement
from .stretches import choose


@lru_cache(maxsize=1)
def step_card_document() -> dict[str, Any]:
    return json.loads((resources.files("skill") / "apl" / "step_card.json").read_text(encoding="utf-8"))


def has_screen(handler_input: HandlerInput) -> bool:
    system = handler_input.request_envelope.context.system if handler_input.request_envelope.context else None
    interfaces = system.device.supported_interfaces if system and system.device else None
    return bool(interfaces and interfaces.alexa_presentation_apl is not None)


def speak_step(handler_input: HandlerInput, routine: Routine, *lead: str) -> Response:
    """Say the current step (with any lead-in), keep the place, show the card on a screen."""
    text = words(handler_input)
    state = session.turn(handler_input)
    state.routine, state.pending, state.paused = routine, "routine", False
    record = session.user_record(handler_input)
    record.keep_place(routine)
    session.save_user_record(handler_input, record)
    parts = [*lead, *(steps.easier_parts(text, routine) if routine.easier else steps.step_parts(text, routine))]
    reply = question(*parts, reprompt=text.text("guide.next_reprompt"), title=text.stretches[routine.stretch_ids[routine.index]]["name"].capitalize())
    if has_screen(handler_input):
        reply.directives.append(RenderDocumentDirective(
            token="backpop-step", document=step_card_document(),
            datasources={"step": steps.card_data(text, routine)}))
    return render(handler_input, reply)


def finish(handler_input: HandlerInput, routine: Routine) -> Response:
    text = words(handler_input)
    state = session.turn(handler_input)
    state.routine, state.pending, state.offer = None, "stretch", {}
    record = session.user_record(handler_input)
    record.keep_place(None)
    session.save_user_record(handler_input, record)
    name = text.stretches[routine.stretch_ids[-1]]["name"]
    key = "guide.routine_done" if len(routine.stretch_ids) > 1 else "guide.stretch_done"
    return render(handler_input, question(text.text(key, name=name), reprompt=text.text("pops.offers.stretch")))


def start(handler_input: HandlerInput, stretch_ids: list[str], *lead: str) -> Response:
    return speak_step(handler_input, Routine(stretch_ids=stretch_ids), *lead)


def running(handler_input: HandlerInput) -> Routine | None:
    return session.turn(handler_input).routine


class InRoutine(IntentHandler):
    """Base for handlers that act only while a routine runs."""

    def when(self, handler_input: HandlerInput) -> bool:
        return running(handler_input) is not None


class Next(InRoutine):
    intents = ("AMAZON.NextIntent", "AMAZON.YesIntent", "AMAZON.ResumeIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        routine = running(handler_input)
        state = session.turn(handler_input)
        if state.paused or get_intent_name(handler_input) == "AMAZON.ResumeIntent":
            return speak_step(handler_input, routine)
        routine.easier = False
        if steps.advance(words(handler_input), routine):
            return speak_step(handler_input, routine)
        return finish(handler_input, routine)


class Previous(InRoutine):
    intents = ("AMAZON.PreviousIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        routine = running(handler_input)
        routine.easier = False
        if steps.back(words(handler_input), routine):
            return speak_step(handler_input, routine)
        return speak_step(handler_input, routine, words(handler_input).text("guide.first_step"))


class Repeat(InRoutine):
    intents = ("AMAZON.RepeatIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        return speak_step(handler_input, running(handler_input))


class StartOver(InRoutine):
    intents = ("AMAZON.StartOverIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        routine = running(handler_input)
        return start(handler_input, routine.stretch_ids)


class Skip(InRoutine):
    intents = ("SkipStretchIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        routine = running(handler_input)
        text = words(handler_input)
        name = text.stretches[routine.stretch_ids[routine.index]]["name"]
        if steps.skip_stretch(routine):
            return speak_step(handler_input, routine, text.text("guide.skipped", name=name))
        return finish(handler_input, routine)


class Easier(InRoutine):
    intents = ("EasierIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        routine = running(handler_input)
        routine.easier = True
        return speak_step(handler_input, routine)


class HoldTime(InRoutine):
    intents = ("HoldTimeIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        text = words(handler_input)
        _, data, stretch_steps = steps.current(text, running(handler_input))
        hold = int(stretch_steps[running(handler_input).step].get("hold", 0))
        said = text.text("guide.hold_time", seconds=hold) if hold else text.text("guide.hold_none", reps=data["reps"])
        return render(handler_input, question(said, text.text("guide.say_next"), reprompt=text.text("guide.next_reprompt")))


class WhichStep(InRoutine):
    intents = ("WhichStepIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        text = words(handler_input)
        routine = running(handler_input)
        _, data, stretch_steps = steps.current(text, routine)
        key = "guide.which_step_many" if len(routine.stretch_ids) > 1 else "guide.which_step"
        said = text.text(key, step=routine.step + 1, steps=len(stretch_steps), name=data["name"],
                         number=routine.index + 1, count=len(routine.stretch_ids))
        return render(handler_input, question(said, text.text("guide.say_next"), reprompt=text.text("guide.next_reprompt")))


class Help(InRoutine):
    intents = ("AMAZON.HelpIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        text = words(handler_input)
        return render(handler_input, question(text.text("guide.help"), reprompt=text.text("guide.help_reprompt")))


class Pause(InRoutine):
    """Pause keeps the place (in the person's record) and closes the session."""

    intents = ("AMAZON.PauseIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        session.turn(handler_input).paused = True
        return render(handler_input, statement(words(handler_input).text("guide.paused")))


class StopKeepingPlace(InRoutine):
    intents = ("AMAZON.StopIntent", "AMAZON.CancelIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        routine = running(handler_input)
        text = words(handler_input)
        name = text.stretches[routine.stretch_ids[routine.index]]["name"]
        session.turn(handler_input).pending = None
        return render(handler_input, statement(text.text("basics.goodbye_kept", stretch=name)))


class ItHurts(IntentHandler):
    """ "It hurts", "that's sharp pain": stop at once, never carry on by itself; offer a check."""

    intents = ("ItHurtsIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        text = words(handler_input)
        state = session.turn(handler_input)
        routine = state.routine
        if routine:
            state.offer = {"stretch": routine.stretch_ids[routine.index]}
        state.routine, state.pending = None, "check"
        record = session.user_record(handler_input)
        if record.place:
            record.keep_place(None)
            session.save_user_record(handler_input, record)
        return render(handler_input, question(text.text("guide.hurt"), reprompt=text.text("guide.hurt_reprompt")))


class EasierAfterHurt(IntentHandler):
    """ "Make it easier" outside a routine: the gentler version of the last or offered stretch. """

    intents = ("EasierIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        stretch_id = session.turn(handler_input).offer.get("stretch") or choose(words(handler_input))[0]
        routine = Routine(stretch_ids=[stretch_id], easier=True)
        return speak_step(handler_input, routine)


class GuideStretch(IntentHandler):
    """ "Guide me through cat cow", "walk me through a stretch for my hips". """

    intents = ("GuideStretchIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        stretch_id, _ = choose(words(handler_input), name=slot_id(handler_input, "stretch"),
                               area=slot_id(handler_input, "area"), position=slot_id(handler_input, "position"))
        return start(handler_input, [stretch_id])


class StartRoutine(IntentHandler):
    """ "A five minute routine for my lower back", "a quick routine I can do at my desk". """

    intents = ("StartRoutineIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        text = words(handler_input)
        raw = slot_text(handler_input, "minutes")
        minutes = steps.nearest_minutes(int(raw) if raw and raw.isdigit() else None)
        ids = steps.build(text, minutes, area=slot_id(handler_input, "area"), position=slot_id(handler_input, "position"))
        names = ", ".join(text.stretches[s]["name"] for s in dict.fromkeys(ids))
        return start(handler_input, ids, text.text("guide.routine_intro", minutes=minutes, names=names))


class OfferAccepted(IntentHandler):
    """ "Yes" to "shall I guide you through it?" """

    intents = ("AMAZON.YesIntent",)

    def when(self, handler_input: HandlerInput) -> bool:
        return pending(handler_input, "guide")

    def handle(self, handler_input: HandlerInput) -> Response:
        stretch_id = session.turn(handler_input).offer.get("stretch") or choose(words(handler_input))[0]
        return start(handler_input, [stretch_id])


def kept_place(handler_input: HandlerInput) -> Routine | None:
    return session.user_record(handler_input).saved_place()


class LaunchWithKeptPlace(RequestHandler):
    """Launch with a place kept from an earlier session: offer to carry on (after the warning)."""

    request_types = ("LaunchRequest",)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return super().can_handle(handler_input) and kept_place(handler_input) is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        text = words(handler_input)
        place = kept_place(handler_input)
        session.turn(handler_input).pending = "resume"
        name = text.stretches[place.stretch_ids[place.index]]["name"]
        return render(handler_input, question(text.text("basics.resume_offer", stretch=name, step=place.step + 1),
                                              reprompt=text.text("basics.resume_reprompt")))


class ResumeKeptPlace(IntentHandler):
    """ "Yes" to the resume offer, or "resume" in a new session: carry on at the kept step. """

    intents = ("AMAZON.YesIntent", "AMAZON.ResumeIntent")

    def when(self, handler_input: HandlerInput) -> bool:
        name = get_intent_name(handler_input)
        return kept_place(handler_input) is not None and (pending(handler_input, "resume") or name == "AMAZON.ResumeIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        place = kept_place(handler_input)
        text = words(handler_input)
        name = text.stretches[place.stretch_ids[place.index]]["name"]
        return speak_step(handler_input, place, text.text("guide.resumed", name=name))


class FreshStart(IntentHandler):
    """ "No" to the resume offer drops the place; "start over" restarts that routine. """

    intents = ("AMAZON.NoIntent", "AMAZON.StartOverIntent")

    def when(self, handler_input: HandlerInput) -> bool:
        return kept_place(handler_input) is not None and (
            pending(handler_input, "resume") or get_intent_name(handler_input) == "AMAZON.StartOverIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        place = kept_place(handler_input)
        text = words(handler_input)
        if get_intent_name(handler_input) == "AMAZON.StartOverIntent":
            return start(handler_input, place.stretch_ids, text.text("guide.fresh"))
        record = session.user_record(handler_input)
        record.keep_place(None)
        session.save_user_record(handler_input, record)
        session.turn(handler_input).pending = None
        return render(handler_input, question(text.text("guide.fresh"), text.text("basics.launch"),
                                              reprompt=text.text("basics.launch_reprompt")))


class SessionEndedMidRoutine(RequestHandler):
    """The session closed mid-routine: the place is already kept; answer nothing."""

    request_types = ("SessionEndedRequest",)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return super().can_handle(handler_input) and running(handler_input) is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.response


# Gated on a running routine: before everything but the red-flag rule.
HANDLERS = (
    Next(), Previous(), Repeat(), StartOver(), Skip(), Easier(), HoldTime(), WhichStep(), Help(), Pause(),
    StopKeepingPlace(), ItHurts(), SessionEndedMidRoutine(),
)
# Ways into a routine: after the triage-gated handlers, so a check is finished first.
ENTRY_HANDLERS = (
    LaunchWithKeptPlace(), ResumeKeptPlace(), FreshStart(), OfferAccepted(), GuideStretch(), StartRoutine(),
    EasierAfterHurt(),
)
