"""The baseline: a minimal hello-world ask-sdk-core skill, behind Back Pop Coach's own Flask door.

`create_app()` is `skill.app.create_app` with this skill in place of Back Pop Coach (same body
checks, verification, logging and headers), so a ratio against it is the cost of the skill
itself. `handler` is the same skill as an AWS Lambda handler, for the cold-start comparison.
"""
from __future__ import annotations

from typing import Any

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.skill_builder import SkillBuilder


class Hello(AbstractRequestHandler):
    """Any request: "Hello world", the session kept open."""

    def can_handle(self, handler_input: Any) -> bool:
        return True

    def handle(self, handler_input: Any) -> Any:
        return handler_input.response_builder.speak("Hello world").ask("Say hello again").response


def hello_skill() -> Any:
    builder = SkillBuilder()
    builder.add_request_handler(Hello())
    return builder.create()


def create_app(config: Any = None, *, our_serializer: bool = False, **options: Any) -> Any:
    """The hello-world skill behind the door; `our_serializer`: on skill/serializer.py instead of
    the SDK's (the benchmarks' hello*, so the skill's own work shows apart from reading and
    writing the SDK's models)."""
    from skill.app import create_app as backpop_app

    skill = hello_skill()
    if our_serializer:
        from skill.serializer import Serializer

        skill.serializer = Serializer()
    return backpop_app(config, skill=skill, **options)


def _lambda_handler() -> Any:
    builder = SkillBuilder()
    builder.add_request_handler(Hello())
    return builder.lambda_handler()


handler = _lambda_handler()
