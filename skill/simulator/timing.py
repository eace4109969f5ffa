"""How long the routines take, spoken by a real voice: every step through espeak-ng, measured.

    python -m skill.simulator.timing            a table: each routine, each step, seconds
    python -m skill.simulator.timing --json     the same as JSON

Each step is said as the skill says it (the SSML its response carries, breaks included), by
espeak-ng in SSML mode (`espeak-ng -m`, which honours <break>), written to a WAV file and
measured with Python's `wave`. espeak-ng cannot play the sound library's clips, so each <audio>
becomes a break of the clip's known length (content sounds.toml). Alexa's own voice is not
available offline; espeak-ng at 150 words a minute is close to Alexa's default pace. Each
distinct text is synthesised once per run; nothing is kept between runs.

A routine is every step a person hears from "start a five minute routine" to "that's the
routine done": the routine's lead-in, each step with its hold, and the closing line. `lead` is
the speech before a hold starts (what the person must take in before holding).
"""
from __future__ import annotations

import argparse
import itertools
import json
import shutil
import subprocess
import sys
import tempfile
import wave
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from .. import content, routine
from ..session import Routine
from ..speech import Part, Pause, Sound

RATE_WPM = 150
VOICES = {"en-US": "en-us", "en-GB": "en-gb", "en-CA": "en-us", "en-AU": "en-gb", "en-IN": "en-gb"}


class NoVoice(RuntimeError):
    """espeak-ng is not installed."""


def espeak() -> str:
    found = shutil.which("espeak-ng")
    if not found:
        raise NoVoice("espeak-ng is missing: apt-get install espeak-ng")
    return found


def to_ssml(parts: list[Part]) -> str:
    """The parts as SSML for espeak-ng: each sound becomes a break of the clip's length.

    Alexa plays breaks in a row one after the other (that is how a hold longer than 10 s is
    written), but espeak-ng keeps only the longest of adjacent breaks, so a run of breaks and
    sounds is given to it as one break of their total length.
    """
    out: list[str] = []
    silence = 0.0
    for part in [*parts, ""]:
        if isinstance(part, (Pause, Sound)):
            silence += part.seconds
            continue
        if silence:
            out.append(f'<break time="{round(silence * 1000)}ms"/>')
            silence = 0.0
        if part:
            out.append(escape(part))
    return "<speak>" + " ".join(out) + "</speak>"


class Voice:
    """espeak-ng in one temporary folder; each distinct SSML text spoken and measured once."""

    def __init__(self, locale: str = "en-US", rate: int = RATE_WPM) -> None:
        self.command = [espeak(), "-m", "-s", str(rate), "-v", VOICES.get(locale, "en-us")]
        self.folder = Path(tempfile.mkdtemp(prefix="backpop-voice-"))
        self.seconds: dict[str, float] = {}

    def measure(self, ssmls: list[str], workers: int = 2) -> None:
        todo = sorted(set(ssmls) - set(self.seconds))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for ssml, seconds in zip(todo, pool.map(self._speak, range(len(todo)), todo)):
                self.seconds[ssml] = seconds

    def _speak(self, number: int, ssml: str) -> float:
        path = self.folder / f"{number}.wav"
        subprocess.run([*self.command, "-w", str(path), ssml], check=True, capture_output=True, timeout=120)
        with wave.open(str(path), "rb") as audio:
            seconds = audio.getnframes() / audio.getframerate()
        path.unlink()
        return seconds

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


@dataclass
class Step:
    stretch: str
    step: int
    hold: int
    ssml: str
    lead_ssml: str
    seconds: float = 0.0
    lead: float = 0.0


@dataclass
class Timed:
    minutes: int
    area: str | None
    position: str | None
    stretch_ids: list[str]
    steps: list[Step] = field(default_factory=list)
    closing_ssml: str = ""
    closing: float = 0.0

    @property
    def spoken(self) -> float:
        """Seconds of speech, holds and chimes from the first step to the closing line."""
        return sum(s.seconds for s in self.steps) + self.closing

    @property
    def with_turns(self) -> float:
        """The same, with a turn (the person saying "next", Alexa answering) between responses."""
        return self.spoken + routine.TURN_SECONDS * len(self.steps)


def every_routine(locale: str = "en-US") -> list[Timed]:
    """Every distinct routine the skill builds: each length, with and without each area and position."""
    text = content.for_locale(locale)
    areas = [None, *text.data["stretches"]["areas"]]
    positions = [None, *text.data["stretches"]["positions"]]
    found: dict[tuple[int, tuple[str, ...]], Timed] = {}
    for minutes, area, position in itertools.product(routine.ROUTINE_MINUTES, areas, positions):
        ids = routine.build(text, minutes, area=area, position=position)
        found.setdefault((minutes, tuple(ids)), Timed(minutes, area, position, ids))
    for timed in found.values():
        timed.steps = list(_steps(text, timed))
        key = "guide.routine_done" if len(timed.stretch_ids) > 1 else "guide.stretch_done"
        timed.closing_ssml = to_ssml([text.text(key, name=text.stretches[timed.stretch_ids[-1]]["name"])])
    return list(found.values())


def _steps(text: content.Content, timed: Timed):
    place = Routine(stretch_ids=list(timed.stretch_ids))
    first = True
    while True:
        sid, _, steps = routine.current(text, place)
        parts = routine.step_parts(text, place, first_of_routine=first)
        if first:
            key = "guide.routine_intro" if len(timed.stretch_ids) > 1 else "guide.routine_intro_one"
            parts.insert(0, text.text(key, minutes=timed.minutes, count=len(timed.stretch_ids)))
        lead = parts[:next((i for i, p in enumerate(parts) if isinstance(p, Pause)), len(parts))]
        yield Step(sid, place.step, int(steps[place.step].get("hold", 0)), to_ssml(parts), to_ssml(lead))
        first = False
        if not routine.advance(text, place):
            return


def measure(locale: str = "en-US", rate: int = RATE_WPM) -> list[Timed]:
    """Every routine, each step spoken by espeak-ng and measured."""
    timed = every_routine(locale)
    voice = Voice(locale, rate)
    try:
        voice.measure([s for t in timed for s in (*(x.ssml for x in t.steps), *(x.lead_ssml for x in t.steps),
                                                   t.closing_ssml)])
    finally:
        voice.close()
    for t in timed:
        for step in t.steps:
            step.seconds, step.lead = voice.seconds[step.ssml], voice.seconds[step.lead_ssml]
        t.closing = voice.seconds[t.closing_ssml]
    return timed


def report(timed: list[Timed]) -> str:
    """A table: each routine, then each of its steps."""
    lines = []
    for t in sorted(timed, key=lambda t: (t.minutes, t.stretch_ids)):
        promised = t.minutes * 60
        lines.append(f"{t.minutes:>2} min ({', '.join(t.stretch_ids)}): spoken {t.spoken:6.1f} s "
                     f"({t.spoken / promised:5.0%} of {promised} s); with {routine.TURN_SECONDS} s turns "
                     f"{t.with_turns:6.1f} s ({t.with_turns / promised:5.0%})")
        for s in t.steps:
            lead = f"  before the hold {s.lead:4.1f} s" if s.hold else ""
            lines.append(f"      {s.stretch:<14} step {s.step + 1}  hold {s.hold:>2} s  said {s.seconds:5.1f} s{lead}")
        lines.append(f"      closing line {t.closing:5.1f} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--locale", default="en-US")
    parser.add_argument("--rate", type=int, default=RATE_WPM, help="words a minute (default 150)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    try:
        timed = measure(args.locale, args.rate)
    except NoVoice as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps([{**asdict(t), "spoken": t.spoken, "with_turns": t.with_turns} for t in timed], indent=2))
    else:
        print(report(timed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
