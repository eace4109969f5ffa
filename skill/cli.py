"""`backpop`: run the skill locally, or talk to it with the offline simulator."""
from __future__ import annotations

import argparse
import sys


SERVE_THREADS = 16
SERVE_BACKLOG = 64
SERVE_TIMEOUT = 10.0


def serve(args: argparse.Namespace) -> int:
    """Werkzeug's server with a fixed pool of threads (not one per connection), a bounded queue of
    waiting connections, and a socket timeout, so a slow or stalled client frees its thread."""
    from concurrent.futures import ThreadPoolExecutor
    from threading import BoundedSemaphore

    from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler

    from .app import create_app

    class Handler(WSGIRequestHandler):
        timeout = SERVE_TIMEOUT

    class PooledServer(BaseWSGIServer):
        def __init__(self, *options, **named) -> None:
            super().__init__(*options, handler=Handler, **named)
            self.pool = ThreadPoolExecutor(SERVE_THREADS, thread_name_prefix="backpop-serve")
            self.waiting = BoundedSemaphore(SERVE_THREADS + SERVE_BACKLOG)

        def process_request(self, request, client_address) -> None:  # noqa: ANN001 - socketserver's
            if not self.waiting.acquire(blocking=False):
                self.shutdown_request(request)  # full: refuse rather than grow
                return
            self.pool.submit(self._work, request, client_address)

        def _work(self, request, client_address) -> None:  # noqa: ANN001
            try:
                self.finish_request(request, client_address)
            except Exception:  # noqa: BLE001 - socketserver's own reporting
                self.handle_error(request, client_address)
            finally:
                self.shutdown_request(request)
                self.waiting.release()

    app = create_app()
    server = PooledServer(args.host, args.port, app)
    print(f"Back Pop Coach on http://{args.host}:{args.port}/  (health: /health; {SERVE_THREADS} threads)",
          file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        server.pool.shutdown(wait=False, cancel_futures=True)
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
