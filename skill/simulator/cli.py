"""`backpop simulate`: talk to the skill offline, the way the Alexa console's Test tab does.

    backpop simulate "why does my back pop"          one turn, then the spoken answer
    backpop simulate "open back pop coach" "guide me through cat cow" next next
    backpop simulate                                  an interactive chat (Ctrl-D leaves)
    backpop simulate --replay replays/guided-stretch.json --save-skill-io io.json
    backpop simulate --web --port 8001                the browser page on http://127.0.0.1:8001/
    backpop simulate --person Sam "open back pop coach"   a speaker Alexa recognises
    backpop simulate --can-fulfill "why does my back pop"  the name-free question Alexa asks first
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from . import envelopes, models, replay
from .chat import Simulator, Turn
from .fake_alexa import FakeAlexaApi
from .transport import SimulatorError, open_transport

EPILOG = """\
Each utterance is resolved against interaction_models/<locale>.json like Alexa does (samples,
slot values and synonyms, built-in intents such as next/repeat/stop, and invocation phrases
such as "open back pop coach" or "ask back pop coach why my back pops"); outside a session,
an utterance without the invocation name is sent as a one-shot request. In the chat an empty
line is silence (Alexa repeats the reprompt, then ends the session) and "exit" ends the
session. --web serves the page at the root of http://HOST:PORT/ (on `backpop serve` with
BACKPOP_VERIFY=0 the same page is at /simulator/).
"""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add `simulate` to the `backpop` command."""
    parser = subparsers.add_parser(
        "simulate", help="talk to the skill offline, as Alexa would",
        description="Type what you'd say to Alexa and hear what Back Pop Coach answers.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("utterances", nargs="*", metavar="UTTERANCE", help="one turn each, in one session")
    parser.add_argument("--locale", help="en-US (default), en-GB, en-CA, en-AU or en-IN")
    parser.add_argument("--url", help="send requests over HTTP to this endpoint instead of the skill in-process")
    parser.add_argument("--screen", action="store_true", help="a device with a screen (supports APL)")
    parser.add_argument("--json", action="store_true", help="print each request and response envelope too")
    parser.add_argument("--replay", metavar="FILE", help="play an `ask dialog --replay` file")
    parser.add_argument("--save-skill-io", metavar="FILE", help="write the requests and responses (ask dialog shape)")
    parser.add_argument("--web", action="store_true", help="serve the simulator page in the browser")
    parser.add_argument("--host", default="127.0.0.1", help="the page's address (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8001, help="the page's port (default 8001)")
    parser.add_argument("--models", metavar="DIR", help="folder of <locale>.json interaction models")
    parser.add_argument("--store", metavar="URL", help="where the skill keeps its records (default: as "
                        "`backpop serve`: $BACKPOP_STORE, else SQLite in $BACKPOP_DATA_DIR); memory:// forgets")
    parser.add_argument("--skill-id", help="applicationId to send (default: the replay file's, or a placeholder)")
    parser.add_argument("--person", metavar="NAME", help="a speaker Alexa recognises by voice (their own record); "
                        "in a chat, '.person NAME' switches and '.person' alone is nobody recognised")
    parser.add_argument("--can-fulfill", metavar="UTTERANCE", action="append", default=[],
                        help="send the CanFulfillIntentRequest Alexa sends before a name-free request, and show "
                        "the answer (repeatable)")
    parser.set_defaults(func=simulate)
    return parser


def simulate(args: argparse.Namespace) -> int:
    """Run the simulator as the flags say; 0 when every turn got an answer."""
    try:
        if args.web:
            return _serve_page(args)
        plan = replay.load(args.replay) if args.replay else None
        locale = args.locale or (plan.locale if plan else "en-US")
        skill_id = args.skill_id or (plan.skill_id if plan else "") or envelopes.SKILL_ID
        api = FakeAlexaApi().start()  # the Reminders and Settings APIs, kept on loopback for this run
        simulator = Simulator(models.resolver_for(locale, args.models), open_transport(args.url, args.store),
                              locale=locale, screen=args.screen, skill_id=skill_id, person=args.person, api=api)
    except (replay.ReplayError, models.ModelMissing, ValueError) as exc:
        print(f"backpop simulate: {exc}", file=sys.stderr)
        return 2
    lines = [*(plan.user_input if plan else ()), *args.utterances]
    try:
        for words in args.can_fulfill:
            _show_can_fulfill(simulator.can_fulfill(words), show_json=args.json)
        if args.can_fulfill and not lines:
            return 0
        if lines:
            for turn in replay.play(simulator, lines):
                _show(turn, echo=True, show_json=args.json)
        else:
            _chat(simulator, show_json=args.json)
    except SimulatorError as exc:
        print(f"backpop simulate: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.save_skill_io:
            replay.save_skill_io(simulator, args.save_skill_io)
        api.stop()
    return 0


def _show_can_fulfill(turn: Turn, *, show_json: bool) -> None:
    """The name-free question and the skill's answer: YES, NO or MAYBE, and per slot."""
    print(f"Can fulfill: {turn.said}", flush=True)
    print(turn.describe(), flush=True)
    if show_json and turn.request is not None:
        print("  Request:\n" + json.dumps(turn.request, indent=2), flush=True)
    answer = ((turn.response or {}).get("response") or {}).get("canFulfillIntent")
    if answer is None:
        print(f"  ({turn.note or 'no canFulfillIntent in the response'})", flush=True)
        return
    print(f"  canFulfill: {answer.get('canFulfill')}", flush=True)
    for name, slot in (answer.get("slots") or {}).items():
        print(f"    {name}: canUnderstand {slot.get('canUnderstand')}, canFulfill {slot.get('canFulfill')}", flush=True)


def _show(turn: Turn, *, echo: bool, show_json: bool) -> None:
    print(turn.as_text(echo=echo, show_json=show_json), flush=True)


def _chat(simulator: Simulator, *, show_json: bool) -> None:
    """Read lines until end of input; an empty line is silence."""
    where = "a screen device" if simulator.screen else "a voice-only device"
    print(f"Back Pop Coach simulator ({simulator.session.locale}, {where}). Say \"open back pop coach\" "
          "to start; an empty line is silence; Ctrl-D leaves.", flush=True)
    while True:
        try:
            text = input("You: ")
        except EOFError:
            print()
            return
        if not text.strip():
            _show(simulator.silence(), echo=False, show_json=show_json)
            continue
        turn = simulator.say(text)
        if turn.resolution and turn.resolution.kind == "end" and turn.request is None:
            return  # "exit" with no session open leaves the chat
        _show(turn, echo=False, show_json=show_json)


def _serve_page(args: argparse.Namespace) -> int:
    from .web import standalone_app

    app = standalone_app(models_dir=args.models, url=args.url, store_url=args.store, skill_id=args.skill_id)
    print(f"Back Pop Coach simulator on http://{args.host}:{args.port}/  (Ctrl-C stops)", file=sys.stderr)
    app.run(host=args.host, port=args.port, threaded=True, debug=False, use_reloader=False)
    return 0
