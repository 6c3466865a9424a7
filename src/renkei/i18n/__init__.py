"""Renkei's languages: the translator (``language``), the words several views share
(``words``), the placeholder helper and the translation contexts for texts with a count.

How strings are marked, so that Qt's ``pyside6-lupdate`` finds every one of them
(packaging/update_translations.py runs it):

- ``self.tr("text")`` in a class whose name is the context (PySide looks the text up under
  the class and its bases);
- ``QCoreApplication.translate("Context", "text")`` anywhere else;
- ``Context.tr("%n task(s)", "", n)`` for a text with a count, ``Context`` a class in
  ``renkei.i18n.contexts`` (or ``self.tr(text, "", n)`` in a class of that name);
- ``QT_TRANSLATE_NOOP("Context", "text")`` for a constant, translated where it is shown with
  ``QCoreApplication.translate("Context", constant)``.

Placeholders are Qt's: ``arg(QCoreApplication.translate("Ctx", "%1 of %2"), a, b)``.
"""

from renkei.domain.i18n import PLURAL, arg
from renkei.i18n.words import translate_marked

__all__ = ["PLURAL", "arg", "translate_marked"]
