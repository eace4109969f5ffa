"""When a stretch reminder goes off: read from what Alexa heard, said back, and written for the API.

A `Plan` is one of three shapes:
- recurring: every day, every weekday, weekends or one day of the week, at a local time;
- once: the next time the clock shows that local time;
- after: in so many seconds ("in an hour").

AMAZON.TIME comes as "15:00" (or "MO", "AF", "EV", "NI"); an hour from 1 to 5 with no AM or PM
is taken as the afternoon (a stretch at 3 AM is unlikely, and the time is said back before the
reminder is set). AMAZON.DURATION comes as ISO 8601 ("PT1H", "PT20M"). The recurring rules are
the Reminders API's RFC 5545 `recurrenceRules`, in the device's time zone.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from .content import Content

RECURRENCES = ("daily", "weekdays", "weekends", "monday", "tuesday", "wednesday", "thursday", "friday",
               "saturday", "sunday")
RRULE_DAYS = {"monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH", "friday": "FR",
              "saturday": "SA", "sunday": "SU"}
RULE_DAYS = {"daily": [], "weekdays": ["MO", "TU", "WE", "TH", "FR"], "weekends": ["SA", "SU"],
             **{name: [code] for name, code in RRULE_DAYS.items()}}
TIMES_OF_DAY = {"MO": "09:00", "AF": "15:00", "EV": "19:00", "NI": "21:00"}
LATEST_AFTERNOON_GUESS = 5  # "at three" is 3 PM; "at six" stays 6 AM
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::\d{2})?$")
_DURATION = re.compile(r"^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")
MAX_SECONDS = 7 * 24 * 3600


class Plan(NamedTuple):
    kind: str  # "recurring", "once" or "after"
    time: str | None = None  # "HH:MM", local
    recurrence: str | None = None  # one of RECURRENCES
    seconds: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self._asdict().items() if v is not None}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Plan | None":
        if not data or data.get("kind") not in ("recurring", "once", "after"):
            return None
        return cls(kind=data["kind"], time=data.get("time"), recurrence=data.get("recurrence"),
                   seconds=int(data["seconds"]) if data.get("seconds") is not None else None)


def parse_time(value: str | None) -> str | None:
    """ "HH:MM" from an AMAZON.TIME value, or None when it is not a time of day."""
    if not value:
        return None
    value = value.strip().upper()
    if value in TIMES_OF_DAY:
        return TIMES_OF_DAY[value]
    match = _CLOCK.match(value)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if not (0 <= hour < 24 and 0 <= minute < 60):
        return None
    if 1 <= hour <= LATEST_AFTERNOON_GUESS:
        hour += 12
    return f"{hour:02d}:{minute:02d}"


def parse_duration(value: str | None) -> int | None:
    """Seconds from an AMAZON.DURATION value ("PT1H30M"), or None; at most a week, at least a minute."""
    match = _DURATION.match((value or "").strip().upper())
    if not match or not any(match.groups()):
        return None
    days, hours, minutes, seconds = (int(g or 0) for g in match.groups())
    total = ((days * 24 + hours) * 60 + minutes) * 60 + seconds
    return total if 60 <= total <= MAX_SECONDS else None


def plan_from(time: str | None, recurrence: str | None, duration: str | None) -> Plan | None:
    """The plan the slots describe, or None when they don't say when."""
    seconds = parse_duration(duration)
    if seconds is not None and not time:
        return Plan("after", seconds=seconds)
    clock = parse_time(time)
    if clock is None:
        return None
    if recurrence in RECURRENCES:
        return Plan("recurring", time=clock, recurrence=recurrence)
    return Plan("once", time=clock)


def with_time(plan: Plan, time: str | None, recurrence: str | None) -> Plan | None:
    """A plan changed to a new time (and, when given, a new recurrence); None if the time is not one."""
    clock = parse_time(time)
    if clock is None:
        return None
    if recurrence in RECURRENCES:
        return Plan("recurring", time=clock, recurrence=recurrence)
    if plan.kind == "recurring":
        return Plan("recurring", time=clock, recurrence=plan.recurrence)
    return Plan("once", time=clock)


def say_time(text: Content, clock: str) -> str:
    """ "3 PM", "3:30 PM", "noon", "midnight"."""
    hour, minute = (int(p) for p in clock.split(":"))
    if (hour, minute) == (12, 0):
        return text.text("reminders.noon")
    if (hour, minute) == (0, 0):
        return text.text("reminders.midnight")
    half = text.text("reminders.pm" if hour >= 12 else "reminders.am")
    shown = hour % 12 or 12
    return f"{shown} {half}" if minute == 0 else f"{shown}:{minute:02d} {half}"


def describe(text: Content, plan: Plan) -> str:
    """The plan in words: "every weekday at 3 PM", "at 4 PM", "in 1 hour"."""
    if plan.kind == "after":
        minutes = round((plan.seconds or 0) / 60)
        if minutes % 60 == 0:
            hours = minutes // 60
            return text.text("reminders.in_hours_one" if hours == 1 else "reminders.in_hours", count=hours)
        return text.text("reminders.in_minutes", count=minutes)
    at = say_time(text, plan.time or "00:00")
    if plan.kind == "recurring":
        return text.text(f"reminders.every.{plan.recurrence}", time=at)
    return text.text("reminders.once", time=at)


def recurrence_rule(plan: Plan) -> str:
    """The RFC 5545 rule the Reminders API takes: "FREQ=WEEKLY;BYDAY=MO,...;BYHOUR=15;..."."""
    hour, minute = (int(p) for p in (plan.time or "00:00").split(":"))
    days = RULE_DAYS[plan.recurrence or "daily"]
    freq = f"FREQ=WEEKLY;BYDAY={','.join(days)}" if days else "FREQ=DAILY"
    return f"{freq};BYHOUR={hour};BYMINUTE={minute};BYSECOND=0;INTERVAL=1;"


def next_local(plan: Plan, now: datetime) -> datetime:
    """The next time the clock shows the plan's time, after `now` (local, naive)."""
    hour, minute = (int(p) for p in (plan.time or "00:00").split(":"))
    at = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return at if at > now else at + timedelta(days=1)


def plan_of_trigger(trigger: Any) -> Plan | None:
    """Read a plan back from a reminder the API returns (its rules, its old freq/byDay, or its time)."""
    if trigger is None:
        return None
    kind = getattr(getattr(trigger, "object_type", None), "value", getattr(trigger, "object_type", None))
    if kind == "SCHEDULED_RELATIVE" and trigger.offset_in_seconds:
        return Plan("after", seconds=int(trigger.offset_in_seconds))
    recurrence = trigger.recurrence
    rules = list(getattr(recurrence, "recurrence_rules", None) or [])
    if rules:
        fields = dict(part.split("=", 1) for part in rules[0].strip(";").split(";") if "=" in part)
        clock = f"{int(fields.get('BYHOUR', 0)):02d}:{int(fields.get('BYMINUTE', 0)):02d}"
        return Plan("recurring", time=clock, recurrence=_recurrence_of(fields.get("BYDAY", "").split(",")))
    scheduled = trigger.scheduled_time
    clock = scheduled.strftime("%H:%M") if isinstance(scheduled, datetime) else None
    if recurrence is not None and clock:
        days = [getattr(d, "value", d) for d in (recurrence.by_day or [])]
        return Plan("recurring", time=clock, recurrence=_recurrence_of(days))
    return Plan("once", time=clock) if clock else None


def _recurrence_of(days: list[str]) -> str:
    days = [d for d in days if d]
    for name, codes in RULE_DAYS.items():
        if sorted(codes) == sorted(days):
            return name
    return "daily"
