"""Screens: each guided step also shows as an APL card, only on devices that list APL."""
from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from conftest import Conversation
from skill import content, routine
from skill.session import Routine
from test_guide import every_reply_is_sound  # noqa: F401 - an autouse fixture

RENDER = "Alexa.Presentation.APL.RenderDocument"
STEP_FIELDS = {"stretchName", "stepText", "stepNumber", "stepCount", "holdSeconds"}
STRETCH_IDS = ["cat_cow", "knee_to_chest", "seated_twist", "supine_twist", "chest_opener"]
APL_FILES = sorted(p.name for p in (resources.files("skill") / "apl").iterdir() if p.name.endswith(".json"))


def text():
    return content.for_locale("en-US")


def apl(reply) -> list[dict]:
    return [d for d in reply.directives if d.get("type", "").startswith("Alexa.Presentation.APL")]


def is_step(reply) -> bool:
    """A response that speaks a step: a routine runs, and its current step's text is said."""
    place = ((reply.raw.get("sessionAttributes") or {}).get("turn") or {}).get("routine")
    if not place:
        return False
    _, _, stretch_steps = routine.current(text(), Routine.from_dict(place))
    return stretch_steps[place["step"]]["text"] in reply.speech


# -- the documents ----------------------------------------------------------------------------------

def document(name: str) -> dict:
    return json.loads((resources.files("skill") / "apl" / name).read_text(encoding="utf-8"))


def test_there_is_a_step_card():
    assert "step_card.json" in APL_FILES


@pytest.mark.parametrize("name", APL_FILES)
def test_each_document_is_apl_with_a_version_and_the_step_parameter(name):
    doc = document(name)
    assert doc["type"] == "APL"
    assert re.fullmatch(r"\d{4}\.\d+", doc["version"])
    assert doc["mainTemplate"]["parameters"] == ["step"]
    assert doc["mainTemplate"]["items"]


@pytest.mark.parametrize("name", APL_FILES)
def test_documents_use_only_fields_the_datasource_provides(name):
    raw = json.dumps(document(name))
    used = set(re.findall(r"\bstep\.(\w+)", raw))
    provided = set(routine.card_data(text(), Routine(stretch_ids=["cat_cow"])))
    assert used and used <= provided
    assert STEP_FIELDS <= used  # name, step text, step N of M, hold time all shown
    assert not re.findall(r"\$\{(?!step\.)[A-Za-z]", raw.replace("${step", ""))  # no other data bound


@pytest.mark.parametrize("stretch", STRETCH_IDS)
@pytest.mark.parametrize("easier", [False, True])
def test_card_data_for_every_step(stretch, easier):
    stretch_steps = routine.easier_steps(text(), stretch) if easier else text().stretches[stretch]["steps"]
    for step, data in enumerate(stretch_steps):
        card = routine.card_data(text(), Routine([stretch, "cat_cow"], index=0, step=step, easier=easier))
        assert card["stretchName"] == text().stretches[stretch]["name"].capitalize()
        assert card["stepText"] == data["text"]
        assert (card["stepNumber"], card["stepCount"]) == (step + 1, len(stretch_steps))
        assert card["holdSeconds"] == data.get("hold", 0)
        assert (card["stretchNumber"], card["stretchCount"]) == (1, 2)
        assert card["stopIf"] == text().text("stretches.stop_if")
        assert all(isinstance(v, (str, int)) for v in card.values())


# -- on a screen, each step comes with its card; on a speaker, never a card -------------------------

@pytest.mark.parametrize("stretch", STRETCH_IDS)
def test_each_step_on_a_screen_comes_with_its_card(skill, stretch):
    talk = Conversation(skill, screen=True)
    talk.launch()
    stretch_steps = text().stretches[stretch]["steps"]
    replies = [talk.say("GuideStretchIntent", stretch=(stretch.replace("_", " "), stretch))]
    replies += [talk.say("AMAZON.NextIntent") for _ in stretch_steps[1:]]
    for number, reply in enumerate(replies, start=1):
        (directive,) = apl(reply)
        assert directive["type"] == RENDER
        assert directive["document"] == document("step_card.json")
        card = directive["datasources"]["step"]
        assert STEP_FIELDS <= set(card)
        assert card["stretchName"] == text().stretches[stretch]["name"].capitalize()
        assert card["stepText"] == stretch_steps[number - 1]["text"]
        assert (card["stepNumber"], card["stepCount"]) == (number, len(stretch_steps))
        assert card["holdSeconds"] == stretch_steps[number - 1].get("hold", 0)
        assert len(json.dumps(reply.raw).encode()) < 24 * 1024
    done = talk.say("AMAZON.NextIntent")
    assert not apl(done)


def a_whole_visit(talk: Conversation) -> list:
    """Launch, a routine stepped, asked about, made easier, paused, resumed, then safety turns."""
    talk.launch()
    talk.say("StartRoutineIntent", minutes="5", area=("lower back", "lower_back"))
    for intent in ("AMAZON.NextIntent", "AMAZON.PreviousIntent", "AMAZON.RepeatIntent", "HoldTimeIntent",
                   "WhichStepIntent", "AMAZON.HelpIntent", "SkipStretchIntent", "EasierIntent", "AMAZON.NextIntent",
                   "AMAZON.StartOverIntent", "AMAZON.PauseIntent", "AMAZON.ResumeIntent", "AMAZON.NextIntent",
                   "ItHurtsIntent", "EasierIntent", "AMAZON.NextIntent", "AMAZON.NextIntent", "AMAZON.NoIntent"):
        talk.say(intent)
    talk.say("GuideStretchIntent", stretch=("cat cow", "cat_cow"))
    talk.say("JustPoppedIntent")
    talk.say("WhyWontItPopIntent")
    talk.say("ReportSymptomIntent", symptom=("numbness in my groin", "saddle_numbness"))
    return talk.history


def test_on_a_speaker_no_response_carries_an_apl_directive(stored_skill):
    history = a_whole_visit(Conversation(stored_skill, screen=False))
    assert sum(is_step(r) for r in history) >= 10
    assert not [r.speech for r in history if r.directives]


def test_on_a_screen_only_steps_carry_the_card(stored_skill):
    history = a_whole_visit(Conversation(stored_skill, screen=True))
    for reply in history:
        assert len(apl(reply)) == (1 if is_step(reply) else 0), reply.speech


def test_the_easier_version_shows_its_own_text(skill):
    talk = Conversation(skill, screen=True)
    talk.launch()
    talk.say("GuideStretchIntent", stretch=("cat cow", "cat_cow"))
    (directive,) = apl(talk.say("EasierIntent"))
    assert directive["datasources"]["step"]["stepText"] == text().stretches["cat_cow"]["easier"]
    (directive,) = apl(talk.say("AMAZON.NextIntent"))
    assert directive["datasources"]["step"]["holdSeconds"] == 30
