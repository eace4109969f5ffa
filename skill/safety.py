"""Red flags: detection, urgency levels, and the rule that warnings come first.

The rule, in one place:
- the first response of every session starts with the warning (`WarningFirst`, a response
  interceptor, so no handler can put guidance before it); a first-time user also hears the
  intro once;
- a red flag in any slot of any request (`DetectRedFlag`, a request interceptor) is answered
  by `RedFlagReported`, the first handler in dispatch order: advice at its level, a running
  routine stopped, no stretch offered;
- the advice closes the session; for an hour, a stretch asked for or started in a new session
  gets the warning again (`NoStretchAfterWarning`; the record keeps when, never the sign);
- the error apology carries the warning too (see basics.py).
"""
from __future__ import annotations

import re
import time
from functools import lru_cache
from typing import NamedTuple

from ask_sdk_core.dispatch_components import (
    AbstractRequestHandler,
    AbstractRequestInterceptor,
    AbstractResponseInterceptor,
)
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_model.ui import SimpleCard

from . import carriers, content, prefilter, screen, session, topics
from .screen import Finding
from .speech import Reply, escape, question, render

# Levels and symptoms live in screen.py; they are re-exported here, where the rule is.
EMERGENCY, RIGHT_AWAY, URGENT, SOON = screen.EMERGENCY, screen.RIGHT_AWAY, screen.URGENT, screen.SOON
LEVEL_ORDER, PRE_EMPTING, SYMPTOM_LEVELS = screen.LEVEL_ORDER, screen.PRE_EMPTING, screen.SYMPTOM_LEVELS
level_of = screen.level_of
STRETCH_INTENTS = ("ChooseStretchIntent", "GuideStretchIntent", "StartRoutineIntent")
CARRY_ON_INTENTS = ("AMAZON.NextIntent", "AMAZON.ResumeIntent", "SkipStretchIntent", "AMAZON.StartOverIntent")  # a routine the advice stopped, asked to go on (or begun again)
STRETCH_TOPICS = frozenset({"stretch", "routine", "guide", "another_stretch", "pop_how"})  # free words routed to a stretch (or to making it pop)
PROFESSIONAL_TOPICS = frozenset({"professional_choice", "physio", "chiropractor"})  # whom to see, asked (SoonAdviceAgain)
# questions about the pop itself (not how to make it pop, nor one just noted)
POP_QUESTIONS = frozenset({"pop_what", "pop_wont", "pop_again", "pop_last", "pop_stopped", "crack_harmful",
                           "crack_arthritis", "crack_daily"})
WARNED_FOR_SECONDS = 3600  # an hour: long enough for "should he stretch it out?" after the call, not all day


class _Words(NamedTuple):
    stretch: re.Pattern[str]
    someone_else: re.Pattern[str]
    about_advice: prefilter.Gated  # (long lists of phrasings: searched only where one can begin)
    own: re.Pattern[str]
    about_them: re.Pattern[str]
    cleared: re.Pattern[str]
    lesser: re.Pattern[str]
    own_check: re.Pattern[str]
    not_mine: re.Pattern[str]
    no_stretch: re.Pattern[str]
    theirs_too: re.Pattern[str]  # someone_else, and "we": a stretch asked for with them (_stretch_for_them)
    both_now: re.Pattern[str]  # the other leg too, just after advice for one (_worse_than_warned)
    both_if: re.Pattern[str]  # ... or asked what if it spreads there
    pop_during: re.Pattern[str]  # a pop during a stretch, asked about (no stretch asked for)
    of_any: re.Pattern[str]  # "a fever" in the check's samples: asked of any fever (finding_in)
    handled: re.Pattern[str]  # someone else's emergency told as in hand (NoStretchAfterWarning)
    again: re.Pattern[str]  # the advice asked for again ("pardon? what did you say I should do?")
    people: re.Pattern[str]  # "my mother's", "our son": someone else, though said with "my" (_stretch_for_them)
    what_if_so: re.Pattern[str]  # just after a "what if" answered: it is so ("actually they have been", _what_if_so)
    what_if_hedged: re.Pattern[str]  # ... said with a hedge ("kind of", "I think")
    asked_by_them: re.Pattern[str]  # "can she at least do the cat cow with me": the stretch asked for them (_stretch_for_them)
    repeat_asked: re.Pattern[str]  # "please repeat, I could not hear" as the session the advice closed opens
    which_service: re.Pattern[str]  # "is it 111 or my GP?": which of the services the advice named (its level again)


@lru_cache(maxsize=None)
def _words(locale: str | None) -> _Words:
    """safety.toml's `words`, compiled once a locale."""
    data = content.joined(locale if locale in content.LOCALES else content.DEFAULT_LOCALE, "safety").get("words", {})
    def words(*keys: str) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(p for key in keys for p in data[key]) + r")\b")

    return _Words(words("stretch"), words("someone_else"), prefilter.Gated(words("call", "pushback")), words("own"),
                  re.compile("|".join(data["about_them"])), words("cleared"), words("lesser"), words("own_check"),
                  words("not_mine"), words("no_stretch"), words("someone_else", "with_them"), words("both_now"), words("both_if"), words("pop_during"),
                  re.compile("|".join(data["of_any"])), words("handled"), words("again"),
                  re.compile(r"\b(?:my|our|me|mi)(?: (?:" + "|".join(data["people_said_with"]) + r"))? (?:"
                             + "|".join(data["people"]) + r")(?:'s|s'|s)?\b"),
                  words("what_if_so"), words("what_if_hedged"), words("asked_by_them"), words("repeat_asked"),
                  words("which_service"))


CHECK_INTENT = "CheckSymptomsIntent"  # whose samples name a sign ("should I worry about {symptom}")


class SlotReading(NamedTuple):
    name: str
    spoken: str | None
    resolved_id: str | None


def read_slots(handler_input: HandlerInput) -> list[SlotReading]:
    """Every filled slot of an intent request: spoken words and the matched value id."""
    request = handler_input.request_envelope.request
    intent = getattr(request, "intent", None)
    readings: list[SlotReading] = []
    for name, slot in ((intent.slots or {}) if intent else {}).items():
        if slot is None or not slot.value:
            continue
        resolved = None
        for authority in (getattr(slot.resolutions, "resolutions_per_authority", None) or []):
            code = getattr(getattr(authority.status, "code", None), "value", None)
            if code == "ER_SUCCESS_MATCH" and authority.values:
                resolved = authority.values[0].value.id
                break
        readings.append(SlotReading(name, slot.value, resolved))
    return readings


def said_in(locale: str | None, intent_name: str | None, readings: list[SlotReading]) -> list[str]:
    """Every piece of a person's words in a request's slots; a free-text intent's carrier put
    back (also when its sample had no slot: "i fell off a ladder" is InjuryIntent's "i fell")."""
    texts = [reading.spoken or "" for reading in readings if reading.name != "query"]
    query = next((r.spoken for r in readings if r.name == "query"), None)
    if intent_name is not None and intent_name in carriers.table(locale):  # (a launch reads no word lists)
        texts.append(carriers.said(locale, intent_name, query))
    elif query:  # the words after a command ("skip the stretches {query}"), as said
        texts.append(query)
    return texts


def finding_in(locale: str | None, intent_name: str | None, readings: list[SlotReading], *,
               in_check: bool = False, check_other: bool = False, texts: list[str] | None = None) -> Finding | None:
    """The most serious sign in a request: in any slot's words, or a slot value's own meaning.
    `in_check`: the words answer a check question, so an answer that opens with "he" or "she"
    is about the person the check is for (screen's `theirs_known`); with `check_other` (the
    check is for someone else), so is any Alexa hands over as someone else's ("she's got a
    fever": SomeoneElseIntent's "someone else got a fever"). `texts`: said_in's, when already read."""
    texts = said_in(locale, intent_name, readings) if texts is None else texts
    known = in_check and ((check_other and intent_name == "SomeoneElseIntent")
                          or any(_words(locale).about_them.match((text or "").lower()) for text in texts))
    found = [screen.screen(texts, locale, theirs_known=known)]
    for reading in readings:
        if reading.resolved_id in SYMPTOM_LEVELS and not screen.mentions(reading.spoken, locale):
            # a slot value Alexa matched that the words alone do not name: it counts, unless denied
            if not screen.denied_words(reading.spoken, locale):
                found.append(Finding(reading.resolved_id, words=reading.spoken or ""))
    found = [f for f in found if f]
    named = [r.spoken.lower() for r in readings if r.name == "symptom" and r.spoken]
    if intent_name == CHECK_INTENT and named and all(_words(locale).of_any.match(words) for words in named):
        found = [f._replace(status=screen.HYPOTHETICAL) if f.status == screen.PRESENT else f for f in found]
    return min(found, key=Finding.rank, default=None)


def _intent_name(handler_input: HandlerInput) -> str | None:
    intent = getattr(handler_input.request_envelope.request, "intent", None)
    return intent.name if intent else None


def said_in_request(handler_input: HandlerInput) -> list[str]:
    """The request's words (said_in), read once a request: the screen, the pieces kept across
    turns, the stretch held back after advice and the check's answers all read them. Kept with
    the intent and slots they were read from: where a later interceptor reads the request as a
    plain intent (basics.SaidPlainly: "yeah, go on" is YesIntent), both are replaced and the
    words are read again."""
    request = handler_input.request_envelope.request
    intent = getattr(request, "intent", None)
    name, slots = (intent.name, intent.slots) if intent else (None, None)
    attrs = handler_input.attributes_manager.request_attributes
    kept = attrs.get("said")
    if kept is None or kept[0] != name or kept[1] is not slots:
        kept = attrs["said"] = (name, slots, said_in(request.locale, name, read_slots(handler_input)))
    return kept[2]


def finding_in_request(handler_input: HandlerInput) -> Finding | None:
    state = session.turn(handler_input)
    return finding_in(handler_input.request_envelope.request.locale, _intent_name(handler_input),
                      read_slots(handler_input), in_check=state.asked_triage is not None, check_other=state.check_other,
                      texts=said_in_request(handler_input))


def for_someone_else(handler_input: HandlerInput) -> bool:
    """The request speaks of someone else ("check my dad's symptoms", "can you check his"), and
    does not ask for the speaker's own check ("my wife thinks I should see a doctor, can you check
    my symptoms?": safety.toml's `own_check`)."""
    said = " ".join(said_in_request(handler_input)).lower()
    locale = handler_input.request_envelope.request.locale
    if _intent_name(handler_input) == "CheckSymptomsIntent" and said:
        said = f"my {said}"  # "check symptoms for my {query}": the query is whose ("mate dave"; "back" is nobody's)
    if _words(locale).own_check.search(said) is not None:
        return False
    return _intent_name(handler_input) == "SomeoneElseIntent" or (
        bool(said) and (_words(locale).someone_else.search(said) is not None or screen.names_someone_else(said, locale)))


def advice(handler_input: HandlerInput, finding: Finding | str, *, unsure: bool = False, name: str | None = None) -> Reply:
    """Advice at the sign's level, worded for how sure the person is and for whom; the session
    closes so nothing else follows it. A hypothetical sign gets information instead (open)."""
    finding = Finding(finding) if isinstance(finding, str) else finding
    if unsure and finding.status == screen.PRESENT:
        finding = Finding(finding.symptom, screen.POSSIBLE, finding.who, finding.words)
    text = content.for_locale(handler_input.request_envelope.request.locale)
    name = name or text.text(f"safety.names.{finding.symptom}")
    title = text.text("cards.red_flag")
    if finding.status == screen.HYPOTHETICAL:
        session.turn(handler_input).pending = "check"
        session.turn(handler_input).what_if = finding.symptom if finding.who != "other" else None
        offer = text.text("symptoms.offer_check")
        return question(text.text(f"safety.if_it_happens.{finding.level}", symptom=name), offer, reprompt=offer, title=title)
    standing = more_serious_standing(handler_input, finding)
    if standing is not None:  # ("both legs went numb" and 999 earlier, "just pins and needles" now: 999 stands)
        return advice_standing(handler_input.request_envelope.request.locale, standing)
    if finding.level in PRE_EMPTING:
        remember_warning(handler_input, finding)
    if finding.who == "other":
        parts = [text.text("safety.for_someone", symptom=name), text.text(f"safety.levels_other.{finding.level}")]
    elif finding.status == screen.POSSIBLE:
        parts = [text.text("safety.possible", symptom=name), text.text(f"safety.if_it_might_be.{finding.level}")]
    else:
        parts = [text.text("symptoms.heard", symptom=name), text.text(f"safety.levels.{finding.level}")]
    return Reply(parts, end_session=True, card_title=title, is_red_flag_advice=True)


def remember_warning(handler_input: HandlerInput, finding: Finding) -> None:
    """Keep, for `WARNED_FOR_SECONDS`, that red-flag advice was given (when, whether for someone
    else, whether it said to call the emergency number now, and its level; never the sign). The advice closes
    the session; a stretch asked for in the next one, or "I'm not going to the ER", or "should I
    just ring 111?", gets the warning again at that urgency (`NoStretchAfterWarning`)."""
    record = session.user_record(handler_input)
    record.warned = {"at": time.time(), "other": finding.who == "other", "now": finding.level == screen.EMERGENCY,
                     "level": finding.level}
    session.save_user_record(handler_input, record)


def asks_for_stretch(said: str, locale: str | None) -> bool:
    """The words ask for a stretch ("can you at least give me one stretch for the leg"; safety.toml
    `stretch`), and do not say one is not wanted ("not doing stretches now": `no_stretch`)."""
    return bool(said) and _words(locale).stretch.search(said) is not None and not _words(locale).no_stretch.search(said)


def _about_advice(said: str, locale: str | None) -> bool:
    """Words about whom to call, or pushing back on advice ("should I just ring 111?", "stop going
    on about 999"); no words, as at a launch, are neither (and safety.toml is not read for them)."""
    return bool(said) and _words(locale).about_advice.search(said) is not None


def _names_lesser(said: str, locale: str | None) -> bool:
    """The words name a service that is not the emergency number (safety.toml `lesser`)."""
    return bool(said) and _words(locale).lesser.search(said) is not None


def pushes_back(handler_input: HandlerInput) -> bool:
    """The words push back on advice given a little earlier ("stop going on about 999"), or, after
    advice to call the emergency number now, name a lesser service ("I'll ring 111 then?"), so they
    are not read as a plain goodbye: the advice is said again (`NoStretchAfterWarning`)."""
    said = " ".join(said_in_request(handler_input)).lower()
    locale = handler_input.request_envelope.request.locale
    if not said:
        return False
    if _about_advice(said, locale):
        return recent_warning(handler_input) is not None
    if not _names_lesser(said, locale):
        return False
    warned = recent_warning(handler_input)
    return warned is not None and bool(warned.get("now"))


def _in_hand(handler_input: HandlerInput) -> None:
    """Someone else's emergency told as taken in hand: the speaker's own stretch may go on from now."""
    warned = recent_warning(handler_input)
    if warned is None or not warned.get("other") or not warned.get("now") or warned.get("in_hand"):
        return
    record = session.user_record(handler_input)
    record.warned = {**warned, "in_hand": True}
    session.save_user_record(handler_input, record)


def forget_warning(handler_input: HandlerInput) -> None:
    """The advice given was followed: the person was seen since and told it's fine."""
    record = session.user_record(handler_input)
    record.warned = None
    session.save_user_record(handler_input, record)


def recent_warning(handler_input: HandlerInput, now: float | None = None) -> dict | None:
    """That advice, if it was given less than `WARNED_FOR_SECONDS` ago; an older one is forgotten."""
    record = session.user_record(handler_input)
    warned = record.warned
    now = time.time() if now is None else now
    if warned and now - float(warned.get("at", 0)) > WARNED_FOR_SECONDS:
        forget_warning(handler_input)
        return None
    return warned or None


def stretches_held_back(handler_input: HandlerInput) -> bool:
    """Red-flag advice a little earlier holds the speaker's stretches back: their own sign, or
    someone else's emergency not yet said to be in hand (as NoStretchAfterWarning reads it)."""
    warned = recent_warning(handler_input)
    return warned is not None and (not warned.get("other") or (bool(warned.get("now")) and not warned.get("in_hand")))


# how many words either side of the stretch asked for may say whom it is for ("should he just stretch
# it out", "can you give him a stretch"); further off they are about something else ("I'll get him in
# to see a doctor today. Can I get a stretch for my own back?")
FOR_WHOM_WORDS = (6, 4)


def _nearest(pattern: re.Pattern[str], ahead: list[str], behind: list[str]) -> int | None:
    """How many words from the stretch asked for the nearest word of the pattern is, if any."""
    found = [n for n, word in enumerate(reversed(ahead), 1) if pattern.fullmatch(word.strip(",.?!"))]
    found += [n for n, word in enumerate(behind, 1) if pattern.fullmatch(word.strip(",.?!"))]
    return min(found, default=None)


def _stretch_for_them(said: str, locale: str | None, intent_name: str | None, *, together: bool = True) -> bool:
    """Words about someone else said with the stretch asked for (all the words when no stretch word
    is in them: a stretch asked for by the intent alone); in a turn Alexa hands over as someone
    else's ("she says it's just heartburn and wants a stretch instead"), any stretch not said with
    the speaker's own words ("can I have a stretch for my upper back?"). Where words about both are
    next to it, the nearer says whose ("my back is stiff from lifting him, can you give me one
    stretch?" is the speaker's; "give me a stretch for him" is a tie, so theirs); where neither is
    next to it, words only about them say theirs ("what can she do to ease it, like a stretch?")."""
    words = _words(locale)
    if words.asked_by_them.search(said) is not None:
        return True  # "but can she at least do the cat cow with me": she is the one to do it
    said = words.people.sub("them", said)  # ("one stretch for my mother's back": hers, not the speaker's "my")
    asked = words.stretch.search(said)
    if asked is not None:
        before, after = FOR_WHOM_WORDS
        ahead, behind = said[:asked.start()].split()[-before:], said[asked.end():].split()[:after]
        them = words.theirs_too if together else words.someone_else
        theirs, mine = _nearest(them, ahead, behind), _nearest(words.own, ahead, behind)
        if theirs is not None:  # "from lifting him, can you give me one stretch?": the nearer says whose (a tie: theirs)
            return mine is None or theirs <= mine
        if words.own.search(said) is None and words.someone_else.search(said) is not None:
            return True  # "what can she do to ease it in the meantime, like a stretch?": only they are spoken of
        said = " ".join(ahead + behind)
    elif words.someone_else.search(said) is not None:
        return True
    return intent_name == "SomeoneElseIntent" and words.own.search(said) is None


class NoStretchAfterWarning(AbstractResponseInterceptor):
    """A stretch asked for ("should he just stretch it out?", "something else instead"), one under
    way, or the routine the advice stopped asked to go on ("next", "skip this stretch"), a little
    after red-flag advice (which closed that session) gets the warning again instead, whatever the
    handler answered; so does a question about whom to call or what the advice means ("should I
    just ring 111 then?", "what does right away mean?") or pushing back ("it was only a little trip,
    are you sure?", "can it wait till Monday?"): the advice given stands, "call now" where it said
    so. Asked to repeat as the next session opens ("pardon? what number was that?"), the advice is
    said again at its level. Once they say they were seen and told it's fine, advice to see someone
    (never "call now") is forgotten."""

    def process(self, handler_input: HandlerInput, response: Response | None) -> None:
        attrs = handler_input.attributes_manager.request_attributes
        if response is None or attrs.get("red_flag_advice") or handler_input.request_envelope.session is None:
            return
        record = attrs.get("user")
        if record is not None and not record.warned:
            return  # no advice given (recent_warning would say None): nothing to hold back, the words unread
        locale = handler_input.request_envelope.request.locale
        # the words as said, also where basics.SaidPlainly read them as a plain intent ("yes, let's
        # keep going" is a yes, and still asks for the stretch to go on)
        said = " ".join((*said_in_request(handler_input), *attrs.get("plain_words", ()))).lower()
        called = bool(said) and _words(locale).handled.search(said) is not None
        if called:
            _in_hand(handler_input)  # ("my husband's calling 911 now. pause it": from now on, the speaker's own stretch)
        if said and self._cleared(handler_input, said, locale):
            return  # "the doc reckons it was just the flu": the advice was followed, this turn and after
        routed = attrs.get("routed")
        # (no words, as at a launch: neither pattern can match, and safety.toml is not read for them;
        # a question about the pop heard in a stretch, "why does it pop when I do cat cow?", asks none)
        about_pop = routed is not None and routed.topic in POP_QUESTIONS and _words(locale).pop_during.search(said) is not None
        asked = _intent_name(handler_input) in (*STRETCH_INTENTS, *CARRY_ON_INTENTS) or (  # (as SaidPlainly read it)
            asks_for_stretch(said, locale) and not about_pop) or (
            routed is not None and routed.topic in STRETCH_TOPICS)
        about = _about_advice(said, locale)  # whom to call, or pushing back
        # "I'm fine" (a no with nothing asked) opening the session just after advice to call now: the
        # advice again, never "go easy on that back, bye" (the words are not handed over to read)
        opening = not session.turn(handler_input).last_ssml  # the first turn of the session the advice closed
        about = about or (_intent_name(handler_input) == "AMAZON.NoIntent" and opening
                          and bool((recent_warning(handler_input) or {}).get("now")))
        not_mine = bool(said) and not asked and not about and _words(locale).not_mine.search(said) is not None
        calls = not asked and (about or not_mine)
        lesser = not asked and not calls and _names_lesser(said, locale)  # "I'll ring 111 then?"
        # "pardon? what number was that?" opening the session the advice closed, or the advice asked for
        # again in words ("what did you say I should do?", "today itself I should go?"): the advice again
        # (a question routed like a stretch's but asking none outright, "then what should we do", still asks the advice again)
        outright = _intent_name(handler_input) in (*STRETCH_INTENTS, *CARRY_ON_INTENTS) or asks_for_stretch(said, locale)
        repeat = (_intent_name(handler_input) == "AMAZON.RepeatIntent" and opening) or (
            bool(said) and not outright and _words(locale).again.search(said) is not None) or (  # ("what was the number again?")
            opening and bool(said) and not asked and _words(locale).repeat_asked.search(said) is not None)  # ("please repeat, I could not hear")
        # "is it 111 or my GP?" after advice naming them: the advice again (a lesser service named alone is what the advice said)
        which = bool(said) and not asked and _words(locale).which_service.search(said) is not None
        repeat = repeat or which
        # words not understood just after advice ("just the right one, the left is fine", "since Tuesday,
        # eh"): the advice again, never "sorry, I didn't catch that" alone
        unclear = bool(attrs.get("not_caught")) and not asked and not calls
        if not asked and not calls and not lesser and not repeat and not unclear and not self._stretch_begins(handler_input):
            return  # (a stretch offered after an answer to something else, or a step of one begun earlier, is left as it is)
        warned = recent_warning(handler_input)
        if warned is None or (lesser and not warned.get("now") and not unclear and not which) or (not_mine and warned.get("other")) or (
                lesser and warned.get("other") and _words(locale).own_check.search(said) is not None):
            return  # (a lesser service named after advice to see one is what the advice said, unless the words were not
            # understood: "so is it 111 I ring or what?" gets the advice again; "it's not me" after
            # advice for someone else says only that, and "what about me, do I need a doctor?" asks the speaker's own)
        said_as = attrs.get("plain_intent") or _intent_name(handler_input)  # ("she says ..., continue the stretch": hers)
        # ("can we try some stretching" takes them in; "can we keep going with the routine", the speaker's
        # own place kept, is the speaker's)
        together = session.user_record(handler_input).saved_place() is None
        # (someone else's emergency is the speaker's business too, until they say it is in hand: "my wife says
        # both her legs went numb ... okay but what's my next stretch" gets the call for her again)
        if warned.get("other") and (not warned.get("now") or warned.get("in_hand")) and not (
                about or lesser or repeat or unclear) and not _stretch_for_them(
                said, locale, said_as, together=together):
            return  # someone else's sign: their stretch is held back, not the speaker's own (pushing back gets their
            # advice again, also said with the speaker's own stretch: "she says she just needs to sit down, can you do my stretch")
        state = session.turn(handler_input)
        state.offer, state.routine, state.pending = {}, None, None
        session.place_as_found(handler_input)  # (a routine the handler began is not kept to offer later)
        response.reprompt, response.directives, response.card = None, None, None
        # (the same Response object, its speech and session flag replaced)
        render(handler_input, advice_standing(locale, warned, calls=calls, repeat=repeat or unclear, called=called and calls))

    @staticmethod
    def _cleared(handler_input: HandlerInput, said: str, locale: str | None) -> bool:
        """They say they were seen and told it's fine ("I saw the GP, she said it's fine to
        stretch"): advice to see someone, never to call now, is forgotten and the answer stands."""
        warned = recent_warning(handler_input)
        if warned is None or warned.get("now") or _words(locale).cleared.search(said) is None:
            return False
        forget_warning(handler_input)
        return True

    @staticmethod
    def _stretch_begins(handler_input: HandlerInput) -> bool:
        """A routine under way now that was not when the request came (advice given mid-routine
        stops it, so a routine begun earlier in this session began after any advice)."""
        if session.turn(handler_input).routine is None:
            return False
        kept = handler_input.request_envelope.session.attributes or {}
        return not (kept.get("turn") or {}).get("routine")


def advice_standing(locale: str | None, warned: dict, *, calls: bool = False, repeat: bool = False,
                    called: bool = False) -> Reply:
    """The advice given a little earlier, said to stand (`recent_warning`'s record: its level and
    whose, never the sign); `repeat`: said again as it was given; `called`: the call told as made
    ("I called 911, they're coming"), so the advice to follow, not the call to make."""
    text = content.for_locale(locale)
    key = "safety.earlier_call" if called else "safety.earlier_now" if warned.get("now") else \
        "safety.earlier_call" if calls else "safety.earlier"
    said_again = [text.text(key + "_other" if warned.get("other") else key)]
    if repeat and warned.get("level") in PRE_EMPTING:  # the advice as it was given, its sign unnamed (never kept)
        other = "_other" if warned.get("other") else ""
        said_again = [text.text("safety.repeated" + other), text.text(f"safety.levels{other}.{warned['level']}")]
    return Reply([text.text("safety.warning"), *said_again],
                 end_session=True, card_title=text.text("cards.red_flag"), is_red_flag_advice=True)


def more_serious_standing(handler_input: HandlerInput, finding: Finding) -> dict | None:
    """Advice a little earlier, for the same person, at a more serious level than a sign told now
    ("both legs went numb" and 999, then "it's probably just pins and needles, carry on"): that
    advice stands, never a lesser one in its place (the most serious wins, across the turns too)."""
    warned = recent_warning(handler_input)
    if (finding.status == screen.HYPOTHETICAL or warned is None or warned.get("level") not in PRE_EMPTING
            or bool(warned.get("other")) != (finding.who == "other")):
        return None
    return warned if LEVEL_ORDER.index(warned["level"]) < LEVEL_ORDER.index(finding.level) else None


class DetectRedFlag(AbstractRequestInterceptor):
    """Before any handler runs: note a warning sign reported in any slot (SOON signs are advice
    that other handlers give alongside their answer, so they are noted but do not pre-empt)."""

    def process(self, handler_input: HandlerInput) -> None:
        if not said_in_request(handler_input):  # (every filled slot's words are among them)
            handler_input.attributes_manager.request_attributes["finding"] = None
            return  # no words ("next", a launch): nothing to screen, nothing kept from earlier to complete
        finding = finding_in_request(handler_input)
        if finding is None or finding.level not in PRE_EMPTING:
            finding = _told_in_pieces(handler_input) or _worse_than_warned(handler_input) or _what_if_so(handler_input) or finding
        elif finding.level == screen.RIGHT_AWAY:  # "now the right leg also is tingling" after advice for the left
            finding = _worse_than_warned(handler_input) or finding
        attrs = handler_input.attributes_manager.request_attributes
        attrs["finding"] = finding
        if finding and finding.level in PRE_EMPTING:
            attrs["red_flag"] = finding


def _worse_than_warned(handler_input: HandlerInput) -> Finding | None:
    """Just after advice for one leg or arm (right away), "both, actually" or "the other one too
    now": both legs, an emergency, for whom the advice was (safety.toml `both_now`; the record keeps
    the level, never the sign, and one limb is the only sign at that level). "What if it spreads to
    both legs?" is that sign as a what-if (`both_if`): what to do if it happens."""
    if not session.user_record(handler_input).warned:
        return None  # no advice given: the words are not read for it (most turns)
    said, spoken = _said_and_spoken(handler_input)
    found = _words(handler_input.request_envelope.request.locale)
    status = screen.PRESENT if found.both_now.search(spoken) else screen.HYPOTHETICAL if found.both_if.search(spoken) else None
    if status is None:
        return None
    warned = recent_warning(handler_input)
    if not warned or warned.get("level") != screen.RIGHT_AWAY:
        return None
    return Finding("both_legs", status, "other" if warned.get("other") else "self", said)


def _said_and_spoken(handler_input: HandlerInput) -> tuple[str, str]:
    """The request's words, lowercase; and the same without commas or doubled spaces (for patterns)."""
    said = " ".join(text for text in said_in_request(handler_input) if text).lower()
    return said, " ".join(said.replace(",", " ").split())


def _what_if_so(handler_input: HandlerInput) -> Finding | None:
    """Just after a "what if" was answered ("what if my legs went numb?"), words that say it is so
    ("well actually they kind of have been, both of them, since this morning"; safety.toml
    `what_if_so`): that sign, the speaker's own now (a hedge makes it possible, never less)."""
    symptom = session.turn(handler_input).asked_what_if
    if symptom is None:
        return None
    said, spoken = _said_and_spoken(handler_input)
    found = _words(handler_input.request_envelope.request.locale)
    if not found.what_if_so.search(spoken):
        return None
    status = screen.POSSIBLE if found.what_if_hedged.search(spoken) else screen.PRESENT
    return Finding(symptom, status, "self", said)


def _told_in_pieces(handler_input: HandlerInput) -> Finding | None:
    """A sign told in two turns ("just a little fall" ... "oh, and I have osteoporosis"): the words
    kept from an earlier turn read with these (screen.told_in_pieces); these words' own piece kept
    for a later turn."""
    if handler_input.request_envelope.session is None:
        return None
    now = " ".join(text for text in said_in_request(handler_input) if text)
    if not now:
        return None
    locale = handler_input.request_envelope.request.locale
    state = session.turn(handler_input)
    earlier, state.told = state.told, screen.piece(now, locale) or state.told
    return screen.told_in_pieces(earlier, now, locale) if earlier else None


class RedFlagReported(AbstractRequestHandler):
    """A red flag, reported anywhere, pre-empts everything: advice, routine stopped, no stretch.
    Only "what if" questions keep the session: they are answered as information."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return "red_flag" in handler_input.attributes_manager.request_attributes

    def handle(self, handler_input: HandlerInput) -> Response:
        finding: Finding = handler_input.attributes_manager.request_attributes["red_flag"]
        if finding.status != screen.HYPOTHETICAL:  # the speaker's own place is kept for someone else's sign
            session.stop_everything(handler_input, keep_place=finding.who == "other")
        else:
            from .symptoms import in_triage, what_if  # (symptoms reads safety)

            if in_triage(handler_input):  # mid-check: what it would mean, then the question again
                return render(handler_input, what_if(handler_input, finding))
        return render(handler_input, advice(handler_input, finding))


def warning_ssml(locale: str | None, *, with_intro: bool) -> tuple[str, str]:
    """The warning (and the one-time intro) as SSML and as card text."""
    text = content.for_locale(locale)
    words = [text.text("safety.warning")]
    if with_intro:
        words.append(text.text("safety.intro"))
    return " ".join(escape(w) for w in words), " ".join(words)


class NoOfferAfterWarning(AbstractResponseInterceptor):
    """An answer that ends by offering a stretch ("... Want a gentle stretch?", "Shall I guide you
    through cat cow?") a little after red-flag advice that holds stretches back ends instead by
    asking what else they would like: no stretch is offered over a warning sign."""

    def process(self, handler_input: HandlerInput, response: Response | None) -> None:
        attrs = handler_input.attributes_manager.request_attributes
        reply: Reply | None = attrs.get("reply")
        if response is None or reply is None or attrs.get("red_flag_advice") or not reply.reprompt:
            return
        state = session.turn(handler_input)
        if state.pending not in ("stretch", "guide") or not reply.parts or reply.parts[-1] != reply.reprompt:
            return  # (no stretch offered, or not as the reply's last words)
        record = attrs.get("user")
        if (record is not None and not record.warned) or not stretches_held_back(handler_input):
            return
        instead = content.for_locale(handler_input.request_envelope.request.locale).text("safety.no_offer")
        state.pending, state.offer = None, {}
        render(handler_input, Reply([*reply.parts[:-1], instead], reprompt=instead, end_session=False,
                                    card_title=reply.card_title, directives=reply.directives))


class SoonAdviceAgain(AbstractResponseInterceptor):
    """Advice to book a doctor or physio soon (symptoms.soon_advice), asked for again later in that
    session and before another answer ("do I need to ring 111 then or what", "sorry, what should I do
    again", "is it my GP or 111?", "are you sure? it's only stiffness"): that advice again, with the
    stretch it allows offered, never the answer the words looked like ("again" is no pop coming back).
    Soon advice holds no stretch back, so a stretch asked for goes ahead; mid-routine or mid-check the
    words are the routine's or the check's."""

    def process(self, handler_input: HandlerInput, response: Response | None) -> None:
        attrs = handler_input.attributes_manager.request_attributes
        state = session.turn(handler_input)
        if response is None or not state.soon or attrs.get("red_flag_advice") or handler_input.request_envelope.session is None:
            return
        kept = (handler_input.request_envelope.session.attributes or {}).get("turn") or {}
        if not kept.get("soon") or kept.get("routine") or kept.get("triage_step") is not None:
            return  # (advice given this turn, or the words a routine's or the check's)
        locale = handler_input.request_envelope.request.locale
        said = " ".join((*said_in_request(handler_input), *attrs.get("plain_words", ()))).lower()
        words = _words(locale)
        which = bool(said) and words.which_service.search(said) is not None  # ("is it my GP or 111 then": the advice's services)
        if not said or asks_for_stretch(said, locale) or not (which or (
                (_about_advice(said, locale) or words.again.search(said)) and not _asks_whom_to_see(handler_input, said, locale))):
            if (state.topic and state.topic != kept.get("topic")) or state.routine is not None or state.triage_step is not None:
                state.soon = None  # another answer since: "tell me again" is about that now
            return
        text = content.for_locale(locale)
        theirs = state.soon == "other"
        ask = text.text("symptoms.soon_then_stretch")
        state.topic, state.routine, state.triage_step, state.triage_follow = kept.get("topic"), None, None, False
        state.pending, state.offer = "stretch", {}
        session.place_as_found(handler_input)
        response.reprompt, response.directives, response.card = None, None, None
        render(handler_input, Reply([text.text("safety.repeated_other" if theirs else "safety.repeated"),
                                     text.text("safety.levels_other.soon" if theirs else "safety.levels.soon"), ask],
                                    reprompt=ask, end_session=False, card_title=text.text("cards.symptoms")))


def _asks_whom_to_see(handler_input: HandlerInput, said: str, locale: str | None) -> bool:
    """ "Physio or chiropractor, who should I see?": which professional, a question of its own
    (answered by its topic), not the advice asked for again."""
    routed = handler_input.attributes_manager.request_attributes.get("routed") or topics.route(said, locale)
    return routed is not None and routed.topic in PROFESSIONAL_TOPICS


class WarningFirst(AbstractResponseInterceptor):
    """The first response of every session starts with the red-flag warning, whatever opens it."""

    def process(self, handler_input: HandlerInput, response: Response | None) -> None:
        envelope = handler_input.request_envelope
        if response is None or envelope.session is None or not envelope.session.new:
            return
        if getattr(envelope.request, "object_type", None) == "CanFulfillIntentRequest":
            return  # a name-free question only asks whether the skill can answer (canfulfill.py)
        if response.output_speech is None:
            return
        attrs = handler_input.attributes_manager.request_attributes
        if attrs.get("red_flag_advice"):
            return  # the response is itself the red-flag warning, at its level
        user = session.user_record(handler_input)
        ssml, card = warning_ssml(envelope.request.locale, with_intro=not user.intro_heard)
        if not user.intro_heard:
            user.intro_heard = True
            session.save_user_record(handler_input, user)
        body = response.output_speech.ssml or ""
        inner = body[len("<speak>"):-len("</speak>")] if body.startswith("<speak>") else body
        response.output_speech.ssml = f"<speak>{ssml} {inner}</speak>"
        if isinstance(response.card, SimpleCard):
            response.card.content = f"{card}\n\n{response.card.content or ''}".strip()
        else:
            response.card = SimpleCard(title="Back Pop Coach", content=card)


HANDLERS: tuple[AbstractRequestHandler, ...] = (RedFlagReported(),)
REQUEST_INTERCEPTORS = (DetectRedFlag(),)
RESPONSE_INTERCEPTORS = (NoStretchAfterWarning(), NoOfferAfterWarning(), SoonAdviceAgain(), WarningFirst())
