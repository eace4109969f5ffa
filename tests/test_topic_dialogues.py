"""A dialogue per topic, typed as a person would say it, with its follow-ups.

Each question below is worded apart from the topic's examples (topic_examples.toml). Through the
offline simulator (the words resolved against the interaction model, the skill in process):
the question gets its topic's answer; "what else" continues the topic (its `more`, else the topic
it leads to); "and for my neck?" says the answer holds there too and offers again; "yes" takes
the offer (the next topic, a stretch, or the symptom check).
"""
from __future__ import annotations

import pytest

from heard import topics_heard
from skill import content
from skill.simulator import models
from skill.simulator.chat import Simulator
from skill.simulator.transport import InProcess
from skill.speech import spoken_text

TEXT = content.for_locale("en-US")
TOPICS = TEXT.raw("topics")

QUESTIONS = {
    "pop_what": "how come my spine pops when i roll my shoulders",
    "pop_wont": "i'm trying to crack my back but it just won't go",
    "pop_again": "how long till i can pop it again",
    "pop_stopped": "my back used to crack every morning and now it never does",
    "pop_how": "what's the trick to cracking your own back",
    "crack_harmful": "is it dangerous to crack my back",
    "crack_arthritis": "will all this cracking give me arthritis when i'm older",
    "crack_daily": "i crack my back about twenty times a day is that too much",
    "selfcare": "apart from stretching what can i do for a stiff back",
    "heat": "should i put a hot water bottle on my back",
    "heat_ice": "is an ice pack or a heat pack better for stiffness",
    "bath": "would a long soak in the tub loosen me up",
    "movement": "does going for a walk help a stiff back",
    "water": "could not drinking enough water make my back stiff",
    "posture": "is my slouching making my back worse",
    "desk_posture": "how should i set up my desk so my back doesn't get stiff",
    "yoga_pilates": "would a pilates class be good for my back",
    "professional_choice": "who should i see about my stiff back a physio or a chiropractor",
    "physio": "is it worth seeing a physical therapist",
    "chiropractor": "would a chiropractor sort my back out",
}


def simulator(locale: str = "en-US") -> Simulator:
    return Simulator(models.resolver_for(locale, None), InProcess(), locale=locale)


def said(turn) -> str:
    return spoken_text(((turn.response or {}).get("response", {}).get("outputSpeech") or {}).get("ssml", ""))


def answer_of(topic: str) -> str:
    return TEXT.text(f"topics.{topic}")


@pytest.mark.parametrize("topic", list(QUESTIONS))
def test_a_question_then_what_else(topic):
    sim = simulator()
    sim.say("open back pop coach")
    first = said(sim.say(QUESTIONS[topic]))
    assert topics_heard(first, "en-US") == {topic}, first
    more = said(sim.say("what else"))
    data = TOPICS[topic]
    if "more" in data:
        assert TEXT.text(f"topics.{topic}.more") in more, more
    else:
        assert answer_of(data["next"]) in more, more


@pytest.mark.parametrize("topic", list(QUESTIONS))
def test_a_question_then_and_for_my_neck_then_yes(topic):
    sim = simulator()
    sim.say("open back pop coach")
    sim.say(QUESTIONS[topic])
    neck = said(sim.say("and for my neck"))
    assert neck.startswith(TEXT.text("pops.follow.same_for", area="neck")), neck
    assert neck.endswith(TEXT.text(f"topics.{topic}.offer")), neck
    yes = said(sim.say("yes"))
    lead = TOPICS[topic].get("lead")
    if lead == "stretch":
        assert topics_heard(yes, "en-US") & {"stretch", "guide"}, yes
    elif lead == "check":
        assert topics_heard(yes, "en-US") == {"symptom_check"}, yes
    else:
        assert answer_of(TOPICS[topic]["next"]) in yes, yes


def test_a_stretch_then_and_for_my_hips_offers_one_for_the_hips():
    sim = simulator()
    sim.say("open back pop coach")
    assert "stretch" in topics_heard(said(sim.say("give me a stretch for my lower back")), "en-US")
    hips = said(sim.say("and for my hips"))
    names = [s["name"] for sid, s in TEXT.stretches.items() if "hips" in s["areas"]]
    assert any(name in hips for name in names), hips


def test_what_else_after_a_stretch_offers_another():
    sim = simulator()
    sim.say("open back pop coach")
    first = said(sim.say("give me a stretch for my lower back"))
    other = said(sim.say("what else"))
    offered = [s["name"] for s in TEXT.stretches.values() if s["name"] in first]
    assert offered and offered[0] not in other and "stretch" in topics_heard(other, "en-US") | {"stretch"}
    assert any(s["name"] in other for s in TEXT.stretches.values()), other


@pytest.mark.parametrize("ask", [
    "is there a different one we can do", "i'd prefer another stretch", "could we change to something else",
    "different one", "other stretch please", "can we swap to another exercise",
])
def test_asking_mid_routine_for_a_different_stretch_offers_another(ask):
    sim = simulator()
    sim.say("open back pop coach")
    sim.say("guide me through cat cow")
    sim.say("next")
    reply = said(sim.say(ask))
    cat_cow = TEXT.stretches["cat_cow"]["name"]
    assert cat_cow not in reply and any(s["name"] in reply for s in TEXT.stretches.values()), reply
    started = said(sim.say("yes"))
    assert cat_cow not in started and "guide" in topics_heard(started, "en-US"), started


# Ways of asking what the skill does, in five locales, worded apart from the capabilities examples.
CAPABILITIES = [
    ("en-US", "what kind of help do you give"), ("en-US", "so what are you able to help me with"),
    ("en-US", "what all can i ask"), ("en-US", "what are the things you can do"), ("en-US", "help"),
    ("en-GB", "what's this all about then"), ("en-GB", "what can you do for me"), ("en-GB", "what sort of stuff can i ask"),
    ("en-AU", "what can ya do"), ("en-AU", "what are you good for"), ("en-AU", "how does this thing work"),
    ("en-IN", "kindly tell me what you can do"), ("en-IN", "what all you can do"), ("en-IN", "what are your features"),
    ("en-CA", "what can i ask you about"), ("en-CA", "what do you help with"), ("en-CA", "what are my choices"),
]


@pytest.mark.parametrize("locale, ask", CAPABILITIES)
def test_every_way_of_asking_what_the_skill_does_gets_the_menu(locale, ask):
    sim = simulator(locale)
    sim.say("open back pop coach")
    reply = said(sim.say(ask))
    assert topics_heard(reply, locale) == {"capabilities"}, reply


def test_the_simulator_says_what_the_skill_read_and_which_example_routed_it():
    sim = simulator()
    sim.say("open back pop coach")
    turn = sim.say("so my back clicks loads when i get out of bed why is that")
    shown = turn.as_text()
    assert "Skill reads: red-flag screen: nothing; routed to topic pop_what by example \"" in shown, shown
    assert turn.summary()["reading"] in shown
    flag = sim.say("so my wife can't feel her legs")
    assert "red-flag screen: both_legs (emergency, present, someone else)" in flag.as_text(), flag.as_text()
    assert "routed to" not in flag.as_text()
