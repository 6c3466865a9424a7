"""The frozen app's entry point: exactly the ``renkei`` console script (no command: the
window; sub-commands: headless)."""

import sys

from renkei.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
