"""Tests for skill.store: SQLite, memory, DynamoDB (against moto's server on loopback), resilience."""

from __future__ import annotations

import json
import logging
import multiprocessing
import sqlite3
import threading
from pathlib import Path

import pytest

from conftest import free_port
from ask_sdk_model import Application, Context, LaunchRequest, RequestEnvelope, Session, User
from ask_sdk_model.interfaces.system import SystemState

from skill.store import (
    DynamoStore,
    MemoryStore,
    ResilientStore,
    SQLiteStore,
    open_store,
    user_key,
)

USER = "amzn1.ask.account.TEST"
OTHER = "amzn1.ask.account.OTHER"
ATTRS = {"stretches_done": 3, "last_pop": "lower back", "streak": {"days": 2, "best": 5}, "pain": 2.5,
         "flags": [True, None, "x"]}


def envelope(user_id: str | None = USER, *, in_context: bool = True) -> RequestEnvelope:
    """A LaunchRequest envelope for ``user_id`` (in context.system.user, or only in the session)."""
    user = User(user_id=user_id) if user_id else None
    app = Application(application_id="amzn1.ask.skill.x")
    return RequestEnvelope(
        version="1.0",
        context=Context(system=SystemState(user=user if in_context else None, application=app)),
        session=Session(new=True, session_id="amzn1.echo-api.session.1", user=user, application=app),
        request=LaunchRequest(request_id="amzn1.echo-api.request.1", locale="en-US"),
    )


def store_log_lines(caplog: pytest.LogCaptureFixture) -> list[dict]:
    """Parse every 'skill.store' record; each must be exactly one JSON line."""
    lines = []
    for rec in caplog.records:
        if rec.name == "skill.store":
            msg = rec.getMessage()
            assert "\n" not in msg
            lines.append(json.loads(msg))
    return lines


# --------------------------------------------------------------------------- keys

def test_user_key_is_prefixed_sha256_and_stable():
    key = user_key(envelope())
    assert key.startswith("u1:") and len(key) == 3 + 64
    assert USER not in key
    assert key == user_key(envelope())
    assert key != user_key(envelope(OTHER))
    # Falls back to the session user when context.system.user is missing.
    assert user_key(envelope(in_context=False)) == key


def test_no_user_id_means_nothing_stored(tmp_path):
    store = SQLiteStore(tmp_path / "db.sqlite3")
    anon = envelope(None)
    assert user_key(anon) is None
    store.save_attributes(anon, {"a": 1})
    assert store.get_attributes(anon) == {}
    store.delete_attributes(anon)  # no error


# --------------------------------------------------------------------------- SQLite

def test_sqlite_roundtrip_delete_and_isolation(tmp_path):
    store = SQLiteStore(tmp_path / "nested" / "dir" / "db.sqlite3")  # parent dirs get created
    assert store.get_attributes(envelope()) == {}
    store.save_attributes(envelope(), ATTRS)
    store.save_attributes(envelope(OTHER), {"stretches_done": 99})
    assert store.get_attributes(envelope()) == ATTRS
    assert store.get_attributes(envelope(OTHER)) == {"stretches_done": 99}

    store.save_attributes(envelope(), {"stretches_done": 4})  # upsert replaces
    assert store.get_attributes(envelope()) == {"stretches_done": 4}

    store.delete_attributes(envelope())  # "forget me"
    assert store.get_attributes(envelope()) == {}
    assert store.get_attributes(envelope(OTHER)) == {"stretches_done": 99}
    # A fresh store on the same file sees the same data.
    assert SQLiteStore(store.path).get_attributes(envelope(OTHER)) == {"stretches_done": 99}


def test_sqlite_stores_only_hashed_keys_and_uses_wal(tmp_path):
    path = tmp_path / "db.sqlite3"
    store = SQLiteStore(path)
    store.save_attributes(envelope(), ATTRS)
    store.save_attributes(envelope(OTHER), ATTRS)

    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        keys = {k for (k,) in conn.execute("SELECT key FROM attributes")}
    conn.close()
    assert keys == {user_key(envelope()), user_key(envelope(OTHER))}

    files = [p for p in tmp_path.iterdir() if p.name.startswith(path.name)]
    blob = b"".join(p.read_bytes() for p in files)
    assert b"amzn1.ask.account" not in blob
    assert user_key(envelope()).encode() in blob


def _write_many(path: str, worker: int, barrier, n: int) -> None:
    """Child process: 50 saves for this worker's own users through its own SQLiteStore."""
    store = SQLiteStore(path)
    barrier.wait(timeout=60)
    for i in range(n):
        store.save_attributes(envelope(f"amzn1.ask.account.W{worker}U{i}"), {"worker": worker, "i": i})


def test_sqlite_concurrent_writer_processes(tmp_path):
    path = tmp_path / "shared.sqlite3"
    ctx = multiprocessing.get_context("spawn")
    workers, saves = 4, 50
    barrier = ctx.Barrier(workers)
    procs = [ctx.Process(target=_write_many, args=(str(path), w, barrier, saves)) for w in range(workers)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0] * workers

    store = SQLiteStore(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM attributes").fetchone()[0] == workers * saves
    conn.close()
    for w in range(workers):
        for i in (0, saves - 1):
            assert store.get_attributes(envelope(f"amzn1.ask.account.W{w}U{i}")) == {"worker": w, "i": i}


def test_memory_store_roundtrip_and_copy():
    store = open_store("memory://", data_dir=Path("/nonexistent"))
    attrs = {"a": [1, 2]}
    store.save_attributes(envelope(), attrs)
    attrs["a"].append(3)  # later mutation by the caller is not persisted
    assert store.get_attributes(envelope()) == {"a": [1, 2]}
    assert store.get_attributes(envelope(OTHER)) == {}
    store.delete_attributes(envelope())
    assert store.get_attributes(envelope()) == {}


# --------------------------------------------------------------------------- ResilientStore

class Exploding(MemoryStore):
    """Fails every call with a message that (badly) contains the raw user id."""

    def __init__(self, uid: str):
        super().__init__()
        self.uid = uid

    def get_attributes(self, request_envelope, *_):
        raise RuntimeError(f"backend exploded for {self.uid}")

    save_attributes = delete_attributes = get_attributes


class Hanging(MemoryStore):
    """Blocks each call until released (stands in for a store that takes 5 s)."""

    def __init__(self):
        super().__init__()
        self.release = threading.Event()
        self.calls = 0

    def get_attributes(self, request_envelope):
        self.calls += 1
        self.release.wait(5)
        return {"late": True}


@pytest.mark.parametrize("uid", [USER, "simulator-user-42"])
def test_resilient_swallows_errors_and_logs_one_json_line(caplog, uid):
    caplog.set_level(logging.WARNING, logger="skill.store")
    store = ResilientStore(Exploding(uid))
    assert store.get_attributes(envelope(uid)) == {}
    assert store.healthy is False
    assert store.save_attributes(envelope(uid), {"a": 1}) is None
    assert store.delete_attributes(envelope(uid)) is None

    lines = store_log_lines(caplog)
    assert [line["op"] for line in lines] == ["get", "save", "delete"]
    assert all(line["error"] == "RuntimeError" and line["event"] == "store_error" for line in lines)
    assert uid not in caplog.text and "amzn1.ask.account" not in caplog.text


def test_resilient_recovers_and_reports_healthy():
    inner = MemoryStore()
    store = ResilientStore(inner)
    store.save_attributes(envelope(), {"a": 1})
    assert store.get_attributes(envelope()) == {"a": 1}
    assert store.healthy is True


def test_resilient_times_out_slow_store(caplog):
    caplog.set_level(logging.WARNING, logger="skill.store")
    inner = Hanging()
    store = ResilientStore(inner, timeout=0.2, cooldown=60)
    try:
        assert store.get_attributes(envelope()) == {}
        lines = store_log_lines(caplog)
        assert len(lines) == 1 and lines[0]["error"] == "timeout" and lines[0]["op"] == "get"
        # While cooling down the hung store is not called again (no second wait per request).
        assert store.get_attributes(envelope()) == {}
        assert inner.calls == 1 and store.healthy is False
    finally:
        inner.release.set()


def test_sqlite_unopenable_path_does_not_raise(tmp_path, caplog):
    # Works even as root (where chmod does not stop writes): the "directory" is a regular file.
    caplog.set_level(logging.WARNING, logger="skill.store")
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    store = open_store(f"sqlite:///{blocker}/db.sqlite3", data_dir=tmp_path)  # tmp_path is absolute
    assert store.save_attributes(envelope(), {"a": 1}) is None
    assert store.get_attributes(envelope()) == {}
    lines = store_log_lines(caplog)
    assert [line["op"] for line in lines] == ["save", "get"]
    assert all(line["event"] == "store_error" and line["store"] == "SQLiteStore" for line in lines)


def test_sqlite_locked_database_save_is_swallowed_then_recovers(tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="skill.store")
    inner = SQLiteStore(tmp_path / "db.sqlite3", busy_timeout_ms=50)
    store = ResilientStore(inner, timeout=5)
    store.save_attributes(envelope(), {"v": 1})

    locker = sqlite3.connect(inner.path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        assert store.save_attributes(envelope(), {"v": 2}) is None
        assert store.healthy is False
        # WAL: readers still get the last committed value while a writer holds the lock.
        assert store.get_attributes(envelope()) == {"v": 1}
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    (line,) = store_log_lines(caplog)
    assert line["op"] == "save" and line["error"] == "OperationalError" and "locked" in line["detail"]

    store.save_attributes(envelope(), {"v": 3})
    assert store.get_attributes(envelope()) == {"v": 3} and store.healthy is True


# --------------------------------------------------------------------------- open_store

def test_open_store_url_forms(tmp_path):
    default = open_store(None, data_dir=tmp_path)
    assert isinstance(default, ResilientStore) and isinstance(default.inner, SQLiteStore)
    assert default.inner.path == tmp_path / "backpop.sqlite3"
    assert open_store("", data_dir=tmp_path).inner.path == tmp_path / "backpop.sqlite3"

    absolute = tmp_path / "abs" / "x.sqlite3"
    assert open_store(f"sqlite:///{absolute}", data_dir=Path("/elsewhere")).inner.path == absolute
    assert open_store("sqlite:///rel/y.sqlite3", data_dir=tmp_path).inner.path == tmp_path / "rel" / "y.sqlite3"

    dyn = open_store("dynamodb://backpop-prod", data_dir=tmp_path, region="eu-west-1",
                     endpoint_url="http://127.0.0.1:1", create_table=False, timeout=0.5)
    assert isinstance(dyn.inner, DynamoStore) and dyn.timeout == 0.5
    assert (dyn.inner.table_name, dyn.inner.region, dyn.inner.endpoint_url, dyn.inner.create_table) == (
        "backpop-prod", "eu-west-1", "http://127.0.0.1:1", False)

    assert isinstance(open_store("memory://", data_dir=tmp_path).inner, MemoryStore)
    # Opening never touches the disk or network.
    assert not (tmp_path / "backpop.sqlite3").exists()


def test_open_store_default_sqlite_works(tmp_path):
    store = open_store(None, data_dir=tmp_path / "data")
    store.save_attributes(envelope(), {"a": 1})
    assert open_store(None, data_dir=tmp_path / "data").get_attributes(envelope()) == {"a": 1}


@pytest.mark.parametrize("url", ["postgres://db/x", "redis://localhost", "sqlite://", "dynamodb://",
                                 "dynamodb://t", "dynamodb://table/extra", "file:///tmp/x", "backpop.sqlite3"])
def test_open_store_rejects_bad_urls(url, tmp_path):
    with pytest.raises(ValueError, match="store URL"):
        open_store(url, data_dir=tmp_path)


# --------------------------------------------------------------------------- DynamoDB via moto server





@pytest.fixture
def dynamo(moto_endpoint):
    return open_store("dynamodb://backpop-test", data_dir=Path("/unused"), endpoint_url=moto_endpoint,
                      region="us-east-1", timeout=5)


def test_dynamodb_roundtrip_returns_plain_json_types(dynamo):
    dynamo.save_attributes(envelope(), ATTRS)
    got = dynamo.get_attributes(envelope())
    assert dynamo.healthy is True
    assert got == ATTRS
    assert type(got["stretches_done"]) is int and type(got["streak"]["days"]) is int
    assert type(got["pain"]) is float and got["flags"][0] is True
    assert json.loads(json.dumps(got)) == ATTRS  # fully JSON-serialisable (no Decimal)
    assert dynamo.get_attributes(envelope(OTHER)) == {}


def test_dynamodb_delete(dynamo):
    dynamo.save_attributes(envelope(OTHER), {"a": 1})
    dynamo.delete_attributes(envelope(OTHER))
    assert dynamo.get_attributes(envelope(OTHER)) == {}
    assert dynamo.healthy is True


def test_dynamodb_keys_are_hashed(dynamo, moto_endpoint):
    import boto3

    dynamo.save_attributes(envelope(), {"a": 1})
    table = boto3.resource("dynamodb", region_name="us-east-1", endpoint_url=moto_endpoint).Table("backpop-test")
    items = table.scan()["Items"]
    assert user_key(envelope()) in {item["id"] for item in items}
    assert "amzn1.ask.account" not in repr(items)


@pytest.mark.parametrize("create_table", [True, False])
def test_dynamodb_unreachable_endpoint_returns_empty(moto_endpoint, caplog, create_table):
    caplog.set_level(logging.WARNING, logger="skill.store")
    store = open_store("dynamodb://backpop-test", data_dir=Path("/unused"), create_table=create_table,
                       endpoint_url=f"http://127.0.0.1:{free_port()}", region="us-east-1", timeout=5)
    assert store.get_attributes(envelope()) == {}
    assert store.save_attributes(envelope(), {"a": 1}) is None
    assert store.healthy is False
    lines = store_log_lines(caplog)
    assert [line["op"] for line in lines] == ["get", "save"]
    assert all(line["event"] == "store_error" and "EndpointConnectionError" in line["detail"] for line in lines)
    assert "amzn1.ask.account" not in caplog.text
