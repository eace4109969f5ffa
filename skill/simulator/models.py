"""The interaction models the simulator resolves against: interaction_models/<locale>.json.

They live next to the package in a checkout (`Path(skill.__file__).parents[1]`); `--models DIR`
points elsewhere.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import skill

from .resolver import Resolver

_LOCALE = re.compile(r"[a-z]{2}-[A-Z]{2}")
LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")


class ModelMissing(Exception):
    """There is no interaction model for the locale asked for."""


def default_dir() -> Path:
    return Path(skill.__file__).resolve().parents[1] / "interaction_models"


def available(models_dir: str | Path | None = None) -> list[str]:
    """The locales that have a model file, known locales first."""
    folder = Path(models_dir) if models_dir else default_dir()
    found = sorted(p.stem for p in folder.glob("*.json") if _LOCALE.fullmatch(p.stem)) if folder.is_dir() else []
    return [loc for loc in LOCALES if loc in found] + [loc for loc in found if loc not in LOCALES]


def resolver_for(locale: str, models_dir: str | Path | None = None) -> Resolver:
    """The resolver for a locale's model (read once per file and change)."""
    path = (Path(models_dir) if models_dir else default_dir()) / f"{locale}.json"
    if not path.is_file():
        raise ModelMissing(f"no interaction model for {locale} at {path}")
    return _load(str(path.resolve()), path.stat().st_mtime_ns)


@lru_cache(maxsize=16)
def _load(path: str, _mtime: int) -> Resolver:
    return Resolver(json.loads(Path(path).read_text(encoding="utf-8")))
