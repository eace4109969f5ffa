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
from typing import Iterable

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
INTENT_SYMPTOMS: dict[str, str] = {
    "InjuryIntent": "serious_fall", "ChestPainIntent": "chest_pain", "SeverePainIntent": "sudden_severe",
    "FeverIntent": "fever",
}
FREE_TEXT_CARRIERS: dict[str, str] = {
    "QuestionIntent": "", "CannotIntent": "i can't", "InjuryIntent": "i fell", "NumbnessIntent": "numbness",
    "PainIntent": "pain", "TroubleIntent": "trouble", "ChestPainIntent": "chest pain",
    "SeverePainIntent": "severe pain", "FeverIntent": "fever",
}

# Words people use, most serious first; the first pattern that matches names the symptom.
_NUMB = r"(numb|tingl|pins and needles|no feeling|no sensation|can'?t feel|cannot feel|lost feeling|loss of feeling)"
_SADDLE = (r"(groin|genital|privates?|private parts|crotch|buttocks?|bum|butt|bottom|inner thighs?|back passage|"
           r"saddle|anus|between my legs|down there)")
_CANT = r"(can'?t|cannot|trouble|hard to|unable to|struggling to|struggle to|difficulty|problems?)"
_LEGS = r"(legs|feet|both legs|both feet|both my legs)"
_PATTERNS: list[tuple[str, str]] = [
    ("saddle_numbness", rf"{_NUMB}.*\b{_SADDLE}|\b{_SADDLE}\b.*{_NUMB}|(feels? different|{_NUMB}).*\bwip(e|ing)\b"),
    ("bladder_bowel", r"\b(haven'?t|have not|can'?t|couldn'?t|didn'?t|not) (been able to )?(pee|peed|wee|weed|urinate|urinated)\b|"
                      r"\bno (bladder |bowel )?control\b|\bno control (of|over)\b|\blost control\b|\bwet the bed\b"),
    ("bladder_bowel", r"\b(wet|wetting|peed|peeing|pissed|soiled|pooed|pooped|messed) (myself|my (pants|bed|trousers|self))"),
    ("bladder_bowel", rf"{_CANT} (start |stop |control |hold )?(my )?(pee|peeing|wee|weeing|urinat|poo|pooing|go(ing)? to the (toilet|bathroom|loo))"),
    ("bladder_bowel", r"\b(incontinen\w*|bladder|bowels?|urinary|urine|urinating|pee|peeing|leaking (wee|pee))\b"),
    ("both_legs", rf"\bboth (of )?(my )?(legs|feet)\b|\blegs? (gave|give|giving) (out|way)|legs feel like jelly|jelly legs|\b{_LEGS}\b.*\b(numb|weak|tingl|dead|giving way|give way|gave way|gone)|"
                  rf"{_NUMB}\w*( and tingling| and weakness)? (in )?(both |my |both my )?{_LEGS}\b|\bweak(ness)? (in )?(my )?{_LEGS}\b"),
    ("both_legs", rf"{_CANT} (walk|walking|stand|standing|stand up|getting up)\b|legs? (giving|gave|give) way|"
                  r"leg weakness.*(worse|severe)|\b(severe|worsening)\b.*\bleg weakness|\bfeel (my |in my )?(legs|feet)\b"),
    ("serious_fall", r"\b(fell|fall(en)?|falling|tripped|slipped)\b(?! (a )?(asleep|disc|disk))|"
                     r"\b(accident|crash|collision|hit by|knocked (over|down)|whiplash|ladder|down the stairs|"
                     r"off (a|the|my) (roof|bike|horse|chair|bed|wall|trampoline))"),
    ("chest_pain", r"chest (pain|hurts|is hurting|ache|aches|pressure|tightness)|(pain|pressure|tightness) (in|across) (my )?chest|"
                   r"heart (attack|pain|hurts)|my heart is hurting|(spreads?|radiat\w*|goes|moves|moving) (in)?to (my )?chest|"
                   r"(pain|hurt|ache|pressure|tight)\w*\b.*\bin my chest\b|arms? hurts?.*chest|chest is tight and|"
                   r"chest (feels )?heavy|heaviness in (my )?chest"),
    ("limb_numbness", rf"{_NUMB}|\bfeel (my |in my )?(leg|foot|arm|arms|hand|hands|toes)\b|dead (leg|arm|foot)|"
                      r"\bweak(ness)? (in )?(one |my |a )?(leg|arm|foot|hand|knee)|\b(leg|arm|foot|hand) weakness|"
                      r"\b(leg|arm|foot|hand)s? (is|are|feels?|went|gone) weak|foot drop|foot (keeps )?dragg\w*|sciatica|"
                      r"(pain|shooting|radiat\w*)( pain)? down (my|the|one) (leg|arm)"),
    ("fever", r"\b(fever|feverish|high temperature|raised temperature|a temperature|chills|shivering|shivery|shivers|"
              r"night sweats|sweats|feel(ing)? (really |very |so )?(unwell|ill|sick|poorly|rough)|unwell|flu|under the weather|"
              r"(don'?t|do not|not) feel(ing)? (well|good|right))\b"),
    ("weight_loss", r"(weight loss|losing weight|lost (a lot of |some )?weight|weight (dropping|falling) off|cancer|tumou?r|chemo)"),
    ("sudden_severe", r"\b(sudden(ly)?|severe|excruciating|unbearable|agony|agonising|agonizing|crippling|worst pain|"
                      r"(really bad|terrible|horrible|intense|extreme|awful) pain|can'?t move|worst (it'?s|it has) ever been|worst ever)"),
    ("night_pain", r"(at night|all night|every night|night pain|wakes me|waking me|worse (when )?lying|lying down doesn'?t|"
                   r"doesn'?t ease|won'?t ease|never eases|pain at rest|when i'?m resting|keeps me (awake|up)|"
                   r"(hurts?|pain|aches?)\w*.*when i (lie|lay) down|(pain|hurts?|aches?)\w*.*\b(constant|constantly|all the time|non ?stop)\b|"
                   r"\bconstant( back)? (pain|ache)|\bnon ?stop( back)? pain|^(all the time|constantly|non ?stop)$)"),
    ("lasting", r"((pain|hurt|ache|aching|sore|stiff)\w*.*\b(weeks|months|a month)\b|\b(weeks|months)\b.*(pain|hurt|ache|aching|sore|stiff)|"
                r"getting worse|worse and worse|(not|isn'?t|aren'?t|never) getting (any )?better|not improving|won'?t go away|"
                r"never goes away|keeps coming back|chronic|long term|persistent|going on for (weeks|months))"),
    ("daily_life", r"((can'?t|cannot|trouble|hard to) (work|sleep|sleeping|get out of bed|getting out of bed|do anything|function)|"
                   r"daily life|stops me|keeps me from|affect(s|ing) my (life|work|sleep))"),
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
RESPONSE_INTERCEPTORS = (WarningFirst(),)
