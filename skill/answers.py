"""Answers to questions: the pop, cracking, self-care, professionals; and their follow-ups.

Every topic's answer is data (content/<locale>/topics.toml); which topic a question is about is
decided by its intent (a topic intent, whose samples are the topic's examples) or, for free
words, by skill/topics.py. An answer ends in one offer: the next topic ("yes" or "tell me more"),
a stretch, or the symptom check. "Tell me more" says a topic's `more` first (rarer causes only
when asked), then moves on. The pop timer ("I just popped my back") lets "why won't it pop" and
"can I pop it again" say how long ago it was.
"""
from __future__ import annotations

import time

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_intent_name
from ask_sdk_model import Response

from . import safety, session, stretches, symptoms, topics
from .dispatch import IntentHandler, intents_from, pending, slot_text, words
from .speech import Reply, question, render

REFRACTORY_WINDOW_SECONDS = 90 * 60  # "from a few minutes to more than an hour"
TIMED_TOPICS = ("pop_wont", "pop_again", "pop_last")


def answer(handler_input: HandlerInput, topic: str) -> Reply:
    """A topic's answer and its one offer (soon after a pop, the pop timer instead)."""
    minutes = minutes_since_pop(handler_input) if topic in TIMED_TOPICS else None
    state = session.turn(handler_input)
    if minutes is not None:
        said, locale = " ".join(safety.said_in_request(handler_input)), handler_input.request_envelope.request.locale
        if topic == "pop_again" and just_timed(handler_input) and topics.asks_why(said, locale) and \
                "not" not in topics.router(locale).words(said):
            state.topic = "pop_again"  # why so long, just after the timer's answer ("why does it take that long?"): more on it
            return tell_more(handler_input)  # ("why won't it pop again?" is the timer's answer again)
        return timer_answer(handler_input, minutes)
    text = words(handler_input)
    if topic == state.topic and state.asked == "deeper" and not state.more_said and "more" in text.raw(f"topics.{topic}"):
        return tell_more(handler_input)  # the same asked again just after its answer ("what's actually making the noise?"): more
    state.topic, state.more_said = topic, False
    return _offer(handler_input, topic, text.text(f"topics.{topic}"), "offer")


def in_check(handler_input: HandlerInput, topic: str) -> Reply:
    """Mid-check, a question of another kind ("hang on, why does my back pop?"): its topic's
    answer as an aside (`symptoms.aside`)."""
    return symptoms.aside(handler_input, answer(handler_input, topic))


def _offer(handler_input: HandlerInput, topic: str, said: str, offer_key: str) -> Reply:
    text = words(handler_input)
    data = text.raw(f"topics.{topic}")
    state = session.turn(handler_input)
    if data.get("lead") == "stretch":
        stretch_id = data.get("stretch_id")
        # (the stretch named is offered: "is there a different one?" then offers another)
        state.pending, state.offer = ("guide", {"stretch": stretch_id, "offered": stretch_id}) if stretch_id else ("stretch", {})
    elif data.get("lead") == "check":
        state.pending = "check"
    else:
        state.pending, state.next_topic = "deeper", data.get("next", "selfcare")
    offer = text.text(f"topics.{topic}.{offer_key}" if offer_key in data else f"topics.{topic}.offer")
    title = text.text("cards.pop" if topic.startswith(("pop_", "crack_")) else "cards.selfcare")
    return question(said, offer, reprompt=offer, title=title)


def same_for(handler_input: HandlerInput, area: str) -> Reply:
    """ "And for my neck?" after an answer: it holds there too; the answer's offer again."""
    topic = session.turn(handler_input).topic or "selfcare"
    reply = _offer(handler_input, topic, words(handler_input).text("pops.follow.same_for", area=area), "offer")
    return reply


def tell_more(handler_input: HandlerInput) -> Reply:
    """ "Tell me more": the topic's `more`, once, then the topic it leads to."""
    state = session.turn(handler_input)
    text = words(handler_input)
    topic = state.topic
    if topic and "more" in text.raw(f"topics.{topic}") and not state.more_said:
        reply = _offer(handler_input, topic, text.text(f"topics.{topic}.more"), "more_offer")
        state.more_said = True
        return reply
    following = text.raw(f"topics.{topic}").get("next") if topic else None
    return answer(handler_input, following or state.next_topic or "pop_what")


def vague_follow_up(handler_input: HandlerInput, asked: str) -> Reply | None:
    """ "Why does it do that?" (`asked` "why"): just after a pop noted, or with nothing answered yet,
    what the pop is; after an answer, its `more`. "So how do I do it?" ("how"): the topic the last
    answer names as its `how` (after a cracking answer, how to let it pop); else None (read as other words are)."""
    state = session.turn(handler_input)
    if asked == "why":
        if state.topic and not just_timed(handler_input):
            return tell_more(handler_input)
        return answer(handler_input, "pop_what")
    how = words(handler_input).raw(f"topics.{state.topic}").get("how") if state.topic else None
    return answer(handler_input, how) if how else None


def about_pops(handler_input: HandlerInput) -> bool:
    """The last answer was about popping or cracking (its topic names how to let it pop as its `how`)."""
    topic = session.turn(handler_input).topic
    return bool(topic) and words(handler_input).raw(f"topics.{topic}").get("how") == "pop_how"


def minutes_since_pop(handler_input: HandlerInput) -> int | None:
    """Minutes since the person said they popped it, while still inside the refractory window."""
    popped = session.user_record(handler_input).popped_at
    if popped is None:
        return None
    elapsed = time.time() - popped
    return int(elapsed // 60) if 0 <= elapsed <= REFRACTORY_WINDOW_SECONDS else None


def just_timed(handler_input: HandlerInput) -> bool:
    """The last reply was the pop timer's (a pop noted, or how long since it), with its stretch offered."""
    state = session.turn(handler_input)
    return state.topic is None and state.asked == "stretch" and bool(state.offer.get("timer"))


def timer_answer(handler_input: HandlerInput, minutes: int) -> Reply:
    """ "You popped it about 7 minutes ago", the refractory range, and the offer of a stretch."""
    text = words(handler_input)
    key = "ago_now" if minutes < 1 else "ago_one" if minutes == 1 else "ago_many"
    since = text.text("pops.timer.since", ago=text.text(f"pops.timer.{key}", minutes=minutes))
    offer = text.text("pops.offers.stretch")
    state = session.turn(handler_input)
    state.pending, state.offer = "stretch", {"timer": "yes"}  # ("why so long?" next: what the pop is, in more words)
    return question(since, offer, reprompt=offer, title=text.text("cards.pop"))


class TopicAsked(IntentHandler):
    """A question whose intent names its topic ("why does my back pop", "heat or ice?")."""

    intents = intents_from(topics.intent_topics)

    def handle(self, handler_input: HandlerInput) -> Response:
        topic = topics.intent_topics(handler_input.request_envelope.request.locale)[get_intent_name(handler_input)]
        if symptoms.in_triage(handler_input):
            return render(handler_input, in_check(handler_input, topic))
        return render(handler_input, answer(handler_input, topic))


class GoDeeper(IntentHandler):
    """ "Yes" or "tell me more" after an answer's offer of the next topic."""

    intents = ("AMAZON.YesIntent", "TellMeMoreIntent")

    def when(self, handler_input: HandlerInput) -> bool:
        return pending(handler_input, "deeper")

    def handle(self, handler_input: HandlerInput) -> Response:
        if get_intent_name(handler_input) == "TellMeMoreIntent":
            return render(handler_input, tell_more(handler_input))
        return render(handler_input, answer(handler_input, session.turn(handler_input).next_topic or "pop_wont"))


class TellMeMore(IntentHandler):
    """ "Tell me more", "what else" after any answer (or, with none yet, from what the pop is);
    just after a stretch was offered, another stretch."""

    intents = ("TellMeMoreIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        state = session.turn(handler_input)
        if just_timed(handler_input):
            # just after the pop timer: "why so long?" is why it takes that long, "why's that?" what the pop is, in more words
            told = handler_input.attributes_manager.request_attributes.get("plain_words") or safety.said_in_request(handler_input)
            routed = topics.route(" ".join(told), handler_input.request_envelope.request.locale)  # (read plainly: the words said)
            state.topic = "pop_again" if routed is not None and routed.topic == "pop_again" else "pop_what"
        elif state.topic is None and pending(handler_input, "guide", "stretch"):
            return render(handler_input, stretches.offer_next(handler_input))
        elif state.topic is None and state.routine is None and not symptoms.in_triage(handler_input) and \
                (warned := safety.recent_warning(handler_input)) is not None:
            # "what do you mean?" just after red-flag advice, nothing answered since: the advice again (fresh254)
            return render(handler_input, safety.advice_standing(handler_input.request_envelope.request.locale, warned, repeat=True))
        return render(handler_input, tell_more(handler_input))


class JustPopped(IntentHandler):
    """ "I just popped my back": note the time (only the time) for the pop timer. """

    intents = ("JustPoppedIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, note_pop(handler_input))


def note_pop(handler_input: HandlerInput, *, asked_why: bool = False, asked_wont: bool = False,
             asked_bad: bool = False, asked_what: bool = False) -> Reply:
    """The time of a pop, kept (only the time) for the pop timer; a gentle stretch offered. Told
    with why it happens or what it was asked ("... why's that?", "... what was that"), what the pop
    is, as its answer; with whether it is bad asked ("my neck just clicked, is that bad"), whether
    cracking is harmful; with why it won't pop again asked ("... how come it won't pop again?"),
    the note, which says why."""
    record = session.user_record(handler_input)
    record.popped_at = time.time()
    session.save_user_record(handler_input, record)
    if asked_bad and not asked_wont:
        return answer(handler_input, "crack_harmful")
    if (asked_why or asked_what) and not asked_wont:
        return answer(handler_input, "pop_what")
    text = words(handler_input)
    state = session.turn(handler_input)
    state.pending, state.offer = "stretch", {"timer": "yes"}
    return question(text.text("pops.timer.noted"), reprompt=text.text("pops.offers.stretch"))


class HowLongForIt(IntentHandler):
    """ "How long for?" just after an answer that says how long (`how_long` in topics.toml: heat
    for 15 to 20 minutes), or "how often?" after one that says how often (`how_often`: regular
    walking): that answer again. In a routine, the hold's time (guide.py) comes first."""

    intents = ("HoldTimeIntent", "HowOftenIntent")

    def when(self, handler_input: HandlerInput) -> bool:
        topic = session.turn(handler_input).topic
        if not topic:
            return False
        if get_intent_name(handler_input) == "HowOftenIntent":  # a bare "how often?" after walking: `how_often`
            return not slot_text(handler_input, "query") and bool(words(handler_input).raw(f"topics.{topic}").get("how_often"))
        return bool(words(handler_input).raw(f"topics.{topic}").get("how_long"))

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, answer(handler_input, session.turn(handler_input).topic))


HANDLERS = (GoDeeper(), TopicAsked(), JustPopped(), TellMeMore(), HowLongForIt())
