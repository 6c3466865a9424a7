"""``renkei ARGS``, exactly as the console script runs it, after touching the file named by
RENKEI_FAULT_READY once the program is loaded: the fault tests count their random moments
from there, so a busy machine's slow start-up does not eat them."""

import os
import sys
from pathlib import Path

from renkei.cli.main import main

if __name__ == "__main__":
    Path(os.environ["RENKEI_FAULT_READY"]).touch()
    sys.exit(main(sys.argv[1:]))
