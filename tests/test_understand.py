"""Free-form questions are answered by their key words: what kind of answer, and what they name."""
from __future__ import annotations

import pytest

from skill.understand import read


@pytest.mark.parametrize("said, kind, topic", [
    ("what makes that crunching noise in my back", "pop", "what"),
    ("i've been trying to crack my back but nothing happens", "pop", "wont"),
    ("my back never cracks anymore", "pop", "stopped"),
    ("will cracking my back hurt me", "pop", "safe"),
    ("is it unhealthy to crack your back", "pop", "safe"),
    ("why does my back crack when i twist", "pop", "what"),
])
def test_questions_about_the_pop_get_the_right_topic(said, kind, topic):
    heard = read(said)
    assert (heard.kind, heard.topic) == (kind, topic)


@pytest.mark.parametrize("said, kind, named", [
    ("can we do the doorway stretch", "guide", {"stretch": "chest_opener"}),
    ("let's try cat cow", "guide", {"stretch": "cat_cow"}),
    ("is the knee hug any good", "stretch", {"stretch": "knee_to_chest"}),
    ("i want to do a five minute stretching session", "routine", {"minutes": 5}),
    ("start a stretching routine i can do sitting", "routine", {"position": "sitting"}),
    ("a 10 minute workout for my hips", "routine", {"minutes": 10, "area": "hips"}),
    ("what can i do at my desk", "stretch", {"position": "sitting"}),
    ("what's good for a stiff lower back", "stretch", {"area": "lower_back"}),
    ("something for my shoulders", "stretch", {"area": "upper_back"}),
    ("would a hot bath help", "selfcare", {}),
    ("do i need medical help for my back", "doctor", {}),
    ("should i see a physio", "professional", {}),
    ("my lower back aches", "ache", {"area": "lower_back"}),
    ("the weather tomorrow", "unclear", {}),
    ("should i ring 111", "doctor", {}),
    ("my back is killing me", "ache", {}),
    ("hmm not sure", "unsure", {}),
])
def test_requests_get_the_right_kind_and_what_they_name(said, kind, named):
    heard = read(said)
    assert heard.kind == kind
    for field, value in named.items():
        assert getattr(heard, field) == value
