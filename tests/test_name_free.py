"""Name-free launch phrases: Amazon's ingress points, per locale, in each interaction model."""
from __future__ import annotations

import json

import pytest

from skill import answer, build_skill, modelgen
from skill.simulator import models
from skill.simulator.envelopes import can_fulfill_request


def ingress(locale: str) -> list[dict]:
    data = json.loads((modelgen.MODELS / f"{locale}.json").read_text(encoding="utf-8"))["interactionModel"]
    return data["_nameFreeInteraction"]["ingressPoints"]


@pytest.mark.parametrize("locale", modelgen.LOCALES)
def test_each_locale_has_launch_and_intent_phrases_in_amazons_shape(locale):
    points = ingress(locale)
    assert [p["type"] for p in points][0] == "LAUNCH" and "name" not in points[0]
    intents = {i["name"] for i in json.loads((modelgen.MODELS / f"{locale}.json").read_text())[
        "interactionModel"]["languageModel"]["intents"]}
    for point in points:
        phrases = [u["value"] for u in point["sampleUtterances"]]
        assert 1 <= len(phrases) <= 5 and all(u["format"] == "RAW_TEXT" for u in point["sampleUtterances"])
        assert not any("{" in p for p in phrases)
        if point["type"] == "INTENT":
            assert point["name"] in intents


@pytest.mark.parametrize("locale", modelgen.LOCALES)
def test_each_intent_phrase_is_that_intent_and_the_skill_says_yes_to_it(locale):
    resolver = models.resolver_for(locale, None)
    skill = build_skill()
    for point in ingress(locale):
        if point["type"] != "INTENT":
            continue
        for utterance in point["sampleUtterances"]:
            got = resolver.resolve(utterance["value"])
            assert got.intent == point["name"], f"{utterance['value']!r} -> {got.describe()}"
            reply = answer(skill, can_fulfill_request(got.intent, got.slots_json(), locale=locale))
            assert reply["response"]["canFulfillIntent"]["canFulfill"] in ("YES", "MAYBE")


def test_a_locale_adds_its_own():
    au = {p.get("name"): [u["value"] for u in p["sampleUtterances"]] for p in ingress("en-AU")}
    us = {p.get("name"): [u["value"] for u in p["sampleUtterances"]] for p in ingress("en-US")}
    assert "what helps a crook back" in au["SelfCareIntent"] and "SelfCareIntent" not in us
