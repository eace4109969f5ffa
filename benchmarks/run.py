"""Back Pop Coach against a hello-world ask-sdk-core skill, measured in the same run, interleaved.

    .venv/bin/python benchmarks/run.py              # everything, about two minutes on 2 cores
    .venv/bin/python benchmarks/run.py --quick      # fewer rounds, shorter HTTP runs

Prints, each next to the hello-world figure and the ratio (and, for 1 and 3, next to hello*: the
hello-world skill on this skill's serializer, skill/serializer.py, so the skill's own work shows
apart from reading and writing the SDK's models):
1. in-process cost per request for each intent family (SQLite store), through the same Flask
   door (body checks, logging, headers), the WSGI app called directly;
2. the same with signature verification on (a generated CA and leaf, the chain cached);
3. HTTP throughput and p50/p99 under the production server (gunicorn -c skill/gunicorn_conf.py)
   at 1, 8 and 32 keep-alive clients on loopback, errors counted; and the same while 64 slow
   clients trickle requests a byte at a time;
4. cold start: import and create the app; the Lambda handler's first request, in a bare interpreter
   and with what Lambda's Python runtime has already imported (logging, json, traceback);
5. memory (RSS) per gunicorn worker after the load;
6. the red-flag screen and the topic routing alone on a free-text turn's words.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from benchmarks.httpload import SlowClients, run_clients  # noqa: E402
from conftest import envelope, free_port, intent_request  # noqa: E402

CONVERSATIONS: dict[str, list[dict[str, Any]]] = {
    "launch": [{"type": "LaunchRequest"}],
    "explain the pop": [intent_request("WhatIsThePopIntent")],
    "stretch offer": [intent_request("ChooseStretchIntent", area=("lower back", "lower_back"))],
    "guided routine": [intent_request("GuideStretchIntent", stretch=("cat cow", "cat_cow"))]
    + [intent_request("AMAZON.NextIntent")] * 4,
    "symptom check": [intent_request("CheckSymptomsIntent")] + [intent_request("AMAZON.NoIntent")] * 3,
    "free text": [intent_request("QuestionIntent", query="does my back crack when i twist")],
    "red flag free text": [intent_request("QuestionIntent", query="my legs are numb and weak")],
}


def _new_questions() -> Iterator[str]:
    """Questions people asked (the topic corpus's held-out en-US phrasings), each new to the skill:
    'free text, new words' asks the next one each round, and the run with verification on goes
    on where the run without it stopped, so neither the screen's nor the routing's recent
    readings have it (350 different questions; the two runs ask 126)."""
    import corpora

    splits = tuple(path.name for path in sorted((ROOT / "tests" / "corpus" / "topics").iterdir())
                   if path.is_dir() and path.name.startswith("fresh"))
    return iter(dict.fromkeys(case["text"] for split, case in corpora.read("topics", splits) if case["locale"] == "en-US"))


_QUESTIONS: Iterator[str] | None = None



# -- in-process ----------------------------------------------------------------------------------

def wsgi_caller(app: Any, headers: dict[str, str] | None = None) -> Callable[[bytes, dict[str, str] | None], tuple]:
    """Call the WSGI app directly (no test client in the way); returns (status, body bytes)."""
    def call(body: bytes, extra: dict[str, str] | None = None) -> tuple[str, bytes]:
        environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/", "SERVER_NAME": "bench", "SERVER_PORT": "80",
                   "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(body), "CONTENT_TYPE": "application/json",
                   "CONTENT_LENGTH": str(len(body)), "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.errors": sys.stderr,
                   "wsgi.multithread": False, "wsgi.multiprocess": False, "wsgi.run_once": False}
        for name, value in (extra or {}).items():
            environ["HTTP_" + name.upper().replace("-", "_")] = value
        status: list[str] = []
        chunks = app(environ, lambda s, h, exc=None: status.append(s))
        return status[0], b"".join(chunks)
    return call


def play(call: Callable, turns: list[dict[str, Any]], user: str, sign: Callable | None) -> list[float]:
    """One conversation, session attributes carried; the time of each turn's call alone."""
    times, attributes, new = [], None, True
    for request in turns:
        body_env = envelope(request, new=new, session_id="amzn1.echo-api.session.bench", attributes=attributes,
                            user_id=user)
        headers, body = (sign(body_env) if sign else (None, json.dumps(body_env).encode()))
        started = time.perf_counter()
        status, raw = call(body, headers)
        times.append(time.perf_counter() - started)
        if not status.startswith("200"):
            raise SystemExit(f"benchmark request failed: {status} {raw[:200]!r}")
        reply = json.loads(raw)
        attributes, new = reply.get("sessionAttributes"), False
        if reply.get("response", {}).get("shouldEndSession"):
            attributes, new = None, True
    return times


def in_process(rounds: int, verify: bool) -> list[tuple[str, float, float, float]]:
    """Per family: ours, the hello-world skill as the SDK builds it, and the hello-world skill
    on our serializer (skill/serializer.py), so the skill's own work shows apart from reading
    and writing the SDK's models (median µs per request)."""
    from benchmarks.hello import create_app as hello_app
    from skill.app import create_app
    from skill.config import Config

    data_dir = Path(tempfile.mkdtemp(prefix="backpop-bench-"))
    sign, verifier_for = (_signing() if verify else (None, lambda: None))
    ours = wsgi_caller(create_app(Config(verify=verify, store="", data_dir=data_dir, log_level="WARNING"),
                                  verifier=verifier_for()))
    hello = wsgi_caller(hello_app(Config(verify=verify, store="memory://", data_dir=data_dir, log_level="WARNING"),
                                  verifier=verifier_for()))
    same = wsgi_caller(hello_app(Config(verify=verify, store="memory://", data_dir=data_dir, log_level="WARNING"),
                                 verifier=verifier_for(), our_serializer=True))
    global _QUESTIONS
    rows = []
    questions = _QUESTIONS = _QUESTIONS or _new_questions()
    families: dict[str, Callable[[int], list[dict[str, Any]]]] = {
        **{name: (lambda n, turns=turns: turns) for name, turns in CONVERSATIONS.items()},
        "free text, new words": lambda n: [intent_request("QuestionIntent", query=next(questions))],
    }
    for name, turns_of in families.items():
        slug = _slug(name)
        mine: list[float] = []
        base: list[float] = []
        base_same: list[float] = []
        for n in range(rounds + 3):  # the first three warm up
            turns = turns_of(n)
            user = f"amzn1.ask.account.BENCH-{slug}-{n % 5}"
            t_ours, t_base, t_same = play(ours, turns, user, sign), play(hello, turns, user, sign), \
                play(same, turns, user, sign)
            if n >= 3:
                mine.extend(t_ours)
                base.extend(t_base)
                base_same.extend(t_same)
        rows.append((name, statistics.median(mine) * 1e6, statistics.median(base) * 1e6,
                     statistics.median(base_same) * 1e6))
    return rows


def _slug(family: str) -> str:
    """Each family's own five benchmark users: a family shares no one's record with another, so one
    family's turns (the red-flag family leaves advice in the record) do not change what another's
    turns do and cost."""
    return "".join(c if c.isalnum() else "-" for c in family)


def _signing() -> tuple[Callable, Callable]:
    """Sign bodies with a generated leaf (tests/test_verify.py's PKI), verified against its CA."""
    import test_verify as tv

    ca_key, leaf_key, rogue_key = tv._key(), tv._key(), tv._key()
    ca = tv.make_ca("Back Pop Bench Root CA", ca_key)
    pki = tv.PKI(ca_key=ca_key, ca=ca, leaf_key=leaf_key, leaf=tv.make_leaf(ca_key, ca, leaf_key),
                 rogue_ca_key=rogue_key, rogue_ca=tv.make_ca("Rogue", rogue_key))
    now = tv.NOW  # the leaf is valid around the tests' clock; the verifier is given that clock

    def sign(body_env: dict[str, Any]) -> tuple[dict[str, str], bytes]:
        body_env["request"]["timestamp"] = now.strftime("%Y-%m-%dT%H:%M:%SZ")
        headers, body, _ = tv.signed_request(pki.leaf_key, body_env)
        return headers, body

    return sign, lambda: tv.make_verifier(pki, now=lambda: now)


# -- HTTP under gunicorn -------------------------------------------------------------------------

def http_bodies() -> list[bytes]:
    """A mix of turns, each for its own person, carrying no record in the session (a read each)."""
    bodies = []
    for n in range(200):
        user = f"amzn1.ask.account.HTTP{n}"
        kind = n % 5
        if kind == 0:
            env = envelope({"type": "LaunchRequest"}, new=True, session_id=f"s{n}", attributes=None, user_id=user)
        elif kind == 1:
            env = envelope(intent_request("WhatIsThePopIntent"), new=False, session_id=f"s{n}", attributes=None,
                           user_id=user)
        elif kind == 2:
            env = envelope(intent_request("QuestionIntent", query="does my back crack when i twist"), new=False,
                           session_id=f"s{n}", attributes=None, user_id=user)
        elif kind == 3:
            env = envelope(intent_request("ChooseStretchIntent", area=("lower back", "lower_back")), new=False,
                           session_id=f"s{n}", attributes=None, user_id=user)
        else:
            env = envelope(intent_request("AMAZON.NextIntent"), new=False, session_id=f"s{n}", user_id=user,
                           attributes={"turn": {"pending": "routine", "routine": {"stretch_ids": ["cat_cow"],
                                                                                  "index": 0, "step": n % 3}}})
        bodies.append(json.dumps(env).encode())
    return bodies


def start_gunicorn(app: str, data_dir: Path, worker_class: str | None = None) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {**os.environ, "BACKPOP_VERIFY": "0", "BACKPOP_DATA_DIR": str(data_dir), "BACKPOP_LOG_LEVEL": "WARNING",
           "WEB_CONCURRENCY": "2", "BACKPOP_BIND": f"127.0.0.1:{port}", "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "skill" / "gunicorn_conf.py")]
    if worker_class:
        args += ["--worker-class", worker_class, "--threads", "8"]
    server = subprocess.Popen([*args, app], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import urllib.request

    for _ in range(200):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1):
                return server, port
        except OSError:
            time.sleep(0.05)
    server.kill()
    raise SystemExit(f"gunicorn did not start for {app}")


def worker_rss_mib(server: subprocess.Popen) -> float:
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return statistics.mean(sizes) if sizes else float("nan")


def http(seconds: float, rounds: int, worker_class: str | None) -> tuple[list[tuple], tuple[float, float]]:
    data_dir = Path(tempfile.mkdtemp(prefix="backpop-http-"))
    bodies = http_bodies()
    servers = [start_gunicorn("skill.app:create_app()", data_dir, worker_class),
               start_gunicorn("benchmarks.hello:create_app()", data_dir / "hello", worker_class),
               start_gunicorn("benchmarks.hello:create_app(our_serializer=True)", data_dir / "hello2", worker_class)]
    ports = [port for _, port in servers]
    rows = []
    try:
        for port in ports:
            run_clients("127.0.0.1", port, bodies, 4, 1.0)  # warm them up
        for clients in (1, 8, 32):
            loads: list[list[Any]] = [[] for _ in ports]
            for _ in range(rounds):
                for port, into in zip(ports, loads):
                    into.append(run_clients("127.0.0.1", port, bodies, clients, seconds))
            rows.append((f"{clients} clients", *(_merge(load) for load in loads)))
        loads = [[] for _ in ports]
        for port, into in zip(ports, loads):
            slow = SlowClients("127.0.0.1", port, 64)
            try:
                into.append(run_clients("127.0.0.1", port, bodies, 8, seconds))
            finally:
                slow.close()
        rows.append(("8 clients + 64 slow", *(_merge(load) for load in loads)))
        memory = (worker_rss_mib(servers[0][0]), worker_rss_mib(servers[1][0]))
    finally:
        for server, _ in servers:
            server.terminate()
            server.wait(timeout=20)
    return rows, memory


def _merge(loads: list[Any]) -> Any:
    merged = loads[0]
    for load in loads[1:]:
        merged.requests += load.requests
        merged.errors += load.errors
        merged.latencies.extend(load.latencies)
        merged.seconds += load.seconds
    return merged


# -- cold start ----------------------------------------------------------------------------------

COLD = {
    "import + create_app": (
        "from skill.app import create_app; from skill.config import Config; "
        "create_app(Config(verify=False, store='memory://', log_level='WARNING'))",
        "from benchmarks.hello import create_app; from skill.config import Config; "
        "create_app(Config(verify=False, store='memory://', log_level='WARNING'))"),
    "Lambda: import + first request": (
        "from skill.lambda_function import handler; handler(EVENT, None)",
        "from benchmarks.hello import handler; handler(EVENT, None)"),
    "Lambda, as its runtime loads it": (
        "from skill.lambda_function import handler; handler(EVENT, None)",
        "from benchmarks.hello import handler; handler(EVENT, None)"),
}
# What AWS Lambda's Python runtime (awslambdaric's bootstrap.py) has imported before it imports
# the handler's module, untimed in that row: its logging is set up before any handler code runs.
RUNTIME_LOADED = {"Lambda, as its runtime loads it": "import importlib, json, logging, os, sys, time, traceback; "}


def cold_start(runs: int) -> list[tuple[str, float, float]]:
    """Each in a new interpreter, with compiled bytecode as deployed (pip compiles it when it
    installs the Lambda package or the container's): a first, untimed run of each writes it to
    a fresh cache (PYTHONPYCACHEPREFIX), whatever PYTHONDONTWRITEBYTECODE this shell has."""
    event = envelope({"type": "LaunchRequest"}, new=True, session_id="s", attributes=None)
    env = {**os.environ, "BACKPOP_STORE": "memory://", "BACKPOP_LOG_LEVEL": "WARNING", "PYTHONPATH": str(ROOT),
           "PYTHONPYCACHEPREFIX": tempfile.mkdtemp(prefix="backpop-pyc-")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    rows = []
    for name, (ours, base) in COLD.items():
        times: dict[str, list[float]] = {"ours": [], "base": []}
        for run in range(runs + 1):  # the first compiles the bytecode
            for key, code in (("ours", ours), ("base", base)):
                script = (f"{RUNTIME_LOADED.get(name, '')}import json, time; EVENT = json.loads({json.dumps(json.dumps(event))}); "
                          f"t = time.perf_counter(); {code}; print(time.perf_counter() - t)")
                out = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True,
                                     text=True, check=True)
                if run:
                    times[key].append(float(out.stdout.strip().splitlines()[-1]))
        rows.append((name, statistics.median(times["ours"]) * 1e3, statistics.median(times["base"]) * 1e3))
    return rows


def free_text_reading(rounds: int) -> tuple[float, float]:
    """The median time (µs) of the red-flag screen, and of the topic routing, on a free-text
    turn's words, as the skill reads them the first time (both keep recent readings)."""
    from skill import screen, topics

    words = "does my back crack when i twist"
    screen.screen([words], "en-US")
    topics.route(words, "en-US")  # rules and router built before timing
    found = []
    cache = screen.rules("en-US").cache  # the screen keeps recent readings: time a first reading

    def first_screen() -> None:
        cache.clear()
        screen.screen([words], "en-US")

    def first_route() -> None:
        topics.route.cache_clear()  # the routing keeps recent questions too: time a first routing
        topics.route(words, "en-US")

    for run in (first_screen, first_route):
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            run()
            times.append(time.perf_counter() - started)
        found.append(statistics.median(times) * 1e6)
    return found[0], found[1]


PARTS = ("in-process", "screen", "http", "cold")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer rounds, shorter HTTP runs")
    parser.add_argument("--worker-class", default=None, help="another gunicorn worker class (gthread, sync) to compare")
    parser.add_argument("--only", action="append", choices=PARTS,
                        help="run only this part (repeatable); default: all of them")
    args = parser.parse_args()
    parts = set(args.only or PARTS)
    rounds, seconds, http_rounds, cold_runs = (15, 1.5, 1, 5) if args.quick else (60, 3.0, 2, 11)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {platform.system()} {platform.release()}")
    for title, verify in (("in-process, SQLite store", False), ("in-process, verification on (chain cached)", True)):
        if "in-process" not in parts:
            break
        print(f"\n{title}: median µs per request (hello*: the hello-world skill on our serializer)")
        print(f"  {'family':<22}{'ours':>9}{'hello':>9}{'ratio':>8}{'hello*':>9}{'ratio*':>8}")
        for name, ours, base, same in in_process(rounds, verify):
            print(f"  {name:<22}{ours:>9.0f}{base:>9.0f}{ours / base:>8.2f}{same:>9.0f}{ours / same:>8.2f}")
    if "screen" in parts:
        screened, routed = free_text_reading(2000)
        print(f"\non a free-text turn's words, median: the red-flag screen {screened:.1f} µs, "
              f"the topic routing {routed:.1f} µs")
    if "http" in parts:
        _print_http(seconds, http_rounds, args.worker_class)
    if "cold" in parts:
        print("\ncold start (ms, median)")
        for name, ours, base in cold_start(cold_runs):
            print(f"  {name:<34}{ours:>8.0f}{base:>8.0f}{ours / base:>7.2f}x")


def _print_http(seconds: float, http_rounds: int, worker_class: str | None) -> None:
    rows, memory = http(seconds, http_rounds, worker_class)
    print(f"\nHTTP under gunicorn ({worker_class or 'skill/gunicorn_conf.py: gevent'}, 2 workers), loopback")
    print(f"  {'load':<22}{'req/s':>8}{'hello':>8}{'ratio':>7}{'hello*':>8}{'ratio*':>7}{'p50 ms':>8}{'hello':>7}"
          f"{'p99 ms':>8}{'hello':>7}{'errors':>9}")
    for name, ours, base, same in rows:
        print(f"  {name:<22}{ours.throughput:>8.0f}{base.throughput:>8.0f}{ours.throughput / base.throughput:>7.2f}"
              f"{same.throughput:>8.0f}{ours.throughput / same.throughput:>7.2f}"
              f"{ours.percentile(50) * 1e3:>8.2f}{base.percentile(50) * 1e3:>7.2f}"
              f"{ours.percentile(99) * 1e3:>8.2f}{base.percentile(99) * 1e3:>7.2f}"
              f"{ours.errors:>5}/{base.errors}/{same.errors}")
    print(f"\nmemory per worker after the load: {memory[0]:.1f} MiB, hello {memory[1]:.1f} MiB "
          f"({memory[0] / memory[1]:.2f}x)")


if __name__ == "__main__":
    main()
