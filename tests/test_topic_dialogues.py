"""A dialogue per topic, typed as a person would say it, with its follow-ups.

Each question below is worded apart from the topic's examples (topic_examples.toml). Through the
offline simulator (the words resolved against the interaction model, the skill in process):
the question gets its topic's answer; "what else" continues the topic (its `more`, else the topic
it leads to); "and for my neck?" says the answer holds there too and offers again; "yes" takes
the offer (the next topic, a stretch, or the symptom check).
"""
from __future__ import annotations

import pytest

from heard import topics_heard
from skill import carriers, content
from skill.simulator import models
from skill.simulator.chat import Simulator
from skill.simulator.transport import InProcess
from skill.speech import spoken_text
from skill.store import MemoryStore, Store

TEXT = content.for_locale("en-US")
TOPICS = TEXT.raw("topics")

QUESTIONS = {
    "pop_what": "how come my spine pops when i roll my shoulders",
    "pop_wont": "i'm trying to crack my back but it just won't go",
    "pop_again": "how long till i can pop it again",
    "pop_stopped": "my back used to crack every morning and now it never does",
    "pop_how": "what's the trick to cracking your own back",
    "crack_harmful": "is it dangerous to crack my back",
    "crack_arthritis": "will all this cracking give me arthritis when i'm older",
    "crack_daily": "i crack my back about twenty times a day is that too much",
    "selfcare": "apart from stretching what can i do for a stiff back",
    "heat": "should i put a hot water bottle on my back",
    "heat_ice": "is an ice pack or a heat pack better for stiffness",
    "bath": "would a long soak in the tub loosen me up",
    "movement": "does going for a walk help a stiff back",
    "water": "could not drinking enough water make my back stiff",
    "posture": "is my slouching making my back worse",
    "desk_posture": "how should i set up my desk so my back doesn't get stiff",
    "yoga_pilates": "would a pilates class be good for my back",
    "professional_choice": "who should i see about my stiff back a physio or a chiropractor",
    "physio": "is it worth seeing a physical therapist",
    "chiropractor": "would a chiropractor sort my back out",
}


def simulator(locale: str = "en-US") -> Simulator:
    return Simulator(models.resolver_for(locale, None), InProcess(), locale=locale)


def remembering(locale: str = "en-US") -> Simulator:
    """A person whose record is kept between sessions (red-flag advice closes the session, and is remembered)."""
    return Simulator(models.resolver_for(locale, None), InProcess(store=Store(MemoryStore())), locale=locale)


def remembered(locale: str, *first: str) -> Simulator:
    """A person whose record is kept, who opened the skill and said these first (advice closing the session)."""
    sim = remembering(locale)
    for words in ("open back pop coach", *first):
        sim.say(words)
    return sim


def opened(locale: str, *first: str) -> Simulator:
    """A person who opened the skill and said these first."""
    sim = simulator(locale)
    for words in ("open back pop coach", *first):
        sim.say(words)
    return sim


def said(turn) -> str:
    return spoken_text(((turn.response or {}).get("response", {}).get("outputSpeech") or {}).get("ssml", ""))


def answer_of(topic: str) -> str:
    return TEXT.text(f"topics.{topic}")


@pytest.mark.parametrize("topic", list(QUESTIONS))
def test_a_question_then_what_else(topic):
    sim = simulator()
    sim.say("open back pop coach")
    first = said(sim.say(QUESTIONS[topic]))
    assert topics_heard(first, "en-US") == {topic}, first
    more = said(sim.say("what else"))
    data = TOPICS[topic]
    if "more" in data:
        assert TEXT.text(f"topics.{topic}.more") in more, more
    else:
        assert answer_of(data["next"]) in more, more


@pytest.mark.parametrize("topic", list(QUESTIONS))
def test_a_question_then_and_for_my_neck_then_yes(topic):
    sim = simulator()
    sim.say("open back pop coach")
    sim.say(QUESTIONS[topic])
    neck = said(sim.say("and for my neck"))
    assert neck.startswith(TEXT.text("pops.follow.same_for", area="neck")), neck
    assert neck.endswith(TEXT.text(f"topics.{topic}.offer")), neck
    yes = said(sim.say("yes"))
    lead = TOPICS[topic].get("lead")
    if lead == "stretch":
        assert topics_heard(yes, "en-US") & {"stretch", "guide"}, yes
    elif lead == "check":
        assert topics_heard(yes, "en-US") == {"symptom_check"}, yes
    else:
        assert answer_of(TOPICS[topic]["next"]) in yes, yes


def test_a_stretch_then_and_for_my_hips_offers_one_for_the_hips():
    sim = simulator()
    sim.say("open back pop coach")
    assert "stretch" in topics_heard(said(sim.say("give me a stretch for my lower back")), "en-US")
    hips = said(sim.say("and for my hips"))
    names = [s["name"] for sid, s in TEXT.stretches.items() if "hips" in s["areas"]]
    assert any(name in hips for name in names), hips


def test_what_else_after_a_stretch_offers_another():
    sim = simulator()
    sim.say("open back pop coach")
    first = said(sim.say("give me a stretch for my lower back"))
    other = said(sim.say("what else"))
    offered = [s["name"] for s in TEXT.stretches.values() if s["name"] in first]
    assert offered and offered[0] not in other and "stretch" in topics_heard(other, "en-US") | {"stretch"}
    assert any(s["name"] in other for s in TEXT.stretches.values()), other


@pytest.mark.parametrize("ask", [
    "is there a different one we can do", "i'd prefer another stretch", "could we change to something else",
    "different one", "other stretch please", "can we swap to another exercise",
])
def test_asking_mid_routine_for_a_different_stretch_offers_another(ask):
    sim = simulator()
    sim.say("open back pop coach")
    sim.say("guide me through cat cow")
    sim.say("next")
    reply = said(sim.say(ask))
    cat_cow = TEXT.stretches["cat_cow"]["name"]
    assert cat_cow not in reply and any(s["name"] in reply for s in TEXT.stretches.values()), reply
    started = said(sim.say("yes"))
    assert cat_cow not in started and "guide" in topics_heard(started, "en-US"), started


# Ways of asking what the skill does, in five locales, worded apart from the capabilities examples.
CAPABILITIES = [
    ("en-US", "what kind of help do you give"), ("en-US", "so what are you able to help me with"),
    ("en-US", "what all can i ask"), ("en-US", "what are the things you can do"), ("en-US", "help"),
    ("en-GB", "what's this all about then"), ("en-GB", "what can you do for me"), ("en-GB", "what sort of stuff can i ask"),
    ("en-AU", "what can ya do"), ("en-AU", "what are you good for"), ("en-AU", "how does this thing work"),
    ("en-IN", "kindly tell me what you can do"), ("en-IN", "what all you can do"), ("en-IN", "what are your features"),
    ("en-CA", "what can i ask you about"), ("en-CA", "what do you help with"), ("en-CA", "what are my choices"),
]


@pytest.mark.parametrize("locale, ask", CAPABILITIES)
def test_every_way_of_asking_what_the_skill_does_gets_the_menu(locale, ask):
    sim = simulator(locale)
    sim.say("open back pop coach")
    reply = said(sim.say(ask))
    assert topics_heard(reply, locale) == {"capabilities"}, reply


def test_the_simulator_says_what_the_skill_read_and_which_example_routed_it():
    sim = simulator()
    sim.say("open back pop coach")
    turn = sim.say("so my back clicks loads when i get out of bed why is that")
    shown = turn.as_text()
    assert "Skill reads: red-flag screen: nothing; routed to topic pop_what by example \"" in shown, shown
    assert turn.summary()["reading"] in shown
    flag = sim.say("so my wife can't feel her legs")
    assert "red-flag screen: both_legs (emergency, present, someone else)" in flag.as_text(), flag.as_text()
    assert "routed to" not in flag.as_text()


# Follow-ups said as people say them (blind conversation rounds fresh202 and fresh204), typed
# through the offline simulator: each turn gets the answer a person would notice.
def ended(turn) -> bool:
    return bool((turn.response or {}).get("response", {}).get("shouldEndSession"))


@pytest.mark.parametrize("locale, first, again, topic", [
    ("en-AU", "why does my back crack when i get out of the car", "what's actually making the noise though", "pop_what"),
    ("en-IN", "why has my back stopped popping", "why it is happening like that", "pop_stopped"),
])
def test_the_same_asked_again_just_after_its_answer_gets_more_on_it(locale, first, again, topic):
    """Asked again in other words just after the answer: the topic's `more`, not the same answer again."""
    sim, text = simulator(locale), content.for_locale(locale)
    sim.say("open back pop coach")
    assert said(sim.say(first)).startswith(text.text(f"topics.{topic}"))
    assert said(sim.say(again)).startswith(text.text(f"topics.{topic}.more"))


def test_why_after_words_to_the_room_gets_more_on_the_last_answer():
    """ "guys, stop it, put that down... sorry. why's that?": not why popping stopped ("stop")."""
    sim = simulator()
    sim.say("open back pop coach")
    sim.say("why won't my back pop")
    reply = said(sim.say("guys, stop it, put that down... sorry. why's that?"))
    assert reply.startswith(TEXT.text("topics.pop_wont.more")), reply


@pytest.mark.parametrize("locale, thanks", [("en-AU", "righto, thanks"), ("en-CA", "thanks, that's good for now"),
                                            ("en-US", "we're good, stop"), ("en-IN", "achha, bye")])
def test_thanks_or_a_goodbye_just_after_an_answer_ends_the_session(locale, thanks):
    """Were "Sorry, I didn't catch that", why popping stopped ("stop"), a walking answer, not understood."""
    sim = simulator(locale)
    sim.say("open back pop coach")
    sim.say("why won't my back crack")
    bye = sim.say(thanks)
    assert ended(bye) and "didn't catch" not in said(bye), said(bye)


def test_thanks_at_a_stretch_offered_is_never_guessed_a_goodbye():
    """ "ok thanks" to "Shall I guide you through it?" may be a yes: the session stays open."""
    sim = simulator()
    sim.say("open back pop coach")
    sim.say("give me a stretch")
    assert not ended(sim.say("ok thanks"))


def test_a_pop_told_just_now_with_how_it_happened_is_noted_for_the_timer():
    sim = simulator()
    sim.say("open back pop coach")
    assert said(sim.say("my back just popped when i rolled over in bed")).startswith(TEXT.text("pops.timer.noted"))
    last = said(sim.say("when did i last pop it"))
    assert "just now" in last, last
    other = simulator()  # someone else's pop is not the speaker's to time
    other.say("open back pop coach")
    assert said(other.say("my wife's back just popped when she rolled over in bed, what is that")).startswith(
        TEXT.text("topics.pop_what"))


def test_a_pop_told_with_is_that_bad_gets_whether_cracking_is_harmful():
    sim = simulator()
    sim.say("open back pop coach")
    reply = said(sim.say("my back popped super loud out of nowhere when i sneezed, is that bad"))
    assert reply.startswith(TEXT.text("topics.crack_harmful")), reply


def test_hang_on_then_go_on_at_a_stretch_offered_starts_it():
    """ "hang on, dog's going off at the door... yep, go on": a yes (was a goodbye); a wait alone still pauses."""
    sim = simulator("en-AU")
    sim.say("open back pop coach")
    sim.say("give us a stretch")
    assert said(sim.say("hang on, dog's going off at the door... yep, go on")).startswith("Cat cow.")
    waits = simulator("en-AU")
    waits.say("open back pop coach")
    waits.say("give us a stretch")
    assert ended(waits.say("hang on, the kettle's boiled"))


def test_do_i_need_to_see_somebody_is_the_speakers_own_check():
    """ "somebody" is the one to see, not the one the check is for ("their groin")."""
    sim = simulator()
    sim.say("open back pop coach")
    sim.say("why has my back stopped popping")
    reply = said(sim.say("do i need to see somebody about it"))
    assert "your groin" in reply and "their" not in reply, reply


def test_done_for_now_mid_routine_keeps_the_place_and_all_ive_time_for_is_a_goodbye():
    sim = simulator()
    sim.say("open back pop coach")
    sim.say("give me a five minute routine")
    done = sim.say("i'm done for now, thanks")
    assert ended(done) and "place in cat cow" in said(done), said(done)  # (the simulator keeps no store: "couldn't save")
    other = simulator()
    other.say("open back pop coach")
    other.say("why does my back pop")
    assert ended(other.say("that's all i've got time for, thanks"))


def test_what_about_my_neck_same_deal_is_a_follow_up():
    sim = simulator()
    sim.say("open back pop coach")
    sim.say("why does my back pop")
    reply = said(sim.say("what about my neck, same deal?"))
    assert reply.startswith(TEXT.text("pops.follow.same_for", area="neck")), reply


def test_it_just_went_big_crack_is_a_pop_noted():
    sim = simulator("en-CA")
    sim.say("open back pop coach")
    sim.say("why won't my back crack")
    assert said(sim.say("never mind, it just went, big crack")).startswith(content.for_locale("en-CA").text("pops.timer.noted"))


def test_yes_give_me_a_stretch_takes_the_stretch_offered():
    """After the desk answer's "Shall I guide you through a seated twist?" (was another stretch offered)."""
    sim = simulator("en-IN")
    sim.say("open back pop coach")
    sim.say("my back is very stiff from sitting at the laptop whole day")
    assert said(sim.say("yes, give me a stretch")).startswith("Seated spinal twist.")


def test_ok_thanks_at_a_stretch_offered_says_what_to_say_to_it_and_a_yes_then_starts_it():
    """Was "Sorry, I didn't catch that" with the three things the skill does: "ok thanks" may be a yes or a goodbye."""
    sim = simulator("en-AU")
    sim.say("open back pop coach")
    sim.say("give me a stretch")
    reply = sim.say("righto, thanks")
    assert not ended(reply) and said(reply) == f'{TEXT.text("basics.offer_again")} {TEXT.text("stretches.pick_reprompt")}', said(reply)
    assert said(sim.say("yes")).startswith("Cat cow."), "the offer stays open"


@pytest.mark.parametrize("name, opening", [("cat cow", "Cat cow."), ("seated twist please", "Seated spinal twist."),
                                           ("the knee to chest", "Knee to chest.")])
def test_a_stretch_named_alone_starts_it(name, opening):
    """Was "Try cat cow ... Shall I guide you through it?": the person named the stretch they want."""
    sim = simulator()
    sim.say("open back pop coach")
    assert said(sim.say(name)).startswith(opening)


def test_unsure_whether_to_check_starts_the_check():
    """ "I guess" to "Shall I check for warning signs?" after a stretch hurt (was the stop-and-check line again)."""
    sim = simulator()
    sim.say("open back pop coach")
    sim.say("do cat cow")
    sim.say("ow, that kind of hurts")
    assert said(sim.say("i guess")).startswith(TEXT.text("symptoms.start"))


def test_still_not_sure_after_plainer_words_gets_the_level_with_its_number():
    """ "honestly I still don't know, maybe a little" to the bladder question asked plainly (was "Sorry, I didn't catch that")."""
    sim = simulator()
    sim.say("open back pop coach")
    sim.say("check my symptoms")
    sim.say("not sure")
    reply = said(sim.say("honestly i still don't know maybe a little"))
    assert "call 911" in reply, reply


@pytest.mark.parametrize("answer", ["only at night, really", "mostly when i lie down", "all the time"])
def test_which_of_the_last_question_said_without_a_yes_is_a_yes(answer):
    """The last question (sudden, constant or worse at night): "only at night, really" was "Sorry, I didn't catch that"."""
    sim = simulator()
    sim.say("open back pop coach")
    sim.say("check my symptoms")
    for _ in range(4):
        sim.say("no")
    reply = said(sim.say(answer))
    assert "today" in reply and "call 911" not in reply.split(".")[0], reply  # (URGENT: see a doctor today)


def test_not_understanding_the_question_gets_it_in_plainer_words_not_a_no():
    """ "I am not understanding" was read as "I'm not": a no, and the next question."""
    sim = simulator("en-IN")
    sim.say("open back pop coach")
    sim.say("check my symptoms")
    reply = said(sim.say("i am not understanding"))
    assert TEXT.raw("symptoms.questions")[0]["plain"] in reply, reply


def test_a_no_then_a_sign_told_with_though_mid_check_is_the_sign():
    sim = simulator("en-GB")
    sim.say("open back pop coach")
    sim.say("check my symptoms")
    sim.say("no")
    sim.say("no")
    reply = said(sim.say("no. been shivery, hot and cold since sunday though"))
    assert "NHS 111" in reply or "today" in reply, reply


def test_chest_tightness_yesterday_gone_now_is_still_the_emergency():
    sim = simulator("en-CA")
    sim.say("open back pop coach")
    sim.say("check my symptoms")
    reply = said(sim.say("um, i had some chest tightness yesterday, it's gone now though"))
    assert "call 911" in reply, reply


def test_a_denial_after_a_what_if_is_read_as_what_it_says():
    """ "they're not. no numbness, just stiff" (was why a back won't pop: "it's not" put back in front)."""
    sim = simulator("en-CA")
    sim.say("open back pop coach")
    sim.say("what if my legs went numb")
    assert said(sim.say("they're not. no numbness, just stiff")).startswith(TEXT.text("symptoms.not_red_flag"))


@pytest.mark.parametrize("asked", ["are you a doctor", "can i take ibuprofen for my back", "which tablet should i take for back pain",
                                   "can you prescribe me something for my back"])
def test_asked_for_a_doctor_or_a_medicine_the_skill_says_what_it_is_not_and_offers_the_check(asked):
    sim = simulator()
    sim.say("open back pop coach")
    assert said(sim.say(asked)).startswith(answer_of("scope")), asked
    assert said(sim.say("yes")).startswith(TEXT.text("symptoms.start"))


@pytest.mark.parametrize("asked, topic", [("my jaw cracks when i chew, why is that", "other_joint"),
                                          ("my knee clicks on the stairs as well", "other_joint"),
                                          ("my back pops when i lift my arm", "pop_what"),
                                          ("my back cracks when i squat", "pop_what")])
def test_another_joint_s_click_is_not_answered_as_the_back_s(asked, topic):
    """The pop answer is the spine's; a jaw or knee was told about "a spine joint's fluid"."""
    sim = simulator()
    sim.say("open back pop coach")
    assert said(sim.say(asked)).startswith(answer_of(topic))


def test_after_the_pop_timer_the_neck_and_why_so_long_follow_on():
    sim = simulator("en-GB")
    sim.say("open back pop coach")
    sim.say("i've just cracked my back")
    sim.say("how long till i can crack it again")
    assert said(sim.say("and for my neck?")).startswith(TEXT.text("pops.follow.same_for", area="neck"))
    other = simulator("en-GB")
    other.say("open back pop coach")
    other.say("i've just cracked my back")
    other.say("how long till i can crack it again")
    assert said(other.say("why does it take that long")).startswith(TEXT.text("topics.pop_again.more"))


@pytest.mark.parametrize("locale, asked, topic", [
    ("en-AU", "and should i see a physio about it later on?", "physio"),  # was a goodbye ("later")
    ("en-AU", "fair enough. is heat okay?", "heat"),  # was cracking daily
    ("en-CA", "my dad fell off a ladder last year but he's fine now. why won't mine pop", "pop_wont"),
    ("en-US", "why does my neck crack so easy but my back won't crack at all", "pop_wont"),
    ("en-GB", "should i see a physio or my gp", "professional_choice"),
    ("en-AU", "is it bad to crack it every arvo", "crack_daily"),
    ("en-US", "and is it bad if i crack it every day", "crack_daily"),  # was whether cracking is harmful
])
def test_questions_people_asked_get_their_own_topic(locale, asked, topic):
    sim = simulator(locale)
    sim.say("open back pop coach")
    reply = said(sim.say(asked))
    assert topic in topics_heard(reply, locale), reply


def test_a_pop_told_this_morning_with_a_hedge_is_noted():
    sim = simulator("en-CA")
    sim.say("open back pop coach")
    assert said(sim.say("i cracked my back this morning, i think")).startswith(content.for_locale("en-CA").text("pops.timer.noted"))


def test_what_was_i_supposed_to_do_is_asking_for_what_was_said_again():
    """After advice to call now, "what was I supposed to do again" got why a back won't pop again."""
    assert carriers.asked_again("en-CA", "what was i supposed to do again") == carriers.Plain("AMAZON.RepeatIntent")


def test_a_stretch_for_the_plane_is_one_done_sitting():
    sim = simulator()
    assert "seated" in said(sim.say("ask back pop coach for a stretch i can do on the plane")).lower()


def test_pause_because_the_bus_is_here_is_a_goodbye_at_an_offer():
    sim = simulator("en-AU")
    sim.say("open back pop coach")
    sim.say("give me a stretch")
    assert ended(sim.say("pause, the bus to the lifts is here"))


@pytest.mark.parametrize("refusal", ["i don't want to answer that", "i'd rather not say", "what's my bum got to do with anything",
                                     "i don't want the questions", "i don't want to answer that, just give me another stretch"])
def test_a_refused_check_question_is_asked_again_plainly_never_taken_as_a_no(refusal):
    """ "I don't want to answer that" to the bladder question was read as "I don't": a no, and the next question."""
    sim = simulator()
    sim.say("open back pop coach")
    sim.say("check my symptoms")
    reply = said(sim.say(refusal))
    assert reply.startswith(TEXT.text("symptoms.plainer")) and TEXT.raw("symptoms.questions")[0]["plain"] in reply, reply


@pytest.mark.parametrize("declined", ["i don't want a check", "no, i don't want a check", "i don't need a check thanks"])
def test_the_check_turned_down_is_not_started(declined):
    """ "No, I don't want a check" to the check offered after a stretch hurt started the check (DontIntent's
    "want a check" was routed to the check), and a "yes" to the next thing then answered its first question."""
    sim = simulator("en-CA")
    sim.say("open back pop coach")
    sim.say("let's do the lying twist")
    sim.say("ouch, that hurt")
    reply = said(sim.say(declined))
    assert TEXT.raw("symptoms.questions")[0]["text"] not in reply and reply.startswith(TEXT.text("basics.anything_else")), reply


def test_the_check_turned_down_for_something_else_gets_the_something_else():
    sim = simulator("en-CA")
    sim.say("open back pop coach")
    sim.say("let's do the lying twist")
    sim.say("ouch, that hurt")
    reply = said(sim.say("no, i don't want a check, just give me something else"))
    assert reply.startswith(TEXT.raw("stretches.another").split("{")[0]), reply


@pytest.mark.parametrize("locale, words", [("en-GB", "right, fair enough, i'll ring them now. cheers"),
                                           ("en-AU", "okay, they're on their way. thanks"),
                                           ("en-GB", "fair enough, i'll get it checked. cheers")])
def test_help_on_its_way_after_the_advice_is_a_goodbye(locale, words):
    """Were a pop noted ("ring"), the posture answer and the check started."""
    sim = remembering(locale)
    sim.say("open back pop coach")
    sim.say("i can't wee properly since this morning")
    sim.say("open back pop coach")  # (the advice closed the session)
    assert ended(sim.say(words))


@pytest.mark.parametrize("locale, sign, words", [
    ("en-AU", "it's only a bit of pins and needles in both legs", "can i do it after the footy?"),
    ("en-AU", "i've dropped about eight kilos without trying", "i've been stressed, that's all, come on"),
    ("en-IN", "both my legs are feeling weak and wobbly suddenly", "i think i just sat too long, they will be fine, please continue"),
])
def test_a_sign_waved_away_or_the_stretch_put_off_gets_the_advice_again(locale, sign, words):
    sim = remembering(locale)
    sim.say("open back pop coach")
    sim.say(sign)
    sim.say("open back pop coach")
    reply = said(sim.say(words))
    assert "earlier you told me" in reply, reply


def test_what_do_i_say_now_after_emergency_advice_is_the_advice_not_a_stretch():
    """Was the help line, which says "give me a stretch for your lower back"."""
    sim = remembering("en-AU")
    sim.say("open back pop coach")
    sim.say("i fell off the ladder cleaning the gutters this morning, landed flat on my back")
    sim.say("open back pop coach")
    reply = said(sim.say("what do i say now"))
    assert "call 000" in reply and "stretch for your lower back" not in reply, reply


def test_a_flatmates_sign_is_theirs_and_the_speakers_pop_questions_are_answered():
    """ "my roommate's lost ..." ("my {query}" dropped "my"): the advice was the speaker's, and it held back their pop questions."""
    sim = remembering("en-CA")
    sim.say("open back pop coach")
    assert said(sim.say("my roommate's lost like fifteen pounds without trying and his back's been sore for weeks")).startswith("For someone")
    sim.say("open back pop coach")
    assert answer_of("pop_what") in said(sim.say("what about me, i just want to know why my back cracks when i twist"))


@pytest.mark.parametrize("words, kind", [("wait, the mailman. okay i'm back, which step?", "which"),
                                         ("wait, the mailman. okay i'm back", "step"),
                                         ("walk me through it step by step", "step"),
                                         ("say that again, the kettle was on", "step"),
                                         ("how long? didn't catch that", "hold")])
def test_mid_routine_asides_keep_to_the_stretch_under_way(words, kind):
    """Were another stretch begun (cat cow, from the guide topic), the cracking-daily answer and the routine's help."""
    sim = opened("en-US", "do the lying twist")
    step = said(sim.say("next"))
    reply = said(sim.say(words))
    expected = {"which": reply.startswith("You're on step 2 of 3"), "step": reply == step,
                "hold": reply.startswith("Hold this one for")}
    assert expected[kind], reply


def test_can_i_keep_going_after_advice_to_book_soon_goes_on():
    sim = opened("en-CA", "do cat cow", "next", "by the way i've got sciatica, it shoots down my right leg, no numbness")
    assert said(sim.say("okay, can i keep going with the stretch?")).startswith("Breathe out, round your back")


@pytest.mark.parametrize("words", ["yes, let's try it", "let's try it", "yeah i'll give it a go", "okay let's try that one"])
def test_lets_try_it_at_a_stretch_offered_starts_that_stretch(words):
    """Was the five-minute routine ("let's try it" was most like "let's do a routine")."""
    sim = simulator()
    sim.say("open back pop coach")
    sim.say("can you suggest a stretch")
    assert said(sim.say(words)).startswith("Cat cow."), words


def test_not_sure_what_counts_as_a_bad_fall_is_answered_and_the_check_goes_on():
    """Was the emergency for a possible fall."""
    sim = simulator("en-CA")
    sim.say("open back pop coach")
    sim.say("check my symptoms")
    sim.say("no")
    reply = said(sim.say("not sure, what counts as a bad fall"))
    assert reply.startswith("If you ever") and reply.endswith(TEXT.raw("symptoms.questions")[1]["text"]), reply
    assert said(sim.say("no, i haven't fallen, and no chest pain")).startswith(TEXT.raw("symptoms.questions")[2]["text"][:20])


def test_someone_elses_old_cancer_told_after_their_back_pain_is_their_sign_and_holds_back_their_stretch():
    """ "my mother is having back pain since one week" then "she had breast cancer some eight years back" was
    "Sorry, I didn't catch that" twice (SomeoneElseIntent puts "someone else" where "my mother" was, and the
    piece kept for her history knew only "mother"); then "can she at least do the cat cow with me" began it."""
    sim = remembering("en-IN")
    sim.say("open back pop coach")
    sim.say("my mother is having back pain since one week, we are applying mahanarayan oil, she is sitting with me, will it help")
    reply = said(sim.say("she had breast cancer some eight years back, it is fully cured now"))
    assert reply.startswith("For someone") and "today" in reply, reply
    sim.say("open back pop coach")
    reply = said(sim.say("but can she at least do the cat cow with me"))
    assert "for them" in reply and not reply.startswith("Cat cow"), reply


def test_a_sign_opened_with_mind_reaches_the_screen():
    """ "mind, I've lost nearly a stone ..." matched no sample (Alexa's fallback: the sign unheard)."""
    sim = simulator("en-GB")
    sim.say("open back pop coach")
    reply = said(sim.say("mind, i've lost nearly a stone without trying, my jeans are hanging off me"))
    assert "NHS 111" in reply or "today" in reply, reply


def test_i_know_this_one_skip_it_mid_routine_skips():
    """Was how long until it pops again."""
    sim = simulator()
    sim.say("open back pop coach")
    sim.say("give me a five minute routine")
    assert said(sim.say("i know this one already, skip it")).startswith(TEXT.raw("guide.skipped").split("{")[0])


@pytest.mark.parametrize("asked", ["my grandma swears by icy hot, is it okay to use that along with your stretches",
                                   "and a bit of dencorub before i do your stretches, that okay"])
def test_a_cream_or_rub_asked_about_gets_no_medicine_advice(asked):
    """Were a stretch offered and whether cracking is harmful: the facts hold nothing on creams and rubs."""
    sim = simulator()
    sim.say("open back pop coach")
    assert said(sim.say(asked)).startswith(answer_of("scope"))


def test_a_pop_someone_else_gave_is_noted():
    """ "he cracked my back after Thanksgiving dinner like twenty minutes ago" began the five-minute routine."""
    sim = simulator()
    sim.say("open back pop coach")
    reply = said(sim.say("he cracked my back after thanksgiving dinner like twenty minutes ago"))
    assert reply.startswith(TEXT.text("pops.timer.noted").split(".")[0]), reply


def test_few_words_mid_check_and_mid_routine_are_understood():
    """ "what. mean" mid-check was the pop answer; "what step I on" mid-routine was the step again."""
    sim = simulator("en-AU")
    sim.say("open back pop coach")
    sim.say("check my symptoms")
    assert TEXT.raw("symptoms.questions")[0]["plain"] in said(sim.say("what. mean"))
    sim = simulator("en-CA")
    sim.say("open back pop coach")
    sim.say("do cat cow")
    sim.say("next")
    assert said(sim.say("what step I on")).startswith("You're on step 2")


@pytest.mark.parametrize("words", ["what should i do again?", "please repeat, i could not hear, the pressure cooker was whistling",
                                   "is that bad?", "is that serious?", "pardon? who did you say to ring?",
                                   "it's probably just indigestion, isn't it"])
def test_asked_again_just_after_advice_is_the_advice_not_a_pop_answer_or_the_check(words):
    """Were the pop answers (how long till it pops again, what the pop is, whether cracking is harmful) and the check."""
    sim = remembering("en-IN")
    sim.say("open back pop coach")
    sim.say("i have fever and back pain")
    reply = said(sim.say(words))  # (the advice closed the session: these words open the next one)
    assert "earlier you told me" in reply or "Again, what I said" in reply, reply
    assert not topics_heard(reply, "en-IN") & set(TOPICS), reply


def test_a_reply_that_wavers_and_ends_on_maybe_is_not_sure():
    """ "yes... well no... actually maybe?" was read as a no, and the check went on past the question."""
    sim = simulator("en-AU")
    sim.say("open back pop coach")
    sim.say("do i need a doctor")
    reply = said(sim.say("yes... well no... actually maybe?"))
    assert reply.startswith(TEXT.text("symptoms.plainer").split("{")[0].strip()[:20]), reply


def test_a_pop_told_with_what_was_that_or_is_that_bad_gets_that_answer():
    sim = simulator("en-CA")
    sim.say("open back pop coach")
    assert answer_of("pop_what") in said(sim.say("something just clicked in my back, what was that"))
    assert answer_of("crack_harmful") in said(sim.say("my neck just clicked, is that bad"))


def test_whys_that_after_a_question_answered_mid_routine_is_more_on_it_and_the_step_goes_on():
    """Was what the stretch under way does for a back."""
    sim = simulator("en-GB")
    sim.say("open back pop coach")
    sim.say("guide me through the seated twist")
    sim.say("something just clicked in my back, what was that")
    assert TEXT.text("topics.pop_what.more") in said(sim.say("why's that"))
    assert said(sim.say("right, carry on then")).startswith("Breathe in and grow tall")


@pytest.mark.parametrize("words, kind", [("good burn in me glutes, keep going", "felt"),
                                         ("how long am i meant to stop like this", "hold"),
                                         ("give this one a miss", "skip"),
                                         ("hold everything, someone's at the door", "pause")])
def test_mid_routine_words_in_everyday_turns_of_phrase(words, kind):
    """Were the cracking answer, why the pop stops, and (twice) "sorry, I didn't catch that"."""
    reply = said(opened("en-AU", "start a five minute routine for me hips").say(words))
    expected = {"felt": reply.startswith(TEXT.text("guide.felt")), "hold": "hold" in reply.lower() and "Say next" in reply,
                "skip": reply.startswith("Skipping ahead"), "pause": reply.startswith("Paused")}
    assert expected[kind], reply


def test_skip_this_one_after_a_stretch_stopped_for_pain_offers_another():
    """Was "Sorry, I didn't catch that" (nothing running to skip)."""
    sim = opened("en-GB", "start a five minute routine for my hips", "next", "ow, that hurts")
    assert said(sim.say("skip this one then")).startswith("Another option is")


def test_a_different_one_asked_for_because_this_one_is_too_hard_is_another_stretch():
    """Was the easier version of the step ("too hard for me" read first)."""
    sim = opened("en-US", "i'd like a stretch i can do sitting in my chair", "yes please")
    assert said(sim.say("oh, that one's too hard for me. have you got a different one?")).startswith("Another option is")


def test_someone_elses_one_leg_said_to_be_both_now_is_their_emergency():
    """ "hang on, she's saying it's both legs now" was a goodbye ("hang on" read as stop)."""
    sim = remembering("en-AU")
    sim.say("open back pop coach")
    assert said(sim.say("it's for me mum, she says her left leg's gone all pins and needles since this morning")).startswith("For someone")
    reply = said(sim.say("hang on, she's saying it's both legs now"))
    assert "000" in reply and "both legs" in reply, reply


def test_someone_elses_old_cancer_with_this_back_pain_new_is_their_urgent_sign():
    """Was "Sorry, I didn't catch that": "this back pain is new" was not read as theirs."""
    sim = opened("en-CA", "why does my mom's back crack when she gets out of her chair")
    reply = said(sim.say("she's 74, she had breast cancer about ten years ago, and this back pain is new, it started a couple weeks back"))
    assert reply.startswith("For someone") and "today" in reply, reply


def test_a_yes_taken_back_at_the_resume_offer_with_a_pop_told_notes_the_pop():
    """ "yeah nah, not yet, ... I just popped my back" resumed the routine."""
    sim = remembering("en-AU")
    for words in ("open back pop coach", "guide me through the seated spinal twist", "hang on, pause", "open back pop coach"):
        sim.say(words)
    reply = said(sim.say("yeah nah, not yet, it went crack while i was hanging the washing out, i just popped my back"))
    assert reply.startswith(TEXT.text("pops.timer.noted")[:20]), reply


@pytest.mark.parametrize("words", ["yes, please proceed.", "yes, by all means", "yes, that would be lovely"])
def test_a_formal_yes_at_a_stretch_offered_starts_it(words):
    """ "Yes, please proceed." was "Sorry, I didn't catch that"."""
    sim = opened("en-US", "is there something i could do at my desk, perhaps?")
    assert said(sim.say(words)).startswith("Seated spinal twist."), words


@pytest.mark.parametrize("words", ["can you order me a pizza", "do you know any good jokes", "what time's the hockey on tonight"])
def test_something_asked_of_alexa_is_not_answered_with_a_topic(words):
    """Were the chiropractor and the bath answers."""
    reply = said(opened("en-AU").say(words))
    assert not topics_heard(reply, "en-AU") & set(TOPICS), reply


@pytest.mark.parametrize("locale, first, vague, topic", [
    ("en-GB", "i just popped my back", "why does it do that", "pop_what"),  # (was "sorry, I didn't catch that")
    ("en-US", None, "why does it do that", "pop_what"),  # nothing answered yet: the pop, what the skill explains
    ("en-US", "why does my back pop when i twist", "so why does it do that", "pop_what.more"),
    ("en-US", "is it bad to crack my back", "ok so how do i do it", "pop_how"),  # (was the fallback; fresh234)
    ("en-AU", "how long till it can pop again", "how am i supposed to do it then", "pop_how"),
])
def test_a_bare_why_or_how_is_about_what_was_just_said(locale, first, vague, topic):
    """ "Why does it do that?", "so how do I do it?", naming nothing: after a pop noted, what the pop is;
    after an answer, its more (why) or the topic it names as its `how`."""
    sim = opened(locale, *([first] if first else []))
    reply = said(sim.say(vague))
    assert reply.startswith(TEXT.text(f"topics.{topic}")), reply


def test_a_bare_how_after_an_answer_with_no_how_is_not_guessed_a_pop():
    """After the heat answer, "how do I do it?" is read as words are (not how to pop a back)."""
    sim = opened("en-US", "should i put a hot water bottle on my back")
    reply = said(sim.say("how do i do it"))
    assert not reply.startswith(TEXT.text("topics.pop_how")), reply


@pytest.mark.parametrize("locale, words, topic", [
    ("en-US", "why does my back pop every morning", "pop_what"),  # (was cracking daily: "every morning")
    ("en-IN", "every morning my back is making sound when i get up from bed, why", "pop_what"),  # (fresh236)
    ("en-US", "why shouldn't i crack my back every day", "crack_daily"),  # cracking it themselves: cracking daily's
])
def test_why_it_pops_every_morning_is_the_pop_and_cracking_it_daily_is_cracking_daily(locale, words, topic):
    reply = said(opened(locale).say(words))
    assert reply.startswith(answer_of(topic)), reply


def test_compound_turns_at_an_answer_take_what_comes_first():
    """ "huh, tell me more" is more (the opener hands "tell me more" over as words); "okay, will this give me
    arthritis later?" asks, never a goodbye ("later"); fresh236."""
    sim = opened("en-US", "why won't my back crack, i've been trying all morning")
    assert said(sim.say("huh, tell me more")).startswith(TEXT.text("topics.pop_wont.more"))
    sim = opened("en-IN", "i just popped my back")
    reply = said(sim.say("okay. will this give me arthritis later?"))
    assert reply.startswith(answer_of("crack_arthritis")), reply


def test_a_no_to_the_check_offered_with_a_pop_told_notes_the_pop():
    """ "no thanks, but I did just pop it getting up" to the check offered (was why it stopped popping)."""
    sim = opened("en-CA", "ever since fall started my back's been stiff")
    reply = said(sim.say("no thanks, but i did just pop it getting up"))
    assert reply.startswith(TEXT.text("pops.timer.noted")), reply


@pytest.mark.parametrize("locale, first, words, topic", [
    ("en-CA", None, "my back just popped all of a sudden when i stood up off the dock", "pops.timer.noted"),  # (was "didn't catch")
    ("en-GB", "why does my back pop", "just did it again now", "pops.timer.noted"),  # a pop talked about: "it" is one
    ("en-AU", None, "when did i last pop me back, do you know?", "topics.pop_last"),  # (was what the skill does)
    ("en-IN", None, "my back is paining after lifting the water cans on the terrace", "symptoms.not_red_flag"),  # (was water)
])
def test_pops_told_and_asked_in_passing_words(locale, first, words, topic):
    sim = opened(locale, *([first] if first else []))
    reply = said(sim.say(words))
    assert reply.startswith(TEXT.text(topic)), reply


def test_now_said_of_something_else_notes_no_pop():
    """ "one wasp stung me just now, it is swelling" (fresh238: was a pop noted)."""
    sim = opened("en-IN", "does drinking more water help in this heat")
    reply = said(sim.say("one wasp stung me just now, it is swelling"))
    assert not reply.startswith(TEXT.text("pops.timer.noted")), reply


@pytest.mark.parametrize("locale, sign, between, asked", [
    ("en-GB", "my back has been sore for eight weeks now and it isn't getting better", None, "sorry what should I do again"),
    # (was how to pop it: "111" and "then" read as the pop's words; fresh240)
    ("en-GB", "it shoots down my left leg, no pins and needles", "no thanks", "do I need to ring 111 then or what"),
    # (was what the pop is; fresh240)
    ("en-IN", "my back stopped popping and it is stiff for two months", None,
     "what is the need of doctor for stiffness, tell me again"),
    ("en-US", "it's been aching for six weeks straight", None, "are you sure? it's probably just a pulled muscle, right"),
    ("en-GB", "it's been aching for a month and shoots down my left leg, no pins and needles", None, "is it my GP or 111 then"),
])
def test_advice_to_book_soon_asked_for_again_is_said_again_with_the_stretch_it_allows(locale, sign, between, asked):
    """Advice to book soon holds no stretch back, yet asked for again before another answer it is that advice
    again (was the pop coming back, how to pop it, what the pop is), the session open and a stretch offered."""
    text = content.for_locale(locale)
    sim = opened(locale, sign, *([between] if between else []))
    turn = sim.say(asked)
    reply = said(turn)
    assert reply.startswith(text.text("safety.repeated")) and text.text("safety.levels.soon") in reply, reply
    assert reply.endswith(text.text("symptoms.soon_then_stretch"))
    assert not turn.response["response"].get("shouldEndSession")
    assert said(sim.say("yes please")) != reply  # the stretch it offered, never the advice a third time


def test_once_another_answer_was_given_again_is_about_that_answer_not_the_advice_to_book_soon():
    """After the advice, a question answered: "tell me again" or the words told with the sign are not the advice again;
    the sign's own turn gives the advice once, never "again"."""
    text = content.for_locale("en-GB")
    sim = opened("en-GB")
    first = said(sim.say("my back has been sore for eight weeks, what should I do"))
    assert first.count(text.text("safety.levels.soon")) == 1 and not first.startswith(text.text("safety.repeated"))
    sim.say("why does my back pop")
    assert not said(sim.say("tell me again")).startswith(text.text("safety.repeated"))


@pytest.mark.parametrize("locale, first, words, topic", [
    # a first try of the speaker (fresh242): what the skill does (were the pop, the desk, why it won't pop)
    ("en-GB", None, "can you hear me?", "basics.help"),
    ("en-IN", None, "hello hello, is it working?", "basics.help"),
    ("en-GB", None, "erm, hello? my daughter's set this up for me", "basics.help"),
    ("en-GB", None, "hiya, I've never used this before, what does it do?", "basics.help"),
    ("en-GB", None, "this is bloody useless", "basics.fallback"),  # (fresh246: not the check)
    # a question corrected in the same breath (fresh244): the one asked after "sorry, I mean"
    ("en-US", None, "is it bad to crack it every day, sorry, I mean, will it give me arthritis", "topics.crack_arthritis"),
    ("en-IN", None, "does drinking water help, sorry, I mean, does walking help", "topics.movement"),
    ("en-US", None, "help, no wait, I know what you do, what else can I do for it", "topics.selfcare"),
    # "how's that" after an answer (Scots "how" is why; fresh244): its more
    ("en-GB", "how come ma back pops", "how's that", "topics.pop_what.more"),
    # Newfoundland "I'm after crackin' me back" (fresh244): a pop told just now
    ("en-CA", None, "I'm after crackin' me back, b'y", "pops.timer.noted"),
])
def test_first_tries_corrections_and_regional_follow_ups_get_the_answer_meant(locale, first, words, topic):
    sim = opened(locale, *([first] if first else []))
    reply = said(sim.say(words))
    assert reply.startswith(content.for_locale(locale).text(topic)), reply


def test_which_professional_asked_after_advice_to_book_soon_is_answered_not_the_advice_again():
    """ "physio or chiropractor, who should I see" just after advice to book soon (fresh248): who to see, its own answer."""
    sim = opened("en-CA", "I've got pain shooting down my leg, no numbness")
    reply = said(sim.say("physio or chiropractor, who should I see"))
    assert reply.startswith(content.for_locale("en-CA").text("topics.professional_choice")), reply


@pytest.mark.parametrize("locale, words, key", [
    ("en-AU", "do you remember me from last week", "privacy"),  # (fresh252: was whether cracking gives arthritis)
    ("en-US", "wait, are you recording me?", "privacy"),  # (was what the skill does)
    ("en-GB", "do you keep what I tell you about my back", "privacy"),  # (was what the pop is)
    ("en-CA", "where are you getting this from anyway", "sources"),
    ("en-US", "is this medical advice you're giving me, or what", "sources"),  # (was self-care)
    ("en-AU", "can I trust you with me crook back or are you just a gadget", "sources"),
])
def test_the_skill_asked_about_itself_says_what_it_keeps_and_where_its_words_come_from(locale, words, key):
    reply = said(opened(locale).say(words))
    assert reply.startswith(content.for_locale(locale).text(f"basics.about_{key}")), reply


def test_asked_about_itself_mid_check_it_answers_then_asks_its_question_again():
    """ "is that medical advice or just general info" mid-check (fresh252) started the check over."""
    sim = opened("en-US", "check my symptoms")
    reply = said(sim.say("is that medical advice or just general info"))
    assert reply.startswith(TEXT.text("basics.about_sources")) and "First:" in reply, reply


def test_why_after_the_cracking_answer_is_why_forcing_it_is_what_to_avoid():
    """ "why is that" after whether cracking is harmful (fresh252) was whether cracking daily is fine."""
    sim = opened("en-US", "is it harmful all this cracking my back does when I get up out of my recliner in the morning")
    assert said(sim.say("why is that")).startswith(TEXT.text("topics.crack_harmful.more")[:40])


@pytest.mark.parametrize("locale, first, then, topic", [
    # (fresh252: "dear" after the area was what the pop is)
    ("en-US", "is it heat or is it ice that one ought to use on a stiff back", "and would that be the same for my neck dear", "same_for"),
    # (fresh252: "walking on my back" was routed to walking as exercise)
    ("en-IN", "good morning my back is paining since four days kindly tell me is it ok if I crack it my grandson does it for "
              "me by walking on my back", None, "crack_harmful"),
])
def test_older_speakers_follow_ups_and_a_back_walked_on_get_their_topics(locale, first, then, topic):
    sim = opened(locale)
    reply = said(sim.say(first))
    if then is not None:
        reply = said(sim.say(then))
    expected = content.for_locale(locale).text("pops.follow.same_for", area="neck") if topic == "same_for" else \
        content.for_locale(locale).text(f"topics.{topic}")
    assert reply.startswith(expected[:30]), reply


@pytest.mark.parametrize("words", ["what's the weather going to be in Winnipeg tomorrow", "also tell me today's cricket score"])
def test_weather_and_scores_are_asked_of_alexa_not_this_skill(words):
    """(fresh252) Both were what the pop is."""
    assert said(opened("en-CA").say(words)).startswith(TEXT.text("basics.fallback")[:20])


@pytest.mark.parametrize("locale, words", [("en-US", "thank you kindly that will be all"), ("en-AU", "bye mate"),
                                           ("en-CA", "gotta go")])
def test_goodbyes_in_everyday_words_end_the_session(locale, words):
    """(fresh252, fresh254) Were "Sorry, I didn't catch that" (twice) and, after advice, the warning again."""
    reply = said(opened(locale, "why does my back pop").say(words))
    assert reply in content.for_locale(locale).raw("basics.goodbye"), reply


def test_what_do_you_mean_just_after_red_flag_advice_is_that_advice_again():
    """ "what do you mean", "what's that supposed to mean" just after urgent advice (fresh254) were what the pop is."""
    for words in ("what do you mean", "what's that supposed to mean"):
        sim = remembering("en-IN")  # (the advice closes the session; what was said next opens the skill again)
        sim.say("open back pop coach")
        sim.say("my mother is having back pain and fever since two days")
        reply = said(sim.say(words))
        assert "Again" in reply and "112" in reply, reply


def test_a_pop_told_with_why_it_was_wanted_is_noted():
    """ "I just cracked me back, it was stuck, no pain down me legs or anything" (fresh254) was how to pop it."""
    reply = said(opened("en-AU").say("I just cracked me back, it was stuck, no pain down me legs or anything"))
    assert reply.startswith(TEXT.text("pops.timer.noted")[:20]), reply


@pytest.mark.parametrize("locale, words, expected", [
    # (fresh258) a sceptic's retort, then the question: both were "Sorry, I didn't catch that"
    ("en-AU", "rubbish, nothing's happened to me yet. so how do I crack it properly", "topics.pop_how"),
    ("en-GB", "rubbish, my mate's a physio and he says cracking's fine. how often can I do it then, every day", "topics.crack_daily"),
    # (fresh256) "I'll ring the GP" was read as asking the skill to ring
    ("en-AU", "I'll ring the GP. what about the sitting though", "topics.desk_posture"),
    # (fresh256) was the stiffness answer and the check offered
    ("en-CA", "do I need a doctor, I shovelled the driveway yesterday and my back's been sore since", "symptoms.start"),
])
def test_a_question_after_a_retort_or_a_plan_is_answered(locale, words, expected):
    reply = said(opened(locale).say(words))
    wanted = content.for_locale(locale).text(expected)
    assert reply.startswith(wanted[:25]), reply


def test_stiffness_told_with_a_refusal_to_ring_the_doctor_is_the_stiffness_answer():
    """ "my back's stiff as a board, and before you start, I'm not ringing the doctor" (fresh258) was a goodbye."""
    reply = said(opened("en-GB").say("my back's stiff as a board, and before you start, I'm not ringing the doctor"))
    assert reply.startswith(TEXT.text("symptoms.not_red_flag")[:25]), reply


@pytest.mark.parametrize("locale, words", [
    # (fresh260) a stretch asked for, then why: was the stiffness answer and the check offered
    ("en-GB", "can we do my neck today, it's gone stiff from the drive"),
    # (fresh260) was the desk posture answer
    ("en-CA", "can I switch to ones I can do sitting, I'm at my desk at work now"),
])
def test_a_stretch_asked_for_then_why_gets_a_stretch(locale, words):
    reply = said(opened(locale).say(words))
    stop_if = content.for_locale(locale).text("stretches.stop_if")
    assert stop_if in reply or "Shall I guide you through it?" in reply, reply  # a stretch started, or one offered


@pytest.mark.parametrize("locale, sign, asked", [
    # (fresh262) was the pop coming back ("again" read as the pop's word)
    ("en-AU", "me mum's got osteoporosis and she had a little fall in the garden this arvo, now her back's real sore",
     "sorry, what should she do again"),
    # (fresh262) was a stretch started: "what should we do" routed like a routine's words
    ("en-IN", "my father's pain is very bad at night, not reducing even when he lies down", "then what should we do"),
])
def test_someone_elses_advice_asked_for_again_is_said_again_with_no_stretch(locale, sign, asked):
    text = content.for_locale(locale)
    sim = remembered(locale, sign)  # (the advice closes the session: the next turn opens another)
    reply = said(sim.say(asked))
    assert text.text("safety.repeated_other") in reply and text.text("safety.levels_other.urgent") in reply, reply
    assert text.text("stretches.stop_if") not in reply and "Shall I guide" not in reply, reply


@pytest.mark.parametrize("locale, sign, pushback", [
    # (fresh264) were the bath answer, the walking answer, what the pop is and the pop coming back
    ("en-GB", "it feels a bit funny down below when I wipe", "I'm not sitting in A&E for eight hours for that"),
    ("en-US", "I fell off a ladder cleaning the gutters yesterday", "it was yesterday though, and I'm walking fine"),
    ("en-US", "my upper back's sore and my chest feels kinda tight", "it's heartburn, I get it all the time"),
    ("en-CA", "my back hurts and my chest feels tight", "I'd rather wait and see how it is tomorrow"),
])
def test_pushing_back_on_emergency_advice_gets_the_advice_again(locale, sign, pushback):
    reply = said(remembered(locale, sign).say(pushback))
    assert "A little earlier you told me about a warning sign" in reply and " now" in reply, reply  # (safety.toml warned_again texts)
    assert not any(topic in reply for topic in ("warm bath", "Light, regular movement", "The pop isn't bones", "After a pop")), reply


@pytest.mark.parametrize("locale, words", [
    # (fresh264) was a stretch offered for "the back"
    ("en-GB", "hello? is this the back thing"),
    ("en-GB", "is this the one that does stretches"),
    # (fresh264) was the symptom check started
    ("en-AU", "what's the go with this"),
])
def test_a_first_try_naming_the_skill_loosely_gets_what_it_does(locale, words):
    reply = said(opened(locale).say(words))
    assert reply.startswith(content.for_locale(locale).text("basics.help")[:30]), reply
