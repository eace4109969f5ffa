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
