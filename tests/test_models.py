"""The interaction models: one source, five generated files, and a linter that ties them to
Amazon's rules, the handlers, the content and the red-flag rule.

The last part resolves realistic phrasings the way bespoken's virtual-alexa does (an
independent test client that matches typed words against the samples as substrings), so a
sample that a short built-in word ("no" in "i cannot walk", "sure" in "chest pressure") would
beat is caught here, not by a person with a bad back.
"""
from __future__ import annotations

import itertools
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import skill
from skill import content, modelgen, safety

LOCALES = modelgen.LOCALES
REQUIRED_BUILT_INS = {f"AMAZON.{name}Intent" for name in (
    "Help", "Stop", "Cancel", "NavigateHome", "Fallback", "Next", "Previous", "Repeat", "StartOver",
    "Pause", "Resume", "Yes", "No")}
TINY_ANSWER_INTENTS = {
    "DontKnowIntent", "TellMeMoreIntent", "AnotherStretchIntent", "WhichStepIntent", "HoldTimeIntent",
    "SkipStretchIntent", "EasierIntent", "ForgetMeIntent", "ItHurtsIntent", "ListStretchesIntent",
    "JustPoppedIntent", "CanIPopAgainIntent"}
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
    unreachable = handled_intents() - set(intents(locale))
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


@by_locale
def test_each_custom_intent_has_enough_samples(locale):
    found = []
    for name, intent in intents(locale).items():
        if name.startswith("AMAZON."):
            continue
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
    stretches = {sid: data["name"] for sid, data in text.stretches.items()}
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


@by_locale
def test_red_flag_synonyms_are_recognised_by_the_safety_rule(locale):
    """Every red-flag value, through safety.detect(), is that red flag or a more serious one."""
    found = []
    for value in types(locale)["SYMPTOM"]:
        if value["id"] not in safety.SYMPTOM_LEVELS:
            continue
        for phrase in phrases(value):
            got = safety.detect(phrase)
            if level_rank(got) > level_rank(value["id"]):
                found.append(f"{value['id']}: detect({phrase!r}) -> {got}")
    assert not found, failures(found, f"red-flag synonyms in {locale} that skill.safety does not recognise")


@by_locale
def test_ordinary_symptom_synonyms_are_not_red_flags(locale):
    found = [f"{v['id']}: detect({p!r}) -> {safety.detect(p)}" for v in types(locale)["SYMPTOM"]
             if v["id"] in ORDINARY_SYMPTOMS for p in phrases(v) if safety.detect(p)]
    assert not found, failures(found, f"ordinary symptom synonyms in {locale} read as red flags")


# ---------------------------------------------------------------------------------------------
# Resolving typed phrasings as bespoken's virtual-alexa does
# ---------------------------------------------------------------------------------------------

# The samples virtual-alexa gives each built-in intent the model declares.
VA_BUILT_INS = {
    "AMAZON.CancelIntent": ("cancel", "never mind"), "AMAZON.HelpIntent": ("help", "help me"),
    "AMAZON.NavigateHomeIntent": ("home", "go home"), "AMAZON.NextIntent": ("next", "skip", "skip forward"),
    "AMAZON.NoIntent": ("no", "no thanks"), "AMAZON.PauseIntent": ("pause", "pause that"),
    "AMAZON.PreviousIntent": ("go back", "previous", "skip back", "back up"),
    "AMAZON.RepeatIntent": ("repeat", "say that again", "repeat that"),
    "AMAZON.ResumeIntent": ("resume", "continue", "keep going"),
    "AMAZON.StartOverIntent": ("start over", "restart", "start again"),
    "AMAZON.StopIntent": ("stop", "off", "shut up"), "AMAZON.YesIntent": ("yes", "yes please", "sure"),
}
_VA_REMOVED = re.compile(r"[!\"¿?|#$%/()=+\-_<>*{}·¡\[\].,;:]")
_VA_NUMBERS = {str(n) for n in range(21)} | set(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())


class Match(NamedTuple):
    score: int
    typed: int
    intent: str
    sample: str
    slots: dict[str, tuple[str, str | None]]  # name -> (words, resolved id)


class VirtualAlexa:
    """Samples as unanchored regexes, each {slot} as (.*); the most literal characters win.

    `faithful` follows virtual-core's code (a SearchQuery's captured spaces count as slot text,
    AMAZON.NUMBER takes digits or one to twenty, ties go to more typed slots of any kind); the
    other reading follows the brief (every slot trimmed, any number words, ties to more custom
    slots). A phrasing must resolve the same under both.
    """

    def __init__(self, model: dict[str, Any], *, faithful: bool) -> None:
        lm = model["interactionModel"]["languageModel"]
        self.faithful = faithful
        self.values = {t["name"]: t.get("values", []) for t in lm.get("types", [])}
        self.samples = []
        for intent in lm["intents"]:
            for sample in [*intent.get("samples", []), *VA_BUILT_INS.get(intent["name"], ())]:
                names, pattern = [], sample
                while "{" in pattern:
                    start = pattern.index("{")
                    end = pattern.index("}", start)
                    names.append(pattern[start + 1:end])
                    pattern = pattern[:start].strip() + "(.*)" + pattern[end + 1:].strip()
                self.samples.append((intent["name"], sample, re.compile(pattern.lower()), names,
                                     slot_types(intent)))

    def _slot(self, slot_type: str, captured: str) -> tuple[bool, int, bool, bool, str | None]:
        """(matches, characters it takes from the score, typed, custom, resolved id)."""
        words = captured.strip()
        if slot_type in self.values:
            for value in self.values[slot_type]:
                if words.lower() in (p.lower() for p in phrases(value)):
                    return True, len(words), True, True, value["id"]
            return False, 0, True, True, None
        if slot_type == "AMAZON.SearchQuery":
            return True, len(captured if self.faithful else words), True, False, None
        if slot_type == "AMAZON.NUMBER" and self.faithful:
            return words.isdigit() or words in _VA_NUMBERS or not words, len(words), True, False, None
        return True, len(words), slot_type.startswith("AMAZON."), False, None

    def matches(self, said: str) -> list[Match]:
        heard = _VA_REMOVED.sub("", said.lower())
        found = []
        for intent, sample, pattern, names, declared in self.samples:
            hit = pattern.search(heard)
            if not hit:
                continue
            whole, taken, typed, slots = hit.group(0), 0, 0, {}
            for name, captured in zip(names, hit.groups()):
                if whole != captured and captured.strip() and not (captured.startswith(" ") or captured.endswith(" ")):
                    break
                ok, used, is_typed, is_custom, resolved = self._slot(declared[name], captured)
                if not ok:
                    break
                taken += used
                typed += is_typed if self.faithful else is_custom
                slots[name] = (captured.strip(), resolved)
            else:
                found.append(Match(len(whole) - taken, typed, intent, sample, slots))
        return found

    def resolve(self, said: str) -> Match | None:
        best = None
        for match in self.matches(said):
            if best is None or match.score > best.score or (match.score == best.score and match.typed > best.typed):
                best = match
        return best


@lru_cache(maxsize=None)
def clients(locale: str) -> tuple[VirtualAlexa, VirtualAlexa]:
    return VirtualAlexa(committed(locale), faithful=True), VirtualAlexa(committed(locale), faithful=False)


def resolutions(locale: str, said: str) -> list[Match | None]:
    return [client.resolve(said) for client in clients(locale)]


def describe(match: Match | None) -> str:
    if match is None:
        return "nothing (an error in virtual-alexa)"
    slots = ", ".join(f"{n}={w!r}" + (f"->{r}" if r else "") for n, (w, r) in match.slots.items())
    return f"{match.intent}({slots}) via {match.sample!r}, score {match.score}"


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
    ("how do i get my back to pop", "WhyWontItPopIntent", {}),
    ("my back feels like it needs to pop", "WhyWontItPopIntent", {}),
    ("it feels like my back needs to crack", "WhyWontItPopIntent", {}),
    ("i need to crack my back", "WhyWontItPopIntent", {}),
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
    ("can cracking my back cause arthritis", "IsCrackingSafeIntent", {}),
    ("does cracking your back cause arthritis", "IsCrackingSafeIntent", {}),
    ("is it okay to crack my back", "IsCrackingSafeIntent", {}),
    ("should i stop cracking my back", "IsCrackingSafeIntent", {}),
    ("is it normal for my back to crack", "IsCrackingSafeIntent", {}),
    ("can i crack my back", "IsCrackingSafeIntent", {}),
    ("can i pop it again", "CanIPopAgainIntent", {}),
    ("when can i crack my back again", "CanIPopAgainIntent", {}),
    ("how long until it pops again", "CanIPopAgainIntent", {}),
    ("how long should i wait to crack my back again", "CanIPopAgainIntent", {}),
    ("i just popped my back", "JustPoppedIntent", {}),
    ("my back just cracked", "JustPoppedIntent", {}),
    ("i cracked my back", "JustPoppedIntent", {}),
    ("i just heard my back pop", "JustPoppedIntent", {}),
    ("tell me more", "TellMeMoreIntent", {}),
    ("tell me more about that", "TellMeMoreIntent", {}),
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
    ("tell me about the supine twist", "ChooseStretchIntent", {"stretch": "supine_twist"}),
    ("chest opener", "ChooseStretchIntent", {"stretch": "chest_opener"}),
    ("cat cow please", "ChooseStretchIntent", {"stretch": "cat_cow"}),
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
    ("what else can i do for a stiff back", "SelfCareIntent", {}),
    ("does heat help", "SelfCareIntent", {}),
    ("does heat help with back pain", "SelfCareIntent", {}),
    ("does stretching help", "SelfCareIntent", {}),
    ("would a hot bath help", "SelfCareIntent", {}),
    ("how do i loosen my back", "SelfCareIntent", {}),
    ("tips for a stiff back", "SelfCareIntent", {}),
    ("what helps a stiff back", "SelfCareIntent", {}),
    ("should i rest", "SelfCareIntent", {}),
    ("should i see a chiropractor", "SeeProfessionalIntent", {}),
    ("should i see a physical therapist", "SeeProfessionalIntent", {}),
    ("should i see a PT", "SeeProfessionalIntent", {}),
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
    ("is chest pain serious", "CheckSymptomsIntent", {"symptom": "chest_pain"}),
    ("i have a fever", "ReportSymptomIntent", {"symptom": "fever"}),
    ("a fever", "ReportSymptomIntent", {"symptom": "fever"}),
    ("i've got numbness in my leg", "ReportSymptomIntent", {"symptom": "limb_numbness"}),
    ("there's numbness in my groin", "ReportSymptomIntent", {"symptom": "saddle_numbness"}),
    ("i'm having chest pain", "ReportSymptomIntent", {"symptom": "chest_pain"}),
    ("i have chest pressure", "ReportSymptomIntent", {"symptom": "chest_pain"}),
    ("i have pins and needles in my leg", "ReportSymptomIntent", {"symptom": "limb_numbness"}),
    ("i have trouble peeing", "ReportSymptomIntent", {"symptom": "bladder_bowel"}),
    ("i think i'm having a heart attack", "ReportSymptomIntent", {"symptom": "chest_pain"}),
    ("my back hurts and i have a fever", "ReportSymptomIntent", {"symptom": "fever"}),
    ("i have a stiff back", "ReportSymptomIntent", {"symptom": "stiffness"}),
    ("i have back pain", "ReportSymptomIntent", {"symptom": "aching"}),
    ("chest pain", "ReportSymptomIntent", {"symptom": "chest_pain"}),
    ("groin numbness", "ReportSymptomIntent", {"symptom": "saddle_numbness"}),
    ("weakness in both legs", "ReportSymptomIntent", {"symptom": "both_legs"}),
    ("sciatica", "ReportSymptomIntent", {"symptom": "limb_numbness"}),
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
    ("why is my back so stiff", "QuestionIntent", {}),
    ("how often should i stretch", "QuestionIntent", {}),
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
    ("skip", "AMAZON.NextIntent", {}),
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
    ("pressure in my chest", "CheckSymptomsIntent", {}),
    ("no bladder control", "CheckSymptomsIntent", {}),
    ("it stops me sleeping", "CheckSymptomsIntent", {}),
    ("why does your back crack", "WhatIsThePopIntent", {}),
    ("is it good to crack your back", "IsCrackingSafeIntent", {}),
    ("i keep cracking my back", "IsCrackingSafeIntent", {}),
    ("can you crack my back", "WhyWontItPopIntent", {}),
    ("how do i crack my lower back", "WhyWontItPopIntent", {}),
    ("i heard a loud crack in my back", "JustPoppedIntent", {}),
    ("is it safe to pop it again right away", "CanIPopAgainIntent", {}),
    ("take me through the knee to chest stretch", "GuideStretchIntent", {"stretch": "knee_to_chest"}),
    ("can i do cat cow again", "GuideStretchIntent", {"stretch": "cat_cow"}),
    ("start a quick stretching routine", "StartRoutineIntent", {}),
    ("start a new routine", "StartRoutineIntent", {}),
    ("i don't like that stretch", "AnotherStretchIntent", {}),
    ("what other stretches do you have", "ListStretchesIntent", {}),
    ("what can i do for my stiff back", "SelfCareIntent", {}),
    ("is walking good for back pain", "SelfCareIntent", {}),
    ("does it help to stretch", "SelfCareIntent", {}),
    ("what helps", "SelfCareIntent", {}),
    ("do chiropractors help", "SeeProfessionalIntent", {}),
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

LOCAL_PHRASINGS: list[tuple[str, str, str, dict[str, str]]] = [
    ("en-GB", "should i see a physio", "SeeProfessionalIntent", {}),
    ("en-AU", "should i see a physiotherapist", "SeeProfessionalIntent", {}),
    ("en-IN", "do i need physio", "SeeProfessionalIntent", {}),
    ("en-CA", "should i see a physical therapist", "SeeProfessionalIntent", {}),
    ("en-GB", "should i see a GP", "CheckSymptomsIntent", {}),
    ("en-GB", "should i go to A and E", "CheckSymptomsIntent", {}),
    ("en-GB", "should i ring one one one", "CheckSymptomsIntent", {}),
    ("en-AU", "should i call triple zero", "CheckSymptomsIntent", {}),
    ("en-IN", "should i consult a doctor", "CheckSymptomsIntent", {}),
    ("en-CA", "should i go to a walk in clinic", "CheckSymptomsIntent", {}),
    ("en-GB", "i have trouble weeing", "ReportSymptomIntent", {"symptom": "bladder_bowel"}),
    ("en-GB", "i've pooed myself", "QuestionIntent", {}),
    ("en-AU", "i've got a numb bum", "ReportSymptomIntent", {"symptom": "saddle_numbness"}),
    ("en-GB", "i have agonising pain", "ReportSymptomIntent", {"symptom": "sudden_severe"}),
    ("en-US", "i have agonizing pain", "ReportSymptomIntent", {"symptom": "sudden_severe"}),
    ("en-IN", "i've been feeling rough", "QuestionIntent", {}),
    ("en-GB", "what helps when my lower back's stiff", "SelfCareIntent", {}),
    ("en-AU", "a stretch i can do on the sofa", "ChooseStretchIntent", {"position": "lying"}),
]


def expected_slots(match: Match | None, wanted: dict[str, str]) -> dict[str, str | None]:
    if match is None:
        return {}
    return {name: (match.slots[name][1] or match.slots[name][0]) if name in match.slots else None
            for name in wanted}


@pytest.mark.parametrize(("locale", "said", "intent", "slots"),
                         [("en-US", *case) for case in PHRASINGS] + LOCAL_PHRASINGS,
                         ids=lambda v: v if isinstance(v, str) else None)
def test_realistic_phrasings_resolve_under_virtual_alexa(locale, said, intent, slots):
    for how, got in zip(("faithful", "brief"), resolutions(locale, said)):
        assert got is not None and (got.intent, expected_slots(got, slots)) == (intent, slots), (
            f"{locale} {said!r} ({how} matching): wanted {intent} {slots}, got {describe(got)}")


def red_flag_of(locale: str, match: Match | None) -> str | None:
    """What skill.safety.red_flag_in_request would make of this resolution."""
    if match is None:
        return None
    found = [safety.INTENT_SYMPTOMS.get(match.intent)]
    for name, (words, resolved) in match.slots.items():
        if resolved in safety.SYMPTOM_LEVELS:
            found.append(resolved)
        carrier = safety.FREE_TEXT_CARRIERS.get(match.intent, "") if name == "query" else ""
        found.append(safety.detect(f"{carrier} {words}"))
    return safety.most_serious(found)


# Red flags said in many ways: the model must carry the words to the red-flag rule, at that
# level or a more serious one.
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
    ("i've got sciatica", "limb_numbness"),
    ("i have a fever", "fever"),
    ("i have a fever and chills", "fever"),
    ("i feel feverish", "fever"),
    ("i'm feeling unwell", "fever"),
    ("i've been losing weight", "weight_loss"),
    ("i had cancer", "weight_loss"),
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
        for how, got in zip(("faithful", "brief"), resolutions(locale, said)):
            flagged = red_flag_of(locale, got)
            assert level_rank(flagged) <= level_rank(symptom), (
                f"{locale} {said!r} ({how} matching) -> {describe(got)}: red flag {flagged}, wanted {symptom}")


@pytest.mark.parametrize("said", ["i fell asleep at my desk", "i slipped a disc years ago", "my back is stiff",
                                  "i have a stiff back", "does heat help", "give me a stretch for my back",
                                  "i crack my back constantly", "i keep cracking my back",
                                  "i work in an office and my back is stiff", "knee to chest"])
def test_ordinary_phrasings_are_not_red_flags(said):
    for got in resolutions("en-US", said):
        assert red_flag_of("en-US", got) is None, f"{said!r} -> {describe(got)} reads as a red flag"


@by_locale
def test_every_symptom_value_resolves_after_a_carrier(locale):
    """ "i have <any SYMPTOM value or synonym>" fills the symptom slot with that value's id (or, for a
    red flag, reaches the red-flag rule another way: "i have pain after a fall" is an injury)."""
    found = []
    for value in types(locale)["SYMPTOM"]:
        for phrase in phrases(value):
            for how, got in zip(("faithful", "brief"), resolutions(locale, f"i have {phrase}")):
                if got and got.intent == "ReportSymptomIntent" and got.slots["symptom"][1] == value["id"]:
                    continue
                red = value["id"] in safety.SYMPTOM_LEVELS
                if not red or level_rank(red_flag_of(locale, got)) > level_rank(value["id"]):
                    found.append(f"'i have {phrase}' ({how}) -> {describe(got)}, wanted {value['id']}")
    assert not found, failures(found, f"symptom phrases in {locale} that don't resolve after 'i have'")


@by_locale
def test_every_stretch_area_and_position_value_resolves_in_a_sample(locale):
    found = []
    carriers = {"STRETCH": ("guide me through {}", "GuideStretchIntent", "stretch"),
                "BODY_AREA": ("give me a stretch for my {}", "ChooseStretchIntent", "area"),
                "POSITION": ("something i can do {}", "ChooseStretchIntent", "position")}
    for type_name, (carrier, intent, slot) in carriers.items():
        for value in types(locale)[type_name]:
            for phrase in phrases(value):
                for how, got in zip(("faithful", "brief"), resolutions(locale, carrier.format(phrase))):
                    if got is None or got.intent != intent or got.slots.get(slot, ("", None))[1] != value["id"]:
                        found.append(f"{carrier.format(phrase)!r} ({how}) -> {describe(got)}, wanted {value['id']}")
    assert not found, failures(found, f"values in {locale} that don't resolve in their own sample")


@by_locale
def test_every_sample_said_as_written_resolves_to_its_own_intent(locale):
    """Each sample, its slots filled (a custom type's first value, then its first synonym), comes
    back as its own intent: no shorter sample of another intent, or built-in word, hides inside it."""
    fillers = {"AMAZON.NUMBER": "five", "AMAZON.SearchQuery": "my back hurts"}
    found = []
    for pick in (0, 1):
        for name, intent in intents(locale).items():
            for sample in intent["samples"]:
                said = sample
                for slot, slot_type in slot_types(intent).items():
                    words = phrases(types(locale)[slot_type][0])[pick] if slot_type in types(locale) else None
                    said = said.replace("{" + slot + "}", words or fillers.get(slot_type, "my back hurts"))
                for how, got in zip(("faithful", "brief"), resolutions(locale, said)):
                    if got is None or got.intent != name:
                        found.append(f"{said!r} ({name}: {sample!r}, {how}) -> {describe(got)}")
    assert not found, failures(found, f"samples in {locale} that resolve to another intent")
