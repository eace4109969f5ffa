"""What free words name (skill/understand.py) is read as the data's whole alternations read it.

Each table of named_words.toml (areas, positions, stretches, routine_questions) tries, of each
key, only the phrasings its prefilter.Gate lets through, one by one, as the key's alternation
would take them. A phrasing skipped that could have matched would lose a routine command said
mid-routine ("how long was I meant to hold that"), so it is checked on every turn of the
conversations and every phrasing of the first corpus splits, in their locales, and on random
word sequences made of the phrasings' own words (hypothesis): the same matches, span for span.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import corpora
from skill import content, understand

TABLES = ("areas", "positions", "stretches", "routine_questions")
SAID = sorted({(understand._plain(case["text"]), case["locale"]) for name in ("red_flags", "topics")
               for _, case in corpora.read(name, ("tune", "holdout", "fresh", "fresh2", "fresh3", "fresh4"))} |
              {(understand._plain(said), conversation.get("locale", "en-US"))
               for path in sorted((Path(__file__).parent / "acceptance").glob("conversations*.json"))
               for conversation in json.loads(path.read_text(encoding="utf-8"))
               for said in conversation["say"] if isinstance(said, str)})


def _whole(locale: str) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    data = content.joined(locale, "named_words")
    return {name: [(key, understand._any(list(phrasings))) for key, phrasings in data.get(name, {}).items()]
            for name in TABLES}


def _differences(text: str, locale: str, whole: dict[str, list[tuple[str, re.Pattern[str]]]]) -> list[str]:
    wrong = []
    for name in TABLES:
        table = getattr(understand._patterns(locale), name)
        gated = {key: [m.span() for m in found] for key, found in table.matches(text)}
        every = {key: spans for key, pattern in whole[name] if (spans := [m.span() for m in pattern.finditer(text)])}
        if gated != every:
            wrong.append(f"{locale} {name} {text!r}: {gated} / {every}")
    return wrong


@pytest.mark.parametrize("locale", content.LOCALES)
def test_every_turn_and_phrasing_is_read_as_the_whole_alternations_read_it(locale):
    whole = _whole(locale)
    said = [text for text, case_locale in SAID if case_locale == locale]
    wrong = [w for text in said for w in _differences(text, locale, whole)]
    assert len(said) > 1000
    assert not wrong, "\n".join(wrong[:20])


def test_routine_commands_in_new_words_are_still_heard():
    assert understand.routine_question("sorry how long was i meant to hold that one for", "en-GB") == "HoldTimeIntent"
    assert understand.routine_question("hang on the door bell is ringing", "en-AU") == "AMAZON.PauseIntent"
    assert understand.routine_question("why does my back pop", "en-US") is None
    assert understand.named("a five minute routine for my upper back sitting at my desk", "en-US") == \
        understand.Named("upper_back", "sitting", None, 5)


WORDS = sorted({word for locale in ("en-US", "en-IN") for phrasings in
                content.joined(locale, "named_words").get("routine_questions", {}).values()
                for phrasing in phrasings for word in re.findall(r"[a-z']+", phrasing)})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12), st.sampled_from(content.LOCALES))
def test_random_word_sequences_are_read_as_the_whole_alternations_read_them(words, locale):
    assert not _differences(" ".join(words), locale, _whole(locale))
