"""What a free-form question is about, by its key words (red flags are read first, in safety.py).

Alexa hands the skill the words of a free-form question ("why {query}", "my {query}", ...);
`read()` turns them into a `Heard`: which kind of answer fits and any area, position, stretch
or routine length named. Pure functions, no speech.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(alternatives) + r")\b")


POP = re.compile(r"\b(pop|pops|popping|popped|crack|cracks|cracking|cracked|click|clicks|clicking|snap|crunch\w*|"
                 r"grind\w*|cavitation|noise|sound)")
NOT = _words(r"won'?t", "wont", r"can'?t", "cannot", r"doesn'?t", "does not", r"isn'?t", "not", "never", "no longer",
             "nothing happens", "no luck", "stuck", r"needs? to pop", r"wants? to pop", "hard to")
STOPPED = _words("anymore", "any more", "no longer", "stopped", "used to", "like it used to")
SAFE = _words("safe", "harm", "harmful", "bad", "ok", "okay", "dangerous", "damage", "arthritis", "should i",
              "unhealthy", "healthy", r"hurt me", "risk", "risky", r"good for (me|you)", r"bad for (me|you)")
DOCTOR = _words("doctor", "gp", "symptom", "symptoms", "serious", "worried", "worry", "hospital", "emergency", "what if",
                "warning signs?",
                "checked", "check", "medical", "physician", "clinic", "see someone", "111", "nhs", "urgent care",
                "a and e", "er")
PROFESSIONAL = _words("chiropractor", "chiro", "physio", "physiotherapist", "physical therapist", "therapist",
                      "osteopath", "massage")
CARE = _words("heat", "heating", "hot", "warm", "bath", "water", "posture", "walk", "walking", "swim", "swimming",
              "yoga", "pilates", "relief", "relieve", "ease", "loosen", "else", "tips?", "advice", "remedy", "remedies",
              "help with", "help my", "what can i do")
STRETCH = _words("stretch", "stretches", "stretching", "exercise", "exercises", "move", "moves", "movement", "twist")
ROUTINE = _words("routine", "session", "workout", "a few stretches", "some stretches")
DO = _words("do", "start", "begin", "guide", "walk me", "take me", "lead me", "coach me", "let'?s", "let us", "try")
GOOD_FOR = _words("good for", "helps?", "best for", r"for (a|my) (stiff|tight|sore|achy)")
ACHE = _words("stiff", "stiffness", "ache", "aches", "aching", "sore", "tight", "tense", "hurts?", "pain", "painful",
              "killing me", "playing up", "bad back")
AREAS = {"lower_back": r"lower back|low back|lumbar", "upper_back": r"upper back|mid back|middle back|shoulders?",
         "hips": r"\bhips?\b|glutes?", "chest": r"\bchest\b|\bpecs?\b"}
POSITIONS = {"sitting": r"sitting|seated|chair|desk|office|at work", "lying": r"lying|laying|in bed|on the floor",
             "standing": r"standing|stand up", "hands_knees": r"hands and knees|all fours|kneeling"}
STRETCH_NAMES = {"cat_cow": r"cat ?cow|cat and cow|cat camel", "knee_to_chest": r"knees? to chest|knee hug|hug my knees",
                 "seated_twist": r"seated (spinal )?twist|chair twist|desk twist|sitting twist",
                 "supine_twist": r"supine|lying (torso )?twist|floor twist|lying down twist",
                 "chest_opener": r"chest opener|doorway|door frame|chest stretch|pec stretch"}
UNSURE = _words("not sure", "unsure", r"don'?t know", "no idea", "maybe", "possibly", "kind of", "sort of")
MINUTES = {"two": 2, "couple": 2, "quick": 2, "short": 2, "five": 5, "ten": 10, "long": 10}


@dataclass(frozen=True)
class Heard:
    """What a free-form question asks for."""

    kind: str  # pop, professional, doctor, routine, guide, stretch, selfcare, ache, unsure, unclear
    topic: str | None = None  # for pop: what, wont, stopped, safe
    area: str | None = None
    position: str | None = None
    stretch: str | None = None
    minutes: int | None = None


def _first(table: dict[str, str], text: str) -> str | None:
    return next((key for key, pattern in table.items() if re.search(pattern, text)), None)


def _minutes(text: str) -> int | None:
    digits = re.search(r"\b(\d+) minutes?\b", text)
    if digits:
        return int(digits.group(1))
    return next((m for word, m in MINUTES.items() if re.search(rf"\b{word}\b", text)), None)


def read(said: str) -> Heard:
    """The kind of answer a free-form question needs, and what it names."""
    text = " ".join(said.lower().replace("’", "'").split())
    area, position, stretch = _first(AREAS, text), _first(POSITIONS, text), _first(STRETCH_NAMES, text)
    if POP.search(text) and not stretch:
        topic = "stopped" if STOPPED.search(text) else "wont" if NOT.search(text) else \
            "safe" if SAFE.search(text) else "what"
        return Heard("pop", topic=topic)
    if PROFESSIONAL.search(text):
        return Heard("professional")
    if DOCTOR.search(text):
        return Heard("doctor")
    if ROUTINE.search(text):
        return Heard("routine", area=area, position=position, minutes=_minutes(text))
    if stretch:
        return Heard("guide" if DO.search(text) else "stretch", stretch=stretch)
    if STRETCH.search(text) or position or (GOOD_FOR.search(text) and (area or ACHE.search(text))
                                            and not CARE.search(text)):
        return Heard("stretch", area=area or ("lower_back" if "back" in text else None), position=position)
    if CARE.search(text):
        return Heard("selfcare", area=area)
    if ACHE.search(text):
        return Heard("ache", area=area)
    if area:
        return Heard("stretch", area=area)
    if UNSURE.search(text):
        return Heard("unsure")
    return Heard("unclear")
