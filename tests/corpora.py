"""Reading the labelled corpora in tests/corpus/<name>/<split>/*.toml (see tests/corpus/README.md)."""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Iterator

CORPORA = Path(__file__).parent / "corpus"


def read(name: str, splits: tuple[str, ...]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every case of a corpus, split by split and file by file, with the split it is in."""
    for split in splits:
        for path in sorted((CORPORA / name / split).glob("*.toml")):
            for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
                yield split, case
