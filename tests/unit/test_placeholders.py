"""Qt's placeholders, filled the one way the code fills them: arg(text, *values)."""

from renkei.domain.i18n import PLURAL, TranslationContext, arg


def test_arg_fills_each_place_once_in_any_order():
    """A translation may reorder the places; a value holding "%2" stays as it is."""
    assert arg("%1 → %2", "A", "B") == "A → B"
    assert arg("%2 の %1", "A", "B") == "B の A"
    assert arg("%1 and %2", "50%2", "x") == "50%2 and x"
    assert arg("%1 of %2", 3) == "3 of %2"


def test_a_context_marks_a_plural_text_and_leaves_its_count_for_later():
    class Words(TranslationContext):
        pass

    assert Words.tr("%n day(s)", "", PLURAL) == "%n day(s)"
    assert Words.tr("%n day(s)", "", 1) == "1 day"
    assert Words.tr("%n day(s)", "", 3) == "3 days"
