"""Reply helpers: turn plain sentences and pauses into SSML, a card and a reprompt.

Handlers never write SSML themselves: they build a `Reply` of plain text (from the content
files) and `Pause`s, and `render` escapes the text and adds the breaks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Union

from ask_sdk_model import Response
from ask_sdk_model.ui import SimpleCard


def escape(text: str, quote: bool = False) -> str:
    """Text made safe inside SSML: &, < and > (and quotes, for an attribute), as html.escape
    does (tests/test_sounds.py holds it to html.escape); the html package's import (its table of
    entities) was 3 ms of a Lambda cold start, and xml.sax.saxutils imports urllib.request."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("'", "&#x27;") if quote else text


MAX_BREAK_SECONDS = 10
MAX_AUDIO_TAGS = 5  # Alexa plays at most five <audio> tags in one response
MAX_AUDIO_SECONDS = 240  # and at most 240 s of audio in all


@dataclass(frozen=True)
class Pause:
    """Silence inside a response, in whole seconds (at most 10 each, as SSML allows)."""

    seconds: int

    def __post_init__(self) -> None:
        if not 0 < self.seconds <= MAX_BREAK_SECONDS:
            raise ValueError(f"a pause is 1 to {MAX_BREAK_SECONDS} seconds, not {self.seconds}")


@dataclass(frozen=True)
class Sound:
    """A clip from the Alexa Skills Kit sound library (`soundbank://...`), and how long it plays."""

    src: str
    seconds: float

    def __post_init__(self) -> None:
        if not self.src.startswith("soundbank://soundlibrary/") or not 0 < self.seconds <= MAX_AUDIO_SECONDS:
            raise ValueError(f"a sound is a soundbank://soundlibrary/ clip of up to {MAX_AUDIO_SECONDS} s: {self}")


Part = Union[str, Pause, Sound]


@dataclass
class Reply:
    """What the skill says in one turn, before the safety rule and SSML are applied."""

    parts: list[Part] = field(default_factory=list)
    reprompt: str | None = None
    end_session: bool | None = False
    card_title: str | None = None
    directives: list[Any] = field(default_factory=list)
    is_red_flag_advice: bool = False

    @property
    def text(self) -> str:
        """The words a person hears, pauses left out."""
        return " ".join(p for p in self.parts if isinstance(p, str) and p)


def question(*parts: Part, reprompt: str, title: str | None = None) -> Reply:
    """A reply that asks something: the microphone stays open and the reprompt is set."""
    return Reply(list(parts), reprompt=reprompt, end_session=False, card_title=title)


def statement(*parts: Part, end: bool = True, title: str | None = None) -> Reply:
    """A reply that ends the session (or, with end=False, leaves it open without a question)."""
    return Reply(list(parts), reprompt=None, end_session=end, card_title=title)


def ssml_body(parts: Iterable[Part]) -> str:
    """SSML inside <speak>: text escaped, pauses as <break> tags, sounds as <audio> tags.

    Alexa's limits on sounds hold for every response: at most five, 240 s in all.
    """
    out: list[str] = []
    sounds: list[Sound] = []
    for part in parts:
        if isinstance(part, Pause):
            out.append(f'<break time="{part.seconds}s"/>')
        elif isinstance(part, Sound):
            sounds.append(part)
            out.append(f'<audio src="{escape(part.src, quote=True)}"/>')
        elif part:
            out.append(escape(part))
    if len(sounds) > MAX_AUDIO_TAGS or sum(s.seconds for s in sounds) > MAX_AUDIO_SECONDS:
        raise ValueError(f"{len(sounds)} sounds, {sum(s.seconds for s in sounds)} s: over Alexa's limits")
    return " ".join(out)


def pauses_for(seconds: int) -> list[Pause]:
    """A run of breaks that adds up to `seconds`, none over the SSML limit."""
    full, rest = divmod(max(0, seconds), MAX_BREAK_SECONDS)
    return [Pause(MAX_BREAK_SECONDS)] * full + ([Pause(rest)] if rest else [])


def render(handler_input: Any, reply: Reply, *, card_title: str = "Back Pop Coach") -> Response:
    """Build the ask-sdk Response for a reply: speech, reprompt, a simple card, session flag."""
    builder = handler_input.response_builder
    builder.speak(ssml_body(reply.parts))
    if reply.reprompt:
        builder.ask(escape(reply.reprompt))
    card = plain_card_text(reply.parts)
    if card:
        builder.set_card(SimpleCard(title=reply.card_title or card_title, content=card))
    for directive in reply.directives:
        builder.add_directive(directive)
    builder.set_should_end_session(reply.end_session)
    handler_input.attributes_manager.request_attributes["reply"] = reply  # (as rendered: safety.NoOfferAfterWarning reads its offer)
    if reply.is_red_flag_advice:
        handler_input.attributes_manager.request_attributes["red_flag_advice"] = True
    return builder.response


def plain_card_text(parts: Iterable[Part]) -> str:
    """The card shows the words without the pauses."""
    return " ".join(p for p in parts if isinstance(p, str) and p).strip()


_TAG = re.compile(r"<[^>]+>")


def spoken_text(ssml: str | None) -> str:
    """Plain words from SSML (for logs, tests and word counts)."""
    if not ssml:
        return ""
    from xml.sax.saxutils import unescape

    return " ".join(unescape(_TAG.sub(" ", ssml)).split())
