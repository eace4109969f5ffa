"""Typed words, made to look like what Alexa's speech recognition would hand the model.

A person types "Why does my back pop?" or "a 5-minute routine"; Alexa would have heard
"why does my back pop" and "a five minute routine". `words()` does that: lowercase, curly
apostrophes straightened, hyphens and punctuation turned into spaces (apostrophes kept),
digits spelled out. `number_value()` reads spelled-out numbers back as digits, which is what
Alexa puts in an AMAZON.NUMBER slot ("five" -> "5").
"""
from __future__ import annotations

import re

_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = (("billion", 10**9), ("million", 10**6), ("thousand", 1000))
_UNIT_VALUES = {word: n for n, word in enumerate(_ONES)} | {"a": 1, "an": 1}
_TEN_VALUES = {word: 10 * n for n, word in enumerate(_TENS) if word != "_"}
_SCALE_VALUES = dict(_SCALES) | {"hundred": 100}
_NOT_PUNCTUATION = re.compile(r"[^\w' ]+")
_DIGITS = re.compile(r"^\d+$")
_DECIMAL = re.compile(r"(\d)\.(\d)")


def spell(number: int) -> str:
    """A whole number in words, as a recogniser writes it: 25 -> "twenty five"."""
    if number < 0:
        return "minus " + spell(-number)
    if number < 20:
        return _ONES[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return _TENS[tens] + (" " + _ONES[ones] if ones else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        return _ONES[hundreds] + " hundred" + (" " + spell(rest) if rest else "")
    for word, size in _SCALES:
        if number >= size:
            big, rest = divmod(number, size)
            return spell(big) + " " + word + (" " + spell(rest) if rest else "")
    raise AssertionError("unreachable")


def words(text: str) -> list[str]:
    """What Alexa would have heard, as a list of lowercase words."""
    text = _DECIMAL.sub(r"\1 point \2", text.lower())
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("-", " ").replace("_", " ")
    text = _NOT_PUNCTUATION.sub(" ", text)
    out: list[str] = []
    for token in text.split():
        token = token.strip("'")
        if not token:
            continue
        if _DIGITS.match(token) and len(token) <= 12:
            out.extend(spell(int(token)).split())
        else:
            out.append(token)
    return out


def normalise(text: str) -> str:
    """`words()` joined with single spaces: the form every comparison uses."""
    return " ".join(words(text))


def number_value(tokens: list[str]) -> str | None:
    """The digits for spelled-out number words ("twenty five" -> "25"), or None.

    "a" and "an" only count in front of a scale ("a hundred"), "and" only after "hundred".
    """
    if not tokens:
        return None
    total, current, seen, previous = 0, 0, False, ""
    for i, word in enumerate(tokens):
        if word in ("a", "an"):
            if i + 1 >= len(tokens) or tokens[i + 1] not in _SCALE_VALUES:
                return None
            current += 1
        elif word == "and":
            if previous != "hundred" or i + 1 >= len(tokens):
                return None
        elif word in _UNIT_VALUES:
            if seen and previous not in _TEN_VALUES and previous not in _SCALE_VALUES and previous != "and":
                return None
            current += _UNIT_VALUES[word]
        elif word in _TEN_VALUES:
            if seen and previous not in _SCALE_VALUES and previous != "and":
                return None
            current += _TEN_VALUES[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _SCALE_VALUES:
            total += max(current, 1) * _SCALE_VALUES[word]
            current = 0
        else:
            return None
        seen, previous = True, word
    return str(total + current)


_HALF_DAY = {"am": "am", "pm": "pm", "a m": "am", "p m": "pm", "in the morning": "am", "in the afternoon": "pm",
             "in the evening": "pm", "at night": "pm", "tonight": "pm", "this afternoon": "pm", "this evening": "pm",
             "this morning": "am"}
_TIMES_OF_DAY = {"noon": "12:00", "midday": "12:00", "midnight": "00:00", "morning": "MO", "the morning": "MO",
                 "afternoon": "AF", "the afternoon": "AF", "evening": "EV", "the evening": "EV", "night": "NI"}
_DURATION_UNITS = {"second": "S", "seconds": "S", "minute": "M", "minutes": "M", "hour": "H", "hours": "H",
                   "day": "D", "days": "D"}


def time_value(tokens: list[str]) -> str | None:
    """What Alexa puts in an AMAZON.TIME slot: "three pm" -> "15:00", "four thirty" -> "04:30",
    "noon" -> "12:00", "evening" -> "EV"; None for words that are not a time."""
    said = " ".join(tokens)
    if said in _TIMES_OF_DAY:
        return _TIMES_OF_DAY[said]
    half = None
    for phrase, which in sorted(_HALF_DAY.items(), key=lambda kv: -len(kv[0])):
        if said.endswith(" " + phrase):
            said, half = said[: -len(phrase) - 1], which
            break
    rest = said.replace(" o'clock", "").split()
    minute = 0
    if rest[:2] in (["half", "past"], ["quarter", "past"], ["quarter", "to"]):
        hour_words, minute = rest[2:], {"half": 30, "quarter": 15}[rest[0]]
        hour = number_value(hour_words)
        if hour is None:
            return None
        hour_n = int(hour) - (1 if rest[1] == "to" else 0)
        minute = 45 if rest[1] == "to" else minute
    else:
        if not rest:
            return None
        hour = number_value(rest[:1])
        if hour is None:
            return None
        hour_n = int(hour)
        if rest[1:]:
            tail = rest[1:]
            if tail[0] == "oh" and len(tail) == 2:
                tail = tail[1:]
            mins = number_value(tail)
            if mins is None or not 0 <= int(mins) < 60:
                return None
            minute = int(mins)
    if not 0 <= hour_n <= 23:
        return None
    if half == "pm" and hour_n < 12:
        hour_n += 12
    elif half == "am" and hour_n == 12:
        hour_n = 0
    return f"{hour_n:02d}:{minute:02d}"


def duration_value(tokens: list[str]) -> str | None:
    """What Alexa puts in an AMAZON.DURATION slot: "an hour" -> "PT1H", "twenty minutes" -> "PT20M",
    "half an hour" -> "PT30M", "an hour and a half" -> "PT1H30M"; None for other words."""
    said = " ".join(tokens)
    if said in ("half an hour", "a half hour", "half hour"):
        return "PT30M"
    extra_minutes = 0
    if said.endswith(" and a half"):
        said, extra_minutes = said[: -len(" and a half")], 30
    parts: dict[str, int] = {}
    chunk: list[str] = []
    for word in said.split():
        if word in _DURATION_UNITS:
            amount = number_value(chunk) if chunk != ["a"] and chunk != ["an"] else "1"
            if amount is None:
                return None
            parts[_DURATION_UNITS[word]] = parts.get(_DURATION_UNITS[word], 0) + int(amount)
            chunk = []
        elif word == "and" and not chunk:
            continue
        else:
            chunk.append(word)
    if chunk or not parts:
        return None
    if extra_minutes and "H" in parts:
        parts["M"] = parts.get("M", 0) + extra_minutes
    days = f"{parts['D']}D" if parts.get("D") else ""
    clock = "".join(f"{parts[u]}{u}" for u in ("H", "M", "S") if parts.get(u))
    return "P" + days + ("T" + clock if clock else "")
