"""What a screen shows during a guided step: the APL step card with a drawing of the pose, the
step's words, and, during a hold, a countdown and a progress bar that run on the device.

The card (skill/apl/step_card.json) defines every style and resource it uses. The drawings are
data (skill/apl/poses.json: stick figures as lines, drawn for this project); `pose_graphic`
turns one into an APL vector graphic (AVG), and only the step's own drawing goes into the
document. The countdown needs no further requests: the datasource says when, in milliseconds
after the card appears, the hold starts and ends (estimated from what is said before and during
it, as routine.parts_seconds does), and the document compares APL's `elapsedTime` with those.
"""
from __future__ import annotations

import copy
import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.interfaces.alexa.presentation.apl import RenderDocumentDirective

from .content import Content
from .routine import current, parts_seconds
from .session import Routine
from .speech import Part, Pause

TOKEN = "backpop-step"
BOX = (240, 150)
INK = {"body": ("#9EC5FE", 8, 1.0), "far": ("#9EC5FE", 8, 0.4), "props": ("#5D6D7E", 3, 1.0),
       "arrows": ("#FFD479", 4, 1.0)}
HEAD_RADIUS = 10


def _apl_file(name: str) -> dict[str, Any]:
    return json.loads((Path(__file__).resolve().parent / "apl" / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def poses() -> dict[str, dict[str, Any]]:
    """Every drawing, by name (skill/apl/poses.json)."""
    return {k: v for k, v in _apl_file("poses.json").items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def step_card_template() -> dict[str, Any]:
    return _apl_file("step_card.json")


def _line(points: list[list[float]]) -> str:
    return "M" + " L".join(f"{x:g},{y:g}" for x, y in points)


def _arrow_head(points: list[list[float]], size: float = 9) -> str:
    (x0, y0), (x1, y1) = points[-2], points[-1]
    angle = math.atan2(y1 - y0, x1 - x0)
    left = (x1 - size * math.cos(angle - 0.5), y1 - size * math.sin(angle - 0.5))
    right = (x1 - size * math.cos(angle + 0.5), y1 - size * math.sin(angle + 0.5))
    return f"M{left[0]:.1f},{left[1]:.1f} L{x1:g},{y1:g} L{right[0]:.1f},{right[1]:.1f}"


@lru_cache(maxsize=None)
def pose_graphic(name: str) -> dict[str, Any]:
    """One drawing as an AVG graphic: props, far limbs (lighter), body, head, movement arrows."""
    pose = poses()[name]
    items: list[dict[str, Any]] = []
    for kind in ("props", "far", "body", "arrows"):
        color, width, opacity = INK[kind]
        for points in pose.get(kind, []):
            data = _line(points) + (" " + _arrow_head(points) if kind == "arrows" else "")
            items.append({"type": "path", "pathData": data, "stroke": color, "strokeWidth": width,
                          "strokeOpacity": opacity, "strokeLineCap": "round", "strokeLineJoin": "round",
                          "fillOpacity": 0})
    x, y = pose["head"]
    r = HEAD_RADIUS
    items.append({"type": "path", "fill": INK["body"][0],
                  "pathData": f"M{x - r:g},{y:g} A{r},{r} 0 1,0 {x + r:g},{y:g} A{r},{r} 0 1,0 {x - r:g},{y:g} Z"})
    return {"type": "AVG", "version": "1.2", "width": BOX[0], "height": BOX[1], "items": items}


def step_pose(text: Content, routine: Routine) -> str:
    """The drawing for the current step (the easier version has its own two)."""
    _, _, steps = current(text, routine)
    return steps[routine.step]["pose"]


def hold_timeline(parts: list[Part]) -> tuple[int, int]:
    """When the hold starts and ends, in ms after the card appears: what is said before the first
    pause, then the pauses and the counts between them."""
    pauses = [i for i, p in enumerate(parts) if isinstance(p, Pause)]
    if not pauses:
        return 0, 0
    start = parts_seconds(parts[:pauses[0]])
    during = parts_seconds(parts[pauses[0]:pauses[-1] + 1])
    return round(start * 1000), round((start + during) * 1000)


def card_data(text: Content, routine: Routine, parts: list[Part] | None = None) -> dict[str, Any]:
    """What the step card shows (its datasource `step`)."""
    _, data, steps = current(text, routine)
    step = steps[routine.step]
    start, end = hold_timeline(parts or [])
    name = data["name"].capitalize()
    return {
        "stretchName": name,
        "stepText": step["text"],
        "stepNumber": routine.step + 1,
        "stepCount": len(steps),
        "holdSeconds": int(step.get("hold", 0)),
        "holdStartMs": start,
        "holdEndMs": end,
        "pose": step_pose(text, routine),
        "poseLabel": f"A drawing of {data['name']}, step {routine.step + 1}",
        "stopIf": text.text("stretches.stop_if"),
        "stretchNumber": routine.index + 1,
        "stretchCount": len(routine.stretch_ids),
    }


def step_card_document(pose: str) -> dict[str, Any]:
    """The step card with the one drawing it shows, as graphic "pose"."""
    document = copy.deepcopy(step_card_template())
    document["graphics"] = {"pose": pose_graphic(pose)}
    return document


def has_screen(handler_input: HandlerInput) -> bool:
    """True when the device lists Alexa.Presentation.APL among its supported interfaces."""
    context = handler_input.request_envelope.context
    system = context.system if context else None
    interfaces = system.device.supported_interfaces if system and system.device else None
    return bool(interfaces and interfaces.alexa_presentation_apl is not None)


def step_card(text: Content, routine: Routine, parts: list[Part]) -> RenderDocumentDirective:
    """The RenderDocument directive for the current step, said as `parts`."""
    data = card_data(text, routine, parts)
    return RenderDocumentDirective(token=TOKEN, document=step_card_document(data["pose"]), datasources={"step": data})
