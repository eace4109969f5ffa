"""A person talking to the skill through a device: what they type goes in, what Alexa says comes out.

`Simulator.say(text)` resolves the words against the locale's interaction model, builds the
request a device would send (carrying the session on), sends it to the skill, and returns a
`Turn` with the resolution, the request and the response. Outside a session, words without the
invocation name go to the skill as a one-shot request, as if said as "ask back pop coach ...".
"exit" ends an open session (SessionEndedRequest, USER_INITIATED); `silence()` is saying
nothing: the first time Alexa plays the reprompt, the next time the session ends
(EXCEEDED_MAX_REPROMPTS). When the skill asks Alexa for a permission (AskFor), "grant" or
"deny" answers it (a Connections.Response); ".person NAME" switches the recognised speaker;
`can_fulfill(text)` sends the CanFulfillIntentRequest Alexa sends before a name-free request.
"""
from __future__ import annotations

import hashlib
import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

from . import envelopes, explain, render
from .fake_alexa import FakeAlexaApi
from .resolver import Resolution, Resolver
from .transport import Transport

# How a person answers Alexa's own permission question ("grant" and "deny" in a chat).
CONSENT_WORDS = {**dict.fromkeys(("grant", "i grant", "allow", "i allow", "approve", "i approve", "yes"), "ACCEPTED"),
                 **dict.fromkeys(("deny", "i deny", "no", "don't allow", "do not allow"), "DENIED")}


def person_id(name: str) -> str:
    """A stable personId for a name, shaped like Alexa's."""
    return "amzn1.ask.person." + hashlib.sha256(name.lower().encode("utf-8")).hexdigest()[:40].upper()



@dataclass
class Turn:
    """One exchange: what was said, how Alexa resolved it, the request, and the skill's response."""

    said: str
    resolution: Resolution | None
    request: dict[str, Any] | None = None
    response: dict[str, Any] | None = None
    screen: bool = False
    note: str = ""
    reading: str = ""  # what the skill makes of the words (explain.py)

    @property
    def heard(self) -> str:
        """What the person hears (pauses shown as "[pause 10s]")."""
        return render.summary(self.response or {}, self.screen)["heard"] if self.response else ""

    def describe(self) -> str:
        """How Alexa understood the words, as the console lists its chosen and considered intents."""
        res = self.resolution
        if res is None:
            kind = ((self.request or {}).get("request") or {}).get("type")
            return f"  Request: {kind}" if kind and kind != "SessionEndedRequest" else "(silence)"
        line = f"  Resolved: {res.describe()}"
        if res.invoked and res.kind == "intent":
            line += "  (one-shot, new session)"
        if res.sample:
            line += f'  — sample "{res.sample}"'
        if res.considered:
            line += "\n  Also considered: " + ", ".join(res.considered)
        if self.reading:
            line += f"\n  {self.reading}"
        return line

    def as_text(self, *, echo: bool = True, show_json: bool = False) -> str:
        """The turn as the CLI prints it."""
        lines = [f"You: {self.said}"] if echo and self.said else []
        lines.append(self.describe())
        if show_json and self.request is not None:
            lines += ["  Request:", json.dumps(self.request, indent=2)]
            lines += ["  Response:", json.dumps(self.response, indent=2)]
        if self.note:
            lines.append(f"  ({self.note})")
        if self.response is not None:
            lines.append(render.as_text(self.response, self.screen))
        return "\n".join(lines)

    def summary(self) -> dict[str, Any]:
        """The turn as data, for the web page's API."""
        res = self.resolution
        return {
            "said": self.said,
            "resolution": None if res is None else {
                "kind": res.kind, "intent": res.intent, "sample": res.sample, "invoked": res.invoked,
                "heard": res.heard, "considered": list(res.considered), "describe": res.describe(),
                "slots": {n: {"value": s.value, "id": s.resolved_id, "status": s.status} for n, s in res.slots.items()},
            },
            "request": self.request,
            "response": self.response,
            "note": self.note,
            "reading": self.reading,
            **(render.summary(self.response, self.screen) if self.response is not None else
               {"heard": "", "heardParts": [], "reprompt": "", "card": "", "screen": "", "step": None, "session": "", "consent": ""}),
        }


class Simulator:
    """One device, one person: a session carried across turns, and every request and response kept."""

    def __init__(self, resolver: Resolver, transport: Transport, *, locale: str = "en-US", screen: bool = False,
                 skill_id: str = envelopes.SKILL_ID, user_id: str = envelopes.USER_ID, person: str | None = None,
                 api: FakeAlexaApi | None = None) -> None:
        self.resolver, self.transport, self.api = resolver, transport, api
        self.session = envelopes.Session(locale=locale, screen=screen, skill_id=skill_id, user_id=user_id,
                                         api_endpoint=api.url if api else envelopes.API_ENDPOINT)
        self.person = person
        self.invocations: list[dict[str, Any]] = []
        self.silences = 0
        self.last_response: dict[str, Any] | None = None

    @property
    def open(self) -> bool:
        return self.session.open

    @property
    def screen(self) -> bool:
        return self.session.screen

    @screen.setter
    def screen(self, value: bool) -> None:
        self.session.screen = bool(value)

    @property
    def person(self) -> str | None:
        """The name of the speaker Alexa recognises, or None (only the account)."""
        return self._person

    @person.setter
    def person(self, name: str | None) -> None:
        self._person = (name or "").strip() or None
        self.session.person_id = person_id(self._person) if self._person else None

    def consent_pending(self) -> dict[str, Any] | None:
        """The AskFor directive of the last response, while Alexa waits for "grant" or "deny"."""
        body = (self.last_response or {}).get("response") or {}
        return render.consent_asked(body) if self.session.open else None

    def answer_consent(self, said: str, status: str) -> Turn:
        """The person answers Alexa's permission question: Alexa sends the skill a Connections.Response."""
        asked = self.consent_pending() or {}
        if status == "ACCEPTED":
            self.session.consent_token = "simulator.consent." + uuid.uuid4().hex
            if self.api is not None:
                self.api.granted = True
        turn = self._send(said, None, self.session.consent_answer(status, asked.get("token")))
        turn.note = f"Alexa sends the skill a Connections.Response: {status}"
        return turn

    def can_fulfill(self, text: str) -> Turn:
        """Ask the skill, as Alexa does before a name-free request, whether it can serve these words."""
        resolution = self.resolver.resolve(text)
        if resolution.kind != "intent" or not resolution.intent:
            return Turn(text, resolution, screen=self.screen, note="not an intent: nothing to ask")
        request = self.session.can_fulfill(resolution.intent, resolution.slots_json(self.session.skill_id))
        response = self.transport.send(request)
        self.invocations.append({"request": request, "response": response})
        return Turn(text, resolution, request, response, self.screen)

    def command(self, line: str) -> Turn | None:
        """A simulator command instead of words: ".person NAME" (or ".person" for nobody recognised)."""
        parts = line.strip().split(maxsplit=1)
        if not parts or parts[0] != ".person":
            return None
        self.person = parts[1] if len(parts) > 1 else None
        self.session.restart()
        who = f"{self.person} is speaking (recognised)" if self.person else "nobody is recognised (the account)"
        return Turn(line, None, screen=self.screen, note=who)

    def say(self, text: str) -> Turn:
        """Type what a person would say; returns the turn (the skill's response included)."""
        command = self.command(text) if text.strip().startswith(".") else None
        if command is not None:
            return command
        if self.consent_pending() is not None:
            answer = CONSENT_WORDS.get(" ".join(text.lower().split()).strip(".!"))
            if answer:
                return self.answer_consent(text, answer)
            return self.answer_consent(text, "NOT_ANSWERED")
        resolution = self.resolver.resolve(text)
        self.silences = 0
        if resolution.kind == "end":
            if not self.session.open:
                return Turn(text, resolution, screen=self.screen, note="no session is open")
            return self._send(text, resolution, self.session.end("USER_INITIATED"))
        if resolution.invoked or not self.session.open:
            self.session.restart()
        if resolution.kind == "launch":
            request = self.session.launch()
        else:
            request = self.session.intent(resolution.intent or "", resolution.slots_json(self.session.skill_id))
        return self._send(text, resolution, request)

    def silence(self) -> Turn:
        """Say nothing: the reprompt plays once; the next silence ends the session."""
        if not self.session.open:
            return Turn("", None, screen=self.screen, note="nothing is listening")
        if self.consent_pending() is not None:
            return self.answer_consent("", "NOT_ANSWERED")
        self.silences += 1
        reprompt = render.reprompt((self.last_response or {}).get("response") or {})
        if self.silences == 1 and reprompt:
            return Turn("", None, screen=self.screen, note=f"Alexa repeats the reprompt: {reprompt}")
        return self._send("", None, self.session.end("EXCEEDED_MAX_REPROMPTS"))

    def _send(self, said: str, resolution: Resolution | None, request: dict[str, Any]) -> Turn:
        started = time.perf_counter()
        response = self.transport.send(request)
        self.invocations.append({"said": said, "request": request, "response": response,
                                 "milliseconds": round((time.perf_counter() - started) * 1000)})
        if request["request"]["type"] != "SessionEndedRequest":
            self.session.receive(response)
        self.last_response = response
        return Turn(said, resolution, request, response, self.screen,
                    reading=explain.reading(self.session.locale, resolution))

    def skill_io(self) -> dict[str, Any]:
        """Every turn so far, in the shape `ask dialog --save-skill-io` writes (see replay.py)."""
        from .replay import cli_invocation

        return {"invocations": [cli_invocation(number, entry) for number, entry in enumerate(self.invocations)]}
