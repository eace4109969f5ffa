"""Realistic phrasings and whole conversations through virtual-alexa, the independent client.

virtual-alexa (pinned in tests/acceptance/package.json) resolves each utterance strictly against
the interaction model's samples and posts Alexa-shaped requests to `backpop serve` on loopback,
as the acceptance checks do. Each turn is checked for the kind of answer a person should get.
Needs node and `npm ci --prefix tests/acceptance` (.ci/run does both): skipped locally without
them, a failure in CI.
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import free_port
from skill import content
from skill.speech import spoken_text

HERE = Path(__file__).resolve().parent / "acceptance"
ROOT = HERE.parents[1]
CASES = json.loads((HERE / "conversations.json").read_text(encoding="utf-8"))
TEXT = content.for_locale("en-US")


def lead(key: str, **values: str) -> str:
    """The fixed opening of a content text (up to its first placeholder)."""
    node = TEXT.raw(key)
    node = node["text"] if isinstance(node, dict) else node
    return (node[0] if isinstance(node, list) else node).split("{")[0].strip()


MARKERS = {
    "launch": [lead("basics.launch")], "help": [lead("basics.help")],
    "pop_what": [lead("pops.topics.what")], "pop_wont": [lead("pops.topics.wont")],
    "pop_more": [lead("pops.topics.wont_more")], "pop_stopped": [lead("pops.topics.stopped")],
    "pop_safe": [lead("pops.topics.safe")],
    "offer": [lead("stretches.pick_offer")], "step": [lead("guide.say_next")],
    "triage": [q["text"] for q in TEXT.raw("symptoms.questions")],
    "emergency": [lead("safety.levels.emergency")], "right_away": [lead("safety.levels.right_away")],
    "urgent": [lead("safety.levels.urgent")], "soon": [lead("safety.levels.soon")],
    "selfcare": [lead("selfcare.tips")], "professional": [lead("selfcare.professional")],
    "bye": [*TEXT.raw("basics.goodbye"), lead("guide.paused"), lead("basics.goodbye_kept")],
    "resume": [lead("basics.resume_offer")], "allclear": [lead("symptoms.all_clear")],
    "hurt": [lead("guide.hurt")], "timer_noted": [lead("pops.timer.noted")], "timer_since": [lead("pops.timer.since")],
    "routine_help": [lead("guide.help")], "which": [lead("guide.which_step")], "hold": [lead("guide.hold_time"),
                                                                                          lead("guide.hold_none")],
    "different": [lead("stretches.different")], "done": [lead("guide.stretch_done"), lead("guide.routine_done")],
}
RED_FLAG_KINDS = ("emergency", "right_away", "urgent")
STRETCH_MARKERS = MARKERS["offer"] + MARKERS["step"]


def kinds(said: str) -> set[str]:
    return {kind for kind, markers in MARKERS.items() if any(m and m in said for m in markers)}




@pytest.fixture(scope="module")
def played(tmp_path_factory):
    """Every conversation, played once through virtual-alexa against a real `backpop serve`."""
    node = shutil.which("node")
    if not node or not (HERE / "node_modules" / "virtual-alexa").is_dir():
        reason = "needs node and the pinned client: npm ci --prefix tests/acceptance"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    port = free_port()
    data = tmp_path_factory.mktemp("acceptance")
    env = {**os.environ, "BACKPOP_VERIFY": "0", "BACKPOP_DATA_DIR": str(data), "BACKPOP_LOG_LEVEL": "WARNING"}
    server = subprocess.Popen([sys.executable, "-m", "skill.cli", "serve", "--port", str(port)], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        run = subprocess.run([node, str(HERE / "play.js"), str(ROOT / "interaction_models"),
                              f"http://127.0.0.1:{port}/", str(HERE / "conversations.json")],
                             capture_output=True, text=True, timeout=600, cwd=HERE)
        assert run.returncode == 0, run.stderr[-2000:]
        return {result["name"]: result["turns"] for result in json.loads(run.stdout)}
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_each_turn_gets_the_right_kind_of_answer(played, case):
    for turn, expected in zip(played[case["name"]], case["expect"]):
        assert "error" not in turn, f"{turn['utterance']!r}: {turn.get('error')}"
        said = spoken_text(turn["ssml"])
        assert expected in kinds(said), f"{turn['utterance']!r} -> {turn['request']}: {said}"
        if expected in RED_FLAG_KINDS:
            assert not any(marker in said for marker in STRETCH_MARKERS), f"{turn['utterance']!r}: a stretch over a red flag"


def test_every_session_opens_with_the_warning_or_red_flag_advice(played):
    warning = TEXT.text("safety.warning")
    for name, turns in played.items():
        first = spoken_text(turns[0].get("ssml", ""))
        assert first.startswith(warning) or first.startswith(lead("symptoms.heard")) \
            or first.startswith(lead("symptoms.unsure_lead")), f"{name}: {first[:80]}"


def test_the_median_response_is_at_most_45_words(played):
    counts = [len(spoken_text(t["ssml"]).split()) for turns in played.values() for t in turns if "ssml" in t]
    assert statistics.median(counts) <= 45, statistics.median(counts)
