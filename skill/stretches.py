"""Choosing a stretch (by area, position, name, or any).

Asking for a stretch describes one and offers to guide it; "yes" starts the guided routine
(guide.py), where every stretch begins with its stop-if line.
"""
from __future__ import annotations

from typing import Iterable

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_intent_name
from ask_sdk_model import Response

from . import carriers, safety, session, topics, understand
from .content import Content
from .dispatch import IntentHandler, intents_from, pending, slot_id, words
from .speech import Reply, question, render


NOT_OFFERED = "not_offered"  # a stretch named that the skill does not guide (named_words.toml, the STRETCH slot)


def choose(text: Content, *, name: str | None = None, area: str | None = None,
           position: str | None = None, exclude: Iterable[str] = ()) -> tuple[str, bool]:
    """The stretch that best fits, and whether it really fits what was asked."""
    stretches = text.stretches
    if name in stretches:
        return name, True
    skip = set(exclude)

    def fits(sid: str, use_area: bool, use_position: bool) -> bool:
        data = stretches[sid]
        return (not use_area or not area or area in data["areas"]) and (
            not use_position or not position or position in data["positions"])

    for use_area, use_position in ((True, True), (True, False), (False, True)):
        found = [s for s in stretches if s not in skip and fits(s, use_area, use_position)]
        if found:
            return found[0], (use_area and use_position) or not (area or position)
    remaining = [s for s in stretches if s not in skip] or list(stretches)
    return remaining[0], False


def offer(handler_input: HandlerInput, stretch_id: str, *, fits: bool = True, again: bool = False,
          instead: bool = False) -> Reply:
    """Describe a stretch and offer to guide it (`instead` of one named that the skill does not guide)."""
    text = words(handler_input)
    data = text.stretches[stretch_id]
    key = "stretches.not_offered" if instead else "stretches.another" if again else "stretches.pick" if fits else "stretches.none_for"
    state = session.turn(handler_input)
    state.pending, state.topic = "guide", None  # a follow-up ("and for my hips?") is now about stretches
    state.offer = {**state.offer, "stretch": stretch_id,
                   "offered": ",".join(filter(None, [state.offer.get("offered", ""), stretch_id]))}
    ask = text.text("stretches.pick_offer")
    return question(text.text(key, name=data["name"], helps=data["helps"]), ask,
                    reprompt=text.text("stretches.pick_reprompt"), title=text.text("cards.stretch"))


def offer_from_request(handler_input: HandlerInput) -> Reply:
    return offer_for(handler_input, name=slot_id(handler_input, "stretch"), area=slot_id(handler_input, "area"),
                     position=slot_id(handler_input, "position"))


def offer_for(handler_input: HandlerInput, *, name: str | None = None, area: str | None = None,
              position: str | None = None, exclude: Iterable[str] = ()) -> Reply:
    """Offer the stretch that best fits a name, an area and a position (any of them may be None),
    but those in `exclude` (the one just offered, when another is asked for)."""
    session.turn(handler_input).offer = {k: v for k, v in {"area": area, "position": position}.items() if v}
    stretch_id, fits = choose(words(handler_input), name=name, area=area, position=position, exclude=exclude)
    return offer(handler_input, stretch_id, fits=fits, instead=name == NOT_OFFERED)


class ChooseStretch(IntentHandler):
    """ "Give me a stretch for my lower back", "something I can do sitting", "cat cow". """

    intents = ("ChooseStretchIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, offer_from_request(handler_input))


def offered(handler_input: HandlerInput) -> list[str]:
    """The stretches already offered or done this session."""
    return [s for s in session.turn(handler_input).offer.get("offered", "").split(",") if s]


def offer_next(handler_input: HandlerInput) -> Reply:
    """The next stretch that fits what was asked, not yet offered (all again once all were)."""
    state = session.turn(handler_input)
    text = words(handler_input)
    routine = state.routine
    seen = offered(handler_input) + (list(routine.stretch_ids[routine.index:routine.index + 1]) if routine else [])
    if state.asked == "resume":  # "something else" to "want to carry on with ...?": not that one again
        place = session.user_record(handler_input).saved_place()
        seen += list(place.stretch_ids[place.index:place.index + 1]) if place else []
    if len(set(seen)) >= len(text.stretches):
        seen, state.offer["offered"] = [], ""
    asked_way = handler_input.attributes_manager.request_attributes.get("position")
    position = asked_way or state.offer.get("position")
    area = state.offer.get("area")
    stretch_id, fits = choose(text, area=area, position=position, exclude=seen)
    if asked_way and area and not fits:
        # a way asked for now ("something he can do sitting") counts before the area asked for earlier
        stretch_id, fits = choose(text, position=asked_way, exclude=seen)
    return offer(handler_input, stretch_id, fits=fits, again=bool(seen))


class StretchOfferAccepted(IntentHandler):
    """ "Yes" (or "next", "another one") to "would you like a gentle stretch?" """

    intents = ("AMAZON.YesIntent", "AMAZON.NextIntent", "AnotherStretchIntent")

    def when(self, handler_input: HandlerInput) -> bool:
        return pending(handler_input, "stretch")

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, offer_next(handler_input))


class AnotherStretch(IntentHandler):
    """ "Another one" any time, or "next" or "skip this one" after a stretch is offered: the next that fits.
    "Skip this one" with no stretch under way and no place kept (just after a stretch was stopped for
    pain: "ow, that hurts" then "skip this one then") asks for another too, never the fallback."""

    intents = ("AnotherStretchIntent", "AMAZON.NextIntent", "SkipStretchIntent")

    def when(self, handler_input: HandlerInput) -> bool:
        name = get_intent_name(handler_input)
        return name == "AnotherStretchIntent" or pending(handler_input, "guide") or (
            name == "SkipStretchIntent" and session.turn(handler_input).routine is None
            and session.user_record(handler_input).saved_place() is None)

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, offer_next(handler_input))


class DeclineGuide(IntentHandler):
    """ "No" to "shall I guide you through it?": ask once whether a different one would suit. """

    intents = ("AMAZON.NoIntent",)

    def when(self, handler_input: HandlerInput) -> bool:
        return pending(handler_input, "guide")

    def handle(self, handler_input: HandlerInput) -> Response:
        text = words(handler_input)
        session.turn(handler_input).pending = "stretch"
        ask = text.text("stretches.different")
        return render(handler_input, question(ask, reprompt=ask))


class ListStretches(IntentHandler):
    """ "What stretches do you know?" """

    intents = ("ListStretchesIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        text = words(handler_input)
        names = [s["name"] for s in text.stretches.values()]
        listed = ", ".join(names[:-1]) + f", and {names[-1]}"
        session.turn(handler_input).pending = None
        return render(handler_input, question(text.text("stretches.list_intro", names=listed),
                                              reprompt=text.text("stretches.list_reprompt")))


ASKED_BY_ITSELF = frozenset({"routine", "guide", "another_stretch"})  # topics that ask for a routine or stretch by themselves


def corrected(said: str, locale: str | None, *, offered: bool = False) -> tuple[str | None, str | None] | None:
    """The area and position the words correct a stretch or routine to (understand.corrects), or
    None: also where they ask, naming no area, for another stretch, or for one by name or a routine,
    which is theirs to answer ("no wait, actually do the desk routine instead", "something different, I can't lie on
    the floor")."""
    area, position = understand.corrects(said, locale, offered=offered)
    if (area is None and position is None) or (area is None and understand.asks_another(said, locale)) or \
            understand.named(said, locale).stretch is not None:
        return None  # ("actually, make it my hips instead": the area named decides, "instead" or not)
    routed = topics.route(said, locale)
    asked = routed is not None and routed.topic in (ASKED_BY_ITSELF if area is None else ASKED_BY_ITSELF - {"another_stretch"})
    return None if asked else (area, position)


class AreaCorrected(IntentHandler):
    """ "No wait, I meant my upper back", "not my neck, my lower back", "actually lying down" with a
    stretch on offer: the stretch for the area or position meant (the one named last;
    understand.corrects), never a "no"."""

    intents = intents_from(lambda: carriers.intents())

    def when(self, handler_input: HandlerInput) -> bool:
        if handler_input.attributes_manager.request_attributes.get("finding") or not (
                pending(handler_input, "guide") or pending(handler_input, "stretch")):
            return False
        return corrected(" ".join(safety.said_in_request(handler_input)), handler_input.request_envelope.request.locale,
                         offered=True) is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        area, position = corrected(" ".join(safety.said_in_request(handler_input)),
                                   handler_input.request_envelope.request.locale, offered=True) or (None, None)
        offered = session.turn(handler_input).offer
        # the one not corrected stays as asked ("a stretch I can do in my chair" + "no, I meant for the upper back")
        return render(handler_input, offer_for(handler_input, area=area or offered.get("area"),
                                               position=position or offered.get("position")))


# Before the answers: "no, not my neck, my lower back" is no question about the neck.
FIRST_HANDLERS = (AreaCorrected(),)

HANDLERS = (StretchOfferAccepted(), AnotherStretch(), DeclineGuide(), ChooseStretch(), ListStretches())
