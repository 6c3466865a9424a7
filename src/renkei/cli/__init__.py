"""The ``renkei`` command: the GUI by default, sub-commands for headless work.

Thin on purpose: parse arguments, call ``renkei.app``, format what comes back. Nothing here
imports Qt unless the GUI or a snapshot is asked for."""
