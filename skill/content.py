"""Spoken text and stretch data, as data files: content/<locale>/*.toml, locales override en-US.

A text entry is either a plain string or a table with `text` and `source` (the line of
`back-pain-facts.md` a medical statement traces to). Texts use `{name}` placeholders; every
text may use the locale's `{emergency}`, `{urgent_service}` and `{therapist}`.
"""
from __future__ import annotations

import random
import tomllib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

CONTENT = Path(__file__).resolve().parent / "content"  # (importlib.resources costs a cold start ~10 ms of imports)
DEFAULT_LOCALE = "en-US"
LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict) and "text" not in value:
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


# Word lists read through joined() (a locale adds to en-US's), not spoken text: left out of Content,
# so a cold start parses them only when a request needs them.
VOCABULARIES = frozenset({"symptom_words", "context", "free_text", "topic_examples", "topic_words", "named_words"})


class _Files(dict):
    """One locale's spoken-text files by name (basics, guide, ...), en-US underneath, each read
    the first time something in it is asked for: a cold start's launch reads four of twelve."""

    def __init__(self, locale: str) -> None:
        super().__init__()
        self.locale = locale
        self.names = frozenset(name for folder in dict.fromkeys((DEFAULT_LOCALE, locale))
                               for name in _file_names(folder))

    def __missing__(self, name: str) -> Any:
        if name not in self.names:
            raise KeyError(name)
        data = _read(DEFAULT_LOCALE, name)
        if self.locale != DEFAULT_LOCALE:
            data = _merge({name: data}, {name: _read(self.locale, name)})[name]
        self[name] = data  # (two threads may both read it: the same data)
        return data

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def get(self, name: str, default: Any = None) -> Any:
        return self[name] if name in self.names else default

    def __iter__(self) -> Any:
        return iter(sorted(self.names))

    def __len__(self) -> int:
        return len(self.names)

    def keys(self) -> Any:
        return sorted(self.names)

    def items(self) -> Any:
        return [(name, self[name]) for name in sorted(self.names)]

    def values(self) -> Any:
        return [self[name] for name in sorted(self.names)]


def _file_names(locale: str) -> list[str]:
    folder = CONTENT / locale
    if not folder.is_dir():
        return []
    return [entry.name[:-5] for entry in folder.iterdir()
            if entry.name.endswith(".toml") and entry.name[:-5] not in VOCABULARIES]


def _read(locale: str, name: str) -> dict[str, Any]:
    path = CONTENT / locale / f"{name}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


@dataclass(frozen=True)
class Content:
    """One locale's content, with en-US underneath."""

    locale: str
    data: dict[str, Any]

    def raw(self, key: str) -> Any:
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise KeyError(f"no content {key!r} for {self.locale}")
            node = node[part]
        return node

    def text(self, key: str, **values: Any) -> str:
        """The sentence under `key` (one picked at random from a list), placeholders filled."""
        node = self.raw(key)
        if isinstance(node, dict):
            node = node["text"]
        if isinstance(node, list):
            node = random.choice(node)
        return node.format_map({**self.defaults, **values} if values else self.defaults)

    @cached_property  # the content never changes once loaded (a frozen dataclass keeps a cached_property)
    def defaults(self) -> dict[str, str]:
        return {k: v for k, v in self.data.get("locale", {}).items() if isinstance(v, str)}

    @property
    def stretches(self) -> dict[str, dict[str, Any]]:
        return self.data["stretches"]["stretch"]


def _joined(base: Any, more: Any) -> Any:
    if isinstance(base, dict) and isinstance(more, dict):
        return {**base, **{k: _joined(base[k], v) if k in base else v for k, v in more.items()}}
    if isinstance(base, list) and isinstance(more, list):
        return [*base, *(item for item in more if item not in base)]
    return more


def joined(locale: str | None, name: str) -> dict[str, Any]:
    """One data file of en-US with the locale's file of that name ADDED to it: lists joined,
    tables merged. For vocabularies (symptom words, ConText rules, openers), where a locale
    says more than en-US, never less. (Unknown locales are en-US before the cache.)"""
    return _joined_file(locale if locale in LOCALES else DEFAULT_LOCALE, name)


@lru_cache(maxsize=None)  # bounded: the locales the skill has, times its few vocabulary files
def _joined_file(locale: str, name: str) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for folder in dict.fromkeys((DEFAULT_LOCALE, locale)):
        path = CONTENT / folder / f"{name}.toml"
        if path.is_file():
            data = _joined(data, tomllib.loads(path.read_text(encoding="utf-8")))
    return data


def for_locale(locale: str | None) -> Content:
    """Content for a locale; unknown locales get en-US (mapped before the cache, so it stays
    one entry a locale the skill has, whatever locales requests invent)."""
    return _content(locale if locale in LOCALES else DEFAULT_LOCALE)


@lru_cache(maxsize=len(LOCALES))
def _content(locale: str) -> Content:
    return Content(locale, _Files(locale))
