"""The red-flag screen's prefilter (skill/prefilter.py) skips only scans that would find nothing.

A skipped scan that had a match would be a missed warning sign, so this is checked where it
matters: on every phrasing of both corpora, in their locales, the screen reads exactly what it
reads with the prefilter off; every match of every term and phrase pattern begins with one of
the start strings worked out for it; and the same on random word sequences made of the
vocabulary's own words (hypothesis).
"""
from __future__ import annotations

import functools
import operator
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import corpora
from skill import content, prefilter, screen
from skill.context import normalise

PHRASINGS = sorted({(case["text"], case["locale"]) for name in ("red_flags", "topics")
                    for _, case in corpora.read(name, ("tune", "holdout", "fresh", "fresh2", "fresh3", "fresh4"))})


def _patterns(locale: str) -> list[tuple[str, object, re.Pattern[str], frozenset[str] | None]]:
    rules = screen.rules(locale)
    found = [(f"term {name}", name, pattern, rules.term_begins.get(name)) for name, pattern in rules.terms.items() if pattern]
    found += [(f"phrases of {c.name}", n, c.phrases, c.phrases_begin) for n, c in enumerate(rules.concepts) if c.phrases]
    return found


def _every_match_begins_as_worked_out(said: str, locale: str) -> list[str]:
    """Every match begins a word (the index tries patterns at word starts only) and begins with
    one of the pattern's start strings; or, for a pattern with an anchored alternative (AT_START),
    at the start of the words where the scan lets its anchored alternatives be tried."""
    wrong = []
    index = screen.rules(locale).index
    start_ok = index.scan(said).start_ok
    for label, key, pattern, begins in _patterns(locale):
        if begins is None:
            continue
        for match in pattern.finditer(said):
            at_a_word = match.start() == 0 or said[match.start() - 1] == " "
            at_start = match.start() == 0 and prefilter.AT_START in begins and bool(start_ok & index.bits[key])
            if not at_start and (not at_a_word or not any(said.startswith(start, match.start()) for start in begins)):
                wrong.append(f"{label}: {match.group()!r} in {said!r}")
    return wrong


def test_start_strings_of_simple_patterns():
    assert prefilter.starts(r"(?<![a-z])(?:no|not) feel(ing)?") == {"no feel", "no feeli", "not feel"}
    assert prefilter.starts(r"numb|tingl\w*|pins and needles") == {"numb", "tingl", "pins and"}
    assert prefilter.starts(r"(lost|losing) \d+ (kilos|stone)") == {f"lost {d}" for d in "0123456789"} | {
        f"losing {d}" for d in "0123456789"}
    assert prefilter.starts(r"(really |very )*bad") == {"really ", "very ", "bad"}
    assert prefilter.starts(r"\w+ pain") is None, "a pattern that can start with any word is always scanned"
    assert prefilter.starts(r"(a )?") is None, "one that can match nothing is always scanned"


def test_the_index_tries_a_pattern_only_where_a_word_begins_as_it_can():
    numb, legs = re.compile(r"(?<![a-z])numb\w*"), re.compile(r"(?<![a-z])(?:my )?legs?")
    anywhere = re.compile(r"egs")
    index = prefilter.Index({"numb": frozenset({"numb"}), "legs": frozenset({"my legs", "leg"}), "any": None})
    scan = index.scan("my legs and leg")
    assert not scan.may("numb") and scan.may("legs") and scan.may("any")
    assert scan.finditer("numb", numb) == []
    assert [m.group() for m in scan.finditer("legs", legs)] == ["my legs", "leg"]
    assert [m.start() for m in scan.finditer("any", anywhere)] == [4], \
        "a pattern with no bound is scanned everywhere, not only at word starts"
    assert [m.start() for m in index.scan("no leg numbness numb").finditer("numb", numb)] == [7, 16]



@pytest.mark.parametrize("locale", content.LOCALES)
def test_every_pattern_a_corpus_phrasing_matches_begins_as_worked_out(locale):
    wrong = [w for text, case_locale in PHRASINGS if case_locale == locale
             for w in _every_match_begins_as_worked_out(normalise(text), locale)]
    assert not wrong, "\n".join(wrong[:20])


def test_the_screen_reads_every_corpus_phrasing_alike_with_the_prefilter_off():
    on = {(text, locale): screen.rules(locale).read(text) for text, locale in PHRASINGS}
    screen.rules.cache_clear()
    try:
        for locale in content.LOCALES:
            screen.rules(locale).index = None  # every pattern scanned everywhere
        off = {(text, locale): screen.rules(locale).read(text) for text, locale in PHRASINGS}
    finally:
        screen.rules.cache_clear()
    differ = [f"{key}: {on[key]} / {off[key]}" for key in on if on[key] != off[key]]
    assert len(on) > 2000
    assert not differ, "\n".join(differ[:20])


WORDS = sorted({word for text, _ in PHRASINGS for word in normalise(text).split()})


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14), st.sampled_from(content.LOCALES))
def test_random_word_sequences_never_match_where_the_prefilter_says_no(words, locale):
    assert not _every_match_begins_as_worked_out(" ".join(words), locale)



def test_an_anchored_alternative_is_tried_at_the_start_of_the_words_only_where_what_it_holds_is_said():
    """Two phrasings that open with "^(?!...)" or "^(?=...)" (they read the whole turn) made their
    concepts' whole alternations be scanned at every place of every turn: now the start of the words
    is tried with the whole pattern where what the anchored phrasings hold is in the words, and every
    other place as before."""
    alternatives = [r"^(?=.*\bpain\b).*\bworse at night", r"numb\w*"]
    pattern = re.compile(r"(?<![a-z0-9'])(?:" + "|".join(alternatives) + r")(?![a-z0-9])")
    begins = prefilter.starts_but_anchored(r"(?<![a-z0-9'])", alternatives, r"(?![a-z0-9])")
    assert begins == {prefilter.AT_START, "numb"}
    index = prefilter.Index({"night": begins}, anchored={"night": prefilter.anchored_holds(alternatives)})
    for said in ("the pain is worse at night", "it's worse at night, no pain", "numb and the pain is worse at night",
                 "worse at night", "my legs are numb", "pain numbness"):
        scan = index.scan(said)
        assert [m.span() for m in scan.finditer("night", pattern)] == [m.span() for m in pattern.finditer(said)], said
    assert not index.scan("my legs are numb").start_ok, "nothing the anchored phrasing holds: not tried at the start"
    assert prefilter.starts_but_anchored("", [r"^x", r"\w+ pain"], "") is None, "another unbounded alternative: always scanned"


def test_strings_a_match_holds():
    assert prefilter.holds(r"how long (to|do i) hold") == {"how long"}
    assert prefilter.holds(r"^(?!.*\b(how|what)\b).*\bpause( it)?$") == {"pause", "pause it"}, \
        "what follows a leading .* must be there"
    assert prefilter.holds(r"(?:a|b.*cde)|(?:xy)") >= {"a", "xy"}
    assert prefilter.holds(r".*") is None and prefilter.holds(r"(?:x)|(?:.*)") is None, "could match any words"


def test_the_gate_lets_through_the_patterns_whose_strings_are_in_the_words():
    gate = prefilter.Gate({"hold": prefilter.holds(r"how long (to|do i) hold"),
                           "pause": prefilter.holds(r"^.*\bpause$"), "any": None})
    assert gate.mask("so how long do i hold") == gate.bits["hold"] | gate.bits["any"]
    assert gate.mask("how much longer") == gate.bits["any"], "'how long' is not in it"
    assert gate.mask("somehow long then pause") == gate.bits["hold"] | gate.bits["pause"] | gate.bits["any"], \
        "anywhere in the words, not only where a word begins"


def test_the_scan_finds_each_word_start_as_looking_up_its_slices_finds_it():
    """The automaton's scan against the plain reading: at each word start, every start string
    the words there begin with (Index.at on an index that walks its start strings' prefixes)."""
    for locale in content.LOCALES:
        rules = screen.rules(locale)
        walked = prefilter.Index({**rules.term_begins, **{n: c.phrases_begin for n, c in enumerate(rules.concepts)}},
                                 walk=True)
        for text, case_locale in PHRASINGS:
            if case_locale != locale:
                continue
            said = rules.said(text)
            starts = [0] + [n + 1 for n, c in enumerate(said) if c == " "]
            looked_up = [(at, walked.at(said, at) & ~walked.always) for at in starts]
            expected = [(at, bits) for at, bits in looked_up if bits]
            scan = rules.index.scan(said)
            assert scan.where == expected, said
            assert scan.mask == walked.always | walked.at_start | functools.reduce(operator.or_, (bits for _, bits in expected), 0), said


@pytest.mark.parametrize("locale", content.LOCALES)
def test_asked_again_read_through_the_gate_finds_what_each_alternation_finds(locale):
    """free_text.toml `asked_again` (carriers.asked_again) read with prefilter.AnyOf: the same keys as
    searching each key's whole alternation, on every corpus phrasing and on the words that ask."""
    table = content.joined(locale, "free_text")["asked_again"]
    whole = {key: re.compile("|".join(patterns)) for key, patterns in table.items() if patterns}
    gated = prefilter.AnyOf(table)
    texts = [normalise(text) for text, _ in PHRASINGS] + [
        "sorry dear you'll have to say that again", "what was that about the bladder", "i don't understand the question",
        "put it more simply please", "pardon", "what do you mean exactly"]
    differ = [text for text in texts if gated.found(text) != [key for key, pattern in whole.items() if pattern.search(text)]]
    assert not differ, differ[:10]
    assert gated.found("what was that about the bladder") and gated.found("pardon")
