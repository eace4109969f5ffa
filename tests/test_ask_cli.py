"""The README's ASK CLI install: tools/ask-cli pins ask-cli 2.30.7 and holds antlr4ts at
0.5.0-alpha.4 (a plain `npm install ask-cli` gets a newer pre-release through @alexa/acdl and
crashes at start with "Class extends value undefined").

The package files are checked here every run. The install itself needs the npm registry:
`.ci/run` runs the README's `npm ci --prefix tools/ask-cli` (about a minute), and the last test
starts the CLI it installed; locally it skips until you have run that command.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "tools" / "ask-cli"
ASK = FOLDER / "node_modules" / ".bin" / "ask"


def test_the_package_pins_the_cli_and_overrides_antlr4ts():
    package = json.loads((FOLDER / "package.json").read_text(encoding="utf-8"))
    assert package["private"] is True
    assert package["dependencies"] == {"ask-cli": "2.30.7"}
    assert package["overrides"] == {"antlr4ts": "0.5.0-alpha.4"}


def test_the_lockfile_holds_the_working_versions():
    lock = json.loads((FOLDER / "package-lock.json").read_text(encoding="utf-8"))
    packages = lock["packages"]
    assert packages[""]["dependencies"] == {"ask-cli": "2.30.7"}
    assert packages["node_modules/ask-cli"]["version"] == "2.30.7"
    antlr = {path: data["version"] for path, data in packages.items() if path.endswith("node_modules/antlr4ts")}
    assert antlr and set(antlr.values()) == {"0.5.0-alpha.4"}, antlr
    assert all(data.get("resolved", "").startswith("https://registry.npmjs.org/")
               for path, data in packages.items() if path and "resolved" in data)


def test_the_readme_installs_it_this_way():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "npm ci --prefix tools/ask-cli" in readme and "npm install -g ask-cli" not in readme


def test_the_installed_cli_starts():
    if not ASK.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must run the README's install: npm ci --prefix tools/ask-cli")
        pytest.skip("run the README's install first: npm ci --prefix tools/ask-cli")
    if not shutil.which("node"):
        pytest.skip("needs node")
    done = subprocess.run([str(ASK), "--version"], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "2.30.7"
