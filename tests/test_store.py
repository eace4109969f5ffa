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

from skill.store import Conflict, DynamoStore, MemoryStore, SQLiteStore, Store, open_store, user_key

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
    store = open_store(f"sqlite:///{tmp_path / 'db.sqlite3'}", data_dir=tmp_path)
    anon = envelope(None)
    assert user_key(anon) is None
    assert store.update(anon, {"a": 1}, None) is None
    assert store.read(anon).attributes == {}
    assert store.delete(anon) is True
    assert not (tmp_path / "db.sqlite3").exists()


# --------------------------------------------------------------------------- SQLite

def sqlite_store(path: Path, **options) -> Store:
    return Store(SQLiteStore(path, **options))


def test_sqlite_roundtrip_delete_and_isolation(tmp_path):
    store = sqlite_store(tmp_path / "nested" / "dir" / "db.sqlite3")  # parent dirs get created
    assert store.read(envelope()).attributes == {} and store.read(envelope()).version == 0
    store.save_attributes(envelope(), ATTRS)
    store.save_attributes(envelope(OTHER), {"stretches_done": 99})
    assert store.get_attributes(envelope()) == ATTRS
    assert store.get_attributes(envelope(OTHER)) == {"stretches_done": 99}

    written = store.update(envelope(), {"stretches_done": 4}, 1, base=ATTRS)  # only the changed field
    assert written.version == 2 and store.get_attributes(envelope()) == {**ATTRS, "stretches_done": 4}

    assert store.delete(envelope())  # "forget me"
    assert store.get_attributes(envelope()) == {}
    assert store.get_attributes(envelope(OTHER)) == {"stretches_done": 99}
    # A fresh store on the same file sees the same data.
    assert sqlite_store(tmp_path / "nested" / "dir" / "db.sqlite3").get_attributes(envelope(OTHER)) == {
        "stretches_done": 99}


@pytest.mark.parametrize("backend", ["sqlite", "memory", "dynamodb"])
def test_a_write_based_on_an_old_version_is_refused_and_the_front_merges(backend, tmp_path, request):
    if backend == "dynamodb":
        endpoint = request.getfixturevalue("moto_endpoint")
        inner = DynamoStore("backpop-test", region="us-east-1", endpoint_url=endpoint)
    else:
        inner = SQLiteStore(tmp_path / "db.sqlite3") if backend == "sqlite" else MemoryStore()
    key = user_key(envelope(f"amzn1.ask.account.{backend}{tmp_path.name}"))
    inner.put(key, {"place": {"step": 1}, "popped_at": None}, 0)
    with pytest.raises(Conflict):
        inner.put(key, {"place": {"step": 0}}, 0)  # a second "first" write
    inner.put(key, {"place": {"step": 2}, "popped_at": None}, 1)
    with pytest.raises(Conflict):
        inner.put(key, {"place": {"step": 1}}, 1)  # a late write of the step before
    assert inner.fetch(key) .attributes["place"] == {"step": 2} and inner.fetch(key).version == 2

    store = Store(inner)  # a session that knows version 1 changes one field: read again and laid over
    written = store.update(envelope(f"amzn1.ask.account.{backend}{tmp_path.name}"), {"popped_at": 5.5}, 1,
                           base={"place": {"step": 1}, "popped_at": None})
    assert written.version == 3 and written.attributes == {"place": {"step": 2}, "popped_at": 5.5}
    assert inner.fetch(key).attributes == written.attributes


def test_sqlite_stores_only_hashed_keys_and_uses_wal(tmp_path):
    path = tmp_path / "db.sqlite3"
    store = sqlite_store(path)
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


def test_the_sqlite_files_are_readable_by_their_owner_only(tmp_path):
    path = tmp_path / "db.sqlite3"
    sqlite_store(path).save_attributes(envelope(), ATTRS)
    modes = {p.name: p.stat().st_mode & 0o777 for p in tmp_path.iterdir() if p.name.startswith(path.name)}
    assert modes[path.name] == 0o600 and all(mode == 0o600 for mode in modes.values()), modes


def test_a_file_made_before_versions_gets_the_column_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE attributes (key TEXT PRIMARY KEY, attributes TEXT NOT NULL, updated_at REAL NOT NULL)")
        conn.execute("INSERT INTO attributes VALUES (?, ?, 0)", (user_key(envelope()), json.dumps({"a": 1})))
    conn.close()
    store = sqlite_store(path)
    assert store.read(envelope()) .attributes == {"a": 1}
    assert store.update(envelope(), {"b": 2}, None).attributes == {"a": 1, "b": 2}


def test_a_deleted_sqlite_file_is_noticed_and_a_new_one_made(tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="skill.store")
    path = tmp_path / "db.sqlite3"
    store = sqlite_store(path)
    store.save_attributes(envelope(), {"a": 1})
    for leftover in tmp_path.iterdir():
        leftover.unlink()
    store.save_attributes(envelope(), {"b": 2})
    assert path.exists() and store.get_attributes(envelope()) == {"b": 2}
    assert sqlite_store(path).get_attributes(envelope()) == {"b": 2}  # on disk, not in a deleted inode
    assert [line["event"] for line in store_log_lines(caplog)] == ["store_file_replaced"]


def _write_many(path: str, worker: int, barrier, n: int) -> None:
    """Child process: 50 saves for this worker's own users, and 50 to one user all share."""
    store = Store(SQLiteStore(path, busy_timeout_ms=5000))
    barrier.wait(timeout=60)
    for i in range(n):
        assert store.update(envelope(f"amzn1.ask.account.W{worker}U{i}"), {"worker": worker, "i": i}, None)
        assert store.update(envelope("amzn1.ask.account.SHARED"), {f"w{worker}": i}, None)


def test_sqlite_concurrent_writer_processes_lose_no_update(tmp_path):
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

    store = sqlite_store(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM attributes").fetchone()[0] == workers * saves + 1
    conn.close()
    for w in range(workers):
        for i in (0, saves - 1):
            assert store.get_attributes(envelope(f"amzn1.ask.account.W{w}U{i}")) == {"worker": w, "i": i}
    shared = store.read(envelope("amzn1.ask.account.SHARED"))
    assert shared.attributes == {f"w{w}": saves - 1 for w in range(workers)}  # every worker's last write
    assert shared.version == workers * saves


def test_memory_store_roundtrip_and_copy():
    store = open_store("memory://", data_dir=Path("/nonexistent"))
    attrs = {"a": [1, 2]}
    store.save_attributes(envelope(), attrs)
    attrs["a"].append(3)  # later mutation by the caller is not persisted
    assert store.get_attributes(envelope()) == {"a": [1, 2]}
    assert store.get_attributes(envelope(OTHER)) == {}
    store.delete_attributes(envelope())
    assert store.get_attributes(envelope()) == {}


# --------------------------------------------------------------------------- the front: failures

class Exploding(MemoryStore):
    """Fails every call with a message that (badly) contains the raw user id."""

    def __init__(self, uid: str):
        super().__init__()
        self.uid = uid

    def fetch(self, key, *_):
        raise RuntimeError(f"backend exploded for {self.uid}")

    put = remove = fetch


class Hanging(MemoryStore):
    """Each call takes its whole deadline (0.3 s) and then fails, as a hung store's timeouts do."""

    def __init__(self):
        super().__init__()
        self.calls = 0

    def fetch(self, key, *_):
        self.calls += 1
        threading.Event().wait(0.3)
        raise TimeoutError("Read timeout on endpoint URL")

    put = remove = fetch


@pytest.mark.parametrize("uid", [USER, "simulator-user-42"])
def test_failures_are_unknown_not_empty_and_logged_as_one_json_line(caplog, uid):
    caplog.set_level(logging.WARNING, logger="skill.store")
    store = Store(Exploding(uid))
    assert store.state == "unknown"
    assert store.read(envelope(uid)) is None  # unknown, never {}
    assert store.state == "failing"
    assert store.update(envelope(uid), {"a": 1}, None) is None
    assert store.delete(envelope(uid)) is False

    lines = store_log_lines(caplog)
    assert [line["op"] for line in lines] == ["read", "update", "delete"]
    assert all(line["error"] == "RuntimeError" and line["event"] == "store_error" for line in lines)
    assert uid not in caplog.text and "amzn1.ask.account" not in caplog.text


def test_the_front_reports_ok_after_a_call_that_worked():
    store = Store(MemoryStore())
    store.save_attributes(envelope(), {"a": 1})
    assert store.get_attributes(envelope()) == {"a": 1}
    assert store.state == "ok" and store.probe() is True


def test_a_slow_failure_starts_a_cool_down_whose_skipped_calls_are_logged(caplog):
    caplog.set_level(logging.WARNING, logger="skill.store")
    inner = Hanging()
    store = Store(inner, cooldown=60)
    assert store.read(envelope()) is None
    assert store.update(envelope(), {"a": 1}, 3, base={}) is None  # skipped: no second wait
    assert inner.calls == 1 and store.state == "failing"
    lines = store_log_lines(caplog)
    assert [(line["event"], line["op"]) for line in lines] == [("store_error", "read"), ("store_skipped", "update")]
    assert store.probe() is False and inner.calls == 2  # the deep health check is never skipped


def test_sqlite_unopenable_path_does_not_raise(tmp_path, caplog):
    # Works even as root (where chmod does not stop writes): the "directory" is a regular file.
    caplog.set_level(logging.WARNING, logger="skill.store")
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    store = open_store(f"sqlite:///{blocker}/db.sqlite3", data_dir=tmp_path)  # tmp_path is absolute
    assert store.update(envelope(), {"a": 1}, None) is None
    assert store.read(envelope()) is None
    lines = store_log_lines(caplog)
    assert [line["op"] for line in lines] == ["update", "read"]
    assert all(line["event"] == "store_error" and line["store"] == "SQLiteStore" for line in lines)


def test_sqlite_locked_database_save_fails_without_losing_the_last_one(tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="skill.store")
    inner = SQLiteStore(tmp_path / "db.sqlite3", busy_timeout_ms=50)
    store = Store(inner)
    store.save_attributes(envelope(), {"v": 1})

    locker = sqlite3.connect(inner.path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        assert store.update(envelope(), {"v": 2}, 1, base={"v": 1}) is None
        assert store.state == "failing"
        # WAL: readers still get the last committed value while a writer holds the lock.
        assert store.get_attributes(envelope()) == {"v": 1}
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    (line,) = store_log_lines(caplog)
    assert line["op"] == "update" and line["error"] == "OperationalError" and "locked" in line["detail"]

    store.update(envelope(), {"v": 3}, 1, base={"v": 1})
    assert store.get_attributes(envelope()) == {"v": 3} and store.state == "ok"


# --------------------------------------------------------------------------- open_store

def test_open_store_url_forms(tmp_path):
    default = open_store(None, data_dir=tmp_path)
    assert isinstance(default, Store) and isinstance(default.backend, SQLiteStore)
    assert default.backend.path == tmp_path / "backpop.sqlite3"
    assert open_store("", data_dir=tmp_path).backend.path == tmp_path / "backpop.sqlite3"

    absolute = tmp_path / "abs" / "x.sqlite3"
    assert open_store(f"sqlite:///{absolute}", data_dir=Path("/elsewhere")).backend.path == absolute
    assert open_store("sqlite:///rel/y.sqlite3", data_dir=tmp_path).backend.path == tmp_path / "rel" / "y.sqlite3"

    dyn = open_store("dynamodb://backpop-prod", data_dir=tmp_path, region="eu-west-1",
                     endpoint_url="http://127.0.0.1:1", create_table=False, timeout=0.5)
    assert isinstance(dyn.backend, DynamoStore) and dyn.backend.read_timeout == 0.5
    assert (dyn.backend.table_name, dyn.backend.region, dyn.backend.endpoint_url, dyn.backend.create_table) == (
        "backpop-prod", "eu-west-1", "http://127.0.0.1:1", False)

    assert isinstance(open_store("memory://", data_dir=tmp_path).backend, MemoryStore)
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
    assert dynamo.state == "ok"
    assert got == ATTRS
    assert type(got["stretches_done"]) is int and type(got["streak"]["days"]) is int
    assert type(got["pain"]) is float and got["flags"][0] is True
    assert json.loads(json.dumps(got)) == ATTRS  # fully JSON-serialisable (no Decimal)
    assert dynamo.get_attributes(envelope(OTHER)) == {}


def test_dynamodb_delete(dynamo):
    dynamo.save_attributes(envelope(OTHER), {"a": 1})
    dynamo.delete_attributes(envelope(OTHER))
    assert dynamo.get_attributes(envelope(OTHER)) == {}
    assert dynamo.state == "ok"


def test_dynamodb_keys_are_hashed(dynamo, moto_endpoint):
    import boto3

    dynamo.save_attributes(envelope(), {"a": 1})
    table = boto3.resource("dynamodb", region_name="us-east-1", endpoint_url=moto_endpoint).Table("backpop-test")
    items = table.scan()["Items"]
    assert user_key(envelope()) in {item["id"] for item in items}
    assert "amzn1.ask.account" not in repr(items)


@pytest.mark.parametrize("create_table", [True, False])
def test_dynamodb_unreachable_endpoint_is_unknown_and_logged(moto_endpoint, caplog, create_table):  # noqa: ARG001 - credentials
    caplog.set_level(logging.WARNING, logger="skill.store")
    store = open_store("dynamodb://backpop-test", data_dir=Path("/unused"), create_table=create_table,
                       endpoint_url=f"http://127.0.0.1:{free_port()}", region="us-east-1", timeout=5)
    assert store.read(envelope()) is None
    assert store.update(envelope(), {"a": 1}, None) is None
    assert store.state == "failing"
    lines = store_log_lines(caplog)
    assert [line["op"] for line in lines] == ["read", "update"]
    assert lines[0]["event"] == "store_error" and lines[0]["error"] == "EndpointConnectionError"
    # botocore's retries can make the refused read take longer than Store.slow, and then the
    # update is skipped in the cool-down instead of failing again: logged either way
    assert lines[1]["event"] == "store_skipped" if lines[0]["elapsed_ms"] >= store.slow * 1000 else (
        lines[1]["event"] == "store_error" and lines[1]["error"] == "EndpointConnectionError")
    assert "amzn1.ask.account" not in caplog.text


def test_a_dynamodb_table_that_disappears_is_made_again(moto_endpoint, caplog):
    import boto3

    caplog.set_level(logging.WARNING, logger="skill.store")
    store = open_store("dynamodb://backpop-vanishing", data_dir=Path("/unused"), endpoint_url=moto_endpoint,
                       region="us-east-1")
    store.save_attributes(envelope(), {"a": 1})
    boto3.client("dynamodb", region_name="us-east-1", endpoint_url=moto_endpoint).delete_table(
        TableName="backpop-vanishing")
    assert store.read(envelope()).attributes == {}  # a new, empty table
    assert store.update(envelope(), {"b": 2}, None).attributes == {"b": 2}
    events = [line["event"] for line in store_log_lines(caplog)]
    assert events.count("store_table_created") == 2  # at first use, and after it vanished


def test_a_dynamodb_table_is_never_made_when_that_is_not_allowed(moto_endpoint, caplog):
    caplog.set_level(logging.WARNING, logger="skill.store")
    store = open_store("dynamodb://backpop-never-made", data_dir=Path("/unused"), endpoint_url=moto_endpoint,
                       region="us-east-1", create_table=False)
    assert store.read(envelope()) is None
    (line,) = store_log_lines(caplog)
    assert line["error"] == "ResourceNotFoundException"


def test_items_written_by_the_ask_sdk_adapter_are_read_and_updated(moto_endpoint):
    import boto3

    store = open_store("dynamodb://backpop-legacy", data_dir=Path("/unused"), endpoint_url=moto_endpoint,
                       region="us-east-1")
    store.read(envelope(OTHER))  # makes the table
    table = boto3.resource("dynamodb", region_name="us-east-1", endpoint_url=moto_endpoint).Table("backpop-legacy")
    table.put_item(Item={"id": user_key(envelope()), "attributes": {"intro_heard": True}})  # no version
    assert store.read(envelope()).attributes == {"intro_heard": True}
    assert store.update(envelope(), {"popped_at": 1.5}, None).attributes == {"intro_heard": True, "popped_at": 1.5}
