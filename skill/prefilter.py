"""A quick test that tells when a word pattern cannot match, before the regular expression runs.

The red-flag screen scans a turn's words with some forty large alternations (skill/context.py);
Python's `re` tries every alternative at every word start, so a harmless turn paid for all of
them. `starts(pattern)` works out, once, every string of up to eight characters a match can
begin with, from the pattern's own parse tree (`re._parser`, the parser `re.compile` uses). When
no word of a turn begins with one of them, the pattern cannot match and its scan is skipped.
`Index` asks that of every pattern at once: one table from start strings to the patterns that
can begin with them, read at each word start.

The test only ever skips a scan that would find nothing: where the walk meets what it cannot
bound (a class such as `\\w`, any character, a repeat), the start string ends there and any
continuation counts; a pattern that could begin anyhow gets None and is always scanned.
tests/test_prefilter.py checks that the screen reads every phrasing of both corpora exactly as
it does with the prefilter off, and that no match ever begins otherwise than worked out.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Hashable, NamedTuple

import ahocorasick  # pyahocorasick: an Aho-Corasick automaton in C (Gate)

try:  # the standard library's own parser (Python 3.11+ names it re._parser)
    from re import _compiler, _parser
    from re import _constants as _c
except ImportError:  # pragma: no cover - another Python: no prefilter, every pattern is scanned
    _parser = None

WIDTH = 8  # long enough to tell "my legs" from "my back"; measured: 6 to 10 read alike
MAX_STARTS = 20_000  # beyond this many start strings the test saves nothing: scan instead
MAX_CLASS = 64  # a character class larger than this (most letters) tells little: give up


OPEN = "\x00"  # past here a match may go on with anything (a class such as \w): the start ends
AT_START = "\x02"  # in a start set: the pattern may also match anyhow at the very start of the words (only there)


class _Unknown(Exception):
    """Too many start strings to be worth it."""  # (then starts() gives None: always scan)


def starts(pattern: str) -> frozenset[str] | None:
    """The strings (1 to WIDTH characters) a match of `pattern` can begin with; a string shorter
    than WIDTH is a whole match. None when that cannot be told (then always scan)."""
    if _parser is None:
        return None
    try:
        return _starts(_parser.parse(pattern))
    except Exception:  # noqa: BLE001 - not a pattern: no prefilter, always scan
        return None


def _starts(parsed: Any) -> frozenset[str] | None:
    """starts() of a pattern as re's parser gives it."""
    try:
        found = _sequence(list(parsed.data), WIDTH)
    except Exception:  # noqa: BLE001 - _Unknown, or anything else: no prefilter, always scan
        return None
    found = {start.split(OPEN)[0] for start in found}
    if "" in found or len(found) > MAX_STARTS:
        return None  # it can start anyhow, or there are too many: always scan
    return frozenset(found)


def starts_but_anchored(head: str, alternatives: list[str], tail: str) -> frozenset[str] | None:
    """starts() of `head(?:a1|a2|...)tail`, where an alternative anchored at the start of the words
    ("^(?!.*\\bon my legs\\b).*\\blegs\\b ...", which can begin anyhow, but only there) counts as
    AT_START rather than making the whole unbounded: the whole is then tried at the start of the
    words, and elsewhere only where another alternative's start string begins. Two such phrasings
    made their concepts' whole alternations be tried at every place of every turn (some 270 of the
    screen's 290 microseconds on a new question). None where another alternative is unbounded."""
    if _parser is None:
        return None
    found: set[str] = set()
    for alternative in alternatives:
        try:
            anchored = _anchored(alternative)
        except re.error:
            return None
        if anchored:
            found.add(AT_START)
            continue
        begins = starts(f"{head}(?:{alternative}){tail}")
        if begins is None:
            return None
        found |= begins
    return frozenset(found) if AT_START in found and len(found) <= MAX_STARTS else None


def _anchored(alternative: str) -> bool:
    """The alternative opens by anchoring at the start of the words ("^..."), as re's parser reads it."""
    return _parser is not None and list(_parser.parse(alternative).data)[:1] == [(_c.AT, _c.AT_BEGINNING)]


def anchored_holds(alternatives: list[str]) -> frozenset[str] | None:
    """Strings one of which every match of an anchored alternative ("^...") among these holds
    (holds()); None when that cannot be told. Where none of them is in the words, the anchored
    alternatives cannot match, and the start of the words is tried only as any other place."""
    found: set[str] = set()
    for alternative in alternatives:
        if alternative.lstrip().startswith("^") and _anchored(alternative):
            held = holds(alternative)
            if held is None:
                return None
            found |= held
    return frozenset(found)


def _bit_table(strings: dict[Hashable, frozenset[str] | None]) -> tuple[dict[Hashable, int], int, dict[str, int]]:
    """A bit for each pattern; the bits of those with no strings (None: may match anywhere); and
    each string with the bits of the patterns it stands for (AT_START aside: Index.at_start)."""
    bits = {key: 1 << n for n, key in enumerate(strings)}
    always, table = 0, {}
    for key, found in strings.items():
        if found is None:
            always |= bits[key]
            continue
        for string in found:
            if string != AT_START:
                table[string] = table.get(string, 0) | bits[key]
    return bits, always, table


class Index:
    """Where in some words each of many patterns may begin, from one pass over the word starts.

    Each start string maps to the patterns (a bit each: `bits[key]`) that can begin with it; a
    pattern with no bound (None) may begin anywhere. `scan(said)` finds, in one pass of an
    Aho-Corasick automaton (pyahocorasick, in C) over the words after a space, every word start
    that a start string begins (looking up the slices at each word start in Python cost about three
    times as much), and its `finditer` tries a pattern only where it may begin: the matches
    `pattern.finditer` finds, for patterns that begin at a word start (the screen's do: they open
    with `(?<![a-z0-9'])`), without trying every alternative at every place in between."""

    def __init__(self, begins: dict[Hashable, frozenset[str] | None], *, walk: bool = False,
                 anchored: dict[Hashable, frozenset[str] | None] | None = None) -> None:
        """`anchored`: for a pattern whose start strings hold AT_START, strings one of which its
        anchored alternatives' matches hold (anchored_holds; None: unknown, always tried there)."""
        self.bits, self.always, table = _bit_table(begins)
        # those that may also begin anyhow at the start of the words (an anchored alternative: AT_START)
        self.at_start = sum(self.bits[key] for key, found in begins.items() if found is not None and AT_START in found)
        held = {key: (anchored or {}).get(key) for key in begins if self.bits[key] & self.at_start}
        self.anchored_gate = Gate(held) if held else None
        self.anchored_bits = {self.anchored_gate.bits[key]: self.bits[key] for key in held} if held else {}
        self.lengths = tuple(sorted({len(start) for start in table}))
        if walk:  # every shorter beginning of a start string too (0 where it is none itself):
            for start in list(table):  # a slice that begins no start string ends the lookups at that word
                for n in range(1, len(start)):
                    table.setdefault(start[:n], 0)
        self.table = table if walk else {}  # (at walks it; scan runs the automaton below)
        self.widths = tuple(range(1, self.lengths[-1] + 1)) if walk and self.lengths else ()
        # for scan (an index that does not walk): every start string after a space, in one automaton
        # (pyahocorasick) run over the words after a space: each word start a start string begins, found in C
        self.automaton = None
        if table and not walk:
            self.automaton = ahocorasick.Automaton()
            for start, bits in table.items():
                self.automaton.add_word(" " + start, (len(start), bits))
            self.automaton.make_automaton()

    def at(self, said: str, at: int = 0) -> int:
        """The patterns that may begin at this one place (a bit each, the unbounded ones too; an
        index made with walk=True)."""
        get, here = self.table.get, self.always
        for width in self.widths:
            bits = get(said[at:at + width])
            if bits is None:
                break
            here |= bits
        return here

    def scan(self, said: str) -> "Scan":
        """Where each pattern may begin (the word starts a start string of it begins) and the patterns
        that may begin somewhere."""
        start_ok = self._start_ok(said)
        if self.automaton is None:
            return Scan(self, said, self.always | self.at_start, [], start_ok)
        places: dict[int, int] = {}
        mask = 0
        for end, (length, bits) in self.automaton.iter(" " + said):
            at = end - length  # (the space before the word is at `at` in " " + said: the word begins there in said)
            places[at] = places.get(at, 0) | bits
            mask |= bits
        return Scan(self, said, mask | self.always | self.at_start, sorted(places.items()), start_ok)

    def _start_ok(self, said: str) -> int:
        """The patterns whose anchored alternatives may match these words (what they hold is in them)."""
        if self.anchored_gate is None:
            return 0
        gate_mask = self.anchored_gate.mask(said)
        return sum(bit for gate_bit, bit in self.anchored_bits.items() if gate_mask & gate_bit)


class Branches:
    """A word pattern `head(?:a1|a2|...)tail` matched one alternative at a time, and only those
    that can begin where it is tried: `match(said, at)` gives the span the whole pattern's match
    gives there.

    Python's `re` tries an alternation's alternatives in order and takes the first that matches
    with what follows it, so the whole pattern matches at a place as the first of its own
    alternatives (each compiled with the head and the tail) that matches there. An alternative
    that cannot begin with the words at that place cannot be that one, and is not tried: a
    screen pattern of some eighty phrasings, many opening alike ("my back ..."), cost a few
    microseconds at every word start its start strings let through, the alternatives that can
    begin there a fraction of that. Each start string names those that can begin with it or with
    a shorter start string it begins with; the words at a place are known by the longest start
    string they begin with, as in Index."""

    def __init__(self, head: str, alternatives: list[str], tail: str) -> None:
        if _parser is None:
            raise ValueError("no parser to bound the alternatives")
        compiled, by_start = [], defaultdict(list)  # start string -> the alternatives that begin so
        for n, alternative in enumerate(alternatives):
            _parser.parse(alternative)  # whole alone (re.error where not: "a)|(b" is no alternative of the whole)
            parsed = _parser.parse(f"{head}(?:{alternative}){tail}")  # (once: bounded and compiled from it,
            begins = _starts(parsed)  # as re.compile compiles what it parses)
            if begins is None:
                raise ValueError(f"an alternative that can begin anyhow: {alternative!r}")
            compiled.append(_compiler.compile(parsed))
            for start in begins:
                by_start[start].append(n)
        if len(by_start) > MAX_STARTS:
            raise ValueError("too many start strings")
        self.begins = frozenset(by_start)  # the whole pattern's start strings: those of its alternatives
        self.lengths = tuple(sorted({len(start) for start in by_start}, reverse=True))
        self.by_start = {start: tuple(compiled[n] for n in sorted({n for width in range(1, len(start) + 1)
                                                                   for n in by_start.get(start[:width], ())}))
                         for start in by_start}

    def match(self, said: str, at: int) -> re.Match[str] | None:
        """The first alternative's match at `at` (the whole pattern's), or None."""
        get = self.by_start.get
        for length in self.lengths:  # the longest start string the words begin with (None: nothing can begin here)
            tried = get(said[at:at + length])
            if tried is not None:
                for pattern in tried:
                    found = pattern.match(said, at)
                    if found is not None:
                        return found
                return None
        return None


class Gated:
    """A pattern that opens with `\\b`, tried only at the word boundaries where one of its start
    strings begins (a long list of phrasings, most of whose alternatives would fail at every place
    of the words): `search` gives what the pattern's own search gives, the first match."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if not pattern.pattern.startswith(r"\b"):
            raise ValueError("a gated pattern opens with \\b")
        self.pattern = pattern
        begins = starts(pattern.pattern)
        self.index = Index({0: begins}, walk=True) if begins is not None else None
        # where a match can begin: a boundary (before a word character, where every start string begins with one)
        word_first = begins is not None and all(re.match(r"\w", start) for start in begins)
        self.places = re.compile(r"\b(?=\w)" if word_first else r"\b")

    def search(self, said: str) -> re.Match[str] | None:
        """What pattern.search(said) finds: the first match, tried only at the places it may begin."""
        if self.index is None:
            return self.pattern.search(said)
        may, match = self.index.at, self.pattern.match
        for place in self.places.finditer(said):
            at = place.start()
            if may(said, at):  # a start string begins here: the pattern's match at this place is all there is
                found = match(said, at)
                if found is not None:
                    return found
        return None


def holds(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` holds somewhere: the start strings of the
    whole pattern, else (where it can begin anyhow: "^(?!...).*\\bpause") those of what follows,
    or of each alternative of an alternation that cannot be bounded as a whole. None when that
    cannot be told (then the pattern may match any words)."""
    return compiled_and_held(pattern)[1]


def compiled_and_held(pattern: str) -> tuple[re.Pattern[str], frozenset[str] | None]:
    """The pattern compiled, and holds(pattern), from one parse."""
    if _parser is None:
        return re.compile(pattern), None
    parsed = _parser.parse(pattern)
    try:
        held = _holds(list(parsed.data))
    except Exception:  # noqa: BLE001 - too many strings, or anything else: always try it
        held = None
    return _compiler.compile(parsed), held


def _holds(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    for k, (op, av) in enumerate(items):
        found = _bounded(items[k:])
        if found is not None:  # a match holds a match of the rest, which begins so
            return found
        inner = None
        if op is _c.BRANCH:  # every alternative holds one of its own strings
            each = [_holds(list(branch.data)) for branch in av[1]]
            inner = None if any(e is None for e in each) else frozenset().union(*each)
        elif op is _c.SUBPATTERN:
            inner = _holds(list(av[-1].data))
        if inner is not None:
            return inner
    return None


def _bounded(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    try:
        found = {start.split(OPEN)[0] for start in _sequence(items, WIDTH)}
    except _Unknown:
        return None
    return None if "" in found or len(found) > MAX_STARTS else frozenset(found)


class Gate:
    """Which of some patterns may match anywhere in some words, from one pass of an Aho-Corasick
    automaton (pyahocorasick, in C) over the strings their matches hold (`holds`): a pattern none
    of whose strings is in the words cannot match, and is not tried. A table of long alternations
    tried one after another (named_words.toml `routine_questions`, each of some thirty phrasings
    that may begin anywhere) cost about 190 µs a turn; the pass about 1 µs, and then only the
    two or three patterns it lets through are tried."""

    def __init__(self, held: dict[Hashable, frozenset[str] | None], *, at_words: bool = False) -> None:
        """`held`: each pattern's holds() (None: it may match any words). `at_words`: the strings
        count only where a word begins (each is looked for after a space, in the words after one),
        as for patterns that begin a word, given their start strings (starts())."""
        self.at_words = at_words
        self.bits, self.always, table = _bit_table(held)
        self.automaton = ahocorasick.Automaton() if table else None
        for string, bits in table.items():
            self.automaton.add_word(" " + string if at_words else string, bits)
        if self.automaton is not None:
            self.automaton.make_automaton()

    def mask(self, said: str) -> int:
        """The patterns (a bit each) that may match somewhere in the words."""
        mask = self.always
        if self.automaton is not None:
            for _, bits in self.automaton.iter(" " + said if self.at_words else said):
                mask |= bits
        return mask


class AnyOf:
    """Keys, each with a list of patterns: which keys have a pattern that matches somewhere in some
    words (what searching each key's alternation finds), trying only the patterns a Gate lets
    through (free_text.toml `asked_again`: some twenty phrasings that may begin anywhere, tried on
    every free-text turn, most of which hold words the turn does not)."""

    def __init__(self, table: dict[Hashable, list[str]]) -> None:
        held: dict[Hashable, frozenset[str] | None] = {}
        compiled: dict[Hashable, re.Pattern[str]] = {}
        for key, patterns in table.items():
            for n, pattern in enumerate(patterns):
                compiled[(key, n)], held[(key, n)] = compiled_and_held(pattern)
        self.gate = Gate(held)
        self.keys = tuple((key, tuple((self.gate.bits[(key, n)], compiled[(key, n)]) for n in range(len(patterns))))
                          for key, patterns in table.items() if patterns)

    def found(self, said: str) -> list[Hashable]:
        """The keys with a pattern that matches somewhere in the words, in the table's order."""
        mask = self.gate.mask(said)
        return [key for key, patterns in self.keys if any(mask & bit and pattern.search(said) for bit, pattern in patterns)]


class Scan(NamedTuple):
    index: Index
    said: str
    mask: int  # a bit for each pattern that may match somewhere (and for every unbounded one)
    where: list[tuple[int, int]]
    start_ok: int = 0  # a bit for each pattern whose anchored alternatives may match (Index.anchored)

    def may(self, key: Hashable) -> bool:
        return bool(self.mask & self.index.bits[key])

    def finditer(self, key: Hashable, pattern: re.Pattern[str], branches: Branches | None = None) -> list[re.Match[str]]:
        """What `pattern.finditer(said)` finds (the spans), trying the pattern only where it may begin
        (and of its `branches`, when given, only those that may begin there)."""
        bit = self.index.bits[key]
        if not self.mask & bit:
            return []
        if self.index.always & bit:
            return list(pattern.finditer(self.said))
        found, end, match = [], 0, branches.match if branches is not None else pattern.match
        if self.index.at_start & self.start_ok & bit:  # (an anchored alternative: the whole pattern at the start of the words)
            hit = pattern.match(self.said, 0)
            if hit is not None:
                found.append(hit)
            end = max(hit.end(), 1) if hit is not None else 1  # (nothing else begins at the start: tried there)
        for at, here in self.where:
            if here & bit and at >= end:
                hit = match(self.said, at)
                if hit is not None:
                    found.append(hit)
                    end = max(hit.end(), at + 1)
        return found


def _sequence(items: list[tuple[Any, Any]], limit: int) -> set[str]:
    """The starts (up to `limit` characters) of what a sequence of parsed items can match."""
    if not items or limit <= 0:
        return {""}
    found: set[str] = set()
    rests: dict[int, set[str]] = {}  # what the rest can start with, by the characters still wanted
    for head in _item(items[0], limit):
        if OPEN in head or len(head) >= limit:
            found.add(head[:limit])
            continue
        wanted = limit - len(head)
        if wanted not in rests:
            rests[wanted] = _sequence(items[1:], wanted)
        found.update(head + tail for tail in rests[wanted])
        if len(found) > MAX_STARTS:
            raise _Unknown("too many starts")
    return found


def _item(item: tuple[Any, Any], limit: int) -> set[str]:
    op, av = item
    if op is _c.LITERAL:
        return {chr(av)}
    if op is _c.IN:
        return _char_class(av)
    if op is _c.BRANCH:
        return set().union(*(_sequence(list(branch.data), limit) for branch in av[1]))
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1].data), limit)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, high, body = av
        body_items = list(body.data)
        if high <= 1:  # optional, or once
            return _sequence(body_items, limit) | ({""} if low == 0 else set())
        # repeated ("\\d+", "(very )*"): one copy, then anything (fewer start strings, still all of them)
        return {start + OPEN for start in _sequence(body_items, limit)} | ({""} if low == 0 else set())
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {""}  # zero-width: it narrows what matches, never what a match starts with
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av.data), limit)
    return {OPEN}  # any character, a back-reference, ...: what follows is not known


def _char_class(av: list[tuple[Any, Any]]) -> set[str]:
    chars: set[str] = set()
    for op, value in av:
        if op is _c.LITERAL:
            chars.add(chr(value))
        elif op is _c.RANGE and value[1] - value[0] <= MAX_CLASS:
            chars.update(chr(c) for c in range(value[0], value[1] + 1))
        elif op is _c.CATEGORY and value is _c.CATEGORY_DIGIT:
            chars.update("0123456789")
        else:  # a negated class, \w, \s, a wide range: any character, as far as starts go
            return {OPEN}
    return chars if len(chars) <= MAX_CLASS else {OPEN}
