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
from functools import lru_cache
from typing import NamedTuple

from . import content, prefilter, understand
from .context import normalise

MIN_SCORE = 0.25
ASKED_INSTEAD_FROM = 0.4  # what follows "no actually" is read alone when at least this like an example ("that was years ago" is not a question)
ASKED_LATER_BELOW = 0.3  # words this unlike every example as a whole: the question asked after a story is routed alone
MAX_DF = 0.28  # a word in more than this share of the examples is left out of the vectors
_SLACK = 1 + 1e-9  # a topic's bound, kept above what rounding could make its best score
# topics that ask for a stretch or routine: a request said with why it is asked is routed alone ("can we do my neck
# today, it's gone stiff from the drive": the stretch, not the stiffness)
ASKS_FOR_STRETCH = frozenset({"stretch", "guide", "another_stretch", "routine"})
FIRST_TRY = "capabilities"  # the topic of a first try of the speaker (topic_words.toml `first_try`)
# questions about the skill itself, each with a reply of its own (basics.toml `about_<topic>`)
ABOUT_SKILL = ("privacy", "sources")
# words that name their topic outright, whatever else they are like, in this order (topic_words.toml): a first
# try of the speaker ("can you hear me?", "my daughter's set this up for me"); what the skill keeps ("do you
# remember me", "are you recording me"); where its words come from ("where are you getting this from", "is this
# medical advice"); what it is and is not ("are you a physical therapist or something")
SAID_OUTRIGHT = {"first_try": FIRST_TRY, "privacy_asked": "privacy", "sources_asked": "sources", "scope_asked": "scope"}
_WORD = re.compile(r"[a-z0-9']+")  # a fold entry that is one plain word
_FIRST_WORD = re.compile(r"([a-z0-9']+) ")  # a phrase that starts with a plain word  # below this, the words are too unlike every example to name a topic


class _Phrases:
    """Fold patterns tried where a word starts: the longest written first, the first match wins.

    Only the patterns that can begin with the words at that place are tried (their start
    strings, prefilter.starts), as one small alternation in the written order: the same match as
    the whole alternation, which would try the rest only to fail, without walking its code
    (tests/test_topics.py holds words() to the whole one). The words at a place are known by
    the longest start string they begin with, so each start string's alternation (its own
    patterns, those of the start strings it begins with, and those that can begin anyhow) is
    compiled when the router is built: a question never waits for a compile."""

    def __init__(self, alternatives: list[tuple[str, str]]) -> None:
        self.canonical = [tuple(canonical.split()) for canonical, _ in alternatives]
        self.sources = sources = [f"(?P<g{i}>{alt})" for i, (_, alt) in enumerate(alternatives)]
        always: set[int] = set()  # patterns that could begin with anything
        by_start: dict[str, set[int]] = defaultdict(set)
        for i, (_, alt) in enumerate(alternatives):
            begins = prefilter.starts(alt)
            if begins is None:
                always.add(i)
            for start in begins or ():
                by_start[start].add(i)
        self.lengths = sorted({len(start) for start in by_start})
        self.heads = {start.split(" ")[0] for start in by_start if " " in start}  # (for can_open)
        compiled: dict[frozenset[int], re.Pattern[str]] = {}

        def alternation(chosen: frozenset[int]) -> re.Pattern[str]:
            if chosen not in compiled:
                source = "|".join(sources[i] for i in sorted(chosen))
                compiled[chosen] = re.compile(f"(?:{source})(?![a-z'])")
            return compiled[chosen]

        self.always = alternation(frozenset(always)) if always else None
        self.by_start = {start: alternation(frozenset(always.union(*(by_start.get(start[:n], ()) for n in self.lengths
                                                                      if n <= len(start)))))
                         for start in by_start}

    def can_open(self, word: str) -> bool:
        """Whether a pattern can begin where `word` begins (a word: a space or the end after it):
        a start string is a prefix of the word, or the word and a space then more."""
        if self.always is not None:
            return True
        return word in self.heads or any(word[:length] in self.by_start for length in self.lengths
                                         if length <= len(word))

    def match(self, said: str, at: int) -> tuple[tuple[str, ...], int] | None:
        by_start = self.by_start
        pattern = self.always
        for length in self.lengths:  # the longest start string the words begin with names the alternation
            found = by_start.get(said[at:at + length])
            if found is not None:
                pattern = found
        if pattern is None:
            return None  # no pattern can begin here
        found = pattern.match(said, at)
        return (self.canonical[int(found.lastgroup[1:])], found.end()) if found else None


class Routed(NamedTuple):
    topic: str
    example: str  # the example it is most like (for explanations)
    score: float  # cosine similarity, 0 to 1


@lru_cache(maxsize=4096)
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
        self._plain: dict[str, tuple[str, ...]] = {}  # a word -> the words it folds to
        by_first: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for canonical, alt in canon:
            first = _FIRST_WORD.match(alt)
            if _WORD.fullmatch(alt):
                self._plain.setdefault(alt, tuple(canonical.split()))
            else:
                by_first[first.group(1) if first else ""].append((canonical, alt))
        self._phrases = {word: _Phrases(alts) for word, alts in by_first.items()}
        # every word of the examples and the folds, read once (_entry): a question's words are
        # mostly among them, and each is then one lookup in one table, not a walk of the start
        # strings of the patterns that can begin anywhere, a fold lookup and a stem each
        every_word = {word for phrases in examples.values() for example in phrases for word in normalise(example).split()}
        self._lexicon = {word: self._entry(word) for word in every_word | self._plain.keys() | self._phrases.keys()
                         if word}  # ("" keys the patterns that can begin anywhere: an empty word is read by _entry)
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
        self.centroids: dict[str, dict[str, float]] = {}
        for topic, total in sums.items():
            norm = math.sqrt(sum(v * v for v in total.values())) or 1.0
            self.centroids[topic] = {w: v / norm for w, v in total.items()}
        # for the search (nearest): topics by number; per word, its weight in each topic's
        # centroid plus its largest weight in any of the topic's examples (a topic can score no
        # more than the sum of those over the words); per word and topic, (the example's place
        # among the topic's examples, its weight) for the examples that have the word
        self.topics = sorted(self.centroids)
        self.members = [[i for i, (_, topic) in enumerate(self.examples) if topic == t] for t in self.topics]
        in_topic: dict[str, dict[int, list[tuple[int, float]]]] = defaultdict(lambda: defaultdict(list))
        for n, members in enumerate(self.members):
            for k, i in enumerate(members):
                for word, weight in self.vectors[i].items():
                    in_topic[word][n].append((k, weight))
        by_word = {word: {n: (tuple(p), frozenset(k for k, _ in p)) for n, p in by_topic.items()}
                   for word, by_topic in in_topic.items()}
        # all the search reads of a word, by one lookup: whether it names something; its bounds, in
        # topic order (only the topics that have the word); and per topic that has it (postings, the
        # examples, its weight in the centroid)
        self.records = {word: (word not in self.stop,
                               tuple((n, self.centroids[self.topics[n]].get(word, 0.0) + max(w for _, w in postings))
                                     for n, (postings, _) in sorted(by_topic.items())),
                               {n: (postings, having, self.centroids[self.topics[n]][word])
                                for n, (postings, having) in by_topic.items()})
                        for word, by_topic in by_word.items()}

    def _entry(self, word: str) -> tuple[_Phrases | None, _Phrases | None, tuple[str, ...]]:
        """All words() reads of a word: its own fold patterns, the patterns that can begin anywhere
        when one can begin at it, and the stems it folds to when none matches."""
        anywhere = self._phrases.get("")
        return (self._phrases.get(word), anywhere if anywhere is not None and anywhere.can_open(word) else None,
                tuple(_stem(folded) for folded in self._plain.get(word, (word,))))

    def words(self, text: str) -> list[str]:
        said = normalise(text)
        found: list[str] = []
        lexicon = self._lexicon
        at, end = 0, len(said)
        while at < end:
            stop = said.find(" ", at)
            stop = end if stop < 0 else stop
            word = said[at:stop]
            phrases, anywhere, stems = lexicon.get(word) or self._entry(word)
            if phrases is not None or anywhere is not None:
                match = phrases.match(said, at) if phrases else None
                other = anywhere.match(said, at) if anywhere else None
                if other is not None and (match is None or other[1] > match[1]):
                    match = other  # the longer of the two; the word's own on a tie
                if match:
                    canonical, at = match
                    found.extend(_stem(part) for part in canonical)
                    at += 1  # past the space after the phrase
                    continue
            found.extend(stems)
            at = stop + 1
        return found

    def _vector(self, counts: dict[str, int]) -> dict[str, float]:
        # a word no example has counts as the rarest of words in the length, so words that are
        # mostly unknown ("the weather tomorrow in paris") are unlike every example
        vector = {w: (1 + math.log(c)) * self.idf.get(w, self.unknown) for w, c in counts.items() if w not in self.common}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {w: v / norm for w, v in vector.items() if w in self.idf}

    def route(self, text: str, without: frozenset[str] = frozenset()) -> Routed | None:
        counts: dict[str, int] = {}  # (as Counter counts them, in the order first met, without its overhead)
        for word in self.words(text):
            counts[word] = counts.get(word, 0) + 1
        return self.nearest(self._vector(counts), without)

    def nearest(self, vector: dict[str, float], without: frozenset[str] = frozenset()) -> Routed | None:
        """The topic whose nearest example plus centroid is most like the vector (its nearest
        example among those sharing a word that names something, not only "why is my").

        Topics are scored in the order of what they could score at most (for each word, its
        weight in the topic's centroid plus its largest in the topic's examples), and the search stops
        at a topic that could not beat the best so far: the same answer, float for float, as
        scoring every example (tests/test_topics.py holds it to that), a topic or two scored.
        """
        records = [(weight, self.records[word]) for word, weight in vector.items()]
        candidates = {n for _, (naming, _, by_topic) in records if naming for n in by_topic if self.topics[n] not in without}
        if not candidates:
            return None  # alike in no word that names a thing ("what is the capital of france")
        most: dict[int, float] = {}  # what each topic could score at most
        for weight, (_, bounds, _) in records:
            for n, bound in bounds:
                most[n] = most.get(n, 0.0) + weight * bound
        best: tuple = ()  # total, -first shared example, score, example, topic
        for bound, n in sorted(((most[n] * _SLACK, n) for n in candidates), reverse=True):
            if best and bound < best[0]:
                break  # neither this topic nor any after it can come first
            members = self.members[n]
            scores = [0.0] * len(members)  # summed word by word, as over every example
            shared: set[int] = set()  # the examples that share a word naming something
            near = []  # the centroid's cosine, summed in the vector's order (a word the topic lacks would add 0.0)
            for weight, (naming, _, by_topic) in records:
                found = by_topic.get(n)
                if found is None:
                    continue
                postings, having, centroid = found
                near.append(weight * centroid)
                for k, other in postings:
                    scores[k] += weight * other
                if naming:
                    shared.update(having)
            order = sorted(shared)
            k = max(order, key=scores.__getitem__)  # the first of the best
            candidate = (scores[k] + sum(near), -members[order[0]], scores[k], members[k], self.topics[n])
            if not best or candidate[:2] > best[:2]:
                best = candidate  # ties go to the topic met first among the examples, as before
        _, _, score, i, topic = best
        if score < MIN_SCORE:
            return None  # too unlike every example
        return Routed(topic, self.examples[i][0], round(score, 3))


@lru_cache(maxsize=None)
def router(locale: str) -> Router:
    examples = {topic: spec.get("examples", []) for topic, spec in content.joined(locale, "topic_examples").items()}
    words = content.joined(locale, "topic_words")
    return Router(examples, words.get("fold", {}), words.get("drop", []), words.get("stop", []))


@lru_cache(maxsize=512)  # (as route)
def route_without(text: str | None, locale: str | None, topic: str) -> Routed | None:
    """The topic the words are most like but `topic` ("do that knee hug thing" is no knee's click)."""
    locale = locale if locale in content.LOCALES else content.DEFAULT_LOCALE
    return router(locale).route(text or "", frozenset({topic}))


@lru_cache(maxsize=512)  # as the screen keeps its readings: a question many people ask is routed once
def route(text: str | None, locale: str | None) -> Routed | None:
    """The topic a question is about, or None when its words are like no example. Words like no
    example as a whole may still ask something in their last clause ("my nan had a fall, she's
    fine now, but my back's proper stiff"): that clause is routed alone."""
    locale = locale if locale in content.LOCALES else content.DEFAULT_LOCALE
    if _says(text, locale, "elsewhere"):
        return None  # "play some rain sounds", "turn on the lights": asked of Alexa or another skill, no topic here
    outright = _outright(locale).found(normalise(text)) if text else []
    if outright:
        return Routed(SAID_OUTRIGHT[outright[0]], "", 1.0)  # (one pass over the words for all four lists)
    found = router(locale).route(text or "")
    said = normalise(text) if text else ""
    if found is None and said:
        turn = _turns(locale).match(said)  # (it opens with .*: a match at the start or none, as search finds, not tried at every place)
        if turn is not None:
            found = router(locale).route(turn.group(1))
    if said and (found is None or found.score < ASKED_LATER_BELOW or _story_then(locale).search(said)):
        asked = _asks(locale).search(said)
        if asked is not None:  # "my mate came off his motorbike ... can cracking mine do damage like that"
            later = router(locale).route(asked.group(1))
            if later is not None and (found is None or later.score > found.score):
                found = later
    reason = _listed(locale, "request_then_reason").match(said) if said else None  # (a stretch asked for, then why)
    if reason is not None:  # "can we do my neck today, it's gone stiff from the drive": the stretch asked for
        asked = router(locale).route(reason.group("ask"))
        if asked is not None and asked.topic in ASKS_FOR_STRETCH and (found is None or asked.score > found.score):
            found = asked
    return found


@lru_cache(maxsize=None)
def _story_then(locale: str) -> re.Pattern[str]:
    """A clause told, then a question word opening the next ("my dad fell off a ladder last year but
    he's fine now, why won't mine pop": `story_then`, topic_words.toml): the question is routed alone
    too, and the better reading wins, however well the whole was."""
    return re.compile("|".join(content.joined(locale, "topic_words").get("story_then", [])) or r"(?!)")


@lru_cache(maxsize=None)
def _asks(locale: str) -> re.Pattern[str]:
    """The question asked after a story, from the first word that opens one (`asks`, topic_words.toml)."""
    asks = sorted(content.joined(locale, "topic_words").get("asks", []), key=len, reverse=True)
    return re.compile(r"^.+?\b((?:" + "|".join(asks) + r") .+)$")


@lru_cache(maxsize=None)
def _turns(locale: str) -> re.Pattern[str]:
    """The last clause after a word that turns to what the person asks (`turns`, topic_words.toml)."""
    turns = sorted(content.joined(locale, "topic_words").get("turns", []), key=len, reverse=True)
    return re.compile(r".*\b(?:" + "|".join(turns) + r") (.+)$")


def asked_instead(text: str | None, locale: str | None) -> str | None:
    """ "Would a hot bath help, no actually, is swimming good for it": the words after the last
    that take back what was being asked (`instead`, topic_words.toml), when they are a question on
    their own (ASKED_INSTEAD_FROM); else None (the words as a whole are read: "I had a fever, no
    wait, that was years ago" asks nothing instead)."""
    locale = locale if locale in content.LOCALES else content.DEFAULT_LOCALE
    rest = said_instead(text, locale)
    if len(rest.split()) < 2:
        return None
    routed = route(rest, locale)
    return rest if routed is not None and routed.score >= ASKED_INSTEAD_FROM else None


def said_instead(text: str | None, locale: str | None) -> str:
    """The words after the last that take back what was said ("skip this one, actually no, scratch
    that, I'll keep going, next": "i'll keep going next"; `instead`, topic_words.toml), or ""."""
    return _after_last(text, locale if locale in content.LOCALES else content.DEFAULT_LOCALE, "instead").strip()


def asks_something(text: str | None, locale: str | None) -> bool:
    """ "... can I do it again right away": a question asked in the words (`asks`, topic_words.toml)."""
    locale = locale if locale in content.LOCALES else content.DEFAULT_LOCALE
    return bool(text) and _asks(locale).search(normalise(text)) is not None


def asks_which(text: str | None, locale: str | None) -> bool:
    """ "Okay, but which one would you go with?": the skill asked to choose between what it named."""
    return _says(text, locale, "which_one")


def asks_same_again(text: str | None, locale: str | None) -> bool:
    """ "Can you do the same for my wife?": what was just done, asked again for someone (`same_again`)."""
    return _says(text, locale, "same_again")


def names_back(text: str | None, locale: str | None) -> bool:
    """The back or spine is named (`back_named`, topic_words.toml)."""
    return _says(text, locale, "back_named")


def asks_why(text: str | None, locale: str | None) -> bool:
    """ "... why's that?": why something happens asked (`why_asked`)."""
    return _says(text, locale, "why_asked")


def asks_vaguely(text: str | None, locale: str | None) -> str | None:
    """ "Why does it do that?" ("why") or "so how do I do it?" ("how"), naming nothing: about what was
    just said (`vague_why`, `vague_how`), else None."""
    return "why" if _says(text, locale, "vague_why") else "how" if _says(text, locale, "vague_how") else None


def cracked_by_them(text: str | None, locale: str | None) -> bool:
    """ "... I crack my back ...": the person cracks it themselves (`cracked_by_them`)."""
    return _says(text, locale, "cracked_by_them")


def asks_bad(text: str | None, locale: str | None) -> bool:
    """ "... is that bad?": whether what was told is harmful asked (`bad_asked`)."""
    return _says(text, locale, "bad_asked")


def asks_what_it_was(text: str | None, locale: str | None) -> bool:
    """ "something just clicked in my back, what was that": what the pop told was asked (`what_asked`)."""
    return _says(text, locale, "what_asked")


def asks_about_pop(text: str | None, locale: str | None) -> bool:
    """ "... is something broken?": a question asked about a pop told (`pop_asked`)."""
    return _says(text, locale, "pop_asked")


def asks_wont(text: str | None, locale: str | None) -> bool:
    """ "... is that why it won't go now?", "and why won't it crack": why it will not pop asked (`wont_asked`)."""
    return _says(text, locale, "wont_asked")


def asks_to_be_led(text: str | None, locale: str | None) -> bool:
    """ "Walk me through a stretch for my lower back": to be led through one (`led`), not only asked
    what there is to do ("what can I do lying on the floor")."""
    return _says(text, locale, "led")


def asks_what_to_do(text: str | None, locale: str | None) -> bool:
    """ "What can I do standing by the car?": something to do asked for (`what_to_do`)."""
    return _says(text, locale, "what_to_do")


def asks_check(text: str | None, locale: str | None) -> bool:
    """ "Before I do any stretches at my desk, kindly check my symptoms": the check asked for in so
    many words (`check_asked`), whatever else the words are like."""
    return _says(text, locale, "check_asked")


def asked_last_to_do(text: str | None, locale: str | None) -> str | None:
    """ "... anyway I'm stuck in the parking lot, what can I do standing up?": the words after the
    last `what_to_do` when the question ends with them (one to four words), else None."""
    locale = locale if locale in content.LOCALES else content.DEFAULT_LOCALE
    rest = _after_last(text, locale, "what_to_do").split()
    return " ".join(rest) if 0 < len(rest) <= 4 else None


def _after_last(text: str | None, locale: str, key: str) -> str:
    """The words after the last of topic_words.toml's patterns under `key`, or "" when none is said."""
    said = normalise(text or "")
    if not _any_of(locale, key).found(said):
        return ""  # (most turns: no pattern's words are there, and the alternation is not scanned)
    last = None
    for last in _listed(locale, key).finditer(said):
        pass
    return said[last.end():] if last is not None else ""


def _says(text: str | None, locale: str | None, key: str) -> bool:
    """The words hold one of topic_words.toml's patterns under `key` (what searching `_listed`
    finds, trying only the patterns whose words are there: `elsewhere`'s alternation, searched at
    every place, cost some 27 µs a question; through prefilter.AnyOf about 2)."""
    locale = locale if locale in content.LOCALES else content.DEFAULT_LOCALE
    return bool(text) and bool(_any_of(locale, key).found(normalise(text)))


def said_outright(text: str | None, locale: str | None) -> bool:
    """The words name a topic outright (SAID_OUTRIGHT: "hello? is this the back thing" is a first try, not the back)."""
    locale = locale if locale in content.LOCALES else content.DEFAULT_LOCALE
    return bool(text) and bool(_outright(locale).found(normalise(text)))


@lru_cache(maxsize=None)
def _outright(locale: str) -> prefilter.AnyOf:
    """SAID_OUTRIGHT's lists, in its order, read in one pass (prefilter.AnyOf.found gives the keys found in order)."""
    words = content.joined(locale, "topic_words")
    return prefilter.AnyOf({key: words.get(key, []) for key in SAID_OUTRIGHT})


@lru_cache(maxsize=None)
def _any_of(locale: str, key: str) -> prefilter.AnyOf:
    return prefilter.AnyOf({key: content.joined(locale, "topic_words").get(key, [])})


@lru_cache(maxsize=None)
def _listed(locale: str, key: str) -> re.Pattern[str]:
    found = content.joined(locale, "topic_words").get(key, [])
    return re.compile("|".join(f"(?:{p})" for p in found) if found else r"(?!)")


@lru_cache(maxsize=None)
def _follow_up_words(locale: str) -> frozenset[str]:
    return frozenset(content.joined(locale, "topic_words").get("follow_up", []))


def follow_up_area(text: str | None, locale: str | None) -> str | None:
    """ "And for my neck?": the area a follow-up names, when it says nothing else, else None."""
    locale = locale if locale in content.LOCALES else content.DEFAULT_LOCALE
    return understand.area_follow_up(text or "", _follow_up_words(locale), locale, _taken_back(locale))


@lru_cache(maxsize=None)
def _taken_back(locale: str) -> re.Pattern[str]:
    """`taken_back` words, said just before an area (the end of the text searched)."""
    return re.compile(rf"(?:{_listed(locale, 'taken_back').pattern}) ?$")


def intent_topics(locale: str | None = None) -> dict[str, str]:
    """The topic each topic intent answers (WhatIsThePopIntent: pop_what)."""
    data = content.joined(locale, "topic_examples")
    return {spec["intent"]: topic for topic, spec in data.items() if "intent" in spec}
