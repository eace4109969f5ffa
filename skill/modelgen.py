"""The five interaction models, generated from one source: interaction_models/source.toml.

The source holds the invocation name, every intent (its slots and samples), every custom slot
type (value ids, values, synonyms), and per-locale additions: extra samples and synonyms in the
locale's own words ("physio", "GP" in en-GB; "physical therapist", "ER" in en-US). A locale
only adds, so all five models have the same intents, slots and value ids.

The free-text intents' "<opener> {query}" samples come from the skill's own content
(`skill/content/<locale>/free_text.toml`, through skill.carriers), the same data that tells the
skill which words to put back; they are written last, after every other intent. The topic
intents (WhatIsThePopIntent, HeatIntent, ...) take their samples from the topics' examples
(`skill/content/<locale>/topic_examples.toml`), the same the skill's routing compares with.

    python -m skill.modelgen            write interaction_models/<locale>.json
    python -m skill.modelgen --check    exit 1 if a committed model differs from the source
"""
from __future__ import annotations

import argparse
import json
import sys
import tomllib
from pathlib import Path
from typing import Any, Sequence

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "interaction_models"
SOURCE = MODELS / "source.toml"
LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")


class SourceError(ValueError):
    """The source names something it does not define, or a locale tries to change, not add."""


def load_source(path: Path = SOURCE) -> dict[str, Any]:
    """The parsed source.toml."""
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _merged(*lists: Sequence[str]) -> list[str]:
    """The lists joined in order, each entry once."""
    return list(dict.fromkeys(item for items in lists for item in items))


def _additions(source: dict[str, Any], locale: str) -> list[dict[str, Any]]:
    """The additions that apply to a locale: its groups' (in the order listed), then its own."""
    try:
        own = source["locales"][locale]
    except KeyError:
        raise SourceError(f"source.toml has no [locales.{locale}]") from None
    groups = source.get("groups", {})
    found = []
    for name in own.get("groups", []):
        if name not in groups:
            raise SourceError(f"[locales.{locale}] names group {name!r}, which [groups] does not define")
        found.append(groups[name])
    return [*found, own]


def _intent(spec: dict[str, Any], extra: list[str]) -> dict[str, Any]:
    """One intent in ASK's shape: name, slots (if any), samples."""
    intent: dict[str, Any] = {"name": spec["name"], "samples": _merged(spec.get("samples", []), extra)}
    slots = spec.get("slots", {})
    if slots:
        intent["slots"] = [{"name": name, "type": kind} for name, kind in slots.items()]
    return intent


def _slot_type(name: str, values: dict[str, Any], extra: dict[str, list[str]]) -> dict[str, Any]:
    """One custom slot type in ASK's shape: values with id, value and synonyms."""
    unknown = sorted(set(extra) - set(values))
    if unknown:
        raise SourceError(f"locale synonyms for {name} name unknown value ids: {', '.join(unknown)}")
    return {
        "name": name,
        "values": [
            {"id": value_id, "name": {"value": spec["value"],
                                      "synonyms": _merged(spec.get("synonyms", []), extra.get(value_id, []))}}
            for value_id, spec in values.items()
        ],
    }


def _free_text(locale: str, intents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The free-text intents, last: those the source declares (in its order), then the rest."""
    from . import carriers

    table = carriers.table(locale)
    if set(table) != set(carriers.table("en-US")):
        raise SourceError(f"{locale}: free_text.toml may add openers, not intents")
    declared = [spec for spec in intents if spec["name"] in table]
    for spec in declared:
        query_first = any(sample.startswith("{query} ") for sample in spec.get("samples", []))
        if query_first != table[spec["name"]].after:
            raise SourceError(f"{spec['name']}: samples that begin with {{query}} and free_text.toml's also_after disagree")
    known = {spec["name"] for spec in declared}
    extra = [{"name": name, "slots": {"query": "AMAZON.SearchQuery"}} for name in table if name not in known]
    return [{**spec, "samples": [*spec.get("samples", []), *(f"{o} {{query}}" for o in table[spec["name"]].openers)]}
            for spec in [*declared, *extra]]


def _topic_intents(locale: str) -> list[dict[str, Any]]:
    """One intent per topic that names one, its samples the topic's examples (topic_examples.toml)."""
    from . import content

    found = []
    for topic, spec in content.joined(locale, "topic_examples").items():
        if "intent" in spec:
            found.append({"name": spec["intent"], "samples": list(dict.fromkeys(spec.get("examples", [])))})
    return found


def build(locale: str, source: dict[str, Any] | None = None) -> dict[str, Any]:
    """The interaction model for one locale, as ASK's JSON: invocation name, intents, types."""
    source = load_source() if source is None else source
    additions = _additions(source, locale)
    from . import carriers

    free_names = set(carriers.table(locale))
    intents = [spec for spec in source["intents"] if spec["name"] not in free_names]
    intents += _topic_intents(locale)
    intents += _free_text(locale, source["intents"])
    names = {spec["name"] for spec in intents}
    extra_samples: dict[str, list[str]] = {}
    extra_synonyms: dict[str, dict[str, list[str]]] = {}
    for addition in additions:
        for intent_name, samples in addition.get("samples", {}).items():
            if intent_name not in names:
                raise SourceError(f"{locale}: extra samples for {intent_name}, which is not an intent")
            extra_samples[intent_name] = _merged(extra_samples.get(intent_name, []), samples)
        for type_name, values in addition.get("synonyms", {}).items():
            if type_name not in source["types"]:
                raise SourceError(f"{locale}: extra synonyms for {type_name}, which is not a slot type")
            table = extra_synonyms.setdefault(type_name, {})
            for value_id, synonyms in values.items():
                table[value_id] = _merged(table.get(value_id, []), synonyms)
    model: dict[str, Any] = {
        "interactionModel": {
            "languageModel": {
                "invocationName": source["invocation_name"],
                "intents": [_intent(spec, extra_samples.get(spec["name"], [])) for spec in intents],
                "types": [_slot_type(name, values, extra_synonyms.get(name, {}))
                          for name, values in source["types"].items()],
            }
        }
    }
    ingress = _name_free(source, additions, names)
    if ingress:
        model["interactionModel"]["_nameFreeInteraction"] = {"ingressPoints": ingress}
    return model


def _name_free(source: dict[str, Any], additions: list[dict[str, Any]], names: set[str]) -> list[dict[str, Any]]:
    """Amazon's name-free ingress points: skill launch phrases (type LAUNCH) and intent launch
    phrases (type INTENT), shared then the locale's own, at most five each, RAW_TEXT without slots."""
    shared = source.get("name_free", {})
    launch = _merged(shared.get("launch", []), *(a.get("name_free", {}).get("launch", []) for a in additions))
    by_intent: dict[str, list[str]] = {}
    for table in (shared.get("intents", {}), *(a.get("name_free", {}).get("intents", {}) for a in additions)):
        for intent, phrases in table.items():
            if intent not in names:
                raise SourceError(f"name-free phrases for {intent}, which is not an intent")
            by_intent[intent] = _merged(by_intent.get(intent, []), phrases)
    points = [("LAUNCH", None, launch)] + [("INTENT", name, phrases) for name, phrases in by_intent.items()]
    out = []
    for kind, name, phrases in points:
        if not phrases:
            continue
        if len(phrases) > 5 or any("{" in phrase for phrase in phrases):
            raise SourceError(f"name-free {kind} {name or ''}: at most five phrases, no slots")
        point: dict[str, Any] = {"type": kind, "sampleUtterances": [{"format": "RAW_TEXT", "value": v} for v in phrases]}
        if name:
            point["name"] = name
        out.append(point)
    return out


def render(model: dict[str, Any]) -> str:
    """A model as the committed file's text: sorted keys, two-space indent, trailing newline."""
    return json.dumps(model, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def generated(source: dict[str, Any] | None = None) -> dict[str, str]:
    """Every locale's file name and the text the source generates for it."""
    source = load_source() if source is None else source
    return {f"{locale}.json": render(build(locale, source)) for locale in LOCALES}


def write_all(folder: Path | str = MODELS) -> list[Path]:
    """Write interaction_models/<locale>.json for all five locales; the paths written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in generated().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def check(folder: Path | str = MODELS) -> list[str]:
    """Names of model files that are missing or differ from what the source generates."""
    folder = Path(folder)
    stale = []
    for name, text in generated().items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale


def main(argv: Sequence[str] | None = None) -> int:
    """Write the models, or with --check report drift and return 1."""
    parser = argparse.ArgumentParser(prog="python -m skill.modelgen", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if any model differs")
    parser.add_argument("--folder", type=Path, default=MODELS, help="where the <locale>.json files live")
    args = parser.parse_args(argv)
    if args.check:
        stale = check(args.folder)
        for name in stale:
            print(f"{args.folder / name} differs from {SOURCE.name}; run: python -m skill.modelgen", file=sys.stderr)
        return 1 if stale else 0
    for path in write_all(args.folder):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
