"""Configuration, read once from the environment by the app factory (never at import)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping, NamedTuple


def _flag(value: str | None, default: bool) -> bool:
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() not in {"0", "false", "no", "off"}


class Config(NamedTuple):
    """Everything the service can be told; see the README's configuration table."""

    verify: bool = True
    skill_ids: frozenset[str] = frozenset()
    store: str = ""
    data_dir: Path = Path("data")
    dynamodb_region: str | None = None
    dynamodb_endpoint: str | None = None
    dynamodb_create_table: bool = True
    log_level: str = "INFO"
    max_body_bytes: int = 256 * 1024
    replay_cache: int = 0  # request ids remembered to refuse replays; 0: off (Amazon does not require it)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Config":
        env = os.environ if env is None else env
        ids = frozenset(s.strip() for s in env.get("BACKPOP_SKILL_ID", "").split(",") if s.strip())
        return cls(
            verify=_flag(env.get("BACKPOP_VERIFY"), True),
            skill_ids=ids,
            store=env.get("BACKPOP_STORE", ""),
            data_dir=Path(env.get("BACKPOP_DATA_DIR", "data")),
            dynamodb_region=env.get("BACKPOP_DYNAMODB_REGION") or env.get("AWS_REGION") or None,
            dynamodb_endpoint=env.get("BACKPOP_DYNAMODB_ENDPOINT") or None,
            dynamodb_create_table=_flag(env.get("BACKPOP_DYNAMODB_CREATE_TABLE"), True),
            log_level=env.get("BACKPOP_LOG_LEVEL", "INFO").upper(),
            replay_cache=int(env.get("BACKPOP_REPLAY_CACHE") or 0),
        )
