"""The simulator's browser page: its JSON API, where it is mounted, and the page in a real Chromium."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest_simulator import models_dir, running_server, small_models  # noqa: F401

from skill.app import create_app
from skill.config import Config
from skill.simulator import envelopes, models
from skill.simulator.chat import Simulator
from skill.simulator.transport import InProcess
from skill.simulator.web import Conversations, standalone_app

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


# The page speaks replies with speechSynthesis; headless Chromium has no voices, so record what it says.
SPEECH_RECORDER = """
window.__spoken = [];
if (window.speechSynthesis) {
  window.speechSynthesis.speak = (utterance) => {
    window.__spoken.push(utterance.text);
    setTimeout(() => utterance.onend && utterance.onend(), 0);
  };
}
"""


@pytest.fixture
def app(models_dir):
    return standalone_app(models_dir=str(models_dir), transport=InProcess(store=None))


@pytest.fixture
def client(app):
    return app.test_client()


def turn(client, text: str, token: str | None = None, **extra):
    reply = client.post("/api/turn", json={"text": text, "locale": "en-US", "screen": False, "sessionToken": token, **extra})
    return reply.status_code, reply.get_json()


def test_the_page_and_its_files_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and b'id="utterance"' in page.data and b'aria-live="polite"' in page.data
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    for name, kind in (("app.js", "javascript"), ("app.css", "css")):
        static = client.get(f"/static/{name}")
        assert static.status_code == 200 and kind in static.content_type
        static.close()
    page.close()


def test_a_turn_returns_the_resolution_request_response_and_what_is_heard(client):
    status, first = turn(client, "open back pop coach")
    assert status == 200
    assert first["resolution"]["kind"] == "launch" and first["request"]["request"]["type"] == "LaunchRequest"
    assert first["heard"] and first["reprompt"] and first["sessionOpen"] is True and first["session"] == "(session open)"
    assert first["response"]["response"]["outputSpeech"]["type"] == "SSML"
    status, second = turn(client, "guide me through cat cow", first["sessionToken"], screen=True)
    assert status == 200 and second["sessionToken"] == first["sessionToken"]
    assert second["request"]["session"]["new"] is False
    assert "Alexa.Presentation.APL" in second["request"]["context"]["System"]["device"]["supportedInterfaces"]
    assert second["resolution"]["slots"]["stretch"]["id"] == "cat_cow"
    assert second["step"]["stepNumber"] == 1 and second["screen"].startswith("Cat cow — step 1 of")
    status, third = turn(client, "next", first["sessionToken"], screen=True)
    assert any("pause" in part for part in third["heardParts"]) and third["step"]["stepNumber"] == 2


def test_silence_and_exit(client):
    _, first = turn(client, "open back pop coach")
    _, quiet = turn(client, "", first["sessionToken"])
    assert quiet["request"] is None and quiet["note"].startswith("Alexa repeats the reprompt")
    _, gone = turn(client, "exit", first["sessionToken"])
    assert gone["request"]["request"]["reason"] == "USER_INITIATED" and gone["sessionOpen"] is False


@pytest.mark.parametrize("body", [{"text": 5}, {"text": "x" * 501}, {"text": "hi", "screen": "yes"},
                                  {"text": "hi", "locale": "fr-FR"}, ["not", "an", "object"]])
def test_bad_turns_are_refused(client, body):
    reply = client.post("/api/turn", json=body)
    assert reply.status_code == 400 and "error" in reply.get_json()


def test_a_new_locale_starts_a_new_session(client):
    _, first = turn(client, "open back pop coach")
    _, british = turn(client, "open back pop coach", first["sessionToken"], locale="en-GB")
    assert british["sessionToken"] != first["sessionToken"] and british["request"]["request"]["locale"] == "en-GB"
    assert client.get("/api/locales").get_json()["locales"] == list(models.LOCALES)
    assert client.post("/api/reset", json={"sessionToken": british["sessionToken"]}).get_json() == {"ok": True}


def test_conversations_are_bounded():
    kept = Conversations(limit=3)
    chat = Simulator.__new__(Simulator)
    tokens = [kept.add(chat) for _ in range(5)]
    assert len(kept) == 3 and kept.get(tokens[0]) is None and kept.get(tokens[-1]) is chat


def test_serve_mounts_the_page_only_when_verification_is_off(models_dir):
    open_app = create_app(Config(verify=False, store="memory://"))
    open_app.config["BACKPOP_SIMULATOR_MODELS"] = str(models_dir)
    client = open_app.test_client()
    assert client.get("/simulator").status_code in (301, 308)
    assert client.get("/simulator/").status_code == 200
    reply = client.post("/simulator/api/turn", json={"text": "why does my back pop"})
    assert reply.status_code == 200 and reply.get_json()["heard"]
    assert reply.get_json()["request"]["context"]["System"]["application"]["applicationId"] == envelopes.SKILL_ID
    closed = create_app(Config(verify=True, store="memory://")).test_client()
    assert closed.get("/simulator/").status_code == 404


@pytest.mark.browser
def test_the_page_in_a_real_headless_chromium(models_dir):
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must install Debian's chromium (apt-get install chromium) for the browser test")
        pytest.skip("needs Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    app = standalone_app(models_dir=str(models_dir), transport=InProcess(store=None))
    with running_server(app) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.add_init_script(SPEECH_RECORDER)
            page.goto(base + "/")
            has_recognition = page.evaluate("!!(window.SpeechRecognition || window.webkitSpeechRecognition)")
            expect(page.locator("#mic")).to_be_visible() if has_recognition else expect(page.locator("#mic")).to_be_hidden()
            page.get_by_label("What you'd say").fill("open back pop coach")
            page.get_by_role("button", name="Send").click()
            alexa = page.locator("#transcript .turn.alexa").last
            expect(alexa).to_contain_text("Which would you like?")
            expect(page.locator("#request-json")).to_contain_text('"type": "LaunchRequest"')
            expect(page.locator("#response-json")).to_contain_text('"outputSpeech"')
            expect(page.locator("#session-state")).to_have_text("Session open")
            page.wait_for_function("window.__spoken.some(t => t.includes('Which would you like?'))")
            page.get_by_label("Screen device (shows the APL card)").check()
            page.get_by_label("What you'd say").fill("guide me through cat cow")
            page.get_by_label("What you'd say").press("Enter")
            # the APL document itself, drawn by the page: the pose, the words, then a running countdown
            card = page.locator("#screen .apl-root")
            expect(card).to_be_visible()
            expect(card.locator(".apl-text").first).to_have_text("Cat cow")
            expect(card).to_contain_text("Step 1 of 4")
            expect(card).to_contain_text("hands and knees")
            assert card.locator("svg.apl-vector path").count() >= 5  # the all-fours drawing
            expect(page.locator("#resolution")).to_contain_text("GuideStretchIntent")
            expect(page.locator("#request-json")).to_contain_text("Alexa.Presentation.APL")
            page.get_by_label("What you'd say").fill("next")
            page.get_by_label("What you'd say").press("Enter")
            expect(card).to_contain_text("Step 2 of 4")
            expect(card).to_contain_text("Hold 6 seconds")  # before the hold starts
            counting = card.locator(".apl-text", has_text=re.compile(r"^[1-5]$"))
            expect(counting).to_be_visible(timeout=15_000)  # the countdown runs on elapsedTime
            expect(card).to_contain_text("seconds left")
            # the progress bar has a width while the hold runs (polled in the page: on a slow machine
            # the hold can end between two calls from here)
            page.wait_for_function("() => { const bar = document.querySelector('#screen .apl-frame .apl-frame');"
                                   " return bar !== null && bar.getBoundingClientRect().width > 0; }", timeout=15_000)
            assert page.locator("#screen .apl-viewport").get_attribute("data-unknown") == ""
            page.screenshot(path=str(ARTIFACTS / "simulator.png"), full_page=True)
            page.wait_for_function("(window.__sounds || []).includes('chime')", timeout=15_000)  # the hold's chime
            expect(page.locator("#transcript .turn.alexa").last).to_contain_text("[chime] And relax.")
            page.get_by_label("Locale").select_option("en-GB")
            page.get_by_label("What you'd say").fill("i fell off a ladder")
            page.get_by_role("button", name="Send").click()
            expect(page.locator("#transcript .turn.alexa").last).to_contain_text("999")  # the UK number
            expect(page.locator("#request-json")).to_contain_text('"locale": "en-GB"')
            assert errors == []
        finally:
            browser.close()
    assert (ARTIFACTS / "simulator.png").stat().st_size > 10_000
