"""``python -m renkei``: the ``renkei`` command (the window, or a sub-command)."""

import sys

from renkei.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
