"""Routines timed with a real voice: every step of every routine spoken by espeak-ng, measured.

A routine sold as about 2, 5 or 10 minutes must take that within 15%, both counted as what
Alexa says (words, holds, chimes) and with a 3-second turn between steps (the person saying
"next"); no step asks a person to take in more than 20 seconds of speech before a hold.
The table goes to artifacts/spoken-lengths.txt (and `python -m skill.simulator.timing`).
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from skill import content, routine
from skill.simulator import timing

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
WITHIN = 0.15
MAX_LEAD_SECONDS = 20


@pytest.fixture(scope="module")
def timed():
    if not shutil.which("espeak-ng"):
        if os.environ.get("CI"):
            pytest.fail("CI must install espeak-ng (apt-get install espeak-ng) to time the routines")
        pytest.skip("needs espeak-ng (apt-get install espeak-ng) to time the routines with a real voice")
    measured = timing.measure("en-US")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "spoken-lengths.txt").write_text(timing.report(measured) + "\n", encoding="utf-8")
    return measured


def test_the_voice_honours_breaks_and_runs_of_breaks_are_summed(timed):
    voice = timing.Voice()
    try:
        ssml = timing.to_ssml(["Hold.", *routine.hold_parts(content.for_locale("en-US"), 15)])
        voice.measure([ssml, "<speak>Hold. And relax.</speak>"])
    finally:
        voice.close()
    chime = routine.chime(content.for_locale("en-US")).seconds
    assert voice.seconds[ssml] >= 15 + chime + voice.seconds["<speak>Hold. And relax.</speak>"]


def test_every_routine_is_measured_step_by_step(timed):
    assert {t.minutes for t in timed} == set(routine.ROUTINE_MINUTES)
    for t in timed:
        stretch_steps = sum(len(content.for_locale("en-US").stretches[s]["steps"]) for s in t.stretch_ids)
        assert len(t.steps) == stretch_steps
        for step in t.steps:
            chime = routine.chime(content.for_locale("en-US")).seconds if step.hold else 0
            assert step.seconds > step.hold + chime + 1  # the hold, the chime, and some words


@pytest.mark.parametrize("minutes", routine.ROUTINE_MINUTES)
def test_a_routine_takes_what_it_promises_within_15_percent(timed, minutes):
    promised = minutes * 60
    for t in (t for t in timed if t.minutes == minutes):
        for label, seconds in (("spoken", t.spoken), ("with turns", t.with_turns)):
            assert (1 - WITHIN) * promised <= seconds <= (1 + WITHIN) * promised, (
                f"{minutes} min {t.stretch_ids}: {label} {seconds:.0f} s\n{timing.report([t])}")


def test_no_step_says_more_than_20_seconds_before_its_hold(timed):
    for t in timed:
        for step in t.steps:
            if step.hold:
                assert step.lead <= MAX_LEAD_SECONDS, f"{step.stretch} step {step.step + 1}: {step.lead:.1f} s"
