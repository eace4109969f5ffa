"""Red flags always first: the warning opens every session, and a red flag pre-empts everything."""
from __future__ import annotations

import itertools
import os
import json
from pathlib import Path

import pytest

import skill as skill_package
from conftest import Conversation, envelope, intent_request
from skill import answer, build_skill, carriers, content, safety, screen
from skill.content import LOCALES

ROOT = Path(__file__).resolve().parents[1]
EMERGENCY_NUMBERS = {"en-US": "911", "en-CA": "911", "en-GB": "999", "en-AU": "000", "en-IN": "112"}
STRETCH_WORDS = ("Try ", "guide you through", "Say next", "hands and knees", "Lie on your back")


def warning(locale: str = "en-US") -> str:
    return content.for_locale(locale).text("safety.warning")


# -- the warning opens every session -------------------------------------------------------------

# Session states under which gated handlers fire; the walk tries each with every intent.
STATES = [
    None,
    {"turn": {"pending": "deeper", "topic": "pop_what", "next_topic": "pop_wont"}},
    {"turn": {"pending": "stretch", "topic": "heat"}},  # "how long for?" after the heat answer
    {"turn": {"pending": "stretch"}},
    {"turn": {"pending": "guide", "offer": {"stretch": "cat_cow"}}},
    {"turn": {"pending": "check"}},
    {"turn": {"pending": "triage", "triage_step": 2}},
    {"turn": {"pending": "routine", "routine": {"stretch_ids": ["knee_to_chest"], "index": 0, "step": 1}}},
    {"turn": {"last_ssml": "<speak>What was said before.</speak>"}},
    {"turn": {"pending": "forget_account"}},
    {"turn": {"pending": "reminder_confirm", "reminder": {"op": "set", "plan": {"kind": "once", "time": "15:00"}}}},
    {"turn": {"pending": "reminder_offer"}},
    {"turn": {"pending": "stretch", "offer": {"offered": "cat_cow", "finished": "yes"}}},
    {"turn": {"pending": "check", "offer": {"stretch": "cat_cow", "offered": "cat_cow", "hurt": "cat_cow"}}},  # stopped for pain
]
PERSON = "amzn1.ask.person.WALK"  # a recognised speaker: the walk also tries every intent as one
SLOTS = {
    "ChooseStretchIntent": {"area": ("lower back", "lower_back")},
    "GuideStretchIntent": {"stretch": ("cat cow", "cat_cow")},
    "StartRoutineIntent": {"minutes": "5"},
    "ReportSymptomIntent": {"symptom": ("a stiff back", "stiffness")},
    "QuestionIntent": {"query": "why does my back crack"},
    "CannotIntent": {"query": "touch my toes"},
    "HowLongIntent": {"query": "do i hold it"},  # mid-routine: the hold (guide.AskedInWords)
    "NotSaidIntent": {"query": "my neck my lower back"},  # at an offer: the area meant (stretches.AreaCorrected)
    "SaidThisIntent": {"query": "is a lovely stretch"},  # mid-routine: the stretch felt (guide.StretchFelt)
}


def is_red_flag_advice(said: str, locale: str = "en-US") -> bool:
    """Advice for a reported red flag is itself the warning, at its level."""
    text = content.for_locale(locale)
    leads = tuple(text.text(key, symptom="").split("{")[0].strip(" .")
                  for key in ("symptoms.heard", "safety.possible", "safety.for_someone"))
    levels = [text.text(f"safety.levels.{level}") for level in safety.LEVEL_ORDER]
    return said.startswith(leads) and any(level in said for level in levels)


def every_intent() -> list[str]:
    return sorted({name for handler in skill_package.handlers() for name in getattr(handler, "intents", ())})


def first_turn(skill, request, attributes, locale="en-US", person_id=None):
    body = envelope(request, new=True, session_id="amzn1.echo-api.session.walk", attributes=attributes,
                    locale=locale, person_id=person_id)
    return answer(skill, body)


def speech_of(result) -> str:
    from skill.speech import spoken_text

    return spoken_text(((result.get("response") or {}).get("outputSpeech") or {}).get("ssml"))


def test_every_handler_and_entry_point_leads_with_the_warning(monkeypatch):
    """Walk every intent under every state: whichever handler answers, the warning comes first."""
    reached: set[str] = set()
    chosen = {}
    original = skill_package.handlers

    def spying_handlers():
        wrapped = []
        for handler in original():
            wrapped.append(handler)
            inner = handler.handle

            def handle(handler_input, _inner=inner, _name=type(handler).__name__):
                chosen.setdefault("name", _name)  # the handler chosen, not one it hands the request to
                return _inner(handler_input)

            handler.handle = handle
        return tuple(wrapped)

    monkeypatch.setattr(skill_package, "handlers", spying_handlers)
    walked = build_skill()
    problems = []
    requests = [({"type": "LaunchRequest"}, "LaunchRequest")] + [
        (intent_request(name, **SLOTS.get(name, {})), name) for name in every_intent()]
    for (request, label), state, person in itertools.product(requests, STATES, (None, PERSON)):
        chosen.clear()
        result = first_turn(walked, request, state, person_id=person)
        reached.add(chosen.get("name", "?"))
        said = speech_of(result)
        if not said.startswith(warning()) and not is_red_flag_advice(said):
            problems.append(f"{label} with {state}: {chosen.get('name')} said {said[:60]!r}")
    assert not problems, "\n".join(problems)
    handler_names = {type(h).__name__ for h in original()}
    unreached = handler_names - reached - {"SessionEnded", "SkillDisabled", "CanFulfill", "ConsentAnswered",
                                           "AnyOtherRequest", "RedFlagReported", "UnhandledIntent",
                                           "LaunchWithKeptPlace", "ResumeKeptPlace", "FreshStart", "TakeUpKeptPlace"}
    assert not unreached, f"the walk never reached {sorted(unreached)}: add a state or slot so it does"


def test_a_red_flag_in_the_first_turn_is_itself_the_warning():
    result = first_turn(build_skill(), intent_request("InjuryIntent", query="off a ladder"), None)
    said = speech_of(result)
    assert said.startswith("You mentioned back pain after a fall")
    assert "911" in said


@pytest.mark.parametrize("locale", LOCALES)
def test_first_launch_has_the_warning_then_the_intro_once(locale, stored_skill):
    talk = Conversation(stored_skill, locale=locale)
    first = talk.launch()
    intro = content.for_locale(locale).text("safety.intro")
    assert first.speech.startswith(warning(locale))
    assert intro in first.speech
    assert first.card.startswith(warning(locale))
    again = talk.launch()
    assert again.speech.startswith(warning(locale))
    assert intro not in again.speech


def test_a_one_shot_question_opens_with_the_warning(talk):
    reply = talk.say("WhyWontItPopIntent")
    assert reply.speech.startswith(warning())
    assert "few minutes to more than an hour" in reply.speech


def test_later_turns_do_not_repeat_the_warning(talk):
    talk.launch()
    assert warning() not in talk.say("WhatIsThePopIntent").speech


# -- a red flag pre-empts everything, at its level ------------------------------------------------

def level_words(locale: str, level: str) -> str:
    return {"emergency": EMERGENCY_NUMBERS[locale], "right_away": "right away", "urgent": "today",
            "soon": "soon"}[level]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("symptom", sorted(s for s, lvl in safety.SYMPTOM_LEVELS.items() if lvl in safety.PRE_EMPTING))
def test_every_red_flag_gets_advice_at_its_level_and_no_stretch(skill, locale, symptom):
    talk = Conversation(skill, locale=locale)
    talk.launch()
    reply = talk.say("ReportSymptomIntent", symptom=("whatever they said", symptom))
    level = safety.SYMPTOM_LEVELS[symptom]
    assert level_words(locale, level) in reply.speech
    if level in ("emergency", "right_away"):
        assert EMERGENCY_NUMBERS[locale] in reply.speech
    assert not any(word in reply.speech for word in STRETCH_WORDS)
    assert reply.ended


@pytest.mark.parametrize("intent, slots", [
    ("ChooseStretchIntent", {"symptom": ("numbness in my groin", "saddle_numbness")}),
    ("CheckSymptomsIntent", {"symptom": ("fever", "fever")}),  # ("a fever" alone asks of any: a what-if, below)
    ("GuideStretchIntent", {"stretch": ("my leg is numb", None)}),
    ("QuestionIntent", {"query": "my back hurts and i wet myself"}),
    ("CannotIntent", {"query": "walk properly"}),
    ("InjuryIntent", {"query": "down the stairs"}),
])
def test_a_red_flag_inside_any_request_pre_empts_it(talk, intent, slots):
    talk.launch()
    reply = talk.say(intent, **slots)
    assert "You mentioned" in reply.speech
    assert not any(word in reply.speech for word in STRETCH_WORDS)


# People's own words, as a free-form question would carry them, and the level they need.
PHRASES = [
    ("my leg has gone numb", "right_away"), ("pins and needles in my foot", "right_away"),
    ("numbness around my bum", "emergency"), ("it feels different when i wipe", "emergency"),
    ("i peed myself", "emergency"), ("i can't control my bowels", "emergency"),
    ("both my legs feel weak", "emergency"), ("i can't walk", "emergency"),
    ("i fell off a ladder", "emergency"), ("i was in a car accident", "emergency"),
    ("chest pain as well", "emergency"), ("i have a fever", "urgent"), ("i've got chills", "urgent"), ("unwell and my back hurts", "urgent"),
    ("i've lost weight without trying", "urgent"), ("i had cancer before", "urgent"),
    ("sudden severe pain", "urgent"), ("it's worse at night", "urgent"), ("the pain is constant", "urgent"),
    ("it's been hurting for weeks", "soon"), ("it's getting worse", "soon"),
    ("numbness between my legs", "emergency"), ("loss of feeling in my groin", "emergency"),
    ("i have no bladder control", "emergency"), ("wet the bed", "emergency"), ("can't hold my wee", "emergency"),
    ("numbness in my legs", "emergency"), ("tingling in both feet", "emergency"), ("my legs keep giving way", "emergency"),
    ("trouble standing", "emergency"), ("pressure in my chest", "emergency"), ("my heart hurts", "emergency"),
    ("weakness in one leg", "right_away"), ("foot drop", "emergency"),  # a dropping foot is trouble walking (EMERGENCY 3)
    ("pins and needles in my left leg", "right_away"),
    ("i don't feel well", "urgent"), ("a raised temperature", "urgent"), ("weight dropping off", "urgent"),
    ("crippling pain", "urgent"), ("it hurts all night", "urgent"), ("pain at rest", "urgent"),
    ("chronic back pain", "soon"), ("pain that never goes away", "soon"), ("trouble sleeping", "soon"),
    # a question asked, then what has been so since a time: told, no what-if
    ("would a hot bath help my upper back it's been tight and heavy across my chest since this morning too", "emergency"),
    ("would it be bad if my legs went numb", "info"),
    ("flu over", None),  # "flu's over" (SaidFluIntent puts back "flu")
    ("someone else fell back sore", "emergency"),  # "dad fell, back sore" (SomeoneElseIntent puts back "someone else")
]


def level_heard(said: str, locale: str = "en-US") -> str | None:
    """The level the screen gives a person's own words (None: no sign; "info": a what-if)."""
    finding = screen.screen([said], locale)
    if finding is None:
        return None
    return "info" if finding.status == screen.HYPOTHETICAL else finding.level


@pytest.mark.parametrize("said, level", PHRASES)
def test_the_screen_reads_people_s_words_at_the_right_level(said, level):
    assert level_heard(said) == level


@pytest.mark.parametrize("said, level", [
    ("my legs are, um, both numb", "emergency"),  # a hesitation sound between the words of a sign
    ("i've lost, erm, nearly a stone without trying", "urgent"),
    ("uh, no numbness, uh, no weakness, just stiff", None),  # nor does it break a denial
    ("a heavy thing on my chest, no, not the blanket, i mean the feeling", "emergency"),  # a correction of a word, no denial
])
def test_hesitation_sounds_and_corrections_of_a_word_change_nothing_the_words_say(said, level):
    assert level_heard(said) == level


@pytest.mark.parametrize("said, level", [
    ("i've been hot and cold all week", "urgent"),
    ("it's been hot and cold all week weather wise, should i use a hot water bottle", None),  # the weather
    ("i am sweating a lot in the kitchen making biryani, is heat good for back stiffness", None),
    ("three wickets fell in one over and i almost fell off my chair, now back is little stiff", None),
    ("i wondered if i had a temperature so i checked and it's totally normal", None),  # looked into: not there
    ("my nan fell and broke her hip years back, is that why i'm so careful with me back", None),
    ("he is not able to get up from the chair, legs are giving way", "emergency"),  # "not able to" denies nothing
    ("i can't climb up onto the tractor no more, both my legs just give out", "emergency"),
    ("a little maybe my left arm gets pins and needles down to my fingers sometimes", "right_away"),  # a nerve's way, not the heart's
    ("the pain in my back is going down into my left arm", "emergency"),  # spreading to the arm
    ("know tingling in my legs just the stiffness in the morning", None),  # "no" heard as "know"
    ("you know numbness in my legs started today", "emergency"),
    ("is it okay to take hot water bath for stiffness or will it give me fever", None),  # asked whether a bath causes one
    ("my wife's got a dead arm with her back pain", "right_away"),  # not the punch
    ("he gave me a dead arm at footy", None),
    ("i've always leaked a drop when i sneeze since the kids, nothing's changed", None),
    ("i've always leaked a drop when i sneeze since the kids, but since me back went it just pours out and i can't stop it", "emergency"),
])
def test_everyday_look_alikes_never_alarm_and_the_signs_said_alike_still_do(said, level):
    assert level_heard(said) == level


@pytest.mark.parametrize("said, status", [
    ("i don't think i've lost feeling down below but honestly i'm not sure", screen.POSSIBLE),  # a denial doubted
    ("well i don't think i'm weak in the legs, but i'm not really sure", screen.POSSIBLE),
    ("i don't think i've lost feeling down below", None),  # a denial
])
def test_a_denial_doubted_in_the_same_breath_is_a_possible_sign(said, status):
    """Never "not sure" as "no": the emergency level, worded for a sign that may be there."""
    finding = screen.screen([said], "en-GB")
    assert (finding and finding.status) == status and (finding is None or finding.level == "emergency")


@pytest.mark.parametrize("said, level", [
    ("what if i lose control of my bladder, because my left arm has gone numb since this morning", "right_away"),
    ("should i worry if my legs go weak, because i've had a fever since last night", "urgent"),
    ("what happens if i can't pee", "info"),
])
def test_a_sign_that_is_there_outranks_a_what_if_of_a_higher_level(said, level):
    """A "what if" is information; a sign said in the same breath is advice, whatever the levels."""
    assert level_heard(said) == level


@pytest.mark.parametrize("said, level", [
    ("if i sit for long my legs go numb", "emergency"),  # what happens whenever they sit: there now
    ("if i stand up too fast both my legs give way", "emergency"),
    ("if my back goes out and i can't walk, do i call 911?", "info"),  # asked what to do, after an opening "if"
    ("i can't walk, do i call 911?", "emergency"),  # no "if": the sign is there
    ("what if i sit down and can't feel my legs", "info"),
    ("sorry say that again me legs keep giving way when i stand up both of them", "emergency"),  # a repeat asked for, not "say ..."
    ("say that again, my legs keep giving way", "emergency"),
    ("say my legs went numb, what would that mean", "info"),  # "say ..." opening a what-if
    ("only if i can do it sitting my legs have been buckling when i stand up", "emergency"),  # a condition on the stretch
    ("yes but only if it's okay with the numbness in my left leg it's been tingling since tuesday", "right_away"),
    ("only if my legs go numb should i call", "info"),  # a what-if
])
def test_a_habit_said_with_if_is_a_sign_and_a_question_after_if_is_a_what_if(said, level):
    assert level_heard(said) == level


@pytest.mark.parametrize("said, level", [
    # advice quoted, then the sign told to be there: the sign (screen._advised_but_there, `so_now`)
    ("the er doctor said come back if both legs go weak and both my legs are weak now", "emergency"),
    ("my gp told me to watch for tingling in my leg and i think it's started", "right_away"),
    ("the leaflet said if your bum goes numb go straight to emergency and mine has", "emergency"),
    # the advice alone, or the advice and the sign denied: no alarm
    ("my gp told me to watch for tingling in my leg", None),
    ("the leaflet says numbness when you wipe is an emergency but no, everything feels normal down there", None),
    ("doctor said sudden severe pain is danger, but my back just popped while bending, no pain after", None),
    ("the er doctor said come back if both legs go weak", "info"),
    ("the doctor said chest pain means call for help, but my chest is fine, only back is stiff", None),  # (tried in the simulator)
])
def test_advice_quoted_then_the_sign_told_is_the_sign_and_advice_alone_is_none(said, level):
    assert level_heard(said) == level


@pytest.mark.parametrize("said, level", [
    # summer and the outdoors (fresh150, fresh238): the sign, however the heat is told
    ("my son dove off the dock into shallow water and hit the bottom, now his back hurts", "emergency"),
    ("my right foot's been asleep since the hike yesterday and it still hasn't woken up", "right_away"),
    ("all shivery and hot and cold even in this heatwave and my back's aching", "urgent"),
    ("it's forty degrees and i'm shivering and sweating, my back aches", "urgent"),
    ("it's forty degrees out and i've got a fever and i'm sweating", "urgent"),  # the weather's heat spares no fever told
    ("i burned my hand and now i feel hot and shivery with a sore back", "urgent"),  # a burn is no sunburn
    # ... and the heat's own look-alikes
    ("my sunburnt back feels hot to touch, is a cold pack or a hot pack better for the stiffness", None),
    ("i am sweating a lot in this may heat and my back is stiff, which stretch is good", None),
    ("it's forty degrees and i'm sweating buckets, my back's stiff from hanging out the washing", None),
    # a what-if about "one" only when nothing of the speaker's own is told
    ("is a fever with back pain something to worry about if i get one while camping", "info"),
    ("i've got a fever and back pain, what if i get one again", "urgent"),
])
def test_heat_and_the_outdoors_tell_signs_from_their_look_alikes(said, level):
    assert level_heard(said) == level


@pytest.mark.parametrize("said, level", [
    # already seen, or help arranged (fresh150): the sign as it is now
    ("since two days i am not sure i can feel properly when washing after toilet", "emergency"),
    ("111 said to wait for the gp but i dunno, i might not be emptying my bladder properly since last night", "emergency"),
    ("i am in casualty waiting for doctor, maybe some heaviness in chest also with this back pain", "emergency"),
    ("they said sciatica at the walk in centre, now i'm not sure i can feel my big toe properly", "right_away"),
    # ... and what was looked at and cleared, or asked and denied
    ("i came off my bike last week, a&e scanned me and said no damage, back's just stiff and easing off", None),
    ("been to ed, they asked about chest pain and there's none, it's only my lower back", None),
])
def test_a_sign_after_being_seen_is_read_as_it_is_now(said, level):
    assert level_heard(said, "en-GB") == level


def test_a_clinician_quoted_by_she_is_not_whose_sign_it_is():
    """ "Saw the GP on Thursday, she reckons it's sciatica, it still shoots down my left leg": the speaker's
    (was advice for someone else; fresh238)."""
    finding = screen.screen(["saw the gp on thursday, she reckons it's sciatica. it still shoots right down my left leg"], "en-GB")
    assert finding is not None and finding.symptom == "sciatica" and finding.who == "self"
    theirs = screen.screen(["my wife's back is bad, she reckons it's her age but her legs keep giving way"], "en-GB")
    assert theirs is not None and theirs.who == "other"


@pytest.mark.parametrize("said, level", [
    # a health worker's own sign in their own words (fresh149)
    ("i'm an rn and i think i might have some saddle anesthesia, it's kind of patchy", "emergency"),
    ("i bladder scanned myself on the ward and i think i might be retaining", "emergency"),
    ("i'm febrile this morning and my lower back really hurts", "urgent"),
    ("not sure but my scrubs are getting loose and i'm not dieting, plus this back pain", "urgent"),
    # their work, a dream, a season, a hand slept on: no alarm
    ("i spent my whole shift bladder scanning patients for urinary retention and now my back is stiff", None),
    ("i am teaching nursing students about cauda equina and foot drop, my back is stiff from standing", None),
    ("pharmacist here, i dispense prednisone all day but i'm not on it myself, what helps a stiff back", None),
    ("had a nightmare i fell off a cliff and woke up with a jolt, back's a bit stiff", None),
    ("every fall when flu season hits we're short staffed and my back stiffens up", None),
    ("pins and needles in me hand from sleeping on it, shook it out and it's gone", None),
    ("i'm retaining water on these tablets and my back's stiff", None),
    # ... but a sign told after the work is the speaker's own
    ("i was treating patients all day and now i've got numbness in my bum", "emergency"),
])
def test_a_health_workers_own_signs_are_signs_and_their_work_is_not(said, level):
    assert level_heard(said) == level


@pytest.mark.parametrize("said, level", [
    ("my nan slipped in the bathroom but she didn't hurt her back at all", None),  # the fall's injury denied
    ("i came off my bike, didn't hurt my back", None),
    ("i fell off the ladder but didn't hurt my back, my legs are numb though", "emergency"),  # a sign told after it
    ("my legs are numb and i fell but didn't hurt my back", "emergency"),  # a sign told before it
    ("i fell off the ladder and my back is killing me", "emergency"),
])
def test_a_fall_without_hurting_the_back_is_no_flag_and_reaches_no_other_sign(said, level):
    assert level_heard(said) == level


@pytest.mark.parametrize("said, level", [
    ("the missus had a fall at netball but i'm right", None),  # someone else's fall, no pain or force told
    ("my nan had a fall last week and now i'm fretting about my own back, it's really stiff", None),
    ("my nan had a fall last week and her back's killing her", "emergency"),  # their pain told
    ("my dad fell down the stairs", "emergency"),  # a force or height told
    ("dad just fell downstairs", "emergency"),  # down the stairs, said in one word
    ("mum fell asleep downstairs", None),
    ("my husband fell off the ladder", "emergency"),
])
def test_someone_elses_fall_is_theirs_only_with_their_pain_or_a_serious_fall_told(said, level):
    assert level_heard(said) == level


@pytest.mark.parametrize("said, level", [
    ("my nan's got osteoporosis and she tripped on the rug on sunday", "urgent"),  # fragile bones and a fall
    ("my nan's got osteoporosis, bless her, but i'm fine", None),  # their history only
    ("she's had chills all day and feels really unwell", "urgent"),  # nothing of the speaker's own told
    ("my daughter's got a temperature and i did my back in carrying her", None),  # the speaker's own back
])
def test_someone_elses_fever_or_fragile_fall_is_theirs_when_told_alone(said, level):
    assert level_heard(said) == level


@pytest.mark.parametrize("said, level", [
    ("physio hasn't fixed it, if anything it's getting worse", "soon"),  # "if anything" ends the denial
    ("no numbness, just this shooting pain down the back of my leg", "soon"),
    ("it's down my leg, no tingling, just this shooting pain down the back of it", "soon"),  # the leg named before
    ("my old man had a temp a fortnight back, he's right as rain now", None),
    ("besides the stiffness and wetting myself a bit, i'm right as rain", "emergency"),  # no "now": the sign stands
    ("no, but my weight has come down by five kilos without any dieting", "urgent"),  # a "no" then a sign
    ("both my legs went numb this morning but i'm fine now", "emergency"),  # this morning is not over, whatever "fine"
    ("i was bad with a temperature last month but i'm grand now", None),  # last month's, and fine now: over
    ("i've had cancer years ago but i'm fine now", "urgent"),  # a history of cancer is never over
])
def test_where_a_denial_or_a_recovery_ends(said, level):
    assert level_heard(said) == level


@pytest.mark.parametrize("said, level", [
    ("it doesn't not tingle, me right leg, it's pins and needles all day", "right_away"),  # a double negative says yes
    ("it wasn't nothing, got thrown off the horse this arvo and me back's wrecked", "emergency"),
    ("it's not one leg, it's both of them tingling from the knees down", "emergency"),  # the contrast says what is there
    ("it's not a twinge, it's sudden agony since i bent over", "urgent"),
    ("i don't think it's not chest pain, something heavy on my chest", "emergency"),
    ("ain't nothing numb, ain't nothing weak, my back's just locked up", None),  # a dialect double negative denies
    ("my back's a bit sore, no numbness or anything, just stiff", None),  # sore, then a denial
    ("no fever, no fall, nothing, just a stiff back", None),
    ("i stopped drinking to lose weight and lost four kilos, back is a little stiff", None),  # weight lost on purpose
    ("i'm not trying to lose weight but i've lost four kilos and my back hurts", "urgent"),
])
def test_a_double_negative_or_a_contrast_says_the_sign_is_there_and_a_plain_no_denies_it(said, level):
    assert level_heard(said) == level


@pytest.mark.parametrize("said, level", [
    # long-standing and unchanged is no new sign; what is new, worse or different is
    ("my feet have been numb from diabetes for ages, it hasn't spread or changed, my back's just stiff", None),
    ("my legs are wobbly from the parkinson's, same as they've always been, it's only my back", None),
    ("my erection problems are from the diabetes, i've had them for years, nothing's different", None),
    ("i already have urine leakage sometimes, what if it gets worse", None),  # lived with; the what-if names no new sign
    ("my husband had a stroke years ago, his right leg drags, but since this afternoon his left one's dragging too", "emergency"),
    ("i've got ms so it's hard to tell, but i think both my legs are number than they were last week", "emergency"),
    ("had me disc op years back and the left leg's been fine since, now it's gone dead down the back of it", "right_away"),
    ("my arthritis back pain usually settles in a few days but this time it's been four weeks", "soon"),
    # a device, a place, a comparison: no sign
    ("the tens machine makes my legs tingle while it's on and it stops when i switch it off", None),
    ("i am ward boy in the fever clinic, back is stiff from lifting patients on night shift", None),
    ("it's just been stiff most mornings since last week", None),  # a week is not weeks
    # a sign taken back in the same breath, or told again for one leg
    ("both my legs feel numb, no, hang on, that's not right, they're not numb, they're just stiff from the drive", None),
    ("both my legs are tingling, wait, no, sorry, just my left leg, the right one's fine", "right_away"),
    ("me legs are numb, well not numb, stiff and achy from the fell race yesterday", None),
    ("my lower back is feeling numb, means stiff and jammed, when i get up from the sofa", None),
    ("my legs are numb as well, not just my back", "emergency"),  # "as well, not": no correction
    # pain worse lying down, said apart from the pain (night pain); stiffness worse lying down, no pain: none
    ("my back is paining since last night, i could not sleep at all, it is worse when i lie down", "urgent"),
    ("my back is stiff in the morning, it is worse when i lie down on the sofa, but no pain", None),
    # clipped words: a pop denied ends with the pop; a body part said to be fine; a supposition; a film
    ("why won't back crack. chest squeezy too", "emergency"),
    ("chest fine. back tight. pop please", None),
    ("say chest goes tight. then what", "info"),
    ("watched a car crash movie. couch back", None),
    ("car crash on the highway, my back is killing me", "emergency"),
    ("what if she loses control of her bladder", "info"),
    ("didn't work. whole chest feels heavy and tight now too, bloody annoying", "emergency"),  # a failure, no denial
    ("my husband's here, he fell off the ladder and his back's killing him, oh wait, no, sorry, that was two years ago, "
     "he's totally fine now. it's me, i'm just stiff", None),  # taken back: long over
    # older people's words, and what was read about
    ("i didn't fall exactly, me legs just went from under me and i sat down on the kitchen floor", "emergency"),
    ("the sheets were wet this morning and i never wet the bed", "emergency"),
    ("mum came off her gopher on the footpath and hit the kerb hard, her back's really bad now", "emergency"),
    ("had a little accident with the teapot, tea all over the table, my back's just stiff today", None),  # a spill
    ("i know about the saddle numbness thing, i don't have it, i checked, i just have a stiff back", None),
    ("i read night pain is a red flag, and mine hurts the same lying down, it goes all night", "urgent"),
    ("what if it's cauda equina? i can't really tell when my bladder's full anymore", "emergency"),
    ("my two leg become numb, i cannot feel, also weak", "emergency"),
    ("not sure, some different feeling is there down below only", "emergency"),
    ("they took out my prostate for cancer twenty years ago, but my back's been hurting lately", "urgent"),
])
def test_a_sign_lived_with_unchanged_is_not_new_and_what_is_new_or_worse_is_the_sign(said, level):
    assert level_heard(said) == level


@pytest.mark.parametrize("said, level", [
    ("does fever with back pain mean anything serious, in general?", "info"),  # asked in general, said after
    ("fever with back pain, in general, and my temperature is 39 now", "urgent"),  # a sign of one's own after it
    ("no chest pain as such, more a crushing weight on it when my back flares", "emergency"),  # "as such" denies a word
    ("do i need a and e if my legs keep giving way like they did this morning", "emergency"),  # it happened
    ("do i need a and e if my legs give way", "info"),
    ("my feet have been numb for years with my diabetes, same as ever", None),  # old and unchanged, in either order
    ("my feet have been numb for years with my diabetes but now my thighs are numb too", "emergency"),
    ("i'm on steroids, what would happen if i fell and hurt my back", None),  # the fall and the pain supposed: no sign yet
    ("i'm on steroids and my back hurts, what would happen if i fell", "urgent"),
])
def test_questions_in_general_and_old_baselines_against_signs_of_one_s_own(said, level):
    assert level_heard(said) == level


@pytest.mark.parametrize("intent, query, level", [
    ("ChestPainIntent", "never had", None),  # "never had chest pain", from a "{query} chest pain" sample
    ("ChestPainIntent", "had a curry it's just heartburn and no", None),
    ("ChestPainIntent", "my husband has", "emergency"),  # his, at the same level
    ("ChestPainIntent", "what if i get", "info"),
    ("ChestPainIntent", "not too bad", "emergency"),  # "chest pain, not too bad": the order kept
    ("ChestPainIntent", "and numb legs", "emergency"),
    ("ChestPainIntent", "can chest pain that goes into your back ever be", "info"),  # the sign is in the query
    ("HaventIntent", "wet meself no", None),  # an opener's words always come first: "haven't wet meself, no"
    ("NumbnessIntent", "copped a big tackle at footy and now both me legs", "emergency"),  # "... are tingling"
    ("NumbnessIntent", "sister had a spinal injection and now she says her bottom", "emergency"),  # "... is numb"
    ("NumbnessIntent", "in my left leg since yesterday", "right_away"),  # "numbness {query}": in front
])
def test_a_carrier_s_words_go_where_the_person_said_them(intent, query, level):
    assert level_heard(carriers.said("en-GB", intent, query), "en-GB") == level


@pytest.mark.parametrize("said", [
    "my back is stiff", "i don't have a fever", "no numbness", "i slipped a disc years ago",
    "i fell asleep on the sofa", "why does my back pop", "a stretch for my chest", "a stretch for my tight chest muscles",
    "i crack my back constantly", "i injured my back lifting", "no tingling at all", "i don't have a fever",
])
def test_plain_stiffness_and_negations_are_not_red_flags(said):
    assert level_heard(said) in (None, "soon")


def test_a_red_flag_mid_triage_stops_with_its_advice(talk):
    talk.say("CheckSymptomsIntent")
    reply = talk.say("ReportSymptomIntent", symptom=("my legs are weak", "both_legs"))
    assert "911" in reply.speech and reply.ended


def test_a_red_flag_mid_routine_stops_the_routine(talk):
    talk.say("GuideStretchIntent", stretch=("cat cow", "cat_cow"))
    stopped = talk.say("QuestionIntent", query="my legs are numb")
    assert "911" in stopped.speech and stopped.ended
    after = talk.say("AMAZON.NextIntent")
    assert "hands and knees" not in after.speech.lower()


@pytest.mark.parametrize("carry_on", [intent_request("AMAZON.NextIntent"), intent_request("AMAZON.ResumeIntent"),
                                      intent_request("QuestionIntent", query="carry on"),
                                      intent_request("SkipStretchIntent", query="then"),  # "skip this stretch then"
                                      intent_request("QuestionIntent", query="the next one"),  # "give us the next one"
                                      intent_request("NoSaidIntent", query="i want to finish")])  # "no no, I want to finish"
def test_carrying_on_the_routine_the_advice_stopped_gets_the_advice_again(stored_skill, carry_on):
    """ "Next" in the session after advice given mid-routine asks for the routine to go on: the
    advice again, not "nothing to say yes or no to"."""
    talk = Conversation(stored_skill, locale="en-CA")
    talk.launch()
    talk.say("StartRoutineIntent", area=("lower back", "lower_back"))
    assert talk.say("QuestionIntent", query="i've been shivery and hot and cold since yesterday").ended
    again = talk.send(carry_on)
    text = content.for_locale("en-CA")  # (the advice stands; "I want to finish" pushes back on it: followed, as told)
    assert any(text.text(key) in again.speech for key in ("safety.earlier", "safety.earlier_call")) and again.ended
    assert "Say next" not in again.speech


# -- the check answered for someone else --------------------------------------------------------

@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("intent, opening", [("CheckSymptomsIntent", "check my {query}"),
                                             ("CheckSymptomsIntent", "can you check my {query}"),
                                             ("CheckSymptomsIntent", "can you check {query}"),
                                             ("CheckSymptomsIntent", "check {query}")])
def test_a_check_asked_for_someone_else_is_in_every_model(locale, intent, opening):
    """"check my dad's back pain" is the check with whose in the query ("dad's back pain"), so the
    check word is not lost (as SomeoneElseIntent's "check my dad's {query}" had lost it: self-care
    for "back pain"); so is "check his back pain" ("his back pain": SomeoneElseIntent's "check his
    {query}" had lost the check word too); tests/acceptance plays "check my dad's symptoms" through
    virtual-alexa: the check starts"""
    model = json.loads((ROOT / "interaction_models" / f"{locale}.json").read_text(encoding="utf-8"))
    intents = {i["name"]: i.get("samples", []) for i in model["interactionModel"]["languageModel"]["intents"]}
    assert opening in intents[intent]


@pytest.mark.parametrize("query, level_words", [
    ("got a fever", "today"), ("had prostate cancer five years back", "today"), ("can't feel her legs properly", "911"),
])
def test_an_answer_alexa_hands_over_as_someone_else_s_is_about_the_person_checked(talk, query, level_words):
    """"she's got a fever" reaches the skill as SomeoneElseIntent ("someone else got a fever"):
    in a check asked for someone else, it is theirs, and their sign."""
    talk.launch()
    first = talk.say("SomeoneElseIntent", query="symptoms")  # "check my dad's symptoms"
    assert content.for_locale("en-US").raw("symptoms.questions")[0]["text"][:30] in first.speech
    reply = talk.say("SomeoneElseIntent", query=query)
    assert level_words in reply.speech and reply.ended and "they" in reply.speech.lower()


@pytest.mark.parametrize("query", ["had a fall at bowls last week she's absolutely fine", "had cancer but i am fine"])
def test_in_one_s_own_check_a_relative_s_story_is_no_sign(talk, query):
    talk.launch()
    talk.say("CheckSymptomsIntent")
    reply = talk.say("SomeoneElseIntent", query=query)
    assert not reply.ended and "they should" not in reply.speech and "for them" not in reply.speech


# -- a sign told in pieces: a minor fall in one turn, fragile bones in another ----------------------

@pytest.mark.parametrize("first, then, whose", [
    ("InjuryIntent:on the ice in the driveway yesterday just a little fall onto my butt nothing serious and my back's sore",
     "QuestionIntent:i should mention my doctor says i have osteoporosis", "today"),
    ("QuestionIntent:i have osteoporosis what stretch is safe for me", "QuestionIntent:i had a little slip in the garden this morning",
     "today"),
    ("SomeoneElseIntent:has brittle bones", "QuestionIntent:she had a little tumble yesterday and her back hurts", "for them"),
])
def test_a_minor_fall_and_fragile_bones_told_in_two_turns_are_the_urgent_sign(talk, first, then, whose):
    talk.launch()
    (intent, words), (intent2, words2) = first.split(":", 1), then.split(":", 1)
    opening = talk.say(intent, query=words)
    assert "today" not in opening.speech, "one piece alone is no sign"
    reply = talk.say(intent2, query=words2)
    assert "see a doctor" in reply.speech and "today" in reply.speech and reply.ended
    assert whose != "for them" or "someone" in reply.speech.lower()


def test_someone_s_stiff_back_told_with_an_old_fall_and_their_cancer_history_told_later_is_their_urgent_sign(talk):
    """Both pieces of the first turn are kept (the old fall and their stiff back), so a history of
    cancer told a few turns later is read with their back."""
    talk.launch()
    opening = talk.say("SomeoneElseIntent", query="here he came off a ladder two years back but he's fine now just stiff")
    assert "today" not in opening.speech and not opening.ended
    talk.say("QuestionIntent", query="give him a stretch that suits")
    reply = talk.say("QuestionIntent", query="oh he says he had prostate cancer about ten years ago does that matter")
    assert "today" in reply.speech and "someone" in reply.speech.lower(), reply.speech


@pytest.mark.parametrize("first, then", [
    ("i have osteoporosis what stretch is safe for me", "no i haven't had a fall"),
    ("i have osteoporosis what stretch is safe for me", "what if i had a little fall"),
    ("my neighbour slipped on the ice yesterday", "why does my back pop so much"),
])
def test_a_denied_or_supposed_piece_completes_no_sign(talk, first, then):
    talk.launch()
    talk.say("QuestionIntent", query=first)
    reply = talk.say("QuestionIntent", query=then)
    assert "today" not in reply.speech and not reply.ended


# -- advice given is remembered for an hour: no stretch over it in the next session ---------------

def _other_fall_then(stored_skill, *turns, locale="en-CA"):
    talk = Conversation(stored_skill, locale=locale)
    talk.launch()
    first = talk.say("SomeoneElseIntent", query="slipped on the ice and fell down the back stairs his back's really hurting")
    assert first.ended and "911 for them" in first.speech
    return [talk.send(turn) for turn in turns]


@pytest.mark.parametrize("query", ["he just see his chiropractor instead", "i take him to the osteopath tomorrow instead"])
def test_a_therapist_instead_of_the_emergency_call_gets_the_advice_again(stored_skill, query):
    """ "Should he just see his chiropractor instead?" after "call 911 for them now": call now."""
    (reply,) = _other_fall_then(stored_skill, intent_request("ShouldIntent", query=query))
    assert content.for_locale("en-CA").text("safety.earlier_now_other") in reply.speech and reply.ended
    assert "chiropractor or a physical therapist can help" not in reply.speech


def test_he_says_he_s_fine_or_a_stretch_for_we_after_advice_for_him_gets_it_again(stored_skill):
    """After "call 911 for them", "he says he's fine though" pushes back, and "can we try some
    stretching" (CanIntent: "can" + the rest) takes him in: the advice for him again."""
    replies = _other_fall_then(stored_skill, intent_request("SomeoneElseIntent", query="says he's fine though"),
                               intent_request("CanIntent", query="we try some stretching for now"))
    for reply in replies:
        assert content.for_locale("en-CA").text("safety.earlier_now_other") in reply.speech and reply.ended


def test_a_stretch_asked_for_someone_warned_about_gets_their_advice_again(stored_skill):
    """The advice closed the session; "should he just stretch it out?" in the next one is not a stretch."""
    (reply,) = _other_fall_then(stored_skill, intent_request("SomeoneElseIntent", query="says he can stand should he just stretch it out"))
    # his fall was an emergency: call 911 for him now, not "if it gets worse"
    assert reply.speech.startswith(warning("en-CA")) and content.for_locale("en-CA").text("safety.earlier_now_other") in reply.speech
    assert "911 for them now" in reply.speech and reply.ended
    assert "cat cow" not in reply.speech.lower()


def test_someone_else_s_emergency_holds_back_the_speaker_s_own_stretch_until_it_is_in_hand(stored_skill):
    """ "My wife says both her legs went numb ... okay, what's my next stretch": the call for her again;
    once they say it is in hand ("the ambulance is on its way"), the speaker's own stretch."""
    (reply,) = _other_fall_then(stored_skill, intent_request("ChooseStretchIntent", area=("lower back", "lower_back")))
    assert content.for_locale("en-CA").text("safety.earlier_now_other") in reply.speech and "911 for them now" in reply.speech
    assert "cat cow" not in reply.speech.lower()
    (reply,) = _other_fall_then(stored_skill, intent_request("QuestionIntent", query="the ambulance is on its way can i have a stretch for my lower back"))
    assert "earlier" not in reply.speech and "cat cow" in reply.speech.lower()
    (reply,) = _other_fall_then(stored_skill, intent_request(  # "ok, the paramedics have him now, ..."
        "QuestionIntent", query="the paramedics have him now can you start a five minute routine for my hips"))
    assert "earlier" not in reply.speech and "Here's about 5 minutes" in reply.speech, reply.speech


def test_someone_else_s_lesser_warning_does_not_hold_back_the_speaker_s_own_stretch(stored_skill):
    talk = Conversation(stored_skill, locale="en-GB")
    talk.launch()
    first = talk.say("SomeoneElseIntent", query="has had a fever since yesterday and his back aches")
    assert "for them" in first.speech or "they should" in first.speech, first.speech
    talk.restart()
    reply = talk.say("ChooseStretchIntent", area=("lower back", "lower_back"))
    assert "earlier" not in reply.speech and "cat cow" in reply.speech.lower()


@pytest.mark.parametrize("query", ["okay i'll get him in to see a doctor today can i get a stretch for my own lower back i'm just stiff",
                                   "he's sorting it he's got an appointment with the gp now can i have a stretch for my upper back"])
def test_a_stretch_for_oneself_told_with_their_plans_is_not_theirs(stored_skill, query):
    """Someone else spoken of in the same turn, but not with the stretch asked for: the speaker's own."""
    (reply,) = _other_fall_then(stored_skill, intent_request("QuestionIntent", query=query))
    assert "earlier" not in reply.speech and not reply.ended and "cat cow" in reply.speech.lower()


def _after_own_advice(stored_skill, user_id: str) -> Conversation:
    """A session closed by advice for one's own numb leg, and the next one opened."""
    talk = Conversation(stored_skill, locale="en-US", user_id=user_id)
    talk.launch()
    advice = talk.say("QuestionIntent", query="my left leg's gone kind of tingly and numb since this morning")
    assert advice.ended and "right away" in advice.speech
    talk.restart()
    return talk


def _an_hour_on(monkeypatch) -> None:
    later = safety.time.time() + safety.WARNED_FOR_SECONDS + 60
    monkeypatch.setattr(safety.time, "time", lambda: later)


def test_after_one_s_own_warning_an_answer_offers_no_stretch(stored_skill, monkeypatch):
    """After "get medical help right away, and skip the stretches", an answer about walking ends
    by asking what else, not "Want a gentle stretch too?" (once the hour is over, it offers one)."""
    talk = _after_own_advice(stored_skill, "amzn1.ask.account.NO_OFFER_AFTER")
    walking = talk.say("IsItIntent", query="walking good for it")
    assert "walking" in walking.speech and walking.speech.endswith(content.for_locale("en-US").text("safety.no_offer"))
    assert "stretch" not in walking.speech.split(".")[-2].lower(), walking.speech
    _an_hour_on(monkeypatch)
    talk.restart()
    assert "stretch" in talk.say("IsItIntent", query="walking good for it").speech.split(".")[-1].lower()


def test_a_routine_refused_after_advice_keeps_no_place_to_offer_later(stored_skill, monkeypatch):
    """ "It's probably nothing, just finish the routine" after advice: the advice again, and the
    routine it asked for keeps no place (no "shall we carry on from there?" later)."""
    talk = _after_own_advice(stored_skill, "amzn1.ask.account.REFUSED_ROUTINE")
    refused = talk.say("QuestionIntent", query="it's probably nothing just finish the routine")
    assert content.for_locale("en-US").text("safety.earlier") in refused.speech and refused.ended
    _an_hour_on(monkeypatch)
    talk.restart()
    assert content.for_locale("en-US").raw("basics.resume_offer").split("{")[0] not in talk.launch().speech


def test_a_paused_routine_is_not_offered_while_someone_else_s_emergency_is_not_in_hand(stored_skill):
    """The speaker's own place is kept over someone else's sign, but the next launch does not offer
    it while their emergency is not said to be in hand (as a stretch asked for would not be)."""
    resume = content.for_locale("en-AU").raw("basics.resume_offer").split("{")[0]
    talk = Conversation(stored_skill, locale="en-AU", user_id="amzn1.ask.account.RESUME_HELD")
    talk.launch()
    talk.say("StartRoutineIntent", minutes=("five", None), area=("lower back", "lower_back"))
    talk.say("AMAZON.NextIntent")
    assert talk.say("AMAZON.PauseIntent").ended
    talk.restart()
    advice = talk.say("SomeoneElseIntent", query="fell off the ladder and his back's really hurting")
    assert advice.ended and "000" in advice.speech
    talk.restart()
    assert resume not in talk.launch().speech
    talk.say("QuestionIntent", query="the ambulance is on its way now")
    talk.restart()
    assert resume in talk.launch().speech


def test_a_stretch_for_my_mother_after_advice_for_her_gets_her_advice_again(stored_skill):
    """ "My mother's back" is hers, though said with "my": after advice for her, a stretch for her waits."""
    talk = Conversation(stored_skill, locale="en-IN")
    talk.launch()
    advice = talk.say("SomeoneElseIntent", query="is feeling feverish since two days and her back is paining")
    assert advice.ended and "they should" in advice.speech
    talk.restart()
    reply = talk.say("CanIntent", query="you give one stretch for my mother's back")
    assert content.for_locale("en-IN").text("safety.earlier_other") in reply.speech and "cat cow" not in reply.speech.lower()


def test_after_one_s_own_warning_another_stretch_or_a_lesser_call_gets_the_advice_again(stored_skill):
    """ "Something else instead" is a stretch too; "should I just ring 111 then?" is told to follow
    the advice given (999 if unsure or worse), never answered with heat or ice."""
    talk = Conversation(stored_skill, locale="en-GB")
    talk.launch()
    assert talk.say("QuestionIntent", query="my bum and inner thighs have gone numb since this morning").ended
    other = talk.say("QuestionIntent", query="something else instead")
    assert content.for_locale("en-GB").text("safety.earlier_now") in other.speech and "cat cow" not in other.speech.lower()
    talk.restart()
    call = talk.say("ShouldIntent", query="just ring one hundred eleven then")
    assert call.speech.startswith(warning("en-GB")) and "call 999 now" in call.speech and call.ended
    assert "heat" not in call.speech.lower() and "111" not in call.speech


def test_after_advice_for_today_a_lesser_call_is_told_to_follow_it_and_a_stretch_waits(stored_skill):
    """Advice to see a doctor today is not made an emergency: "should I ring the GP?" is told to
    follow it (the emergency number only if unsure or worse); a stretch waits for the check."""
    talk = Conversation(stored_skill, locale="en-GB")
    talk.launch()
    assert talk.say("QuestionIntent", query="i've got a fever and my back is killing me").ended
    call = talk.say("ShouldIntent", query="i ring the gp then")
    assert content.for_locale("en-GB").text("safety.earlier_call") in call.speech and call.ended
    talk.restart()
    stretch = talk.say("ChooseStretchIntent", area=("lower back", "lower_back"))
    assert content.for_locale("en-GB").text("safety.earlier") in stretch.speech and "cat cow" not in stretch.speech.lower()


@pytest.mark.parametrize("first, whose, level_key, number", [
    (("QuestionIntent", "i had breast cancer twenty years ago and my back aches"), "", "safety.levels.urgent", "911"),
    (("SomeoneElseIntent", "legs are both giving way since this morning"), "_other", "safety.levels_other.emergency", "911"),
])
@pytest.mark.parametrize("asked", [("AMAZON.RepeatIntent", None), ("WhatIntent", "what number was that"),
                                   ("QuestionIntent", "sorry he's hard of hearing can you repeat that"),
                                   ("WhatIntent", "What did you say I should do"),  # "Pardon? What did you say I should do?"
                                   ("WhatIntent", "was the number again"),  # "What was the number again?"
                                   ("QuestionIntent", "what do I do"),  # "Sorry, what do I do?"
                                   ("QuestionIntent", "itself I should go")])  # "Today itself I should go?" (en-IN)
def test_asked_to_repeat_just_after_advice_the_advice_is_said_again_at_its_level(stored_skill, first, whose, level_key, number, asked):
    """ "Pardon? What number was that?" opening the session the advice closed: the advice again, at
    its urgency and for whom it was (its sign unnamed: never kept), never "nothing to say yes or no to"."""
    text = content.for_locale("en-US")
    talk = Conversation(stored_skill, locale="en-US")
    talk.launch()
    assert talk.say(first[0], query=first[1]).ended
    talk.restart()
    again = talk.say(asked[0], **({"query": asked[1]} if asked[1] else {}))
    assert text.text(f"safety.repeated{whose}") in again.speech and text.text(level_key) in again.speech
    assert number in again.speech and again.ended


def test_pushing_back_on_advice_gets_it_again_at_its_urgency(stored_skill):
    """ "I'm not going to the ER, just give me a stretch" after an emergency: call 911 now, no
    stretch; "it was only a little trip, are you sure" after advice for today: follow it."""
    talk = Conversation(stored_skill, locale="en-US")
    talk.launch()
    assert talk.say("QuestionIntent", query="i fell down the stairs and my back is killing me").ended
    refused = talk.say("NotMeIntent", query="going to the er just give me a stretch for my lower back")
    assert "call 911 now" in refused.speech and "cat cow" not in refused.speech.lower() and refused.ended
    talk = Conversation(stored_skill, locale="en-AU", user_id="amzn1.ask.account.ANOTHER")  # (someone else: no call-now kept)
    talk.launch()
    assert talk.say("QuestionIntent", query="i've got osteoporosis and tripped over the dog and hurt my back").ended
    doubt = talk.say("QuestionIntent", query="it was only a little trip are you sure")
    assert content.for_locale("en-AU").text("safety.earlier_call") in doubt.speech and doubt.ended


@pytest.mark.parametrize("locale, query", [
    ("en-GB", "it was fifteen years ago surely that doesn't matter now"),  # "But it was fifteen years ago, surely ..."
    ("en-GB", "I think I misspoke it's fine really"),  # "Sorry, I think I misspoke, it's fine really"
    ("en-US", "sorry not tingling I mean it's just kinda stiff"),  # "oh sorry, not tingling, I mean it's just kinda stiff"
    ("en-CA", "got a physio appointment next week that's good enough eh"),  # "I've got a physio appointment next week, ..."
    ("en-AU", "the GP can't see me till Monday just give me something gentle"),
])
def test_advice_played_down_or_taken_back_is_said_again_never_a_pop_answer(stored_skill, locale, query):
    """Just after advice, "surely that doesn't matter now?" or "I misspoke, it's fine" is heard and
    not taken: the advice stands (a sign said cannot be unsaid), never an answer about the pop."""
    talk = Conversation(stored_skill, locale=locale)
    talk.launch()
    assert talk.say("QuestionIntent", query="had bowel cancer years ago and my back aches").ended
    talk.restart()
    again = talk.say("QuestionIntent", query=query)
    text = content.for_locale(locale)  # (the advice again; where a stretch is asked for too, the words that hold it back)
    assert os.path.commonprefix([text.text("safety.earlier_call"), text.text("safety.earlier")]) in again.speech and again.ended
    assert "gas" not in again.speech and "arthritis" not in again.speech


@pytest.mark.parametrize("turn", [("AMAZON.NoIntent", None),  # "I'm fine"
                                  ("WhyIntent", None),  # "why?"
                                  ("PastIntent", None)])  # "years ago"
def test_a_short_reply_opening_the_session_after_advice_gets_it_again(stored_skill, turn):
    """ "I'm fine", "why?" or "years ago" just after advice to call now is heard and not taken: the
    advice again, never "go easy on that back, bye" or an answer about the pop."""
    talk = Conversation(stored_skill, locale="en-GB")
    talk.launch()
    assert talk.say("QuestionIntent", query="i can't wee since this morning and my back is killing me").ended
    talk.restart()
    again = talk.say(turn[0])
    assert "call 999 now" in again.speech and "go easy" not in again.speech.lower() and "gas" not in again.speech, again.speech


def test_someone_elses_fall_brushed_off_gets_their_advice_again(stored_skill):
    """ "Dad fell, back sore" is his emergency; "he's fine" after it is heard and not taken."""
    talk = Conversation(stored_skill, locale="en-CA")
    talk.launch()
    first = talk.say("SomeoneElseIntent", query="fell back sore")  # "dad fell, back sore"
    assert content.for_locale("en-CA").text("safety.levels_other.emergency") in first.speech and first.ended
    talk.restart()
    brushed = talk.say("SomeoneElseIntent", query="fine")  # "he's fine"
    assert content.for_locale("en-CA").text("safety.earlier_now_other") in brushed.speech and brushed.ended


def test_a_stretch_in_a_turn_about_someone_else_is_theirs_unless_said_as_ones_own(stored_skill):
    """After advice for her: "she says it's just heartburn and wants a stretch instead" is her
    stretch (held back, call for her now); "can I have a stretch for my upper back" is the speaker's."""
    (theirs,) = _other_fall_then(stored_skill, intent_request("SomeoneElseIntent", query="says it's just heartburn and wants a stretch instead"))
    assert content.for_locale("en-CA").text("safety.earlier_now_other") in theirs.speech and theirs.ended
    (mine,) = _other_fall_then(stored_skill, intent_request("SomeoneElseIntent", query="is sorting it can i have a stretch for my upper back"))
    assert "earlier" not in mine.speech and not mine.ended


@pytest.mark.parametrize("intent, query", [("QuestionIntent", "probably just from sleeping funny right"),  # "it's probably just ..."
                                           ("StopSaidIntent", "going on about nine nine nine"),  # "stop going on about 999": no goodbye
                                           ("NoSaidIntent", "she'll be right mate"),
                                           ("ItsNotIntent", "that bad i'll just ring the gp on monday"),
                                           ("IsItIntent", "really a nine hundred ninety nine thing"),  # "is that really a 999 thing"
                                           ("SomeoneElseIntent", "is saying it is only because of some outside food"),
                                           ("QuestionIntent", "just wait and see how it goes"),  # "I'll just wait and see how it goes"
                                           ("ThinkIntent", "fine it's just stiff"),  # "I think it's fine, it's just stiff"
                                           ("QuestionIntent", "but that was all over years and years ago"),
                                           ("QuestionIntent", "so can it wait till monday when my doctor is back in"),  # bargaining
                                           ("QuestionIntent", "i'd rather not bother anyone at the hospital could it wait till the morning"),
                                           ("WhatIntent", "right away mean like the e r tonight"),  # "what does right away mean ...?"
                                           ("WhatIntent", "the emergency number here"),  # "what is the emergency number here"
                                           ("DoesIntent", "that really matter for a stiff back"),  # "does that really matter ...?"
                                           ("CanIntent", "still do it"),  # "can I still do it" (CanIntent: "can i" + the rest)
                                           ("QuestionIntent", "it's probably nothing just give me the stretch"),  # "relax, it's ..."
                                           ("QuestionIntent", "fine it just popped i just want to crack it back"),  # "I'm fine, it just popped, ..."
                                           ("NoSaidIntent", "i just want it to pop"),  # "nah, I just want it to pop"
                                           ("WhatIntent", "you mean call nine nine nine for my back"),  # "what do you mean call 999, for my back?"
                                           ("QuestionIntent", "he reckons this is just his back")])
def test_playing_the_advice_down_gets_it_again(stored_skill, intent, query):
    talk = Conversation(stored_skill, locale="en-GB")
    talk.launch()
    assert talk.say("QuestionIntent", query="both my legs have gone numb").ended
    talk.restart()
    again = talk.say(intent, query=query)
    assert content.for_locale("en-GB").text("safety.earlier_now") in again.speech and again.ended


@pytest.mark.parametrize("intent, query", [("SaidBothIntent", "actually"),  # "both, actually"
                                           ("NumbnessIntent", "now the right leg also is tingling"),
                                           ("QuestionIntent", "hmm the other one's going too now"),
                                           ("QuestionIntent", "now that I think about it it's both legs")])  # "actually, now that ..."
def test_the_other_leg_too_just_after_advice_for_one_is_an_emergency(stored_skill, intent, query):
    """After advice for one leg ("get help right away"), the other one said to be in it too in the
    next session: both legs, call now (the record keeps the level, never the sign)."""
    talk = Conversation(stored_skill, locale="en-GB")
    talk.launch()
    assert "right away" in talk.say("QuestionIntent", query="my left leg's gone a bit weak").speech
    talk.restart()
    now = talk.say(intent, query=query)
    assert "999 now" in now.speech and now.ended


@pytest.mark.parametrize("intent, query", [
    ("QuestionIntent", "it's probably just pins and needles carry on with the stretch"),  # a lesser sign, played down
    ("FeverIntent", "as well actually, and my back's still sore"),  # "fever as well actually": another sign, at a lesser level
])
def test_a_lesser_sign_told_after_advice_to_call_now_gets_that_advice_again_never_a_lesser_one(stored_skill, intent, query):
    """ "Both my legs have gone numb" (call 999 now), then in the next session a sign at a lesser
    level: the call stands (the most serious advice wins, across turns too), and the warning kept is
    not lowered: a stretch asked for after that still gets the call."""
    talk = Conversation(stored_skill, locale="en-GB")
    talk.launch()
    assert "999 now" in talk.say("QuestionIntent", query="both my legs have gone numb and tingly").speech
    talk.restart()
    lesser = talk.say(intent, query=query)
    text = content.for_locale("en-GB")
    assert text.text("safety.earlier_now") in lesser.speech and lesser.ended
    assert "right away" not in lesser.speech and "today" not in lesser.speech
    talk.restart()
    stretch = talk.say("ChooseStretchIntent", area=("lower back", "lower_back"))
    assert text.text("safety.earlier_now") in stretch.speech and "cat cow" not in stretch.speech.lower()


def test_a_lesser_sign_after_advice_for_someone_else_is_the_speaker_s_own_advice(stored_skill):
    """Advice to call now for someone else does not stand in for the speaker's own sign: "my
    husband's legs both went numb", then "I've got a fever myself": the speaker's fever, today."""
    talk = Conversation(stored_skill, locale="en-GB")
    talk.launch()
    assert "999" in talk.say("SomeoneElseIntent", query="my husband's legs both went numb").speech
    talk.restart()
    own = talk.say("QuestionIntent", query="i've got a fever myself and my back is killing me")
    assert content.for_locale("en-GB").text("safety.levels.urgent") in own.speech and own.ended


def test_a_question_naming_a_lesser_service_after_advice_for_today_gets_that_advice_again(stored_skill):
    """ "So is it 111 I ring, or what?" after advice to contact a GP or NHS 111 today: not "sorry, I
    didn't catch that", but the advice again as it was given (a lesser service named as a plan,
    "I'll ring 111 then", is still what the advice said: a goodbye)."""
    talk = Conversation(stored_skill, locale="en-GB")
    talk.launch()
    assert talk.say("QuestionIntent", query="the pain's keeping me up all night doesn't matter how i lie").ended
    talk.restart()
    asked = talk.say("QuestionIntent", query="is it one hundred eleven i ring or what")
    text = content.for_locale("en-GB")
    assert text.text("safety.repeated") in asked.speech and text.text("safety.levels.urgent") in asked.speech
    assert "didn't catch" not in asked.speech and asked.ended


def test_finishing_the_stretch_first_after_advice_gets_the_advice_again(stored_skill):
    """ "Should I just finish this first?" as the session the advice closed opens again: the stretch asked to go on
    (was the stiffness answer; fresh238)."""
    talk = Conversation(stored_skill, locale="en-US")
    talk.launch()
    talk.say("GuideStretchIntent", stretch={"value": "cat cow", "id": "cat_cow"})
    assert talk.say("QuestionIntent", query="since yesterday it feels kinda different when i wipe, i'm not sure").ended
    talk.restart()
    asked = talk.say("ShouldIntent", query="i just finish this first")
    assert content.for_locale("en-US").text("safety.earlier_now") in asked.speech, asked.speech
    assert "Stiffness and aching" not in asked.speech and asked.ended


def test_which_service_asked_after_advice_for_someone_else_gets_their_advice_again(stored_skill):
    """ "So is it 111 or her GP?" after advice for a mother's fever: her advice again (was the check
    started for her; fresh234)."""
    talk = Conversation(stored_skill, locale="en-GB")
    talk.launch()
    told = "up at my mum's, she's been shivery with a temperature all week and her back's really sore"
    assert talk.say("QuestionIntent", query=told).ended
    talk.restart()
    asked = talk.say("QuestionIntent", query="is it one hundred eleven or her gp")
    text = content.for_locale("en-GB")
    assert text.text("safety.levels_other.urgent") in asked.speech and asked.ended, asked.speech


def test_words_not_understood_just_after_advice_get_the_advice_again(stored_skill):
    """ "Just the right one, the left is fine" after advice for one leg: never "sorry, I didn't catch
    that" alone; the advice again as it was given."""
    talk = Conversation(stored_skill, locale="en-US")
    talk.launch()
    talk.say("QuestionIntent", query="my right leg's been numb since tuesday")
    talk.restart()
    again = talk.say("QuestionIntent", query="just the right one the left is fine")
    text = content.for_locale("en-US")
    assert text.text("safety.repeated") in again.speech and text.text("safety.levels.right_away") in again.speech
    assert "didn't catch" not in again.speech and again.ended


@pytest.mark.parametrize("query, kind", [
    ("my gp checked me over a while back and said it was fine so can i just do a stretch", "again"),  # seen before this sign
    ("ok but how do i get it to pop", "again"),  # making it pop is a stretch held back too
    ("my husband is taking me to the hospital now", "bye"),  # going, as told: a goodbye, never a check for him
])
def test_after_advice_for_today_earlier_checks_and_popping_wait_and_going_in_is_a_goodbye(stored_skill, query, kind):
    """After "see a doctor today": a doctor seen "a while back" said nothing of this sign; how to
    make it pop asks for what the advice holds back; "my husband is taking me to the hospital
    now" says they are going (not the start of a check for him)."""
    talk = Conversation(stored_skill, locale="en-AU")
    talk.launch()
    assert talk.say("QuestionIntent", query="i've lost about five kilos without trying and my back aches").ended
    talk.restart()
    reply = talk.say("QuestionIntent", query=query)
    if kind == "again":
        assert content.for_locale("en-AU").text("safety.earlier") in reply.speech and reply.ended, reply.speech
    else:
        assert reply.ended and "warning signs" not in reply.speech and "earlier" not in reply.speech, reply.speech


def test_seen_since_and_told_it_s_fine_lifts_advice_for_today_never_a_call_now(stored_skill):
    """After "see a doctor today", "I saw my doctor and she said it's fine to stretch now" gets a
    stretch; after "call 999 now", "the GP said it's fine" still gets the call, no stretch."""
    talk = Conversation(stored_skill, locale="en-US")
    talk.launch()
    assert talk.say("QuestionIntent", query="my back's killing me and i've had a fever since yesterday").ended
    talk.restart()
    seen = talk.say("QuestionIntent", query="i saw my doctor and she said it's fine to stretch now can i have one")
    assert "cat cow" in seen.speech.lower() and "earlier" not in seen.speech and not seen.ended
    talk = Conversation(stored_skill, locale="en-GB")
    talk.launch()
    assert talk.say("QuestionIntent", query="both my legs have gone numb").ended
    talk.restart()
    claimed = talk.say("QuestionIntent", query="the gp said it's fine can i have a stretch")
    assert "call 999 now" in claimed.speech and "cat cow" not in claimed.speech.lower() and claimed.ended


@pytest.mark.parametrize("query, lifted", [
    ("she says it's okay now can you give her a stretch", False),  # her own say-so
    ("she's fine she says can she do a stretch", False),
    ("we took her to the walk in and they said it's just a strain can she have a stretch", True),  # seen, and told
    ("i rang one one one and they said keep an eye on it can i have a stretch for her", True),
])
def test_advice_for_someone_else_is_lifted_by_a_clinician_s_word_not_their_own(stored_skill, query, lifted):
    """After "she should see a GP today", a stretch for her waits until someone who saw her or
    was rung said it's fine; "she says it's okay now" is not that."""
    talk = Conversation(stored_skill, locale="en-GB")
    talk.launch()
    assert talk.say("SomeoneElseIntent", query="has had a fever since yesterday and her back is killing her").ended
    talk.restart()
    reply = talk.say("QuestionIntent", query=query)
    assert (content.for_locale("en-GB").text("safety.earlier_other") in reply.speech) is not lifted


@pytest.mark.parametrize("query, theirs", [
    # his emergency not yet said to be in hand: the call for him again, before the speaker's own stretch
    ("my own back is also stiff from lifting him can you give me one stretch", True),
    ("can you give him a stretch", True),
    ("give me a stretch for him", True),  # as near to both: theirs, the cautious side
    ("what can he do to ease it in the meantime like a stretch or something", True),  # only he is spoken of
    ("he says he just needs to sit down for a bit can you just do my stretch", True),  # pushing back on his advice
    ("ambulance is on its way can you give me a stretch for my own back while i wait", False),
])
def test_whose_stretch_is_said_by_the_nearer_words(stored_skill, query, theirs):
    (reply,) = _other_fall_then(stored_skill, intent_request("QuestionIntent", query=query))
    assert (content.for_locale("en-CA").text("safety.earlier_now_other") in reply.speech) is theirs
    assert ("cat cow" in reply.speech.lower()) is not theirs


def test_someone_else_s_sign_mid_routine_keeps_the_speaker_s_place(stored_skill):
    """Advice for the daughter closes the session; "next" opening the next one carries on."""
    talk = Conversation(stored_skill, locale="en-AU")
    talk.launch()
    talk.say("ChooseStretchIntent", area=("lower back", "lower_back"))
    talk.say("AMAZON.YesIntent")
    talk.say("AMAZON.NextIntent")
    advice = talk.say("StopSaidIntent", query="me daughter's come home crook she's hot and cold and shivery and her back's aching")
    assert advice.ended and "today" in advice.speech
    talk.restart()
    carried_on = talk.say("AMAZON.NextIntent")
    assert "cat cow" in carried_on.speech.lower() and not carried_on.ended


def test_one_s_own_warning_holds_back_a_stretch_for_an_hour_not_a_question(stored_skill, monkeypatch):
    talk = Conversation(stored_skill, locale="en-GB")
    talk.launch()
    assert talk.say("QuestionIntent", query="both my legs have gone numb").ended
    stretch = talk.say("ChooseStretchIntent", area=("lower back", "lower_back"))
    assert stretch.speech.startswith(warning("en-GB")) and content.for_locale("en-GB").text("safety.earlier_now") in stretch.speech
    question = talk.say("WhatIsThePopIntent")
    assert "gas bubble" in question.speech and "earlier" not in question.speech
    later = safety.time.time() + safety.WARNED_FOR_SECONDS + 60
    monkeypatch.setattr(safety.time, "time", lambda: later)
    talk.restart()
    assert "cat cow" in talk.say("ChooseStretchIntent", area=("lower back", "lower_back")).speech.lower()


def test_after_advice_to_call_now_naming_a_lesser_service_gets_it_again_never_a_goodbye(stored_skill):
    """ "I'll ring 111 then?" after "call 999 now" had been a goodbye; after advice to see a GP or
    NHS 111 today the same words are what the advice said: a goodbye."""
    talk = Conversation(stored_skill, locale="en-GB")
    talk.launch()
    assert talk.say("QuestionIntent", query="both my legs are giving way").ended
    downgrade = talk.say("QuestionIntent", query="ring one hundred eleven then")  # "I'll ring 111 then?"
    assert "call 999 now" in downgrade.speech and downgrade.ended
    talk = Conversation(stored_skill, locale="en-GB", user_id="amzn1.ask.account.ANOTHER")  # (someone else: no call-now kept)
    talk.launch()
    assert talk.say("QuestionIntent", query="i've got a fever and my back is killing me").ended
    goodbye = talk.say("QuestionIntent", query="ring one hundred eleven then")
    assert "999" not in goodbye.speech and goodbye.ended
    assert any(line in goodbye.speech for line in content.for_locale("en-GB").raw("basics.goodbye"))


@pytest.mark.parametrize("query", ["probably nothing right", "i don't want to make a fuss can i just wait it out",
                                   "why does that matter if it's gone", "it goes away after a bit though is that okay",
                                   "it's just a stiff back i don't need an ambulance",  # "honestly, it's just ..."
                                   "was forever ago i'm fine just give me something for the stiffness",  # "that was ..."
                                   "already said that",  # "you already said that"
                                   "will settle by itself just set the reminder",  # "it will settle by itself, ..."
                                   # a sceptic (fresh240): "seriously? 911 for a sore back?", "you're just a robot ...",
                                   # "come on, that's just because ...", "surely it's just from sitting ..."
                                   "seriously 911 for a sore back", "you're just a robot you don't know me",
                                   "on that's just because i haven't been drinking enough water",
                                   "it's just from sitting on a hard chair all day"])
def test_pushing_back_in_other_words_gets_the_advice_again(stored_skill, query):
    talk = Conversation(stored_skill, locale="en-US")
    talk.launch()
    assert talk.say("QuestionIntent", query="my chest feels tight and my back is killing me").ended
    again = talk.say("QuestionIntent", query=query)
    assert "call 911 now" in again.speech and again.ended


@pytest.mark.parametrize("intent, query", [("QuestionIntent", "actually no never mind it's probably fine"),
                                           ("QuestionIntent", "erm can i not just wait and see"),
                                           ("DoesIntent", "have to go today though")])  # "do I have to go today though?"
def test_playing_the_advice_down_or_its_urgency_gets_it_again(stored_skill, intent, query):
    """ "Never mind, it's probably fine", "can I not just wait and see?", "do I have to go today
    though?" after advice for a numb bottom: pushing back, so the advice again (never a pop answer)."""
    talk = Conversation(stored_skill, locale="en-GB")
    talk.launch()
    assert talk.say("QuestionIntent", query="it feels a bit funny down below when i wipe").ended
    again = talk.say(intent, query=query)
    assert content.for_locale("en-GB").text("safety.earlier_now") in again.speech and again.ended, again.speech


@pytest.mark.parametrize("intent, query, said_first", [
    ("NoSaidIntent", "i reckon it'll come good on its own", "me legs keep going to jelly, nearly went down twice"),  # "nah, ..."
    ("QuestionIntent", "probably just stress from work though", "i've dropped fifteen pounds and i'm not even trying"),  # "it's ..."
    ("QuestionIntent", "but it was cured long back doctor said i am completely fine", "i had cancer ten years ago and now my back hurts")])
def test_playing_a_sign_down_after_its_advice_gets_the_advice_again(stored_skill, intent, query, said_first):
    """ "It'll come good on its own", "it's probably just stress", "it was cured long back, the doctor
    said I'm fine" (an old all-clear, not one for this pain): pushing back, never an answer about the pop."""
    talk = Conversation(stored_skill, locale="en-GB")
    talk.launch()
    assert talk.say("QuestionIntent", query=said_first).ended
    again = talk.say(intent, query=query)
    assert "earlier" in again.speech and again.ended, again.speech


def test_after_advice_for_one_leg_what_if_both_is_what_to_do_then(stored_skill):
    """Just after advice for one tingly leg, "what if it spreads to both legs?": what to do if it
    happens (the emergency number), not the earlier advice nor a stretch held back."""
    talk = Conversation(stored_skill, locale="en-US")
    talk.launch()
    assert talk.say("QuestionIntent", query="my left leg's been kinda tingly since this morning").ended
    what_if = talk.say("QuestionIntent", query="what if it spreads to both legs")
    assert "911" in what_if.speech and content.for_locale("en-US").text("safety.earlier") not in what_if.speech, what_if.speech


def test_after_advice_a_pop_heard_in_a_stretch_is_answered_but_the_stretch_is_not(stored_skill):
    """After advice, "why does it pop when I do cat cow?" asks about the pop: answered (the warning
    first); "can I keep going with the stretch though" asks for the stretch: the advice again."""
    talk = Conversation(stored_skill, locale="en-GB", user_id="amzn1.ask.account.POP_AFTER")
    talk.launch()
    assert talk.say("QuestionIntent", query="both my legs feel wobbly like they're giving way").ended
    pop = talk.say("QuestionIntent", query="why does it pop when i do cat cow anyway")
    assert "gas" in pop.speech and "earlier" not in pop.speech, pop.speech
    talk = Conversation(stored_skill, locale="en-CA", user_id="amzn1.ask.account.KEEP_AFTER")
    talk.launch()
    assert talk.say("QuestionIntent", query="both my legs feel wobbly like they're giving way").ended
    keep = talk.say("CanIntent", query="keep going with the stretch though")
    assert content.for_locale("en-CA").text("safety.earlier_now") in keep.speech and keep.ended, keep.speech


def test_after_advice_for_someone_else_the_speaker_asks_for_their_own_check(stored_skill):
    """After advice for a mother, "and what about me, do I need a doctor?" starts the speaker's own
    check (never the mother's advice again, as "I'll ring the doctor then" would be)."""
    talk = Conversation(stored_skill, locale="en-IN")
    talk.launch()
    assert talk.say("SomeoneElseIntent", query="is having back pain and both her legs are going weak").ended  # "my mother ..."
    mine = talk.say("QuestionIntent", query="and what about me do i need a doctor")
    assert "earlier" not in mine.speech and not mine.ended and "?" in mine.speech, mine.speech


@pytest.mark.parametrize("intent, query", [("YesSaidIntent", "let's keep going"),  # "yes, let's keep going": read as a plain yes
                                           ("CanIntent", "keep going"),  # "can we keep going": read as next
                                           ("QuestionIntent", "fine now can we carry on")])  # "it's fine now, can we carry on"
def test_carrying_on_read_as_a_plain_yes_or_next_after_advice_still_gets_the_advice_again(stored_skill, intent, query):
    """Words read as a plain intent (basics.SaidPlainly) are still read for a stretch asked for after
    red-flag advice, in a later session: the advice again, never "nothing to say yes or no to"."""
    talk = Conversation(stored_skill, locale="en-US")
    talk.launch()
    assert talk.say("QuestionIntent", query="both my legs have gone numb").ended
    talk.restart()
    again = talk.say(intent, query=query)
    assert again.speech.startswith(warning("en-US")) and "call 911 now" in again.speech and again.ended


def test_the_stretch_of_someone_being_guided_is_held_back_after_advice_for_them(stored_skill):
    """A carer guiding his wife: after advice for her weak leg, "she says it is okay now, continue the
    stretch" (read plainly as "resume") is her stretch: the advice again, the routine not carried on."""
    talk = Conversation(stored_skill, locale="en-IN")
    talk.launch()
    talk.say("GuideStretchIntent", stretch=("cat cow", "cat_cow"))  # "please guide my wife through cat cow"
    assert talk.say("SomeoneElseIntent", query="is saying her one leg has gone weak").ended  # "she is saying ..."
    talk.restart()
    again = talk.say("SomeoneElseIntent", query="says it is okay now continue the stretch")
    assert content.for_locale("en-IN").text("safety.earlier_other") in again.speech and again.ended
    assert "cat cow" not in again.speech.lower()


def test_it_s_not_me_pushes_back_only_on_advice_given_for_the_speaker(stored_skill):
    """ "It's not me, mine's just a bit stiff, why won't my back pop" after advice for a mother says
    only that (the pop answered); after the speaker's own advice it is pushing back (the advice again)."""
    talk = Conversation(stored_skill, locale="en-GB")
    talk.launch()
    assert talk.say("SomeoneElseIntent", query="can't feel when she needs a wee").ended  # "my mum ..."
    talk.restart()
    mine = talk.say("ItsNotIntent", query="me mine's just a bit stiff why won't my back pop")
    assert "earlier" not in mine.speech and "gas" in mine.speech and not mine.ended
    talk = Conversation(stored_skill, locale="en-GB", user_id="amzn1.ask.account.OWN_ADVICE")
    talk.launch()
    assert talk.say("QuestionIntent", query="both my legs have gone numb").ended
    talk.restart()
    again = talk.say("ItsNotIntent", query="me")
    assert content.for_locale("en-GB").text("safety.earlier_now") in again.speech and again.ended


def test_a_thanks_just_after_advice_is_a_goodbye_and_never_one_otherwise(stored_skill):
    talk = Conversation(stored_skill, locale="en-AU")
    talk.launch()
    assert talk.say("QuestionIntent", query="i've had a fever since yesterday and my back aches").ended
    bye = talk.say("QuestionIntent", query="right thanks")
    assert bye.ended and any(line in bye.speech for line in content.for_locale("en-AU").raw("basics.goodbye"))
    fresh = Conversation(stored_skill, locale="en-AU", user_id="amzn1.ask.account.NEVER_WARNED")
    fresh.launch()
    assert not fresh.say("QuestionIntent", query="right thanks").ended


@pytest.mark.parametrize("said", ["his legs have gone numb", "check his legs, they've gone numb",
                                  "my wife tried the cat cow and now her legs keep giving way"])
def test_his_legs_are_his_though_the_pronoun_is_in_the_signs_own_words(said):
    """ "his legs have gone numb": whose the sign is, said as the first word of its own words, makes
    it someone else's (advice for them, at the same level); "my legs" stays the speaker's."""
    found = screen.screen([said], "en-US")
    assert found is not None and found.level == screen.EMERGENCY and found.who == "other"
    mine = screen.screen(["her back hurts and my legs have gone numb"], "en-US")
    assert mine is not None and mine.who == "self"


@pytest.mark.parametrize("said, level", [
    # what was asked and the answer: a denial of all together is no flag; a sign told with it still is
    ("physio went through the whole list, waterworks, numbness down below, all fine, i'm just stiff", None),
    ("the physio asked about numbness, i said yes, it's in both legs, everything else all fine", "emergency"),
    ("the pharmacist wanted to rule out leg weakness, and my legs are totally fine", None),
    ("they sent me in to rule out cauda equina, my bum is numb", "emergency"),  # ruled out: the words after it only
    # a sign someone said is a warning sign, asked about, against the same said to be one's own
    ("the physio mentioned chest pain as a warning sign, why would a back problem cause that", None),
    ("my gp said numbness in both legs is a red flag, and that's what i have", "emergency"),
    # what to watch for, come; an answer of doubt; a denial taken back
    ("my gp told me to keep an eye out for numbness in the saddle area and, well, it's started", "emergency"),
    ("the nurse asked about numbness between my legs and i wasn't sure, maybe a little", "emergency"),
    ("told the nurse earlier there was no chest pain, that's changed, it's gone tight and heavy", "emergency"),
    ("numbness is there in legs, no no, i mean numbness is not there, only stiffness in the back", None),
])
def test_what_someone_asked_and_what_was_answered_or_taken_back(said, level):
    """Round fresh60's shapes, with the counter-cases a triage reviewer would try on each new rule."""
    assert level_heard(said) == level


@pytest.mark.parametrize("said, level", [
    # a state since a time, asked about with "if", is there now; a "what if" with "ever" is not
    ("can i still go for my swim if i've lost control of my bowels since my back flared up", "emergency"),
    ("can i still do the cat stretch if my legs have both gone weak since this morning", "emergency"),
    ("would it be ok to stretch if i ever lost control of my bladder", "info"),
    # when it happened is no story watched; the bloke on the show still is
    ("i'm on warfarin, it suddenly went into absolute agony while i was sat watching telly", "urgent"),
    ("i was sat watching telly and the bloke on the show said his legs went numb", None),
    # pain that won't let one sleep, against a baby or a snorer who won't
    ("my husband's back has ached for years, lately it won't let him sleep", "urgent"),
    ("the baby won't let me sleep, what stretch for my back", None),
    # steroid tablets with the puffer, against tablets for hay fever
    ("been on steroid puffers and tablets a long while and me back's newly sore", "urgent"),
    ("i use a steroid puffer and tablets for my hay fever, what stretch for my back", None),
    # the usual, said to be the usual, against something new on top of it
    ("the numb toes are my neuropathy, same as the last ten years, nothing new, just a stiff back today", None),
    ("my feet are always numb from the diabetes but now my bum's gone numb too", "emergency"),
    ("i've leaked a little when i sneeze ever since the kids, but this morning i might have wet myself without feeling it", "emergency"),
    # a back that stops one lifting the baby out of the cot, against a toddler who won't go in the car seat
    ("back's been grim since the baby, and now i can't even lift her out of the cot", "soon"),
    ("i can't get him into the car seat, he screams every time", None),
])
def test_what_is_new_against_the_usual_and_a_sign_asked_about_with_if(said, level):
    """Round fresh61's shapes (a baseline and what is new on it; a sign inside a request for a
    stretch), with a triage reviewer's counter-cases for each new rule."""
    assert level_heard(said) == level


@pytest.mark.parametrize("locale, said, level", [
    ("en-IN", "is it normal to have back pain after a car accident yesterday evening i was in the front seat", "emergency"),
    ("en-AU", "is it normal to get back pain while i'm on chemo", "urgent"),
    ("en-GB", "why would i be all shivery and hot and cold with this achy back", "urgent"),
    ("en-IN", "actually what to say i am having numbness in the private parts area since yesterday", "emergency"),
    ("en-US", "no i didn't fall well i mean i did kinda tumble down like half the basement stairs", "emergency"),
    ("en-GB", "it's not for me it's for me dad he's erm come off his roof ladder and he's lying there holding his back", "emergency"),
])
def test_a_sign_asked_about_as_a_question_or_said_with_a_repair_is_the_speaker_s(locale, said, level):
    """ "Is it normal to have back pain after a car accident yesterday?" asks about the speaker's own
    pain, not about people in general; "what to say, I am having ..." (en-IN: how to put it) is no
    what-if; "no I didn't fall, well, I mean I did" puts the fall back."""
    finding = screen.screen([said], locale)
    assert finding is not None and finding.level == level and finding.status != screen.HYPOTHETICAL, finding


@pytest.mark.parametrize("said", ["my legs are numb wait no that's not right my legs are fine it's just my lower back that's tight",
                                  "i'm falling erm i've fallen behind on me stretches sorry can we start again"])
def test_a_sign_taken_back_in_the_same_breath_is_none(said):
    assert screen.screen([said], "en-GB") is None


def test_a_sign_taken_back_for_a_what_if_is_a_what_if():
    finding = screen.screen(["my chest is tight no wait i mean what if my chest got tight while i'm stretching"], "en-US")
    assert finding is not None and finding.status == screen.HYPOTHETICAL, finding


def test_pushing_back_for_someone_else_gets_their_advice_again(stored_skill):
    """ "She says the cancer's gone, it's just from sitting in her wheelchair" after advice for a mother."""
    talk = Conversation(stored_skill, locale="en-CA")
    talk.launch()
    assert talk.say("SomeoneElseIntent", query="had breast cancer a few years back and now her back's sore").ended  # "my mom ..."
    again = talk.say("SomeoneElseIntent", query="says the cancer's gone it's just from sitting in her wheelchair all day")
    assert content.for_locale("en-CA").text("safety.earlier_call_other") in again.speech and again.ended, again.speech



@pytest.mark.parametrize("locale, said, level", [
    # round fresh81's stories: the speaker's sign beside someone else's past; half-known words
    ("en-AU", "sciatica down the left leg since the weekend plus now the foot's numb me brother had the same thing years back", "right_away"),
    ("en-US", "my foot went numb years back and it was fine after", None),  # (the speaker's own past: still over)
    ("en-IN", "my mother is having back pain for a month and she has lost many kilos without any dieting", "urgent"),
    ("en-IN", "back pain is not going even when i lie down whole night i am not able to sleep", "urgent"),
    ("en-CA", "my aunt had pins and needles in her legs a while back they sorted her out my back's just stiff", None),
    ("en-US", "my legs went numb a while back and they're still numb", "emergency"),
    ("en-CA", "what's saddle numbness like is that from riding a horse", "info"),
    ("en-US", "what's this numbness in both legs", "emergency"),
    ("en-CA", "my sister's a nurse and she mentioned saddle numbness what would it mean if i got that", None),
    ("en-US", "my wife mentioned her legs went numb what does that mean", "emergency"),
])
def test_a_story_with_several_people_and_words_half_known_are_read_as_a_clinician_would(locale, said, level):
    """Whose a time word is ("me brother had the same thing years back" is his, not the numb foot's);
    "not going" (en-IN) is not going away; a word asked about, or one a nurse mentioned, is no one's
    sign; a sign a person had and still has, or one "this" points at, is theirs."""
    assert level_heard(said, locale) == level


def test_pushing_back_with_a_fuss_or_the_mattress_gets_the_advice_again(stored_skill):
    """ "She won't want an ambulance, she hates a fuss" after advice for a mum; "nah, it's definitely
    the mattress" after advice for pain worse at night: the advice again, never a posture answer."""
    talk = Conversation(stored_skill, locale="en-GB")
    talk.launch()
    assert talk.say("QuestionIntent", query="my mum's been struggling to walk to the loo these last couple of days her legs feel heavy").ended
    again = talk.say("SomeoneElseIntent", query="won't want an ambulance she hates a fuss")  # "she ..."
    assert content.for_locale("en-GB").text("safety.earlier_now_other") in again.speech and again.ended, again.speech
    talk = Conversation(stored_skill, locale="en-AU", user_id="amzn1.ask.account.MATTRESS")
    talk.launch()
    assert talk.say("QuestionIntent", query="it's worse at night but that's probably just our dodgy old mattress").ended
    again = talk.say("NoSaidIntent", query="it's definitely the mattress")  # "nah, ..."
    assert "Good posture" not in again.speech and again.ended, again.speech
    assert content.for_locale("en-AU").text("safety.earlier_call") in again.speech, again.speech


@pytest.mark.parametrize("said, level", [
    ("thing is it aches all night and never eases when i lie down", "urgent"),
    ("it aches all night but it eases when i lie down", None),
    ("hmm well i did fall but it was just onto the bed i was goofing around with the kids", None),
    ("i did fall just onto the bed but now i can't move my legs", "emergency"),
])
def test_never_eases_is_night_pain_and_a_fall_onto_the_bed_is_none(said, level):
    assert level_heard(said) == level


@pytest.mark.parametrize("locale, said, level", [
    # rounds fresh82 and fresh114: what a carrier sees, terse fragments, and harmless look-alikes
    ("en-AU", "dad's got a dead leg the left one can't feel his shin since he did his back lifting hay bales", "right_away"),
    ("en-AU", "gave me a dead leg at footy", None),
    ("en-US", "my jeans keep slipping down i haven't been dieting and my back's been hurting", "urgent"),
    ("en-AU", "me back's stuffed and i've wet me trackie dacks twice today without even feeling it coming", "emergency"),
    ("en-GB", "on steroids for years back's new", "urgent"),
    ("en-GB", "i was on steroids years back", None),
    ("en-GB", "the hot water bottle on my nan's back feels really hot to touch is that too hot", None),
    ("en-GB", "she feels really hot to touch and her back hurts", "urgent"),
    ("en-AU", "i'm thirty weeks pregnant and my back's stiff what's something i can do sitting on the couch", None),
    ("en-AU", "back pain for six weeks now", "soon"),
    ("en-IN", "my mother can't sit on the floor because of her knees give a stretch she can do in a chair", None),
    ("en-IN", "i can't sit on the floor because of my back", "soon"),
])
def test_what_a_carer_sees_and_terse_fragments_are_read_at_their_level(locale, said, level):
    """A dead leg with no feeling in the shin is numbness, a knock's dead leg is not; clothes slipping
    down without dieting; wetting without feeling it; long-term steroids; a hot water bottle hot to
    touch is no fever; weeks pregnant is no pain lasting weeks; a floor the knees keep her off is not
    the back stopping daily life."""
    assert level_heard(said, locale) == level


@pytest.mark.parametrize("said", ["my dad fell off the ladder and hurt his back he keeps saying he's fine",
                                  "my husband rolled the ski-doo out on the lake and his back's been sore since he keeps saying he's fine",
                                  "mum fell down the stairs last night she insists she's okay but her back is killing her"])
def test_someone_playing_down_their_fall_is_still_their_emergency(said):
    """ "He keeps saying he's fine" plays it down; it denies nothing a clinician would let pass."""
    finding = screen.screen([said], "en-CA")
    assert finding is not None and finding.level == "emergency" and finding.who == "other", finding


@pytest.mark.parametrize("symptom, status", [("a fever", screen.HYPOTHETICAL), ("fever", screen.PRESENT),
                                             ("my fever", screen.PRESENT)])
def test_a_sign_named_with_a_in_the_check_s_samples_is_asked_of_any(symptom, status):
    """ "Should I worry about a fever?" asks of any fever (a what-if, answered with what to do);
    "should I see a doctor about fever" names the speaker's."""
    finding = safety.finding_in("en-CA", "CheckSymptomsIntent", [safety.SlotReading("symptom", symptom, "fever")])
    assert finding is not None and finding.symptom == "fever" and finding.status == status, finding


@pytest.mark.parametrize("said", ["it's been maybe three or four weeks and i don't think my back's getting any better",
                                  "worse really bad now"])  # "getting worse, really bad now" ("getting" opens a sample)
def test_weeks_not_getting_better_and_worse_said_first_are_signs_to_book_soon(said):
    assert level_heard(said, "en-AU") == "soon"


@pytest.mark.parametrize("locale, said, level", [
    # round fresh84: signs said while asking for something else, and how a sign began and changed
    ("en-IN", "i am unable to get up from the chair since today morning legs are not supporting please tell the weather also", "emergency"),
    ("en-GB", "me back went all of a sudden and it's absolute agony what's on telly tonight", "urgent"),
    ("en-AU", "sharp pain zapping down the back of me left leg feels fine otherwise what's on tonight", "soon"),
    ("en-AU", "the weakness in my leg was mild at first but it has got a lot worse overnight", "emergency"),
    ("en-US", "ever since yesterday i've been stumbling a lot maybe my legs are going a bit hard to say", "emergency"),
    ("en-GB", "went head over heels down the stairs last night thought i was fine but this morning my back's in bits", "emergency"),
    ("en-US", "my back's been acting up since the fourth of july and it's not letting up six weeks now", "soon"),
    ("en-US", "my right foot was numb for a couple of days last month it's been totally fine since", None),
    ("en-US", "play free fallin by tom petty while i do my stretches", None),
    ("en-GB", "show me the chest stretch and play fever by peggy lee while i do it", None),
    ("en-US", "i've had a fever since yesterday and my back aches", "urgent"),
])
def test_a_sign_said_with_another_request_or_told_as_it_changed_is_read_at_its_level(locale, said, level):
    """ "What's on telly tonight" is no story; "feels fine otherwise" denies nothing; one leg's
    weakness getting worse overnight is an emergency; "thought I was fine, but this morning ..." is
    no fall that is over; a song called Fever or Free Fallin' is no one's sign."""
    assert level_heard(said, locale) == level


@pytest.mark.parametrize("locale, said, symptom", [
    ("en-US", "so if somebody had back pain going up into their jaw and left arm what should they do, i'm the somebody", "chest_pain"),
    ("en-US", "hypothetically a forty year old guy can't start peeing and his back is wrecked, hypothetically that guy is talking to you",
     "bladder_bowel"),
    ("en-IN", "if one lady is having tingling in her right arm and neck and back pain what to do, i am asking for me only", "limb_numbness"),
])
def test_someone_spoken_of_who_turns_out_to_be_the_speaker_is_the_speakers_sign_now(locale, said, symptom):
    """ "If somebody had back pain going up into their jaw, what should they do? I'm the somebody":
    not a what-if nor someone else's, the speaker's own sign, there now (symptom_words `self_reveal`)."""
    found = screen.screen([said], locale)
    assert found is not None and (found.symptom, found.status, found.who) == (symptom, screen.PRESENT, "self"), found


@pytest.mark.parametrize("said", [
    "what if my legs went numb, i'm asking for me",  # one's own what-if stays a what-if
    "my brother had cancer but he doesn't have back problems, I'm the one with the back and I've never had anything like that",
    "my tita had a fall at the mall, she's okay, she said nothing hurt, I'm asking for me, my back is stiff from the long flight",
])
def test_a_what_if_of_ones_own_or_someone_elses_history_is_not_revealed_as_the_speakers_sign(said):
    found = screen.screen([said], "en-US")
    assert found is None or found.status == screen.HYPOTHETICAL, found


@pytest.mark.parametrize("locale, said, level", [
    # a long-standing condition told as life as usual, against a change in the same words (fresh152, fresh155)
    ("en-US", "i use a wheelchair, i'm paralyzed from the waist down, is there a stretch i can do sitting in my chair", None),
    ("en-US", "i use a wheelchair and since yesterday my legs are paralyzed", "emergency"),
    ("en-CA", "my legs have been weak since my stroke but nothing's changed, no new numbness, just a stiff back", None),
    ("en-CA", "my wife has ms and her legs are always tired, but tonight she can't stand up at all, that's not her normal", "emergency"),
    ("en-CA", "i don't have any new numbness, it's the same neuropathy tingling in my toes that it's always been", None),
    ("en-IN", "i cannot lift my arms above the shoulder, i have frozen shoulder", None),
    ("en-IN", "i have frozen shoulder and now my arm is numb and weak", "right_away"),
    ("en-IN", "i cannot put weight on my hands, my wrists are having arthritis", None),
    ("en-IN", "i cannot put weight on my legs", "emergency"),
    # pregnancy and after birth (fresh152)
    ("en-GB", "i leak a tiny bit when i sneeze at 30 weeks, but otherwise i feel it and go normally", None),
    ("en-GB", "i'm 32 weeks pregnant and i wet myself when i sneeze and i didn't even feel it", "emergency"),
    ("en-GB", "i've wet meself twice today and didn't even feel it go, and the baby's six months old", "emergency"),
    ("en-IN", "from yesterday i am not able to hold my motion, back is paining badly, delivery was last month", "emergency"),
    ("en-IN", "i wet myself a bit right after my son was born but that stopped years ago", None),
    # everyday look-alikes, and the sign told with them (fresh153-155)
    ("en-GB", "heart's racing from the red bull but no chest pain, just a stiff back", None),
    ("en-GB", "heart's racing from the red bull and my chest feels tight", "emergency"),
    ("en-AU", "sweating buckets on the treadmill and my back's tight, what stretch should i do", None),
    ("en-AU", "me daughter's back is sore and she's sweating like she's run a marathon but she's just lying in bed", "urgent"),
    ("en-IN", "my phone slipped off the table, i bent fast to catch it and my back popped suddenly, feels okay", None),
    ("en-IN", "everyone in my hostel has fever, i don't have, only my back is stiff from cricket", None),
    ("en-US", "my lower back's numb like after the dentist but that's just from the ice pack", None),
    ("en-US", "it felt like someone ripped a zipper open from my chest straight through to my back", "emergency"),
    ("en-CA", "my buddy shoots up and now he's got this new back pain", "urgent"),
    ("en-GB", "came a right cropper off the kerb in me wheelchair, went straight over onto the road and me back's killing", "emergency"),
])
def test_a_known_condition_or_an_everyday_look_alike_against_the_sign_told_in_the_same_words(locale, said, level):
    assert level_heard(said, locale) == level


@pytest.mark.parametrize("locale, said, level", [
    # both legs said, then taken back to one (fresh244): the one leg's level, never nothing and never both
    ("en-AU", "both legs are numb, sorry, nah, just the right leg", "right_away"),
    ("en-AU", "numb in both legs, sorry no, just the left one", "right_away"),
    ("en-AU", "numb in both legs, sorry no, just the left one and the right as well", "emergency"),
    ("en-US", "my left leg's been kinda tingly and numb since this morning, no wait, it's both legs actually, the right one's "
              "doing it too now", "emergency"),
    ("en-CA", "oh jeez, my right leg's gone all pins and needles, just the right one, and it's kinda weak", "right_away"),
    # pain down both legs with no numbness: at least pain down a leg (SOON), never nothing
    ("en-AU", "me back's crook and the pain shoots down both legs, sorry, nah, just the right leg, no numbness or tingling", "soon"),
])
def test_a_side_corrected_in_the_same_breath_gets_the_corrected_side_s_level(locale, said, level):
    assert level_heard(said, locale) == level
