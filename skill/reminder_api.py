"""Calls to Alexa's Reminders API and Settings API, through ask-sdk-core's service clients.

`ReminderManagementServiceClient` and `UpsServiceClient` come from the skill's service client
factory (the skill is built with an API client: alexa_api.AlexaApiClient). Every failure is
turned into a `ReminderError` with a kind the person hears about (content reminders.texts.errors)
and logged as one JSON line: no permission (401, or a 403 other than the limit), too many
reminders, a device without reminders, busy (429), down (5xx), a timeout, or not found.
"""
from __future__ import annotations

import json
import logging
import sys
from datetime import datetime, timezone
from typing import Any

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.services import ServiceException
from ask_sdk_model.services.reminder_management import (
    AlertInfo,
    PushNotification,
    PushNotificationStatus,
    Recurrence,
    ReminderRequest,
    SpokenInfo,
    SpokenText,
    Trigger,
    TriggerType,
)

from .dispatch import words
from .reminder_times import Plan, next_local, plan_of_trigger, recurrence_rule

log = logging.getLogger("skill.reminders")


class ReminderError(Exception):
    """A Reminders API call failed; `kind` names what the person hears."""

    def __init__(self, kind: str, status: int | None = None) -> None:
        super().__init__(kind)
        self.kind, self.status = kind, status


def kind_of(error: ServiceException) -> str:
    """no_permission, too_many, device, busy, down, timeout or not_found."""
    status = int(getattr(error, "status_code", 0) or 0)
    body = getattr(error, "body", None)
    code = getattr(body, "code", None) or (body.get("code") if isinstance(body, dict) else None) or ""
    if status == 401:
        return "no_permission"
    if status == 403:
        return {"MAX_REMINDERS_EXCEEDED": "too_many", "DEVICE_NOT_SUPPORTED": "device"}.get(str(code), "no_permission")
    if status == 404:
        return "not_found"
    if status == 429:
        return "busy"
    if "timeout" in str(error).lower():
        return "timeout"
    return "down"


def _call(op: str, fn: Any, *args: Any) -> Any:
    """Run one API call; a failure becomes a ReminderError, logged once as JSON."""
    try:
        return fn(*args)
    except ServiceException as error:
        kind = kind_of(error)
        log.warning(json.dumps({"event": "reminders_error", "op": op, "status": error.status_code, "kind": kind}))
        raise ReminderError(kind, error.status_code) from None
    except ValueError as error:  # no API client or no endpoint in the request
        log.warning(json.dumps({"event": "reminders_error", "op": op, "kind": "down", "error": type(error).__name__}))
        raise ReminderError("down") from None


def has_permission(handler_input: HandlerInput) -> bool:
    """True once the person has allowed reminders (Alexa then sends a consent token)."""
    user = handler_input.request_envelope.context.system.user
    return bool(user and user.permissions and user.permissions.consent_token)


def time_zone(handler_input: HandlerInput) -> str | None:
    """The device's time zone from the Settings API, or None (logged) when it cannot be had."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # (only when a reminder is set: a cold start's cost)

    device = handler_input.request_envelope.context.system.device
    try:
        ups = handler_input.service_client_factory.get_ups_service()
        zone = _call("time_zone", ups.get_system_time_zone, device.device_id)
        ZoneInfo(zone)
        return zone
    except (ReminderError, ZoneInfoNotFoundError, ValueError, TypeError, AttributeError):
        log.warning(json.dumps({"event": "time_zone_unknown"}))
        return None


def request_for(handler_input: HandlerInput, plan: Plan, zone: str | None) -> ReminderRequest:
    """The API's reminder request: recurring rules or a time in the device's zone, or an offset."""
    from zoneinfo import ZoneInfo

    now = datetime.now(ZoneInfo(zone) if zone else timezone.utc).replace(tzinfo=None)
    if plan.kind == "after":
        trigger = Trigger(object_type=TriggerType.SCHEDULED_RELATIVE, offset_in_seconds=int(plan.seconds or 0))
    elif plan.kind == "recurring":
        trigger = Trigger(object_type=TriggerType.SCHEDULED_ABSOLUTE, time_zone_id=zone, recurrence=Recurrence(
            start_date_time=now.replace(microsecond=0), recurrence_rules=[recurrence_rule(plan)]))
    else:
        trigger = Trigger(object_type=TriggerType.SCHEDULED_ABSOLUTE, time_zone_id=zone,
                          scheduled_time=next_local(plan, now))
    text = words(handler_input)
    locale = handler_input.request_envelope.request.locale or "en-US"
    spoken = text.text("reminders.texts.spoken")
    return ReminderRequest(request_time=now.replace(microsecond=0), trigger=trigger,
                           alert_info=AlertInfo(SpokenInfo([SpokenText(locale=locale, text=spoken)])),
                           push_notification=PushNotification(PushNotificationStatus.ENABLED))


def _readable_alert_info() -> None:
    """Let ask-sdk-model read a listed reminder's alertInfo.

    ask-sdk-model (1.82, the latest) names the type of AlertInfo.spokenInfo as
    `reminder_management.alert_info_spoken_info.SpokenInfo`, a module it does not ship, so every
    GET of reminders that carry alertInfo fails to deserialise. The class it means is
    `reminder_management.spoken_info.SpokenInfo`; this makes the name it looks up point there.
    """
    name = "ask_sdk_model.services.reminder_management.alert_info_spoken_info"
    if name not in sys.modules:
        from ask_sdk_model.services.reminder_management import spoken_info

        sys.modules[name] = spoken_info


def client(handler_input: HandlerInput) -> Any:
    _readable_alert_info()
    try:
        return handler_input.service_client_factory.get_reminder_management_service()
    except ValueError:
        raise ReminderError("down") from None


def create(handler_input: HandlerInput, plan: Plan, zone: str | None) -> str:
    """Set the reminder; its alert token."""
    made = _call("create", client(handler_input).create_reminder, request_for(handler_input, plan, zone))
    return made.alert_token


def update(handler_input: HandlerInput, token: str, plan: Plan, zone: str | None) -> None:
    _call("update", client(handler_input).update_reminder, token, request_for(handler_input, plan, zone))


def delete(handler_input: HandlerInput, token: str) -> None:
    _call("delete", client(handler_input).delete_reminder, token)


def stretch_reminders(handler_input: HandlerInput) -> list[tuple[str, Plan]]:
    """The skill's reminders that are still on, newest first: (alert token, plan)."""
    found = _call("list", client(handler_input).get_reminders)
    alerts = [a for a in (found.alerts or []) if getattr(getattr(a, "status", None), "value", a.status) == "ON"]
    alerts.sort(key=lambda a: str(a.created_time or ""), reverse=True)
    plans = [(a.alert_token, plan_of_trigger(a.trigger)) for a in alerts]
    return [(token, plan) for token, plan in plans if plan is not None]
