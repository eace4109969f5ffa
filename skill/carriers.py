"""Free-text intents: the words the skill puts back in front of what Alexa hands it.

Alexa sends a free-text intent only its slot ("no {query}" arrives as "numbness down there"), so
each intent's carrier meaning is written in `content/<locale>/free_text.toml`: the `restore`
words, and what the opener means as an answer to a yes/no question. `echo` words each have an
intent of their own (Said<Word>Intent) that puts the very word back; words the screen and the
routing read alike (`echo.same`: "heating" as "heat") share their word's intent. modelgen.py writes the
samples from the same data, so the model and the skill cannot disagree. An opener followed by
nothing but filler (`plainly`: "yeah go on", "pause it there", "ta, that's all") is the plain
intent it stands for.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from . import content, prefilter


class Carrier(NamedTuple):
    restore: str
    answers: str | None = None  # "yes", "no" or "unsure" as a reply to a yes/no question
    openers: tuple[str, ...] = ()
    after: bool = False  # some samples put the query in front of the carrier's words ("{query} chest pain")
    after_terms: tuple[str, ...] = ()  # screen terms that, ending a query, take the carrier's words after them
    continued_by: frozenset[str] = frozenset()  # a query's first words that go on from the carrier's ("i fell" + "off a ladder")
    stands_alone: frozenset[str] = frozenset()  # ... that open words of their own ("they're not" + "no numbness, just stiff")


def echo_intent(word: str) -> str:
    """The intent that carries an echo word: "legs" -> SaidLegsIntent."""
    return "Said" + "".join(part.capitalize() for part in re.split(r"[^a-z]+", word.lower()) if part) + "Intent"


@lru_cache(maxsize=None)
def table(locale: str | None) -> dict[str, Carrier]:
    """Every free-text intent of a locale and its carrier."""
    data = content.joined(locale, "free_text")
    found = {name: Carrier(spec.get("restore", ""), spec.get("answers"),
                           (*spec.get("openers", []), *(f"{n}{s}" for n in spec.get("names", []) for s in ("", "'s")),
                            *(f"{r}{s}" for r in spec.get("roles", []) for s in ("", " here"))),
                           bool(spec.get("also_after")), tuple(spec.get("after_terms", ())),
                           frozenset(spec.get("continued_by", ())), frozenset(spec.get("stands_alone", ())))
             for name, spec in data.get("intents", {}).items()}
    echo = data.get("echo", {})
    for word in echo.get("words", []):
        said_as = [word, *echo.get("same", {}).get(word, [])]
        openers = [form for alt in said_as for form in ((alt, f"{alt}'s") if " " not in alt else (alt,))]
        found[echo_intent(word)] = Carrier(word, None, tuple(openers))
    return found


def intents() -> tuple[str, ...]:
    """The names of every free-text intent: en-US's, as a locale may add openers, never intents
    (modelgen refuses a locale's free_text.toml that would)."""
    return tuple(table(content.DEFAULT_LOCALE))


@lru_cache(maxsize=None)
def _intent_names() -> frozenset[str]:
    """intents() as a set, made once (plainly() asks it of every request)."""
    return frozenset(intents())


@lru_cache(maxsize=None)
def _listed(locale: str | None, key: str, end: str = "") -> re.Pattern[str]:
    """One pattern for a list of regular expressions in free_text.toml (`key`, dotted for a table's
    list: "questions.relayed"), each followed by `end`; a pattern that matches nothing when the list
    is empty."""
    table_of: Any = content.joined(locale, "free_text")
    for part in key.split("."):
        table_of = table_of.get(part, {})
    patterns = table_of or []
    return re.compile("|".join(f"(?:{p}){end}" for p in patterns) if patterns else r"(?!)")


def _clause_ends(locale: str | None) -> re.Pattern[str]:
    """A negation that ends a clause of its own ("... would pop my back and it didn't"), from
    free_text.toml `clause_ends`: it modifies nothing after it (the carrier goes in front)."""
    return _listed(locale, "clause_ends", "$")


def said(locale: str | None, intent: str | None, query: str | None) -> str:
    """What the person said, as near as the skill can know it: the carrier's words put back, in
    front of the query; for a carrier whose samples also put the query first, after it when the
    query ends with words that modify what follows them ("never had" + "chest pain") or with a
    body part its words are said of ("both me legs" + "numbness")."""
    carrier = table(locale).get(intent or "")
    restore, query = (carrier.restore if carrier else ""), (query or "").strip()
    if carrier is not None and query.lower().split(" ", 1)[0] in carrier.stands_alone:
        return query  # ("they're not" + "no numbness, just stiff": the carrier's words were a sentence of their own)
    if restore and query and carrier is not None and carrier.after and \
            query.lower().split(" ", 1)[0] not in carrier.continued_by:  # ("i fell" + "off a ladder ... I'm so worried")
        from . import screen

        rules = screen.rules(locale)
        if f" {restore} " in f" {rules.said(query)} ":
            return query  # the sign is in the query itself ("can chest pain ... ever be a heart attack")
        if (rules.ends_in_trigger(query) and not _clause_ends(locale).search(query.lower())) or rules.ends_in_term(query, carrier.after_terms):
            return f"{query} {restore}"
    if restore and query:
        head, _, verb = restore.rpartition(" ")
        asking, auxiliaries, fillers = _question_words(locale)
        if head in asking and verb in auxiliaries and fillers.sub("", query.lower()).split(" ", 1)[0] in auxiliaries:
            restore = head  # "why" + "won't it crack": "why won't it crack", not "why does won't it crack"
    return " ".join(filter(None, (restore, query)))


@lru_cache(maxsize=None)
def _question_words(locale: str | None) -> tuple[frozenset[str], frozenset[str], re.Pattern[str]]:
    """Question words, the verbs a question opens with after one, and the words that may stand
    between them ("why the heck won't it"), from free_text.toml `questions`."""
    spec = content.joined(locale, "free_text").get("questions", {})
    fillers = sorted(spec.get("fillers", []), key=len, reverse=True)
    return (frozenset(spec.get("words", [])), frozenset(spec.get("auxiliaries", [])),
            re.compile(r"^(?:(?:" + "|".join(map(re.escape, fillers)) + r") )*" if fillers else r"^(?!)"))


def asks_question(locale: str | None, said: str) -> bool:
    """The words hold a question word ("why", "how", ...: free_text.toml `questions.words`), or
    hand on a question ("she wants to know if ...": `questions.relayed`); a question word that asks
    nothing ("my hearing is not what it was": `questions.not_asking`) does not count."""
    asking, said = _question_words(locale)[0], _listed(locale, "questions.not_asking").sub(" ", said.lower())
    return any(word in asking for word in said.split()) or _listed(locale, "questions.relayed").search(said) is not None


def answer_of(locale: str | None, intent: str | None) -> str | None:
    """What a free-text intent's opener means as a reply to a yes/no question, if anything."""
    carrier = table(locale).get(intent or "")
    return carrier.answers if carrier else None


@lru_cache(maxsize=None)
def _answer_openers(locale: str | None) -> tuple[tuple[str, str], ...]:
    pairs = {(o, c.answers) for c in table(locale).values() if c.answers for o in c.openers}
    return tuple(sorted(pairs, key=lambda pair: len(pair[0]), reverse=True))


def answer_in(locale: str | None, said: str) -> str | None:
    """What free words mean as a reply, when they open like a reply ("not sure really" after an
    opener the skill dropped, as in "hmm not sure"; a yes opener that strengthens a "not" is a no,
    "definitely not"): yes, no, unsure, or None."""
    words = _listed(locale, "reply_fillers").sub("", " ".join(said.lower().split()), count=1)
    for opener, answers in _answer_openers(locale):
        if words == opener or words.startswith(opener + " "):
            if answers == "yes" and _listed(locale, "yes_not").search(words[len(opener) + 1:]):
                return "no"  # "definitely not": the yes opener only strengthens the "not"
            return answers
    return None


@lru_cache(maxsize=None)
def _replies(locale: str | None) -> dict[str, re.Pattern[str]]:
    return {meant: re.compile("|".join(f"(?:{p})" for p in patterns))
            for meant, patterns in content.joined(locale, "free_text").get("replies", {}).items() if patterns}


def taken_back(locale: str | None, query: str | None) -> bool:
    """The words after a yes opener take it back ("yeah" + "nah, nothing like that"), from
    free_text.toml `yes_then_no`."""
    return bool(query) and _listed(locale, "yes_then_no").search(" ".join(query.lower().split())) is not None


def hedged(locale: str | None, query: str | None) -> bool:
    """The words after a no opener put it in doubt ("not really" + "well maybe"), from
    free_text.toml `no_then_unsure`: never a no."""
    return bool(query) and _listed(locale, "no_then_unsure").search(" ".join(query.lower().split())) is not None


def wavers(locale: str | None, said: str | None) -> bool:
    """A reply that goes from yes to no (or back) and ends on a doubt ("yes... well no... actually
    maybe?"), from free_text.toml `wavers`: not sure, whatever was said first."""
    return bool(said) and _listed(locale, "wavers").search(" ".join(said.lower().split())) is not None


def outright(locale: str | None, said: str | None) -> bool:
    """The reply says "not at all" in words a no opener's query alone would read as doubt ("nope,
    not a bit"), from free_text.toml `no_outright`."""
    return bool(said) and _listed(locale, "no_outright").search(" ".join(said.lower().split())) is not None


def ends_yes(locale: str | None, query: str | None) -> bool:
    """Words after "hang on" that end by saying go ahead ("hang on" + "dog's going off at the
    door... yep, go on"): the wait is over, and the words are a yes (free_text.toml `ends_yes`)."""
    return bool(query) and _listed(locale, "ends_yes", "$").search(" ".join(query.lower().split())) is not None


def not_a_no(locale: str | None, query: str | None) -> bool:
    """The words after a no opener make it no "no" ("no" + "worries, see ya"), from free_text.toml
    `not_a_no`."""
    return bool(query) and _listed(locale, "not_a_no").search(" ".join(query.lower().split())) is not None


@lru_cache(maxsize=None)
def _check_again(locale: str | None) -> re.Pattern[str]:
    return re.compile("|".join(content.joined(locale, "free_text").get("check_again", {}).get("words", [])) or r"(?!)")


def starts_again(locale: str | None, said: str) -> bool:
    """Words asking for the check's questions again from the first ("can we go from the top?"),
    from free_text.toml `[check_again]`."""
    return bool(said) and _check_again(locale).search(said.lower()) is not None


@lru_cache(maxsize=None)
def _asked_again(locale: str | None) -> prefilter.AnyOf:
    return prefilter.AnyOf(content.joined(locale, "free_text").get("asked_again", {}))


def asked_again(locale: str | None, said: str) -> Plain | None:
    """The last thing asked for again, or in plainer words, anywhere in the words ("Sorry dear,
    you'll have to say that again, my hearing aid's playing up": free_text.toml `[asked_again]`;
    plainer words first), else None."""
    found = _asked_again(locale).found(" ".join(said.lower().split()))
    return Plain("TellMeMoreIntent" if "TellMeMoreIntent" in found else found[0]) if found else None


def not_a_reply(locale: str | None, said: str) -> bool:
    """Words that leave a check question unanswered ("never mind, just do the routine"), from
    free_text.toml `not_replies`, whatever intent carries them."""
    return bool(said) and _listed(locale, "not_replies").search(said.lower()) is not None


def reply_in(locale: str | None, said: str) -> str | None:
    """What a reply with no sign in it means to a check question where its words say so anywhere
    ("my father had cancer, but I am fine": no), else None."""
    from .context import normalise

    words = normalise(said)
    return next((meant for meant, pattern in _replies(locale).items() if pattern.search(words)), None)


class Plain(NamedTuple):
    means: str  # the plain intent
    position: str | None = None  # a stretch position the words ask for ("I can't get down on the floor": sitting)
    after_advice: bool = False  # read so only just after red-flag advice ("right, thanks": a goodbye)
    after_answer: bool = False  # ... or just after a topic's answer, with no stretch or check under way


def _rule_words(locale: str | None, rule: dict) -> list[str]:
    """A `plainly` rule's words; with `refuse` (named lists of `plainly_refuse`) or `also_refuse`,
    also any one word but those ("pause, the kettle's boiled" is a pause; "pause, why ..." is not)."""
    refused = [word for name in rule.get("refuse", []) for word in content.joined(locale, "free_text")["plainly_refuse"][name]]
    refused += rule.get("also_refuse", [])
    return [*rule.get("words", []), *([rf"(?!(?:{'|'.join(refused)})\b)[a-z0-9']+"] if refused else [])]


@lru_cache(maxsize=None)
def _plainly(locale: str | None) -> tuple[tuple[frozenset[str], Plain, re.Pattern[str]], ...]:
    """(intents, what the words stand for, the whole query's pattern) for each `plainly` rule, in order."""
    rules = []
    for rule in content.joined(locale, "free_text").get("plainly", []):
        filler = "(?:" + "|".join(sorted(_rule_words(locale, rule), key=len, reverse=True)) + ")"
        if rule.get("ending"):
            ending = "(?:" + "|".join(sorted(rule["ending"], key=len, reverse=True)) + ")"
            whole = f"(?:{filler} )*{ending}(?: {filler})*"
        else:
            whole = f"(?:{filler}(?: {filler})*)?"
        rules.append((frozenset(rule["intents"]), Plain(rule["means"], rule.get("position"), bool(rule.get("after_advice")),
                                                           bool(rule.get("after_answer"))),
                      re.compile(whole)))
    return tuple(rules)


@lru_cache(maxsize=None)
def _plainly_for(locale: str | None, intent: str) -> tuple[tuple[int, int, Plain, re.Pattern[str]], ...]:
    """The `plainly` rules an intent's words may be read by, in order: (a bit for the rule, and a bit
    where it has an `ending` (0 where not), what the words stand for, the whole query's pattern)."""
    first, ends = _plainly_starts(locale)
    return tuple((first.bits[n], ends.bits.get(n, 0), means, whole)
                 for n, (names, means, whole) in enumerate(_plainly(locale)) if intent in names)


def _plainly_specs(locale: str | None) -> list[dict]:
    return content.joined(locale, "free_text").get("plainly", [])


@lru_cache(maxsize=None)
def _plainly_starts(locale: str | None) -> tuple[prefilter.Index, prefilter.Gate]:
    """Where each `plainly` rule's whole-query match can begin (prefilter.starts): its first words
    begin one of its words or its ending; and where one has an ending, that ending begins a word
    somewhere (after the words before it, each followed by a space). A rule neither tells of cannot
    match: its pattern is not tried (the same reading, the patterns of the others not walked)."""
    first, ends = {}, {}
    for n, rule in enumerate(_plainly_specs(locale)):
        filler = "(?:" + "|".join(sorted(_rule_words(locale, rule), key=len, reverse=True)) + ")"
        if rule.get("ending"):
            ending = "(?:" + "|".join(sorted(rule["ending"], key=len, reverse=True)) + ")"
            first[n], ends[n] = prefilter.starts(f"(?:{filler}|{ending})"), prefilter.starts(ending)
        else:
            first[n] = prefilter.starts(filler)
    return prefilter.Index(first, walk=True), prefilter.Gate(ends, at_words=True)


@lru_cache(maxsize=None)
def _last_clause(locale: str | None) -> tuple[re.Pattern[str], frozenset[str]]:
    """The last clause after one of `plainly_after.after` that opens with one of its `opens`
    (free_text.toml: "... anyway, yes go on"), and the plain intents it may be read as."""
    spec = content.joined(locale, "free_text").get("plainly_after", {})
    after, opens = (sorted(spec.get(key, []), key=len, reverse=True) for key in ("after", "opens"))
    return (re.compile(r".*\b(?:" + "|".join(after) + r") ((?:" + "|".join(opens) + r")\b.*)$"),
            frozenset(spec.get("means", [])))


@lru_cache(maxsize=512)  # as the screen keeps its readings: words many people say are read once
def plainly(locale: str | None, intent: str | None, query: str | None) -> Plain | None:
    """The plain intent a free-text intent stands for when its query is only filler ("yeah" +
    "go on": AMAZON.YesIntent), or when the last clause after a turn is ("my neighbour had a fall
    last week, anyway, yes go on"), else None."""
    if intent not in _intent_names():
        return None
    from .context import normalise

    words = normalise(query)
    if words:  # (no words: the rules whose words may be none are read as written)
        first, ends = _plainly_starts(locale)
        may, ending = first.at(words), None
        found = None
        for bit, has_ending, means, whole in _plainly_for(locale, intent):
            if not may & bit:
                continue  # its words cannot begin so
            if has_ending:
                ending = ends.mask(words) if ending is None else ending
                if not ending & has_ending:
                    continue  # its ending begins no word here
            if whole.fullmatch(words):
                found = means
                break
    else:
        found = next((means for names, means, whole in _plainly(locale) if intent in names and whole.fullmatch(words)), None)
    last, allowed = _last_clause(locale)
    clause = last.match(words) if found is None and words else None
    if clause is not None:  # read as said alone, whatever opened the words: a yes or a no only
        found = next((means for _, means, whole in _plainly(locale) if means.means in allowed and whole.fullmatch(clause.group(1))), None)
    return found
