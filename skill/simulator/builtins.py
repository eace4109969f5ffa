"""What Alexa understands without the skill's samples: built-in intents and invocation phrases.

A person can say "next", "go back" or "what can I say" to any skill that declares the matching
AMAZON intent, and "open back pop coach" or "ask back pop coach why my back pops" to reach it at
all. These are the usual phrasings (Alexa's own list is larger and not published).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

BUILT_IN_PHRASES: dict[str, tuple[str, ...]] = {
    "AMAZON.NextIntent": ("next", "next step", "next one", "the next one", "go on", "go ahead and continue",
                          "continue", "keep going", "move on", "go to the next step", "what's next",
                          "next please", "skip", "skip this", "skip ahead", "forward", "go forward"),
    "AMAZON.PreviousIntent": ("previous", "previous step", "previous one", "the previous one", "go back",
                              "back", "go back one", "back up", "last step", "the last step", "go to the previous step"),
    "AMAZON.RepeatIntent": ("repeat", "repeat that", "repeat please", "say that again", "say it again", "again",
                            "come again", "what did you say", "one more time", "pardon", "sorry what"),
    "AMAZON.StartOverIntent": ("start over", "start again", "restart", "begin again", "start from the beginning",
                               "from the beginning", "go back to the beginning", "from the top", "start over please"),
    "AMAZON.PauseIntent": ("pause", "pause please", "pause it", "hold on", "hang on", "wait", "wait a minute",
                           "wait a second"),
    "AMAZON.ResumeIntent": ("resume", "resume please", "unpause", "carry on", "pick up where i left off",
                            "continue where i left off", "continue where we left off", "let's carry on"),
    "AMAZON.StopIntent": ("stop", "stop it", "stop please", "shut up", "be quiet", "quiet", "off", "enough",
                          "that's enough", "that's all", "goodbye", "bye", "i'm done", "i'm finished"),
    "AMAZON.CancelIntent": ("cancel", "cancel that", "cancel it", "never mind", "nevermind", "forget it"),
    "AMAZON.HelpIntent": ("help", "help me", "help please", "i need help", "what can i do", "what can i say",
                          "what can you do", "what do i say", "how does this work", "how do i use this",
                          "what are my options", "options"),
    "AMAZON.YesIntent": ("yes", "yeah", "yep", "yup", "yes please", "sure", "ok", "okay", "of course",
                         "sounds good", "alright", "all right", "please do", "let's do it", "absolutely",
                         "uh huh", "why not", "go ahead", "yes i do", "i do", "yes it is", "certainly"),
    "AMAZON.NoIntent": ("no", "nope", "nah", "no thanks", "no thank you", "not now", "not really",
                        "i don't think so", "no way", "not today", "no i don't", "i don't", "no it isn't"),
    "AMAZON.NavigateHomeIntent": ("go home", "home", "main menu", "go to the main menu", "take me home"),
}

# Said inside a session, these close it: Alexa sends SessionEndedRequest(USER_INITIATED).
EXIT_PHRASES = frozenset({"exit", "quit", "exit skill", "exit the skill", "alexa exit", "alexa quit"})

_LAUNCH_VERBS = r"(?:open|launch|start|begin|load|run|use|play|talk to|speak to|start up)"
_ONE_SHOT_VERBS = r"(?:ask|tell)"
_AND_VERBS = r"(?:open|launch|start|begin|load|use|run)"
_CONNECTORS = ("to", "about", "for", "if", "whether", "that", "and")
_USING = r"(?:using|with|from|on|in)"


@dataclass(frozen=True)
class Invocation:
    """How an utterance reaches the skill: a launch, or a one-shot request for `rest`."""

    kind: str  # "launch" or "one-shot"
    rest: str = ""
    alternatives: tuple[str, ...] = ()


def parse_invocation(text: str, invocation_name: str) -> Invocation | None:
    """"open back pop coach" -> launch; "ask back pop coach why my back pops" -> one-shot; else None.

    `text` is already normalised (see text.normalise). A wake word in front ("alexa, ...") is
    dropped. For a one-shot, `alternatives` also lists the request without its connecting word
    ("ask back pop coach about cat cow" -> "about cat cow" and "cat cow"), since samples may or
    may not start with one.
    """
    name = re.escape(invocation_name)
    text = re.sub(r"^alexa\s+", "", text).strip()
    if re.fullmatch(rf"(?:{_LAUNCH_VERBS}\s+)?(?:the\s+)?{name}(?:\s+(?:skill|please))?", text):
        return Invocation("launch")
    match = (re.fullmatch(rf"{_ONE_SHOT_VERBS}\s+{name}\s+(.+)", text)
             or re.fullmatch(rf"{_AND_VERBS}\s+{name}\s+and\s+(.+)", text)
             or re.fullmatch(rf"(.+?)\s+{_USING}\s+{name}", text))
    if not match:
        return None
    rest = match.group(1)
    first, _, remainder = rest.partition(" ")
    alternatives = (remainder,) if first in _CONNECTORS and remainder else ()
    return Invocation("one-shot", rest, alternatives)


def strip_wake_word(text: str) -> str:
    """"alexa next" -> "next": inside a session the wake word is not part of the request."""
    return re.sub(r"^alexa\s+", "", text)
