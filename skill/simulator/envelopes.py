"""Request envelopes built the way Alexa builds them, and a Session that carries them on.

    envelope = launch_request(locale="en-GB", screen=True)
    envelope = intent_request("GuideStretchIntent", {"stretch": slot("stretch", "cat cow",
                              resolved_type="STRETCH", matches=[("cat cow", "cat_cow")])})
    envelope = session_ended_request("USER_INITIATED", new=False, session_id=..., attributes=...)

Every builder takes the same keywords (see `envelope`): new, session_id, attributes, locale,
screen, skill_id, user_id, device_id, timestamp. Ids look like Alexa's
("amzn1.echo-api.session.<uuid>", "amzn1.echo-api.request.<uuid>"), the timestamp is UTC to
the second, and a screen device lists Alexa.Presentation.APL with a viewport.
"""
from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Any, Iterable

SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"
USER_ID = "amzn1.ask.account.SIMULATOR"
DEVICE_ID = "amzn1.ask.device.SIMULATOR"
API_ENDPOINT = "https://api.amazonalexa.com"
APL_INTERFACE = {"Alexa.Presentation.APL": {"runtime": {"maxVersion": "2023.3"}}}
VIEWPORT = {  # an Echo Show 8, as its requests describe it
    "experiences": [{"arcMinuteWidth": 346, "arcMinuteHeight": 216, "canRotate": False, "canResize": False}],
    "mode": "HUB", "shape": "RECTANGLE", "pixelWidth": 1280, "pixelHeight": 800, "dpi": 160,
    "currentPixelWidth": 1280, "currentPixelHeight": 800, "touch": ["SINGLE"],
    "video": {"codecs": ["H_264_42", "H_264_41"]},
}


def new_session_id() -> str:
    return f"amzn1.echo-api.session.{uuid.uuid4()}"


def new_request_id() -> str:
    return f"amzn1.echo-api.request.{uuid.uuid4()}"


def now() -> str:
    """Alexa's timestamp: ISO 8601, UTC, whole seconds ("2024-05-01T09:30:00Z")."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def envelope(request: dict[str, Any], *, new: bool = True, session_id: str | None = None,
             attributes: dict[str, Any] | None = None, locale: str = "en-US", screen: bool = False,
             skill_id: str = SKILL_ID, user_id: str = USER_ID, device_id: str = DEVICE_ID,
             timestamp: str | None = None, person_id: str | None = None, api_endpoint: str = API_ENDPOINT,
             consent_token: str | None = None) -> dict[str, Any]:
    """The whole envelope around a request body (`type` plus its own fields).

    The request id, timestamp and locale are added to the body. (A device starts a new session
    with no attributes; `Session` does that.) A recognised speaker adds `context.System.person`;
    a granted permission adds the user's consentToken; `api_endpoint` is where the Alexa APIs are.
    """
    application = {"applicationId": skill_id}
    user: dict[str, Any] = {"userId": user_id}
    if consent_token:
        user["permissions"] = {"consentToken": consent_token}
    system: dict[str, Any] = {
        "application": dict(application),
        "user": dict(user),
        "device": {"deviceId": device_id, "supportedInterfaces": dict(APL_INTERFACE) if screen else {}},
        "apiEndpoint": api_endpoint,
        "apiAccessToken": "simulator." + uuid.uuid4().hex,
    }
    if person_id:
        system["person"] = {"personId": person_id, "personAccessToken": "simulator.person." + uuid.uuid4().hex}
    context: dict[str, Any] = {"System": system}
    if screen:
        context["Viewport"] = dict(VIEWPORT)
    return {
        "version": "1.0",
        "session": {
            "new": new,
            "sessionId": session_id or new_session_id(),
            "application": application,
            "attributes": dict(attributes or {}),
            "user": user,
        },
        "context": context,
        "request": {"type": request["type"], "requestId": new_request_id(), "timestamp": timestamp or now(),
                    "locale": locale, **{k: v for k, v in request.items() if k != "type"}},
    }


def launch_request(**context: Any) -> dict[str, Any]:
    """ "Open back pop coach": a LaunchRequest."""
    return envelope({"type": "LaunchRequest", "shouldLinkResultBeReturned": False}, **context)


def intent_request(name: str, slots: dict[str, dict[str, Any] | str | None] | None = None,
                   **context: Any) -> dict[str, Any]:
    """An IntentRequest. A slot is given as `slot(...)`'s dict, or plain words (no resolution)."""
    built = {key: value if isinstance(value, dict) else slot(key, value) for key, value in (slots or {}).items()}
    # No dialogState: Alexa sends it only to skills with a dialog model.
    return envelope({"type": "IntentRequest", "intent": {"name": name, "confirmationStatus": "NONE", "slots": built}},
                    **context)


def can_fulfill_request(name: str, slots: dict[str, dict[str, Any] | str | None] | None = None,
                        **context: Any) -> dict[str, Any]:
    """A CanFulfillIntentRequest: Alexa asking, before a name-free request, whether the skill can serve it."""
    built = {key: value if isinstance(value, dict) else slot(key, value) for key, value in (slots or {}).items()}
    return envelope({"type": "CanFulfillIntentRequest", "intent": {"name": name, "confirmationStatus": "NONE",
                                                                   "slots": built}}, **context)


def session_ended_request(reason: str = "USER_INITIATED", error: dict[str, str] | None = None,
                          **context: Any) -> dict[str, Any]:
    """The session closed: USER_INITIATED ("exit"), EXCEEDED_MAX_REPROMPTS (silence) or ERROR."""
    body: dict[str, Any] = {"type": "SessionEndedRequest", "reason": reason}
    if error:
        body["error"] = error
    return envelope(body, **context)


def slot(name: str, value: str | None = None, *, resolved_type: str | None = None,
         matches: Iterable[tuple[str, str]] = (), skill_id: str = SKILL_ID) -> dict[str, Any]:
    """One slot as Alexa sends it.

    Unfilled: just the name. With `resolved_type` (a custom slot type), entity resolution from
    that type's authority: ER_SUCCESS_MATCH with the matched (name, id) values, or
    ER_SUCCESS_NO_MATCH when there are none. AMAZON types carry no resolutions.
    """
    data: dict[str, Any] = {"name": name, "confirmationStatus": "NONE"}
    if value is None:
        return data
    data.update(value=value, source="USER")
    simple: dict[str, Any] = {"type": "Simple", "value": value}
    if resolved_type:
        values = [{"value": {"name": n, "id": i}} for n, i in matches]
        authority = {
            "authority": f"amzn1.er-authority.echo-sdk.{skill_id}.{resolved_type}",
            "status": {"code": "ER_SUCCESS_MATCH" if values else "ER_SUCCESS_NO_MATCH"},
        }
        if values:
            authority["values"] = values
        data["resolutions"] = simple["resolutions"] = {"resolutionsPerAuthority": [authority]}
    data["slotValue"] = simple
    return data


class Session:
    """A conversation as a device keeps it.

    The first request of a session says new=true and carries no attributes; each response's
    sessionAttributes ride along on the next request; once the skill ends the session
    (shouldEndSession true, or absent on a device without a screen) the next request starts a
    new one.
    """

    def __init__(self, *, locale: str = "en-US", screen: bool = False, skill_id: str = SKILL_ID,
                 user_id: str = USER_ID, device_id: str = DEVICE_ID, person_id: str | None = None,
                 api_endpoint: str = API_ENDPOINT) -> None:
        self.locale, self.screen = locale, screen
        self.skill_id, self.user_id, self.device_id = skill_id, user_id, device_id
        self.person_id, self.api_endpoint = person_id, api_endpoint
        self.consent_token: str | None = None  # set once the person allows reminders
        self.session_id: str | None = None
        self.attributes: dict[str, Any] = {}
        self.new = True

    @property
    def open(self) -> bool:
        """True while the skill's session is open (after a response that kept it open)."""
        return self.session_id is not None and not self.new

    def restart(self) -> None:
        """Forget the session: the next request starts a new one."""
        self.session_id, self.attributes, self.new = None, {}, True

    def context(self) -> dict[str, Any]:
        """The keywords for the next envelope builder call."""
        if self.session_id is None:
            self.session_id, self.attributes, self.new = new_session_id(), {}, True
        return {"new": self.new, "session_id": self.session_id, "attributes": self.attributes,
                "locale": self.locale, "screen": self.screen, "skill_id": self.skill_id,
                "user_id": self.user_id, "device_id": self.device_id, "person_id": self.person_id,
                "api_endpoint": self.api_endpoint, "consent_token": self.consent_token}

    def launch(self) -> dict[str, Any]:
        return launch_request(**self.context())

    def intent(self, name: str, slots: dict[str, Any] | None = None) -> dict[str, Any]:
        return intent_request(name, slots, **self.context())

    def consent_answer(self, status: str, token: str | None) -> dict[str, Any]:
        """The Connections.Response Alexa sends after asking for a permission (ACCEPTED, DENIED, NOT_ANSWERED)."""
        return envelope({"type": "Connections.Response", "name": "AskFor",
                         "status": {"code": "200", "message": "OK"}, "token": token or "",
                         "payload": {"status": status}}, **self.context())

    def can_fulfill(self, name: str, slots: dict[str, Any] | None = None) -> dict[str, Any]:
        """A CanFulfillIntentRequest, outside any session (as Alexa asks before a name-free request)."""
        context = {**self.context(), "new": True, "session_id": new_session_id(), "attributes": {}}
        return can_fulfill_request(name, slots, **context)

    def end(self, reason: str = "USER_INITIATED") -> dict[str, Any]:
        """The SessionEndedRequest for this session; the session is over once it is sent."""
        request = session_ended_request(reason, **self.context())
        self.restart()
        return request

    def receive(self, response: dict[str, Any]) -> None:
        """Carry the response's attributes on, or start afresh next time if it ended the session."""
        body = response.get("response") or {}
        ends = body.get("shouldEndSession")
        if ends is None:  # Alexa asking for a permission keeps the session for its answer
            ends = not self.screen and not any(d.get("type") == "Connections.SendRequest"
                                               for d in body.get("directives") or [])
        if ends:
            self.restart()
        else:
            self.new, self.attributes = False, dict(response.get("sessionAttributes") or {})
