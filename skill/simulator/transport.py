"""Where the simulator's requests go: the skill in this process, or a running service over HTTP.

Either way only Alexa's JSON crosses: an envelope goes in, a response envelope comes out.
"""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any, Protocol


class SimulatorError(Exception):
    """The skill could not be reached, or did not answer with a response envelope."""


class Transport(Protocol):
    def send(self, envelope: dict[str, Any]) -> dict[str, Any]: ...


class InProcess:
    """The skill built here (`build_skill(store)`), called directly."""

    def __init__(self, skill: Any = None, store: Any = None) -> None:
        from skill import build_skill

        self.skill = skill if skill is not None else build_skill(store=store)

    def send(self, envelope: dict[str, Any]) -> dict[str, Any]:
        from ask_sdk_core.exceptions import SerializationException

        from skill import answer

        try:
            return answer(self.skill, envelope)
        except SerializationException as exc:
            raise SimulatorError(f"the skill could not read the request: {exc}") from exc


class OverHttp:
    """A running service (`backpop serve` with BACKPOP_VERIFY=0, or any endpoint) at `url`."""

    def __init__(self, url: str, timeout: float = 10.0) -> None:
        self.url, self.timeout = url, timeout

    def send(self, envelope: dict[str, Any]) -> dict[str, Any]:
        body = json.dumps(envelope).encode("utf-8")
        request = urllib.request.Request(self.url, data=body, method="POST", headers={
            "Content-Type": "application/json; charset=utf-8", "User-Agent": "backpop-simulator"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as reply:  # noqa: S310 - the user's URL
                data = reply.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read(500).decode("utf-8", "replace")
            exc.close()
            hint = " (is request verification on? run the service with BACKPOP_VERIFY=0)" if exc.code == 400 else ""
            raise SimulatorError(f"{self.url} answered HTTP {exc.code}{hint}: {detail}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise SimulatorError(f"cannot reach {self.url}: {reason}") from None
        try:
            response = json.loads(data)
        except ValueError:
            raise SimulatorError(f"{self.url} did not answer with JSON") from None
        if not isinstance(response, dict):
            raise SimulatorError(f"{self.url} did not answer with a response envelope")
        return response


def open_transport(url: str | None = None, store_url: str | None = None, data_dir: str | None = None) -> Transport:
    """HTTP to `url`, or the skill in this process on the store named like BACKPOP_STORE."""
    if url:
        return OverHttp(url)
    from pathlib import Path

    from skill.config import Config
    from skill.store import open_store

    config = Config.from_env()
    store = open_store(store_url if store_url is not None else config.store,
                       data_dir=Path(data_dir) if data_dir else config.data_dir)
    return InProcess(store=store)
