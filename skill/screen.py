"""The red-flag screen: what a person told us about their symptoms, about whom, and how sure.

Every word Alexa hands the skill passes through `screen()` before anything else reads it. It
runs ConText (context.py) with the locale's symptom words and modifier rules
(`content/<locale>/symptom_words.toml` and `context.toml`, en-US with the locale's additions),
then decides, as a careful triage clinician would:
- a denied sign (negated), a sign that is over (historical, except a history of cancer) or a
  pet's is not a flag;
- a sign the person is unsure of (possible) counts, as possible: never dropped;
- someone else's sign counts, for them, at the same level;
- "what if" (hypothetical) is answered as information;
- of several, the most serious level wins; at one level a sure, own sign before the others.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, NamedTuple

from . import content
from .context import Mention, Rules

EMERGENCY, RIGHT_AWAY, URGENT, SOON = "emergency", "right_away", "urgent", "soon"
LEVEL_ORDER = (EMERGENCY, RIGHT_AWAY, URGENT, SOON)
PRE_EMPTING = (EMERGENCY, RIGHT_AWAY, URGENT)  # SOON is advice alongside self-care, not a stop

# Each symptom's level: back-pain-facts.md, "When to get medical help".
SYMPTOM_LEVELS: dict[str, str] = {
    "saddle_numbness": EMERGENCY,
    "bladder_bowel": EMERGENCY,
    "both_legs": EMERGENCY,
    "serious_fall": EMERGENCY,
    "chest_pain": EMERGENCY,
    "limb_numbness": RIGHT_AWAY,
    "fever": URGENT,
    "weight_loss": URGENT,
    "cancer_history": URGENT,
    "sudden_severe": URGENT,
    "night_pain": URGENT,
    "weak_immunity": URGENT,
    "lasting": SOON,
    "daily_life": SOON,
    "sciatica": SOON,
}

PRESENT, POSSIBLE, HYPOTHETICAL = "present", "possible", "hypothetical"
_STATUS_ORDER = (PRESENT, POSSIBLE, HYPOTHETICAL)
_NEVER_A_FLAG = {"historical", "animal", "fiction", "advised"}  # over, a pet's, a story's, one to look out for: even if said unsure


class Finding(NamedTuple):
    """The sign to act on: which, at what level, how sure, and whose."""

    symptom: str
    status: str = PRESENT  # present, possible, hypothetical
    who: str = "self"  # self or other
    words: str = ""  # the words it was read from (for logs-free explanations in the simulator)

    @property
    def level(self) -> str:
        return SYMPTOM_LEVELS[self.symptom]

    def rank(self) -> tuple[bool, int, int, bool]:
        """Most serious first: any sign that is there (or may be) before any "what if", then by level,
        then present before possible, then the person's own before someone else's."""
        return (self.status == HYPOTHETICAL, LEVEL_ORDER.index(self.level), _STATUS_ORDER.index(self.status),
                self.who != "self")


@lru_cache(maxsize=None)
def rules(locale: str | None) -> Rules:
    """The compiled symptom words and ConText rules of a locale."""
    words = content.joined(locale, "symptom_words")
    unknown = {spec.get("id", name) for name, spec in words.get("concepts", {}).items()} - set(SYMPTOM_LEVELS)
    if unknown:
        raise ValueError(f"symptom_words.toml names concepts with no level: {sorted(unknown)}")
    context = content.joined(locale, "context")
    return Rules.from_data(words, {**context, "rules": _merge_rules(context.get("rules", []))})


def _merge_rules(rules_list: list[dict]) -> list[dict]:
    """Locale rules of the same category, direction and name add their phrases to en-US's."""
    merged: dict[tuple[str, str, str], dict] = {}
    for rule in rules_list:
        key = (rule["category"], rule.get("direction", "forward"), rule.get("name", ""))
        if key in merged:
            base = merged[key]
            base["phrases"] = [*base["phrases"], *(p for p in rule["phrases"] if p not in base["phrases"])]
            base["pseudo"] = [*base.get("pseudo", []), *rule.get("pseudo", [])]
        else:
            merged[key] = {**rule, "phrases": list(rule["phrases"])}
    return list(merged.values())


def mentions(text: str | None, locale: str | None) -> list[Mention]:
    """Every symptom concept in the words, with its ConText modifiers."""
    return rules(locale).read(text)


def finding_of(mention: Mention) -> Finding | None:
    """What one mention means for the person: a Finding, or None when it is not a flag."""
    mods = mention.modifiers
    if mods & _NEVER_A_FLAG or ("negated" in mods and "possible" not in mods):
        return None  # a denial counts only when nothing says the sign may be there after all
    status = HYPOTHETICAL if "hypothetical" in mods else POSSIBLE if "possible" in mods else PRESENT
    return Finding(mention.concept, status, "other" if "other" in mods else "self", mention.text)


def screen(texts: Iterable[str | None], locale: str | None, *, theirs_known: bool = False) -> Finding | None:
    """The most serious sign in any of the words, or None. `theirs_known`: the person spoken of
    is the one whose back is in question (the check is being answered for them, "he had prostate
    cancer five years back"), so their history or fever counts without their pain told again."""
    found = []
    for text in texts:
        if not text:
            continue
        shared = None  # "... and now I've got one too": someone else's sign is the speaker's as well
        revealed = None  # "... what should they do, I'm the somebody": the one spoken of is the speaker
        for mention in mentions(text, locale):
            finding = finding_of(mention) or _advised_but_there(mention, text, locale)
            if finding is None:
                continue
            if finding.who == "other" or finding.status == HYPOTHETICAL:
                revealed = _term_in(text, locale, "self_reveal") if revealed is None else revealed
                if revealed:
                    finding = finding._replace(who="self", status=POSSIBLE if "possible" in mention.modifiers else PRESENT)
            if finding.status == HYPOTHETICAL and _term_in(text, locale, "so_now"):
                finding = finding._replace(status=POSSIBLE)  # "what if it happens again, I wet meself this morning"
            if finding.who == "other":
                shared = _term_in(text, locale, "mine_too") if shared is None else shared
                finding = finding._replace(who="self") if shared else finding
            if finding.symptom == "both_legs" and "both" in finding.words.split() and _term_in(text, locale, "one_side_instead"):
                finding = finding._replace(symptom="limb_numbness")  # "both legs are numb, sorry, nah, just the right leg"
            if theirs_known or not _nobodys_history(finding, text, locale):
                found.append(finding)
    return min(found, key=Finding.rank, default=None)


@lru_cache(maxsize=512)  # as the screen keeps its readings: words many people say are read once
def piece(text: str | None, locale: str | None) -> str | None:
    """The words around a term that may complete a sign told later in the session (`pieces`,
    symptom_words.toml: "just a little fall onto my butt", "I have osteoporosis"), or None.
    A few words either side, so a denial or another person said with it stays with it."""
    if not text:
        return None
    rule_set = rules(locale)
    said = rule_set.said(text)
    windows = []  # each term's words with a few either side ("came off a ladder ... but he's fine now, just stiff": both)
    for name in content.joined(locale, "symptom_words").get("pieces", {}).get("terms", []):
        found = rule_set.search(name, said)
        if found is not None:
            before, after = said[:found.start()].split(), said[found.end():].split()
            windows.append((len(before) - min(5, len(before)), len(before) + len(found.group(0).split()) + min(6, len(after))))
    if not windows:
        return None
    words, parts = said.split(), []
    for start, end in sorted(windows):
        if parts and start <= parts[-1][1]:
            parts[-1] = (parts[-1][0], max(end, parts[-1][1]))
        else:
            parts.append((start, end))
    return " and ".join(" ".join(words[start:end]) for start, end in parts)


def told_in_pieces(earlier: str, now: str, locale: str | None) -> Finding | None:
    """A sign (of the `pieces` concepts) that the words kept from earlier in the session and the
    words now make together, though neither did alone; a "what if" is none."""
    concepts = content.joined(locale, "symptom_words").get("pieces", {}).get("concepts", [])
    found = screen([f"{earlier} and {now}"], locale)
    if found is None or found.symptom not in concepts or found.status == HYPOTHETICAL:
        return None
    return found


def _term_in(text: str, locale: str | None, term: str) -> bool:
    """The words hold a term of symptom_words.toml, read as the rules read them: `mine_too` (the speaker
    has it too: "mum's got a temperature and now I've got one too"), `one_side_instead` (both legs said,
    then taken back to one: "both legs are numb, sorry, nah, just the right leg"), `self_reveal` (the one
    spoken of is the speaker: "... what should they do? I'm the somebody"), `so_now` (a what-if that
    tells the sign is there already: "what if it happens again, it happened this morning"; the sign may
    be there, never only information: facts, How people say it)."""
    rule_set = rules(locale)
    return _told(rule_set, term, rule_set.said(text))


def _advised_but_there(mention: Mention, text: str, locale: str | None) -> Finding | None:
    """A sign quoted from advice, then told to be there ("the ER doctor said come back if both legs
    go weak, and both my legs are weak now"; "the GP said to watch for tingling and I think it's
    started"): it may be there (facts: How people say it). Advice alone stays none."""
    if "advised" not in mention.modifiers or not _term_in(text, locale, "so_now"):
        return None
    told = finding_of(mention._replace(modifiers=mention.modifiers - {"advised"}))  # as if said without the advice
    return told._replace(status=POSSIBLE) if told is not None else None


def _nobodys_history(finding: Finding, text: str, locale: str | None) -> bool:
    """Someone else's history of cancer, weak immune system or fever, with no pain of theirs told
    ("my mum had cancer, bless her, but I'm fine"; "my daughter's got a temperature and I did my
    back in carrying her"): not a flag today (the person asking has their own).
    So is someone else's fall told with neither pain of theirs nor a height or force ("the missus
    had a fall at netball, but I'm right"); "my husband fell off the ladder" stays theirs.
    But a fall with fragile bones is theirs ("my nan's got osteoporosis and she tripped on the
    rug"), and so is a fever told with nothing of the speaker's own ("she's had chills all day and
    feels really unwell")."""
    if finding.who != "other" or finding.symptom not in ("cancer_history", "weak_immunity", "fever", "serious_fall"):
        return False
    rule_set = rules(locale)
    said = rule_set.said(text)
    if finding.symptom == "weak_immunity" and _told(rule_set, "fall_word", rule_set.said(finding.words)):
        return False
    if finding.symptom == "fever" and not _told(rule_set, "speaker", said):
        return False
    theirs = ("their_pain",) + (("height", "force") if finding.symptom == "serious_fall" else ())
    return "their_pain" in rule_set.terms and not any(_told(rule_set, name, said) for name in theirs)


def _told(rule_set: Rules, term: str, said: str) -> bool:
    """The words hold a term of symptom_words.toml (False where the term is not there)."""
    return rule_set.search(term, said) is not None


def none_now(text: str | None, locale: str | None) -> bool:
    """True when the words mention signs and each is denied or over ("I had a bit of a temperature
    on Monday but it's gone now"): as a reply to a check question, a no (a history of cancer is
    never over: the rule that reads "over" leaves it be)."""
    found = mentions(text, locale)
    return bool(found) and all("possible" not in m.modifiers and m.modifiers & {"negated", "historical"} for m in found)


def level_of(symptom_id: str | None) -> str | None:
    return SYMPTOM_LEVELS.get(symptom_id or "")


def names_someone_else(text: str | None, locale: str | None) -> bool:
    """True when the words speak of someone else ("my father", "my mate Dave")."""
    return bool(rules(locale).triggers(text, {"other"}))


def denied_words(text: str | None, locale: str | None) -> bool:
    """True when the words hold a denial, a "what if" or another person (for a slot value whose
    words the vocabulary does not know): such a value is not the person's sign."""
    return bool(rules(locale).triggers(text, {"negated", "hypothetical", "other", "historical", "animal", "fiction", "advised"}))
