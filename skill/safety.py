"""Red flags: detection, urgency levels, and the rule that warnings come first.

The rule, in one place:
- the first response of every session starts with the warning (`WarningFirst`, a response
  interceptor, so no handler can put guidance before it); a first-time user also hears the
  intro once;
- a red flag in any slot of any request (`DetectRedFlag`, a request interceptor) is answered
  by `RedFlagReported`, the first handler in dispatch order: advice at its level, a running
  routine stopped, no stretch offered;
- the error apology carries the warning too (see basics.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from ask_sdk_core.dispatch_components import (
    AbstractRequestHandler,
    AbstractRequestInterceptor,
    AbstractResponseInterceptor,
)
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_model.ui import SimpleCard
from xml.sax.saxutils import escape

from . import content, session
from .speech import Reply, render

EMERGENCY, RIGHT_AWAY, URGENT, SOON = "emergency", "right_away", "urgent", "soon"
LEVEL_ORDER = (EMERGENCY, RIGHT_AWAY, URGENT, SOON)
PRE_EMPTING = (EMERGENCY, RIGHT_AWAY, URGENT)  # SOON is advice alongside self-care, not a stop

SYMPTOM_LEVELS: dict[str, str] = {
    "saddle_numbness": EMERGENCY,
    "bladder_bowel": EMERGENCY,
    "both_legs": EMERGENCY,
    "serious_fall": EMERGENCY,
    "chest_pain": EMERGENCY,
    "limb_numbness": RIGHT_AWAY,
    "fever": URGENT,
    "weight_loss": URGENT,
    "sudden_severe": URGENT,
    "night_pain": URGENT,
    "lasting": SOON,
    "daily_life": SOON,
}

# Intents whose meaning is itself a red flag, and free-text intents whose carrier words matter:
# Alexa sends only the slot ("off a ladder"), so the carrier ("i fell") is put back before reading.
INTENT_SYMPTOMS: dict[str, str] = {"InjuryIntent": "serious_fall"}
FREE_TEXT_CARRIERS: dict[str, str] = {"QuestionIntent": "", "CannotIntent": "i can't", "InjuryIntent": "i fell"}

# Words people use, most serious first; the first pattern that matches names the symptom.
_NUMB = r"(numb|tingl|pins and needles|no feeling|can'?t feel|cannot feel|lost feeling)"
_PATTERNS: list[tuple[str, str]] = [
    ("saddle_numbness", rf"{_NUMB}.*\b(groin|genital|privates?|private parts|crotch|buttocks?|bum|butt|bottom|inner thighs?|back passage|saddle|anus|wiping)"),
    ("saddle_numbness", rf"\b(groin|genital|privates?|crotch|buttocks?|bum|butt|bottom|inner thighs?|back passage|saddle)\b.*{_NUMB}"),
    ("saddle_numbness", r"(feels? different|can'?t feel).*wip(e|ing)"),
    ("bladder_bowel", r"\b(wet|peed|pissed|soiled|pooed|pooped|messed) (myself|my (pants|bed|trousers))"),
    ("bladder_bowel", r"(can'?t|cannot|trouble|hard to|unable to|struggling to|difficulty) (start |stop |control )?(pee|peeing|wee|weeing|urinat|go to the (toilet|bathroom))"),
    ("bladder_bowel", r"\b(incontinen|bladder|bowel|leaking (urine|pee)|lost control|pee|peeing|urine|urinating|weeing)"),
    ("both_legs", r"\bboth (of my )?legs\b|\blegs (are|feel|went|have gone|gone|keep) .*(numb|weak|tingl|dead|giving)|\bmy legs\b.*\b(numb|weak|tingl|giving way|gave way)"),
    ("both_legs", r"(can'?t|cannot|trouble|hard to|struggling to|unable to|difficulty) (walk|stand up)|legs? (giving|gave) way|leg weakness.*(worse|severe)|(severe|worsening) leg weakness"),
    ("serious_fall", r"\b(fell|fall(en)?|falling|tripped|slipped)\b(?! (a )?(asleep|disc|disk))|\b(accident|crash|collision|hit by|knocked (over|down)|injur|trauma|whiplash|ladder|down the stairs|off (a|the|my) (roof|bike|horse|chair|bed|wall|trampoline))"),
    ("chest_pain", r"chest (pain|hurts|is hurting|ache|aches|pressure|is tight and|tightness)|pain (in|across) my chest|heart (attack|pain)"),
    ("both_legs", r"\bfeel (my |in my )?(legs|feet)\b"),
    ("limb_numbness", rf"{_NUMB}|\bfeel (my |in my )?(leg|foot|arm|arms|hand|hands|toes)\b|dead (leg|arm|foot)|\bweak(ness)? (in )?(my )?(leg|arm|foot|hand|knee)|\b(leg|arm|foot|hand)s? (is|are|feels?|went|gone) weak|sciatica|shooting (pain )?down my (leg|arm)"),
    ("fever", r"\b(fever|feverish|high temperature|a temperature|chills|shivering|shivers|night sweats|feel(ing)? (unwell|ill|sick|poorly|rough)|unwell|the flu)\b"),
    ("weight_loss", r"(weight loss|losing weight|lost (a lot of |some )?weight|cancer|tumou?r|chemo)"),
    ("sudden_severe", r"\b(sudden(ly)?|severe|excruciating|unbearable|agony|agonising|agonizing|worst pain|really bad pain|terrible pain|can'?t move)"),
    ("night_pain", r"(at night|wakes me|waking me|worse (when )?lying|lying down doesn'?t|doesn'?t ease|won'?t ease|never eases|constant|all the time|non ?stop)"),
    ("lasting", r"((pain|hurt|ache|aching|sore|stiff)\w*.*\b(weeks|months|a month)\b|\b(weeks|months)\b.*(pain|hurt|ache|aching|sore|stiff)|getting worse|worse and worse|not getting better|isn'?t getting better|not improving|won'?t go away|keeps coming back)"),
    ("daily_life", r"(can'?t (work|sleep|get out of bed|do anything|function)|daily life|stops me|keeps me from|affecting my life)"),
]
_COMPILED = [(sid, re.compile(p)) for sid, p in _PATTERNS]
_NEGATION = re.compile(r"\b(no|not|don'?t have|do not have|haven'?t (got|had)|without|never|isn'?t|aren'?t|wasn'?t|didn'?t)\b[\w' ]{0,20}$")


def detect(text: str | None) -> str | None:
    """The most serious red-flag symptom a person's words describe, or None.

    Plain negations ("no numbness", "I don't have a fever") do not count.
    """
    if not text:
        return None
    words = " ".join(re.sub(r"[^a-z' ]", " ", text.lower().replace("’", "'")).split())
    for symptom_id, pattern in _COMPILED:
        for match in pattern.finditer(words):
            if not _NEGATION.search(words[: match.start()][-30:]):
                return symptom_id
    return None


def level_of(symptom_id: str | None) -> str | None:
    return SYMPTOM_LEVELS.get(symptom_id or "")


def most_serious(symptom_ids: Iterable[str | None]) -> str | None:
    found = [s for s in symptom_ids if s in SYMPTOM_LEVELS]
    return min(found, key=lambda s: LEVEL_ORDER.index(SYMPTOM_LEVELS[s]), default=None)


@dataclass(frozen=True)
class SlotReading:
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


def red_flag_in_request(handler_input: HandlerInput) -> str | None:
    """The most serious red flag in any slot: a matched symptom id, or the words themselves."""
    intent = getattr(handler_input.request_envelope.request, "intent", None)
    name = intent.name if intent else None
    found: list[str | None] = [INTENT_SYMPTOMS.get(name or "")]
    for reading in read_slots(handler_input):
        if reading.resolved_id in SYMPTOM_LEVELS:
            found.append(reading.resolved_id)
        carrier = FREE_TEXT_CARRIERS.get(name or "", "") if reading.name == "query" else ""
        found.append(detect(f"{carrier} {reading.spoken}"))
    return most_serious(found)


def advice(handler_input: HandlerInput, symptom_id: str, *, unsure: bool = False) -> Reply:
    """Advice at the symptom's level; the session closes so nothing else follows it."""
    text = content.for_locale(handler_input.request_envelope.request.locale)
    level = SYMPTOM_LEVELS[symptom_id]
    lead = text.text("symptoms.unsure_lead") if unsure else text.text(
        "symptoms.heard", symptom=text.text(f"safety.names.{symptom_id}"))
    parts = [lead, text.text(f"safety.levels.{level}")]
    if level == URGENT:
        parts.append(text.text("safety.caveat"))
    return Reply(parts, end_session=True, card_title=text.text("cards.red_flag"), is_red_flag_advice=True)


class DetectRedFlag(AbstractRequestInterceptor):
    """Before any handler runs: note a red flag reported in any slot."""

    def process(self, handler_input: HandlerInput) -> None:
        symptom = red_flag_in_request(handler_input)
        if symptom and SYMPTOM_LEVELS[symptom] in PRE_EMPTING:
            handler_input.attributes_manager.request_attributes["red_flag"] = symptom


class RedFlagReported(AbstractRequestHandler):
    """A red flag, reported anywhere, pre-empts everything: advice, routine stopped, no stretch."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return "red_flag" in handler_input.attributes_manager.request_attributes

    def handle(self, handler_input: HandlerInput) -> Response:
        symptom = handler_input.attributes_manager.request_attributes["red_flag"]
        session.stop_everything(handler_input)
        return render(handler_input, advice(handler_input, symptom))


def warning_ssml(locale: str | None, *, with_intro: bool) -> tuple[str, str]:
    """The warning (and the one-time intro) as SSML and as card text."""
    text = content.for_locale(locale)
    words = [text.text("safety.warning")]
    if with_intro:
        words.append(text.text("safety.intro"))
    return " ".join(escape(w) for w in words), " ".join(words)


class WarningFirst(AbstractResponseInterceptor):
    """The first response of every session starts with the red-flag warning, whatever opens it."""

    def process(self, handler_input: HandlerInput, response: Response | None) -> None:
        envelope = handler_input.request_envelope
        if response is None or envelope.session is None or not envelope.session.new:
            return
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
RESPONSE_INTERCEPTORS = (WarningFirst(),)
