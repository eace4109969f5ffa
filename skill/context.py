"""ConText over a person's spoken words (Harkema et al., J Biomed Inform 2009).

ConText decides what a mention of a clinical concept means from the words around it: a
*trigger* ("no", "my husband", "maybe", "years ago", "what if") modifies the mentions inside
its *scope* (forward, backward or both, up to `max_scope` words), and the scope ends early at a
*terminator* ("but", "though", ...). A *pseudo-trigger* contains a trigger's words without its
meaning ("no doubt", "not only"), so it blocks it. A trigger inside a mention's own words does
not modify it: "can't feel" is numbness, not a denial.

This module is the algorithm only. What it looks for is data: `Rules.from_data` takes the
concept vocabulary (terms, and concepts composed of terms or written as phrases) and the
modifier rules, both read from `skill/content/<locale>/` by screen.py. Patterns are regular
expressions over lowercase words (letters, digits, apostrophes), matched at word boundaries.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, NamedTuple

from . import prefilter

FORWARD, BACKWARD, BOTH = "forward", "backward", "bidirectional"
DEFAULT_WINDOW = 6  # words allowed between the parts of a composed concept
DEFAULT_SCOPE = 8


_DROPPED_G = re.compile(r"(?<=[a-z]{2})in'(?=(ll)?(?![a-z0-9']))")  # not "in's": "pain's", "Kevin's"
# a word or a few said again at once, as people restart ("not been, not been trying", "it's, it's weird"): read
# once, but for what context.toml's `said_again` keeps (Rules.said_once)
_SAID_AGAIN = re.compile(r"(?<![\w'])([a-z0-9'][\w']*(?: [\w']+){0,2})(?: \1(?![\w']))+")


_NOT_A_WORD = re.compile(r"[^a-z0-9' ]+")


def normalise(text: str | None) -> str:
    """Lowercase words, digits and apostrophes, single-spaced: the form every pattern sees. A
    dropped g is put back ("killin'" is read "killing", "nothin'll" "nothing'll"). Kept for the
    last thousand texts: the screen, the routing and the plain reading each read a turn's words."""
    return _normalised(text) if text else ""


@lru_cache(maxsize=1024)
def _normalised(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    if "in'" in text:
        text = _DROPPED_G.sub(lambda m: "ing'" if m.group(1) else "ing", text)
    return " ".join(_NOT_A_WORD.sub(" ", text).split())


def _begins(pattern: re.Pattern[str] | None, branches: prefilter.Branches | None = None,
            phrasings: Iterable[str] = ()) -> frozenset[str] | None:
    if branches is not None:
        return branches.begins  # (worked out already, from its alternatives)
    if pattern is None:
        return None
    begins = prefilter.starts(pattern.pattern)
    if begins is None and any(p.strip().startswith("^") for p in phrasings):  # ("^(?!...).*\\blegs ...": there, or where the rest begin)
        begins = prefilter.starts_but_anchored(_HEAD, _ordered(phrasings), _TAIL)
    return begins


_HEAD, _TAIL = r"(?<![a-z0-9'])", r"(?![a-z0-9])"  # a pattern's words begin and end words
BRANCHED = 30  # an alternation with this many phrasings that open with a group is tried by its branches


def _ordered(patterns: Iterable[str]) -> list[str]:
    """The phrasings of an alternation in the order it tries them: the longest first, and those of a
    length in the order of their text (a set's order changes with each process's string hashing:
    two phrasings of a length that match at one place with different ends gave a span that could
    differ from one process to the next)."""
    return sorted({p.strip() for p in patterns if p and p.strip()}, key=lambda p: (-len(p), p))


def _alternation(patterns: Iterable[str]) -> re.Pattern[str] | None:
    return _compiled(_ordered(patterns))


def _compiled(ordered: list[str]) -> re.Pattern[str] | None:
    return re.compile(_HEAD + "(?:" + "|".join(ordered) + ")" + _TAIL) if ordered else None


_REFERENCE = re.compile(r"\\[1-9]|\(\?P=")  # a back-reference: a phrasing that reads another's group


def _branched(patterns: Iterable[str]) -> tuple[re.Pattern[str] | None, prefilter.Branches | None]:
    """The alternation, and its branches (prefilter.Branches) where trying them pays and each
    stands alone. `re` passes over a phrasing that opens with a letter by that letter alone, but
    enters each that opens with a group ("(sharp |bad )?pain"): measured over new questions,
    branches pay where some thirty of those make the whole slow at every place it is tried
    (a few microseconds a question), and below that save less than they cost to build."""
    ordered = _ordered(patterns)
    pattern = _compiled(ordered)
    if sum(phrase.startswith("(") for phrase in ordered) < BRANCHED or any(map(_REFERENCE.search, ordered)):
        return pattern, None
    try:
        return pattern, prefilter.Branches(_HEAD, ordered, _TAIL)
    except (ValueError, re.error):  # a phrasing that can begin anyhow, or not whole alone: the whole is tried
        return pattern, None


class Mention(NamedTuple):
    """A concept found in the words, and what the words around it say about it."""

    concept: str
    start: int  # character offsets in the normalised text
    end: int
    text: str
    modifiers: frozenset[str] = frozenset()
    parts: tuple[tuple[int, int], ...] = ()  # the words that make it up (a composed concept's terms)


class _Hit(NamedTuple):
    start: int
    end: int


@dataclass
class _Concept:
    name: str  # the concept it finds (a table may name another id: several ways to one concept)
    phrases: re.Pattern[str] | None
    compositions: list[tuple[str, ...]]
    unless: re.Pattern[str] | None  # anywhere in the mention's clause
    unless_said: re.Pattern[str] | None  # anywhere in the words
    window: int
    phrases_begin: frozenset[str] | None = None  # what a phrase can start with (prefilter)
    if_said: re.Pattern[str] | None = None  # must be somewhere in the words too


@dataclass
class _Modifier:
    category: str
    direction: str
    pattern: re.Pattern[str]
    max_scope: int
    excluded: frozenset[str]
    stop_at: re.Pattern[str] | None  # words that end this category's scope (besides terminators)
    pseudo: re.Pattern[str] | None  # words holding this rule's trigger without its meaning
    through: re.Pattern[str] | None  # terminators this rule's scope reaches across ("but it's gone now")
    if_said: re.Pattern[str] | None = None  # the rule applies only where these words are said too
    unless_said: re.Pattern[str] | None = None  # ... and never where these are ("it comes and goes")


def _listed(context: dict[str, Any], key: str, template: str) -> re.Pattern[str] | None:
    """A top-level word list of context.toml as one pattern, placed in `template` ({}: the
    alternation); None where the list is absent or empty."""
    return re.compile(template.format("|".join(context[key]))) if context.get(key) else None


@dataclass
class Rules:
    """Compiled concept vocabulary and modifier rules for one language."""

    terms: dict[str, re.Pattern[str]]
    term_pseudo: dict[str, re.Pattern[str]]
    concepts: list[_Concept]
    modifiers: list[_Modifier]
    pseudo: re.Pattern[str] | None
    terminators: re.Pattern[str] | None
    breaks: re.Pattern[str] | None  # words across which a composed concept never reaches
    term_begins: dict[str, frozenset[str] | None] = field(default_factory=dict)  # prefilter.starts
    index: prefilter.Index | None = None  # where terms (by name) and concepts' phrases (by place) may begin
    needs: list[tuple[int, tuple[int, ...], int]] = field(default_factory=list)  # per concept: its phrases' bit,
    # each composition's terms' bits (index.bits), and all of them together (0: no quick test): a concept
    # none of whose ways may match is passed over
    branches: dict[str | int, prefilter.Branches] = field(default_factory=dict)  # long alternations (terms by name,
    # concepts' phrases by place), tried where the index lets them by only the phrasings that may begin there
    cache: dict[str, list[Mention]] = field(default_factory=dict)
    said_cache: dict[str, str] = field(default_factory=dict)  # the words as given -> as the patterns read them
    spelled: dict[str, str] = field(default_factory=dict)  # a word as it may come -> as the patterns spell it
    spelled_apart: re.Pattern[str] | None = None  # words heard apart ("h i v", "p ing"), respelled as one
    apart: prefilter.Gate | None = None  # whether any of those words are there (one pass, not a search for each)
    trailing: re.Pattern[str] | None = None  # words that may follow a trigger at the end of words (ends_in_trigger)
    preamble: re.Pattern[str] | None = None  # openers that carry nothing the rules read ("quick question,"), dropped
    leaning: re.Pattern[str] | None = None  # words that lean on what follows them ("... his legs just"), at the end
    owners: frozenset[str] = frozenset()  # whose a sign is, said as the first word of its own words ("his legs ...")
    doubled_kept: frozenset[str] = frozenset()  # words said doubled on purpose ("nine nine nine"; `said_again.keep`)
    doubled_short: frozenset[str] = frozenset()  # the short words read once when said again (`said_again.short`)
    last_scan: prefilter.Scan | None = None  # the prefilter's scan of the words read last (search)

    @classmethod
    def from_data(cls, words: dict[str, Any], context: dict[str, Any]) -> "Rules":
        terms, term_pseudo, branches = {}, {}, {}
        for name, term in words.get("terms", {}).items():
            terms[name], branches[name] = _branched(term.get("words", []))
            if term.get("pseudo"):
                term_pseudo[name] = _alternation(term["pseudo"])
        concepts = []
        for name, spec in words.get("concepts", {}).items():
            compositions = [tuple(c) for c in spec.get("with", [])]
            unknown = {t for c in compositions for t in c} - set(terms)
            if unknown:
                raise ValueError(f"concept {name} uses unknown terms {sorted(unknown)}")
            phrases, branches[len(concepts)] = _branched(spec.get("phrases", []))
            concepts.append(_Concept(spec.get("id", name), phrases, compositions,
                                     _alternation(spec.get("unless", [])), _alternation(spec.get("unless_said", [])),
                                     int(spec.get("window", DEFAULT_WINDOW)),
                                     _begins(phrases, branches[len(concepts)], spec.get("phrases", [])),
                                     _alternation(spec.get("if_said", []))))
        modifiers = []
        symptom_ids = {c.name for c in concepts}
        for rule in context.get("rules", []):
            pattern = _alternation(rule["phrases"])
            if pattern is None:
                continue
            # `only`: the concepts it modifies, every other one excluded ("nearly fell" denies a fall alone)
            excluded = symptom_ids - set(rule["only"]) if "only" in rule else set(rule.get("excluded", []))
            modifiers.append(_Modifier(rule["category"], rule.get("direction", FORWARD), pattern,
                                       int(rule.get("max_scope", DEFAULT_SCOPE)), frozenset(excluded),
                                       _alternation(rule.get("stop_at", [])), _alternation(rule.get("pseudo", [])),
                                       _alternation(rule.get("through", [])), _alternation(rule.get("if_said", [])),
                                       _alternation([*rule.get("unless_said", []),
                                                     *([] if rule.get("whatever_said") else
                                                       context.get("unless_said", {}).get(rule["category"], []))])))
        spelled = {heard: written for written, forms in context.get("spelled", {}).items() for heard in forms}
        apart = sorted((heard for heard in spelled if " " in heard), key=len, reverse=True)
        term_begins = {name: _begins(term, branches[name], words["terms"][name].get("words", [])) for name, term in terms.items()}
        anchored = {**{name: prefilter.anchored_holds(term.get("words", [])) for name, term in words.get("terms", {}).items()},
                    **{n: prefilter.anchored_holds(spec.get("phrases", []))
                       for n, spec in enumerate(words.get("concepts", {}).values())}}
        index = prefilter.Index({**term_begins, **{n: c.phrases_begin for n, c in enumerate(concepts)}}, anchored=anchored)
        needs = []
        for n, c in enumerate(concepts):
            phrases_bit = index.bits[n] if c.phrases else 0
            compositions = tuple(sum(index.bits[term] for term in set(parts)) for parts in c.compositions)
            reach = 0 if not all(compositions) else phrases_bit
            for bits in compositions:
                reach |= bits  # (0: no quick test, as where a composition has no terms)
            needs.append((phrases_bit, compositions, reach))
        return cls(terms, term_pseudo, concepts, modifiers, _alternation(context.get("pseudo", [])),
                   _alternation(context.get("terminators", [])), _alternation(words.get("breaks", [])),
                   term_begins, index, needs, {key: b for key, b in branches.items() if b is not None}, spelled=spelled,
                   apart=prefilter.Gate({0: frozenset(apart)}) if apart else None, spelled_apart=re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, apart)) + r")(?![\w'])") if apart else None,
                   trailing=_listed(context, "trailing", r"(?:^| )(?:{})$"), preamble=_listed(context, "preamble", r"^(?:(?:{}) )+"),
                   leaning=_listed(context, "leaning", r"(?: (?:{}))+$"), owners=frozenset(context.get("owners", [])),
                   doubled_kept=frozenset(context.get("said_again", {}).get("keep", [])),
                   doubled_short=frozenset(context.get("said_again", {}).get("short", [])))

    # -- reading --------------------------------------------------------------------------------

    def said(self, text: str | None) -> str:
        """The words as the patterns read them: normalised, an opener that says nothing dropped
        ("quick question before the stretch, is ..."), and respelled ("didnt": "didn't").
        Kept for the last few hundred texts: a request's words are read so by several rules."""
        if not text:
            return normalise(text)
        kept = self.said_cache.get(text)
        if kept is not None:
            return kept
        said = self._respelled(normalise(text))
        if len(self.said_cache) > 512:
            self.said_cache.clear()
        self.said_cache[text] = said
        return said

    def _respelled(self, said: str) -> str:
        if self.preamble is not None:
            said = self.preamble.sub("", said, count=1)
        if self.spelled_apart is not None and self.apart.mask(said):  # (none there: nothing to respell)
            said = " ".join(self.spelled_apart.sub(lambda m: self.spelled[m.group(0)], said).split())  # (a filler: "")
        if self.spelled:
            words = said.split(" ")
            if not self.spelled.keys().isdisjoint(words):  # (none of them: the words as they are)
                said = " ".join(spelled for spelled in map(self.spelled.get, words, words) if spelled)  # ("um": "", taken out)
        words = said.split(" ")
        if len(set(words)) < len(words):
            said = _SAID_AGAIN.sub(self._said_once, said)
        return said

    def _said_once(self, match: re.Match[str]) -> str:
        unit = match.group(1)
        words = unit.split(" ")
        if not self.doubled_kept.isdisjoint(words) or (len(words) == 1 and len(unit) < 4 and unit not in self.doubled_short):
            return match.group(0)
        return unit

    def read(self, text: str | None) -> list[Mention]:
        """Every concept mentioned in the words, with its modifiers."""
        said = self.said(text)
        if said in self.cache:
            return self.cache[said]
        mentions = self._modify(said, self._targets(said)) if said else []
        if len(self.cache) > 512:
            self.cache.clear()
        self.cache[said] = mentions
        return mentions

    def ends_in_trigger(self, text: str | None) -> bool:
        """The words end with a trigger that modifies what comes after it ("no", "without",
        "never had", "what if i get", "my husband has"; the `trailing` words such as "had" or
        "i" aside): what they were said in front of is missing from them."""
        said = self.said(text)
        while self.trailing and said:
            cut = self.trailing.search(said)
            if cut is None or cut.start() == 0:
                break
            said = said[:cut.start()].rstrip()
        blocked = self._blocked(said)
        return any(trigger.end() == len(said) for rule in self.modifiers if rule.direction != BACKWARD
                   for trigger in self._live_triggers(rule, said, blocked))

    def ends_in_term(self, text: str | None, names: Iterable[str]) -> bool:
        """The words end with one of these terms ("... both me legs": the `legs` term), or with one
        and a word that only leans on what follows ("... his legs just" + "keep giving out")."""
        said = self.said(text)
        said = self.leaning.sub("", said) if self.leaning is not None else said
        return any(self.terms.get(name) is not None and any(m.end() == len(said) for m in self.terms[name].finditer(said))
                   for name in names)

    def triggers(self, text: str | None, categories: set[str]) -> list[str]:
        """The categories of the modifier triggers in the words (for words no concept matched)."""
        said = self.said(text)
        return [rule.category for rule in self.modifiers if rule.category in categories and rule.pattern.search(said)]

    def search(self, name: str, said: str) -> re.Match[str] | None:
        """The first match of a term (by name) in words as `said()` gives them; None also where the
        term is not there. Right after the screen read these words (the same request's piece and
        whose-sign checks), a term its scan found no start of is not searched: it cannot match."""
        term = self.terms.get(name)
        if term is None:
            return None
        scan = self.last_scan
        if scan is not None and scan.said == said and not scan.may(name):
            return None
        return term.search(said)

    def _targets(self, said: str) -> list[Mention]:
        hits: dict[str, list[_Hit]] = {}
        breaks: list[int] | None = None  # where composed concepts' parts may not reach across (read when one is composed)
        scan = self.last_scan = self.index.scan(said) if self.index else None
        may = scan.mask if scan else -1  # a bit for each term and phrases that may match; -1: all may

        def finditer(key: str | int, pattern: re.Pattern[str]) -> Iterable[re.Match[str]]:
            return scan.finditer(key, pattern, self.branches.get(key)) if scan else pattern.finditer(said)

        def term_hits(name: str) -> list[_Hit]:
            if name not in hits:
                pattern = self.terms[name]
                found = [_Hit(m.start(), m.end()) for m in finditer(name, pattern)] if pattern else []
                blocker = self.term_pseudo.get(name)
                if blocker and found:
                    blocked = _overlapping(blocker, said)
                    found = [h for h in found if not any(s < h.end and h.start < e for s, e in blocked)]
                hits[name] = found
            return hits[name]

        found: list[Mention] = []
        for n, (concept, (phrases, compositions, reach)) in enumerate(zip(self.concepts, self.needs)):
            if (reach and not may & reach) or (not may & phrases and all(may & terms != terms for terms in compositions)):
                continue  # none of its ways can match these words (first: none of its phrases' or terms' bits at all)
            spans = [((m.start(), m.end()),) for m in finditer(n, concept.phrases)] if may & phrases else []
            for parts, terms in zip(concept.compositions, compositions):
                if may & terms == terms and all(term_hits(part) for part in parts):  # every part must be there
                    if breaks is None:
                        breaks = [m.start() for m in self.breaks.finditer(said)] if self.breaks else []
                    spans.extend(_compose([term_hits(part) for part in parts], said, concept.window, breaks))
            if not spans or (concept.unless_said and concept.unless_said.search(said)) or (
                    concept.if_said and not concept.if_said.search(said)):
                continue
            for parts in spans:
                start, end = min(s for s, _ in parts), max(e for _, e in parts)
                if concept.unless and _clause_has(said, start, end, concept.unless, self.terminators):
                    continue
                found.append(Mention(concept.name, start, end, said[start:end], parts=parts))
        return found

    def _blocked(self, said: str) -> list[tuple[int, int]]:
        """Where the words hold a trigger without its meaning, for every rule (`pseudo`)."""
        return [(m.start(), m.end()) for m in self.pseudo.finditer(said)] if said and self.pseudo else []

    @staticmethod
    def _live_triggers(rule: _Modifier, said: str, blocked: list[tuple[int, int]]) -> list[re.Match[str]]:
        """The rule's triggers in the words, but those inside its own or every rule's pseudo
        words, and none where the rule's `if_said` words are not said or its `unless_said` words are."""
        if (rule.if_said and not rule.if_said.search(said)) or (rule.unless_said and rule.unless_said.search(said)):
            return []
        own = blocked + ([(m.start(), m.end()) for m in rule.pseudo.finditer(said)] if rule.pseudo else [])
        return [t for t in rule.pattern.finditer(said) if not any(s <= t.start() and t.end() <= e for s, e in own)]

    def _opens_as_owner(self, category: str, trigger: str, t0: int, mention: Mention) -> bool:
        """Whose the sign is, said as the first word of one of its own parts ("his legs have gone
        numb": context.toml `owners`), makes it someone else's though it is inside the words."""
        return category == "other" and trigger in self.owners and any(s == t0 for s, _ in mention.parts)

    def _modify(self, said: str, targets: list[Mention]) -> list[Mention]:
        if not targets:
            return []
        blocked = self._blocked(said)
        ends = [(m.start(), m.end()) for m in self.terminators.finditer(said)] if self.terminators else []
        scopes: list[tuple[str, int, int, int, int, frozenset[str]]] = []
        words = [(m.start(), m.end()) for m in re.finditer(r"\S+", said)]
        for rule in self.modifiers:
            triggers = self._live_triggers(rule, said, blocked)
            if not triggers:
                continue
            stops = [(m.start(), m.end()) for m in rule.stop_at.finditer(said)] if rule.stop_at else []
            crossed = {(m.start(), m.end()) for m in rule.through.finditer(said)} if rule.through else set()
            limits = [e for e in ends if e not in crossed]
            for trigger in triggers:
                t0, t1 = trigger.start(), trigger.end()
                low, high = t0, t1
                if rule.direction in (FORWARD, BOTH):
                    high = _reach_forward(words, t1, rule.max_scope, limits + [s for s in stops if s[0] >= t1])
                if rule.direction in (BACKWARD, BOTH):
                    low = _reach_backward(words, t0, rule.max_scope, limits + [s for s in stops if s[1] <= t0])
                scopes.append((rule.category, low, high, t0, t1, rule.excluded))
        modified = []
        for mention in targets:
            nearest: dict[str, int] = {}
            for category, low, high, t0, t1, excluded in scopes:
                if mention.concept in excluded or (any(t0 < e and s < t1 for s, e in mention.parts)
                                                   and not self._opens_as_owner(category, said[t0:t1], t0, mention)):
                    continue  # a trigger inside the mention's own words does not modify it (but see _opens_as_owner)
                if any(s < high and low < e for s, e in mention.parts):  # the scope reaches the mention's words
                    gap = (min(max(s - t1, t0 - e, 0) for s, e in mention.parts), -t0)
                    nearest[category] = min(gap, nearest.get(category, gap))
            if "negated" in nearest and "possible" in nearest:  # the nearer trigger decides; as near, the later said
                nearest.pop("possible" if nearest["negated"] < nearest["possible"] else "negated")
            modified.append(Mention(mention.concept, mention.start, mention.end, mention.text, frozenset(nearest),
                                    mention.parts))
        return modified


def _overlapping(pattern: re.Pattern[str], said: str) -> list[tuple[int, int]]:
    """Every match of `pattern`, overlapping ones too ("the autumn leaves" and "leaves that fell"
    both hold "fall" without its meaning)."""
    spans, at = [], 0
    while (m := pattern.search(said, at)) is not None:
        spans.append((m.start(), m.end()))
        at = m.start() + 1
    return spans


def _compose(parts: list[list[_Hit]], said: str, window: int, breaks: list[int]) -> list[tuple[tuple[int, int], ...]]:
    """Spans where one hit of every part lies within `window` words of the others, in one clause."""
    if any(not p for p in parts):
        return []
    spans = []
    first, rest = parts[0], parts[1:]
    for anchor in first:
        chosen = [anchor]
        for hits in rest:
            near = [h for h in hits if _words_between(said, anchor, h) <= window
                    and not any(min(anchor.start, h.start) < b < max(anchor.end, h.end) for b in breaks)]
            if not near:
                break
            chosen.append(min(near, key=lambda h: abs(h.start - anchor.start)))
        else:
            spans.append(tuple((h.start, h.end) for h in chosen))
    return spans


def _words_between(said: str, a: _Hit, b: _Hit) -> int:
    left, right = (a, b) if a.start <= b.start else (b, a)
    if right.start < left.end:
        return 0
    return len(said[left.end:right.start].split())


def _clause_has(said: str, start: int, end: int, pattern: re.Pattern[str], terminators: re.Pattern[str] | None) -> bool:
    low, high = 0, len(said)
    for m in terminators.finditer(said) if terminators else ():
        if m.end() <= start:
            low = max(low, m.end())
        elif m.start() >= end:
            high = min(high, m.start())
    return pattern.search(said, low, high) is not None


def _reach_forward(words: list[tuple[int, int]], position: int, max_words: int, ends: list[tuple[int, int]]) -> int:
    """The end of the scope that starts at `position`: up to `max_words` words, never past a terminator."""
    limit = min((s for s, _ in ends if s >= position), default=None)
    inside = [w for w in words if w[0] >= position and (limit is None or w[0] < limit)][:max_words]
    return inside[-1][1] if inside else position


def _reach_backward(words: list[tuple[int, int]], position: int, max_words: int, ends: list[tuple[int, int]]) -> int:
    """The start of the scope that ends at `position`: up to `max_words` words back, never before a terminator."""
    limit = max((e for _, e in ends if e <= position), default=0)
    inside = [w for w in words if w[1] <= position and w[0] >= limit][-max_words:] if max_words else []
    return inside[0][0] if inside else position
