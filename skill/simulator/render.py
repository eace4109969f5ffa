"""A skill response as a person would notice it: what they hear, see on the card and screen.

    Alexa: Breathe in, let your belly sink. Hold. [pause 5s] [chime] And relax.
      Reprompt: Say next for the next step.
      Card: Cat cow: Breathe in, let your belly sink. Breathe out.
      Screen: Cat cow — step 2 of 4 — Breathe in, let your belly sink. — hold 5s
      (session open)
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import unescape

from ..content import for_locale

RENDER_DOCUMENT = "Alexa.Presentation.APL.RenderDocument"
_BREAK = re.compile(r"<break\b([^>]*)/?>", re.IGNORECASE)
_TIME = re.compile(r'time\s*=\s*["\']\s*(\d+(?:\.\d+)?)\s*(ms|s)\s*["\']', re.IGNORECASE)
_AUDIO = re.compile(r"<audio\b([^>]*)>(?:\s*</audio>)?", re.IGNORECASE)
_SRC = re.compile(r'src\s*=\s*["\']([^"\']*)["\']', re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_MARK = re.compile(r"\[pause (\d+(?:\.\d+)?)(ms|s)\]|\[pause\]|\[(chime|audio)\]")
AUDIO_SECONDS = 2.0  # an <audio> clip the simulator does not know, for the page's timing


@lru_cache(maxsize=1)
def _chime() -> tuple[str, float]:
    """The skill's hold chime (content sounds.toml): its soundbank address and length."""
    data = for_locale("en-US").raw("sounds.chime")
    return str(data["src"]), float(data["seconds"])


def _audio(attributes: str) -> str:
    found = _SRC.search(attributes)
    return " [chime] " if found and unescape(found.group(1)) == _chime()[0] else " [audio] "


def _pause(attributes: str) -> str:
    found = _TIME.search(attributes)
    return f" [pause {found.group(1)}{found.group(2).lower()}] " if found else " [pause] "


def heard(ssml: str | None) -> str:
    """Plain words from SSML, each <break> shown as "[pause 10s]", the hold chime as "[chime]" and
    any other <audio> as "[audio]"."""
    if not ssml:
        return ""
    text = _BREAK.sub(lambda m: _pause(m.group(1)), ssml)
    text = _TAG.sub(" ", _AUDIO.sub(lambda m: _audio(m.group(1)), text))
    return " ".join(unescape(text, {"&quot;": '"', "&apos;": "'"}).split())


def heard_parts(ssml: str | None) -> list[dict[str, Any]]:
    """The same, as a list of {"text": ...}, {"pause": seconds} and {"sound": "chime" or "audio",
    "seconds": ...} for the page's speech synthesiser and sound player."""
    parts: list[dict[str, Any]] = []
    text = heard(ssml)
    at = 0
    for match in _MARK.finditer(text):
        if text[at:match.start()].strip():
            parts.append({"text": text[at:match.start()].strip()})
        if match.group(3):
            parts.append({"sound": match.group(3),
                          "seconds": _chime()[1] if match.group(3) == "chime" else AUDIO_SECONDS})
        else:
            amount, unit = (float(match.group(1)), match.group(2)) if match.group(1) else (0.75, "s")
            parts.append({"pause": amount / 1000 if unit == "ms" else amount})
        at = match.end()
    if text[at:].strip():
        parts.append({"text": text[at:].strip()})
    return parts


def _speech(container: dict[str, Any] | None) -> str:
    speech = (container or {}).get("outputSpeech") or {}
    return heard(speech.get("ssml")) if speech.get("type", "SSML") == "SSML" and "ssml" in speech else speech.get("text", "")


def reprompt(body: dict[str, Any]) -> str:
    return _speech(body.get("reprompt"))


def card(body: dict[str, Any]) -> str:
    """ "Title: content" for a Simple or Standard card, "" when there is none."""
    found = body.get("card") or {}
    content = found.get("content") or found.get("text") or ""
    if found.get("type") == "LinkAccount":
        return "(account linking card)"
    title, content = found.get("title") or "", " ".join(content.split())
    return f"{title}: {content}" if title and content else title or content


def screen_step(body: dict[str, Any]) -> dict[str, Any] | None:
    """The step card's data (datasources.step) when the response shows one on a screen."""
    for directive in body.get("directives") or []:
        if directive.get("type") == RENDER_DOCUMENT:
            step = (directive.get("datasources") or {}).get("step")
            if isinstance(step, dict):
                return step
    return None


def screen(body: dict[str, Any]) -> str:
    """What a screen device shows: the step card in one line, or that some APL document is shown."""
    step = screen_step(body)
    if step:
        line = f"{step.get('stretchName', '')} — step {step.get('stepNumber')} of {step.get('stepCount')}"
        line += f" — {step.get('stepText', '')}"
        if step.get("holdSeconds"):
            line += f" — hold {step['holdSeconds']}s"
        return line
    for directive in body.get("directives") or []:
        if directive.get("type") == RENDER_DOCUMENT:
            return f"APL document (token {directive.get('token', '?')})"
    return ""


def session_state(response: dict[str, Any], screen_device: bool = False) -> str:
    """ "(session open)", "(session open, microphone off)" or "(session ended)", as a device behaves."""
    ends = (response.get("response") or {}).get("shouldEndSession")
    if ends is None and consent_asked(response.get("response") or {}):
        return "(session open: Alexa is asking for a permission)"
    if ends is None and screen_device:
        return "(session open, microphone off)"
    return "(session ended)" if ends or ends is None else "(session open)"


def consent_asked(body: dict[str, Any]) -> dict[str, Any] | None:
    """The AskFor directive when the skill asks Alexa to ask for a permission, else None."""
    for directive in body.get("directives") or []:
        if directive.get("type") == "Connections.SendRequest" and directive.get("name") == "AskFor":
            return directive
    return None


def consent(body: dict[str, Any]) -> str:
    """What Alexa itself asks on the skill's behalf (its own words, which the skill cannot change)."""
    asked = consent_asked(body)
    if not asked:
        return ""
    scopes = ", ".join(s.get("permissionScope", "") for s in (asked.get("payload") or {}).get("permissionScopes") or [])
    return f"Do you allow Back Pop Coach to create and edit your reminders? ({scopes}; say grant or deny)"


def summary(response: dict[str, Any], screen_device: bool = False) -> dict[str, Any]:
    """Everything a person notices, as data (the web page uses this)."""
    body = response.get("response") or {}
    return {
        "heard": _speech(body),
        "heardParts": heard_parts((body.get("outputSpeech") or {}).get("ssml"))
        or ([{"text": _speech(body)}] if _speech(body) else []),
        "reprompt": reprompt(body),
        "card": card(body),
        "screen": screen(body) if screen_device else "",
        "step": screen_step(body) if screen_device else None,
        "session": session_state(response, screen_device),
        "consent": consent(body),
    }


def as_text(response: dict[str, Any], screen_device: bool = False) -> str:
    """The response in a few lines, as the CLI prints it."""
    seen = summary(response, screen_device)
    lines = [f"Alexa: {seen['heard']}" if seen["heard"] else "Alexa: (says nothing)"]
    for label in ("reprompt", "card", "screen"):
        if seen[label]:
            lines.append(f"  {label.capitalize()}: {seen[label]}")
    if seen["consent"]:
        lines.append(f"  Alexa asks: {seen['consent']}")
    lines.append(f"  {seen['session']}")
    return "\n".join(lines)
