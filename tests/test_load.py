"""Many people doing whole routines at once against the production server (gunicorn with
skill/gunicorn_conf.py), on SQLite and on DynamoDB (moto's server); every saved place checked at
the end. Zero lost updates, zero 5xx. Bounded: a few seconds each."""
from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import envelope, free_port, intent_request
from skill import content

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = 24
WARNING = content.for_locale("en-US").text("safety.warning")


def start_server(tmp_path: Path, **env: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    environ = {**os.environ, "BACKPOP_VERIFY": "0", "BACKPOP_DATA_DIR": str(tmp_path), "BACKPOP_LOG_LEVEL": "WARNING",
               "WEB_CONCURRENCY": "2", "BACKPOP_BIND": f"127.0.0.1:{port}", **env}
    with open(tmp_path / "server.log", "wb") as log:
        server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", str(ROOT / "skill" / "gunicorn_conf.py"),
                                   "skill.app:create_app()"], env=environ, cwd=ROOT, stdout=subprocess.DEVNULL,
                                  stderr=log)
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1):
                return server, port
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.05)
    server.kill()
    pytest.fail("gunicorn did not start: " + (tmp_path / "server.log").read_text()[-2000:])


class Person:
    """One person on their own keep-alive connection, carrying their session like a device does."""

    def __init__(self, port: int, n: int) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        self.user = f"amzn1.ask.account.LOAD{n}{uuid.uuid4().hex[:8].upper()}"
        self.attributes, self.new, self.session = None, True, f"amzn1.echo-api.session.{uuid.uuid4()}"
        self.statuses: list[int] = []

    def say(self, request: dict) -> dict:
        body = envelope(request, new=self.new, session_id=self.session, attributes=self.attributes,
                        user_id=self.user)
        self.conn.request("POST", "/", body=json.dumps(body), headers={"Content-Type": "application/json"})
        reply = self.conn.getresponse()
        raw = reply.read()
        self.statuses.append(reply.status)
        assert reply.status == 200, raw[:300]
        data = json.loads(raw)
        ssml = data["response"]["outputSpeech"]["ssml"]
        ET.fromstring(ssml)
        if self.new:
            assert ssml.startswith(f"<speak>{WARNING}"), ssml[:120]
        self.attributes, self.new = data.get("sessionAttributes"), False
        if data["response"].get("shouldEndSession"):
            self.attributes, self.new, self.session = None, True, f"amzn1.echo-api.session.{uuid.uuid4()}"
        return data


def routine(person: Person, n: int) -> int:
    """Launch, a guided stretch, some steps, pause; then a new session that resumes and steps on.
    Returns the step (index) the person paused at the second time."""
    person.say({"type": "LaunchRequest"})
    person.say(intent_request("GuideStretchIntent", stretch=("cat cow", "cat_cow")))
    for _ in range(n % 3):
        person.say(intent_request("AMAZON.NextIntent"))
    person.say(intent_request("JustPoppedIntent"))  # another field, written alongside the place
    person.say(intent_request("AMAZON.ResumeIntent"))
    person.say(intent_request("AMAZON.PauseIntent"))
    person.say(intent_request("AMAZON.ResumeIntent"))  # a new session
    person.say(intent_request("AMAZON.NextIntent"))
    paused = person.say(intent_request("AMAZON.PauseIntent"))
    assert "keep your place" in paused["response"]["outputSpeech"]["ssml"]
    return n % 3 + 1


def everyone_at_once(port: int) -> list[tuple[Person, int]]:
    people = [Person(port, n) for n in range(PEOPLE)]
    results: list[tuple[Person, int]] = []
    failures: list[BaseException] = []

    def run(person: Person, n: int) -> None:
        try:
            results.append((person, routine(person, n)))
        except BaseException as exc:  # reported below
            failures.append(exc)
        finally:
            person.conn.close()

    threads = [threading.Thread(target=run, args=(person, n)) for n, person in enumerate(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures, failures[0]
    assert len(results) == PEOPLE
    return results


def check_places(store, results: list[tuple[Person, int]]) -> None:
    from test_persistence import stored

    class Talk:  # what stored() needs of a conversation
        def __init__(self, user: str) -> None:
            self.user_id = user

    for person, step in results:
        record = stored(store, Talk(person.user))
        assert record["place"]["stretch_ids"] == ["cat_cow"] and record["place"]["step"] == step, person.user
        assert record["popped_at"] and record["intro_heard"] is True
        assert all(status == 200 for status in person.statuses)


@pytest.mark.load
def test_many_people_at_once_on_sqlite_under_gunicorn(tmp_path):
    from skill.store import open_store

    server, port = start_server(tmp_path)
    try:
        results = everyone_at_once(port)
    finally:
        server.terminate()
        server.wait(timeout=20)
    check_places(open_store(None, data_dir=tmp_path), results)
    assert "Traceback" not in (tmp_path / "server.log").read_text()


@pytest.mark.load
def test_many_people_at_once_on_dynamodb_under_gunicorn(tmp_path, moto_endpoint):
    from skill.store import open_store

    table = f"backpop-load-{uuid.uuid4().hex[:8]}"
    # moto loads its DynamoDB backend on the first request, seconds on a cold run: warm it (and
    # make the table) first, so the skill's 1 s store timeout measures the skill, not moto's start
    assert open_store(f"dynamodb://{table}", data_dir=tmp_path, endpoint_url=moto_endpoint, region="us-east-1",
                      timeout=30).probe()
    server, port = start_server(tmp_path, BACKPOP_STORE=f"dynamodb://{table}", BACKPOP_DYNAMODB_ENDPOINT=moto_endpoint,
                                AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                                BACKPOP_DYNAMODB_REGION="us-east-1")
    try:
        results = everyone_at_once(port)
    finally:
        server.terminate()
        server.wait(timeout=20)
    check_places(open_store(f"dynamodb://{table}", data_dir=tmp_path, endpoint_url=moto_endpoint,
                            region="us-east-1"), results)
    assert "Traceback" not in (tmp_path / "server.log").read_text()
