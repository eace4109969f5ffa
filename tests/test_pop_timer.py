"""The pop timer: "I just popped my back", then "why won't it pop" says how long ago it was."""
from __future__ import annotations

import time

import pytest

import skill.answers as pops_module
from conftest import Conversation
from skill import content
from test_guide import every_reply_is_sound  # noqa: F401 - an autouse fixture

RANGE = "from a few minutes to more than an hour"
ASKS = [("WhyWontItPopIntent", {}), ("CanIPopAgainIntent", {}), ("WhyIntent", {"query": "won't my back pop"})]
USUAL = {"WhyWontItPopIntent": "topics.pop_wont", "CanIPopAgainIntent": "topics.pop_again", "WhyIntent": "topics.pop_wont"}


def text():
    return content.for_locale("en-US")


class Clock:
    """Stands in for the time module in skill.answers: the real time plus an offset in minutes."""

    def __init__(self) -> None:
        self.minutes = 0.0

    def time(self) -> float:
        return time.time() + self.minutes * 60


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(pops_module, "time", clock)
    return clock


def popped(talk: Conversation):
    reply = talk.say("JustPoppedIntent")
    assert reply.speech.endswith(text().text("pops.timer.noted"))
    assert RANGE in reply.speech and not reply.ended and reply.reprompt
    return reply


@pytest.mark.parametrize("ask", ASKS, ids=[a[0] for a in ASKS])
@pytest.mark.parametrize("minutes,said", [(0, "just now"), (1, "about a minute ago"), (7, "about 7 minutes ago"),
                                          (45, "about 45 minutes ago"), (89, "about 89 minutes ago")])
def test_a_pop_then_why_wont_it_pop_says_the_minutes_since(talk, clock, ask, minutes, said):
    talk.launch()
    popped(talk)
    clock.minutes = minutes + 0.5
    reply = talk.say(ask[0], **ask[1])
    assert f"You popped it {said}." in reply.speech
    assert RANGE in reply.speech
    assert reply.well_formed() and not reply.ended
    assert reply.reprompt == text().text("pops.offers.stretch")
    assert "Shall I guide you through it" in talk.say("AMAZON.YesIntent").speech


@pytest.mark.parametrize("ask", ASKS, ids=[a[0] for a in ASKS])
def test_outside_the_window_it_is_the_usual_answer(talk, clock, ask):
    talk.launch()
    popped(talk)
    clock.minutes = 2 * 60
    reply = talk.say(ask[0], **ask[1])
    assert "You popped it" not in reply.speech
    assert text().text(USUAL[ask[0]]) in reply.speech


@pytest.mark.parametrize("ask", ASKS, ids=[a[0] for a in ASKS])
def test_with_no_pop_noted_it_is_the_usual_answer(talk, ask):
    talk.launch()
    reply = talk.say(ask[0], **ask[1])
    assert "You popped it" not in reply.speech
    assert text().text(USUAL[ask[0]]) in reply.speech


def test_a_clock_gone_backwards_is_the_usual_answer(talk, clock):
    talk.launch()
    popped(talk)
    clock.minutes = -10
    assert "You popped it" not in talk.say("WhyWontItPopIntent").speech


def test_the_timer_answers_yes_to_the_offer_to_go_deeper(talk, clock):
    talk.launch()
    popped(talk)
    clock.minutes = 3.2
    talk.say("WhatIsThePopIntent")
    assert "You popped it about 3 minutes ago" in talk.say("AMAZON.YesIntent").speech


@pytest.mark.parametrize("ask", ASKS, ids=[a[0] for a in ASKS])
def test_the_pop_time_is_kept_across_sessions(stored_skill, clock, ask):
    talk = Conversation(stored_skill)
    talk.launch()
    popped(talk)
    talk.end_session()
    clock.minutes = 12.1
    talk.launch()
    reply = talk.say(ask[0], **ask[1])
    assert "You popped it about 12 minutes ago." in reply.speech and RANGE in reply.speech


def test_a_one_shot_question_in_a_new_session_leads_with_the_warning(stored_skill, clock):
    talk = Conversation(stored_skill)
    talk.say("JustPoppedIntent")
    talk.end_session()
    clock.minutes = 20
    reply = talk.say("WhyWontItPopIntent")
    assert reply.speech.startswith(text().text("safety.warning"))
    assert "about 20 minutes ago" in reply.speech


def test_without_a_store_the_pop_time_lasts_the_session(skill, clock):
    talk = Conversation(skill)
    talk.launch()
    popped(talk)
    clock.minutes = 5
    assert "about 5 minutes ago" in talk.say("CanIPopAgainIntent").speech
    talk.end_session()
    talk.launch()
    assert "You popped it" not in talk.say("CanIPopAgainIntent").speech


def test_only_the_time_is_kept(talk):
    talk.launch()
    record = popped(talk).raw["sessionAttributes"]["user"]
    # fields at their defaults are left out of the session's copy; _v: the store's version
    assert set(record) == {"intro_heard", "popped_at", "_v"}
    assert abs(record["popped_at"] - time.time()) < 60


@pytest.mark.parametrize("intent, query", [("QuestionIntent", "did i last pop it"),  # "when did I last pop it?"
                                           ("HowLongIntent", "ago did i last crack my back")])
def test_when_did_i_last_pop_it_says_the_minutes_since_or_that_none_is_noted(talk, clock, intent, query):
    talk.launch()
    none_yet = talk.say(intent, query=query)
    assert none_yet.speech.startswith(text().text("topics.pop_last")) and "You popped it" not in none_yet.speech
    popped(talk)
    clock.minutes = 7.5
    assert "You popped it about 7 minutes ago." in talk.say(intent, query=query).speech


@pytest.mark.parametrize("intent, query", [("QuestionIntent", "cracked me back"),  # "just cracked me back"
                                           ("QuestionIntent", "i just now popped my back")])
def test_a_pop_told_in_free_words_is_noted(talk, clock, intent, query):
    talk.launch()
    assert talk.say(intent, query=query).speech.endswith(text().text("pops.timer.noted"))
    clock.minutes = 3.5
    assert "You popped it about 3 minutes ago." in talk.say("WhyWontItPopIntent").speech


def test_a_pop_told_with_why_asked_is_noted_and_the_pop_explained(talk, clock):
    """ "My back went pop when I bent down to the dishwasher, why's that?": what the pop is, and the
    pop's time kept ("why won't it pop again?" then says how long ago)."""
    talk.launch()
    reply = talk.say("QuestionIntent", query="back went pop suddenly when i bent down to the dishwasher why's that")
    assert text().text("topics.pop_what.text")[:30] in reply.speech and "Noted" not in reply.speech
    clock.minutes = 7.5
    assert "You popped it about 7 minutes ago." in talk.say("WhyWontItPopIntent").speech



def test_a_pop_told_with_why_it_won_t_pop_asked_is_noted_with_why(talk, clock):
    """ "I just cracked my back, how come it won't pop again?": the pop noted, and the note says why
    (the gas needs time), not what the pop is."""
    talk.launch()
    reply = talk.say("QuestionIntent", query="just cracked my back how come it won't pop again")
    assert reply.speech.endswith(text().text("pops.timer.noted")), reply.speech
    clock.minutes = 7.5
    assert "You popped it about 7 minutes ago." in talk.say("WhyWontItPopIntent").speech


@pytest.mark.parametrize("query", ["so long", "'s that"])  # "why so long?", "why's that?"
def test_why_so_long_just_after_the_timer_is_the_pop_in_more_words_not_another_stretch(talk, clock, query):
    """The timer's answer offers a stretch; "why so long?" asks about the gas, not for a stretch: why it
    takes so long, in more words (`topics.pop_again.more`); "why's that?" what the pop is."""
    talk.launch()
    popped(talk)
    talk.say("CanIPopAgainIntent")
    more = talk.say("WhyIntent", query=query)
    assert more.speech.startswith(text().text("topics.pop_again.more" if query == "so long" else "topics.pop_what.more")), more.speech
    assert "Shall I guide you" not in more.speech


def test_when_did_he_last_pop_it_is_the_timer_not_why_it_stopped(talk, clock):
    """ "Dad just cracked his back in the chair" ... "when did he last pop it": the time since."""
    talk.launch()
    popped(talk)
    clock.minutes = 7.5
    assert "You popped it about 7 minutes ago." in talk.say("QuestionIntent", query="did he last pop it").speech
