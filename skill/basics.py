"""Launch, help, stop, fallback, free-form questions, "forget me", and the error apology."""
from __future__ import annotations

import functools
import logging

from ask_sdk_core.dispatch_components import AbstractExceptionHandler, AbstractRequestHandler, AbstractRequestInterceptor
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.response_helper import ResponseFactory
from ask_sdk_core.utils import get_intent_name
from ask_sdk_model import Response

from . import answers, carriers, guide, progress, safety, screen, session, stretches, symptoms, topics, understand
from .dispatch import IntentHandler, RequestHandler, intents_from, pending, slot_text, words
from .speech import Reply, escape, question, render, statement

log = logging.getLogger("skill")


def launch_reply(handler_input: HandlerInput) -> Reply:
    text = words(handler_input)
    session.turn(handler_input).pending = None
    streak = progress.streak_line(handler_input)  # "3-day streak!", when there is a streak
    return question(*filter(None, (streak, text.text("basics.launch"))), reprompt=text.text("basics.launch_reprompt"))


class Launch(RequestHandler):
    """ "Open back pop coach" (a kept routine place is offered first by guide.py). """

    request_types = ("LaunchRequest",)

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, launch_reply(handler_input))


class NavigateHome(IntentHandler):
    intents = ("AMAZON.NavigateHomeIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, launch_reply(handler_input))


class Help(IntentHandler):
    """Help depends on where the person is (triage and routine have their own, earlier)."""

    intents = ("AMAZON.HelpIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        text = words(handler_input)
        state = session.turn(handler_input)
        if state.asked:
            state.ask_again()
            return render(handler_input, question(text.text("basics.help_offer"),
                                                  reprompt=text.text("basics.help_offer")))
        return render(handler_input, help_reply(handler_input))


class StopOrCancel(IntentHandler):
    intents = ("AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.PauseIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        left = symptoms.advice_on_leaving(handler_input)  # ("yes" to the legs question, then "stop": that advice)
        if left is not None:
            return render(handler_input, left)
        session.turn(handler_input).pending = None
        return render(handler_input, statement(words(handler_input).text("basics.goodbye")))


class NoThanks(IntentHandler):
    """ "No" to an offer: ask if there's anything else. """

    intents = ("AMAZON.NoIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        state = session.turn(handler_input)
        text = words(handler_input)
        if not state.asked:
            return render(handler_input, statement(text.text("basics.goodbye")))
        return render(handler_input, question(text.text("basics.anything_else"),
                                              reprompt=text.text("basics.anything_else_reprompt")))


class RepeatLast(IntentHandler):
    """ "Repeat" outside a routine: the last response again, as it was said."""

    intents = ("AMAZON.RepeatIntent",)

    def when(self, handler_input: HandlerInput) -> bool:
        return bool(session.turn(handler_input).last_ssml)

    def handle(self, handler_input: HandlerInput) -> Response:
        state = session.turn(handler_input)
        return _asked_again(handler_input, state.last_ssml, state.last_reprompt)


def _asked_again(handler_input: HandlerInput, ssml: str | None, reprompt: str | None) -> Response:
    """Words already said (kept as SSML) said again, with the question last asked kept open."""
    session.turn(handler_input).ask_again()
    builder = handler_input.response_builder
    builder.speak(ssml)
    if reprompt:
        builder.ask(reprompt)
    builder.set_should_end_session(False)
    return builder.response


class NothingPending(IntentHandler):
    """ "Yes", "next", "repeat" or "I don't know" with nothing asked or said yet; "next" or "carry on"
    while a question is open that they do not answer (after a stretch stopped for pain: "Shall I
    check for warning signs?"): that question's reprompt, which says what to answer, and it stays open.
    "I don't know" or "maybe" to a question (a stretch offered) hears it again as it was asked; with
    nothing asked, what the skill can do, or, while advice to get help now stands, that advice."""

    intents = ("AMAZON.YesIntent", "DontKnowIntent", "AMAZON.NextIntent", "AMAZON.PreviousIntent",
               "AMAZON.RepeatIntent", "AMAZON.StartOverIntent", "AMAZON.ResumeIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        text = words(handler_input)
        state = session.turn(handler_input)
        unsure = get_intent_name(handler_input) == "DontKnowIntent"
        if handler_input.attributes_manager.request_attributes.get("offer_again") and state.last_reprompt:
            # "ok thanks" to "Shall I guide you through it?": "Was that a yes?", and what to answer
            inner = state.last_reprompt.removeprefix("<speak>").removesuffix("</speak>")
            return _asked_again(handler_input, f"<speak>{escape(text.text('basics.offer_again'))} {inner}</speak>", state.last_reprompt)
        if unsure and state.asked and state.last_ssml:  # "um, maybe?" to a stretch offered: the offer again, as said
            return _asked_again(handler_input, state.last_ssml, state.last_reprompt)
        if state.asked and state.last_reprompt:
            return _asked_again(handler_input, state.last_reprompt, state.last_reprompt)
        if unsure:  # "um, I don't know" with nothing asked: what the skill can do
            return render(handler_input, help_reply(handler_input))
        warned = safety.recent_warning(handler_input) if get_intent_name(handler_input) in ("AMAZON.YesIntent", "AMAZON.NextIntent") else None
        if warned is not None and warned.get("level") in safety.PRE_EMPTING:
            # "sure" just after advice to call now (a stretch asked with the sign): the advice stands, never the menu
            return render(handler_input, safety.advice_standing(handler_input.request_envelope.request.locale, warned))
        return render(handler_input, question(text.text("basics.nothing_pending"),
                                              reprompt=text.text("basics.launch_reprompt")))


class ForgetMe(IntentHandler):
    """ "Forget me": delete everything kept for this person. """

    intents = ("ForgetMeIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        forgot = session.forget_user(handler_input)
        state = session.turn(handler_input)
        state.routine, state.pending = None, None
        text = words(handler_input)
        said = text.text("basics.forgot" if forgot else "basics.forget_failed")
        return render(handler_input, question(said, reprompt=text.text("basics.forgot_reprompt")))


# Free words that would leave a stretch or a check for another stretch or routine: mid-routine
# or mid-check they must be clearly that ("after my squats my legs were shaky, then fine" routed
# to a routine at 0.26 would have started one over the person's place). On the topic corpus every
# such request scored at least 0.338, and remarks mid-routine 0.26 and 0.32; below this, the
# routine's commands or the check's question again.
SWITCHES = frozenset({"routine", "guide", "stretch", "another_stretch"})
SWITCH_MIN_SCORE = 0.35
# Mid-check, words that answer nothing and are only somewhat like a topic ("oh, the washroom? no,
# that's all normal" is like "my spine clicks all the time, is that normal" at 0.57) get the
# question again, not a topic's answer that would leave the question unanswered; a question
# plainly asked ("why does my back pop") is answered (a stretch or routine asked for: SWITCHES).
CHECK_TOPIC_MIN_SCORE = 0.6
# ... unless the words ask with a question word ("hang on, before that, why does me back pop when I
# twist in the chair?" is like "why does my back pop when i twist" at 0.56 with "stop" put back):
# a question, answered before the check's question is asked again (basics._aside_in_check)
CHECK_QUESTION_MIN_SCORE = 0.45
# Mid-routine, words to someone else in the room (opening with a name or a family word) only this
# much like a topic are the routine's fallback (its commands), not that topic's answer: such talk
# scores up to about 0.39 ("Dave, put the kettle on, would you, love" is like "should I put a heat
# pack on my back"), questions about the back asked for someone there about 0.45 and up ("my
# husband wants to know if cracking your back every day is bad")
ROUTINE_TOPIC_MIN_SCORE = 0.42
SAID_TO_SOMEONE = "SomeoneElseIntent"  # the carrier of words that open with a name or a family word ("Mummy, ...")


def _unplaced(handler_input: HandlerInput, routed: topics.Routed | None, said: str) -> bool:
    """Words that get the fallback (the routine's commands, the check's question again) rather than
    a topic's answer: like no topic; a stretch or routine only weakly asked for mid-routine, or any
    topic they are only somewhat like (talk to someone else in the room: "beta, go and do your homework");
    mid-check, any topic they are only somewhat like (a stretch too: "my chest is fine, eh" is like
    "a stretch for my chest" at 0.41; one asked for in so many words is told to wait for the check)."""
    if routed is None:
        return True
    if symptoms.in_triage(handler_input):
        locale = handler_input.request_envelope.request.locale
        if _check_left_for(routed, said, locale) or (routed.topic in SWITCHES and safety.asks_for_stretch(said.lower(), locale)):
            return routed.score < SWITCH_MIN_SCORE  # (the check left for it, or a stretch asked for in so many words: it waits)
        asks = carriers.asks_question(locale, said)
        return routed.score < (CHECK_QUESTION_MIN_SCORE if asks and routed.topic not in SWITCHES else CHECK_TOPIC_MIN_SCORE)
    if routed.topic in SWITCHES:
        return routed.score < SWITCH_MIN_SCORE and busy(handler_input)
    # mid-routine, "Mummy, can I have a biscuit?" (0.39, like "what else can I do") is not for the skill
    return session.turn(handler_input).routine is not None and routed.score < ROUTINE_TOPIC_MIN_SCORE and \
        get_intent_name(handler_input) == SAID_TO_SOMEONE


def _check_left_for(routed: topics.Routed, said: str, locale: str | None) -> bool:
    """Mid-check, the check left for a stretch or a routine ("never mind, just do the routine")."""
    return routed.topic in SWITCHES and carriers.not_a_reply(locale, said)


def busy(handler_input: HandlerInput) -> bool:
    """In the middle of a guided stretch or a symptom check."""
    return session.turn(handler_input).routine is not None or symptoms.in_triage(handler_input)


CHECK_ACTIONS = frozenset({"symptom_check", "stiffness", "capabilities", "pop_noted", *topics.ABOUT_SKILL})  # topics with a reply of their own mid-check
NAMING_TOPICS = ("routine", "guide", "stretch")  # the topics whose reply depends on what the words name
POP_FOLD = "pop"  # topic_words.toml's fold for a pop, crack or click said
POP_NOW_FOLD = "popnow"  # topic_words.toml's fold for a pop told just now ("I just cracked my back")
WORRY_FOLD = "check"  # topic_words.toml's fold for "serious", "worried", "looked at", ...
STRETCH_ASKED = "stretchask"  # topic_words.toml's fold for a stretch asked for itself ("give me a stretch", "a stretch for")
# topics whose answer gives way to a stretch the words name ("ok then can I do child's pose?" routes to self-care)
NAMED_OVER = frozenset({"stiffness", "selfcare", "movement", "capabilities", "posture"})


def answer_free_text(handler_input: HandlerInput, said: str) -> Response:
    """Words that matched no specific sample, after the red-flag screen (safety.py) found no red
    flag in them: a sign to book soon, a "what if", or a question answered by its topic."""
    finding: screen.Finding | None = handler_input.attributes_manager.request_attributes.get("finding")
    if finding is not None and finding.status == screen.HYPOTHETICAL:
        if symptoms.in_triage(handler_input):
            return render(handler_input, symptoms.what_if(handler_input, finding))
        return render(handler_input, safety.advice(handler_input, finding))
    if finding is not None and finding.level == screen.SOON:
        return render(handler_input, symptoms.soon_advice(handler_input, finding))
    locale = handler_input.request_envelope.request.locale
    whole, said = said, topics.asked_instead(said, locale) or said  # "would a hot bath help, no actually, is swimming good": the last asked
    state = session.turn(handler_input)
    stretching = pending(handler_input, "guide", "stretch") or state.routine is not None  # a stretch offered or under way
    area = topics.follow_up_area(said, locale) if state.topic or stretching else None
    if area is None and (state.topic or stretching) and get_intent_name(handler_input) == SAID_TO_SOMEONE:
        # "this is for my upper back really": an area alone after the opener corrects the area; no one else's
        area = topics.follow_up_area(slot_text(handler_input, "query"), locale)
    if area is not None and (state.topic or answers.just_timed(handler_input)):  # "and for my neck?" just after an answer
        state.topic = state.topic or "pop_again"  # (just after the pop timer: what it answered)
        return render(handler_input, answers.same_for(handler_input, area))
    # (mid-routine too, just after a question answered there: "will cracking give me arthritis?", "why's that?")
    vague = topics.asks_vaguely(said, locale) if not busy(handler_input) or state.asked == "deeper" else None
    reply = answers.vague_follow_up(handler_input, vague) if vague is not None else None
    if reply is not None:  # "why does it do that?", "so how do I do it?": about what was just said
        return render(handler_input, reply)
    if state.offer.get("after_check") and topics.asks_same_again(said, locale) and safety.for_someone_else(handler_input):
        return render(handler_input, symptoms.start(handler_input))  # "can you do the same for my wife?" after the check
    if state.topic and topics.asks_which(said, locale):  # "okay, but which one would you go with?" after an answer
        chosen = words(handler_input).raw(f"topics.{state.topic}").get("choice", state.topic)
        return render(handler_input, answers.answer(handler_input, chosen))
    if area is not None:  # "and for my upper back?" just after a stretch was offered, or during one: another, for there
        return render(handler_input, stretches.offer_for(handler_input, area=understand.named(area, locale).area,
                                                         exclude=[state.offer.get("stretch", "")]))
    if not state.topic and not stretching and not symptoms.in_triage(handler_input) and not topics.said_outright(said, locale):
        bare = topics.follow_up_area(said, locale)  # "neck", "lower back": an area alone asks for a stretch for there
        if bare is not None:
            return render(handler_input, stretches.offer_for(handler_input, area=understand.named(bare, locale).area))
    folded = functools.cache(lambda: topics.router(locale).words(said))  # (the folded words, read once and only where needed)
    routed = topics.route(said, locale)
    if routed is not None and routed.topic == "other_joint" and topics.names_back(said, locale):
        routed = routed._replace(topic="pop_what")  # "my back pops when I lift my arm": the back's pop, not the arm's
    elif routed is not None and routed.topic == "other_joint" and understand.named(said, locale).stretch:
        routed = routed._replace(topic="guide")  # "no, I mean the knee hugging one": the stretch it names, no knee's click
    elif routed is not None and routed.topic == "other_joint" and POP_FOLD not in folded():
        routed = topics.route_without(said, locale, "other_joint")  # "something I can do in my seat, my knees are jammed"
    if routed is None and not busy(handler_input) and POP_NOW_FOLD in folded() and \
            not safety.for_someone_else(handler_input):
        # "my back just popped all of a sudden when I stood up off the dock": like no example as a whole (its other
        # words weigh it down), but a pop told just now (fresh238)
        routed = topics.Routed("pop_noted", "", topics.MIN_SCORE)
    if routed is not None and routed.topic == "pop_noted" and not (answers.just_timed(handler_input) or answers.about_pops(
            handler_input)) and not {POP_FOLD, POP_NOW_FOLD} & set(folded()):
        # "one wasp stung me just now" (fresh238): no pop named, and none talked about ("just did it again now" after one is)
        routed = None
    handler_input.attributes_manager.request_attributes["routed"] = routed
    if _unplaced(handler_input, routed, said):
        named = understand.named(said, locale).stretch if not busy(handler_input) else None
        if named and named != stretches.NOT_OFFERED:  # "that sitting twisty one you got": the stretch it names, offered
            return render(handler_input, stretches.offer_for(handler_input, name=named))
        return render(handler_input, fallback_reply(handler_input))
    if symptoms.in_triage(handler_input) and routed.topic not in CHECK_ACTIONS and not _check_left_for(routed, whole, locale):
        return render(handler_input, _aside_in_check(handler_input, routed.topic))
    # "before I stretch, check my symptoms": the check first; "can you do the symptom checker for her?" (routed to what
    # the skill can do): the check asked for in so many words, whatever the words are most like
    if routed.topic != "symptom_check" and not symptoms.in_triage(handler_input) and topics.asks_check(said, locale):
        return render(handler_input, symptoms.start(handler_input))
    if routed.topic in NAMING_TOPICS:  # a stretch or routine to choose: what the words name decides which
        names = understand.named(said, locale)
        if routed.topic == "routine":
            return guide.start_routine(handler_input, names.minutes, area=names.area, position=names.position)
        if routed.topic == "guide" and state.routine is not None and not (names.stretch or names.area or names.position):
            return guide.speak_step(handler_input, guide.running(handler_input))  # mid-routine "walk me through it": this step again
        if routed.topic == "guide" and names.stretch != stretches.NOT_OFFERED and (
                names.stretch or not names.position or topics.asks_to_be_led(said, locale)):
            # asked to be led through one: straight into the one that fits (but "what can I do lying on the
            # floor", a position and no stretch named nor asked to be led, gets one offered, as by position)
            stretch_id, _ = stretches.choose(words(handler_input), name=names.stretch, area=names.area,
                                             position=names.position)
            return guide.start(handler_input, [stretch_id])
        if routed.topic == "stretch" and names.stretch is None and stretches.offered(handler_input) and \
                understand.asks_another(said, locale):  # "give some other stretch" after one stopped for pain: not that one
            return render(handler_input, stretches.offer_next(handler_input))
        return render(handler_input, stretches.offer_for(handler_input, name=names.stretch, area=names.area,
                                                         position=names.position))
    names = understand.named(said, locale) if routed.topic in NAMED_OVER else None
    if names is not None and names.stretch:  # "back's stiff, can we do child's pose": the stretch named is offered (one yes away)
        return render(handler_input, stretches.offer_for(handler_input, name=names.stretch))
    if names is not None and names.position and topics.asks_what_to_do(said, locale):
        # "what can I do standing by the car for my stiff back?": a stretch done that way (for the area
        # named if one is done that way; else the way asked for decides)
        _, both = stretches.choose(words(handler_input), area=names.area, position=names.position)
        return render(handler_input, stretches.offer_for(handler_input, area=names.area if both else None,
                                                         position=names.position))
    rest = topics.asked_last_to_do(said, locale) if names is None else None
    position = understand.named(rest, locale).position if rest else None
    if position:  # a story, then "what can I do standing up?": a stretch done that way, whatever the story was like
        return render(handler_input, stretches.offer_for(handler_input, position=position))
    if routed.topic == "stiffness" and WORRY_FOLD in folded():
        # "my back's been stiff for a couple of days, is this something serious?": the question asked is the check's
        return render(handler_input, symptoms.start(handler_input))
    if routed.topic == "pop_what" and POP_NOW_FOLD in folded() and \
            not safety.for_someone_else(handler_input) and not topics.asks_about_pop(said, locale):
        routed = routed._replace(topic="pop_noted")  # "my back just popped when I rolled over in bed": told, noted
    elif routed.topic == "pop_how" and POP_NOW_FOLD in folded() and not carriers.asks_question(locale, said) and \
            not topics.asks_something(said, locale) and not safety.for_someone_else(handler_input):
        routed = routed._replace(topic="pop_noted")  # "I just cracked me back, it was stuck, no pain down me legs" (fresh254): told, noted
    elif routed.topic == "pop_again" and POP_NOW_FOLD in folded() and "not" not in folded() and not carriers.asks_question(locale, said) and \
            not topics.asks_something(said, locale) and \
            not safety.for_someone_else(handler_input):
        routed = routed._replace(topic="pop_noted")  # "it cracked this morning, and I just popped it again now": told, noted
    elif routed.topic == "pop_what" and topics.asks_bad(said, locale):
        routed = routed._replace(topic="crack_harmful")  # "my back popped super loud when I sneezed, is that bad"
    elif routed.topic == "crack_daily" and (get_intent_name(handler_input) == "WhyIntent" or topics.asks_why(said, locale)) \
            and not topics.asks_bad(said, locale) and not topics.cracked_by_them(said, locale):
        # "why does my back pop every morning", "every morning my back is making sound when I get up, why": why it pops
        routed = routed._replace(topic="pop_what")
    wont = routed.topic in ("pop_what", "pop_noted", "pop_wont", "stiffness") and topics.asks_wont(said, locale)
    actions = {"symptom_check": symptoms.start, "stiffness": symptoms.ordinary_ache, "capabilities": help_reply,
               **{topic: (lambda h, topic=topic: about_reply(h, topic)) for topic in topics.ABOUT_SKILL},
               "another_stretch": stretches.offer_next,  # a pop told, noted ("... why's that?": and what the pop is)
               "pop_noted": lambda h: answers.note_pop(h, asked_why=topics.asks_why(said, locale), asked_wont=wont,
                                                       asked_bad=topics.asks_bad(said, locale),
                                                       asked_what=topics.asks_what_it_was(said, locale))}
    if wont:
        # "I cracked my back in the car earlier, is that why it won't go now", "me back's stiff as a board, and why
        # won't it crack": why it won't pop, the question asked (a pop told just now is noted, and the note says why)
        told_now = routed.topic == "pop_noted" or POP_NOW_FOLD in folded()
        routed = routed._replace(topic="pop_noted" if told_now else "pop_wont")
    if pending(handler_input, "guide") and state.offer.get("stretch") and understand.asks_other_than_offered(said, locale):
        # to a stretch offered: "I can't get up on my knees, got anything else?"; "something else, there's no space
        # to twist here" (the carrier "something" not handed over)
        routed = routed._replace(topic="another_stretch")
    if routed.topic == "another_stretch" and (position := understand.named(said, locale).position):
        # "is there something he can do sitting?": another stretch, done that way
        handler_input.attributes_manager.request_attributes["position"] = position
    if routed.topic in actions:
        return render(handler_input, actions[routed.topic](handler_input))
    reply = answers.answer(handler_input, routed.topic)
    if state.routine is None and "stretch" in said.lower() and STRETCH_ASKED in folded():  # (words read only where "stretch" is)
        # "why is my back not popping anymore, and give me one stretch also": the answer, then the stretch asked for
        names = understand.named(said, locale)
        offer = stretches.offer_for(handler_input, name=names.stretch, area=names.area, position=names.position)
        offer.parts[:0] = reply.parts[:1]
        return render(handler_input, offer)
    area = understand.area(said, locale)  # (only the area: an answer needs nothing else the words name)
    if area:  # "what can I do for tight hips?": a stretch offered after the answer suits the hips
        session.turn(handler_input).offer["area"] = area
    return render(handler_input, reply)


def _aside_in_check(handler_input: HandlerInput, topic: str) -> Reply:
    """Mid-check, words about something else: a stretch or routine asked for waits for the
    questions (unless the check is left for it: `_check_left_for`); a question ("hang on, why does
    my back pop?") is answered, and the check's question is asked again (the check is never
    dropped for an aside)."""
    if topic in SWITCHES:
        return symptoms.finish_first(handler_input)
    return answers.in_check(handler_input, topic)


def help_reply(handler_input: HandlerInput) -> Reply:
    """What the skill does: the three things, and how to ask for them; mid-routine ("what can I
    say while I'm doing these?"), what can be said in a routine."""
    if session.turn(handler_input).routine is not None:
        return guide.commands(handler_input)
    text = words(handler_input)
    if symptoms.in_triage(handler_input):  # ("what can I say here?" mid-check): how to answer, and the question again
        return symptoms.ask_again(handler_input, text.text("basics.help_triage"))
    return question(text.text("basics.help"), reprompt=text.text("basics.help_reprompt"))


def about_reply(handler_input: HandlerInput, topic: str) -> Reply:
    """A question about the skill itself ("do you remember me?", "is this medical advice?"): its
    answer (basics.toml `about_<topic>`); mid-check, then the question again; mid-routine, then how to
    go on; otherwise, then what the skill does."""
    text = words(handler_input)
    said = text.text(f"basics.about_{topic}")
    if symptoms.in_triage(handler_input):
        return symptoms.ask_again(handler_input, said)
    if session.turn(handler_input).routine is not None:
        return question(said, text.text("guide.help_reprompt"), reprompt=text.text("guide.help_reprompt"))
    return question(said, text.text("basics.about_then"), reprompt=text.text("basics.help_reprompt"))


def fallback_reply(handler_input: HandlerInput) -> Reply:
    """Not understood: mid-routine, the routine's commands; mid-check, the question again;
    otherwise the three things the skill does."""
    text = words(handler_input)
    state = session.turn(handler_input)
    if state.routine is not None:
        return question(text.text("basics.not_caught"), text.text("guide.help"),
                        reprompt=text.text("guide.help_reprompt"))
    if symptoms.in_triage(handler_input):
        return symptoms.ask_again(handler_input, text.text("basics.not_caught"))
    handler_input.attributes_manager.request_attributes["not_caught"] = True  # (just after advice: the advice again)
    return question(text.text("basics.fallback"), reprompt=text.text("basics.fallback_reprompt"))


class FreeQuestion(IntentHandler):
    """A free-form question ("why {query}", "my {query}"): screened for red flags, then routed."""

    intents = intents_from(carriers.intents)

    def handle(self, handler_input: HandlerInput) -> Response:
        locale = handler_input.request_envelope.request.locale
        said = carriers.said(locale, get_intent_name(handler_input), slot_text(handler_input, "query"))
        return answer_free_text(handler_input, said)


class SaidPlainly(AbstractRequestInterceptor):
    """After the red-flag screen: a free-text intent whose words after the opener are only filler
    ("yeah" + "go on", "pause" + "it there", "ta, that's all") is read as the plain intent it
    stands for (carriers.plainly), so every handler of that intent answers it. Words with a
    warning sign are never read plainly."""

    def process(self, handler_input: HandlerInput) -> None:
        request = handler_input.request_envelope.request
        if getattr(request, "object_type", None) != "IntentRequest" or request.intent is None or \
                handler_input.attributes_manager.request_attributes.get("finding") is not None:
            return
        plain = carriers.plainly(request.locale, request.intent.name, slot_text(handler_input, "query"))
        if plain is None and request.intent.name in carriers.intents():  # ("... say that again, my hearing aid's playing up")
            plain = carriers.asked_again(request.locale, " ".join(safety.said_in_request(handler_input)))
            if plain is not None and plain.means == "TellMeMoreIntent" and not symptoms.in_triage(handler_input):
                plain = carriers.Plain("AMAZON.RepeatIntent")  # (plainer words are the check's; else the answer again)
            elif plain is not None and plain.means == "AMAZON.RepeatIntent" and symptoms.in_triage(handler_input) and \
                    carriers.table(request.locale)[request.intent.name].answers == "unsure":
                plain = carriers.Plain("TellMeMoreIntent")  # mid-check, "come again, what does that mean?": plainer words
        if plain is None or (session.turn(handler_input).routine is not None and guide.command_in_words(handler_input)):
            return  # mid-routine, a command in the words ("nah, skip this one, I'm done with it") is the routine's
        if symptoms.names_part(handler_input, " ".join(safety.said_in_request(handler_input))) is not None:
            return  # mid-check, "all the time" (handed over as "the time") to the last question: an answer, not the clock
        if plain.after_advice and safety.recent_warning(handler_input) is None and \
                not (plain.after_answer and _just_answered(handler_input)):
            if _offer_open(handler_input):  # "ok thanks" to "Shall I guide you through it?": a yes or a goodbye?
                handler_input.attributes_manager.request_attributes["offer_again"] = True
                request.intent.name, request.intent.slots = "DontKnowIntent", {}  # (NothingPending: what to say to it)
            return  # "right, thanks" is a goodbye only just after red-flag advice (or a topic's answer), never guessed otherwise
        if plain.means == "AMAZON.PauseIntent" and symptoms.in_triage(handler_input) and \
                carriers.not_a_reply(request.locale, " ".join(safety.said_in_request(handler_input))):
            return  # mid-check, "hang on, forget that, give us a stretch": no wait, the check left for what is asked
            # (but "actually forget it, stop" is a goodbye)
        if plain.means in ("AMAZON.StopIntent", "AMAZON.PauseIntent") and safety.pushes_back(handler_input):
            return  # "stop going on about 999" after advice: pushing back, answered with the advice again
        means = plain.means
        if means == "AMAZON.NoIntent" and request.intent.name == "DontIntent" and symptoms.in_triage(handler_input):
            means = "TellMeMoreIntent"  # mid-check, "I don't want the questions" is no answer: the question in plainer words
        if means == "AMAZON.YesIntent" and symptoms.in_triage(handler_input) and \
                carriers.not_a_reply(request.locale, " ".join(safety.said_in_request(handler_input))):
            return  # mid-check, "ok, go on" asks for the check to go on: no answer to its question, asked again
        if means in ("AMAZON.StopIntent", "AMAZON.PauseIntent") and request.intent.name in ("NoSaidIntent", "StopSaidIntent"):
            if symptoms.in_triage(handler_input):
                if request.intent.name == "NoSaidIntent" and means == "AMAZON.StopIntent" and \
                        not carriers.not_a_no(request.locale, slot_text(handler_input, "query")):
                    means = "AMAZON.NoIntent"  # mid-check, "no, that's it" answers the question: no ("no worries, see ya" is a goodbye)
                elif request.intent.name == "StopSaidIntent":  # "hang on... no, nothing like that": the words after
                    query = slot_text(handler_input, "query") or ""
                    reply = None if carriers.not_a_reply(request.locale, query) else carriers.answer_in(request.locale, query)
                    means = {"yes": "AMAZON.YesIntent", "no": "AMAZON.NoIntent"}.get(reply or "", means)
            elif request.intent.name == "StopSaidIntent" and carriers.ends_yes(request.locale, slot_text(handler_input, "query")):
                means = "AMAZON.YesIntent"  # "hang on, dog's at the door... yep, go on": the wait over, a yes
        attrs = handler_input.attributes_manager.request_attributes
        if plain.position:  # "I can't get down on the floor": the stretch chosen next is one done sitting
            attrs["position"] = plain.position
        # (a stretch asked for after advice, and for whom: safety.NoStretchAfterWarning)
        attrs["plain_words"], attrs["plain_intent"] = safety.said_in_request(handler_input), request.intent.name
        request.intent.name, request.intent.slots = means, {}


OFFERS = ("stretch", "guide", "check", "resume")  # the questions a yes or a no answers (session.Turn.pending)


def _offer_open(handler_input: HandlerInput) -> bool:
    """A stretch, the check or a kept place was just offered, outside a routine and the check."""
    state = session.turn(handler_input)
    return state.asked in OFFERS and bool(state.last_reprompt) and state.routine is None and \
        not symptoms.in_triage(handler_input)


def _just_answered(handler_input: HandlerInput) -> bool:
    """The last reply answered a topic and offered more on it, and no stretch or check is under way
    (at a stretch offered, "okay thank you" may be a yes: never guessed a goodbye)."""
    state = session.turn(handler_input)
    return state.topic is not None and pending(handler_input, "deeper") and state.routine is None and \
        not symptoms.in_triage(handler_input)


class Fallback(IntentHandler):
    """Anything else: steer back to the three things the skill does."""

    intents = ("AMAZON.FallbackIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, fallback_reply(handler_input))


class OutOfReach(IntentHandler):
    """Something the skill cannot do ("can you call my daughter", "order me some Tylenol", "play some
    music"; free_text.toml's `plainly` reads it so): it says so, then what it can do."""

    intents = ("OutOfReachIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        reply = help_reply(handler_input)
        reply.parts.insert(0, words(handler_input).text("basics.out_of_reach"))
        return render(handler_input, reply)


class CallForHelp(IntentHandler):
    """ "Can you call an ambulance for me": the skill cannot call; the emergency number, never "sorry,
    I didn't catch that" (after red-flag advice, safety.NoStretchAfterWarning says that advice again)."""

    intents = ("CallForHelpIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, statement(words(handler_input).text("safety.cannot_call")))


class UnhandledIntent(RequestHandler):
    """An intent no handler claims (a model newer than the code): steer back, don't crash."""

    request_types = ("IntentRequest",)

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, fallback_reply(handler_input))


class SessionEnded(RequestHandler):
    request_types = ("SessionEndedRequest",)

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.response


class SkillDisabled(RequestHandler):
    """The person disabled the skill: delete their record."""

    request_types = ("AlexaSkillEvent.SkillDisabled",)

    def handle(self, handler_input: HandlerInput) -> Response:
        session.forget_user(handler_input)
        return handler_input.response_builder.response


class AnyOtherRequest(AbstractRequestHandler):
    """Request types the skill does not use (other skill events, APL events): a valid empty answer."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.response


class Apology(AbstractExceptionHandler):
    """Any error inside: a short spoken apology, the red-flag warning first; never a stack trace."""

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        log.error('{"event": "handler_error", "error": "%s"}', type(exception).__name__, exc_info=exception)
        handler_input.response_builder = ResponseFactory()
        text = words(handler_input)
        reply = question(text.text("basics.error"), reprompt=text.text("basics.launch_reprompt"))
        reply.parts.insert(0, text.text("safety.warning"))
        return render(handler_input, reply)


HANDLERS = (Launch(), NavigateHome(), Help(), OutOfReach(), CallForHelp(), StopOrCancel(), NoThanks(), RepeatLast(), NothingPending(), ForgetMe(),
            FreeQuestion(), Fallback(), UnhandledIntent(), SessionEnded(), SkillDisabled())
LAST_HANDLERS = (AnyOtherRequest(),)
REQUEST_INTERCEPTORS = (SaidPlainly(),)  # after safety's
EXCEPTION_HANDLERS = (Apology(),)
