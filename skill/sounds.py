"""The chime at the end of each hold: "no sounds" turns it off, "sounds on" back on, remembered.

The choice is kept in the person's record (`UserRecord.prefs["sounds"]`), next to the routine
place: a preference, never anything about their health. Mid-routine the answer ends with "say
next when you're ready", so the routine carries on where it was.
"""
from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_intent_name
from ask_sdk_model import Response

from . import session
from .dispatch import IntentHandler, pending, words
from .routine import running
from .speech import question, render


def set_sounds(handler_input: HandlerInput, on: bool) -> None:
    record = session.user_record(handler_input)
    record.prefs["sounds"] = on
    session.save_user_record(handler_input, record)


class SoundPreference(IntentHandler):
    """ "No sounds", "turn the chime off"; "sounds on", "bring the chime back". """

    intents = ("SoundsOffIntent", "SoundsOnIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        text = words(handler_input)
        on = get_intent_name(handler_input) == "SoundsOnIntent"
        set_sounds(handler_input, on)
        said = text.text("sounds.on" if on else "sounds.off")
        if running(handler_input) is not None:
            session.turn(handler_input).pending = "routine"
            return render(handler_input, question(said, text.text("guide.say_next"),
                                                  reprompt=text.text("guide.next_reprompt")))
        state = session.turn(handler_input)
        if pending(handler_input, "guide") and state.offer.get("stretch"):  # a stretch offered stays offered ("can you turn off that chime")
            state.pending = "guide"
            offer = text.text("stretches.pick_offer")
            return render(handler_input, question(said, offer, reprompt=offer))
        state.pending = None
        return render(handler_input, question(said, text.text("basics.anything_else"),
                                              reprompt=text.text("basics.anything_else_reprompt")))


HANDLERS = (SoundPreference(),)
