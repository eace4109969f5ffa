"""Hands-free guided stretching: one step a turn, timed holds, navigation, resume later.

State-gated: while a routine runs (in the session), these handlers come before all others
but the red-flag rule. The place is kept in the person's record at every step, so a pause
or a session that closes mid-routine (basics.SessionEnded needs to do nothing) can be
resumed at the next launch (within a day). What a step says, and how, is in routine.py.
"""
from __future__ import annotations


from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_intent_name
from ask_sdk_model import Response

from . import carriers, safety, topics, understand
from . import routine as steps
from . import session, stretches
from .dispatch import IntentHandler, RequestHandler, intents_from, pending, slot_id, slot_text, words
from .routine import finish, keep_place, running, speak_step, start, stretch_name
from .session import Routine
from .speech import Reply, question, render, statement
from .stretches import choose



def answer_then_next(handler_input: HandlerInput, said: str) -> Response:
    """An answer mid-routine (how long, which step), then "say next when you're ready"."""
    text = words(handler_input)
    return render(handler_input, question(said, text.text("guide.say_next"), reprompt=text.text("guide.next_reprompt")))


def stop_for_pain(handler_input: HandlerInput) -> Response:
    """Stop the stretch at once (and any check), drop the place, offer a check or an easier one."""
    text = words(handler_input)
    state = session.turn(handler_input)
    if state.routine:  # "easier" makes this one gentler; "another one" offers any but this one
        hurt = state.routine.stretch_ids[state.routine.index]
        state.offer = {"stretch": hurt, "offered": hurt, "hurt": hurt}  # ("hurt": the one stopped for pain)
    state.routine, state.triage_step, state.pending, state.paused = None, None, "check", False
    if session.user_record(handler_input).place:
        keep_place(handler_input, None)
    return render(handler_input, question(*soon_note(handler_input), text.text("guide.hurt"),
                                          reprompt=text.text("guide.hurt_reprompt")))


def soon_note(handler_input: HandlerInput) -> list[str]:
    """A sign to book a doctor soon, said mid-routine or mid-check: noted in a line, before the rest."""
    from . import screen

    finding = handler_input.attributes_manager.request_attributes.get("finding")
    if finding is None or finding.level != screen.SOON or finding.status == screen.HYPOTHETICAL:
        return []
    text = words(handler_input)
    return [text.text("symptoms.noted_soon", symptom=text.text(f"safety.names.{finding.symptom}"))]


class InRoutine(IntentHandler):
    """Base for handlers that act only while a routine runs."""

    def when(self, handler_input: HandlerInput) -> bool:
        return running(handler_input) is not None


class Next(InRoutine):
    """ "Next" (or "yes", "resume"): the next step, or the end of the routine."""

    intents = ("AMAZON.NextIntent", "AMAZON.YesIntent", "AMAZON.ResumeIntent")

    def when(self, handler_input: HandlerInput) -> bool:
        # a "yes" to another stretch offered mid-routine ("can I switch to ones I can do sitting": "Try seated
        # spinal twist ... Shall I guide you through it?") starts that one (OfferAccepted), not this one's next step,
        # also where the routine would come to it later
        return super().when(handler_input) and not (
            get_intent_name(handler_input) == "AMAZON.YesIntent" and pending(handler_input, "guide")
            and session.turn(handler_input).offer.get("stretch") not in (None, running(handler_input).stretch_id))

    def handle(self, handler_input: HandlerInput) -> Response:
        routine = running(handler_input)
        if session.turn(handler_input).paused or get_intent_name(handler_input) == "AMAZON.ResumeIntent":
            return speak_step(handler_input, routine)
        if steps.advance(words(handler_input), routine):
            return speak_step(handler_input, routine)
        return finish(handler_input, routine)


class Previous(InRoutine):
    intents = ("AMAZON.PreviousIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        routine = running(handler_input)
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
        return start(handler_input, running(handler_input).stretch_ids)


class Skip(InRoutine):
    """ "Skip this stretch": on to the next one, or the end; a single stretch skipped ("not a fan
    of this one", "another one") is not done: another one is offered instead. Skipped because it
    hurts ("skip this one, it hurts"): the stop for pain, as "it hurts" alone gets."""

    intents = ("SkipStretchIntent", "AnotherStretchIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        locale = handler_input.request_envelope.request.locale
        if understand.says_it_hurts(slot_text(handler_input, "query") or "", locale, outright=True):
            return stop_for_pain(handler_input)
        instead = understand.routine_question(topics.said_instead(slot_text(handler_input, "query"), locale), locale)
        if instead is not None and instead not in self.intents:  # "skip this one, actually no, scratch that, I'll keep going, next"
            return next(command for command in HANDLERS if instead in command.intents).handle(handler_input)
        routine = running(handler_input)
        if steps.skip_stretch(routine):
            return speak_step(handler_input, routine, words(handler_input).text("guide.skipped"))
        if len(routine.stretch_ids) > 1:
            return finish(handler_input, routine)
        state = session.turn(handler_input)
        keep_place(handler_input, None)
        reply = stretches.offer_next(handler_input)  # excludes the stretch under way
        state.routine = None
        return render(handler_input, reply)


class WhyThisStretch(InRoutine):
    """ "Why's that?", "tell me more" mid-routine: what the stretch under way does for a back; but
    just after a question was answered mid-routine ("is it ok to crack it every day?"), more on
    that answer (TellMeMore)."""

    intents = ("TellMeMoreIntent",)

    def when(self, handler_input: HandlerInput) -> bool:
        return running(handler_input) is not None and session.turn(handler_input).topic is None

    def handle(self, handler_input: HandlerInput) -> Response:
        routine = running(handler_input)
        return answer_then_next(handler_input, words(handler_input).stretches[routine.stretch_ids[routine.index]]["helps"])


class Easier(InRoutine):
    """ "Make it easier": the easier version of this stretch, stop-if line first."""

    intents = ("EasierIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        routine = running(handler_input)
        steps.make_easier(routine)
        return speak_step(handler_input, routine)


class HoldTime(InRoutine):
    intents = ("HoldTimeIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """How long to hold the step under way (or how many times), then "say next"."""
        text = words(handler_input)
        routine = running(handler_input)
        hold = steps.hold_seconds(text, routine)
        reps = text.stretches[routine.stretch_ids[routine.index]]["reps"]
        said = text.text("guide.hold_time", seconds=hold) if hold else text.text("guide.hold_none", reps=reps)
        return answer_then_next(handler_input, said)


class WhichStep(InRoutine):
    intents = ("WhichStepIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        """Where the person is: the step of the stretch (and the stretch of the routine)."""
        text = words(handler_input)
        routine = running(handler_input)
        _, data, stretch_steps = steps.current(text, routine)
        key = "guide.which_step_many" if len(routine.stretch_ids) > 1 else "guide.which_step"
        return answer_then_next(handler_input, text.text(
            key, step=routine.step + 1, steps=len(stretch_steps), name=data["name"],
            number=routine.index + 1, count=len(routine.stretch_ids)))


def commands(handler_input: HandlerInput) -> Reply:
    """What can be said in a routine (its help)."""
    text = words(handler_input)
    return question(text.text("guide.help"), reprompt=text.text("guide.help_reprompt"))


class Help(InRoutine):
    """Help mid-routine explains the commands."""

    intents = ("AMAZON.HelpIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, commands(handler_input))


class Pause(InRoutine):
    """Pause keeps the place (in the person's record) and closes the session; it says so only when kept."""

    intents = ("AMAZON.PauseIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        session.turn(handler_input).paused = True
        routine = running(handler_input)
        kept = keep_place(handler_input, routine, now=True)
        said = words(handler_input).text("guide.paused" if kept else "guide.paused_not_kept",
                                         stretch=stretch_name(handler_input, routine))
        return render(handler_input, statement(said))


class StopKeepingPlace(InRoutine):
    """Stop or cancel mid-routine: goodbye, with the place kept (and said only when kept)."""

    intents = ("AMAZON.StopIntent", "AMAZON.CancelIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        routine = running(handler_input)
        session.turn(handler_input).pending = None
        kept = keep_place(handler_input, routine, now=True)
        said = words(handler_input).text("basics.goodbye_kept" if kept else "basics.goodbye_not_kept",
                                         stretch=stretch_name(handler_input, routine))
        return render(handler_input, statement(said))


class ItHurts(IntentHandler):
    """ "It hurts", "that's sharp pain": stop at once, never carry on by itself; offer a check.

    Mid-routine, pain said in other words ("my back is sore now") counts too.
    """

    intents = intents_from(lambda: ("ItHurtsIntent", "PainIntent", "ReportSymptomIntent", *carriers.intents()))

    def when(self, handler_input: HandlerInput) -> bool:
        name = get_intent_name(handler_input)
        if name == "ItHurtsIntent" or (name == "PainIntent" and running(handler_input) is not None):
            return True
        locale = handler_input.request_envelope.request.locale
        said = free_words(handler_input)
        if running(handler_input) is None or not understand.says_it_hurts(said, locale):
            return False
        # "can I skip this one, my knee doesn't like it": a skip asked with a reason, not pain said outright (Skip);
        # "this one is too hard for me, something easier please": easier asked (Easier)
        return understand.says_it_hurts(said, locale, outright=True) or \
            understand.routine_question(said, locale) not in ("SkipStretchIntent", "AnotherStretchIntent", "EasierIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        return stop_for_pain(handler_input)


class RoutineCorrected(InRoutine):
    """Mid-routine, the area or position corrected ("actually no, make it for my lower back"): a
    routine as long, for the one meant; a single stretch under way, the stretch for it offered.
    Never where it hurts ("actually my lower back hurts" stops, ItHurts) or a sign is told."""

    intents = intents_from(lambda: carriers.intents())

    def when(self, handler_input: HandlerInput) -> bool:
        if not super().when(handler_input) or handler_input.attributes_manager.request_attributes.get("finding"):
            return False
        said, locale = free_words(handler_input), handler_input.request_envelope.request.locale
        return stretches.corrected(said, locale, offered=True) is not None and not understand.says_it_hurts(said, locale)

    def handle(self, handler_input: HandlerInput) -> Response:
        routine = running(handler_input)
        said, locale = free_words(handler_input), handler_input.request_envelope.request.locale
        area, position = stretches.corrected(said, locale) or (None, None)
        if area is None and position is None:  # "can we do my neck instead": a stretch for there offered, the routine kept
            area, position = stretches.corrected(said, locale, offered=True) or (None, None)
            return render(handler_input, stretches.offer_for(handler_input, area=area, position=position,
                                                             exclude=[routine.stretch_id]))
        if len(set(routine.stretch_ids)) < 2:
            return render(handler_input, stretches.offer_for(handler_input, area=area, position=position,
                                                             exclude=routine.stretch_ids))
        minutes = steps.minutes_of(words(handler_input), routine.stretch_ids)  # as long as the one corrected
        return start_routine(handler_input, minutes, area=area, position=position)


class AskedInWords(IntentHandler):
    """Mid-routine, a question or a wish about the step in free words ("no numbness, it just
    feels tight, how long do I hold it?", "I don't like this one yaar"): the answer its own
    command gets. A sign in the words is answered first (a red flag by safety.py; a "what if" or
    a sign to book soon by the free-text answer)."""

    intents = intents_from(carriers.intents)

    def when(self, handler_input: HandlerInput) -> bool:
        return running(handler_input) is not None and command_in_words(handler_input) is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        asked = command_in_words(handler_input)
        if asked == "TellMeMoreIntent" and session.turn(handler_input).topic:
            # "why's that?" just after a question was answered mid-routine: more on that answer (as WhyThisStretch says)
            from .answers import TellMeMore  # (answers imports symptoms, which imports this module)
            return TellMeMore().handle(handler_input)
        return next(command for command in HANDLERS if asked in command.intents).handle(handler_input)


class StretchFelt(IntentHandler):
    """Mid-routine, how the stretch feels, with no pain and nothing asked ("ooh, that's a lovely
    stretch in my bum", "bit of a pull across my shoulders, that's normal yeah?"): the stop-if line,
    and the step goes on (was another stretch offered, or a topic's answer). A sign is answered
    first (safety.py); pain stops the stretch (ItHurts)."""

    intents = intents_from(carriers.intents)

    def when(self, handler_input: HandlerInput) -> bool:
        said, locale = free_words(handler_input), handler_input.request_envelope.request.locale
        return running(handler_input) is not None and not handler_input.attributes_manager.request_attributes.get("finding") \
            and understand.stretch_felt(said, locale) and not carriers.asks_question(locale, said)  # ("..., but why ...": asked)

    def handle(self, handler_input: HandlerInput) -> Response:
        return answer_then_next(handler_input, words(handler_input).text("guide.felt"))


def command_in_words(handler_input: HandlerInput) -> str | None:
    """The routine command (its intent) that free words with no sign in them name, else None."""
    if handler_input.attributes_manager.request_attributes.get("finding"):
        return None
    locale = handler_input.request_envelope.request.locale
    query = slot_text(handler_input, "query")  # ("hang on, go back a step": StopSaidIntent's "stop" put back opens the words)
    return understand.routine_question(free_words(handler_input), locale) or (understand.routine_question(query, locale) if query else None)


def free_words(handler_input: HandlerInput) -> str:
    """The request's free words as the person said them: the carrier's words put back, and a
    symptom slot's words."""
    locale = handler_input.request_envelope.request.locale
    return " ".join(filter(None, (carriers.said(locale, get_intent_name(handler_input), slot_text(handler_input, "query")),
                                  slot_text(handler_input, "symptom"))))


class HoldOfOffered(IntentHandler):
    """ "How long do I hold it?" while a stretch is on offer: how long it takes, then the offer again;
    said after a yes ("yeah go ahead, how long's the hold on this one"), how long it takes, and the
    stretch begins."""

    intents = intents_from(lambda: ("HoldTimeIntent", *carriers.intents()))

    def when(self, handler_input: HandlerInput) -> bool:
        return pending(handler_input, "guide") and bool(session.turn(handler_input).offer.get("stretch")) and (
            get_intent_name(handler_input) == "HoldTimeIntent" or command_in_words(handler_input) == "HoldTimeIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        text = words(handler_input)
        state = session.turn(handler_input)
        data = text.stretches[state.offer["stretch"]]
        hold = text.text("stretches.hold_offered", name=data["name"], reps=data["reps"])
        locale = handler_input.request_envelope.request.locale
        said = free_words(handler_input)
        if ("yes" in (carriers.answer_of(locale, get_intent_name(handler_input)), carriers.answer_in(locale, said))
                or understand.carries_on(said, locale)) and not carriers.taken_back(locale, slot_text(handler_input, "query")):
            return start(handler_input, [state.offer["stretch"]], hold)
        state.pending = "guide"  # still on offer: yes starts it
        return render(handler_input, question(hold,
                                              text.text("stretches.pick_offer"),
                                              reprompt=text.text("stretches.pick_reprompt")))


class EasierAfterHurt(IntentHandler):
    """ "Make it easier" outside a routine: the gentler version of the last or offered stretch. """

    intents = ("EasierIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        stretch_id = session.turn(handler_input).offer.get("stretch") or choose(words(handler_input))[0]
        return speak_step(handler_input, Routine(stretch_ids=[stretch_id], easier=True))


class GuideStretch(IntentHandler):
    """ "Guide me through cat cow", "walk me through a stretch for my hips". """

    intents = ("GuideStretchIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        if slot_id(handler_input, "stretch") == stretches.NOT_OFFERED:  # "walk me through child's pose": one it guides, offered
            return render(handler_input, stretches.offer_from_request(handler_input))
        stretch_id, _ = choose(words(handler_input), name=slot_id(handler_input, "stretch"),
                               area=slot_id(handler_input, "area"), position=slot_id(handler_input, "position"))
        return start(handler_input, [stretch_id])


class StartRoutine(IntentHandler):
    """ "A five minute routine for my lower back", "a quick routine I can do at my desk". """

    intents = ("StartRoutineIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        raw = (slot_text(handler_input, "minutes") or "").strip()
        return start_routine(handler_input, int(raw) if raw.isdigit() else None,
                             area=slot_id(handler_input, "area"), position=slot_id(handler_input, "position"))


def start_routine(handler_input: HandlerInput, minutes: int | None, *, area: str | None = None,
                  position: str | None = None) -> Response:
    """A routine of about two, five or ten minutes, stretches that fit the area and position first."""
    text = words(handler_input)
    minutes = steps.nearest_minutes(minutes)
    ids = steps.build(text, minutes, area=area, position=position)
    intro = text.text("guide.routine_intro" if len(ids) > 1 else "guide.routine_intro_one", minutes=minutes, count=len(ids))
    return start(handler_input, ids, intro, first=True)


class OfferAccepted(IntentHandler):
    """ "Yes" to "shall I guide you through it?", also said with more words that ask nothing and say
    to go ahead ("yes, please, I've put the mat on the floor and the children are sleeping, so we can
    go ahead")."""

    intents = intents_from(lambda: ("AMAZON.YesIntent", *carriers.intents()))

    def when(self, handler_input: HandlerInput) -> bool:
        if get_intent_name(handler_input) != "AMAZON.YesIntent":  # (words that also say to go ahead: not "yes, but is it safe")
            return pending(handler_input, "guide") and _takes_offer(handler_input, go_ahead=True)
        return pending(handler_input, "guide")

    def handle(self, handler_input: HandlerInput) -> Response:
        stretch_id = session.turn(handler_input).offer.get("stretch") or choose(words(handler_input))[0]
        return start(handler_input, [stretch_id])


def kept_place(handler_input: HandlerInput) -> Routine | None:
    """The place kept from an earlier session (less than a day old), if any."""
    return session.user_record(handler_input).saved_place()


class LaunchWithKeptPlace(RequestHandler):
    """Launch with a place kept from an earlier session: offer to carry on (after the warning);
    never just after red-flag advice that holds stretches back (the place stays kept)."""

    request_types = ("LaunchRequest",)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return super().can_handle(handler_input) and kept_place(handler_input) is not None and not safety.stretches_held_back(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        text = words(handler_input)
        place = kept_place(handler_input)
        session.turn(handler_input).pending = "resume"
        said = text.text("basics.resume_offer", stretch=stretch_name(handler_input, place), step=place.step + 1)
        return render(handler_input, question(said, reprompt=text.text("basics.resume_reprompt")))


def _opens_session(handler_input: HandlerInput) -> bool:
    session_now = handler_input.request_envelope.session
    return session_now is not None and bool(session_now.new)


def _takes_offer(handler_input: HandlerInput, *, go_ahead: bool = False) -> bool:
    """Free words that take the resume offer (or, `go_ahead`, a stretch offered): no sign in them, no
    other routine command, no question and nothing else asked for ("yes go on, check me"), no no
    and no refusal ("nah, I'd rather not continue"); and they say to carry on ("haan, continue from
    there only") or, but for a stretch offered, open with a yes ("yeah sure, same as always, nothing
    new"; not "yes, but why does it click"); a yes at a stretch offered that asks how to do it ("yes,
    and do I breathe normally during it?") takes it too (its steps say how)."""
    if handler_input.attributes_manager.request_attributes.get("finding"):
        return False
    locale, said = handler_input.request_envelope.request.locale, free_words(handler_input)
    command = command_in_words(handler_input)
    if command is not None:
        return command in ("AMAZON.NextIntent", "AMAZON.ResumeIntent") and (not go_ahead or understand.carries_on(said, locale))
    how_to = go_ahead and understand.asks_how_to_do_it(said, locale)  # ("yes, and do I breathe normally during it?")
    if _asks_something_else(said, locale) and not how_to:
        return False
    answers = (carriers.answer_of(locale, get_intent_name(handler_input)), carriers.answer_in(locale, said))
    if "no" in answers or understand.will_not_carry_on(said, locale):
        return False
    if carriers.taken_back(locale, slot_text(handler_input, "query")) and not understand.carries_on(said, locale):
        return False  # "yeah nah, not yet, it went crack while I was hanging the washing out": the yes taken back
    return understand.carries_on(said, locale) or ((not go_ahead or how_to) and "yes" in answers)


def _asks_something_else(said: str, locale: str | None) -> bool:
    """Words at an offer that ask a question or for something else ("yes, but why does it click",
    "yes go on, check me"), so they neither take it nor turn it down."""
    return carriers.asks_question(locale, understand.without_places(said, locale)) or understand.asks_otherwise(said, locale)


def _declines_offer(handler_input: HandlerInput) -> bool:
    """Free words that turn the resume offer down in so many words ("nah, I'd rather not continue",
    "no, I don't want to carry on"): no sign, no routine command, no question or other request in
    them, nor a stretch or place named ("no thanks, is it bad to crack my back every day" asks something,
    and is answered; "... can I just get a stretch for my upper back" gets that stretch)."""
    if handler_input.attributes_manager.request_attributes.get("finding") or command_in_words(handler_input) is not None:
        return False
    locale, said = handler_input.request_envelope.request.locale, free_words(handler_input)
    if _asks_something_else(said, locale) or any(understand.named(said, locale)):
        return False  # ("no, I don't want to carry on with that, can I just get a stretch for my upper back": that stretch)
    return understand.will_not_carry_on(said, locale)


class ResumeKeptPlace(IntentHandler):
    """ "Yes" to the resume offer, or "resume" in a new session (or "next" to open one: the session
    closed on advice for someone else, "okay, next"): carry on at the kept step. Free words that
    take the offer do too (_takes_offer)."""

    intents = intents_from(lambda: ("AMAZON.YesIntent", "AMAZON.ResumeIntent", "AMAZON.NextIntent", *carriers.intents()))

    def when(self, handler_input: HandlerInput) -> bool:
        name = get_intent_name(handler_input)
        if name in carriers.intents():
            if kept_place(handler_input) is None:
                return False
            # the offer taken, or where they left off named ("sweet, okay, carry on from where I was" after the
            # offer gave way to a pop told)
            asked = pending(handler_input, "resume") or understand.names_kept_place(
                free_words(handler_input), handler_input.request_envelope.request.locale)
            return asked and _takes_offer(handler_input)
        return kept_place(handler_input) is not None and (
            pending(handler_input, "resume") or name == "AMAZON.ResumeIntent"
            or (name == "AMAZON.NextIntent" and _opens_session(handler_input)))

    def handle(self, handler_input: HandlerInput) -> Response:
        place = kept_place(handler_input)
        text = words(handler_input)
        lead = text.text("guide.resumed_mid", name=stretch_name(handler_input, place)) if place.step else (
            text.text("guide.resumed"))
        return speak_step(handler_input, place, lead)


class CarryOnAfterHurt(IntentHandler):
    """ "Can we just carry on with it?" just after a stretch was stopped for pain: not that stretch
    now (pain means stop), and the check or a gentler one offered again."""

    intents = intents_from(lambda: ("AMAZON.NextIntent", "AMAZON.ResumeIntent", *carriers.intents()))

    def when(self, handler_input: HandlerInput) -> bool:
        if running(handler_input) is not None or not pending(handler_input, "check") or \
                not session.turn(handler_input).offer.get("hurt"):
            return False
        if get_intent_name(handler_input) in ("AMAZON.NextIntent", "AMAZON.ResumeIntent"):
            return True
        if carriers.answer_of(handler_input.request_envelope.request.locale, get_intent_name(handler_input)) == "yes":
            return False  # "yeah go on, check": a yes to "shall I check?" is the check's
        return command_in_words(handler_input) in ("AMAZON.NextIntent", "AMAZON.ResumeIntent") or (
            understand.carries_on(free_words(handler_input), handler_input.request_envelope.request.locale))

    def handle(self, handler_input: HandlerInput) -> Response:
        text = words(handler_input)
        session.turn(handler_input).pending = "check"  # (a yes to it is the check's, as after the stop)
        return render(handler_input, question(text.text("guide.hurt_carry_on"), reprompt=text.text("guide.hurt_reprompt")))


class TakeUpKeptPlace(IntentHandler):
    """A routine command with no routine running but a place kept from earlier ("which step am I
    on", "skip this stretch", "how long do I hold it", "back now, where were we", said on coming back after a pause): the
    routine is taken up at the kept place and the command answered there, as mid-routine. "Repeat"
    does so only with nothing else to repeat (no offer waiting)."""

    commands = ("AMAZON.PreviousIntent", "AMAZON.RepeatIntent", "SkipStretchIntent", "HoldTimeIntent", "WhichStepIntent")
    intents = intents_from(lambda: (*TakeUpKeptPlace.commands, *carriers.intents()))

    def when(self, handler_input: HandlerInput) -> bool:
        if running(handler_input) is not None or kept_place(handler_input) is None:
            return False
        name = get_intent_name(handler_input)
        if name in carriers.intents():  # "back now, where were we?", "back. how long was I supposed to hold that?"
            name = command_in_words(handler_input)
            if name not in self.commands:
                return False
        return name != "AMAZON.RepeatIntent" or not session.turn(handler_input).asked  # (the question the last reply asked)

    def handle(self, handler_input: HandlerInput) -> Response:
        session.turn(handler_input).routine = kept_place(handler_input)
        return next(handler for handler in HANDLERS if handler.can_handle(handler_input)).handle(handler_input)


class FreshStart(IntentHandler):
    """ "No" to the resume offer drops the place; "start over" restarts that routine, and so do
    free words that say it ("no, start again from the top")."""

    intents = intents_from(lambda: ("AMAZON.NoIntent", "AMAZON.StartOverIntent", *carriers.intents()))

    def when(self, handler_input: HandlerInput) -> bool:
        if kept_place(handler_input) is None:
            return False
        if get_intent_name(handler_input) in ("AMAZON.NoIntent", "AMAZON.StartOverIntent"):
            return pending(handler_input, "resume") or get_intent_name(handler_input) == "AMAZON.StartOverIntent"
        return pending(handler_input, "resume") and (
            command_in_words(handler_input) == "AMAZON.StartOverIntent" or _declines_offer(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        place = kept_place(handler_input)
        text = words(handler_input)
        if "AMAZON.StartOverIntent" in (get_intent_name(handler_input), command_in_words(handler_input)):
            return start(handler_input, place.stretch_ids, text.text("guide.fresh"))
        keep_place(handler_input, None)
        session.turn(handler_input).pending = None
        return render(handler_input, question(text.text("guide.fresh"), text.text("basics.launch"),
                                              reprompt=text.text("basics.launch_reprompt")))


# Gated on a running routine: before everything but the red-flag rule.
HANDLERS = (
    Next(), Previous(), Repeat(), StartOver(), Skip(), Easier(), HoldTime(), WhichStep(), WhyThisStretch(), Help(), Pause(),
    StopKeepingPlace(), ItHurts(), RoutineCorrected(), AskedInWords(), StretchFelt(),
)
# Ways into a routine: after the triage-gated handlers, so a check is finished first.
ENTRY_HANDLERS = (
    LaunchWithKeptPlace(), CarryOnAfterHurt(), ResumeKeptPlace(), TakeUpKeptPlace(), FreshStart(), OfferAccepted(),
    GuideStretch(), StartRoutine(), EasierAfterHurt(), HoldOfOffered(),
)
