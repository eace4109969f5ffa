"""What free words name: an area, a position, a stretch, a routine's length; and pain mid-routine.

The topic a question is about is decided by skill/topics.py (after the red-flag screen, in
safety.py); this module only reads the slot-like things a stretch or a routine needs from words
Alexa handed over as free text ("a five minute routine for my hips at my desk"). The words are
data: content/<locale>/named_words.toml.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator, NamedTuple

from . import content, prefilter


class Named(NamedTuple):
    """What the words name, where they name it."""

    area: str | None = None
    position: str | None = None
    stretch: str | None = None
    minutes: int | None = None


class _Table:
    """Keys and their phrasings' patterns, in the data's order. A prefilter.Gate over every
    phrasing tells which may match some words: a key none of whose phrasings may is not tried, and
    of a key only the phrasings that may are (a `routine_questions` key has some thirty, most of
    which would fail at every place of the words). The others match nowhere in the words, so
    what those few find, taken as an alternation takes them, is what the key's whole alternation
    finds (tests/test_understand.py holds the two to the same matches)."""

    def __init__(self, entries: Iterable[tuple[str, list[str]]]) -> None:
        self.phrasings = {key: tuple(phrasings) for key, phrasings in entries}
        self.alone: dict[str, list[re.Pattern[str]]] = {}  # each phrasing compiled alone
        held = {}
        for key, phrasings in self.phrasings.items():
            self.alone[key] = []
            for n, phrasing in enumerate(phrasings):
                compiled, held[(key, n)] = prefilter.compiled_and_held(phrasing)
                self.alone[key].append(compiled)
        self.gate = prefilter.Gate(held)
        self.spans, offset = [], 0  # per key: its first phrasing's bit, and all of its bits
        for key, phrasings in self.phrasings.items():
            self.spans.append((key, offset, (1 << len(phrasings)) - 1))
            offset += len(phrasings)

    def matches(self, text: str) -> Iterator[tuple[str, list[re.Match[str]]]]:
        """Each key that matches the words, in order, with what its alternation's finditer finds."""
        mask = self.gate.mask(text)
        for key, offset, every in self.spans:
            some = (mask >> offset) & every
            if not some:
                continue
            found = _alternation([alone for n, alone in enumerate(self.alone[key]) if some >> n & 1], text)
            if found is None:  # (an empty match: the whole alternation's own finditer)
                found = list(_any(list(self.phrasings[key])).finditer(text))
            if found:
                yield key, found


def _alternation(branches: list[re.Pattern[str]], text: str) -> list[re.Match[str]] | None:
    """What finditer of the branches' alternation `(?:b1)|(?:b2)|...` finds: from each place, the
    leftmost match of any branch, the first branch's on a tie, then on from where it ends. None
    where a match is empty (finditer's rules for those are not followed here)."""
    found: list[re.Match[str]] = []
    at = 0
    while True:
        best = None
        for branch in branches:
            match = branch.search(text, at)
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        if best is None:
            return found
        if best.end() == best.start():
            return None
        found.append(best)
        at = best.end()


class _Patterns(NamedTuple):
    areas: _Table
    positions: _Table
    stretches: _Table
    minutes: tuple[tuple[re.Pattern[str], int], ...]
    pain: re.Pattern[str]
    pain_outright: re.Pattern[str]
    pain_denied: re.Pattern[str]
    routine_questions: _Table
    relayed: re.Pattern[str]  # "he says" + "skip this one": words said for the one doing the stretch (`relayed`)
    stretch_felt: re.Pattern[str]  # "ooh, that's a lovely stretch in my bum": the stretch felt, nothing asked (`[pain_felt]`)


MINUTE_WORDS = {"two": 2, "five": 5, "ten": 10}  # the [minutes] and [minutes_by_feel] keys: a routine's length


def _any(patterns: list[str], *, words: bool = False) -> re.Pattern[str]:
    joined = "|".join(f"(?:{p})" for p in patterns) or "(?!)"
    return re.compile(rf"\b(?:{joined})\b" if words else joined)


@lru_cache(maxsize=None)
def _patterns(locale: str | None) -> _Patterns:
    data = content.joined(locale, "named_words")

    def table(name: str) -> _Table:
        return _Table(data.get(name, {}).items())

    minutes = tuple((_any(words, words=True), MINUTE_WORDS[key])  # numbers first, then lengths said by feel
                    for table_name in ("minutes", "minutes_by_feel") for key, words in data.get(table_name, {}).items())
    return _Patterns(table("areas"), table("positions"), table("stretches"), minutes,
                     _any(data.get("pain", {}).get("words", []), words=True),
                     _any(data.get("pain", {}).get("outright", []), words=True),
                     _any(data.get("pain", {}).get("denied", []), words=True), table("routine_questions"),
                     re.compile(r"^(?:" + _any(data.get("relayed", {}).get("openers", [])).pattern + r") "),
                     _any(data.get("pain_felt", {}).get("felt", []), words=True))


def _first(table: _Table, text: str) -> str | None:
    """The key whose words are said at the greatest length ("upper back" before "back"), the
    first on a tie."""
    best, length = None, 0
    for key, found in table.matches(text):
        longest = max(len(match.group(0)) for match in found)
        if longest > length:
            best, length = key, longest
    return best


def _minutes(patterns: _Patterns, text: str) -> int | None:
    digits = re.search(r"\b(\d+) minutes?\b", text)
    if digits:
        return int(digits.group(1))
    return next((m for pattern, m in patterns.minutes if pattern.search(text)), None)


def _plain(said: str) -> str:
    return " ".join(said.lower().replace("’", "'").split())


def named(said: str, locale: str | None = None) -> Named:
    """The area, position, stretch and minutes the words name (any may be None)."""
    text, patterns = _plain(said), _patterns(locale)
    return Named(_first(patterns.areas, text), _first(patterns.positions, text), _first(patterns.stretches, text),
                 _minutes(patterns, text))


def area(said: str, locale: str | None = None) -> str | None:
    """The area the words name, as named() gives it, without the rest."""
    return _first(_patterns(locale).areas, _plain(said))


class _Correction(NamedTuple):
    """named_words.toml `correction`, compiled once a locale."""

    words: re.Pattern[str]  # words that correct the area or position
    offered: re.Pattern[str]  # ... that correct a stretch on offer only ("my neck instead")
    cannot: re.Pattern[str]  # a position they say they cannot take, just before it
    not_meant_after: re.Pattern[str]  # an area said as fine ("hips are fine")
    not_meant_before: re.Pattern[str]  # ... or after "not"


@lru_cache(maxsize=None)
def _correction(locale: str | None) -> _Correction:
    data = content.joined(locale, "named_words").get("correction", {})
    return _Correction(_any(data.get("words", [])), _any(data.get("offered", [])),
                       re.compile(rf"\b(?:{'|'.join(data.get('cannot', [])) or '(?!)'})( [a-z']+){{0,2}} ?$"),
                       _any(data.get("not_meant_after", [])), _any(data.get("not_meant_before", [])))


def corrects(said: str, locale: str | None = None, *, offered: bool = False) -> tuple[str | None, str | None]:
    """The area and the position meant, where the words correct them ("wait, is that for the neck? I
    want it for the lower back", "hmm, actually lying down, I'm on the couch": named_words.toml
    `correction`; with a stretch `offered`, also its `offered` words: "my neck instead"): each the one
    named last, else None."""
    text = _plain(said)
    correction = _correction(locale)
    if correction.words.search(text) is None and not (offered and correction.offered.search(text)):
        return None, None
    patterns = _patterns(locale)  # (a position they say they cannot take is none meant: "I can't lie on the floor";
    # nor an area said as fine: "lower back only, hips are fine")
    return (_last(patterns.areas, text, unless_before=correction.not_meant_before, unless_after=correction.not_meant_after),
            _last(patterns.positions, text, unless_before=correction.cannot))


def _last(table: _Table, text: str, unless_before: re.Pattern[str] | None = None,
          unless_after: re.Pattern[str] | None = None) -> str | None:
    last = max(((match.end(), len(match.group(0)), key) for key, found in table.matches(text) for match in found
                if (unless_before is None or not unless_before.search(text[:match.start()]))
                and (unless_after is None or not unless_after.match(text[match.end():]))),
               default=None)  # (the last to end, the longest: "upper back", not "back")
    return last[2] if last else None


def area_follow_up(said: str, filler: frozenset[str], locale: str | None = None,
                   taken_back_by: re.Pattern[str] | None = None) -> str | None:
    """The words naming a body area, when nothing else but `filler` words is said with them
    ("and for my neck?" gives "neck"), else None. An area `taken_back_by` the words just before
    it ("not back, I meant neck") is passed over."""
    text = _plain(said)
    named = [match for _, found in _patterns(locale).areas.matches(text) for match in found]
    # "sorry, not back, I meant neck": an area taken back is said with the one meant, not asked about
    taken_back = [m for m in named if taken_back_by and taken_back_by.search(text, 0, m.start())]
    for match in named:
        if match in taken_back:
            continue
        kept = [m for m in [*taken_back, *(m for m in named if m.group(0) == match.group(0))]  # (and the same area said again)
                if m.end() <= match.start() or m.start() >= match.end()]
        rest = re.findall(r"[a-z0-9']+", " ".join(text[a:b] for a, b in _between([*kept, match], len(text))))
        if all(word in filler for word in rest):
            return match.group(0)
    return None


def _between(spans: list[re.Match[str]], end: int) -> list[tuple[int, int]]:
    """The stretches of the words outside these matches."""
    out, at = [], 0
    for m in sorted(spans, key=lambda m: m.start()):
        out.append((at, m.start()))
        at = max(at, m.end())
    return [*out, (at, end)]


def says_it_hurts(said: str, locale: str | None = None, *, outright: bool = False) -> bool:
    """Words that say it hurts ("ow", "that's sore"): mid-routine, the routine stops. `outright`:
    only pain said in so many words ("skip this one, it hurts"; not "my knee doesn't like it",
    which is a reason to skip). Pain denied ("it's pulling but not hurting") is not said."""
    patterns = _patterns(locale)
    text = patterns.pain_denied.sub(" ", _plain(said))
    return bool((patterns.pain_outright if outright else patterns.pain).search(text))


def stretch_felt(said: str, locale: str | None = None) -> bool:
    """Words that tell how the stretch feels, with no pain in them ("that's pulling nicely", "bit
    of a pull across my shoulders, that's normal yeah?"): mid-routine, the routine goes on."""
    return _patterns(locale).stretch_felt.search(_plain(said)) is not None and not says_it_hurts(said, locale)


def routine_question(said: str, locale: str | None = None) -> str | None:
    """The routine command (its intent) the words ask for mid-routine ("how long do I hold it":
    HoldTimeIntent, "I'm not keen on this one": SkipStretchIntent), else None."""
    patterns, text = _patterns(locale), _plain(said)
    found = _first(patterns.routine_questions, text)
    relayed = patterns.relayed.match(text) if found is None else None
    return _first(patterns.routine_questions, text[relayed.end():]) if relayed else found


class _OfferWords(NamedTuple):
    """named_words.toml `resume_offer`, compiled once a locale."""

    carry_on: re.Pattern[str]
    places: re.Pattern[str]
    refuse: re.Pattern[str]
    otherwise: re.Pattern[str]
    how_to: re.Pattern[str]


@lru_cache(maxsize=None)
def _offer_words(locale: str | None) -> _OfferWords:
    data = content.joined(locale, "named_words").get("resume_offer", {})
    return _OfferWords(*(_any(data.get(key, []), words=True) for key in _OfferWords._fields))


def carries_on(said: str, locale: str | None = None) -> bool:
    """Words that say to carry on ("haan, continue from there only", "righto, keep going"; not "I
    don't want to carry on"), as an answer to the resume offer (named_words.toml `resume_offer`)."""
    offer, text = _offer_words(locale), _plain(said)
    return offer.carry_on.search(text) is not None and offer.refuse.search(text) is None


def asks_how_to_do_it(said: str, locale: str | None = None) -> bool:
    """Words that ask how to do the stretch offered ("do I breathe normally during it?"; `resume_offer.how_to`)."""
    return _offer_words(locale).how_to.search(_plain(said)) is not None


def names_kept_place(said: str, locale: str | None = None) -> bool:
    """Words that name where they left off ("carry on from where I was"; `resume_offer.places`)."""
    return _offer_words(locale).places.search(_plain(said)) is not None


def will_not_carry_on(said: str, locale: str | None = None) -> bool:
    """Words that refuse to carry on ("nah, I'd rather not continue"; `resume_offer.refuse`)."""
    return _offer_words(locale).refuse.search(_plain(said)) is not None


def without_places(said: str, locale: str | None = None) -> str:
    """The words without those naming where they left off ("pick up where I left off": its
    "where" asks nothing; `resume_offer.places`)."""
    return _offer_words(locale).places.sub(" ", _plain(said))


@lru_cache(maxsize=None)
def _another(locale: str | None) -> re.Pattern[str]:
    return _any(content.joined(locale, "named_words").get("another_stretch", {}).get("words", []), words=True)


def asks_another(said: str, locale: str | None = None) -> bool:
    """Words that ask for another stretch than the one offered or stopped ("give some other
    stretch"; named_words.toml `another_stretch`)."""
    return _another(locale).search(_plain(said)) is not None


@lru_cache(maxsize=None)
def _other_than_offered(locale: str | None) -> re.Pattern[str]:
    return _any(content.joined(locale, "named_words").get("another_stretch", {}).get("than_offered", []))


def asks_other_than_offered(said: str, locale: str | None = None) -> bool:
    """With a stretch just offered, words that ask for one other than it ("I can't get up on my
    knees, got anything else?"; named_words.toml `another_stretch.than_offered`)."""
    return _other_than_offered(locale).search(said.lower()) is not None


def asks_otherwise(said: str, locale: str | None = None) -> bool:
    """Words that ask for something else than the offer ("yes go on, check me", "I'd rather do the
    desk routine"; `resume_offer.otherwise`)."""
    return _offer_words(locale).otherwise.search(_plain(said)) is not None
