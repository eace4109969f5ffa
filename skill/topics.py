"""What a question is about: its topic, by the nearest labelled example (after the red-flag screen).

Each topic's example phrasings are data (content/<locale>/topic_examples.toml, the same examples
the model's topic intents use as samples). A question's words and every example are folded
(topic_words.toml: "physiotherapy" is "physio"), lightly stemmed and weighted by TF-IDF; the
question goes to the topic of the example it is most like (cosine), and the simulator can say
"routed to topic X by example Y". Chosen by measurement against fuzzy string matching
(rapidfuzz's scorers) on the topic corpus: see tests/test_topic_corpus.py and the commit.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from . import content, prefilter, understand
from .context import normalise

MIN_SCORE = 0.25
MAX_DF = 0.3  # a word in more than this share of the examples is left out of the vectors
_WORD = re.compile(r"[a-z0-9']+")  # a fold entry that is one plain word
_FIRST_WORD = re.compile(r"([a-z0-9']+) ")  # a phrase that starts with a plain word  # below this, the words are too unlike every example to name a topic


class _Phrases:
    """Fold patterns tried where a word starts: the longest written first, the first match wins."""

    def __init__(self, alternatives: list[tuple[str, str]]) -> None:
        self.canonical = [canonical for canonical, _ in alternatives]
        source = "(?:" + "|".join(f"(?P<g{i}>{alt})" for i, (_, alt) in enumerate(alternatives)) + ")(?![a-z'])"
        self.pattern = re.compile(source)
        self.begins = prefilter.starts(source)  # what a match can begin with (None: anything)

    def match(self, said: str, at: int) -> tuple[str, int] | None:
        if not prefilter.may_begin_at(self.begins, said, at):
            return None  # no match can begin here: the alternation is not tried
        found = self.pattern.match(said, at)
        return (self.canonical[int(found.lastgroup[1:])], found.end()) if found else None


@dataclass(frozen=True)
class Routed:
    topic: str
    example: str  # the example it is most like (for explanations)
    score: float  # cosine similarity, 0 to 1


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


class Router:
    """TF-IDF over folded, stemmed words; a topic scores its nearest example plus its centroid.

    Measured on the topic corpus against the nearest example alone (1-NN), k nearest, a centroid
    alone and naive Bayes: the sum of the nearest example's and the centroid's cosine generalised
    best to phrasings the examples did not have (see the commit that chose it)."""

    def __init__(self, examples: dict[str, list[str]], fold: dict[str, list[str]], drop: list[str] = (),
                 stop: list[str] = ()) -> None:
        self.stop = frozenset(_stem(word) for word in stop)
        canon = [("", alt) for alt in drop] + sorted(((c, alt) for c, alts in fold.items() for alt in alts),
                                                     key=lambda pair: len(pair[1]), reverse=True)
        # a plain word is folded by a dict lookup; a phrase by the patterns that can start at its
        # first word (a dict of small alternations), or by the few that start with a pattern
        self._plain: dict[str, str] = {}
        by_first: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for canonical, alt in canon:
            first = _FIRST_WORD.match(alt)
            if _WORD.fullmatch(alt):
                self._plain.setdefault(alt, canonical)
            else:
                by_first[first.group(1) if first else ""].append((canonical, alt))
        self._phrases = {word: _Phrases(alts) for word, alts in by_first.items()}
        every = [(example, topic, Counter(self.words(example))) for topic, phrases in examples.items()
                 for example in phrases]
        df = Counter(word for _, _, doc in every for word in doc)
        n = len(every)
        # stop words in many examples ("my", "back") tell no topic apart: left out (sklearn's
        # max_df, kept to the stop words: "pop" is in most examples and still tells)
        self.common = frozenset(word for word, count in df.items() if count > MAX_DF * n and word in self.stop)
        self.idf = {word: math.log((n + 1) / (count + 1)) + 1 for word, count in df.items() if word not in self.common}
        self.unknown = math.log(n + 1) + 1
        sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        unique: dict[tuple, tuple[str, str, dict[str, float]]] = {}  # examples alike once folded: one entry
        for example, topic, doc in every:
            vector = self._vector(doc)
            for word, weight in vector.items():
                sums[topic][word] += weight
            unique.setdefault((topic, tuple(sorted(vector.items()))), (example, topic, vector))
        self.examples = [(example, topic) for example, topic, _ in unique.values()]
        self.vectors = [vector for _, _, vector in unique.values()]
        index: dict[str, list[tuple[int, float]]] = defaultdict(list)  # word -> (example, weight)
        for i, vector in enumerate(self.vectors):
            for word, weight in vector.items():
                index[word].append((i, weight))
        self.index = dict(index)
        self.having = {word: frozenset(i for i, _ in postings) for word, postings in self.index.items()}
        self.centroids: dict[str, dict[str, float]] = {}
        for topic, total in sums.items():
            norm = math.sqrt(sum(v * v for v in total.values())) or 1.0
            self.centroids[topic] = {w: v / norm for w, v in total.items()}

    def words(self, text: str) -> list[str]:
        said = normalise(text)
        found: list[str] = []
        anywhere = self._phrases.get("")
        at, end = 0, len(said)
        while at < end:
            stop = said.find(" ", at)
            stop = end if stop < 0 else stop
            word = said[at:stop]
            phrases = self._phrases.get(word)
            matches = [m for m in (phrases and phrases.match(said, at), anywhere and anywhere.match(said, at)) if m]
            match = max(matches, key=lambda m: m[1], default=None)  # the longer of the two
            if match:
                canonical, at = match
                found.extend(canonical.split())
                at += 1  # past the space after the phrase
                continue
            found.extend(self._plain.get(word, word).split())
            at = stop + 1
        return [_stem(word) for word in found]

    def _vector(self, counts: Counter) -> dict[str, float]:
        # a word no example has counts as the rarest of words in the length, so words that are
        # mostly unknown ("the weather tomorrow in paris") are unlike every example
        vector = {w: (1 + math.log(c)) * self.idf.get(w, self.unknown) for w, c in counts.items() if w not in self.common}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {w: v / norm for w, v in vector.items() if w in self.idf}

    def route(self, text: str) -> Routed | None:
        vector = self._vector(Counter(self.words(text)))
        # only examples that share a word naming something can be nearest (not only "why is my")
        shared = frozenset().union(*(self.having[w] for w in vector if w not in self.stop and w in self.having))
        if not shared:
            return None  # alike in no word that names a thing ("what is the capital of france")
        scores = [0.0] * len(self.examples)
        for word, weight in vector.items():
            for i, other in self.index.get(word, ()):
                scores[i] += weight * other
        nearest: dict[str, tuple[float, int]] = {}
        for i in sorted(shared):
            topic, score = self.examples[i][1], scores[i]
            if score > nearest.get(topic, (0.0, -1))[0]:
                nearest[topic] = (score, i)

        def total(topic: str) -> float:
            centroid = self.centroids[topic]
            return nearest[topic][0] + sum(weight * centroid.get(word, 0.0) for word, weight in vector.items())

        topic = max(nearest, key=total)
        score, i = nearest[topic]
        if score < MIN_SCORE:
            return None  # too unlike every example
        return Routed(topic, self.examples[i][0], round(score, 3))


@lru_cache(maxsize=None)
def router(locale: str) -> Router:
    examples = {topic: spec.get("examples", []) for topic, spec in content.joined(locale, "topic_examples").items()}
    words = content.joined(locale, "topic_words")
    return Router(examples, words.get("fold", {}), words.get("drop", []), words.get("stop", []))


def route(text: str | None, locale: str | None) -> Routed | None:
    """The topic a question is about, or None when its words are like no example."""
    locale = locale if locale in content.LOCALES else content.DEFAULT_LOCALE
    return router(locale).route(text or "")


@lru_cache(maxsize=None)
def _follow_up_words(locale: str) -> frozenset[str]:
    return frozenset(content.joined(locale, "topic_words").get("follow_up", []))


def follow_up_area(text: str | None, locale: str | None) -> str | None:
    """ "And for my neck?": the area a follow-up names, when it says nothing else, else None."""
    locale = locale if locale in content.LOCALES else content.DEFAULT_LOCALE
    return understand.area_follow_up(text or "", _follow_up_words(locale), locale)


def intent_topics(locale: str | None = None) -> dict[str, str]:
    """The topic each topic intent answers (WhatIsThePopIntent: pop_what)."""
    data = content.joined(locale, "topic_examples")
    return {spec["intent"]: topic for topic, spec in data.items() if "intent" in spec}
