"""The simulator's browser page (placeholder until the page lands)."""
from __future__ import annotations

from flask import Blueprint

blueprint = Blueprint("simulator", __name__)
