"""Conversations as a person has them: explaining the pop, choosing a stretch, checking symptoms."""
from __future__ import annotations

import json
import statistics

import pytest

from conftest import Conversation
from skill import content
from skill.content import LOCALES

EN = content.for_locale("en-US")
STRETCHES = sorted(EN.stretches)
THERAPIST = {"en-US": "physical therapist", "en-CA": "physical therapist", "en-GB": "physiotherapist",
             "en-AU": "physiotherapist", "en-IN": "physiotherapist"}


def later_turns(talk: Conversation):
    """Every reply after the first (the first carries the warning and maybe the intro)."""
    return talk.history[1:]


# -- explaining the pop ---------------------------------------------------------------------------

def test_the_pop_explained_then_deeper_with_yes_and_tell_me_more(talk):
    talk.launch()
    what = talk.say("WhatIsThePopIntent")
    assert "gas" in what.speech and "bones" in what.speech
    assert what.speech.endswith("?") and what.reprompt
    wont = talk.say("AMAZON.YesIntent")
    assert "few minutes to more than an hour" in wont.speech
    more = talk.say("TellMeMoreIntent")
    assert "sitting" in more.speech
    stopped = talk.say("AMAZON.YesIntent")
    assert "temporary" in stopped.speech and "get it checked" in stopped.speech
    assert "osteoarthritis" not in stopped.speech.lower(), "rare causes are said only when asked"
    rarer = talk.say("TellMeMoreIntent")
    assert "osteoarthritis" in rarer.speech and "ankylosing spondylitis" in rarer.speech
    safe = talk.say("AMAZON.YesIntent")
    assert "forcing it" in safe.speech
    often = talk.say("AMAZON.YesIntent")
    assert "as often as you like" in often.speech
    assert "guide you through it" in talk.say("AMAZON.YesIntent").speech
    assert all(reply.words <= 60 for reply in later_turns(talk))


@pytest.mark.parametrize("intent, words", [
    ("WhatIsThePopIntent", "pressure in a spine joint's fluid"),
    ("WhyWontItPopIntent", "few minutes to more than an hour"),
    ("WhyStoppedPoppingIntent", "temporary"),
    ("IsCrackingSafeIntent", "forcing it"),
])
def test_each_pop_answer_is_short_and_ends_in_one_offer(talk, intent, words):
    talk.launch()
    reply = talk.say(intent)
    assert words in reply.speech
    answer_words = len(reply.speech.rsplit(".", 1)[0].split())
    assert answer_words <= 35, reply.speech
    assert reply.speech.count("?") == 1 and not reply.ended


def test_no_to_a_deeper_offer_asks_if_there_is_anything_else(talk):
    talk.launch()
    talk.say("WhatIsThePopIntent")
    reply = talk.say("AMAZON.NoIntent")
    assert "Anything else" in reply.speech and not reply.ended


# -- choosing a stretch ---------------------------------------------------------------------------

@pytest.mark.parametrize("area", ["lower_back", "upper_back", "hips", "chest"])
def test_a_stretch_for_each_area_suits_it(talk, area):
    reply = talk.say("ChooseStretchIntent", area=(area.replace("_", " "), area))
    chosen = [sid for sid in STRETCHES if EN.stretches[sid]["name"] in reply.speech]
    assert chosen and area in EN.stretches[chosen[0]]["areas"]
    assert "guide you through it" in reply.speech


@pytest.mark.parametrize("position", ["standing", "sitting", "lying", "hands_knees"])
def test_a_stretch_for_each_position_suits_it(talk, position):
    reply = talk.say("ChooseStretchIntent", position=(position, position))
    chosen = [sid for sid in STRETCHES if EN.stretches[sid]["name"] in reply.speech]
    assert chosen and position in EN.stretches[chosen[0]]["positions"]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("stretch", STRETCHES)
def test_every_stretch_by_name_then_guided_with_its_stop_if_line_first(skill, locale, stretch):
    talk = Conversation(skill, locale=locale)
    talk.launch()
    offer = talk.say("ChooseStretchIntent", stretch=(EN.stretches[stretch]["name"], stretch))
    assert EN.stretches[stretch]["name"] in offer.speech
    first_step = talk.say("AMAZON.YesIntent")
    stop_if = content.for_locale(locale).text("stretches.stop_if")
    assert stop_if in first_step.speech
    assert first_step.speech.index(stop_if) < first_step.speech.index(EN.stretches[stretch]["steps"][0]["text"][:20])
    assert "Say next" in first_step.speech and first_step.reprompt and not first_step.ended


def test_another_one_offers_each_stretch_before_repeating_any(talk):
    talk.say("ChooseStretchIntent")
    for _ in range(len(STRETCHES) - 1):
        talk.say("AnotherStretchIntent")
    offered = [next(sid for sid in STRETCHES if EN.stretches[sid]["name"] in r.speech) for r in talk.history]
    assert sorted(offered) == STRETCHES


def test_cannot_get_down_on_the_floor_offers_a_stretch_done_sitting(talk):
    talk.say("ChooseStretchIntent", area=("lower back", "lower_back"))
    other = talk.say("CannotIntent", query="get down on the floor these days have you got one i can do in my chair")
    offered = next(sid for sid in STRETCHES if EN.stretches[sid]["name"] in other.speech)
    assert "sitting" in EN.stretches[offered]["positions"], other.speech


def test_how_long_to_hold_a_stretch_on_offer_says_how_long_and_offers_it_again(talk):
    first = talk.say("ChooseStretchIntent", area=("lower back", "lower_back"))
    offered = next(sid for sid in STRETCHES if EN.stretches[sid]["name"] in first.speech)
    for said in (talk.say("HoldTimeIntent"), talk.say("HowLongIntent", query="do i hold it for")):
        assert EN.stretches[offered]["reps"] in said.speech and said.speech.endswith("Shall I guide you through it?")
    assert EN.stretches[offered]["steps"][0]["text"] in talk.say("AMAZON.YesIntent").speech


def test_no_to_a_guide_offer_asks_once_about_a_different_stretch(talk):
    first = talk.say("ChooseStretchIntent", area=("hips", "hips"))
    asked = talk.say("AMAZON.NoIntent")
    assert asked.speech == "No problem. Would you like a different stretch?"
    other = talk.say("AMAZON.YesIntent")
    assert "Another option is" in other.speech and other.speech.split(".")[0] not in first.speech
    talk.say("AMAZON.NoIntent")
    assert "Anything else" in talk.say("AMAZON.NoIntent").speech


def test_after_a_finished_stretch_next_or_yes_offers_a_different_one(talk):
    talk.say("GuideStretchIntent", stretch=("knee to chest", "knee_to_chest"))
    for _ in EN.stretches["knee_to_chest"]["steps"]:
        reply = talk.say("AMAZON.NextIntent")
    assert "Would you like another stretch" in reply.speech and "another stretch" in reply.reprompt
    offer = talk.say("AMAZON.NextIntent")
    assert "guide you through it" in offer.speech and "knee to chest" not in offer.speech


def test_a_stretch_that_cannot_fit_says_so_and_offers_the_closest(talk):
    reply = talk.say("ChooseStretchIntent", area=("chest", "chest"), position=("lying", "lying"))
    assert "guide you through it" in reply.speech


def test_self_care_advice_then_a_stretch(talk):
    talk.launch()
    tips = talk.say("SelfCareIntent")
    for words in ("15 to 20 minutes", "walking", "Posture", "water", "yoga or Pilates"):
        assert words in tips.speech
    assert "Shall I guide you through it" in talk.say("AMAZON.YesIntent").speech


@pytest.mark.parametrize("locale", LOCALES)
def test_the_professional_follows_the_locale(skill, locale):
    talk = Conversation(skill, locale=locale)
    talk.launch()
    reply = talk.say("SeeProfessionalIntent")
    assert THERAPIST[locale] in reply.speech and "chiropractor" in reply.speech


# -- checking symptoms ----------------------------------------------------------------------------

def test_help_fallback_stop(talk):
    talk.launch()
    assert "give me a stretch" in talk.say("AMAZON.HelpIntent").speech
    fallback = talk.say("AMAZON.FallbackIntent")
    assert "why your back pops" in fallback.speech and fallback.reprompt and not fallback.ended
    bye = talk.say("AMAZON.StopIntent")
    assert bye.ended and bye.words < 10


@pytest.mark.parametrize("intent, query", [("QuestionIntent", "a timer for the snags ten minutes"),  # "set a timer for the snags, ten minutes"
                                           ("WhatIntent", "the cricket score"),  # "what is the cricket score?"
                                           ("QuestionIntent", "help"), ("WhatIntent", "is this exactly"),  # "uh, help?", "what is this exactly"
                                           ("WhatIntent", "do i do now")])  # "what do I do now"
def test_asked_of_another_skill_or_not_knowing_what_to_say_gets_what_this_one_does(talk, intent, query):
    """Never a ten minute routine for a sausage timer, nor a pop answer for "what do I do now"."""
    talk.launch()
    reply = talk.say(intent, query=query)
    assert reply.speech == talk.say("AMAZON.HelpIntent").speech and not reply.ended


def test_asked_again_in_long_polite_words_repeats_the_last_answer(talk):
    """ "Sorry dear, you'll have to say that again, my hearing aid's playing up this morning" (a
    carrier's words, with nothing else asked): the answer just given, again."""
    talk.launch()
    answer = talk.say("QuestionIntent", query="why does my back pop")
    again = talk.say("QuestionIntent", query="dear you'll have to say that again my hearing aid's playing up this morning")
    assert again.speech.endswith(answer.speech.split("Not medical advice. ")[-1])


@pytest.mark.parametrize("intent, query", [("QuestionIntent", "sorry i didn't catch the last part"),
                                           ("DidntIntent", "hear the last bit"),  # "I didn't hear the last bit"
                                           ("QuestionIntent", "sorry what you said")])
def test_the_last_bit_missed_repeats_the_last_answer(talk, intent, query):
    """ "I didn't hear the last bit", "sorry, what you said": the answer just given, again (not
    an answer about the pop, nor "sorry, I didn't catch that")."""
    talk.launch()
    answer = talk.say("QuestionIntent", query="how should i sit at my desk")
    assert talk.say(intent, query=query).speech.endswith(answer.speech.split("Not medical advice. ")[-1])


def test_what_number_again_after_advice_to_call_says_the_advice_again(stored_skill):
    """ "Mum's just fallen down the stairs", then "what number again?": her advice again, with the
    number (never how long until a back pops again)."""
    talk = Conversation(stored_skill)
    talk.launch()
    advice = talk.say("SomeoneElseIntent", query="mum's just fallen down the stairs hurt her back")
    again = talk.say("WhatIntent", query="number again")  # "what number again"
    assert "911" in advice.speech and "911" in again.speech and "pop" not in again.speech, again.speech


@pytest.mark.parametrize("query, words", [
    ("stiff no numbness no trouble with the loo", "ease with heat"),  # signs denied say nothing of what is asked
    ("cracked me own back", "Noted"),  # "I just cracked me own back": a pop told
    ("does my spine crack because of gas", "gas"), ("is cracking my neck and back bad for me", "forcing"),
    ("can you suggest an exercise", "guide you through it"), ("would a hot bath help", "15 to 20 minutes"),
    ("my lower back aches", "warning signs"), ("blah blah", "why your back pops"),
    ("can i do sitting in my chair", "seated spinal twist"), ("else can i do for a stiff back", "15 to 20 minutes"),
    ("back has hurt for weeks", "booking a doctor"), ("something for my hips", "guide you through it"),
    ("what's good for a stiff lower back", "15 to 20 minutes"),
])
def test_free_form_questions_are_routed_by_their_words(talk, query, words):
    talk.launch()
    assert words in talk.say("QuestionIntent", query=query).speech


def test_repeat_says_the_last_thing_again(talk):
    talk.launch()
    first = talk.say("WhatIsThePopIntent")
    assert talk.say("AMAZON.RepeatIntent").ssml == first.ssml


def test_every_response_is_short_well_formed_and_has_a_card_with_the_same_words(skill):
    talk = Conversation(skill)
    talk.launch()
    for intent in ("WhatIsThePopIntent", "AMAZON.YesIntent", "SelfCareIntent", "AMAZON.YesIntent",
                   "AMAZON.YesIntent", "AMAZON.NextIntent", "AMAZON.NextIntent", "CheckSymptomsIntent",
                   "AMAZON.NoIntent", "AMAZON.HelpIntent", "AMAZON.FallbackIntent", "ListStretchesIntent"):
        talk.say(intent)
    for reply in talk.history:
        assert reply.well_formed()
        assert len(json.dumps(reply.raw)) < 24 * 1024
        assert reply.card and reply.card.split()[0] in reply.speech
        if not reply.ended:
            assert reply.reprompt, reply.speech
    assert max(reply.words for reply in later_turns(talk)) <= 60
    assert statistics.median(reply.words for reply in talk.history) <= 45


def test_not_understood_mid_routine_explains_the_routine_and_keeps_it(talk):
    talk.say("GuideStretchIntent", stretch=("knee to chest", "knee_to_chest"))
    lost = talk.say("AMAZON.FallbackIntent")
    assert EN.text("guide.help") in lost.speech and not lost.ended
    assert "Bring your right knee" in talk.say("AMAZON.NextIntent").speech




# -- words around a plain answer, and follow-ups (blind conversations, round fresh12) -----------

@pytest.mark.parametrize("intent, query", [
    ("YesSaidIntent", "go on"), ("YesSaidIntent", "why not"), ("YesSaidIntent", "that'll do"), ("YesSaidIntent", "righto mate"),
    ("YesSaidIntent", "as long as it's a short one"),  # "yes, as long as it's a short one"
])
def test_yes_with_filler_words_takes_the_offer(talk, intent, query):
    talk.launch()
    talk.say("QuestionIntent", query="my back's proper stiff this morning")
    check = talk.say(intent, query=query)
    assert EN.raw("symptoms.questions")[0]["text"][:25] in check.speech, check.speech


@pytest.mark.parametrize("intent, query", [
    ("QuestionIntent", "my doctor retired last year and i haven't found a new one so i guess yes let's do it"),
    ("SomeoneElseIntent", "had a fall last week and she's black and blue anyway yes go on"),
])
def test_yes_said_after_a_story_takes_the_offer(talk, intent, query):
    talk.launch()
    talk.say("QuestionIntent", query="my back's proper stiff this morning")
    check = talk.say(intent, query=query)
    assert EN.raw("symptoms.questions")[0]["text"][:25] in check.speech, check.speech


@pytest.mark.parametrize("query", ["my back cracks when i twist but that's it", "i had a cold last week but fine"])
def test_a_last_clause_that_is_no_yes_or_no_is_not_read_as_one(talk, query):
    talk.launch()
    talk.say("QuestionIntent", query="my back's proper stiff this morning")
    said = talk.say("QuestionIntent", query=query)
    assert not said.ended and EN.raw("symptoms.questions")[0]["text"][:25] not in said.speech, said.speech


def test_a_long_goodbye_that_asks_something_is_answered(talk):
    talk.launch()
    asked = talk.say("WhyIntent", query="my back pop bye")
    assert not asked.ended and EN.text("topics.pop_what.text") in asked.speech


def test_yes_with_a_sign_is_the_sign_not_a_plain_yes(talk):
    talk.launch()
    talk.say("QuestionIntent", query="my back's proper stiff this morning")
    said = talk.say("YesSaidIntent", query="go on, both my legs have gone numb")
    assert "911" in said.speech and said.ended


@pytest.mark.parametrize("intent, query", [("StopSaidIntent", "it there"), ("StopSaidIntent", "for now"), ("StopSaidIntent", ""),
                                           ("SomeoneElseIntent", "one minute"), ("QuestionIntent", "hang on a sec"),
                                           ("QuestionIntent", "minute the doorbell is ringing"),  # "one minute, the doorbell is ringing"
                                           ("StopSaidIntent", "the kids are fighting"),  # "hang on, the kids are fighting"
                                           ("StopSaidIntent", "me son fell off the trampoline but he's up laughing not hurt"),
                                           ("NeverIntent", "mind the stretch I'm done for today bye")])  # "never mind the stretch, ..."
def test_pause_in_other_words_mid_routine_keeps_the_place(stored_skill, intent, query):
    """ "Beta, one minute" (to a child) or "hang on a sec" is a wait, not a one-minute routine; a
    reason that says someone is "not hurt" is no hurt of the speaker's."""
    talk = Conversation(stored_skill)
    talk.launch()
    talk.say("GuideStretchIntent", stretch=("knee to chest", "knee_to_chest"))
    paused = talk.say(intent, query=query)
    assert paused.ended and "keep your place" in paused.speech, paused.speech
    assert EN.raw("basics.resume_offer").split("{")[0] in Conversation(stored_skill).launch().speech


@pytest.mark.parametrize("intent, query", [("QuestionIntent", "minute the doorbell is ringing"),  # "one minute, the doorbell is ringing"
                                           ("StopSaidIntent", "the kids are fighting")])  # "hang on, the kids are fighting"
def test_a_wait_at_an_offer_starts_nothing(talk, intent, query):
    """A wait said at an offer ("one minute, the doorbell is ringing") is a pause, not a one-minute
    routine, and not a question about why the pop stopped: with nothing in progress, a goodbye."""
    talk.launch()
    talk.say("JustPoppedIntent")
    reply = talk.say(intent, query=query)
    assert reply.ended and not reply.speech.startswith("Here's about"), reply.speech
    assert "pop" not in reply.speech.lower(), reply.speech


@pytest.mark.parametrize("intent, query", [
    ("QuestionIntent", "all thanks mate"),  # "that's all, thanks mate" (the opener is not handed over)
    ("QuestionIntent", "ta that's all"), ("QuestionIntent", "cool no thanks that's all"), ("NoSaidIntent", "thanks that's all"),
    ("QuestionIntent", "that's enough for today thanks"), ("QuestionIntent", "nice one cheers"), ("NoSaidIntent", "worries that's all for now"),
    ("QuestionIntent", "so much goodnight"),
    ("QuestionIntent", "okay thank you so much you've been real helpful i'm gonna go get my coffee now bye bye"),
    ("QuestionIntent", "i'll stop there for now thanks very much ta ra"), ("QuestionIntent", "bud that's all"),
    ("QuestionIntent", "us done for today"), ("QuestionIntent", "night"), ("SaidNightIntent", "night"),
    ("QuestionIntent", "that's enough for today gotta catch the train"), ("QuestionIntent", "we'll ring nine nine nine bye"),
])
def test_a_goodbye_in_other_words_ends_the_session(talk, intent, query):
    talk.launch()
    talk.say("WhatIsThePopIntent")
    assert talk.say(intent, query=query).ended


def test_what_do_you_mean_mid_check_asks_again_in_plainer_words(talk):
    talk.launch()
    talk.say("CheckSymptomsIntent")
    plainer = talk.say("QuestionIntent", query="wait what do you mean")
    assert EN.text("symptoms.plainer").split("{")[0].strip()[:20] in plainer.speech and not plainer.ended


def test_repeat_in_other_words_mid_routine_says_the_step_again(talk):
    talk.say("GuideStretchIntent", stretch=("knee to chest", "knee_to_chest"))
    step = talk.say("AMAZON.NextIntent")
    assert talk.say("QuestionIntent", query="sorry repeat that").speech == step.speech


@pytest.mark.parametrize("query, stretch", [("not a fan of this one", "Skipping"), ("which one am i on", "step 1")])
def test_a_wish_or_question_about_the_routine_in_other_words(talk, query, stretch):
    talk.say("StartRoutineIntent")
    assert stretch in talk.say("QuestionIntent", query=query).speech


def test_a_stretch_for_the_upper_back_is_not_one_for_the_lower_back(talk):
    talk.launch()
    lower = talk.say("QuestionIntent", query="give me a stretch for my lower back")
    upper = talk.say("QuestionIntent", query="and for my upper back?")
    assert "guide you through" in upper.speech and upper.speech != lower.speech, "another stretch, for the upper back"
    chosen = talk.attributes["turn"]["offer"]["stretch"]
    assert "upper_back" in EN.stretches[chosen]["areas"]
    talk.say("QuestionIntent", query="a stretch for my chest and upper back")
    assert "upper_back" in EN.stretches[talk.attributes["turn"]["offer"]["stretch"]]["areas"]


def test_a_story_about_someone_else_then_the_question_gets_the_question_answered(talk):
    talk.launch()
    said = talk.say("SomeoneElseIntent", query="had a fall last winter she's right as rain now but my back's proper stiff")
    assert EN.text("symptoms.not_red_flag")[:30] in said.speech
    assert "911" not in said.speech


def test_how_long_for_after_the_heat_answer_says_how_long(talk):
    talk.launch()
    talk.say("QuestionIntent", query="should i use a hot water bottle")
    assert "15 to 20 minutes" in talk.say("HoldTimeIntent").speech


@pytest.mark.parametrize("query, words", [
    ("right next", "bring your left knee"), ("go back", "Lie on your back"), ("go from the top", "Lie on your back"),
    ("make it easier i'm not very flexible", "Hold behind your thigh"), ("wait help i'm lost", EN.text("guide.help")[:30]),
    ("how long am i supposed to hold this", "Hold"), ("which bit am i on", "step 2"),
])
def test_routine_commands_in_free_words(talk, query, words):
    talk.say("GuideStretchIntent", stretch=("knee to chest", "knee_to_chest"))
    talk.say("AMAZON.NextIntent")
    said = talk.say("QuestionIntent", query=query)
    assert words.lower() in said.speech.lower() and not said.ended, said.speech


@pytest.mark.parametrize("query, back", [("no wait go back", True), ("sorry go back one", True), ("oops previous step", True),
                                         ("no wait say that again", False), ("sorry repeat that", False)])
def test_a_next_taken_back_at_once_goes_back_or_repeats(talk, query, back):
    """ "Next, no wait, go back": Alexa hands over "next" with the rest; the step before (or the
    same step again), not an answer about why a back won't pop."""
    talk.say("GuideStretchIntent", stretch=("knee to chest", "knee_to_chest"))
    step = talk.say("AMAZON.NextIntent")
    said = talk.say("SaidNextIntent", query=query)
    assert ("lie on your back" in said.speech.lower()) if back else (said.speech == step.speech), said.speech
    assert not said.ended


@pytest.mark.parametrize("intent, query", [
    ("QuestionIntent", "only the stiffness"), ("SomeoneElseIntent", "had cancer but i am fine"),
    ("QuestionIntent", "me legs are fine it's just the back"),
])
def test_a_reply_that_says_only_the_back_answers_the_check_no(talk, intent, query):
    talk.launch()
    first = talk.say("CheckSymptomsIntent")
    second = talk.say(intent, query=query)
    assert second.speech != first.speech and "?" in second.speech and not second.ended
    assert EN.raw("symptoms.questions")[1]["text"][:25] in second.speech, second.speech


def test_why_is_that_after_an_answer_says_more(talk):
    talk.launch()
    wont = talk.say("WhyWontItPopIntent")
    more = talk.say("WhyIntent", query="'s that")
    assert more.speech != wont.speech and EN.text("topics.pop_wont.more")[:30] in more.speech


def test_another_stretch_after_one_hurt_is_another_one(talk):
    talk.say("GuideStretchIntent", stretch=("cat cow", "cat_cow"))
    talk.say("ItHurtsIntent")
    other = talk.say("AnotherStretchIntent")
    assert "cat cow" not in other.speech.lower() and "guide you through" in other.speech


@pytest.mark.parametrize("intent, query, key", [
    ("QuestionIntent", "can you say that in plainer english i'm not following", "symptoms.plainer"),
    ("CanIntent", "say that in plainer english", "symptoms.plainer"),
    ("QuestionIntent", "can we skip the rest and just do cat cow", "symptoms.finish_first"),
])
def test_mid_check_a_plainer_question_or_a_stretch_asked_for(talk, intent, query, key):
    """ "Say that in plainer English, I'm not following" gets the question in plainer words; "skip the
    rest and just do cat cow" with no sign told is the stretch asked for, answered as 'guide me
    through cat cow' is mid-check (the short check first), never "Sorry, I didn't catch that"."""
    talk.launch()
    talk.say("CheckSymptomsIntent")
    talk.say("AMAZON.NoIntent")
    said = talk.say(intent, query=query)
    assert EN.text(key)[:25] in said.speech and not said.ended, said.speech


def test_mid_check_a_pop_question_after_an_aside_is_answered(talk):
    talk.launch()
    talk.say("CheckSymptomsIntent")
    talk.say("AMAZON.NoIntent")
    said = talk.say("StopSaidIntent", query="before we keep going why does my back pop like that anyway")
    assert "gas bubble" in said.speech and "?" in said.speech and not said.ended, said.speech


@pytest.mark.parametrize("intent, query, words", [("HowLongIntent", "should he hold it", "hold"),
                                                  ("WhatIntent", "step is she on", "step 1")])
def test_a_carer_asks_the_routine_s_questions_for_someone(talk, intent, query, words):
    """ "How long should he hold it?", "which step is she on?": a carer guiding someone."""
    talk.say("GuideStretchIntent", stretch=("knee to chest", "knee_to_chest"))
    said = talk.say(intent, query=query)
    assert words in said.speech.lower() and "pop" not in said.speech.lower() and not said.ended, said.speech


def test_a_pop_question_and_a_stretch_asked_in_one_breath_get_both(talk):
    """ "Why is my back not popping anymore, and give me one stretch also": the answer, then the
    stretch offered (not the answer's own "want to know more?"), and yes starts it."""
    talk.launch()
    both = talk.say("WhyIntent", query="my back is not popping anymore and give me one stretch also")
    assert content.for_locale("en-US").text("topics.pop_stopped") in both.speech and "guide you through" in both.speech
    assert "Say next" in talk.say("AMAZON.YesIntent").speech


def test_unsure_with_nothing_asked_hears_what_the_skill_does_and_to_an_offer_the_offer_again(talk):
    """ "Um, I don't know" with nothing asked: what the skill can do; "um, maybe?" or "dunno, maybe"
    to a stretch offered: the offer again, and only a yes starts it ("nah yeah, go on" is one)."""
    talk.launch()
    lost = talk.say("QuestionIntent", query="i don't know")  # "um, I don't know"
    assert EN.text("basics.help") in lost.speech and not lost.ended, lost.speech
    offer = talk.say("ChooseStretchIntent", area=("lower back", "lower_back"))
    for intent, query in (("QuestionIntent", "maybe"), ("NotSureIntent", "maybe")):  # "um, maybe?", "dunno, maybe"
        again = talk.say(intent, query=query)
        assert again.speech == offer.speech and not again.ended, again.speech
    assert "Say next" in talk.say("NoSaidIntent", query="yeah go on").speech  # "nah yeah, go on"


@pytest.mark.parametrize("intent, query", [("QuestionIntent", "okay"),  # "okay okay" (sample "okay {query}")
                                           ("QuestionIntent", "one"),  # "that one" (sample "that {query}")
                                           ("YesSaidIntent", "done")])  # "uh huh, done"
def test_a_fragment_that_takes_an_offer_starts_the_stretch(talk, intent, query):
    """ "Okay okay", "that one" or "uh huh, done" just after a stretch is offered: yes, it starts
    (not an answer about cracking it every day, nor "sorry, I didn't catch that")."""
    talk.launch()
    talk.say("ChooseStretchIntent", area=("lower back", "lower_back"))
    assert "Say next" in talk.say(intent, query=query).speech


@pytest.mark.parametrize("query", ["the second one", "the other one"])
def test_an_unplaced_fragment_at_launch_is_not_understood_not_a_pop(talk, query):
    """ "The second one" with nothing offered names nothing: the fallback, never "noted, your pop"."""
    talk.launch()
    reply = talk.say("QuestionIntent", query=query)
    assert "didn't catch" in reply.speech and "Noted" not in reply.speech, reply.speech


@pytest.mark.parametrize("intent, query", [("WhatIntent", "i do at home for it"),  # "what can I do at home for it"
                                           ("WhatIntent", "to do for it"), ("WhatIntent", "i do at home for my back")])
def test_what_to_do_for_it_in_any_words_gets_self_care(talk, intent, query):
    """ "What can I do at home for it", "what to do for it": self-care (the recogniser keeps only some
    of the words), never the fallback."""
    talk.launch()
    assert EN.text("topics.selfcare") in talk.say(intent, query=query).speech


def test_which_one_after_an_answer_gets_the_answer_that_chooses(talk):
    """ "Okay, but which one would you go with?" after the self-care answer: heat; "hmm, so which
    one?" after the answer on whom to see: that answer again (the facts choose neither)."""
    talk.launch()
    talk.say("QuestionIntent", query="what can i do to ease a stiff back")
    chose = talk.say("QuestionIntent", query="okay but which one would you go with")
    assert EN.text("topics.heat_ice")[:40] in chose.speech and not chose.ended, chose.speech
    pro = talk.say("ShouldIntent", query="see a physical therapist or a chiropractor")
    assert talk.say("QuestionIntent", query="so which one").speech == pro.speech  # "hmm, so which one?"


def test_a_different_stretch_after_an_answer_that_offered_one_is_another(talk):
    """The desk answer offers the seated twist; "is there a different stretch?" offers another."""
    talk.launch()
    desk = talk.say("QuestionIntent", query="something i can do at my desk")
    assert "seated twist" in desk.speech.lower()
    other = talk.say("QuestionIntent", query="in two minds is there a different stretch")  # "I'm in ..."
    assert "seated twist" not in other.speech.lower() and EN.raw("stretches.another").split("{")[0] in other.speech, other.speech


@pytest.mark.parametrize("intent, query", [("SomeoneElseIntent", "can i have a biscuit"),  # "Mummy, can I have a biscuit"
                                           ("SomeoneElseIntent", "put the kettle on would you love"),  # "Dave, ..."
                                           ("SomeoneElseIntent", "go and do your homework")])  # "beta, ..."
def test_mid_routine_talk_to_someone_else_gets_the_routine_s_commands(talk, intent, query):
    """Mid-routine, words for someone in the room, only somewhat like a topic ("Dave, put the
    kettle on" is like "should I put a heat pack on"), get the routine's commands, never a topic's
    answer that leaves the routine; a question about the back asked for someone is still answered."""
    talk.launch()
    talk.say("StartRoutineIntent")
    aside = talk.say(intent, query=query)
    assert EN.text("guide.help") in aside.speech and not aside.ended, aside.speech
    asked = talk.say("SomeoneElseIntent", query="wants to know if cracking your back every day is bad")  # "my husband ..."
    assert EN.text("guide.help") not in asked.speech and "crack" in asked.speech.lower(), asked.speech


@pytest.mark.parametrize("intent, query", [("QuestionIntent", "sorry what am i meant to be doing on this one"),
                                           ("WhatIntent", "do i do with my hands on this one")])  # "what do I ..."
def test_mid_routine_what_am_i_meant_to_be_doing_says_the_step_again(talk, intent, query):
    talk.launch()
    first = talk.say("StartRoutineIntent")
    again = talk.say(intent, query=query)
    assert first.speech.split(". ")[-2] in again.speech and not again.ended, again.speech


def test_after_the_all_clear_the_same_for_someone_there_checks_them(talk):
    """ "Can you do the same for my wife? She's sitting right here": the check again, for her."""
    talk.launch()
    talk.say("CheckSymptomsIntent")
    for _ in range(5):
        done = talk.say("AMAZON.NoIntent")
    assert "?" in done.speech
    hers = talk.say("CanIntent", query="do the same for my wife she's sitting right here at the kitchen table")
    assert EN.text("symptoms.start_other")[:30] in hers.speech and not hers.ended, hers.speech


def test_mid_routine_where_was_i_says_where(talk):
    talk.launch()
    talk.say("StartRoutineIntent")
    where = talk.say("QuestionIntent", query="was i")  # "where was I" ("where {query}")
    assert "step 1" in where.speech and not where.ended, where.speech


@pytest.mark.parametrize("intent, query, name", [("QuestionIntent", "that sitting twisty one you got", "seated spinal twist"),
                                                 ("CanIntent", "do that knee hug thing", "knee to chest"),  # "could you ..."
                                                 ("QuestionIntent", "that cat thing on all fours", "cat cow")])
def test_a_stretch_named_loosely_is_offered(talk, intent, query, name):
    talk.launch()
    offer = talk.say(intent, query=query)
    assert name in offer.speech.lower() and "guide you through" in offer.speech and not offer.ended, offer.speech
    assert "Say next" in talk.say("AMAZON.YesIntent").speech


@pytest.mark.parametrize("query, words", [("what number am i on", "step 1"), ("sorry go back a bit", "Say next")])
def test_mid_routine_where_am_i_and_back_in_other_words(talk, query, words):
    talk.launch()
    talk.say("StartRoutineIntent")
    said = talk.say("QuestionIntent", query=query)
    assert words in said.speech and EN.text("guide.help") not in said.speech and not said.ended, said.speech



@pytest.mark.parametrize("intent, query", [("SomeoneElseIntent", "upper back really"),
                                           ("QuestionIntent", "sorry i meant my upper back actually")])
def test_the_area_corrected_during_a_stretch_offers_one_for_there(talk, intent, query):
    """ "This is for my upper back really" is no one else's back: a stretch for there, not stiffness advice."""
    talk.launch()
    talk.say("QuestionIntent", query="give me a stretch for my lower back")
    talk.say("AMAZON.YesIntent")
    corrected = talk.say(intent, query=query)
    assert "guide you through" in corrected.speech
    assert "upper_back" in EN.stretches[talk.attributes["turn"]["offer"]["stretch"]]["areas"]


def test_a_doctor_question_with_a_stretch_after_it_starts_the_check_first(talk):
    """ "Do I need to see my GP? And could you give me a stretch afterwards": the check first."""
    talk.launch()
    check = talk.say("DoesIntent", query="need to see my GP and could you give me a stretch afterwards")
    assert check.speech.endswith(EN.raw("symptoms.questions")[0]["text"]) and not check.ended, check.speech


def test_a_routine_asked_for_again_told_it_was_paused_yesterday_starts_it(talk):
    """ "Let's do the hip routine again, I had to pause it yesterday": a routine, never a goodbye."""
    talk.launch()
    again = talk.say("QuestionIntent", query="do the hip routine again I had to pause it yesterday")
    assert not again.ended and "bye" not in again.speech.lower() and "say next" in again.speech.lower(), again.speech


def test_go_back_to_what_you_said_about_ice_answers_about_ice_again(talk):
    talk.launch()
    talk.say("QuestionIntent", query="does heat help a stiff back")
    again = talk.say("QuestionIntent", query="go back to what you said about ice")  # "wait, go back to ..."
    assert EN.text("topics.heat_ice.text") in again.speech, again.speech


def test_a_past_fever_asked_about_mid_routine_gets_the_stiffness_answer_not_a_pop_answer(talk):
    """ "Hold on, I had a fever a couple weeks ago but it's totally gone now, is that why I'm so
    stiff?" ("hold on" puts back "stop"): about stiffness, not a pop that stopped."""
    talk.launch()
    talk.say("GuideStretchIntent", stretch=("cat cow", "cat_cow"))
    said = talk.say("StopSaidIntent", query="I had a fever a couple weeks ago but it's totally gone now is that why I'm so stiff")
    assert EN.text("topics.pop_stopped.text")[:30] not in said.speech
    assert EN.text("symptoms.not_red_flag") in said.speech, said.speech


@pytest.mark.parametrize("intent, query, fits, value", [
    ("QuestionIntent", "been driving for five hours pulled into a servo and my back's crook what can i do standing next to the ute", "positions", "standing"),
    ("WhatIntent", "I do in bed then", "positions", "lying"),  # "what can I do in bed then?" (the carrier puts back "what")
    ("SaidNeckIntent", "", "areas", "upper_back"),  # "neck": an area said alone asks for a stretch for there
    ("SaidLowerIntent", "back", "areas", "lower_back"),  # "lower back"
])
def test_what_can_i_do_said_with_a_position_or_an_area_alone_offers_a_stretch_for_it(talk, intent, query, fits, value):
    talk.launch()
    offered = talk.say(intent, query=query)
    assert "guide you through" in offered.speech, offered.speech
    assert value in EN.stretches[talk.attributes["turn"]["offer"]["stretch"]][fits]


def test_why_s_that_and_how_often_after_an_answer_go_on_from_it(talk):
    """ "How often?" after the walking answer: that answer again (it says regular); "why's that?":
    more on it, never the pop's answer."""
    talk.launch()
    walking = talk.say("QuestionIntent", query="is walking good for it")
    assert talk.say("HowOftenIntent", query="").speech == walking.speech
    more = talk.say("WhyIntent", query="that")  # "why's that?"
    assert EN.text("topics.pop_what.text")[:30] not in more.speech and more.speech != walking.speech


def test_this_is_great_thanks_stop_mid_routine_says_goodbye(stored_skill):
    talk = Conversation(stored_skill)
    talk.launch()
    talk.say("GuideStretchIntent", stretch=("knee to chest", "knee_to_chest"))
    bye = talk.say("SaidThisIntent", query="is great thanks stop")  # "this is great, thanks, stop"
    assert bye.ended and "keep your place" in bye.speech, bye.speech


@pytest.mark.parametrize("intent, query, answer", [
    ("HowIntent", "am I doing I feel like I'm falling behind", "progress"),  # "how am I doing, I feel like I'm falling behind"
    ("HowIntent", "am I going", "progress"),  # "how am I going?" (en-AU)
    ("NoSaidIntent", "sounds thanks", "sounds"),  # "no sounds thanks"
])
def test_progress_and_sounds_asked_in_everyday_words(talk, intent, query, answer):
    talk.launch()
    reply = talk.say(intent, query=query)
    expected = EN.text("progress.nothing_yet") if answer == "progress" else EN.text("sounds.off")
    assert reply.speech.startswith(expected), reply.speech


def test_how_am_i_going_to_is_no_progress_question(talk):
    talk.launch()
    assert not talk.say("HowIntent", query="am i going to fix my back").speech.startswith(EN.text("progress.nothing_yet"))


@pytest.mark.parametrize("locale", LOCALES)
def test_an_ambulance_asked_for_gets_the_emergency_number_not_a_shrug(skill, locale):
    talk = Conversation(skill, locale=locale)
    talk.launch()
    number = content.for_locale(locale).defaults["emergency"]
    for intent, query in (("CanIntent", "call an ambulance for me"), ("QuestionIntent", "an ambulance"),
                          ("QuestionIntent", "ring triple zero for me")):
        reply = talk.say(intent, query=query)
        assert "can't make calls" in reply.speech and number in reply.speech, (query, reply.speech)
        assert content.for_locale(locale).text("basics.not_caught") not in reply.speech
        talk.launch()


def test_what_the_skill_cannot_do_is_said_so_with_what_it_can(talk):
    talk.launch()
    for intent, query in (("CanIntent", "call my daughter for me"), ("QuestionIntent", "a text to my wife saying i'll be late"),
                          ("CanIntent", "order me some tylenol"), ("QuestionIntent", "some music")):
        reply = talk.say(intent, query=query)
        assert reply.speech.startswith(EN.text("basics.out_of_reach")) and EN.text("basics.help") in reply.speech, \
            (query, reply.speech)


def test_a_sign_said_with_a_call_asked_for_is_the_sign_first(talk):
    talk.launch()
    reply = talk.say("CanIntent", query="call my son for me my legs have both gone numb")
    assert "911" in reply.speech and EN.text("basics.out_of_reach") not in reply.speech, reply.speech


def test_mid_check_a_call_asked_for_asks_the_question_again(talk):
    talk.launch()
    first = talk.say("CheckSymptomsIntent")
    reply = talk.say("CanIntent", query="call my daughter for me")
    assert EN.raw("symptoms.questions")[0]["text"][:25] in first.speech
    assert EN.raw("symptoms.questions")[0]["text"][:25] in reply.speech, reply.speech


def test_a_stretch_asked_to_be_safe_for_bad_knees_is_one_done_sitting(talk):
    """ "Yes, but is it safe with my bad knees?" to cat cow (on hands and knees): another stretch,
    one done sitting, is offered (not an answer about cracking a back)."""
    talk.launch()
    assert "cat cow" in talk.say("ChooseStretchIntent", area=("lower back", "lower_back")).speech.lower()
    other = talk.say("YesSaidIntent", query="but is it safe with my bad knees")
    assert "seated" in other.speech.lower() and other.speech.endswith("Shall I guide you through it?"), other.speech
