"""Stand-ins for services a test machine lacks; real parts are used everywhere else."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """A keyring that forgets everything when the test ends (no system keyring in CI)."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.saved.get((service, username))

    def set_password(self, service, username, password):
        self.saved[(service, username)] = password

    def delete_password(self, service, username):
        if self.saved.pop((service, username), None) is None:
            raise PasswordDeleteError("not stored")


class FileKeyring(KeyringBackend):
    """A keyring kept in a JSON file named by RENKEI_TEST_KEYRING, for `renkei` subprocesses:
    PYTHON_KEYRING_BACKEND=fakes.FileKeyring (with tests/ on PYTHONPATH). Never the real one."""

    priority = 1

    @staticmethod
    def _path():
        import os
        from pathlib import Path

        return Path(os.environ["RENKEI_TEST_KEYRING"])

    def _read(self) -> dict[str, str]:
        import json

        path = self._path()
        return json.loads(path.read_text()) if path.exists() else {}

    def _write(self, saved: dict[str, str]) -> None:
        import json

        self._path().write_text(json.dumps(saved))

    def get_password(self, service, username):
        return self._read().get(f"{service}\n{username}")

    def set_password(self, service, username, password):
        saved = self._read()
        saved[f"{service}\n{username}"] = password
        self._write(saved)

    def delete_password(self, service, username):
        saved = self._read()
        if saved.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError("not stored")
        self._write(saved)
