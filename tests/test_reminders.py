"""Stretch reminders by voice, against a fake Alexa API on loopback (the envelopes' apiEndpoint):
asked about and said back, consent asked for by voice and answered, set in one turn after it,
listed, changed, cancelled; and every failure answered clearly and logged as one JSON line."""
from __future__ import annotations

import json
import logging
import time

import pytest

import skill.reminders as reminders_module
from conftest import Conversation
from skill import build_skill, content
from skill.alexa_api import AlexaApiClient
from skill.simulator.fake_alexa import FakeAlexaApi

SCOPE = "alexa::alerts:reminders:skill:readwrite"
WEEKDAYS = ("every weekday", "weekdays")


def text(key: str, **values) -> str:
    return content.for_locale("en-US").text(f"reminders.texts.{key.replace('.', '_')}", **values)


@pytest.fixture
def api():
    with FakeAlexaApi(time_zone="Europe/London") as fake:
        yield fake


@pytest.fixture
def person(api):
    """Someone on a device whose requests name the fake API as Alexa's, with no permission yet."""
    talk = Conversation(build_skill(api_client=AlexaApiClient(timeout=0.5)), api_endpoint=api.url)
    talk.launch()
    return talk


def grant(talk: Conversation, api: FakeAlexaApi) -> None:
    """What Alexa does once the person has allowed reminders: the API accepts, requests carry a consent token."""
    api.granted, talk.consent_token = True, "consent.token.TEST"


def consent_answer(talk: Conversation, status: str, token: str) -> object:
    return talk.send({"type": "Connections.Response", "name": "AskFor", "status": {"code": "200", "message": "OK"},
                      "payload": {"status": status, "permissionScopes": [
                          {"permissionScope": SCOPE, "consentLevel": "ACCOUNT",
                           "permissionStatus": "GRANTED" if status == "ACCEPTED" else "DENIED"}]},
                      "token": token})


def ask_for(reply) -> dict:
    found = [d for d in reply.directives if d.get("type") == "Connections.SendRequest"]
    assert len(found) == 1, reply.directives
    return found[0]


def only_reminder(api: FakeAlexaApi) -> dict:
    assert len(api.reminders) == 1, api.reminders
    return next(iter(api.reminders.values()))


def set_weekdays_at_three(talk: Conversation, api: FakeAlexaApi) -> None:
    grant(talk, api)
    talk.say("SetReminderIntent", time="03:00", recurrence=WEEKDAYS)
    talk.say("AMAZON.YesIntent")


# -- set, with consent ----------------------------------------------------------------------------

def test_a_reminder_is_said_back_asked_for_by_voice_and_set_in_one_turn_after_consent(person, api):
    asked = person.say("SetReminderIntent", time="03:00", recurrence=WEEKDAYS)
    assert asked.speech == text("confirm.set", when="every weekday at 3 PM")
    assert not api.calls, "nothing is sent before the person says yes"

    consent = person.say("AMAZON.YesIntent")
    directive = ask_for(consent)
    assert directive["name"] == "AskFor"
    assert directive["payload"] == {"@type": "AskForPermissionsConsentRequest", "@version": "2",
                                    "permissionScopes": [{"permissionScope": SCOPE, "consentLevel": "ACCOUNT"}]}
    assert consent.speech == text("consent.lead", when="every weekday at 3 PM")
    assert "reprompt" not in consent.response and consent.response.get("shouldEndSession") is not True

    grant(person, api)
    done = consent_answer(person, "ACCEPTED", directive["token"])
    assert done.speech.startswith(text("done.set", when="every weekday at 3 PM", cancel=text("done.cancel")))
    assert "cancel my stretch reminder" in done.speech
    kept = only_reminder(api)
    assert kept["trigger"]["type"] == "SCHEDULED_ABSOLUTE" and kept["trigger"]["timeZoneId"] == "Europe/London"
    assert kept["trigger"]["recurrence"]["recurrenceRules"] == [
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=15;BYMINUTE=0;BYSECOND=0;INTERVAL=1;"]
    assert kept["alertInfo"]["spokenInfo"]["content"] == [{"locale": "en-US", "text": text("spoken")}]
    assert ("GET", "/v2/devices/amzn1.ask.device.SIMULATOR/settings/System.timeZone") in api.calls
    assert done.raw["sessionAttributes"]["user"]["prefs"]["time_zone"] == "Europe/London"


@pytest.mark.parametrize("status,key", [("DENIED", "consent.denied"), ("NOT_ANSWERED", "consent.not_answered")])
def test_consent_refused_or_not_answered_sets_nothing_and_says_so(person, api, status, key):
    person.say("SetReminderIntent", time="17:00", recurrence=("every day", "daily"))
    directive = ask_for(person.say("AMAZON.YesIntent"))
    answered = consent_answer(person, status, directive["token"])
    assert answered.speech.startswith(text(key)) and not answered.ended
    assert api.reminders == {} and not [c for c in api.calls if c[0] == "POST"]


def test_with_permission_already_yes_sets_it_at_once(person, api):
    grant(person, api)
    person.say("SetReminderIntent", time="09:30", recurrence=("every monday", "monday"))
    done = person.say("AMAZON.YesIntent")
    assert not done.directives
    assert done.speech.startswith(text("done.set", when="every Monday at 9:30 AM", cancel=text("done.cancel")))
    assert only_reminder(api)["trigger"]["recurrence"]["recurrenceRules"] == [
        "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=30;BYSECOND=0;INTERVAL=1;"]


def test_in_an_hour_is_a_relative_reminder(person, api):
    grant(person, api)
    assert person.say("SetReminderIntent", duration="PT1H").speech == text("confirm.set", when="in 1 hour")
    person.say("AMAZON.YesIntent")
    assert only_reminder(api)["trigger"] == {"type": "SCHEDULED_RELATIVE", "offsetInSeconds": 3600}


def test_a_one_off_time_is_the_next_time_the_clock_shows_it_in_the_devices_zone(person, api):
    grant(person, api)
    person.say("SetReminderIntent", time="16:15")
    person.say("AMAZON.YesIntent")
    trigger = only_reminder(api)["trigger"]
    assert trigger["type"] == "SCHEDULED_ABSOLUTE" and trigger["timeZoneId"] == "Europe/London"
    assert trigger["scheduledTime"].endswith("T16:15:00") and "recurrence" not in trigger


def test_remind_me_without_a_time_asks_when_then_takes_the_answer(person, api):
    asked = person.say("SetReminderIntent")
    assert asked.speech == text("when.ask") and not asked.ended
    assert person.say("SetReminderIntent", time="10:00").speech == text("confirm.set", when="at 10 AM")


@pytest.mark.parametrize("intent, query", [
    ("CanIntent", "remind me to do my stretches every day at 7 am"),  # "can you remind me to ..." (no sample holds it)
    ("CanIntent", "set me a reminder for my stretches every arvo at four"),
    ("QuestionIntent", "set me a reminder for my stretches"),
])
def test_a_reminder_asked_for_in_free_words_asks_when_then_takes_the_answer(person, api, intent, query):
    """Not a cracking answer or a stretch offered: the reminder, its time asked as for "remind me to stretch"."""
    asked = person.say(intent, query=query)
    assert asked.speech == text("when.ask") and not asked.ended
    assert person.say("SetReminderIntent", time="10:00").speech == text("confirm.set", when="at 10 AM")


def test_a_reminder_change_asked_for_in_free_words_is_the_change(person, api):
    """ "Can you change my reminder to half seven instead of eight": with none set, says so."""
    assert person.say("CanIntent", query="change my reminder to half seven instead of eight").speech.startswith(
        text("nothing_to_change"))


def test_no_to_the_question_sets_nothing(person, api):
    grant(person, api)
    person.say("SetReminderIntent", time="03:00", recurrence=WEEKDAYS)
    assert "Anything else" in person.say("AMAZON.NoIntent").speech
    assert api.reminders == {}


# -- list, change, cancel -------------------------------------------------------------------------

def test_list_change_and_cancel_by_voice(person, api):
    set_weekdays_at_three(person, api)
    listed = person.say("ListRemindersIntent")
    assert listed.speech.startswith(text("list.one", when="every weekday at 3 PM"))

    asked = person.say("ChangeReminderIntent", time="04:00")
    assert asked.speech == text("confirm.change", previous="every weekday at 3 PM", when="every weekday at 4 PM")
    changed = person.say("AMAZON.YesIntent")
    assert changed.speech.startswith(text("done.changed", when="every weekday at 4 PM", cancel=text("done.cancel")))
    kept = only_reminder(api)
    assert kept["version"] == "2" and "BYHOUR=16;" in kept["trigger"]["recurrence"]["recurrenceRules"][0]

    cancelled = person.say("CancelReminderIntent")
    assert cancelled.speech.startswith(text("done.cancelled_one", when="every weekday at 4 PM"))
    assert api.reminders == {}
    assert person.say("ListRemindersIntent").speech.startswith(text("list.none"))


def test_two_reminders_are_listed_and_cancelled_together(person, api):
    set_weekdays_at_three(person, api)
    person.say("SetReminderIntent", time="10:00", recurrence=("every saturday", "saturday"))
    person.say("AMAZON.YesIntent")
    listed = person.say("ListRemindersIntent")
    assert "2 stretch reminders" in listed.speech
    assert "every Saturday at 10 AM" in listed.speech and "every weekday at 3 PM" in listed.speech
    assert person.say("CancelReminderIntent").speech.startswith(text("done.cancelled_many", count=2))
    assert api.reminders == {}


def test_change_with_no_reminder_says_so(person, api):
    grant(person, api)
    assert person.say("ChangeReminderIntent", time="04:00").speech.startswith(text("nothing_to_change"))


def test_without_a_consent_token_nothing_is_asked_of_the_api(person, api):
    assert person.say("ListRemindersIntent").speech.startswith(text("list.none"))
    assert person.say("CancelReminderIntent").speech.startswith(text("list.none"))
    assert person.say("ChangeReminderIntent", time="04:00").speech.startswith(text("nothing_to_change"))
    assert api.calls == []


# -- failures: a clear answer, one JSON log line ---------------------------------------------------

@pytest.mark.parametrize("status,code,kind", [
    (401, "UNAUTHORIZED", "no_permission"),
    (403, "FORBIDDEN", "no_permission"),
    (403, "MAX_REMINDERS_EXCEEDED", "too_many"),
    (403, "DEVICE_NOT_SUPPORTED", "device"),
    (429, "TOO_MANY_REQUESTS", "busy"),
    (500, "INTERNAL_SERVER_ERROR", "down"),
    (503, "SERVICE_UNAVAILABLE", "down"),
])
def test_a_failed_create_is_answered_clearly_and_logged(person, api, caplog, status, code, kind):
    grant(person, api)
    person.say("SetReminderIntent", time="03:00", recurrence=WEEKDAYS)
    api.fail_next(status, code)
    with caplog.at_level(logging.WARNING, logger="skill.reminders"):
        reply = person.say("AMAZON.YesIntent")
    assert reply.speech.startswith(text(f"errors.{kind}")) and not reply.ended
    assert api.reminders == {}
    lines = [json.loads(r.getMessage()) for r in caplog.records if "reminders_error" in r.getMessage()]
    assert lines == [{"event": "reminders_error", "op": "create", "status": status, "kind": kind}]
    if kind == "no_permission":
        assert reply.response["card"] == {"type": "AskForPermissionsConsent", "permissions": [SCOPE]}


def test_too_many_reminders_from_the_api_itself(person, api):
    api.max_reminders = 1
    set_weekdays_at_three(person, api)
    person.say("SetReminderIntent", time="10:00", recurrence=("every day", "daily"))
    assert person.say("AMAZON.YesIntent").speech.startswith(text("errors.too_many"))


@pytest.mark.parametrize("intent,slots", [("ListRemindersIntent", {}), ("CancelReminderIntent", {}),
                                          ("ChangeReminderIntent", {"time": "04:00"})])
@pytest.mark.parametrize("status,kind", [(401, "no_permission"), (429, "busy"), (500, "down")])
def test_a_failed_list_change_or_cancel_is_answered_clearly(person, api, intent, slots, status, kind):
    set_weekdays_at_three(person, api)
    api.fail_next(status)
    assert person.say(intent, **slots).speech.startswith(text(f"errors.{kind}"))
    assert len(api.reminders) == 1


def test_an_api_too_slow_to_answer_is_a_clear_answer_in_time(person, api, caplog):
    grant(person, api)
    person.say("SetReminderIntent", time="03:00", recurrence=WEEKDAYS)
    api.delay_s = 2.0  # the skill's client waits 0.5 s
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="skill.reminders"):
        reply = person.say("AMAZON.YesIntent")
    elapsed = time.monotonic() - started
    assert reply.speech.startswith(text("errors.down"))
    assert any('"kind": "timeout"' in r.getMessage() for r in caplog.records)
    assert elapsed < 8, "Alexa waits about 8 seconds"


def test_an_unknown_time_zone_still_sets_the_reminder_in_the_devices_own(person, api, caplog):
    api.time_zone = "Not/AZone"
    grant(person, api)
    person.say("SetReminderIntent", time="03:00", recurrence=WEEKDAYS)
    with caplog.at_level(logging.WARNING, logger="skill.reminders"):
        person.say("AMAZON.YesIntent")
    assert "timeZoneId" not in only_reminder(api)["trigger"]
    assert any("time_zone_unknown" in r.getMessage() for r in caplog.records)


# -- the offer after a routine: at most once a week ------------------------------------------------

def finish_cat_cow(talk: Conversation):
    talk.say("GuideStretchIntent", stretch=("cat cow", "cat_cow"))
    for _ in range(3):
        talk.say("AMAZON.NextIntent")
    return talk.say("AMAZON.NextIntent")


def test_a_reminder_is_offered_after_a_routine_once_a_week(person, api, monkeypatch):
    assert "another stretch" in finish_cat_cow(person).speech
    offered = person.say("AMAZON.NoIntent")
    assert offered.speech == text("offer.ask") and not offered.ended
    assert person.say("AMAZON.YesIntent").speech == text("when.ask")
    finish_cat_cow(person)
    assert text("offer.ask") not in person.say("AMAZON.NoIntent").speech  # not again this week
    real = time.time
    monkeypatch.setattr(reminders_module.time, "time", lambda: real() + 8 * 24 * 3600)
    finish_cat_cow(person)
    assert person.say("AMAZON.NoIntent").speech == text("offer.ask")


def test_no_offer_to_someone_who_has_a_reminder(person, api):
    set_weekdays_at_three(person, api)
    finish_cat_cow(person)
    assert text("offer.ask") not in person.say("AMAZON.NoIntent").speech


def test_no_to_the_offer_is_remembered_for_the_week(person, api):
    finish_cat_cow(person)
    person.say("AMAZON.NoIntent")
    assert "Anything else" in person.say("AMAZON.NoIntent").speech
    finish_cat_cow(person)
    assert text("offer.ask") not in person.say("AMAZON.NoIntent").speech
