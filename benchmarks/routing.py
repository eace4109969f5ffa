"""Topic routing: the router (skill/topics.py) against other ways of picking a topic, on the topic
corpus (tests/corpus/topics), and its time per question beside rapidfuzz's, in the same run.

    .venv/bin/python -m pip install rapidfuzz    # the fuzzy matchers compared (not a dependency)
    .venv/bin/python benchmarks/routing.py

Every method sees the same folded words (topic_words.toml) and the same examples
(topic_examples.toml); each picks a topic for each question, read as written. Accuracy is printed
for the tune split and the held-out splits together. Timing: the median of several rounds over
every question, the router beside rapidfuzz's best scorer (nearest example by WRatio, through
process.extractOne), interleaved, and the ratio.
"""
from __future__ import annotations

import collections
import statistics
import sys
import time
import tomllib
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from skill import topics  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "topics"
SPLITS = {"tune": ("tune",), "held out": ("holdout", "fresh", "fresh2")}


def cases(splits: tuple[str, ...]) -> list[dict]:
    found = []
    for split in splits:
        for path in sorted((CORPUS / split).glob("*.toml")):
            found += tomllib.loads(path.read_text(encoding="utf-8"))["case"]
    return found


def methods() -> dict[str, Callable[[str, str], str | None]]:
    router = topics.router("en-US")
    folded = [(" ".join(router.words(example)), topic) for example, topic in router.examples]
    found: dict[str, Callable[[str, str], str | None]] = {}
    try:
        from rapidfuzz import fuzz, process
    except ImportError:
        print("rapidfuzz is not installed: its scorers are left out (pip install rapidfuzz)")
    else:
        choices = [text for text, _ in folded]
        for name, scorer in (("rapidfuzz ratio", fuzz.ratio), ("rapidfuzz token_sort_ratio", fuzz.token_sort_ratio),
                             ("rapidfuzz token_set_ratio", fuzz.token_set_ratio), ("rapidfuzz WRatio", fuzz.WRatio)):
            def nearest(text: str, locale: str, scorer=scorer) -> str | None:
                best = process.extractOne(" ".join(topics.router(locale).words(text)), choices, scorer=scorer)
                return folded[best[2]][1] if best else None
            found[name] = nearest

    def one_nn(text: str, locale: str) -> str | None:
        r = topics.router(locale)
        vector = r._vector(collections.Counter(r.words(text)))
        scores: dict[int, float] = collections.defaultdict(float)
        for word, weight in vector.items():
            for i, other in r.index.get(word, ()):
                scores[i] += weight * other
        return r.examples[max(scores, key=scores.get)][1] if scores else None

    def centroid(text: str, locale: str) -> str | None:
        r = topics.router(locale)
        vector = r._vector(collections.Counter(r.words(text)))
        totals = {t: sum(w * c.get(word, 0.0) for word, w in vector.items()) for t, c in r.centroids.items()}
        return max(totals, key=totals.get) if any(totals.values()) else None

    found["TF-IDF nearest example"] = one_nn
    found["TF-IDF centroid"] = centroid
    found["the router: nearest example + centroid"] = lambda text, locale: getattr(topics.route(text, locale), "topic", None)
    return found


def accuracy() -> None:
    print("Accuracy (words as written, the red-flag screen aside):")
    sets = {name: cases(splits) for name, splits in SPLITS.items()}
    for name, method in methods().items():
        row = []
        for split, found in sets.items():
            ok = sum(method(c["text"], c["locale"]) == c["topic"] for c in found)
            row.append(f"{split} {ok}/{len(found)} = {ok / len(found):.1%}")
        print(f"  {name:42s} " + ", ".join(row))


def timing(rounds: int = 7) -> None:
    questions = [(c["text"], c["locale"]) for splits in SPLITS.values() for c in cases(splits)]
    for _, locale in questions:
        topics.router(locale)  # built once per locale, before timing
    contenders = {"router": lambda t, loc: topics.route(t, loc)}
    try:
        from rapidfuzz import fuzz, process
    except ImportError:
        pass
    else:
        router = topics.router("en-US")
        choices = [" ".join(router.words(example)) for example, _ in router.examples]
        contenders["rapidfuzz WRatio nearest example"] = lambda t, loc: process.extractOne(
            " ".join(topics.router(loc).words(t)), choices, scorer=fuzz.WRatio)
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, run in contenders.items():  # interleaved, so both see the same machine
            started = time.perf_counter()
            for text, locale in questions:
                run(text, locale)
            samples[name].append((time.perf_counter() - started) / len(questions) * 1e6)
    print(f"\nTime per question ({len(questions)} questions, median of {rounds} rounds):")
    base = statistics.median(samples["router"])
    for name, values in samples.items():
        median = statistics.median(values)
        ratio = "" if name == "router" else f"  ({median / base:.1f}x the router)"
        print(f"  {name:34s} {median:8.1f} µs{ratio}")
    build = []
    for _ in range(3):
        topics.router.cache_clear()
        started = time.perf_counter()
        topics.router("en-US")
        build.append(time.perf_counter() - started)
    print(f"  building the en-US router once (cold start): {statistics.median(build) * 1000:.1f} ms")


if __name__ == "__main__":
    accuracy()
    timing()
