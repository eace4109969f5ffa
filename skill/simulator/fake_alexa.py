"""A fake Alexa API on loopback: the Reminders API and the device's time zone, kept in memory.

The simulator starts one and points each envelope's `apiEndpoint` at it, so a chat can set,
list, change and cancel reminders; the tests use it to check every call and every failure.

    with FakeAlexaApi(time_zone="Europe/London") as api:
        api.url                      # http://127.0.0.1:PORT, the envelopes' apiEndpoint
        api.granted = True           # the person has allowed reminders (else 401, as Alexa answers)
        api.fail_next(429)           # the next reminders call answers 429 TOO_MANY_REQUESTS
        api.reminders                # alertToken -> the reminder as the API keeps it

Paths and shapes follow Amazon's Reminders API reference: POST/GET /v1/alerts/reminders,
GET/PUT/DELETE /v1/alerts/reminders/{alertToken}; GET /v2/devices/{id}/settings/System.timeZone.
"""
from __future__ import annotations

import json
import re
import threading
import time
import uuid
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ERROR_CODES = {400: "INVALID_REQUEST", 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND",
               429: "TOO_MANY_REQUESTS", 500: "INTERNAL_SERVER_ERROR", 503: "SERVICE_UNAVAILABLE"}
_REMINDER = re.compile(r"^/v1/alerts/reminders/([A-Za-z0-9._-]+)$")
_TIME_ZONE = re.compile(r"^/v2/devices/[^/]+/settings/System\.timeZone$")
_LOCAL_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$")  # no Z, no offset


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


class FakeAlexaApi:
    """The fake API's state, and its HTTP server on 127.0.0.1 (a free port)."""

    def __init__(self, *, time_zone: str = "America/New_York", granted: bool = False, max_reminders: int = 250) -> None:
        self.time_zone, self.granted, self.max_reminders = time_zone, granted, max_reminders
        self.reminders: dict[str, dict[str, Any]] = {}
        self.calls: list[tuple[str, str]] = []
        self.delay_s = 0.0
        self._failures: list[tuple[int, str]] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    # -- control ------------------------------------------------------------------------------

    def fail_next(self, status: int, code: str | None = None, times: int = 1) -> None:
        """The next `times` reminders calls answer `status` with Amazon's error body."""
        with self._lock:
            self._failures += [(status, code or ERROR_CODES.get(status, "ERROR"))] * times

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the fake Alexa API is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "FakeAlexaApi":
        api = self

        class Handler(_Handler):
            fake = api

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, name="fake-alexa-api", daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> "FakeAlexaApi":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    # -- the API ------------------------------------------------------------------------------

    def answer(self, method: str, path: str, body: Any) -> tuple[int, Any]:
        """(status, JSON body) for one call."""
        with self._lock:
            self.calls.append((method, path))
            if _TIME_ZONE.match(path) and method == "GET":
                return 200, self.time_zone
            if not path.startswith("/v1/alerts/reminders"):
                return 404, {"code": "NOT_FOUND", "message": f"no such API: {path}"}
            if self._failures:
                status, code = self._failures.pop(0)
                return status, {"code": code, "message": f"fake failure {status}"}
            if not self.granted:
                return 401, {"code": "UNAUTHORIZED", "message": "the user has not granted reminders permission"}
            return self._reminders(method, path, body)

    def _reminders(self, method: str, path: str, body: Any) -> tuple[int, Any]:
        token_match = _REMINDER.match(path)
        if path == "/v1/alerts/reminders" and method == "GET":
            alerts = list(self.reminders.values())
            return 200, {"totalCount": str(len(alerts)), "alerts": alerts, "links": None}
        if path == "/v1/alerts/reminders" and method == "POST":
            problem = _invalid(body)
            if problem:
                return 400, {"code": problem, "message": "the reminder request is not valid"}
            if len(self.reminders) >= self.max_reminders:
                return 403, {"code": "MAX_REMINDERS_EXCEEDED", "message": "too many reminders"}
            token = str(uuid.uuid4())
            stamp = _now()
            self.reminders[token] = {"alertToken": token, "createdTime": stamp, "updatedTime": stamp, "status": "ON",
                                     "version": "1", "trigger": body["trigger"], "alertInfo": body.get("alertInfo"),
                                     "pushNotification": body.get("pushNotification")}
            return 200, self._summary(token, "/v1/alerts/reminders/" + token)
        if token_match is None:
            return 404, {"code": "NOT_FOUND", "message": path}
        token = token_match.group(1)
        if token not in self.reminders:
            return 404, {"code": "NOT_FOUND", "message": "no such reminder"}
        if method == "GET":
            return 200, self.reminders[token]
        if method == "DELETE":
            del self.reminders[token]
            return 200, {}
        if method == "PUT":
            problem = _invalid(body)
            if problem:
                return 400, {"code": problem, "message": "the reminder request is not valid"}
            kept = self.reminders[token]
            kept.update(trigger=body["trigger"], alertInfo=body.get("alertInfo"),
                        pushNotification=body.get("pushNotification"), updatedTime=_now(),
                        version=str(int(kept["version"]) + 1))
            return 200, self._summary(token, path)
        return 405, {"code": "METHOD_NOT_ALLOWED", "message": method}

    def _summary(self, token: str, href: str) -> dict[str, Any]:
        kept = self.reminders[token]
        return {"alertToken": token, "createdTime": kept["createdTime"], "updatedTime": kept["updatedTime"],
                "status": "ON", "version": kept["version"], "href": href}


def _invalid(body: Any) -> str | None:
    """Amazon's error code for a reminder request it would refuse, or None."""
    trigger = body.get("trigger") if isinstance(body, dict) else None
    if not isinstance(trigger, dict) or trigger.get("type") not in ("SCHEDULED_ABSOLUTE", "SCHEDULED_RELATIVE"):
        return "INVALID_TRIGGER"
    if trigger["type"] == "SCHEDULED_RELATIVE" and not isinstance(trigger.get("offsetInSeconds"), int):
        return "INVALID_TRIGGER"
    if trigger["type"] == "SCHEDULED_ABSOLUTE":
        rules = (trigger.get("recurrence") or {}).get("recurrenceRules")
        scheduled = trigger.get("scheduledTime")
        if not rules and not (isinstance(scheduled, str) and _LOCAL_TIME.match(scheduled)):
            return "INVALID_TRIGGER_SCHEDULED_TIME_FORMAT"
    content = (((body.get("alertInfo") or {}).get("spokenInfo") or {}).get("content")) or []
    if not content or not all(isinstance(c, dict) and c.get("locale") and c.get("text") for c in content):
        return "INVALID_ALERT_INFO"
    return None


class _Handler(BaseHTTPRequestHandler):
    fake: FakeAlexaApi
    protocol_version = "HTTP/1.1"

    def _serve(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        if self.fake.delay_s:
            time.sleep(self.fake.delay_s)
        if not (self.headers.get("Authorization") or "").startswith("Bearer "):
            status, reply = 401, {"code": "UNAUTHORIZED", "message": "no bearer token"}
        else:
            status, reply = self.fake.answer(method, self.path.split("?")[0], body)
        data = json.dumps(reply).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test)

    def do_GET(self) -> None:  # noqa: N802 - http.server's names
        self._serve("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._serve("POST")

    def do_PUT(self) -> None:  # noqa: N802
        self._serve("PUT")

    def do_DELETE(self) -> None:  # noqa: N802
        self._serve("DELETE")

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass
