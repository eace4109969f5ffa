"""Explaining the pop: what it is, why it won't pop, why it may stop for good, is it harmful.

Each answer ends in one offer to go deeper; "yes" or "tell me more" follows it. The pop
timer ("I just popped my back") lets a later "why won't it pop" say how long ago it was.
"""
from __future__ import annotations

import time

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_intent_name
from ask_sdk_model import Response

from . import session
from .dispatch import IntentHandler, pending, words
from .speech import Reply, question, render

REFRACTORY_WINDOW_SECONDS = 90 * 60  # "from a few minutes to more than an hour"

TOPIC_INTENTS = {
    "WhatIsThePopIntent": "what",
    "WhyWontItPopIntent": "wont",
    "WhyStoppedPoppingIntent": "stopped",
    "IsCrackingSafeIntent": "safe",
}


def explain(handler_input: HandlerInput, topic: str) -> Reply:
    """One topic, then the offer of the next. "Why won't it pop" soon after a pop: the timer."""
    minutes = minutes_since_pop(handler_input) if topic == "wont" else None
    if minutes is not None:
        return timer_answer(handler_input, minutes)
    text = words(handler_input)
    nxt = text.raw(f"pops.topics.{topic}").get("next", "selfcare")
    offer = text.text(f"pops.offers.{nxt}")
    state = session.turn(handler_input)
    state.pending, state.pop_topic = "deeper", nxt
    return question(text.text(f"pops.topics.{topic}"), offer, reprompt=offer, title=text.text("cards.pop"))


def minutes_since_pop(handler_input: HandlerInput) -> int | None:
    """Minutes since the person said they popped it, while still inside the refractory window."""
    popped = session.user_record(handler_input).popped_at
    if popped is None:
        return None
    elapsed = time.time() - popped
    return int(elapsed // 60) if 0 <= elapsed <= REFRACTORY_WINDOW_SECONDS else None


def timer_answer(handler_input: HandlerInput, minutes: int) -> Reply:
    """ "You popped it about 7 minutes ago", the refractory range, and the offer of a stretch."""
    text = words(handler_input)
    key = "ago_now" if minutes < 1 else "ago_one" if minutes == 1 else "ago_many"
    since = text.text("pops.timer.since", ago=text.text(f"pops.timer.{key}", minutes=minutes))
    offer = text.text("pops.offers.stretch")
    state = session.turn(handler_input)
    state.pending, state.offer = "stretch", {}
    return question(since, offer, reprompt=offer, title=text.text("cards.pop"))


class ExplainTopic(IntentHandler):
    """ "Why does my back pop?", "Why won't it pop?", "Why can't I crack it anymore?" """

    intents = tuple(TOPIC_INTENTS)

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, explain(handler_input, TOPIC_INTENTS[get_intent_name(handler_input)]))


class CanIPopAgain(IntentHandler):
    """ "Can I pop it again?" """

    intents = ("CanIPopAgainIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, explain(handler_input, "wont"))


class GoDeeper(IntentHandler):
    """ "Yes" or "tell me more" after an offer to go deeper. """

    intents = ("AMAZON.YesIntent", "TellMeMoreIntent")

    def when(self, handler_input: HandlerInput) -> bool:
        return pending(handler_input, "deeper")

    def handle(self, handler_input: HandlerInput) -> Response:
        topic = session.turn(handler_input).pop_topic or "wont"
        if topic == "selfcare":
            from .stretches import selfcare

            return render(handler_input, selfcare(handler_input))
        return render(handler_input, explain(handler_input, topic))


class TellMeMore(IntentHandler):
    """ "Tell me more" with nothing offered: start from what the pop is. """

    intents = ("TellMeMoreIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, explain(handler_input, "what"))


class JustPopped(IntentHandler):
    """ "I just popped my back": note the time (only the time) for the pop timer. """

    intents = ("JustPoppedIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        record = session.user_record(handler_input)
        record.popped_at = time.time()
        session.save_user_record(handler_input, record)
        text = words(handler_input)
        state = session.turn(handler_input)
        state.pending, state.offer = "stretch", {}
        return render(handler_input, question(text.text("pops.timer.noted"), reprompt=text.text("pops.offers.stretch")))


HANDLERS = (GoDeeper(), ExplainTopic(), CanIPopAgain(), JustPopped(), TellMeMore())
