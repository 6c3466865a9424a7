"""Only for the build step pyproject.toml cannot express: compiling the translations.

The `.ts` sources under resources/translations/ become `.qm` catalogues with Qt's lrelease
(packaging/update_translations.py), inside the built package (or beside the sources for an
editable install), so the `.qm` files are never committed by hand.
"""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

sys.path.insert(0, str(Path(__file__).resolve().parent / "packaging"))
import update_translations  # noqa: E402


class BuildWithTranslations(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            target = update_translations.TRANSLATIONS
        else:
            target = Path(self.build_lib) / "renkei" / "resources" / "translations"
        update_translations.build(target)


setup(cmdclass={"build_py": BuildWithTranslations})
