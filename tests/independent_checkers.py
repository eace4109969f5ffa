"""The independent checkers (tests/checkers: ssml-check-core, Amazon's apl-suggester) from Python.

`run(job)` sends one JSON job to `node tests/checkers/check.js` and returns its results.
`missing()` says why they cannot run here (no node, or `npm ci --prefix tests/checkers` not
done), or None. Tests skip locally for that reason and fail under CI=true.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

FOLDER = Path(__file__).resolve().parent / "checkers"
INSTALL = "npm ci --prefix tests/checkers"


def missing() -> str | None:
    if not shutil.which("node"):
        return f"needs node and the pinned checkers ({INSTALL})"
    if not (FOLDER / "node_modules" / "ssml-check-core").is_dir() or not (
            FOLDER / "node_modules" / "apl-suggester").is_dir():
        return f"needs the pinned checkers: {INSTALL}"
    return None


def need() -> None:
    """Skip (locally) or fail (under CI) when the checkers cannot run."""
    reason = missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install the checkers: {reason}")
        pytest.skip(reason)


def run(job: dict[str, Any]) -> dict[str, Any]:
    done = subprocess.run(["node", str(FOLDER / "check.js")], input=json.dumps(job), capture_output=True,
                          text=True, timeout=300, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the checkers failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout)
