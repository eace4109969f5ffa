"""How long Back Pop Coach takes to answer, as a ratio against a bare Flask JSON endpoint.

Both run in this process through Flask's test client, interleaved round by round, so machine
noise hits them alike. Prints medians in microseconds and the ratio skill/baseline per case.

    .venv/bin/python benchmarks/request_latency.py [--rounds 300] [--store memory://]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from flask import Flask, jsonify, request

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from conftest import envelope, intent_request  # noqa: E402

from skill.app import create_app  # noqa: E402
from skill.config import Config  # noqa: E402

CANNED = {"version": "1.0", "response": {"outputSpeech": {"type": "SSML", "ssml": "<speak>hi</speak>"},
                                         "shouldEndSession": False}}


def baseline_app() -> Flask:
    app = Flask("baseline")

    @app.post("/")
    def answer():
        json.loads(request.get_data())
        return jsonify(CANNED)

    return app


CASES = {
    "launch": lambda: envelope({"type": "LaunchRequest"}, new=True, session_id="s", attributes=None),
    "explain the pop": lambda: envelope(intent_request("WhatIsThePopIntent"), new=False, session_id="s",
                                        attributes=None),
    "red flag free text": lambda: envelope(intent_request("QuestionIntent", query="my legs are numb and weak"),
                                           new=False, session_id="s", attributes=None),
    "guided step": lambda: envelope(intent_request("AMAZON.NextIntent"), new=False, session_id="s", attributes={
        "turn": {"pending": "routine", "routine": {"stretch_ids": ["cat_cow"], "index": 0, "step": 0}}}),
}


def timed(client, body: bytes) -> float:
    start = time.perf_counter()
    reply = client.post("/", data=body, content_type="application/json")
    elapsed = time.perf_counter() - start
    assert reply.status_code == 200
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--store", default="memory://")
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp())
    skill_client = create_app(Config(verify=False, store=args.store, data_dir=data_dir,
                                     log_level="WARNING")).test_client()
    base_client = baseline_app().test_client()
    print(f"{'case':<22}{'skill µs':>10}{'base µs':>10}{'ratio':>8}")
    for name, build in CASES.items():
        body = json.dumps(build()).encode()
        for _ in range(20):  # warm up caches and imports
            timed(skill_client, body), timed(base_client, body)
        skill_times, base_times = [], []
        for _ in range(args.rounds):
            skill_times.append(timed(skill_client, body))
            base_times.append(timed(base_client, body))
        s, b = statistics.median(skill_times) * 1e6, statistics.median(base_times) * 1e6
        print(f"{name:<22}{s:>10.0f}{b:>10.0f}{s / b:>8.2f}")


if __name__ == "__main__":
    main()
