"""Stretch reminders, with consent, managed by voice.

    "remind me to stretch every weekday at three"  -> "Shall I remind you to stretch every weekday at 3 PM?"
    "yes"   -> with permission: set, and said back with how to cancel; without: Alexa asks for it
               (Connections.SendRequest AskFor), and the Connections.Response that follows sets
               the reminder in that one turn (ACCEPTED) or says why not (DENIED, NOT_ANSWERED)
    "what reminders do I have", "change my stretch reminder to four", "cancel my stretch reminder"

After a finished routine, a "no" to another stretch brings a reminder offer, at most once a week
and not to someone who has one; each reminder is asked about, and consented to, on its own (Amazon's reminder guidelines).
The API calls and their failures are in reminder_api.py, the times in reminder_times.py.
"""
from __future__ import annotations

import json
import time
from typing import Any

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_model.interfaces.connections import SendRequestDirective
from ask_sdk_model.ui import AskForPermissionsConsentCard

from . import reminder_api as api
from . import session
from .dispatch import IntentHandler, RequestHandler, pending, slot_id, slot_text, words
from .reminder_times import Plan, describe, plan_from, with_time
from .speech import Reply, question, render

SCOPE = "alexa::alerts:reminders:skill:readwrite"
OFFER_EVERY_SECONDS = 7 * 24 * 3600


def _text(handler_input: HandlerInput, key: str, **values: Any) -> str:
    key = key.replace(".", "_")  # "confirm.set" is the text confirm_set
    return words(handler_input).text(f"reminders.texts.{key}", **values)


def _ask(handler_input: HandlerInput, said: str, reprompt_key: str, *lead: str) -> Reply:
    return question(*lead, said, reprompt=_text(handler_input, reprompt_key))


def _then_anything_else(handler_input: HandlerInput, said: str) -> Response:
    """Say it, then ask whether there is anything else (the reminder talk is over)."""
    ask = _text(handler_input, "done.anything_else")
    return render(handler_input, question(said, ask, reprompt=ask))


def _stretch_reminders(handler_input: HandlerInput) -> list[tuple[str, Any]]:
    """The skill's stretch reminders (none without permission); raises api.ReminderError."""
    return api.stretch_reminders(handler_input) if api.has_permission(handler_input) else []


def _failed(handler_input: HandlerInput, error: api.ReminderError) -> Response:
    """A clear spoken answer for a failed call; no permission also shows the consent card."""
    said = _text(handler_input, f"errors.{error.kind if error.kind != 'timeout' else 'down'}")
    session.turn(handler_input).pending, session.turn(handler_input).reminder = None, None
    response = _then_anything_else(handler_input, said)
    if error.kind == "no_permission":
        response.card = AskForPermissionsConsentCard(permissions=[SCOPE])
    return response


def ask_when(handler_input: HandlerInput, *lead: str) -> Response:
    state = session.turn(handler_input)
    state.pending, state.reminder = "reminder_when", None
    return render(handler_input, _ask(handler_input, _text(handler_input, "when.ask"), "when.reprompt", *lead))


def confirm(handler_input: HandlerInput, plan: Plan, op: str = "set", token: str | None = None,
            previous: str | None = None) -> Response:
    """Say the reminder back and ask before setting (or changing) it."""
    state = session.turn(handler_input)
    state.pending = "reminder_confirm"
    state.reminder = {"op": op, "plan": plan.to_dict(), "token": token}
    when = describe(words(handler_input), plan)
    key = "confirm.change" if op == "change" else "confirm.set"
    return render(handler_input, _ask(handler_input, _text(handler_input, key, when=when, previous=previous),
                                      f"{key}_reprompt"))


def carry_out(handler_input: HandlerInput, pending_: dict[str, Any]) -> Response:
    """Set or change the reminder now, and say it back with how to cancel."""
    plan = Plan.from_dict(pending_.get("plan"))
    state = session.turn(handler_input)
    state.pending, state.reminder = None, None
    if plan is None:
        return ask_when(handler_input)
    try:
        zone = _zone(handler_input)
        if pending_.get("op") == "change" and pending_.get("token"):
            api.update(handler_input, str(pending_["token"]), plan, zone)
            key = "done.changed"
        else:
            api.create(handler_input, plan, zone)
            key = "done.set"
    except api.ReminderError as error:
        return _failed(handler_input, error)
    _note_reminder(handler_input, True)
    said = _text(handler_input, key, when=describe(words(handler_input), plan), cancel=_text(handler_input, "done.cancel"))
    return _then_anything_else(handler_input, said)


def _zone(handler_input: HandlerInput) -> str | None:
    """The device's time zone, remembered in the record (progress days follow it too)."""
    zone = api.time_zone(handler_input)
    record = session.user_record(handler_input)
    if zone and record.prefs.get("time_zone") != zone:
        record.prefs["time_zone"] = zone
        session.save_user_record(handler_input, record)
    return zone


def _note_reminder(handler_input: HandlerInput, has_one: bool) -> None:
    record = session.user_record(handler_input)
    record.prefs["has_reminder"] = has_one
    session.save_user_record(handler_input, record)


class SetReminder(IntentHandler):
    """ "Remind me to stretch every weekday at three", "... in an hour", or just "remind me to stretch"."""

    intents = ("SetReminderIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        plan = plan_from(slot_text(handler_input, "time"), slot_id(handler_input, "recurrence"),
                         slot_text(handler_input, "duration"))
        return confirm(handler_input, plan) if plan else ask_when(handler_input)


class ReminderConfirmed(IntentHandler):
    """ "Yes" to "shall I remind you ...?": set it now, or ask Alexa for the permission first."""

    intents = ("AMAZON.YesIntent",)

    def when(self, handler_input: HandlerInput) -> bool:
        return pending(handler_input, "reminder_confirm") and bool(session.turn(handler_input).reminder)

    def handle(self, handler_input: HandlerInput) -> Response:
        asked = dict(session.turn(handler_input).reminder or {})
        if api.has_permission(handler_input):
            return carry_out(handler_input, asked)
        plan = Plan.from_dict(asked.get("plan"))
        when = describe(words(handler_input), plan) if plan else ""
        builder = handler_input.response_builder
        render(handler_input, Reply([_text(handler_input, "consent.lead", when=when)], end_session=None))
        builder.add_directive(SendRequestDirective(name="AskFor", token=json.dumps(asked, separators=(",", ":")), payload={
            "@type": "AskForPermissionsConsentRequest", "@version": "2",
            "permissionScopes": [{"permissionScope": SCOPE, "consentLevel": "ACCOUNT"}]}))
        session.turn(handler_input).pending = "reminder_consent"
        return builder.response


class ConsentAnswered(RequestHandler):
    """The Connections.Response after Alexa asked for the permission: set the reminder in this turn."""

    request_types = ("Connections.Response",)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return super().can_handle(handler_input) and handler_input.request_envelope.request.name == "AskFor"

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        status = str((request.payload or {}).get("status") or "NOT_ANSWERED").upper()
        try:
            asked = json.loads(request.token or "{}")
        except ValueError:
            asked = {}
        asked = asked or dict(session.turn(handler_input).reminder or {})
        if status == "ACCEPTED" and asked:
            return carry_out(handler_input, asked)
        state = session.turn(handler_input)
        state.pending, state.reminder = None, None
        said = _text(handler_input, "consent.denied" if status == "DENIED" else "consent.not_answered")
        return _then_anything_else(handler_input, said)


class ListReminders(IntentHandler):
    """ "What reminders do I have?" """

    intents = ("ListRemindersIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        try:
            found = _stretch_reminders(handler_input)
        except api.ReminderError as error:
            return _failed(handler_input, error)
        text = words(handler_input)
        whens = [describe(text, plan) for _, plan in found]
        if not whens:
            said = _text(handler_input, "list.none")
        elif len(whens) == 1:
            said = _text(handler_input, "list.one", when=whens[0])
        else:
            joined = f"{', '.join(whens[:-1])} {_text(handler_input, 'list.and')} {whens[-1]}"
            said = _text(handler_input, "list.many", count=len(whens), when=joined)
        return _then_anything_else(handler_input, said)


class ChangeReminder(IntentHandler):
    """ "Change my stretch reminder to four": the newest one, said back before it changes."""

    intents = ("ChangeReminderIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        try:
            found = _stretch_reminders(handler_input)
        except api.ReminderError as error:
            return _failed(handler_input, error)
        if not found:
            return _then_anything_else(handler_input, _text(handler_input, "nothing_to_change"))
        token, old = found[0]
        new = with_time(old, slot_text(handler_input, "time"), slot_id(handler_input, "recurrence"))
        if new is None:
            return ask_when(handler_input)
        return confirm(handler_input, new, "change", token, previous=describe(words(handler_input), old))


class CancelReminder(IntentHandler):
    """ "Cancel my stretch reminder": every stretch reminder the skill set, said back."""

    intents = ("CancelReminderIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        try:
            found = _stretch_reminders(handler_input)
            for token, _ in found:
                api.delete(handler_input, token)
        except api.ReminderError as error:
            return _failed(handler_input, error)
        session.turn(handler_input).pending = None
        if not found:
            return _then_anything_else(handler_input, _text(handler_input, "list.none"))
        _note_reminder(handler_input, False)
        said = (_text(handler_input, "done.cancelled_one", when=describe(words(handler_input), found[0][1]))
                if len(found) == 1 else _text(handler_input, "done.cancelled_many", count=len(found)))
        return _then_anything_else(handler_input, said)


class OfferAccepted(IntentHandler):
    """ "Yes" to the weekly offer after a routine: when?"""

    intents = ("AMAZON.YesIntent",)

    def when(self, handler_input: HandlerInput) -> bool:
        return pending(handler_input, "reminder_offer")

    def handle(self, handler_input: HandlerInput) -> Response:
        return ask_when(handler_input)


def may_offer(handler_input: HandlerInput) -> bool:
    """At most once a week, and never to someone who has a reminder."""
    record = session.user_record(handler_input)
    return not record.prefs.get("has_reminder") and (record.reminder_offered_at or 0) <= time.time() - OFFER_EVERY_SECONDS


class NoMoreStretches(IntentHandler):
    """ "No" to "another stretch?" just after a finished routine: offer a reminder (weekly at most)."""

    intents = ("AMAZON.NoIntent",)

    def when(self, handler_input: HandlerInput) -> bool:
        state = session.turn(handler_input)
        return pending(handler_input, "stretch") and "finished" in state.offer and may_offer(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        record = session.user_record(handler_input)
        record.reminder_offered_at = time.time()
        session.save_user_record(handler_input, record)
        state = session.turn(handler_input)
        state.pending, state.offer = "reminder_offer", {}
        ask = _text(handler_input, "offer.ask")
        return render(handler_input, question(ask, reprompt=ask))


HANDLERS = (SetReminder(), ReminderConfirmed(), ConsentAnswered(), ListReminders(), ChangeReminder(),
            CancelReminder(), OfferAccepted(), NoMoreStretches())
