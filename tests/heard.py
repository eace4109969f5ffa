"""What kind of answer a person heard: the fixed openings of the skill's texts, found in a reply.

Shared by the tests that judge replies by what is spoken (test_acceptance.py through the real
virtual-alexa, test_topic_corpus.py through the model in process), so both read the same texts.
"""
from __future__ import annotations

from functools import lru_cache

from skill import content

# The actions a question can ask for, and the texts that open the skill's answer to each; every
# other topic is answered by its own text, topics.<topic> in content/<locale>/topics.toml.
ACTION_TEXTS = {
    "capabilities": ("basics.help",),
    "stretch": ("stretches.pick_offer",),
    "routine": ("guide.routine_intro", "guide.routine_intro_one"),
    "guide": ("guide.say_next",),
    "symptom_check": ("symptoms.start", "symptoms.start_other"),
    "stiffness": ("symptoms.not_red_flag",),
    "pop_noted": ("pops.timer.noted",),
}


def lead(text: content.Content, key: str) -> str:
    """The fixed opening of a content text (up to its first placeholder)."""
    node = text.raw(key)
    node = node["text"] if isinstance(node, dict) else node
    return (node[0] if isinstance(node, list) else node).split("{")[0].strip()


@lru_cache(maxsize=None)
def topic_leads(locale: str) -> dict[str, tuple[str, ...]]:
    """Each topic and action, with the openings of the texts that answer it."""
    text = content.for_locale(locale)
    leads = {topic: (lead(text, f"topics.{topic}"),) for topic in text.raw("topics")}
    leads.update({action: tuple(lead(text, key) for key in keys) for action, keys in ACTION_TEXTS.items()})
    return leads


def topics_heard(said: str, locale: str) -> set[str]:
    """The topics whose answer opens somewhere in what was said. A routine is spoken with its
    first step, so a step heard after a routine's opening is the routine, not a single stretch."""
    matched = {topic: max((m for m in leads if m and m in said), key=len, default="")
               for topic, leads in topic_leads(locale).items()}
    matched = {topic: m for topic, m in matched.items() if m}
    # an opening inside another that was heard is that other's ("If stiffness persists, a" is in
    # "If stiffness persists, a chiropractor or a")
    found = {topic for topic, m in matched.items() if not any(m != other and m in other for other in matched.values())}
    if "routine" in found:
        found.discard("guide")
    return found
