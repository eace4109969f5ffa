"""Screens: each guided step also shows as an APL card, only on devices that list APL."""
from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from conftest import Conversation
import independent_checkers
from skill import content, display, routine
from skill.session import Routine
from test_guide import every_reply_is_sound  # noqa: F401 - an autouse fixture

RENDER = "Alexa.Presentation.APL.RenderDocument"
STEP_FIELDS = {"stretchName", "stepText", "stepNumber", "stepCount", "holdSeconds", "holdStartMs", "holdEndMs",
               "poseLabel", "stopIf"}
STRETCH_IDS = ["cat_cow", "knee_to_chest", "seated_twist", "supine_twist", "chest_opener"]
DOCUMENTS = ["step_card.json"]
MAX_RESPONSE_BYTES = 24 * 1024


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


def every_step():
    """(stretch, step index, easier, step data) for every step a card can show."""
    for stretch in STRETCH_IDS:
        for easier in (False, True):
            stretch_steps = routine.easier_steps(text(), stretch) if easier else text().stretches[stretch]["steps"]
            for step, data in enumerate(stretch_steps):
                yield stretch, step, easier, data


# -- the documents ----------------------------------------------------------------------------------

def document(name: str) -> dict:
    return json.loads((resources.files("skill") / "apl" / name).read_text(encoding="utf-8"))


def walk(node, found: list) -> list:
    """Every (key, value) pair in a JSON tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            found.append((key, value))
            walk(value, found)
    elif isinstance(node, list):
        for item in node:
            walk(item, found)
    return found


@pytest.mark.parametrize("name", DOCUMENTS)
def test_each_document_is_apl_with_a_version_and_the_step_parameter(name):
    doc = document(name)
    assert doc["type"] == "APL"
    assert re.fullmatch(r"\d{4}\.\d+", doc["version"])
    assert doc["mainTemplate"]["parameters"] == ["step"]
    assert doc["mainTemplate"]["items"]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_documents_use_only_fields_the_datasource_provides(name):
    raw = json.dumps(document(name))
    used = set(re.findall(r"\bstep\.(\w+)", raw))
    provided = set(display.card_data(text(), Routine(stretch_ids=["cat_cow"])))
    assert used and used <= provided
    assert STEP_FIELDS <= used  # name, words, step N of M, the hold and its timing, the drawing's label


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_resource_and_style_the_document_uses_is_defined_in_it(name):
    """No package import to resolve on the device: each @name and style is the document's own."""
    doc = document(name)
    assert not doc.get("import")
    defined = {key for block in doc["resources"] for kind in ("dimensions", "colors", "strings", "numbers")
               for key in block.get(kind, {})}
    pairs = walk(doc, [])
    used = {ref for _, value in pairs if isinstance(value, str) for ref in re.findall(r"@(\w+)", value)}
    assert used and used <= defined, used - defined
    styles = {value for key, value in pairs if key == "style"}
    assert styles and styles <= set(doc["styles"]), styles - set(doc["styles"])
    for block in doc["resources"][1:]:  # the conditional blocks only override what the base defines
        assert set(block.get("dimensions", {})) <= set(doc["resources"][0]["dimensions"])


def test_the_countdown_and_the_progress_bar_run_on_elapsed_time():
    doc = document("step_card.json")
    pairs = walk(doc, [])
    timed = [(key, value) for key, value in pairs if isinstance(value, str) and "elapsedTime" in value]
    keys = {key for key, _ in timed}
    assert {"text", "width"} <= keys  # the number counting down, and the bar's filled width
    assert any(key == "width" and value.endswith("%") and "holdStartMs" in value for key, value in timed)
    assert any(key == "text" and "Math.ceil" in value and "holdSeconds" in value for key, value in timed)


def test_every_step_has_a_drawing_and_every_drawing_is_used():
    names = set(display.poses())
    used = set()
    for stretch, step, easier, data in every_step():
        pose = display.step_pose(text(), Routine([stretch], 0, step, easier))
        assert pose in names, (stretch, step, easier)
        used.add(pose)
    assert used == names


@pytest.mark.parametrize("name", sorted(json.loads((resources.files("skill") / "apl" / "poses.json").read_text())
                                        .keys() - {"_about"}))
def test_each_drawing_is_an_avg_graphic_of_paths(name):
    graphic = display.pose_graphic(name)
    assert graphic["type"] == "AVG" and graphic["width"] == 240 and graphic["height"] == 150
    paths = graphic["items"]
    assert len(paths) >= 5 and all(p["type"] == "path" and re.fullmatch(r"[MLAZ0-9., -]+", p["pathData"]) for p in paths)
    numbers = [float(n) for p in paths for n in re.findall(r"-?\d+(?:\.\d+)?", p["pathData"])]
    assert min(numbers) >= 0 and max(numbers) <= 240  # drawn inside the box


@pytest.mark.parametrize("stretch", STRETCH_IDS)
@pytest.mark.parametrize("easier", [False, True])
def test_card_data_for_every_step(stretch, easier):
    stretch_steps = routine.easier_steps(text(), stretch) if easier else text().stretches[stretch]["steps"]
    for step, data in enumerate(stretch_steps):
        place = Routine([stretch, "cat_cow"], index=0, step=step, easier=easier)
        parts = routine.step_parts(text(), place)
        card = display.card_data(text(), place, parts)
        assert card["stretchName"] == text().stretches[stretch]["name"].capitalize()
        assert card["stepText"] == data["text"]
        assert (card["stepNumber"], card["stepCount"]) == (step + 1, len(stretch_steps))
        assert card["holdSeconds"] == data.get("hold", 0)
        assert (card["stretchNumber"], card["stretchCount"]) == (1, 2)
        assert card["stopIf"] == text().text("stretches.stop_if")
        assert card["pose"] == data["pose"] and card["poseLabel"]
        assert all(isinstance(v, (str, int)) for v in card.values())
        if card["holdSeconds"]:  # the hold starts after the words before it and lasts at least its seconds
            before = parts[:parts.index(text().text("guide.hold")) + 1]
            assert card["holdStartMs"] == round(routine.parts_seconds(before) * 1000)
            assert card["holdEndMs"] - card["holdStartMs"] >= card["holdSeconds"] * 1000
        else:
            assert card["holdStartMs"] == card["holdEndMs"] == 0


# -- Amazon's apl-suggester --------------------------------------------------------------------------

def test_apl_suggester_finds_nothing_in_the_card_for_any_step():
    independent_checkers.need()
    jobs = [{"name": pose, "document": display.step_card_document(pose)} for pose in sorted(display.poses())]
    jobs.append({"name": "a broken copy", "document": {**document("step_card.json"), "mainTemplate": {
        "parameters": ["step"], "items": [{"type": "Text", "text": "x", "fontSizee": "20dp"}]}}})
    results = {r["name"]: r["errors"] for r in independent_checkers.run({"apl": jobs})["apl"]}
    assert results.pop("a broken copy")  # it can fail
    assert results == {pose: [] for pose in display.poses()}


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
        card = directive["datasources"]["step"]
        assert directive["document"] == display.step_card_document(card["pose"])
        assert set(directive["document"]["graphics"]) == {"pose"}  # the step's own drawing, and only it
        assert STEP_FIELDS <= set(card)
        assert card["stretchName"] == text().stretches[stretch]["name"].capitalize()
        assert card["stepText"] == stretch_steps[number - 1]["text"]
        assert (card["stepNumber"], card["stepCount"]) == (number, len(stretch_steps))
        assert card["holdSeconds"] == stretch_steps[number - 1].get("hold", 0)
        assert len(json.dumps(reply.raw).encode()) < MAX_RESPONSE_BYTES
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
