"""virtual-alexa (npm 0.7.8, the independent test client) in Python: how it resolves typed words
against a model, so tests can ask what a phrasing becomes without node. Checked against the real
package by tests/test_models.py::test_the_emulation_agrees_with_the_real_virtual_alexa.

Also `reading()`: what the skill makes of a resolution (carrier put back, then the red-flag
screen), the same path as skill.safety.finding_in_request.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any, NamedTuple

from skill import modelgen, safety, screen
from skill.safety import SlotReading
from skill.screen import Finding


@lru_cache(maxsize=None)
def model(locale: str) -> dict[str, Any]:
    """The committed interaction_models/<locale>.json."""
    return json.loads((modelgen.MODELS / f"{locale}.json").read_text(encoding="utf-8"))


def _slot_types(intent: dict[str, Any]) -> dict[str, str]:
    return {slot["name"]: slot["type"] for slot in intent.get("slots", [])}


def _phrases(value: dict[str, Any]) -> list[str]:
    return [value["name"]["value"], *value["name"].get("synonyms", [])]



# virtual-alexa 0.7.8 (npm) with virtual-core 0.1.1, read from their code:
# - VirtualAlexa.utter() first tests the raw words with /(ask|open|launch|talk to|tell).*/i, NOT
#   anchored ("tell me", "chest opener", "task", "basket"): on a hit, the part after the last
#   " to " of "^(ask|open|launch|talk to|tell) ... to ..." is matched instead, else it sends a
#   LaunchRequest. Nothing in a model changes that.
# - The characters below are removed; the words are not lowercased, matching ignores case.
# - Each sample is a regex anchored at both ends, each {slot} a (.*) with the spaces around it
#   trimmed: "my {query} is numb" -> /^my(.*)is numb$/i; a captured value must begin or end with
#   a space unless it is the whole match.
# - A custom type's value must be a value or synonym (trimmed, any case); AMAZON.NUMBER takes
#   digits or one to twenty; other AMAZON types are unknown to it ("untyped") and take anything,
#   with their spaces.
# - Score: the characters matched minus the slot values' characters; on a tie the sample with
#   more typed slots (custom or NUMBER) wins, then the first in model order.
# - Declared built-in intents get the samples below; with Pause and Resume declared, the audio
#   player's loop and shuffle intents are added too. No match at all is an error.
VA_BUILT_INS = {
    "AMAZON.CancelIntent": ("cancel", "never mind"), "AMAZON.HelpIntent": ("help", "help me"),
    "AMAZON.LoopOffIntent": ("loop off",), "AMAZON.LoopOnIntent": ("loop", "loop on", "keep repeating this song"),
    "AMAZON.NavigateHomeIntent": ("home", "go home"), "AMAZON.NextIntent": ("next", "skip", "skip forward"),
    "AMAZON.NoIntent": ("no", "no thanks"), "AMAZON.PauseIntent": ("pause", "pause that"),
    "AMAZON.PreviousIntent": ("go back", "previous", "skip back", "back up"),
    "AMAZON.RepeatIntent": ("repeat", "say that again", "repeat that"),
    "AMAZON.ResumeIntent": ("resume", "continue", "keep going"),
    "AMAZON.ShuffleOffIntent": ("shuffle off", "stop shuffling", "turn off shuffle"),
    "AMAZON.ShuffleOnIntent": ("shuffle", "shuffle on", "shuffle the music", "shuffle mode"),
    "AMAZON.StartOverIntent": ("start over", "restart", "start again"),
    "AMAZON.StopIntent": ("stop", "off", "shut up"), "AMAZON.YesIntent": ("yes", "yes please", "sure"),
}
VA_AUDIO_PLAYER = ("AMAZON.PauseIntent", "AMAZON.ResumeIntent", "AMAZON.CancelIntent", "AMAZON.LoopOffIntent",
                   "AMAZON.LoopOnIntent", "AMAZON.NextIntent", "AMAZON.PreviousIntent", "AMAZON.RepeatIntent",
                   "AMAZON.ShuffleOffIntent", "AMAZON.ShuffleOnIntent", "AMAZON.StartOverIntent")
VA_LAUNCH = re.compile(r"(ask|open|launch|talk to|tell).*", re.IGNORECASE)
VA_LAUNCH_AND_UTTER = re.compile(r"^(?:ask|open|launch|talk to|tell) .* to (.*)", re.IGNORECASE)
_VA_REMOVED = re.compile(r"[!\"¿?|#$%/()=+\-_<>*{}·¡\[\].,;:]")
_VA_NUMBERS = {str(n): str(n) for n in range(1, 21)} | dict(zip(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split(), (str(n) for n in range(1, 21))))
LAUNCH, SESSION_ENDED = "LaunchRequest", "SessionEndedRequest"


class Match(NamedTuple):
    score: int
    typed: int
    intent: str
    sample: str
    slots: dict[str, tuple[str, str | None]]  # name -> (words as sent, resolved id or None)
    heard: str = ""  # what was matched: the words after "... to" for a launch phrase


class VirtualAlexa:
    """virtual-alexa's utter() without the HTTP call: the launch check, then the best sample."""

    def __init__(self, model: dict[str, Any]) -> None:
        lm = model["interactionModel"]["languageModel"]
        declared = [intent["name"] for intent in lm["intents"]]
        audio = "AMAZON.PauseIntent" in declared and "AMAZON.ResumeIntent" in declared
        extra = [name for name in VA_BUILT_INS
                 if name not in declared and audio and name in VA_AUDIO_PLAYER]
        self.types = {t["name"].lower(): t.get("values", []) for t in lm.get("types", [])}
        self.samples = []
        for intent in [*lm["intents"], *({"name": name} for name in extra)]:
            declared_slots = _slot_types(intent)
            for sample in [*intent.get("samples", []), *VA_BUILT_INS.get(intent["name"], ())]:
                names, pattern = [], sample
                while "{" in pattern:
                    start = pattern.index("{")
                    end = pattern.index("}", start)
                    names.append(pattern[start + 1:end])
                    pattern = pattern[:start].strip() + "(.*)" + pattern[end + 1:].strip()
                self.samples.append((intent["name"], sample, re.compile(pattern, re.IGNORECASE), names,
                                     declared_slots))
        # An anchored sample can only match words that begin with its literal opening: index the
        # samples by that opening's first character (those opening with a slot are always tried).
        self.by_start: dict[str, list[int]] = {}
        for index, (_, sample, *_rest) in enumerate(self.samples):
            opening = sample.split("{", 1)[0].strip().lower()
            self.by_start.setdefault(opening[:1], []).append(index)

    def _slot(self, slot_type: str, captured: str) -> tuple[bool, str, bool, str | None]:
        """(matches, the value as scored, typed, resolved id)."""
        words = captured.strip()
        values = self.types.get(slot_type.lower())
        if values is not None:
            for value in values:
                if words.lower() in (p.lower() for p in _phrases(value)):
                    return True, words, True, value.get("id")
            return False, words, True, None
        if slot_type.lower() == "amazon.number":
            if re.fullmatch(r"[0-9]*", words) or words.lower() in _VA_NUMBERS:
                return True, words, True, None
            return False, words, True, None
        return True, captured, False, None

    def matches(self, said: str) -> list[Match]:
        heard = _VA_REMOVED.sub("", said)
        found = []
        first = heard[:1].lower()
        for index in sorted(self.by_start.get("", []) + (self.by_start.get(first, []) if first else [])):
            intent, sample, pattern, names, declared = self.samples[index]
            hit = pattern.fullmatch(heard)
            if not hit:
                continue
            whole, taken, typed, slots = hit.group(0), 0, 0, {}
            for name, captured in zip(names, hit.groups()):
                if whole != captured and captured.strip() and not (captured.startswith(" ") or captured.endswith(" ")):
                    break
                ok, value, is_typed, resolved = self._slot(declared[name], captured)
                if not ok:
                    break
                taken += len(value)
                typed += is_typed
                slots[name] = (captured.strip(), resolved)
            else:
                found.append(Match(len(whole) - taken, typed, intent, sample, slots))
        return found

    def utter(self, said: str) -> Match | None:
        """The request virtual-alexa would send for these typed words; None for its "Unable to match"."""
        if said == "exit":
            return Match(0, 0, SESSION_ENDED, "", {})
        heard = ""
        if VA_LAUNCH.search(said):
            redirected = VA_LAUNCH_AND_UTTER.match(said)
            if not redirected:
                return Match(0, 0, LAUNCH, "", {})
            said = heard = redirected.group(1)
        best = None
        for match in self.matches(said):
            if best is None or match.score > best.score or (match.score == best.score and match.typed > best.typed):
                best = match
        return best._replace(heard=heard) if best else None


@lru_cache(maxsize=None)
def client(locale: str) -> VirtualAlexa:
    return VirtualAlexa(model(locale))


_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_OPENING_NUMBER = re.compile(r"^(\d{1,2})\b")
_SERVICE_NUMBER = re.compile(r"^(111|999|911|000|112)\b")  # a phone line's number, said digit by digit ("one one one")
_OPENING_GRADE = re.compile(r"^([A-Za-z])([0-9])\b")  # a grade said first ("F2 doctor, ..." is "f two doctor")
# a compound written with a hyphen, said first, is two words aloud ("walk-in said ...", "ta-ra"): the words after a
# sample's opening go into its slot whatever they hold, but the opening must be heard as the sample's words (a
# stammer, "c-c-can", one letter before the hyphen, stays as typed)
_OPENING_COMPOUND = re.compile(r"^([A-Za-z]{2,})-([A-Za-z]{2,})\b")


def spoken(said: str) -> str:
    """The words as said aloud where they open with a number ("34 weeks and I've got ..." is "thirty
    four weeks and ..."; "111 said ..." is "one one one said ..."): Alexa matches samples on speech, and
    a sample cannot hold digits, but a written corpus may open so. Only an opening number below 100, a
    phone line's number, a grade ("F2 doctor": "f two doctor") or a hyphenated compound ("walk-in": "walk
    in"; the corpus's only kinds), spelled here rather than with a library for one conversion."""
    def words(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return _UNITS[n] if n < 20 else _TENS[n // 10 - 2] + ("" if n % 10 == 0 else " " + _UNITS[n % 10])
    said = _SERVICE_NUMBER.sub(lambda match: " ".join(_UNITS[int(digit)] for digit in match.group(1)), said)
    said = _OPENING_GRADE.sub(lambda match: f"{match.group(1).lower()} {_UNITS[int(match.group(2))]}", said)
    said = _OPENING_COMPOUND.sub(r"\1 \2", said)
    return _OPENING_NUMBER.sub(words, said)


def resolve(locale: str, said: str) -> Match | None:
    return client(locale).utter(said)


def launch_words(said: str) -> bool:
    """True if virtual-alexa treats these words as a launch phrase, whatever the model holds."""
    return bool(VA_LAUNCH.search(said))


def describe(match: Match | None) -> str:
    if match is None:
        return "nothing (virtual-alexa: 'Unable to match utterance')"
    if match.intent in (LAUNCH, SESSION_ENDED):
        return f"{match.intent} (virtual-alexa's launch-word check)"
    slots = ", ".join(f"{n}={w!r}" + (f"->{r}" if r else "") for n, (w, r) in match.slots.items())
    heard = f" heard as {match.heard!r}" if match.heard else ""
    return f"{match.intent}({slots}) via {match.sample!r}, score {match.score}{heard}"


def reading(locale: str, match: Match | None) -> Finding | None:
    """What the skill reads from a resolution: skill.safety.finding_in on its slots (the free-text
    carrier put back, every slot's words through the red-flag screen, a matched symptom value)."""
    if match is None or match.intent in (LAUNCH, SESSION_ENDED):
        return None
    readings = [SlotReading(name, words, resolved) for name, (words, resolved) in match.slots.items()]
    return safety.finding_in(locale, match.intent, readings)


def red_flag_of(locale: str, match: Match | None) -> str | None:
    """The symptom the skill acts on for this resolution (a "what if" is information: None)."""
    finding = reading(locale, match)
    return finding.symptom if finding and finding.status != screen.HYPOTHETICAL else None
