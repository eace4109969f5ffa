"""The chime at the end of every hold: over every step of every routine, within Alexa's audio
limits; the halfway cue on long holds; "no sounds" remembered on a real store; the simulator."""
from __future__ import annotations

import itertools
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import Conversation
from skill import build_skill, content, routine
from skill.session import Routine
from skill.simulator import render
from skill.speech import MAX_AUDIO_SECONDS, MAX_AUDIO_TAGS, Pause, Sound, ssml_body
from skill.store import open_store
from test_guide import every_reply_is_sound  # noqa: F401 - an autouse fixture
from test_persistence import new_user, store, stored  # noqa: F401 - the two stores

LOCALES = content.LOCALES


def text(locale: str = "en-US"):
    return content.for_locale(locale)


def every_routine(locale: str = "en-US"):
    """Every routine the skill builds: each length, with and without each area and position."""
    t = text(locale)
    areas = [None, *t.data["stretches"]["areas"]]
    positions = [None, *t.data["stretches"]["positions"]]
    seen = set()
    for minutes, area, position in itertools.product(routine.ROUTINE_MINUTES, areas, positions):
        ids = tuple(routine.build(t, minutes, area=area, position=position))
        if ids not in seen:
            seen.add(ids)
            yield minutes, list(ids)


def every_step(locale: str, ids: list[str]):
    """(routine place, step data) for every step of a routine, as a person steps through it."""
    t = text(locale)
    place = Routine(stretch_ids=ids)
    while True:
        _, _, steps = routine.current(t, place)
        yield Routine(ids, place.index, place.step), steps[place.step]
        if not routine.advance(t, place):
            return


def audio_of(ssml: str) -> list[str]:
    return [a.get("src") for a in ET.fromstring(ssml).iter("audio")]


@pytest.mark.parametrize("locale", LOCALES)
def test_every_hold_of_every_step_of_every_routine_ends_with_the_chime(locale):
    t = text(locale)
    chime = routine.chime(t)
    checked = 0
    for _, ids in every_routine(locale):
        for first, (place, step) in enumerate(every_step(locale, ids)):
            for sounds in (True, False):
                parts = routine.step_parts(t, place, first_of_routine=first == 0, sounds=sounds)
                ssml = f"<speak>{ssml_body(parts)}</speak>"
                srcs = audio_of(ssml)
                hold = int(step.get("hold", 0))
                assert sum(p.seconds for p in parts if isinstance(p, Pause)) == hold
                if hold and sounds:
                    assert srcs == [chime.src]
                    assert parts.index(chime) == parts.index(t.text("guide.release")) - 1  # right before "And relax."
                    assert all(isinstance(p, Pause) for p in parts[parts.index(chime) - 1:parts.index(chime)])
                else:
                    assert srcs == []
                assert len(srcs) <= MAX_AUDIO_TAGS
                assert sum(p.seconds for p in parts if isinstance(p, Sound)) <= MAX_AUDIO_SECONDS
                checked += 1
    assert checked > 100


def test_the_chime_is_a_short_sound_library_clip_named_in_the_content():
    chime = routine.chime(text())
    assert chime.src.startswith("soundbank://soundlibrary/") and 0 < chime.seconds <= 3
    code = "".join(path.read_text(encoding="utf-8") for path in Path(routine.__file__).parent.rglob("*.py"))
    assert chime.src not in code  # named in the content, not the code


@pytest.mark.parametrize("hold", [5, 15, 20, 30, 40, 60])
def test_long_holds_get_a_halfway_cue_at_their_middle(hold):
    t = text()
    parts = routine.hold_parts(t, hold)
    said = [p for p in parts if isinstance(p, str)]
    halfway = [p for p in said if p.startswith("Halfway there.")]
    assert sum(p.seconds for p in parts if isinstance(p, Pause)) == hold
    if hold < routine.HALFWAY_FROM_SECONDS:
        assert not halfway
        return
    (cue,) = halfway
    elapsed = sum(p.seconds for p in parts[:parts.index(cue)] if isinstance(p, Pause))
    assert elapsed == hold // 2
    assert cue == t.text("guide.halfway", seconds=routine._spoken_seconds(t, hold - hold // 2))


def test_more_than_five_sounds_or_240_seconds_in_one_response_is_refused():
    clip = Sound("soundbank://soundlibrary/musical/amzn_sfx_church_bell_1x_02", 2.11)
    assert ssml_body([clip] * MAX_AUDIO_TAGS).count("<audio") == MAX_AUDIO_TAGS
    with pytest.raises(ValueError):
        ssml_body([clip] * (MAX_AUDIO_TAGS + 1))
    with pytest.raises(ValueError):
        ssml_body([Sound(clip.src, 200), Sound(clip.src, 41)])
    with pytest.raises(ValueError):
        Sound("https://example.com/chime.mp3", 1)


# -- the preference, through conversations ---------------------------------------------------------

def hold_step(talk: Conversation):
    """Knee to chest, its second step: a 20-second hold."""
    talk.say("GuideStretchIntent", stretch=("knee to chest", "knee_to_chest"))
    return talk.say("AMAZON.NextIntent")


def test_no_sounds_mid_routine_keeps_the_place_and_the_next_holds_are_silent(skill):
    talk = Conversation(skill)
    talk.launch()
    assert audio_of(hold_step(talk).ssml)
    off = talk.say("SoundsOffIntent")
    assert off.speech == " ".join([text().text("sounds.off"), text().text("guide.say_next")])
    assert not off.ended and off.reprompt
    step = talk.say("AMAZON.NextIntent")
    assert "left knee" in step.speech and "Halfway there." in step.speech and not audio_of(step.ssml)
    assert step.speech.endswith("And relax. Say next when you're ready.")
    on = talk.say("SoundsOnIntent")
    assert on.speech.startswith(text().text("sounds.on"))
    assert audio_of(talk.say("AMAZON.RepeatIntent").ssml)


@pytest.mark.parametrize("intent, query", [("CanIntent", "turn off that chime"),  # "can you turn off that chime"
                                           ("QuestionIntent", "kindly switch off the sounds"),
                                           ("CanIntent", "mute the sound effects")])
def test_the_chime_turned_off_in_free_words_while_a_stretch_is_offered_keeps_the_offer(skill, intent, query):
    """ "Show me cat cow" ... "can you turn off that chime": the chime off, and the stretch still offered;
    "yes" then guides it, silent."""
    talk = Conversation(skill)
    talk.launch()
    talk.say("ChooseStretchIntent", stretch=("cat cow", "cat_cow"))
    off = talk.say(intent, query=query)
    assert off.speech == " ".join([text().text("sounds.off"), text().text("stretches.pick_offer")]), off.speech
    assert "Cat cow" in talk.say("AMAZON.YesIntent").speech


def test_sounds_off_outside_a_routine_says_so_and_asks_what_next(skill):
    talk = Conversation(skill)
    talk.launch()
    reply = talk.say("SoundsOffIntent")
    assert text().text("sounds.off") in reply.speech and text().text("basics.anything_else") in reply.speech
    assert not reply.ended


def test_no_sounds_is_remembered_in_a_new_session_and_only_as_a_preference(store):  # noqa: F811
    talk = Conversation(build_skill(store=store), user_id=new_user())
    talk.launch()
    talk.say("SoundsOffIntent")
    talk.say("AMAZON.StopIntent")
    record = stored(store, talk)
    assert record["prefs"] == {"sounds": False}
    talk.launch()
    assert not audio_of(hold_step(talk).ssml)
    talk.say("SoundsOnIntent")
    assert stored(store, talk)["prefs"] == {"sounds": True}
    talk.restart()
    talk.launch()
    assert audio_of(hold_step(talk).ssml)


def test_the_first_turn_of_a_session_can_be_no_sounds_and_the_warning_still_comes_first(tmp_path):
    talk = Conversation(build_skill(store=open_store(f"sqlite:///{tmp_path / 's.sqlite3'}", data_dir=tmp_path)))
    reply = talk.say("SoundsOffIntent")
    assert reply.speech.startswith(text().text("safety.warning"))
    assert text().text("sounds.off") in reply.speech


# -- the simulator shows the chime -----------------------------------------------------------------

def test_the_simulator_shows_the_chime_and_gives_the_page_its_length():
    t = text()
    ssml = f"<speak>{ssml_body(routine.hold_parts(t, 15))}</speak>"
    heard = render.heard(ssml)
    assert heard == "Hold. [pause 5s] Ten more seconds. [pause 10s] [chime] And relax."
    parts = render.heard_parts(ssml)
    assert {"sound": "chime", "seconds": routine.chime(t).seconds} in parts
    assert parts[-2:] == [{"sound": "chime", "seconds": routine.chime(t).seconds}, {"text": "And relax."}]
    other = render.heard('<speak>Hi <audio src="soundbank://soundlibrary/foley/amzn_sfx_glass_on_table_01"/></speak>')
    assert other == "Hi [audio]"
    assert json.dumps(parts)


@pytest.mark.parametrize("text", ["Tom & Jerry <b>", "it's \"quoted\" & 'single'", "no markup at all", "&amp; already", ""])
def test_ssml_escaping_is_html_escape(text):
    """speech.escape writes what html.escape writes (text and attribute forms)."""
    import html

    from skill.speech import escape

    assert escape(text) == html.escape(text, quote=False)
    assert escape(text, quote=True) == html.escape(text)
