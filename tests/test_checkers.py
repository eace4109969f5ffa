"""The independent checkers themselves: they catch what they are there to catch.

Every response of the conversation tests goes through ssml-check-core at the end of the run
(conftest.py); these tests make sure that check can fail, and that the skill's own SSML shapes
(holds, the chime) pass it.
"""
from __future__ import annotations

import pytest

import independent_checkers
from skill import content, routine
from skill.speech import ssml_body


@pytest.fixture(autouse=True)
def checkers():
    independent_checkers.need()


def errors_of(*ssmls: str) -> list[list[dict]]:
    found = independent_checkers.run({"ssml": [{"locale": "en-US", "ssml": s} for s in ssmls]})["ssml"]
    by_index = {f["index"]: f["errors"] for f in found}
    return [by_index.get(i, []) for i in range(len(ssmls))]


def test_ssml_check_core_catches_what_alexa_refuses():
    clip = '<audio src="soundbank://soundlibrary/musical/amzn_sfx_church_bell_1x_02"/>'
    bad = errors_of('<speak>Hold. <break time="11s"/></speak>', "<speak>Salt & pepper</speak>",
                    f"<speak>{clip * 6}</speak>", '<speak><prosody rate="5%">slow</prosody></speak>')
    assert all(bad), bad


def test_every_hold_as_the_skill_writes_it_passes():
    t = content.for_locale("en-US")
    holds = [f"<speak>{ssml_body(routine.hold_parts(t, s, sounds=on))}</speak>"
             for s in (6, 15, 20, 30, 40, 60) for on in (True, False)]
    assert errors_of(*holds) == [[]] * len(holds)
