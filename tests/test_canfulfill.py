"""Name-free questions: every intent of every locale's model, asked as a CanFulfillIntentRequest,
gets the declared answer (YES, MAYBE or NO, and per slot), with nothing said and nothing kept."""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import pytest

from skill import answer, build_skill, carriers, modelgen, screen, topics
from skill.simulator.envelopes import can_fulfill_request, slot
from skill.store import MemoryStore, Store

YES, NO, MAYBE = "YES", "NO", "MAYBE"
# What the skill answers for each intent of the model, its slots filled with values it knows
# (free words: a question about the pop). Adding an intent to the model without deciding its
# answer here fails test_every_intent_has_a_declared_answer.
EXPECTED = {
    # Questions the skill answers fully.
    "WhatIsThePopIntent": YES, "WhyWontItPopIntent": YES, "WhyStoppedPoppingIntent": YES,
    "IsCrackingSafeIntent": YES, "CanIPopAgainIntent": YES, "SeeProfessionalIntent": YES, "SelfCareIntent": YES,
    "ChooseStretchIntent": YES, "GuideStretchIntent": YES, "StartRoutineIntent": YES, "ListStretchesIntent": YES,
    "CheckSymptomsIntent": YES, "SetReminderIntent": YES,
    # Every other topic's question (skill/content/<locale>/topic_examples.toml): answered fully.
    **{name: YES for name in topics.intent_topics()},
    # Free-form words the skill can place (here, a question about the pop).
    "QuestionIntent": YES, "TroubleIntent": YES, "PainIntent": YES, "CannotIntent": YES,
    # Perhaps meant for the skill: Alexa's own reminders, a progress question, a statement.
    "JustPoppedIntent": MAYBE, "ReportSymptomIntent": MAYBE, "ProgressIntent": MAYBE,
    "ListRemindersIntent": MAYBE, "ChangeReminderIntent": MAYBE, "CancelReminderIntent": MAYBE,
    # Red flags: an emergency is Alexa's to answer, not a stretching skill's.
    "ChestPainIntent": NO, "SeverePainIntent": NO, "FeverIntent": NO, "NumbnessIntent": NO, "InjuryIntent": NO,
    # Only meaningful inside the skill, or not to be taken without its name.
    "TellMeMoreIntent": NO, "AnotherStretchIntent": NO, "DontKnowIntent": NO, "SkipStretchIntent": NO,
    "EasierIntent": NO, "HoldTimeIntent": NO, "WhichStepIntent": NO, "ItHurtsIntent": NO, "ForgetMeIntent": NO,
    "ForgetEveryoneIntent": NO, "SoundsOffIntent": NO, "SoundsOnIntent": NO,
    **{name: NO for name in ("AMAZON.HelpIntent", "AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent",
                             "AMAZON.FallbackIntent", "AMAZON.NextIntent", "AMAZON.PreviousIntent", "AMAZON.RepeatIntent",
                             "AMAZON.StartOverIntent", "AMAZON.PauseIntent", "AMAZON.ResumeIntent", "AMAZON.YesIntent",
                             "AMAZON.NoIntent")},
}
# The other free-text intents (skill/content/<locale>/free_text.toml): a reply to a question
# ("no ...", "maybe ...", "yes ..."), someone else, a pet, the past or "stop" is only a turn of a
# conversation under way: MAYBE; an opener that is itself a warning sign would be NO (those are
# declared above); any other opener with a question the skill places (about the pop): YES.
for _name, _carrier in carriers.table("en-US").items():
    if _name not in EXPECTED:
        conversational = _carrier.answers is not None or _carrier.restore in ("someone else", "my dog", "years ago", "stop")
        _sign = screen.screen([_carrier.restore], "en-US")  # "agony ...", "shivery ...": a warning sign
        EXPECTED[_name] = NO if _sign and _sign.level in screen.PRE_EMPTING else MAYBE if conversational else YES
ORDINARY = {"SYMPTOM": "stiffness"}  # a red-flag value would rightly make the answer NO
FILLERS = {"AMAZON.NUMBER": "5", "AMAZON.SearchQuery": "does my back pop", "AMAZON.TIME": "15:00",
           "AMAZON.DURATION": "PT1H"}


@lru_cache(maxsize=None)
def model(locale: str) -> dict[str, Any]:
    return json.loads((modelgen.MODELS / f"{locale}.json").read_text(encoding="utf-8"))["interactionModel"]["languageModel"]


def intents_of(locale: str) -> list[dict[str, Any]]:
    return model(locale)["intents"]


def value(locale: str, type_name: str) -> dict[str, Any]:
    values = next(t["values"] for t in model(locale)["types"] if t["name"] == type_name)
    wanted = ORDINARY.get(type_name)
    return next((v for v in values if v["id"] == wanted), values[0])


def filled(locale: str, intent: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every slot of the intent filled as Alexa would fill it with a value the model knows."""
    slots = {}
    for spec in intent.get("slots", []):
        if spec["type"].startswith("AMAZON."):
            slots[spec["name"]] = slot(spec["name"], FILLERS[spec["type"]])
        else:
            v = value(locale, spec["type"])
            words = v["name"]["synonyms"][0] if v["name"].get("synonyms") else v["name"]["value"]
            slots[spec["name"]] = slot(spec["name"], words, resolved_type=spec["type"],
                                       matches=[(v["name"]["value"], v["id"])])
    return slots


class CountingStore(MemoryStore):
    """A memory backend that counts writes and deletes."""

    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def put(self, key, attributes, expected):
        self.writes += 1
        super().put(key, attributes, expected)

    def remove(self, key):
        self.writes += 1
        super().remove(key)


@pytest.fixture(scope="module")
def counted():
    store = CountingStore()
    return build_skill(store=Store(store)), store


ATTRIBUTES = {"turn": {"pending": "guide", "offer": {"stretch": "cat_cow"}}, "user": {"intro_heard": True}}


def ask(skill, name: str, slots: dict[str, Any] | None = None, *, locale: str = "en-US", new: bool = True,
        **context: Any) -> dict[str, Any]:
    return answer(skill, can_fulfill_request(name, slots, locale=locale, new=new, attributes=ATTRIBUTES, **context))


def check_quiet(result: dict[str, Any]) -> dict[str, Any]:
    """Nothing said, shown or directed; the session's attributes come back as they went."""
    response = result["response"]
    assert set(response) == {"canFulfillIntent"}, f"a name-free answer is data only: {sorted(response)}"
    assert result.get("sessionAttributes", {}) in ({}, ATTRIBUTES)
    return response["canFulfillIntent"]


CASES = [(locale, intent["name"]) for locale in modelgen.LOCALES for intent in intents_of(locale)]


@pytest.mark.parametrize("locale,name", CASES, ids=[f"{loc}-{name}" for loc, name in CASES])
def test_every_intent_of_every_model_gets_its_declared_answer(counted, locale, name):
    skill, store = counted
    intent = next(i for i in intents_of(locale) if i["name"] == name)
    assert name in EXPECTED, f"{name} has no declared name-free answer in EXPECTED"
    before = store.writes
    for new in (True, False):
        got = check_quiet(ask(skill, name, filled(locale, intent), locale=locale, new=new))
        assert got["canFulfill"] == EXPECTED[name], f"{locale} {name}: {got}"
        declared = {s["name"] for s in intent.get("slots", [])}
        assert set(got.get("slots", {})) == declared, "every slot given is answered"
        for slot_name, answered in got.get("slots", {}).items():
            if EXPECTED[name] == YES:
                assert answered == {"canUnderstand": YES, "canFulfill": YES}, f"{name}.{slot_name}"
            assert answered["canUnderstand"] in (YES, NO, MAYBE) and answered["canFulfill"] in (YES, NO)
    assert store.writes == before, "a CanFulfillIntentRequest wrote to the store"


def test_every_intent_has_a_declared_answer_and_nothing_else_is_declared():
    names = {i["name"] for locale in modelgen.LOCALES for i in intents_of(locale)}
    assert names == set(EXPECTED), f"undeclared: {sorted(names - set(EXPECTED))}; stale: {sorted(set(EXPECTED) - names)}"


def test_without_slots_the_questions_are_still_answered(skill):
    assert check_quiet(ask(skill, "WhatIsThePopIntent"))["canFulfill"] == YES
    assert check_quiet(ask(skill, "ChooseStretchIntent"))["canFulfill"] == YES
    assert check_quiet(ask(skill, "QuestionIntent"))["canFulfill"] == MAYBE  # no words to place


def test_a_slot_value_the_model_does_not_know_is_not_understood(skill):
    got = check_quiet(ask(skill, "ChooseStretchIntent", {
        "area": slot("area", "elbow", resolved_type="BODY_AREA", matches=[]),
        "position": slot("position", "sitting", resolved_type="POSITION", matches=[("sitting down", "sitting")])}))
    assert got["canFulfill"] == MAYBE
    assert got["slots"]["area"] == {"canUnderstand": NO, "canFulfill": NO}
    assert got["slots"]["position"] == {"canUnderstand": YES, "canFulfill": YES}


def test_a_reminder_time_that_is_not_a_time_is_not_understood(skill):
    got = check_quiet(ask(skill, "SetReminderIntent", {"time": slot("time", "whenever")}))
    assert got["canFulfill"] == MAYBE and got["slots"]["time"] == {"canUnderstand": NO, "canFulfill": NO}


def test_a_number_that_is_not_one_is_not_understood(skill):
    got = check_quiet(ask(skill, "StartRoutineIntent", {"minutes": slot("minutes", "?")}))
    assert got["canFulfill"] == MAYBE and got["slots"]["minutes"]["canUnderstand"] == NO


@pytest.mark.parametrize("intent,query,expected", [
    ("QuestionIntent", "does my back crack when i twist", YES),
    ("QuestionIntent", "is the weather nice in paris", MAYBE),
    ("QuestionIntent", "are both my legs numb", NO),
    ("PainIntent", "down both legs and i can't feel my feet", NO),
    ("TroubleIntent", "peeing since my back went", NO),
    ("CannotIntent", "crack my back anymore", YES),
])
def test_free_words_are_yes_when_placed_maybe_when_not_no_when_a_red_flag(skill, intent, query, expected):
    got = check_quiet(ask(skill, intent, {"query": slot("query", query)}))
    assert got["canFulfill"] == expected
    assert got["slots"]["query"]["canUnderstand"] == (MAYBE if expected == MAYBE else YES if expected == YES
                                                      else got["slots"]["query"]["canUnderstand"])


def test_a_red_flag_symptom_is_no_even_in_a_question_the_skill_answers(skill):
    got = check_quiet(ask(skill, "CheckSymptomsIntent", {
        "symptom": slot("symptom", "chest pain", resolved_type="SYMPTOM", matches=[("chest pain", "chest_pain")])}))
    assert got["canFulfill"] == NO


def test_mid_check_a_yes_asked_about_neither_answers_the_question_nor_moves_on(skill):
    attributes = {"turn": {"pending": "triage", "triage_step": 2}}
    result = answer(skill, can_fulfill_request("AMAZON.YesIntent", attributes=attributes, new=False))
    assert set(result["response"]) == {"canFulfillIntent"}
    assert result["response"]["canFulfillIntent"]["canFulfill"] == NO
    assert result.get("sessionAttributes") == attributes


def test_an_error_while_judging_is_a_quiet_no(skill, monkeypatch, caplog):
    import skill.canfulfill as canfulfill

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(canfulfill, "judge", broken)
    got = check_quiet(ask(skill, "WhatIsThePopIntent"))
    assert got["canFulfill"] == NO
    assert any('"can_fulfill_error"' in r.getMessage() for r in caplog.records)
