"""A TCP front for the test PostgreSQL server that can go silent or away, as a server behind a
firewall that drops packets, or one that stopped, would.

Forwarding: every connection is relayed to the real server. ``silent()``: the relayed
connections are cut (the client sees its connection drop) and new ones are accepted and then
never answered, so a client waits out its connect timeout. ``dead()``: nothing listens any
more (connection refused at once). ``forward()`` after ``silent()``: the server is back.
"""

from __future__ import annotations

import contextlib
import socket
import threading


class SilentServer:
    def __init__(self, target: tuple[str, int] = ("127.0.0.1", 5432)):
        self.target = target
        self.mode = "forward"
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self._listener.settimeout(0.1)  # so the accept loop notices dead()/close()
        self.port = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._relayed: list[socket.socket] = []
        self._held: list[socket.socket] = []
        self._closed = False
        self.accepted_silently = 0
        self._thread = threading.Thread(target=self._accept, name="silent-server", daemon=True)
        self._thread.start()

    def url(self, database: str, user: str = "postgres") -> str:
        return f"postgresql+psycopg://{user}@127.0.0.1:{self.port}/{database}"

    # -- what the server does ------------------------------------------------------------------

    def silent(self) -> None:
        """Cut every relayed connection; accept new ones and never answer them."""
        with self._lock:
            self.mode = "silent"
            relayed, self._relayed = self._relayed, []
        for sock in relayed:
            _close(sock)

    def blackhole(self) -> None:
        """Drop everything, as a pulled cable or a dead VPN would: relayed connections stay
        open but nothing passes any more, and new ones are accepted and never answered."""
        with self._lock:
            self.mode = "blackhole"

    def forward(self) -> None:
        """Answer again: new connections are relayed to the real server."""
        with self._lock:
            if self.mode in ("silent", "blackhole"):
                self.mode = "forward"

    def dead(self) -> None:
        """Stop listening: a connection is refused at once."""
        self.silent()
        with self._lock:
            self.mode = "dead"
        self._stop_listening()

    def close(self) -> None:
        self._closed = True
        self.dead()
        self._thread.join(timeout=2)
        with self._lock:
            held, self._held = self._held, []
        for sock in held:
            _close(sock)

    # -- the plumbing --------------------------------------------------------------------------

    def _stop_listening(self) -> None:
        with contextlib.suppress(OSError):
            self._listener.close()

    def _accept(self) -> None:
        while not self._closed and self.mode != "dead":
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                mode = self.mode
                if mode != "forward":
                    self._held.append(client)  # kept open, never read, never answered
                    self.accepted_silently += 1
                    continue
            try:
                upstream = socket.create_connection(self.target, timeout=3)
            except OSError:
                _close(client)
                continue
            client.settimeout(None)
            upstream.settimeout(None)
            with self._lock:
                self._relayed += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                if self.mode == "blackhole":
                    continue  # swallowed: the other side never hears of it
                sink.sendall(data)
        except OSError:
            pass
        _close(source)
        _close(sink)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()
