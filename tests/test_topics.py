"""Which topic a question is about (skill/topics.py), and what free words name (skill/understand.py)."""
from __future__ import annotations

import re

import pytest

from skill import content, topics
from skill.content import LOCALES
from skill.context import normalise
from skill.understand import named


@pytest.mark.parametrize("said, topic", [
    ("what makes that crunching noise in my back", "pop_what"),
    ("i've been trying to crack my back but nothing happens", "pop_wont"),
    ("my back never cracks anymore", "pop_stopped"),
    ("how long until it will pop again", "pop_again"),
    ("is there a trick to getting my back to crack", "pop_how"),
    ("will cracking my back hurt me", "crack_harmful"),
    ("could cracking my knuckles and back give me arthritis", "crack_arthritis"),
    ("is it bad that i crack it ten times a day", "crack_daily"),
    ("would a hot bath help", "bath"),
    ("is ice better than heat", "heat_ice"),
    ("how should i sit at my computer", "desk_posture"),
    ("should i see a physio", "physio"),
    ("physio or chiropractor which one", "professional_choice"),
    ("what sort of things can you do", "capabilities"),
    ("a five minute stretching session", "routine"),
    ("talk me through cat cow", "guide"),
    ("do i need medical help for my back", "symptom_check"),
    ("my lower back aches", "stiffness"),
    ("did it last pop", "pop_last"),  # "when did it last pop": the model's "when {query}" keeps only this
    ("no numbness no fever only stiffness", "stiffness"),  # signs denied say nothing of what is asked
    ("my back's just popped getting out of the car", "pop_noted"),  # a pop just now, with where it happened
    ("i'm not sure how to put this why does my back pop", "pop_what"),  # a preamble of doubt, not a pop that won't come
    # someone's old fall says nothing of what is asked (SomeoneElseIntent puts back "someone else")
    ("someone else had a bad fall last year and she swears by swimming is that good too", "movement"),
    ("for me it's just stiffness no numbness no tingling and no problems with my bladder", "stiffness"),  # a sign denied, dropped
])
def test_a_question_goes_to_the_topic_that_fits(said, topic):
    routed = topics.route(said, "en-US")
    assert routed is not None and routed.topic == topic, routed


@pytest.mark.parametrize("query, heard", [
    ("would a hot bath help no actually is swimming good for it", "swimming"),  # the question taken back
    ("why does my back pop no wait how do i pop it", "Don't force it"),
    ("i will book the physio meanwhile can i do the stretch", "Shall I guide you through it"),
])
def test_a_question_taken_back_is_answered_by_what_is_asked_instead(talk, query, heard):
    """ "Would a hot bath help, no actually, is swimming good for it?": the answer is swimming's;
    "I'll book the physio, meanwhile can I do the stretch": a stretch offered, not the physio answer."""
    talk.launch()
    assert heard in talk.say("QuestionIntent", query=query).speech


@pytest.mark.parametrize("said", ["my back hurts no actually", "i fell no wait that was years ago", "i had a fever no wait that was last year",
                                  "is cracking bad actually hang on"])
def test_nothing_asked_after_a_take_back_leaves_the_words_as_a_whole(said):
    assert topics.asked_instead(said, "en-US") is None


def test_the_route_names_the_example_it_followed():
    routed = topics.route("does a hot water bottle help", "en-US")
    assert routed.topic == "heat" and routed.example in content.joined("en-US", "topic_examples")["heat"]["examples"]


@pytest.mark.parametrize("said", ["order a pizza", "who won the game last night", "what is the capital of france",
                                  "play the radio"])
def test_words_like_no_example_name_no_topic(said):
    assert topics.route(said, "en-US") is None


@pytest.mark.parametrize("locale, said, topic", [
    ("en-AU", "what helps a crook back", "selfcare"), ("en-IN", "should i consult a physio", "physio"),
    ("en-GB", "is physio worth it", "physio"), ("en-US", "should i see a pt", "physio"),
])
def test_a_locale_adds_its_own_words(locale, said, topic):
    assert topics.route(said, locale).topic == topic


@pytest.mark.parametrize("locale", LOCALES)
def test_every_topic_has_an_answer_and_examples_in_every_locale(locale):
    answers = content.for_locale(locale).raw("topics")
    examples = content.joined(locale, "topic_examples")
    actions = {"capabilities", "stretch", "another_stretch", "routine", "guide", "symptom_check", "stiffness", "pop_noted"}
    assert set(examples) == set(answers) | actions
    for topic, data in answers.items():
        assert len(examples[topic]["examples"]) >= 10, topic
        assert len(content.for_locale(locale).text(f"topics.{topic}").split()) <= 40, topic
        assert data.get("next") in (None, *answers) and data.get("lead") in (None, "stretch", "check"), topic


@pytest.mark.parametrize("said, wanted", [
    ("can we do the doorway stretch", {"stretch": "chest_opener"}),
    ("let's try cat cow", {"stretch": "cat_cow"}),
    ("i want to do a five minute stretching session", {"minutes": 5}),
    ("start a stretching routine i can do sitting", {"position": "sitting"}),
    ("a 10 minute workout for my hips", {"minutes": 10, "area": "hips"}),
    ("what can i do at my desk", {"position": "sitting"}),
    ("something for my shoulders", {"area": "upper_back"}),
    ("and for my neck", {"area": "upper_back"}),
])
def test_free_words_name_an_area_a_position_a_stretch_or_minutes(said, wanted):
    found = named(said)
    for field, value in wanted.items():
        assert getattr(found, field) == value


def every_example(router: topics.Router, text: str) -> topics.Routed | None:
    """The route's definition, scoring every example (as the router did before it searched in
    order of what each topic could score): the oracle for the search."""
    from collections import Counter

    vector = router._vector(Counter(router.words(text)))
    having = {word: {i for i, _ in postings} for word, postings in router.index.items()}
    shared = set().union(*(having[w] for w in vector if w not in router.stop and w in having))
    if not shared:
        return None
    scores = [0.0] * len(router.examples)
    for word, weight in vector.items():
        for i, other in router.index.get(word, ()):
            scores[i] += weight * other
    nearest: dict[str, tuple[float, int]] = {}
    for i in sorted(shared):
        topic, score = router.examples[i][1], scores[i]
        if score > nearest.get(topic, (0.0, -1))[0]:
            nearest[topic] = (score, i)

    def total(topic: str) -> float:
        centroid = router.centroids[topic]
        return nearest[topic][0] + sum(weight * centroid.get(word, 0.0) for word, weight in vector.items())

    topic = max(nearest, key=total)
    score, i = nearest[topic]
    return None if score < topics.MIN_SCORE else topics.Routed(topic, router.examples[i][0], round(score, 3))


def _corpus_texts() -> dict[str, set[str]]:
    """Every question of the topic and red-flag corpora, by locale."""
    import corpora

    texts: dict[str, set[str]] = {locale: set() for locale in LOCALES}
    for kind in ("topics", "red_flags"):
        splits = tuple(sorted(path.name for path in (corpora.CORPORA / kind).iterdir() if path.is_dir()))
        for _, case in corpora.read(kind, splits):
            texts[case["locale"]].add(case["text"])
    return texts


def test_the_search_routes_exactly_as_scoring_every_example():
    """Every question of the topic and red-flag corpora, every example, and the examples cut
    short, in every locale: the same topic, example and score as scoring every example."""
    texts = _corpus_texts()
    checked = 0
    for locale in LOCALES:
        router = topics.router(locale)
        examples = [example for example, _ in router.examples]
        words = examples + [" ".join(e.split()[:n]) for e in examples for n in (1, 2, 3)]
        for text in sorted(texts[locale]) + words:
            assert router.route(text) == every_example(router, text), (locale, text)
            checked += 1
    assert checked > 10_000


def test_a_tie_goes_to_the_topic_met_first_as_scoring_every_example_does():
    """Two topics with the same examples tie on every score: the one whose example comes first wins."""
    same = ["why does my knee click", "my elbow aches"]
    router = topics.Router({"alpha": same, "beta": same}, {})
    assert router.route("why does my knee click") == every_example(router, "why does my knee click")
    assert router.route("why does my knee click").topic == "alpha"  # its examples come first


def _whole(phrases: topics._Phrases) -> re.Pattern[str]:
    """The fold patterns as one alternation, every pattern tried at every place (the oracle)."""
    return re.compile("(?:" + "|".join(phrases.sources) + ")(?![a-z'])")


def test_a_fold_matches_as_the_whole_alternation_would():
    """Where words() tries the fold patterns (each word start of every corpus question and
    example, in every locale), the patterns that can begin there match exactly what all of them
    would: the same pattern, to the same end."""
    texts = _corpus_texts()
    checked = 0
    for locale in LOCALES:
        router = topics.router(locale)
        whole = {word: _whole(phrases) for word, phrases in router._phrases.items()}
        for text in sorted(texts[locale]) + [example for example, _ in router.examples]:
            said = normalise(text)
            for at in [0] + [m.end() for m in re.finditer(" ", said)]:
                word = said[at:].split(" ", 1)[0]
                for key in {word, ""} & whole.keys():
                    found = whole[key].match(said, at)
                    expected = (router._phrases[key].canonical[int(found.lastgroup[1:])], found.end()) if found else None
                    assert router._phrases[key].match(said, at) == expected, (locale, said, at)
                    checked += 1
    assert checked > 100_000


def test_a_fold_pattern_that_fails_its_end_gives_way_to_the_next_that_can_begin_there():
    """ "crack(ing)?" cannot end inside "crackle": the next pattern that can begin there
    ("crack\\w*") is tried and wins, as in the whole alternation."""
    router = topics.Router({"pop": ["why does my back pop"], "noise": ["what is that noise"]},
                           {"pop": ["crack(ing)?"], "noise": ["crack\\w*"]})
    assert router.words("cracking in my back") == ["pop", "in", "my", "back"]
    assert router.words("crackle in my back") == ["noise", "in", "my", "back"]
    assert router.words("a crack") == ["a", "pop"]
