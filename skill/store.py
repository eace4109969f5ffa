"""Persistent attributes for the skill behind ask-sdk-core's AbstractPersistenceAdapter.

Every store keys rows by :func:`user_key` (a SHA-256 of the Alexa user id), never
by the raw id. :func:`open_store` always returns a :class:`ResilientStore`, so a
locked, read-only, unreachable or slow store degrades to "nothing remembered"
instead of breaking the conversation.
"""

from __future__ import annotations

import copy
import decimal
import hashlib
import json
import logging
import math
import os
import random
import re
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable
from urllib.parse import urlsplit

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter

if TYPE_CHECKING:
    from ask_sdk_model import RequestEnvelope

__all__ = ["user_key", "SQLiteStore", "MemoryStore", "DynamoStore", "ResilientStore", "open_store"]

log = logging.getLogger("skill.store")

KEY_PREFIX = "u1:"
DEFAULT_SQLITE_NAME = "backpop.sqlite3"


def _user_id(request_envelope: RequestEnvelope | None) -> str | None:
    """Alexa user id from context.system.user, else session.user, else None."""
    for path in (("context", "system", "user", "user_id"), ("session", "user", "user_id")):
        obj: Any = request_envelope
        for attr in path:
            obj = getattr(obj, attr, None)
        if isinstance(obj, str) and obj:
            return obj
    return None


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
    if isinstance(person, str) and person:
        return "p1:" + hashlib.sha256(f"{uid}\n{person}".encode("utf-8")).hexdigest()
    return KEY_PREFIX + hashlib.sha256(uid.encode("utf-8")).hexdigest()


class SQLiteStore(AbstractPersistenceAdapter):
    """Attributes as JSON rows in a local SQLite file (WAL; safe across processes and threads).

    Each thread keeps its own connection (reopened after a fork), so no connection is ever
    shared across threads or processes and none is opened per call. WAL with
    synchronous=NORMAL commits without an fsync each time; a power cut can lose the last
    step of a routine at worst, never corrupt the file. The schema is created lazily on
    first use, so constructing the store never touches the disk and a missing or unwritable
    directory surfaces as an error on the call (which ResilientStore logs).
    """

    def __init__(self, path: str | os.PathLike[str], *, busy_timeout_ms: int = 1000) -> None:
        self.path = Path(path)
        self.busy_timeout_ms = int(busy_timeout_ms)
        self._ready = False
        self._init_lock = threading.Lock()
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is not None and self._local.pid == os.getpid():
            return conn
        if not self._ready:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        # timeout= is SQLite's busy timeout: wait this long for another writer's lock, then fail.
        conn = sqlite3.connect(self.path, timeout=self.busy_timeout_ms / 1000, isolation_level=None,
                               check_same_thread=True)
        conn.execute("PRAGMA secure_delete = ON")  # "forget me" overwrites the deleted content
        conn.execute("PRAGMA synchronous = NORMAL")
        self._local.conn, self._local.pid = conn, os.getpid()
        return conn

    def _run(self, fn: Callable[[sqlite3.Connection], Any]) -> Any:
        conn = self._connection()
        try:
            if not self._ready:
                with self._init_lock:
                    self._ready = self._ready or self._init_schema(conn)
            return fn(conn)
        except sqlite3.Error:
            self._local.conn = None  # a broken or locked connection is not reused
            conn.close()
            raise

    def _init_schema(self, conn: sqlite3.Connection) -> bool:
        """Switch to WAL and create the table, retrying 'locked'/'busy' up to busy_timeout.

        When several processes open a brand-new file at once, switching it to WAL
        can fail with SQLITE_BUSY without SQLite invoking its busy handler.
        """
        deadline = time.monotonic() + self.busy_timeout_ms / 1000
        while True:
            try:
                if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                    if mode.lower() != "wal":
                        raise sqlite3.OperationalError(f"could not enable WAL journal mode (got {mode!r})")
                conn.execute("CREATE TABLE IF NOT EXISTS attributes"
                             " (key TEXT PRIMARY KEY, attributes TEXT NOT NULL, updated_at REAL NOT NULL)")
                return True
            except sqlite3.OperationalError as exc:
                msg = str(exc).lower()
                if ("locked" not in msg and "busy" not in msg) or time.monotonic() >= deadline:
                    raise
                time.sleep(0.005 + 0.02 * random.random())

    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        """Stored attributes for the user, or {}."""
        key = user_key(request_envelope)
        if key is None:
            return {}
        row = self._run(lambda c: c.execute("SELECT attributes FROM attributes WHERE key = ?", (key,)).fetchone())
        return json.loads(row[0]) if row else {}

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: dict[str, Any]) -> None:
        """Upsert the user's attributes as JSON."""
        key = user_key(request_envelope)
        if key is None:
            return
        blob = json.dumps(attributes, allow_nan=False, separators=(",", ":"))
        self._run(lambda c: c.execute(
            "INSERT INTO attributes (key, attributes, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT(key) DO UPDATE SET attributes = excluded.attributes, updated_at = excluded.updated_at",
            (key, blob, time.time()),
        ))

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        """Remove the user's row (the "forget me" path)."""
        key = user_key(request_envelope)
        if key is None:
            return
        self._run(lambda c: c.execute("DELETE FROM attributes WHERE key = ?", (key,)))


class MemoryStore(AbstractPersistenceAdapter):
    """In-process dict store for tests and the simulator; values are JSON round-tripped."""

    def __init__(self) -> None:
        self._data: dict[str, str] = {}
        self._lock = threading.Lock()

    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        """Stored attributes for the user, or {}."""
        key = user_key(request_envelope)
        with self._lock:
            blob = self._data.get(key) if key else None
        return json.loads(blob) if blob else {}

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: dict[str, Any]) -> None:
        """Store a JSON copy of the attributes."""
        key = user_key(request_envelope)
        if key is not None:
            blob = json.dumps(attributes, allow_nan=False)
            with self._lock:
                self._data[key] = blob

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        """Forget the user."""
        key = user_key(request_envelope)
        with self._lock:
            self._data.pop(key, None)


def _from_dynamo(value: Any) -> Any:
    """Decimal -> int (if integral) or float, recursively; sets -> lists."""
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _from_dynamo(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_from_dynamo(v) for v in value]
    return value


def _to_dynamo(value: Any) -> Any:
    """float -> Decimal (boto3 rejects floats), tuples -> lists, recursively."""
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("DynamoDB cannot store NaN or infinity")
        return decimal.Decimal(repr(value))
    if isinstance(value, dict):
        return {k: _to_dynamo(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_to_dynamo(v) for v in value]
    return value


class DynamoStore(AbstractPersistenceAdapter):
    """Thin wrapper around the official ask_sdk_dynamodb DynamoDbAdapter.

    Adds hashed keys (partition_keygen=user_key), plain-JSON numbers in and out,
    short botocore timeouts, and lazy construction: the adapter (and its
    create_table call) is built on first use and retried after a failure, so an
    unreachable endpoint never breaks start-up.
    """

    def __init__(self, table_name: str, *, region: str, endpoint_url: str | None = None,
                 create_table: bool = True, connect_timeout: float = 1.0, read_timeout: float = 1.0) -> None:
        self.table_name, self.region, self.endpoint_url = table_name, region, endpoint_url
        self.create_table, self.connect_timeout, self.read_timeout = create_table, connect_timeout, read_timeout
        self._adapter: Any = None
        self._lock = threading.Lock()

    @property
    def adapter(self) -> Any:
        """The official DynamoDbAdapter, created on first access."""
        with self._lock:
            if self._adapter is None:
                self._adapter = self._build()
            return self._adapter

    def _build(self) -> Any:
        import boto3
        from botocore.config import Config

        # ask_sdk_dynamodb evaluates `dynamodb_resource=boto3.resource("dynamodb")` as a default
        # argument at import time, which raises NoRegionError when no region is configured.
        # Provide one just for that import (we always pass our own resource) and undo it after.
        added = "AWS_DEFAULT_REGION" not in os.environ
        os.environ.setdefault("AWS_DEFAULT_REGION", self.region)
        try:
            from ask_sdk_dynamodb.adapter import DynamoDbAdapter
        finally:
            if added:
                os.environ.pop("AWS_DEFAULT_REGION", None)

        config = Config(connect_timeout=self.connect_timeout, read_timeout=self.read_timeout,
                        retries={"total_max_attempts": 2, "mode": "standard"})
        resource = boto3.session.Session().resource(
            "dynamodb", region_name=self.region, endpoint_url=self.endpoint_url, config=config)
        return DynamoDbAdapter(self.table_name, partition_key_name="id", attribute_name="attributes",
                               create_table=self.create_table, partition_keygen=user_key,
                               dynamodb_resource=resource)

    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        """Stored attributes with Decimals turned back into int/float, or {}."""
        if user_key(request_envelope) is None:
            return {}
        return _from_dynamo(self.adapter.get_attributes(request_envelope)) or {}

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: dict[str, Any]) -> None:
        """Put the user's attributes (floats converted to Decimal)."""
        if user_key(request_envelope) is not None:
            self.adapter.save_attributes(request_envelope, _to_dynamo(attributes))

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        """Delete the user's item."""
        if user_key(request_envelope) is not None:
            self.adapter.delete_attributes(request_envelope)


_executor: ThreadPoolExecutor | None = None
_executor_pid: int | None = None
_executor_lock = threading.Lock()
_ALEXA_ID = re.compile(r"amzn1\.[A-Za-z0-9._-]+")


def _shared_executor() -> ThreadPoolExecutor:
    """One small pool per process (recreated after fork)."""
    global _executor, _executor_pid
    with _executor_lock:
        if _executor is None or _executor_pid != os.getpid():
            _executor = ThreadPoolExecutor(max_workers=16, thread_name_prefix="skill-store")
            _executor_pid = os.getpid()
        return _executor


class ResilientStore(AbstractPersistenceAdapter):
    """Runs another adapter's calls under a deadline; failures are logged once as JSON and swallowed.

    get returns {} and save/delete return None on any error or timeout. After a
    timeout, calls are skipped (no waiting) for ``cooldown`` seconds so that a
    hung store costs one deadline per request at most. ``healthy`` reflects the
    last call.
    """

    def __init__(self, inner: AbstractPersistenceAdapter, timeout: float = 1.0, *, cooldown: float = 5.0) -> None:
        self.inner = inner
        self.timeout = timeout
        self.cooldown = cooldown
        self.healthy = True
        self._skip_until = 0.0

    def _call(self, op: str, request_envelope: RequestEnvelope, *args: Any) -> Any:
        store = type(self.inner).__name__
        if time.monotonic() < self._skip_until:
            self.healthy = False
            return None
        future = None
        try:  # the inner store gets its own copy, so a write that outlives the deadline sees a stable snapshot
            future = _shared_executor().submit(getattr(self.inner, f"{op}_attributes"),
                                               request_envelope, *copy.deepcopy(args))
            result = future.result(timeout=self.timeout)
        except FutureTimeout:
            if future is not None:
                future.cancel()
            self._skip_until = time.monotonic() + self.cooldown
            self._log({"event": "store_timeout", "op": op, "store": store, "error": "timeout",
                       "timeout_s": self.timeout, "skip_s": self.cooldown})
        except Exception as exc:  # noqa: BLE001 - the whole point is to never propagate
            self._log({"event": "store_error", "op": op, "store": store, "error": type(exc).__name__,
                       "detail": self._scrub(str(exc), request_envelope)})
        else:
            self.healthy = True
            return result
        self.healthy = False
        return None

    @staticmethod
    def _scrub(text: str, request_envelope: RequestEnvelope) -> str:
        uid = _user_id(request_envelope)
        if uid:
            text = text.replace(uid, "[user]")
        return _ALEXA_ID.sub("[id]", text)[:300]

    @staticmethod
    def _log(fields: dict[str, Any]) -> None:
        log.warning(json.dumps(fields, sort_keys=True))

    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        """Attributes from the inner store, or {} if it failed or was too slow."""
        result = self._call("get", request_envelope)
        return result if isinstance(result, dict) else {}

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: dict[str, Any]) -> None:
        """Save via the inner store; never raises."""
        self._call("save", request_envelope, attributes)

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        """Delete via the inner store; never raises."""
        self._call("delete", request_envelope)


_TABLE_NAME = re.compile(r"[A-Za-z0-9_.-]{3,255}")


def open_store(url: str | None, *, data_dir: Path, region: str | None = None, endpoint_url: str | None = None,
               create_table: bool = True, timeout: float = 1.0) -> AbstractPersistenceAdapter:
    """Build the store named by ``url``, always wrapped in ResilientStore.

    - None or ''            -> SQLite at data_dir/backpop.sqlite3
    - 'sqlite:////abs/path' -> SQLite at /abs/path (SQLAlchemy-style: 4 slashes = absolute)
    - 'sqlite:///rel/path'  -> SQLite at data_dir/rel/path
    - 'dynamodb://TABLE'    -> DynamoDB table TABLE (region: arg, $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1)
    - 'memory://'           -> in-process dict (tests, simulator)
    """
    inner: AbstractPersistenceAdapter
    data_dir = Path(data_dir)
    if not url:
        inner = SQLiteStore(data_dir / DEFAULT_SQLITE_NAME)
    elif url.startswith("sqlite:///"):
        rest = url[len("sqlite:///"):]
        if not rest or "?" in rest or "#" in rest:
            raise ValueError(f"bad sqlite store URL {url!r}: expected sqlite:///relative/path or sqlite:////abs/path")
        path = Path(rest)
        inner = SQLiteStore(path if path.is_absolute() else data_dir / path)
    elif url.startswith("dynamodb://"):
        parts = urlsplit(url)
        if not _TABLE_NAME.fullmatch(parts.netloc) or parts.path not in ("", "/") or parts.query or parts.fragment:
            raise ValueError(f"bad DynamoDB store URL {url!r}: expected dynamodb://TABLE_NAME")
        region = region or os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1"
        inner = DynamoStore(parts.netloc, region=region, endpoint_url=endpoint_url, create_table=create_table)
    elif url in ("memory://", "memory:"):
        inner = MemoryStore()
    else:
        raise ValueError(f"unsupported store URL {url!r}: use sqlite:///PATH, dynamodb://TABLE, memory:// or leave unset")
    return ResilientStore(inner, timeout=timeout)
