"""What the skill makes of a resolved request, for people reading the simulator: the red-flag
screen's finding, then the topic and the example it was routed by ("routed to topic X by example
Y"). The same functions the skill runs (safety.finding_in, topics.route), in the same order."""
from __future__ import annotations

from .. import carriers, safety, screen, topics
from .resolver import Resolution


def reading(locale: str, resolution: Resolution | None) -> str:
    """One line, or "" for a request that carries no words to read (a launch, "next", "yes")."""
    if resolution is None or resolution.kind != "intent" or not resolution.intent:
        return ""
    intent = resolution.intent
    readings = [safety.SlotReading(name, s.value, s.resolved_id) for name, s in resolution.slots.items() if s.value]
    by_intent = topics.intent_topics(locale)
    free = intent in carriers.table(locale)
    finding = safety.finding_in(locale, intent, readings)
    if finding is None and not free and intent not in by_intent:
        return ""
    parts = [f"red-flag screen: {_finding(finding)}"]
    if finding is not None and finding.level in screen.PRE_EMPTING and finding.status != screen.HYPOTHETICAL:
        parts.append("its advice comes first, nothing else")
    elif intent in by_intent:
        parts.append(f"topic {by_intent[intent]} (its own intent)")
    elif free and (plain := carriers.plainly(locale, intent, query := next((r.spoken for r in readings if r.name == "query"), None))):
        parts.append(f"the words read plainly as {plain.means}")  # ("okay okay": a yes; basics.SaidPlainly)
    elif free:
        said = carriers.said(locale, intent, query)
        instead = topics.asked_instead(said, locale)  # (as basics.answer_free_text reads it)
        routed = topics.route(instead or said, locale)
        if instead:
            parts.append(f'what is asked instead: "{instead}"')
        parts.append(f'routed to topic {routed.topic} by example "{routed.example}" ({routed.score:.2f})' if routed
                     else f'"{said}" is like no example: no topic')
    return "Skill reads: " + "; ".join(parts)


def _finding(finding: screen.Finding | None) -> str:
    if finding is None:
        return "nothing"
    who = ", someone else" if finding.who == "other" else ""
    return f"{finding.symptom} ({finding.level}, {finding.status}{who})"
