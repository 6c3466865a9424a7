"""Marks user-visible strings in Qt-free code for translation.

Qt's ``lupdate`` recognises calls named ``QT_TRANSLATE_NOOP`` in Python sources, so the
strings written here reach the translation catalogue while this package stays free of Qt.
The UI translates the marked text at display time with the same context.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate matches the name
    return text
