"""Guided routines: which stretches, what one step says, how a hold is timed, how it is sent.

A hold is spoken as a chain of SSML breaks, none over 10 s, with short counts between them,
so the silence adds up to exactly the hold the content gives. "Make it easier" swaps the
current stretch for its easier version: a set-up step (stop-if line first), then one hold.
The plain functions come first; `speak_step`, `start` and `finish` build the responses the
handlers in guide.py return (with the APL step card of display.py on a device that has a screen).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from . import content, session
from .content import Content
from .dispatch import words
from .session import Routine
from .speech import Part, Pause, Sound, pauses_for, question, render

ROUTINE_MINUTES = (2, 5, 10)
WORDS_PER_SECOND = 2.5  # Alexa's speaking rate, roughly 150 words a minute
QUICK_SECONDS = 150  # routines this short use the quickest stretches that fit
TURN_SECONDS = 3  # the person saying "next", and Alexa answering
HALFWAY_FROM_SECONDS = 20  # holds this long or longer get a spoken halfway cue


def steps_of(text: Content, stretch_id: str) -> list[dict[str, Any]]:
    return text.stretches[stretch_id]["steps"]


def easier_steps(text: Content, stretch_id: str) -> list[dict[str, Any]]:
    """The easier version as steps: set up (no hold), then the stretch's longest hold."""
    data = text.stretches[stretch_id]
    hold = max((int(s.get("hold", 0)) for s in data["steps"]), default=0)
    poses = data.get("easier_poses") or []
    steps: list[dict[str, Any]] = [{"text": data["easier"], "pose": poses[0] if poses else None}]
    if hold:
        steps.append({"text": text.text("guide.easier_hold"), "hold": hold, "pose": poses[-1] if poses else None})
    return steps


def parts_seconds(parts: list[Part]) -> float:
    """About how long some parts take to say: words at Alexa's rate, pauses, sounds."""
    seconds = 0.0
    for part in parts:
        if isinstance(part, Pause):
            seconds += part.seconds
        elif isinstance(part, Sound):
            seconds += part.seconds
        else:
            seconds += len(part.split()) / WORDS_PER_SECOND
    return seconds


def stretch_seconds(text: Content, stretch_id: str) -> float:
    """About how long a stretch takes to say in a routine: each step's words, pauses and chime
    (worked out once a stretch: a finished routine's progress and every routine built read it)."""
    return _stretch_seconds(text.locale, stretch_id)


@lru_cache(maxsize=None)  # bounded: the locales' stretches
def _stretch_seconds(locale: str, stretch_id: str) -> float:
    text = content.for_locale(locale)
    routine = Routine(stretch_ids=[stretch_id, stretch_id])
    total = 0.0
    for step in range(len(steps_of(text, stretch_id))):
        routine.step = step
        total += parts_seconds(step_parts(text, routine))
    return total


def nearest_minutes(minutes: int | None) -> int:
    if not minutes or minutes <= 0:
        return 5
    return min(ROUTINE_MINUTES, key=lambda m: abs(m - minutes))


def build(text: Content, minutes: int | None, *, area: str | None = None, position: str | None = None) -> list[str]:
    """Stretches for a routine of about `minutes`: those that fit first, then the rest, in rounds.

    The time a routine takes is what Alexa says (words, holds, chimes) plus the turns between
    steps (the person saying "next"); stretches are added while each brings the middle of
    those two closer to the target, so both stay near it. A quick routine (two minutes) is the
    one fitting stretch nearest its length.
    """
    target = nearest_minutes(minutes) * 60
    fitting = [s for s, d in text.stretches.items()
               if (not area or area in d["areas"]) and (not position or position in d["positions"])]
    rest = [s for s in text.stretches if s not in fitting]
    said = {s: stretch_seconds(text, s) for s in text.stretches}
    turns = {s: TURN_SECONDS * len(steps_of(text, s)) for s in text.stretches}
    if target <= QUICK_SECONDS:
        for group in (fitting, rest):
            group.sort(key=lambda s: abs(said[s] + turns[s] / 2 - target))
    order = fitting + rest

    def miss(ids: list[str]) -> float:
        return abs(_length(said, turns, ids) - target)

    chosen: list[str] = []
    while True:
        sid = order[len(chosen) % len(order)]
        if chosen and miss([*chosen, sid]) >= miss(chosen):
            return chosen
        chosen.append(sid)


def _length(said: dict[str, float], turns: dict[str, float], ids: list[str]) -> float:
    """A routine's length as build() aims it: what Alexa says plus half the turns between steps."""
    return sum(said[s] + turns[s] / 2 for s in ids)


def minutes_of(text: Content, ids: list[str]) -> int:
    """The routine length (ROUTINE_MINUTES) these stretches come nearest, as build() measures it."""
    said = {s: stretch_seconds(text, s) for s in ids}
    turns = {s: TURN_SECONDS * len(steps_of(text, s)) for s in ids}
    return min(ROUTINE_MINUTES, key=lambda m: abs(m * 60 - _length(said, turns, ids)))


def chime(text: Content) -> Sound:
    """The sound that ends a hold (content/<locale>/sounds.toml)."""
    data = text.raw("sounds.chime")
    return Sound(str(data["src"]), float(data["seconds"]))


def hold_cues(text: Content, seconds: int) -> dict[int, str]:
    """What is said during a hold, by seconds left: a count at each ten, and on a long hold a
    halfway cue at the middle (counts within five seconds of it left out)."""
    half = seconds // 2 if seconds >= HALFWAY_FROM_SECONDS else None
    cues: dict[int, str] = {}
    for left in range(10, seconds, 10):
        if half is None or abs(left - half) > 5:
            cues[left] = text.text("guide.count_more", seconds=_spoken_seconds(text, left))
    if half is not None:
        cues[half] = text.text("guide.halfway", seconds=_spoken_seconds(text, half))
    return cues


def hold_parts(text: Content, seconds: int, *, sounds: bool = True) -> list[Part]:
    """ "Hold.", breaks summing to `seconds` with the cues between, the chime, "And relax." """
    if seconds <= 0:
        return []
    parts: list[Part] = [text.text("guide.hold")]
    before = seconds
    for left, cue in sorted(hold_cues(text, seconds).items(), reverse=True):
        parts.extend(pauses_for(before - left))
        parts.append(cue)
        before = left
    parts.extend(pauses_for(before))
    if sounds:
        parts.append(chime(text))
    parts.append(text.text("guide.release"))
    return parts


def _spoken_seconds(text: Content, seconds: int) -> str:
    try:
        return text.text(f"guide.seconds_{seconds}")
    except KeyError:
        return str(seconds)


def current(text: Content, routine: Routine) -> tuple[str, dict[str, Any], list[dict[str, Any]]]:
    """The current stretch's id, its data, and its steps (the easier ones when made easier)."""
    sid = routine.stretch_ids[routine.index]
    steps = easier_steps(text, sid) if routine.easier else steps_of(text, sid)
    return sid, text.stretches[sid], steps


def step_parts(text: Content, routine: Routine, *, first_of_routine: bool = False, sounds: bool = True) -> list[Part]:
    """What one step says: at a stretch's first step, its name and stop-if line come first.

    Worked out once per step and kept (a step's texts have no variants to pick among), so a
    guided "next" does not build the same words again."""
    return list(_step_parts(text.locale, tuple(routine.stretch_ids), routine.index, routine.step, routine.easier,
                            first_of_routine, sounds))


@lru_cache(maxsize=1024)  # bounded: the stretches' steps, times the few ways into them
def _step_parts(locale: str, stretch_ids: tuple[str, ...], index: int, step_number: int, easier: bool,
                first_of_routine: bool, sounds: bool) -> tuple[Part, ...]:
    text = content.for_locale(locale)
    routine = Routine(list(stretch_ids), index, step_number, easier)
    _, data, steps = current(text, routine)
    parts: list[Part] = []
    if routine.step == 0:
        stop_if = text.text("stretches.stop_if")
        if routine.easier:
            parts.append(stop_if)
        else:
            many = len(routine.stretch_ids) > 1
            key = ("guide.routine_first" if first_of_routine and many else "guide.stretch_intro_many"
                   if many else "guide.stretch_intro")
            parts.append(text.text(key, name=data["name"].capitalize(), stop_if=stop_if, number=routine.index + 1,
                                   count=len(routine.stretch_ids), lower_name=data["name"]))
    step = steps[routine.step]
    parts.append(step["text"])
    parts.extend(hold_parts(text, int(step.get("hold", 0)), sounds=sounds))
    parts.append(text.text("guide.say_next"))
    return tuple(parts)


def advance(text: Content, routine: Routine) -> bool:
    """Move to the next step; False when the routine is finished."""
    _, _, steps = current(text, routine)
    if routine.step + 1 < len(steps):
        routine.step += 1
        return True
    return skip_stretch(routine)


def skip_stretch(routine: Routine) -> bool:
    """On to the next stretch; False when this was the last."""
    if routine.index + 1 < len(routine.stretch_ids):
        routine.index, routine.step, routine.easier = routine.index + 1, 0, False
        return True
    return False


def back(text: Content, routine: Routine) -> bool:
    """Move to the previous step; False at the very first step.

    From the start of an easier version, back is the stretch as it was, from its first step.
    """
    if routine.step > 0:
        routine.step -= 1
        return True
    if routine.easier:
        routine.easier = False
        return True
    if routine.index > 0:
        routine.index -= 1
        routine.step = len(steps_of(text, routine.stretch_ids[routine.index])) - 1
        return True
    return False


def make_easier(routine: Routine) -> None:
    """Switch to the easier version of the current stretch, from its start."""
    if not routine.easier:
        routine.easier, routine.step = True, 0


def hold_seconds(text: Content, routine: Routine) -> int:
    _, _, steps = current(text, routine)
    return int(steps[routine.step].get("hold", 0))


def sounds_on(handler_input: HandlerInput) -> bool:
    """Whether holds end with the chime: yes unless the person said "no sounds" (remembered)."""
    return session.user_record(handler_input).prefs.get("sounds", True) is not False


def running(handler_input: HandlerInput) -> Routine | None:
    return session.turn(handler_input).routine


def stretch_name(handler_input: HandlerInput, routine: Routine) -> str:
    return words(handler_input).stretches[routine.stretch_ids[routine.index]]["name"]


def keep_place(handler_input: HandlerInput, routine: Routine | None, *, now: bool = False) -> bool:
    """Keep (or, with None, drop) the routine place in the person's record.

    With `now`, written at once; True when the store holds it (say "I'll keep your place" only then).
    """
    record = session.user_record(handler_input)
    record.keep_place(routine)
    session.save_user_record(handler_input, record)
    return session.keep_record(handler_input) if now else True


def speak_step(handler_input: HandlerInput, routine: Routine, *lead: str, first: bool = False) -> Response:
    """Say the current step (with any lead-in), keep the place, show the card on a screen."""
    text = words(handler_input)
    state = session.turn(handler_input)
    state.routine, state.pending, state.paused = routine, "routine", False
    keep_place(handler_input, routine)
    from . import display

    sounds = sounds_on(handler_input)
    parts = [*lead, *step_parts(text, routine, first_of_routine=first, sounds=sounds)]
    reply = question(*parts, reprompt=text.text("guide.next_reprompt"),
                     title=stretch_name(handler_input, routine).capitalize())
    if display.has_screen(handler_input):
        reply.directives.append(display.step_card(text, routine, parts))
    return render(handler_input, reply)


def start(handler_input: HandlerInput, stretch_ids: list[str], *lead: str, first: bool = False) -> Response:
    session.turn(handler_input).topic = None
    return speak_step(handler_input, Routine(stretch_ids=stretch_ids), *lead, first=first)


def finish(handler_input: HandlerInput, routine: Routine) -> Response:
    """The last step is done: say so, drop the place, note the progress, offer another stretch
    (a "no" to it may bring the weekly reminder offer: reminders.NoMoreStretches)."""
    from . import progress

    text = words(handler_input)
    state = session.turn(handler_input)
    done = ",".join(dict.fromkeys(routine.stretch_ids))
    state.routine, state.pending, state.offer = None, "stretch", {"offered": done, "finished": "yes"}
    keep_place(handler_input, None)
    progress.note_routine(handler_input, routine)
    key = "guide.routine_done" if len(routine.stretch_ids) > 1 else "guide.stretch_done"
    return render(handler_input, question(text.text(key, name=stretch_name(handler_input, routine)),
                                          reprompt=text.text("guide.another_reprompt")))
