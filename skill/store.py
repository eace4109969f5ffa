"""What the skill keeps for a person, behind one small front: read, update, delete.

Every record is keyed by :func:`user_key` (a SHA-256 of the Alexa user id, and of the recognised
person's id when there is one), never the raw ids,
and carries a version. A read that fails is *unknown* (``None``), never an empty record, so
nothing is written over what could not be read. An update carries only the fields that changed
and is a conditional write on the version it was based on: on a conflict the store reads the
record again and lays the changes over it, so a late or concurrent write never rolls a field
back. The backends keep their own deadlines (SQLite's busy timeout, botocore's connect/read
timeouts and retries); the front logs every failed or skipped call as one JSON line and, after
a slow failure, skips calls for a short cool-down so a hung store costs one deadline, not one
per request.
"""
from __future__ import annotations

import json
import logging
import random
import re
import threading
import time
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, NamedTuple, Protocol, TYPE_CHECKING
from urllib.parse import urlsplit

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter

try:  # CPython's own SHA-256: the same digests without loading OpenSSL (hashlib: about 2 ms of a cold start)
    from _sha256 import sha256  # Python 3.11
except ImportError:  # pragma: no cover - 3.12 renamed it; anything else: hashlib's
    try:
        from _sha2 import sha256
    except ImportError:
        from hashlib import sha256

if TYPE_CHECKING:
    from ask_sdk_model import RequestEnvelope

    from .store_dynamo import DynamoStore  # at run time through __getattr__, when first used
    from .store_sqlite import SQLiteStore

__all__ = ["user_key", "Snapshot", "Store", "MemoryStore", "SQLiteStore", "DynamoStore", "open_store"]

log = logging.getLogger("skill.store")

KEY_PREFIX = "u1:"
DEFAULT_SQLITE_NAME = "backpop.sqlite3"
PROBE_KEY = "probe:health"
_ALEXA_ID = re.compile(r"amzn1\.[A-Za-z0-9._-]+")


def _user_id(request_envelope: RequestEnvelope | None) -> str | None:
    """Alexa user id from context.system.user, else session.user, else None."""
    uid = getattr(getattr(getattr(getattr(request_envelope, "context", None), "system", None), "user", None),
                  "user_id", None)
    if isinstance(uid, str) and uid:
        return uid
    uid = getattr(getattr(getattr(request_envelope, "session", None), "user", None), "user_id", None)
    return uid if isinstance(uid, str) and uid else None


def user_key(request_envelope: RequestEnvelope | None) -> str | None:
    """Storage key for the request's speaker: the one place a record's key is made.

    A speaker Alexa recognises (context.System.person.personId) has a record of their own:
    'p1:' + SHA-256 hex of the account's user id and the person id together (so the key
    changes when the account's id does, as on re-enabling the skill). Otherwise the account's:
    'u1:' + SHA-256 hex of the user id. None if there is no user id.
    """
    uid = _user_id(request_envelope)
    if uid is None:
        return None
    context = getattr(request_envelope, "context", None)
    person = getattr(getattr(getattr(context, "system", None), "person", None), "person_id", None)
    return _hashed(uid, person if isinstance(person, str) and person else None)


@lru_cache(maxsize=256)  # a request asks for its key a few times (session, store read and write)
def _hashed(uid: str, person: str | None) -> str:
    if person is not None:
        return "p1:" + sha256(f"{uid}\n{person}".encode("utf-8")).hexdigest()
    return KEY_PREFIX + sha256(uid.encode("utf-8")).hexdigest()


class Snapshot(NamedTuple):
    """A record as the store holds it: its attributes and version (0: no record yet)."""

    attributes: dict[str, Any]
    version: int


class Conflict(Exception):
    """A conditional write found another version than the one it was based on."""


class Backend(Protocol):
    """One store: plain calls that raise on failure and wait no longer than their own deadline."""

    def fetch(self, key: str) -> Snapshot: ...

    def put(self, key: str, attributes: dict[str, Any], expected: int) -> None:
        """Write when the stored version is `expected` (0: no record), as version expected + 1;
        raise Conflict otherwise."""

    def remove(self, key: str) -> None: ...


class MemoryStore:
    """An in-process dict (tests, the simulator); values are JSON round-tripped."""

    def __init__(self) -> None:
        self._data: dict[str, tuple[str, int]] = {}
        self._lock = threading.Lock()

    def fetch(self, key: str) -> Snapshot:
        with self._lock:
            blob, version = self._data.get(key, ("{}", 0))
        return Snapshot(json.loads(blob), version)

    def put(self, key: str, attributes: dict[str, Any], expected: int) -> None:
        blob = json.dumps(attributes, allow_nan=False)
        with self._lock:
            if self._data.get(key, ("", 0))[1] != expected:
                raise Conflict(key)
            self._data[key] = (blob, expected + 1)

    def remove(self, key: str) -> None:
        with self._lock:
            self._data.pop(key, None)


_FAILED = object()


class Store(AbstractPersistenceAdapter):
    """The front every part of the skill uses; never raises, logs every failed or skipped call.

    ``state`` is "unknown" before the first call, then "ok" or "failing" after each one.
    """

    def __init__(self, backend: Any, *, cooldown: float = 5.0, slow: float = 0.25, attempts: int = 10) -> None:
        self.backend = backend
        self.cooldown, self.slow, self.attempts = cooldown, slow, attempts
        self.state = "unknown"
        self._skip_until = 0.0
        self._warm = getattr(backend, "warm", None)  # making a client is not the store being slow

    @property
    def name(self) -> str:
        return type(self.backend).__name__

    # -- the skill's calls ----------------------------------------------------------------------

    def read(self, request_envelope: RequestEnvelope) -> Snapshot | None:
        """The person's record (empty, version 0, when there is none); None when it could not be read."""
        key = user_key(request_envelope)
        if key is None:
            return Snapshot({}, 0)
        result = self._call("read", request_envelope, lambda: self.backend.fetch(key))
        return None if result is _FAILED else result

    def update(self, request_envelope: RequestEnvelope, changes: dict[str, Any], expected: int | None,
               base: dict[str, Any] | None = None) -> Snapshot | None:
        """Lay `changes` over the record and write it, on condition that it is still at its version.

        `base` and `expected` are the record and version the caller knows (None: read it first).
        On a conflict the record is read again and the changes laid over that, a few times.
        The record as written, or None when nothing was written (logged).
        """
        key = user_key(request_envelope)
        if key is None:
            self._log({"event": "store_skipped", "op": "update", "store": self.name, "reason": "no user id"})
            return None

        def write() -> Snapshot:
            known, version = (base, expected) if expected is not None else (None, None)
            for attempt in range(self.attempts):
                if known is None or version is None:
                    current = self.backend.fetch(key)
                    known, version = current.attributes, current.version
                merged = {**known, **changes}
                try:
                    self.backend.put(key, merged, version)
                    return Snapshot(merged, version + 1)
                except Conflict:
                    known = None
                    # another writer of this record: let it finish, backing off further each time
                    time.sleep(random.uniform(0.001, 0.004) * (2 ** min(attempt, 6)))
            raise Conflict("the record kept changing")

        result = self._call("update", request_envelope, write)
        return None if result is _FAILED else result

    def delete(self, request_envelope: RequestEnvelope) -> bool:
        """Delete the person's record ("forget me", the skill disabled); False when it failed."""
        key = user_key(request_envelope)
        if key is None:
            return True
        return self._call("delete", request_envelope, lambda: self.backend.remove(key), skip=False) is not _FAILED

    def probe(self) -> bool:
        """Write, read back and delete a probe record (the deep health check); never skipped."""
        def run() -> bool:
            stamp = {"at": time.time()}
            current = self.backend.fetch(PROBE_KEY)
            self.backend.put(PROBE_KEY, stamp, current.version)
            ok = self.backend.fetch(PROBE_KEY).attributes == stamp
            self.backend.remove(PROBE_KEY)
            return ok

        return self._call("probe", None, run, skip=False) is True

    # -- ask-sdk's persistence adapter interface (whole records, for tools and tests) ---------

    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        snapshot = self.read(request_envelope)
        return snapshot.attributes if snapshot else {}

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: dict[str, Any]) -> None:
        self.update(request_envelope, attributes, None)

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        self.delete(request_envelope)

    # -- failures ------------------------------------------------------------------------------

    def _call(self, op: str, request_envelope: RequestEnvelope | None, fn: Callable[[], Any], *,
              skip: bool = True) -> Any:
        if skip and time.monotonic() < self._skip_until:
            self.state = "failing"
            self._log({"event": "store_skipped", "op": op, "store": self.name, "reason": "cooling down"})
            return _FAILED
        started = time.monotonic()
        try:
            if self._warm is not None:
                self._warm()
                started = time.monotonic()
            result = fn()
        except Exception as exc:  # noqa: BLE001 - a store that fails never breaks the conversation
            elapsed = time.monotonic() - started
            if elapsed >= self.slow:
                self._skip_until = time.monotonic() + self.cooldown
            self.state = "failing"
            self._log({"event": "store_error", "op": op, "store": self.name, "error": type(exc).__name__,
                       "detail": _scrub(str(exc), request_envelope), "elapsed_ms": round(elapsed * 1000, 1)})
            return _FAILED
        self.state = "ok"
        return result

    @staticmethod
    def _log(fields: dict[str, Any]) -> None:
        log.warning(json.dumps(fields, sort_keys=True))


def _scrub(text: str, request_envelope: RequestEnvelope | None) -> str:
    uid = _user_id(request_envelope)
    if uid:
        text = text.replace(uid, "[user]")
    return _ALEXA_ID.sub("[id]", text)[:300]


_TABLE_NAME = re.compile(r"[A-Za-z0-9_.-]{3,255}")


def open_store(url: str | None, *, data_dir: Path, region: str | None = None, endpoint_url: str | None = None,
               create_table: bool = True, timeout: float = 1.0) -> Store:
    """The store named by ``url``, behind the :class:`Store` front. Opening touches no disk or network.

    - None or ''            -> SQLite at data_dir/backpop.sqlite3
    - 'sqlite:////abs/path' -> SQLite at /abs/path (SQLAlchemy-style: 4 slashes = absolute)
    - 'sqlite:///rel/path'  -> SQLite at data_dir/rel/path
    - 'dynamodb://TABLE'    -> DynamoDB table TABLE (region: arg, $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1)
    - 'memory://'           -> in-process dict (tests, simulator)

    ``timeout`` is each backend's own deadline: SQLite's busy timeout, botocore's connect and
    read timeouts.
    """
    import os

    data_dir = Path(data_dir)
    backend: Any
    if not url:
        from .store_sqlite import SQLiteStore

        backend = SQLiteStore(data_dir / DEFAULT_SQLITE_NAME, busy_timeout_ms=int(timeout * 1000))
    elif url.startswith("sqlite:///"):
        rest = url[len("sqlite:///"):]
        if not rest or "?" in rest or "#" in rest:
            raise ValueError(f"bad sqlite store URL {url!r}: expected sqlite:///relative/path or sqlite:////abs/path")
        path = Path(rest)
        from .store_sqlite import SQLiteStore

        backend = SQLiteStore(path if path.is_absolute() else data_dir / path, busy_timeout_ms=int(timeout * 1000))
    elif url.startswith("dynamodb://"):
        parts = urlsplit(url)
        if not _TABLE_NAME.fullmatch(parts.netloc) or parts.path not in ("", "/") or parts.query or parts.fragment:
            raise ValueError(f"bad DynamoDB store URL {url!r}: expected dynamodb://TABLE_NAME")
        region = region or os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1"
        from .store_dynamo import DynamoStore

        backend = DynamoStore(parts.netloc, region=region, endpoint_url=endpoint_url, create_table=create_table,
                              connect_timeout=timeout, read_timeout=timeout)
    elif url in ("memory://", "memory:"):
        backend = MemoryStore()
    else:
        raise ValueError(f"unsupported store URL {url!r}: use sqlite:///PATH, dynamodb://TABLE, memory:// or leave unset")
    return Store(backend)


def __getattr__(name: str) -> Any:
    """The backends are imported when one is used (a Lambda on DynamoDB never loads sqlite3)."""
    if name == "SQLiteStore":
        from .store_sqlite import SQLiteStore

        return SQLiteStore
    if name == "DynamoStore":
        from .store_dynamo import DynamoStore

        return DynamoStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
