"""`backpop`: run the skill locally, or talk to it with the offline simulator."""
from __future__ import annotations

import argparse
import sys


def serve(args: argparse.Namespace) -> int:
    from .app import create_app

    app = create_app()
    print(f"Back Pop Coach on http://{args.host}:{args.port}/  (health: /health)", file=sys.stderr)
    app.run(host=args.host, port=args.port, threaded=True, debug=False, use_reloader=False)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="backpop", description="Back Pop Coach, an Alexa skill.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("serve", help="run the skill service locally")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8000)
    run.set_defaults(func=serve)
    try:
        from .simulator.cli import add_parser
    except ImportError:  # the simulator is optional while it is being built
        add_parser = None
    if add_parser is not None:
        add_parser(commands)
    args = parser.parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
