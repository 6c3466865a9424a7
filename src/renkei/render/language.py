"""Moved to ``renkei.i18n.language``; kept while call sites move (the i18n codemod rewrites
them), then deleted."""

from renkei.i18n.language import (  # noqa: F401 - re-exported for the call sites not yet moved
    LANGUAGES,
    TranslationsMissing,
    catalogue_path,
    chosen_language,
    use_language,
)
