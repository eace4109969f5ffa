"""The red-flag corpus (tests/corpus/red_flags): every phrasing, as the skill reads it.

Each case is labelled with its symptom and level, or none, and its form (plain, regional,
hedged, negated, other person, historical, hypothetical, near miss, mid-sentence). Read twice:
- by the screen alone, on the words as written;
- through the interaction model (tests/va.py's virtual-alexa), as Alexa would hand the words to
  the skill (the carrier put back, or lost when no sample catches the words).
The figures are printed per split (tune, holdout, fresh, fresh2, fresh3) and per symptom; the aims fail the run:
every emergency at its level, urgent signs at least 98% (at their level or above), and false
alarms (emergency, right-away or urgent advice for a harmless phrasing) at most 3%.
tests/test_acceptance.py plays the same corpus through the real virtual-alexa and judges what
is spoken.
"""
from __future__ import annotations

import collections
from dataclasses import dataclass

import pytest

import corpora
from skill import screen
from va import launch_words, reading, resolve, spoken

SPLITS = ("tune", "holdout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh15", "fresh16", "fresh17", "fresh19", "fresh20", "fresh21", "fresh22", "fresh23", "fresh24", "fresh25", "fresh26", "fresh27", "fresh28", "fresh29", "fresh30", "fresh31", "fresh32", "fresh33", "fresh34", "fresh35", "fresh36", "fresh37", "fresh38", "fresh39", "fresh40", "fresh41", "fresh42", "fresh43", "fresh44", "fresh45", "fresh46", "fresh47", "fresh48", "fresh49", "fresh50", "fresh51", "fresh52", "fresh53", "fresh54", "fresh55", "fresh56", "fresh57", "fresh58", "fresh59", "fresh60", "fresh61", "fresh62", "fresh63", "fresh64", "fresh65", "fresh66", "fresh67", "fresh68", "fresh69", "fresh70", "fresh71", "fresh72", "fresh73", "fresh74", "fresh75", "fresh76", "fresh77", "fresh78", "fresh79", "fresh80", "fresh81", "fresh82", "fresh83", "fresh84", "fresh85", "fresh86", "fresh87", "fresh88", "fresh89", "fresh90", "fresh91", "fresh92", "fresh93", "fresh94", "fresh95", "fresh96", "fresh97", "fresh98", "fresh99", "fresh100", "fresh101", "fresh102", "fresh103", "fresh104", "fresh105", "fresh106", "fresh107", "fresh108", "fresh109", "fresh110", "fresh111", "fresh112", "fresh113", "fresh114", "fresh115", "fresh116", "fresh117", "fresh118", "fresh119", "fresh120", "fresh121", "fresh122", "fresh123", "fresh124", "fresh125", "fresh126", "fresh127", "fresh128", "fresh129", "fresh130", "fresh131", "fresh132", "fresh133", "fresh134", "fresh135", "fresh136", "fresh137", "fresh138", "fresh139", "fresh140", "fresh141", "fresh142", "fresh143", "fresh144", "fresh145", "fresh146", "fresh147", "fresh148", "fresh149", "fresh150", "fresh151", "fresh152", "fresh153", "fresh154", "fresh155", "fresh156", "fresh157", "fresh158", "fresh159", "fresh160", "fresh161", "fresh162")
RANK = {level: i for i, level in enumerate(screen.LEVEL_ORDER)}
ALARMS = set(screen.PRE_EMPTING)


@dataclass(frozen=True)
class Case:
    text: str
    locale: str
    symptom: str
    level: str  # emergency, right_away, urgent, soon, info (a what-if), none
    form: str
    who: str
    split: str


def cases() -> list[Case]:
    return [Case(case["text"], case["locale"], case["symptom"], case["level"], case["form"], case.get("who", "self"),
                 split) for split, case in corpora.read("red_flags", SPLITS)]


CASES = cases()


def heard_level(finding: screen.Finding | None) -> str:
    if finding is None:
        return "none"
    return "info" if finding.status == screen.HYPOTHETICAL else finding.level


def verdict(case: Case, got: str) -> str:
    """ok, missed (under the level, or no flag), or alarm (a flag for a harmless phrasing)."""
    if case.level in RANK:
        return "ok" if got in RANK and RANK[got] <= RANK[case.level] else "missed"
    if case.level == "info":
        return "ok" if got in ("info", "none", "soon") else "alarm"
    return "alarm" if got in ALARMS or got == "info" else "ok"


def score(read, cases_read: list[Case] | None = None) -> dict:
    """Per split and level: counts of ok/missed/alarm, exact level matches, and the failures."""
    table: dict = collections.defaultdict(collections.Counter)
    failures = []
    for case in CASES if cases_read is None else cases_read:
        got = read(case)
        result = verdict(case, got)
        table[(case.split, case.level)][result] += 1
        table[(case.split, case.level)]["exact"] += got == case.level
        table[("all", case.level)][result] += 1
        table[("all", case.level)]["exact"] += got == case.level
        table[("symptom", case.symptom)][result] += 1
        if result != "ok":
            failures.append(f"[{case.split} {case.locale} {case.form}] {case.text!r}: wanted {case.level}, got {got}")
    return {"table": table, "failures": failures}


def report(title: str, scored: dict) -> str:
    table = scored["table"]
    lines = [title]
    for split in (*SPLITS, "all"):
        row = []
        for level in ("emergency", "right_away", "urgent", "soon", "info", "none"):
            c = table.get((split, level))
            if not c:
                continue
            n = sum(c[k] for k in ("ok", "missed", "alarm"))
            row.append(f"{level} {c['ok']}/{n}")
        lines.append(f"  {split:8s} " + ", ".join(row))
    flags = [s for s in screen.SYMPTOM_LEVELS]
    lines.append("  recall per symptom: " + ", ".join(
        f"{s} {table[('symptom', s)]['ok']}/{sum(table[('symptom', s)].values())}" for s in flags
        if sum(table[("symptom", s)].values())))
    harmless = [table[("all", level)] for level in ("none",)]
    alarms = sum(c["alarm"] for c in harmless)
    total = sum(sum(c[k] for k in ("ok", "alarm")) for c in harmless)
    lines.append(f"  false alarms on harmless phrasings: {alarms}/{total} ({100 * alarms / max(total, 1):.1f}%)")
    return "\n".join(lines)


def check_aims(scored: dict) -> list[str]:
    table, problems = scored["table"], []
    for level, aim in (("emergency", 1.0), ("right_away", 1.0), ("urgent", 0.98)):
        c = table[("all", level)]
        n = c["ok"] + c["missed"]
        if n and c["ok"] / n < aim:
            problems.append(f"{level}: {c['ok']}/{n} under the aim of {aim:.0%}")
    none = table[("all", "none")]
    n = none["ok"] + none["alarm"]
    if n and none["alarm"] / n > 0.03:
        problems.append(f"false alarms {none['alarm']}/{n} over the aim of 3%")
    return problems


def test_the_corpus_is_labelled_consistently():
    assert len(CASES) >= 600 and len({c.locale for c in CASES}) == 5
    for case in CASES:
        assert case.level in (*RANK, "info", "none"), case
        if case.level in RANK:
            assert screen.SYMPTOM_LEVELS[case.symptom] == case.level, case


def test_the_screen_reads_the_corpus_at_the_right_level(capsys):
    scored = score(lambda case: heard_level(screen.screen([case.text], case.locale)))
    with capsys.disabled():
        print("\n" + report("Red-flag corpus, the screen on the words as written:", scored))
    problems = check_aims(scored)
    assert not problems, "\n".join(problems + scored["failures"][:40])


def test_the_corpus_through_the_interaction_model_reaches_the_right_level(capsys):
    """As Alexa hands the words over: a phrasing no sample catches reaches the skill as nothing.

    virtual-alexa sends a bare LaunchRequest for anything holding "ask", "open", "launch", "talk
    to" or "tell" ("I can't tell if...", "kindly tell..."), or matches only what follows " to ":
    no interaction model can change that, and Alexa itself does not do it, so those phrasings
    are counted apart (and printed), not against the aims."""
    modelled = [case for case in CASES if not launch_words(case.text)]
    scored = score(lambda case: heard_level(reading(case.locale, resolve(case.locale, spoken(case.text)))), modelled)
    with capsys.disabled():
        print("\n" + report("Red-flag corpus, through the interaction model (virtual-alexa's matching):", scored))
        print(f"  left apart: {len(CASES) - len(modelled)} phrasings holding virtual-alexa's launch words")
    problems = check_aims(scored)
    assert not problems, "\n".join(problems + scored["failures"][:40])


@pytest.mark.parametrize("said, read", [
    ("my back's killin' me", "my back's killing me"), ("nothin'll come out", "nothing'll come out"),
    ("the pain's constant", "the pain's constant"), ("Kevin's legs", "kevin's legs"), ("in' out", "in' out"),
])
def test_a_dropped_g_is_read_as_the_word(said, read):
    from skill.context import normalise

    assert normalise(said) == read


@pytest.mark.parametrize("said, symptom", [
    ("i have the h i v and my back started to hurt last week", "weak_immunity"),
    ("since yesterday im p ing myself a little all the time", "bladder_bowel"),
    ("i cant feel myself do a we anymore it just comes out", "bladder_bowel"),
])
def test_a_sign_heard_as_words_apart_is_read_as_one(said, symptom):
    finding = screen.screen([said], "en-CA")
    assert finding is not None and finding.symptom == symptom


@pytest.mark.parametrize("said, who", [
    ("mum's got a temperature and now i've got one too, and my back's throbbing", "self"),
    ("my husband's back is bad and he's been shivery all week, I'm fine, just stiff", "other"),
])
def test_someone_elses_sign_the_speaker_has_too_is_theirs_as_well(said, who):
    finding = screen.screen([said], "en-GB")
    assert finding is not None and finding.symptom == "fever" and finding.who == who


@pytest.mark.parametrize("said, symptom, who", [
    ("my husband, not me, has been wetting himself since his back went out", "bladder_bowel", "other"),
    ("my father is having back pain and also chest pain and sweating", "chest_pain", "other"),
    ("my husband has a bad back, also my chest is tight", "chest_pain", "self"),
])
def test_a_sign_stays_with_the_person_it_was_said_of(said, symptom, who):
    """ "My husband, not me, has been wetting himself" and "... and also chest pain" are his or the
    father's; "also my chest is tight" is the speaker's."""
    finding = screen.screen([said], "en-US")
    assert finding is not None and finding.symptom == symptom and finding.who == who


@pytest.mark.parametrize("said, symptom", [
    ("i had that numb feeling down there in the spring and it went away, well it's back again since thursday",
     "saddle_numbness"),
    ("it comes and goes, my bum goes numb on the loo, then it wears off after a bit", "saddle_numbness"),
    ("a heavy feeling in my chest, it eased off and now it's come back", "chest_pain"),
    ("i had that numb feeling down there in the spring and it went away", None),
    ("my legs went numb last year but the feeling came back", None),
    ("my right hand tingled last tuesday and it hasn't done it since", None),
])
def test_a_sign_that_comes_back_or_comes_and_goes_is_not_over(said, symptom):
    """context.toml's `unless_said` words for "historical": "it went away" said of a sign that
    is back, or that comes and goes, does not make it over; said alone, it does."""
    finding = screen.screen([said], "en-GB")
    assert (finding.symptom if finding else None) == symptom


@pytest.mark.parametrize("said, symptom", [
    ("no, my legs are numb", "both_legs"), ("no no, both me legs have gone all heavy and tingly", "both_legs"),
    ("no numbness in my legs", None), ("no, my legs aren't numb", None), ("no, the numbness has gone", None),
    ("no, the tingling in my foot has gone away", None),
])
def test_a_no_said_before_a_sign_told_in_a_sentence_of_its_own_does_not_deny_it(said, symptom):
    """ "No, my legs are numb": the no answers something else; "no numbness" is the denial."""
    finding = screen.screen([said], "en-GB")
    assert (finding.symptom if finding else None) == symptom


def test_words_heard_apart_are_respelled_only_as_whole_words():
    from skill.screen import rules

    assert rules("en-US").said("a weekend away") == "a weekend away"
    assert rules("en-US").said("we went for a walk") == "we went for a walk"


def test_a_sign_with_a_dropped_g_is_heard():
    assert screen.screen(["been bustin' for a wee all arvo but nothin'll come out"], "en-AU").symptom == "bladder_bowel"


def test_each_context_rule_of_a_locale_file_stands_alone():
    """Rules sharing a category, direction and name are merged (a locale adds phrases to en-US's):
    two such rules in one file would silently lose the second's scope, `excluded` and `if_said`."""
    import tomllib

    from skill.content import CONTENT

    for path in sorted(CONTENT.glob("*/context.toml")):
        rules = tomllib.loads(path.read_text(encoding="utf-8")).get("rules", [])
        keys = [(r["category"], r.get("direction", "forward"), r.get("name", "")) for r in rules]
        assert len(keys) == len(set(keys)), f"{path}: {sorted(k for k in keys if keys.count(k) > 1)}"


@pytest.mark.parametrize("said, level", [
    ("quick question before the stretch, is numbness in both legs serious?", "info"),
    ("ask back pop coach, is chest pain with back pain an emergency?", "info"),
    ("quick question, my legs are numb", "emergency"),
])
def test_an_opener_that_says_nothing_is_dropped_before_the_rules_read(said, level):
    """The `preamble` list: a general question stays one whatever opener it comes after."""
    assert heard_level(screen.screen([said], "en-CA")) == level


@pytest.mark.parametrize("said, symptom", [
    ("i've had trouble with erections for years from my blood pressure pills, nothing new, my back's just stiff", None),
    ("i can't pee when there's a queue behind me, shy bladder, always been that way", None),
    ("nothing new with my back but i can't pee since this morning", "bladder_bowel"),
    ("my legs have been numb for years, it's always been like that", "both_legs"),  # the rule is for new bladder and sexual changes only
])
def test_bladder_and_sexual_trouble_said_to_be_long_standing_is_not_a_new_sign(said, symptom):
    finding = screen.screen([said], "en-US")
    assert (finding.symptom if finding else None) == symptom


@pytest.mark.parametrize("said, symptom", [
    ("no, you did not understand. not the back. both my legs are going numb and tingling", "both_legs"),
    ("he hasn't had a drop, his legs just keep giving out", "both_legs"),
    ("what do you mean by constant", None),  # a question about the word, mid-check
    ("i don't think my legs are numb", None),
])
def test_a_denial_ends_where_the_legs_are_said_to_be_so(said, symptom):
    finding = screen.screen([said], "en-GB")
    assert (finding.symptom if finding else None) == symptom
