"""Resolve what a person types to an intent and slots, the way Alexa resolves an interaction model.

    >>> Resolver(model).resolve("guide me through cat cow")
    Resolution(intent='GuideStretchIntent', slots={'stretch': SlotResult('cat cow', 'cat_cow', ...)}, ...)

Only whole matches count: every word of the utterance is covered by one sample, its literal
words matched in order and each slot filled by at least one word. A custom slot prefers a
value or synonym of its type (entity resolution ER_SUCCESS_MATCH, with the value's id); other
words are accepted too, as Alexa does, with ER_SUCCESS_NO_MATCH, but only in samples with two
or more literal words. AMAZON.NUMBER takes number words or digits and yields digits; AMAZON.TIME and
AMAZON.DURATION take times and lengths and yield Alexa's values ("15:00", "PT1H");
AMAZON.SearchQuery and other built-in types take any words. Among whole matches the best has
every custom slot matched, then the most literal words, then the most specific slots. Nothing
matching gives AMAZON.FallbackIntent.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from . import builtins, envelopes
from .text import duration_value, normalise, number_value, time_value

FALLBACK = "AMAZON.FallbackIntent"
MATCH, NO_MATCH = "ER_SUCCESS_MATCH", "ER_SUCCESS_NO_MATCH"
_SLOT = re.compile(r"\{(\w+)\}")
_SLOT_SCORE = {"custom": 3, "number": 2, "typed": 1, "any": 0}
_VALUE_READERS = {"AMAZON.TIME": time_value, "AMAZON.DURATION": duration_value}


@dataclass(frozen=True)
class SlotResult:
    """One slot as Alexa fills it: the words heard, and for a custom type the matched value."""

    value: str | None
    resolved_id: str | None = None
    status: str | None = None  # ER_SUCCESS_MATCH, ER_SUCCESS_NO_MATCH, or None for AMAZON types
    type: str = ""
    matches: tuple[tuple[str, str], ...] = ()  # (value name, id) of every value those words match

    @property
    def resolved_name(self) -> str | None:
        return self.matches[0][0] if self.matches else None


@dataclass(frozen=True)
class Resolution:
    """What Alexa made of an utterance: a launch, an intent with slots, or the end of the session."""

    intent: str | None
    slots: dict[str, SlotResult] = field(default_factory=dict)
    kind: str = "intent"  # "launch", "intent" or "end"
    sample: str | None = None
    invoked: bool = False  # said with the invocation name, so it opens a new session
    heard: str = ""
    considered: tuple[str, ...] = ()  # other intents whose samples matched too, best first

    def slots_json(self, skill_id: str = envelopes.SKILL_ID) -> dict[str, dict[str, Any]]:
        """The intent's slots as the request carries them, entity resolution included."""
        return {name: envelopes.slot(name, s.value, resolved_type=s.type if s.status else None,
                                     matches=s.matches, skill_id=skill_id)
                for name, s in self.slots.items()}

    def describe(self) -> str:
        """One line for people: "GuideStretchIntent  stretch=cat cow (cat_cow)"."""
        if self.kind != "intent":
            return {"launch": "LaunchRequest", "end": "SessionEndedRequest (USER_INITIATED)"}[self.kind]
        parts = [self.intent or ""]
        for name, s in self.slots.items():
            if s.value is not None:
                detail = f" ({s.resolved_id})" if s.resolved_id else " (no match)" if s.status == NO_MATCH else ""
                parts.append(f"{name}={s.value}{detail}")
        return "  ".join(parts)


@dataclass(frozen=True)
class _Sample:
    intent: str
    text: str
    parts: tuple[tuple[str, str], ...]  # ("word", w) or ("slot", name)
    literals: int
    from_model: bool
    order: int
    words: frozenset[str] = frozenset()


class Resolver:
    """One locale's interaction model, ready to resolve typed utterances."""

    def __init__(self, model_json: dict[str, Any] | str) -> None:
        model = json.loads(model_json) if isinstance(model_json, str) else model_json
        language = model["interactionModel"]["languageModel"]
        self.invocation_name = normalise(language["invocationName"])
        self.intents = {i["name"]: {s["name"]: s["type"] for s in i.get("slots", [])} for i in language["intents"]}
        self._values: dict[str, dict[str, list[tuple[str, str]]]] = {}
        for slot_type in language.get("types", []):
            table: dict[str, list[tuple[str, str]]] = {}
            for value in slot_type.get("values", []):
                name = value["name"]["value"]
                value_id = value.get("id") or hashlib.md5(name.encode("utf-8")).hexdigest()
                for phrase in (name, *value["name"].get("synonyms", [])):
                    entries = table.setdefault(normalise(phrase), [])
                    if (name, value_id) not in entries:
                        entries.append((name, value_id))
            self._values[slot_type["name"]] = table
        self.samples = self._compile(language["intents"])
        self._by_first: dict[str | None, list[_Sample]] = {}
        for sample in self.samples:  # a sample that starts with a word can only match utterances that do
            first = sample.parts[0][1] if sample.parts and sample.parts[0][0] == "word" else None
            self._by_first.setdefault(first, []).append(sample)

    def _compile(self, intents: list[dict[str, Any]]) -> list[_Sample]:
        samples: list[_Sample] = []
        for intent in intents:
            phrases = [(s, True) for s in intent.get("samples", [])]
            phrases += [(p, False) for p in builtins.BUILT_IN_PHRASES.get(intent["name"], ())]
            for text, from_model in phrases:
                parts: list[tuple[str, str]] = []
                for i, chunk in enumerate(_SLOT.split(text)):
                    if i % 2:
                        parts.append(("slot", chunk))
                    else:
                        parts.extend(("word", w) for w in normalise(chunk).split())
                literals = sum(1 for kind, _ in parts if kind == "word")
                words = frozenset(w for kind, w in parts if kind == "word")
                samples.append(_Sample(intent["name"], text, tuple(parts), literals, from_model, len(samples), words))
        return samples

    def resolve(self, text: str) -> Resolution:
        """The intent and slots for what a person typed (see the module docstring)."""
        heard = builtins.strip_wake_word(normalise(text))
        if heard in builtins.EXIT_PHRASES:
            return Resolution(None, kind="end", heard=heard)
        invocation = builtins.parse_invocation(heard, self.invocation_name)
        if invocation and invocation.kind == "launch":
            return Resolution(None, kind="launch", invoked=True, heard=heard)
        if invocation:
            tries = [self._best(words) for words in (invocation.rest, *invocation.alternatives)]
            best = max(tries, key=lambda t: t[0])[1]
            return Resolution(best.intent, best.slots, "intent", best.sample, True, heard, best.considered)
        return self._best(heard)[1]

    def _best(self, heard: str) -> tuple[tuple, Resolution]:
        """The best whole match and its ranking key (an empty key for the fallback)."""
        tokens = heard.split()
        present = set(tokens)
        found: list[tuple[tuple, _Sample, dict[str, SlotResult]]] = []
        candidates = self._by_first.get(tokens[0], []) + self._by_first.get(None, []) if tokens else []
        for sample in candidates:
            if not sample.words <= present:
                continue
            best = None
            for strict, score, slots in self._fill(sample, tokens):
                if not strict and sample.literals < 2:
                    continue
                key = (strict, sample.literals, score, sample.from_model, -sample.order)
                if best is None or key > best[0]:
                    best = (key, sample, slots)
            if best:
                found.append(best)
        if not found:
            return (), Resolution(FALLBACK, {}, "intent", None, heard=heard)
        found.sort(key=lambda item: item[0], reverse=True)
        key, sample, filled = found[0]
        others = tuple(dict.fromkeys(s.intent for _, s, _ in found if s.intent != sample.intent))[:3]
        declared = self.intents[sample.intent]
        slots = {name: filled.get(name, SlotResult(None, type=slot_type)) for name, slot_type in declared.items()}
        return key, Resolution(sample.intent, slots, "intent", sample.text, heard=heard, considered=others)

    def _fill(self, sample: _Sample, tokens: list[str]) -> Iterator[tuple[bool, int, dict[str, SlotResult]]]:
        """Every way the sample covers all the tokens: (all custom slots matched, slot score, slots)."""

        def walk(part: int, at: int) -> Iterator[tuple[bool, int, dict[str, SlotResult]]]:
            if part == len(sample.parts):
                if at == len(tokens):
                    yield True, 0, {}
                return
            kind, name = sample.parts[part]
            if kind == "word":
                if at < len(tokens) and tokens[at] == name:
                    yield from walk(part + 1, at + 1)
                return
            slot_type = self.intents[sample.intent].get(name, "AMAZON.SearchQuery")
            for end in range(at + 1, len(tokens) + 1):
                reading = self._read(slot_type, tokens[at:end])
                if reading is None:
                    continue
                result, strict, score = reading
                for rest_strict, rest_score, rest in walk(part + 1, end):
                    yield strict and rest_strict, score + rest_score, {name: result, **rest}

        yield from walk(0, 0)

    def _read(self, slot_type: str, span: list[str]) -> tuple[SlotResult, bool, int] | None:
        """How a slot of this type takes these words: (result, matched, score), or None if it can't."""
        words = " ".join(span)
        if slot_type in self._values:
            matches = self._values[slot_type].get(words)
            if matches:
                return SlotResult(words, matches[0][1], MATCH, slot_type, tuple(matches)), True, _SLOT_SCORE["custom"]
            return SlotResult(words, None, NO_MATCH, slot_type), False, _SLOT_SCORE["any"]
        if slot_type == "AMAZON.NUMBER":
            digits = number_value(span)
            return None if digits is None else (SlotResult(digits, type=slot_type), True, _SLOT_SCORE["number"])
        if slot_type in _VALUE_READERS:  # AMAZON.TIME "15:00", AMAZON.DURATION "PT1H", as Alexa fills them
            value = _VALUE_READERS[slot_type](span)
            return None if value is None else (SlotResult(value, type=slot_type), True, _SLOT_SCORE["number"])
        kind = "any" if slot_type == "AMAZON.SearchQuery" or not slot_type.startswith("AMAZON.") else "typed"
        return SlotResult(words, type=slot_type), True, _SLOT_SCORE[kind]
