"""SQLite backend: one row per person, `version` checked on every write (WAL; processes and threads).

Each thread keeps its own connection (reopened after a fork), so none is shared or opened per
call. SQLite's busy timeout is the deadline: a writer waits that long for another's lock, then
fails. WAL with synchronous=NORMAL commits without an fsync each time: a power cut can lose the
last step of a routine at worst, never corrupt the file. The file is created readable by its
owner only (0600; SQLite gives its -wal and -shm files the same mode). A file deleted or
replaced under a running service is noticed on the next call (logged), and a new one made: each
connection holds the file open, and a file with no name left (st_nlink 0) is no longer the store.
"""
from __future__ import annotations

import json
import logging
import os
import random
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any, Callable

from .store import Conflict, Snapshot

log = logging.getLogger("skill.store")

_SCHEMA = ("CREATE TABLE IF NOT EXISTS attributes (key TEXT PRIMARY KEY, attributes TEXT NOT NULL,"
           " updated_at REAL NOT NULL, version INTEGER NOT NULL DEFAULT 0)")
_INSERT = ("INSERT INTO attributes (key, attributes, updated_at, version) VALUES (?, ?, ?, 1)"
           " ON CONFLICT(key) DO UPDATE SET attributes = excluded.attributes, updated_at = excluded.updated_at,"
           " version = 1 WHERE attributes.version = 0")
_UPDATE = "UPDATE attributes SET attributes = ?, updated_at = ?, version = version + 1 WHERE key = ? AND version = ?"
_ENCODE = json.JSONEncoder(allow_nan=False, separators=(",", ":")).encode  # json.dumps with these, made once


class SQLiteStore:
    """Records as JSON rows in a local SQLite file; the schema is made on first use."""

    def __init__(self, path: str | os.PathLike[str], *, busy_timeout_ms: int = 1000) -> None:
        self.path = Path(path)
        self.busy_timeout_ms = int(busy_timeout_ms)
        self._local = threading.local()
        self._schema_lock = threading.Lock()

    # -- the backend calls -------------------------------------------------------------------

    def fetch(self, key: str) -> Snapshot:
        row = self._run(lambda c: c.execute("SELECT attributes, version FROM attributes WHERE key = ?",
                                            (key,)).fetchone())
        return Snapshot(json.loads(row[0]), int(row[1])) if row else Snapshot({}, 0)

    def put(self, key: str, attributes: dict[str, Any], expected: int) -> None:
        blob = _ENCODE(attributes)
        if expected == 0:
            written = self._run(lambda c: c.execute(_INSERT, (key, blob, time.time())).rowcount)
        else:
            written = self._run(lambda c: c.execute(_UPDATE, (blob, time.time(), key, expected)).rowcount)
        if written != 1:
            raise Conflict(f"version {expected} is no longer the stored one")

    def remove(self, key: str) -> None:
        self._run(lambda c: c.execute("DELETE FROM attributes WHERE key = ?", (key,)))

    def _run(self, fn: Callable[[sqlite3.Connection], Any]) -> Any:
        conn = self._connection()
        try:
            return fn(conn)
        except sqlite3.Error:
            self._drop(self._local)  # a broken, locked or corrupt file's connection is not reused
            raise

    # -- connections ---------------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        local = self._local
        conn = getattr(local, "conn", None)
        if conn is not None and local.pid == os.getpid():
            # fstat on the file this thread holds open, not stat on its path: no path lookup each call
            if os.fstat(local.fd).st_nlink:
                return conn
            log.warning(json.dumps({"event": "store_file_replaced", "store": "SQLiteStore",
                                    "detail": "the SQLite file was deleted or replaced; opening a new one"}))
            self._drop(local)
        local.conn = None
        conn = self._open()
        try:
            fd = os.open(self.path, os.O_RDONLY)  # held with the connection (not inherited by children)
        except OSError:
            conn.close()
            raise
        local.conn, local.pid, local.fd = conn, os.getpid(), fd
        return conn

    @staticmethod
    def _drop(local: threading.local) -> None:
        """Close this thread's connection and the file it holds (after an error, or a replaced file)."""
        conn, local.conn = local.conn, None
        conn.close()
        os.close(local.fd)

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600))  # made owner-only before SQLite opens it
        # timeout= is SQLite's busy timeout: wait this long for another writer's lock, then fail.
        conn = sqlite3.connect(self.path, timeout=self.busy_timeout_ms / 1000, isolation_level=None,
                               check_same_thread=True)
        try:
            conn.execute("PRAGMA secure_delete = ON")  # "forget me" overwrites the deleted content
            conn.execute("PRAGMA synchronous = NORMAL")
            with self._schema_lock:
                self._init_schema(conn)
        except sqlite3.Error:
            conn.close()
            raise
        return conn

    def _init_schema(self, conn: sqlite3.Connection) -> None:
        """WAL, the table, and the version column on a file made before it; 'busy' retried up to
        the busy timeout (switching a new file to WAL can fail busy without SQLite's busy handler)."""
        deadline = time.monotonic() + self.busy_timeout_ms / 1000
        while True:
            try:
                if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                    if mode.lower() != "wal":
                        raise sqlite3.OperationalError(f"could not enable WAL journal mode (got {mode!r})")
                conn.execute(_SCHEMA)
                columns = {row[1] for row in conn.execute("PRAGMA table_info(attributes)")}
                if "version" not in columns:
                    conn.execute("ALTER TABLE attributes ADD COLUMN version INTEGER NOT NULL DEFAULT 0")
                return
            except sqlite3.OperationalError as exc:
                msg = str(exc).lower()
                if ("locked" not in msg and "busy" not in msg and "duplicate column" not in msg) \
                        or time.monotonic() >= deadline:
                    raise
                time.sleep(0.005 + 0.02 * random.random())
