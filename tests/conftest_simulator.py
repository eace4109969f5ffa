"""Helpers and fixtures for the simulator's tests (imported by tests/test_simulator*.py).

A small interaction model of our own lets the resolver be tested before and apart from the real
models in interaction_models/; tests that need the real ones use `models_dir`, which prefers
them when they exist.
"""
from __future__ import annotations

import copy
import hashlib
import json
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import pytest
from werkzeug.serving import make_server

from skill.simulator import models

REAL_MODELS = models.default_dir()
REPLAYS = Path(__file__).resolve().parents[1] / "replays"
BUILT_INS = [f"AMAZON.{name}Intent" for name in (
    "Fallback", "Help", "Stop", "Cancel", "NavigateHome", "Next", "Previous", "Repeat", "StartOver",
    "Pause", "Resume", "Yes", "No")]

SMALL_MODEL: dict[str, Any] = {"interactionModel": {"languageModel": {
    "invocationName": "back pop coach",
    "intents": [{"name": name, "samples": []} for name in BUILT_INS] + [
        {"name": "WhatIsThePopIntent", "samples": ["why does my back pop", "why my back pops", "why does my back crack"]},
        {"name": "GuideStretchIntent", "slots": [{"name": "stretch", "type": "STRETCH"}, {"name": "area", "type": "BODY_AREA"}],
         "samples": ["guide me through {stretch}", "walk me through {stretch}", "guide me through a stretch for my {area}"]},
        {"name": "StartRoutineIntent", "slots": [{"name": "minutes", "type": "AMAZON.NUMBER"}, {"name": "area", "type": "BODY_AREA"}],
         "samples": ["a {minutes} minute routine", "a {minutes} minute routine for my {area}"]},
        {"name": "ReportSymptomIntent", "slots": [{"name": "symptom", "type": "SYMPTOM"}],
         "samples": ["i have {symptom}", "i've got {symptom}", "{symptom}"]},
        {"name": "QuestionIntent", "slots": [{"name": "query", "type": "AMAZON.SearchQuery"}],
         "samples": ["i have a question about {query}", "tell me about {query}"]},
        {"name": "CheckSymptomsIntent", "samples": ["check my symptoms", "should i see a doctor"]},
    ],
    "types": [
        {"name": "STRETCH", "values": [
            {"id": "cat_cow", "name": {"value": "cat cow", "synonyms": ["cat camel", "cat and cow"]}},
            {"id": "knee_to_chest", "name": {"value": "knee to chest", "synonyms": ["knees to chest"]}}]},
        {"name": "BODY_AREA", "values": [
            {"id": "lower_back", "name": {"value": "lower back", "synonyms": ["low back"]}},
            {"id": "hips", "name": {"value": "hips", "synonyms": ["hip"]}}]},
        {"name": "SYMPTOM", "values": [
            {"id": "fever", "name": {"value": "a fever", "synonyms": ["a temperature"]}},
            {"id": "saddle_numbness", "name": {"value": "numbness in my groin", "synonyms": ["a numb groin"]}}]},
    ],
}}}


def small_model(drop: tuple[str, ...] = ()) -> dict[str, Any]:
    """The small model, without the named intents."""
    model = copy.deepcopy(SMALL_MODEL)
    language = model["interactionModel"]["languageModel"]
    language["intents"] = [i for i in language["intents"] if i["name"] not in drop]
    return model


@pytest.fixture(scope="session")
def small_models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A models folder holding the small model for every locale."""
    folder = tmp_path_factory.mktemp("models")
    for locale in models.LOCALES:
        (folder / f"{locale}.json").write_text(json.dumps(SMALL_MODEL), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def models_dir() -> Path:
    """The real interaction models, which ship with the project."""
    return REAL_MODELS


FILLERS = {"AMAZON.NUMBER": ("five", "5"), "AMAZON.SearchQuery": ("my back hurts", "my back hurts"),
           "AMAZON.TIME": ("three thirty pm", "15:30"), "AMAZON.DURATION": ("an hour", "PT1H")}


def concrete(sample: str, slot_types: dict[str, str], values: dict[str, list[dict[str, Any]]],
             pick: str = "value") -> tuple[str, dict[str, str]]:
    """An utterance made from a sample, and the slot value (an id for custom types) it should yield.

    Custom slots take the first value (pick="value") or its first synonym (pick="synonym");
    AMAZON.NUMBER takes "five" (-> "5"), AMAZON.SearchQuery "my back hurts", AMAZON.TIME "three thirty
    pm" (-> "15:30") and AMAZON.DURATION "an hour" (-> "PT1H").
    """
    said, expected = sample, {}
    for name, slot_type in slot_types.items():
        if "{" + name + "}" not in said:
            continue
        if slot_type in values:
            first = values[slot_type][0]
            words = first["name"]["value"]
            if pick == "synonym" and first["name"].get("synonyms"):
                words = first["name"]["synonyms"][0]
            expected[name] = first.get("id") or hashlib.md5(first["name"]["value"].encode()).hexdigest()
        else:
            words, expected[name] = FILLERS.get(slot_type, ("my back hurts", "my back hurts"))
        said = said.replace("{" + name + "}", words)
    return said, expected


@contextmanager
def running_server(app: Any) -> Iterator[str]:
    """Serve a WSGI app on 127.0.0.1 (a free port) in a thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
