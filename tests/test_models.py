"""The interaction models: one source, five generated files, and a linter that ties them to
Amazon's rules, the handlers, the content and the red-flag rule.

The last part resolves realistic phrasings the way bespoken's virtual-alexa (npm 0.7.8, the
independent test client) does: its launch-word check first, then each sample as a regex anchored
at both ends, the most literal characters winning. So a phrasing that matches no sample whole
(an error there: it has no fallback), or that a catch-all carrier takes from a specific intent,
or whose words reach the red-flag rule at the wrong level, is caught here, not by a person with
a bad back. The emulation is checked against the real package when BACKPOP_VIRTUAL_ALEXA names a
folder where it is installed (see test_the_emulation_agrees_with_the_real_virtual_alexa).
"""
from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

import skill
from skill import carriers, content, modelgen, safety, screen, topics
from skill.stretches import NOT_OFFERED
from va import (LAUNCH, SESSION_ENDED, VA_BUILT_INS, Match, describe, launch_words, reading,  # noqa: F401
                red_flag_of, resolve)

LOCALES = modelgen.LOCALES
REQUIRED_BUILT_INS = {f"AMAZON.{name}Intent" for name in (
    "Help", "Stop", "Cancel", "NavigateHome", "Fallback", "Next", "Previous", "Repeat", "StartOver",
    "Pause", "Resume", "Yes", "No")}
TINY_ANSWER_INTENTS = {
    "DontKnowIntent", "TellMeMoreIntent", "AnotherStretchIntent", "WhichStepIntent", "HoldTimeIntent",
    "SkipStretchIntent", "EasierIntent", "ForgetMeIntent", "ItHurtsIntent", "ListStretchesIntent",
    "JustPoppedIntent", "CanIPopAgainIntent", "ForgetEveryoneIntent", "ListRemindersIntent", "ChangeReminderIntent",
    "CancelReminderIntent", "SoundsOffIntent", "SoundsOnIntent"}
MIN_SAMPLES, MIN_TINY_SAMPLES, MAX_SAMPLE_CHARS = 30, 12, 200
ORDINARY_SYMPTOMS = {"stiffness", "aching", "tightness"}
# Words an invocation name may not hold: launch words, connecting words, wake words.
NOT_IN_INVOCATION = {
    "ask", "open", "tell", "launch", "start", "begin", "load", "play", "resume", "run", "use", "enable",
    "to", "from", "in", "using", "with", "about", "for", "that", "by", "if", "and", "whether",
    "alexa", "amazon", "echo", "computer", "skill", "app"}
_SLOT = re.compile(r"\{([^{}]*)\}")
# A sample: words of lowercase letters (apostrophes and hyphens inside), single letters with a
# period (spelled acronyms), or {slots}, one space apart.
_TOKEN = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|[a-z]\.|[a-z](?:[a-z'-]*[a-z'])?")

by_locale = pytest.mark.parametrize("locale", LOCALES)


# ---------------------------------------------------------------------------------------------
# Reading the models
# ---------------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def committed(locale: str) -> dict[str, Any]:
    """The committed interaction_models/<locale>.json."""
    path = modelgen.MODELS / f"{locale}.json"
    if not path.is_file():
        pytest.fail(f"{path} is missing; run: python -m skill.modelgen")
    return json.loads(path.read_text(encoding="utf-8"))


def language(locale: str) -> dict[str, Any]:
    return committed(locale)["interactionModel"]["languageModel"]


def intents(locale: str) -> dict[str, dict[str, Any]]:
    return {intent["name"]: intent for intent in language(locale)["intents"]}


def slot_types(intent: dict[str, Any]) -> dict[str, str]:
    return {slot["name"]: slot["type"] for slot in intent.get("slots", [])}


def types(locale: str) -> dict[str, list[dict[str, Any]]]:
    return {t["name"]: t.get("values", []) for t in language(locale).get("types", [])}


def value_ids(locale: str, type_name: str) -> set[str]:
    return {value.get("id") for value in types(locale)[type_name]}


def phrases(value: dict[str, Any]) -> list[str]:
    """A slot value's words: its value, then its synonyms."""
    return [value["name"]["value"], *value["name"].get("synonyms", [])]


def handled_intents() -> set[str]:
    return {name for handler in skill.handlers() for name in getattr(handler, "intents", ())}


def failures(found: list[str], what: str) -> str:
    return f"{len(found)} {what}:\n  " + "\n  ".join(found[:60])


# ---------------------------------------------------------------------------------------------
# One source, five files
# ---------------------------------------------------------------------------------------------

def test_committed_models_are_what_the_source_generates():
    stale = modelgen.check()
    assert not stale, f"{stale} differ from interaction_models/source.toml; run: python -m skill.modelgen"


def test_check_names_drifted_or_missing_files_and_main_exits_1(tmp_path: Path, capsys):
    modelgen.write_all(tmp_path)
    assert modelgen.check(tmp_path) == []
    assert modelgen.main(["--check", "--folder", str(tmp_path)]) == 0
    (tmp_path / "en-GB.json").write_text("{}\n", encoding="utf-8")
    (tmp_path / "en-IN.json").unlink()
    assert modelgen.check(tmp_path) == ["en-GB.json", "en-IN.json"]
    assert modelgen.main(["--check", "--folder", str(tmp_path)]) == 1
    assert "en-GB.json differs" in capsys.readouterr().err
    assert modelgen.main(["--folder", str(tmp_path)]) == 0
    assert modelgen.check(tmp_path) == []


@by_locale
def test_generation_is_deterministic_and_formatted(locale):
    text = modelgen.render(modelgen.build(locale))
    assert text == modelgen.render(modelgen.build(locale))
    assert text.endswith("}\n") and '\n  "interactionModel": {' in text, "sorted keys, indent 2, trailing newline"


@by_locale
def test_locales_only_add_to_the_shared_samples_and_synonyms(locale):
    source = modelgen.load_source()
    found = []
    for spec in source["intents"]:
        missing = set(spec.get("samples", [])) - set(intents(locale)[spec["name"]]["samples"])
        found += [f"{spec['name']}: {s!r}" for s in sorted(missing)]
    for type_name, values in source["types"].items():
        model_values = {v["id"]: set(phrases(v)) for v in types(locale)[type_name]}
        for value_id, spec in values.items():
            missing = {spec["value"], *spec.get("synonyms", [])} - model_values.get(value_id, set())
            found += [f"{type_name}.{value_id}: {s!r}" for s in sorted(missing)]
    assert not found, failures(found, f"shared samples or synonyms missing from {locale}")


def test_a_locale_addition_for_an_unknown_intent_is_an_error():
    source = modelgen.load_source()
    source["locales"]["en-GB"] = {"samples": {"NoSuchIntent": ["hello there"]}}
    with pytest.raises(modelgen.SourceError, match="NoSuchIntent"):
        modelgen.build("en-GB", source)


# ---------------------------------------------------------------------------------------------
# Models and handlers
# ---------------------------------------------------------------------------------------------

@by_locale
def test_every_intent_in_the_model_has_a_handler(locale):
    orphans = set(intents(locale)) - handled_intents()
    assert not orphans, f"{locale} declares intents no handler serves: {sorted(orphans)}"


@by_locale
def test_every_handled_intent_is_in_the_model(locale):
    """Or is what free words plainly stand for (free_text.toml `plainly`: "can you call my daughter"
    is read as OutOfReachIntent, which the model need not hold: it keeps to the intent budget)."""
    plainly = {rule["means"] for rule in content.joined(locale, "free_text").get("plainly", [])}
    unreachable = handled_intents() - set(intents(locale)) - plainly
    assert not unreachable, f"handlers serve intents {locale} never sends: {sorted(unreachable)}"


@by_locale
def test_required_built_in_intents_are_declared(locale):
    missing = REQUIRED_BUILT_INS - set(intents(locale))
    assert not missing, f"{locale} lacks built-in intents: {sorted(missing)}"


def test_the_five_models_agree_on_intents_and_slots():
    def shape(locale: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
        return [(i["name"], tuple(sorted(slot_types(i).items()))) for i in language(locale)["intents"]]

    reference = shape("en-US")
    for locale in LOCALES:
        assert shape(locale) == reference, f"{locale} differs from en-US in its intents or slots"
        for type_name in types("en-US"):
            assert value_ids(locale, type_name) == value_ids("en-US", type_name), f"{locale} {type_name} ids"


@by_locale
def test_invocation_name_follows_amazons_rules(locale):
    name = language(locale)["invocationName"]
    words = name.split()
    assert re.fullmatch(r"[a-z]+(?: [a-z]+)+", name), f"{name!r}: two or more lowercase words, single spaces"
    assert not set(words) & NOT_IN_INVOCATION, f"{name!r} holds launch, connecting or wake words"
    assert name == "back pop coach"


# ---------------------------------------------------------------------------------------------
# Samples
# ---------------------------------------------------------------------------------------------

@by_locale
def test_samples_follow_amazons_syntax(locale):
    found = []
    for name, intent in intents(locale).items():
        for sample in intent["samples"]:
            tokens = sample.split(" ")
            bad = [t for t in tokens if not _TOKEN.fullmatch(t)]
            if bad or len(sample) > MAX_SAMPLE_CHARS:
                found.append(f"{name}: {sample!r} ({'bad words ' + repr(bad) if bad else 'too long'})")
    assert not found, failures(found, f"samples in {locale} break the syntax (lowercase letters, "
                                      "apostrophes, acronym periods, hyphens, no digits, one space apart)")


@by_locale
def test_no_sample_holds_a_hyphen_or_a_period(locale):
    """Test clients remove hyphens and periods from what people type: such a sample never matches."""
    found = [f"{name}: {s!r}" for name, i in intents(locale).items() for s in i["samples"] if re.search(r"[-.]", s)]
    found += [f"{t}: {p!r}" for t, values in types(locale).items() for v in values for p in phrases(v)
              if re.search(r"[-.]", p)]
    assert not found, failures(found, f"samples or synonyms in {locale} with a hyphen or period")


@by_locale
def test_samples_are_neither_empty_nor_repeated_within_an_intent(locale):
    found = []
    for name, intent in intents(locale).items():
        seen: set[str] = set()
        for sample in intent["samples"]:
            key = " ".join(sample.lower().split())
            if not key:
                found.append(f"{name}: an empty sample")
            elif key in seen:
                found.append(f"{name}: {sample!r} twice")
            seen.add(key)
    assert not found, failures(found, f"empty or repeated samples in {locale}")


@by_locale
def test_no_sample_sits_in_two_intents(locale):
    owner: dict[str, str] = {}
    found = []
    for name, intent in intents(locale).items():
        for sample in intent["samples"]:
            key = " ".join(sample.lower().split())
            if owner.setdefault(key, name) != name:
                found.append(f"{sample!r} in {owner[key]} and {name}")
    assert not found, failures(found, f"samples in two intents in {locale}")


@by_locale
def test_no_sample_with_its_values_filled_in_is_another_intents_sample(locale):
    """Amazon's conflict check: "i've had {symptom}" filled with "a fall" must not be an injury sample."""
    owner = {s: name for name, i in intents(locale).items() for s in i["samples"] if "{" not in s}
    found = []
    for name, intent in intents(locale).items():
        declared, values = slot_types(intent), types(locale)
        for sample in intent["samples"]:
            slots = _SLOT.findall(sample)
            if not slots or any(declared.get(s) not in values for s in slots):
                continue
            for words in itertools.product(*([p for v in values[declared[s]] for p in phrases(v)] for s in slots)):
                said = sample
                for slot, phrase in zip(slots, words):
                    said = said.replace("{" + slot + "}", phrase)
                if owner.get(said, name) != name:
                    found.append(f"{name}: {sample!r} as {said!r} is a sample of {owner[said]}")
    assert not found, failures(found, f"samples in {locale} that conflict once their slots are filled")


@by_locale
def test_slots_are_declared_used_and_search_queries_have_carriers(locale):
    found = []
    for name, intent in intents(locale).items():
        declared = slot_types(intent)
        if len(declared) != len(intent.get("slots", [])):
            found.append(f"{name}: a slot name declared twice")
        used: set[str] = set()
        for sample in intent["samples"]:
            slots = _SLOT.findall(sample)
            used.update(slots)
            found += [f"{name}: {sample!r} uses undeclared {{{s}}}" for s in slots if s not in declared]
            if len(slots) != len(set(slots)):
                found.append(f"{name}: {sample!r} repeats a slot")
            if any(declared.get(s) == "AMAZON.SearchQuery" for s in slots):
                if len(slots) > 1 or not _SLOT.sub("", sample).strip():
                    found.append(f"{name}: {sample!r}: a SearchQuery needs a carrier phrase and no other slot")
        found += [f"{name}: slot {{{s}}} is in no sample" for s in sorted(set(declared) - used)]
    assert not found, failures(found, f"slot problems in {locale}")


MAX_INTENTS = 250


@by_locale
def test_the_model_stays_within_the_intent_budget(locale):
    """At most 250 intents, built-ins included: Amazon Lex documents 250 intents per bot, and the
    shared platform notes give no Alexa figure, so the model keeps to that rather than find out at
    build time. Words the screen reads alike share an echo intent (free_text.toml, echo.same)."""
    assert len(intents(locale)) <= MAX_INTENTS, len(intents(locale))


@by_locale
def test_each_custom_intent_has_enough_samples(locale):
    found = []
    for name, intent in intents(locale).items():
        if name.startswith("AMAZON.") or name in carriers.intents():
            continue  # a free-text intent's samples are its openers (skill/content/<locale>/free_text.toml)
        least = MIN_TINY_SAMPLES if name in TINY_ANSWER_INTENTS else MIN_SAMPLES
        if len(intent["samples"]) < least:
            found.append(f"{name}: {len(intent['samples'])} samples, needs {least}")
    assert not found, failures(found, f"intents with too few samples in {locale}")


# ---------------------------------------------------------------------------------------------
# Slot types and values
# ---------------------------------------------------------------------------------------------

@by_locale
def test_custom_slot_types_are_declared_used_and_well_formed(locale):
    declared = types(locale)
    used = {t for i in intents(locale).values() for t in slot_types(i).values() if not t.startswith("AMAZON.")}
    found = [f"slot type {t} is used but not declared" for t in sorted(used - set(declared))]
    found += [f"slot type {t} is declared but no slot uses it" for t in sorted(set(declared) - used)]
    for type_name, values in declared.items():
        ids = [v.get("id") for v in values]
        found += [f"{type_name}: {v['name'].get('value')!r} has no id" for v in values if not v.get("id")]
        found += [f"{type_name}: {v.get('id')!r} has no synonyms" for v in values if not v["name"].get("synonyms")]
        found += [f"{type_name}: id {i!r} twice" for i in sorted({i for i in ids if ids.count(i) > 1})]
    assert not found, failures(found, f"slot type problems in {locale}")


@by_locale
def test_no_synonym_belongs_to_two_values_of_a_type(locale):
    found = []
    for type_name, values in types(locale).items():
        owner: dict[str, str] = {}
        for value in values:
            for phrase in dict.fromkeys(p.lower().strip() for p in phrases(value)):
                if owner.setdefault(phrase, value["id"]) != value["id"]:
                    found.append(f"{type_name}: {phrase!r} in {owner[phrase]} and {value['id']}")
    assert not found, failures(found, f"synonyms shared between values in {locale}")


@by_locale
def test_slot_value_ids_and_names_match_the_content(locale):
    text = content.for_locale(locale)
    # (and the value for stretches the skill does not guide, which it answers with one it does)
    stretches = {sid: data["name"] for sid, data in text.stretches.items()} | {NOT_OFFERED: "child's pose"}
    expected = {"STRETCH": stretches, "BODY_AREA": text.raw("stretches.areas"),
                "POSITION": text.raw("stretches.positions")}
    for type_name, names in expected.items():
        model = {v["id"]: v["name"]["value"] for v in types(locale)[type_name]}
        assert set(model) == set(names), f"{locale} {type_name} ids {sorted(model)} != content {sorted(names)}"
        assert model == names, f"{locale} {type_name} values should be the content's names: {names}"
    symptoms = value_ids(locale, "SYMPTOM")
    assert set(safety.SYMPTOM_LEVELS) <= symptoms, f"red flags missing: {set(safety.SYMPTOM_LEVELS) - symptoms}"
    assert symptoms - set(safety.SYMPTOM_LEVELS) == ORDINARY_SYMPTOMS


def level_rank(symptom_id: str | None) -> int:
    """0 for an emergency ... 3 for soon; 9 for no red flag."""
    level = safety.level_of(symptom_id)
    return safety.LEVEL_ORDER.index(level) if level else 9


def heard(said: str, locale: str) -> str | None:
    """The symptom the red-flag screen reads in these words (what if: None)."""
    finding = screen.screen([said], locale)
    return finding.symptom if finding and finding.status != screen.HYPOTHETICAL else None


@by_locale
def test_red_flag_synonyms_are_recognised_by_the_screen(locale):
    """Every red-flag value's words, as the skill reads them, are that red flag or a more serious one."""
    found = []
    for value in types(locale)["SYMPTOM"]:
        if value["id"] not in safety.SYMPTOM_LEVELS:
            continue
        for phrase in phrases(value):
            # words the vocabulary does not name on their own ("at night", after "it hurts") count as
            # the value Alexa matched, as in skill.safety.finding_in_request
            got = heard(phrase, locale) if screen.mentions(phrase, locale) else value["id"]
            if level_rank(got) > level_rank(value["id"]):
                found.append(f"{value['id']}: screen({phrase!r}) -> {got}")
    assert not found, failures(found, f"red-flag synonyms in {locale} that the screen does not recognise")


@by_locale
def test_ordinary_symptom_synonyms_are_not_red_flags(locale):
    found = [f"{v['id']}: screen({p!r}) -> {heard(p, locale)}" for v in types(locale)["SYMPTOM"]
             if v["id"] in ORDINARY_SYMPTOMS for p in phrases(v) if heard(p, locale)]
    assert not found, failures(found, f"ordinary symptom synonyms in {locale} read as red flags")


# ---------------------------------------------------------------------------------------------
# Resolving typed phrasings as bespoken's virtual-alexa does (the emulation is in tests/va.py)
# ---------------------------------------------------------------------------------------------

# What people say, and what the model must make of it: the intent, and for slots the value id
# (custom types) or the words (AMAZON types). en-US unless a locale is given.
PHRASINGS: list[tuple[str, str, dict[str, str]]] = [
    # why it pops
    ("why does my back pop", "WhatIsThePopIntent", {}),
    ("Why does my back pop?", "WhatIsThePopIntent", {}),
    ("why does my back crack when i twist", "WhatIsThePopIntent", {}),
    ("why does my back crack so loud", "WhatIsThePopIntent", {}),
    ("what is that cracking sound in my back", "WhatIsThePopIntent", {}),
    ("what makes my spine crack", "WhatIsThePopIntent", {}),
    ("what causes my back to pop", "WhatIsThePopIntent", {}),
    ("is that my bones cracking", "WhatIsThePopIntent", {}),
    ("what happens when i crack my back", "WhatIsThePopIntent", {}),
    ("why won't my back pop", "WhyWontItPopIntent", {}),
    ("why can't i crack my back", "WhyWontItPopIntent", {}),
    ("how come my back won't crack", "WhyWontItPopIntent", {}),
    ("my back won't crack no matter what", "WhyWontItPopIntent", {}),
    ("it won't pop", "WhyWontItPopIntent", {}),
    ("i can't crack my back", "WhyWontItPopIntent", {}),
    ("how do i get my back to pop", "topic:pop_how", {}),
    ("my back feels like it needs to pop", "WhyWontItPopIntent", {}),
    ("it feels like my back needs to crack", "WhyWontItPopIntent", {}),
    ("i need to crack my back", "topic:pop_how", {}),
    ("why can't i pop my back anymore", "WhyStoppedPoppingIntent", {}),
    ("my back doesn't crack anymore", "WhyStoppedPoppingIntent", {}),
    ("my back used to pop but not now", "WhyStoppedPoppingIntent", {}),
    ("why has my back stopped popping", "WhyStoppedPoppingIntent", {}),
    ("why did my back stop cracking", "WhyStoppedPoppingIntent", {}),
    ("my back stopped popping", "WhyStoppedPoppingIntent", {}),
    ("it won't pop anymore", "WhyStoppedPoppingIntent", {}),
    ("i can't crack my back anymore", "WhyStoppedPoppingIntent", {}),
    ("i can no longer pop my back", "WhyStoppedPoppingIntent", {}),
    ("is it bad to crack my back", "IsCrackingSafeIntent", {}),
    ("is it bad that my back cracks all the time", "IsCrackingSafeIntent", {}),
    ("is popping my back safe", "IsCrackingSafeIntent", {}),
    ("can cracking my back cause arthritis", "topic:crack_arthritis", {}),
    ("does cracking your back cause arthritis", "topic:crack_arthritis", {}),
    ("is it okay to crack my back", "IsCrackingSafeIntent", {}),
    ("should i stop cracking my back", "IsCrackingSafeIntent", {}),
    ("is it normal for my back to crack", "WhatIsThePopIntent", {}),
    ("can i crack my back", "IsCrackingSafeIntent", {}),
    ("can i pop it again", "CanIPopAgainIntent", {}),
    ("when can i crack my back again", "CanIPopAgainIntent", {}),
    ("how long until it pops again", "CanIPopAgainIntent", {}),
    ("how long should i wait to crack my back again", "CanIPopAgainIntent", {}),
    ("i just popped my back", "JustPoppedIntent", {}),
    ("my back just cracked", "JustPoppedIntent", {}),
    ("i cracked my back", "JustPoppedIntent", {}),
    ("i just heard my back pop", "JustPoppedIntent", {}),
    ("more", "TellMeMoreIntent", {}),
    ("more about that", "TellMeMoreIntent", {}),
    ("go on", "TellMeMoreIntent", {}),
    ("more please", "TellMeMoreIntent", {}),
    ("explain more", "TellMeMoreIntent", {}),
    # stretches
    ("give me a stretch", "ChooseStretchIntent", {}),
    ("give me a stretch please", "ChooseStretchIntent", {}),
    ("a stretch for my lower back", "ChooseStretchIntent", {"area": "lower_back"}),
    ("a stretch for my back", "ChooseStretchIntent", {"area": "lower_back"}),
    ("can you give me a stretch for my lower back", "ChooseStretchIntent", {"area": "lower_back"}),
    ("give me a stretch for my hips", "ChooseStretchIntent", {"area": "hips"}),
    ("something for my upper back", "ChooseStretchIntent", {"area": "upper_back"}),
    ("a stretch for between my shoulder blades", "ChooseStretchIntent", {"area": "upper_back"}),
    ("something i can do sitting down", "ChooseStretchIntent", {"position": "sitting"}),
    ("a stretch i can do at my desk", "ChooseStretchIntent", {"position": "sitting"}),
    ("a stretch i can do in the office", "ChooseStretchIntent", {"position": "sitting"}),
    ("what stretch can i do at work", "ChooseStretchIntent", {"position": "sitting"}),
    ("I'm in the office, what stretch can I do?", "ChooseStretchIntent", {"position": "sitting"}),
    ("is there a stretch i can do in bed", "ChooseStretchIntent", {"position": "lying"}),
    ("a stretch for my chest i can do standing", "ChooseStretchIntent", {"area": "chest", "position": "standing"}),
    ("a stretch for my lower back while lying down", "ChooseStretchIntent",
     {"area": "lower_back", "position": "lying"}),
    ("how do i do cat cow", "ChooseStretchIntent", {"stretch": "cat_cow"}),
    ("how do i do cat-cow", "ChooseStretchIntent", {"stretch": "cat_cow"}),
    ("how do i do the cat cow stretch", "ChooseStretchIntent", {"stretch": "cat_cow"}),
    ("what is the knee to chest stretch", "ChooseStretchIntent", {"stretch": "knee_to_chest"}),
    ("what is the supine twist", "ChooseStretchIntent", {"stretch": "supine_twist"}),
    ("chest stretch", "ChooseStretchIntent", {"area": "chest"}),  # the chest opener, by its area
    ("cat cow please", "GuideStretchIntent", {"stretch": "cat_cow"}),
    ("any stretch", "ChooseStretchIntent", {}),
    ("what stretch helps a stiff back", "ChooseStretchIntent", {"symptom": "stiffness"}),
    ("what's a good stretch for lower back pain", "ChooseStretchIntent", {"symptom": "aching"}),
    ("stretches for lower back pain", "ChooseStretchIntent", {"symptom": "aching"}),
    ("best stretch for a tight back", "ChooseStretchIntent", {"symptom": "tightness"}),
    ("a stretch for tight hips", "ChooseStretchIntent", {"symptom": "tightness"}),
    ("guide me through cat cow", "GuideStretchIntent", {"stretch": "cat_cow"}),
    ("walk me through the cat-cow stretch", "GuideStretchIntent", {"stretch": "cat_cow"}),
    ("walk me through a stretch for my hips", "GuideStretchIntent", {"area": "hips"}),
    ("let's do the seated twist", "GuideStretchIntent", {"stretch": "seated_twist"}),
    ("start knee to chest", "GuideStretchIntent", {"stretch": "knee_to_chest"}),
    ("i want to do the chest stretch", "GuideStretchIntent", {"stretch": "chest_opener"}),
    ("coach me through a stretch lying down", "GuideStretchIntent", {"position": "lying"}),
    ("guide me through the doorway stretch", "GuideStretchIntent", {"stretch": "chest_opener"}),
    ("stretch with me", "GuideStretchIntent", {}),
    ("start a routine", "StartRoutineIntent", {}),
    ("start a five minute routine", "StartRoutineIntent", {"minutes": "five"}),
    ("start a 5 minute routine", "StartRoutineIntent", {"minutes": "5"}),
    ("a quick routine", "StartRoutineIntent", {}),
    ("can we do a quick routine", "StartRoutineIntent", {}),
    ("a routine for my lower back", "StartRoutineIntent", {"area": "lower_back"}),
    ("a ten minute routine", "StartRoutineIntent", {"minutes": "ten"}),
    ("a ten minute stretch routine sitting down", "StartRoutineIntent", {"minutes": "ten", "position": "sitting"}),
    ("start a five minute stretch routine sitting down", "StartRoutineIntent",
     {"minutes": "five", "position": "sitting"}),
    ("give me a five minute routine for my hips", "StartRoutineIntent", {"minutes": "five", "area": "hips"}),
    ("can i have a two minute routine", "StartRoutineIntent", {"minutes": "two"}),
    ("i have five minutes", "StartRoutineIntent", {"minutes": "five"}),
    ("a quick routine i can do at my desk", "StartRoutineIntent", {"position": "sitting"}),
    ("another one", "AnotherStretchIntent", {}),
    ("a different stretch", "AnotherStretchIntent", {}),
    ("something else", "AnotherStretchIntent", {}),
    ("another", "AnotherStretchIntent", {}),
    ("no give me another one", "AnotherStretchIntent", {}),
    ("what stretches do you know", "ListStretchesIntent", {}),
    ("list the stretches", "ListStretchesIntent", {}),
    ("what else can i do", "SelfCareIntent", {}),
    ("what else can i do for a stiff back", "topic:selfcare", {}),
    ("does heat help", "topic:heat", {}),
    ("does heat help with back pain", "topic:heat", {}),
    ("does stretching help", "topic:stretch", {}),
    ("would a hot bath help", "topic:bath", {}),
    ("how do i loosen my back", "SelfCareIntent", {}),
    ("tips for a stiff back", "SelfCareIntent", {}),
    ("what helps a stiff back", "SelfCareIntent", {}),
    ("should i rest", "topic:movement", {}),
    ("should i see a chiropractor", "topic:chiropractor", {}),
    ("should i see a physical therapist", "topic:physio", {}),
    ("should i see a PT", "topic:physio", {}),
    ("should i go to a chiropractor or a physical therapist", "SeeProfessionalIntent", {}),
    # symptoms
    ("do i need a doctor", "CheckSymptomsIntent", {}),
    ("do i need to see a doctor about my back", "CheckSymptomsIntent", {}),
    ("check my symptoms", "CheckSymptomsIntent", {}),
    ("is this serious", "CheckSymptomsIntent", {}),
    ("should i be worried about my back", "CheckSymptomsIntent", {}),
    ("maybe i should see a doctor", "CheckSymptomsIntent", {}),
    ("should i go to the ER", "CheckSymptomsIntent", {}),
    ("should i see a doctor about numbness in my leg", "CheckSymptomsIntent", {"symptom": "limb_numbness"}),
    # a general question: its words reach the screen whole (a what-if, answered with the emergency number)
    ("is chest pain serious", "IsItIntent", {"query": "chest pain serious"}),
    ("is my chest pain serious", "QuestionIntent", {"query": "chest pain serious"}),  # their own: read as said (911)
    ("i have a fever", "FeverIntent", {"query": ""}),
    ("a fever", "FeverIntent", {}),
    ("i've got numbness in my leg", "NumbnessIntent", {"query": "in my leg"}),
    ("there's numbness in my groin", "NumbnessIntent", {"query": "in my groin"}),
    ("i'm having chest pain", "ChestPainIntent", {}),
    ("i have chest pressure", "ChestPainIntent", {}),
    ("i have pins and needles in my leg", "NumbnessIntent", {"query": "in my leg"}),
    ("i have trouble peeing", "TroubleIntent", {"query": "peeing"}),
    ("i think i'm having a heart attack", "ReportSymptomIntent", {"symptom": "chest_pain"}),
    ("my back hurts and i have a fever", "QuestionIntent", {"query": "back hurts and i have a fever"}),
    ("i have a stiff back", "ReportSymptomIntent", {"symptom": "stiffness"}),
    ("i have back pain", "ReportSymptomIntent", {"symptom": "aching"}),
    ("chest pain", "ChestPainIntent", {"query": ""}),
    ("groin numbness", "SaidGroinIntent", {"query": "numbness"}),  # "groin" put back: read as saddle numbness
    ("weakness in both legs", "SaidWeakIntent", {"query": "in both legs"}),  # "weak" put back ("weakness ..., numbness no": the weakness kept)
    ("sciatica", "SaidSciaticaIntent", {}),
    ("i have night sweats", "ReportSymptomIntent", {"symptom": "fever"}),
    ("i don't know", "DontKnowIntent", {}),
    ("not sure", "DontKnowIntent", {}),
    ("i'm not sure", "DontKnowIntent", {}),
    ("maybe", "DontKnowIntent", {}),
    ("no idea", "DontKnowIntent", {}),
    # inside a routine
    ("skip this stretch", "SkipStretchIntent", {}),
    ("skip this one", "SkipStretchIntent", {}),
    ("next stretch", "SkipStretchIntent", {}),
    ("make it easier", "EasierIntent", {}),
    ("that's too hard", "EasierIntent", {}),
    ("easier stretch", "EasierIntent", {}),
    ("i can't do this", "EasierIntent", {}),
    ("how long do i hold it", "HoldTimeIntent", {}),
    ("how long should i hold this", "HoldTimeIntent", {}),
    ("which step am i on", "WhichStepIntent", {}),
    ("where am i", "WhichStepIntent", {}),
    ("it hurts", "ItHurtsIntent", {}),
    ("ouch", "ItHurtsIntent", {}),
    ("ouch that hurts", "ItHurtsIntent", {}),
    ("that's sharp pain", "ItHurtsIntent", {}),
    ("this is painful", "ItHurtsIntent", {}),
    ("forget me", "ForgetMeIntent", {}),
    ("delete my data", "ForgetMeIntent", {}),
    ("erase what you know about me", "ForgetMeIntent", {}),
    # free text
    ("my back hurts", "QuestionIntent", {"query": "back hurts"}),
    ("my back is stiff", "QuestionIntent", {"query": "back is stiff"}),
    ("why is my back so stiff", "topic:stiffness", {}),
    ("how often should i stretch", "topic:stretch", {}),
    ("help me with my posture", "QuestionIntent", {"query": "my posture"}),
    ("i fell asleep on the couch and now my back is stiff", "QuestionIntent", {}),
    ("i slipped a disc years ago", "QuestionIntent", {}),
    ("i can't walk", "CannotIntent", {"query": "walk"}),
    ("i cannot feel my legs", "CannotIntent", {"query": "feel my legs"}),
    ("i can't pee", "CannotIntent", {"query": "pee"}),
    ("i suddenly can't stand up", "CannotIntent", {"query": "stand up"}),
    ("i fell", "InjuryIntent", {}),
    ("i fell off a ladder", "InjuryIntent", {}),
    ("i fell down the stairs", "InjuryIntent", {}),
    ("i was in a car accident", "InjuryIntent", {}),
    ("i slipped on the ice", "InjuryIntent", {"query": "on the ice"}),
    ("my back hurts after a fall", "InjuryIntent", {}),
    ("i fell yesterday and now my back hurts", "InjuryIntent", {}),
    # built-ins
    ("help", "AMAZON.HelpIntent", {}),
    ("what can i do", "AMAZON.HelpIntent", {}),
    ("can you help me", "AMAZON.HelpIntent", {}),
    ("stop", "AMAZON.StopIntent", {}),
    ("please stop", "AMAZON.StopIntent", {}),
    ("stop please", "AMAZON.StopIntent", {}),
    ("i'm done for today", "AMAZON.StopIntent", {}),
    ("that's enough for today", "AMAZON.StopIntent", {}),
    ("thank you", "AMAZON.StopIntent", {}),
    ("cancel", "AMAZON.CancelIntent", {}),
    ("never mind", "AMAZON.CancelIntent", {}),
    ("next", "AMAZON.NextIntent", {}),
    ("next step", "AMAZON.NextIntent", {}),
    ("what's the next step", "AMAZON.NextIntent", {}),
    ("i'm ready", "AMAZON.YesIntent", {}),
    ("done", "AMAZON.NextIntent", {}),
    ("next please", "AMAZON.NextIntent", {}),
    ("skip", "SkipStretchIntent", {}),  # mid-routine: this stretch skipped
    ("go back", "AMAZON.PreviousIntent", {}),
    ("go back a step", "AMAZON.PreviousIntent", {}),
    ("repeat", "AMAZON.RepeatIntent", {}),
    ("repeat that please", "AMAZON.RepeatIntent", {}),
    ("what was that", "AMAZON.RepeatIntent", {}),
    ("start over", "AMAZON.StartOverIntent", {}),
    ("from the top", "AMAZON.StartOverIntent", {}),
    ("pause", "AMAZON.PauseIntent", {}),
    ("hold on", "AMAZON.PauseIntent", {}),
    ("wait", "AMAZON.PauseIntent", {}),
    ("resume", "AMAZON.ResumeIntent", {}),
    ("carry on", "AMAZON.ResumeIntent", {}),
    ("keep going", "AMAZON.ResumeIntent", {}),
    ("yes", "AMAZON.YesIntent", {}),
    # a hedged yes with a shrug, to "any numbness down below?": Alexa hands over no opener, so only a sample keeps it
    ("sometimes i guess", "AMAZON.YesIntent", {}), ("a little i guess", "AMAZON.YesIntent", {}),
    # someone going in after advice: a goodbye that reaches the skill ("ringing {query}")
    ("ringing 999 now bye", "QuestionIntent", {"query": "999 now bye"}),
    ("yeah", "AMAZON.YesIntent", {}),
    ("sure", "AMAZON.YesIntent", {}),
    ("ok", "AMAZON.YesIntent", {}),
    ("let's do it", "AMAZON.YesIntent", {}),
    ("yes i do", "AMAZON.YesIntent", {}),
    ("no", "AMAZON.NoIntent", {}),
    ("nope", "AMAZON.NoIntent", {}),
    ("not now", "AMAZON.NoIntent", {}),
    ("no i don't have that", "AMAZON.NoIntent", {}),
    ("home", "AMAZON.NavigateHomeIntent", {}),
    ("main menu", "AMAZON.NavigateHomeIntent", {}),
    # short built-in words hiding inside longer phrasings ("off" in office, "stop" in stopped...)
    ("i work in an office and my back is stiff", "QuestionIntent", {}),
    ("pressure in my chest", "ChestPainIntent", {}),
    ("no bladder control", "TroubleIntent", {"query": "bladder"}),
    ("it stops me sleeping", "CheckSymptomsIntent", {}),
    ("why does your back crack", "WhatIsThePopIntent", {}),
    ("is it good to crack your back", "IsCrackingSafeIntent", {}),
    ("i keep cracking my back", "IsCrackingSafeIntent", {}),
    ("can you crack my back", "topic:pop_how", {}),
    ("how do i crack my lower back", "topic:pop_how", {}),
    ("i heard a loud crack in my back", "JustPoppedIntent", {}),
    ("is it safe to pop it again right away", "CanIPopAgainIntent", {}),
    ("take me through the knee to chest stretch", "GuideStretchIntent", {"stretch": "knee_to_chest"}),
    ("can i do cat cow again", "GuideStretchIntent", {"stretch": "cat_cow"}),
    ("start a quick stretching routine", "StartRoutineIntent", {}),
    ("start a new routine", "StartRoutineIntent", {}),
    ("i don't like that stretch", "AnotherStretchIntent", {}),
    ("what other stretches do you have", "ListStretchesIntent", {}),
    ("what can i do for my stiff back", "SelfCareIntent", {}),
    ("is walking good for back pain", "topic:movement", {}),
    ("does it help to stretch", "topic:stretch", {}),
    ("what helps", "SelfCareIntent", {}),
    ("do chiropractors help", "topic:chiropractor", {}),
    ("what kind of doctor should i see", "SeeProfessionalIntent", {}),
    ("is my back broken", "CheckSymptomsIntent", {}),
    ("do i need an x ray", "CheckSymptomsIntent", {}),
    ("i need help with my back", "QuestionIntent", {"query": "my back"}),
    ("it hurts at night", "ReportSymptomIntent", {"symptom": "night_pain"}),
    ("it's agony", "ReportSymptomIntent", {"symptom": "sudden_severe"}),
    ("i changed my mind", "AMAZON.CancelIntent", {}),
    ("stop the routine", "AMAZON.StopIntent", {}),
    ("that's it", "AMAZON.StopIntent", {}),
    ("pause the stretch", "AMAZON.PauseIntent", {}),
    ("go back to the last stretch", "AMAZON.PreviousIntent", {}),
    ("how long for", "HoldTimeIntent", {}),
    ("is this the last step", "WhichStepIntent", {}),
    ("i can't get on the floor", "EasierIntent", {}),
    ("i don't want to do this one", "SkipStretchIntent", {}),
    ("forget my data", "ForgetMeIntent", {}),
    ("not that i know of", "AMAZON.NoIntent", {}),
    ("give me an exercise", "ChooseStretchIntent", {}),
    ("exercises for my back", "ChooseStretchIntent", {"area": "lower_back"}),
]

# More of what people type: other openings, politeness, filler words, contractions, capitals and
# punctuation. A free-text intent's words are checked too (the query, as the skill gets it).
MORE_PHRASINGS: list[tuple[str, str, dict[str, str]]] = [
    # why it pops, and whether it's safe
    ("Why does my back pop so loud?", "WhatIsThePopIntent", {}),
    ("how come my back pops so much", "WhatIsThePopIntent", {}),
    ("what's that popping noise in my back", "WhatIsThePopIntent", {}),
    ("is the popping my bones", "WhatIsThePopIntent", {}),
    ("so why does my back pop", "QuestionIntent", {"query": "why does my back pop"}),
    ("hey, why does my spine crack?", "QuestionIntent", {"query": "why does my spine crack"}),
    ("um why won't my back crack", "QuestionIntent", {"query": "why won't my back crack"}),
    ("just wondering why my back cracks", "QuestionIntent", {"query": "wondering why my back cracks"}),
    ("sometimes my back clicks when i walk", "QuestionIntent", {"query": "my back clicks when i walk"}),
    ("how come my back won't pop", "WhyWontItPopIntent", {}),
    ("i need my back to crack", "topic:pop_how", {}),
    ("how come my back doesn't crack anymore", "WhyStoppedPoppingIntent", {}),
    ("my back used to pop but it doesn't now", "WhyStoppedPoppingIntent", {}),
    ("is cracking your back harmful", "IsCrackingSafeIntent", {}),
    ("Is it bad for you to crack your back?", "IsCrackingSafeIntent", {}),
    ("is popping your back bad", "IsCrackingSafeIntent", {}),
    ("actually is it safe to crack my back", "QuestionIntent", {"query": "is it safe to crack my back"}),
    ("can i crack it again right away", "CanIPopAgainIntent", {}),
    ("i heard a pop in my back", "JustPoppedIntent", {}),
    ("my back just cracked loudly", "JustPoppedIntent", {}),
    ("can you elaborate", "TellMeMoreIntent", {}),
    ("go on then", "AMAZON.YesIntent", {}),  # British "yes, go ahead" ("Shall I check?" "Go on then")
    ("what do you mean by that", "TellMeMoreIntent", {}),
    ("okay thanks bye", "AMAZON.StopIntent", {}),
    ("cheers", "AMAZON.StopIntent", {}),
    ("which step i am on", "WhichStepIntent", {}),
    ("i just now popped my back", "JustPoppedIntent", {}),
    # asking for a stretch
    ("suggest a stretch", "ChooseStretchIntent", {}),
    ("suggest a stretch i can do at my desk", "ChooseStretchIntent", {"position": "sitting"}),
    ("recommend a stretch for a stiff back", "ChooseStretchIntent", {"symptom": "stiffness"}),
    ("show me a stretch for my chest", "ChooseStretchIntent", {"area": "chest"}),
    ("any stretch will do", "ChooseStretchIntent", {}),
    ("Can you recommend a stretch for my lower back?", "ChooseStretchIntent", {"area": "lower_back"}),
    ("could you suggest a stretch i can do in bed", "ChooseStretchIntent", {"position": "lying"}),
    ("find me a stretch for my hips", "ChooseStretchIntent", {"area": "hips"}),
    ("I'd like a stretch for my upper back", "ChooseStretchIntent", {"area": "upper_back"}),
    ("do you have a stretch for tight hamstrings", "ChooseStretchIntent", {"symptom": "tightness"}),
    ("is there a stretch for my shoulders", "ChooseStretchIntent", {"area": "upper_back"}),
    ("i need a good stretch for my lower back", "ChooseStretchIntent", {"area": "lower_back"}),
    ("give me some stretches for my lower back", "ChooseStretchIntent", {"area": "lower_back"}),
    ("Give me a stretch for my lower back, please.", "ChooseStretchIntent", {"area": "lower_back"}),
    ("what can i do sitting in my chair", "ChooseStretchIntent", {"position": "sitting"}),
    ("a stretch i can do on the train", "ChooseStretchIntent", {"position": "sitting"}),
    ("doorway stretch", "GuideStretchIntent", {"stretch": "chest_opener"}),
    ("the cat cow", "GuideStretchIntent", {"stretch": "cat_cow"}),
    ("tight chest", "ChooseStretchIntent", {"area": "chest"}),
    ("my chest muscles are tight", "ChooseStretchIntent", {}),
    ("stretches for the lower back", "ChooseStretchIntent", {"area": "lower_back"}),
    ("hip stretches", "ChooseStretchIntent", {"area": "hips"}),
    ("just give me a stretch", "ChooseStretchIntent", {}),
    ("what stretch helps with tight hips", "ChooseStretchIntent", {"symptom": "tightness"}),
    ("What's the best stretch for lower back pain?", "ChooseStretchIntent", {"symptom": "aching"}),
    ("How do I do the cat-cow stretch?", "ChooseStretchIntent", {"stretch": "cat_cow"}),
    ("please give me a stretch", "QuestionIntent", {"query": "give me a stretch"}),
    ("please give me a stretch for my neck", "QuestionIntent", {"query": "give me a stretch for my neck"}),
    ("which stretch is best for my lower back", "topic:stretch", {}),
    ("do you know any good stretches", "topic:stretch", {}),
    ("stretch my hamstrings", "topic:stretch", {}),
    # guided stretches and routines
    ("do the cat cow", "GuideStretchIntent", {"stretch": "cat_cow"}),
    ("can you walk me through the doorway stretch", "GuideStretchIntent", {"stretch": "chest_opener"}),
    ("please guide me through knee to chest", "GuideStretchIntent", {"stretch": "knee_to_chest"}),
    ("let's try the supine twist", "GuideStretchIntent", {"stretch": "supine_twist"}),
    ("i'd like to try the seated twist", "GuideStretchIntent", {"stretch": "seated_twist"}),
    ("ok let's do cat cow", "GuideStretchIntent", {"stretch": "cat_cow"}),
    ("walk me through knee to chest", "GuideStretchIntent", {"stretch": "knee_to_chest"}),
    ("lead me through the lying twist", "GuideStretchIntent", {"stretch": "supine_twist"}),
    ("i'll do the cat cow", "GuideStretchIntent", {"stretch": "cat_cow"}),
    ("do a ten minute stretching routine", "StartRoutineIntent", {"minutes": "ten"}),
    ("let's do a five minute routine", "StartRoutineIntent", {"minutes": "five"}),
    ("can you give me a quick routine", "StartRoutineIntent", {}),
    ("I want to do a 10 minute routine", "StartRoutineIntent", {"minutes": "10"}),
    ("start a two minute routine for my lower back", "StartRoutineIntent", {"minutes": "two", "area": "lower_back"}),
    ("i've got ten minutes to stretch", "StartRoutineIntent", {"minutes": "ten"}),
    ("a quick routine please", "StartRoutineIntent", {}),
    ("do a routine for my hips", "StartRoutineIntent", {"area": "hips"}),
    ("guide me through a routine", "StartRoutineIntent", {}),
    ("start a thirty minute routine", "QuestionIntent", {"query": "a thirty minute routine"}),  # NUMBER: 1-20
    ("another one please", "AnotherStretchIntent", {}),
    ("no, something else", "AnotherStretchIntent", {}),
    ("how about another one", "AnotherStretchIntent", {}),
    ("list your stretches", "ListStretchesIntent", {}),
    ("which stretches do you have", "ListStretchesIntent", {}),
    # self-care, professionals, checking symptoms
    ("any tips for a stiff back", "SelfCareIntent", {}),
    ("tips for sleeping with a sore back", "topic:selfcare", {}),
    ("should i use a heating pad", "topic:heat", {}),
    ("what helps with a tight lower back", "topic:selfcare", {}),
    ("how can i ease my stiff back", "topic:selfcare", {}),
    ("any advice for back stiffness", "topic:selfcare", {}),
    ("does ice help with back pain", "topic:heat_ice", {}),
    ("what can i do about my stiff neck", "topic:selfcare", {}),
    ("home remedies for a sore back", "topic:selfcare", {}),
    ("do i need a physical therapist", "topic:physio", {}),
    ("would a chiropractor help", "topic:chiropractor", {}),
    ("should i see a chiropractor for this", "topic:chiropractor", {}),
    ("can you check if i need a doctor", "CheckSymptomsIntent", {}),
    ("should i go to the doctor about my back", "CheckSymptomsIntent", {}),
    ("is my back pain serious", "CheckSymptomsIntent", {}),
    ("should i worry about my back", "CheckSymptomsIntent", {}),
    ("do i need to go to the ER?", "CheckSymptomsIntent", {}),
    ("i have a stiff lower back", "ReportSymptomIntent", {"symptom": "stiffness"}),
    ("i've got a knot in my back", "ReportSymptomIntent", {"symptom": "tightness"}),
    ("my chest feels tight", "QuestionIntent", {"query": "chest feels tight"}),  # the screen reads it: an emergency sign
    ("my chest is tight from sitting", "QuestionIntent", {"query": "chest is tight from sitting"}),
    ("my lower back is stiff", "QuestionIntent", {"query": "lower back is stiff"}),
    ("lower back pain", "PainIntent", {"query": ""}),
    ("the pain is worse in the morning", "PainIntent", {"query": "is worse in the morning"}),
    ("my back pain is mild", "PainIntent", {"query": "is mild"}),
    ("both my knees ache", "SaidBothIntent", {"query": "my knees ache"}),
    ("it's hard to say", "DontKnowIntent", {}),
    ("a little", "AMAZON.YesIntent", {}),  # a hedged yes
    ("i guess", "DontKnowIntent", {}),
    # inside a guided stretch
    ("can we skip this one", "SkipStretchIntent", {}),
    ("this is too hard", "EasierIntent", {}),
    ("try something easier", "EasierIntent", {}),
    ("can you make it a bit easier", "EasierIntent", {}),
    ("how long should i hold it", "HoldTimeIntent", {}),
    ("what step are we on", "WhichStepIntent", {}),
    ("ow that hurts", "ItHurtsIntent", {}),
    ("sharp pain", "ItHurtsIntent", {}),
    ("i don't like this one", "AnotherStretchIntent", {}),
    ("delete everything", "ForgetMeIntent", {}),
    ("am i doing this right", "IsItIntent", {"query": "doing this right"}),
    ("where should i feel the stretch", "QuestionIntent", {"query": "should i feel the stretch"}),
    # built-ins, said the long way
    ("ok next", "AMAZON.NextIntent", {}),
    ("next step please", "AMAZON.NextIntent", {}),
    ("say that again please", "AMAZON.RepeatIntent", {}),
    ("What?", "AMAZON.RepeatIntent", {}),
    ("hold on a second", "AMAZON.PauseIntent", {}),
    ("continue please", "AMAZON.ResumeIntent", {}),
    ("let's start over", "AMAZON.StartOverIntent", {}),
    ("yes a little", "AMAZON.YesIntent", {}),
    ("okay let's go", "AMAZON.YesIntent", {}),
    ("i do", "AMAZON.YesIntent", {}),
    ("no not really", "AMAZON.NoIntent", {}),
    ("no fever", "AMAZON.NoIntent", {}),
    ("I don't", "AMAZON.NoIntent", {}),
    ("i'm done now", "AMAZON.StopIntent", {}),
    ("thanks bye", "AMAZON.StopIntent", {}),
    ("shut up", "AMAZON.StopIntent", {}),
    ("cancel please", "AMAZON.CancelIntent", {}),
    ("please help", "AMAZON.HelpIntent", {}),
    ("go home", "AMAZON.NavigateHomeIntent", {}),
    ("exit", SESSION_ENDED, {}),
    # any opening: the catch-all takes it, the words go on to the skill
    ("ok so my back is really stiff today", "QuestionIntent", {"query": "my back is really stiff today"}),
    ("hey can you help me with my posture", "QuestionIntent", {"query": "can you help me with my posture"}),
    ("actually i work at a desk all day", "QuestionIntent", {"query": "i work at a desk all day"}),
    ("um my neck is stiff", "QuestionIntent", {"query": "my neck is stiff"}),
    ("also my hips are tight", "QuestionIntent", {"query": "my hips are tight"}),
    ("i'd like some help with my back", "QuestionIntent", {"query": "some help with my back"}),
    ("last week my back locked up", "SaidLastIntent", {"query": "week my back locked up"}),
    ("well i sit all day", "QuestionIntent", {"query": "i sit all day"}),
    ("is there anything i can do for a stiff neck", "topic:selfcare", {}),
]

# virtual-alexa's launch-word check, whatever the model holds: these never reach a sample (so no
# phrasing may depend on one), or only the words after the last " to " do.
LAUNCH_PHRASINGS: list[tuple[str, str, dict[str, str]]] = [
    ("open back pop coach", LAUNCH, {}),
    ("launch back pop coach", LAUNCH, {}),
    ("ask back pop coach why my back pops", LAUNCH, {}),
    ("tell me more", LAUNCH, {}),
    ("chest opener", LAUNCH, {}),
    ("should i talk to a doctor", LAUNCH, {}),
    ("ask back pop coach to check my symptoms", "CheckSymptomsIntent", {}),
    ("tell back pop coach to give me a stretch", "ChooseStretchIntent", {}),
    ("open back pop coach to start a five minute routine", "StartRoutineIntent", {"minutes": "five"}),
]


LOCAL_PHRASINGS: list[tuple[str, str, str, dict[str, str]]] = [
    ("en-GB", "should i see a physio", "topic:physio", {}),
    ("en-AU", "should i see a physiotherapist", "topic:physio", {}),
    ("en-IN", "do i need physio", "topic:physio", {}),
    ("en-CA", "should i see a physical therapist", "topic:physio", {}),
    ("en-GB", "should i see a GP", "CheckSymptomsIntent", {}),
    ("en-GB", "should i go to A and E", "CheckSymptomsIntent", {}),
    ("en-GB", "should i ring one one one", "CheckSymptomsIntent", {}),
    ("en-AU", "should i call triple zero", "CheckSymptomsIntent", {}),
    ("en-IN", "should i consult a doctor", "CheckSymptomsIntent", {}),
    ("en-CA", "should i go to a walk in clinic", "CheckSymptomsIntent", {}),
    ("en-GB", "i have trouble weeing", "TroubleIntent", {"query": "weeing"}),
    ("en-GB", "i've pooed myself", "QuestionIntent", {}),
    ("en-AU", "i've got a numb bum", "NumbnessIntent", {"query": "bum"}),
    ("en-GB", "i have agonising pain", "ReportSymptomIntent", {"symptom": "sudden_severe"}),
    ("en-US", "i have agonizing pain", "ReportSymptomIntent", {"symptom": "sudden_severe"}),
    ("en-IN", "i've been feeling rough", "FeelIntent", {}),
    ("en-GB", "what helps when my lower back's stiff", "SelfCareIntent", {}),
    ("en-AU", "a stretch i can do on the sofa", "ChooseStretchIntent", {"position": "lying"}),
]

MORE_LOCAL_PHRASINGS: list[tuple[str, str, str, dict[str, str]]] = [
    # asked of a smart speaker mid-routine or mid-check: said again, louder; a goodbye
    ("en-GB", "louder please, I can't hear you", "AMAZON.RepeatIntent", {}),
    ("en-CA", "louder please", "AMAZON.RepeatIntent", {}),
    ("en-GB", "cheerio, bye", "AMAZON.StopIntent", {}),
    ("en-IN", "okay, cancel", "AMAZON.StopIntent", {}),
    ("en-US", "meaning?", "TellMeMoreIntent", {}), ("en-US", "arthritis?", "CrackingArthritisIntent", {}),
    ("en-CA", "skip", "SkipStretchIntent", {}), ("en-GB", "loo accidents", "SaidToiletIntent", {"query": "accidents"}),
    ("en-AU", "keen to stretch", "QuestionIntent", {"query": "stretch"}),
    ("en-AU", "brekkie's ready, pause", "QuestionIntent", {"query": "ready pause"}),
    # complaints reeled off first, and what a test said first: free words the screen reads, not nothing
    ("en-GB", "hay fever, reflux, the knee, and I've wet meself twice", "QuestionIntent", {"query": "reflux the knee and I've wet meself twice"}),
    ("en-IN", "ECG was normal last week, but today a tearing pain", "QuestionIntent", {"query": "was normal last week but today a tearing pain"}),
    ("en-GB", "should i see a physio about my back", "topic:physio", {}),
    ("en-AU", "my back's crook", "topic:stiffness", {}),
    ("en-IN", "my back is paining", "topic:stiffness", {}),
    ("en-GB", "any tips for a stiff back", "SelfCareIntent", {}),
    ("en-CA", "should i go to a chiropractor or a physical therapist", "SeeProfessionalIntent", {}),
    ("en-GB", "i came off my bike and hurt my back", "InjuryIntent", {"query": "and hurt my back"}),
]


def answered_topic(locale: str, match: Match | None) -> str | None:
    """The topic the skill answers a resolution with (topic intents, and free words routed)."""
    if match is None:
        return None
    by_intent = topics.intent_topics(locale)
    if match.intent in by_intent:
        return by_intent[match.intent]
    if match.intent in carriers.table(locale):
        query = match.slots["query"][0] if "query" in match.slots else None
        routed = topics.route(carriers.said(locale, match.intent, query), locale)
        return routed.topic if routed else None
    return None


def expected_slots(match: Match | None, wanted: dict[str, str]) -> dict[str, str | None]:
    if match is None:
        return {}
    return {name: (match.slots[name][1] or match.slots[name][0]) if name in match.slots else None
            for name in wanted}


@pytest.mark.parametrize(("locale", "said", "intent", "slots"),
                         [("en-US", *case) for case in PHRASINGS + MORE_PHRASINGS + LAUNCH_PHRASINGS]
                         + LOCAL_PHRASINGS + MORE_LOCAL_PHRASINGS,
                         ids=lambda v: v if isinstance(v, str) else None)
def test_realistic_phrasings_resolve_under_virtual_alexa(locale, said, intent, slots):
    """Each phrasing reaches its intent, or (for "topic:X") an intent the skill answers with topic
    X: the topic's own intent, or free words that skill/topics.py routes to X."""
    got = resolve(locale, said)
    if intent.startswith("topic:"):
        assert answered_topic(locale, got) == intent.removeprefix("topic:"), (
            f"{locale} {said!r}: wanted the answer on {intent}, got {describe(got)} -> {answered_topic(locale, got)}")
        return
    assert got is not None and (got.intent, expected_slots(got, slots)) == (intent, slots), (
        f"{locale} {said!r}: wanted {intent} {slots}, got {describe(got)}")


RED_FLAG_PHRASINGS: list[tuple[str, str]] = [
    ("i have numbness in my groin", "saddle_numbness"),
    ("i've got a numb bottom", "saddle_numbness"),
    ("my groin is numb", "saddle_numbness"),
    ("i can't feel my groin", "saddle_numbness"),
    ("i have tingling in my groin and my back hurts", "saddle_numbness"),
    ("saddle numbness", "saddle_numbness"),
    ("i've lost control of my bladder", "bladder_bowel"),
    ("i wet myself", "bladder_bowel"),
    ("i can't pee", "bladder_bowel"),
    ("i'm having trouble peeing", "bladder_bowel"),
    ("i can't control my bowels", "bladder_bowel"),
    ("both my legs are numb", "both_legs"),
    ("my legs are weak", "both_legs"),
    ("i can't walk", "both_legs"),
    ("i can't feel my legs", "both_legs"),
    ("i can barely stand up", "both_legs"),
    ("i've got pins and needles in both legs", "both_legs"),
    ("i fell", "serious_fall"),
    ("i fell off my bike yesterday", "serious_fall"),
    ("i fell yesterday and now my back hurts", "serious_fall"),
    ("i fell and i can't walk", "serious_fall"),
    ("i slipped in the shower", "serious_fall"),
    ("i was in a car crash last week", "serious_fall"),
    ("my back hurts since the accident", "serious_fall"),
    ("i hurt my back falling off a chair", "serious_fall"),
    ("my back cracked when i fell", "serious_fall"),
    ("i have chest pain", "chest_pain"),
    ("chest pain", "chest_pain"),
    ("my chest hurts", "chest_pain"),
    ("i have chest pressure", "chest_pain"),
    ("my arm is numb", "limb_numbness"),
    ("my leg is tingling", "limb_numbness"),
    ("i have numbness and tingling in my leg", "limb_numbness"),
    ("i've got sciatica", "sciatica"),
    ("i have a fever", "fever"),
    ("i have a fever and chills", "fever"),
    ("i feel feverish", "fever"),
    ("i'm feeling unwell", "fever"),
    ("i've been losing weight", "weight_loss"),
    ("i had cancer", "cancer_history"),
    ("the pain came on suddenly", "sudden_severe"),
    ("it's excruciating", "sudden_severe"),
    ("i'm in agony", "sudden_severe"),
    ("i have severe back pain", "sudden_severe"),
    ("the pain is worse at night", "night_pain"),
    ("it wakes me up at night", "night_pain"),
    ("i have constant pain", "night_pain"),
    ("it's been hurting for weeks", "lasting"),
    ("my back pain won't go away", "lasting"),
    ("i can't sleep because of my back", "daily_life"),
    ("my back pain keeps me from working", "daily_life"),
    ("i have chest pressure", "chest_pain"),
    ("it hurts at night", "night_pain"),
    ("my back hurts all the time", "night_pain"),
    ("i have nonstop pain", "night_pain"),
    ("i feel unwell", "fever"),
    ("i feel sick", "fever"),
    ("both legs are weak", "both_legs"),
    ("it's the worst pain i've ever had", "sudden_severe"),
    ("i was rear ended", "serious_fall"),
]


@pytest.mark.parametrize(("said", "symptom"), RED_FLAG_PHRASINGS, ids=[s for s, _ in RED_FLAG_PHRASINGS])
def test_red_flags_said_plainly_reach_the_red_flag_rule(said, symptom):
    for locale in LOCALES:
        got = resolve(locale, said)
        flagged = red_flag_of(locale, got)
        assert level_rank(flagged) <= level_rank(symptom), (
            f"{locale} {said!r} -> {describe(got)}: red flag {flagged}, wanted {symptom}")


# Red flags in people's words: the intent they resolve to, and the level the skill must answer at
# (the skill's reading of that resolution, va.reading: the carrier put back before the query,
# every slot's words through the red-flag screen, and a matched SYMPTOM id the words do not name).
RED_FLAG_REPORTS: list[tuple[str, str, str]] = [
    # numbness around the groin: emergency
    ("numbness in my groin", "NumbnessIntent", "saddle_numbness"),
    ("I have numbness around my groin.", "NumbnessIntent", "saddle_numbness"),
    ("my groin feels numb", "NumbnessIntent", "saddle_numbness"),
    ("my bum is numb", "NumbnessIntent", "saddle_numbness"),
    ("my bottom has gone numb", "NumbnessIntent", "saddle_numbness"),
    ("pins and needles in my bottom", "SaidPinsIntent", "saddle_numbness"),  # ("pins" put back: see source.toml)
    ("i can't feel anything when i wipe", "CannotIntent", "saddle_numbness"),
    ("no feeling between my legs", "NumbnessIntent", "saddle_numbness"),
    ("tingling in my private parts", "NumbnessIntent", "saddle_numbness"),
    ("my inner thighs are numb", "NumbnessIntent", "saddle_numbness"),
    ("i've got saddle numbness", "ReportSymptomIntent", "saddle_numbness"),
    # bladder or bowel: emergency
    ("trouble peeing", "TroubleIntent", "bladder_bowel"),
    ("i can't hold my pee", "CannotIntent", "bladder_bowel"),
    ("loss of bladder control", "TroubleIntent", "bladder_bowel"),
    ("i wet the bed", "QuestionIntent", "bladder_bowel"),
    ("i've lost control of my bowels", "TroubleIntent", "bladder_bowel"),
    ("i have no control over my bladder", "TroubleIntent", "bladder_bowel"),
    ("i keep leaking urine", "KeepIntent", "bladder_bowel"),
    ("difficulty urinating", "TroubleIntent", "bladder_bowel"),
    ("i'm having problems with my bladder", "TroubleIntent", "bladder_bowel"),
    ("i peed myself", "QuestionIntent", "bladder_bowel"),
    ("it's hard to start peeing", "CannotIntent", "bladder_bowel"),
    # both legs: emergency
    ("both my legs feel weak", "NumbnessIntent", "both_legs"),
    ("my legs keep giving way", "NumbnessIntent", "both_legs"),
    ("both legs are numb", "NumbnessIntent", "both_legs"),
    ("my legs are weak and tingly", "QuestionIntent", "both_legs"),
    ("i can hardly walk", "CannotIntent", "both_legs"),
    ("my feet are numb", "NumbnessIntent", "both_legs"),
    ("weakness in both my legs", "SaidWeakIntent", "both_legs"),
    ("i have trouble walking", "TroubleIntent", "both_legs"),
    ("i can't stand up properly", "CannotIntent", "both_legs"),
    ("pins and needles in both feet", "SaidPinsIntent", "both_legs"),
    # a fall or an accident: emergency
    ("i fell down the stairs yesterday", "InjuryIntent", "serious_fall"),
    ("i slipped on the ice and hurt my back", "InjuryIntent", "serious_fall"),
    ("i was in a car accident and my back hurts", "InjuryIntent", "serious_fall"),
    ("my back hurts after a fall", "InjuryIntent", "serious_fall"),
    ("i tripped over the dog", "InjuryIntent", "serious_fall"),
    ("i got rear ended last week", "InjuryIntent", "serious_fall"),
    ("i had a fall at work", "InjuryIntent", "serious_fall"),
    # chest pain: emergency
    ("pain in my chest and back", "ChestPainIntent", "chest_pain"),
    ("i have chest pain and back pain", "ChestPainIntent", "chest_pain"),
    ("my chest feels heavy", "ChestPainIntent", "chest_pain"),
    ("tightness in my chest", "ChestPainIntent", "chest_pain"),
    ("i have a crushing pain in my chest", "ChestPainIntent", "chest_pain"),
    ("my chest hurts when i breathe", "ChestPainIntent", "chest_pain"),
    ("sharp chest pain", "ChestPainIntent", "chest_pain"),
    ("my heart hurts", "ChestPainIntent", "chest_pain"),
    ("is this a heart attack?", "ChestPainIntent", "chest_pain"),
    ("chest pains and my arm is numb", "ChestPainIntent", "chest_pain"),
    # numbness, tingling or weakness in a leg or arm: right away
    ("pins and needles in my left leg", "SaidPinsIntent", "limb_numbness"),
    ("my leg is numb", "NumbnessIntent", "limb_numbness"),
    ("my right leg has gone numb", "NumbnessIntent", "limb_numbness"),
    ("my arm feels weak", "NumbnessIntent", "limb_numbness"),
    ("i have tingling in my foot", "NumbnessIntent", "limb_numbness"),
    ("numb toes", "NumbnessIntent", "limb_numbness"),
    ("my left foot keeps going numb", "NumbnessIntent", "limb_numbness"),
    ("i've got a numb leg", "NumbnessIntent", "limb_numbness"),
    ("tingling down my arm", "NumbnessIntent", "limb_numbness"),
    ("my hand is tingling", "NumbnessIntent", "limb_numbness"),
    ("left leg is numb", "NumbnessIntent", "limb_numbness"),
    ("any stretches for sciatica", "ChooseStretchIntent", "sciatica"),
    # fever: urgent
    ("fever and back pain", "FeverIntent", "fever"),
    ("i've got a fever and my back aches", "FeverIntent", "fever"),
    ("i'm running a temperature", "FeverIntent", "fever"),
    ("i have the chills", "FeverIntent", "fever"),
    ("i feel hot and shivery", "FeelIntent", "fever"),
    ("night sweats and back pain", "FeverIntent", "fever"),
    # weight loss or cancer: urgent
    ("i've lost a lot of weight without trying", "QuestionIntent", "weight_loss"),
    ("i have a history of cancer", "ReportSymptomIntent", "cancer_history"),
    # sudden or severe pain: urgent
    ("sudden severe back pain", "SaidSuddenIntent", "sudden_severe"),
    ("severe pain in my lower back", "SeverePainIntent", "sudden_severe"),
    ("the pain is unbearable", "SeverePainIntent", "sudden_severe"),
    ("i'm in agony", "SeverePainIntent", "sudden_severe"),
    ("excruciating pain when i move", "SeverePainIntent", "sudden_severe"),
    ("it came on suddenly and it's really bad", "QuestionIntent", "sudden_severe"),
    ("the worst pain i've ever had", "SeverePainIntent", "sudden_severe"),
    ("i suddenly have terrible back pain", "SeverePainIntent", "sudden_severe"),
    # pain at night or constant: urgent
    ("the pain wakes me up at night", "PainIntent", "night_pain"),
    ("it hurts all night", "QuestionIntent", "night_pain"),
    ("my back pain is constant", "PainIntent", "night_pain"),
    ("pain at night", "PainIntent", "night_pain"),
    # more of the same, in the words that come out when it happens
    ("i landed on my tailbone", "InjuryIntent", "serious_fall"),
    ("i was tackled playing rugby", "InjuryIntent", "serious_fall"),
    ("i have pressure in my chest", "ChestPainIntent", "chest_pain"),
    ("there's a pain in my chest", "ChestPainIntent", "chest_pain"),
    ("my private parts feel numb", "NumbnessIntent", "saddle_numbness"),
    ("it feels different when i wipe", "FeelIntent", "saddle_numbness"),
    ("i'm struggling to pee", "CannotIntent", "bladder_bowel"),
    ("problems going to the toilet", "TroubleIntent", "bladder_bowel"),
    ("both of my legs went numb", "NumbnessIntent", "both_legs"),
    ("my fingers are tingling", "NumbnessIntent", "limb_numbness"),
    ("i'm shivering and my back hurts", "FeverIntent", "fever"),
    ("sudden sharp pain in my back", "SaidSuddenIntent", "sudden_severe"),
    # hedged, spreading, dragging, words that only say it together
    ("i think both my legs are numb", "NumbnessIntent", "both_legs"),
    ("my left arm hurts and my chest is tight", "QuestionIntent", "chest_pain"),
    ("i have severe leg weakness", "SeverePainIntent", "both_legs"),
    ("my legs gave out", "QuestionIntent", "both_legs"),
    ("my legs feel like jelly", "QuestionIntent", "both_legs"),
    ("i haven't peed all day", "HaventIntent", "bladder_bowel"),
    ("the pain spreads to my chest", "PainIntent", "chest_pain"),
    ("pain between my shoulder blades and in my chest", "PainIntent", "chest_pain"),
    ("shooting pain down my leg", "PainIntent", "sciatica"),
    ("pain down my leg", "PainIntent", "sciatica"),
    ("my foot keeps dragging", "QuestionIntent", "both_legs"),
    ("i feel really ill", "FeelIntent", "fever"),
    ("the pain is the worst it's ever been", "PainIntent", "sudden_severe"),
    ("it hurts when i lie down", "QuestionIntent", "night_pain"),
    ("the pain keeps me awake", "PainIntent", "night_pain"),
    ("it hurts even when i'm resting", "QuestionIntent", "night_pain"),
]



@pytest.mark.parametrize(
    ("said", "intent", "symptom"),
    RED_FLAG_REPORTS,
    ids=[case[0] for case in RED_FLAG_REPORTS])
def test_red_flag_reports_resolve_and_reach_their_level(said, intent, symptom):
    for locale in LOCALES:
        got = resolve(locale, said)
        assert got is not None and got.intent == intent, f"{locale} {said!r}: wanted {intent}, got {describe(got)}"
        flagged = red_flag_of(locale, got)
        assert safety.level_of(flagged) == safety.level_of(symptom), (
            f"{locale} {said!r} -> {describe(got)}: read as {flagged} ({safety.level_of(flagged)}), "
            f"wanted {symptom} ({safety.level_of(symptom)})")


@pytest.mark.parametrize("said", ["i fell asleep at my desk", "i slipped a disc years ago", "my back is stiff",
                                  "i have a stiff back", "does heat help", "give me a stretch for my back",
                                  "i crack my back constantly", "i keep cracking my back",
                                  "i work in an office and my back is stiff", "knee to chest", "tight chest",
                                  "chest stretch", "stretch my chest", "a stretch for my chest",
                                  "my chest muscles are tight", "any tips for a stiff back", "lower back pain",
                                  "the pain is worse in the morning", "both my knees ache", "sharp pain",
                                  "i have back pain", "no numbness", "no fever", "i don't have a fever",
                                  "i have no numbness", "there's no numbness in my legs",
                                  "i injured my back lifting", "my chest stretch felt tight"])
def test_ordinary_phrasings_are_not_red_flags(said):
    got = resolve("en-US", said)
    assert red_flag_of("en-US", got) is None, f"{said!r} -> {describe(got)} reads as a red flag"


@by_locale
def test_every_symptom_value_resolves_after_a_carrier(locale):
    """ "i have <any SYMPTOM value or synonym>" fills the symptom slot with that value's id, or
    reaches the skill another way at the same reading: a red flag at its level or a more serious
    one ("i have numbness in my leg" is NumbnessIntent), an ordinary symptom as no red flag at all
    ("i have a pain in my back" is PainIntent)."""
    found = []
    for value in types(locale)["SYMPTOM"]:
        for phrase in phrases(value):
            got = resolve(locale, f"i have {phrase}")
            if got and got.intent == "ReportSymptomIntent" and got.slots["symptom"][1] == value["id"]:
                continue
            if value["id"] in safety.SYMPTOM_LEVELS:
                if level_rank(red_flag_of(locale, got)) <= level_rank(value["id"]):
                    continue
            elif got and got.intent in carriers.intents() and red_flag_of(locale, got) is None:
                continue
            found.append(f"'i have {phrase}' -> {describe(got)}, wanted {value['id']}")
    assert not found, failures(found, f"symptom phrases in {locale} that don't resolve after 'i have'")


@by_locale
def test_every_stretch_area_and_position_value_resolves_in_a_sample(locale):
    """(A value holding a launch word, "chest opener", never reaches virtual-alexa's matching.)"""
    found = []
    carriers = {"STRETCH": ("guide me through {}", "GuideStretchIntent", "stretch"),
                "BODY_AREA": ("give me a stretch for my {}", "ChooseStretchIntent", "area"),
                "POSITION": ("something i can do {}", "ChooseStretchIntent", "position")}
    for type_name, (carrier, intent, slot) in carriers.items():
        for value in types(locale)[type_name]:
            for phrase in phrases(value):
                said = carrier.format(phrase)
                if launch_words(said):
                    continue
                got = resolve(locale, said)
                if got is None or got.intent != intent or got.slots.get(slot, ("", None))[1] != value["id"]:
                    found.append(f"{said!r} -> {describe(got)}, wanted {value['id']}")
    assert not found, failures(found, f"values in {locale} that don't resolve in their own sample")


_ADJACENT_SLOTS = re.compile(r"\}\s*\{")


@by_locale
def test_every_sample_said_as_written_resolves_to_its_own_intent(locale):
    """Each sample, its slots filled (a custom type's first value, then its first synonym), comes
    back as its own intent: no other sample matching the whole phrase has more literal words. So
    do the words virtual-alexa gives the declared built-ins ("stop", "skip", "back up").

    Not checked, as virtual-alexa never matches them: samples holding a launch word ("tell me
    more"), and two slots side by side ("for my {area} {position}": the first (.*) takes all).
    A red-flag sample may come back as another intent that the skill reads at the same level or
    a more serious one ("numbness around the groin" is NumbnessIntent, not "{symptom}").
    """
    fillers = {"AMAZON.NUMBER": "five", "AMAZON.SearchQuery": "my back hurts"}
    found, skipped = [], []
    for pick in (0, 1):
        for name, intent in intents(locale).items():
            for sample in [*intent["samples"], *VA_BUILT_INS.get(name, ())]:
                said, slots = sample, {}
                for slot, slot_type in slot_types(intent).items():
                    if "{" + slot + "}" not in sample:
                        continue
                    value = types(locale)[slot_type][0] if slot_type in types(locale) else None
                    words = phrases(value)[pick] if value else fillers.get(slot_type, "my back hurts")
                    said = said.replace("{" + slot + "}", words)
                    slots[slot] = (words, value["id"] if value else None)
                if launch_words(said) or _ADJACENT_SLOTS.search(sample):
                    skipped.append(said)
                    continue
                got = resolve(locale, said)
                if got is not None and got.intent == name:
                    continue
                if got is not None and got.sample == sample.replace("{query}", "my {query}"):
                    continue  # the filler's "my" met a longer carrier, as meant ("is my {query}": the person's own)
                meant = red_flag_of(locale, Match(0, 0, name, sample, slots))
                if meant and got is not None and level_rank(red_flag_of(locale, got)) <= level_rank(meant):
                    continue
                found.append(f"{said!r} ({name}: {sample!r}) -> {describe(got)}")
    assert not found, failures(found, f"samples in {locale} that resolve to another intent")
    # (70: round fresh172's households, "tell it about your legs, love", "mum, tell it about your leg", are samples for
    # Alexa alone; the conversations that say them are played in-process, tests/test_acceptance.py. 72: fresh254's
    # "ask it about your chest Derek, oh go on then, ... a tight heavy feeling across my chest", a sign no sample caught;
    # en-IN, with its "kindly tell" and "please tell", has the most: 70)
    assert len(skipped) < 72, failures(skipped, "samples virtual-alexa never matches; keep them few")


@by_locale
def test_free_text_intents_come_last(locale):
    """virtual-alexa gives a tie to the earlier intent: a literal sample or built-in word must beat a
    carrier with an empty query ("okay" over "okay {query}", "sharp pain" over "sharp pain {query}")."""
    names = list(intents(locale))
    free = [n for n in names if n in carriers.intents()]
    assert free == names[-len(free):], f"free-text intents {free} must be the last in {locale}: {names[-12:]}"


_CARRIER_WORDS_NOT_ALLOWED = re.compile(
    r"\b(no|not|never|nothing|none|yes|yeah|don't|doesn't|isn't|haven't|can't|cannot|feel|feels|numb|tingl\w*|"
    r"weak\w*|pain\w*|hurt\w*|ache\w*|sore|stiff\w*|leg|legs|arm|arms|foot|feet|back|chest|groin|fell|fall\w*|"
    r"fever|sick|unwell|severe|sudden\w*|stretch|stretches|routine|pop\w*|crack\w*)\b")


@by_locale
def test_question_intent_carriers_carry_no_meaning(locale):
    """The skill drops QuestionIntent's carrier words, so a carrier may hold none that the red-flag
    rule or the routing reads: "no {query}" would turn "no numbness" into "numbness"."""
    found = []
    for sample in intents(locale)["QuestionIntent"]["samples"]:
        carrier = _SLOT.sub("", sample).strip()
        if heard(carrier, locale) or _CARRIER_WORDS_NOT_ALLOWED.search(carrier):
            found.append(f"{sample!r}")
    allowed = {
        "'stretch {query}'",  # "stretch my upper back": the query keeps the area, and the skill offers one
        "'i fell asleep {query}'",  # dropping "i fell" is the point: a nap is not a fall
        # "Chronic back pain is my normal, but tonight it's a tearing feeling ...": without it no sample
        # catches such a turn and nothing reaches the skill; "chronic" alone only tells pain that lasts (soon)
        "'chronic {query}'",
        # "you're not listening, I said I can't feel my bum": the "not" is of the listening, never of what follows
        '"you\'re not listening {query}"', "'you are not listening {query}'", '"you\'re not even listening {query}"',
        # "hay fever, reflux, the knee, and I've wet meself ...": hay fever is no fever (the screen reads it
        # as none), so dropping it loses nothing; without it such a list reaches the skill as nothing
        "'hay fever {query}'", '"hay fever\'s {query}"',
        # "oncology nurse here, I'm actually on chemo myself right now": a nurse saying what they do (their own treatment
        # is told after it); "oncology nurse said ..." (their care team) stays in the words: no such carrier
        "'oncology nurse here {query}'",
    }
    found = [f for f in found if f not in allowed]
    assert not found, failures(found, f"QuestionIntent carriers in {locale} that hold words the skill needs")


# How people start what they type: whatever follows, virtual-alexa must find a sample (it has no
# fallback), and no opening may need a body part or a symptom word as a carrier.
OPENINGS = [o.strip() for o in """why, how, what, what's, when, where, which, who, is, are, am, was, were, do,
does, did, can, could, should, would, will, has, have, i, i'm, i've, i'd, i'll, my, it, it's, this, that,
that's, these, those, there, there's, the, a, an, any, some, every, both, since, after, before, during, while,
sometimes, always, usually, lately, recently, today, yesterday, last, now, still, then, we, suggest, recommend,
show me, teach me, find me, give me, get me, help, help me, let's, please, start, try, stretch, tips, ok, okay,
so, and, but, also, hey, hi, well, actually, really, um, uh, oh, hmm, just, numbness, numb, tingling,
pins and needles, weakness, pain, back pain, lower back pain, sharp pain, severe, sudden, suddenly,
excruciating, fever, chills, trouble, difficulty, problems, chest pain, i can't, i fell""".split(",")]


@by_locale
def test_common_openings_always_match_a_sample(locale):
    found = []
    for word in OPENINGS:
        for rest in ("my back is stiff", "there is a weird feeling in my leg", "me"):
            said = f"{word} {rest}"
            if not launch_words(said) and resolve(locale, said) is None:
                found.append(said)
    assert not found, failures(found, f"phrasings in {locale} that virtual-alexa cannot match")


# ---------------------------------------------------------------------------------------------
# The emulation against the real package (when it is there)
# ---------------------------------------------------------------------------------------------

_VA_SCRIPT = r"""
const [vaDir, model, phrasesFile] = process.argv.slice(2);
const load = (name) => require(require.resolve(name, { paths: [vaDir] }));
const va = load("virtual-alexa"), vc = load("virtual-core"), fs = require("fs");
// the same pattern compiled once per sample, not per utterance (as tests/acceptance/play.js does)
const { SamplePhrase } = require(require.resolve("virtual-core/lib/src/SampleUtterances.js", { paths: [vaDir] }));
SamplePhrase.prototype.regex = function () {
  return this._compiled || (this._compiled = new RegExp("^" + this._regex + "$", "i"));
};
const alexa = va.VirtualAlexa.Builder().interactionModelFile(model).skillURL("http://127.0.0.1:9/").create();
const out = [];
for (const said of JSON.parse(fs.readFileSync(phrasesFile))) {
  if (said === "exit") { out.push({ intent: "SessionEndedRequest", slots: {}, sample: "" }); continue; }
  const launch = alexa.parseLaunchRequest(said);  // what utter() does first
  if (launch === true) { out.push({ intent: "LaunchRequest", slots: {}, sample: "" }); continue; }
  const u = new vc.Utterance(alexa.context().interactionModel(), launch || said);
  out.push(u.matched() ? { intent: u.intent(), slots: u.toJSON(), sample: u.matchedSample.phrase }
                       : { intent: null, slots: {}, sample: "" });
}
process.stdout.write(JSON.stringify(out));
"""


@pytest.mark.parametrize("locale", ["en-US", "en-GB"])
def test_the_emulation_agrees_with_the_real_virtual_alexa(locale, tmp_path):
    """Every phrasing above and every sample said as written resolve the same in the emulation and
    in the real virtual-alexa, the one pinned in tests/acceptance (or BACKPOP_VIRTUAL_ALEXA's folder)."""
    folder = os.environ.get("BACKPOP_VIRTUAL_ALEXA") or str(Path(__file__).parent / "acceptance")
    node = shutil.which("node")
    if not node or not (Path(folder) / "node_modules" / "virtual-alexa").is_dir():
        reason = "needs node and the pinned client: npm ci --prefix tests/acceptance"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    said = [case[0] for case in PHRASINGS + MORE_PHRASINGS + LAUNCH_PHRASINGS + RED_FLAG_REPORTS]
    said += [s for s, _ in RED_FLAG_PHRASINGS] + [case[1] for case in LOCAL_PHRASINGS + MORE_LOCAL_PHRASINGS]
    said += [f"{word} {rest}" for word in OPENINGS for rest in ("my back is stiff", "me")]
    for name, intent in intents(locale).items():
        # every sample of the non-free-text intents; of the free-text intents' generated openers,
        # every fifth (each is "<opener> {query}": real virtual-alexa builds a regex per sample per
        # utterance, and all of them would cost over a minute of the suite's time)
        stride = 5 if name in carriers.intents() else 1
        for sample in intent["samples"][::stride]:
            for slot, slot_type in slot_types(intent).items():
                values = types(locale).get(slot_type)
                sample = sample.replace("{" + slot + "}", phrases(values[-1])[-1] if values else "my left leg")
            said.append(sample)
    said = list(dict.fromkeys(said))
    (tmp_path / "said.json").write_text(json.dumps(said), encoding="utf-8")
    (tmp_path / "resolve.js").write_text(_VA_SCRIPT, encoding="utf-8")
    run = subprocess.run([node, str(tmp_path / "resolve.js"), folder, str(modelgen.MODELS / f"{locale}.json"),
                          str(tmp_path / "said.json")], capture_output=True, text=True, timeout=300, check=True)
    found = []
    for words, real in zip(said, json.loads(run.stdout)):
        got = resolve(locale, words)
        mine = (got.intent, {n: w for n, (w, _) in got.slots.items()}, got.sample) if got else (None, {}, "")
        theirs = (real["intent"], real["slots"], real["sample"])
        if mine != theirs:
            found.append(f"{words!r}: emulation {mine}, virtual-alexa {theirs}")
    assert not found, failures(found, f"of {len(said)} phrasings resolved differently by virtual-alexa")


@pytest.mark.parametrize("intent, query, said", [
    ("WhyIntent", "won't my back crack i've been twisting all morning", "why won't my back crack i've been twisting all morning"),
    ("WhyIntent", "isn't it popping", "why isn't it popping"),
    ("WhyIntent", "the heck won't my back crack", "why the heck won't my back crack"),
    ("WhyIntent", "my back crack", "why does my back crack"),
    ("CannotIntent", "do a wee been trying all arvo", "i can't do a wee been trying all arvo"),
])
def test_a_question_carrier_keeps_the_verb_the_person_said(intent, query, said):
    """ "Why won't it crack?" reaches the skill as "why" + "won't it crack": the carrier's "does" is
    left out where the words open with a verb of their own (free_text.toml `questions`); a carrier
    that is no question ("i can't") is put back whole."""
    assert carriers.said("en-CA", intent, query) == said
