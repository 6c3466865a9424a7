"""Progress of long work on stderr, for a terminal and for a log."""

from __future__ import annotations


class Progress:
    """``Creating tasks: 2,000/10,000`` on stderr: one updating line on a terminal, a line
    per tenth otherwise (logs stay short). Work smaller than ``at_least`` shows nothing."""

    def __init__(self, stream, label: str = "Creating tasks", at_least: int = 0):
        self.stream = stream
        self.label = label
        self.at_least = at_least
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        if total < self.at_least:
            return
        if self.tty:
            end = "\n" if done == total else ""
            self.stream.write(f"\r{self.label}: {done:,}/{total:,}{end}")
        else:
            tenth = done * 10 // max(total, 1)
            if tenth == self.last_tenth:
                return
            self.last_tenth = tenth
            self.stream.write(f"{self.label}: {done:,}/{total:,}\n")
        self.stream.flush()


