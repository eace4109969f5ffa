"""What persists between sessions: the routine place, on SQLite and on DynamoDB (moto's server on
loopback); forgetting a person; and a store that fails never breaking the conversation."""
from __future__ import annotations

import json
import logging
import sqlite3
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

import pytest

import skill.session as session_module
from conftest import SKILL_ID, Conversation
from skill import answer, build_skill, content
from skill.store import Conflict, MemoryStore, Store, open_store
from test_guide import LEAD_WORDS, check_step, every_reply_is_sound  # noqa: F401 - an autouse fixture

ALLOWED_FIELDS = {"intro_heard", "place", "popped_at", "prefs", "progress", "reminder_offered_at", "warned"}  # warned: a time and two flags, no sign
CAT_COW = ("cat cow", "cat_cow")


def text():
    return content.for_locale("en-US")


def warning() -> str:
    return text().text("safety.warning")


def step_text(stretch: str, step: int) -> str:
    return text().stretches[stretch]["steps"][step]["text"]


def new_user() -> str:
    return f"amzn1.ask.account.{uuid.uuid4().hex.upper()}"


class Clock:
    """Stands in for the time module in skill.session: the real time plus an offset."""

    def __init__(self) -> None:
        self.offset = 0.0

    def time(self) -> float:
        return time.time() + self.offset


# -- the two stores -----------------------------------------------------------------------------



@pytest.fixture(params=["sqlite", "dynamodb"])
def store(request, tmp_path):
    if request.param == "sqlite":
        return open_store(f"sqlite:///{tmp_path / 'store.sqlite3'}", data_dir=tmp_path)
    endpoint = request.getfixturevalue("moto_endpoint")
    return open_store("dynamodb://backpop-guide-test", data_dir=Path("/unused"), endpoint_url=endpoint,
                      region="us-east-1", timeout=5)


@pytest.fixture
def talk(store):
    """A person (a fresh user id each test) talking to the skill on a real store."""
    return Conversation(build_skill(store=store), user_id=new_user())


def stored(store, talk: Conversation) -> dict:
    """The person's record as the store holds it (read through the adapter, as the skill does)."""
    from ask_sdk_model import RequestEnvelope

    envelope = {"version": "1.0", "context": {"System": {"application": {"applicationId": SKILL_ID},
                                                         "user": {"userId": talk.user_id}}},
                "request": {"type": "LaunchRequest", "requestId": "r", "timestamp": "2024-01-01T00:00:00Z",
                            "locale": "en-US"}}
    skill = build_skill()
    return store.get_attributes(skill.serializer.deserialize(json.dumps(envelope), RequestEnvelope))


def to_step_three(talk: Conversation):
    talk.launch()
    talk.say("GuideStretchIntent", stretch=CAT_COW)
    talk.say("AMAZON.NextIntent")
    return talk.say("AMAZON.NextIntent")


# -- pause and resume across sessions -------------------------------------------------------------

def test_pause_then_resume_in_a_new_session_at_the_same_step(talk, store):
    assert step_text("cat_cow", 2) in to_step_three(talk).speech
    paused = talk.say("AMAZON.PauseIntent")
    assert paused.ended
    assert stored(store, talk)["place"]["step"] == 2

    resumed = talk.say("AMAZON.ResumeIntent")  # a new session
    assert resumed.speech.startswith(warning())
    assert "Welcome back to cat cow" in resumed.speech
    check_step(resumed, "cat_cow", 2, limit=LEAD_WORDS)
    assert step_text("cat_cow", 3) in talk.say("AMAZON.NextIntent").speech
    assert "done" in talk.say("AMAZON.NextIntent").speech
    assert stored(store, talk)["place"] is None


@pytest.mark.parametrize("minutes", ["5", "10"])  # a two-minute routine is one stretch
def test_a_routine_paused_in_its_second_stretch_resumes_there(talk, minutes):
    talk.launch()
    first = talk.say("StartRoutineIntent", minutes=minutes)
    ids = first.raw["sessionAttributes"]["turn"]["routine"]["stretch_ids"]
    talk.say("SkipStretchIntent")
    talk.say("AMAZON.NextIntent")
    talk.say("AMAZON.PauseIntent")
    offer = talk.launch()
    assert offer.speech.startswith(warning())
    assert f"{text().stretches[ids[1]]['name']}, step 2" in offer.speech
    resumed = talk.say("AMAZON.YesIntent")
    check_step(resumed, ids[1], 1, limit=LEAD_WORDS)
    assert resumed.raw["sessionAttributes"]["turn"]["routine"]["stretch_ids"] == ids
    check_step(talk.say("AMAZON.NextIntent"), ids[1], 2)


def test_launch_offers_the_kept_place_after_the_warning_and_yes_continues(talk):
    to_step_three(talk)
    talk.say("AMAZON.PauseIntent")
    offer = talk.launch()
    assert offer.speech.startswith(warning())
    assert text().text("basics.resume_offer", stretch="cat cow", step=3) in offer.speech
    assert not offer.ended and offer.reprompt
    assert step_text("cat_cow", 2) in talk.say("AMAZON.YesIntent").speech


@pytest.mark.parametrize("query", ["back again had my cup of tea", "sorry that was my sister", "i'm back just had a cuppa"])
def test_a_yes_with_word_of_being_back_takes_the_resume_offer(talk, query):
    """ "Yes, back again, had my cup of tea" at the offer to pick up a paused routine is a yes; a yes
    with other news is not taken as one (test_conversation reads those)."""
    to_step_three(talk)
    talk.say("AMAZON.PauseIntent")
    talk.launch()
    assert step_text("cat_cow", 2) in talk.say("YesSaidIntent", query=query).speech


def test_launch_then_resume_continues(talk):
    to_step_three(talk)
    talk.say("AMAZON.PauseIntent")
    talk.launch()
    assert step_text("cat_cow", 2) in talk.say("AMAZON.ResumeIntent").speech


def test_no_to_the_offer_drops_the_place(talk, store):
    to_step_three(talk)
    talk.say("AMAZON.PauseIntent")
    talk.launch()
    fresh = talk.say("AMAZON.NoIntent")
    assert fresh.speech.startswith(text().text("guide.fresh"))
    assert text().text("basics.launch") in fresh.speech
    assert stored(store, talk)["place"] is None
    again = talk.launch()
    assert "Last time" not in again.speech
    assert "nothing to say yes" in talk.say("AMAZON.ResumeIntent").speech


@pytest.mark.parametrize("said", [("YesSaidIntent", "carry on"), ("YesSaidIntent", "continue"),
                                  ("YesSaidIntent", "let's keep going")])
def test_the_offer_to_carry_on_taken_in_words(talk, said):
    to_step_three(talk)
    talk.say("AMAZON.PauseIntent")
    talk.launch()
    assert step_text("cat_cow", 2) in talk.say(said[0], query=said[1]).speech


@pytest.mark.parametrize("said", [("NoSaidIntent", "start again from first"), ("QuestionIntent", "start over from the top"),
                                  ("NoSaidIntent", "let's start again")])
def test_the_offer_to_carry_on_answered_start_again_in_words(talk, store, said):
    talk.launch()
    ids = talk.say("StartRoutineIntent", minutes="5").raw["sessionAttributes"]["turn"]["routine"]["stretch_ids"]
    for _ in range(5):
        talk.say("AMAZON.NextIntent")
    talk.say("AMAZON.PauseIntent")
    talk.launch()
    restarted = talk.say(said[0], query=said[1])
    assert restarted.speech.startswith(text().text("guide.fresh"))
    assert step_text(ids[0], 0) in restarted.speech
    assert restarted.raw["sessionAttributes"]["turn"]["routine"]["index"] == 0


@pytest.mark.parametrize("said", [("SkipStretchIntent", None), ("SaidThisIntent", "one i am not liking"),
                                  ("NotSaidIntent", "this one")])
def test_a_single_stretch_skipped_is_not_done_and_another_is_offered(talk, store, said):
    talk.launch()
    talk.say("GuideStretchIntent", stretch=("cat cow", "cat_cow"))
    talk.say("AMAZON.NextIntent")
    skipped = talk.say(said[0], **({"query": said[1]} if said[1] else {}))
    assert "done" not in skipped.speech.lower() and "cat cow" not in skipped.speech.lower()
    assert skipped.speech.endswith(text().text("stretches.pick_offer"))
    assert not skipped.raw["sessionAttributes"]["turn"].get("routine")
    assert not stored(store, talk).get("progress")  # nothing noted as done
    started = talk.say("AMAZON.YesIntent")
    assert text().text("stretches.stop_if") in started.speech and "Cat cow" not in started.speech


@pytest.mark.parametrize("launch_first", [True, False])
def test_start_over_restarts_that_routine_at_step_one(talk, launch_first):
    talk.launch()
    ids = talk.say("StartRoutineIntent", minutes="5").raw["sessionAttributes"]["turn"]["routine"]["stretch_ids"]
    for _ in range(5):
        talk.say("AMAZON.NextIntent")
    talk.say("AMAZON.PauseIntent")
    if launch_first:
        talk.launch()
    restarted = talk.say("AMAZON.StartOverIntent")
    assert step_text(ids[0], 0) in restarted.speech
    assert text().text("stretches.stop_if") in restarted.speech
    assert restarted.raw["sessionAttributes"]["turn"]["routine"] == {
        "stretch_ids": ids, "index": 0, "step": 0, "easier": False}


@pytest.mark.parametrize("close", ["end_session", "stop", "cancel"])
def test_a_session_that_closes_mid_routine_keeps_the_place(talk, close):
    to_step_three(talk)
    if close == "end_session":
        talk.end_session()
    else:
        assert talk.say("AMAZON.StopIntent" if close == "stop" else "AMAZON.CancelIntent").ended
    offer = talk.launch()
    assert "cat cow, step 3" in offer.speech


def test_the_easier_version_is_resumed_as_easier(talk):
    to_step_three(talk)
    talk.say("EasierIntent")
    talk.say("AMAZON.PauseIntent")
    resumed = talk.say("AMAZON.ResumeIntent")
    assert text().stretches["cat_cow"]["easier"] in resumed.speech


def test_a_place_older_than_a_day_is_dropped(talk, store, monkeypatch):
    to_step_three(talk)
    talk.say("AMAZON.PauseIntent")
    clock = Clock()
    monkeypatch.setattr(session_module, "time", clock)
    clock.offset = 23 * 3600
    assert "Last time" in talk.launch().speech
    clock.offset = 24 * 3600 + 60
    assert "Last time" not in talk.launch().speech
    assert "Welcome back" not in talk.say("AMAZON.ResumeIntent").speech


@pytest.mark.parametrize("request_", [("ItHurtsIntent", {}),
                                      ("ReportSymptomIntent", {"symptom": ("numbness in my groin",
                                                                           "saddle_numbness")})])
def test_pain_or_a_red_flag_drops_the_place(talk, store, request_):
    to_step_three(talk)
    talk.say(request_[0], **request_[1])
    assert stored(store, talk)["place"] is None
    assert "Last time" not in talk.launch().speech


def test_the_store_holds_only_progress_pop_time_intro_and_preferences(talk, store):
    to_step_three(talk)
    talk.say("JustPoppedIntent")
    talk.say("CheckSymptomsIntent")
    talk.say("AMAZON.NoIntent")
    talk.say("ReportSymptomIntent", symptom=("it's been aching for weeks", "lasting"))
    record = stored(store, talk)
    assert set(record) <= ALLOWED_FIELDS
    assert record["intro_heard"] is True and isinstance(record["popped_at"], float)
    assert set(record["place"]) == {"stretch_ids", "index", "step", "easier", "saved_at"}
    blob = json.dumps(record)
    assert "aching" not in blob and "lasting" not in blob and talk.user_id not in blob


def test_sqlite_rows_are_keyed_by_a_hash_of_the_user_id(tmp_path):
    path = tmp_path / "store.sqlite3"
    talk = Conversation(build_skill(store=open_store(f"sqlite:///{path}", data_dir=tmp_path)), user_id=new_user())
    to_step_three(talk)
    with sqlite3.connect(path) as conn:
        keys = [k for (k,) in conn.execute("SELECT key FROM attributes")]
    conn.close()
    assert len(keys) == 1 and keys[0].startswith("u1:") and talk.user_id not in keys[0]


# -- forgetting -----------------------------------------------------------------------------------

def test_forget_me_deletes_the_record(talk, store):
    to_step_three(talk)
    talk.say("JustPoppedIntent")
    forgot = talk.say("ForgetMeIntent")
    assert forgot.speech == text().text("basics.forgot")
    assert stored(store, talk) == {}
    talk.end_session()
    again = talk.launch()
    assert again.speech.startswith(warning())
    assert text().text("safety.intro") in again.speech
    assert "Last time" not in again.speech
    assert "ago" not in talk.say("WhyWontItPopIntent").speech


def test_forget_me_as_the_first_request_of_a_session(talk, store):
    to_step_three(talk)
    talk.say("AMAZON.PauseIntent")
    forgot = talk.say("ForgetMeIntent")
    assert forgot.speech.startswith(warning()) and text().text("basics.forgot") in forgot.speech
    assert stored(store, talk) == {}
    assert "Last time" not in talk.launch().speech


def skill_disabled(user_id: str) -> dict:
    """AlexaSkillEvent.SkillDisabled, as Alexa sends it: no session, the user in context and body."""
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "version": "1.0",
        "context": {"System": {"application": {"applicationId": SKILL_ID}, "user": {"userId": user_id},
                               "apiEndpoint": "https://api.amazonalexa.com"}},
        "request": {"type": "AlexaSkillEvent.SkillDisabled", "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
                    "timestamp": now, "body": {"userId": user_id, "userInformationPersistenceStatus": "NOT_PERSISTED"},
                    "eventCreationTime": now, "eventPublishingTime": now},
    }


def test_the_skill_disabled_event_deserialises():
    from ask_sdk_model import RequestEnvelope
    from ask_sdk_model.events.skillevents import SkillDisabledRequest

    parsed = build_skill().serializer.deserialize(json.dumps(skill_disabled("amzn1.ask.account.X")), RequestEnvelope)
    assert isinstance(parsed.request, SkillDisabledRequest)
    assert parsed.session is None


def test_disabling_the_skill_deletes_the_record(talk, store):
    other = Conversation(talk.skill, user_id=new_user())
    to_step_three(talk)
    to_step_three(other)
    result = answer(talk.skill, skill_disabled(talk.user_id))
    assert "outputSpeech" not in result.get("response", {})
    assert stored(store, talk) == {}
    assert stored(store, other)["place"]["step"] == 2  # only that person's record
    first = talk.launch()
    assert text().text("safety.intro") in first.speech and "Last time" not in first.speech


def test_disabling_without_a_store_is_harmless(skill):
    result = answer(skill, skill_disabled("amzn1.ask.account.NOSTORE"))
    assert "outputSpeech" not in result.get("response", {})


# -- a store that fails never breaks the conversation ----------------------------------------------

class Broken(MemoryStore):
    """Every call fails at once, as a locked, read-only or unreachable store would."""

    def fetch(self, key):
        raise OSError("attempt to write a readonly database")

    put = remove = fetch


class Slow(MemoryStore):
    """Every call fails after its own deadline (0.3 s), as a hung store behind botocore's timeouts would."""

    def fetch(self, key, *args):
        time.sleep(0.3)
        raise TimeoutError("read timed out")

    put = remove = fetch


@pytest.fixture(params=["broken", "slow"])
def failing_talk(request):
    inner = Broken() if request.param == "broken" else Slow()
    return Conversation(build_skill(store=Store(inner)), user_id=new_user())


def test_a_failing_store_never_breaks_the_conversation(failing_talk, caplog):
    caplog.set_level(logging.WARNING, logger="skill.store")
    talk = failing_talk
    first = talk.launch()
    assert first.speech.startswith(warning())
    assert text().text("basics.launch") in first.speech
    step = talk.say("GuideStretchIntent", stretch=CAT_COW)
    assert text().text("stretches.stop_if") in step.speech and step_text("cat_cow", 0) in step.speech
    assert step_text("cat_cow", 1) in talk.say("AMAZON.NextIntent").speech
    talk.say("JustPoppedIntent")
    assert "You popped it just now" in talk.say("WhyWontItPopIntent").speech  # from the session
    talk.say("GuideStretchIntent", stretch=CAT_COW)
    advice = talk.say("QuestionIntent", query="my legs are numb")
    assert "911" in advice.speech and advice.ended
    again = talk.say("GuideStretchIntent", stretch=CAT_COW)  # a new session, still on a failing store
    assert again.speech.startswith(warning())
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "skill.store"]
    assert lines and all(line["event"] in ("store_error", "store_skipped") for line in lines)
    assert {line["op"] for line in lines} >= {"read", "update"}
    assert talk.user_id not in caplog.text


def test_a_red_flag_first_thing_on_a_failing_store_is_still_advice(failing_talk):
    advice = failing_talk.say("ReportSymptomIntent", symptom=("numbness in my groin", "saddle_numbness"))
    assert "911" in advice.speech and advice.ended
    assert text().text("safety.levels.emergency") in advice.speech and "?" not in advice.speech


@pytest.mark.parametrize("close", ["pause", "stop"])
def test_the_skill_promises_to_keep_a_place_only_when_it_kept_it(failing_talk, caplog, close):
    caplog.set_level(logging.WARNING, logger="skill.store")
    failing_talk.launch()
    failing_talk.say("GuideStretchIntent", stretch=CAT_COW)
    bye = failing_talk.say("AMAZON.PauseIntent" if close == "pause" else "AMAZON.StopIntent")
    assert bye.ended and "keep your place" not in bye.speech
    key = "guide.paused_not_kept" if close == "pause" else "basics.goodbye_not_kept"
    assert bye.speech == text().text(key, stretch="cat cow")
    assert any(json.loads(r.getMessage())["op"] == "update" for r in caplog.records if r.name == "skill.store")


class Flaky(MemoryStore):
    """A memory store whose calls can be made to fail, one kind at a time."""

    def __init__(self) -> None:
        super().__init__()
        self.fail: set[str] = set()
        self.landed_but_lost = False  # a put that is written, then reported as failed (a timeout)

    def fetch(self, key):
        if "fetch" in self.fail:
            raise TimeoutError("read timed out")
        return super().fetch(key)

    def put(self, key, attributes, expected):
        if "put" in self.fail:
            if self.landed_but_lost:
                super().put(key, attributes, expected)
            raise TimeoutError("read timed out")
        super().put(key, attributes, expected)

    def remove(self, key):
        if "remove" in self.fail:
            raise TimeoutError("read timed out")
        super().remove(key)


@pytest.fixture
def flaky():
    backend = Flaky()
    store = Store(backend, slow=10)  # no cool-down: each call tries the backend
    return backend, store, Conversation(build_skill(store=store), user_id=new_user())


def test_a_pop_noted_in_a_session_whose_read_failed_keeps_the_stored_place(flaky):
    backend, store, talk = flaky
    to_step_three(talk)
    talk.say("AMAZON.PauseIntent")
    backend.fail = {"fetch"}
    talk.launch()  # the record could not be read: unknown, not empty
    backend.fail = set()
    talk.say("JustPoppedIntent")
    record = stored(store, talk)
    assert record["place"]["step"] == 2 and record["popped_at"]
    assert "cat cow, step 3" in talk.launch().speech


def test_what_a_session_said_while_the_store_was_away_is_saved_once_it_is_back(flaky):
    backend, store, talk = flaky
    to_step_three(talk)
    backend.fail = {"fetch", "put"}
    talk.say("AMAZON.NextIntent")  # step 4, not saved
    talk.say("JustPoppedIntent")  # not saved either
    backend.fail = set()
    held = backend.fetch(next(iter(backend._data))).attributes  # what the store holds, not read by the skill
    assert held["place"]["step"] == 2 and not held["popped_at"]
    talk.say("WhyWontItPopIntent")  # any turn: the unsaved fields go out
    record = stored(store, talk)
    assert record["place"]["step"] == 3 and record["popped_at"]


def test_a_write_that_landed_late_never_rolls_the_place_back(flaky):
    backend, store, talk = flaky
    to_step_three(talk)  # step 3 (index 2) saved
    backend.fail, backend.landed_but_lost = {"put"}, True
    talk.say("AMAZON.NextIntent")  # step 4 lands, but the skill hears a timeout
    backend.fail = set()
    talk.say("AMAZON.PauseIntent")  # based on the version before: a conflict, read again, laid over
    assert stored(store, talk)["place"]["step"] == 3
    key = next(iter(backend._data))
    snapshot = backend.fetch(key)
    with pytest.raises(Conflict):  # an old write arriving now is refused by the version check
        backend.put(key, {**snapshot.attributes, "place": {"stretch_ids": ["cat_cow"], "step": 0}},
                    snapshot.version - 1)
    assert "cat cow, step 4" in talk.launch().speech


def test_two_devices_keep_each_others_changes(flaky):
    _, store, talk = flaky
    other = Conversation(talk.skill, user_id=talk.user_id)
    talk.launch()
    other.launch()
    talk.say("GuideStretchIntent", stretch=CAT_COW)
    other.say("JustPoppedIntent")  # its session copy is a version behind: merged, not overwritten
    record = stored(store, talk)
    assert record["place"]["stretch_ids"] == ["cat_cow"] and record["popped_at"]


def test_forget_me_that_fails_says_so(flaky):
    backend, store, talk = flaky
    to_step_three(talk)
    backend.fail = {"remove"}
    reply = talk.say("ForgetMeIntent")
    assert reply.speech == text().text("basics.forget_failed")
    assert stored(store, talk)["place"]


def test_the_skill_never_changes_the_envelope_it_is_handed(stored_skill):
    """The simulator and the Lambda runtime hand the skill their own envelope: a step mid-routine
    answers from its session attributes and leaves that envelope as it was (the web service,
    which parses each body afresh, hands its attributes over without the SDK's copy)."""
    import copy

    from conftest import envelope, intent_request

    from skill import answer

    attributes = {"turn": {"pending": "routine", "routine": {"stretch_ids": ["cat_cow"], "index": 0, "step": 0}}}
    sent = envelope(intent_request("AMAZON.NextIntent"), new=False, session_id="s", attributes=attributes)
    before = copy.deepcopy(sent)
    first = answer(stored_skill, sent)
    assert sent == before
    assert first["sessionAttributes"]["turn"]["routine"]["step"] == 1
    assert answer(stored_skill, sent)["sessionAttributes"]["turn"]["routine"]["step"] == 1


def test_the_web_service_carries_a_routine_on_from_the_attributes_sent(tmp_path):
    from conftest import envelope, intent_request

    from skill.app import create_app
    from skill.config import Config

    client = create_app(Config(verify=False, store="", data_dir=tmp_path, log_level="WARNING")).test_client()
    attributes = None
    steps = []
    for n, request in enumerate([intent_request("GuideStretchIntent", stretch=("cat cow", "cat_cow")),
                                 intent_request("AMAZON.NextIntent"), intent_request("AMAZON.NextIntent")]):
        body = envelope(request, new=n == 0, session_id="s", attributes=attributes)
        reply = client.post("/", json=body).get_json()
        attributes = reply["sessionAttributes"]
        steps.append(attributes["turn"]["routine"]["step"])
    assert steps == [0, 1, 2]


def test_asked_to_repeat_at_the_resume_offer_the_offer_is_said_again(talk):
    """ "Sorry, the AC is so loud, come again?" to "Shall we carry on from there?": the offer again,
    not the kept step begun (the question the last reply asked is what a repeat repeats)."""
    to_step_three(talk)
    assert talk.say("AMAZON.PauseIntent").ended
    talk.restart()
    offer = talk.launch()
    assert "carry on" in offer.speech
    again = talk.say("QuestionIntent", query="the ac is so loud come again")
    assert "carry on" in again.speech and step_text("cat_cow", 2) not in again.speech and not again.ended
    assert step_text("cat_cow", 2) in talk.say("AMAZON.YesIntent").speech
