"""The client the skill calls Alexa's APIs with (Reminders, device settings).

ask-sdk-core's `DefaultApiClient` (on `requests`) sends each call with no deadline, so one slow
answer would hold the skill past Alexa's 8 seconds. `AlexaApiClient` does what it does, with a
deadline on every call, no redirects followed, and plain HTTP allowed to one place only: this
machine's loopback, where the simulator and the tests run a fake Alexa API. Anything else must
be HTTPS, as DefaultApiClient requires. `requests` is imported at the first call, not with the
skill: most requests never call an Alexa API, and its import was a fifth of a Lambda cold start.
"""
from __future__ import annotations

import ipaddress
import json
from typing import Any
from urllib.parse import urlsplit

from ask_sdk_core.exceptions import ApiClientException
from ask_sdk_model.services import ApiClient, ApiClientResponse

DEFAULT_TIMEOUT_S = 2.5  # two calls (time zone, then the reminder) stay well inside Alexa's 8 s
METHODS = frozenset({"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"})


def is_loopback(host: str | None) -> bool:
    """True for localhost, 127.0.0.0/8 and ::1."""
    if not host:
        return False
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class AlexaApiClient(ApiClient):
    """An ask-sdk ApiClient on `requests` with a deadline; HTTPS only, except to loopback."""

    def __init__(self, timeout: float = DEFAULT_TIMEOUT_S) -> None:
        self.timeout = timeout

    def invoke(self, request: Any) -> ApiClientResponse:
        """Send one call; any failure (a timeout included) is an ApiClientException saying what."""
        try:
            url = urlsplit(request.url or "")
            host = url.hostname
        except ValueError:
            raise ApiClientException("Invalid URL.") from None
        if url.scheme != "https" and not (url.scheme == "http" and is_loopback(host)):
            raise ApiClientException("Requests against non-HTTPS endpoints are not allowed.")
        method = (request.method or "").upper()
        if method not in METHODS:
            raise ApiClientException(f"Invalid request method: {request.method}")
        headers: dict[str, str] = {}
        for key, value in request.headers or ():
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        data = None
        if request.body:
            kind = headers.get("Content-type") or headers.get("Content-Type") or ""
            data = json.dumps(request.body) if "json" in kind else request.body
        import requests

        try:
            reply = requests.request(method, request.url, headers=headers, data=data, timeout=self.timeout,
                                     allow_redirects=False)
        except requests.Timeout as exc:
            raise ApiClientException(f"timeout after {self.timeout} s: {type(exc).__name__}") from exc
        except requests.RequestException as exc:
            raise ApiClientException(f"Error executing the request: {type(exc).__name__}") from exc
        headers_back = [(key, part.strip()) for key, value in reply.headers.items()  # split as the SDK does
                        for part in value.split(",") if part.strip()]
        return ApiClientResponse(headers=headers_back, status_code=reply.status_code, body=reply.text)
