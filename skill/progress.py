"""Each person's own progress, and forgetting it.

Only what a finished routine did is kept: the days a person stretched (in their device's time
zone when the skill knows it, else UTC) and the minutes the stretches take, never what they
said about their health. The record is the recognised speaker's, else the account's (the key is
made in one place, store.user_key).

    "How am I doing?"   -> days stretched this week and minutes in all, in one sentence
    launch              -> "3-day streak!" first, when there is a streak
    "forget me"         -> a recognised speaker's own record; then, asked, the account's too
    "forget everyone"   -> the speaker's record and the account's
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Iterator

from ask_sdk_core.exceptions import AttributesManagerException
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from . import session
from .dispatch import IntentHandler, pending, words
from .routine import stretch_seconds
from .session import Routine, UserRecord
from .speech import question, render

DAYS_KEPT = 60  # a streak or a week never looks further back
MIN_STREAK = 2


def local_today(record: UserRecord, now: float | None = None) -> date:
    """Today in the person's time zone (remembered from the device's settings), else in UTC."""
    zone: tzinfo = timezone.utc
    name = record.prefs.get("time_zone")
    if isinstance(name, str) and name:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # (only when a zone is known: a cold start's cost)

        try:
            zone = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            zone = timezone.utc
    return datetime.fromtimestamp(time.time() if now is None else now, zone).date()


def days_stretched(record: UserRecord) -> dict[str, int]:
    """ISO date -> seconds of stretching that day."""
    days = record.progress.get("days")
    return {str(k): int(v) for k, v in days.items()} if isinstance(days, dict) else {}


def note_routine(handler_input: HandlerInput, routine: Routine) -> None:
    """A routine finished: add its stretches' time to today, and to the total."""
    text = words(handler_input)
    seconds = round(sum(stretch_seconds(text, sid) for sid in routine.stretch_ids if sid in text.stretches))
    record = session.user_record(handler_input)
    today = local_today(record)
    days = days_stretched(record)
    days[today.isoformat()] = days.get(today.isoformat(), 0) + seconds
    oldest = (today - timedelta(days=DAYS_KEPT)).isoformat()
    record.progress = {"days": {d: s for d, s in sorted(days.items()) if d > oldest},
                       "total_seconds": int(record.progress.get("total_seconds", 0)) + seconds}
    session.save_user_record(handler_input, record)


def week_days(record: UserRecord, today: date) -> int:
    """Days stretched this week (from Monday)."""
    monday = today - timedelta(days=today.weekday())
    return sum(1 for d, s in days_stretched(record).items() if s > 0 and monday.isoformat() <= d <= today.isoformat())


def streak(record: UserRecord, today: date) -> int:
    """Days in a row ending today (or yesterday, when today has no stretch yet)."""
    stretched = {d for d, s in days_stretched(record).items() if s > 0}
    day = today if today.isoformat() in stretched else today - timedelta(days=1)
    count = 0
    while day.isoformat() in stretched:
        count += 1
        day -= timedelta(days=1)
    return count


def streak_line(handler_input: HandlerInput) -> str | None:
    """ "3-day streak!" at launch, when there is a streak of two days or more."""
    record = session.user_record(handler_input)
    days = streak(record, local_today(record))
    return words(handler_input).text("progress.streak", days=days) if days >= MIN_STREAK else None


def _plural(handler_input: HandlerInput, key: str, count: int) -> str:
    return words(handler_input).text(f"progress.{key}_one" if count == 1 else f"progress.{key}_many", count=count)


class HowAmIDoing(IntentHandler):
    """ "How am I doing?": days this week and minutes in all, in one sentence."""

    intents = ("ProgressIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        text = words(handler_input)
        record = session.user_record(handler_input)
        days = week_days(record, local_today(record))
        minutes = round(int(record.progress.get("total_seconds", 0)) / 60)
        state = session.turn(handler_input)
        state.pending, state.offer = "stretch", {}
        if not days and not minutes:
            said = text.text("progress.nothing_yet")
        else:
            said = text.text("progress.week", days=_plural(handler_input, "days", days),
                             minutes=_plural(handler_input, "minutes", minutes))
        ask = text.text("progress.offer")
        return render(handler_input, question(said, ask, reprompt=ask))


@contextmanager
def as_account(handler_input: HandlerInput) -> Iterator[None]:
    """Act on the account's record for the length of the block, whoever is speaking."""
    system = handler_input.request_envelope.context.system
    person, system.person = system.person, None
    try:
        yield
    finally:
        system.person = person


def recognised(handler_input: HandlerInput) -> bool:
    context = handler_input.request_envelope.context
    person = getattr(getattr(context, "system", None), "person", None)
    return bool(getattr(person, "person_id", None))


def forget_account(handler_input: HandlerInput) -> None:
    """Delete the account's shared record (the speaker's own is untouched)."""
    with as_account(handler_input):
        try:
            handler_input.attributes_manager.delete_persistent_attributes()
        except AttributesManagerException:
            pass  # no store: nothing was kept


class ForgetMeAsPerson(IntentHandler):
    """ "Forget me" from a recognised speaker: their own record, then the account's if they say so."""

    intents = ("ForgetMeIntent",)

    def when(self, handler_input: HandlerInput) -> bool:
        return recognised(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        session.forget_user(handler_input)
        state = session.turn(handler_input)
        state.routine, state.pending = None, "forget_account"
        text = words(handler_input)
        ask = text.text("progress.forget_account_too")
        return render(handler_input, question(text.text("progress.forgot_person"), ask, reprompt=ask))


class ForgetAccountToo(IntentHandler):
    """ "Yes" to "shall I delete the account's shared record too?" """

    intents = ("AMAZON.YesIntent",)

    def when(self, handler_input: HandlerInput) -> bool:
        return pending(handler_input, "forget_account")

    def handle(self, handler_input: HandlerInput) -> Response:
        forget_account(handler_input)
        session.turn(handler_input).pending = None
        text = words(handler_input)
        return render(handler_input, question(text.text("progress.forgot_account"),
                                              reprompt=text.text("basics.forgot_reprompt")))


class ForgetEveryone(IntentHandler):
    """ "Forget everyone": the speaker's record and the account's shared one."""

    intents = ("ForgetEveryoneIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        person = recognised(handler_input)
        session.forget_user(handler_input)
        if person:
            forget_account(handler_input)
        state = session.turn(handler_input)
        state.routine, state.pending = None, None
        text = words(handler_input)
        return render(handler_input, question(text.text("progress.forgot_everyone"),
                                              reprompt=text.text("basics.forgot_reprompt")))


HANDLERS = (HowAmIDoing(), ForgetMeAsPerson(), ForgetAccountToo(), ForgetEveryone())
