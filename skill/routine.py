"""Guided routines as plain functions: which stretches, what one step says, how a hold is timed.

A hold is spoken as a chain of SSML breaks, none over 10 s, with short counts between them,
so the silence adds up to exactly the hold the content gives.
"""
from __future__ import annotations

from typing import Any

from .content import Content
from .session import Routine
from .speech import Part, Pause, pauses_for

SPEECH_SECONDS_PER_STEP = 8  # a rough allowance for the words of a step, for routine lengths
ROUTINE_MINUTES = (2, 5, 10)


def steps_of(text: Content, stretch_id: str) -> list[dict[str, Any]]:
    return text.stretches[stretch_id]["steps"]


def stretch_seconds(text: Content, stretch_id: str) -> int:
    steps = steps_of(text, stretch_id)
    return sum(int(s.get("hold", 0)) for s in steps) + SPEECH_SECONDS_PER_STEP * len(steps)


def nearest_minutes(minutes: int | None) -> int:
    if not minutes or minutes <= 0:
        return 5
    return min(ROUTINE_MINUTES, key=lambda m: abs(m - minutes))


def build(text: Content, minutes: int | None, *, area: str | None = None, position: str | None = None) -> list[str]:
    """Stretches for a routine of about `minutes`: those that fit first, then the rest, in rounds."""
    target = nearest_minutes(minutes) * 60
    fitting = [s for s, d in text.stretches.items()
               if (not area or area in d["areas"]) and (not position or position in d["positions"])]
    order = fitting + [s for s in text.stretches if s not in fitting]
    chosen: list[str] = []
    total = 0
    while total < target * 0.8:
        for sid in order:
            if total >= target * 0.8:
                break
            chosen.append(sid)
            total += stretch_seconds(text, sid)
    return chosen


def hold_parts(text: Content, seconds: int) -> list[Part]:
    """ "Hold." then breaks summing to `seconds`, a count before each last ten, then "And relax." """
    if seconds <= 0:
        return []
    parts: list[Part] = [text.text("guide.hold")]
    first = seconds % 10 or 10
    parts.extend(pauses_for(first))
    remaining = seconds - first
    while remaining > 0:
        parts.append(text.text("guide.count_more", seconds=_spoken_seconds(text, remaining)))
        parts.append(Pause(10))
        remaining -= 10
    parts.append(text.text("guide.release"))
    return parts


def _spoken_seconds(text: Content, seconds: int) -> str:
    try:
        return text.text(f"guide.seconds_{seconds}")
    except KeyError:
        return str(seconds)


def current(text: Content, routine: Routine) -> tuple[str, dict[str, Any], list[dict[str, Any]]]:
    sid = routine.stretch_ids[routine.index]
    return sid, text.stretches[sid], steps_of(text, sid)


def step_parts(text: Content, routine: Routine) -> list[Part]:
    """What one step says: at a stretch's first step, its name and stop-if line come first."""
    sid, data, steps = current(text, routine)
    parts: list[Part] = []
    if routine.step == 0:
        key = "guide.stretch_intro_many" if len(routine.stretch_ids) > 1 else "guide.stretch_intro"
        parts.append(text.text(key, name=data["name"].capitalize(), stop_if=text.text("stretches.stop_if"),
                               number=routine.index + 1, count=len(routine.stretch_ids)))
    step = steps[routine.step]
    parts.append(step["text"])
    parts.extend(hold_parts(text, int(step.get("hold", 0))))
    parts.append(text.text("guide.say_next"))
    return parts


def easier_parts(text: Content, routine: Routine) -> list[Part]:
    """The easier version of the current stretch, stop-if line first."""
    _, data, steps = current(text, routine)
    hold = max((int(s.get("hold", 0)) for s in steps), default=0)
    return [text.text("stretches.stop_if"), data["easier"], *hold_parts(text, hold), text.text("guide.easier_done")]


def advance(text: Content, routine: Routine) -> bool:
    """Move to the next step; False when the routine is finished."""
    _, _, steps = current(text, routine)
    if routine.step + 1 < len(steps):
        routine.step += 1
        return True
    return skip_stretch(routine)


def skip_stretch(routine: Routine) -> bool:
    if routine.index + 1 < len(routine.stretch_ids):
        routine.index, routine.step, routine.easier = routine.index + 1, 0, False
        return True
    return False


def back(text: Content, routine: Routine) -> bool:
    """Move to the previous step; False at the very first step."""
    if routine.step > 0:
        routine.step -= 1
        return True
    if routine.index > 0:
        routine.index -= 1
        routine.step = len(steps_of(text, routine.stretch_ids[routine.index])) - 1
        return True
    return False


def card_data(text: Content, routine: Routine) -> dict[str, Any]:
    """What the APL step card shows."""
    sid, data, steps = current(text, routine)
    step = steps[routine.step]
    return {
        "stretchName": data["name"].capitalize(),
        "stepText": step["text"],
        "stepNumber": routine.step + 1,
        "stepCount": len(steps),
        "holdSeconds": int(step.get("hold", 0)),
        "stopIf": text.text("stretches.stop_if"),
        "stretchNumber": routine.index + 1,
        "stretchCount": len(routine.stretch_ids),
    }
