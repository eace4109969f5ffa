"""The offline simulator's resolver, envelopes, session and rendering: Alexa's behaviour, offline."""
from __future__ import annotations

import json
import re

import pytest
from ask_sdk_model import RequestEnvelope
from conftest_simulator import (  # noqa: F401 - fixtures
    REAL_MODELS, SMALL_MODEL, concrete, models_dir, small_model, small_models,
)

from skill import answer, build_skill
from skill.simulator import envelopes, models, render
from skill.simulator.resolver import FALLBACK, MATCH, NO_MATCH, Resolver
from skill.simulator.text import normalise, number_value, spell



def mismatches(model: dict, pick: str) -> list[str]:
    """Every sample turned into words, resolved back; what did not come back as its own intent and slots."""
    language = model["interactionModel"]["languageModel"]
    values = {t["name"]: t.get("values", []) for t in language.get("types", [])}
    resolver, wrong = Resolver(model), []
    for intent in language["intents"]:
        slot_types = {s["name"]: s["type"] for s in intent.get("slots", [])}
        for sample in intent.get("samples", []):
            said, expected = concrete(sample, slot_types, values, pick)
            got = resolver.resolve(said)
            ids = {n: s.resolved_id if s.status else s.value for n, s in got.slots.items() if s.value is not None}
            for name, slot_type in slot_types.items():
                # Free text is ambiguous within an intent ("is {query}", "is my {query}"): any part of it will do.
                if slot_type == "AMAZON.SearchQuery" and name in ids and name in expected and ids[name] in expected[name]:
                    ids[name] = expected[name]
            if got.intent != intent["name"] and _same_red_flag(said, sample, got, expected):
                continue
            if got.sample == sample.replace("{query}", "my {query}"):
                continue  # the filler's "my" met a longer carrier, as meant ("is my {query}": the person's own)
            if got.intent != intent["name"] or ids != expected:
                wrong.append(f"{said!r} ({intent['name']}: {sample!r}) -> {got.intent} {ids} via {got.sample!r}")
    return wrong


def _same_red_flag(said: str, sample: str, got, expected: dict) -> bool:
    """A sample that is only a symptom value ("{symptom}": "groin numbness") may be taken by the
    free-text intent of its first word ("groin {query}"): the skill puts "groin" back, and the
    screen must then read the same sign the value names."""
    from skill import carriers, screen

    if sample != "{symptom}" or got.intent not in carriers.table("en-US"):
        return False
    finding = screen.screen([carriers.said("en-US", got.intent, got.slots["query"].value if "query" in got.slots else "")],
                            "en-US")
    return finding is not None and finding.symptom == expected.get("symptom")


@pytest.mark.parametrize("pick", ["value", "synonym"])
def test_every_sample_of_the_small_model_resolves_to_itself(pick):
    assert mismatches(SMALL_MODEL, pick) == []


@pytest.mark.parametrize("pick", ["value", "synonym"])
@pytest.mark.parametrize("locale", models.LOCALES)
def test_every_sample_of_every_model_resolves_to_its_own_intent_and_slots(locale, pick):
    model = json.loads((REAL_MODELS / f"{locale}.json").read_text(encoding="utf-8"))
    wrong = mismatches(model, pick)
    assert not wrong, f"{len(wrong)} samples of {locale} resolve elsewhere:\n" + "\n".join(wrong[:40])


BUILT_IN_SAYINGS = [
    ("next", "AMAZON.NextIntent"), ("next step", "AMAZON.NextIntent"), ("repeat", "AMAZON.RepeatIntent"),
    ("say that again", "AMAZON.RepeatIntent"), ("go back", "AMAZON.PreviousIntent"),
    ("previous step", "AMAZON.PreviousIntent"), ("start over", "AMAZON.StartOverIntent"),
    ("pause", "AMAZON.PauseIntent"), ("resume", "AMAZON.ResumeIntent"), ("stop", "AMAZON.StopIntent"),
    ("cancel", "AMAZON.CancelIntent"), ("help", "AMAZON.HelpIntent"), ("what can i do", "AMAZON.HelpIntent"),
    ("yes", "AMAZON.YesIntent"), ("no", "AMAZON.NoIntent"), ("no thanks", "AMAZON.NoIntent"),
    ("Alexa, next!", "AMAZON.NextIntent"), ("Stop.", "AMAZON.StopIntent"),
]


@pytest.mark.parametrize(("said", "intent"), BUILT_IN_SAYINGS)
def test_built_in_phrases_resolve_to_built_in_intents(said, intent, models_dir):
    for locale in models.available(models_dir):
        got = models.resolver_for(locale, models_dir).resolve(said)
        assert (got.kind, got.intent) == ("intent", intent), locale


def test_built_in_phrases_need_the_intent_in_the_model():
    resolver = Resolver(small_model(drop=("AMAZON.PauseIntent",)))
    assert resolver.resolve("pause").intent == FALLBACK
    assert resolver.resolve("next").intent == "AMAZON.NextIntent"


@pytest.mark.parametrize("said", ["exit", "quit", "Alexa, exit."])
def test_exit_ends_the_session(said, models_dir):
    assert models.resolver_for("en-US", models_dir).resolve(said).kind == "end"


@pytest.mark.parametrize("said", ["open back pop coach", "Alexa, open Back Pop Coach.", "launch back pop coach",
                                  "start back pop coach", "talk to back pop coach", "back pop coach",
                                  "use back pop coach"])
def test_invocation_phrases_launch(said, models_dir):
    for locale in models.available(models_dir):
        got = models.resolver_for(locale, models_dir).resolve(said)
        assert (got.kind, got.invoked, got.intent) == ("launch", True, None), locale


@pytest.mark.parametrize(("said", "intent"), [
    ("ask back pop coach why my back pops", "WhatIsThePopIntent"),
    ("Alexa, ask Back Pop Coach why does my back pop?", "WhatIsThePopIntent"),
    ("tell back pop coach to guide me through cat cow", "GuideStretchIntent"),
    ("open back pop coach and guide me through cat cow", "GuideStretchIntent"),
    ("why does my back pop using back pop coach", "WhatIsThePopIntent"),
])
def test_one_shot_invocations_carry_the_request(said, intent, models_dir):
    got = models.resolver_for("en-US", models_dir).resolve(said)
    assert (got.kind, got.invoked, got.intent) == ("intent", True, intent)
    if intent == "GuideStretchIntent":
        assert got.slots["stretch"].resolved_id == "cat_cow"


# Words that start like no sample: the models' free-text samples ("why {query}", "the {query}") take the rest.
@pytest.mark.parametrize("said", ["purple monkey dishwasher", "asdf qwerty", "", "zebras juggle marmalade",
                                  "banana telephone ukulele", "ask back pop coach zebras juggle marmalade"])
def test_nonsense_falls_back(said, models_dir):
    for locale in models.available(models_dir):
        assert models.resolver_for(locale, models_dir).resolve(said).intent == FALLBACK, locale


def test_entity_resolution_reads_synonyms_and_gives_ids():
    got = Resolver(SMALL_MODEL).resolve("walk me through cat camel")
    stretch = got.slots["stretch"]
    assert (stretch.value, stretch.resolved_id, stretch.status, stretch.resolved_name) == (
        "cat camel", "cat_cow", MATCH, "cat cow")
    slots = got.slots_json("amzn1.ask.skill.test")
    authority = slots["stretch"]["resolutions"]["resolutionsPerAuthority"][0]
    assert authority["authority"] == "amzn1.er-authority.echo-sdk.amzn1.ask.skill.test.STRETCH"
    assert authority["status"] == {"code": "ER_SUCCESS_MATCH"}
    assert authority["values"] == [{"value": {"name": "cat cow", "id": "cat_cow"}}]
    assert slots["stretch"]["value"] == "cat camel"
    assert slots["area"] == {"name": "area", "confirmationStatus": "NONE"}


def test_words_outside_the_values_give_no_match():
    got = Resolver(SMALL_MODEL).resolve("guide me through the moon walk")
    assert got.intent == "GuideStretchIntent"
    assert (got.slots["stretch"].value, got.slots["stretch"].status) == ("the moon walk", NO_MATCH)
    authority = got.slots_json()["stretch"]["resolutions"]["resolutionsPerAuthority"][0]
    assert authority["status"]["code"] == "ER_SUCCESS_NO_MATCH" and "values" not in authority


def test_numbers_come_as_digits_and_search_queries_as_words():
    resolver = Resolver(SMALL_MODEL)
    for said in ("a five minute routine for my hips", "a 5-minute routine for my hip", "A 5 minute routine for my hips!"):
        got = resolver.resolve(said)
        assert (got.intent, got.slots["minutes"].value, got.slots["area"].resolved_id) == ("StartRoutineIntent", "5", "hips")
        assert "resolutions" not in got.slots_json()["minutes"]
    got = resolver.resolve("tell me about sleeping on my side")
    assert (got.intent, got.slots["query"].value, got.slots["query"].status) == ("QuestionIntent", "sleeping on my side", None)


def test_the_best_match_wins_and_others_are_considered():
    got = Resolver(SMALL_MODEL).resolve("i have a fever")
    assert (got.intent, got.slots["symptom"].resolved_id, got.sample) == ("ReportSymptomIntent", "fever", "i have {symptom}")
    assert Resolver(SMALL_MODEL).resolve("i have a question about cat cow").intent == "QuestionIntent"


def test_text_is_normalised_like_speech():
    assert normalise("Why does my back-pop?!  I’m 25") == "why does my back pop i'm twenty five"
    assert [spell(n) for n in (0, 13, 40, 105, 2024)] == ["zero", "thirteen", "forty", "one hundred five",
                                                         "two thousand twenty four"]
    assert number_value("one hundred and five".split()) == "105"
    assert number_value("twenty five".split()) == "25"
    assert number_value("five four".split()) is None


ID = re.compile(r"^amzn1\.echo-api\.(session|request)\.[0-9a-f-]{36}$")


def test_envelopes_look_like_alexas():
    sent = envelopes.intent_request("GuideStretchIntent", {"stretch": "cat cow"}, locale="en-GB", screen=True)
    assert sent["version"] == "1.0"
    assert ID.match(sent["session"]["sessionId"]) and ID.match(sent["request"]["requestId"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", sent["request"]["timestamp"])
    assert sent["session"]["new"] is True and sent["session"]["attributes"] == {}
    system = sent["context"]["System"]
    assert system["application"]["applicationId"] == envelopes.SKILL_ID == sent["session"]["application"]["applicationId"]
    assert system["user"]["userId"] == sent["session"]["user"]["userId"]
    assert system["device"]["supportedInterfaces"] == {"Alexa.Presentation.APL": {"runtime": {"maxVersion": "2023.3"}}}
    assert sent["request"]["locale"] == "en-GB"
    assert sent["request"]["intent"] == {"name": "GuideStretchIntent", "confirmationStatus": "NONE", "slots": {
        "stretch": {"name": "stretch", "value": "cat cow", "confirmationStatus": "NONE", "source": "USER",
                    "slotValue": {"type": "Simple", "value": "cat cow"}}}}
    voice = envelopes.launch_request()
    assert voice["context"]["System"]["device"]["supportedInterfaces"] == {} and "Viewport" not in voice["context"]
    ended = envelopes.session_ended_request("ERROR", error={"type": "INVALID_RESPONSE", "message": "x"}, new=False)
    assert ended["request"]["reason"] == "ERROR" and ended["request"]["error"]["type"] == "INVALID_RESPONSE"


def _routine_request() -> dict:
    slots = Resolver(SMALL_MODEL).resolve("a 5 minute routine for my low back").slots_json()
    return envelopes.intent_request("StartRoutineIntent", slots)


@pytest.mark.parametrize("build", [
    lambda: envelopes.launch_request(screen=True),
    _routine_request,
    lambda: envelopes.session_ended_request("EXCEEDED_MAX_REPROMPTS", new=False),
])
def test_ask_sdk_reads_the_envelopes(build):
    skill = build_skill()
    parsed = skill.serializer.deserialize(json.dumps(build()), RequestEnvelope)
    assert parsed.request.request_id and parsed.context.system.application.application_id == envelopes.SKILL_ID


def test_a_session_carries_attributes_and_restarts_after_the_end():
    skill, session = build_skill(), envelopes.Session()
    first = session.launch()
    reply = answer(skill, first)
    session.receive(reply)
    assert session.open and session.attributes == reply["sessionAttributes"] != {}
    second = session.intent("AMAZON.HelpIntent")
    assert second["session"]["new"] is False
    assert second["session"]["sessionId"] == first["session"]["sessionId"]
    assert second["session"]["attributes"] == reply["sessionAttributes"]
    session.receive(answer(skill, second))
    stop = session.intent("AMAZON.StopIntent")
    goodbye = answer(skill, stop)
    assert goodbye["response"]["shouldEndSession"] is True
    session.receive(goodbye)
    assert not session.open
    third = session.launch()
    assert third["session"]["new"] is True and third["session"]["attributes"] == {}
    assert third["session"]["sessionId"] != first["session"]["sessionId"]


def test_without_should_end_session_a_screen_keeps_the_session_open():
    voice, screen = envelopes.Session(), envelopes.Session(screen=True)
    for session in (voice, screen):
        session.launch()
        session.receive({"response": {"outputSpeech": {"type": "SSML", "ssml": "<speak>Hi</speak>"}}})
    assert (voice.open, screen.open) == (False, True)


RESPONSE = {"version": "1.0", "response": {
    "outputSpeech": {"type": "SSML", "ssml": '<speak>Hold. <break time="10s"/> And relax &amp; breathe. <break time="500ms"/></speak>'},
    "reprompt": {"outputSpeech": {"type": "SSML", "ssml": "<speak>Say next.</speak>"}},
    "card": {"type": "Simple", "title": "Cat cow", "content": "Hold.\n\nAnd relax."},
    "directives": [{"type": "Alexa.Presentation.APL.RenderDocument", "token": "t", "document": {}, "datasources": {
        "step": {"stretchName": "Cat cow", "stepNumber": 2, "stepCount": 4, "stepText": "Breathe in.", "holdSeconds": 5}}}],
    "shouldEndSession": False}}


def test_render_shows_what_a_person_hears_and_sees():
    text = render.as_text(RESPONSE, screen_device=True)
    assert "Alexa: Hold. [pause 10s] And relax & breathe. [pause 500ms]" in text
    assert "Reprompt: Say next." in text and "Card: Cat cow: Hold. And relax." in text
    assert "Screen: Cat cow — step 2 of 4 — Breathe in. — hold 5s" in text
    assert text.endswith("(session open)")
    assert "Screen:" not in render.as_text(RESPONSE, screen_device=False)
    assert render.heard_parts(RESPONSE["response"]["outputSpeech"]["ssml"]) == [
        {"text": "Hold."}, {"pause": 10.0}, {"text": "And relax & breathe."}, {"pause": 0.5}]
    ended = {"response": {"outputSpeech": {"type": "PlainText", "text": "Bye"}, "shouldEndSession": True}}
    assert render.as_text(ended) == "Alexa: Bye\n  (session ended)"
