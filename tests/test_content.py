"""The spoken content: traced to the facts, complete in every locale, in our own words."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SHARED
from skill import content
from skill.content import LOCALES

PACKAGE = Path(__file__).resolve().parents[1] / "skill"
KEY_IN_CODE = re.compile(r"""\.text\(\s*f?["']([a-z_]+\.[a-z_.{}]+)["']""")
FACTS = SHARED / "reference" / "back-pain-facts.md"


def keys_used_in_code() -> set[str]:
    keys = set()
    for path in PACKAGE.glob("*.py"):
        keys |= set(KEY_IN_CODE.findall(path.read_text()))
    return keys


def expand(key: str) -> list[str]:
    """A key with a {placeholder} part stands for every entry of that table."""
    if "{" not in key:
        return [key]
    table, _, last = key.split("{")[0].rpartition(".")
    return [f"{table}.{name}" for name in content.for_locale("en-US").raw(table) if name.startswith(last)]


def test_the_code_uses_keys_that_exist():
    assert len(keys_used_in_code()) > 40


@pytest.mark.parametrize("locale", LOCALES)
def test_every_key_the_code_speaks_exists_and_fills_in_every_locale(locale):
    text = content.for_locale(locale)
    missing = []
    for key in sorted(keys_used_in_code()):
        for concrete in expand(key):
            try:
                said = text.text(concrete, symptom="x", name="x", helps="x", summary="x", names="x", stretch="x",
                                 step=1, steps=2, number=1, count=2, minutes=5, ago="x", question="x", seconds=10,
                                 reps="x", stop_if="x", days="x", when="x", previous="x", cancel="x", time="x",
                                 area="x")
            except KeyError as error:
                missing.append(f"{concrete}: {error}")
                continue
            assert "{" not in said, f"{concrete} left a placeholder: {said}"
    assert not missing, missing


MEDICAL_TABLES = ["safety.warning", "safety.levels", "safety.levels_other", "safety.if_it_might_be",
                  "safety.if_it_happens", "topics", "symptoms.questions"]


def medical_entries():
    text = content.for_locale("en-US")
    for name in MEDICAL_TABLES:
        node = text.raw(name)
        if isinstance(node, dict) and "text" in node:
            yield name, node
        elif isinstance(node, dict):
            yield from ((f"{name}.{k}", v) for k, v in node.items())
        else:
            yield from ((f"{name}[{i}]", v) for i, v in enumerate(node))
    for sid, stretch in text.stretches.items():
        yield f"stretches.{sid}", stretch


@pytest.mark.parametrize("key, entry", list(medical_entries()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_medical_statement_traces_to_the_facts(key, entry):
    assert str(entry.get("source", "")).startswith("facts:"), f"{key} has no source line"
    if "more" in entry:  # "tell me more" is a medical statement too
        assert str(entry.get("more_source", "")).startswith("facts:"), f"{key}.more has no source line"


def test_the_ranges_are_the_sources_ranges():
    text = content.for_locale("en-US")
    assert "from a few minutes to more than an hour" in text.text("topics.pop_wont")
    assert "from a few minutes to more than an hour" in text.text("topics.pop_again")
    assert "15 to 20 minutes" in text.text("topics.selfcare") and "15 to 20 minutes" in text.text("topics.heat")


def test_what_the_facts_forbid_is_never_said():
    """ "Never say it is safe to crack 'as often as you like'"; no source says stretches loosen
    things "safely"; rare disease names only when asked ("tell me more")."""
    said = " ".join(content.for_locale("en-US").text(f"topics.{t}") for t in content.for_locale("en-US").raw("topics"))
    assert "safely" not in said and "nothing to worry about" not in said
    assert "as often as you like" not in said.replace("can't say it's fine to crack it as often as you like", "")
    assert "ankylosing" not in said and "ankylosing" in content.for_locale("en-US").text("topics.pop_stopped.more")


@pytest.mark.parametrize("locale, number", [("en-US", "911"), ("en-CA", "911"), ("en-GB", "999"),
                                            ("en-AU", "000"), ("en-IN", "112")])
def test_the_emergency_number_follows_the_locale(locale, number):
    assert number in content.for_locale(locale).text("safety.levels.emergency")
    assert number in content.for_locale(locale).text("safety.levels.right_away")


def test_en_gb_points_to_nhs_111_for_urgent_care():
    assert "NHS 111" in content.for_locale("en-GB").text("safety.levels.urgent")


def test_every_stretch_has_steps_holds_and_an_easier_version():
    for sid, stretch in content.for_locale("en-US").stretches.items():
        assert stretch["steps"] and stretch["easier"] and stretch["helps"] and stretch["reps"], sid
        assert any(step.get("hold") for step in stretch["steps"]), sid
        assert all(len(step["text"].split()) <= 28 for step in stretch["steps"]), sid


def _ngrams(text: str, n: int) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z']+", text.lower().replace("’", "'"))
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_no_sentence_is_copied_from_the_seed_articles():
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("needs ../shared/seeds (the shared folder beside the project) to compare against")
    seed_grams = set().union(*(_ngrams(p.read_text(encoding="utf-8"), 7) for p in seeds))
    # what the skill says; not the vocabularies of what people say to it (their example phrasings
    # may well match an article's title, such as "why can't I pop my back anymore")
    heard = {"topic_examples.toml", "free_text.toml", "symptom_words.toml", "context.toml", "topic_words.toml"}
    ours = " ".join(p.read_text(encoding="utf-8") for p in (PACKAGE / "content").rglob("*.toml") if p.name not in heard)
    copied = _ngrams(ours, 7) & seed_grams
    assert not copied, f"seven words in a row copied from a seed article: {sorted(copied)[:3]}"


def test_invented_locales_share_en_us_and_never_grow_the_cache():
    from skill.content import _content

    for n in range(200):
        assert content.for_locale(f"xx-{n}").locale == "en-US"
    assert _content.cache_info().currsize <= len(content.LOCALES)


def _comment_of(line: str) -> str | None:
    """The comment a TOML line ends with (a '#' outside any string), or None."""
    quote, escaped = None, False
    for at, char in enumerate(line):
        if escaped:
            escaped = False
        elif char == "\\" and quote == '"':
            escaped = True
        elif quote and char == quote:
            quote = None
        elif not quote and char in "\"'":
            quote = char
        elif not quote and char == "#":
            return line[at + 1:]
    return None


@pytest.mark.parametrize("path", sorted((PACKAGE / "content").glob("*/*.toml")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_comment_hides_the_words_after_it(path):
    """A comment written after a list's element, on a line that goes on with more elements, turns
    them into comment: a rule loses its words without a sound (a red-flag phrase list once lost a
    dozen this way). A comment after code may quote words, but never holds elements of its own."""
    hidden = [f"line {n}: {line.strip()[:100]}" for n, line in enumerate(path.read_text().splitlines(), 1)
              if (comment := _comment_of(line)) is not None and not line.lstrip().startswith("#")
              and re.search(r'"\s*,\s*"|"\s*,\s*$', comment)]
    assert not hidden, "\n".join(hidden)
