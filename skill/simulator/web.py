"""The simulator in the browser, in the spirit of the Alexa console's Test tab.

The page (static/index.html) has an utterance box and a microphone (the browser's speech
recognition, where it has one), the transcript, replies spoken by the browser's speech
synthesis, the request and response JSON, a locale menu and a screen-device switch that shows
the APL step card as HTML. It talks to a small JSON API:

    POST api/turn  {"text", "locale", "screen", "sessionToken"}
        -> {"sessionToken", "sessionOpen", "resolution", "request", "response",
            "heard", "heardParts", "reprompt", "card", "screen", "step", "session", "note"}
       (an empty "text" is silence)
    POST api/reset {"sessionToken"}      forget that conversation
    GET  api/locales                      the locales that have an interaction model

Conversations are kept on the server, at most MAX_SESSIONS of them, keyed by a random token.
Mounted at /simulator on `backpop serve` when verification is off, and at / by
`backpop simulate --web`.
"""
from __future__ import annotations

import json
import secrets
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from flask import Blueprint, Flask, Response, current_app, jsonify, request

from . import envelopes, models
from .chat import Simulator
from .fake_alexa import FakeAlexaApi
from .transport import InProcess, SimulatorError, Transport, open_transport

STATIC = Path(__file__).resolve().parent / "static"
MAX_SESSIONS = 64
MAX_TEXT = 500
PAGE_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
               "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")

_LOCK = threading.Lock()
blueprint = Blueprint("simulator", __name__, static_folder="static", static_url_path="/static")


class Conversations:
    """Simulators by token, the least recently used dropped beyond `limit`."""

    def __init__(self, limit: int = MAX_SESSIONS) -> None:
        self.limit = limit
        self._items: OrderedDict[str, Simulator] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, token: str | None) -> Simulator | None:
        with self._lock:
            if token and token in self._items:
                self._items.move_to_end(token)
                return self._items[token]
            return None

    def add(self, simulator: Simulator) -> str:
        token = secrets.token_urlsafe(18)
        with self._lock:
            self._items[token] = simulator
            while len(self._items) > self.limit:
                self._items.popitem(last=False)
        return token

    def drop(self, token: str | None) -> None:
        with self._lock:
            self._items.pop(token or "", None)

    def __len__(self) -> int:
        return len(self._items)


def _state() -> dict[str, Any]:
    """This app's conversations, transport and settings (made on first use)."""
    ext = current_app.extensions
    with _LOCK:
        if "backpop.simulator" not in ext:
            transport: Transport | None = ext.get("backpop.simulator.transport")
            if transport is None:
                skill = ext.get("backpop.skill")
                transport = InProcess(skill=skill) if skill is not None else InProcess(store=None)
            config = current_app.config.get("BACKPOP")
            ids = sorted(getattr(config, "skill_ids", ()) or ())
            ext["backpop.simulator"] = {
                "conversations": Conversations(), "transport": transport,
                "skill_id": ext.get("backpop.simulator.skill_id") or (ids[0] if ids else envelopes.SKILL_ID),
                "models": current_app.config.get("BACKPOP_SIMULATOR_MODELS"),
                "api": FakeAlexaApi().start(),  # reminders kept on loopback for the page's chats
            }
        return ext["backpop.simulator"]


@blueprint.get("/")
def page() -> Response:
    """The page itself."""
    response = Response((STATIC / "index.html").read_bytes(), mimetype="text/html")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Content-Security-Policy"] = PAGE_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@blueprint.get("/api/locales")
def locales() -> Response:
    return jsonify({"locales": models.available(_state()["models"]), "default": "en-US"})


@blueprint.post("/api/turn")
def turn() -> Any:
    """Say something (or nothing) in a conversation; a new one starts when the token is unknown."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return jsonify({"error": "send a JSON object"}), 400
    text, locale, screen = body.get("text", ""), body.get("locale") or "en-US", body.get("screen", False)
    if not isinstance(text, str) or len(text) > MAX_TEXT or not isinstance(screen, bool):
        return jsonify({"error": f"text is a string of at most {MAX_TEXT} characters; screen is true or false"}), 400
    if not isinstance(locale, str) or locale not in models.available(_state()["models"]):
        return jsonify({"error": f"no interaction model for locale {locale!r}"}), 400
    state = _state()
    token = body.get("sessionToken") if isinstance(body.get("sessionToken"), str) else None
    simulator = state["conversations"].get(token)
    if simulator is None or simulator.session.locale != locale:
        state["conversations"].drop(token)
        simulator = Simulator(models.resolver_for(locale, state["models"]), state["transport"],
                              locale=locale, screen=screen, skill_id=state["skill_id"], api=state["api"])
        token = state["conversations"].add(simulator)
    simulator.screen = screen
    try:
        result = simulator.say(text) if text.strip() else simulator.silence()
    except SimulatorError as exc:
        return jsonify({"error": str(exc), "sessionToken": token}), 502
    # Not jsonify: it sorts keys, and the envelopes read best in Alexa's order.
    payload = json.dumps({"sessionToken": token, "sessionOpen": simulator.open, **result.summary()})
    return Response(payload, mimetype="application/json")


@blueprint.post("/api/reset")
def reset() -> Any:
    body = request.get_json(silent=True) or {}
    _state()["conversations"].drop(body.get("sessionToken") if isinstance(body, dict) else None)
    return jsonify({"ok": True})


def standalone_app(*, models_dir: str | None = None, url: str | None = None, store_url: str | None = None,
                   skill_id: str | None = None, transport: Transport | None = None) -> Flask:
    """The page on its own (`backpop simulate --web`), at the root, talking to the skill in-process
    (or to `url`)."""
    app = Flask(__name__, static_folder=None)
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024
    app.config["BACKPOP_SIMULATOR_MODELS"] = models_dir
    app.extensions["backpop.simulator.transport"] = transport or open_transport(url, store_url)
    app.extensions["backpop.simulator.skill_id"] = skill_id
    app.register_blueprint(blueprint)
    return app
