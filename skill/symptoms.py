"""Checking symptoms: red-flag questions one at a time, most serious first.

The first "yes" stops the check with that level's advice (safety.advice); "not sure" is
treated as a yes; all "no" ends with self-care and the offer of a stretch. Answers live in
the session only and are never stored.
"""
from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from . import safety, session
from .dispatch import IntentHandler, pending, slot_id, slot_text, words
from .speech import Reply, question, render

ANSWER_UNSURE = ("DontKnowIntent",)
STRETCH_INTENTS = ("ChooseStretchIntent", "GuideStretchIntent", "StartRoutineIntent")


def questions(handler_input: HandlerInput) -> list[dict[str, str]]:
    return words(handler_input).raw("symptoms.questions")


def ask(handler_input: HandlerInput, step: int, *lead: str) -> Reply:
    """Ask triage question `step`."""
    text = words(handler_input)
    state = session.turn(handler_input)
    state.triage_step, state.pending = step, "triage"
    q = questions(handler_input)[step]["text"]
    return question(*lead, q, reprompt=f"{q} {text.text('symptoms.reprompt')}", title=text.text("cards.symptoms"))


def start(handler_input: HandlerInput) -> Reply:
    return ask(handler_input, 0, words(handler_input).text("symptoms.start"))


def answer_yes(handler_input: HandlerInput, *, unsure: bool = False) -> Reply:
    """A yes (or not sure) to the current question: that level's advice."""
    state = session.turn(handler_input)
    symptom = questions(handler_input)[state.triage_step or 0]["symptom"]
    if safety.level_of(symptom) == safety.SOON:
        return soon_advice(handler_input, symptom)
    session.stop_everything(handler_input)
    return safety.advice(handler_input, symptom, unsure=unsure)


def soon_advice(handler_input: HandlerInput, symptom: str) -> Reply:
    """Book a doctor soon; gentle movement is fine meanwhile, so a stretch may be offered."""
    text = words(handler_input)
    state = session.turn(handler_input)
    state.triage_step, state.pending, state.offer = None, "stretch", {}
    ask_stretch = text.text("symptoms.soon_then_stretch")
    return question(text.text("symptoms.heard", symptom=text.text(f"safety.names.{symptom}")),
                    text.text("safety.levels.soon"), ask_stretch, reprompt=ask_stretch,
                    title=text.text("cards.symptoms"))


def all_clear(handler_input: HandlerInput) -> Reply:
    text = words(handler_input)
    state = session.turn(handler_input)
    state.triage_step, state.pending, state.offer = None, "stretch", {}
    ask_stretch = text.text("symptoms.offer_stretch")
    return question(text.text("symptoms.all_clear"), ask_stretch, reprompt=ask_stretch,
                    title=text.text("cards.symptoms"))


def in_triage(handler_input: HandlerInput) -> bool:
    return session.turn(handler_input).triage_step is not None


class TriageYes(IntentHandler):
    intents = ("AMAZON.YesIntent",)

    def when(self, handler_input: HandlerInput) -> bool:
        return in_triage(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, answer_yes(handler_input))


class TriageUnsure(IntentHandler):
    """ "I don't know" / "not sure": answered conservatively, as a yes. """

    intents = ANSWER_UNSURE

    def when(self, handler_input: HandlerInput) -> bool:
        return in_triage(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, answer_yes(handler_input, unsure=True))


class TriageNo(IntentHandler):
    intents = ("AMAZON.NoIntent",)

    def when(self, handler_input: HandlerInput) -> bool:
        return in_triage(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        step = (session.turn(handler_input).triage_step or 0) + 1
        if step >= len(questions(handler_input)):
            return render(handler_input, all_clear(handler_input))
        return render(handler_input, ask(handler_input, step))


class TriageFirst(IntentHandler):
    """A stretch asked for mid-check: finish the warning-sign questions first."""

    intents = STRETCH_INTENTS

    def when(self, handler_input: HandlerInput) -> bool:
        return in_triage(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        text = words(handler_input)
        step = session.turn(handler_input).triage_step or 0
        return render(handler_input, ask(handler_input, step, text.text("symptoms.finish_first")))


class TriageHelp(IntentHandler):
    """Help mid-check explains the question."""

    intents = ("AMAZON.HelpIntent",)

    def when(self, handler_input: HandlerInput) -> bool:
        return in_triage(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        step = session.turn(handler_input).triage_step or 0
        q = questions(handler_input)[step]["text"]
        reply = ask(handler_input, step)
        reply.parts = [words(handler_input).text("basics.help_triage", question=q)]
        return render(handler_input, reply)


class CheckSymptoms(IntentHandler):
    """ "Do I need a doctor?", "check my symptoms", or "yes" to the offer of a check. """

    intents = ("CheckSymptomsIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, start(handler_input))


class CheckOfferAccepted(IntentHandler):
    intents = ("AMAZON.YesIntent",)

    def when(self, handler_input: HandlerInput) -> bool:
        return pending(handler_input, "check")

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, start(handler_input))


class ReportSymptom(IntentHandler):
    """ "My back is stiff", "it's been aching for weeks" (red flags never reach here). """

    intents = ("ReportSymptomIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        symptom = slot_id(handler_input, "symptom") or safety.detect(slot_text(handler_input, "symptom"))
        if safety.level_of(symptom) == safety.SOON:
            return render(handler_input, soon_advice(handler_input, symptom))
        text = words(handler_input)
        session.turn(handler_input).pending = "check"
        return render(handler_input, question(text.text("symptoms.not_red_flag"),
                                              reprompt=text.text("symptoms.not_red_flag_reprompt")))


HANDLERS = (TriageYes(), TriageUnsure(), TriageNo(), TriageFirst(), TriageHelp(), CheckOfferAccepted(),
            CheckSymptoms(), ReportSymptom())
