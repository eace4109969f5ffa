"""Each store fault, while a person talks: locked, read-only, corrupt then restored, disk full
(SQLite); unreachable and slow (DynamoDB through a loopback proxy in front of moto). Throughout,
every new session starts with the warning and every answer is well-formed; once the fault
clears, nothing that was saved is lost and what the person did meanwhile is saved."""
from __future__ import annotations

import socket
import sqlite3
import threading
import time
import uuid
from pathlib import Path

import pytest

from conftest import Conversation
from skill import build_skill, content
from skill.store import SQLiteStore, Store, open_store
from test_persistence import stored

TEXT = content.for_locale("en-US")
CAT_COW = ("cat cow", "cat_cow")


def check(reply, new_session: bool) -> None:
    assert reply.well_formed()
    if new_session:
        assert reply.speech.startswith(TEXT.text("safety.warning"))


def scenario(store: Store, fault, clear) -> None:
    """Saved, then a fault across sessions and mid-routine, then cleared: nothing lost, all saved."""
    talk = Conversation(build_skill(store=store), user_id=f"amzn1.ask.account.{uuid.uuid4().hex.upper()}")
    check(talk.launch(), True)
    talk.say("GuideStretchIntent", stretch=CAT_COW)
    check(talk.say("AMAZON.NextIntent"), False)
    assert stored(store, talk)["place"]["step"] == 1

    fault()
    check(talk.say("AMAZON.NextIntent"), False)  # step 3: perhaps not saved
    paused = talk.say("AMAZON.PauseIntent")
    check(paused, False)
    assert paused.ended
    check(talk.launch(), True)  # a new session: the record may be unknown now
    check(talk.say("JustPoppedIntent"), False)
    check(talk.say("WhatIsThePopIntent"), False)
    clear()
    check(talk.say("WhyWontItPopIntent"), False)  # the same session: what it said is saved now

    assert paused.speech == TEXT.text("guide.paused_not_kept", stretch="cat cow")  # the fault was real, and said
    record = stored(store, talk)
    assert record["popped_at"], record
    assert record["place"]["step"] == 1, record  # what was saved before: never wiped, never rolled back
    offer = talk.launch()
    check(offer, True)
    assert f"cat cow, step {record['place']['step'] + 1}" in offer.speech


def sqlite(tmp_path: Path, **options) -> tuple[Store, SQLiteStore]:
    backend = SQLiteStore(tmp_path / "faults.sqlite3", busy_timeout_ms=100)
    return Store(backend, **options), backend


def test_a_locked_database(tmp_path):
    store, backend = sqlite(tmp_path)
    holder: list[sqlite3.Connection] = []

    def fault():
        locker = sqlite3.connect(backend.path, isolation_level=None)
        locker.execute("BEGIN EXCLUSIVE")
        holder.append(locker)

    def clear():
        holder[0].execute("ROLLBACK")
        holder[0].close()

    scenario(store, fault, clear)


def test_a_read_only_database(tmp_path, monkeypatch):
    store, backend = sqlite(tmp_path)
    real_open = SQLiteStore._open

    def read_only(self):
        return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, isolation_level=None)

    def fault():
        monkeypatch.setattr(SQLiteStore, "_open", read_only)
        backend._local.conn = None

    def clear():
        monkeypatch.setattr(SQLiteStore, "_open", real_open)
        backend._local.conn = None

    scenario(store, fault, clear)


def test_a_corrupt_database_then_restored(tmp_path):
    store, backend = sqlite(tmp_path)
    saved: list[bytes] = []

    def fault():
        with sqlite3.connect(backend.path) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        saved.append(backend.path.read_bytes())
        with open(backend.path, "r+b") as db:  # the same file, overwritten in place
            db.write(b"\x00garbage" * (len(saved[0]) // 8))

    def clear():
        with open(backend.path, "r+b") as db:
            db.write(saved[0])

    scenario(store, fault, clear)


def test_a_full_disk(tmp_path, monkeypatch):
    store, backend = sqlite(tmp_path)
    real_put = SQLiteStore.put

    def full(self, key, attributes, expected):
        raise sqlite3.OperationalError("database or disk is full")

    scenario(store, lambda: monkeypatch.setattr(SQLiteStore, "put", full),
             lambda: monkeypatch.setattr(SQLiteStore, "put", real_put))


# -- DynamoDB through a proxy --------------------------------------------------------------------

class Proxy:
    """A TCP proxy on loopback in front of moto: passes, refuses (closes at once) or stalls."""

    def __init__(self, upstream: str) -> None:
        host, port = upstream.rsplit("//", 1)[1].split(":")
        self.upstream = (host, int(port))
        self.mode = "pass"
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self._closed = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.mode == "refuse":
                client.close()
                continue
            threading.Thread(target=self._serve, args=(client, self.mode), daemon=True).start()

    def _serve(self, client: socket.socket, mode: str) -> None:
        with client, socket.create_connection(self.upstream) as upstream:
            if mode == "stall":
                self._closed.wait(2.5)  # longer than the client's read timeout
                return
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()
            self._pipe(upstream, client)

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            try:
                sink.shutdown(socket.SHUT_WR)
            except OSError:
                pass

    def close(self) -> None:
        self._closed.set()
        self.listener.close()


@pytest.fixture
def proxy(moto_endpoint):
    proxy = Proxy(moto_endpoint)
    yield proxy
    proxy.close()


@pytest.mark.parametrize("mode", ["refuse", "stall"])
def test_an_unreachable_or_slow_dynamodb(proxy, mode):
    store = open_store(f"dynamodb://backpop-faults-{uuid.uuid4().hex[:8]}", data_dir=Path("/unused"),
                       endpoint_url=proxy.url, region="us-east-1", timeout=1.0)
    store.cooldown = 0.5  # a slow failure skips calls this long; cleared faults are seen after it
    store.probe()  # the table is made before the person starts

    def clear():
        proxy.mode = "pass"
        time.sleep(0.6)

    scenario(store, lambda: setattr(proxy, "mode", mode), clear)
