"""Checking symptoms: five grouped warning-sign questions, most serious first.

Each question names its signs in plain words. "Yes" stops the check with that level's advice
(safety.advice); a question with signs at two levels asks one follow-up ("is it both legs?").
"Not sure" is asked once more in plainer words; still unsure, the advice names the sign and what
to do if it might be there, with the number (never "not sure" taken as "no"). "No" to all five
ends with self-care, when to book a doctor, and a stretch (or the routine the check paused).
Answers live in the session only and are never stored.
"""
from __future__ import annotations

import re
from typing import Any

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_intent_name, get_request_type
from ask_sdk_model import Response

from . import carriers, safety, screen, session, topics
from .dispatch import IntentHandler, intents_from, pending, slot_text, words
from .guide import soon_note
from .routine import keep_place, running, stretch_name
from .screen import Finding
from .speech import Reply, question, render

STRETCH_INTENTS = safety.STRETCH_INTENTS


def questions(handler_input: HandlerInput) -> list[dict[str, Any]]:
    return words(handler_input).raw("symptoms.questions")


def asked(handler_input: HandlerInput) -> tuple[int, bool, bool] | None:
    """The check's question the previous reply asked: (step, follow-up, asked plainly), or None."""
    return session.turn(handler_input).asked_triage


def in_triage(handler_input: HandlerInput) -> bool:
    return asked(handler_input) is not None


def _question(handler_input: HandlerInput, step: int, follow: bool) -> dict[str, Any]:
    q = questions(handler_input)[step]
    return q["follow_up"] if follow else q


def ask(handler_input: HandlerInput, step: int, *lead: str, follow: bool = False, plain: bool = False) -> Reply:
    """Ask a check question (its follow-up, or either in plainer words)."""
    text = words(handler_input)
    state = session.turn(handler_input)
    state.pending, state.triage_step, state.triage_follow, state.triage_plain = "triage", step, follow, plain
    state.offer.pop("stretch_waits", None)  # (a stretch waits only on the question asked with it: finish_first)
    q = _question(handler_input, step, follow)
    # a check answered for someone else asks of them ("their groin"), where the data words it so
    other = "_other" if state.check_other else ""
    asked_text = q.get(f"text{other}", q["text"])
    said = q.get(f"plain{other}", q["plain"]) if plain else asked_text
    return question(*lead, said, reprompt=f"{asked_text} {text.text('symptoms.reprompt')}", title=text.text("cards.symptoms"))


def ask_again(handler_input: HandlerInput, *lead: str) -> Reply:
    """The question that was asked, asked again (help, repeat, not understood)."""
    step, follow, plain = asked(handler_input) or (0, False, False)
    return ask(handler_input, step, *lead, follow=follow, plain=plain)


def finish_first(handler_input: HandlerInput) -> Reply:
    """A stretch asked for mid-check: the question again first. A yes just after it may be meant
    for the stretch ("yes please"), so it is asked about before it is taken (answer_yes)."""
    reply = ask_again(handler_input, words(handler_input).text("symptoms.finish_first"))
    session.turn(handler_input).offer["stretch_waits"] = "yes"
    return reply


def aside(handler_input: HandlerInput, answered: Reply) -> Reply:
    """Mid-check, an answer to something else ("hang on, why does my back pop?"): said without its
    closing offer, and the check's question asked again (the check is never dropped for an aside)."""
    return ask_again(handler_input, *answered.parts[:-1], words(handler_input).text("symptoms.back_to_check"))


def what_if(handler_input: HandlerInput, finding: Finding) -> Reply:
    """Mid-check, a "what if" ("what if I did have numbness down there, what would that mean?"):
    what the sign would mean, then the check's question again."""
    return aside(handler_input, safety.advice(handler_input, finding))


def start(handler_input: HandlerInput) -> Reply:
    """Begin the check. A running routine is paused, its place kept for after the check.
    Asked for again mid-check ("is that serious?"), what the question's sign would mean, and the
    question again: the check goes on from where it is."""
    if in_triage(handler_input):
        text = words(handler_input)
        said = " ".join(safety.said_in_request(handler_input)).lower()
        if not any(re.search(pattern, said) for pattern in text.raw("symptoms.asks_if_serious")):
            return ask_again(handler_input)
        step, follow, _ = asked(handler_input) or (0, False, False)
        symptom = _question(handler_input, step, follow)["symptom"]
        meaning = text.text(f"safety.if_it_happens.{screen.level_of(symptom)}", symptom=text.text(f"safety.names.{symptom}"))
        return ask_again(handler_input, meaning)
    routine = running(handler_input)
    if routine is not None:
        keep_place(handler_input, routine)
        session.turn(handler_input).routine = None
    state = session.turn(handler_input)
    other = state.check_other = safety.for_someone_else(handler_input) or (
        state.asked == "check" and state.offer.get("check_for") == "other")  # ("yes" to the check offered for them)
    return ask(handler_input, 0, words(handler_input).text("symptoms.start_other" if other else "symptoms.start"))


def _finding(handler_input: HandlerInput, *, unsure: bool) -> Finding:
    step, follow, _ = asked(handler_input) or (0, False, False)
    q = _question(handler_input, step, follow)
    who = "other" if session.turn(handler_input).check_other else "self"  # "check my dad's symptoms": a yes is his
    return Finding(q["symptom"], screen.POSSIBLE if unsure else screen.PRESENT, who)


def answer_yes(handler_input: HandlerInput) -> Reply:
    """Yes: a follow-up first where the question has one, else that level's advice. Just after a
    stretch asked for was made to wait (finish_first), the yes is asked about first: "yes please"
    may answer the stretch, not the sign; said again, it is the sign's."""
    if session.turn(handler_input).offer.get("stretch_waits"):
        return ask_again(handler_input, words(handler_input).text("symptoms.yes_to_which"))
    step, follow, _ = asked(handler_input) or (0, False, False)
    if not follow and "follow_up" in questions(handler_input)[step]:
        return ask(handler_input, step, follow=True)
    session.stop_everything(handler_input)
    return advice(handler_input, _finding(handler_input, unsure=False))


def answer_no(handler_input: HandlerInput) -> Reply:
    """No: a follow-up's no is the question's own level; otherwise the next question, or all clear."""
    step, follow, _ = asked(handler_input) or (0, False, False)
    if follow:
        session.stop_everything(handler_input)
        return advice(handler_input, Finding(questions(handler_input)[step]["symptom"]))
    if step + 1 < len(questions(handler_input)):
        return ask(handler_input, step + 1)
    return all_clear(handler_input)


def advice_on_leaving(handler_input: HandlerInput) -> Reply | None:
    """A goodbye or a pause while a follow-up is asked, so after a yes ("Any numbness, tingling or
    weakness in your legs or arms?" "yes", then "stop"): the yes's own level of advice, never a plain
    goodbye (a sign said yes to is never dropped); None at any other time."""
    step, follow, _ = asked(handler_input) or (0, False, False)
    if not follow:
        return None
    session.stop_everything(handler_input)
    who = "other" if session.turn(handler_input).check_other else "self"
    return advice(handler_input, Finding(questions(handler_input)[step]["symptom"], screen.PRESENT, who))


def answer_unsure(handler_input: HandlerInput) -> Reply:
    """Not sure: once more in plainer words; still unsure, treated as possible (never as no)."""
    if not (asked(handler_input) or (0, False, False))[2]:
        return ask_plainer(handler_input)
    session.stop_everything(handler_input)
    return advice(handler_input, _finding(handler_input, unsure=True))


def ask_plainer(handler_input: HandlerInput) -> Reply:
    """The question that was asked, in plainer words."""
    step, follow, _ = asked(handler_input) or (0, False, False)
    return ask(handler_input, step, words(handler_input).text("symptoms.plainer"), follow=follow, plain=True)


def advice(handler_input: HandlerInput, finding: Finding) -> Reply:
    """A level's advice after a check question, naming that question's signs."""
    q = questions(handler_input)[(asked(handler_input) or (0, False, False))[0]]
    named = q["follow_up"] if finding.symptom == q.get("follow_up", {}).get("symptom") else q
    return safety.advice(handler_input, finding, name=named.get("name"))


def all_clear(handler_input: HandlerInput) -> Reply:
    """No to every question: self-care and when to book; then the paused routine, or a stretch.
    But advice to get help a little earlier, for the same person, stands: a check answered no
    afterwards ("both my legs have gone numb" and 911, then the check, no to each) clears nothing,
    and that advice is said again instead of "no warning signs"."""
    text = words(handler_input)
    state = session.turn(handler_input)
    warned = safety.recent_warning(handler_input)
    if warned is not None and warned.get("level") in safety.PRE_EMPTING and bool(warned.get("other")) == bool(state.check_other):
        return safety.advice_standing(handler_input.request_envelope.request.locale, warned)
    place = session.user_record(handler_input).saved_place()
    if place is not None:
        state.pending = "resume"
        ask_next = text.text("symptoms.offer_resume", stretch=stretch_name(handler_input, place))
    else:
        state.pending, state.offer = "stretch", {}
        ask_next = text.text("symptoms.offer_stretch")
    state.offer["after_check"] = "yes"  # "can you do the same for my wife?" next: the check, for her (basics)
    return question(text.text("symptoms.all_clear"), ask_next, reprompt=ask_next, title=text.text("cards.symptoms"))


def soon_advice(handler_input: HandlerInput, finding: Finding | str) -> Reply:
    """Book a doctor soon; gentle movement is fine meanwhile, so a stretch may be offered."""
    finding = Finding(finding) if isinstance(finding, str) else finding
    text = words(handler_input)
    state = session.turn(handler_input)
    state.pending, state.offer, state.soon = "stretch", {}, finding.who
    name = text.text(f"safety.names.{finding.symptom}")
    ask_stretch = text.text("symptoms.soon_then_stretch")
    if finding.who == "other":
        said = [text.text("safety.for_someone", symptom=name), text.text("safety.levels_other.soon")]
    else:
        said = [text.text("symptoms.heard", symptom=name), text.text("safety.levels.soon")]
    return question(*said, ask_stretch, reprompt=ask_stretch, title=text.text("cards.symptoms"))


def names_part(handler_input: HandlerInput, said: str) -> str | None:
    """Mid-check, words that name a part of the question just asked ("both legs" to "is it in both
    legs?", "all the time" to the last): its `yes_if` or `no_if` says what they mean; else None."""
    found = asked(handler_input)
    if found is None or not said:
        return None
    step, follow, _ = found
    q = _question(handler_input, step, follow)
    for key, meaning in (("yes_if", "yes"), ("no_if", "no")):
        if any(re.search(pattern, said.lower()) for pattern in q.get(key, [])):
            return meaning
    return None


def answer_meant(handler_input: HandlerInput) -> str | None:
    """What a reply to a check question means: yes, no or unsure (free words included), or None."""
    name = get_intent_name(handler_input)
    meant = {"AMAZON.YesIntent": "yes", "AMAZON.NoIntent": "no", "DontKnowIntent": "unsure"}.get(name)
    if meant:
        return meant
    locale = handler_input.request_envelope.request.locale
    said = " ".join(safety.said_in_request(handler_input))
    if carriers.not_a_reply(locale, said):
        return None  # "never mind, just do the routine": the question is left, not answered no
    if said and carriers.asked_again(locale, said) is not None:
        return None  # "yeah nah, still don't get it, say it another way": asked again, never the no of "yeah nah"
    if carriers.wavers(locale, said):
        return "unsure"  # "yes... well no... actually maybe?": not sure, never the no said on the way
    step, follow, _ = asked(handler_input) or (0, False, False)
    part = names_part(handler_input, said)  # "both legs" to "is it in both legs, ...?": the words name a part of the question
    if part is not None:
        return part
    if said and screen.none_now(said, locale):
        covers = set(_question(handler_input, step, follow).get("covers", []))
        if covers and not any(m.concept in covers for m in screen.mentions(said, locale)) and any(
                re.search(pattern, said.lower()) for pattern in words(handler_input).raw("symptoms.misheard")):
            return None  # "did you say fever? no, no fever" to the numbness question: another question heard
        return "no"  # "no numbness, nothing like that", "a temperature on Monday, gone now": every sign named is denied or over
    meant = carriers.answer_of(locale, name)
    if meant == "yes" and carriers.taken_back(locale, slot_text(handler_input, "query")):
        meant = "no"  # "yeah nah, nothing like that": the no after the yes is the answer
    elif meant == "no" and carriers.hedged(locale, slot_text(handler_input, "query")) and not carriers.outright(locale, said):
        meant = "unsure"  # "not really, well maybe": a no put in doubt is no no
    elif meant == "no" and carriers.not_a_no(locale, slot_text(handler_input, "query")):
        # "no worries": no answer to the question; "nah, no dramas there" says nothing is wrong there
        return "no" if said and carriers.reply_in(locale, said) == "no" else None
    if meant is None and said and handler_input.attributes_manager.request_attributes.get("finding") is None:
        meant = carriers.reply_in(locale, said)  # "my father had cancer, but I am fine": no
    return meant or (carriers.answer_in(locale, said) if said else None)


class CheckAnswer(IntentHandler):
    """Any reply to the check's question: yes, no or not sure, in any words.

    Red flags said in the reply were already answered (safety.RedFlagReported comes first)."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return (get_request_type(handler_input) == "IntentRequest" and in_triage(handler_input)
                and answer_meant(handler_input) is not None)

    def handle(self, handler_input: HandlerInput) -> Response:
        meant = answer_meant(handler_input)
        reply = {"yes": answer_yes, "no": answer_no}.get(meant, answer_unsure)(handler_input)
        reply.parts[:0] = soon_note(handler_input)
        return render(handler_input, reply)


class TriageFirst(IntentHandler):
    """A stretch asked for mid-check, or a stretch's own question ("how long should I hold it?",
    "which step am I on?", said as if the stretch had begun): finish the warning-sign questions
    first (never "I didn't catch that")."""

    intents = (*STRETCH_INTENTS, "HoldTimeIntent", "WhichStepIntent", "SkipStretchIntent")

    def when(self, handler_input: HandlerInput) -> bool:
        return in_triage(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, finish_first(handler_input))


class TriageHelp(IntentHandler):
    """Help or repeat mid-check: the question again, explained; "next" or "go back" (a routine's
    words, said out of habit) gets the question again: no question is skipped."""

    intents = ("AMAZON.HelpIntent", "AMAZON.RepeatIntent", "AMAZON.NextIntent", "AMAZON.PreviousIntent")

    def when(self, handler_input: HandlerInput) -> bool:
        return in_triage(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        lead = [words(handler_input).text("basics.help_triage")] if get_intent_name(handler_input) == "AMAZON.HelpIntent" else []
        return render(handler_input, ask_again(handler_input, *lead))


class TriageWait(IntentHandler):
    """ "Hang on", "wait a sec", "hang on, the kettle", "pause" mid-check: the check waits, and the
    question is asked again (five questions keep no place to resume; "stop" still ends it)."""

    intents = ("AMAZON.PauseIntent",)

    def when(self, handler_input: HandlerInput) -> bool:
        return in_triage(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, ask_again(handler_input, words(handler_input).text("symptoms.take_your_time")))


class TriageStartOver(IntentHandler):
    """ "Wait, I zoned out, can we go from the top?" mid-check: the questions again from the first
    (never an answer to the one asked)."""

    intents = intents_from(lambda: ("AMAZON.StartOverIntent", *carriers.intents()))

    def when(self, handler_input: HandlerInput) -> bool:
        if not in_triage(handler_input):
            return False
        if get_intent_name(handler_input) == "AMAZON.StartOverIntent":
            return True
        return handler_input.attributes_manager.request_attributes.get("finding") is None and carriers.starts_again(
            handler_input.request_envelope.request.locale, " ".join(safety.said_in_request(handler_input)))

    def handle(self, handler_input: HandlerInput) -> Response:
        other = session.turn(handler_input).check_other
        start_key = "symptoms.start_other" if other else "symptoms.start"
        return render(handler_input, ask(handler_input, 0, words(handler_input).text(start_key)))


class TriageUnclear(IntentHandler):
    """ "What do you mean?", "tell me more" mid-check: the question in plainer words (never taken
    as an answer)."""

    intents = ("TellMeMoreIntent",)

    def when(self, handler_input: HandlerInput) -> bool:
        return in_triage(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, ask_plainer(handler_input))


class CheckSymptoms(IntentHandler):
    """ "Do I need a doctor?", "check my symptoms": start the check (a routine is paused)."""

    intents = ("CheckSymptomsIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, start(handler_input))


class SoonSignReported(IntentHandler):
    """A sign to book a doctor soon ("sciatica", "it's lasted weeks"), said in any request: the
    advice first, then the offer of a gentle stretch (movement is fine meanwhile)."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        finding = handler_input.attributes_manager.request_attributes.get("finding")
        return (get_request_type(handler_input) == "IntentRequest" and finding is not None
                and finding.level == screen.SOON and finding.status != screen.HYPOTHETICAL)

    def handle(self, handler_input: HandlerInput) -> Response:
        finding = handler_input.attributes_manager.request_attributes["finding"]
        if _asks_for_check(handler_input):  # "I'd like to check my symptoms, stiff for a fortnight": the check, noted first
            reply = start(handler_input)
            reply.parts[:0] = soon_note(handler_input)
            return render(handler_input, reply)
        return render(handler_input, soon_advice(handler_input, finding))


def _asks_for_check(handler_input: HandlerInput) -> bool:
    """The request asks for the check ("check my symptoms", or free words routed to it)."""
    if get_intent_name(handler_input) == "CheckSymptomsIntent":
        return True
    said = " ".join(safety.said_in_request(handler_input))
    routed = topics.route(said, handler_input.request_envelope.request.locale) if said else None
    return routed is not None and routed.topic == "symptom_check"


class CheckOfferAccepted(IntentHandler):
    """ "Yes" to "Shall I check for warning signs?"; and "I guess", "I don't know", "maybe": unsure
    whether to check is a reason to check (the questions are short, and a sign is never missed for it)."""

    intents = ("AMAZON.YesIntent", "DontKnowIntent")

    def when(self, handler_input: HandlerInput) -> bool:
        return pending(handler_input, "check") and \
            not handler_input.attributes_manager.request_attributes.get("offer_again")  # ("ok thanks": said again)

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, start(handler_input))


class ReportSymptom(IntentHandler):
    """ "My back is stiff", "it's been aching for weeks" (red flags never reach here). """

    intents = ("ReportSymptomIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, ordinary_ache(handler_input))


def ordinary_ache(handler_input: HandlerInput) -> Reply:
    """Stiffness or aching with no warning sign: usually eases; offer the check first."""
    text = words(handler_input)
    state = session.turn(handler_input)
    state.pending = "check"
    # "my mum's here, her back's been aching all week": the check offered is hers, as a "yes" to it starts it
    state.offer = {"check_for": "other"} if safety.for_someone_else(handler_input) else {}
    return question(text.text("symptoms.not_red_flag"), reprompt=text.text("symptoms.not_red_flag_reprompt"))


# Gated on a check question just asked: before the routine's handlers (a check pauses it).
TRIAGE_HANDLERS = (TriageStartOver(), CheckAnswer(), TriageFirst(), TriageHelp(), TriageWait(), TriageUnclear())
HANDLERS = (SoonSignReported(), CheckOfferAccepted(), CheckSymptoms(), ReportSymptom())
