"""Errors told in the person's language: a marked sentence and its values, English by str()."""

from renkei.domain.commands import CommandError, ValidationError
from renkei.domain.i18n import QT_TRANSLATE_NOOP, Sentence, told
from renkei.store.database import StorageError

JAPANESE = {
    ("Refusal", "%1 must be a date"): "%1は日付で入力してください",
    ("Refusal", "Task %1 was not saved: %2"): "タスク%1は保存されませんでした：%2",
}


def japanese(context: str, text: str, n: int = -1) -> str:
    return JAPANESE.get((context, text), text)


def test_english_by_str_and_the_persons_language_by_said():
    error = ValidationError(QT_TRANSLATE_NOOP("Refusal", "%1 must be a date"), "期日")
    assert str(error) == "期日 must be a date"
    assert error.said(japanese) == "期日は日付で入力してください"


def test_a_reason_inside_a_reason_is_told_in_the_same_language():
    inner = ValidationError(QT_TRANSLATE_NOOP("Refusal", "%1 must be a date"), "Due")
    outer = CommandError(QT_TRANSLATE_NOOP("Refusal", "Task %1 was not saved: %2"), 7, inner)
    assert str(outer) == "Task 7 was not saved: Due must be a date"
    assert outer.said(japanese) == "タスク7は保存されませんでした：Dueは日付で入力してください"


def test_a_plain_text_and_a_foreign_error_are_shown_as_they_are():
    assert told(StorageError("the server said: FATAL too many clients"), japanese) == (
        "the server said: FATAL too many clients"
    )
    assert told(ValueError("bad"), japanese) == "bad"
    assert isinstance(StorageError("x"), Sentence) and isinstance(CommandError("x"), Sentence)


def test_a_copy_or_a_pickle_keeps_the_sentence_whatever_its_init_takes():
    """dataclasses.asdict deep-copies what it holds; a kind whose __init__ takes other
    arguments (a damaged board takes its path and the detail) is made again all the same."""
    import copy
    import pickle
    from pathlib import Path

    from renkei.store.migrate import BoardDamaged

    error = BoardDamaged(Path("/boards/team.renkei"), "database disk image is malformed")
    for again in (copy.deepcopy(error), pickle.loads(pickle.dumps(error))):
        assert type(again) is BoardDamaged
        assert str(again) == str(error)
        assert again.text == error.text and list(map(str, again.values)) == list(
            map(str, error.values)
        )
        assert again.said(japanese) == error.said(japanese)
