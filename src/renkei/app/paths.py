"""Every place Renkei reads or writes on this machine, in one module.

``RENKEI_DATA_DIR`` and ``RENKEI_CONFIG_DIR`` override the platform folders, so tests and
scripts never touch a user's real board or settings."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Renkei"
BOARD_SUFFIX = ".renkei"


def data_dir() -> Path:
    override = os.environ.get("RENKEI_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))


def config_dir() -> Path:
    override = os.environ.get("RENKEI_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, False))


def default_board_path() -> Path:
    return data_dir() / f"board{BOARD_SUFFIX}"


def settings_path() -> Path:
    return config_dir() / "settings.json"
