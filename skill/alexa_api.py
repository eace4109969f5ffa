"""The client the skill calls Alexa's APIs with (Reminders, device settings).

ask-sdk-core's `DefaultApiClient` (on `requests`) sends each call with no deadline, so one slow
answer would hold the skill past Alexa's 8 seconds. `AlexaApiClient` is the same client with a
deadline on every call, no redirects followed, and plain HTTP allowed to one place only: this
machine's loopback, where the simulator and the tests run a fake Alexa API. Anything else must
be HTTPS, as DefaultApiClient requires.
"""
from __future__ import annotations

import ipaddress
import json
from typing import Any

import requests
from ask_sdk_core.api_client import DefaultApiClient
from ask_sdk_core.exceptions import ApiClientException
from ask_sdk_model.services import ApiClientResponse
from urllib3.util import parse_url

DEFAULT_TIMEOUT_S = 2.5  # two calls (time zone, then the reminder) stay well inside Alexa's 8 s


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


class AlexaApiClient(DefaultApiClient):
    """DefaultApiClient with a deadline; HTTPS only, except to loopback."""

    def __init__(self, timeout: float = DEFAULT_TIMEOUT_S) -> None:
        self.timeout = timeout

    def invoke(self, request: Any) -> ApiClientResponse:
        """Send one call; any failure (a timeout included) is an ApiClientException saying what."""
        url = parse_url(request.url)
        if url.scheme != "https" and not (url.scheme == "http" and is_loopback(url.host)):
            raise ApiClientException("Requests against non-HTTPS endpoints are not allowed.")
        headers = self._convert_list_tuples_to_dict(headers_list=request.headers)
        data = None
        if request.body:
            kind = headers.get("Content-type") or headers.get("Content-Type") or ""
            data = json.dumps(request.body) if "json" in kind else request.body
        method = self._resolve_method(request)
        try:
            reply = method(url=request.url, headers=headers, data=data, timeout=self.timeout, allow_redirects=False)
        except requests.Timeout as exc:
            raise ApiClientException(f"timeout after {self.timeout} s: {type(exc).__name__}") from exc
        except requests.RequestException as exc:
            raise ApiClientException(f"Error executing the request: {type(exc).__name__}") from exc
        return ApiClientResponse(headers=self._convert_dict_to_list_tuples(reply.headers),
                                 status_code=reply.status_code, body=reply.text)
