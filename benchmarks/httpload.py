"""HTTP load on loopback for the benchmarks and the load tests: keep-alive clients, latencies, errors.

`run_clients(url, bodies, clients, seconds)` runs `clients` threads in this process, each with its
own keep-alive connection, posting the bodies round-robin for `seconds`; it returns the request
count, errors (any non-200, or a connection failure) and the latencies. `slow_clients(n)` opens
connections that send a request one byte at a time, the way a slow or hostile client does.
"""
from __future__ import annotations

import http.client
import socket
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Load:
    requests: int = 0
    errors: int = 0
    latencies: list[float] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else float("nan")


def run_clients(host: str, port: int, bodies: list[bytes], clients: int, seconds: float,
                path: str = "/") -> Load:
    load, lock = Load(), threading.Lock()
    stop = time.perf_counter() + seconds

    def client(offset: int) -> None:
        conn = http.client.HTTPConnection(host, port, timeout=10)
        n, mine, errors = offset, [], 0
        while time.perf_counter() < stop:
            body = bodies[n % len(bodies)]
            n += 1
            started = time.perf_counter()
            try:
                conn.request("POST", path, body=body, headers={"Content-Type": "application/json"})
                reply = conn.getresponse()
                reply.read()
                if reply.status != 200:
                    errors += 1
            except (OSError, http.client.HTTPException):
                errors += 1
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=10)
                continue
            mine.append(time.perf_counter() - started)
        conn.close()
        with lock:
            load.requests += len(mine)
            load.errors += errors
            load.latencies.extend(mine)

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    load.seconds = time.perf_counter() - started
    return load


class SlowClients:
    """`n` connections that each send a POST one byte every `gap` seconds, until closed."""

    def __init__(self, host: str, port: int, n: int, gap: float = 0.5) -> None:
        self.socks: list[socket.socket] = []
        self._stop = threading.Event()
        request = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
        for _ in range(n):
            sock = socket.create_connection((host, port), timeout=5)
            sock.sendall(request[:5])  # started, never finished
            self.socks.append(sock)
        self._thread = threading.Thread(target=self._trickle, args=(request, gap), daemon=True)
        self._thread.start()

    def _trickle(self, request: bytes, gap: float) -> None:
        pos = 5
        while not self._stop.wait(gap):
            for sock in self.socks:
                try:
                    sock.sendall(request[pos % len(request):pos % len(request) + 1] or b" ")
                except OSError:
                    pass
            pos += 1

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        for sock in self.socks:
            sock.close()
