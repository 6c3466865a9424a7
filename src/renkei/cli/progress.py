"""Progress of long work on stderr, for a terminal and for a log."""

from __future__ import annotations

from renkei.cli.words import Cli
from renkei.domain.i18n import QT_TRANSLATE_NOOP

# The labels the commands give (marked here, translated when the progress starts).
LABELS = (
    QT_TRANSLATE_NOOP("Cli", "Creating tasks"),
    QT_TRANSLATE_NOOP("Cli", "Copying rows"),
    QT_TRANSLATE_NOOP("Cli", "Importing"),
)


class Progress:
    """``Creating tasks: 2,000/10,000`` on stderr: one updating line on a terminal, a line
    per tenth otherwise (logs stay short). Work smaller than ``at_least`` shows nothing.
    ``label`` is a marked text (context "Cli"), said in the command's language."""

    def __init__(self, stream, label: str = "Creating tasks", at_least: int = 0):
        self.stream = stream
        self.label = Cli.tr(label)
        self.at_least = at_least
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.last_tenth = -1
        self._colon = Cli.tr(": ")

    def __call__(self, done: int, total: int) -> None:
        if total < self.at_least:
            return
        if self.tty:
            end = "\n" if done == total else ""
            self.stream.write(f"\r{self.label}{self._colon}{done:,}/{total:,}{end}")
        else:
            tenth = done * 10 // max(total, 1)
            if tenth == self.last_tenth:
                return
            self.last_tenth = tenth
            self.stream.write(f"{self.label}{self._colon}{done:,}/{total:,}\n")
        self.stream.flush()


