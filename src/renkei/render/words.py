"""Moved to ``renkei.i18n.words``; kept while call sites move (the i18n codemod rewrites
them), then deleted."""

from renkei.i18n.words import (  # noqa: F401 - re-exported for the call sites not yet moved
    FINDING_WORDS,
    date_text,
    due_text,
    finding_word,
    risk_word,
    span_text,
)
from renkei.i18n.words import translate_marked as tr  # noqa: F401
