"""The board session: the current snapshot, applying changes, undo/redo. Qt-free."""
